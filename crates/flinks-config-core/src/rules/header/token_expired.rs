#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK406.md"))]

rule!(
    "FLK406",
    "token-expired",
    Error,
    "Q",
    "an authorize token older than 30 minutes"
);

/// The lifetime of an authorize token, in seconds.
///
/// ```
/// assert_eq!(flinks_config_core::rules::token_expired::LIFETIME_SECS, 1800);
/// ```
pub const LIFETIME_SECS: u64 = 30 * 60;

/// FLK406: fires when a token is `age_secs` old, past its 30 minutes.
///
/// ```
/// use flinks_config_core::rules::token_expired::check;
/// assert!(check(31 * 60).is_some());
/// assert!(check(29 * 60).is_none());
/// ```
pub fn check(age_secs: u64) -> Option<crate::Diagnostic> {
    (age_secs > LIFETIME_SECS).then(|| {
        crate::Diagnostic::new(
            &RULE,
            format!(
                "the authorize token is {} minutes old; tokens expire after 30",
                age_secs / 60
            ),
        )
        .with_help(
            "generate a fresh token, or call `.allow_expired()` if the server clock is what counts",
        )
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn fires_after_thirty_minutes_only() {
        assert_eq!(super::check(30 * 60 + 1).unwrap().code(), "FLK406");
        assert!(super::check(30 * 60).is_none());
    }
}
