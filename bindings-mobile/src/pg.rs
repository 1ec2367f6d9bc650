//! Payment gateway: `client.pg().checkout(request)` (a signed form, kept in
//! order) and `client.pg().orders()` (list, iterate, get, cancel, void).

use std::sync::Arc;

use sepay::paging::Page;
use sepay::pg::{CheckoutRequest, PgOrder, PgOrderListParams};
use sepay::Pagination;

use crate::error::SePayError;
use crate::paginator::PgOrderPaginator;
use crate::webhook::NameValue;

/// The payment gateway API of a client created with payment gateway credentials.
#[derive(uniffi::Object)]
pub struct PgApi {
    client: sepay::Client,
}

impl PgApi {
    pub(crate) fn new(client: &sepay::Client) -> Arc<Self> {
        Arc::new(PgApi {
            client: client.clone(),
        })
    }
}

#[uniffi::export]
impl PgApi {
    /// The signed checkout form for `request` (the merchant id is the client's).
    pub fn checkout(&self, request: CheckoutRequest) -> Result<Arc<CheckoutForm>, SePayError> {
        Ok(Arc::new(CheckoutForm(self.client.pg().checkout(&request)?)))
    }

    /// Orders: list, iterate, get, cancel, void.
    pub fn orders(&self) -> Arc<PgOrders> {
        Arc::new(PgOrders {
            client: self.client.clone(),
        })
    }
}

/// A signed checkout form: POST `fields` in this order to `action`.
#[derive(uniffi::Object)]
pub struct CheckoutForm(sepay::pg::CheckoutForm);

#[uniffi::export]
impl CheckoutForm {
    /// The form's `action` URL.
    pub fn action(&self) -> String {
        self.0.action.clone()
    }

    /// Field names and values in the order they must be posted (`signature` last).
    pub fn fields(&self) -> Vec<NameValue> {
        self.0
            .fields
            .iter()
            .map(|(name, value)| NameValue {
                name: name.clone(),
                value: value.clone(),
            })
            .collect()
    }

    /// An HTML form (values escaped, order kept) with a submit button.
    pub fn to_html(&self, submit_label: String) -> String {
        self.0.to_html(&submit_label)
    }
}

/// One page of payment gateway orders.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PgOrderPage {
    /// The items on this page.
    pub items: Vec<PgOrder>,
    /// Page metadata, when SePay sends it.
    pub pagination: Option<Pagination>,
}

impl From<Page<PgOrder>> for PgOrderPage {
    fn from(page: Page<PgOrder>) -> Self {
        PgOrderPage {
            items: page.items,
            pagination: page.pagination,
        }
    }
}

/// Payment gateway orders.
#[derive(uniffi::Object)]
pub struct PgOrders {
    client: sepay::Client,
}

#[uniffi::export(async_runtime = "tokio")]
impl PgOrders {
    /// One page of orders.
    #[uniffi::method(default(params))]
    pub async fn list(&self, params: PgOrderListParams) -> Result<PgOrderPage, SePayError> {
        Ok(self.client.pg().orders().list(&params).await?.into())
    }

    /// Every matching order, page by page.
    #[uniffi::method(default(params))]
    pub fn iter(&self, params: PgOrderListParams) -> Arc<PgOrderPaginator> {
        PgOrderPaginator::new(self.client.pg().orders().iter(&params).boxed())
    }

    /// One order by id or invoice number.
    pub async fn get(&self, id: String) -> Result<PgOrder, SePayError> {
        Ok(self.client.pg().orders().get(&id).await?)
    }

    /// Cancels an unpaid order; returns SePay's message.
    pub async fn cancel(&self, order_invoice_number: String) -> Result<String, SePayError> {
        Ok(self
            .client
            .pg()
            .orders()
            .cancel(&order_invoice_number)
            .await?)
    }

    /// Voids a card payment; returns SePay's message.
    pub async fn void(&self, order_invoice_number: String) -> Result<String, SePayError> {
        Ok(self
            .client
            .pg()
            .orders()
            .void(&order_invoice_number)
            .await?)
    }
}
