//! Bank Hub decoders, reached through a client whose transport answers with
//! the fuzz response: link tokens, companies, counters, bank accounts,
//! transactions, merchant config, webhook settings — and the client-credentials
//! token itself (operation 0: the same response first answers `POST /token`).
//!
//! Input: `[operation][status][headers] body…` (see `sepay_fuzz::response`).
#![no_main]

use std::sync::Arc;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use sepay::bank_hub::{BankHubListParams, CompanyEdit, LinkPurpose};
use sepay::operation::Surface;
use sepay::{Client, Environment};
use sepay_fuzz::{
    block_on, byte, check, check_rate_headers, client_for, options, response, without_rate_headers,
    Scripted,
};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let op = byte(&mut u) % 17;
    let r = response(&mut u);
    check_rate_headers(&r);
    if op == 0 {
        // The real token provider: the response answers the token request,
        // then (if it gave a token) the call itself.
        let r = without_rate_headers(r);
        let client = Client::builder()
            .environment(Environment::Live)
            .options(options())
            .bank_hub("fuzz-client", "fuzz-client-secret")
            .transport(Arc::new(Scripted::new(None, r)))
            .build()
            .expect("a valid fuzz client");
        block_on(async { check(&client.bank_hub().merchant_config().get().await) });
        return;
    }
    let client = client_for(Surface::BankHub, r);
    let hub = client.bank_hub();
    let params = BankHubListParams::default();
    let edit = CompanyEdit {
        full_name: Some("Cty Demo".into()),
        ..Default::default()
    };
    let events = vec!["*".to_string()];
    block_on(async {
        match op {
            1 => check(
                &hub.link_tokens()
                    .create("c1", LinkPurpose::LinkBankAccount, None, None)
                    .await,
            ),
            2 => check(&hub.link_tokens().get("lt1").await),
            3 => check(&hub.link_tokens().revoke("lt1").await),
            4 => check(&hub.companies().list(&params).await),
            5 => check(&hub.companies().get("c1").await),
            6 => check(&hub.companies().create("Cty Demo", "Active").await),
            7 => check(&hub.companies().edit("c1", &edit).await),
            8 => check(&hub.companies().counter("c1", Some("2024-01-01")).await),
            9 => check(&hub.bank_accounts().list(&params).await),
            10 => check(&hub.bank_accounts().get("b1").await),
            11 => check(&hub.transactions().list(&params).await),
            12 => check(&hub.transactions().get("t1").await),
            13 => check(&hub.merchant_config().get().await),
            14 => check(&hub.merchant_config().update(&events).await),
            15 => check(&hub.webhook().get().await),
            _ => check(
                &hub.webhook()
                    .set(
                        "https://shop.example/hook",
                        &"whsec_fuzz".into(),
                        &events,
                        true,
                    )
                    .await,
            ),
        }
    });
});
