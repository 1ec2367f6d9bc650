//! VA orders ("VA theo đơn hàng", sepay-api.md §4): the order endpoints of
//! User API v1 and v2, body validation per bank, the order store and its
//! state machine, and payments into an order's virtual accounts.

pub mod api;
pub mod model;
pub mod pay;
pub mod payments;
pub mod rules;
pub mod store;
