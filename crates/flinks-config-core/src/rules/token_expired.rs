#![doc = include_str!("../../../../docs/rules/FLK406.md")]

/// The rule descriptor.
pub static RULE: crate::Rule = rule!(
    "FLK406",
    "token-expired",
    Error,
    "Q",
    "an authorize token older than 30 minutes"
);
