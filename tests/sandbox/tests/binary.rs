#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! The `sepay-sandbox` binary prints its base URL first and serves until killed.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

#[tokio::test]
async fn binary_prints_url_first_and_serves() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sepay-sandbox"))
        .args([
            "--addr",
            "127.0.0.1:0",
            "--token",
            "bin-token",
            "--transactions",
            "500",
            "--bank-accounts",
            "4",
            "--rate-limit",
            "0",
            "--v1-order",
            "newest-asc",
            "--pg-merchant-id",
            "SP-TEST-BIN",
            "--pg-secret-key",
            "spsk_bin",
            "--webhook-time-scale",
            "0.01",
            "--oauth-access-ttl",
            "7",
            "--bankhub-token-ttl",
            "9",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn sandbox binary");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let url = first.trim_end().to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{url:?}");
    assert!(!url.ends_with('/'));

    let c = reqwest::Client::new();
    let stats: serde_json::Value = c
        .get(format!("{url}/__sandbox/stats"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["transactions"], 500);
    assert_eq!(stats["bank_accounts"], 4);
    let v: serde_json::Value = c
        .get(format!(
            "{url}/userapi/transactions/list?since_id=100&limit=2"
        ))
        .bearer_auth("bin-token")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["transactions"][0]["id"], "499");
    assert_eq!(v["transactions"][1]["id"], "500");
    let pg = |user: &str, pass: &str| {
        c.get(format!("{url}/pgapi/v1/order"))
            .basic_auth(user, Some(pass))
            .send()
    };
    assert_eq!(pg("SP-TEST-BIN", "spsk_bin").await.unwrap().status(), 200);
    let default = pg("SP-TEST-SANDBOX", "spsk_test_sandbox").await.unwrap();
    assert_eq!(default.status(), 401);

    // Token lifetimes from the flags.
    let t: serde_json::Value = c
        .post(format!("{url}/bankhub/v1/token"))
        .basic_auth("sandbox-bankhub", Some("sandbox-bankhub-secret"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(t["ttl"], 9);
    let no_redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = no_redirect
        .get(format!(
            "{url}/oauth/authorize?response_type=code&client_id=sandbox-client&scope=profile&state=s"
        ))
        .send()
        .await
        .unwrap();
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let code = location
        .split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let t: serde_json::Value = c
        .post(format!("{url}/oauth/token"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("client_id", "sandbox-client"),
            ("client_secret", "sandbox-client-secret"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(t["expires_in"], 7);

    // SIGTERM ends it cleanly.
    let pid = child.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert_eq!(rest, "", "nothing else on stdout");
}

#[test]
fn binary_requires_token() {
    let out = Command::new(env!("CARGO_BIN_EXE_sepay-sandbox"))
        .output()
        .expect("run sandbox binary");
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
}
