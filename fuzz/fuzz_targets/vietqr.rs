//! VietQR: any text decodes to a VietQR or an error; a decoded QR that can be
//! built again builds a payload that decodes to the same QR; a QR built from
//! fuzz fields decodes back to itself.
//!
//! Input: `[mode]` then, mode even: the payload text; mode odd: bank BIN,
//! account, amount (8 bytes) and memo as length-prefixed fields.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use sepay::qr::{VietQr, VietQrService};
use sepay::Amount;
use sepay_fuzz::{byte, short_text};

/// What a payload can say: an empty memo is no memo.
fn normal(mut qr: VietQr) -> VietQr {
    qr.memo = qr.memo.filter(|m| !m.is_empty());
    qr
}

fn rebuilds(qr: &VietQr) {
    if let Ok(payload) = qr.payload() {
        let back = VietQr::decode(&payload)
            .unwrap_or_else(|e| panic!("{qr:?} built {payload:?}, which does not decode: {e}"));
        assert_eq!(normal(back), normal(qr.clone()), "{payload}");
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if byte(&mut u) & 1 == 0 {
        let text = String::from_utf8_lossy(u.take_rest());
        if let Ok(qr) = VietQr::decode(&text) {
            let _ = format!("{qr:?}");
            rebuilds(&qr);
        }
        return;
    }
    let bank_bin = short_text(&mut u);
    let account = short_text(&mut u);
    let amount = match i64::arbitrary(&mut u).unwrap_or(0) {
        0 => None,
        n => Some(Amount::from_dong(n)),
    };
    let memo = Some(short_text(&mut u)).filter(|_| byte(&mut u) & 1 == 0);
    let service = if byte(&mut u) & 1 == 0 {
        VietQrService::Account
    } else {
        VietQrService::Card
    };
    let qr = VietQr {
        bank_bin,
        account,
        amount,
        memo,
        service,
    };
    rebuilds(&qr);
});
