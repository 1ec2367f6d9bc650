//! VA orders: `client.v1().orders()` (BIDV) and `client.v2().orders()`; the
//! bank's rules are checked by the core before anything is sent.

use std::sync::Arc;

use sepay::userapi::orders::{OrderBank, VaOrder, VaOrderCreateParams};

use crate::error::SePayError;

page_record!(VaOrderPage, VaOrder, "One page of VA orders.");

/// VA orders of one API version (v1: BIDV only).
#[derive(uniffi::Object)]
pub struct VaOrders {
    client: sepay::Client,
    v1: bool,
}

impl VaOrders {
    pub(crate) fn new(client: &sepay::Client, v1: bool) -> Arc<Self> {
        Arc::new(VaOrders {
            client: client.clone(),
            v1,
        })
    }

    fn core(&self) -> sepay::userapi::orders::Orders<'_> {
        if self.v1 {
            self.client.v1().orders()
        } else {
            self.client.v2().orders()
        }
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl VaOrders {
    /// One page of a bank account's orders.
    #[uniffi::method(default(page = None, per_page = None))]
    pub async fn list(
        &self,
        bank_account_id: String,
        page: Option<u32>,
        per_page: Option<u32>,
    ) -> Result<VaOrderPage, SePayError> {
        Ok(self
            .core()
            .list(&bank_account_id, page, per_page)
            .await?
            .into())
    }

    /// Creates an order after checking `bank`'s rules (a broken rule is a
    /// `Validation` error with a null status and nothing is sent). Never re-sent
    /// after it may have reached SePay.
    #[uniffi::method(default(params))]
    pub async fn create(
        &self,
        bank_account_id: String,
        bank: OrderBank,
        params: VaOrderCreateParams,
    ) -> Result<VaOrder, SePayError> {
        Ok(self.core().create(&bank_account_id, bank, &params).await?)
    }

    /// One order.
    pub async fn get(
        &self,
        bank_account_id: String,
        order_id: String,
    ) -> Result<VaOrder, SePayError> {
        Ok(self.core().get(&bank_account_id, &order_id).await?)
    }

    /// Cancels a `Pending` order (its unpaid VAs become `Cancelled`); any other
    /// state is SePay's 422 `Validation` error.
    pub async fn cancel(
        &self,
        bank_account_id: String,
        order_id: String,
    ) -> Result<(), SePayError> {
        Ok(self.core().cancel(&bank_account_id, &order_id).await?)
    }

    /// Adds a VA to an order (same rules as `create`).
    #[uniffi::method(default(params))]
    pub async fn add_va(
        &self,
        bank_account_id: String,
        order_id: String,
        bank: OrderBank,
        params: VaOrderCreateParams,
    ) -> Result<VaOrder, SePayError> {
        let orders = self.core();
        Ok(orders
            .add_va(&bank_account_id, &order_id, bank, &params)
            .await?)
    }

    /// Cancels one `Unpaid` VA of an order.
    pub async fn cancel_va(
        &self,
        bank_account_id: String,
        order_id: String,
        va_number: String,
    ) -> Result<(), SePayError> {
        let orders = self.core();
        Ok(orders
            .cancel_va(&bank_account_id, &order_id, &va_number)
            .await?)
    }
}
