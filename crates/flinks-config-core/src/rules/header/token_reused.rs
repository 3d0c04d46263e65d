#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK405.md"))]

rule!(
    "FLK405",
    "token-reused",
    Error,
    "Q",
    "one authorize token used twice"
);

/// FLK405: the diagnostic for a token already sent once (the library's
/// `TokenLedger` decides; only a hash of the token is ever kept).
///
/// ```
/// assert_eq!(flinks_config_core::rules::token_reused::diagnostic().code(), "FLK405");
/// ```
pub fn diagnostic() -> crate::Diagnostic {
    crate::Diagnostic::new(&RULE, "this authorize token was already sent to /Authorize")
        .with_help("authorize tokens are single-use: call /GenerateAuthorizeToken for a new one")
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_the_fix() {
        assert!(super::diagnostic()
            .help
            .unwrap()
            .contains("/GenerateAuthorizeToken"));
    }
}
