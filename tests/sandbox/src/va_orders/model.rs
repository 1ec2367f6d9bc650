//! VA orders ("VA theo đơn hàng", sepay-api.md §4): the stored order, its
//! virtual accounts and the JSON object both API versions answer with.

use serde::{Deserialize, Serialize};

use crate::common::ids::Uuid;
use crate::common::timefmt::DateTime;
use crate::dataset::accounts::BankAccount;

/// Order state: `Pending → Partially (BIDV) → Paid`, or `Cancelled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderStatus {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VaStatus {
    /// Accepting payment.
    Unpaid,
    /// Paid in full; accepts nothing more.
    Paid,
    /// Cancelled.
    Cancelled,
}

/// One virtual account of an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderVa {
    /// The VA number customers pay into (unique in the sandbox).
    pub va_number: String,
    /// Amount it accepts; `None` = any (BIDV).
    pub amount: Option<u64>,
    /// Received so far.
    pub paid_amount: u64,
    /// State.
    pub status: VaStatus,
    /// Name shown for the VA.
    pub va_holder_name: String,
    /// When it stops accepting money (naive Vietnam time), if ever.
    pub expired_at: Option<i64>,
}

/// A stored VA order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaOrder {
    /// Order id.
    pub id: Uuid,
    /// 0-based index of the bank account.
    pub account: u32,
    /// Order code (unique per bank account).
    pub order_code: String,
    /// Amount due; `None` = unlimited (BIDV).
    pub amount: Option<u64>,
    /// Received so far.
    pub paid_amount: u64,
    /// State.
    pub status: OrderStatus,
    /// Its virtual accounts, the first one created with the order.
    pub vas: Vec<OrderVa>,
    /// Created (naive Vietnam time).
    pub created_at: i64,
    /// Vietcombank terminal id, if any.
    pub tid: Option<String>,
    /// Sacombank VA prefix, if any.
    pub va_prefix: Option<String>,
}

/// A 1×1 PNG, the sandbox's stand-in for a QR image.
const QR_PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==";

/// How the QR fields are rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QrOptions {
    /// `with_qrcode=1`: include the `qr_code` data URL.
    pub with_qrcode: bool,
    /// `qrcode_template`, if given.
    pub template: Option<&'static str>,
}

/// The order object of the API (field order of the docs' create example).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaOrderView {
    /// Order id (UUID).
    pub id: String,
    /// Order code.
    pub order_code: String,
    /// Amount due, `null` = unlimited.
    pub amount: Option<u64>,
    /// Received so far.
    pub paid_amount: u64,
    /// `Pending`, `Partially`, `Paid`, `Cancelled`.
    pub status: OrderStatus,
    /// The first VA's number.
    pub va_number: String,
    /// The first VA's holder name.
    pub va_holder_name: String,
    /// Bank short name, e.g. `BIDV`.
    pub bank_name: String,
    /// Holder of the underlying account.
    pub account_holder_name: String,
    /// The underlying account number.
    pub account_number: String,
    /// The first VA's expiry.
    pub expired_at: Option<String>,
    /// Created.
    pub created_at: String,
    /// QR image data URL (only with `with_qrcode=1`).
    pub qr_code: Option<String>,
    /// QR image URL on `qr.sepay.vn`.
    pub qr_code_url: String,
    /// Every VA of the order.
    pub virtual_accounts: Vec<OrderVaView>,
}

/// One VA in [`VaOrderView::virtual_accounts`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderVaView {
    /// VA number.
    pub va_number: String,
    /// Amount it accepts, `null` = any.
    pub amount: Option<u64>,
    /// Received.
    pub paid_amount: u64,
    /// `Unpaid`, `Paid`, `Cancelled`.
    pub status: VaStatus,
    /// Name shown for the VA.
    pub va_holder_name: String,
    /// Expiry.
    pub expired_at: Option<String>,
}

fn qr_url(bank: &str, va: &str, amount: Option<u64>, code: &str, t: Option<&str>) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    s.append_pair("acc", va).append_pair("bank", bank);
    if let Some(a) = amount {
        s.append_pair("amount", &a.to_string());
    }
    s.append_pair("des", code);
    if let Some(t) = t {
        s.append_pair("template", t);
    }
    format!("https://qr.sepay.vn/img?{}", s.finish())
}

impl VaOrderView {
    /// The API view of `o`, an order of `account`.
    pub fn new(o: &VaOrder, account: &BankAccount, qr: QrOptions) -> VaOrderView {
        let first = o.vas.first();
        let va_number = first.map(|v| v.va_number.clone()).unwrap_or_default();
        let due = o.amount.map(|a| a.saturating_sub(o.paid_amount));
        VaOrderView {
            id: o.id.to_string(),
            order_code: o.order_code.clone(),
            amount: o.amount,
            paid_amount: o.paid_amount,
            status: o.status,
            qr_code_url: qr_url(
                account.bank.code,
                &va_number,
                due,
                &o.order_code,
                qr.template,
            ),
            va_number,
            va_holder_name: first.map(|v| v.va_holder_name.clone()).unwrap_or_default(),
            bank_name: account.bank.short_name.to_string(),
            account_holder_name: account.holder.to_string(),
            account_number: account.account_number.clone(),
            expired_at: first
                .and_then(|v| v.expired_at)
                .map(|t| DateTime(t).to_string()),
            created_at: DateTime(o.created_at).to_string(),
            qr_code: qr
                .with_qrcode
                .then(|| format!("data:image/png;base64,{QR_PNG}")),
            virtual_accounts: o
                .vas
                .iter()
                .map(|v| OrderVaView {
                    va_number: v.va_number.clone(),
                    amount: v.amount,
                    paid_amount: v.paid_amount,
                    status: v.status,
                    va_holder_name: v.va_holder_name.clone(),
                    expired_at: v.expired_at.map(|t| DateTime(t).to_string()),
                })
                .collect(),
        }
    }
}
