//! Payments into VA-order virtual accounts: BIDV takes any amount up to what
//! is outstanding (partial payments), Vietcombank and Sacombank only the
//! exact outstanding amount; closed or expired VAs take nothing.

use crate::va_orders::model::{OrderStatus, VaStatus};
use crate::va_orders::store::{OrderBank, VaError, VaStore};

impl VaStore {
    /// Checks that VA `vi` of order `oi` accepts `amount` at `now`.
    pub fn check_payment(
        &self,
        oi: usize,
        vi: usize,
        bank: OrderBank,
        amount: u64,
        now: i64,
    ) -> Result<(), VaError> {
        let o = &self.orders[oi];
        let v = &o.vas[vi];
        let conflict = |m: String| Err(VaError::Conflict(m));
        if matches!(o.status, OrderStatus::Paid | OrderStatus::Cancelled) {
            return conflict(format!("the order is {:?}", o.status));
        }
        if v.status != VaStatus::Unpaid {
            return conflict(format!("the VA is {:?}", v.status));
        }
        if v.expired_at.is_some_and(|t| t < now) {
            return conflict("the VA has expired".into());
        }
        let va_due = v.amount.map(|a| a.saturating_sub(v.paid_amount));
        let order_due = o.amount.map(|a| a.saturating_sub(o.paid_amount));
        let bad = |m: String| Err(VaError::Validation(vec![("amount".into(), m)]));
        match bank {
            OrderBank::Bidv => {
                if let Some(d) = va_due.into_iter().chain(order_due).min() {
                    if amount > d {
                        return bad(format!("{amount} exceeds the outstanding {d}"));
                    }
                }
            }
            OrderBank::Vietcombank | OrderBank::Sacombank => {
                if va_due != Some(amount) {
                    return bad(format!(
                        "{bank:?} VAs accept exactly {} (got {amount})",
                        va_due.unwrap_or(0)
                    ));
                }
            }
        }
        Ok(())
    }

    /// Records a payment checked by [`VaStore::check_payment`].
    pub fn apply_payment(&mut self, oi: usize, vi: usize, bank: OrderBank, amount: u64) {
        let o = &mut self.orders[oi];
        let v = &mut o.vas[vi];
        v.paid_amount += amount;
        if v.amount.is_some_and(|a| v.paid_amount >= a) {
            v.status = VaStatus::Paid;
        }
        o.paid_amount += amount;
        o.status = match o.amount {
            Some(a) if o.paid_amount >= a => OrderStatus::Paid,
            _ if bank == OrderBank::Bidv => OrderStatus::Partially,
            _ => OrderStatus::Pending,
        };
    }
}

#[cfg(test)]
mod tests {
    use crate::va_orders::model::OrderStatus;
    use crate::va_orders::store::{NewOrder, OrderBank, VaError, VaStore};

    fn new(amount: Option<u64>) -> NewOrder {
        NewOrder {
            order_code: Some("ORDER001".into()),
            amount,
            va_holder_name: "NGUYEN VAN A".into(),
            expired_at: None,
            tid: None,
            va_prefix: None,
        }
    }

    #[test]
    fn exact_amount_banks() {
        let mut s = VaStore::default();
        let mut n = new(Some(500));
        n.tid = Some("20930001".into());
        let va = s.create(1, 0, OrderBank::Vietcombank, n, 0).unwrap().vas[0]
            .va_number
            .clone();
        assert!(va.starts_with("20930001"));
        let (oi, vi) = s.find_va(&va).unwrap();
        assert!(s
            .check_payment(oi, vi, OrderBank::Vietcombank, 400, 0)
            .is_err());
        s.apply_payment(oi, vi, OrderBank::Vietcombank, 500);
        assert_eq!(s.at(oi).status, OrderStatus::Paid);
        let mut n = new(Some(500));
        n.expired_at = Some(10);
        n.va_prefix = Some("SEP200001WEB".into());
        n.order_code = None;
        let o = s.create(1, 0, OrderBank::Sacombank, n, 0).unwrap();
        assert_eq!(o.order_code, "SEP000000002");
        let va = o.vas[0].va_number.clone();
        assert!(va.starts_with("SEP200001WEB"));
        let (oi, vi) = s.find_va(&va).unwrap();
        assert!(matches!(
            s.check_payment(oi, vi, OrderBank::Sacombank, 500, 11),
            Err(VaError::Conflict(_))
        ));
    }
}
