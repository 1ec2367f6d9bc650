//! A tiny HTTP server standing in for an integrator: it records every
//! request and answers with whatever the test's reply function decides.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::net::TcpListener;

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// Path without query.
    pub path: String,
    /// Headers.
    pub headers: HeaderMap,
    /// Raw body.
    pub body: Bytes,
    /// Arrival time.
    pub at: Instant,
}

impl Recorded {
    /// A header as a string ("" when missing).
    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    }
}

type ReplyFn = dyn Fn(&Recorded, usize) -> (u16, String) + Send + Sync;

/// A running receiver.
pub struct Receiver {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl Receiver {
    /// Every request so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    /// Requests to `path`.
    pub fn to(&self, path: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }
}

/// Starts a receiver; `reply(request, index among requests to the same path)`
/// gives the status and JSON body of each answer.
pub async fn receiver(
    reply: impl Fn(&Recorded, usize) -> (u16, String) + Send + Sync + 'static,
) -> Receiver {
    let requests: Arc<Mutex<Vec<Recorded>>> = Arc::default();
    let reply: Arc<ReplyFn> = Arc::new(reply);
    let log = requests.clone();
    let app = Router::new().fallback(move |req: Request| {
        let (log, reply) = (log.clone(), reply.clone());
        async move {
            let (parts, body) = req.into_parts();
            let body = axum::body::to_bytes(body, 1 << 20)
                .await
                .unwrap_or_default();
            let rec = Recorded {
                path: parts.uri.path().to_string(),
                headers: parts.headers,
                body,
                at: Instant::now(),
            };
            let n = {
                let mut l = log.lock().unwrap();
                let n = l.iter().filter(|r| r.path == rec.path).count();
                l.push(rec.clone());
                n
            };
            let (status, body) = reply(&rec, n);
            let mut resp: Response = body.into_response();
            *resp.status_mut() = StatusCode::from_u16(status).unwrap();
            resp.headers_mut()
                .insert("content-type", "application/json".parse().unwrap());
            resp
        }
    });
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Receiver { url, requests }
}

/// Polls `cond` every 10 ms for up to `secs` seconds.
pub async fn wait_until(secs: u64, mut cond: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + std::time::Duration::from_secs(secs);
    while Instant::now() < deadline {
        if cond() {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    cond()
}
