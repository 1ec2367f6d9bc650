//! User API v2 (`/v2/…`): routing and the transaction endpoints.

pub mod accounts;
pub mod model;
pub mod params;

use crate::common::ids::{index_of, Kind, Uuid};
use crate::common::params::Params;
use crate::common::respond::{ApiResponse, Flavor};
use crate::dataset::accounts::split_sub_index;
use crate::dataset::txn::Txn;
use crate::dataset::Dataset;
use crate::v2::model::{list_body, one_body, Pagination, V2Txn};
use crate::v2::params::{Dir, PageReq, Validator};

/// Answers a v2 request; `segs` are the path segments after `v2`.
pub fn handle(ds: &Dataset, segs: &[&str], p: &Params) -> ApiResponse {
    let r = match segs {
        ["transactions"] => list(ds, p),
        ["transactions", id] => Ok(details(ds, id)),
        ["bank-accounts"] => accounts::list(ds, p),
        ["bank-accounts", id] => Ok(accounts::details(ds, id)),
        ["bank-accounts", id, "va"] => accounts::va_list(ds, id, p),
        ["bank-accounts", id, "va", va] => Ok(accounts::va_details(ds, id, va)),
        ["bank-accounts", id, "terminals"] => Ok(accounts::terminals(ds, id)),
        _ => Ok(ApiResponse::not_found(Flavor::V2)),
    };
    r.unwrap_or_else(|e| e)
}

/// Case-insensitive ASCII substring test (`needle` already lowercase).
pub fn contains_ci(hay: &str, needle_lower: &str) -> bool {
    needle_lower.is_empty() || hay.to_ascii_lowercase().contains(needle_lower)
}

/// Which key orders a transaction list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Date,
    AmountIn,
    AmountOut,
}

/// Parsed `/v2/transactions` filters.
struct TxnQuery {
    lo: u64,
    hi: u64,
    q: Option<String>,
    account: Option<u32>,
    va: Option<(u32, u32)>,
    brand: Option<String>,
    amount_in: (Option<u64>, Option<u64>),
    amount_out: (Option<u64>, Option<u64>),
    content: Option<String>,
    incoming: Option<bool>,
    webhook: Option<bool>,
    sort: (SortKey, Dir),
    page: PageReq,
}

fn in_range(v: u64, (min, max): (Option<u64>, Option<u64>)) -> bool {
    min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m)
}

