//! Transactions appended at run time (`POST /__sandbox/simulate/transaction`).
//!
//! A simulated transaction takes the next id and follows the generated
//! schedule (`transaction_date = 2025-01-01 00:00:00 + id × 31 s`, reference
//! number derived the same way), so every id/date/reference lookup of the
//! read endpoints keeps working unchanged. Only what the caller chose (amount,
//! memo, code, VA) and the webhook outcome are stored.

use crate::dataset::{txn_date, Dataset, TxnRow};

/// Caller-chosen data of a simulated transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimTxn {
    /// Amount in VND.
    pub amount: u64,
    /// `transaction_content`.
    pub content: String,
    /// Payment code (`code`), if any.
    pub code: Option<String>,
    /// Index of the virtual account the transfer went to, if any.
    pub va_slot: Option<u32>,
    /// Number of the VA-order virtual account the transfer went to, if any.
    pub order_va: Option<String>,
    /// `webhook_success`: set once a user-webhook delivery succeeded.
    pub webhook_success: bool,
}

/// A transaction to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTxn {
    /// 0-based index into [`Dataset::accounts`].
    pub account: u32,
    /// Amount in VND (at least 1).
    pub amount: u64,
    /// Money in (true) or out (false).
    pub incoming: bool,
    /// Transfer memo.
    pub content: String,
    /// Payment code; `None` = none found.
    pub code: Option<String>,
    /// VA slot of the account, if the transfer went to a VA.
    pub va_slot: Option<u32>,
    /// Number of a VA-order virtual account the transfer went to (instead of a slot).
    pub order_va: Option<String>,
}

impl Dataset {
    /// Number of generated (not simulated) transactions.
    pub fn generated_len(&self) -> u64 {
        (self.rows.len() - self.sims.len()) as u64
    }

    /// The stored data of simulated transaction `id`, if it is one.
    pub fn sim(&self, id: u64) -> Option<&SimTxn> {
        let k = id.checked_sub(self.generated_len() + 1)?;
        self.sims.get(usize::try_from(k).ok()?)
    }

    /// Appends `t` with the next id, updating the running balance, the
    /// account's `accumulated` / `last_transaction` and the totals.
    pub fn append(&mut self, t: NewTxn) -> Result<u64, String> {
        if t.amount == 0 {
            return Err("amount must be a positive integer".to_string());
        }
        let id = self.len() + 1;
        if id > u64::from(u32::MAX) {
            return Err("too many transactions".to_string());
        }
        let acc = self
            .accounts
            .get_mut(t.account as usize)
            .ok_or_else(|| "unknown bank account".to_string())?;
        if t.va_slot.is_some_and(|j| j as usize >= acc.vas.len()) {
            return Err("unknown virtual account".to_string());
        }
        let balance = if t.incoming {
            acc.accumulated.checked_add(t.amount)
        } else {
            acc.accumulated.checked_sub(t.amount)
        }
        .ok_or_else(|| "insufficient balance for an out transfer".to_string())?;
        acc.accumulated = balance;
        acc.last_transaction = Some(txn_date(id));
        if t.incoming {
            self.total_in += u128::from(t.amount);
        } else {
            self.total_out += u128::from(t.amount);
        }
        self.rows.push(TxnRow {
            accumulated: balance,
            account: t.account,
            amount_k: 0,
            incoming: t.incoming,
        });
        self.sims.push(SimTxn {
            amount: t.amount,
            content: t.content,
            code: t.code,
            va_slot: t.va_slot,
            order_va: t.order_va,
            webhook_success: false,
        });
        Ok(id)
    }

    /// Records that a webhook of simulated transaction `id` was delivered.
    pub fn set_webhook_success(&mut self, id: u64) {
        let Some(k) = id.checked_sub(self.generated_len() + 1) else {
            return;
        };
        if let Some(s) = self.sims.get_mut(k as usize) {
            s.webhook_success = true;
        }
    }
}

/// The payment code SePay would detect in `content` with the sandbox's
/// company configuration: the first `DH` (any case) followed by digits,
/// returned uppercase (`"... dh1234 ..."` → `DH1234`), like the generated data.
pub fn extract_code(content: &str) -> Option<String> {
    let b = content.as_bytes();
    (0..b.len().saturating_sub(2)).find_map(|i| {
        if !b[i].eq_ignore_ascii_case(&b'D') || !b[i + 1].eq_ignore_ascii_case(&b'H') {
            return None;
        }
        let digits = b[i + 2..].iter().take_while(|c| c.is_ascii_digit()).count();
        (digits > 0).then(|| format!("DH{}", &content[i + 2..i + 2 + digits]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(account: u32, amount: u64, incoming: bool) -> NewTxn {
        NewTxn {
            account,
            amount,
            incoming,
            content: "x".into(),
            code: None,
            va_slot: None,
            order_va: None,
        }
    }

    #[test]
    fn append_keeps_balances_and_totals() {
        let mut d = Dataset::generate(42, 100, 2);
        let before = d.accounts[1].accumulated;
        let id = d.append(new(1, 2_277_123, true)).unwrap();
        assert_eq!(id, 101);
        assert_eq!(d.generated_len(), 100);
        assert_eq!(d.rows[100].accumulated, before + 2_277_123);
        assert_eq!(d.accounts[1].accumulated, before + 2_277_123);
        assert_eq!(d.accounts[1].last_transaction, Some(txn_date(101)));
        assert_eq!(d.sim(101).unwrap().amount, 2_277_123);
        assert!(d.sim(100).is_none());
        let big = d.accounts[0].accumulated + 1;
        assert!(d.append(new(0, big, false)).is_err());
        assert!(d.append(new(0, 0, true)).is_err());
        assert!(d.append(new(9, 1, true)).is_err());
        let out = d.accounts[0].accumulated;
        assert_eq!(d.append(new(0, out, false)), Ok(102));
        assert_eq!(d.accounts[0].accumulated, 0);
        d.set_webhook_success(102);
        assert!(d.sim(102).unwrap().webhook_success);
        assert!(!d.sim(101).unwrap().webhook_success);
    }

    #[test]
    fn codes() {
        assert_eq!(
            extract_code("NGUYEN VAN A chuyen tien DH12345 x").as_deref(),
            Some("DH12345")
        );
        assert_eq!(extract_code("MBVCB.1.dh007.CT").as_deref(), Some("DH007"));
        assert_eq!(extract_code("DH thanh toan DH9").as_deref(), Some("DH9"));
        assert_eq!(extract_code("chuyen tien"), None);
        assert_eq!(extract_code("DH"), None);
        assert_eq!(extract_code("Đơn DH12 ừ").as_deref(), Some("DH12"));
    }
}
