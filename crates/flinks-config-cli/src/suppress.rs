//! Suppression, by rule code only: inline comments and `flinks-config.toml`.

use flinks_config::Report;
use flinks_config_core::{rules, Diagnostic, Location, Severity, Source, Span};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::HashMap;
use toml::Spanned;

/// The marker of an inline suppression: `# flinks-config: allow FLK202, FLK201`.
const MARKER: &str = "flinks-config: allow";

/// The codes allowed inline on each line of the run's files, read once
/// per line: a line of many findings is searched for the marker once, not
/// once per finding (that was quadratic on a long line).
#[derive(Default)]
pub struct InlineAllows<'r> {
    lines: HashMap<(&'r str, usize), Vec<&'r str>>,
}

impl<'r> InlineAllows<'r> {
    /// Whether the line of the diagnostic, or the line above it, allows its
    /// code: two lines looked up in the file's line index of `report`.
    pub fn allows(&mut self, d: &Diagnostic, path: &'r str, report: &'r Report) -> bool {
        let Some(span) = d.source_span() else {
            return false;
        };
        let Some((line, _)) = report.position(path, span.start) else {
            return false;
        };
        [Some(line), line.checked_sub(1)]
            .into_iter()
            .flatten()
            .any(|n| {
                self.lines
                    .entry((path, n))
                    .or_insert_with(|| {
                        report
                            .line_text(path, n)
                            .map(codes_allowed)
                            .unwrap_or_default()
                    })
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(d.code()))
            })
    }
}

/// Whether the diagnostic's line, or the line above it, in the file's
/// `text` allows its code: for one file at a time (`--fix` re-lints a file
/// on its own); a run uses [`InlineAllows`].
pub fn allowed_inline(d: &Diagnostic, text: &str) -> bool {
    let Some(span) = d.source_span() else {
        return false;
    };
    let at = span.start.min(text.len());
    let line = text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    let mut lines = text.lines().skip(line.saturating_sub(1));
    let above = if line > 0 { lines.next() } else { None };
    let own = lines.next();
    [own, above].into_iter().flatten().any(|l| {
        codes_allowed(l)
            .iter()
            .any(|c| c.eq_ignore_ascii_case(d.code()))
    })
}

fn codes_allowed(line: &str) -> Vec<&str> {
    let Some(at) = line.find(MARKER) else {
        return Vec::new();
    };
    // A marker must sit in a comment (`#`, `//`, `/*`, `<!--`) before it.
    let before = &line[..at];
    if !["#", "//", "/*", "<!--"].iter().any(|c| before.contains(c)) {
        return Vec::new();
    }
    line[at + MARKER.len()..]
        .split(|c: char| c == ',' || c.is_whitespace())
        // Bytes, not `w[..3]`: a word of other text may have a multi-byte
        // character across byte 3 (`naïve`), and slicing there panics.
        .filter(|w| w.len() == 6 && w.as_bytes()[..3].eq_ignore_ascii_case(b"FLK"))
        .collect()
}

/// The `[lint]` settings of `flinks-config.toml`, ready to apply.
#[derive(Debug, Default)]
pub struct LintConfig {
    allow: Vec<String>,
    deny: Vec<String>,
    overrides: Vec<(GlobSet, Vec<String>)>,
    /// The application's own names beside the Flinks settings, normalized
    /// (`FLINKS_MODE` → `flinksmode`): never unknown keys (FLK509).
    app_keys: Vec<String>,
}

