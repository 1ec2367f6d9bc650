//! Bank Hub reads derived from the dataset: linked bank accounts (v2 UUIDs
//! as `xid`, owned round robin by the seeded companies), their transactions
//! (integer amounts, `in` / `out`) and per-company daily counters.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;

use crate::bank_hub::api::{data, list_meta, page_body, paging, validation, Errors};
use crate::bank_hub::store::company_of_account;
use crate::common::ids::Uuid;
use crate::common::money::V1Money;
use crate::common::params::Params;
use crate::common::respond::ApiResponse;
use crate::common::timefmt::{self, DateTime};
use crate::dataset::accounts::BankAccount;
use crate::dataset::txn::{PaymentCode, Txn};
use crate::dataset::{txn_date, Dataset};
use crate::server::state::AppState;
use crate::v2::{account_index, contains_ci};

/// A linked bank account.
#[derive(Debug, Serialize)]
struct HubAccount<'a> {
    xid: Uuid,
    company_xid: Uuid,
    brand_name: &'static str,
    account_holder_name: &'static str,
    account_number: &'a str,
    accumulated: V1Money,
    account_type: &'static str,
    bank_api_connected: u8,
    active: u8,
    last_transaction: Option<DateTime>,
    created_at: DateTime,
    updated_at: DateTime,
}

impl<'a> HubAccount<'a> {
    fn new(seed: u64, a: &'a BankAccount) -> Self {
        HubAccount {
            xid: a.uuid,
            company_xid: company_of_account(seed, a.index),
            brand_name: a.bank.short_name,
            account_holder_name: a.holder,
            account_number: &a.account_number,
            accumulated: V1Money(u128::from(a.accumulated)),
            account_type: if a.account_type == "enterprise" {
                "enterprise"
            } else {
                "individual"
            },
            bank_api_connected: 1,
            active: u8::from(a.active),
            last_transaction: a.last_transaction.map(DateTime),
            created_at: DateTime(a.created_at),
            updated_at: DateTime(a.last_transaction.unwrap_or(a.created_at)),
        }
    }
}

/// A transaction.
#[derive(Debug, Serialize)]
struct HubTxn<'a> {
    transaction_id: Uuid,
    transaction_date: DateTime,
    bank_account_xid: Uuid,
    company_xid: Uuid,
    brand_name: &'static str,
    account_number: &'a str,
    va: Option<&'a str>,
    va_xid: Option<Uuid>,
    reference_number: String,
    transfer_type: &'static str,
    amount: u64,
    transaction_content: String,
    payment_code: Option<PaymentCode<'a>>,
    webhook_success: u8,
}

impl<'a> HubTxn<'a> {
    fn new(t: &Txn<'a>) -> Self {
        let a = t.account();
        HubTxn {
            transaction_id: t.uuid(),
            transaction_date: DateTime(t.date()),
            bank_account_xid: a.uuid,
            company_xid: company_of_account(t.ds.seed, a.index),
            brand_name: a.bank.short_name,
            account_number: &a.account_number,
            va: t.va_number(),
            va_xid: t.va().map(|v| v.uuid),
            reference_number: t.reference(),
            transfer_type: if t.row.incoming { "in" } else { "out" },
            amount: t.amount(),
            transaction_content: t.content(),
            payment_code: t.code(),
            webhook_success: t.webhook_success(),
        }
    }
}

fn account_by_xid<'a>(ds: &'a Dataset, xid: &str) -> Option<&'a BankAccount> {
    let i = account_index(ds, &Uuid::parse(xid)?)?;
    ds.account(i + 1)
}

/// Accounts owned by company `xid` (a mask by 0-based account index).
fn owned(ds: &Dataset, xid: &str) -> Vec<bool> {
    let u = Uuid::parse(xid);
    ds.accounts
        .iter()
        .map(|a| u.is_some_and(|u| company_of_account(ds.seed, a.index) == u))
        .collect()
}

