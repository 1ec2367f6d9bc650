//! Conversions between JavaScript values and the core's types: camelCase keys
//! on both sides of the boundary, JSON text in between, errors as plain objects.

use std::io;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};
use wasm_bindgen::JsValue;

/// Serializes `value` as JSON whose object keys are camelCase, and parses it
/// into a JavaScript value. Amounts stay decimal strings and times RFC 3339
/// strings, exactly as the core serializes them.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    // One buffer reused by every result (the module is single-threaded): a
    // 1.8 MB page is then written without growing a new buffer each time.
    OUT.with(|cell| {
        let mut out = cell.take();
        out.clear();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, CamelKeys::default());
        let result = value
            .serialize(&mut ser)
            .map_err(|e| {
                js_sys::Error::new(&format!("sepay: cannot serialize a result: {e}")).into()
            })
            // serde_json writes UTF-8; the runtime's decoder reads the bytes
            // in place, without a copy or a second check on this side.
            .and_then(|()| parse_utf8_json(&out));
        cell.replace(out);
        result
    })
}

thread_local! {
    static OUT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[wasm_bindgen::prelude::wasm_bindgen(
    inline_js = "const decoder = new TextDecoder(); export function parse_utf8_json(bytes) { return JSON.parse(decoder.decode(bytes)); }"
)]
extern "C" {
    /// `JSON.parse` of UTF-8 bytes read in place from the module's memory.
    #[wasm_bindgen(catch)]
    fn parse_utf8_json(bytes: &[u8]) -> Result<JsValue, JsValue>;
}

/// A compact JSON formatter that writes object keys in camelCase
/// (`amount_in` → `amountIn`). Values are written unchanged.
#[derive(Default)]
struct CamelKeys {
    in_key: bool,
    upper_next: bool,
}

impl serde_json::ser::Formatter for CamelKeys {
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.in_key = true;
        self.upper_next = false;
        if first {
            Ok(())
        } else {
            w.write_all(b",")
        }
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if !self.in_key || (!self.upper_next && !fragment.contains('_')) {
            return w.write_all(fragment.as_bytes());
        }
        // Keys are short field names: written in the pieces between
        // underscores, each piece's first letter upper-cased.
        let bytes = fragment.as_bytes();
        let mut from = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'_' {
                w.write_all(&bytes[from..i])?;
                self.upper_next = true;
                from = i + 1;
            } else if self.upper_next {
                w.write_all(&bytes[from..i])?;
                w.write_all(&[b.to_ascii_uppercase()])?;
                self.upper_next = false;
                from = i + 1;
            }
        }
        w.write_all(&bytes[from..])
    }
}

/// `per_page` → `perPage`.
pub fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `perPage` → `per_page`.
fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Builds the core's parameters of `operation` from an options object sent as
/// JSON text (`undefined`/`null` mean no options). Keys are the camelCase
/// names of the core's fields; unknown keys and wrong types are validation
/// errors naming the option, raised before anything is sent.
pub fn params<T: DeserializeOwned>(operation: &str, options: Option<String>) -> Result<T, JsValue> {
    let value: Value = match options.as_deref() {
        None | Some("null") => Value::Object(Map::new()),
        Some(text) => serde_json::from_str(text).map_err(|e| {
            invalid(
                operation,
                "options",
                "are not valid JSON".into(),
                e.to_string(),
            )
        })?,
    };
    let Value::Object(given) = value else {
        let found = "must be an object".to_string();
        return Err(invalid(operation, "options", found.clone(), found));
    };
    let known = sepay::params::field_names::<T>();
    let mut fields = Map::new();
    for (key, v) in given {
        let name = snake(&key);
        if !known.contains(&name.as_str()) || camel(&name) != key {
            let expected: Vec<String> = known.iter().map(|k| camel(k)).collect();
            return Err(invalid(
                operation,
                &key,
                format!("is not an option of {operation}"),
                format!("expected one of: {}", expected.join(", ")),
            ));
        }
        if !v.is_null() {
            fields.insert(name, v);
        }
    }
    sepay::params::from_json(operation, fields).map_err(|e| error(&e))
}

/// The camelCase option names the core accepts for parameters `T`.
pub fn option_names<T: DeserializeOwned>() -> Vec<String> {
    sepay::params::field_names::<T>()
        .iter()
        .map(|k| camel(k))
        .collect()
}

/// A path argument (an id) as a string, or a validation error.
pub fn id_arg(operation: &str, name: &str, value: &JsValue) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        let message = "must be a string".to_string();
        invalid(operation, name, message.clone(), message)
    })
}

/// A validation error raised while converting: `summary` for the message,
/// `detail` for the field error.
fn invalid(operation: &str, field: &str, summary: String, detail: String) -> JsValue {
    error(&sepay::Error::Validation {
        operation: operation.to_string(),
        status: None,
        code: None,
        message: format!("{field} {summary}"),
        field_errors: vec![sepay::FieldError {
            field: snake(field),
            message: detail,
        }],
    })
}

/// The plain object `index.js` turns into the matching `SePayError` subclass.
pub fn error(e: &sepay::Error) -> JsValue {
    let field_errors: Vec<Value> = e
        .field_errors()
        .iter()
        .map(|f| json!({ "field": camel(&f.field), "message": f.message }))
        .collect();
    let operation = Some(e.operation()).filter(|o| !o.is_empty());
    let payload = json!({
        "sepayErrorKind": e.kind(),
        "message": e.to_string(),
        "operation": operation,
        "status": e.status(),
        "code": e.code(),
        "retryAfter": e.retry_after().map(|d| d.as_secs_f64()),
        "fieldErrors": field_errors,
    });
    to_js(&payload).unwrap_or_else(|_| JsValue::from_str(&e.to_string()))
}
