//! Receiving money, end to end against the sandbox: a shop renders a VietQR
//! for an order, the payer pays (simulated by the sandbox), SePay posts a
//! signed webhook, the shop verifies it, replies, and finds the transaction
//! through the API.
//!
//! `cargo run -p sepay-examples --bin receive-payment`

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::routing::post;
use axum::Router;
use sepay::auth::unix_now;
use sepay::qr::VietQr;
use sepay::webhook::{WebhookAuth, WebhookReceiver, WebhookReply};
use sepay::{Amount, BaseUrls, Client};
use sepay_sandbox::simulate::SimulateTransaction;
use sepay_sandbox::webhook_target::{WebhookAuth as Mode, WebhookTarget};
use tokio::sync::mpsc;

const TOKEN: &str = "DEMO_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqr";
const WEBHOOK_SECRET: &str = "whsec_demo";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = sepay_sandbox::start(
        sepay_sandbox::SandboxConfig {
            token: TOKEN.into(),
            transactions: 100,
            ..Default::default()
        },
        "127.0.0.1:0".parse()?,
    )
    .await?;
    let client = Client::builder()
        .token(TOKEN)
        .base_urls(BaseUrls::emulator(&sandbox.base_url())?)
        .build()?;

    // 1. The shop's webhook endpoint: verify, parse, deduplicate, reply.
    let receiver = Arc::new(WebhookReceiver::new(WebhookAuth::hmac(WEBHOOK_SECRET))?);
    let (events, mut inbox) = mpsc::unbounded_channel();
    let hook = move |method: Method, headers: HeaderMap, body: Bytes| {
        let (receiver, events) = (receiver.clone(), events.clone());
        async move {
            let headers: Vec<(String, String)> = headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
                .collect();
            let reply = match receiver.receive(method.as_str(), &headers, &body, unix_now()) {
                // Handle a new event, then mark it done; on failure release it
                // so SePay's retry is processed (a duplicate or one in progress
                // gets `got.reply` as it is).
                Ok(got) if !got.duplicate => match events.send(got.event) {
                    Ok(()) => match receiver.complete(&got.key) {
                        Ok(()) => got.reply,
                        Err(e) => WebhookReceiver::error_reply(&e),
                    },
                    Err(_) => {
                        let _ = receiver.release(&got.key);
                        WebhookReply::retry_later()
                    }
                },
                Ok(got) => got.reply,
                Err(e) => {
                    eprintln!("rejected: {e}");
                    WebhookReceiver::error_reply(&e)
                }
            };
            (
                StatusCode::from_u16(reply.status).unwrap_or(StatusCode::OK),
                [("content-type", reply.content_type)],
                reply.body,
            )
        }
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let shop = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move {
        axum::serve(listener, Router::new().route("/sepay/webhook", post(hook))).await
    });
    sandbox.add_webhook(WebhookTarget {
        url: format!("{shop}/sepay/webhook"),
        auth: Mode::Hmac,
        secret: Some(WEBHOOK_SECRET.into()),
        ..Default::default()
    })?;

    // 2. An order and its VietQR (rendered offline from the EMVCo payload).
    let account = client
        .v2()
        .bank_accounts()
        .list(&Default::default())
        .await?
        .items
        .remove(0);
    let qr = VietQr {
        amount: Some(Amount::from_dong(250_000)),
        memo: Some("DH20260001".into()),
        ..VietQr::new(account.bank_bin.clone(), account.account_number.clone())
    };
    println!(
        "Order DH20260001: pay 250,000 VND to {} {}",
        account.bank_short_name, account.account_number
    );
    println!("VietQR payload: {}", qr.payload()?);

    // 3. The payer pays; SePay (the sandbox) posts the signed webhook.
    sandbox.simulate_transaction(SimulateTransaction {
        bank_account_id: Some(account.id.clone().into()),
        amount: 250_000,
        content: "NGUYEN VAN A chuyen tien DH20260001".into(),
        transfer_type: "in".into(),
        code: None,
        sub_account: None,
    })?;
    let event = tokio::time::timeout(Duration::from_secs(10), inbox.recv())
        .await?
        .ok_or("no webhook")?;
    println!(
        "Webhook verified: transaction {} of {} VND, code {:?}, at {}",
        event.id,
        event.transfer_amount,
        event.code,
        event.transaction_date.to_rfc3339()
    );

    // 4. Reconcile through the API, as SePay recommends.
    let tx = client.v1().transactions().get(&event.id).await?;
    println!(
        "API agrees: {} VND in, reference {:?}",
        tx.amount_in, tx.reference_number
    );
    Ok(())
}
