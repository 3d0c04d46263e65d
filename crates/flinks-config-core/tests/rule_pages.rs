//! Keeps `docs/rules/` and the rule catalogue in step: every rule has a page,
//! every page has a rule, and each page's header says what the code says.

use flinks_config_core::rules::ALL;
use std::collections::BTreeSet;
use std::path::Path;

fn docs() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules")
}

#[test]
fn every_rule_has_a_page_and_every_page_a_rule() {
    let pages: BTreeSet<String> = std::fs::read_dir(docs())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".md")
                .filter(|n| n.starts_with("FLK"))
                .map(str::to_string)
        })
        .collect();
    let codes: BTreeSet<String> = ALL.iter().map(|r| r.code.to_string()).collect();
    let no_page: Vec<_> = codes.difference(&pages).collect();
    let no_rule: Vec<_> = pages.difference(&codes).collect();
    assert!(no_page.is_empty(), "rules without a page: {no_page:?}");
    assert!(no_rule.is_empty(), "pages without a rule: {no_rule:?}");
}

#[test]
fn each_page_header_matches_its_rule() {
    for rule in ALL {
        let page = std::fs::read_to_string(docs().join(format!("{}.md", rule.code))).unwrap();
        assert_eq!(
            page, rule.page,
            "{}: the compiled page is the file",
            rule.code
        );
        let mut lines = page.lines();
        assert_eq!(
            lines.next(),
            Some(format!("# {}: {}", rule.code, rule.name).as_str()),
            "{} title",
            rule.code
        );
        let meta = lines
            .find(|l| l.starts_with("**Severity:**"))
            .unwrap_or_default();
        let want = format!(
            "**Severity:** {} · **Checked by:** {}",
            rule.severity,
            rule.checkers.words()
        );
        assert_eq!(meta, want, "{} severity line", rule.code);
        for heading in [
            "## What it catches",
            "## Why it matters",
            "## Example",
            "### Bad",
            "### Good",
            "## Fix",
        ] {
            assert!(
                page.lines().any(|l| l == heading),
                "{} lacks `{heading}`",
                rule.code
            );
        }
        // Pages are compiled as doc comments: no untagged or Rust code blocks.
        let mut open = false;
        for line in page.lines().filter(|l| l.starts_with("```")) {
            if !open {
                let lang = line.trim_start_matches('`');
                assert!(
                    !lang.is_empty() && !lang.starts_with("rust"),
                    "{}: code block `{line}`",
                    rule.code
                );
            }
            open = !open;
        }
    }
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for rule in ALL {
        assert!(seen.insert(rule.code), "duplicate {}", rule.code);
        assert!(
            rule.code.len() == 6
                && rule.code.starts_with("FLK")
                && rule.code[3..].bytes().all(|b| b.is_ascii_digit())
        );
        assert!(
            rule.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{}",
            rule.name
        );
        assert!(!rule.summary.is_empty());
    }
}

#[test]
fn the_catalogue_table_lists_every_rule() {
    let index = std::fs::read_to_string(docs().join("README.md")).unwrap();
    for rule in ALL {
        assert!(
            index.contains(&format!("[{}]({}.md)", rule.code, rule.code)),
            "docs/rules/README.md lacks {}",
            rule.code
        );
    }
}
