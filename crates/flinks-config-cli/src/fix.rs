//! `lint --fix` and `--diff`: writes the machine-applicable fixes into the
//! file, byte for byte where the value stands and nowhere else.
//!
//! A fix replaces the bytes of a value written verbatim (the span the
//! loaders record; a value written with escapes has none, and is left).
//! Fixes are applied one value at a time, each kept only when the file,
//! linted again, has fewer findings and none it did not have: a fix that
//! would make a `.env` line read differently, or a value parse as another,
//! is not written. Rounds repeat until nothing applies, so a second run
//! changes nothing. The file is written to a temporary file in its folder
//! and renamed over it, permissions kept, and only when it still holds the
//! bytes that were read. Every line a diff shows is masked as a report's
//! lines are.

use flinks_config::__private::Document;
use flinks_config_core::redact::{LineSource, Redactor};
use flinks_config_core::{Checker, Diagnostic, ProfileOptions, Span};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What fixing one file did.
pub struct FileFix {
    /// The path as shown.
    pub shown: String,
    /// Findings the fixes removed.
    pub fixed: usize,
    /// Machine-applicable fixes not written, and why.
    pub left: Vec<String>,
    /// The unified diff (lines masked), empty when nothing changed.
    pub diff: String,
    /// The new text, when it differs from the file's.
    new_text: Option<String>,
    /// The bytes read, to check the file did not change since.
    original: Vec<u8>,
    path: PathBuf,
}

/// Which findings to fix: the ones the run keeps (not suppressed inline,
/// by the settings file or by a baseline).
pub type Keep<'k> = dyn Fn(&Diagnostic, &str) -> bool + Sync + 'k;

/// Most rounds of fixes on one file: each removes at least one finding.
const MAX_ROUNDS: usize = 100;

/// Computes the fixes of one file (nothing is written).
pub fn plan(path: &Path, shown: &str, options: ProfileOptions, keep: &Keep<'_>) -> FileFix {
    let mut out = FileFix {
        shown: shown.to_string(),
        fixed: 0,
        left: Vec::new(),
        diff: String::new(),
        new_text: None,
        original: Vec::new(),
        path: path.to_path_buf(),
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            out.left
                .push(format!("cannot be read ({e}): left untouched"));
            return out;
        }
    };
    out.original = bytes;
    let Ok(original) = std::str::from_utf8(&out.original) else {
        out.left.push("is not UTF-8: left untouched".to_string());
        return out;
    };
    let original = original.to_string();
    match plan_text(shown, &original, options, keep) {
        Some(fixed) => {
            out.fixed = fixed.fixed;
            out.left = fixed.left;
            if fixed.text != original {
                out.diff = diff(shown, &original, &fixed.text);
                out.new_text = Some(fixed.text);
            }
        }
        None => out.left.push("does not parse: left untouched".to_string()),
    }
    out
}

/// A text with its fixes applied.
struct Fixed {
    text: String,
    fixed: usize,
    left: Vec<String>,
}

/// The fixes of one text, or `None` when it does not parse.
fn plan_text(
    shown: &str,
    original: &str,
    options: ProfileOptions,
    keep: &Keep<'_>,
) -> Option<Fixed> {
    let first = lint_text(shown, original, options, keep)?;
    let mut text = original.to_string();
    let mut findings = first.clone();
    let mut refused: HashMap<String, String> = HashMap::new();
    for _ in 0..MAX_ROUNDS {
        let mut applied = false;
        for (span, value, key) in candidates(&findings, &mut refused) {
            let mut next = text.clone();
            next.replace_range(span.range(), &value);
            match lint_text(shown, &next, options, keep) {
                Some(after) if improves(&findings, &after) => {
                    text = next;
                    findings = after;
                    applied = true;
                    break;
                }
                Some(_) => {
                    refused.insert(
                        key,
                        "the fixed value would raise another finding: not written".to_string(),
                    );
                }
                None => {
                    refused.insert(
                        key,
                        "the fixed file would not parse: not written".to_string(),
                    );
                }
            }
        }
        if !applied {
            break;
        }
    }
    // Still-fixable values whose fix was refused, or which have no span.
    let mut left = Vec::new();
    for d in &findings {
        if d.applicable_fix().is_none() {
            continue;
        }
        let key = key_of(d);
        let why = refused.get(&key).cloned().unwrap_or_else(|| {
            "the value is not written verbatim (quotes with escapes, a folded scalar): not written"
                .to_string()
        });
        let line = format!("{} at `{key}`: {why}", d.code());
        if !left.contains(&line) {
            left.push(line);
        }
    }
    Some(Fixed {
        fixed: first.len().saturating_sub(findings.len()),
        text,
        left,
    })
}

