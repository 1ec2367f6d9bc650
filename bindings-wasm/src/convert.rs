//! Conversions between JavaScript values and the core's types: camelCase keys
//! on both sides of the boundary: options arrive as JSON text, results leave as
//! a tape (`tape.rs`), errors as plain objects.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};
use wasm_bindgen::JsValue;

/// `value` as the JavaScript value `JSON.parse` would give for its JSON with
/// camelCase object keys, built from a tape (`tape.rs`) instead of JSON text.
/// Amounts stay decimal strings and times RFC 3339 strings, exactly as the
/// core serializes them.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    crate::tape::with_tape(value, |tape, new_shapes| {
        read_tape(&tape.ops, &tape.numbers, &tape.text, new_shapes)
    })
    .map_err(|e| js_sys::Error::new(&format!("sepay: cannot serialize a result: {e}")).into())
    .and_then(|read| read)
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/tape.js")]
extern "C" {
    /// Builds the value of a tape read in place from the module's memory.
    #[wasm_bindgen(catch)]
    fn read_tape(
        ops: &[u32],
        numbers: &[f64],
        text: &[u8],
        new_shapes: Option<String>,
    ) -> Result<JsValue, JsValue>;
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
