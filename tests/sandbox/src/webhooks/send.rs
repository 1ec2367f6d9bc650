//! Delivering user webhooks: one attempt per target and retry schedule, in
//! background tasks, every attempt recorded.

use std::sync::Arc;

use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use serde_json::Value;

use crate::server::state::AppState;
use crate::webhooks::auth::{access_token, forget_token, hmac_signature, unix_now};
use crate::webhooks::deliveries::{describe, DeliveryAttempt, Outcome};
use crate::webhooks::payload::{boundary, WebhookPayload};
use crate::webhooks::retry;
use crate::webhooks::target::{TargetEntry, WebhookAuth};

/// Whether SePay counts a reply as delivered: status 200 or 201 (exactly 201
/// in OAuth2 mode) and a JSON body with `"success": true`.
pub fn judge(auth: WebhookAuth, status: u16, body: &[u8]) -> Outcome {
    let status_ok = match auth {
        WebhookAuth::Oauth2 => status == 201,
        _ => status == 200 || status == 201,
    };
    let error = if !status_ok {
        Some(if auth == WebhookAuth::Oauth2 {
            format!("status {status} (OAuth2 mode requires 201)")
        } else {
            format!("status {status} (200 or 201 required)")
        })
    } else {
        let v: Option<Value> = serde_json::from_slice(body).ok();
        let success = v.as_ref().and_then(|v| v.get("success")?.as_bool());
        (success != Some(true)).then(|| "reply is not JSON with \"success\": true".to_string())
    };
    Outcome {
        status,
        success: error.is_none(),
        error,
    }
}

/// One POST of `payload` to `entry` in its auth mode and content type.
pub async fn attempt(
    http: &reqwest::Client,
    entry: &TargetEntry,
    payload: &WebhookPayload,
) -> Outcome {
    let t = &entry.target;
    let (content_type, body) = payload.encode(t.content_type, &boundary(payload.id));
    let mut req = http.post(&t.url).header(CONTENT_TYPE, content_type);
    match t.auth {
        WebhookAuth::None => {}
        WebhookAuth::ApiKey => {
            let key = t.api_key.as_deref().unwrap_or_default();
            req = req.header(AUTHORIZATION, format!("Apikey {key}"));
        }
        WebhookAuth::Hmac => {
            let ts = unix_now();
            let secret = t.secret.as_deref().unwrap_or_default();
            req = req
                .header("X-SePay-Timestamp", ts.to_string())
                .header("X-SePay-Signature", hmac_signature(secret, ts, &body));
        }
        WebhookAuth::Oauth2 => match access_token(http, entry).await {
            Ok(token) => req = req.header(AUTHORIZATION, format!("Bearer {token}")),
            Err(e) => return Outcome::no_response(e),
        },
    }
    let resp = match req.body(body).send().await {
        Ok(r) => r,
        Err(e) => return Outcome::no_response(describe(&e)),
    };
    let status = resp.status().as_u16();
    if status == 401 && t.auth == WebhookAuth::Oauth2 {
        forget_token(entry);
    }
    match resp.bytes().await {
        Ok(bytes) => judge(t.auth, status, &bytes),
        Err(e) => Outcome {
            status,
            success: false,
            error: Some(format!("reading the reply: {}", describe(&e))),
        },
    }
}

/// Delivers `payload` to every registered target in background tasks;
/// returns the ids of the targets.
pub fn deliver_all(app: &Arc<AppState>, payload: WebhookPayload) -> Vec<u64> {
    let payload = Arc::new(payload);
    let entries = app.webhooks().entries();
    for entry in &entries {
        let task = deliver_to(app.clone(), entry.clone(), payload.clone());
        app.spawn(task);
    }
    entries.iter().map(|e| e.id).collect()
}

async fn deliver_to(app: Arc<AppState>, entry: Arc<TargetEntry>, payload: Arc<WebhookPayload>) {
    let scale = app.time_scale;
    retry::run(scale, |n| {
        let (app, entry, payload) = (app.clone(), entry.clone(), payload.clone());
        async move {
            let at_ms = app.elapsed_ms();
            let o = attempt(&app.http, &entry, &payload).await;
            if o.success {
                app.dataset_mut().set_webhook_success(payload.id);
            }
            app.deliveries().push(DeliveryAttempt {
                target_id: entry.id,
                event_id: payload.id,
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_rules() {
        let ok = br#"{"success": true}"#;
        assert!(judge(WebhookAuth::None, 200, ok).success);
        assert!(judge(WebhookAuth::Hmac, 201, ok).success);
        assert!(!judge(WebhookAuth::Oauth2, 200, ok).success);
        assert!(judge(WebhookAuth::Oauth2, 201, ok).success);
        assert!(!judge(WebhookAuth::ApiKey, 204, b"").success);
        assert!(!judge(WebhookAuth::None, 200, br#"{"success":"true"}"#).success);
        assert!(!judge(WebhookAuth::None, 200, b"OK").success);
        let o = judge(WebhookAuth::None, 500, ok);
        assert_eq!((o.status, o.success), (500, false));
        assert!(o.error.unwrap().contains("500"));
    }
}
