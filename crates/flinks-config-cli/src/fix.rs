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
    let Some(first) = lint_text(shown, &original, options, keep) else {
        out.left.push("does not parse: left untouched".to_string());
        return out;
    };
    let mut text = original.clone();
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
        if !out.left.contains(&line) {
            out.left.push(line);
        }
    }
    if text != original {
        out.fixed = first.len().saturating_sub(findings.len());
        out.diff = diff(shown, &original, &text);
        out.new_text = Some(text);
    }
    out
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
