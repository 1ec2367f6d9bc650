#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod auth;
pub mod bank_hub;
pub mod call;
pub mod client;
pub mod config;
mod crypto;
mod decode;
pub mod error;
mod generated;
pub mod http;
mod json_path;
pub mod limit;
pub mod money;
pub mod oauth;
pub mod observe;
pub mod operation;
pub mod operations;
pub mod paging;
pub mod params;
pub mod pg;
pub mod qr;
pub mod secret;
pub mod shared;
pub mod stack_text;
pub mod time;
pub mod userapi;
pub mod webhook;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("sepay");
#[cfg(feature = "uniffi")]
pub mod uniffi_types;

pub use client::{Client, ClientBuilder};
pub use config::{BaseUrls, ClientOptions, Environment};
pub use error::{Error, FieldError, Result};
pub use limit::RetryPolicy;
pub use money::Amount;
pub use paging::{Page, Pagination, Paginator, Progress};
pub use secret::SecretString;
pub use time::{DateBound, DateTime};
