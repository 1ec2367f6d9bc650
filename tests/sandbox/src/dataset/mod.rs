//! The deterministic dataset: bank accounts plus a compact table of
//! transactions. Only values that depend on history (direction after the
//! balance check, running balance) are stored; everything else is derived
//! from `(seed, id)` on demand by [`crate::dataset::txn::Txn`].

pub mod accounts;
pub mod banks;
pub mod simulated;
pub mod txn;

use serde::Serialize;

use crate::common::hash::h3;
use crate::common::money::V1Money;
use crate::common::timefmt::from_parts;
use crate::dataset::accounts::BankAccount;
use crate::dataset::simulated::SimTxn;

/// Seconds between consecutive transactions.
pub const TXN_STEP_SECS: i64 = 31;

/// Time of transaction 0 (transaction `i` happens at `base + i * 31 s`).
pub fn txn_base() -> i64 {
    from_parts(2025, 1, 1, 0, 0, 0)
}

/// Salts for the per-transaction hash streams.
pub mod salt {
    /// Bank account choice.
    pub const ACCOUNT: u64 = 1;
    /// Amount.
    pub const AMOUNT: u64 = 2;
    /// Direction.
    pub const DIRECTION: u64 = 3;
    /// Virtual account choice.
    pub const VA: u64 = 4;
    /// Payment code.
    pub const CODE: u64 = 5;
    /// Memo and sender.
    pub const MEMO: u64 = 6;
    /// Reference-number prefix.
    pub const REFERENCE: u64 = 7;
    /// Webhook status.
    pub const WEBHOOK: u64 = 8;
}

/// The stored part of one transaction (16 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TxnRow {
    /// Balance of the account after this transaction.
    pub accumulated: u64,
    /// 0-based index into [`Dataset::accounts`].
    pub account: u32,
    /// Amount in thousands of VND (1..=50_000).
    pub amount_k: u16,
    /// Money in (true) or out (false).
    pub incoming: bool,
}

impl TxnRow {
    /// Amount in VND of a generated row (simulated rows store 0 here; use
    /// [`crate::dataset::txn::Txn::amount`], which knows both).
    pub fn amount(&self) -> u64 {
        u64::from(self.amount_k) * 1000
    }
}

/// Totals over the whole dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DatasetStats {
    /// Number of transactions.
    pub transactions: u64,
    /// Number of bank accounts.
    pub bank_accounts: u32,
    /// Sum of `amount_in` over all transactions, e.g. `"123456000.00"`.
    pub total_amount_in: String,
    /// Sum of `amount_out` over all transactions.
    pub total_amount_out: String,
}

/// The whole emulated company: bank accounts and transactions.
#[derive(Debug)]
pub struct Dataset {
    /// Seed everything derives from.
    pub seed: u64,
    /// Bank accounts; `accounts[k].index == k + 1`.
    pub accounts: Vec<BankAccount>,
    /// Transactions; `rows[k]` is transaction id `k + 1`.
    pub rows: Vec<TxnRow>,
    /// Extra data of the simulated transactions, which follow the generated
    /// ones: `sims[k]` belongs to id `rows.len() - sims.len() + k + 1`.
    pub sims: Vec<SimTxn>,
    pub(crate) total_in: u128,
    pub(crate) total_out: u128,
}

impl Dataset {
    /// Generates `transactions` transactions over `bank_accounts` accounts
    /// (at least one account when there are transactions).
    pub fn generate(seed: u64, transactions: u64, bank_accounts: u32) -> Dataset {
        let count = if transactions == 0 {
            bank_accounts
        } else {
            bank_accounts.max(1)
        };
        let mut accounts = accounts::generate(seed, count);
        let m = accounts.len() as u64;
        let mut balances: Vec<u64> = accounts.iter().map(|a| a.opening_balance).collect();
        let mut last: Vec<Option<u64>> = vec![None; accounts.len()];
        let mut rows = Vec::with_capacity(transactions as usize);
        let (mut total_in, mut total_out) = (0u128, 0u128);
        for i in 1..=transactions {
            let account = (h3(seed, salt::ACCOUNT, i) % m) as usize;
            let amount_k = (h3(seed, salt::AMOUNT, i) % 50_000 + 1) as u16;
            let amount = u64::from(amount_k) * 1000;
            let balance = &mut balances[account];
            let incoming = h3(seed, salt::DIRECTION, i) % 10 < 8 || *balance < amount;
            if incoming {
                *balance += amount;
                total_in += u128::from(amount);
            } else {
                *balance -= amount;
                total_out += u128::from(amount);
            }
            last[account] = Some(i);
            rows.push(TxnRow {
                accumulated: *balance,
                account: account as u32,
                amount_k,
                incoming,
            });
        }
        for ((acc, bal), last) in accounts.iter_mut().zip(balances).zip(last) {
            acc.accumulated = bal;
            acc.last_transaction = last.map(txn_date);
        }
        Dataset {
            seed,
            accounts,
            rows,
            sims: Vec::new(),
            total_in,
            total_out,
        }
    }

