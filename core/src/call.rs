//! A generic operation for the REST surfaces whose calls differ only in path,
//! query, body and envelope (OAuth2 resources, Bank Hub): each public method
//! builds a [`Call`] value instead of a hand-written operation type.

use std::fmt;

use serde_json::Value;
use url::Url;

use crate::config::BaseUrls;
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse, MaybeSendSync, Method};
use crate::operation::{Operation, Surface};
use crate::page::Page;
use crate::userapi::v2::PagedQuery;

/// Decodes a successful answer.
pub type Decoder<T> = fn(&str, &HttpResponse) -> Result<T>;

/// One REST call returning `T`.
pub struct Call<T> {
    pub(crate) name: &'static str,
    pub(crate) method: Method,
    pub(crate) surface: Surface,
    pub(crate) base: fn(&BaseUrls) -> &Url,
    pub(crate) segments: Vec<String>,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Option<Value>,
    pub(crate) decode: Decoder<T>,
    pub(crate) error: fn(&str, &HttpResponse) -> Error,
    /// Query names of the page number and page size, for lists.
    pub(crate) page_keys: (&'static str, &'static str),
}

impl<T> Clone for Call<T> {
    fn clone(&self) -> Self {
        Call {
            name: self.name,
            method: self.method,
            surface: self.surface,
            base: self.base,
            segments: self.segments.clone(),
            query: self.query.clone(),
            body: self.body.clone(),
            decode: self.decode,
            error: self.error,
            page_keys: self.page_keys,
        }
    }
}

impl<T> fmt::Debug for Call<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("name", &self.name)
            .field("method", &self.method)
            .field("segments", &self.segments)
            .field("query", &self.query)
            .finish_non_exhaustive()
    }
}

impl<T> Call<T> {
    /// Sets a query parameter (empty values are not sent).
    pub(crate) fn with_query(mut self, key: &'static str, value: String) -> Self {
        self.query.retain(|(k, _)| *k != key);
        self.query.push((key, value));
        self
    }

    /// Sets the JSON body.
    pub(crate) fn with_body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }
}

impl<T: MaybeSendSync> Operation for Call<T> {
    type Output = T;
    fn name(&self) -> &'static str {
        self.name
    }
    fn surface(&self) -> Surface {
        self.surface
    }
    fn idempotent(&self) -> bool {
        self.method == Method::Get
    }
    fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        for segment in &self.segments {
            crate::http::path_arg(self.name, "id", segment)?;
        }
        let segments: Vec<&str> = self.segments.iter().map(String::as_str).collect();
        let base = (self.base)(urls);
        let mut request = match &self.body {
            Some(body) => HttpRequest::json(self.method, base, &segments, body),
            None => HttpRequest::get(base, &segments, &self.query),
        };
        request.method = self.method;
        Ok(request)
    }
    fn decode(&self, response: &HttpResponse) -> Result<T> {
        (self.decode)(self.name, response)
    }
    fn error(&self, response: &HttpResponse) -> Error {
        (self.error)(self.name, response)
    }
}

impl<T: MaybeSendSync + Clone + PartialEq> PagedQuery for Call<Page<T>> {
    type Item = T;
    type List = Call<Page<T>>;
    fn start(&self) -> (Option<u32>, Option<u32>) {
        let find = |k: &str| {
            self.query
                .iter()
                .find(|(q, _)| *q == k)
                .and_then(|(_, v)| v.parse().ok())
        };
        (find(self.page_keys.0), find(self.page_keys.1))
    }
    fn list(&self, page: u32, per_page: u32) -> Self {
        self.clone()
            .with_query(self.page_keys.0, page.to_string())
            .with_query(self.page_keys.1, per_page.to_string())
    }
}
