//! OAuth2 (sepay-api.md §5): the authorize page, the token endpoint, the
//! resource API under `/api/v1` and their state.

pub mod api;
pub mod authorize;
pub mod model;
pub mod store;
pub mod token;
pub mod webhooks;
