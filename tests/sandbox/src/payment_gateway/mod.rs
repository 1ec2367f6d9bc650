//! The payment gateway (sepay-api.md §8): the hosted checkout
//! (`/pay/v1/checkout/init`), the order API (`/pgapi/v1/…`), IPN delivery
//! and the admin endpoints that pay orders.

pub mod admin;
pub mod api;
pub mod checkout;
pub mod crypto;
pub mod ipn;
pub mod model;
pub mod store;
