//! v2 JSON models (UUID ids, integer money, 0/1 flags) and envelopes.

use serde::Serialize;

use crate::common::ids::Uuid;
use crate::common::timefmt::DateTime;
use crate::dataset::accounts::{BankAccount, Terminal, VirtualAccount};
use crate::dataset::txn::{PaymentCode, Txn};

/// A v2 transaction.
#[derive(Debug, Serialize)]
pub struct V2Txn<'a> {
    id: Uuid,
    transaction_date: DateTime,
    account_number: &'a str,
    va: &'a str,
    transfer_type: &'static str,
    amount_in: u64,
    amount_out: u64,
    accumulated: u64,
    transaction_content: String,
    reference_number: String,
    code: Option<PaymentCode<'a>>,
    bank_brand_name: &'static str,
    bank_account_id: Uuid,
    va_id: Option<Uuid>,
    webhook_success: u8,
}

impl<'a> V2Txn<'a> {
    /// The v2 view of a transaction.
    pub fn new(t: &Txn<'a>) -> V2Txn<'a> {
        let acc = t.account();
        let va = t.va();
        V2Txn {
            id: t.uuid(),
            transaction_date: DateTime(t.date()),
            account_number: &acc.account_number,
            va: t.va_number().unwrap_or(""),
            transfer_type: if t.row.incoming { "in" } else { "out" },
            amount_in: t.amount_in(),
            amount_out: t.amount_out(),
            accumulated: t.row.accumulated,
            transaction_content: t.content(),
            reference_number: t.reference(),
            code: t.code(),
            bank_brand_name: acc.bank.short_name,
            bank_account_id: acc.uuid,
            va_id: va.map(|v| v.uuid),
            webhook_success: t.webhook_success(),
        }
    }
}

/// A v2 bank account.
#[derive(Debug, Serialize)]
pub struct V2BankAccount<'a> {
    id: Uuid,
    account_holder_name: &'static str,
    account_number: &'a str,
    accumulated: u64,
    last_transaction: Option<DateTime>,
    label: &'static str,
    account_type: &'static str,
    active: u8,
    created_at: DateTime,
    bank_short_name: &'static str,
    bank_full_name: &'static str,
    bank_bin: &'static str,
    bank_code: &'static str,
}

impl<'a> V2BankAccount<'a> {
    /// The v2 view of a bank account.
    pub fn new(a: &'a BankAccount) -> V2BankAccount<'a> {
        V2BankAccount {
            id: a.uuid,
            account_holder_name: a.holder,
            account_number: &a.account_number,
            accumulated: a.accumulated,
            last_transaction: a.last_transaction.map(DateTime),
            label: a.label,
            account_type: a.account_type,
            active: u8::from(a.active),
            created_at: DateTime(a.created_at),
            bank_short_name: a.bank.short_name,
            bank_full_name: a.bank.full_name,
            bank_bin: a.bank.bin,
            bank_code: a.bank.code,
        }
    }
}

/// A v2 virtual account.
#[derive(Debug, Serialize)]
pub struct V2Va<'a> {
    id: Uuid,
    va: &'a str,
    sub_holder_name: &'static str,
    label: &'a str,
    active: u8,
    official: u8,
    #[serde(rename = "static")]
    is_static: u8,
    bank_account_id: Uuid,
    created_at: DateTime,
    updated_at: DateTime,
}

impl<'a> V2Va<'a> {
    /// The v2 view of a virtual account of `account`.
    pub fn new(account: &BankAccount, v: &'a VirtualAccount) -> V2Va<'a> {
        V2Va {
            id: v.uuid,
            va: &v.va,
            sub_holder_name: v.sub_holder_name,
            label: &v.label,
            active: u8::from(v.active),
            official: u8::from(v.official),
            is_static: u8::from(v.is_static),
            bank_account_id: account.uuid,
            created_at: DateTime(v.created_at),
            updated_at: DateTime(v.updated_at),
        }
    }
}

/// A v2 terminal (shape invented, see README).
#[derive(Debug, Serialize)]
pub struct V2Terminal<'a> {
    id: Uuid,
    tid: &'a str,
    name: &'a str,
    active: u8,
    created_at: DateTime,
}

impl<'a> V2Terminal<'a> {
    /// The v2 view of a terminal.
    pub fn new(t: &'a Terminal) -> V2Terminal<'a> {
        V2Terminal {
            id: t.uuid,
            tid: &t.tid,
            name: &t.name,
            active: u8::from(t.active),
            created_at: DateTime(t.created_at),
        }
    }
}

/// `meta.pagination`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pagination {
    /// Items matching the filters.
    pub total: u64,
    /// Page size.
    pub per_page: u64,
    /// 1-based page number.
    pub current_page: u64,
    /// Last page (at least 1).
    pub last_page: u64,
    /// `current_page < last_page`.
    pub has_more: bool,
}

impl Pagination {
    /// Pagination of page `page` of `total` items.
    pub fn new(total: u64, page: u64, per_page: u64) -> Pagination {
        let last_page = total.div_ceil(per_page).max(1);
        Pagination {
            total,
            per_page,
            current_page: page,
            last_page,
            has_more: page < last_page,
        }
    }
}

#[derive(Serialize)]
struct Meta {
    pagination: Pagination,
}

#[derive(Serialize)]
struct ListBody<'a, T> {
    status: &'static str,
    data: &'a [T],
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<Meta>,
}

#[derive(Serialize)]
struct OneBody<'a, T> {
    status: &'static str,
    data: &'a T,
}

/// `{"status":"success","data":[…],"meta":{"pagination":{…}}}` (no `meta` when `None`).
#[allow(
    clippy::expect_used,
    reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
)]
pub fn list_body<T: Serialize>(data: &[T], pagination: Option<Pagination>) -> Vec<u8> {
    let body = ListBody {
        status: "success",
        data,
        meta: pagination.map(|pagination| Meta { pagination }),
    };
    serde_json::to_vec(&body).expect("serialise v2 body")
}

/// `{"status":"success","data":{…}}`.
#[allow(
    clippy::expect_used,
    reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
)]
pub fn one_body<T: Serialize>(data: &T) -> Vec<u8> {
    serde_json::to_vec(&OneBody {
        status: "success",
        data,
    })
    .expect("serialise v2 body")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_math() {
        assert_eq!(Pagination::new(48, 1, 1).last_page, 48);
        assert!(Pagination::new(48, 1, 1).has_more);
        let p = Pagination::new(0, 1, 20);
        assert_eq!((p.last_page, p.has_more), (1, false));
        let p = Pagination::new(41, 3, 20);
        assert_eq!((p.last_page, p.has_more), (3, false));
    }
}
