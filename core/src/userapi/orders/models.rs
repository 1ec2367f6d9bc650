//! VA order models (sepay-api.md §4): an order with its own virtual account(s).

use serde::{Deserialize, Serialize};

use crate::decode::{id, opt_text};
use crate::money::Amount;
use crate::time::{wall_clock_opt, DateTime};

/// Order state: `Pending → Partially (BIDV) → Paid`, or `Cancelled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum VaOrderStatus {
    /// Awaiting payment; the only state that can be cancelled.
    Pending,
    /// Part of the amount arrived (BIDV).
    Partially,
    /// Fully paid.
    Paid,
    /// Cancelled.
    Cancelled,
}

/// State of one virtual account of an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum VaStatus {
    /// Accepting payment.
    Unpaid,
    /// Paid (a paid VA stops accepting money).
    Paid,
    /// Cancelled.
    Cancelled,
}

/// A VA order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VaOrder {
    /// Order id (UUID).
    #[serde(deserialize_with = "id::deserialize")]
    pub id: String,
    /// Your order code (alphanumeric), or SePay's generated one.
    pub order_code: String,
    /// Amount due; `None` accepts any amount (BIDV).
    #[serde(default)]
    pub amount: Option<Amount>,
    /// Amount received so far.
    #[serde(default)]
    pub paid_amount: Option<Amount>,
    /// State.
    pub status: VaOrderStatus,
    /// The (first) VA number to pay into.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub va_number: Option<String>,
    /// Name shown for the VA.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub va_holder_name: Option<String>,
    /// Bank, e.g. `BIDV`.
    #[serde(default)]
    pub bank_name: String,
    /// Holder of the underlying account.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub account_holder_name: Option<String>,
    /// The underlying account number.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub account_number: Option<String>,
    /// When the VA stops accepting payment.
    #[serde(default, with = "wall_clock_opt")]
    pub expired_at: Option<DateTime>,
    /// Created.
    #[serde(default, with = "wall_clock_opt")]
    pub created_at: Option<DateTime>,
    /// QR image as a data URL, when requested.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub qr_code: Option<String>,
    /// QR image URL, when requested.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub qr_code_url: Option<String>,
    /// Every VA of the order, when SePay lists them.
    #[serde(default, alias = "vas")]
    pub virtual_accounts: Vec<OrderVa>,
}

/// One virtual account of an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OrderVa {
    /// VA number.
    pub va_number: String,
    /// Amount this VA accepts; `None` = any.
    #[serde(default)]
    pub amount: Option<Amount>,
    /// Amount received.
    #[serde(default)]
    pub paid_amount: Option<Amount>,
    /// State.
    pub status: VaStatus,
    /// Name shown for the VA.
    #[serde(default, deserialize_with = "opt_text::deserialize")]
    pub va_holder_name: Option<String>,
    /// Expiry.
    #[serde(default, with = "wall_clock_opt")]
    pub expired_at: Option<DateTime>,
}
