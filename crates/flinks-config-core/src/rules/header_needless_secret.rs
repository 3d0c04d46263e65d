#![doc = include_str!("../../../../docs/rules/FLK404.md")]

rule!(
    "FLK404",
    "header-needless-secret",
    Warning,
    "LQ",
    "`flinks-auth-key` sent to a data endpoint"
);
