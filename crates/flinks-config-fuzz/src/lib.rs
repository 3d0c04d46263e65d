//! The bodies of the fuzz targets. Each takes arbitrary bytes, must never
//! panic, and asserts that a planted secret never reaches any output.
//! `fuzz/` runs them under libFuzzer; `tests/corpus.rs` replays the corpus
//! in plain `cargo test`.
#![forbid(unsafe_code)]

use flinks_config::__private::{check_text, Format};
use flinks_config::Report;
use flinks_config_core::{
    check_api_url, check_iframe_url, Checker, CredentialKind, KnownValue, UrlContext,
};

/// The planted secret: a valid GUID, so it passes shape checks and reaches
/// every rule.
pub const CANARY: &str = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";

/// The distinctive part searched for in outputs.
const NEEDLE: &str = "5ec2e7000001";

/// The input as text, unless it already carries the needle: libFuzzer learns
/// comparison operands, so it writes the needle itself, and an output
/// echoing the input's own text is no leak.
fn input(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data)
        .ok()
        .filter(|t| !t.to_ascii_lowercase().contains(NEEDLE))
}

fn assert_no_canary(what: &str, text: &str) {
    assert!(
        !text.contains(NEEDLE),
        "{what} leaked the planted secret:\n{text}"
    );
}

fn assert_report_clean(report: &Report) {
    assert_no_canary("report", &report.to_string());
    for d in report.diagnostics() {
        assert_no_canary("message", &d.message);
        assert_no_canary("help", d.help.as_deref().unwrap_or_default());
        assert_no_canary("snippet", d.snippet.as_deref().unwrap_or_default());
        let _ = report.render_diagnostic(d, true);
    }
}

/// The URL rules on arbitrary text, with the canary planted as a known
/// secret key and spliced into the text (as a token, a path segment…).
pub fn url(data: &[u8]) {
    let Some(text) = input(data) else {
        return;
    };
    let known = [KnownValue::new(CredentialKind::SecretKey, CANARY)];
    let with_canary = text.replacen('~', CANARY, 2);
    for candidate in [text, with_canary.as_str()] {
        for cx in [
            UrlContext::runtime(),
            UrlContext::macro_literal(),
            UrlContext::request(),
            UrlContext::linter(),
        ] {
            let cx = cx.with_known(&known, None);
            for found in [
                check_api_url(candidate, &cx),
                check_iframe_url(candidate, &cx),
            ] {
                for d in &found {
                    assert_no_canary("message", &d.message);
                    assert_no_canary("help", d.help.as_deref().unwrap_or_default());
                    assert_no_canary("snippet", d.snippet.as_deref().unwrap_or_default());
                }
            }
        }
    }
}

/// A loader on arbitrary text, with the canary added as the secret key.
fn document(data: &[u8], format: Format, path: &str, secret_line: &str) {
    let Some(text) = input(data) else {
        return;
    };
    let planted = format!("{secret_line}\n{}", text.replace('~', CANARY));
    // Without a configured secret nothing marks the canary as one.
    let planted = if secret_line.is_empty() {
        text.to_string()
    } else {
        planted
    };
    for candidate in [text, planted.as_str()] {
        for checker in [Checker::Runtime, Checker::Linter] {
            assert_report_clean(&check_text(candidate, path, format, checker));
        }
    }
}

/// The TOML loader and every profile rule.
pub fn toml(data: &[u8]) {
    document(
        data,
        Format::Toml,
        "flinks.toml",
        &format!("secret_key = \"{CANARY}\""),
    );
}

/// The JSON loader and every profile rule: the input is wrapped in an
/// object whose first section configures the canary as the secret key.
pub fn json(data: &[u8]) {
    let Some(text) = input(data) else {
        return;
    };
    let planted = format!(
        "{{\"Flinks\": {{\"SecretKey\": \"{CANARY}\"}}, \"App\": {}}}",
        text.replace('~', CANARY)
    );
    for candidate in [text, planted.as_str()] {
        for checker in [Checker::Runtime, Checker::Linter] {
            assert_report_clean(&check_text(
                candidate,
                "appsettings.Production.json",
                Format::Json,
                checker,
            ));
        }
    }
}

/// The `.env` loader and every profile rule.
pub fn dotenv(data: &[u8]) {
    document(
        data,
        Format::Dotenv,
        ".env.production",
        &format!("FLINKS_SECRET_KEY={CANARY}"),
    );
}

/// Startup loading from environment variables: `KEY=value` lines.
pub fn env_vars(data: &[u8]) {
    let Some(text) = input(data) else {
        return;
    };
    let text = text.replace('~', CANARY);
    let mut vars: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| {
            l.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect();
    vars.push(("FLINKS_SECRET_KEY".into(), CANARY.into()));
    if let Err(report) = flinks_config::FlinksConfig::from_env_vars(vars) {
        assert_report_clean(&report);
    }
}

/// The YAML loader (Kubernetes, docker-compose, Helm), profile extraction and
/// every profile rule, with the canary configured as `FLINKS_SECRET_KEY`.
pub fn yaml(data: &[u8]) {
    document(
        data,
        Format::Yaml,
        "values-prod.yaml",
        &format!("FLINKS_SECRET_KEY: \"{CANARY}\""),
    );
}

/// The header-map check on arbitrary `name: value` lines, for every endpoint,
/// with the canary known as the secret key and spliced into the values.
pub fn headers(data: &[u8]) {
    use flinks_config_core::{check_headers, ENDPOINTS};
    let Some(text) = input(data) else {
        return;
    };
    let planted = text.replace('~', CANARY);
    let headers: Vec<(&str, &str)> = planted
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim(), v.trim()))
        .collect();
    let known = [KnownValue::new(CredentialKind::SecretKey, CANARY)];
    for endpoint in ENDPOINTS {
        for d in check_headers(endpoint, &headers, &known) {
            assert_no_canary("message", &d.message);
            assert_no_canary("help", d.help.as_deref().unwrap_or_default());
            assert_no_canary("snippet", d.snippet.as_deref().unwrap_or_default());
            assert_no_canary("debug", &format!("{d:?}"));
        }
    }
}

