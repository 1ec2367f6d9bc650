//! The VA-order store and its state machine: create, cancel (only
//! `Pending`; `Unpaid` VAs become `Cancelled`), add a VA, cancel a VA (only
//! `Unpaid`) and payments (BIDV partial, Vietcombank / Sacombank exact).

use crate::common::ids::{uuid, Kind, Uuid};
use crate::dataset::accounts::BankAccount;
use crate::va_orders::model::{OrderStatus, OrderVa, VaOrder, VaStatus};

/// The banks of the VA-order API; rules differ per bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderBank {
    /// BIDV: amount optional (`null` = unlimited), partial payments, holder names.
    Bidv,
    /// Vietcombank: `tid` and the exact amount required, codes of 6–15.
    Vietcombank,
    /// Sacombank: `va_prefix` and the exact amount required.
    Sacombank,
}

impl OrderBank {
    /// The order bank of an account, `None` for banks without VA orders.
    pub fn of(account: &BankAccount) -> Option<OrderBank> {
        match account.bank.code {
            "BIDV" => Some(OrderBank::Bidv),
            "VCB" => Some(OrderBank::Vietcombank),
            "STB" => Some(OrderBank::Sacombank),
            _ => None,
        }
    }
}

/// Why an order operation was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VaError {
    /// 404: unknown order or VA.
    NotFound(&'static str),
    /// 422 `invalid_state`.
    InvalidState(String),
    /// 422 `duplicate_order_code`.
    Duplicate,
    /// 422 `validation_error` with per-field messages.
    Validation(Vec<(String, String)>),
    /// 409 (admin payments into a closed VA).
    Conflict(String),
}

/// A validated new order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrder {
    /// Order code; generated when `None`.
    pub order_code: Option<String>,
    /// Amount; `None` = unlimited (BIDV).
    pub amount: Option<u64>,
    /// Holder name of the first VA.
    pub va_holder_name: String,
    /// Expiry of the first VA.
    pub expired_at: Option<i64>,
    /// Vietcombank terminal id.
    pub tid: Option<String>,
    /// Sacombank VA prefix.
    pub va_prefix: Option<String>,
}

/// A validated new VA of an existing order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVa {
    /// Amount; `None` = the order's outstanding amount (or any, when unlimited).
    pub amount: Option<u64>,
    /// Holder name; `None` = the order's first VA's.
    pub va_holder_name: Option<String>,
    /// Expiry.
    pub expired_at: Option<i64>,
}

/// Every VA order of the sandbox, in creation order.
#[derive(Debug, Default)]
pub struct VaStore {
    pub(crate) orders: Vec<VaOrder>,
    va_seq: u64,
}

fn order_mut<'a>(
    orders: &'a mut [VaOrder],
    account: u32,
    id: &str,
) -> Result<&'a mut VaOrder, VaError> {
    let u = Uuid::parse(id).ok_or(VaError::NotFound("Order not found"))?;
    orders
        .iter_mut()
        .find(|o| o.account == account && o.id == u)
        .ok_or(VaError::NotFound("Order not found"))
}

impl VaStore {
    /// Every order, oldest first.
    pub fn all(&self) -> &[VaOrder] {
        &self.orders
    }

    /// The orders of one account, newest first.
    pub fn list(&self, account: u32) -> Vec<&VaOrder> {
        self.orders
            .iter()
            .rev()
            .filter(|o| o.account == account)
            .collect()
    }

    /// One order of `account` by id.
    pub fn get(&self, account: u32, id: &str) -> Option<&VaOrder> {
        let u = Uuid::parse(id)?;
        self.orders
            .iter()
            .find(|o| o.account == account && o.id == u)
    }

    /// `(order index, VA index)` of a VA number.
    pub fn find_va(&self, va_number: &str) -> Option<(usize, usize)> {
        self.orders.iter().enumerate().find_map(|(i, o)| {
            let j = o.vas.iter().position(|v| v.va_number == va_number)?;
            Some((i, j))
        })
    }

    /// The order at `index` (from [`VaStore::find_va`]).
    pub fn at(&self, index: usize) -> &VaOrder {
        &self.orders[index]
    }

