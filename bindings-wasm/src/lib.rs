//! JavaScript bindings of the SePay SDK core for Node (>= 18) and Deno, built
//! with wasm-bindgen. The crate only translates: options arrive as JSON text
//! with camelCase keys and become the core's `...Params`, results leave as a
//! tape (`tape.rs`) that `tape.js` builds into objects with camelCase keys,
//! errors leave as plain
//! objects that the package's `index.js` turns into `SePayError` subclasses.
//! Every request, retry, limit and decision is the core's (`sepay`).
//!
//! Everything is compiled for `wasm32` only; a native build of the workspace
//! sees an empty crate.

#[cfg(target_arch = "wasm32")]
mod bank_hub;
#[cfg(target_arch = "wasm32")]
mod calls;
#[cfg(target_arch = "wasm32")]
mod client;
#[cfg(target_arch = "wasm32")]
mod config;
#[cfg(target_arch = "wasm32")]
mod convert;
#[cfg(target_arch = "wasm32")]
mod dedup;
#[cfg(target_arch = "wasm32")]
mod generated;
#[cfg(target_arch = "wasm32")]
mod oauth;
#[cfg(target_arch = "wasm32")]
mod observe;
#[cfg(target_arch = "wasm32")]
mod option_names;
#[cfg(target_arch = "wasm32")]
mod orders;
#[cfg(target_arch = "wasm32")]
mod paginator;
#[cfg(target_arch = "wasm32")]
mod pg;
#[cfg(target_arch = "wasm32")]
mod qr;
#[cfg(target_arch = "wasm32")]
mod shared_state;
#[cfg(target_arch = "wasm32")]
mod tape;
#[cfg(target_arch = "wasm32")]
mod token_store;
#[cfg(target_arch = "wasm32")]
mod webhook;

/// Talc instead of Rust's default wasm32 allocator (dlmalloc): a page of
/// 5,000 transactions is tens of thousands of small allocations.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
