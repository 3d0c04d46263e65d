#![doc = include_str!("../../../../docs/rules/FLK402.md")]

/// The rule descriptor.
pub static RULE: crate::Rule = rule!(
    "FLK402",
    "header-missing",
    Error,
    "LQ",
    "the header an endpoint requires is absent"
);