    fn next_va_number(
        &mut self,
        bank: OrderBank,
        tid: Option<&str>,
        prefix: Option<&str>,
    ) -> String {
        loop {
            self.va_seq += 1;
            let n = self.va_seq;
            let va = match bank {
                OrderBank::Bidv => format!("963869{n:010}"),
                OrderBank::Vietcombank => format!("{}{n:08}", tid.unwrap_or("00000000")),
                OrderBank::Sacombank => format!("{}{n:06}", prefix.unwrap_or("SEP")),
            };
            if self.find_va(&va).is_none() {
                return va;
            }
        }
    }

    /// Creates an order of `account` (0-based `index`) with one VA.
    pub fn create(
        &mut self,
        seed: u64,
        index: u32,
        bank: OrderBank,
        new: NewOrder,
        now: i64,
    ) -> Result<&VaOrder, VaError> {
        let taken = |s: &VaStore, code: &str| {
            s.orders
                .iter()
                .any(|o| o.account == index && o.order_code.eq_ignore_ascii_case(code))
        };
        let order_code = match new.order_code {
            Some(c) if taken(self, &c) => return Err(VaError::Duplicate),
            Some(c) => c,
            None => {
                let mut n = self.orders.len() as u64 + 1;
                while taken(self, &format!("SEP{n:09}")) {
                    n += 1;
                }
                format!("SEP{n:09}")
            }
        };
        let va_number = self.next_va_number(bank, new.tid.as_deref(), new.va_prefix.as_deref());
        let id = uuid(seed, Kind::VaOrder, self.orders.len() as u32 + 1);
        self.orders.push(VaOrder {
            id,
            account: index,
            order_code,
            amount: new.amount,
            paid_amount: 0,
            status: OrderStatus::Pending,
            vas: vec![OrderVa {
                va_number,
                amount: new.amount,
                paid_amount: 0,
                status: VaStatus::Unpaid,
                va_holder_name: new.va_holder_name,
                expired_at: new.expired_at,
            }],
            created_at: now,
            tid: new.tid,
            va_prefix: new.va_prefix,
        });
        #[allow(clippy::expect_used, reason = "the Vec was pushed to just before")]
        let created = self.orders.last().expect("just pushed");
        Ok(created)
    }

    /// Cancels a `Pending` order; its `Unpaid` VAs become `Cancelled`.
    pub fn cancel(&mut self, account: u32, id: &str) -> Result<(), VaError> {
        let o = order_mut(&mut self.orders, account, id)?;
        if o.status != OrderStatus::Pending {
            return Err(VaError::InvalidState(format!(
                "Only Pending orders can be cancelled (this one is {:?})",
                o.status
            )));
        }
        o.status = OrderStatus::Cancelled;
        for v in o.vas.iter_mut().filter(|v| v.status == VaStatus::Unpaid) {
            v.status = VaStatus::Cancelled;
        }
        Ok(())
    }

    /// Adds a VA to a `Pending` or `Partially` paid order.
    pub fn add_va(
        &mut self,
        account: u32,
        id: &str,
        bank: OrderBank,
        new: NewVa,
    ) -> Result<&VaOrder, VaError> {
        let (tid, prefix, holder) = {
            let o = order_mut(&mut self.orders, account, id)?;
            if !matches!(o.status, OrderStatus::Pending | OrderStatus::Partially) {
                return Err(VaError::InvalidState(format!(
                    "A VA can only be added to a Pending or Partially paid order (this one is {:?})",
                    o.status
                )));
            }
            let due = o.amount.map(|a| a.saturating_sub(o.paid_amount));
            if let (Some(a), Some(d)) = (new.amount, due) {
                if a > d {
                    let msg = format!("must not exceed the outstanding amount {d}");
                    return Err(VaError::Validation(vec![("amount".into(), msg)]));
                }
            }
            let holder = o.vas.first().map(|v| v.va_holder_name.clone());
            (o.tid.clone(), o.va_prefix.clone(), holder)
        };
        let va_number = self.next_va_number(bank, tid.as_deref(), prefix.as_deref());
        let o = order_mut(&mut self.orders, account, id)?;
        let amount = new
            .amount
            .or(o.amount.map(|a| a.saturating_sub(o.paid_amount)));
        o.vas.push(OrderVa {
            va_number,
            amount,
            paid_amount: 0,
            status: VaStatus::Unpaid,
            va_holder_name: new.va_holder_name.or(holder).unwrap_or_default(),
            expired_at: new.expired_at,
        });
        Ok(o)
    }

