//! User API v1 (`/userapi/…`): routing, shared parameter parsing and the
//! transaction endpoints.

pub mod accounts;
pub mod model;

use crate::common::money::{cents, parse_cents};
use crate::common::params::Params;
use crate::common::respond::{ApiResponse, Flavor};
use crate::common::timefmt::{self, ParsedDate};
use crate::dataset::txn::Txn;
use crate::dataset::Dataset;
use crate::server::config::V1Order;
use crate::v1::model::{envelope, txn_list_body, V1Txn};

/// Maximum (and default) `limit` of `transactions/list`.
pub const MAX_LIMIT: usize = 5000;

/// A v1 parameter error, answered with HTTP 400 (UNVERIFIED shape).
pub type BadParam = String;

/// Answers a v1 request; `segs` are the path segments after `userapi`.
pub fn handle(ds: &Dataset, order: V1Order, segs: &[&str], p: &Params) -> ApiResponse {
    let result = match segs {
        ["transactions", "list"] => list(ds, order, p),
        ["transactions", "details", id] => Ok(details(ds, id)),
        ["transactions", "count"] => count(ds, p),
        ["bankaccounts", "list"] => accounts::list(ds, order, p),
        ["bankaccounts", "details", id] => Ok(accounts::details(ds, id)),
        ["bankaccounts", "count"] => accounts::count(ds, p),
        _ => Ok(ApiResponse::not_found(Flavor::V1)),
    };
    result.unwrap_or_else(|msg| ApiResponse::v1_error(400, &msg))
}

/// Parses a non-negative integer parameter.
pub fn uint(p: &Params, key: &str) -> Result<Option<u64>, BadParam> {
    match p.get(key) {
        None => Ok(None),
        Some(v) if v.bytes().all(|b| b.is_ascii_digit()) => v
            .parse()
            .map(Some)
            .map_err(|_| format!("The {key} field must be an integer.")),
        Some(_) => Err(format!("The {key} field must be an integer.")),
    }
}

/// Parses `limit` (1..=`max`, default `default`).
pub fn limit(p: &Params, default: usize, max: usize) -> Result<usize, BadParam> {
    match uint(p, "limit")? {
        None => Ok(default),
        Some(n) if (1..=max as u64).contains(&n) => Ok(n as usize),
        Some(_) => Err(format!("The limit field must be between 1 and {max}.")),
    }
}

/// Parses a date filter (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`).
pub fn date(p: &Params, key: &str) -> Result<Option<ParsedDate>, BadParam> {
    p.get(key)
        .map(|v| timefmt::parse(v).ok_or_else(|| format!("The {key} field must be a valid date.")))
        .transpose()
}

/// Parses an amount filter (`18067000` or `18067000.00`) into cents.
pub fn amount(p: &Params, key: &str) -> Result<Option<u128>, BadParam> {
    p.get(key)
        .map(|v| parse_cents(v).ok_or_else(|| format!("The {key} field must be a number.")))
        .transpose()
}

/// Ids in `lo..=hi` matching `pred`, ordered per the v1 rules.
pub fn select(
    lo: u64,
    hi: u64,
    limit: usize,
    since: bool,
    order: V1Order,
    pred: impl Fn(u64) -> bool,
) -> Vec<u64> {
    if lo > hi {
        return Vec::new();
    }
    let newest_first = || (lo..=hi).rev().filter(|i| pred(*i)).take(limit);
    match (since, order) {
        (false, _) | (true, V1Order::Desc) => newest_first().collect(),
        (true, V1Order::Asc) => (lo..=hi).filter(|i| pred(*i)).take(limit).collect(),
        (true, V1Order::AscSkipping) => (lo..=hi)
            .filter(|i| pred(*i))
            .skip(usize::from(lo > 1))
            .take(limit)
            .collect(),
        (true, V1Order::NewestAsc) => {
            let mut v: Vec<u64> = newest_first().collect();
            v.reverse();
            v
        }
    }
}

fn amount_matches(filter: Option<u128>, value: u64) -> bool {
    filter.is_none_or(|c| c == cents(value))
}

