//! One lint run. Each file is read, parsed and checked on its own, on the
//! walker's threads ([`file`]); its tree is dropped there, so a run holds
//! findings, not 10,000 trees. Then [`run`] adds the cross-file rule
//! (FLK504, sandbox and production side by side), re-parsing only the few
//! files whose credentials occur in more than one profile.

use crate::walk::par_map;
use flinks_config::__private::{
    is_settings_file_name, may_hold_settings, not_utf8, read_bytes_at_most, too_large, Document,
    Found,
};
use flinks_config::{__private::SourceText, Report};
use flinks_config_core::redact::inline_secret_values;
use flinks_config_core::redact::Redactor;
use flinks_config_core::{
    check_across_profiles, cross_profile_keys, Checker, Diagnostic, Field, ProfileOptions, Source,
    Span,
};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The result of a run.
pub struct Run {
    /// Every finding, with the text of each file for rendering.
    pub report: Report,
    /// Files read and parsed.
    pub files: usize,
    /// Files that could not be read or parsed.
    pub unreadable: usize,
}

/// What a run checks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Report missing required settings (FLK508).
    pub require_complete: bool,
}

impl Options {
    /// The profile rules' options for this run.
    pub fn profile_options(self) -> ProfileOptions {
        ProfileOptions::new(Checker::Linter).require_complete(self.require_complete)
    }
}

/// One file, linted on its own.
pub struct FileLint {
    /// The path as shown.
    shown: String,
    outcome: Outcome,
}

enum Outcome {
    /// Too big to be configuration, or never mentions Flinks: skipped silently.
    Skipped,
    /// Could not be read, is too large, or is not UTF-8 (with the secrets a
    /// lenient pass found in its text decoded lossily: masked everywhere).
    Unreadable {
        failure: Report,
        secret_values: Vec<String>,
    },
    /// Could not be parsed (with the secrets a lenient pass found).
    Malformed {
        error: Diagnostic,
        text: String,
        secret_values: Vec<String>,
    },
    /// Parsed and checked.
    Checked(Checked),
}

struct Checked {
    /// Findings of the file's own rules, raw: redacted by the run.
    diagnostics: Vec<Diagnostic>,
    /// The text, kept only when it may be shown or re-parsed.
    text: Option<String>,
    /// Where its secrets stand, to mask the lines shown.
    secrets: Vec<Span>,
    /// The cross-file keys of its profiles.
    keys: Vec<(Field, String)>,
    /// Its secret values, to mask in every other file's output too.
    secret_values: Vec<String>,
}

impl FileLint {
    /// The path as shown in findings.
    pub fn shown(&self) -> &str {
        &self.shown
    }
}

/// Reads, parses and checks one file (called on the walker's threads).
/// `named`: on the command line. A file named there or named as settings
/// ([`is_settings_file_name`]) that is too large or not UTF-8 is reported;
/// another such file is skipped quietly unless its text, decoded lossily,
/// may hold settings ([`may_hold_settings`], the library's one test).
pub fn file(path: &Path, named: bool, options: Options) -> FileLint {
    let shown = shown(path);
    let matters = named || is_settings_file_name(path);
    let outcome = match read_bytes_at_most(path, MAX_FILE) {
        Err(failure) => Outcome::Unreadable {
            failure,
            secret_values: Vec::new(),
        },
        Ok(None) if matters => Outcome::Unreadable {
            failure: too_large(path, MAX_FILE),
            secret_values: Vec::new(),
        },
        Ok(None) => Outcome::Skipped,
        Ok(Some(bytes)) => match String::from_utf8(bytes) {
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes());
                if matters || may_hold_settings(path, &text) {
                    Outcome::Unreadable {
                        failure: not_utf8(path, at),
                        secret_values: lenient_secrets(&text),
                    }
                } else {
                    Outcome::Skipped
                }
            }
            // Most files of a repository: not worth parsing.
            Ok(text) if !may_hold_settings(path, &text) => Outcome::Skipped,
            Ok(text) => {
                let document = Document::parse_by_name(Path::new(&shown), &text);
                match document.error() {
                    // A Helm or Jinja template is no YAML until rendered: not
                    // the user's mistake, and nothing to check in it yet.
                    Some(_) if is_template_source(&text) => Outcome::Skipped,
                    Some(error) => {
                        let error = error.clone();
                        drop(document); // it borrows the text
                        let secret_values = lenient_secrets(&text);
                        Outcome::Malformed {
                            error,
                            text,
                            secret_values,
                        }
                    }
                    None => {
                        let mut checked = check(&document.extract(Checker::Linter), &text, options);
                        drop(document); // it borrows the text
                        if checked.may_be_shown() {
                            checked.text = Some(text);
                        }
                        Outcome::Checked(checked)
                    }
                }
            }
        },
    };
    FileLint { shown, outcome }
}