    /// Number of transactions.
    pub fn len(&self) -> u64 {
        self.rows.len() as u64
    }

    /// True when there are no transactions.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Totals for tests and the admin API.
    pub fn stats(&self) -> DatasetStats {
        DatasetStats {
            transactions: self.len(),
            bank_accounts: self.accounts.len() as u32,
            total_amount_in: V1Money(self.total_in).to_string(),
            total_amount_out: V1Money(self.total_out).to_string(),
        }
    }

    /// Bank account by 1-based index.
    pub fn account(&self, index: u32) -> Option<&BankAccount> {
        self.accounts.get((index as usize).checked_sub(1)?)
    }

    /// Bank account by account number.
    pub fn account_by_number(&self, number: &str) -> Option<&BankAccount> {
        self.accounts.iter().find(|a| a.account_number == number)
    }

    /// Smallest id whose date is `>= secs` (may exceed `len`).
    pub fn first_id_at_or_after(&self, secs: i64) -> u64 {
        let d = secs - txn_base();
        if d <= TXN_STEP_SECS {
            1
        } else {
            ((d + TXN_STEP_SECS - 1) / TXN_STEP_SECS) as u64
        }
    }

    /// Largest id whose date is `<= secs` (0 when none), capped at `len`.
    pub fn last_id_at_or_before(&self, secs: i64) -> u64 {
        let d = secs - txn_base();
        if d < TXN_STEP_SECS {
            0
        } else {
            ((d / TXN_STEP_SECS) as u64).min(self.len())
        }
    }
}

/// Date of transaction `id`.
pub fn txn_date(id: u64) -> i64 {
    txn_base() + id as i64 * TXN_STEP_SECS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic() {
        let a = Dataset::generate(42, 2000, 3);
        let b = Dataset::generate(42, 2000, 3);
        let c = Dataset::generate(43, 2000, 3);
        assert_eq!(a.rows, b.rows);
        assert_ne!(a.rows, c.rows);
        assert_eq!(a.stats(), b.stats());
        let ids_a: Vec<_> = a.accounts.iter().map(|x| x.uuid).collect();
        let ids_b: Vec<_> = b.accounts.iter().map(|x| x.uuid).collect();
        assert_eq!(ids_a, ids_b);
    }

    #[test]
    fn running_balance_per_account() {
        let d = Dataset::generate(7, 5000, 4);
        let mut bal: Vec<u64> = d.accounts.iter().map(|a| a.opening_balance).collect();
        let mut ins = 0;
        for r in &d.rows {
            let b = &mut bal[r.account as usize];
            if r.incoming {
                *b += r.amount();
                ins += 1;
            } else {
                *b -= r.amount();
            }
            assert_eq!(*b, r.accumulated);
            assert!((1..=50_000).contains(&r.amount_k));
        }
        for (a, b) in d.accounts.iter().zip(bal) {
            assert_eq!(a.accumulated, b);
        }
        // Roughly 80% incoming.
        assert!((3700..=4400).contains(&ins), "{ins}");
    }

    #[test]
    fn stats_totals_are_exact_sums() {
        let d = Dataset::generate(1, 3000, 3);
        let (mut i, mut o) = (0u128, 0u128);
        for r in &d.rows {
            if r.incoming {
                i += u128::from(r.amount());
            } else {
                o += u128::from(r.amount());
            }
        }
        let s = d.stats();
        assert_eq!(s.transactions, 3000);
        assert_eq!(s.bank_accounts, 3);
        assert_eq!(s.total_amount_in, format!("{i}.00"));
        assert_eq!(s.total_amount_out, format!("{o}.00"));
    }

    #[test]
    fn date_id_bounds() {
        let d = Dataset::generate(1, 100, 1);
        assert_eq!(d.first_id_at_or_after(txn_date(10)), 10);
        assert_eq!(d.first_id_at_or_after(txn_date(10) + 1), 11);
        assert_eq!(d.first_id_at_or_after(0), 1);
        assert_eq!(d.last_id_at_or_before(txn_date(10)), 10);
        assert_eq!(d.last_id_at_or_before(txn_date(10) - 1), 9);
        assert_eq!(d.last_id_at_or_before(0), 0);
        assert_eq!(d.last_id_at_or_before(txn_date(1000)), 100);
    }
}
