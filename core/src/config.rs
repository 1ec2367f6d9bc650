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
    /// with explicit base URLs if your sandbox account uses others.
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
        #[allow(clippy::expect_used, reason = "constant, valid URLs")]
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

    /// Checks that every base URL (of every surface) is HTTPS, or plain HTTP
    /// on a loopback host.
    pub fn validate(&self) -> Result<()> {
        for url in [
            &self.user_api_v1,
            &self.user_api_v2,
            &self.pg_api,
            &self.pg_checkout,
            &self.oauth,
            &self.oauth_api,
            &self.bank_hub,
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
    if url.cannot_be_a_base() || url.host().is_none() {
        return Err(Error::config(format!("{url} is not an http(s) base URL")));
    }
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
    /// Most pages one walk (paginator) may fetch before it stops with
    /// `Error::Pagination`: the backstop against a server that never says
    /// "last page". Default 100,000.
    pub max_pages: u32,
    /// Your application's name and version (`my-shop/2.1`), appended to the
    /// `User-Agent` (native only).
    pub app_name: Option<String>,
    /// An explicit HTTP(S) proxy for every request (`http://proxy:3128`,
    /// credentials in the URL allowed); native only. Without it the
    /// `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` variables are honoured.
    pub proxy: Option<String>,
    /// Extra trusted root certificates, PEM text (one or more `BEGIN
    /// CERTIFICATE` blocks): a company proxy or gateway that re-signs TLS.
    /// Added to the built-in roots; native only.
    pub ca_bundle_pem: Option<String>,
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
            max_pages: 100_000,
            app_name: None,
            proxy: None,
            ca_bundle_pem: None,
        }
    }
}

/// Options for the calls made through one view of a client
/// ([`Client::with_options`](crate::client::Client::with_options)): each `None`
/// keeps the client's own value. The view shares the client's connections,
/// rate limit and tokens.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallOptions {
    /// Budget for one attempt (the client's `timeout`).
    pub timeout: Option<Duration>,
    /// Attempts in all, retries included (`retry.max_attempts`).
    pub max_attempts: Option<u32>,
    /// Budget for the whole call, waits and retries included (`retry.max_elapsed`).
    pub max_elapsed: Option<Duration>,
    /// Extra request headers (name, value), e.g. a correlation id. The
    /// headers the SDK owns (`Authorization`, `Content-Type`, `Host`,
    /// `Content-Length`, `User-Agent`) cannot be set here.
    pub headers: Vec<(String, String)>,
}

/// Headers the SDK writes itself; a call option may not replace them.
const OWN_HEADERS: [&str; 6] = [
    "authorization",
    "content-type",
    "content-length",
    "host",
    "user-agent",
    "transfer-encoding",
];

impl CallOptions {
    /// Checks the values like the client's own, and each header's name and value.
    pub fn validate(&self) -> Result<()> {
        let o = ClientOptions {
            timeout: self.timeout.unwrap_or(Duration::from_secs(1)),
            retry: RetryPolicy {
                max_attempts: self.max_attempts.unwrap_or(1),
                max_elapsed: self.max_elapsed.unwrap_or(Duration::from_secs(1)),
                ..RetryPolicy::default()
            },
            ..ClientOptions::default()
        };
        o.validate()?;
        for (name, value) in &self.headers {
            let token = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
            if !token {
                return Err(Error::config(format!(
                    "header name {name:?} is not a valid HTTP header name"
                )));
            }
            if OWN_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
                return Err(Error::config(format!(
                    "header {name:?} is set by the SDK and cannot be given per call"
                )));
            }
            if value.chars().any(|c| c.is_control() && c != '\t') {
                return Err(Error::config(format!(
                    "the value of header {name:?} must not contain control characters"
                )));
            }
        }
        Ok(())
    }

    /// These options over `base`: values set here win, headers are added
    /// (a header given again replaces the earlier value).
    pub fn over(&self, base: &CallOptions) -> CallOptions {
        let mut headers: Vec<(String, String)> = base
            .headers
            .iter()
            .filter(|(n, _)| !self.headers.iter().any(|(m, _)| m.eq_ignore_ascii_case(n)))
            .cloned()
            .collect();
        headers.extend(self.headers.iter().cloned());
        CallOptions {
            timeout: self.timeout.or(base.timeout),
            max_attempts: self.max_attempts.or(base.max_attempts),
            max_elapsed: self.max_elapsed.or(base.max_elapsed),
            headers,
        }
    }
}

/// Longest accepted timeout or time budget (one day): larger values are
/// mistakes (milliseconds given as seconds) and overflow timers.
pub const MAX_DURATION: Duration = Duration::from_secs(86_400);

impl ClientOptions {
    /// Reads `ca_bundle_pem` from a PEM file (the bindings take a path);
    /// an unreadable file is a `Configuration` error that names it.
    pub fn read_ca_bundle(&mut self, path: &str) -> Result<()> {
        let pem = std::fs::read_to_string(path)
            .map_err(|e| Error::config(format!("ca_bundle: cannot read {path:?}: {e}")))?;
        self.ca_bundle_pem = Some(pem);
        Ok(())
    }

