#![doc = include_str!("../../../../docs/rules/FLK405.md")]

rule!(
    "FLK405",
    "token-reused",
    Error,
    "Q",
    "one authorize token used twice"
);
