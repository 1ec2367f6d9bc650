//! Bank Hub models (sepay-api.md §6.1). Ids are `xid` strings; flags arrive as
//! 0/1 or booleans.

use serde::{Deserialize, Serialize};

use crate::decode::{count, flag, id, opt_text};
use crate::money::Amount;
use crate::secret::SecretString;
use crate::time::{wall_clock_opt, DateTime};
use crate::userapi::v2::TransferType;

/// A hosted bank-linking session to open in a WebView (`link-token/create`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkToken {
    /// Link token id.
    pub xid: String,
    /// The page to embed.
    pub hosted_link_url: String,
    /// The token (UUID).
    pub link_token: String,
    /// Expiry (+07:00).
    #[serde(default, with = "wall_clock_opt")]
    pub expires_at: Option<DateTime>,
}

/// What a link token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LinkPurpose {
    /// Link a bank account.
    LinkBankAccount,
    /// Unlink one (needs `bank_account_xid`).
    UnlinkBankAccount,
}

/// A link token's state (`link-token/get`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkTokenInfo {
    /// Link token id.
    pub xid: String,
    /// Purpose.
    pub purpose: LinkPurpose,
    /// e.g. `Active`.
    #[serde(default)]
    pub status: String,
    /// Where the WebView goes at the end.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub completion_redirect_uri: Option<String>,
    /// Sessions started with it.
    #[serde(default)]
    pub session_count: u64,
    /// Expiry.
    #[serde(default, with = "wall_clock_opt")]
    pub expires_at: Option<DateTime>,
    /// Sessions, each with its `state` (e.g. `PENDING`) and `status`.
    #[serde(default)]
    pub sessions: Vec<LinkSession>,
}

/// One linking session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkSession {
    /// Session id.
    pub xid: String,
    /// e.g. `PENDING`.
    #[serde(default)]
    pub state: String,
    /// Status text.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub status: Option<String>,
    /// Finished at.
    #[serde(default, with = "wall_clock_opt")]
    pub finished_at: Option<DateTime>,
}

/// A company (an end customer of the platform).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Company {
    /// Company id.
    pub xid: String,
    /// Name.
    pub full_name: String,
    /// `Active` / `Pending`.
    #[serde(default)]
    pub status: String,
    /// Active.
    #[serde(default, deserialize_with = "flag::deserialize")]
    pub active: bool,
    /// Created.
    #[serde(default, with = "wall_clock_opt")]
    pub created_at: Option<DateTime>,
    /// Updated.
    #[serde(default, with = "wall_clock_opt")]
    pub updated_at: Option<DateTime>,
}

/// A company's payment-code configuration (`configuration` in its details).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CompanyConfiguration {
    /// Payment-code recognition, `on` / `off`.
    #[serde(default)]
    pub payment_code: String,
    /// Payment-code prefix (2–5 letters).
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub payment_code_prefix: Option<String>,
    /// Shortest suffix.
    #[serde(default, deserialize_with = "count::deserialize")]
    pub payment_code_suffix_from: u64,
    /// Longest suffix.
    #[serde(default, deserialize_with = "count::deserialize")]
    pub payment_code_suffix_to: u64,
    /// `NumberOnly` / `NumberAndLetter`.
    #[serde(default)]
    pub payment_code_suffix_character_type: String,
    /// How long SePay keeps the company's data, as sent (meaning UNVERIFIED).
    #[serde(default, deserialize_with = "id::opt::deserialize")]
    pub data_storage_time: Option<String>,
    /// Transaction amount setting, as sent (meaning UNVERIFIED).
    #[serde(default, deserialize_with = "id::opt::deserialize")]
    pub transaction_amount: Option<String>,
}

/// Transaction counts of one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CounterDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// All transactions.
    pub transaction: u64,
    /// Money in.
    pub transaction_in: u64,
    /// Money out.
    pub transaction_out: u64,
}

/// Counts totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CounterTotal {
    /// All transactions.
    pub transaction: u64,
    /// Money in.
    pub transaction_in: u64,
    /// Money out.
    pub transaction_out: u64,
}

/// `company/counter/{xid}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CompanyCounter {
    /// Per day.
    pub dates: Vec<CounterDay>,
    /// Totals.
    pub total: CounterTotal,
}

/// A linked bank account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BankHubBankAccount {
    /// Account id.
    pub xid: String,
    /// Owning company.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub company_xid: Option<String>,
    /// Bank brand.
    #[serde(default)]
    pub brand_name: String,
    /// Holder.
    #[serde(default)]
    pub account_holder_name: String,
    /// Number.
    pub account_number: String,
    /// Balance (a decimal string on the wire).
    #[serde(default)]
    pub accumulated: Amount,
    /// e.g. `individual`.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub account_type: Option<String>,
    /// Bank API connected.
    #[serde(default, deserialize_with = "flag::deserialize")]
    pub bank_api_connected: bool,
    /// Active.
    #[serde(default, deserialize_with = "flag::deserialize")]
    pub active: bool,
    /// Last transaction.
    #[serde(default, with = "wall_clock_opt")]
    pub last_transaction: Option<DateTime>,
}

/// A Bank Hub transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BankHubTransaction {
    /// Id.
    #[serde(deserialize_with = "id::deserialize")]
    pub transaction_id: String,
    /// When (+07:00).
    #[serde(default, with = "wall_clock_opt")]
    pub transaction_date: Option<DateTime>,
    /// Bank account id.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub bank_account_xid: Option<String>,
    /// Company id.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub company_xid: Option<String>,
    /// Bank brand.
    #[serde(default)]
    pub brand_name: String,
    /// Account number.
    #[serde(default)]
    pub account_number: String,
    /// Virtual account, if any.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub va: Option<String>,
    /// Bank reference.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub reference_number: Option<String>,
    /// In or out.
    pub transfer_type: TransferType,
    /// Amount.
    pub amount: Amount,
    /// Memo.
    #[serde(default)]
    pub transaction_content: String,
    /// Payment code, if recognised.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub payment_code: Option<String>,
}

/// Merchant configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MerchantConfig {
    /// Only transactions whose memo contains one of these are kept.
    #[serde(default)]
    pub transaction_whitelist_remark_keywords: Vec<String>,
    /// Logo shown in the hosted link page.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub logo_url: Option<String>,
}

/// The merchant's one webhook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BankHubWebhook {
    /// Target.
    pub webhook_url: String,
    /// `SECRET_KEY`.
    #[serde(default)]
    pub auth_type: String,
    /// Secret sent as `X-Secret-Key` (SePay returns it masked except right after setting it).
    #[serde(default, skip_serializing)]
    pub secret_key: Option<SecretString>,
    /// e.g. `application/json`.
    #[serde(default)]
    pub request_content_type: String,
    /// Active.
    #[serde(default, deserialize_with = "flag::deserialize")]
    pub active: bool,
    /// Events delivered (`["*"]` = all).
    #[serde(default)]
    pub allow_events: Vec<String>,
}
