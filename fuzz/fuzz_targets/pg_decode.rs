//! Payment gateway decoders (order list, order detail, cancel, void): any
//! status, headers and body give a typed value or a typed error.
//!
//! Input: `[operation][status][headers] body…` (see `sepay_fuzz::response`).
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use sepay::pg::orders::{GetOrder, ListOrders, OrderAction};
use sepay_fuzz::{byte, check_rate_headers, decode_and_error, response};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let op = byte(&mut u);
    let r = response(&mut u);
    check_rate_headers(&r);
    match op % 4 {
        0 => decode_and_error(&ListOrders::list(Default::default()), &r),
        1 => decode_and_error(&GetOrder::get("DH1756370479"), &r),
        2 => decode_and_error(&OrderAction::cancel("DH1757053857"), &r),
        _ => decode_and_error(&OrderAction::void("DH1757053857"), &r),
    }
});