/// The secrets of a text that did not parse or decode: the values after
/// secret-like names, in any format (nothing else says which are secrets).
fn lenient_secrets(text: &str) -> Vec<String> {
    inline_secret_values(text)
        .into_iter()
        .map(|v| v.trim_matches(['"', '\'']).to_string())
        .filter(|v| v.len() >= 4)
        .collect()
}

/// Whether text that did not parse is a template of a config file (`{{ }}`
/// of Helm and Go templates, `{% %}` of Jinja), rendered at deploy time.
fn is_template_source(text: &str) -> bool {
    text.contains("{{") && text.contains("}}") || text.contains("{%") && text.contains("%}")
}

/// The file's own rules, on every profile it holds.
fn check(found: &Found<'_>, text: &str, options: Options) -> Checked {
    // The file's own secrets, searched whole in its findings and its text:
    // a key that is no GUID (a password pasted as the secret key) has no
    // fragments for the run's redactor to find.
    let values = found.secret_values();
    let own = Redactor::new(&values);
    let mut checked = Checked {
        diagnostics: own
            .redact(found.check(options.profile_options()))
            .into_inner(),
        text: None,
        secrets: Vec::new(),
        keys: found.profiles.iter().flat_map(cross_profile_keys).collect(),
        secret_values: found
            .secret_values()
            .into_iter()
            .map(str::to_string)
            .collect(),
    };
    if checked.may_be_shown() {
        checked.secrets = found.secret_spans();
        checked.secrets.extend(own.secret_spans(text));
    }
    checked
}

/// A checked file kept for the cross-file rule and the report.
struct Kept<'r> {
    shown: &'r str,
    text: &'r str,
    secrets: &'r [Span],
    keys: &'r [(Field, String)],
}

impl Checked {
    /// With findings of its own, or keys the cross-file rule may pair.
    fn may_be_shown(&self) -> bool {
        !self.diagnostics.is_empty() || !self.keys.is_empty()
    }
}

/// Gathers the files linted by [`file`], adds the cross-file rule, and
/// builds the report: every finding and every shown line of the run goes
/// through ONE [`Redactor`] built from the secrets of every file, since a
/// secret of one file may be pasted into another (a key copied into a URL of
/// the sandbox file). It masks hex runs sharing 12 characters with any of
/// them (every Flinks credential is a GUID): searching each of thousands of
/// values whole in every text made a run with 2,500 secrets 20 times
/// slower. Whole values are searched per file, in [`check`], where there
/// are few.
pub fn run(mut files: Vec<(PathBuf, FileLint)>, options: Options) -> Run {
    // Moved, not copied: a finding can quote a value of megabytes.
    let mut raw: Vec<Diagnostic> = Vec::new();
    for (_, lint) in &mut files {
        if let Outcome::Checked(checked) = &mut lint.outcome {
            raw.append(&mut checked.diagnostics);
        }
    }
    let mut parsed = 0;
    let mut unreadable = 0;
    let mut kept = Vec::new();
    let mut unparsed = Vec::new();
    // Every secret of the run, of parsed files and of those that did not
    // parse or decode alike.
    let mut run_secrets: Vec<&str> = files
        .iter()
        .flat_map(|(_, lint)| match &lint.outcome {
            Outcome::Checked(Checked { secret_values, .. })
            | Outcome::Malformed { secret_values, .. }
            | Outcome::Unreadable { secret_values, .. } => secret_values.as_slice(),
            Outcome::Skipped => &[],
        })
        .map(String::as_str)
        .collect();
    run_secrets.sort_unstable();
    run_secrets.dedup();
    // Whole values and fragments: the values are found in one pass per
    // value length (`Redactor`), so thousands of them cost little.
    let redactor = Redactor::new(&run_secrets);
    for (_, lint) in &files {
        match &lint.outcome {
            Outcome::Skipped => {}
            Outcome::Unreadable { failure, .. } => {
                unreadable += 1;
                raw.extend(failure.diagnostics().iter().cloned());
            }
            Outcome::Malformed { error, text, .. } => {
                // A nesting limit is a finding of a file that was read; a
                // syntax error means the file could not be linted.
                if is_limit(error) {
                    parsed += 1;
                } else {
                    unreadable += 1;
                }
                raw.push(error.clone());
                unparsed.push((&lint.shown, text));
            }
            Outcome::Checked(checked) => {
                parsed += 1;
                if let Some(text) = &checked.text {
                    kept.push(Kept {
                        shown: &lint.shown,
                        text,
                        secrets: &checked.secrets,
                        keys: &checked.keys,
                    });
                }
            }
        }
    }
    // FLK504 can only pair profiles holding the same value: re-parse just
    // the files with a key that occurs more than once in the run.
    let mut count: HashMap<&(Field, String), usize> = HashMap::new();
    for key in kept.iter().flat_map(|f| f.keys) {
        *count.entry(key).or_default() += 1;
    }
    let paired: Vec<&Kept> = kept
        .iter()
        .filter(|f| f.keys.iter().any(|k| count[k] > 1))
        .collect();
    // Each parsed once already, so this reads them exactly as before.
    let documents: Vec<Document<'_>> = par_map(&paired, |f| {
        Document::parse_by_name(Path::new(f.shown), f.text)
    });
    let found: Vec<Found<'_>> = documents
        .iter()
        .map(|d| d.extract(Checker::Linter))
        .collect();
    let profiles: Vec<_> = found.iter().flat_map(|f| &f.profiles).collect();
    // The paired profiles' secrets, whole (few: only keys seen twice).
    let paired_values: Vec<&str> = found.iter().flat_map(Found::secret_values).collect();
    let across = check_across_profiles(&profiles, options.profile_options());
    raw.extend(Redactor::new(&paired_values).redact(across).into_inner());
    let mut report = Report::redacted(redactor, raw);
    // Only files with findings are ever shown.
    let with_findings: HashSet<String> = report
        .diagnostics()
        .iter()
        .filter_map(|d| match &d.location.as_ref()?.source {
            Source::File(path) => Some(path.clone()),
            _ => None,
        })
        .collect();
    for (shown, text) in unparsed {
        add_source(&mut report, shown, text, Vec::new());
    }
    for file in kept {
        if with_findings.contains(file.shown) {
            add_source(&mut report, file.shown, file.text, file.secrets.to_vec());
        }
    }
    report.sort();
    Run {
        report,
        files: parsed,
        unreadable,
    }
}

