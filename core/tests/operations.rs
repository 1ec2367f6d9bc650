#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Every operation against the sandbox, plus authentication, not-found and
//! bad-answer cases end to end.

mod common;

use common::*;
use sepay::userapi::v1::{
    V1BankAccountCountParams, V1TransactionCountParams, V1TransactionListParams,
};
use sepay::userapi::v2::{TransferType, V2TransactionListParams, V2VirtualAccountListParams};
use sepay::{DateBound, Error};
use sepay_sandbox::Fault;

#[tokio::test]
async fn every_v1_operation() {
    let sb = sandbox(300).await;
    let c = client(&sb, fast_options());
    let v1 = c.v1();
    let list = v1
        .transactions()
        .list(&V1TransactionListParams {
            since_id: Some(10),
            limit: Some(5),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        list.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["10", "11", "12", "13", "14"]
    );
    let t = v1.transactions().get("12").await.unwrap();
    assert_eq!(t, list[2]);
    assert_eq!(t.transaction_date.offset().local_minus_utc(), 7 * 3600);
    let all = v1
        .transactions()
        .count(&V1TransactionCountParams::default())
        .await
        .unwrap();
    assert_eq!(all, 300);
    let by_account = v1
        .transactions()
        .count(&V1TransactionCountParams {
            account_number: Some(t.account_number.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(by_account > 0 && by_account < 300);
    let day = DateBound::Date(t.transaction_date.date_naive());
    let same_day = v1
        .transactions()
        .list(&V1TransactionListParams {
            transaction_date_min: Some(day),
            transaction_date_max: Some(day),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(same_day.iter().any(|x| x.id == t.id));
    let amount = if t.amount_in.is_negative() || t.amount_in == sepay::Amount::ZERO {
        None
    } else {
        Some(t.amount_in)
    };
    if let Some(a) = amount {
        let exact = v1
            .transactions()
            .list(&V1TransactionListParams {
                amount_in: Some(a),
                ..Default::default()
            })
            .await
            .unwrap();
        assert!(exact.iter().all(|x| x.amount_in == a) && exact.iter().any(|x| x.id == t.id));
    }
    let accounts = v1.bank_accounts().list(&Default::default()).await.unwrap();
    assert_eq!(accounts.len(), 3);
    let a = v1.bank_accounts().get(&accounts[0].id).await.unwrap();
    assert_eq!(a, accounts[0]);
    assert_eq!(
        v1.bank_accounts()
            .count(&V1BankAccountCountParams::default())
            .await
            .unwrap(),
        3
    );
}

#[tokio::test]
async fn every_v2_operation() {
    let sb = sandbox(300).await;
    let c = client(&sb, fast_options());
    let v2 = c.v2();
    let page = v2
        .transactions()
        .list(&V2TransactionListParams {
            transfer_type: Some(TransferType::Out),
            per_page: Some(10),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(page
        .items
        .iter()
        .all(|t| t.transfer_type == TransferType::Out));
    assert_eq!(page.pagination.unwrap().per_page, 10);
    let t = v2.transactions().get(&page.items[0].id).await.unwrap();
    assert_eq!(t, page.items[0]);
    let accounts = v2.bank_accounts().list(&Default::default()).await.unwrap();
    assert_eq!(accounts.pagination.unwrap().total, 3);
    let a = v2.bank_accounts().get(&accounts.items[0].id).await.unwrap();
    assert_eq!(a, accounts.items[0]);
    let mut found_va = false;
    for account in &accounts.items {
        let vas = v2
            .virtual_accounts()
            .iter(&account.id, &V2VirtualAccountListParams::default())
            .collect_all()
            .await
            .unwrap();
        if let Some(va) = vas.first() {
            let got = v2
                .virtual_accounts()
                .get(&account.id, &va.id)
                .await
                .unwrap();
            assert_eq!(&got, va);
            assert_eq!(va.bank_account_id, account.id);
            found_va = true;
        }
        let terminals = v2.terminals().list(&account.id).await.unwrap();
        if account.bank_short_name == "Vietcombank" {
            assert!(!terminals.is_empty() && terminals.iter().all(|t| !t.tid.is_empty()));
        }
    }
    assert!(found_va, "the dataset has virtual accounts");
}

#[tokio::test]
async fn wrong_token_is_an_authentication_error_in_both_versions() {
    let sb = sandbox(10).await;
    let c = client_with_token(&sb, fast_options(), "WRONG");
    let e = c
        .v1()
        .transactions()
        .list(&Default::default())
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::Authentication { status: 200, .. }),
        "{e}"
    );
    assert!(e.to_string().contains("empty body"));
    let e = c
        .v2()
        .transactions()
        .list(&Default::default())
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::Authentication { status: 401, .. }),
        "{e}"
    );
    assert_eq!(e.code(), Some("unauthorized"));
    assert!(!format!("{e} {e:?} {c:?}").contains(TOKEN));
    assert!(!format!("{c:?}").contains("WRONG"));
}

#[tokio::test]
async fn unknown_ids_are_not_found() {
    let sb = sandbox(10).await;
    let c = client(&sb, fast_options());
    let e = c.v1().transactions().get("99999").await.unwrap_err();
    assert!(matches!(e, Error::NotFound { status: 404, .. }), "{e}");
    let e = c
        .v2()
        .transactions()
        .get("00000000-0000-4000-8000-000000000000")
        .await
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e}");
    assert_eq!(e.code(), Some("not_found"));
}

#[tokio::test]
async fn bad_answers_from_the_sandbox_are_typed_decode_errors() {
    let sb = sandbox(10).await;
    let c = client(&sb, fast_options());
    let cases = [
        (Fault::Html, "HTML page"),
        (Fault::Empty, "empty body"),
        (Fault::TruncatedJson, "ends early"),
        (Fault::WrongType, "boolean"),
        (Fault::UnknownEnum, "sideways"),
        (Fault::MissingField, "no such field"),
    ];
    for (fault, needle) in cases {
        sb.push_faults([fault]);
        let e = c
            .v2()
            .transactions()
            .list(&Default::default())
            .await
            .unwrap_err();
        assert!(matches!(e, Error::Decode { .. }), "{fault:?}: {e}");
        assert!(e.to_string().contains(needle), "{fault:?}: {e}");
    }
}
