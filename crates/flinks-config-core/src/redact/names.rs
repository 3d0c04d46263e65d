//! Which names say their value is a secret: one list for every masking.

use crate::text::{distance, percent_decode};

/// Whether a setting or parameter name says its value is a secret:
/// `secret_key`, `x-api-key`, `authorizeToken`, `password`, written in any
/// case or separator, percent-encoded (`authorize%54oken`), or
/// `authorizeToken` misspelt (`authorizeTokn`: FLK207 reports the name,
/// and the value is a token all the same). One list for every masking.
///
/// ```
/// use flinks_config_core::redact::names_a_secret;
/// assert!(names_a_secret("FLINKS_SECRET_KEY"));
/// assert!(names_a_secret("authorize%54oken"));
/// assert!(names_a_secret("authorizeTokn"));
/// assert!(!names_a_secret("institutionsLocation"));
/// ```
pub fn names_a_secret(name: &str) -> bool {
    let lower = percent_decode(name).to_lowercase();
    ["token", "key", "secret", "password", "auth"]
        .iter()
        .any(|w| lower.contains(w))
        || distance(&lower, "authorizetoken", 3) <= 3
}
