#![doc = include_str!("../../../../docs/rules/FLK401.md")]

rule!(
    "FLK401",
    "header-wrong-name",
    Error,
    "LQ",
    "a wrong header name (`Authorization`, `Bearer`, `x-api-key`…) where `flinks-auth-key` is required, and the reverse"
);
