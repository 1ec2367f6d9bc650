//! v1 JSON models (every scalar a string) and the v1 success envelope.

use std::fmt;

use serde::Serialize;

use crate::common::money::V1Money;
use crate::common::timefmt::DateTime;
use crate::dataset::accounts::BankAccount;
use crate::dataset::txn::{PaymentCode, Txn};

/// A number serialised as a JSON string (`"48673"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumStr(pub u64);

impl fmt::Display for NumStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for NumStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A v1 transaction (field order of the docs' details example).
#[derive(Debug, Serialize)]
pub struct V1Txn<'a> {
    id: NumStr,
    transaction_date: DateTime,
    account_number: &'a str,
    sub_account: Option<&'a str>,
    amount_in: V1Money,
    amount_out: V1Money,
    accumulated: V1Money,
    code: Option<PaymentCode<'a>>,
    transaction_content: String,
    reference_number: String,
    bank_brand_name: &'static str,
    bank_account_id: NumStr,
}

impl<'a> V1Txn<'a> {
    /// The v1 view of a transaction.
    pub fn new(t: &Txn<'a>) -> V1Txn<'a> {
        let acc = t.account();
        V1Txn {
            id: NumStr(t.id),
            transaction_date: DateTime(t.date()),
            account_number: &acc.account_number,
            sub_account: t.va_number(),
            amount_in: V1Money(u128::from(t.amount_in())),
            amount_out: V1Money(u128::from(t.amount_out())),
            accumulated: V1Money(u128::from(t.row.accumulated)),
            code: t.code(),
            transaction_content: t.content(),
            reference_number: t.reference(),
            bank_brand_name: acc.bank.short_name,
            bank_account_id: NumStr(u64::from(acc.index)),
        }
    }
}

impl V1Txn<'_> {
    /// Appends this transaction's JSON, byte-identical to `serde_json`'s output.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        use crate::common::jsonw::{datetime, key, money2, string, uint_str};
        out.push(b'{');
        key(out, "id", true);
        uint_str(out, u128::from(self.id.0));
        key(out, "transaction_date", false);
        datetime(out, self.transaction_date.0);
        key(out, "account_number", false);
        string(out, self.account_number);
        key(out, "sub_account", false);
        match self.sub_account {
            Some(v) => string(out, v),
            None => out.extend_from_slice(b"null"),
        }
        key(out, "amount_in", false);
        money2(out, self.amount_in.0);
        key(out, "amount_out", false);
        money2(out, self.amount_out.0);
        key(out, "accumulated", false);
        money2(out, self.accumulated.0);
        key(out, "code", false);
        match self.code {
            Some(PaymentCode::Generated(n)) => {
                out.extend_from_slice(b"\"DH");
                crate::common::jsonw::uint(out, u128::from(n));
                out.push(b'"');
            }
            Some(PaymentCode::Text(c)) => string(out, c),
            None => out.extend_from_slice(b"null"),
        }
        key(out, "transaction_content", false);
        string(out, &self.transaction_content);
        key(out, "reference_number", false);
        string(out, &self.reference_number);
        key(out, "bank_brand_name", false);
        string(out, self.bank_brand_name);
        key(out, "bank_account_id", false);
        uint_str(out, u128::from(self.bank_account_id.0));
        out.push(b'}');
    }
}

/// v1 `transactions` list body written with [`V1Txn::write_json`].
pub fn txn_list_body(items: &[V1Txn<'_>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(128 + 400 * items.len());
    out.extend_from_slice(
        br#"{"status":200,"error":null,"messages":{"success":true},"transactions":["#,
    );
    for (i, t) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        t.write_json(&mut out);
    }
    out.extend_from_slice(b"]}");
    out
}

/// A v1 bank account.
#[derive(Debug, Serialize)]
pub struct V1BankAccount<'a> {
    id: NumStr,
    account_holder_name: &'static str,
    account_number: &'a str,
    accumulated: V1Money,
    last_transaction: Option<DateTime>,
    label: &'static str,
    active: &'static str,
    created_at: DateTime,
    bank_short_name: &'static str,
    bank_full_name: &'static str,
    bank_bin: &'static str,
    bank_code: &'static str,
}

impl<'a> V1BankAccount<'a> {
    /// The v1 view of a bank account.
    pub fn new(a: &'a BankAccount) -> V1BankAccount<'a> {
        V1BankAccount {
            id: NumStr(u64::from(a.index)),
            account_holder_name: a.holder,
            account_number: &a.account_number,
            accumulated: V1Money(u128::from(a.accumulated)),
            last_transaction: a.last_transaction.map(DateTime),
            label: a.label,
            active: if a.active { "1" } else { "0" },
            created_at: DateTime(a.created_at),
            bank_short_name: a.bank.short_name,
            bank_full_name: a.bank.full_name,
            bank_bin: a.bank.bin,
            bank_code: a.bank.code,
        }
    }
}

/// `{"status":200,"error":null,"messages":{"success":true},"<key>":<value>}`;
/// `items` sizes the buffer (about 400 bytes per item).
pub fn envelope<T: Serialize + ?Sized>(key: &str, value: &T, items: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(128 + 400 * items.max(1));
    out.extend_from_slice(br#"{"status":200,"error":null,"messages":{"success":true},""#);
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
    #[allow(
        clippy::expect_used,
        reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
    )]
    serde_json::to_writer(&mut out, value).expect("serialise v1 body");
    out.push(b'}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    #[test]
    fn fast_writer_matches_serde() {
        let ds = Dataset::generate(42, 3000, 5);
        let items: Vec<V1Txn<'_>> = (1..=ds.len())
            .map(|i| V1Txn::new(&ds.txn(i).unwrap()))
            .collect();
        assert_eq!(
            txn_list_body(&items),
            envelope("transactions", &items, items.len())
        );
        assert_eq!(txn_list_body(&[]), envelope("transactions", &items[..0], 0));
    }
}
