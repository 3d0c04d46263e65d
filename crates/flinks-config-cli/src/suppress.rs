//! Suppression, by rule code only: inline comments and `flinks-config.toml`.

use flinks_config::load::tree::{Kind, Node};
use flinks_config::report::line_col;
use flinks_config_core::{Diagnostic, Severity, Source};
use globset::{Glob, GlobSet, GlobSetBuilder};

/// The marker of an inline suppression: `# flinks-config: allow FLK202, FLK201`.
const MARKER: &str = "flinks-config: allow";

/// Whether the line of the diagnostic, or the line above it, allows its code.
pub fn allowed_inline(d: &Diagnostic, text: &str) -> bool {
    let Some(span) = d.source_span() else {
        return false;
    };
    let (line, _) = line_col(text, span.start);
    let lines: Vec<&str> = text.lines().collect();
    [line.checked_sub(1), line.checked_sub(2)]
        .into_iter()
        .flatten()
        .filter_map(|i| lines.get(i))
        .any(|l| {
            codes_allowed(l)
                .iter()
                .any(|c| c.eq_ignore_ascii_case(d.code()))
        })
}

fn codes_allowed(line: &str) -> Vec<&str> {
    let Some(at) = line.find(MARKER) else {
        return Vec::new();
    };
    // A marker must sit in a comment (`#` or `//`) before it.
    let before = &line[..at];
    if !before.contains('#') && !before.contains("//") {
        return Vec::new();
    }
    line[at + MARKER.len()..]
        .split(|c: char| c == ',' || c.is_whitespace())
        // Bytes, not `w[..3]`: a word of other text may have a multi-byte
        // character across byte 3 (`naïve`), and slicing there panics.
        .filter(|w| w.len() == 6 && w.as_bytes()[..3].eq_ignore_ascii_case(b"FLK"))
        .collect()
}

/// The `[lint]` settings of `flinks-config.toml`.
#[derive(Default)]
pub struct LintConfig {
    allow: Vec<String>,
    deny: Vec<String>,
    overrides: Vec<(GlobSet, Vec<String>)>,
}

impl LintConfig {
    /// Reads `[lint]`: `allow = [codes]`, `deny = [codes]` (raised to errors),
    /// `[[lint.overrides]] paths = [globs], allow = [codes]`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let root = flinks_config::load::toml::parse(text).map_err(|e| e.message)?;
        let mut config = LintConfig::default();
        let Some(lint) = get(&root, "lint") else {
            return Ok(config);
        };
        config.allow = strings(get(lint, "allow"));
        config.deny = strings(get(lint, "deny"));
        if let Some(Node {
            kind: Kind::List(items),
            ..
        }) = get(lint, "overrides")
        {
            for item in items {
                let mut set = GlobSetBuilder::new();
                for glob in strings(get(item, "paths")) {
                    set.add(Glob::new(&glob).map_err(|e| format!("bad glob `{glob}`: {e}"))?);
                }
                let set = set.build().map_err(|e| e.to_string())?;
                config.overrides.push((set, strings(get(item, "allow"))));
            }
        }
        for code in config
            .allow
            .iter()
            .chain(&config.deny)
            .chain(config.overrides.iter().flat_map(|o| &o.1))
        {
            if flinks_config_core::rule_by_code(code).is_none() {
                return Err(format!("unknown rule code `{code}` in [lint]"));
            }
        }
        Ok(config)
    }

    /// Applies the settings: `None` drops the diagnostic.
    pub fn apply(&self, mut d: Diagnostic) -> Option<Diagnostic> {
        let code = d.code();
        let path = match d.location.as_ref().map(|l| &l.source) {
            Some(Source::File(path)) => Some(path.clone()),
            _ => None,
        };
        let by_path = path.as_deref().is_some_and(|p| {
            self.overrides.iter().any(|(set, allow)| {
                set.is_match(p) && allow.iter().any(|c| c.eq_ignore_ascii_case(code))
            })
        });
        if self.deny.iter().any(|c| c.eq_ignore_ascii_case(code)) {
            d.severity = Severity::Error;
            return Some(d);
        }
        if by_path || self.allow.iter().any(|c| c.eq_ignore_ascii_case(code)) {
            return None;
        }
        Some(d)
    }
}

fn get<'n>(node: &'n Node<'_>, key: &str) -> Option<&'n Node<'n>> {
    let Kind::Map(entries) = &node.kind else {
        return None;
    };
    entries.iter().find(|e| e.key == key).map(|e| &e.value)
}

fn strings(node: Option<&Node<'_>>) -> Vec<String> {
    match node.map(|n| &n.kind) {
        Some(Kind::List(items)) => items
            .iter()
            .filter_map(|i| match &i.kind {
                Kind::Text { value, .. } => Some(value.to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markers_need_a_comment() {
        assert_eq!(
            codes_allowed("x = 1 # flinks-config: allow FLK202, flk201"),
            ["FLK202", "flk201"]
        );
        assert!(codes_allowed("x = \"flinks-config: allow FLK202\"").is_empty());
    }

    #[test]
    fn other_words_after_the_marker_are_ignored_even_non_ascii() {
        // `naïve` is six bytes with `ï` across byte 3: this used to panic.
        assert_eq!(
            codes_allowed("# flinks-config: allow FLK202 naïve ééé"),
            ["FLK202"]
        );
    }

    #[test]
    fn config_rejects_unknown_codes() {
        assert!(LintConfig::parse("[lint]\nallow = [\"FLK999\"]\n").is_err());
        assert!(LintConfig::parse("[lint]\nallow = [\"FLK108\"]\n[[lint.overrides]]\npaths = [\"deploy/**\"]\nallow = [\"FLK501\"]\n").is_ok());
    }
}
