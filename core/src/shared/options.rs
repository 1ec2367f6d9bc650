//! [`SharedSettings`] as every binding receives them: each field optional
//! (the default otherwise), times in seconds, the outage mode by name. One
//! description, read by pyo3 keyword arguments, the JavaScript options
//! object (serde) and the Kotlin/Swift record.

use std::time::Duration;

use serde::Deserialize;

use super::{OnOutage, SharedSettings};
use crate::error::{Error, Result};

/// Options of a shared state; `None` keeps the default (see `SharedSettings`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharedOptions {
    /// Key prefix (`sepay`): processes on one prefix share one limit.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub prefix: Option<String>,
    /// `local` (fail open, the default) or `fail` (fail closed).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub on_outage: Option<String>,
    /// How many processes share the limit: during an outage each keeps
    /// rate / processes (default 1).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub processes: Option<u32>,
    /// Seconds to connect to Redis (0.5).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub connect_timeout: Option<f64>,
    /// Seconds one script may take (0.25).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub command_timeout: Option<f64>,
    /// Seconds between tries while Redis is unreachable (1).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub probe_interval: Option<f64>,
    /// Seconds a token renewal may hold the shared lock (30).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub token_lease: Option<f64>,
    /// Seconds a handled webhook is remembered (604800, 7 days).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub dedup_ttl: Option<f64>,
}

impl SharedOptions {
    /// The settings, checked.
    pub fn settings(&self) -> Result<SharedSettings> {
        let mut s = SharedSettings::default();
        if let Some(prefix) = &self.prefix {
            s.prefix = prefix.clone();
        }
        let processes = self.processes.unwrap_or(1);
        s.on_outage = match self.on_outage.as_deref() {
            None | Some("local") => OnOutage::Local { processes },
            Some("fail") => OnOutage::Fail,
            Some(other) => {
                return Err(Error::config(format!(
                    "on_outage must be \"local\" or \"fail\", got {other:?}"
                )))
            }
        };
        let seconds = |name: &str, value: Option<f64>, slot: &mut Duration| -> Result<()> {
            if let Some(v) = value {
                *slot = Duration::try_from_secs_f64(v).map_err(|_| {
                    Error::config(format!(
                        "shared state {name} must be a number of seconds, got {v}"
                    ))
                })?;
            }
            Ok(())
        };
        seconds(
            "connect_timeout",
            self.connect_timeout,
            &mut s.connect_timeout,
        )?;
        seconds(
            "command_timeout",
            self.command_timeout,
            &mut s.command_timeout,
        )?;
        seconds("probe_interval", self.probe_interval, &mut s.probe_interval)?;
        seconds("token_lease", self.token_lease, &mut s.token_lease)?;
        seconds("dedup_ttl", self.dedup_ttl, &mut s.dedup_ttl)?;
        s.validate()?;
        Ok(s)
    }
}
