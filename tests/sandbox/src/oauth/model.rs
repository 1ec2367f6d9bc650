//! OAuth2 resource-API JSON (sepay-api.md §5.2): integer ids, money as JSON
//! numbers written with exactly two decimals (`1777283273.00`), `true` /
//! `false` flags, and the `{status, data, meta.pagination}` envelope
//! (without `has_more`).

use serde::ser::Error as _;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::common::timefmt::DateTime;
use crate::dataset::accounts::{sub_index, BankAccount};
use crate::dataset::banks::Bank;
use crate::dataset::txn::{PaymentCode, Txn};

/// Whole dong written as the JSON number `N.00`. Only `serde_json`'s own
/// writer keeps the decimals (going through `serde_json::Value` loses them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money2(pub u64);

impl Serialize for Money2 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(format!("{}.00", self.0)).map_err(S::Error::custom)?;
        raw.serialize(s)
    }
}

/// `meta.pagination` of the OAuth2 API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OAuthPagination {
    /// Matches.
    pub total: u64,
    /// Page size (`limit`).
    pub per_page: u64,
    /// 1-based page.
    pub current_page: u64,
    /// Last page (at least 1).
    pub last_page: u64,
}

impl OAuthPagination {
    /// Page `page` of `total` items, `limit` per page.
    pub fn new(total: u64, page: u64, limit: u64) -> Self {
        OAuthPagination {
            total,
            per_page: limit,
            current_page: page,
            last_page: total.div_ceil(limit).max(1),
        }
    }
}

#[derive(Serialize)]
struct Meta {
    pagination: OAuthPagination,
}

#[derive(Serialize)]
struct ListBody<'a, T> {
    status: &'static str,
    data: &'a [T],
    meta: Meta,
}

/// `{"status":"success","data":[…],"meta":{"pagination":{…}}}`.
#[allow(
    clippy::expect_used,
    reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
)]
pub fn list_body<T: Serialize>(data: &[T], pagination: OAuthPagination) -> Vec<u8> {
    let body = ListBody {
        status: "success",
        data,
        meta: Meta { pagination },
    };
    serde_json::to_vec(&body).expect("serialise OAuth2 body")
}

/// The bank of an account.
#[derive(Debug, Serialize)]
pub struct OAuthBank {
    short_name: &'static str,
    full_name: &'static str,
    code: &'static str,
    bin: &'static str,
    icon_url: String,
    logo_url: String,
}

impl OAuthBank {
    fn new(b: &'static Bank) -> OAuthBank {
        let slug = b.short_name.to_ascii_lowercase();
        OAuthBank {
            short_name: b.short_name,
            full_name: b.full_name,
            code: b.code,
            bin: b.bin,
            icon_url: format!("https://my.sepay.vn/assets/images/banklogo/{slug}-icon.png"),
            logo_url: format!("https://my.sepay.vn/assets/images/banklogo/{slug}.png"),
        }
    }
}

/// A bank account (fields of the docs' example).
#[derive(Debug, Serialize)]
pub struct OAuthAccount<'a> {
    id: u32,
    label: &'static str,
    account_holder_name: &'static str,
    account_number: &'a str,
    accumulated: Money2,
    active: bool,
    created_at: DateTime,
    bank: OAuthBank,
}

impl<'a> OAuthAccount<'a> {
    /// The OAuth2 view of an account.
    pub fn new(a: &'a BankAccount) -> Self {
        OAuthAccount {
            id: a.index,
            label: a.label,
            account_holder_name: a.holder,
            account_number: &a.account_number,
            accumulated: Money2(a.accumulated),
            active: a.active,
            created_at: DateTime(a.created_at),
            bank: OAuthBank::new(a.bank),
        }
    }
}

/// A sub-account (virtual account); shape invented (not documented).
#[derive(Debug, Serialize)]
pub struct OAuthSubAccount<'a> {
    id: u32,
    bank_account_id: u32,
    account_number: &'a str,
    account_holder_name: &'static str,
    label: &'a str,
    active: bool,
    created_at: DateTime,
}

impl<'a> OAuthSubAccount<'a> {
    /// VA `j` of `a`.
    pub fn new(a: &'a BankAccount, j: usize) -> Self {
        let v = &a.vas[j];
        OAuthSubAccount {
            id: sub_index(a.index, j as u32),
            bank_account_id: a.index,
            account_number: &v.va,
            account_holder_name: v.sub_holder_name,
            label: &v.label,
            active: v.active,
            created_at: DateTime(v.created_at),
        }
    }
}

/// A transaction (User API v1 field names, OAuth2 types; UNVERIFIED shape).
#[derive(Debug, Serialize)]
pub struct OAuthTxn<'a> {
    id: u64,
    bank_account_id: u32,
    transaction_date: DateTime,
    account_number: &'a str,
    sub_account: Option<&'a str>,
    amount_in: Money2,
    amount_out: Money2,
    accumulated: Money2,
    code: Option<PaymentCode<'a>>,
    transaction_content: String,
    reference_number: String,
    bank_brand_name: &'static str,
}

impl<'a> OAuthTxn<'a> {
    /// The OAuth2 view of a transaction.
    pub fn new(t: &Txn<'a>) -> Self {
        let acc = t.account();
        OAuthTxn {
            id: t.id,
            bank_account_id: acc.index,
            transaction_date: DateTime(t.date()),
            account_number: &acc.account_number,
            sub_account: t.va_number(),
            amount_in: Money2(t.amount_in()),
            amount_out: Money2(t.amount_out()),
            accumulated: Money2(t.row.accumulated),
            code: t.code(),
            transaction_content: t.content(),
            reference_number: t.reference(),
            bank_brand_name: acc.bank.short_name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_keeps_two_decimals() {
        #[derive(Serialize)]
        struct X {
            a: Money2,
        }
        let s = serde_json::to_string(&X {
            a: Money2(1_777_283_273),
        })
        .unwrap();
        assert_eq!(s, r#"{"a":1777283273.00}"#);
        let p = OAuthPagination::new(41, 3, 20);
        assert_eq!((p.last_page, p.per_page), (3, 20));
        assert_eq!(OAuthPagination::new(0, 1, 20).last_page, 1);
    }
}