/// Whether a parse error is a nesting limit (`ParseError::is_limit`).
fn is_limit(error: &Diagnostic) -> bool {
    error
        .location
        .as_ref()
        .is_some_and(|l| l.key_path == "(nesting)")
}

fn add_source(report: &mut Report, path: &str, text: &str, secrets: Vec<Span>) {
    report.add_source(SourceText {
        path: path.to_string(),
        text: Arc::from(text),
        secrets,
    });
}

/// The path as findings name it: its text, each byte that is not UTF-8
/// written `\xNN`. Not the lossy display (every bad byte a U+FFFD), so two
/// files whose names differ only in such bytes never share a name, and so
/// never share findings, text, suppressions or a baseline entry.
fn shown(path: &Path) -> String {
    let text = escape_invalid_utf8(path.as_os_str().as_encoded_bytes());
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// `bytes` as text, each byte that is not part of valid UTF-8 as `\xNN`
/// and (on Unix, where `\` is no separator) a literal backslash as `\\`:
/// so the shown name is one-to-one with the name's bytes, and two files
/// never share findings, suppressions or a baseline entry through it.
fn escape_invalid_utf8(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let push = |out: &mut String, valid: &str| {
        if cfg!(unix) && valid.contains('\\') {
            out.push_str(&valid.replace('\\', "\\\\"));
        } else {
            out.push_str(valid);
        }
    };
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                push(&mut out, valid);
                return out;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                push(&mut out, std::str::from_utf8(valid).expect("checked valid"));
                let bad = e.error_len().unwrap_or(rest.len());
                for b in &rest[..bad] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
                bytes = &rest[bad..];
            }
        }
    }
}

/// Files larger than this are data, not configuration: skipped silently,
/// unless named on the command line or named as settings (then FLK510).
pub const MAX_FILE: u64 = 4 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_differing_only_in_invalid_bytes_are_shown_apart() {
        assert_eq!(escape_invalid_utf8(b"a\xffb\xfe.env"), "a\\xffb\\xfe.env");
        assert_eq!(escape_invalid_utf8("é€.env".as_bytes()), "é€.env");
        assert_eq!(escape_invalid_utf8(b"x\xe2\x82"), "x\\xe2\\x82");
        assert_ne!(escape_invalid_utf8(b"a\xff"), escape_invalid_utf8(b"a\xfe"));
        // A name that spells an escape is not the name with that byte.
        assert_ne!(
            escape_invalid_utf8(b"a\\xff"),
            escape_invalid_utf8(b"a\xff")
        );
        assert_ne!(
            escape_invalid_utf8(b"a\\\xff"),
            escape_invalid_utf8(b"a\\xff")
        );
    }

    /// Every name of up to 6 bytes from the bytes that make escapes look
    /// alike: no two are shown the same.
    #[test]
    fn the_shown_name_is_one_to_one_with_the_bytes() {
        let alphabet = [b'a', b'\\', b'x', b'f', 0xff];
        let mut names: Vec<Vec<u8>> = vec![Vec::new()];
        let mut shown = std::collections::HashSet::new();
        for _ in 0..6 {
            names = names
                .iter()
                .flat_map(|n| alphabet.iter().map(move |b| [n.as_slice(), &[*b]].concat()))
                .collect();
            for name in &names {
                assert!(shown.insert(escape_invalid_utf8(name)), "{name:?}");
            }
        }
    }
}
