//! Every compile error a macro gives (the committed trybuild `.stderr`) names
//! the same rule codes as the runtime validator (`ApiUrl::parse`,
//! `IframeUrl::parse`, `Instance::parse`, `CustomerId::parse`, `parse_for`)
//! for the same text. The macro crate's own unit test compares its pure
//! checking function with core; this one closes the loop through rustc.
#![cfg(feature = "macros")]

use flinks_config::{ApiUrl, CustomerId, Environment, IframeUrl, Instance, Report};
use flinks_config_core::Checker;
use std::fs;

/// The macro name, environment and literal value of a `tests/ui/fail` case.
fn call(source: &str) -> (String, Option<Environment>, String) {
    let after = source
        .split("flinks_config::")
        .nth(1)
        .expect("a macro call");
    let name = after[..after.find('!').unwrap()].to_string();
    let open = after.find('(').unwrap();
    let args = &after[open + 1..after.rfind(')').unwrap()];
    let environment = if args.starts_with("production,") {
        Some(Environment::Production)
    } else if args.starts_with("sandbox,") {
        Some(Environment::Sandbox)
    } else {
        None
    };
    let quoted = &args[args.find('"').unwrap() + 1..args.rfind('"').unwrap()];
    // The cases use no escape but `\n`.
    (name, environment, quoted.replace("\\n", "\n"))
}

fn runtime(name: &str, env: Option<Environment>, text: &str) -> Result<(), Report> {
    match (name, env) {
        ("api_url", None) => ApiUrl::parse(text).map(drop),
        ("api_url", Some(e)) => ApiUrl::parse_for(text, e).map(drop),
        ("iframe_url", None) => IframeUrl::parse(text).map(drop),
        ("iframe_url", Some(e)) => IframeUrl::parse_for(text, e).map(drop),
        ("instance", None) => Instance::parse(text).map(drop),
        ("customer_id", None) => CustomerId::parse(text).map(drop),
        other => panic!("no runtime parser for {other:?}"),
    }
}

/// `FLKnnn` codes at the start of the stderr's error messages, in order.
fn stderr_codes(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix("error: "))
        .filter_map(|msg| {
            let at = msg.find("FLK")?;
            Some(msg[at..at + 6].to_string())
        })
        .collect()
}

#[test]
fn compile_errors_match_runtime_codes() {
    let mut checked = 0;
    for entry in fs::read_dir("tests/ui/fail").unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        if !stem.starts_with("flk") || path.extension().unwrap() != "rs" {
            continue;
        }
        let source = fs::read_to_string(&path).unwrap();
        let stderr = fs::read_to_string(path.with_extension("stderr")).unwrap();
        let compile = stderr_codes(&stderr);
        assert!(
            compile.iter().any(|c| stem.starts_with(&c.to_lowercase())),
            "{stem}: its rule is not in {compile:?}"
        );
        if source.contains("deny(deprecated)") {
            continue; // a warning: the runtime accepts it (checked below)
        }
        let (name, env, text) = call(&source);
        let report = runtime(&name, env, &text).expect_err(&stem);
        let runtime: Vec<String> = report
            .diagnostics()
            .iter()
            .filter(|d| d.rule.checked_by(Checker::Macro))
            .map(|d| d.code().to_string())
            .collect();
        assert_eq!(compile, runtime, "{stem}");
        checked += 1;
    }
    assert!(checked >= 24, "only {checked} cases");
}

#[test]
fn warning_cases_pass_at_runtime_with_the_same_code() {
    for stem in [
        "flk106_query_string",
        "flk207_unknown_parameter",
        "flk208_iframe_version",
    ] {
        let source = fs::read_to_string(format!("tests/ui/fail/{stem}.rs")).unwrap();
        let (name, _, text) = call(&source);
        assert!(runtime(&name, None, &text).is_ok(), "{stem}");
        let kind = if name == "api_url" {
            flinks_config_core::UrlKind::Api
        } else {
            flinks_config_core::UrlKind::Iframe
        };
        let found =
            flinks_config_core::check_url(&text, kind, &flinks_config_core::UrlContext::runtime());
        let code = stem[..6].to_uppercase();
        assert!(found.iter().any(|d| d.code() == code), "{stem}");
    }
}
