//! Keeps `docs/DESIGN.md` true: every path it names exists, and every rule
//! has what its "A new rule" list asks for (a file in a family folder, a
//! place in `ALL`, its page and the page's copy and index row, and, for a
//! rule the macros check, a compile-fail case that the runtime cross-check
//! replays).

use flinks_config_core::rules::ALL;
use flinks_config_core::Checker;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The backticked words of a Markdown text that name a repository path:
/// they hold a `/` and no placeholder (`<family>`, `FLKnnn`).
fn named_paths(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| w.contains('/') && !w.contains(' ') && !w.contains("::"))
        .filter(|w| !w.contains('<') && !w.contains("FLKnnn"))
        .filter(|w| w.starts_with("crates/") || w.starts_with("docs/") || w.starts_with("fuzz/"))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_path_the_design_page_names_exists() {
    let design = read("docs/DESIGN.md");
    let paths = named_paths(&design);
    assert!(
        paths.len() >= 15,
        "the page names only {} paths",
        paths.len()
    );
    let missing: Vec<&String> = paths.iter().filter(|p| !root().join(p).exists()).collect();
    assert!(
        missing.is_empty(),
        "docs/DESIGN.md names paths that do not exist: {missing:?}"
    );
}

#[test]
fn a_placeholder_path_is_not_checked_and_a_wrong_one_is_caught() {
    let text = "see `crates/<family>/x.rs`, `docs/rules/FLKnnn.md` and `crates/no/such.rs`";
    assert_eq!(named_paths(text), ["crates/no/such.rs"]);
    assert!(!root().join("crates/no/such.rs").exists());
}

/// Every `.rs` file below `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

#[test]
fn every_rule_has_what_the_design_page_asks_for() {
    let rules_dir = root().join("crates/flinks-config-core/src/rules");
    let rule_files: Vec<(PathBuf, String)> = sources(&rules_dir)
        .into_iter()
        .filter(|p| p.parent() != Some(rules_dir.as_path()))
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    let index = read("docs/rules/README.md");
    let ui_cases: Vec<String> = sources(&root().join("crates/flinks-config/tests/ui/fail"))
        .iter()
        .filter_map(|p| fs::read_to_string(p.with_extension("stderr")).ok())
        .collect();
    for rule in ALL {
        let code = rule.code;
        let declared = format!("\"{code}\"");
        let declares = |text: &str| {
            text.split("rule!(")
                .skip(1)
                .any(|after| after.trim_start().starts_with(&declared))
        };
        let homes: Vec<&PathBuf> = rule_files
            .iter()
            .filter(|(_, text)| declares(text))
            .map(|(p, _)| p)
            .collect();
        assert_eq!(
            homes.len(),
            1,
            "{code}: declared in a family folder once, found {homes:?}"
        );
        let page = format!("crates/flinks-config-core/docs/rules/{code}.md");
        assert!(root().join(&page).exists(), "{code}: no page at {page}");
        assert!(
            root().join(format!("docs/rules/{code}.md")).exists(),
            "{code}: no copy in docs/rules/"
        );
        assert!(
            index.contains(&format!("[{code}]({code}.md)")),
            "{code}: no row in docs/rules/README.md"
        );
        if rule.checked_by(Checker::Macro) {
            assert!(
                ui_cases.iter().any(|stderr| stderr.contains(code)),
                "{code} is checked by the macros but no tests/ui/fail case shows it"
            );
        }
    }
}