    /// The `User-Agent` sent: `user_agent`, then `app_name` when given.
    pub fn full_user_agent(&self) -> String {
        match &self.app_name {
            Some(app) => format!("{} {app}", self.user_agent),
            None => self.user_agent.clone(),
        }
    }

    /// Checks every value: durations within (0, 1 day], a finite positive rate
    /// of at most 1,000 requests per second, 1 to 100 attempts, a body limit
    /// of 1 KiB to 4 GiB, at least one page per walk.
    pub fn validate(&self) -> Result<()> {
        let within = |name: &str, d: Duration, zero_ok: bool| {
            if (d.is_zero() && !zero_ok) || d > MAX_DURATION {
                Err(Error::config(format!(
                    "{name} must be {} and at most 1 day, got {d:?}",
                    if zero_ok { ">= 0" } else { "> 0" }
                )))
            } else {
                Ok(())
            }
        };
        within("timeout", self.timeout, false)?;
        within("connect_timeout", self.connect_timeout, false)?;
        within("retry.max_elapsed", self.retry.max_elapsed, false)?;
        within("retry.initial_backoff", self.retry.initial_backoff, true)?;
        within("retry.max_backoff", self.retry.max_backoff, true)?;
        check_rate(self.requests_per_second)?;
        if !(1..=100).contains(&self.retry.max_attempts) {
            return Err(Error::config(format!(
                "retry.max_attempts must be 1 to 100, got {}",
                self.retry.max_attempts
            )));
        }
        if !(1024..=4 << 30).contains(&(self.max_response_bytes as u64)) {
            return Err(Error::config(format!(
                "max_response_bytes must be 1 KiB to 4 GiB, got {}",
                self.max_response_bytes
            )));
        }
        if self.max_pages == 0 {
            return Err(Error::config("max_pages must be at least 1"));
        }
        if self.user_agent.chars().any(char::is_control) {
            return Err(Error::config(
                "user_agent must not contain control characters",
            ));
        }
        if let Some(app) = &self.app_name {
            if app.is_empty() || app.len() > 100 || app.chars().any(char::is_control) {
                return Err(Error::config(
                    "app_name must be 1 to 100 characters without control characters (e.g. \"my-shop/2.1\")",
                ));
            }
        }
        if let Some(proxy) = &self.proxy {
            let ok = Url::parse(proxy)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
            if ok.is_none() {
                // The URL may hold a password: never repeat it.
                return Err(Error::config(
                    "proxy must be an http:// or https:// URL with a host",
                ));
            }
        }
        Ok(())
    }
}

/// Checks a client-side rate: off, or a finite number of requests per second
/// from 0.001 (one every ~17 minutes) to 1,000.
pub fn check_rate(rate: Option<f64>) -> Result<()> {
    match rate {
        Some(r) if !(r.is_finite() && (0.001..=1000.0).contains(&r)) => Err(Error::config(
            format!("requests_per_second must be a number from 0.001 to 1000 (or off), got {r}"),
        )),
        _ => Ok(()),
    }
}

/// Seconds given as a float (from a binding) as a `Duration`, refusing NaN,
/// infinities, negatives and more than one day with a `ConfigurationError`.
pub fn seconds(name: &str, value: f64) -> Result<Duration> {
    Duration::try_from_secs_f64(value)
        .ok()
        .filter(|d| *d <= MAX_DURATION)
        .ok_or_else(|| {
            Error::config(format!(
                "{name} must be a number of seconds from 0 to 86400, got {value}"
            ))
        })
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
        assert!(parse_base("mailto:a@b").is_err());
    }

    #[test]
    fn every_surface_is_checked() {
        let mut urls = BaseUrls::for_environment(Environment::Live);
        urls.bank_hub = Url::parse("http://bankhub.example/v1").unwrap();
        assert!(urls.validate().is_err());
        let mut urls = BaseUrls::for_environment(Environment::Live);
        urls.oauth = Url::parse("file:///etc/passwd").unwrap();
        assert!(urls.validate().is_err());
        let mut urls = BaseUrls::for_environment(Environment::Live);
        urls.oauth_api = Url::parse("data:text/plain,x").unwrap();
        assert!(urls.validate().is_err());
    }

    #[test]
    fn absurd_options_are_refused() {
        let ok = ClientOptions::default();
        ok.validate().unwrap();
        for bad in [f64::NAN, f64::INFINITY, -1.0, 0.0, 1e9, 1e-30] {
            let o = ClientOptions {
                requests_per_second: Some(bad),
                ..ClientOptions::default()
            };
            assert!(o.validate().is_err(), "{bad}");
            assert!(
                seconds("timeout", bad).is_err() || (0.0..1.0).contains(&bad),
                "{bad}"
            );
        }
        let o = ClientOptions {
            timeout: Duration::ZERO,
            ..ClientOptions::default()
        };
        assert!(o.validate().is_err());
        let mut o = ClientOptions::default();
        o.retry.max_attempts = 0;
        assert!(o.validate().is_err());
        let o = ClientOptions {
            max_response_bytes: 0,
            ..ClientOptions::default()
        };
        assert!(o.validate().is_err());
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
