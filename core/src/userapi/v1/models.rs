//! v1 models, decoded from SePay's all-strings JSON into exact types.

use serde::{Deserialize, Serialize};

use crate::decode::{flag, id, opt_text};
use crate::money::Amount;
use crate::time::{wall_clock, wall_clock_opt, DateTime};

/// A bank transaction as User API v1 reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V1Transaction {
    /// SePay's transaction id (numeric, kept as text).
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// Bank brand, e.g. `Vietcombank`.
    #[serde(default)]
    pub bank_brand_name: String,
    /// Account number the transaction belongs to.
    pub account_number: String,
    /// When the bank booked it (+07:00).
    #[serde(with = "wall_clock")]
    pub transaction_date: DateTime,
    /// Money in.
    pub amount_in: Amount,
    /// Money out.
    pub amount_out: Amount,
    /// Balance after the transaction (0 when the bank does not report it).
    pub accumulated: Amount,
    /// Transfer memo.
    #[serde(default)]
    pub transaction_content: String,
    /// Bank reference number.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub reference_number: Option<String>,
    /// Payment code SePay recognised in the memo.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub code: Option<String>,
    /// Sub-account / virtual account number.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub sub_account: Option<String>,
    /// SePay's id of the bank account.
    #[serde(deserialize_with = "id::deserialize")]
    pub bank_account_id: String,
}

/// A bank account as User API v1 reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V1BankAccount {
    /// SePay's bank account id (numeric, kept as text).
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// Holder name.
    #[serde(default)]
    pub account_holder_name: String,
    /// Account number.
    pub account_number: String,
    /// Current balance as SePay knows it.
    pub accumulated: Amount,
    /// Time of the last transaction, if any.
    #[serde(default, with = "wall_clock_opt")]
    pub last_transaction: Option<DateTime>,
    /// Label given in SePay (may be empty).
    #[serde(default)]
    pub label: String,
    /// Whether the account is active (`"1"` on the wire).
    #[serde(deserialize_with = "flag::deserialize")]
    pub active: bool,
    /// When the account was added to SePay.
    #[serde(default, with = "wall_clock_opt")]
    pub created_at: Option<DateTime>,
    /// Bank short name, e.g. `VietinBank`.
    #[serde(default)]
    pub bank_short_name: String,
    /// Bank full name.
    #[serde(default)]
    pub bank_full_name: String,
    /// Bank BIN (NAPAS), e.g. `970415`.
    #[serde(default)]
    pub bank_bin: String,
    /// Bank code, e.g. `ICB`.
    #[serde(default)]
    pub bank_code: String,
}
