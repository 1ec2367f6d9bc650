//! A view of one transaction: stored row plus values derived from `(seed, id)`.

use std::fmt;

use crate::common::hash::h3;
use crate::common::ids::{uuid, Kind, Uuid};
use crate::common::timefmt::{from_parts, parts};
use crate::dataset::accounts::{BankAccount, VirtualAccount};
use crate::dataset::banks::{MEMOS_IN, MEMOS_OUT, NAMES};
use crate::dataset::simulated::SimTxn;
use crate::dataset::{salt, txn_base, txn_date, Dataset, TxnRow, TXN_STEP_SECS};

/// A payment code such as `DH12345`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentCode<'a> {
    /// `DH<n>` of a generated transaction.
    Generated(u32),
    /// The code of a simulated transaction, as stored.
    Text(&'a str),
}

impl fmt::Display for PaymentCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PaymentCode::Generated(n) => write!(f, "DH{n}"),
            PaymentCode::Text(s) => f.write_str(s),
        }
    }
}

impl serde::Serialize for PaymentCode<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One transaction of a [`Dataset`].
#[derive(Debug, Clone, Copy)]
pub struct Txn<'a> {
    /// The dataset it belongs to.
    pub ds: &'a Dataset,
    /// 1-based id (the v1 id).
    pub id: u64,
    /// Stored values.
    pub row: TxnRow,
}

impl Dataset {
    /// Transaction by 1-based id.
    pub fn txn(&self, id: u64) -> Option<Txn<'_>> {
        let row = *self.rows.get((id as usize).checked_sub(1)?)?;
        Some(Txn { ds: self, id, row })
    }

    /// Transaction id of a v2 UUID.
    pub fn txn_id_of(&self, id: &Uuid) -> Option<u64> {
        let i = u64::from(crate::common::ids::index_of(
            self.seed,
            Kind::Transaction,
            id,
        )?);
        (1..=self.len()).contains(&i).then_some(i)
    }

    /// Transaction id whose `reference_number` is `s`, in O(1).
    pub fn txn_id_of_reference(&self, s: &str) -> Option<u64> {
        let mut it = s.split('.');
        let (_, date, time) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || date.len() != 6 || time.len() != 6 {
            return None;
        }
        let n = |x: &str| -> Option<u32> {
            x.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| x.parse().ok())?
        };
        let (d, mo, y) = (n(&date[0..2])?, n(&date[2..4])?, n(&date[4..6])?);
        let (h, mi, sec) = (n(&time[0..2])?, n(&time[2..4])?, n(&time[4..6])?);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 59 {
            return None;
        }
        let secs = from_parts(2000 + i64::from(y), mo, d, h, mi, sec) - txn_base();
        if secs <= 0 || secs % TXN_STEP_SECS != 0 {
            return None;
        }
        let id = (secs / TXN_STEP_SECS) as u64;
        let t = self.txn(id)?;
        (t.reference() == s).then_some(id)
    }
}

