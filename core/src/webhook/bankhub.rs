//! Bank Hub notifications (sepay-api.md §6.1): balance-change IPNs and linking
//! lifecycle events, both snake_case JSON. Events carry `X-Secret-Key`; the IPN's
//! authentication was not captured (UNVERIFIED), so its mode is the caller's choice.

use serde::{Deserialize, Serialize};

use crate::decode::{id, opt_text};
use crate::money::Amount;
use crate::time::{wall_clock, DateTime};

/// Direction in a Bank Hub IPN (`credit`/`debit`, unlike `in`/`out` elsewhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BankHubTransferType {
    /// Money in.
    Credit,
    /// Money out.
    Debit,
}

/// A Bank Hub balance-change IPN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BankHubIpn {
    /// Bank brand.
    #[serde(default)]
    pub gateway: String,
    /// When (+07:00).
    #[serde(with = "wall_clock")]
    pub transaction_date: DateTime,
    /// Account number.
    #[serde(default)]
    pub account_number: String,
    /// Bank account xid.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub bank_account_xid: Option<String>,
    /// Virtual account, if any.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub va: Option<String>,
    /// Payment code recognised, if any.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub payment_code: Option<String>,
    /// Memo.
    #[serde(default)]
    pub content: String,
    /// Credit or debit.
    pub transfer_type: BankHubTransferType,
    /// Amount.
    pub amount: Amount,
    /// Bank reference.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub reference_code: Option<String>,
    /// Balance after (SePay: "currently not supported, default 0").
    #[serde(default)]
    pub accumulated: Amount,
    /// Transaction id; the deduplication key.
    #[serde(deserialize_with = "id::deserialize")]
    pub transaction_id: String,
}

/// The 13 documented linking lifecycle events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BankHubEventName {
    /// A link token was created.
    LinkTokenCreated,
    /// A link token was revoked.
    LinkTokenRevoked,
    /// A link token expired unused.
    LinkTokenExpired,
    /// The user opened the hosted link page.
    LinkSessionInitialized,
    /// The user opened it again.
    LinkSessionReinitialized,
    /// The session moved to another step.
    LinkSessionStateChanged,
    /// The session ended with the account linked or unlinked.
    LinkSessionCompleted,
    /// The session failed.
    LinkSessionFailed,
    /// The user left the session.
    LinkSessionAbandoned,
    /// The session timed out.
    LinkSessionExpired,
    /// A bank account was linked.
    BankAccountLinked,
    /// A bank account was unlinked.
    BankAccountUnlinked,
    /// A linked bank account became inactive.
    BankAccountInactivated,
}

/// A Bank Hub webhook event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BankHubEvent {
    /// Unix seconds.
    pub timestamp: i64,
    /// Event id; the deduplication key.
    #[serde(deserialize_with = "id::deserialize")]
    pub xid: String,
    /// Envelope version, e.g. `1.0`.
    #[serde(default)]
    pub version: String,
    /// What happened.
    pub event: BankHubEventName,
    /// Event details.
    #[serde(default)]
    pub metadata: BankHubEventMetadata,
}

/// Details of a Bank Hub event (fields present depend on the event).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BankHubEventMetadata {
    /// `LINK_BANK_ACCOUNT` / `UNLINK_BANK_ACCOUNT`.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub purpose: Option<String>,
    /// Link token xid.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub link_token_xid: Option<String>,
    /// Link session xid.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub link_session_xid: Option<String>,
    /// Bank account xid.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub bank_account_xid: Option<String>,
}
