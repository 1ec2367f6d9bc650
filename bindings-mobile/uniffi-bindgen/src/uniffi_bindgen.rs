//! `uniffi-bindgen generate --library <lib> --language kotlin ...`
#![forbid(unsafe_code)]

fn main() {
    uniffi::uniffi_bindgen_main()
}
