//! Payment-gateway orders and their state changes: created by the checkout,
//! paid by `/__sandbox/pg/pay`, voided or cancelled through the order API.

use serde::{Deserialize, Serialize};

/// Awaiting payment.
pub const AWAITING: &str = "AUTHENTICATION_NOT_NEEDED";
/// Paid.
pub const CAPTURED: &str = "CAPTURED";
/// Cancelled (or voided).
pub const CANCELLED: &str = "CANCELLED";
/// Payment methods the checkout accepts.
pub const METHODS: [&str; 3] = ["CARD", "BANK_TRANSFER", "NAPAS_BANK_TRANSFER"];

/// Where PG IPNs go (`POST /__sandbox/pg/ipn`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpnTarget {
    /// URL POSTed to.
    pub url: String,
    /// Sent as `X-Secret-Key` when given.
    #[serde(default)]
    pub secret_key: Option<String>,
}

/// One payment of an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgTxn {
    /// Sequential id.
    pub id: u64,
    /// 13 lowercase hex digits (`68ba94ac80123`).
    pub transaction_id: String,
    /// `CARD`, `BANK_TRANSFER` or `NAPAS_BANK_TRANSFER`.
    pub payment_method: String,
    /// Amount in VND.
    pub amount: u64,
    /// `APPROVED` or `VOIDED`.
    pub status: &'static str,
    /// `AUTHENTICATION_SUCCESSFUL` (card) or `AUTHENTICATION_NOT_NEEDED`.
    pub authentication_status: &'static str,
    /// Created (naive Vietnam time).
    pub date: i64,
    /// Last changed.
    pub updated: i64,
}

impl PgTxn {
    /// Whether it was a card payment.
    pub fn is_card(&self) -> bool {
        self.payment_method == "CARD"
    }
}

/// What a valid checkout form asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewOrder {
    /// `order_invoice_number`.
    pub invoice: String,
    /// `order_amount` in VND.
    pub amount: u64,
    /// `currency`.
    pub currency: String,
    /// `order_description`.
    pub description: String,
    /// `operation`.
    pub operation: String,
    /// `customer_id`.
    pub customer_id: Option<String>,
    /// Requested `payment_method` (none = all offered).
    pub payment_method: Option<String>,
    /// `custom_data` as posted.
    pub custom_data: Option<String>,
    /// Browser `User-Agent`.
    pub user_agent: Option<String>,
}

/// A PG order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgOrder {
    /// Sequential id (from 1).
    pub id: u64,
    /// `SEPAY-` + 13 uppercase hex digits.
    pub order_id: String,
    /// What the form asked for.
    pub req: NewOrder,
    /// [`AWAITING`], [`CAPTURED`] or [`CANCELLED`].
    pub status: &'static str,
    /// Set when paid.
    pub authentication_status: Option<&'static str>,
    /// Created (naive Vietnam time).
    pub created_at: i64,
    /// Last changed.
    pub updated_at: i64,
    /// Payments.
    pub transactions: Vec<PgTxn>,
}

/// Why a state change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PgError {
    /// No such order.
    NotFound,
    /// Not allowed in the order's state (message for the 422 body).
    Rejected(String),
}

/// Every order plus the IPN target.
#[derive(Debug, Default)]
pub struct PgStore {
    orders: Vec<PgOrder>,
    last_uniqid: u64,
    /// IPN target, if configured.
    pub ipn: Option<IpnTarget>,
}

/// A PHP `uniqid()`-like value above `last`: Unix seconds << 20 | microseconds.
fn uniqid(last: &mut u64) -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let v = (now.as_secs() << 20) | u64::from(now.subsec_micros());
    *last = v.max(*last + 1);
    *last
}

fn hex13(v: u64) -> String {
    format!("{:08x}{:05x}", v >> 20, v & 0xF_FFFF)
}

impl PgStore {
    /// Every order, oldest first.
    pub fn orders(&self) -> &[PgOrder] {
        &self.orders
    }

    /// Index of the order with this invoice number.
    pub fn by_invoice(&self, invoice: &str) -> Option<usize> {
        self.orders.iter().position(|o| o.req.invoice == invoice)
    }

    /// An order by `SEPAY-…` order id or invoice number.
    pub fn find(&self, id: &str) -> Option<&PgOrder> {
        self.orders
            .iter()
            .find(|o| o.order_id == id)
            .or_else(|| self.by_invoice(id).map(|i| &self.orders[i]))
    }

    /// Creates an awaiting order; `Err` when the invoice number is taken.
    pub fn create(&mut self, req: NewOrder, now: i64) -> Result<&PgOrder, String> {
        if self.by_invoice(&req.invoice).is_some() {
            return Err("order_invoice_number already exists".to_string());
        }
        let order_id = format!(
            "SEPAY-{}",
            hex13(uniqid(&mut self.last_uniqid)).to_uppercase()
        );
        self.orders.push(PgOrder {
            id: self.orders.len() as u64 + 1,
            order_id,
            req,
            status: AWAITING,
            authentication_status: None,
            created_at: now,
            updated_at: now,
            transactions: Vec::new(),
        });
        #[allow(clippy::expect_used, reason = "the Vec was pushed to just before")]
        let created = self.orders.last().expect("just pushed");
        Ok(created)
    }

    fn get_mut(&mut self, invoice: &str) -> Result<&mut PgOrder, PgError> {
        let i = self.by_invoice(invoice).ok_or(PgError::NotFound)?;
        Ok(&mut self.orders[i])
    }

