#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Decoders against SePay's own JSON examples (tests/fixtures, copied verbatim
//! from the documentation).

use sepay::http::HttpResponse;
use sepay::operation::Operation;
use sepay::userapi::{v1, v2};
use sepay::{Amount, Error};

fn fixture(name: &str) -> HttpResponse {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    HttpResponse {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.into(),
    }
}

fn amount(s: &str) -> Amount {
    s.parse().unwrap()
}

#[test]
fn v1_transaction_details() {
    let t = v1::GetTransaction::get("48673")
        .decode(&fixture("v1_transaction_details.json"))
        .unwrap();
    assert_eq!(t.id, "48673");
    assert_eq!(t.transaction_date.to_rfc3339(), "2023-05-04T11:59:47+07:00");
    assert_eq!(t.amount_in, amount("19689000"));
    assert_eq!(t.amount_out, Amount::ZERO);
    assert_eq!(t.accumulated, amount("1128200335.00"));
    assert_eq!(t.code, None);
    assert_eq!(t.sub_account.as_deref(), Some("VCB0011ABC002"));
    assert_eq!(t.reference_number.as_deref(), Some("731086.040523.120001"));
    assert_eq!(t.bank_brand_name, "Vietcombank");
    assert_eq!(t.bank_account_id, "19");
}

#[test]
fn v1_transactions_list() {
    let list = v1::ListTransactions::list(Default::default())
        .decode(&fixture("v1_transactions_list.json"))
        .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, "49682");
    assert_eq!(list[0].amount_in, amount("18067000.00"));
    assert_eq!(list[0].transaction_content, "DUONG THUY ANH chuyen tien...");
}

#[test]
fn v1_bank_accounts_list() {
    let list = v1::ListBankAccounts::list(Default::default())
        .decode(&fixture("v1_bankaccounts_list.json"))
        .unwrap();
    let a = &list[0];
    assert_eq!(a.id, "25");
    assert!(a.active);
    assert_eq!(a.label, "");
    assert_eq!(a.accumulated, amount("2525493"));
    assert_eq!(a.bank_full_name, "Ngân hàng TMCP Công Thương Việt Nam");
    assert_eq!(
        a.last_transaction.unwrap().to_rfc3339(),
        "2023-02-16T16:16:00+07:00"
    );
}

#[test]
fn v2_transactions_list_with_pagination() {
    let page = v2::ListTransactions::list(Default::default())
        .decode(&fixture("v2_transactions_list.json"))
        .unwrap();
    let t = &page.items[0];
    assert_eq!(t.transfer_type, v2::TransferType::In);
    assert_eq!(t.amount_in, Amount::from_dong(50_000));
    assert_eq!(t.va, None, "an empty va string means no VA");
    assert_eq!(t.webhook_success, 8);
    assert_eq!(t.code.as_deref(), Some("DH1709"));
    let p = page.pagination.unwrap();
    assert_eq!(
        (p.total, p.per_page, p.current_page, p.last_page),
        (48, 1, 1, 48)
    );
    assert!(p.more());
}

#[test]
fn v2_transaction_details() {
    let t = v2::GetTransaction::get("a1b2c3d4-e5f6-7890-abcd-ef1234567890")
        .decode(&fixture("v2_transaction_details.json"))
        .unwrap();
    assert_eq!(t.va.as_deref(), Some("VA001"));
    assert_eq!(
        t.va_id.as_deref(),
        Some("a2b3c4d5-e6f7-8901-bcde-f12345678901")
    );
    assert_eq!(t.accumulated, Amount::from_dong(1_500_000));
    assert_eq!(t.transaction_date.to_rfc3339(), "2026-01-22T16:45:30+07:00");
}

#[test]
fn v2_bank_account_details() {
    let a = v2::GetBankAccount::get("f9e8d7c6-b5a4-3210-fedc-ba0987654321")
        .decode(&fixture("v2_bank_account_details.json"))
        .unwrap();
    assert!(a.active);
    assert_eq!(a.account_type.as_deref(), Some("personal"));
    assert_eq!(a.bank_bin, "970416");
}

#[test]
fn v2_virtual_accounts_list() {
    let op =
        v2::ListVirtualAccounts::list("f9e8d7c6-b5a4-3210-fedc-ba0987654321", Default::default());
    let page = op
        .decode(&fixture("v2_virtual_accounts_list.json"))
        .unwrap();
    let va = &page.items[0];
    assert!(va.active && va.official && !va.is_static);
    assert_eq!(va.sub_holder_name.as_deref(), Some("NGUYEN VAN A"));
    assert!(!page.pagination.unwrap().more());
}

#[test]
fn v2_error_fixtures_become_typed_errors() {
    let mut r = fixture("v2_error_unauthorized.json");
    r.status = 401;
    let e = v2::ListTransactions::list(Default::default())
        .decode(&r)
        .unwrap_err();
    assert!(
        matches!(e, Error::Authentication { status: 401, .. }),
        "{e}"
    );
    assert_eq!(e.code(), Some("unauthorized"));
    assert!(e.to_string().contains("Missing Authorization header"));

    let mut r = fixture("v2_error_rate_limited.json");
    r.status = 429;
    r.headers.push(("retry-after".into(), "1".into()));
    let e = v2::ListTransactions::list(Default::default()).error(&r);
    assert_eq!(e.retry_after(), Some(std::time::Duration::from_secs(1)));
    assert_eq!(e.kind(), "rate_limited");
}
