//! The native connection to Redis: the `redis` crate on tokio (one
//! multiplexed connection shared by every task) for the client's scripts,
//! and a blocking connection for the synchronous webhook store. A failed
//! connection is dropped and opened again on the next use, and so is one
//! opened by another process (a `fork()` parent: its connection is unusable).

use std::fmt;
use std::sync::Mutex;
use std::time::Duration;

use redis::aio::MultiplexedConnection;
use redis::{AsyncConnectionConfig, Connection, Value};

use super::scripts::{self, Reply, Script, ScriptRunner};
use super::{unavailable, SharedSettings};
use crate::auth::token::process_id;
use crate::error::{Error, Result};

/// Scripts run on a Redis server this process connects to.
pub(super) struct RedisRunner {
    client: redis::Client,
    connect_timeout: Duration,
    command_timeout: Duration,
    /// The scripts with their SHA1 (sent with `EVALSHA`, loaded on `NOSCRIPT`).
    scripts: Vec<(&'static str, redis::Script)>,
    /// The connection and the process that opened it.
    connection: Mutex<Option<(u32, MultiplexedConnection)>>,
    blocking: Mutex<Option<(u32, Connection)>>,
}

impl fmt::Debug for RedisRunner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The connection info may hold a password: only where it points.
        let addr = self.client.get_connection_info().addr().to_string();
        f.debug_struct("RedisRunner")
            .field("addr", &addr)
            .finish_non_exhaustive()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn failed(what: &str, e: &redis::RedisError) -> Error {
    unavailable(&format!("{what}: {e}"))
}

impl RedisRunner {
    /// Reads the URL; connects on first use.
    pub(super) fn open(url: &str, settings: &SharedSettings) -> Result<Self> {
        let client = redis::Client::open(url).map_err(|e| {
            // The URL may hold a password: say what is wrong, not what it was.
            Error::config(format!("shared state: not a Redis URL ({:?})", e.kind()))
        })?;
        Ok(RedisRunner {
            client,
            connect_timeout: settings.connect_timeout,
            command_timeout: settings.command_timeout,
            scripts: scripts::ALL
                .iter()
                .map(|s| (s.name, redis::Script::new(s.text)))
                .collect(),
            connection: Mutex::new(None),
            blocking: Mutex::new(None),
        })
    }

    fn script(&self, script: &Script) -> Result<&redis::Script> {
        self.scripts
            .iter()
            .find(|(name, _)| *name == script.name)
            .map(|(_, s)| s)
            .ok_or_else(|| unavailable(&format!("unknown script {}", script.name)))
    }

    async fn connection(&self) -> Result<MultiplexedConnection> {
        if let Some((_, c)) = lock(&self.connection)
            .as_ref()
            .filter(|(pid, _)| *pid == process_id())
        {
            return Ok(c.clone());
        }
        let config = AsyncConnectionConfig::new()
            .set_connection_timeout(Some(self.connect_timeout))
            .set_response_timeout(Some(self.command_timeout));
        let c = self
            .client
            .get_multiplexed_async_connection_with_config(&config)
            .await
            .map_err(|e| failed("connecting to Redis", &e))?;
        *lock(&self.connection) = Some((process_id(), c.clone()));
        Ok(c)
    }

    fn blocking_run(
        &self,
        script: &redis::Script,
        keys: &[String],
        args: &[String],
    ) -> Result<Value> {
        let mut slot = lock(&self.blocking);
        if slot.as_ref().is_none_or(|(pid, _)| *pid != process_id()) {
            let c = self
                .client
                .get_connection_with_timeout(self.connect_timeout)
                .map_err(|e| failed("connecting to Redis", &e))?;
            c.set_read_timeout(Some(self.command_timeout))
                .and_then(|()| c.set_write_timeout(Some(self.command_timeout)))
                .map_err(|e| failed("setting Redis timeouts", &e))?;
            *slot = Some((process_id(), c));
        }
        let Some((_, c)) = slot.as_mut() else {
            return Err(unavailable("no Redis connection"));
        };
        let result = invocation(script, keys, args).invoke::<Value>(c);
        if result.is_err() {
            *slot = None;
        }
        result.map_err(|e| failed("running a script", &e))
    }
}

fn invocation<'a>(
    script: &'a redis::Script,
    keys: &[String],
    args: &[String],
) -> redis::ScriptInvocation<'a> {
    let mut invocation = script.prepare_invoke();
    for key in keys {
        invocation.key(key);
    }
    for arg in args {
        invocation.arg(arg);
    }
    invocation
}

#[async_trait::async_trait]
impl ScriptRunner for RedisRunner {
    async fn run(&self, script: &Script, keys: &[String], args: &[String]) -> Result<Reply> {
        let prepared = self.script(script)?;
        let mut c = self.connection().await?;
        let result = invocation(prepared, keys, args)
            .invoke_async::<Value>(&mut c)
            .await;
        if result.is_err() {
            // The next call opens a new connection.
            *lock(&self.connection) = None;
        }
        result
            .map(reply)
            .map_err(|e| failed(&format!("running the {} script", script.name), &e))
    }

    fn can_block(&self) -> bool {
        true
    }

    fn run_blocking(
        &self,
        script: &Script,
        keys: &[String],
        args: &[String],
    ) -> Option<Result<Reply>> {
        Some(
            self.script(script)
                .and_then(|s| self.blocking_run(s, keys, args))
                .map(reply),
        )
    }
}

/// Redis's reply as the scripts' [`Reply`].
fn reply(value: Value) -> Reply {
    match value {
        Value::Nil => Reply::Nil,
        Value::Int(n) => Reply::Int(n),
        Value::BulkString(bytes) => Reply::Text(String::from_utf8_lossy(&bytes).into_owned()),
        Value::SimpleString(s) => Reply::Text(s),
        Value::Okay => Reply::Text("OK".into()),
        Value::Array(items) | Value::Set(items) => {
            Reply::List(items.into_iter().map(reply).collect())
        }
        other => Reply::Text(format!("{other:?}")),
    }
}
