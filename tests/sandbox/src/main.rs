//! `sepay-sandbox` binary: prints the base URL as the first stdout line and
//! serves until SIGTERM / SIGINT.
#![forbid(unsafe_code)]

use std::io::Write;
use std::net::SocketAddr;

use clap::Parser;
use sepay_sandbox::{start, FaultConfig, SandboxConfig, V1Order};

/// Local emulator of SePay's User API v1 and v2, VA orders, payment gateway,
/// OAuth2 and Bank Hub.
#[derive(Debug, Parser)]
#[command(name = "sepay-sandbox", version)]
struct Args {
    /// Address to listen on (port 0 = any free port).
    #[arg(long, default_value = "127.0.0.1:0")]
    addr: SocketAddr,
    /// Accepted API token (`Authorization: Bearer TOKEN`).
    #[arg(long)]
    token: String,
    /// Number of transactions.
    #[arg(long, default_value_t = 1000)]
    transactions: u64,
    /// Number of bank accounts.
    #[arg(long, default_value_t = 3)]
    bank_accounts: u32,
    /// Dataset and fault RNG seed.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Requests per second for the whole server (0 = off).
    #[arg(long, default_value_t = 3.0)]
    rate_limit: f64,
    /// v1 ordering with since_id: asc, desc, newest-asc or asc-skipping.
    #[arg(long, default_value = "asc")]
    v1_order: V1Order,
    /// Probability of HTTP 500.
    #[arg(long, default_value_t = 0.0)]
    fault_500: f64,
    /// Probability of HTTP 503.
    #[arg(long, default_value_t = 0.0)]
    fault_503: f64,
    /// Probability that a request starts a burst of 429s.
    #[arg(long = "fault-429-burst", default_value_t = 0.0)]
    fault_429_burst: f64,
    /// Length of a 429 burst.
    #[arg(long, default_value_t = 3)]
    burst_length: u32,
    /// Probability of a slow answer.
    #[arg(long, default_value_t = 0.0)]
    fault_slow: f64,
    /// Delay of slow answers in ms.
    #[arg(long, default_value_t = 2000)]
    slow_ms: u64,
    /// Probability of a truncated body (full Content-Length, half the bytes).
    #[arg(long, default_value_t = 0.0)]
    fault_truncate: f64,
    /// Probability of closing the connection without a response.
    #[arg(long, default_value_t = 0.0)]
    fault_drop: f64,
    /// Request-log capacity.
    #[arg(long, default_value_t = 100_000)]
    request_log_capacity: usize,
    /// Payment-gateway merchant id.
    #[arg(long, default_value = sepay_sandbox::server::config::DEFAULT_PG_MERCHANT_ID)]
    pg_merchant_id: String,
    /// Payment-gateway secret key (checkout signature, order API Basic auth).
    #[arg(long, default_value = sepay_sandbox::server::config::DEFAULT_PG_SECRET_KEY)]
    pg_secret_key: String,
    /// Multiplier of the webhook / IPN retry waits (0.001: a minute is 60 ms).
    #[arg(long, default_value_t = 1.0)]
    webhook_time_scale: f64,
    /// Lifetime of OAuth2 access tokens in seconds.
    #[arg(long, default_value_t = 3600)]
    oauth_access_ttl: u64,
    /// Lifetime of Bank Hub access tokens in seconds.
    #[arg(long, default_value_t = 60_000)]
    bankhub_token_ttl: u64,
    /// Answer a repeated authorized GET from memory (client benchmarks).
    #[arg(long)]
    prerender: bool,
}

impl Args {
    fn config(&self) -> SandboxConfig {
        SandboxConfig {
            token: self.token.clone(),
            transactions: self.transactions,
            bank_accounts: self.bank_accounts,
            seed: self.seed,
            rate_limit: (self.rate_limit > 0.0).then_some(self.rate_limit),
            faults: FaultConfig {
                error_500: self.fault_500,
                error_503: self.fault_503,
                burst_429: self.fault_429_burst,
                burst_length: self.burst_length,
                slow: self.fault_slow,
                slow_ms: self.slow_ms,
                truncate: self.fault_truncate,
                drop: self.fault_drop,
            },
            v1_order: self.v1_order,
            request_log_capacity: self.request_log_capacity,
            pg_merchant_id: self.pg_merchant_id.clone(),
            pg_secret_key: self.pg_secret_key.clone(),
            webhook_time_scale: self.webhook_time_scale,
            oauth_access_ttl: self.oauth_access_ttl,
            bankhub_token_ttl: self.bankhub_token_ttl,
            prerender: self.prerender,
            ..SandboxConfig::default()
        }
    }
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let handle = match start(args.config(), args.addr).await {
        Ok(h) => h,
        Err(e) => {
            eprintln!("sepay-sandbox: cannot start on {}: {e}", args.addr);
            return std::process::ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{}", handle.base_url())
        .and_then(|_| out.flush())
        .is_err()
    {
        return std::process::ExitCode::FAILURE;
    }
    drop(out);
    eprintln!(
        "sepay-sandbox: serving {} transactions / {} bank accounts on {}",
        args.transactions,
        args.bank_accounts,
        handle.base_url()
    );
    wait_for_signal().await;
    handle.shutdown().await;
    std::process::ExitCode::SUCCESS
}