/// Parsed transaction filters: an id range plus per-item checks.
struct TxnQuery {
    lo: u64,
    hi: u64,
    since: bool,
    account: Option<u32>,
    amount_in: Option<u128>,
    amount_out: Option<u128>,
}

impl TxnQuery {
    fn parse(ds: &Dataset, p: &Params) -> Result<TxnQuery, BadParam> {
        let since_id = uint(p, "since_id")?;
        let (dmin, dmax) = (
            date(p, "transaction_date_min")?,
            date(p, "transaction_date_max")?,
        );
        let (amount_in, amount_out) = (amount(p, "amount_in")?, amount(p, "amount_out")?);
        let mut q = TxnQuery {
            lo: since_id.unwrap_or(1).max(1),
            hi: ds.len(),
            since: since_id.is_some(),
            account: None,
            amount_in,
            amount_out,
        };
        if let Some(d) = dmin {
            q.lo = q.lo.max(ds.first_id_at_or_after(d.lower()));
        }
        if let Some(d) = dmax {
            q.hi = q.hi.min(ds.last_id_at_or_before(d.upper()));
        }
        if let Some(num) = p.get("account_number") {
            match ds.account_by_number(num) {
                Some(a) => q.account = Some(a.index - 1),
                None => q.hi = 0,
            }
        }
        if let Some(r) = p.get("reference_number") {
            match ds.txn_id_of_reference(r) {
                Some(id) => {
                    q.lo = q.lo.max(id);
                    q.hi = q.hi.min(id);
                }
                None => q.hi = 0,
            }
        }
        Ok(q)
    }

    fn trivial(&self) -> bool {
        self.account.is_none() && self.amount_in.is_none() && self.amount_out.is_none()
    }

    fn matches(&self, t: &Txn<'_>) -> bool {
        self.account.is_none_or(|a| t.row.account == a)
            && amount_matches(self.amount_in, t.amount_in())
            && amount_matches(self.amount_out, t.amount_out())
    }
}

fn list(ds: &Dataset, order: V1Order, p: &Params) -> Result<ApiResponse, BadParam> {
    let q = TxnQuery::parse(ds, p)?;
    let limit = limit(p, MAX_LIMIT, MAX_LIMIT)?;
    let ids = select(q.lo, q.hi, limit, q.since, order, |i| {
        q.trivial() || ds.txn(i).is_some_and(|t| q.matches(&t))
    });
    let items: Vec<V1Txn<'_>> = ids
        .iter()
        .filter_map(|i| ds.txn(*i))
        .map(|t| V1Txn::new(&t))
        .collect();
    Ok(ApiResponse::json(200, txn_list_body(&items)))
}

fn details(ds: &Dataset, id: &str) -> ApiResponse {
    let t = id
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| id.parse::<u64>().ok())
        .flatten()
        .and_then(|i| ds.txn(i));
    match t {
        Some(t) => ApiResponse::json(200, envelope("transaction", &V1Txn::new(&t), 1)),
        None => ApiResponse::not_found(Flavor::V1),
    }
}

fn count(ds: &Dataset, p: &Params) -> Result<ApiResponse, BadParam> {
    let q = TxnQuery::parse(ds, p)?;
    let n = if q.lo > q.hi {
        0
    } else if q.trivial() {
        q.hi - q.lo + 1
    } else {
        (q.lo..=q.hi)
            .filter(|i| ds.txn(*i).is_some_and(|t| q.matches(&t)))
            .count() as u64
    };
    Ok(ApiResponse::json(
        200,
        envelope("count_transactions", &n, 0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_orders() {
        let all = |_| true;
        assert_eq!(select(1, 10, 3, false, V1Order::Asc, all), [10, 9, 8]);
        assert_eq!(select(4, 10, 3, true, V1Order::Asc, all), [4, 5, 6]);
        assert_eq!(select(4, 10, 3, true, V1Order::Desc, all), [10, 9, 8]);
        assert_eq!(select(4, 10, 3, true, V1Order::NewestAsc, all), [8, 9, 10]);
        assert_eq!(
            select(4, 10, 3, true, V1Order::Asc, |i| i % 2 == 0),
            [4, 6, 8]
        );
        assert!(select(5, 4, 3, true, V1Order::Asc, all).is_empty());
    }
}
