//! Bank Hub (sepay-api.md §6.1) under `/bankhub/v1`: client-credentials
//! tokens, companies, link tokens, the merchant configuration and webhook,
//! and the linked bank accounts and transactions read from the dataset.

pub mod api;
pub mod companies;
pub mod data;
pub mod links;
pub mod merchant;
pub mod store;
pub mod token;
