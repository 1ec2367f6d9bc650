//! The transport on wasm32: the runtime's global `fetch` (Node 18+, Deno,
//! browsers), called directly rather than through reqwest's wasm backend,
//! which can neither turn redirects off nor read a body in chunks. This one
//! sends with `redirect: "manual"` (a 3xx comes back as it is, like the native
//! transport's `Policy::none()`; it is never followed, so a token is never
//! carried to another host) and reads the body from its stream, stopping at
//! the first chunk past `max_response_bytes`. Dropping the future (a timeout)
//! aborts the request.

use bytes::Bytes;
use wasm_bindgen_futures::js_sys::{self, Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen_futures::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{HttpRequest, HttpResponse, Transport, TransportError, TransportErrorKind};
use crate::config::ClientOptions;
use crate::error::Result;

/// Sends requests through the global `fetch`.
#[derive(Debug, Clone)]
pub struct FetchTransport {
    max_body: usize,
}

impl FetchTransport {
    /// A transport configured from the client options.
    pub fn new(options: &ClientOptions) -> Result<Self> {
        Ok(FetchTransport {
            max_body: options.max_response_bytes,
        })
    }
}

fn failure(kind: TransportErrorKind, message: impl Into<String>) -> TransportError {
    TransportError {
        kind,
        message: message.into(),
        source: None,
    }
}

/// `String(value)`: what JavaScript prints for it.
fn js_string(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    Reflect::get(&js_sys::global(), &"String".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&JsValue::UNDEFINED, value).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "an unprintable value".to_string())
}

/// `String(error)`, and its `cause` if it has one (Node's "fetch failed").
fn describe(error: &JsValue) -> String {
    let mut out = js_string(error);
    if let Ok(cause) = Reflect::get(error, &"cause".into()) {
        if !cause.is_undefined() && !cause.is_null() {
            out.push_str(": ");
            out.push_str(&js_string(&cause));
        }
    }
    out
}

/// Whether a rejected `fetch` provably never reached the server.
fn never_left(error: &JsValue) -> bool {
    let code = Reflect::get(error, &"cause".into())
        .and_then(|c| Reflect::get(&c, &"code".into()))
        .ok()
        .and_then(|c| c.as_string());
    if matches!(
        code.as_deref(),
        Some("ECONNREFUSED" | "ENOTFOUND" | "EAI_AGAIN")
    ) {
        return true;
    }
    // Deno: "error sending request ...: client error (Connect): tcp connect error: ..."
    describe(error).contains("client error (Connect)")
}

fn method_of(target: &JsValue, name: &str) -> std::result::Result<Function, TransportError> {
    Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| {
            failure(
                TransportErrorKind::Other,
                format!("this JavaScript runtime has no {name}()"),
            )
        })
}

fn set(target: &Object, key: &str, value: &JsValue) -> std::result::Result<(), TransportError> {
    Reflect::set(target, &key.into(), value)
        .map(|_| ())
        .map_err(|e| failure(TransportErrorKind::Other, describe(&e)))
}

async fn settle(value: JsValue) -> std::result::Result<JsValue, JsValue> {
    JsFuture::from(Promise::resolve(&value)).await
}

/// Aborts the request (and the body being read) unless disarmed.
struct AbortOnDrop(Option<JsValue>);

impl AbortOnDrop {
    fn signal(&self) -> JsValue {
        self.0
            .as_ref()
            .and_then(|c| Reflect::get(c, &"signal".into()).ok())
            .unwrap_or(JsValue::UNDEFINED)
    }

    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = self.0.take() {
            if let Ok(abort) = method_of(&controller, "abort") {
                let _ = abort.call0(&controller);
            }
        }
    }
}

fn abort_controller() -> AbortOnDrop {
    let controller = Reflect::get(&js_sys::global(), &"AbortController".into())
        .ok()
        .and_then(|c| c.dyn_into::<Function>().ok())
        .and_then(|c| Reflect::construct(&c, &Array::new()).ok());
    AbortOnDrop(controller)
}

