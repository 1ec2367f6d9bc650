//! Pages through a sandbox's whole transaction history and reports the time,
//! the item count and the peak memory of this process. Used by
//! `benches/page-history.sh`; not a test.
//!
//! `page-history <base-url> <token> v1|v2`

use std::time::Instant;

use sepay::userapi::v1::V1TransactionListParams;
use sepay::userapi::v2::V2TransactionListParams;
use sepay::{Amount, BaseUrls, Client, ClientOptions};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, token, version] = args.as_slice() else {
        return Err("usage: page-history <base-url> <token> v1|v2".into());
    };
    let client = Client::builder()
        .token(token.as_str())
        .base_urls(BaseUrls::emulator(url)?)
        .options(ClientOptions {
            requests_per_second: None,
            ..ClientOptions::default()
        })
        .build()?;
    let started = Instant::now();
    let (mut count, mut total) = (0u64, Amount::ZERO);
    if version == "v1" {
        let mut it = client
            .v1()
            .transactions()
            .iter(&V1TransactionListParams::default());
        while let Some(t) = it.next().await? {
            count += 1;
            total = total.checked_add(t.amount_in).ok_or("overflow")?;
        }
    } else {
        let mut it = client
            .v2()
            .transactions()
            .iter(&V2TransactionListParams::default());
        while let Some(t) = it.next().await? {
            count += 1;
            total = total.checked_add(t.amount_in).ok_or("overflow")?;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{version}: {count} transactions in {secs:.2} s ({:.0}/s), amount_in total {total}, peak RSS {}",
        count as f64 / secs,
        peak_rss()
    );
    Ok(())
}

/// Peak resident memory of this process (Linux `VmHWM`).
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}
