//! SePay Payment Gateway: hosted checkout forms (signed) and, with Basic auth,
//! the order API.

pub mod checkout;
pub mod orders;

pub use checkout::{CheckoutForm, CheckoutOperation, CheckoutRequest, PaymentMethod};
pub use orders::{PgOrder, PgOrderListParams, PgOrders, PgTransaction};

use crate::client::Client;
use crate::error::{Error, Result};

/// Payment gateway operations of a client (needs
/// [`ClientBuilder::payment_gateway`](crate::ClientBuilder::payment_gateway)).
#[derive(Debug, Clone, Copy)]
pub struct Pg<'a> {
    client: &'a Client,
}

impl<'a> Pg<'a> {
    /// Orders: list, get, cancel, void.
    pub fn orders(&self) -> PgOrders<'a> {
        PgOrders::new(self.client)
    }

    /// The signed checkout form for `request`, posting to this environment's
    /// checkout (`{pg_checkout}/checkout/init`). The merchant id is the client's.
    pub fn checkout(&self, request: &CheckoutRequest) -> Result<CheckoutForm> {
        let pg = self
            .client
            .pg_credentials()
            .ok_or_else(|| Error::Configuration {
                message: "pg.checkout: this client has no payment gateway credentials".into(),
            })?;
        let mut request = request.clone();
        request.merchant = pg.merchant_id.clone();
        let mut action = self.client.base_urls().pg_checkout.clone();
        action
            .path_segments_mut()
            .map_err(|_| crate::Error::config("the checkout base URL cannot take a path"))?
            .pop_if_empty()
            .extend(["checkout", "init"]);
        request.build(action.as_str(), &pg.secret_key)
    }
}

impl Client {
    /// The payment gateway (PG) API.
    pub fn pg(&self) -> Pg<'_> {
        Pg { client: self }
    }
}
