//! State shared between processes through Redis: the rate limit, token
//! renewals and webhook deduplication (docs/adr/0009-shared-state.md).
//!
//! SePay counts requests per IP address, rotates OAuth2 refresh tokens and
//! retries webhooks on any replica; processes that each keep this state alone
//! earn 429s, dead refresh tokens and double handling. A [`SharedState`]
//! keeps it in Redis (or Valkey; no modules needed), through the Lua scripts
//! in [`scripts`], run by a [`ScriptRunner`]: the native connection
//! ([`SharedState::redis`]) or one the application lends (JavaScript).
//!
//! When Redis is down or slow, calls never hang: every script runs under a
//! short timeout, the outage is logged once (`tracing`, target
//! `sepay::shared`), and [`OnOutage`] decides what happens meanwhile. Redis is
//! probed again at most once per `probe_interval`; sharing resumes by itself.

mod dedup;
mod health;
pub(crate) mod limiter;
mod options;
#[cfg(all(feature = "redis", not(target_arch = "wasm32")))]
mod redis;
pub mod scripts;
mod tokens;

use std::sync::Arc;
use std::time::Duration;

pub use dedup::SharedDedup;
pub use health::SharedStatus;
pub(crate) use limiter::Pacing;
pub use options::SharedOptions;
pub use scripts::{Reply, Script, ScriptRunner};
pub(crate) use tokens::SharedTokens;

use crate::error::{Error, Result};
use crate::http::rt;
use health::Health;

/// What a client does while the shared state cannot be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnOutage {
    /// Fail open: pace this process alone at the client's rate divided by
    /// `processes` (how many processes share the limit), renew tokens alone
    /// and deduplicate in memory.
    Local {
        /// How many processes share the limit (at least 1).
        processes: u32,
    },
    /// Fail closed: calls end with `Error::Store` (operation `shared_state`).
    Fail,
}

impl std::fmt::Display for OnOutage {
    /// `local/<processes>` or `fail`, for descriptions (`repr`, `toString`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OnOutage::Local { processes } => write!(f, "local/{processes}"),
            OnOutage::Fail => f.write_str("fail"),
        }
    }
}

/// How a [`SharedState`] names its keys and how long it waits for Redis.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedSettings {
    /// Prefix of every key (default `sepay`). Processes that share a prefix
    /// share the limit: give each egress IP address its own.
    pub prefix: String,
    /// What happens while Redis is unreachable (default: local at 1 process).
    pub on_outage: OnOutage,
    /// Connecting to Redis gives up after this (default 500 ms).
    pub connect_timeout: Duration,
    /// One script gives up after this (default 250 ms).
    pub command_timeout: Duration,
    /// While Redis is unreachable, it is tried again this often (default 1 s).
    pub probe_interval: Duration,
    /// A token renewal holds the shared lock at most this long (default 30 s).
    pub token_lease: Duration,
    /// Handled webhook keys are remembered this long (default 7 days).
    pub dedup_ttl: Duration,
}

impl Default for SharedSettings {
    fn default() -> Self {
        SharedSettings {
            prefix: "sepay".into(),
            on_outage: OnOutage::Local { processes: 1 },
            connect_timeout: Duration::from_millis(500),
            command_timeout: Duration::from_millis(250),
            probe_interval: Duration::from_secs(1),
            token_lease: Duration::from_secs(30),
            dedup_ttl: Duration::from_secs(7 * 86_400),
        }
    }
}

impl SharedSettings {
    /// Refuses settings that cannot work.
    pub fn validate(&self) -> Result<()> {
        let bad_prefix = self.prefix.is_empty()
            || self.prefix.len() > 100
            || self
                .prefix
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '{' || c == '}');
        if bad_prefix {
            return Err(Error::config(format!(
                "shared state prefix must be 1-100 characters without spaces or braces, got {:?}",
                self.prefix
            )));
        }
        if let OnOutage::Local { processes: 0 } = self.on_outage {
            return Err(Error::config("shared state: processes must be at least 1"));
        }
        let ms = Duration::from_millis;
        for (name, value, min, max) in [
            ("connect_timeout", self.connect_timeout, ms(1), ms(60_000)),
            ("command_timeout", self.command_timeout, ms(1), ms(60_000)),
            ("probe_interval", self.probe_interval, ms(10), ms(3_600_000)),
            ("token_lease", self.token_lease, ms(1_000), ms(600_000)),
            (
                "dedup_ttl",
                self.dedup_ttl,
                ms(60_000),
                crate::config::MAX_DURATION * 90,
            ),
        ] {
            if value < min || value > max {
                return Err(Error::config(format!(
                    "shared state {name} must be {min:?} to {max:?}, got {value:?}"
                )));
            }
        }
        Ok(())
    }

    /// A key under the prefix. The prefix is the hash tag, so a Redis
    /// Cluster keeps every key of one prefix (and each script's keys) together.
    pub(crate) fn key(&self, name: &str) -> String {
        format!("{{{}}}:{name}", self.prefix)
    }
}

