//! Snapshots of the rendered report for each broken example: the exact text
//! a user sees at startup.

use flinks_config::FlinksConfig;
use std::path::Path;

/// The TOML examples (the linter's examples in other formats sit beside them).
fn toml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect()
}

#[test]
fn broken_examples_render_like_rustc() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/broken");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 7, "examples/broken holds the broken configs");
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let report =
            FlinksConfig::from_toml_str(&text, &format!("examples/broken/{name}")).unwrap_err();
        insta::assert_snapshot!(name.clone(), report.to_string());
    }
}

#[test]
fn every_runtime_rule_is_shown_by_the_examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/broken");
    let mut seen = std::collections::BTreeSet::new();
    for path in toml_files(&dir) {
        let text = std::fs::read_to_string(&path).unwrap();
        let report = FlinksConfig::from_toml_str(&text, "flinks.toml").unwrap_err();
        seen.extend(report.codes());
    }
    let runtime = flinks_config_core::rules::ALL
        .iter()
        .filter(|r| r.checked_by(flinks_config_core::Checker::Runtime))
        .map(|r| r.code);
    let missing: Vec<_> = runtime.filter(|c| !seen.contains(c)).collect();
    assert!(missing.is_empty(), "no broken example shows {missing:?}");
}

/// A tab and wide characters (CJK, emoji) before the bad span: the carets
/// stay under it, and the tab is laid out, not printed as `�`.
#[test]
fn tabs_and_wide_characters_keep_the_carets_aligned() {
    let text = "[sandbox]\n\tinstance = \"toolbox.api\"\napi_url = \"https://toolbox-api.private.fin.ag//v3/\"\niframe_url = \"https://toolbox-iframe.private.fin.ag/v2/?demo=true&tag=東京😀 x\"\n";
    let report = FlinksConfig::from_toml_str(text, "flinks.toml").unwrap_err();
    insta::assert_snapshot!(report.to_string());
}