/// `GET /bank-account`.
pub fn accounts(app: &AppState, p: &Params) -> ApiResponse {
    let mut e = Errors::new();
    let (page, per_page) = paging(p, &mut e);
    if !e.is_empty() {
        return validation(&e);
    }
    let ds = app.dataset();
    let mask = p.get("company_xid").map(|x| owned(&ds, x));
    let q = p.get("q").map(str::to_ascii_lowercase);
    let items: Vec<HubAccount<'_>> = ds
        .accounts
        .iter()
        .filter(|a| mask.as_ref().is_none_or(|m| m[a.index as usize - 1]))
        .filter(|a| {
            p.get("bank_id").is_none_or(|b| {
                [a.bank.bin, a.bank.code, a.bank.short_name]
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(b))
            })
        })
        .filter(|a| {
            q.as_deref()
                .is_none_or(|q| a.account_number.contains(q) || contains_ci(a.holder, q))
        })
        .map(|a| HubAccount::new(ds.seed, a))
        .collect();
    let meta = list_meta(items.len() as u64, page, per_page);
    page_body(items, page, per_page, meta)
}

/// `GET /bank-account/{xid}` (path by analogy, UNVERIFIED).
pub fn account(app: &AppState, xid: &str) -> ApiResponse {
    let ds = app.dataset();
    match account_by_xid(&ds, xid) {
        Some(a) => data(200, &HubAccount::new(ds.seed, a)),
        None => ApiResponse::bankhub_not_found("Bank account not found"),
    }
}

/// `GET /transaction`: newest first, meta `{page,per_page,total,total_pages}`.
pub fn transactions(app: &AppState, p: &Params) -> ApiResponse {
    let mut e = Errors::new();
    let (page, per_page) = paging(p, &mut e);
    let mut day = |key: &str| {
        let v = p.get(key)?;
        let d = timefmt::parse(v).filter(|d| d.date_only);
        if d.is_none() {
            e.push((
                key.to_string(),
                format!("The {key} must be a date (YYYY-MM-DD)."),
            ));
        }
        d
    };
    let (on, start, end) = (
        day("transaction_date"),
        day("start_transaction_date"),
        day("end_transaction_date"),
    );
    let incoming = match p.get("transfer_type") {
        None => None,
        Some("in") => Some(true),
        Some("out") => Some(false),
        Some(_) => {
            e.push((
                "transfer_type".into(),
                "The transfer type must be in or out.".into(),
            ));
            None
        }
    };
    let webhook = match p.get("webhook_success") {
        None => None,
        Some("0") => Some(0),
        Some("1") => Some(1),
        Some(_) => {
            e.push((
                "webhook_success".into(),
                "The webhook success must be 0 or 1.".into(),
            ));
            None
        }
    };
    if !e.is_empty() {
        return validation(&e);
    }
    let keywords: Vec<String> = app
        .bankhub()
        .merchant
        .transaction_whitelist_remark_keywords
        .iter()
        .map(|k| k.to_ascii_lowercase())
        .collect();
    let ds = app.dataset();
    let (mut lo, mut hi) = (1, ds.len());
    for d in [on, start].into_iter().flatten() {
        lo = lo.max(ds.first_id_at_or_after(d.lower()));
    }
    for d in [on, end].into_iter().flatten() {
        hi = hi.min(ds.last_id_at_or_before(d.upper()));
    }
    let company = p.get("company_xid").map(|x| owned(&ds, x));
    let account = p
        .get("bank_account_xid")
        .map(|x| account_by_xid(&ds, x).map(|a| a.index - 1));
    if matches!(account, Some(None)) {
        hi = 0;
    }
    let brand = p.get("brand_name");
    let q = p.get("q").map(str::to_ascii_lowercase);
    let matches = |t: &Txn<'_>| {
        let content = || t.content().to_ascii_lowercase();
        company.as_ref().is_none_or(|m| m[t.row.account as usize])
            && account.is_none_or(|a| a == Some(t.row.account))
            && brand.is_none_or(|b| t.account().bank.short_name.eq_ignore_ascii_case(b))
            && incoming.is_none_or(|i| t.row.incoming == i)
            && webhook.is_none_or(|w| t.webhook_success() == w)
            && (keywords.is_empty() || keywords.iter().any(|k| content().contains(k)))
            && q.as_deref().is_none_or(|q| {
                content().contains(q)
                    || t.reference().contains(q)
                    || t.code().is_some_and(|c| contains_ci(&c.to_string(), q))
            })
    };
    let trivial = company.is_none()
        && account.is_none()
        && brand.is_none()
        && incoming.is_none()
        && webhook.is_none()
        && keywords.is_empty()
        && q.is_none();
    let offset = (page - 1).saturating_mul(per_page);
    let (mut ids, mut total) = (Vec::new(), 0u64);
    if lo <= hi && trivial {
        total = hi - lo + 1;
        ids = (offset..total.min(offset.saturating_add(per_page)))
            .map(|k| hi - k)
            .collect();
    } else if lo <= hi {
        for i in (lo..=hi).rev() {
            if ds.txn(i).is_some_and(|t| matches(&t)) {
                if total >= offset && total < offset.saturating_add(per_page) {
                    ids.push(i);
                }
                total += 1;
            }
        }
    }
    let items: Vec<HubTxn<'_>> = ids
        .iter()
        .filter_map(|i| ds.txn(*i))
        .map(|t| HubTxn::new(&t))
        .collect();
    let meta = json!({
        "page": page, "per_page": per_page, "total": total,
        "total_pages": total.div_ceil(per_page).max(1),
    });
    // `items` is already the requested page.
    page_body(items, 1, per_page, meta)
}