impl FileFix {
    /// Whether there is something to write.
    pub fn changes(&self) -> bool {
        self.new_text.is_some()
    }

    /// Writes the fixed text: atomically (a temporary file in the same
    /// folder, renamed over the file), keeping its permissions, and only
    /// if the file still holds what was read.
    pub fn write(&self) -> Result<(), String> {
        let Some(text) = &self.new_text else {
            return Ok(());
        };
        // Through a symbolic link to the file it names: renaming over the
        // link would replace the link itself.
        let target = std::fs::canonicalize(&self.path).map_err(|e| e.to_string())?;
        let now = std::fs::read(&target).map_err(|e| e.to_string())?;
        if now != self.original {
            return Err("changed since it was read: left untouched".to_string());
        }
        let permissions = std::fs::metadata(&target)
            .map_err(|e| e.to_string())?
            .permissions();
        let folder = target.parent().unwrap_or(Path::new("."));
        let mut temp = tempfile::Builder::new()
            .prefix(".flinks-config-fix")
            .tempfile_in(folder)
            .map_err(|e| format!("cannot create a temporary file: {e}"))?;
        temp.write_all(text.as_bytes())
            .and_then(|()| temp.as_file().sync_all())
            .map_err(|e| format!("cannot write: {e}"))?;
        std::fs::set_permissions(temp.path(), permissions)
            .map_err(|e| format!("cannot keep the permissions: {e}"))?;
        temp.persist(&target)
            .map_err(|e| format!("cannot replace the file: {}", e.error))?;
        Ok(())
    }
}

/// The file's findings, as the run would keep them, or `None` when it does
/// not parse. Redacted: a fix a secret touched is no longer applicable.
fn lint_text(
    shown: &str,
    text: &str,
    options: ProfileOptions,
    keep: &Keep<'_>,
) -> Option<Vec<Diagnostic>> {
    let document = Document::parse_by_name(Path::new(shown), text);
    if document.error().is_some() {
        return None;
    }
    let found = document.extract(Checker::Linter);
    let redactor = Redactor::new(&found.secret_values());
    let diagnostics = redactor.redact(found.check(options)).into_inner();
    Some(diagnostics.into_iter().filter(|d| keep(d, text)).collect())
}

/// Where a finding's value stands, to name it.
fn key_of(d: &Diagnostic) -> String {
    d.location
        .as_ref()
        .map_or_else(String::new, |l| l.key_path.clone())
}

/// The values to fix, in file order: each value's span and its corrected
/// text. A value two findings would correct differently, or whose span
/// overlaps another's, is refused.
fn candidates(
    findings: &[Diagnostic],
    refused: &mut HashMap<String, String>,
) -> Vec<(Span, String, String)> {
    let mut out: Vec<(Span, String, String)> = Vec::new();
    for d in findings {
        let (Some(value), Some(location)) = (d.applicable_fix(), d.location.as_ref()) else {
            continue;
        };
        let key = key_of(d);
        if refused.contains_key(&key) {
            continue;
        }
        let Some(span) = location.span.filter(|_| !location.secret) else {
            continue;
        };
        match out.iter().position(|(s, _, _)| *s == span) {
            Some(i) if out[i].1 != value => {
                refused.insert(
                    key,
                    "two findings propose different values: not written".into(),
                );
                out.remove(i);
            }
            Some(_) => {}
            None => out.push((span, value.to_string(), key)),
        }
    }
    out.sort_by_key(|(s, _, _)| *s);
    let overlapping: Vec<usize> = (1..out.len())
        .filter(|&i| out[i - 1].0.end > out[i].0.start)
        .flat_map(|i| [i - 1, i])
        .collect();
    for &i in overlapping.iter().rev() {
        refused.insert(out[i].2.clone(), "overlapping fixes: not written".into());
    }
    out.into_iter()
        .enumerate()
        .filter(|(i, _)| !overlapping.contains(i))
        .map(|(_, c)| c)
        .collect()
}

