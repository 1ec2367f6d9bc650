#![allow(clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking
//! A custom CA bundle: the sandbox behind an HTTPS front whose certificate a
//! throw-away CA signed. Without the bundle the call fails (unknown issuer);
//! with it the call succeeds; a bundle without certificates is refused.

mod common;

use std::sync::Arc;

use common::*;
use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
use sepay::userapi::v1::V1TransactionListParams;
use sepay::{BaseUrls, Client, ClientOptions, Error, RetryPolicy};
use tokio::io::copy_bidirectional;
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use tokio_rustls::TlsAcceptor;

/// A CA (its PEM) and an HTTPS front on 127.0.0.1 relaying to `backend`.
async fn https_front(backend: String) -> (String, String) {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
        .unwrap()
        .signed_by(&key, &ca_cert, &ca_key)
        .unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(leaf.der().to_vec())],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
        .unwrap();
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!(
        "https://127.0.0.1:{}",
        listener.local_addr().unwrap().port()
    );
    tokio::spawn(async move {
        loop {
            let (tcp, _) = listener.accept().await.unwrap();
            let (acceptor, backend) = (acceptor.clone(), backend.clone());
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let Ok(mut plain) = TcpStream::connect(backend).await else {
                    return;
                };
                let _ = copy_bidirectional(&mut tls, &mut plain).await;
            });
        }
    });
    (url, ca_cert.pem())
}

fn client_with(url: &str, ca: Option<String>) -> sepay::Result<Client> {
    let fast = fast_options();
    Client::builder()
        .token(TOKEN)
        .base_urls(BaseUrls::emulator(url)?)
        .options(ClientOptions {
            ca_bundle_pem: ca,
            retry: RetryPolicy {
                max_attempts: 1,
                ..fast.retry.clone()
            },
            ..fast
        })
        .build()
}

#[tokio::test]
async fn a_custom_ca_bundle_is_trusted_and_nothing_else_is() {
    let sb = sandbox(10).await;
    let backend = sb.base_url().trim_start_matches("http://").to_string();
    let (url, ca_pem) = https_front(backend).await;
    let params = V1TransactionListParams::default();

    let untrusted = client_with(&url, None).unwrap();
    let e = untrusted
        .v1()
        .transactions()
        .list(&params)
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Transport { .. }), "{e:?}");

    let trusted = client_with(&url, Some(ca_pem)).unwrap();
    assert_eq!(
        trusted
            .v1()
            .transactions()
            .list(&params)
            .await
            .unwrap()
            .len(),
        10
    );

    let e = client_with(&url, Some("not a certificate".into())).unwrap_err();
    assert!(e.to_string().contains("ca_bundle"), "{e}");
}
