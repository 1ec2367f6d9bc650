//! OAuth2: third-party apps acting for a SePay user. The authorization-code
//! flow, token refresh (before expiry and once on a 401, single-flight, rotation
//! honoured, tokens kept in a user-supplied store) and the resource API.

mod flow;
mod models;
mod resources;

pub use flow::{
    authorization_url, MemoryTokenStore, OAuthConfig, OAuthTokens, TokenRequest, TokenStore, SCOPES,
};
pub use models::*;
pub use resources::{OAuth, OAuthBankAccounts, OAuthListParams, OAuthTransactions, OAuthWebhooks};

use std::sync::Arc;
use std::time::Duration;

use crate::client::ClientBuilder;
use crate::operation::Surface;

/// Renew access tokens this long before they expire.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// What a client needs to act for one SePay user.
#[derive(Debug, Clone)]
pub struct OAuthSetup {
    /// The app's credentials.
    pub config: OAuthConfig,
    /// Where the user's tokens are kept.
    pub store: Arc<dyn TokenStore>,
    /// The newest tokens this process holds (shared with the refresher).
    pub(crate) held: Arc<flow::HeldTokens>,
}

impl ClientBuilder {
    /// Act for a SePay user through OAuth2: `config` are the app's credentials,
    /// `store` keeps the user's tokens (call `client.oauth().exchange_code()`
    /// once after the redirect; later runs load the tokens from the store).
    pub fn oauth(self, config: OAuthConfig, store: Arc<dyn TokenStore>) -> Self {
        let held = Arc::new(flow::HeldTokens::default());
        let blank = config.client_id.trim().is_empty() || config.client_secret.is_blank();
        let setup = OAuthSetup {
            config: config.clone(),
            store: store.clone(),
            held: held.clone(),
        };
        let builder = self.extension(setup).token_provider(
            Surface::OAuth2Api,
            Box::new(flow::OAuthProvider {
                config,
                store,
                held,
            }),
            REFRESH_MARGIN,
        );
        if blank {
            builder.refuse("the OAuth2 client id and client secret must not be empty")
        } else {
            builder
        }
    }
}