impl<'a> Txn<'a> {
    /// The bank account.
    pub fn account(&self) -> &'a BankAccount {
        &self.ds.accounts[self.row.account as usize]
    }

    /// v2 id.
    pub fn uuid(&self) -> Uuid {
        uuid(self.ds.seed, Kind::Transaction, self.id as u32)
    }

    /// `transaction_date` in seconds.
    pub fn date(&self) -> i64 {
        txn_date(self.id)
    }

    /// Stored data when this is a simulated transaction.
    pub fn sim(&self) -> Option<&'a SimTxn> {
        self.ds.sim(self.id)
    }

    /// Amount in VND (in or out).
    pub fn amount(&self) -> u64 {
        match self.sim() {
            Some(s) => s.amount,
            None => self.row.amount(),
        }
    }

    /// `amount_in` in VND.
    pub fn amount_in(&self) -> u64 {
        if self.row.incoming {
            self.amount()
        } else {
            0
        }
    }

    /// `amount_out` in VND.
    pub fn amount_out(&self) -> u64 {
        if self.row.incoming {
            0
        } else {
            self.amount()
        }
    }

    fn h(&self, salt: u64) -> u64 {
        h3(self.ds.seed, salt, self.id)
    }

    /// Index of the virtual account the transfer went to, if any.
    pub fn va_slot(&self) -> Option<u32> {
        if let Some(s) = self.sim() {
            return s.va_slot;
        }
        let n = self.account().vas.len() as u64;
        let h = self.h(salt::VA);
        (n > 0 && h % 10 < 3).then(|| ((h >> 8) % n) as u32)
    }

    /// The virtual account the transfer went to, if any.
    pub fn va(&self) -> Option<&'a VirtualAccount> {
        self.va_slot().map(|j| &self.account().vas[j as usize])
    }

    /// The VA number the transfer went to: a virtual account of the bank
    /// account or a VA-order virtual account.
    pub fn va_number(&self) -> Option<&'a str> {
        if let Some(v) = self.sim().and_then(|s| s.order_va.as_deref()) {
            return Some(v);
        }
        self.va().map(|v| v.va.as_str())
    }

    /// Payment code found in the content, in about half of the transactions.
    pub fn code(&self) -> Option<PaymentCode<'a>> {
        if let Some(s) = self.sim() {
            return s.code.as_deref().map(PaymentCode::Text);
        }
        let h = self.h(salt::CODE);
        (h % 2 == 0).then(|| PaymentCode::Generated(10_000 + ((h >> 8) % 90_000) as u32))
    }

    /// `transaction_content`: ASCII Vietnamese-looking memo.
    pub fn content(&self) -> String {
        if let Some(s) = self.sim() {
            return s.content.clone();
        }
        let m = self.h(salt::MEMO);
        let name = NAMES[(m % NAMES.len() as u64) as usize];
        let code = self.code();
        if self.row.incoming {
            let memo = MEMOS_IN[((m >> 16) % MEMOS_IN.len() as u64) as usize];
            match code {
                Some(c) => format!("{name} chuyen tien {c} {memo}"),
                None => format!("{name} chuyen tien {memo}"),
            }
        } else {
            let memo = MEMOS_OUT[((m >> 16) % MEMOS_OUT.len() as u64) as usize];
            match code {
                Some(c) => format!("{memo} {c} cho {name}"),
                None => format!("{memo} cho {name}"),
            }
        }
    }

    /// `reference_number`, Vietcombank style `NNNNNN.DDMMYY.HHMMSS`.
    pub fn reference(&self) -> String {
        let p = self.h(salt::REFERENCE) % 1_000_000;
        let (y, mo, d, h, mi, s) = parts(self.date());
        format!(
            "{p:06}.{d:02}{mo:02}{:02}.{h:02}{mi:02}{s:02}",
            y.rem_euclid(100)
        )
    }

    /// `webhook_success`: 1 for most, 0 for about 5%; for a simulated
    /// transaction 1 once a webhook delivery succeeded.
    pub fn webhook_success(&self) -> u8 {
        if let Some(s) = self.sim() {
            return u8::from(s.webhook_success);
        }
        u8::from(self.h(salt::WEBHOOK) % 20 != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_fields() {
        let d = Dataset::generate(42, 3000, 3);
        let mut with_code = 0;
        for id in 1..=d.len() {
            let t = d.txn(id).unwrap();
            assert_eq!(d.txn_id_of_reference(&t.reference()), Some(id));
            assert_eq!(d.txn_id_of(&t.uuid()), Some(id));
            let c = t.content();
            assert!(c.is_ascii());
            if let Some(code) = t.code() {
                assert!(c.contains(&code.to_string()));
                with_code += 1;
            }
            assert_eq!(t.amount_in() + t.amount_out(), t.row.amount());
            if let Some(va) = t.va() {
                assert!(t.account().vas.iter().any(|v| v.va == va.va));
            }
        }
        assert!((1200..=1800).contains(&with_code));
        assert!(d.txn(0).is_none());
        assert!(d.txn(3001).is_none());
        assert_eq!(d.txn_id_of_reference("123456.010125.000031x"), None);
        assert_eq!(d.txn(1).unwrap().reference()[6..], *".010125.000031");
    }
}