/// Whether `after` is `before` less at least one finding, with none new
/// (compared by rule and key: a fix moves spans).
fn improves(before: &[Diagnostic], after: &[Diagnostic]) -> bool {
    if after.len() >= before.len() {
        return false;
    }
    let mut left: HashMap<(&str, String), usize> = HashMap::new();
    for d in before {
        *left.entry((d.code(), key_of(d))).or_default() += 1;
    }
    after.iter().all(|d| {
        left.get_mut(&(d.code(), key_of(d)))
            .is_some_and(|n| match n.checked_sub(1) {
                Some(rest) => {
                    *n = rest;
                    true
                }
                None => false,
            })
    })
}

/// A unified diff of the two texts, every line masked as a report's.
fn diff(shown: &str, old: &str, new: &str) -> String {
    let old = masked(shown, old);
    let new = masked(shown, new);
    similar::TextDiff::from_lines(&old, &new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{shown}"), &format!("b/{shown}"))
        .to_string()
}

/// `text` with every secret the file holds masked, byte for byte.
fn masked(shown: &str, text: &str) -> String {
    let document = Document::parse_by_name(Path::new(shown), text);
    let source = if document.error().is_some() {
        LineSource::Unparsed
    } else {
        LineSource::Parsed
    };
    let found = document.extract(Checker::Linter);
    let values = found.secret_values();
    let redactor = Redactor::new(&values);
    let mut spans = found.secret_spans();
    spans.extend(redactor.secret_spans(text));
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push_str(&redactor.mask_line(line, start, &spans, source));
        start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use flinks_config_core::Checker;
    use proptest::prelude::*;

    const SECRET: &str = "c4569c54-e167-4d34-8de6-f4113bc82414";

    fn options() -> ProfileOptions {
        ProfileOptions::new(Checker::Linter)
    }

    fn fix(shown: &str, text: &str) -> Fixed {
        plan_text(shown, text, options(), &|_, _| true).expect("parses")
    }

    fn fixable(shown: &str, text: &str) -> Vec<&'static str> {
        lint_text(shown, text, options(), &|_, _| true)
            .unwrap()
            .iter()
            .filter(|d| d.applicable_fix().is_some())
            .map(Diagnostic::code)
            .collect()
    }

    #[test]
    fn only_the_value_changes() {
        let text = "# c\n[sandbox]\ninstance = \"toolbox\" # i\napi_url = \"http://toolbox-api.private.fin.ag/v3/\" # keep\n";
        let fixed = fix("flinks.toml", text);
        assert_eq!(
            fixed.text,
            text.replace("\"http://", "\"https://"),
            "{:?}",
            fixed.left
        );
        assert_eq!(fixed.fixed, 1);
    }

    #[test]
    fn a_value_with_escapes_is_left_and_said_so() {
        let text = "[sandbox]\ninstance = \"toolbox\"\napi_url = \"http:\\u002F/toolbox-api.private.fin.ag/v3/\"\n";
        let fixed = fix("flinks.toml", text);
        assert_eq!(fixed.text, text);
        assert!(
            fixed
                .left
                .iter()
                .any(|l| l.contains("not written verbatim")),
            "{:?}",
            fixed.left
        );
    }

    #[test]
    fn a_url_holding_a_secret_gets_no_fix() {
        let text = format!(
            "[sandbox]\ninstance = \"toolbox\"\nsecret_key = \"{SECRET}\"\niframe_url = \"http://toolbox-iframe.private.fin.ag/v2/?Language=fr&x={SECRET}\"\n"
        );
        let fixed = fix("flinks.toml", &text);
        assert_eq!(fixed.text, text);
    }

    #[test]
    fn a_fix_that_makes_a_dotenv_line_read_differently_is_not_written() {
        // `&demo=true` unquoted: a shell would run `demo=true` as a command.
        let text = "FLINKS_ENVIRONMENT=sandbox\nFLINKS_INSTANCE=toolbox\nFLINKS_IFRAME_URL=https://toolbox-iframe.private.fin.ag/v2/?language=fr\n";
        let fixed = fix(".env", text);
        assert_eq!(fixed.text, text);
        assert!(
            fixed.left.iter().any(|l| l.contains("FLK201")),
            "{:?}",
            fixed.left
        );
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("flinks.toml");
        let text = "[sandbox]\ninstance = \"toolbox\"\napi_url = \"http://toolbox-api.private.fin.ag/v3/\"\n";
        std::fs::write(&path, text).unwrap();
        let plan = plan(&path, "flinks.toml", options(), &|_, _| true);
        assert!(plan.changes());
        std::fs::write(&path, format!("{text}# edited\n")).unwrap();
        assert!(plan.write().unwrap_err().contains("changed since"));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{text}# edited\n")
        );
    }

    /// One URL setting: its key and a value built from broken pieces.
    fn url_line() -> impl Strategy<Value = (&'static str, String)> {
        let api = (
            prop::sample::select(vec!["http", "https", "HTTP"]),
            prop::sample::select(vec![
                "toolbox-api.private.fin.ag",
                "toolbox.api.private.fin.ag",
                "toolbox_api.private.fin.ag",
            ]),
            prop::sample::select(vec!["/v3", "/v3/", "//v3", "//v3/", "/v3//"]),
            prop::sample::select(vec!["", " ", "  "]),
            prop::sample::select(vec!["", " ", "'"]),
        )
            .prop_map(|(s, h, p, before, after)| {
                ("api_url", format!("{before}{s}://{h}{p}{after}"))
            });
        let iframe = (
            prop::sample::select(vec!["http", "https"]),
            prop::sample::select(vec![
                "toolbox-iframe.private.fin.ag",
                "toolbox.iframe.private.fin.ag",
            ]),
            prop::sample::select(vec![
                "",
                "?language=fr",
                "?Language=fr",
                "?demo=true",
                "?LANGUAGE=fr&demo=true",
                "?language=fr&Theme=dark",
            ]),
            prop::sample::select(vec!["", " "]),
        )
            .prop_map(|(s, h, q, after)| ("iframe_url", format!("{s}://{h}/v2/{q}{after}")));
        prop_oneof![api, iframe]
    }

    fn document() -> impl Strategy<Value = String> {
        (
            prop::sample::select(vec!["sandbox", "production"]),
            prop::collection::vec(url_line(), 1..3),
            prop::sample::select(vec!["\n", "\r\n"]),
            prop::sample::select(vec!["", "# a comment\n", "other = 1\n"]),
        )
            .prop_map(|(env, urls, eol, filler)| {
                let instance = if env == "sandbox" { "toolbox" } else { "acme" };
                let mut text = format!("{filler}[{env}]{eol}instance = \"{instance}\"{eol}secret_key = \"{SECRET}\"{eol}");
                let mut seen = Vec::new();
                for (key, value) in urls {
                    if seen.contains(&key) {
                        continue;
                    }
                    seen.push(key);
                    let value = if env == "production" {
                        value.replace("toolbox", "acme")
                    } else {
                        value
                    };
                    text.push_str(&format!("{key} = \"{value}\"  # note{eol}"));
                }
                text
            })
    }

    /// The line with its quoted value cut out.
    fn around_value(line: &str) -> (String, String) {
        match (line.find('"'), line.rfind('"')) {
            (Some(a), Some(b)) if a < b => (line[..=a].to_string(), line[b..].to_string()),
            _ => (line.to_string(), String::new()),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn fixing_touches_only_values_converges_and_never_shows_a_secret(text in document()) {
            let fixed = fix("flinks.toml", &text);
            // Bytes outside the fixed values are unchanged.
            let old: Vec<&str> = text.split_inclusive('\n').collect();
            let new: Vec<&str> = fixed.text.split_inclusive('\n').collect();
            prop_assert_eq!(old.len(), new.len());
            for (a, b) in old.iter().zip(&new) {
                if a != b {
                    prop_assert!(a.contains("_url = "));
                    prop_assert_eq!(around_value(a), around_value(b));
                }
            }
            // Then no fixable finding is left, and a second run changes nothing.
            prop_assert_eq!(fixable("flinks.toml", &fixed.text), Vec::<&str>::new());
            prop_assert_eq!(&fix("flinks.toml", &fixed.text).text, &fixed.text);
            // No secret in the diff nor in what is said.
            let shown = diff("flinks.toml", &text, &fixed.text);
            prop_assert!(!shown.contains(&SECRET[..12]) && !shown.contains(&SECRET[24..]));
            prop_assert!(!fixed.left.concat().contains(&SECRET[..12]));
        }
    }
}
