//! SePay Payment Gateway: hosted checkout forms (signed) and, with Basic auth,
//! the order API.

pub mod checkout;

pub use checkout::{CheckoutForm, CheckoutOperation, CheckoutRequest, PaymentMethod};
