//! `sepay_sdk._native`: the Python face of the SePay SDK core. Everything here
//! translates (types, errors, sync/async); the core decides (see
//! `docs/adr/0004-python-package.md`).

mod awaitable;
mod client;
mod config;
mod convert;
mod errors;
mod logs;
mod models;
mod page;
mod paginator;
mod params;
mod qr;
mod resources;
mod runtime;
mod shared;
mod shared_state;
mod testing;
mod token_store;
mod values;
mod webhooks;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// The extension's own heap: a 5,000-item page is tens of thousands of small
/// strings, which mimalloc allocates and frees faster than glibc's malloc
/// (measured in `benches/python`). Python objects still use Python's allocator.
/// Built without transparent huge pages (`no_thp`): on a `madvise` kernel they
/// made a long export's RSS 73 MB instead of 51 MB, for no speed (ADR 0004).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    logs::install();
    m.add_class::<client::Client>()?;
    m.add_class::<client::AsyncClient>()?;
    models::register(m)?;
    resources::register(m)?;
    m.add_class::<token_store::PyOAuthTokens>()?;
    m.add_class::<shared_state::PySharedState>()?;
    m.add_class::<page::Page>()?;
    m.add_class::<paginator::Paginator>()?;
    m.add_class::<paginator::AsyncPaginator>()?;
    receiving(m)?;
    m.add_class::<testing::Emulator>()?;
    m.add(
        "OPERATIONS",
        PyTuple::new(py, sepay::operations::OPERATIONS)?,
    )?;
    let params = PyDict::new(py);
    for (operation, names) in resources::operation_params() {
        params.set_item(operation, PyTuple::new(py, names)?)?;
    }
    m.add("OPERATION_PARAMS", params)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // Stop the runtime before the interpreter finalizes (see runtime.rs).
    let hook = wrap_pyfunction!(runtime::shutdown, m)?;
    m.add("_shutdown", &hook)?;
    py.import("atexit")?.call_method1("register", (hook,))?;
    Ok(())
}

/// Payment gateway, inbound notifications and VietQR.
fn receiving(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<resources::CheckoutForm>()?;
    m.add_class::<webhooks::WebhookReceiver>()?;
    m.add_class::<webhooks::WebhookTokenIssuer>()?;
    m.add_class::<webhooks::WebhookReply>()?;
    m.add_class::<webhooks::Received>()?;
    m.add_function(wrap_pyfunction!(webhooks::error_reply, m)?)?;
    m.add_function(wrap_pyfunction!(webhooks::hmac_signature, m)?)?;
    m.add_function(wrap_pyfunction!(qr::vietqr_payload, m)?)?;
    m.add_function(wrap_pyfunction!(qr::vietqr_decode, m)?)?;
    m.add_function(wrap_pyfunction!(qr::vietqr_image_url, m)?)?;
    m.add(
        "FUNCTIONS",
        pyo3::types::PyTuple::new(m.py(), sepay::operations::FUNCTIONS)?,
    )?;
    Ok(())
}
