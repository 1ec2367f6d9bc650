//! Exports a whole transaction history to CSV with a progress bar
//! (indicatif): `iter(..).total()` is SePay's count of the list (v1's count
//! endpoint, v2's `meta.pagination.total`), asked with the first page, so the
//! bar knows its end. Reports time, items and this process's peak memory
//! (`benches/page-history.sh` uses it for the 1,000,000-row benchmark).
//!
//! `page-history` — an in-process sandbox of 20,000 transactions, v1, CSV in
//! a temporary file; or `page-history <base-url> <token> v1|v2 [out.csv]`.
//! The client-side rate limit is off unless `SEPAY_REQUESTS_PER_SECOND` is set.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use sepay::paging::{PageSource, Paginator};
use sepay::userapi::v1::V1TransactionListParams;
use sepay::userapi::v2::V2TransactionListParams;
use sepay::{Amount, BaseUrls, Client, ClientOptions, DateTime};

/// One CSV row's fields, whatever the API version.
trait Row {
    fn fields(&self) -> (&str, DateTime, &str, Amount, Amount, &str);
}

/// v1 and v2 transactions have the same fields for this export.
macro_rules! row {
    ($($t:ty),*) => {$(
        impl Row for $t {
            fn fields(&self) -> (&str, DateTime, &str, Amount, Amount, &str) {
                let t = self;
                (&t.id, t.transaction_date, &t.account_number, t.amount_in, t.amount_out, &t.transaction_content)
            }
        }
    )*};
}

row!(
    sepay::userapi::v1::V1Transaction,
    sepay::userapi::v2::V2Transaction
);

/// Writes every item of `it` as a CSV row, with a progress bar; returns the
/// item count and the sum of money in.
async fn export<S>(
    mut it: Paginator<S>,
    out: &mut impl Write,
) -> Result<(u64, Amount), Box<dyn std::error::Error>>
where
    S: PageSource,
    S::Item: Row,
{
    let bar = match it.total().await? {
        Some(total) => ProgressBar::new(total),
        None => ProgressBar::no_length(),
    };
    bar.set_style(ProgressStyle::with_template(
        "{bar:40} {pos}/{len} transactions, {per_sec}, eta {eta}",
    )?);
    writeln!(out, "id,date,account,in,out,content")?;
    let mut sum = Amount::ZERO;
    while let Some(page) = it.next_page().await? {
        for t in &page {
            let (id, date, account, amount_in, amount_out, content) = t.fields();
            let content = content.replace('"', "\"\"");
            writeln!(
                out,
                "{id},{date},{account},{amount_in},{amount_out},\"{content}\""
            )?;
            sum = sum.checked_add(amount_in).ok_or("overflow")?;
        }
        bar.set_position(it.progress().items);
    }
    bar.finish_and_clear();
    Ok((it.progress().items, sum))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut _sandbox = None;
    let (url, token, version, path) = match args.as_slice() {
        [] => {
            let token =
                "EXPORT_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop".to_string();
            let config = sepay_sandbox::SandboxConfig {
                token: token.clone(),
                transactions: 20_000,
                rate_limit: None,
                ..Default::default()
            };
            let sandbox = sepay_sandbox::start(config, "127.0.0.1:0".parse()?).await?;
            let url = sandbox.base_url();
            _sandbox = Some(sandbox);
            (
                url,
                token,
                "v1".to_string(),
                std::env::temp_dir().join("sepay-history.csv"),
            )
        }
        [url, token, version, rest @ ..] if rest.len() <= 1 => {
            let path = rest.first().map_or_else(
                || std::env::temp_dir().join("sepay-history.csv"),
                Into::into,
            );
            (url.clone(), token.clone(), version.clone(), path)
        }
        _ => return Err("usage: page-history [<base-url> <token> v1|v2 [out.csv]]".into()),
    };
    let client = Client::builder()
        .token(token.as_str())
        .base_urls(BaseUrls::emulator(&url)?)
        .options(ClientOptions {
            requests_per_second: std::env::var("SEPAY_REQUESTS_PER_SECOND")
                .ok()
                .and_then(|r| r.parse().ok()),
            ..ClientOptions::default()
        })
        .build()?;
    let mut out = BufWriter::new(File::create(&path)?);
    let started = Instant::now();
    let (count, total) = if version == "v1" {
        let params = V1TransactionListParams::default();
        export(client.v1().transactions().iter(&params), &mut out).await?
    } else {
        let params = V2TransactionListParams::default();
        export(client.v2().transactions().iter(&params), &mut out).await?
    };
    out.flush()?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{version}: {count} transactions in {secs:.2} s ({:.0}/s) to {}, amount_in total {total}, peak RSS {}",
        count as f64 / secs,
        path.display(),
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
