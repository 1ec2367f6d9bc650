//! The Lua scripts every process runs against the shared Redis, as text: the
//! native connection (`shared::redis`) and the JavaScript adapter (which runs
//! them through the application's own Redis client) execute the same text.

use std::fmt;

use crate::error::Result;
use crate::http::MaybeSendSync;

/// One Lua script: a name for errors and logs, and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Script {
    /// Short name (`limit`, `claim`, ...).
    pub name: &'static str,
    /// The Lua source, run with `EVAL` / `EVALSHA`.
    pub text: &'static str,
}

macro_rules! scripts {
    ($($(#[$doc:meta])* $id:ident = $name:literal;)*) => {
        $($(#[$doc])* pub const $id: Script = Script {
            name: $name,
            text: include_str!(concat!("lua/", $name, ".lua")),
        };)*
        /// Every script, for bindings that hand them to another Redis client.
        pub const ALL: &[Script] = &[$($id),*];
    };
}

scripts! {
    /// Takes a send slot (GCRA on Redis's clock) or says how long to wait.
    LIMIT = "limit";
    /// Pauses one API surface for every process (a 429).
    PAUSE = "pause";
    /// Takes a lock with a lease.
    LOCK = "lock";
    /// Gives a lock up if the caller still holds it.
    UNLOCK = "unlock";
    /// Reads a shared value.
    GET = "get";
    /// Writes a shared value with a lifetime.
    PUT = "put";
    /// Claims a webhook delivery.
    CLAIM = "claim";
    /// Marks a webhook delivery handled.
    COMPLETE = "complete";
    /// Gives a webhook claim up.
    RELEASE = "release";
}

/// What a script returned (Redis's reply types that the scripts use).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Nil (a missing key).
    Nil,
    /// An integer.
    Int(i64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Reply>),
}

impl Reply {
    /// The integer, if this is one.
    pub fn int(&self) -> Option<i64> {
        match self {
            Reply::Int(n) => Some(*n),
            Reply::Text(s) => s.parse().ok(),
            _ => None,
        }
    }

    /// The text, if this is one.
    pub fn text(&self) -> Option<&str> {
        match self {
            Reply::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The integers of a list reply.
    pub fn ints(&self) -> Option<Vec<i64>> {
        match self {
            Reply::List(items) => items.iter().map(Reply::int).collect(),
            _ => None,
        }
    }
}

/// Runs scripts on a Redis server (a connection this crate holds, or one the
/// application lends). Errors are `Error::Store`; timeouts are the caller's.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait ScriptRunner: MaybeSendSync + fmt::Debug {
    /// Runs `script` with `keys` and `args` and returns its reply.
    async fn run(&self, script: &Script, keys: &[String], args: &[String]) -> Result<Reply>;

    /// Whether [`run_blocking`](Self::run_blocking) works (default: no).
    fn can_block(&self) -> bool {
        false
    }

    /// Runs `script` synchronously, bounded by the runner's own timeouts;
    /// `None` when this runner cannot block (the default).
    fn run_blocking(
        &self,
        script: &Script,
        keys: &[String],
        args: &[String],
    ) -> Option<Result<Reply>> {
        let _ = (script, keys, args);
        None
    }
}
