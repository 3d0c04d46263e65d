#![doc = include_str!("../../../../docs/rules/FLK403.md")]

rule!(
    "FLK403",
    "header-wrong-credential",
    Error,
    "LQ",
    "a known value of the wrong kind in a header (secret key on `/Authorize`, token on `/GenerateAuthorizeToken`)"
);
