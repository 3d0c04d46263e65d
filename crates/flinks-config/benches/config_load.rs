//! Loading and checking a two-profile `flinks.toml`, against `toml::from_str`
//! of the same text into a plain struct (no checks), in the same run.
//! Run: `cargo bench -p flinks-config --bench config_load`.
//! The `scaled_*` pair loads the same settings from an application config
//! file 10 and 100 times larger (other sections around the Flinks ones).

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

/// An application config `times` times the size of `TEXT`: the same two
/// profiles under `[flinks.*]`, among unrelated sections.
fn app_config(times: usize) -> String {
    let mut text = TEXT
        .replace("[sandbox]", "[flinks.sandbox]")
        .replace("[production]", "[flinks.production]");
    let mut section = 0;
    while text.len() < TEXT.len() * times {
        text.push_str(&format!(
            "\n[service_{section}]\nname = \"worker-{section}\"\nurl = \"https://internal.example.com/{section}\"\nretries = {section}\ntimeout_ms = 2500\nfeatures = [\"a\", \"b\", \"c\"]\n"
        ));
        section += 1;
    }
    text
}

/// The baseline's view of the application config.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct PlainApp {
    flinks: Plain,
}

/// Baseline: the application config, 1, 10 and 100 times the size, into a
/// plain struct (the other sections are parsed and skipped).
#[divan::bench(args = [1, 10, 100])]
fn scaled_toml_from_str_plain(bencher: divan::Bencher, times: usize) {
    let text = app_config(times);
    bencher.bench(|| toml::from_str::<PlainApp>(divan::black_box(&text)).unwrap());
}

/// The same files through `FlinksConfig::from_toml_str`.
#[divan::bench(args = [1, 10, 100])]
fn scaled_flinks_config_load_and_check(bencher: divan::Bencher, times: usize) {
    let text = app_config(times);
    bencher.bench(|| FlinksConfig::from_toml_str(divan::black_box(&text), "app.toml").unwrap());
}

/// An `appsettings.json` of about `times` KB: the Flinks section among
/// other sections, with comments and a trailing comma (as .NET writes them).
fn app_json(times: usize) -> String {
    let mut text = String::from(
        "{\n  // settings for the Flinks integration\n  \"Flinks\": {\n    \"Environment\": \"sandbox\",\n    \"Instance\": \"toolbox\",\n    \"CustomerId\": \"43387ca6-0391-4c82-857d-70d95f087ecb\",\n    \"SecretKey\": \"c4569c54-e167-4d34-8de6-f4113bc82414\",\n    \"ApiKey\": \"3d5266a8-b697-48d4-8de6-52e2e2662acc\",\n  },\n",
    );
    let mut section = 0;
    while text.len() < 1024 * times {
        text.push_str(&format!(
            "  \"Service{section}\": {{ \"Name\": \"worker-{section}\", \"Url\": \"https://internal.example.com/{section}\", \"Retries\": {section}, \"Features\": [\"a\", \"b\\u00e9\"] }},\n"
        ));
        section += 1;
    }
    text.push_str("  \"End\": true\n}\n");
    text
}

/// JSON parsing only, the hand-written span-keeping parser (1 and 100 KB).
#[divan::bench(args = [1, 100])]
fn json_parse_hand_written(bencher: divan::Bencher, times: usize) {
    let text = app_json(times);
    bencher.bench(|| {
        flinks_config::__private::json::parse(divan::black_box(&text))
            .map(|node| node.span)
            .unwrap()
    });
}

/// The same text through `jsonc-parser`'s AST (ranges kept, comments off):
/// its parse alone, before any conversion into the library's tree.
#[divan::bench(args = [1, 100])]
fn json_parse_jsonc_parser_ast(bencher: divan::Bencher, times: usize) {
    let text = app_json(times);
    bencher.bench(|| {
        jsonc_parser::parse_to_ast(
            divan::black_box(&text),
            &jsonc_parser::CollectOptions::default(),
            &jsonc_parser::ParseOptions::default(),
        )
        .map(|r| r.value.is_some())
        .unwrap()
    });
}
