//! The one generic REST operation: a [`Call`] takes its name, method, API,
//! path template and re-send rule from its [`OperationSpec`] in
//! [`crate::operations::TABLE`], and adds the path arguments, an [`Input`]
//! (query or JSON body) and the decoder of a successful answer.

use std::fmt;

use serde_json::Value;

use crate::config::BaseUrls;
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse, MaybeSendSync};
use crate::operation::{Operation, Surface};
use crate::operations::{Api, OperationSpec};
use crate::paging::NumberedQuery;
use crate::paging::Page;

/// Decodes a successful answer.
pub type Decoder<T> = fn(&str, &HttpResponse) -> Result<T>;

/// Turns an error answer into the typed error.
pub type ErrorDecoder = fn(&str, &HttpResponse) -> Error;

/// What a call sends besides its path: query pairs and/or a JSON body.
/// Parameter types implement it with their checks, which run when the request
/// is built (so a walk reports a bad parameter on its first page).
pub trait Input: Clone + MaybeSendSync {
    /// Query pairs (empty values are not sent); `operation` names errors.
    fn query(&self, operation: &'static str) -> Result<Vec<(&'static str, String)>> {
        let _ = operation;
        Ok(Vec::new())
    }
    /// The JSON body, if any; `operation` names errors.
    fn body(&self, operation: &'static str) -> Result<Option<Value>> {
        let _ = operation;
        Ok(None)
    }
    /// The page number and size asked for (lists that can be walked).
    fn paging(&self) -> (Option<u32>, Option<u32>) {
        (None, None)
    }
    /// The same input asking for one page (lists that can be walked).
    fn with_page(&self, page: u32, per_page: u32) -> Self {
        let _ = (page, per_page);
        self.clone()
    }
}

/// No input.
impl Input for () {}

/// The paging methods of an [`Input`] whose page number and size are the
/// fields `$page` and `$size`.
macro_rules! page_fields {
    ($page:ident, $size:ident) => {
        fn paging(&self) -> (Option<u32>, Option<u32>) {
            (self.$page, self.$size)
        }
        fn with_page(&self, page: u32, per_page: u32) -> Self {
            let mut next = self.clone();
            next.$page = Some(page);
            next.$size = Some(per_page);
            next
        }
    };
}
pub(crate) use page_fields;

/// Declares a resource handle: a borrowed client whose methods are the
/// operations `surface.resource.*` of the table.
macro_rules! resource {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name<'a> {
            pub(crate) client: &'a crate::client::Client,
        }

        impl<'a> $name<'a> {
            pub(crate) fn new(client: &'a crate::client::Client) -> Self {
                $name { client }
            }
        }
    };
}
pub(crate) use resource;

/// Query pairs and a body given as they are (OAuth2, Bank Hub).
#[derive(Clone, Default, PartialEq)]
pub struct Fields {
    query: Vec<(&'static str, String)>,
    body: Option<Value>,
}

/// The body is never printed: it may carry a secret (a webhook's key).
impl fmt::Debug for Fields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fields")
            .field("query", &self.query)
            .field("body", &self.body.as_ref().map(|_| "****"))
            .finish()
    }
}

impl Input for Fields {
    fn query(&self, _: &'static str) -> Result<Vec<(&'static str, String)>> {
        Ok(self.query.clone())
    }
    fn body(&self, _: &'static str) -> Result<Option<Value>> {
        Ok(self.body.clone())
    }
}

impl Fields {
    fn set(&mut self, key: &'static str, value: String) {
        self.query.retain(|(k, _)| *k != key);
        self.query.push((key, value));
    }
}

/// One REST call returning `T`, described by its table entry.
pub struct Call<T, I: Input = Fields> {
    spec: &'static OperationSpec,
    args: Vec<String>,
    input: I,
    decode: Decoder<T>,
    error: Option<ErrorDecoder>,
}

impl<T, I: Input> Clone for Call<T, I> {
    fn clone(&self) -> Self {
        Call {
            spec: self.spec,
            args: self.args.clone(),
            input: self.input.clone(),
            decode: self.decode,
            error: self.error,
        }
    }
}

impl<T, I: Input + fmt::Debug> fmt::Debug for Call<T, I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("name", &self.spec.name)
            .field("args", &self.args)
            .field("input", &self.input)
            .finish_non_exhaustive()
    }
}

impl<T> Call<T> {
    /// A call of `spec` with path arguments `args` (in the template's order)
    /// and no query or body yet.
    pub(crate) fn new(spec: &'static OperationSpec, args: &[&str], decode: Decoder<T>) -> Self {
        Call::with_input(spec, args, Fields::default(), decode)
    }

    /// Sets a query parameter (empty values are not sent).
    pub(crate) fn with_query(mut self, key: &'static str, value: String) -> Self {
        self.input.set(key, value);
        self
    }

    /// Sets the JSON body.
    pub(crate) fn with_body(mut self, body: Value) -> Self {
        self.input.body = Some(body);
        self
    }
}

