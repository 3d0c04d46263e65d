//! Loading configuration text into profiles the rules can check, with the
//! source position of every value. [`Document`] is the one pipeline every
//! caller uses (see its module for where a new input kind plugs in); the
//! parsers below only turn text into the neutral [`tree`].

mod document;
pub mod dotenv;
mod dotenv_consumers;
pub mod extract;
#[cfg(feature = "json")]
pub mod json;
#[cfg(feature = "source")]
pub mod source;
#[cfg(feature = "toml")]
pub mod toml;
pub mod tree;
#[cfg(feature = "yaml")]
pub mod yaml;

pub use document::{is_settings_file_name, may_hold_settings, Document, Found, Layout};

use crate::report::Report;
use flinks_config_core::{
    check_across_profiles, rules, Checker, Diagnostic, Location, ProfileOptions, Source, Span,
};
use std::path::Path;

/// A syntax error in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// What is wrong.
    pub message: String,
    /// Where, when known.
    pub span: Option<Span>,
}

/// The message of a parse stopped by a nesting limit (JSON's
/// [`json::MAX_DEPTH`]): the file may be valid, but too deep to hold
/// settings, so it is a finding of the file's content (exit 1), not a file
/// the linter could not read (exit 2).
pub(crate) const TOO_DEEP: &str = "nested too deeply";

impl ParseError {
    /// Whether a nesting limit, not a syntax error, stopped the parse.
    ///
    /// ```
    /// use flinks_config::__private::Format;
    /// let deep = format!("{}1{}", "[".repeat(1000), "]".repeat(1000));
    /// assert!(Format::Json.parse(&deep).unwrap_err().is_limit());
    /// assert!(!Format::Json.parse("{").unwrap_err().is_limit());
    /// ```
    pub fn is_limit(&self) -> bool {
        self.message.ends_with(TOO_DEEP)
    }

    /// As an FLK510 diagnostic for `path`: located at `(file)` for a syntax
    /// error, at `(nesting)` for a nesting limit (see [`is_limit`](Self::is_limit)).
    pub fn into_diagnostic(self, path: &str) -> Diagnostic {
        let place = if self.is_limit() {
            "(nesting)"
        } else {
            "(file)"
        };
        let mut at = Location::new(Source::File(path.to_string()), place);
        at.span = self.span;
        let help = if self.is_limit() {
            "settings are never nested this deep; nothing in this file was checked"
        } else {
            "fix the syntax; nothing in this file was checked"
        };
        Diagnostic::new(&rules::config_malformed::RULE, self.message)
            .with_help(help)
            .with_location(at)
    }
}

/// The configuration formats the library reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive] // source files are next
pub enum Format {
    /// TOML (`flinks.toml`, any `.toml`).
    Toml,
    /// JSON, with comments and trailing commas.
    Json,
    /// `.env` files.
    Dotenv,
    /// YAML (`.yml`, `.yaml`): Kubernetes manifests, docker-compose, Helm
    /// values. Read with the `yaml` feature.
    Yaml,
    /// Source code (JS/TS, Python, C#, Java/Kotlin, Ruby, PHP, Go, shell,
    /// HTML, Dockerfile, Markdown `sh`/`env` blocks). Read with the
    /// `source` feature.
    #[cfg(feature = "source")]
    Source(source::Language),
}

impl Format {
    /// The format a file name says, if the library reads it.
    pub fn from_path(path: &Path) -> Option<Format> {
        #[cfg(feature = "source")]
        if let Some(language) = source::Language::from_path(path) {
            return Some(Format::Source(language));
        }
        // Lossy: a name that is not UTF-8 (`caf\xe9.env`) is still a `.env`.
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        if name == ".env" || name.starts_with(".env.") || name.ends_with(".env") {
            return Some(Format::Dotenv);
        }
        match path
            .extension()?
            .to_string_lossy()
            .to_ascii_lowercase()
            .as_str()
        {
            "toml" => Some(Format::Toml),
            "json" | "jsonc" => Some(Format::Json),
            "yml" | "yaml" => Some(Format::Yaml),
            _ => None,
        }
    }

    /// Parses text of this format.
    pub fn parse(self, text: &str) -> Result<tree::Node<'_>, ParseError> {
        match self {
            #[cfg(feature = "toml")]
            Format::Toml => toml::parse(text),
            #[cfg(feature = "json")]
            Format::Json => json::parse(text),
            Format::Dotenv => dotenv::parse(text),
            #[cfg(feature = "yaml")]
            Format::Yaml => yaml::parse(text),
            #[cfg(feature = "source")]
            Format::Source(language) => source::parse(text, language),
            #[allow(unreachable_patterns)]
            _ => Err(ParseError {
                message:
                    "this build of flinks-config does not read this format (enable its feature)"
                        .into(),
                span: None,
            }),
        }
    }
}

/// The environment a file name tells: `.env.production`,
/// `appsettings.Production.json`, `values-prod.yaml`, `flinks.sandbox.toml`.
pub fn environment_from_path(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    name.split(['.', '-', '_']).find_map(|word| match word {
        "production" | "prod" => Some("production"),
        "sandbox" | "toolbox" => Some("sandbox"),
        _ => None,
    })
}