impl FetchTransport {
    fn too_large(&self) -> TransportError {
        failure(
            TransportErrorKind::TooLarge {
                limit: self.max_body,
            },
            format!("response body larger than {} bytes", self.max_body),
        )
    }

    /// Reads the body chunk by chunk; stops (and aborts) past the limit.
    async fn read_body(&self, response: &JsValue) -> std::result::Result<Vec<u8>, TransportError> {
        let broken = |e: JsValue| failure(TransportErrorKind::Body, describe(&e));
        let stream = Reflect::get(response, &"body".into()).map_err(broken)?;
        let mut body = Vec::new();
        if stream.is_null() || stream.is_undefined() {
            return Ok(body);
        }
        let reader = method_of(&stream, "getReader")?
            .call0(&stream)
            .map_err(broken)?;
        let read = method_of(&reader, "read")?;
        loop {
            let next = read.call0(&reader).map_err(broken)?;
            let next = settle(next).await.map_err(broken)?;
            if Reflect::get(&next, &"done".into())
                .map_err(broken)?
                .as_bool()
                .unwrap_or(true)
            {
                return Ok(body);
            }
            let value = Reflect::get(&next, &"value".into()).map_err(broken)?;
            let chunk = value
                .dyn_into::<Uint8Array>()
                .unwrap_or_else(|v| Uint8Array::new(&v));
            let len = chunk.length() as usize;
            if body.len().saturating_add(len) > self.max_body {
                return Err(self.too_large());
            }
            let start = body.len();
            body.resize(start + len, 0);
            chunk.copy_to(&mut body[start..]);
        }
    }
}

#[async_trait::async_trait(?Send)]
impl Transport for FetchTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let other = |e: JsValue| failure(TransportErrorKind::Other, describe(&e));
        let global = js_sys::global();
        let fetch = method_of(&global, "fetch")?;
        let guard = abort_controller();

        let init = Object::new();
        set(&init, "method", &request.method.as_str().into())?;
        let headers: Array = Array::new();
        for (name, value) in &request.headers {
            let pair: Array = Array::new();
            pair.push(&JsValue::from_str(name));
            pair.push(&JsValue::from_str(value));
            headers.push(&pair);
        }
        set(&init, "headers", &headers)?;
        if let Some(body) = request.body.as_deref().filter(|b| !b.is_empty()) {
            set(&init, "body", &Uint8Array::from(body))?;
        }
        // Never follow: SePay's APIs do not redirect, and following one could
        // carry the token to another host.
        set(&init, "redirect", &"manual".into())?;
        set(&init, "signal", &guard.signal())?;

        let pending = fetch
            .call2(&global, &request.url.as_str().into(), &init)
            .map_err(other)?;
        let response = settle(pending).await.map_err(|e| {
            let kind = if never_left(&e) {
                TransportErrorKind::Connect
            } else {
                TransportErrorKind::Other
            };
            failure(kind, describe(&e))
        })?;

        // Browsers hide a redirect behind an "opaqueredirect" answer (status 0).
        let kind = Reflect::get(&response, &"type".into())
            .ok()
            .and_then(|t| t.as_string());
        if kind.as_deref() == Some("opaqueredirect") {
            return Err(failure(
                TransportErrorKind::Other,
                format!(
                    "{} answered with a redirect, which is not followed",
                    request.url
                ),
            ));
        }
        let status = Reflect::get(&response, &"status".into())
            .map_err(other)?
            .as_f64()
            .unwrap_or(0.0) as u16;

        let mut headers = Vec::new();
        let js_headers = Reflect::get(&response, &"headers".into()).map_err(other)?;
        if let Some(entries) = js_sys::try_iter(&js_headers).map_err(other)? {
            for entry in entries {
                let entry = entry.map_err(other)?;
                let part = |i: u32| {
                    Reflect::get(&entry, &JsValue::from(i))
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_default()
                };
                headers.push((part(0).to_ascii_lowercase(), part(1)));
            }
        }
        let declared = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > self.max_body as u64) {
            return Err(self.too_large());
        }
        let body = self.read_body(&response).await?;
        guard.disarm();
        Ok(HttpResponse {
            status,
            headers,
            body: Bytes::from(body),
        })
    }
}
