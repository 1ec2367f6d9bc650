//! Payment-gateway JSON: the order object of the order API (sepay-api.md
//! §8.3) and the IPN body (§8.4).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::common::timefmt::DateTime;
use crate::payment_gateway::store::{PgOrder, PgTxn};

/// A sandbox card: Visa test number, masked.
const CARD: (&str, &str, &str, &str) = ("411111xxxxxx1111", "NGUYEN VAN A", "CREDIT", "VISA");

/// A transaction in the order API (`transaction_amount` an integer string).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxnView {
    /// Id.
    pub id: String,
    /// Payment method.
    pub payment_method: String,
    /// `PAYMENT`.
    pub transaction_type: String,
    /// Amount, e.g. `"300000"`.
    pub transaction_amount: String,
    /// `VND`.
    pub transaction_currency: String,
    /// `APPROVED` or `VOIDED`.
    pub transaction_status: String,
    /// 3-D Secure result.
    pub authentication_status: String,
    /// Masked card number (card payments).
    pub card_number: Option<String>,
    /// Card holder.
    pub card_holder_name: Option<String>,
    /// `MMYY`.
    pub card_expiry: Option<String>,
    /// `CREDIT` / `DEBIT`.
    pub card_funding_method: Option<String>,
    /// `VISA`, `MASTERCARD`, …
    pub card_brand: Option<String>,
    /// `YYYY-MM-DD HH:MM:SS`.
    pub transaction_date: String,
    /// `YYYY-MM-DD HH:MM:SS`.
    pub transaction_last_updated_date: String,
}

impl TxnView {
    /// The view of a transaction.
    pub fn new(t: &PgTxn) -> TxnView {
        let card = |v: &str| t.is_card().then(|| v.to_string());
        TxnView {
            id: t.id.to_string(),
            payment_method: t.payment_method.clone(),
            transaction_type: "PAYMENT".into(),
            transaction_amount: t.amount.to_string(),
            transaction_currency: "VND".into(),
            transaction_status: t.status.into(),
            authentication_status: t.authentication_status.into(),
            card_number: card(CARD.0),
            card_holder_name: card(CARD.1),
            card_expiry: card("1230"),
            card_funding_method: card(CARD.2),
            card_brand: card(CARD.3),
            transaction_date: DateTime(t.date).to_string(),
            transaction_last_updated_date: DateTime(t.updated).to_string(),
        }
    }
}

/// An order in the order API (`order_amount` a 2-decimal string).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    /// Sequential id.
    pub id: String,
    /// `customer_id` of the form.
    pub customer_id: Option<String>,
    /// `SEPAY-…`.
    pub order_id: String,
    /// Invoice number.
    pub order_invoice_number: String,
    /// Status.
    pub order_status: String,
    /// e.g. `"300000.00"`.
    pub order_amount: String,
    /// `VND`.
    pub order_currency: String,
    /// Description.
    pub order_description: String,
    /// Set once paid.
    pub authentication_status: Option<String>,
    /// `YYYY-MM-DD HH:MM:SS`.
    pub created_at: String,
    /// `YYYY-MM-DD HH:MM:SS`.
    pub updated_at: String,
    /// Payments.
    pub transactions: Vec<TxnView>,
}

impl OrderView {
    /// The view of an order.
    pub fn new(o: &PgOrder) -> OrderView {
        OrderView {
            id: o.id.to_string(),
            customer_id: o.req.customer_id.clone(),
            order_id: o.order_id.clone(),
            order_invoice_number: o.req.invoice.clone(),
            order_status: o.status.into(),
            order_amount: format!("{}.00", o.req.amount),
            order_currency: o.req.currency.clone(),
            order_description: o.req.description.clone(),
            authentication_status: o.authentication_status.map(str::to_string),
            created_at: DateTime(o.created_at).to_string(),
            updated_at: DateTime(o.updated_at).to_string(),
            transactions: o.transactions.iter().map(TxnView::new).collect(),
        }
    }
}

/// `meta` of `GET /order`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PgMeta {
    /// Page size.
    pub per_page: u64,
    /// Matching orders.
    pub total: u64,
    /// `current_page < page_count`.
    pub has_more: bool,
    /// 1-based page.
    pub current_page: u64,
    /// Pages (at least 1).
    pub page_count: u64,
}

