//! One lint run: read every file, parse it, find its profiles, check them
//! all together (cross-file rules see sandbox and production side by side).

use crate::walk::{par_map, FileFormat};
use crate::yaml;
use flinks_config::load::extract::{extract, Context};
use flinks_config::load::{
    environment_from_path, is_flinks_file, read_file_at_most, secret_spans, tree::Node, ParseError,
};
use flinks_config::report::{Report, SourceText};
use flinks_config_core::{
    check_across_profiles, check_profile, Checker, Diagnostic, ProfileOptions, Source,
};
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

/// Lints `files` (already collected).
pub fn run(files: &[PathBuf], options: Options) -> Run {
    let texts: Vec<(String, Result<Option<String>, Report>)> =
        par_map(files, |path| (shown(path), read(path)));
    let parsed: Vec<Option<Result<Node<'_>, ParseError>>> = par_map(&indices(files.len()), |&i| {
        let text = texts[i].1.as_ref().ok()?.as_ref()?;
        if !mentions_flinks(&files[i], text) {
            return None; // most files of a repository: not worth parsing
        }
        Some(match crate::walk::format_of(&files[i]) {
            Some(FileFormat::Yaml) => yaml::parse(text),
            Some(FileFormat::Library(format)) => format.parse(text),
            None => guess(text),
        })
    });
    let mut report = Report::default();
    let mut unreadable = 0;
    let mut per_file = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let (shown, text) = (&texts[i].0, &texts[i].1);
        let text = match text {
            Ok(Some(text)) => text,
            Ok(None) => continue, // too big to be configuration
            Err(failure) => {
                unreadable += 1;
                report.merge(failure.clone());
                continue;
            }
        };
        match &parsed[i] {
            Some(Ok(node)) => per_file.push((i, node)),
            Some(Err(error)) => {
                unreadable += 1;
                report.extend([error.clone().into_diagnostic(shown)]);
                add_source(&mut report, shown, text, Vec::new());
            }
            None => {}
        }
        let _ = path;
    }
    let contexts: Vec<Context<'_>> = per_file
        .iter()
        .map(|&(i, _)| Context {
            source: Source::File(texts[i].0.clone()),
            root_is_flinks: is_flinks_file(&files[i]),
            environment: environment_from_path(&files[i]),
            checker: Checker::Linter,
        })
        .collect();
    let jobs: Vec<_> = per_file.iter().zip(&contexts).collect();
    let extracted: Vec<_> = par_map(&jobs, |((_, node), cx)| extract(node, cx));
    let profile_options =
        ProfileOptions::new(Checker::Linter).require_complete(options.require_complete);
    let all_profiles: Vec<_> = extracted.iter().flat_map(|e| e.profiles.iter()).collect();
    // The secrets of each file: a secret of one profile may be pasted into
    // another profile's settings in the same file, so each file's findings
    // are redacted with all of them.
    let file_secrets: Vec<Vec<&str>> = extracted
        .iter()
        .map(|e| {
            e.profiles
                .iter()
                .flat_map(flinks_config_core::secret_values)
                .collect()
        })
        .collect();
    let owner: Vec<usize> = extracted
        .iter()
        .enumerate()
        .flat_map(|(f, e)| std::iter::repeat_n(f, e.profiles.len()))
        .collect();
    let checked: Vec<Vec<Diagnostic>> = par_map(&indices(all_profiles.len()), |&p| {
        let mut found = check_profile(all_profiles[p], profile_options);
        for d in &mut found {
            d.redact(&file_secrets[owner[p]]);
        }
        found
    });
    report.extend(checked.into_iter().flatten());
    // Cross-file rules see every profile of the run at once.
    report.extend(check_across_profiles(&all_profiles, profile_options));
    for ((i, _), found) in per_file.iter().zip(extracted) {
        if found.profiles.is_empty() && found.diagnostics.is_empty() {
            continue; // no Flinks settings: skipped silently
        }
        let Ok(Some(text)) = &texts[*i].1 else {
            continue;
        };
        let mut extraction = found.diagnostics;
        let values: Vec<&str> = found
            .profiles
            .iter()
            .flat_map(flinks_config_core::secret_values)
            .collect();
        for d in &mut extraction {
            d.redact(&values);
        }
        let mut secrets = found.secrets;
        secrets.extend(secret_spans(text, &found.profiles));
        report.extend(extraction);
        add_source(&mut report, &texts[*i].0, text, secrets);
    }
    report.sort();
    Run {
        report,
        files: per_file.len(),
        unreadable,
    }
}

fn indices(n: usize) -> Vec<usize> {
    (0..n).collect()
}

fn add_source(report: &mut Report, path: &str, text: &str, secrets: Vec<flinks_config_core::Span>) {
    report.add_source(SourceText {
        path: path.to_string(),
        text: Arc::from(text),
        secrets,
    });
}

/// Whether a file can hold Flinks settings: every key the extraction reads
/// says "flinks" (`FLINKS_*`, a `Flinks` section), except the profiles of a
/// file named `flinks*.toml`/`*.flinks.toml`.
fn mentions_flinks(path: &Path, text: &str) -> bool {
    is_flinks_file(path)
        || text
            .as_bytes()
            .windows(6)
            .any(|w| w.eq_ignore_ascii_case(b"flinks"))
}

/// A file named on the command line with an unknown extension: try each format.
fn guess(text: &str) -> Result<Node<'_>, ParseError> {
    use flinks_config::load::Format;
    Format::Toml
        .parse(text)
        .or_else(|_| Format::Json.parse(text))
        .or_else(|_| Format::Dotenv.parse(text))
}

fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// Files larger than this are data, not configuration: skipped silently.
pub const MAX_FILE: u64 = 4 * 1024 * 1024;

/// Reads a file; `Ok(None)` for one over [`MAX_FILE`]. The size comes from
/// the open file (one `fstat`), not from a separate `stat` while walking.
fn read(path: &Path) -> Result<Option<String>, Report> {
    read_file_at_most(path, MAX_FILE)
}
