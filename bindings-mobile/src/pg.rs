//! Payment gateway: `client.pg().checkout(request)` (a signed form, kept in
//! order); `client.pg().orders()` is generated (`generated.rs`).

use std::sync::Arc;

use sepay::pg::CheckoutRequest;

use crate::error::SePayError;
use crate::generated::PgApi;
use crate::webhook::NameValue;

#[uniffi::export]
impl PgApi {
    /// The signed checkout form for `request` (the merchant id is the client's).
    pub fn checkout(&self, request: CheckoutRequest) -> Result<Arc<CheckoutForm>, SePayError> {
        Ok(Arc::new(CheckoutForm(self.client.pg().checkout(&request)?)))
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
