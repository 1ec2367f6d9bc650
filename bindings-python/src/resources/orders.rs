//! `client.v1.orders` (BIDV) and `client.v2.orders`: VA orders with their own
//! virtual accounts. Bank rules are checked by the core before sending.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use sepay::userapi::orders::{OrderBank, VaOrderCreateParams};

use crate::errors::IntoPyResult;
use crate::page::PageOut;
use crate::params::params;
use crate::shared::Ctx;
use crate::values::IntoPy;

/// A core `()` on its way to Python: `None`.
pub struct Unit;

impl IntoPy for Unit {
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        ().into_py(py)
    }
}

/// VA orders of one API version (`client.v1.orders` or `client.v2.orders`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct VaOrders {
    pub(super) ctx: Ctx,
    pub(super) v1: bool,
}
twin!(VaOrders, AsyncVaOrders, "VA orders of an `AsyncClient`.");

impl VaOrders {
    fn name(&self, action: &str) -> String {
        format!("{}.orders.{action}", if self.v1 { "v1" } else { "v2" })
    }

    /// The bank of a create / add_va call: v1 is always BIDV; v2 needs it.
    fn bank(&self, py: Python<'_>, op: &str, bank: Option<String>) -> PyResult<OrderBank> {
        let bad = |why: String| sepay::Error::invalid_param(op, "bank", why);
        let parsed = match bank.as_deref().map(str::to_ascii_uppercase).as_deref() {
            None if self.v1 => Ok(OrderBank::Bidv),
            None => Err(bad(
                "is required on v2: OrderBank.BIDV, VIETCOMBANK or SACOMBANK".into(),
            )),
            Some("BIDV") => Ok(OrderBank::Bidv),
            Some("VIETCOMBANK") if !self.v1 => Ok(OrderBank::Vietcombank),
            Some("SACOMBANK") if !self.v1 => Ok(OrderBank::Sacombank),
            Some(_) if self.v1 => Err(bad(format!(
                "must be BIDV on v1 (v1 orders are BIDV only), got {:?}",
                bank.clone().unwrap_or_default()
            ))),
            Some(_) => Err(bad(format!(
                "must be \"BIDV\", \"Vietcombank\" or \"Sacombank\", got {:?}",
                bank.clone().unwrap_or_default()
            ))),
        };
        parsed.py_err(py)
    }
}

/// The core's order operations of `c` on v1 (BIDV) or v2.
fn api(c: &sepay::Client, v1: bool) -> sepay::userapi::orders::Orders<'_> {
    if v1 {
        c.v1().orders()
    } else {
        c.v2().orders()
    }
}

#[pymethods]
impl VaOrders {
    /// One page of a bank account's orders (`page`, `per_page`).
    #[pyo3(signature = (bank_account_id, *, page=None, per_page=None))]
    fn list(
        &self,
        py: Python<'_>,
        bank_account_id: String,
        page: Option<u32>,
        per_page: Option<u32>,
    ) -> PyResult<Py<PyAny>> {
        let v1 = self.v1;
        self.ctx.call(py, move |c| async move {
            let page = api(&c, v1).list(&bank_account_id, page, per_page).await;
            page.map(PageOut)
        })
    }

    /// Creates an order. Fields: `order_code`, `amount` (whole dong, `Decimal`
    /// or `int`), `va_holder_name` (BIDV), `duration` (seconds), `with_qrcode`,
    /// `qrcode_template`, `tid` (Vietcombank), `va_prefix` (Sacombank). On v2,
    /// `bank` (an `OrderBank`) selects the rules checked before sending.
    #[pyo3(signature = (bank_account_id, *, bank=None, **fields))]
    fn create(
        &self,
        py: Python<'_>,
        bank_account_id: String,
        bank: Option<String>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let op = self.name("create");
        let bank = self.bank(py, &op, bank)?;
        let p: VaOrderCreateParams = params(py, &op, fields)?;
        let v1 = self.v1;
        self.ctx.call(py, move |c| async move {
            api(&c, v1).create(&bank_account_id, bank, &p).await
        })
    }

    /// One order.
    fn get(
        &self,
        py: Python<'_>,
        bank_account_id: String,
        order_id: String,
    ) -> PyResult<Py<PyAny>> {
        let v1 = self.v1;
        self.ctx.call(py, move |c| async move {
            api(&c, v1).get(&bank_account_id, &order_id).await
        })
    }

    /// Cancels a `PENDING` order (its unpaid VAs become `CANCELLED`); a paid
    /// order gives SePay's 422 as `ValidationError`.
    fn cancel(
        &self,
        py: Python<'_>,
        bank_account_id: String,
        order_id: String,
    ) -> PyResult<Py<PyAny>> {
        let v1 = self.v1;
        self.ctx.call(py, move |c| async move {
            api(&c, v1)
                .cancel(&bank_account_id, &order_id)
                .await
                .map(|()| Unit)
        })
    }

    /// Adds a VA to an order (same fields as `create`).
    #[pyo3(signature = (bank_account_id, order_id, *, bank=None, **fields))]
    fn add_va(
        &self,
        py: Python<'_>,
        bank_account_id: String,
        order_id: String,
        bank: Option<String>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let op = self.name("add_va");
        let bank = self.bank(py, &op, bank)?;
        let p: VaOrderCreateParams = params(py, &op, fields)?;
        let v1 = self.v1;
        self.ctx.call(py, move |c| async move {
            api(&c, v1)
                .add_va(&bank_account_id, &order_id, bank, &p)
                .await
        })
    }

    /// Cancels one unpaid VA of an order.
    fn cancel_va(
        &self,
        py: Python<'_>,
        bank_account_id: String,
        order_id: String,
        va_number: String,
    ) -> PyResult<Py<PyAny>> {
        let v1 = self.v1;
        self.ctx.call(py, move |c| async move {
            let done = api(&c, v1)
                .cancel_va(&bank_account_id, &order_id, &va_number)
                .await;
            done.map(|()| Unit)
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<sepay_sdk.VaOrders {}>",
            if self.v1 { "v1 (BIDV)" } else { "v2" }
        )
    }
}