    /// Cancels one `Unpaid` VA of an order.
    pub fn cancel_va(&mut self, account: u32, id: &str, va_number: &str) -> Result<(), VaError> {
        let o = order_mut(&mut self.orders, account, id)?;
        let v = o
            .vas
            .iter_mut()
            .find(|v| v.va_number == va_number)
            .ok_or(VaError::NotFound("VA not found"))?;
        if v.status != VaStatus::Unpaid {
            return Err(VaError::InvalidState(format!(
                "Only Unpaid VAs can be cancelled (this one is {:?})",
                v.status
            )));
        }
        v.status = VaStatus::Cancelled;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn bidv_partial_then_paid_and_cancel_rules() {
        let mut s = VaStore::default();
        let id = s
            .create(1, 2, OrderBank::Bidv, new(Some(1000)), 0)
            .unwrap()
            .id
            .to_string();
        assert_eq!(
            s.create(1, 2, OrderBank::Bidv, new(None), 0),
            Err(VaError::Duplicate)
        );
        let va = s.get(2, &id).unwrap().vas[0].va_number.clone();
        assert_eq!(va.len(), 16);
        let (oi, vi) = s.find_va(&va).unwrap();
        assert!(s.check_payment(oi, vi, OrderBank::Bidv, 1001, 0).is_err());
        s.check_payment(oi, vi, OrderBank::Bidv, 400, 0).unwrap();
        s.apply_payment(oi, vi, OrderBank::Bidv, 400);
        assert_eq!(s.at(oi).status, OrderStatus::Partially);
        assert!(matches!(s.cancel(2, &id), Err(VaError::InvalidState(_))));
        s.apply_payment(oi, vi, OrderBank::Bidv, 600);
        assert_eq!(s.at(oi).status, OrderStatus::Paid);
        assert_eq!(s.at(oi).vas[0].status, VaStatus::Paid);
        assert!(matches!(
            s.check_payment(oi, vi, OrderBank::Bidv, 1, 0),
            Err(VaError::Conflict(_))
        ));
        assert_eq!(s.cancel(1, &id), Err(VaError::NotFound("Order not found")));
    }

    #[test]
    fn unlimited_stays_partially_and_cancel_moves_vas() {
        let mut s = VaStore::default();
        let o = s.create(1, 0, OrderBank::Bidv, new(None), 0).unwrap();
        let (id, va) = (o.id.to_string(), o.vas[0].va_number.clone());
        let (oi, vi) = s.find_va(&va).unwrap();
        for _ in 0..3 {
            s.check_payment(oi, vi, OrderBank::Bidv, 5_000_000, 0)
                .unwrap();
            s.apply_payment(oi, vi, OrderBank::Bidv, 5_000_000);
        }
        assert_eq!(s.at(oi).status, OrderStatus::Partially);
        assert_eq!(s.at(oi).vas[0].status, VaStatus::Unpaid);
        let mut s2 = VaStore::default();
        let o = s2.create(1, 0, OrderBank::Bidv, new(Some(10)), 0).unwrap();
        let id2 = o.id.to_string();
        let added = s2
            .add_va(
                0,
                &id2,
                OrderBank::Bidv,
                NewVa {
                    amount: Some(4),
                    va_holder_name: None,
                    expired_at: None,
                },
            )
            .unwrap();
        assert_eq!(added.vas.len(), 2);
        s2.cancel(0, &id2).unwrap();
        assert!(s2
            .get(0, &id2)
            .unwrap()
            .vas
            .iter()
            .all(|v| v.status == VaStatus::Cancelled));
        assert!(matches!(
            s2.cancel_va(0, &id2, &s2.get(0, &id2).unwrap().vas[0].va_number.clone()),
            Err(VaError::InvalidState(_))
        ));
        assert!(s.get(0, &id).is_some());
    }
}
