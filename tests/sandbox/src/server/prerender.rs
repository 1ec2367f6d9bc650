//! Pre-rendered pages for benchmarks (`--prerender`): an authorized `GET`
//! that succeeded is kept as the exact bytes sent, and the same request
//! (path, query, credentials) is answered from memory afterwards, so a
//! client benchmark measures the client rather than the sandbox rendering a
//! 1.8 MB page. Any request that may change state (not a `GET`) and any
//! write to the dataset empties the cache. Off by default.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use crate::common::respond::ApiResponse;

/// What identifies a cached answer: path, query and `Authorization`.
type Key = (String, String, String);

/// The cache of rendered answers; inert unless enabled.
#[derive(Debug, Default)]
pub struct Prerendered {
    enabled: bool,
    pages: Mutex<HashMap<Key, ApiResponse>>,
}

impl Prerendered {
    /// A cache that keeps answers when `enabled`.
    pub fn new(enabled: bool) -> Prerendered {
        Prerendered {
            enabled,
            pages: Mutex::default(),
        }
    }

    fn pages(&self) -> MutexGuard<'_, HashMap<Key, ApiResponse>> {
        self.pages.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The kept answer to `GET path?query` with `authorization`, if any.
    pub fn get(&self, path: &str, query: &str, authorization: &str) -> Option<ApiResponse> {
        if !self.enabled {
            return None;
        }
        let key = (
            path.to_string(),
            query.to_string(),
            authorization.to_string(),
        );
        self.pages().get(&key).cloned()
    }

    /// Keeps a successful answer to a `GET`.
    pub fn keep(&self, path: &str, query: &str, authorization: &str, resp: &ApiResponse) {
        if self.enabled && resp.status == 200 {
            let key = (
                path.to_string(),
                query.to_string(),
                authorization.to_string(),
            );
            self.pages().insert(key, resp.clone());
        }
    }

    /// Forgets every kept answer (state may have changed).
    pub fn clear(&self) {
        if self.enabled {
            self.pages().clear();
        }
    }
}
