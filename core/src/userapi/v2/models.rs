//! v2 models: UUID ids, integer money, 0/1 flags.

use serde::{Deserialize, Serialize};

use crate::decode::{flag, id, opt_text};
use crate::money::Amount;
use crate::time::{wall_clock, wall_clock_opt, DateTime};

/// Direction of a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TransferType {
    /// Money in.
    In,
    /// Money out.
    Out,
}

impl TransferType {
    /// The wire value, `in` or `out`.
    pub fn as_str(&self) -> &'static str {
        match self {
            TransferType::In => "in",
            TransferType::Out => "out",
        }
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SortOrder {
    /// Ascending.
    Asc,
    /// Descending.
    Desc,
}

impl SortOrder {
    /// The wire value, `asc` or `desc`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SortOrder::Asc => "asc",
            SortOrder::Desc => "desc",
        }
    }
}

/// A bank transaction as User API v2 reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V2Transaction {
    /// Transaction id (UUID).
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// When the bank booked it (+07:00).
    #[serde(with = "wall_clock")]
    pub transaction_date: DateTime,
    /// Account number.
    pub account_number: String,
    /// Virtual account number, if the money came through one.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub va: Option<String>,
    /// In or out.
    pub transfer_type: TransferType,
    /// Money in.
    pub amount_in: Amount,
    /// Money out.
    pub amount_out: Amount,
    /// Balance after the transaction (0 when unknown).
    pub accumulated: Amount,
    /// Transfer memo.
    #[serde(default)]
    pub transaction_content: String,
    /// Bank reference number.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub reference_number: Option<String>,
    /// Payment code recognised in the memo.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub code: Option<String>,
    /// Bank brand, e.g. `ACB`.
    #[serde(default)]
    pub bank_brand_name: String,
    /// Bank account id (UUID).
    #[serde(deserialize_with = "id::deserialize")]
    pub bank_account_id: String,
    /// Virtual account id (UUID), if any.
    #[serde(default, deserialize_with = "id::opt::deserialize")]
    pub va_id: Option<String>,
    /// Webhook delivery result as SePay reports it (documented 0/1, seen 8).
    #[serde(default)]
    pub webhook_success: i64,
}

/// A bank account as User API v2 reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V2BankAccount {
    /// Bank account id (UUID).
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
    /// Label (may be empty).
    #[serde(default)]
    pub label: String,
    /// Account type as SePay names it, e.g. `personal`.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub account_type: Option<String>,
    /// Whether the account is active.
    #[serde(deserialize_with = "flag::deserialize")]
    pub active: bool,
    /// When it was added to SePay.
    #[serde(default, with = "wall_clock_opt")]
    pub created_at: Option<DateTime>,
    /// Bank short name, e.g. `ACB`.
    #[serde(default)]
    pub bank_short_name: String,
    /// Bank full name.
    #[serde(default)]
    pub bank_full_name: String,
    /// Bank BIN.
    #[serde(default)]
    pub bank_bin: String,
    /// Bank code.
    #[serde(default)]
    pub bank_code: String,
}

/// A virtual account (VA) under a bank account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct V2VirtualAccount {
    /// VA id (UUID).
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// VA number.
    pub va: String,
    /// Holder name shown for the VA.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub sub_holder_name: Option<String>,
    /// Label.
    #[serde(default)]
    pub label: String,
    /// Whether the VA is active.
    #[serde(deserialize_with = "flag::deserialize")]
    pub active: bool,
    /// Official bank VA (true) or SePay's virtual one (false).
    #[serde(default, deserialize_with = "flag::deserialize")]
    pub official: bool,
    /// Static VA (true) or per-order (false).
    #[serde(rename = "static", default, deserialize_with = "flag::deserialize")]
    pub is_static: bool,
    /// Parent bank account id (UUID).
    #[serde(deserialize_with = "id::deserialize")]
    pub bank_account_id: String,
    /// Created.
    #[serde(default, with = "wall_clock_opt")]
    pub created_at: Option<DateTime>,
    /// Last changed.
    #[serde(default, with = "wall_clock_opt")]
    pub updated_at: Option<DateTime>,
}

/// A Vietcombank terminal (its `tid` is needed to create VCB orders).
/// SePay does not document this object; only `tid` is relied upon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Terminal {
    /// SePay's id of the terminal, if sent.
    #[serde(default, deserialize_with = "id::opt::deserialize")]
    pub id: Option<String>,
    /// The raw VCB terminal id, e.g. `20933557`.
    #[serde(deserialize_with = "id::deserialize")]
    pub tid: String,
    /// Display name, if sent.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub name: Option<String>,
}
