//! Keeps the rule pages and the rule catalogue in step: every rule has a page,
//! every page has a rule, and each page's header says what the code says.
//!
//! The pages live in this crate (`docs/rules/`, so a published crate can
//! include them); the repository's `docs/rules/` holds a copy for readers.
//! `UPDATE_RULE_PAGES=1 cargo test -p flinks-config-core --test rule_pages`
//! rewrites that copy from the crate's pages.

use flinks_config_core::rules::ALL;
use std::collections::BTreeSet;
use std::path::Path;

/// The pages the crate compiles in: the source of truth.
fn docs() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules")
}

/// The repository's copy, for readers browsing `docs/`.
fn root_docs() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules")
}

/// The `FLK*.md` file names in `dir`, sorted.
fn page_names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with("FLK") && name.ends_with(".md"))
        .collect()
}

#[test]
fn the_root_copy_matches_the_crate_pages() {
    let (crate_dir, root_dir) = (docs(), root_docs());
    if !root_dir.exists() {
        // A packaged crate (`cargo package` verification) has no repository around it.
        return;
    }
    let update = std::env::var_os("UPDATE_RULE_PAGES").is_some_and(|v| v == "1");
    let (ours, copies) = (page_names(&crate_dir), page_names(&root_dir));
    let mut stale = Vec::new();
    for name in &ours {
        let page = std::fs::read_to_string(crate_dir.join(name)).unwrap();
        let copy = std::fs::read_to_string(root_dir.join(name)).ok();
        if copy.as_deref() != Some(page.as_str()) {
            if update {
                std::fs::write(root_dir.join(name), &page).unwrap();
            }
            stale.push(name.clone());
        }
    }
    for name in copies.difference(&ours) {
        if update {
            std::fs::remove_file(root_dir.join(name)).unwrap();
        }
        stale.push(format!("{name} (no such rule page)"));
    }
    assert!(
        update || stale.is_empty(),
        "docs/rules/ differs from crates/flinks-config-core/docs/rules/ for {stale:?}; \
         run `UPDATE_RULE_PAGES=1 cargo test -p flinks-config-core --test rule_pages`"
    );
}

#[test]
fn every_rule_has_a_page_and_every_page_a_rule() {
    let pages: BTreeSet<String> = page_names(&docs())
        .iter()
        .map(|name| name.trim_end_matches(".md").to_string())
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
    let Ok(index) = std::fs::read_to_string(root_docs().join("README.md")) else {
        return; // packaged crate: the index is the repository's
    };
    for rule in ALL {
        assert!(
            index.contains(&format!("[{}]({}.md)", rule.code, rule.code)),
            "docs/rules/README.md lacks {}",
            rule.code
        );
    }
}
