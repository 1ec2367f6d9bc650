//! User webhooks (sepay-api.md §7): registered targets, simulated incoming
//! transfers that trigger them, payloads, credentials and delivery with
//! SePay's retry schedule. The delivery records and the retry schedule are
//! shared with the payment gateway's IPN.

pub mod admin;
pub mod auth;
pub mod deliveries;
pub mod payload;
pub mod retry;
pub mod send;
pub mod simulate;
pub mod target;
