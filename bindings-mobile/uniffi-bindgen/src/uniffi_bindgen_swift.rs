//! `uniffi-bindgen-swift <lib> <out> --swift-sources --headers --modulemap ...`
#![forbid(unsafe_code)]

fn main() {
    uniffi::uniffi_bindgen_swift()
}
