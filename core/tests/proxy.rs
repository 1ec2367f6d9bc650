#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! Proxies and the application name: an explicit proxy option, the
//! `HTTP_PROXY` / `NO_PROXY` variables, and `app_name` in the `User-Agent`.
//! A small forwarding proxy records each request line it relays. This file is
//! its own test process because it changes environment variables.

mod common;

use std::sync::{Arc, Mutex};

use common::*;
use sepay::userapi::v1::V1TransactionListParams;
use sepay::{BaseUrls, Client, ClientOptions};
use tokio::io::{copy_bidirectional, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A forward proxy for plain HTTP: records the first request line of each
/// connection, then relays bytes both ways to the host in its absolute URI.
async fn forward_proxy() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        loop {
            let (mut client, _) = listener.accept().await.unwrap();
            let log = log.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    if client.read(&mut byte).await.unwrap_or(0) == 0 {
                        return;
                    }
                    head.push(byte[0]);
                }
                let text = String::from_utf8_lossy(&head).into_owned();
                let line = text.lines().next().unwrap_or("").to_string();
                let agent = text
                    .lines()
                    .find(|l| l.to_ascii_lowercase().starts_with("user-agent:"))
                    .unwrap_or("")
                    .to_string();
                log.lock().unwrap().push(format!("{line} | {agent}"));
                // "GET http://127.0.0.1:PORT/path HTTP/1.1" → 127.0.0.1:PORT
                let target = line
                    .split_whitespace()
                    .nth(1)
                    .and_then(|u| u.strip_prefix("http://"))
                    .and_then(|u| u.split('/').next())
                    .unwrap_or("")
                    .to_string();
                let Ok(mut server) = TcpStream::connect(target).await else {
                    return;
                };
                if server.write_all(&head).await.is_ok() {
                    let _ = copy_bidirectional(&mut client, &mut server).await;
                }
            });
        }
    });
    (url, seen)
}

fn client_with(sb: &sepay_sandbox::SandboxHandle, options: ClientOptions) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_urls(BaseUrls::emulator(&sb.base_url()).unwrap())
        .options(options)
        .build()
        .unwrap()
}

#[tokio::test]
async fn explicit_proxy_environment_proxy_no_proxy_and_app_name() {
    let sb = sandbox(10).await;
    let (proxy, seen) = forward_proxy().await;
    let params = V1TransactionListParams::default();
    for var in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ] {
        std::env::remove_var(var);
    }

    // 1. The explicit option, with the application's name in the User-Agent.
    let c = client_with(
        &sb,
        ClientOptions {
            proxy: Some(proxy.clone()),
            app_name: Some("my-shop/2.1".into()),
            ..fast_options()
        },
    );
    assert_eq!(c.v1().transactions().list(&params).await.unwrap().len(), 10);
    let relayed = seen.lock().unwrap().clone();
    assert_eq!(relayed.len(), 1, "{relayed:?}");
    let expected = format!("GET {}/userapi/transactions/list", sb.base_url());
    assert!(relayed[0].starts_with(&expected), "{relayed:?}");
    assert!(
        relayed[0].ends_with(&format!(
            "sepay-sdk-rust/{} my-shop/2.1",
            env!("CARGO_PKG_VERSION")
        )),
        "{relayed:?}"
    );

    // 2. HTTP_PROXY from the environment (HTTPS_PROXY is the same for https URLs).
    std::env::set_var("HTTP_PROXY", &proxy);
    let c = client_with(&sb, fast_options());
    c.v1().transactions().list(&params).await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), 2);

    // 3. NO_PROXY exempts the host.
    std::env::set_var("NO_PROXY", "127.0.0.1");
    let c = client_with(&sb, fast_options());
    c.v1().transactions().list(&params).await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), 2, "NO_PROXY was not honoured");
    std::env::remove_var("HTTP_PROXY");
    std::env::remove_var("NO_PROXY");

    // 4. Bad values are configuration errors that do not repeat the URL.
    for bad in ["socks5://u:secret@h:1", "not a url", "ftp://h"] {
        let e = Client::builder()
            .token(TOKEN)
            .base_urls(BaseUrls::emulator(&sb.base_url()).unwrap())
            .options(ClientOptions {
                proxy: Some(bad.into()),
                ..fast_options()
            })
            .build()
            .unwrap_err();
        assert!(!e.to_string().contains("secret"), "{e}");
    }
    let e = ClientOptions {
        app_name: Some("a\nb".into()),
        ..fast_options()
    }
    .validate();
    assert!(e.is_err());
}
