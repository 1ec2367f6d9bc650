//! Secrets (API tokens, client secrets, webhook keys) that never print and
//! are wiped from memory when dropped.

use std::fmt;

use zeroize::Zeroize;

/// A secret string. `Debug` and `Display` print a mask (no character of the
/// secret, not even its length); read the value with [`SecretString::expose`]
/// only where it is sent. The bytes are zeroized on drop.
#[derive(Clone, PartialEq, Eq, zeroize::ZeroizeOnDrop)]
pub struct SecretString(String);

impl Zeroize for SecretString {
    fn zeroize(&mut self) {
        self.0.zeroize();
    }
}

impl SecretString {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        SecretString(value.into())
    }

    /// The secret itself. Call this only to put it on the wire.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the secret is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when the secret is empty or only whitespace (never a usable credential).
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// The masked form used by `Debug` and `Display`: always `"****"`.
    pub fn masked(&self) -> String {
        "****".to_string()
    }
}

impl From<String> for SecretString {
    fn from(value: String) -> Self {
        SecretString(value)
    }
}

impl From<&str> for SecretString {
    fn from(value: &str) -> Self {
        SecretString(value.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for SecretString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <String as serde::Deserialize>::deserialize(d).map(SecretString)
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretString({})", self.masked())
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_the_secret() {
        let token = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz01";
        let s = SecretString::new(token);
        assert_eq!(format!("{s}"), "****");
        assert_eq!(format!("{s:?}"), "SecretString(****)");
        assert_eq!(SecretString::new("short").masked(), "****");
        assert_eq!(s.expose(), token);
    }
}
