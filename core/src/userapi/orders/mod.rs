//! VA orders ("VA theo đơn hàng"): an order with its own virtual account and
//! exact amount, on the User API (v1 BIDV, v2 BIDV/Vietcombank/Sacombank).

mod models;
mod ops;
mod params;

pub use models::*;
pub use ops::{
    AddVa, CancelOrder, CreateOrder, GetOrder, ListOrders, OrderApi, OrderFields, OrderPage,
};
pub use params::{OrderBank, QrTemplate, VaOrderCreateParams};

use crate::client::Client;
use crate::error::Result;
use crate::paging::Page;

/// VA order operations of a client on one API version.
#[derive(Debug, Clone, Copy)]
pub struct Orders<'a> {
    client: &'a Client,
    api: OrderApi,
}

impl<'a> Orders<'a> {
    pub(crate) fn new(client: &'a Client, api: OrderApi) -> Self {
        Orders { client, api }
    }

    /// The orders of a bank account (v2: one page).
    pub async fn list(
        &self,
        bank_account_id: &str,
        page: Option<u32>,
        per_page: Option<u32>,
    ) -> Result<Page<VaOrder>> {
        let page = OrderPage { page, per_page };
        let call = ListOrders::list(self.api, bank_account_id, page);
        self.client.execute(&call).await
    }

    /// Creates an order after checking `bank`'s rules (v1 is always BIDV).
    pub async fn create(
        &self,
        bank_account_id: &str,
        bank: OrderBank,
        params: &VaOrderCreateParams,
    ) -> Result<VaOrder> {
        let fields = OrderFields {
            bank,
            params: params.clone(),
        };
        let call = CreateOrder::create(self.api, bank_account_id, fields);
        self.client.execute(&call).await
    }

    /// One order.
    pub async fn get(&self, bank_account_id: &str, order_id: &str) -> Result<VaOrder> {
        let call = GetOrder::get(self.api, bank_account_id, order_id);
        self.client.execute(&call).await
    }

    /// Cancels a `Pending` order (its `Unpaid` VAs become `Cancelled`).
    pub async fn cancel(&self, bank_account_id: &str, order_id: &str) -> Result<()> {
        let call = CancelOrder::cancel(self.api, bank_account_id, order_id);
        self.client.execute(&call).await
    }

    /// Adds a VA to an order.
    pub async fn add_va(
        &self,
        bank_account_id: &str,
        order_id: &str,
        bank: OrderBank,
        params: &VaOrderCreateParams,
    ) -> Result<VaOrder> {
        let fields = OrderFields {
            bank,
            params: params.clone(),
        };
        let call = AddVa::add_va(self.api, bank_account_id, order_id, fields);
        self.client.execute(&call).await
    }

    /// Cancels one `Unpaid` VA of an order.
    pub async fn cancel_va(
        &self,
        bank_account_id: &str,
        order_id: &str,
        va_number: &str,
    ) -> Result<()> {
        let call = CancelOrder::cancel_va(self.api, bank_account_id, order_id, va_number);
        self.client.execute(&call).await
    }
}

impl<'a> crate::userapi::v1::V1<'a> {
    /// BIDV VA orders on v1 (`/userapi/bidv/{id}/orders`).
    pub fn orders(&self) -> Orders<'a> {
        Orders::new(self.client(), OrderApi::V1Bidv)
    }
}

impl<'a> crate::userapi::v2::V2<'a> {
    /// VA orders on v2 (`/v2/bank-accounts/{id}/orders`).
    pub fn orders(&self) -> Orders<'a> {
        Orders::new(self.client(), OrderApi::V2)
    }
}
