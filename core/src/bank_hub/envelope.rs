//! Bank Hub answers come in several shapes (sepay-api.md §6.1); all decode into
//! the SDK's common page and error types:
//! - `{"data": …}` (with `meta` for lists) or the object itself at top level;
//! - list meta `{per_page,total,has_more,current_page,page_count}` or
//!   `{page,per_page,total,total_pages}`;
//! - errors `{"code","message","errors"}`, `{"code","message","status","error"}`,
//!   or `{"status","error","messages":{"success":[],"error":[…]}}`.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use crate::client::retry_after;
use crate::decode::{self, summarize};
use crate::error::{Error, Result};
use crate::http::HttpResponse;
use crate::json_path;
use crate::paging::{Page, Pagination};
use crate::userapi::{field_errors, text_of, ErrorAnswer};

#[derive(Deserialize, Default)]
struct Meta {
    #[serde(default)]
    per_page: Option<u64>,
    #[serde(default)]
    total: Option<u64>,
    #[serde(default)]
    has_more: Option<bool>,
    #[serde(default, alias = "page")]
    current_page: Option<u64>,
    #[serde(default, alias = "total_pages")]
    page_count: Option<u64>,
}

/// The typed error for any Bank Hub error shape.
pub(crate) fn error(operation: &str, response: &HttpResponse) -> Error {
    let v: Option<Value> = serde_json::from_slice(&response.body).ok();
    let get = |k: &str| {
        v.as_ref()
            .and_then(|v| v.get(k))
            .filter(|x| !x.is_null() && x != &&Value::String(String::new()))
    };
    let messages_error = v
        .as_ref()
        .and_then(|v| v.pointer("/messages/error"))
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
        .map(|a| a.iter().map(text_of).collect::<Vec<_>>().join("; "));
    let message = get("message")
        .map(text_of)
        .or(messages_error)
        .or_else(|| get("error").map(text_of))
        .unwrap_or_else(|| summarize(&response.body));
    let status = if (200..300).contains(&response.status) {
        422
    } else {
        response.status
    };
    ErrorAnswer {
        status,
        code: get("error_code")
            .or_else(|| get("error"))
            .filter(|e| e.is_string())
            .map(text_of),
        message,
        field_errors: field_errors(get("errors")),
        retry_after: retry_after(response),
    }
    .into_error(operation)
}

fn value(operation: &str, response: &HttpResponse) -> Result<Value> {
    if !(200..300).contains(&response.status) {
        return Err(error(operation, response));
    }
    let v: Value = decode::json(operation, response)?;
    let failed = v
        .get("messages")
        .and_then(|m| m.get("error"))
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty());
    if failed {
        return Err(error(operation, response));
    }
    Ok(v)
}

fn typed<T: DeserializeOwned>(operation: &str, path: &str, v: Value) -> Result<T> {
    json_path::from_str(&v.to_string()).map_err(|(at, found)| Error::Decode {
        operation: operation.to_string(),
        path: Some(if at == "." {
            path.to_string()
        } else {
            format!("{path}.{at}")
        }),
        expected: "the documented Bank Hub object".to_string(),
        found,
    })
}

/// `{"data": {...}}`, or the object at top level.
pub(crate) fn single<T: DeserializeOwned>(operation: &str, response: &HttpResponse) -> Result<T> {
    let mut v = value(operation, response)?;
    match v.get_mut("data").map(Value::take) {
        Some(Value::Null) => Err(Error::NotFound {
            operation: operation.to_string(),
            status: response.status,
            code: None,
            message: "SePay answered with `data: null`".into(),
        }),
        Some(data) => typed(operation, "data", data),
        None => typed(operation, "", v),
    }
}

/// `{"data": [...], "meta": {...}}` in either meta style.
pub(crate) fn page<T: DeserializeOwned>(
    operation: &str,
    response: &HttpResponse,
) -> Result<Page<T>> {
    let mut v = value(operation, response)?;
    let items: Vec<T> = typed(
        operation,
        "data",
        v.get_mut("data").map(Value::take).unwrap_or(Value::Null),
    )?;
    let meta: Meta = v
        .get_mut("meta")
        .map(Value::take)
        .and_then(|m| serde_json::from_value(m).ok())
        .unwrap_or_default();
    let pagination = match (meta.total, meta.per_page, meta.current_page) {
        (Some(total), Some(per_page), Some(current_page)) => Some(Pagination {
            total,
            per_page,
            current_page,
            last_page: meta
                .page_count
                .unwrap_or_else(|| total.div_ceil(per_page.max(1))),
            has_more: meta.has_more,
        }),
        _ => None,
    };
    Ok(Page { items, pagination })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![],
            body: body.as_bytes().to_vec().into(),
        }
    }

    #[test]
    fn every_error_shape_is_typed() {
        let e = error(
            "op",
            &resp(
                400,
                r#"{"code": 400, "message": "Validation error", "errors": {"company_xid": ["required"]}}"#,
            ),
        );
        assert!(matches!(e, Error::Validation { .. }));
        assert_eq!(e.field_errors()[0].field, "company_xid");
        let e = error(
            "op",
            &resp(
                404,
                r#"{"code": 0, "message": "Company not found", "status": 0, "error": "not_found"}"#,
            ),
        );
        assert!(matches!(e, Error::NotFound { .. }) && e.to_string().contains("Company not found"));
        let e = value("op", &resp(200, r#"{"status":200,"error":null,"messages":{"success":[],"error":["webhook_url is invalid"]},"data":null}"#)).unwrap_err();
        assert!(e.to_string().contains("webhook_url is invalid"), "{e}");
    }

    #[test]
    fn both_page_metas() {
        let a: Page<Value> = page("op", &resp(200, r#"{"data":[{}],"meta":{"per_page":20,"total":41,"has_more":true,"current_page":1,"page_count":3}}"#)).unwrap();
        assert_eq!(a.pagination.unwrap().last_page, 3);
        let b: Page<Value> = page(
            "op",
            &resp(
                200,
                r#"{"data":[{}],"meta":{"page":3,"per_page":20,"total":41,"total_pages":3}}"#,
            ),
        )
        .unwrap();
        let p = b.pagination.unwrap();
        assert_eq!((p.current_page, p.last_page, p.more()), (3, 3, false));
    }
}
