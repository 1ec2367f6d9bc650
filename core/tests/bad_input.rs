#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Bad answers give typed errors that say what was expected and what came.

use sepay::http::HttpResponse;
use sepay::operation::Operation;
use sepay::userapi::{v1, v2};
use sepay::Error;

fn resp(status: u16, content_type: &str, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: vec![("content-type".into(), content_type.into())],
        body: body.as_bytes().to_vec().into(),
    }
}

fn v2_list(body: &str) -> Error {
    v2::ListTransactions::list(Default::default())
        .decode(&resp(200, "application/json", body))
        .unwrap_err()
}

const TX: &str = r#"{"id":"a","transaction_date":"2026-01-22 16:45:30","account_number":"1","va":"","transfer_type":"in","amount_in":5,"amount_out":0,"accumulated":0,"transaction_content":"x","reference_number":"r","code":null,"bank_brand_name":"ACB","bank_account_id":"b","va_id":null,"webhook_success":1}"#;

fn page_with(tx: &str) -> String {
    format!(
        r#"{{"status":"success","data":[{tx}],"meta":{{"pagination":{{"total":1,"per_page":20,"current_page":1,"last_page":1,"has_more":false}}}}}}"#
    )
}

fn decode_parts(e: &Error) -> (Option<String>, String, String) {
    match e {
        Error::Decode {
            path,
            expected,
            found,
            ..
        } => (path.clone(), expected.clone(), found.clone()),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn the_reference_transaction_decodes() {
    let page = v2::ListTransactions::list(Default::default())
        .decode(&resp(200, "application/json", &page_with(TX)))
        .unwrap();
    assert_eq!(page.items.len(), 1);
}

#[test]
fn empty_body() {
    let (_, expected, found) = decode_parts(&v2_list(""));
    assert_eq!(expected, "a JSON body");
    assert!(found.contains("empty body"), "{found}");
}

#[test]
fn html_error_page() {
    let html =
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let e = v2::ListTransactions::list(Default::default())
        .decode(&resp(200, "text/html", html))
        .unwrap_err();
    let (_, expected, found) = decode_parts(&e);
    assert_eq!(expected, "a JSON body");
    assert!(
        found.contains("HTML page") && found.contains("502 Bad Gateway"),
        "{found}"
    );
}

#[test]
fn truncated_json() {
    let body = page_with(TX);
    let e = v2_list(&body[..body.len() / 2]);
    let (_, expected, found) = decode_parts(&e);
    assert_eq!(expected, "complete JSON");
    assert!(found.contains("ends early"), "{found}");
}

#[test]
fn wrong_json_type_names_the_field() {
    let e = v2_list(&page_with(
        &TX.replace(r#""amount_in":5"#, r#""amount_in":true"#),
    ));
    let (path, expected, found) = decode_parts(&e);
    assert_eq!(path.as_deref(), Some("data[0].amount_in"));
    assert!(expected.contains("amount"), "{expected}");
    assert!(found.contains("boolean"), "{found}");
    assert!(e.to_string().contains("v2.transactions.list"), "{e}");
}

#[test]
fn unknown_enum_value() {
    let e = v2_list(&page_with(
        &TX.replace(r#""transfer_type":"in""#, r#""transfer_type":"sideways""#),
    ));
    let (path, expected, found) = decode_parts(&e);
    assert_eq!(path.as_deref(), Some("data[0].transfer_type"));
    assert!(
        expected.contains("`in`") && expected.contains("`out`"),
        "{expected}"
    );
    assert!(found.contains("sideways"), "{found}");
}

#[test]
fn missing_required_field() {
    let e = v2_list(&page_with(&TX.replace(r#""id":"a","#, "")));
    let (path, expected, found) = decode_parts(&e);
    assert_eq!(path.as_deref(), Some("data[0]"));
    assert_eq!(expected, "field `id`");
    assert_eq!(found, "no such field");
}

#[test]
fn bad_time_format() {
    let e = v2_list(&page_with(&TX.replace("2026-01-22 16:45:30", "22/01/2026")));
    let (path, expected, _) = decode_parts(&e);
    assert_eq!(path.as_deref(), Some("data[0].transaction_date"));
    assert!(expected.contains("YYYY-MM-DD HH:MM:SS"), "{expected}");
}

#[test]
fn unknown_extra_fields_are_tolerated() {
    let extra = TX.replace(r#""id":"a","#, r#""id":"a","brand_new_field":{"x":[1,2]},"#);
    v2::ListTransactions::list(Default::default())
        .decode(&resp(200, "application/json", &page_with(&extra)))
        .unwrap();
}

#[test]
fn v1_wrong_flag_value() {
    let body = r#"{"status":200,"error":null,"messages":{"success":true},"bankaccount":{"id":"1","account_holder_name":"A","account_number":"1","accumulated":"1.00","last_transaction":null,"label":"","active":"yes","created_at":"2023-02-16 15:57:26","bank_short_name":"ACB","bank_full_name":"x","bank_bin":"1","bank_code":"ACB"}}"#;
    let e = v1::GetBankAccount::get("1")
        .decode(&resp(200, "application/json", body))
        .unwrap_err();
    let (path, expected, found) = decode_parts(&e);
    assert_eq!(path.as_deref(), Some("bankaccount.active"));
    assert!(expected.contains("flag"), "{expected}");
    assert!(found.contains("yes"), "{found}");
}

#[test]
fn v1_text_instead_of_json() {
    let e = v1::ListTransactions::list(Default::default())
        .decode(&resp(200, "text/plain", "Service temporarily unavailable"))
        .unwrap_err();
    let (_, expected, found) = decode_parts(&e);
    assert_eq!(expected, "a JSON body");
    assert!(found.contains("Service temporarily unavailable"), "{found}");
}

#[test]
fn invalid_parameters_are_refused_before_sending() {
    let urls = sepay::BaseUrls::for_environment(sepay::Environment::Live);
    let too_big = v2::ListTransactions::list(v2::V2TransactionListParams {
        per_page: Some(500),
        ..Default::default()
    });
    let e = too_big.request(&urls).unwrap_err();
    assert!(matches!(e, Error::Validation { status: None, .. }), "{e}");
    assert_eq!(e.field_errors()[0].field, "per_page");
    let fractional = v2::ListTransactions::list(v2::V2TransactionListParams {
        amount_in_min: Some("10.5".parse().unwrap()),
        ..Default::default()
    });
    assert!(fractional.request(&urls).is_err());
    let limit = v1::ListTransactions::list(v1::V1TransactionListParams {
        limit: Some(5001),
        ..Default::default()
    });
    assert!(limit.request(&urls).is_err());
}