/// The connection to the shared state, its settings and its health. Give
/// the same `Arc` to clients and webhook receivers.
#[derive(Debug)]
pub struct SharedState {
    runner: Arc<dyn ScriptRunner>,
    settings: SharedSettings,
    health: Health,
}

impl SharedState {
    /// Shared state reached through `runner`.
    pub fn new(runner: Arc<dyn ScriptRunner>, settings: SharedSettings) -> Result<Arc<Self>> {
        settings.validate()?;
        Ok(Arc::new(SharedState {
            runner,
            settings,
            health: Health::default(),
        }))
    }

    /// Shared state in the Redis at `url` (`redis://[:password@]host:port/db`,
    /// `rediss://` for TLS, `redis+unix:///path`). Connects on first use.
    #[cfg(all(feature = "redis", not(target_arch = "wasm32")))]
    pub fn redis(url: &str, settings: SharedSettings) -> Result<Arc<Self>> {
        let runner = redis::RedisRunner::open(url, &settings)?;
        Self::new(Arc::new(runner), settings)
    }

    /// The settings in use.
    pub fn settings(&self) -> &SharedSettings {
        &self.settings
    }

    /// Whether Redis answers, and how often it stopped answering.
    pub fn status(&self) -> SharedStatus {
        self.health.status()
    }

    /// Runs a script under the command timeout, unless Redis is known to be
    /// down and not yet due for another try (then `Err` at once). Outages and
    /// recoveries are logged once each.
    pub async fn run(&self, script: &Script, keys: &[String], args: &[String]) -> Result<Reply> {
        if !self.health.may_try(self.settings.probe_interval) {
            return Err(unavailable("Redis is unreachable (waiting to try again)"));
        }
        // The runner bounds connecting and the command itself; this bounds both
        // together, whatever the runner (a JavaScript client may never answer).
        let limit = self.settings.connect_timeout + self.settings.command_timeout;
        let outcome = rt::timeout(limit, self.runner.run(script, keys, args)).await;
        let result = match outcome {
            Some(result) => result,
            None => Err(unavailable(&format!(
                "the {} script took longer than {limit:?}",
                script.name
            ))),
        };
        match &result {
            Ok(_) => self.health.succeeded(),
            Err(e) => self.health.failed(e, self.settings.probe_interval),
        }
        result
    }

    /// Whether scripts can also run synchronously ([`SharedDedup`]).
    pub fn can_block(&self) -> bool {
        self.runner.can_block()
    }

    /// [`run`](Self::run) for synchronous callers (the webhook store): the
    /// runner's own timeouts bound it.
    pub fn run_blocking(&self, script: &Script, keys: &[String], args: &[String]) -> Result<Reply> {
        if !self.health.may_try(self.settings.probe_interval) {
            return Err(unavailable("Redis is unreachable (waiting to try again)"));
        }
        let result = self
            .runner
            .run_blocking(script, keys, args)
            .unwrap_or_else(|| Err(unavailable("this runner cannot run scripts synchronously")));
        match &result {
            Ok(_) => self.health.succeeded(),
            Err(e) => self.health.failed(e, self.settings.probe_interval),
        }
        result
    }

    /// The error a fail-closed call ends with.
    pub(crate) fn closed(&self, why: &Error) -> Error {
        match why {
            Error::Store { .. } => why.duplicate(),
            other => unavailable(&other.to_string()),
        }
    }
}

/// `Error::Store` for the shared state.
pub(crate) fn unavailable(message: &str) -> Error {
    Error::store("shared_state", message)
}
