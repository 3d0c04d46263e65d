//! One lint run. Each file is read, parsed and checked on its own, on the
//! walker's threads ([`file`]); its tree is dropped there, so a run holds
//! findings, not 10,000 trees. Then [`run`] adds the cross-file rule
//! (FLK504, sandbox and production side by side), re-parsing only the few
//! files whose credentials occur in more than one profile.

use crate::walk::par_map;
use flinks_config::__private::{may_hold_settings, read_file_at_most, Document, Found};
use flinks_config::{__private::SourceText, Report};
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
    /// Could not be read, or not as UTF-8.
    Unreadable(Report),
    /// Could not be parsed.
    Malformed { error: Diagnostic, text: String },
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
pub fn file(path: &Path, options: Options) -> FileLint {
    let shown = shown(path);
    let outcome = match read_file_at_most(path, MAX_FILE) {
        Err(failure) => Outcome::Unreadable(failure),
        Ok(None) => Outcome::Skipped,
        // Most files of a repository: not worth parsing.
        Ok(Some(text)) if !may_hold_settings(path, &text) => Outcome::Skipped,
        Ok(Some(text)) => {
            let document = Document::parse_by_name(Path::new(&shown), &text);
            match document.error() {
                // A Helm or Jinja template is no YAML until rendered: not
                // the user's mistake, and nothing to check in it yet.
                Some(_) if is_template_source(&text) => Outcome::Skipped,
                Some(error) => {
                    let error = error.clone();
                    drop(document); // it borrows the text
                    Outcome::Malformed { error, text }
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
    };
    FileLint { shown, outcome }
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
pub fn run(files: Vec<(PathBuf, FileLint)>, options: Options) -> Run {
    let mut raw: Vec<Diagnostic> = Vec::new();
    let mut parsed = 0;
    let mut unreadable = 0;
    let mut kept = Vec::new();
    let mut unparsed = Vec::new();
    let mut run_secrets: Vec<&str> = files
        .iter()
        .filter_map(|(_, lint)| match &lint.outcome {
            Outcome::Checked(checked) => Some(checked.secret_values.iter().map(String::as_str)),
            _ => None,
        })
        .flatten()
        .collect();
    run_secrets.sort_unstable();
    run_secrets.dedup();
    let redactor = Redactor::fragments_only(&run_secrets);
    for (_, lint) in &files {
        match &lint.outcome {
            Outcome::Skipped => {}
            Outcome::Unreadable(failure) => {
                unreadable += 1;
                raw.extend(failure.diagnostics().iter().cloned());
            }
            Outcome::Malformed { error, text } => {
                unreadable += 1;
                raw.push(error.clone());
                unparsed.push((&lint.shown, text));
            }
            Outcome::Checked(checked) => {
                parsed += 1;
                raw.extend(checked.diagnostics.iter().cloned());
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

fn add_source(report: &mut Report, path: &str, text: &str, secrets: Vec<Span>) {
    report.add_source(SourceText {
        path: path.to_string(),
        text: Arc::from(text),
        secrets,
    });
}

fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// Files larger than this are data, not configuration: skipped silently.
pub const MAX_FILE: u64 = 4 * 1024 * 1024;