impl<T, I: Input> Call<T, I> {
    /// A call of `spec` with path arguments `args` and `input`.
    pub fn with_input(
        spec: &'static OperationSpec,
        args: &[&str],
        input: I,
        decode: Decoder<T>,
    ) -> Self {
        Call {
            spec,
            args: args.iter().map(|s| s.to_string()).collect(),
            input,
            decode,
            error: None,
        }
    }

    /// Reads error answers with `error` instead of the API's usual envelope
    /// (VA orders answer in the v2 envelope on both APIs).
    pub(crate) fn with_error(mut self, error: ErrorDecoder) -> Self {
        self.error = Some(error);
        self
    }

    /// The table entry this call follows.
    pub fn spec(&self) -> &'static OperationSpec {
        self.spec
    }

    /// The input (query or body) this call sends.
    pub fn input(&self) -> &I {
        &self.input
    }

    fn api(&self) -> Option<Api> {
        self.spec.http.map(|h| h.api)
    }
}

/// The error decoder of each API's envelope.
fn error_of(api: Option<Api>, operation: &str, response: &HttpResponse) -> Error {
    match api {
        Some(Api::UserApiV1) => crate::userapi::v1::envelope::error(operation, response),
        Some(Api::BankHub) => crate::bank_hub::envelope::error(operation, response),
        Some(Api::PgApi) => crate::pg::orders::error(operation, response),
        _ => crate::userapi::v2::envelope::error(operation, response),
    }
}

impl<T: MaybeSendSync, I: Input> Operation for Call<T, I> {
    type Output = T;
    fn name(&self) -> &'static str {
        self.spec.name
    }
    fn surface(&self) -> Surface {
        self.api().map_or(Surface::None, |a| a.surface())
    }
    fn idempotent(&self) -> bool {
        self.spec.resend
    }
    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let name = self.spec.name;
        let http = self.spec.http.ok_or_else(|| Error::Configuration {
            message: format!("{name} is computed locally and sends no request"),
        })?;
        let mut args = self.args.iter();
        let mut segments: Vec<&str> = Vec::new();
        for part in http.path.split('/') {
            match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                Some(arg) => {
                    let value = args.next().map(String::as_str).unwrap_or("");
                    crate::http::path_arg(name, arg, value)?;
                    segments.push(value);
                }
                None => segments.push(part),
            }
        }
        let query = self.input.query(name)?;
        let base = http.api.base(urls);
        // The query goes on the URL whether or not there is a body.
        let mut request = HttpRequest::get(base, &segments, &query);
        request.method = http.method;
        if let Some(body) = self.input.body(name)? {
            request.set_json(&body);
        }
        Ok(request)
    }
    fn decode(&self, response: &HttpResponse) -> Result<T> {
        (self.decode)(self.spec.name, response)
    }
    fn error(&self, response: &HttpResponse) -> Error {
        match self.error {
            Some(decode) => decode(self.spec.name, response),
            None => error_of(self.api(), self.spec.name, response),
        }
    }
}

impl<T: MaybeSendSync + Clone + PartialEq, I: Input> NumberedQuery for Call<Page<T>, I> {
    type Item = T;
    type List = Call<Page<T>, I>;
    fn start(&self) -> (Option<u32>, Option<u32>) {
        self.input.paging()
    }
    fn list(&self, page: u32, per_page: u32) -> Self {
        let mut next = self.clone();
        next.input = self.input.with_page(page, per_page);
        next
    }
}

/// A successful answer with no content to read (204, or 2xx with any body).
pub(crate) fn no_content(operation: &str, response: &HttpResponse) -> Result<()> {
    if (200..300).contains(&response.status) {
        Ok(())
    } else {
        Err(crate::userapi::v2::envelope::error(operation, response))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operations::op;

    #[test]
    fn a_query_is_kept_next_to_a_body() {
        let call: Call<Value> = Call::new(op!("bank_hub.webhook.set"), &[], |_, _| Ok(Value::Null))
            .with_query("lang", "vi".into())
            .with_body(serde_json::json!({ "active": 1 }));
        let request = call
            .request(&crate::config::BaseUrls::for_environment(
                crate::config::Environment::Live,
            ))
            .unwrap();
        assert_eq!(request.method, crate::http::Method::Post);
        assert!(
            request.url.as_str().ends_with("/webhook?lang=vi"),
            "{}",
            request.url
        );
        assert_eq!(request.body.as_deref(), Some(&br#"{"active":1}"#[..]));
    }

    #[test]
    fn a_body_is_never_printed() {
        let call: Call<Value> = Call::new(op!("bank_hub.webhook.set"), &[], |_, _| Ok(Value::Null))
            .with_body(serde_json::json!({ "secret_key": "s3cr3t-key" }));
        let shown = format!("{call:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(shown.contains("bank_hub.webhook.set"), "{shown}");
    }
}
