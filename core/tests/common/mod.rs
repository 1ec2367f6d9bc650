//! Starts an in-process sandbox on an ephemeral port and a client pointed at it.
#![allow(dead_code)]

use std::time::Duration;

use sepay::{BaseUrls, Client, ClientOptions, RetryPolicy};
use sepay_sandbox::{SandboxConfig, SandboxHandle};

pub const TOKEN: &str = "TEST_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs";

/// A sandbox with `transactions` transactions and its rate limit off.
pub async fn sandbox(transactions: u64) -> SandboxHandle {
    sandbox_with(SandboxConfig {
        transactions,
        rate_limit: None,
        ..config()
    })
    .await
}

pub fn config() -> SandboxConfig {
    SandboxConfig {
        token: TOKEN.to_string(),
        ..SandboxConfig::default()
    }
}

pub async fn sandbox_with(config: SandboxConfig) -> SandboxHandle {
    sepay_sandbox::start(config, "127.0.0.1:0".parse().unwrap())
        .await
        .expect("sandbox starts")
}

/// Options for tests: no client-side limit, quick backoff.
pub fn fast_options() -> ClientOptions {
    ClientOptions {
        requests_per_second: None,
        timeout: Duration::from_secs(10),
        retry: RetryPolicy {
            max_attempts: 6,
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(100),
            ..RetryPolicy::default()
        },
        ..ClientOptions::default()
    }
}

pub fn client(sandbox: &SandboxHandle, options: ClientOptions) -> Client {
    client_with_token(sandbox, options, TOKEN)
}

pub fn client_with_token(sandbox: &SandboxHandle, options: ClientOptions, token: &str) -> Client {
    Client::builder()
        .token(token)
        .base_urls(BaseUrls::emulator(&sandbox.base_url()).unwrap())
        .options(options)
        .build()
        .unwrap()
}
