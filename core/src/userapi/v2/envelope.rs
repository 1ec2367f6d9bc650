//! v2's envelope: `{"status":"success","data":…,"meta":{"pagination":…}}` and
//! `{"status":"error","message":…,"error_code":…}`.

use serde::Deserialize;
use serde_json::Value;

use crate::client::retry_after;
use crate::decode::{self, summarize};
use crate::error::{Error, Result};
use crate::http::HttpResponse;
use crate::paging::{Page, Pagination};
use crate::userapi::{field_errors, text_of, ErrorAnswer};

#[derive(Deserialize)]
struct Body<T> {
    #[serde(default)]
    status: Option<String>,
    data: Option<T>,
    #[serde(default)]
    meta: Option<Meta>,
}

#[derive(Deserialize)]
struct Meta {
    #[serde(default)]
    pagination: Option<Pagination>,
}

/// The checked envelope: its `data` and `meta`.
fn body<T: for<'de> Deserialize<'de>>(
    operation: &str,
    response: &HttpResponse,
) -> Result<(T, Option<Meta>)> {
    if !(200..300).contains(&response.status) {
        return Err(error(operation, response));
    }
    let body: Body<T> = decode::json(operation, response)?;
    if body.status.as_deref().is_some_and(|s| s != "success") {
        return Err(error(operation, response));
    }
    match body.data {
        Some(data) => Ok((data, body.meta)),
        None => Err(Error::Decode {
            operation: operation.to_string(),
            path: None,
            expected: "field `data`".to_string(),
            found: "no such field".to_string(),
        }),
    }
}

/// Decodes `{"status":"success","data":{…}}`.
pub(crate) fn single<T: for<'de> Deserialize<'de>>(
    operation: &str,
    response: &HttpResponse,
) -> Result<T> {
    Ok(body(operation, response)?.0)
}

/// Decodes `{"status":"success","data":[…],"meta":{"pagination":{…}}}`.
pub(crate) fn page<T: for<'de> Deserialize<'de>>(
    operation: &str,
    response: &HttpResponse,
) -> Result<Page<T>> {
    let (items, meta) = body::<Vec<T>>(operation, response)?;
    Ok(Page {
        items,
        pagination: meta.and_then(|m| m.pagination),
    })
}

/// The typed error for a v2 error answer.
pub(crate) fn error(operation: &str, response: &HttpResponse) -> Error {
    let parsed: Option<Value> = serde_json::from_slice(&response.body).ok();
    let get = |k: &str| {
        parsed
            .as_ref()
            .and_then(|v| v.get(k))
            .filter(|v| !v.is_null())
    };
    let status = if (200..300).contains(&response.status) {
        422
    } else {
        response.status
    };
    ErrorAnswer {
        status,
        code: get("error_code").map(text_of),
        message: get("message")
            .map(text_of)
            .unwrap_or_else(|| summarize(&response.body)),
        field_errors: field_errors(get("errors")),
        retry_after: retry_after(response),
    }
    .into_error(operation)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![("retry-after".into(), "2".into())],
            body: body.as_bytes().to_vec().into(),
        }
    }

    #[test]
    fn errors_keep_code_message_and_fields() {
        let e = error(
            "op",
            &resp(
                422,
                r#"{"status":"error","message":"Bad","error_code":"validation_error","errors":{"per_page":["too big"]}}"#,
            ),
        );
        assert_eq!(e.code(), Some("validation_error"));
        assert_eq!(e.field_errors()[0].field, "per_page");
        let e = error(
            "op",
            &resp(
                401,
                r#"{"status":"error","message":"Invalid API key","error_code":"unauthorized"}"#,
            ),
        );
        assert!(matches!(e, Error::Authentication { status: 401, .. }));
        let e = error(
            "op",
            &resp(
                429,
                r#"{"status":"error","message":"Too many requests","error_code":"rate_limited"}"#,
            ),
        );
        assert_eq!(e.retry_after(), Some(std::time::Duration::from_secs(2)));
        let e = error(
            "op",
            &resp(502, "<html><title>502 Bad Gateway</title></html>"),
        );
        assert!(matches!(e, Error::Server { status: 502, .. }));
        assert!(e.to_string().contains("502 Bad Gateway"), "{e}");
    }
}
