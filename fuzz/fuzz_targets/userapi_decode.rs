//! User API v1 and v2 decoders (transactions, bank accounts, virtual accounts,
//! terminals, VA orders on both APIs): any status, headers and body give a
//! typed value or a typed error, never a panic.
//!
//! Input: `[operation][status][headers] body…` (see `sepay_fuzz::response`).
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use sepay::userapi::orders::{
    AddVa, CancelOrder, CreateOrder, GetOrder, ListOrders, OrderApi, OrderBank, OrderFields,
    OrderPage,
};
use sepay::userapi::{v1, v2};
use sepay_fuzz::{byte, check_rate_headers, decode_and_error, response};

const ID: &str = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

fn fields() -> OrderFields {
    OrderFields {
        bank: OrderBank::Bidv,
        params: Default::default(),
    }
}

fn orders(api: OrderApi, which: u8, r: &sepay::http::HttpResponse) {
    const B: &str = "19";
    match which % 6 {
        0 => decode_and_error(&ListOrders::list(api, B, OrderPage::default()), r),
        1 => decode_and_error(&CreateOrder::create(api, B, fields()), r),
        2 => decode_and_error(&GetOrder::get(api, B, ID), r),
        3 => decode_and_error(&CancelOrder::cancel(api, B, ID), r),
        4 => decode_and_error(&AddVa::add_va(api, B, ID, fields()), r),
        _ => decode_and_error(&CancelOrder::cancel_va(api, B, ID, "9704"), r),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let op = byte(&mut u);
    let r = response(&mut u);
    check_rate_headers(&r);
    match op % 25 {
        0 => decode_and_error(&v1::ListTransactions::list(Default::default()), &r),
        1 => decode_and_error(&v1::GetTransaction::get("48673"), &r),
        2 => decode_and_error(&v1::CountTransactions::count(Default::default()), &r),
        3 => decode_and_error(&v1::ListBankAccounts::list(Default::default()), &r),
        4 => decode_and_error(&v1::GetBankAccount::get("19"), &r),
        5 => decode_and_error(&v1::CountBankAccounts::count(Default::default()), &r),
        6 => decode_and_error(&v2::ListTransactions::list(Default::default()), &r),
        7 => decode_and_error(&v2::GetTransaction::get(ID), &r),
        8 => decode_and_error(&v2::ListBankAccounts::list(Default::default()), &r),
        9 => decode_and_error(&v2::GetBankAccount::get(ID), &r),
        10 => decode_and_error(&v2::ListVirtualAccounts::list(ID, Default::default()), &r),
        11 => decode_and_error(&v2::GetVirtualAccount::get(ID, ID), &r),
        12 => decode_and_error(&v2::ListTerminals::list(ID), &r),
        n @ 13..=18 => orders(OrderApi::V2, n - 13, &r),
        n => orders(OrderApi::V1Bidv, n - 19, &r),
    }
});
