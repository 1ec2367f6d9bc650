//! `client.oauth`: the hand-written methods (the flow's URL and code
//! exchange, and `company` as a `dict`); the resource API is generated
//! (`generated.rs`). Tokens are refreshed by the core and handed to the
//! client's token store.

use pyo3::prelude::*;

use super::OAuth;
use crate::errors::IntoPyResult;
use crate::token_store::PyOAuthTokens;
use crate::values::IntoPy;

/// JSON text from the core on its way to Python: `json.loads(text)`.
pub struct Json(pub String);

impl IntoPy for Json {
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        py.import("json")?.call_method1("loads", (self.0,))
    }
}

#[pymethods]
impl OAuth {
    /// The URL to send the user's browser to: the `scopes` asked for and a
    /// `state` to check on the callback (no request is made, also on `AsyncClient`).
    fn authorization_url(
        &self,
        py: Python<'_>,
        scopes: Vec<String>,
        state: &str,
    ) -> PyResult<String> {
        let client = self.ctx.shared.client().py_err(py)?;
        let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
        client.oauth().authorization_url(&scopes, state).py_err(py)
    }

    /// Exchanges the callback's `code` for tokens, saves them to the token
    /// store and starts using them.
    fn exchange_code(&self, py: Python<'_>, code: String) -> PyResult<Py<PyAny>> {
        self.ctx.call(py, move |c| async move {
            c.oauth()
                .exchange_code(&code)
                .await
                .map(PyOAuthTokens::from)
        })
    }

    /// The user's company (scope `company`) as a `dict`: SePay does not document its shape.
    fn company(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.ctx
            .call(py, |c| async move { c.oauth().company().await.map(Json) })
    }
}
