//! User API v1 bank-account endpoints.

use crate::common::money::cents;
use crate::common::params::Params;
use crate::common::respond::{ApiResponse, Flavor};
use crate::common::timefmt::ParsedDate;
use crate::dataset::accounts::BankAccount;
use crate::dataset::Dataset;
use crate::server::config::V1Order;
use crate::v1::model::{envelope, V1BankAccount};
use crate::v1::{amount, date, limit, select, uint, BadParam, MAX_LIMIT};

/// Default `limit` of `bankaccounts/list`.
pub const DEFAULT_LIMIT: usize = 100;

struct AccountQuery<'p> {
    lo: u64,
    hi: u64,
    since: bool,
    short_name: Option<&'p str>,
    last_min: Option<ParsedDate>,
    last_max: Option<ParsedDate>,
    acc_min: Option<u128>,
    acc_max: Option<u128>,
}

impl<'p> AccountQuery<'p> {
    fn parse(ds: &Dataset, p: &'p Params) -> Result<AccountQuery<'p>, BadParam> {
        let since_id = uint(p, "since_id")?;
        Ok(AccountQuery {
            lo: since_id.unwrap_or(1).max(1),
            hi: ds.accounts.len() as u64,
            since: since_id.is_some(),
            short_name: p.get("short_name"),
            last_min: date(p, "last_transaction_date_min")?,
            last_max: date(p, "last_transaction_date_max")?,
            acc_min: amount(p, "accumulated_min")?,
            acc_max: amount(p, "accumulated_max")?,
        })
    }

    fn matches(&self, a: &BankAccount) -> bool {
        if let Some(s) = self.short_name {
            if !a.bank.short_name.eq_ignore_ascii_case(s) {
                return false;
            }
        }
        if self.last_min.is_some() || self.last_max.is_some() {
            let Some(last) = a.last_transaction else {
                return false;
            };
            if self.last_min.is_some_and(|d| last < d.lower())
                || self.last_max.is_some_and(|d| last > d.upper())
            {
                return false;
            }
        }
        let bal = cents(a.accumulated);
        self.acc_min.is_none_or(|m| bal >= m) && self.acc_max.is_none_or(|m| bal <= m)
    }

    fn matches_id(&self, ds: &Dataset, id: u64) -> bool {
        ds.account(id as u32).is_some_and(|a| self.matches(a))
    }
}

/// `GET /userapi/bankaccounts/list`.
pub fn list(ds: &Dataset, order: V1Order, p: &Params) -> Result<ApiResponse, BadParam> {
    let q = AccountQuery::parse(ds, p)?;
    let limit = limit(p, DEFAULT_LIMIT, MAX_LIMIT)?;
    let ids = select(q.lo, q.hi, limit, q.since, order, |i| q.matches_id(ds, i));
    let items: Vec<V1BankAccount<'_>> = ids
        .iter()
        .filter_map(|i| ds.account(*i as u32))
        .map(V1BankAccount::new)
        .collect();
    Ok(ApiResponse::json(
        200,
        envelope("bankaccounts", &items, items.len()),
    ))
}

/// `GET /userapi/bankaccounts/details/{id}`.
pub fn details(ds: &Dataset, id: &str) -> ApiResponse {
    let a = id
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| id.parse::<u32>().ok())
        .flatten()
        .and_then(|i| ds.account(i));
    match a {
        Some(a) => ApiResponse::json(200, envelope("bankaccount", &V1BankAccount::new(a), 1)),
        None => ApiResponse::not_found(Flavor::V1),
    }
}

/// `GET /userapi/bankaccounts/count`.
pub fn count(ds: &Dataset, p: &Params) -> Result<ApiResponse, BadParam> {
    let q = AccountQuery::parse(ds, p)?;
    let n = (q.lo..=q.hi).filter(|i| q.matches_id(ds, *i)).count() as u64;
    Ok(ApiResponse::json(
        200,
        envelope("count_bankaccounts", &n, 0),
    ))
}
