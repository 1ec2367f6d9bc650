//! The core's `tracing` events as Python `logging` records on the
//! `sepay_sdk` logger (shared state lost / back, ...). Installed once when
//! the module is imported; an event no handler wants costs a level check.

use std::fmt::Write as _;

use pyo3::prelude::*;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// Forwards events at INFO and above from the `sepay` targets.
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
    fn enabled(&self, metadata: &tracing::Metadata<'_>, _: Context<'_, S>) -> bool {
        metadata.target().starts_with("sepay") && *metadata.level() <= Level::INFO
    }

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut text = Text::default();
        event.record(&mut text);
        let level = match *event.metadata().level() {
            Level::ERROR => 40,
            Level::WARN => 30,
            _ => 20,
        };
        // Not while the interpreter shuts down (then there is nowhere to log).
        Python::try_attach(|py| {
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
