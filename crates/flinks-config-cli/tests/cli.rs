//! The built binary on fixture trees: every format, profile source, output
//! format, exit code, suppression and baseline.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flinks-config"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn run(args: &[&str]) -> Output {
    run_in(&fixtures(), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json_codes(out: &Output) -> Vec<(String, String)> {
    let value: serde_json::Value = serde_json::from_str(&stdout(out)).expect("valid JSON");
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// A scratch copy of a fixture folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("flinks-config-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_format_is_read_and_each_mistake_found() {
    let out = run(&["lint", "formats", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let found = json_codes(&out);
    let has = |code: &str, path: &str| found.iter().any(|(c, p)| c == code && p.ends_with(path));
    assert!(has("FLK003", "formats/flinks.toml"), "{found:?}");
    assert!(
        has("FLK305", "formats/web/.env.production"),
        "browser-exposed API key: {found:?}"
    );
    assert!(
        has("FLK202", "dotnet/appsettings.Production.json"),
        "env from the file name: {found:?}"
    );
    assert!(has("FLK004", "k8s/configmap.yaml"), "{found:?}");
    assert!(
        has("FLK303", "k8s/secret.yaml"),
        "base64 Secret data decoded: {found:?}"
    );
    assert!(
        has("FLK506", "compose/docker-compose.yml"),
        "compose list form: {found:?}"
    );
    assert!(
        has("FLK210", "compose/docker-compose.yml"),
        "compose map form, FLINKS_ENVIRONMENT: {found:?}"
    );
    assert!(
        has("FLK502", "helm/values-prod.yaml"),
        "values-prod.yaml is production: {found:?}"
    );
    assert!(
        !found.iter().any(|(_, p)| p.ends_with("unrelated.json")),
        "a file without Flinks settings is skipped"
    );
}

#[test]
fn credentials_shared_across_files_are_found_whatever_the_formats() {
    // Sandbox `.env`, production JSON and production YAML; the API key of
    // the first two is the same, the third has its own.
    let dir = scratch("cross");
    let shared = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    std::fs::write(
        dir.join(".env.sandbox"),
        format!("FLINKS_INSTANCE=toolbox\nFLINKS_API_KEY={shared}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("appsettings.Production.json"),
        format!(r#"{{"Flinks": {{"Instance": "acme", "ApiKey": "{shared}"}}}}"#),
    )
    .unwrap();
    std::fs::write(
        dir.join("values-prod.yaml"),
        "flinks:\n  instance: acme\n  apiKey: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\n",
    )
    .unwrap();
    let out = run_in(&dir, &["lint", ".", "--format", "json"]);
    let found = json_codes(&out);
    let cross: Vec<_> = found.iter().filter(|(c, _)| c == "FLK504").collect();
    assert_eq!(
        cross,
        [&(
            "FLK504".to_string(),
            "appsettings.Production.json".to_string()
        )],
        "{found:?}"
    );
    // The finding names both files, and never the key.
    let text = stdout(&out);
    assert!(text.contains(".env.sandbox"), "{text}");
    assert!(!text.contains(shared), "{text}");
    // The human output shows the line with the key masked.
    let human = stdout(&run_in(&dir, &["lint", "."]));
    assert!(human.contains("error[FLK504]"), "{human}");
    assert!(!human.contains(shared), "{human}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_output_has_every_documented_field() {
    let out = run(&["lint", "formats/flinks.toml", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let d = &value["diagnostics"][0];
    for key in [
        "code",
        "name",
        "severity",
        "message",
        "help",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
    ] {
        assert!(!d[key].is_null(), "missing {key}: {d}");
    }
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(6), Some(46))
    );
    assert_eq!(value["summary"]["errors"].as_u64(), Some(1));
}

#[test]
fn sarif_declares_every_rule_and_references_them() {
    let out = run(&["lint", "formats", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), flinks_config_core_rules());
    for result in log["runs"][0]["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids[index], result["ruleId"].as_str().unwrap());
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(result["partialFingerprints"]["flinksConfig/v1"].is_string());
        let region = &result["locations"][0]["physicalLocation"]["region"];
        if !region.is_null() {
            assert!(region["startLine"].as_u64().unwrap() >= 1);
        }
    }
}

fn flinks_config_core_rules() -> usize {
    let out = run(&["rules"]);
    stdout(&out).lines().count()
}

#[test]
fn github_annotations_point_at_lines() {
    let out = run(&["lint", "formats/flinks.toml", "--format", "github"]);
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "::error title=FLK003 url-double-slash,file=formats/flinks.toml,line=6,col=46"
        ),
        "{text}"
    );
}

#[test]
fn exit_codes_are_never_mixed_up() {
    assert_eq!(run(&["lint", "clean"]).status.code(), Some(0));
    assert_eq!(run(&["lint", "formats"]).status.code(), Some(1));
    assert_eq!(
        run(&["lint", "warning"]).status.code(),
        Some(0),
        "warnings pass by default"
    );
    assert_eq!(
        run(&["lint", "warning", "--fail-on", "warning"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(&["lint", "unparsable"]).status.code(),
        Some(2),
        "only an unreadable file"
    );
    assert_eq!(
        run(&["lint", "unparsable", "formats"]).status.code(),
        Some(1),
        "findings win"
    );
    assert_eq!(run(&["lint", "no/such/path"]).status.code(), Some(2));
    assert_eq!(run(&["lint", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(run(&["explain", "FLK999"]).status.code(), Some(2));
    assert_eq!(run(&["--help"]).status.code(), Some(0));
}

#[test]
fn an_unparsable_file_is_reported_with_its_path() {
    let out = run(&["lint", "unparsable"]);
    let text = stdout(&out);
    assert!(text.contains("error[FLK510]: invalid TOML"), "{text}");
    assert!(text.contains("--> unparsable/flinks.toml:1:"), "{text}");
}

#[test]
fn gitignored_files_are_skipped() {
    let dir = scratch("ignore");
    std::fs::write(dir.join(".gitignore"), "ignored/\n").unwrap();
    std::fs::create_dir_all(dir.join("ignored")).unwrap();
    std::fs::write(
        dir.join("ignored/flinks.toml"),
        "[sandbox]\ninstance = \"toolbox.api\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("flinks.toml"),
        "[sandbox]\ninstance = \"toolbox\"\n",
    )
    .unwrap();
    assert_eq!(run_in(&dir, &["lint"]).status.code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn inline_comments_and_the_config_file_suppress_by_code() {
    let all = json_codes(&run(&[
        "lint",
        "suppress",
        "--format",
        "json",
        "--config",
        "/dev/null",
    ]));
    let codes: Vec<&str> = all.iter().map(|(c, _)| c.as_str()).collect();
    assert!(
        !codes.contains(&"FLK202") && !codes.contains(&"FLK003"),
        "inline allows: {codes:?}"
    );
    assert!(
        codes.contains(&"FLK509") && codes.contains(&"FLK502"),
        "{codes:?}"
    );
    let configured = json_codes(&run(&[
        "lint",
        "suppress",
        "--format",
        "json",
        "--config",
        "suppress-config.toml",
    ]));
    assert!(configured.is_empty(), "allow + a path glob: {configured:?}");
    let bad = run(&["lint", "suppress", "--config", "formats/flinks.toml"]);
    assert_eq!(
        bad.status.code(),
        Some(1),
        "a config without [lint] allows nothing"
    );
    let broken = run(&["lint", "suppress", "--config", "unparsable/flinks.toml"]);
    assert_eq!(
        broken.status.code(),
        Some(2),
        "a broken config file is a usage error"
    );
}

#[test]
fn a_baseline_accepts_old_findings_and_fails_new_ones() {
    let dir = scratch("baseline");
    let config = dir.join("flinks.toml");
    std::fs::write(&config, "[sandbox]\ninstance = \"toolbox.api\"\n").unwrap();
    let base = dir.join("baseline.json");
    let written = run_in(&dir, &["lint", "--write-baseline", base.to_str().unwrap()]);
    assert_eq!(written.status.code(), Some(0));
    assert_eq!(
        run_in(&dir, &["lint", "--baseline", base.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    std::fs::write(
        &config,
        "[sandbox]\ninstance = \"toolbox.api\"\n\n[production]\ninstance = \"toolbox\"\n",
    )
    .unwrap();
    let again = run_in(
        &dir,
        &[
            "lint",
            "--baseline",
            base.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        json_codes(&again)
            .iter()
            .map(|(c, _)| c.as_str())
            .collect::<Vec<_>>(),
        ["FLK502"]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn explain_prints_the_rule_page() {
    let out = run(&["explain", "flk003"]);
    assert_eq!(
        stdout(&out),
        flinks_config_core::rule_by_code("FLK003").unwrap().page
    );
    let list = stdout(&run(&["rules"]));
    assert!(list
        .lines()
        .any(|l| l.starts_with("FLK003  url-double-slash")));
}

#[test]
fn human_output_snapshot() {
    let out = run(&["lint", "formats", "--color", "never"]);
    insta::assert_snapshot!(stdout(&out));
}

/// One rule decides whether a TOML file without a `flinks` section holds
/// profiles (`load::Layout`): startup loading and the linter read the same
/// file the same way.
#[test]
fn startup_loading_and_the_linter_agree_on_toml_without_a_flinks_section() {
    let dir = scratch("layout");
    // Environment tables at the top of an application's config: profiles.
    let app = "[server]\nport = 8080\n\n[sandbox]\ninstance = \"toolbox.api\"\n";
    // No environment table, no `flinks` section: not a profile file.
    let cargo = "[package]\nname = \"flinks-demo\"\n\n[dependencies]\nserde = \"1\"\n";
    std::fs::write(dir.join("app.toml"), app).unwrap();
    std::fs::write(dir.join("Cargo.toml"), cargo).unwrap();

    let lint_codes = |file: &str| -> Vec<(String, u64)> {
        let out = run_in(&dir, &["lint", file, "--format", "json"]);
        let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        value["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let code = d["code"].as_str().unwrap().to_string();
                (code, d["line"].as_u64().unwrap_or(0))
            })
            .collect()
    };
    let linted = lint_codes("app.toml");
    let loaded = flinks_config::FlinksConfig::from_toml_str(app, "app.toml").unwrap_err();
    // The same profile is found, so the same value finding at the same line.
    assert!(linted.contains(&("FLK506".into(), 5)), "{linted:?}");
    assert!(loaded.codes().contains(&"FLK506"), "{loaded}");
    assert!(loaded.to_string().contains("--> app.toml:5:"), "{loaded}");
    // `[server]` is not a profile for either (no FLK507 unknown environment).
    assert!(!linted.iter().any(|(c, _)| c == "FLK507"), "{linted:?}");
    assert!(!loaded.codes().contains(&"FLK507"), "{loaded}");

    // Cargo.toml: nothing for the linter; no profile at all for startup.
    assert_eq!(lint_codes("Cargo.toml"), []);
    let loaded = flinks_config::FlinksConfig::from_toml_str(cargo, "Cargo.toml").unwrap_err();
    assert_eq!(loaded.codes(), ["FLK508"], "{loaded}");
    assert!(loaded.to_string().contains("no Flinks profile found"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A tab and wide characters (CJK, emoji) before the span: the carets stay
/// under it, and the tab is laid out, not printed as `�`.
#[test]
fn human_output_aligns_after_tabs_and_wide_characters() {
    let out = run(&["lint", "wide", "--color", "never"]);
    insta::assert_snapshot!(stdout(&out));
}

/// The linter's own settings are read strictly: a misspelt key or a string
/// where a list belongs is a usage error (exit 2) naming the file, the
/// line and column, and what is wrong.
#[test]
fn a_misspelt_or_mistyped_linter_setting_is_a_located_usage_error() {
    let dir = scratch("settings");
    std::fs::write(dir.join(".env.sandbox"), "FLINKS_INSTANCE=toolbox\n").unwrap();
    for (text, at, what) in [
        (
            "[lint]\nalow = [\"FLK509\"]\n",
            "2:1",
            "unknown field `alow`",
        ),
        ("[lint]\nallow = \"FLK509\"\n", "2:9", "invalid type"),
    ] {
        std::fs::write(dir.join("flinks-config.toml"), text).unwrap();
        let out = run_in(&dir, &["lint", "."]);
        let stderr = String::from_utf8(out.stderr.clone()).unwrap();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("error[FLK510]"), "{stderr}");
        assert!(stderr.contains(what), "{stderr}");
        assert!(
            stderr.contains(&format!("--> flinks-config.toml:{at}")),
            "{stderr}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
