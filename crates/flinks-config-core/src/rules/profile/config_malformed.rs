#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK510.md"))]

// The loaders report it (they own the file formats); it is catalogued here
// with the others.
rule!(
    "FLK510",
    "config-malformed",
    Error,
    "RL",
    "a config file that cannot be read or parsed, or a Flinks setting that is not a string"
);
