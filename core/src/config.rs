//! Where the client talks to and how: environments, base URLs per API surface,
//! timeouts, limits. Live and sandbox are separate values; nothing switches
//! between them silently.

use std::net::IpAddr;
use std::time::Duration;

use url::Url;

use crate::error::{Error, Result};
use crate::limit::RetryPolicy;

/// A SePay environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Environment {
    /// Production (`my.sepay.vn`, `userapi.sepay.vn`).
    Live,
    /// SePay's own sandbox. Hosts from sepay-api.md §1, UNVERIFIED: override them
    /// with [`BaseUrls`] if your sandbox account uses others.
    Sandbox,
}

/// Base URL of every API surface the client uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrls {
    /// User API v1, e.g. `https://my.sepay.vn/userapi`.
    pub user_api_v1: Url,
    /// User API v2, e.g. `https://userapi.sepay.vn/v2`.
    pub user_api_v2: Url,
    /// Payment gateway REST API, e.g. `https://pgapi.sepay.vn/v1`.
    pub pg_api: Url,
    /// Payment gateway hosted checkout, e.g. `https://pay.sepay.vn/v1`.
    pub pg_checkout: Url,
    /// OAuth2 authorize and token endpoints, e.g. `https://my.sepay.vn/oauth`.
    pub oauth: Url,
    /// OAuth2 resource API, e.g. `https://my.sepay.vn/api/v1`.
    pub oauth_api: Url,
    /// Bank Hub API, e.g. `https://bankhub-api.sepay.vn/v1`.
    pub bank_hub: Url,
}

impl BaseUrls {
    /// The documented base URLs of an environment.
    pub fn for_environment(environment: Environment) -> Self {
        let [v1, v2, pg_api, pg_checkout, oauth, oauth_api, bank_hub] = match environment {
            Environment::Live => [
                "https://my.sepay.vn/userapi",
                "https://userapi.sepay.vn/v2",
                "https://pgapi.sepay.vn/v1",
                "https://pay.sepay.vn/v1",
                "https://my.sepay.vn/oauth",
                "https://my.sepay.vn/api/v1",
                "https://bankhub-api.sepay.vn/v1",
            ],
            Environment::Sandbox => [
                "https://my.dev.sepay.vn/userapi",
                "https://userapi-sandbox.sepay.vn/v2",
                "https://pgapi-sandbox.sepay.vn/v1",
                "https://pay-sandbox.sepay.vn/v1",
                "https://my.dev.sepay.vn/oauth",
                "https://my.dev.sepay.vn/api/v1",
                "https://bankhub-api-sandbox.sepay.vn/v1",
            ],
        };
        let url = |u: &str| Url::parse(u).expect("static URL");
        BaseUrls {
            user_api_v1: url(v1),
            user_api_v2: url(v2),
            pg_api: url(pg_api),
            pg_checkout: url(pg_checkout),
            oauth: url(oauth),
            oauth_api: url(oauth_api),
            bank_hub: url(bank_hub),
        }
    }

    /// Every surface under one root, laid out like the `sepay-sandbox` emulator:
    /// `{root}/userapi`, `{root}/v2`, `{root}/pgapi/v1`, `{root}/pay/v1`,
    /// `{root}/oauth`, `{root}/api/v1` and `{root}/bankhub/v1`.
    pub fn emulator(root: &str) -> Result<Self> {
        let root = root.trim_end_matches('/');
        Ok(BaseUrls {
            user_api_v1: parse_base(&format!("{root}/userapi"))?,
            user_api_v2: parse_base(&format!("{root}/v2"))?,
            pg_api: parse_base(&format!("{root}/pgapi/v1"))?,
            pg_checkout: parse_base(&format!("{root}/pay/v1"))?,
            oauth: parse_base(&format!("{root}/oauth"))?,
            oauth_api: parse_base(&format!("{root}/api/v1"))?,
            bank_hub: parse_base(&format!("{root}/bankhub/v1"))?,
        })
    }

    /// The User API at explicit URLs (a proxy, say); the other surfaces keep
    /// the documented hosts of `environment`.
    pub fn user_api(environment: Environment, v1: &str, v2: &str) -> Result<Self> {
        Ok(BaseUrls {
            user_api_v1: parse_base(v1)?,
            user_api_v2: parse_base(v2)?,
            ..BaseUrls::for_environment(environment)
        })
    }

    /// Checks that every base URL is HTTPS, or plain HTTP on a loopback host.
    pub fn validate(&self) -> Result<()> {
        for url in [
            &self.user_api_v1,
            &self.user_api_v2,
            &self.pg_api,
            &self.pg_checkout,
        ] {
            require_secure(url)?;
        }
        Ok(())
    }
}

/// Parses a base URL and checks it (see [`BaseUrls::validate`]).
pub fn parse_base(text: &str) -> Result<Url> {
    let url =
        Url::parse(text).map_err(|e| Error::config(format!("invalid base URL {text:?}: {e}")))?;
    require_secure(&url)?;
    Ok(url)
}

fn require_secure(url: &Url) -> Result<()> {
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(url) => Ok(()),
        "http" => Err(Error::config(format!(
            "{url} uses plain HTTP; SePay credentials are only sent over HTTPS (HTTP is allowed for loopback hosts only)"
        ))),
        other => Err(Error::config(format!(
            "{url} has scheme {other:?}; expected https"
        ))),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

/// How the client behaves on the wire.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Budget for one attempt, from sending to the last byte of the body. Default 30 s.
    pub timeout: Duration,
    /// Budget for establishing a connection (native only). Default 10 s.
    pub connect_timeout: Duration,
    /// Client-side rate limit in requests per second, shared by all clones of the
    /// client; `None` turns it off. Default 3 (SePay's documented limit).
    pub requests_per_second: Option<f64>,
    /// Retry attempts and time budget.
    pub retry: RetryPolicy,
    /// Largest response body accepted. Default 64 MiB.
    pub max_response_bytes: usize,
    /// `User-Agent` header (native only; browsers and Node set their own).
    pub user_agent: String,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            requests_per_second: Some(3.0),
            retry: RetryPolicy::default(),
            max_response_bytes: 64 * 1024 * 1024,
            user_agent: concat!("sepay-sdk-rust/", env!("CARGO_PKG_VERSION")).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_required_except_loopback() {
        assert!(parse_base("https://userapi.sepay.vn/v2").is_ok());
        assert!(parse_base("http://127.0.0.1:8080/v2").is_ok());
        assert!(parse_base("http://localhost:1/v2").is_ok());
        assert!(parse_base("http://[::1]:1/v2").is_ok());
        let err = parse_base("http://userapi.sepay.vn/v2").unwrap_err();
        assert!(err.to_string().contains("plain HTTP"), "{err}");
        assert!(parse_base("ftp://x/").is_err());
    }

    #[test]
    fn environments_are_distinct() {
        let live = BaseUrls::for_environment(Environment::Live);
        let sandbox = BaseUrls::for_environment(Environment::Sandbox);
        assert_ne!(live, sandbox);
        assert_eq!(live.user_api_v1.as_str(), "https://my.sepay.vn/userapi");
        live.validate().unwrap();
        sandbox.validate().unwrap();
    }
}
