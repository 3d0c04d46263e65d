#![doc = include_str!("../../../../docs/rules/FLK405.md")]

/// The rule descriptor.
pub static RULE: crate::Rule = rule!(
    "FLK405",
    "token-reused",
    Error,
    "Q",
    "one authorize token used twice"
);
