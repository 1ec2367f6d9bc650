//! The client's operation classes: `client.v1`, `client.v2`, `client.oauth`,
//! `client.bank_hub`, `client.pg` and their resources. Generated from the
//! core's operation table (`generated.rs`, by tools/codegen); the sibling
//! modules hold only the methods whose Python signature differs from the
//! table. Each class serves both clients; the `Async...` twins exist so that
//! the types read true.

/// Declares the async twin of a class and how to instantiate the right one.
macro_rules! twin {
    ($base:ident, $twin:ident, $doc:literal) => {
        #[doc = $doc]
        #[pyclass(frozen, module = "sepay_sdk", extends = $base)]
        pub struct $twin;

        impl $base {
            pub(crate) fn instantiate(
                self,
                py: Python<'_>,
                asynchronous: bool,
            ) -> PyResult<Py<PyAny>> {
                if asynchronous {
                    let init = PyClassInitializer::from(self).add_subclass($twin);
                    Ok(Py::new(py, init)?.into_any())
                } else {
                    Ok(Py::new(py, self)?.into_any())
                }
            }
        }
    };
}

mod bank_hub;
mod generated;
mod oauth;
mod orders;
mod pg;

pub use generated::*;
pub use pg::CheckoutForm;
