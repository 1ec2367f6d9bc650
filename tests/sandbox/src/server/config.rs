//! Sandbox configuration.

use serde::{Deserialize, Serialize};

use crate::server::faults::FaultConfig;

/// How v1 list endpoints order results when `since_id` is given.
///
/// Without `since_id` every mode returns the newest `limit` items, newest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum V1Order {
    /// Items with `id >= since_id`, ascending, the first `limit` of them.
    #[default]
    Asc,
    /// Items with `id >= since_id`, newest first, the first `limit` of them.
    Desc,
    /// The newest `limit` items with `id >= since_id`, returned in ascending order.
    NewestAsc,
    /// Like `Asc`, except that a page asked from past the first id leaves out
    /// its first item: correct first page, items skipped later (a server whose
    /// order changes during a walk).
    AscSkipping,
}

impl std::str::FromStr for V1Order {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "asc" => Ok(V1Order::Asc),
            "desc" => Ok(V1Order::Desc),
            "newest-asc" => Ok(V1Order::NewestAsc),
            "asc-skipping" => Ok(V1Order::AscSkipping),
            other => Err(format!(
                "unknown v1 order {other:?} (expected asc, desc, newest-asc or asc-skipping)"
            )),
        }
    }
}

/// Everything needed to start a sandbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SandboxConfig {
    /// API token accepted as `Authorization: Bearer <token>`.
    pub token: String,
    /// Number of transactions (default 1000).
    pub transactions: u64,
    /// Number of bank accounts (default 3).
    pub bank_accounts: u32,
    /// Seed of the dataset and of random faults (default 42).
    pub seed: u64,
    /// Requests per second for the whole server; `None` = off (default `Some(3.0)`).
    pub rate_limit: Option<f64>,
    /// Random fault probabilities (default: none).
    pub faults: FaultConfig,
    /// v1 `since_id` ordering (default [`V1Order::Asc`]).
    pub v1_order: V1Order,
    /// Request log entries kept (oldest dropped first; default 100 000).
    pub request_log_capacity: usize,
    /// Payment-gateway merchant id (default `"SP-TEST-SANDBOX"`).
    #[serde(default = "default_pg_merchant_id")]
    pub pg_merchant_id: String,
    /// Payment-gateway secret key (default `"spsk_test_sandbox"`): signs
    /// checkout forms and, with the merchant id, the order API's Basic auth.
    #[serde(default = "default_pg_secret_key")]
    pub pg_secret_key: String,
    /// Multiplies every wait of the webhook / IPN retry schedule (default
    /// 1.0; 0.001 turns a "minute" into 60 ms).
    #[serde(default = "default_time_scale")]
    pub webhook_time_scale: f64,
    /// OAuth2 apps allowed to authorize (default: one, [`OAuthClient::default`]).
    #[serde(default = "default_oauth_clients")]
    pub oauth_clients: Vec<OAuthClient>,
    /// Lifetime of OAuth2 access tokens in seconds (default 3600).
    #[serde(default = "default_oauth_access_ttl")]
    pub oauth_access_ttl: u64,
    /// The SePay user who authorizes every OAuth2 app (`GET /api/v1/me`).
    #[serde(default)]
    pub oauth_user: OAuthUser,
    /// Bank Hub client id (default `"sandbox-bankhub"`).
    #[serde(default = "default_bankhub_client_id")]
    pub bankhub_client_id: String,
    /// Bank Hub client secret (default `"sandbox-bankhub-secret"`).
    #[serde(default = "default_bankhub_client_secret")]
    pub bankhub_client_secret: String,
    /// Lifetime of Bank Hub access tokens in seconds (default 60000, like
    /// the docs' example `ttl`).
    #[serde(default = "default_bankhub_token_ttl")]
    pub bankhub_token_ttl: u64,
    /// Answer a repeated authorized `GET` from memory (benchmarks; default off).
    #[serde(default)]
    pub prerender: bool,
}

/// The credentials a client needs to reach every surface of a sandbox
/// (`GET /__sandbox/credentials`; the test kits build their clients from it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientCredentials {
    /// API token.
    pub token: String,
    /// Payment-gateway merchant id.
    pub pg_merchant_id: String,
    /// Payment-gateway secret key.
    pub pg_secret_key: String,
    /// The first OAuth2 app's client id (`None` without apps).
    pub oauth_client_id: Option<String>,
    /// Its client secret.
    pub oauth_client_secret: Option<String>,
    /// Its redirect URI.
    pub oauth_redirect_uri: Option<String>,
    /// Bank Hub client id.
    pub bank_hub_client_id: String,
    /// Bank Hub client secret.
    pub bank_hub_client_secret: String,
}

