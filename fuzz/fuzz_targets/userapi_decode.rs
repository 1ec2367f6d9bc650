//! User API v1 and v2 decoders (transactions, bank accounts, virtual accounts,
//! terminals, VA orders on both APIs): any status, headers and body give a
//! typed value or a typed error, never a panic.
//!
//! Input: `[operation][status][headers] body…` (see `sepay_fuzz::response`).
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use sepay::userapi::orders::{
    AddVa, CancelOrder, CancelVa, CreateOrder, GetOrder, ListOrders, OrderApi, OrderBank,
    OrderTarget,
};
use sepay::userapi::{v1, v2};
use sepay_fuzz::{byte, check_rate_headers, decode_and_error, response};

const ID: &str = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

fn target(api: OrderApi) -> OrderTarget {
    OrderTarget {
        api,
        bank_account_id: "19".into(),
    }
}

fn orders(api: OrderApi, which: u8, r: &sepay::http::HttpResponse) {
    let t = target(api);
    match which % 6 {
        0 => decode_and_error(
            &ListOrders {
                target: t,
                page: None,
                per_page: None,
            },
            r,
        ),
        1 => decode_and_error(
            &CreateOrder {
                target: t,
                bank: OrderBank::Bidv,
                params: Default::default(),
            },
            r,
        ),
        2 => decode_and_error(
            &GetOrder {
                target: t,
                order_id: ID.into(),
            },
            r,
        ),
        3 => decode_and_error(
            &CancelOrder {
                target: t,
                order_id: ID.into(),
            },
            r,
        ),
        4 => decode_and_error(
            &AddVa {
                target: t,
                bank: OrderBank::Bidv,
                order_id: ID.into(),
                params: Default::default(),
            },
            r,
        ),
        _ => decode_and_error(
            &CancelVa {
                target: t,
                order_id: ID.into(),
                va_number: "9704".into(),
            },
            r,
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let op = byte(&mut u);
    let r = response(&mut u);
    check_rate_headers(&r);
    match op % 25 {
        0 => decode_and_error(&v1::ListTransactions(Default::default()), &r),
        1 => decode_and_error(&v1::GetTransaction("48673".into()), &r),
        2 => decode_and_error(&v1::CountTransactions(Default::default()), &r),
        3 => decode_and_error(&v1::ListBankAccounts(Default::default()), &r),
        4 => decode_and_error(&v1::GetBankAccount("19".into()), &r),
        5 => decode_and_error(&v1::CountBankAccounts(Default::default()), &r),
        6 => decode_and_error(&v2::ListTransactions(Default::default()), &r),
        7 => decode_and_error(&v2::GetTransaction(ID.into()), &r),
        8 => decode_and_error(&v2::ListBankAccounts(Default::default()), &r),
        9 => decode_and_error(&v2::GetBankAccount(ID.into()), &r),
        10 => decode_and_error(
            &v2::ListVirtualAccounts {
                bank_account_id: ID.into(),
                params: Default::default(),
            },
            &r,
        ),
        11 => decode_and_error(
            &v2::GetVirtualAccount {
                bank_account_id: ID.into(),
                va_id: ID.into(),
            },
            &r,
        ),
        12 => decode_and_error(
            &v2::ListTerminals {
                bank_account_id: ID.into(),
            },
            &r,
        ),
        n @ 13..=18 => orders(OrderApi::V2, n - 13, &r),
        n => orders(OrderApi::V1Bidv, n - 19, &r),
    }
});
