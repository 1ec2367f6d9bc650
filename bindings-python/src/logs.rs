//! The core's `tracing` events as Python `logging` records on the
//! `sepay_sdk` logger (shared state lost / back, retries, ...). Installed
//! once when the module is imported; an event no handler wants costs a level
//! check. Each call's requests and responses are DEBUG records, forwarded
//! only while the `sepay_sdk` logger is enabled for DEBUG: that is looked up
//! when a client is made and then at most once a second, so with DEBUG off a
//! call pays one atomic load per event.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use pyo3::prelude::*;
use tracing::field::{Field, Visit};
use tracing::subscriber::Interest;
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// Whether the `sepay_sdk` logger wants DEBUG records, as last looked up.
static DEBUG: AtomicBool = AtomicBool::new(false);
/// When that was looked up (milliseconds since `EPOCH`; 0 = never).
static CHECKED_MS: AtomicU64 = AtomicU64::new(0);
static EPOCH: OnceLock<Instant> = OnceLock::new();

fn now_ms() -> u64 {
    EPOCH.get_or_init(Instant::now).elapsed().as_millis() as u64 + 1
}

/// Looks up whether the `sepay_sdk` logger is enabled for DEBUG now.
pub fn refresh_level(py: Python<'_>) {
    let on = py
        .import("logging")
        .and_then(|l| l.call_method1("getLogger", ("sepay_sdk",)))
        .and_then(|l| l.call_method1("isEnabledFor", (10,)))
        .and_then(|v| v.is_truthy())
        .unwrap_or(false);
    DEBUG.store(on, Ordering::Relaxed);
    CHECKED_MS.store(now_ms(), Ordering::Relaxed);
}

/// DEBUG wanted, looking again when the last look is over a second old.
fn debug_wanted() -> bool {
    if now_ms().saturating_sub(CHECKED_MS.load(Ordering::Relaxed)) > 1000 {
        CHECKED_MS.store(now_ms(), Ordering::Relaxed);
        crate::runtime::with_python(refresh_level);
    }
    DEBUG.load(Ordering::Relaxed)
}

/// A `sepay` event at DEBUG or finer (a call's requests and responses).
fn is_debug(metadata: &Metadata<'_>) -> bool {
    *metadata.level() > Level::INFO
}

/// Forwards events at INFO and above from the `sepay` targets, and DEBUG
/// ones while the logger wants them.
struct PythonLogging;

/// The event's message followed by its other fields as `name=value`.
#[derive(Default)]
struct Text(String);

impl Visit for Text {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.0.push_str(value);
        } else {
            let _ = write!(self.0, " {}={value}", field.name());
        }
    }
}

impl<S: Subscriber> Layer<S> for PythonLogging {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        match metadata.target().starts_with("sepay") {
            false => Interest::never(),
            // The logger's level can change: ask at each event.
            true if is_debug(metadata) => Interest::sometimes(),
            true => Interest::always(),
        }
    }

    fn enabled(&self, metadata: &Metadata<'_>, _: Context<'_, S>) -> bool {
        metadata.target().starts_with("sepay")
            && (*metadata.level() <= Level::INFO
                || (*metadata.level() == Level::DEBUG && debug_wanted()))
    }

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut text = Text::default();
        event.record(&mut text);
        let level = match *event.metadata().level() {
            Level::ERROR => 40,
            Level::WARN => 30,
            Level::INFO => 20,
            _ => 10,
        };
        // Not while the interpreter shuts down (then there is nowhere to log).
        crate::runtime::with_python(|py| {
            let logged = py
                .import("logging")
                .and_then(|logging| logging.call_method1("getLogger", ("sepay_sdk",)))
                .and_then(|logger| logger.call_method1("log", (level, text.0.as_str())));
            if let Err(e) = logged {
                e.write_unraisable(py, None);
            }
        });
    }
}

/// Makes the core's events Python log records (once per process).
pub fn install() {
    let subscriber = tracing_subscriber::registry().with(PythonLogging);
    // Another subscriber already set (an embedding application's) wins.
    let _ = tracing::subscriber::set_global_default(subscriber);
}
