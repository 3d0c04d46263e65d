#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK511.md"))]

// The `.env` loader reports it (it owns the format and knows how each
// program reads a line); it is catalogued here with the others.
rule!(
    "FLK511",
    "dotenv-read-differently",
    Warning,
    "L",
    "a `.env` line that shells, docker compose and the dotenv libraries read as different values"
);