/// `GET /transaction/{id}` (the v2 transaction UUID).
pub fn transaction(app: &AppState, id: &str) -> ApiResponse {
    let ds = app.dataset();
    match Uuid::parse(id)
        .and_then(|u| ds.txn_id_of(&u))
        .and_then(|i| ds.txn(i))
    {
        Some(t) => data(200, &HubTxn::new(&t)),
        None => ApiResponse::bankhub_not_found("Transaction not found"),
    }
}

#[derive(Debug, Default, Clone, Copy, Serialize)]
struct Counts {
    transaction: u64,
    transaction_in: u64,
    transaction_out: u64,
}

impl Counts {
    fn add(&mut self, incoming: bool) {
        self.transaction += 1;
        if incoming {
            self.transaction_in += 1;
        } else {
            self.transaction_out += 1;
        }
    }
}

/// `GET /company/counter/{xid}`: per-day counts of the company's accounts
/// (`date` = that day only, else every day with transactions).
pub fn counter(app: &AppState, xid: &str, p: &Params) -> ApiResponse {
    if app.bankhub().company(xid).is_none() {
        return ApiResponse::bankhub_not_found("Company not found");
    }
    let day = match p.get("date") {
        None => None,
        Some(v) => match timefmt::parse(v).filter(|d| d.date_only) {
            Some(d) => Some(d),
            None => {
                let e = vec![(
                    "date".to_string(),
                    "The date must be YYYY-MM-DD.".to_string(),
                )];
                return validation(&e);
            }
        },
    };
    let ds = app.dataset();
    let mask = owned(&ds, xid);
    let (lo, hi) = match day {
        Some(d) => (
            ds.first_id_at_or_after(d.lower()),
            ds.last_id_at_or_before(d.upper()),
        ),
        None => (1, ds.len()),
    };
    let mut days: BTreeMap<i64, Counts> = BTreeMap::new();
    if let Some(d) = day {
        days.insert(d.secs.div_euclid(86_400), Counts::default());
    }
    let mut total = Counts::default();
    for i in lo..=hi {
        let Some(t) = ds.txn(i) else { continue };
        if mask[t.row.account as usize] {
            days.entry(txn_date(i).div_euclid(86_400))
                .or_default()
                .add(t.row.incoming);
            total.add(t.row.incoming);
        }
    }
    let dates: Vec<_> = days
        .into_iter()
        .map(|(d, c)| {
            let date = DateTime(d * 86_400).to_string()[..10].to_string();
            json!({
                "date": date, "transaction": c.transaction,
                "transaction_in": c.transaction_in, "transaction_out": c.transaction_out,
            })
        })
        .collect();
    data(200, &json!({ "dates": dates, "total": total }))
}
