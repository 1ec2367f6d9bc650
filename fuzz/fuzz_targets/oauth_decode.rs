//! OAuth2 decoders: the token endpoint (code exchange and refresh), decoded
//! directly, and the resource API (`/me`, `/company`, bank accounts,
//! sub-accounts, transactions, webhooks), reached through a client whose
//! transport answers with the fuzz response.
//!
//! Input: `[operation][status][headers] body…` (see `sepay_fuzz::response`).
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use sepay::oauth::{OAuthConfig, OAuthListParams, TokenRequest, WebhookParams};
use sepay::operation::Surface;
use sepay_fuzz::{
    block_on, byte, check, check_rate_headers, client_for, decode_and_error, response,
};

fn config() -> OAuthConfig {
    OAuthConfig {
        client_id: "fuzz-client".into(),
        client_secret: "fuzz-client-secret".into(),
        redirect_uri: "https://shop.example/callback".into(),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let op = byte(&mut u);
    let r = response(&mut u);
    check_rate_headers(&r);
    match op % 13 {
        0 => decode_and_error(&TokenRequest::code(&config(), "fuzz-code"), &r),
        1 => decode_and_error(
            &TokenRequest::refresh(&config(), &"fuzz-refresh".into()),
            &r,
        ),
        n => {
            let client = client_for(Surface::OAuth2Api, r);
            let oauth = client.oauth();
            let params = OAuthListParams::default();
            let hook = WebhookParams::default();
            block_on(async {
                match n {
                    2 => check(&oauth.me().await),
                    3 => check(&oauth.company().await),
                    4 => check(&oauth.bank_accounts().list(&params).await),
                    5 => check(&oauth.bank_accounts().get("19").await),
                    6 => check(&oauth.bank_accounts().sub_accounts("19", &params).await),
                    7 => check(&oauth.transactions().list(&params).await),
                    8 => check(&oauth.webhooks().list(&params).await),
                    9 => check(&oauth.webhooks().get("23").await),
                    10 => check(&oauth.webhooks().create(&hook).await),
                    11 => check(&oauth.webhooks().update("23", &hook).await),
                    _ => check(&oauth.webhooks().delete("23").await),
                }
            });
        }
    }
});
