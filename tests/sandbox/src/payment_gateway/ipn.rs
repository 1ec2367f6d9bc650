//! Delivering PG IPNs: `POST` JSON with `X-Secret-Key`, success = HTTP 200,
//! retried on the user-webhook schedule (PG retries are UNVERIFIED).

use std::sync::Arc;

use axum::http::header::CONTENT_TYPE;

use crate::payment_gateway::model::IpnPayload;
use crate::payment_gateway::store::{IpnTarget, PgOrder};
use crate::server::state::AppState;
use crate::webhooks::auth::unix_now;
use crate::webhooks::deliveries::{describe, IpnAttempt, Outcome};
use crate::webhooks::retry;

/// One POST of `payload` to `target`.
pub async fn attempt(http: &reqwest::Client, target: &IpnTarget, payload: &IpnPayload) -> Outcome {
    #[allow(
        clippy::expect_used,
        reason = "JSON of sandbox models cannot fail: string map keys, infallible Serialize impls"
    )]
    let body = serde_json::to_vec(payload).expect("serialise IPN");
    let mut req = http
        .post(&target.url)
        .header(CONTENT_TYPE, "application/json")
        .body(body);
    if let Some(key) = target.secret_key.as_deref() {
        req = req.header("X-Secret-Key", key);
    }
    match req.send().await {
        Err(e) => Outcome::no_response(describe(&e)),
        Ok(resp) => {
            let status = resp.status().as_u16();
            let _ = resp.bytes().await;
            Outcome {
                status,
                success: status == 200,
                error: (status != 200).then(|| format!("status {status} (200 required)")),
            }
        }
    }
}

/// Sends the `kind` IPN about the order's last transaction in a background
/// task; false when no IPN target is configured.
pub fn notify(app: &Arc<AppState>, kind: &str, order: &PgOrder) -> bool {
    let Some(target) = app.pg().ipn.clone() else {
        return false;
    };
    let Some(txn) = order.transactions.last() else {
        return false;
    };
    let payload = Arc::new(IpnPayload::new(kind, order, txn, unix_now()));
    let (app2, target) = (app.clone(), Arc::new(target));
    app.spawn(async move {
        retry::run(app2.time_scale, |n| {
            let (app, target, payload) = (app2.clone(), target.clone(), payload.clone());
            async move {
                let at_ms = app.elapsed_ms();
                let o = attempt(&app.http, &target, &payload).await;
                app.ipn_deliveries().push(IpnAttempt {
                    order_invoice_number: payload.order.order_invoice_number.clone(),
                    notification_type: payload.notification_type.clone(),
                    attempt: n,
                    status: o.status,
                    success: o.success,
                    error: o.error,
                    at_ms,
                });
                o.success
            }
        })
        .await;
    });
    true
}
