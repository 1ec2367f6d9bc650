//! The blocking `Emulator` of the test kits: starts on a free port without a
//! caller runtime, records simulated payments, refuses bad input, stops.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking

use std::time::Duration;

use sepay_sandbox::kit::Emulator;
use sepay_sandbox::{SandboxConfig, SimulateTransaction, WebhookTarget};

#[test]
fn starts_simulates_and_stops_without_a_caller_runtime() {
    let config = SandboxConfig {
        transactions: 10,
        bank_accounts: 2,
        ..SandboxConfig::default()
    };
    let mut emulator = Emulator::start(config).unwrap();
    let base = emulator.base_url().unwrap();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    assert_eq!(emulator.stats().unwrap().transactions, 10);

    let paid = emulator
        .simulate_payment(SimulateTransaction::incoming(150_000, "DH42 thanh toan"))
        .unwrap();
    assert_eq!(paid.amount, 150_000);
    assert_eq!(paid.code.as_deref(), Some("DH42"));
    assert_eq!(emulator.stats().unwrap().transactions, 11);

    let bad = emulator.simulate_payment(SimulateTransaction::incoming(0, "x"));
    assert!(bad.is_err(), "an amount of 0 is refused");
    assert!(emulator.add_webhook(WebhookTarget::new("ftp://x")).is_err());

    // A target nobody listens on: the attempt is recorded as a failure.
    let id = emulator
        .add_webhook(WebhookTarget::new("http://127.0.0.1:9/hook"))
        .unwrap();
    emulator
        .simulate_payment(SimulateTransaction::incoming(1_000, "DH43"))
        .unwrap();
    let seen = emulator
        .wait_for_deliveries(1, Duration::from_secs(10))
        .unwrap();
    assert_eq!(seen[0].target_id, id);
    assert!(!seen[0].success);

    emulator.close();
    assert!(emulator.base_url().is_err());
    emulator.close();
}

#[test]
fn a_negative_rate_limit_is_refused() {
    let config = SandboxConfig {
        rate_limit: Some(-1.0),
        ..SandboxConfig::default()
    };
    let err = Emulator::start(config).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput, "{err}");
}
