//! Bank accounts, their virtual accounts and (Vietcombank only) terminals.

use crate::common::hash::h3;
use crate::common::ids::{uuid, Kind, Uuid};
use crate::common::timefmt::from_parts;
use crate::dataset::banks::{Bank, BANKS, LABELS, NAMES};

/// A bank account connected to the (emulated) SePay company.
#[derive(Debug, Clone)]
pub struct BankAccount {
    /// 1-based index; the v1 id is its decimal string.
    pub index: u32,
    /// v2 id.
    pub uuid: Uuid,
    /// The bank.
    pub bank: &'static Bank,
    /// `account_holder_name`, uppercase ASCII.
    pub holder: &'static str,
    /// `account_number`, digits only, unique in the dataset.
    pub account_number: String,
    /// `label`, possibly empty.
    pub label: &'static str,
    /// v2 `account_type`: `personal` or `enterprise`.
    pub account_type: &'static str,
    /// `active`.
    pub active: bool,
    /// `created_at` (seconds, naive local time).
    pub created_at: i64,
    /// Balance before the first generated transaction.
    pub opening_balance: u64,
    /// Balance after the last transaction (`accumulated`).
    pub accumulated: u64,
    /// Time of the latest transaction, if any.
    pub last_transaction: Option<i64>,
    /// Virtual accounts (0–5).
    pub vas: Vec<VirtualAccount>,
    /// Terminals (Vietcombank accounts only).
    pub terminals: Vec<Terminal>,
}

/// A virtual account ("VA") under a bank account.
#[derive(Debug, Clone)]
pub struct VirtualAccount {
    /// v2 id.
    pub uuid: Uuid,
    /// The VA number (`va`, also v1 `sub_account`).
    pub va: String,
    /// `sub_holder_name`.
    pub sub_holder_name: &'static str,
    /// `label`.
    pub label: String,
    /// `active`.
    pub active: bool,
    /// `official` (1 official / 0 virtual).
    pub official: bool,
    /// `static`.
    pub is_static: bool,
    /// `created_at`.
    pub created_at: i64,
    /// `updated_at`.
    pub updated_at: i64,
}

/// A Vietcombank payment terminal (shape invented, see README).
#[derive(Debug, Clone)]
pub struct Terminal {
    /// v2 id.
    pub uuid: Uuid,
    /// 8-digit terminal id.
    pub tid: String,
    /// Display name.
    pub name: String,
    /// `active`.
    pub active: bool,
    /// `created_at`.
    pub created_at: i64,
}

const SALT_ACCOUNT: u64 = 100;
const VA_SLOTS: u32 = 8;

/// Global index used to derive the UUID of VA or terminal `j` of account `a`.
pub fn sub_index(account: u32, j: u32) -> u32 {
    account.wrapping_mul(VA_SLOTS).wrapping_add(j)
}

/// Splits a global sub-index back into `(account, j)`.
pub fn split_sub_index(index: u32) -> (u32, u32) {
    (index / VA_SLOTS, index % VA_SLOTS)
}

fn digits(h: u64, len: usize) -> String {
    format!("{:0len$}", h % 10u64.pow(len as u32))
}

/// Generates bank accounts `1..=count` (balances filled in later).
pub fn generate(seed: u64, count: u32) -> Vec<BankAccount> {
    let start = from_parts(2024, 1, 1, 8, 0, 0);
    let step = (365 * 86_400 / i64::from(count.max(1))).clamp(1, 3 * 86_400);
    let mut seen = std::collections::HashSet::new();
    (1..=count)
        .map(|a| {
            let h = |k: u64| h3(seed, SALT_ACCOUNT + k, u64::from(a));
            let bank = &BANKS[((a - 1) % BANKS.len() as u32) as usize];
            let mut salt = 0;
            let account_number = loop {
                let n = digits(h(10 + salt), 10 + (h(1) % 4) as usize);
                if seen.insert(n.clone()) {
                    break n;
                }
                salt += 1;
            };
            let created_at = start + i64::from(a - 1) * step + (h(2) % step as u64) as i64;
            let vas = (0..(h(3) % 6) as u32)
                .map(|j| make_va(seed, a, j, bank, created_at))
                .collect();
            let terminals = if bank.code == "VCB" {
                (0..2)
                    .map(|j| make_terminal(seed, a, j, created_at))
                    .collect()
            } else {
                Vec::new()
            };
            let opening_balance = (h(4) % 50_000) * 10_000;
            BankAccount {
                index: a,
                uuid: uuid(seed, Kind::BankAccount, a),
                bank,
                holder: NAMES[(h(5) % NAMES.len() as u64) as usize],
                account_number,
                label: LABELS[(h(6) % LABELS.len() as u64) as usize],
                account_type: if h(7) % 3 == 0 {
                    "enterprise"
                } else {
                    "personal"
                },
                active: a % 5 != 0,
                created_at,
                opening_balance,
                accumulated: opening_balance,
                last_transaction: None,
                vas,
                terminals,
            }
        })
        .collect()
}

fn make_va(seed: u64, a: u32, j: u32, bank: &Bank, account_created: i64) -> VirtualAccount {
    let h = |k: u64| h3(seed, SALT_ACCOUNT + 50 + k, u64::from(sub_index(a, j)));
    let letters: String = (0..3)
        .map(|k| char::from(b'A' + ((h(1) >> (8 * k)) % 26) as u8))
        .collect();
    let created_at = account_created + i64::from(j + 1) * 7 * 86_400 + (h(2) % 86_400) as i64;
    VirtualAccount {
        uuid: uuid(seed, Kind::VirtualAccount, sub_index(a, j)),
        va: format!("{}{:04}{}{:03}", bank.code, a, letters, j + 1),
        sub_holder_name: NAMES[(h(3) % NAMES.len() as u64) as usize],
        label: format!("VA {}", j + 1),
        active: h(4) % 5 != 0,
        official: h(5) % 2 == 0,
        is_static: h(6) % 2 == 0,
        created_at,
        updated_at: created_at + (h(7) % (30 * 86_400)) as i64,
    }
}

fn make_terminal(seed: u64, a: u32, j: u32, account_created: i64) -> Terminal {
    let h = |k: u64| h3(seed, SALT_ACCOUNT + 80 + k, u64::from(sub_index(a, j)));
    Terminal {
        uuid: uuid(seed, Kind::Terminal, sub_index(a, j)),
        tid: format!("2093{:04}", h(1) % 10_000),
        name: format!("Terminal {}", j + 1),
        active: true,
        created_at: account_created + 3600 * i64::from(j + 1),
    }
}
