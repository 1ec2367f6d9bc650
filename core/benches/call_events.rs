#![allow(clippy::expect_used)] // a benchmark stops at the first failure
//! Benchmark (not a test): what call events cost. Small GETs against an
//! in-process sandbox, through three clients side by side in interleaved
//! rounds: no observer and no `tracing` subscriber (events off, the default),
//! a no-op observer, and an observer that formats each event as a log line.
//!   cargo bench -p sepay --bench call_events

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use sepay::observe::{CallEvent, CallObserver};
use sepay::{BaseUrls, Client, ClientOptions};
use sepay_sandbox::SandboxConfig;

const TOKEN: &str = "BENCH_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq";
const ROUNDS: usize = 20;
const CALLS: usize = 200;

struct Noop;
impl CallObserver for Noop {
    fn on_event(&self, _: &CallEvent) {}
}

#[derive(Default)]
struct Lines(AtomicUsize);
impl CallObserver for Lines {
    fn on_event(&self, e: &CallEvent) {
        self.0.fetch_add(e.to_string().len(), Ordering::Relaxed);
    }
}

fn client(url: &str, observer: Option<Arc<dyn CallObserver>>) -> Client {
    let mut b = Client::builder()
        .token(TOKEN)
        .base_urls(BaseUrls::emulator(url).expect("url"))
        .options(ClientOptions {
            requests_per_second: None,
            ..ClientOptions::default()
        });
    if let Some(o) = observer {
        b = b.observer(o);
    }
    b.build().expect("client")
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let sb = sepay_sandbox::server::handle::start(
        SandboxConfig {
            token: TOKEN.into(),
            transactions: 100,
            rate_limit: None,
            prerender: true,
            ..SandboxConfig::default()
        },
        "127.0.0.1:0".parse().expect("addr"),
    )
    .await
    .expect("sandbox");
    let url = sb.base_url();
    let contenders: Vec<(&str, Client)> = vec![
        (
            "events off (no observer, no subscriber)",
            client(&url, None),
        ),
        ("no-op observer", client(&url, Some(Arc::new(Noop)))),
        (
            "observer formatting each event",
            client(&url, Some(Arc::new(Lines::default()))),
        ),
    ];
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); contenders.len()];
    for round in 0..=ROUNDS {
        for (i, (_, c)) in contenders.iter().enumerate() {
            for _ in 0..CALLS {
                let t = Instant::now();
                c.v1().transactions().get("50").await.expect("get");
                if round > 0 {
                    samples[i].push(t.elapsed().as_secs_f64() * 1e6);
                }
            }
        }
    }
    println!("| client | small GET p50 (µs) | p90 (µs) |");
    println!("|---|---:|---:|");
    for ((name, _), s) in contenders.iter().zip(samples.iter_mut()) {
        s.sort_by(f64::total_cmp);
        println!(
            "| {name} | {:.1} | {:.1} |",
            s[s.len() / 2],
            s[s.len() * 9 / 10]
        );
    }
}