impl TxnQuery {
    fn parse(ds: &Dataset, p: &Params) -> Result<TxnQuery, ApiResponse> {
        let mut v = Validator::new(p);
        let from = v.date("transaction_date_from");
        let to = v.date("transaction_date_to");
        let bank_account = v.uuid("bank_account_id");
        let va_id = v.uuid("va_id");
        let since = v.uuid("since_id");
        let amount_in = (v.uint("amount_in_min"), v.uint("amount_in_max"));
        let amount_out = (v.uint("amount_out_min"), v.uint("amount_out_max"));
        let incoming = v.transfer_type("transfer_type");
        let webhook = v.flag("webhook_success");
        let date_sort = v.sort("transaction_date_sort");
        let in_sort = v.sort("amount_in_sort");
        let out_sort = v.sort("amount_out_sort");
        let page = v.page();
        let since_id = since.and_then(|u| {
            let id = ds.txn_id_of(&u);
            if id.is_none() {
                v.error("since_id", "The selected since_id is invalid.");
            }
            id
        });
        v.finish()?;
        let sort = match (in_sort, out_sort, date_sort) {
            (Some(d), _, _) => (SortKey::AmountIn, d),
            (None, Some(d), _) => (SortKey::AmountOut, d),
            (None, None, d) => (SortKey::Date, d.unwrap_or(Dir::Desc)),
        };
        let mut q = TxnQuery {
            lo: 1,
            hi: ds.len(),
            q: p.get("q").map(str::to_ascii_lowercase),
            account: None,
            va: None,
            brand: p.get("bank_brand_name").map(str::to_ascii_lowercase),
            amount_in,
            amount_out,
            content: p.get("transaction_content").map(str::to_ascii_lowercase),
            incoming,
            webhook,
            sort,
            page,
        };
        if let Some(id) = since_id {
            q.lo = id + 1;
        }
        if let Some(d) = from {
            q.lo = q.lo.max(ds.first_id_at_or_after(d.lower()));
        }
        if let Some(d) = to {
            q.hi = q.hi.min(ds.last_id_at_or_before(d.upper()));
        }
        if let Some(u) = bank_account {
            match account_index(ds, &u) {
                Some(a) => q.account = Some(a),
                None => q.hi = 0,
            }
        }
        if let Some(u) = va_id {
            match va_index(ds, &u) {
                Some(x) => q.va = Some(x),
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
        self.q.is_none()
            && self.account.is_none()
            && self.va.is_none()
            && self.brand.is_none()
            && self.amount_in == (None, None)
            && self.amount_out == (None, None)
            && self.content.is_none()
            && self.incoming.is_none()
            && self.webhook.is_none()
    }

    fn matches(&self, t: &Txn<'_>) -> bool {
        let acc = t.account();
        self.account.is_none_or(|a| t.row.account == a)
            && self
                .va
                .is_none_or(|(a, j)| t.row.account == a && t.va_slot() == Some(j))
            && self.incoming.is_none_or(|i| t.row.incoming == i)
            && self.webhook.is_none_or(|w| (t.webhook_success() == 1) == w)
            && in_range(t.amount_in(), self.amount_in)
            && in_range(t.amount_out(), self.amount_out)
            && self
                .brand
                .as_deref()
                .is_none_or(|b| acc.bank.short_name.eq_ignore_ascii_case(b))
            && self
                .content
                .as_deref()
                .is_none_or(|c| contains_ci(&t.content(), c))
            && self.q.as_deref().is_none_or(|q| {
                contains_ci(&t.reference(), q)
                    || contains_ci(&t.content(), q)
                    || t.code().is_some_and(|c| contains_ci(&c.to_string(), q))
            })
    }
}

/// 0-based account index of a v2 bank account id.
pub fn account_index(ds: &Dataset, u: &Uuid) -> Option<u32> {
    let i = index_of(ds.seed, Kind::BankAccount, u)?;
    ds.account(i).map(|a| a.index - 1)
}

/// `(0-based account index, VA slot)` of a v2 virtual account id.
pub fn va_index(ds: &Dataset, u: &Uuid) -> Option<(u32, u32)> {
    let (a, j) = split_sub_index(index_of(ds.seed, Kind::VirtualAccount, u)?);
    let acc = ds.account(a)?;
    ((j as usize) < acc.vas.len()).then_some((a - 1, j))
}

/// Ids of the requested page and the total number of matches.
fn page_ids(ds: &Dataset, q: &TxnQuery) -> (Vec<u64>, u64) {
    let (offset, per) = (q.page.offset(), q.page.per_page);
    if q.lo > q.hi {
        return (Vec::new(), 0);
    }
    let asc = q.sort.1 == Dir::Asc;
    match q.sort.0 {
        SortKey::Date if q.trivial() => {
            let total = q.hi - q.lo + 1;
            let ids = (offset..total.min(offset.saturating_add(per)))
                .map(|k| if asc { q.lo + k } else { q.hi - k })
                .collect();
            (ids, total)
        }
        SortKey::Date => {
            let mut ids = Vec::new();
            let mut total = 0u64;
            let mut visit = |i: u64| {
                if ds.txn(i).is_some_and(|t| q.matches(&t)) {
                    if total >= offset && total < offset.saturating_add(per) {
                        ids.push(i);
                    }
                    total += 1;
                }
            };
            if asc {
                (q.lo..=q.hi).for_each(&mut visit);
            } else {
                (q.lo..=q.hi).rev().for_each(&mut visit);
            }
            (ids, total)
        }
        key => {
            let amount = |t: &Txn<'_>| {
                if key == SortKey::AmountIn {
                    t.amount_in()
                } else {
                    t.amount_out()
                }
            };
            let mut all: Vec<(u64, u64)> = (q.lo..=q.hi)
                .filter_map(|i| ds.txn(i).map(|t| (i, t)))
                .filter(|(_, t)| q.trivial() || q.matches(t))
                .map(|(i, t)| (amount(&t), i))
                .collect();
            all.sort_unstable();
            if !asc {
                all.reverse();
            }
            let total = all.len() as u64;
            let ids = all
                .into_iter()
                .skip(offset.min(total) as usize)
                .take(per as usize)
                .map(|(_, i)| i)
                .collect();
            (ids, total)
        }
    }
}

fn list(ds: &Dataset, p: &Params) -> Result<ApiResponse, ApiResponse> {
    let q = TxnQuery::parse(ds, p)?;
    let (ids, total) = page_ids(ds, &q);
    let items: Vec<V2Txn<'_>> = ids
        .iter()
        .filter_map(|i| ds.txn(*i))
        .map(|t| V2Txn::new(&t))
        .collect();
    let pagination = Pagination::new(total, q.page.page, q.page.per_page);
    Ok(ApiResponse::json(200, list_body(&items, Some(pagination))))
}

fn details(ds: &Dataset, id: &str) -> ApiResponse {
    match Uuid::parse(id)
        .and_then(|u| ds.txn_id_of(&u))
        .and_then(|i| ds.txn(i))
    {
        Some(t) => ApiResponse::json(200, one_body(&V2Txn::new(&t))),
        None => ApiResponse::not_found(Flavor::V2),
    }
}