/// The file as written. Other top-level tables are left alone (the `[lint]`
/// table may sit in a `flinks.toml`); inside `[lint]` every key is known, so
/// a misspelt one or a value of the wrong type is an error, not ignored.
#[derive(Deserialize)]
struct File {
    #[serde(default)]
    lint: Option<Lint>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lint {
    #[serde(default)]
    allow: Vec<Spanned<String>>,
    #[serde(default)]
    deny: Vec<Spanned<String>>,
    #[serde(default)]
    overrides: Vec<Override>,
    /// `app-keys = ["FLINKS_MODE"]`: names the application reads itself.
    #[serde(default, rename = "app-keys")]
    app_keys: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Override {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    allow: Vec<Spanned<String>>,
}

/// Why the linter's settings file cannot be used: a coded (FLK510),
/// located diagnostic naming the file.
pub type ConfigError = Box<Diagnostic>;

impl LintConfig {
    /// Reads `[lint]`: `allow = [codes]`, `deny = [codes]` (raised to errors),
    /// `[[lint.overrides]] paths = [globs], allow = [codes]`. `path` names
    /// the file in the error.
    pub fn parse(text: &str, path: &str) -> Result<Self, ConfigError> {
        let error = |message: String, span: Option<std::ops::Range<usize>>| {
            let mut at = Location::new(Source::File(path.to_string()), "lint");
            at.span = span.map(|r| Span::new(r.start, r.end.max(r.start + 1).min(text.len())));
            Box::new(
                Diagnostic::new(&rules::config_malformed::RULE, message)
                    .with_help("fix the linter's settings file; see `flinks-config lint --help`")
                    .with_location(at),
            )
        };
        let file: File = toml::from_str(text).map_err(|e| {
            error(
                format!("invalid linter settings: {}", e.message().trim_end()),
                e.span(),
            )
        })?;
        let Some(lint) = file.lint else {
            return Ok(LintConfig::default());
        };
        let codes = lint
            .allow
            .iter()
            .chain(&lint.deny)
            .chain(lint.overrides.iter().flat_map(|o| &o.allow));
        for code in codes {
            if flinks_config_core::rule_by_code(code.get_ref()).is_none() {
                let message = format!("unknown rule code `{}` in [lint]", code.get_ref());
                return Err(error(message, Some(code.span())));
            }
        }
        let mut overrides = Vec::new();
        for item in lint.overrides {
            let mut set = GlobSetBuilder::new();
            for glob in &item.paths {
                let parsed = Glob::new(glob.get_ref()).map_err(|e| {
                    error(
                        format!("bad glob `{}`: {e}", glob.get_ref()),
                        Some(glob.span()),
                    )
                })?;
                set.add(parsed);
            }
            let set = set.build().map_err(|e| error(e.to_string(), None))?;
            overrides.push((
                set,
                item.allow.into_iter().map(Spanned::into_inner).collect(),
            ));
        }
        let strings =
            |list: Vec<Spanned<String>>| list.into_iter().map(Spanned::into_inner).collect();
        Ok(LintConfig {
            allow: strings(lint.allow),
            deny: strings(lint.deny),
            overrides,
            app_keys: lint
                .app_keys
                .iter()
                .map(|k| flinks_config_core::normalize_key(k))
                .collect(),
        })
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
        if self.is_app_key(&d) {
            return None;
        }
        Some(d)
    }

    /// Whether `d` is an unknown key (FLK509) the settings name as the
    /// application's own: the last part of its key path, compared ignoring
    /// case and separators.
    fn is_app_key(&self, d: &Diagnostic) -> bool {
        if d.code() != rules::field_unknown::RULE.code || self.app_keys.is_empty() {
            return false;
        }
        let Some(location) = &d.location else {
            return false;
        };
        let key = location.key_path.rsplit('.').next().unwrap_or_default();
        let key = flinks_config_core::normalize_key(key);
        self.app_keys.contains(&key)
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
        let unknown = LintConfig::parse("[lint]\nallow = [\"FLK999\"]\n", "f.toml").unwrap_err();
        assert_eq!(unknown.code(), "FLK510");
        assert_eq!(unknown.source_span(), Some(Span::new(16, 24)));
        assert!(LintConfig::parse("[lint]\nallow = [\"FLK108\"]\n[[lint.overrides]]\npaths = [\"deploy/**\"]\nallow = [\"FLK501\"]\n", "f.toml").is_ok());
    }

    #[test]
    fn a_misspelt_key_is_an_error_at_its_place() {
        let text = "[lint]\nalow = [\"FLK509\"]\n";
        let error = LintConfig::parse(text, "flinks-config.toml").unwrap_err();
        assert_eq!(error.code(), "FLK510");
        assert!(
            error.message.contains("unknown field `alow`"),
            "{}",
            error.message
        );
        let span = error.source_span().unwrap();
        assert_eq!(&text[span.range()], "alow");
        let nested = "[[lint.overrides]]\npaths = [\"a/**\"]\nalow = [\"FLK509\"]\n";
        assert!(LintConfig::parse(nested, "f.toml").is_err());
    }

    #[test]
    fn a_string_where_a_list_belongs_is_an_error_at_its_place() {
        let text = "[lint]\nallow = \"FLK509\"\n";
        let error = LintConfig::parse(text, "flinks-config.toml").unwrap_err();
        assert_eq!(error.code(), "FLK510");
        assert!(error.message.contains("invalid type"), "{}", error.message);
        assert_eq!(&text[error.source_span().unwrap().range()], "\"FLK509\"");
    }

    #[test]
    fn app_keys_are_never_unknown() {
        let config = LintConfig::parse(
            "[lint]\napp-keys = [\"FLINKS_MODE\", \"flinks-api-user\"]\n",
            "f.toml",
        )
        .unwrap();
        let unknown = |key_path: &str| {
            Diagnostic::new(&rules::field_unknown::RULE, "unknown key")
                .with_location(Location::new(Source::File("f.env".into()), key_path))
        };
        assert!(config.apply(unknown("FLINKS_MODE")).is_none());
        assert!(config.apply(unknown("sandbox.FLINKS_API_USER")).is_none());
        assert!(config.apply(unknown("FLINKS_API_USR")).is_some());
        let other = Diagnostic::new(&rules::environment_unknown::RULE, "x")
            .with_location(Location::new(Source::File("f.env".into()), "FLINKS_MODE"));
        assert!(config.apply(other).is_some(), "only FLK509");
        assert!(LintConfig::parse("[lint]\napp-key = []\n", "f.toml").is_err());
    }

    #[test]
    fn other_tables_are_left_alone() {
        assert!(LintConfig::parse("[sandbox]\ninstance = \"toolbox\"\n", "flinks.toml").is_ok());
    }
}