/// The Flinks error decoder on arbitrary bodies: never a panic, and a
/// diagnosis for every endpoint.
pub fn error_body(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(error) = flinks_config::request::FlinksError::parse(text) {
        for endpoint in flinks_config_core::ENDPOINTS.iter().map(Some).chain([None]) {
            let diagnosis = error.diagnose(endpoint);
            let _ = format!("{diagnosis:?} {error:?}");
        }
    }
}

/// A directory of three files in three formats, as one linter run sees it:
/// the input split at `\0` bytes into a `.env`, a TOML and a JSON file; the
/// canary is the `.env`'s secret key, spliced into the other files where a
/// `~` stands and (for odd inputs) into the JSON file's path. Each file is
/// parsed alone; a file that does not parse gives up its secrets to the
/// lenient pass (`inline_secret_values`); every finding and shown line of
/// the run then goes through one `Redactor` of every file's secrets, as in
/// the linter. No panic, and the canary shows nowhere.
pub fn directory(data: &[u8]) {
    use flinks_config::__private::Document;
    use flinks_config_core::redact::{inline_secret_values, Redactor};
    use std::path::Path;
    let Some(text) = input(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\0');
    let env = format!("FLINKS_SECRET_KEY={CANARY}\n{}", parts.next().unwrap_or(""));
    let toml = parts.next().unwrap_or("").replacen('~', CANARY, 2);
    let json = parts.next().unwrap_or("").replacen('~', CANARY, 2);
    let json_path = if data.len() % 2 == 1 {
        format!("deploy/{CANARY}.json")
    } else {
        "appsettings.Production.json".to_string()
    };
    let files = [
        (".env.production".to_string(), env, Format::Dotenv),
        ("flinks.toml".to_string(), toml, Format::Toml),
        (json_path, json, Format::Json),
    ];
    let mut secrets: Vec<String> = Vec::new();
    let mut raw = Vec::new();
    let mut sources = Vec::new();
    for (path, text, format) in &files {
        let document = Document::parse(Path::new(path), text, *format);
        match document.error() {
            Some(error) => {
                raw.push(error.clone());
                secrets.extend(inline_secret_values(text).into_iter().map(str::to_string));
                sources.push(document.source_text(Vec::new()));
            }
            None => {
                let found = document.extract(Checker::Linter);
                secrets.extend(found.secret_values().into_iter().map(str::to_string));
                raw.extend(found.check(flinks_config_core::ProfileOptions::new(Checker::Linter)));
                sources.push(document.source_text(found.secret_spans()));
            }
        }
    }
    let values: Vec<&str> = secrets.iter().map(String::as_str).collect();
    let mut report = Report::redacted(Redactor::new(&values), raw);
    for source in sources {
        report.add_source(source);
    }
    report.sort();
    assert_report_clean(&report);
    for d in report.diagnostics() {
        let at = d.location.as_ref();
        assert_no_canary(
            "path",
            &at.map(|l| l.source.to_string()).unwrap_or_default(),
        );
        assert_no_canary("key", &at.map(|l| l.key_path.clone()).unwrap_or_default());
    }
}

/// The source scanner on arbitrary text, read as every language it knows
/// (by file name), with the canary bound to a secret key's name in that
/// language's own syntax and spliced into the text at each `~`.
pub fn source(data: &[u8]) {
    let c = CANARY;
    let files = [
        ("app.ts", format!("const secretKey = \"{c}\";")),
        ("src/components/Pay.jsx", format!("const apiKey = '{c}';")),
        (
            "index.html",
            format!("<script>const secretKey = \"{c}\";</script>"),
        ),
        ("client.py", format!("SECRET_KEY = \"{c}\"")),
        ("Client.cs", format!("const string SecretKey = @\"{c}\";")),
        ("Client.java", format!("String secretKey = \"{c}\";")),
        ("client.kt", format!("val secretKey = \"{c}\"")),
        ("client.rb", format!("SECRET_KEY = '{c}'")),
        ("client.php", format!("<?php $secretKey = '{c}';")),
        ("client.go", format!("const secretKey = `{c}`")),
        ("token.sh", format!("FLINKS_SECRET_KEY={c}")),
        ("Dockerfile", format!("ENV FLINKS_SECRET_KEY={c}")),
        ("README.md", format!("```sh\nFLINKS_SECRET_KEY={c}\n```")),
    ];
    for (path, secret_line) in files {
        let Some(format) = Format::from_path(std::path::Path::new(path)) else {
            panic!("{path} is a source file");
        };
        document(data, format, path, &secret_line);
    }
}

/// The README's Rust examples, compiled and run as doctests so they stay
/// true. Here, in an unpublished crate, because the README is outside the
/// published library crate (`cargo package` would not ship it).
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
