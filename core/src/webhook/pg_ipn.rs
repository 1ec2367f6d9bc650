//! Payment gateway IPN: SePay PG → merchant, authenticated by `X-Secret-Key`
//! (sepay-api.md §8.4). Unknown fields are ignored; `custom_data` and
//! `customer` (not documented in detail) are kept as raw JSON text.

use serde::{Deserialize, Serialize};

use crate::decode::{id, opt_text};
use crate::money::Amount;
use crate::time::{wall_clock_opt, DateTime};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PgNotificationType {
    /// An order was paid.
    OrderPaid,
    /// A recurring order renewed and was paid.
    RenewalOrderPaid,
    /// A card transaction was voided.
    TransactionVoid,
}

/// A payment gateway IPN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PgIpn {
    /// Unix seconds when SePay sent it.
    pub timestamp: i64,
    /// What happened.
    pub notification_type: PgNotificationType,
    /// The order.
    pub order: PgIpnOrder,
    /// The payment transaction.
    pub transaction: PgIpnTransaction,
    /// The customer object as raw JSON (shape not documented), if sent.
    #[serde(default, deserialize_with = "raw_json")]
    pub customer: Option<String>,
}

/// The order inside a PG IPN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PgIpnOrder {
    /// SePay's order id.
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// SePay's order code, e.g. `NPSETVI00101000042R`.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub order_id: Option<String>,
    /// e.g. `CAPTURED`.
    pub order_status: String,
    /// `VND`.
    #[serde(default)]
    pub order_currency: String,
    /// Order amount.
    pub order_amount: Amount,
    /// The merchant's invoice number.
    pub order_invoice_number: String,
    /// Description.
    #[serde(default)]
    pub order_description: String,
    /// `custom_data` as raw JSON text.
    #[serde(default, deserialize_with = "raw_json")]
    pub custom_data: Option<String>,
}

/// The transaction inside a PG IPN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PgIpnTransaction {
    /// SePay's transaction id.
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// `CARD`, `BANK_TRANSFER`, `NAPAS_BANK_TRANSFER`.
    #[serde(default)]
    pub payment_method: String,
    /// Gateway transaction id.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub transaction_id: Option<String>,
    /// e.g. `PAYMENT`.
    #[serde(default)]
    pub transaction_type: String,
    /// When (+07:00).
    #[serde(default, with = "wall_clock_opt")]
    pub transaction_date: Option<DateTime>,
    /// e.g. `APPROVED`.
    #[serde(default)]
    pub transaction_status: String,
    /// Amount.
    pub transaction_amount: Amount,
    /// `VND`.
    #[serde(default)]
    pub transaction_currency: String,
    /// 3-D Secure result.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub authentication_status: Option<String>,
    /// Masked card number.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub card_number: Option<String>,
    /// Card holder.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub card_holder_name: Option<String>,
    /// Card expiry as sent.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub card_expiry: Option<String>,
    /// `CREDIT` / `DEBIT`.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub card_funding_method: Option<String>,
    /// `VISA`, `MASTERCARD`, ...
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub card_brand: Option<String>,
}

/// Keeps any JSON value as its text; `null` or missing is `None`.
pub(crate) fn raw_json<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v: Option<serde_json::Value> = Deserialize::deserialize(d)?;
    Ok(v.filter(|v| !v.is_null()).map(|v| v.to_string()))
}
