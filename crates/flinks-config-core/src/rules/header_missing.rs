#![doc = include_str!("../../../../docs/rules/FLK402.md")]

rule!(
    "FLK402",
    "header-missing",
    Error,
    "LQ",
    "the header an endpoint requires is absent"
);
