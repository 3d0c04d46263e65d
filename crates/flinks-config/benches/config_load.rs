//! Loading and checking a two-profile `flinks.toml`, against `toml::from_str`
//! of the same text into a plain struct (no checks), in the same run.
//! Run: `cargo bench -p flinks-config --bench config_load`.

use flinks_config::FlinksConfig;

fn main() {
    divan::main();
}

const TEXT: &str = r#"
[sandbox]
instance    = "toolbox"
customer_id = "43387ca6-0391-4c82-857d-70d95f087ecb"
secret_key  = "c4569c54-e167-4d34-8de6-f4113bc82414"
api_key     = "3d5266a8-b697-48d4-8de6-52e2e2662acc"
api_url     = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/"
iframe_url  = "https://toolbox-iframe.private.fin.ag/v2/?demo=true&language=en"

[production]
instance    = "acme-ca"
customer_id = "7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b"
secret_key  = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
api_key     = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
api_url     = "https://acme-ca-api.private.fin.ag/v3/7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b/BankingServices/"
iframe_url  = "https://acme-ca-iframe.private.fin.ag/v2/?language=fr"
"#;

#[derive(serde::Deserialize)]
#[allow(dead_code)] // read only by the deserializer: the baseline does no checks
struct Plain {
    sandbox: PlainProfile,
    production: PlainProfile,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct PlainProfile {
    instance: String,
    customer_id: String,
    secret_key: String,
    api_key: String,
    api_url: String,
    iframe_url: String,
}

/// Baseline: TOML into plain strings, nothing checked.
#[divan::bench]
fn toml_from_str_plain() -> Plain {
    toml::from_str(divan::black_box(TEXT)).unwrap()
}

/// Spans kept, both profiles extracted, every rule run, values typed.
#[divan::bench]
fn flinks_config_load_and_check() -> FlinksConfig {
    FlinksConfig::from_toml_str(divan::black_box(TEXT), "flinks.toml").unwrap()
}