impl PgMeta {
    /// Meta of page `page` of `total` items.
    pub fn new(total: u64, page: u64, per_page: u64) -> PgMeta {
        let page_count = total.div_ceil(per_page).max(1);
        PgMeta {
            per_page,
            total,
            has_more: page < page_count,
            current_page: page,
            page_count,
        }
    }
}

/// `order` of an IPN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpnOrder {
    /// Sequential id.
    pub id: String,
    /// `SEPAY-…`.
    pub order_id: String,
    /// Status after the event.
    pub order_status: String,
    /// `VND`.
    pub order_currency: String,
    /// e.g. `"50000.00"`.
    pub order_amount: String,
    /// Invoice number.
    pub order_invoice_number: String,
    /// Posted `custom_data` (parsed when it is JSON; `[]` when absent).
    pub custom_data: Value,
    /// Checkout browser's `User-Agent`.
    pub user_agent: Option<String>,
    /// Checkout browser's IP.
    pub ip_address: String,
    /// Description.
    pub order_description: String,
}

/// `transaction` of an IPN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpnTxn {
    /// Id (same as in the order API).
    pub id: String,
    /// Payment method.
    pub payment_method: String,
    /// 13 hex digits.
    pub transaction_id: String,
    /// `PAYMENT`.
    pub transaction_type: String,
    /// `YYYY-MM-DD HH:MM:SS`.
    pub transaction_date: String,
    /// `APPROVED` / `VOIDED`.
    pub transaction_status: String,
    /// e.g. `"50000"`.
    pub transaction_amount: String,
    /// `VND`.
    pub transaction_currency: String,
    /// 3-D Secure result.
    pub authentication_status: String,
    /// Masked card number (card payments).
    pub card_number: Option<String>,
    /// Card holder.
    pub card_holder_name: Option<String>,
    /// `MM/YY`.
    pub card_expiry: Option<String>,
    /// `CREDIT` / `DEBIT`.
    pub card_funding_method: Option<String>,
    /// Card brand.
    pub card_brand: Option<String>,
}

/// `customer` of an IPN (shape UNVERIFIED: not captured in the docs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpnCustomer {
    /// The order's `customer_id`.
    pub id: Option<String>,
}

/// A PG IPN body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpnPayload {
    /// Unix seconds.
    pub timestamp: u64,
    /// `ORDER_PAID` or `TRANSACTION_VOID`.
    pub notification_type: String,
    /// The order.
    pub order: IpnOrder,
    /// The payment concerned.
    pub transaction: IpnTxn,
    /// The customer.
    pub customer: IpnCustomer,
}

impl IpnPayload {
    /// The IPN of `kind` about `t` of `o`.
    pub fn new(kind: &str, o: &PgOrder, t: &PgTxn, timestamp: u64) -> IpnPayload {
        let v = TxnView::new(t);
        let custom_data = match o.req.custom_data.as_deref() {
            None | Some("") => Value::Array(Vec::new()),
            Some(s) => serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.to_string())),
        };
        IpnPayload {
            timestamp,
            notification_type: kind.to_string(),
            order: IpnOrder {
                id: o.id.to_string(),
                order_id: o.order_id.clone(),
                order_status: o.status.into(),
                order_currency: o.req.currency.clone(),
                order_amount: format!("{}.00", o.req.amount),
                order_invoice_number: o.req.invoice.clone(),
                custom_data,
                user_agent: o.req.user_agent.clone(),
                ip_address: "127.0.0.1".into(),
                order_description: o.req.description.clone(),
            },
            transaction: IpnTxn {
                id: v.id,
                payment_method: v.payment_method,
                transaction_id: t.transaction_id.clone(),
                transaction_type: v.transaction_type,
                transaction_date: v.transaction_date,
                transaction_status: v.transaction_status,
                transaction_amount: v.transaction_amount,
                transaction_currency: v.transaction_currency,
                authentication_status: v.authentication_status,
                card_number: v.card_number,
                card_holder_name: v.card_holder_name,
                card_expiry: t.is_card().then(|| "12/30".to_string()),
                card_funding_method: v.card_funding_method,
                card_brand: v.card_brand,
            },
            customer: IpnCustomer {
                id: o.req.customer_id.clone(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_math() {
        let m = PgMeta::new(0, 1, 20);
        assert_eq!((m.page_count, m.has_more), (1, false));
        let m = PgMeta::new(41, 2, 20);
        assert_eq!((m.page_count, m.has_more), (3, true));
    }
}
