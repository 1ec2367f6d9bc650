//! OAuth2 resource API models (sepay-api.md §5.2): integer ids (kept as text),
//! money as JSON numbers with decimals, `true`/`false` flags.

use serde::{Deserialize, Serialize};

use crate::decode::{flag, id, opt_text};
use crate::money::Amount;
use crate::secret::SecretString;
use crate::time::{wall_clock_opt, DateTime};

/// The authorizing user (`GET /me`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Me {
    /// User id.
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// First name.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub last_name: Option<String>,
    /// Email.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub email: Option<String>,
    /// Phone.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub phone: Option<String>,
    /// Avatar URL.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub avatar: Option<String>,
}

/// The bank of an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OAuthBank {
    /// e.g. `Vietcombank`.
    #[serde(default)]
    pub short_name: String,
    /// Full name.
    #[serde(default)]
    pub full_name: String,
    /// e.g. `VCB`.
    #[serde(default)]
    pub code: String,
    /// NAPAS BIN, e.g. `970436`.
    #[serde(default)]
    pub bin: String,
    /// Icon URL.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub icon_url: Option<String>,
    /// Logo URL.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub logo_url: Option<String>,
}

/// A bank account seen through OAuth2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OAuthBankAccount {
    /// Id.
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// Label.
    #[serde(default)]
    pub label: String,
    /// Holder name.
    #[serde(default)]
    pub account_holder_name: String,
    /// Account number.
    pub account_number: String,
    /// Balance.
    pub accumulated: Amount,
    /// Active.
    #[serde(deserialize_with = "flag::deserialize")]
    pub active: bool,
    /// Created.
    #[serde(default, with = "wall_clock_opt")]
    pub created_at: Option<DateTime>,
    /// Bank.
    #[serde(default)]
    pub bank: Option<OAuthBank>,
}

/// Which transactions a webhook fires for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum WebhookEventType {
    /// Money in and out.
    All,
    /// Money in only.
    #[serde(rename = "In_only")]
    InOnly,
    /// Money out only.
    #[serde(rename = "Out_only")]
    OutOnly,
}

/// How SePay authenticates to the webhook URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum WebhookAuthType {
    /// `Authorization: Apikey <key>`.
    #[serde(rename = "Api_Key")]
    ApiKey,
    /// OAuth2 token endpoint.
    #[serde(rename = "OAuth2.0")]
    OAuth2,
    /// HMAC-SHA256 signature.
    #[serde(rename = "HMAC_SHA256")]
    HmacSha256,
    /// None (spelling UNVERIFIED).
    #[serde(rename = "No_Authen")]
    None,
}

/// A webhook registered in SePay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Webhook {
    /// Id.
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// Bank account it watches.
    #[serde(deserialize_with = "id::deserialize")]
    pub bank_account_id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Which transactions.
    pub event_type: WebhookEventType,
    /// Authentication mode.
    pub authen_type: WebhookAuthType,
    /// Target URL.
    pub webhook_url: String,
    /// Only verified payments.
    #[serde(default, deserialize_with = "flag::deserialize")]
    pub is_verify_payment: bool,
    /// Skip transactions without a payment code.
    #[serde(default, deserialize_with = "flag::deserialize")]
    pub skip_if_no_code: bool,
    /// Only virtual-account transactions.
    #[serde(default, deserialize_with = "flag::deserialize")]
    pub only_va: bool,
    /// Active.
    #[serde(default, deserialize_with = "flag::deserialize")]
    pub active: bool,
    /// Body format, e.g. `Json`.
    #[serde(default)]
    pub request_content_type: String,
    /// The API key SePay sends (API-key mode); masked when printed.
    #[serde(default, skip_serializing)]
    pub api_key: Option<SecretString>,
    /// Sub-accounts it is limited to.
    #[serde(default)]
    pub bank_sub_account_ids: Vec<serde_json::Value>,
    /// Created.
    #[serde(default, with = "wall_clock_opt")]
    pub created_at: Option<DateTime>,
}

/// Fields to create or change a webhook (unset fields are not sent).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WebhookParams {
    /// Bank account to watch.
    pub bank_account_id: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Which transactions.
    pub event_type: Option<WebhookEventType>,
    /// Authentication mode.
    pub authen_type: Option<WebhookAuthType>,
    /// Target URL (HTTPS).
    pub webhook_url: Option<String>,
    /// API key for API-key mode.
    pub api_key: Option<SecretString>,
    /// Only verified payments.
    pub is_verify_payment: Option<bool>,
    /// Skip transactions without a payment code.
    pub skip_if_no_code: Option<bool>,
    /// Only virtual-account transactions.
    pub only_va: Option<bool>,
    /// Active.
    pub active: Option<bool>,
    /// Body format, e.g. `Json`.
    pub request_content_type: Option<String>,
}

impl WebhookParams {
    /// The JSON body (flags as 0/1, as SePay's own examples send them).
    pub fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        let mut put = |k: &str, v: Option<serde_json::Value>| {
            if let Some(v) = v {
                m.insert(k.into(), v);
            }
        };
        let flag = |b: Option<bool>| b.map(|b| serde_json::Value::from(u8::from(b)));
        let json = |v: serde_json::Result<serde_json::Value>| v.ok();
        put(
            "bank_account_id",
            self.bank_account_id.clone().map(Into::into),
        );
        put("name", self.name.clone().map(Into::into));
        put(
            "event_type",
            self.event_type.and_then(|v| json(serde_json::to_value(v))),
        );
        put(
            "authen_type",
            self.authen_type.and_then(|v| json(serde_json::to_value(v))),
        );
        put("webhook_url", self.webhook_url.clone().map(Into::into));
        put("api_key", self.api_key.as_ref().map(|k| k.expose().into()));
        put("is_verify_payment", flag(self.is_verify_payment));
        put("skip_if_no_code", flag(self.skip_if_no_code));
        put("only_va", flag(self.only_va));
        put("active", flag(self.active));
        put(
            "request_content_type",
            self.request_content_type.clone().map(Into::into),
        );
        serde_json::Value::Object(m)
    }
}

/// A sub-account (VA) of a bank account. SePay does not document this object;
/// fields beyond `id` are read when present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OAuthSubAccount {
    /// Id.
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// Sub-account number.
    #[serde(
        default,
        alias = "sub_account",
        alias = "va",
        deserialize_with = "opt_text::deserialize"
    )]
    pub account_number: Option<String>,
    /// Label.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub label: Option<String>,
}

/// A transaction seen through OAuth2 (field names as in User API v1; the
/// OAuth2 response body is not documented beyond its filters — UNVERIFIED).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OAuthTransaction {
    /// Id.
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// When (+07:00).
    #[serde(default, with = "wall_clock_opt")]
    pub transaction_date: Option<DateTime>,
    /// Account number.
    #[serde(default)]
    pub account_number: String,
    /// Money in.
    #[serde(default)]
    pub amount_in: Amount,
    /// Money out.
    #[serde(default)]
    pub amount_out: Amount,
    /// Balance after.
    #[serde(default)]
    pub accumulated: Amount,
    /// Memo.
    #[serde(default)]
    pub transaction_content: String,
    /// Bank reference.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub reference_number: Option<String>,
    /// Payment code.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub code: Option<String>,
    /// Bank account id.
    #[serde(default, deserialize_with = "id::opt::deserialize")]
    pub bank_account_id: Option<String>,
}
