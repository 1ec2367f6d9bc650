//! OAuth2 against the sandbox, the way a multi-tenant app uses it: send the
//! user to SePay's consent page, receive the `code` on the app's callback,
//! exchange it, then call the resource API while the client renews the access
//! token by itself and hands every new token pair to the app's store.
//!
//! `cargo run -p sepay-examples --bin oauth`

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::Query;
use axum::routing::get;
use axum::Router;
use sepay::oauth::{
    MemoryTokenStore, OAuthConfig, OAuthListParams, OAuthTokens, TokenStore, WebhookAuthType,
    WebhookEventType, WebhookParams,
};
use sepay::{BaseUrls, Client};
use tokio::sync::oneshot;

/// The app's token store: here memory plus a log line; in a real app, a
/// database row per SePay user, so tokens survive restarts.
#[derive(Debug, Default)]
struct AppTokenStore(MemoryTokenStore);

impl TokenStore for AppTokenStore {
    fn load(&self) -> sepay::Result<Option<OAuthTokens>> {
        self.0.load()
    }
    fn save(&self, tokens: &OAuthTokens) -> sepay::Result<()> {
        println!(
            "store: saved new tokens (expire at {:?})",
            tokens.expires_at
        );
        self.0.save(tokens)
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = sepay_sandbox::start(
        sepay_sandbox::SandboxConfig {
            transactions: 50,
            oauth_access_ttl: 2, // short, so the client renews during the run
            ..Default::default()
        },
        "127.0.0.1:0".parse()?,
    )
    .await?;

    // 1. The app's callback endpoint receives `code` and `state`.
    let (got_code, code) = oneshot::channel::<HashMap<String, String>>();
    let got_code = Arc::new(Mutex::new(Some(got_code)));
    let callback = get(
        move |Query(query): Query<HashMap<String, String>>| async move {
            #[allow(
                clippy::expect_used,
                reason = "only this handler locks it and cannot panic while holding it, so it is never poisoned"
            )]
            let sender = got_code.lock().expect("callback mutex poisoned").take();
            if let Some(tx) = sender {
                let _ = tx.send(query);
            }
            "Connected to SePay. You can close this window."
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let redirect_uri = format!("http://{}/callback", listener.local_addr()?);
    let app = Router::new().route("/callback", callback);
    tokio::spawn(async move { axum::serve(listener, app).await });

    let store = Arc::new(AppTokenStore::default());
    let config = OAuthConfig {
        client_id: "sandbox-client".into(),
        client_secret: "sandbox-client-secret".into(),
        redirect_uri,
    };
    let client = Client::builder()
        .base_urls(BaseUrls::emulator(&sandbox.base_url())?)
        .oauth(config, store.clone())
        .build()?;

    // 2. Send the user's browser to the consent page (the sandbox approves at
    //    once and redirects to the callback; a plain HTTP client plays the browser).
    let state = "csrf-7f3a";
    let url = client.oauth().authorization_url(
        &[
            "profile",
            "bank-account:read",
            "transaction:read",
            "webhook:write",
            "webhook:delete",
        ],
        state,
    )?;
    println!("authorize at {url}");
    reqwest::get(&url).await?.error_for_status()?;
    let query = code.await?;
    if query.get("state").map(String::as_str) != Some(state) {
        return Err("state mismatch: not our authorization request".into());
    }
    client.oauth().exchange_code(&query["code"]).await?;

    // 3. The resource API, across more than one access-token lifetime.
    let me = client.oauth().me().await?;
    println!(
        "connected as {} {}",
        me.first_name.unwrap_or_default(),
        me.last_name.unwrap_or_default()
    );
    let accounts = client
        .oauth()
        .bank_accounts()
        .list(&OAuthListParams::default())
        .await?;
    for a in &accounts.items {
        println!(
            "account {} {} balance {}",
            a.label, a.account_number, a.accumulated
        );
    }
    tokio::time::sleep(std::time::Duration::from_millis(2_500)).await; // the access token expires
    let mut transactions = client
        .oauth()
        .transactions()
        .iter(&OAuthListParams::default());
    let mut count = 0;
    while transactions.next().await?.is_some() {
        count += 1;
    }
    println!("{count} transactions");

    // 4. Register a webhook for the first account, then remove it.
    let account = accounts.items.first().ok_or("an account")?;
    let hook = client
        .oauth()
        .webhooks()
        .create(&WebhookParams {
            bank_account_id: Some(account.id.clone()),
            name: Some("shop".into()),
            event_type: Some(WebhookEventType::InOnly),
            authen_type: Some(WebhookAuthType::HmacSha256),
            webhook_url: Some("https://shop.example/sepay/webhook".into()),
            is_verify_payment: Some(true),
            active: Some(true),
            ..Default::default()
        })
        .await?;
    println!("webhook {} → {}", hook.id, hook.webhook_url);
    client.oauth().webhooks().delete(&hook.id).await?;
    assert!(store.load()?.is_some(), "the store holds the latest tokens");
    Ok(())
}