/// Reads a file as UTF-8 text; any failure is a report of one FLK510
/// diagnostic naming the path (and never the content).
pub fn read_file(path: &Path) -> Result<String, Report> {
    read_file_at_most(path, u64::MAX).map(|text| text.unwrap_or_default())
}

/// Like [`read_file`], but `Ok(None)` for a file over `limit` bytes, told by
/// the open file itself (one open, one `fstat`: a linter reads thousands).
pub fn read_file_at_most(path: &Path, limit: u64) -> Result<Option<String>, Report> {
    match read_bytes_at_most(path, limit)? {
        None => Ok(None),
        Some(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|e| not_utf8(path, e.utf8_error().valid_up_to())),
    }
}

/// Why a file cannot be read: one FLK510 diagnostic naming the path.
fn unreadable(path: &Path, message: &dyn Fn(&str) -> String) -> Diagnostic {
    let shown = path.display().to_string();
    Diagnostic::new(&rules::config_malformed::RULE, message(&shown))
        .with_help("check the path and its permissions; the file must be UTF-8 text")
        .with_location(Location::new(Source::File(shown), "(file)"))
}

/// The bytes of a file, or `Ok(None)` when it is over `limit` bytes; any
/// failure is a report of one FLK510 diagnostic naming the path.
///
/// ```
/// use flinks_config::__private::read_bytes_at_most;
/// let path = std::env::temp_dir().join(format!("flinks-doc-bytes-{}", std::process::id()));
/// std::fs::write(&path, b"caf\xe9").unwrap();
/// assert_eq!(read_bytes_at_most(&path, 10).unwrap().unwrap(), b"caf\xe9");
/// assert!(read_bytes_at_most(&path, 2).unwrap().is_none());
/// std::fs::remove_file(&path).unwrap();
/// assert_eq!(read_bytes_at_most(&path, 10).unwrap_err().codes(), ["FLK510"]);
/// ```
pub fn read_bytes_at_most(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, Report> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        Report::from_findings(
            &[],
            vec![unreadable(path, &|shown| {
                format!("cannot read `{shown}`: {e}")
            })],
        )
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    if size > limit {
        return Ok(None);
    }
    // Through `take`, so the read does not ask the size again (a `statx` and
    // an `lseek` per file); one byte of room lets it see the end at once.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Ok(None); // it grew while being read
    }
    Ok(Some(bytes))
}

/// The report of a file that is not UTF-8 (its first bad byte at `at`).
///
/// ```
/// let report = flinks_config::__private::not_utf8(std::path::Path::new(".env"), 3);
/// assert!(report.diagnostics()[0].message.contains("`.env` is not UTF-8 text"));
/// ```
pub fn not_utf8(path: &Path, at: usize) -> Report {
    let mut d = unreadable(path, &|shown| {
        format!("`{shown}` is not UTF-8 text (invalid byte at offset {at})")
    });
    if let Some(l) = d.location.as_mut() {
        l.span = Some(Span::new(at, at + 1));
    }
    Report::from_findings(&[], vec![d])
}

/// The report of a file over the size limit (a settings file never is).
///
/// ```
/// let report = flinks_config::__private::too_large(std::path::Path::new(".env"), 4 << 20);
/// assert!(report.diagnostics()[0].message.contains("larger than 4 MiB"));
/// ```
pub fn too_large(path: &Path, limit: u64) -> Report {
    let d = unreadable(path, &|shown| {
        format!(
            "`{shown}` is larger than {} MiB: not read, so not checked",
            limit >> 20
        )
    })
    .with_help("settings files are small: split it, or keep data out of a settings file");
    Report::from_findings(&[], vec![d])
}

/// Parses, extracts and checks one document on its own (no other files).
pub fn check_text(text: &str, path: &str, format: Format, checker: Checker) -> Report {
    let document = Document::parse(Path::new(path), text, format);
    if let Some(error) = document.error() {
        let mut report = Report::from_findings(&[], vec![error.clone()]);
        report.add_source(document.source_text(Vec::new()));
        return report;
    }
    let found = document.extract(checker);
    let options = ProfileOptions::new(checker);
    let mut diagnostics = found.check(options);
    let profiles: Vec<&flinks_config_core::Profile<'_>> = found.profiles.iter().collect();
    diagnostics.extend(check_across_profiles(&profiles, options));
    let mut report = Report::from_findings(&found.secret_values(), diagnostics);
    report.add_source(document.source_text(found.secret_spans()));
    report.sort();
    report
}

/// The length of a UTF-8 byte-order mark at the start of `text` (0 or 3).
/// Windows editors (Visual Studio saving `appsettings.json`, Notepad) write
/// one; parsers skip it so the first key is read as written, and spans stay
/// offsets into the file.
pub(crate) fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// Whether the whole file is Flinks configuration (`flinks.toml`,
/// `flinks.production.toml`, `sandbox.flinks.toml`): its top-level tables
/// are profiles. (`flinks-config.toml` is the linter's own settings.)
pub fn is_flinks_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let schema_format = name.ends_with(".toml") || name.ends_with(".json");
    schema_format
        && ((name.starts_with("flinks") && !name.starts_with("flinks-config"))
            || name.contains(".flinks."))
}