impl SandboxConfig {
    /// What a client needs to reach every surface of this sandbox.
    pub fn credentials(&self) -> ClientCredentials {
        let app = self.oauth_clients.first();
        ClientCredentials {
            token: self.token.clone(),
            pg_merchant_id: self.pg_merchant_id.clone(),
            pg_secret_key: self.pg_secret_key.clone(),
            oauth_client_id: app.map(|a| a.client_id.clone()),
            oauth_client_secret: app.map(|a| a.client_secret.clone()),
            oauth_redirect_uri: app.map(|a| a.redirect_uri.clone()),
            bank_hub_client_id: self.bankhub_client_id.clone(),
            bank_hub_client_secret: self.bankhub_client_secret.clone(),
        }
    }
}

/// An OAuth2 app registered with the sandbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OAuthClient {
    /// Client id.
    pub client_id: String,
    /// Client secret.
    pub client_secret: String,
    /// Registered redirect URI; any loopback `http(s)` URI is accepted too.
    pub redirect_uri: String,
}

impl Default for OAuthClient {
    /// `sandbox-client` / `sandbox-client-secret` / `http://127.0.0.1/callback`.
    fn default() -> Self {
        OAuthClient {
            client_id: "sandbox-client".to_string(),
            client_secret: "sandbox-client-secret".to_string(),
            redirect_uri: "http://127.0.0.1/callback".to_string(),
        }
    }
}

/// The SePay user behind every OAuth2 grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OAuthUser {
    /// User id (default 1234).
    pub id: u64,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Avatar URL, if any.
    pub avatar: Option<String>,
}

impl Default for OAuthUser {
    fn default() -> Self {
        OAuthUser {
            id: 1234,
            first_name: "Nguyễn".to_string(),
            last_name: "Văn A".to_string(),
            email: "nguyenvana@example.com".to_string(),
            phone: "0901234567".to_string(),
            avatar: None,
        }
    }
}

fn default_oauth_clients() -> Vec<OAuthClient> {
    vec![OAuthClient::default()]
}

fn default_oauth_access_ttl() -> u64 {
    3600
}

/// Default [`SandboxConfig::bankhub_client_id`].
pub const DEFAULT_BANKHUB_CLIENT_ID: &str = "sandbox-bankhub";
/// Default [`SandboxConfig::bankhub_client_secret`].
pub const DEFAULT_BANKHUB_CLIENT_SECRET: &str = "sandbox-bankhub-secret";

fn default_bankhub_client_id() -> String {
    DEFAULT_BANKHUB_CLIENT_ID.to_string()
}

fn default_bankhub_client_secret() -> String {
    DEFAULT_BANKHUB_CLIENT_SECRET.to_string()
}

fn default_bankhub_token_ttl() -> u64 {
    60_000
}

/// Default [`SandboxConfig::pg_merchant_id`].
pub const DEFAULT_PG_MERCHANT_ID: &str = "SP-TEST-SANDBOX";
/// Default [`SandboxConfig::pg_secret_key`].
pub const DEFAULT_PG_SECRET_KEY: &str = "spsk_test_sandbox";

fn default_pg_merchant_id() -> String {
    DEFAULT_PG_MERCHANT_ID.to_string()
}

fn default_pg_secret_key() -> String {
    DEFAULT_PG_SECRET_KEY.to_string()
}

fn default_time_scale() -> f64 {
    1.0
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            token: "sandbox-token".to_string(),
            transactions: 1000,
            bank_accounts: 3,
            seed: 42,
            rate_limit: Some(3.0),
            faults: FaultConfig::default(),
            v1_order: V1Order::Asc,
            request_log_capacity: 100_000,
            pg_merchant_id: default_pg_merchant_id(),
            pg_secret_key: default_pg_secret_key(),
            webhook_time_scale: default_time_scale(),
            oauth_clients: default_oauth_clients(),
            oauth_access_ttl: default_oauth_access_ttl(),
            oauth_user: OAuthUser::default(),
            bankhub_client_id: default_bankhub_client_id(),
            bankhub_client_secret: default_bankhub_client_secret(),
            bankhub_token_ttl: default_bankhub_token_ttl(),
            prerender: false,
        }
    }
}
