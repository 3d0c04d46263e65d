#![doc = include_str!("../../../../docs/rules/FLK406.md")]

rule!(
    "FLK406",
    "token-expired",
    Error,
    "Q",
    "an authorize token older than 30 minutes"
);