    /// Marks an awaiting order paid with an approved transaction.
    pub fn pay(
        &mut self,
        invoice: &str,
        method: Option<&str>,
        now: i64,
    ) -> Result<&PgOrder, PgError> {
        let txn_count: usize = self.orders.iter().map(|o| o.transactions.len()).sum();
        let tid = hex13(uniqid(&mut self.last_uniqid));
        let o = self.get_mut(invoice)?;
        if o.status != AWAITING {
            return Err(PgError::Rejected(format!("order is {}", o.status)));
        }
        let method = match (method, o.req.payment_method.as_deref()) {
            (Some(m), Some(asked)) if m != asked => {
                return Err(PgError::Rejected(format!("the order only accepts {asked}")))
            }
            (Some(m), _) | (None, Some(m)) => m.to_string(),
            (None, None) => "BANK_TRANSFER".to_string(),
        };
        if !METHODS.contains(&method.as_str()) {
            return Err(PgError::Rejected(format!(
                "unknown payment_method {method}"
            )));
        }
        let auth = if method == "CARD" {
            "AUTHENTICATION_SUCCESSFUL"
        } else {
            AWAITING
        };
        o.transactions.push(PgTxn {
            id: txn_count as u64 + 1,
            transaction_id: tid,
            payment_method: method,
            amount: o.req.amount,
            status: "APPROVED",
            authentication_status: auth,
            date: now,
            updated: now,
        });
        o.status = CAPTURED;
        o.authentication_status = Some(auth);
        o.updated_at = now;
        Ok(o)
    }

    /// Voids the card payment of a captured order (order → CANCELLED).
    pub fn void(&mut self, invoice: &str, now: i64) -> Result<&PgOrder, PgError> {
        let o = self.get_mut(invoice)?;
        let card = o
            .transactions
            .iter()
            .any(|t| t.is_card() && t.status == "APPROVED");
        if o.status != CAPTURED || !card {
            return Err(PgError::Rejected(
                "Chỉ có thể hủy giao dịch thẻ của đơn hàng đã thanh toán".to_string(),
            ));
        }
        for t in o.transactions.iter_mut().filter(|t| t.is_card()) {
            t.status = "VOIDED";
            t.updated = now;
        }
        o.status = CANCELLED;
        o.updated_at = now;
        Ok(o)
    }

    /// Cancels an unpaid, non-card order.
    pub fn cancel(&mut self, invoice: &str, now: i64) -> Result<&PgOrder, PgError> {
        let o = self.get_mut(invoice)?;
        if o.status == CAPTURED || o.status == CANCELLED {
            return Err(PgError::Rejected(format!(
                "Không thể hủy đơn hàng ở trạng thái {}",
                o.status
            )));
        }
        if o.req.payment_method.as_deref() == Some("CARD") {
            return Err(PgError::Rejected(
                "Không thể hủy đơn hàng thanh toán bằng thẻ".to_string(),
            ));
        }
        o.status = CANCELLED;
        o.updated_at = now;
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(invoice: &str, method: Option<&str>) -> NewOrder {
        NewOrder {
            invoice: invoice.into(),
            amount: 300_000,
            currency: "VND".into(),
            description: "d".into(),
            operation: "PURCHASE".into(),
            payment_method: method.map(str::to_string),
            ..NewOrder::default()
        }
    }

    #[test]
    fn lifecycle() {
        let mut s = PgStore::default();
        let a = s.create(order("A1", None), 100).unwrap().clone();
        assert_eq!(a.id, 1);
        assert_eq!(a.order_id.len(), 19);
        assert!(a.order_id[6..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()));
        assert!(s.create(order("A1", None), 100).is_err());
        let b = s
            .create(order("B2", Some("CARD")), 101)
            .unwrap()
            .order_id
            .clone();
        assert_ne!(a.order_id, b);
        assert_eq!(s.find(&b).unwrap().req.invoice, "B2");
        assert_eq!(s.find("A1").unwrap().order_id, a.order_id);
        assert!(s.find("nope").is_none());

        // A card order cannot be cancelled, only paid by card, then voided.
        assert!(matches!(s.cancel("B2", 102), Err(PgError::Rejected(_))));
        assert!(matches!(
            s.pay("B2", Some("BANK_TRANSFER"), 102),
            Err(PgError::Rejected(_))
        ));
        assert!(matches!(s.void("B2", 102), Err(PgError::Rejected(_))));
        let paid = s.pay("B2", None, 103).unwrap();
        assert_eq!(
            (paid.status, paid.transactions[0].status),
            (CAPTURED, "APPROVED")
        );
        assert!(matches!(s.pay("B2", None, 104), Err(PgError::Rejected(_))));
        let voided = s.void("B2", 105).unwrap();
        assert_eq!(
            (voided.status, voided.transactions[0].status),
            (CANCELLED, "VOIDED")
        );

        // A bank-transfer order: void refused, cancel once.
        assert!(matches!(s.void("A1", 106), Err(PgError::Rejected(_))));
        assert_eq!(s.cancel("A1", 107).unwrap().status, CANCELLED);
        assert!(matches!(s.cancel("A1", 108), Err(PgError::Rejected(_))));
        assert_eq!(s.cancel("zz", 108), Err(PgError::NotFound));
        s.create(order("C3", None), 109).unwrap();
        let paid = s.pay("C3", None, 110).unwrap();
        assert_eq!(paid.transactions[0].payment_method, "BANK_TRANSFER");
        assert_eq!(paid.transactions[0].id, 2);
        assert!(matches!(s.void("C3", 111), Err(PgError::Rejected(_))));
        assert!(matches!(s.cancel("C3", 111), Err(PgError::Rejected(_))));
    }
}
