//! Credentials that expire: the token cache shared by the OAuth2 and Bank Hub
//! surfaces.

pub mod token;

pub use token::{expires_in, unix_now, AccessToken, TokenCache, TokenProvider};
