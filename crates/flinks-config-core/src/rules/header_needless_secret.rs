#![doc = include_str!("../../../../docs/rules/FLK404.md")]

/// The rule descriptor.
pub static RULE: crate::Rule = rule!(
    "FLK404",
    "header-needless-secret",
    Warning,
    "LQ",
    "`flinks-auth-key` sent to a data endpoint"
);
