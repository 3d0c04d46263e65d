//! [`Document`]: the one way from text to profiles the rules can check.
//!
//! Startup loading (`FlinksConfig::from_*`), the `Deserialize` impl, the
//! linter and the fuzz targets all go through here, so they agree on what a
//! file holds:
//!
//! 1. [`Document::parse`] reads the text in its [`Format`] into the neutral
//!    tree ([`Node`], byte spans kept). A syntax error becomes one FLK510
//!    finding; nothing else in that file is checked.
//! 2. The file's [`Layout`] is decided once, here, from its name and tree
//!    (see [`Layout`] for the rule, including TOML without a `flinks`
//!    section); the environment a file name tells (`.env.production`) too.
//! 3. [`Document::extract`] finds the profiles and marks where secret values
//!    stand ([`Found`]); [`Found::check`] runs each profile's rules.
//!
//! **A new input kind** (source files are next) plugs in at step 1 only: a
//! parser that produces a [`Node`] tree with spans (or a [`ParseError`](super::ParseError)), a
//! [`Format`] variant naming it, and a line in [`Format::parse`]. Extraction,
//! secret marking, the rules and every output then work unchanged.

use super::extract::{extract, Context};
use super::tree::{Kind, Node};
use super::{environment_from_path, is_flinks_file, Format};
use crate::report::SourceText;
use flinks_config_core::{
    check_profile, normalize_key, secret_values, Checker, Diagnostic, Environment, Profile,
    ProfileOptions, Source, Span,
};
use std::path::Path;
use std::sync::Arc;

/// How a document holds its Flinks settings.
///
/// One rule for every caller (startup loading, `Deserialize`, the linter):
/// - [`Layout::Profiles`]: the whole document is Flinks configuration; its
///   top-level tables are the profiles (`[sandbox]`, `[production]`, and a
///   misnamed `[staging]` is reported as an unknown environment). A file
///   named so (`flinks.toml`, `flinks.production.json`, `sandbox.flinks.toml`)
///   and a value handed to `Deserialize`.
/// - [`Layout::EnvironmentTables`]: **a TOML file otherwise named, without a
///   `flinks` section, whose top level has a table named for an
///   environment** (`[sandbox]`, `[production]`, `[prod]`, `[toolbox]` in
///   `config/app.toml`): those tables are the profiles; the application's
///   other tables (`[server]`) are left alone.
/// - [`Layout::Sections`]: anything else. Settings are found in a
///   `flinks`/`Flinks` section (`[flinks.sandbox]`, `"Flinks": {…}`) or as
///   `FLINKS_*` variables, wherever they stand; other keys are left alone.
///
/// So a TOML file without a `flinks` section and without environment tables
/// (a `Cargo.toml` that depends on this crate) holds no profile: reading its
/// `[package]` as one would be a false error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Layout {
    /// The top-level tables are profiles.
    Profiles,
    /// The top-level tables named for an environment are profiles.
    EnvironmentTables,
    /// Settings live in `flinks` sections or `FLINKS_*` variables.
    Sections,
}

impl Layout {
    fn of(path: &Path, format: Format, tree: &Node<'_>) -> Layout {
        if is_flinks_file(path) {
            Layout::Profiles
        } else if format == Format::Toml && !has_flinks_section(tree) && has_environment_table(tree)
        {
            Layout::EnvironmentTables
        } else {
            Layout::Sections
        }
    }
}

/// Whether a document keeps its Flinks settings in a section of their own
/// (`[flinks.sandbox]` in an application's config).
fn has_flinks_section(root: &Node<'_>) -> bool {
    matches!(&root.kind, Kind::Map(entries) if entries.iter().any(|entry| {
        normalize_key(&entry.key) == "flinks" && matches!(entry.value.kind, Kind::Map(_))
    }))
}

/// Whether a top-level table is named for an environment (`[sandbox]`).
fn has_environment_table(root: &Node<'_>) -> bool {
    matches!(&root.kind, Kind::Map(entries) if entries.iter().any(|entry| {
        matches!(entry.value.kind, Kind::Map(_)) && Environment::parse(&entry.key).is_some()
    }))
}

/// Whether a file can hold Flinks settings, told cheaply before parsing (a
/// linter skips most files of a repository this way): its name says so, or
/// its text says "flinks" (every key the extraction reads in
/// [`Layout::Sections`] does) or holds a Flinks URL (`fin.ag`,
/// `BankingServices`: the linter judges those whatever their key), or it is TOML with a top-level key named for
/// an environment ([`Layout::EnvironmentTables`]). Never false for a file
/// [`Document::extract`] would find a profile in.
pub fn may_hold_settings(path: &Path, text: &str) -> bool {
    #[cfg(feature = "source")]
    if let Some(Format::Source(_)) = Format::from_path(path) {
        return super::source::mentions_flinks(text);
    }
    is_flinks_file(path)
        || flinks_config_core::contains_ignore_case(text, "flinks")
        // A Flinks URL under any key (`integrations.banking.url`).
        || flinks_config_core::contains_ignore_case(text, "fin.ag")
        || flinks_config_core::contains_ignore_case(text, "bankingservices")
        || (Format::from_path(path).is_none_or(|f| f == Format::Toml)
            && text.lines().any(names_an_environment_at_top))
}

/// Whether a file is named as Flinks settings: `flinks.toml` and its kin
/// ([`is_flinks_file`]), any `.env` file (`.env`, `.env.production`,
/// `prod.env`), `appsettings*.json`. Such a file is never skipped quietly:
/// too large or not UTF-8, it is reported (a linter that skipped it would
/// say "0 files" of the one file that mattered). Told from the name alone,
/// for a file whose text cannot be read.
///
/// ```
/// use flinks_config::__private::is_settings_file_name;
/// use std::path::Path;
/// for name in ["flinks.toml", ".env", ".env.production", "appsettings.Production.json", "deploy/prod.env"] {
///     assert!(is_settings_file_name(Path::new(name)), "{name}");
/// }
/// assert!(!is_settings_file_name(Path::new("package.json")));
/// ```
pub fn is_settings_file_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    is_flinks_file(path)
        || Format::from_path(path) == Some(Format::Dotenv)
        || (name.starts_with("appsettings") && Format::from_path(path) == Some(Format::Json))
}

/// `[sandbox]`, `[production.x]`, `prod = {…}`, `"toolbox".instance = …`.
fn names_an_environment_at_top(line: &str) -> bool {
    let line = line.trim_start();
    let line = line.strip_prefix('[').unwrap_or(line).trim_start();
    let name = line
        .split(['[', ']', '.', '=', ' ', '\t'])
        .next()
        .unwrap_or_default()
        .trim_matches(['"', '\'']);
    Environment::parse(name).is_some()
}

/// One configuration document: its tree (or the FLK510 finding of why it
/// has none), its [`Layout`] and the environment its name tells.
#[derive(Debug)]
pub struct Document<'t> {
    source: Source,
    path: String,
    /// The format the text was read as (`None` for a tree built in memory).
    format: Option<Format>,
    text: &'t str,
    tree: Result<Node<'t>, Diagnostic>,
    layout: Layout,
    environment: Option<&'static str>,
    /// A template to copy (`.env.example`): placeholders expected (FLK307).
    template: bool,
}

impl<'t> Document<'t> {
    /// Parses `text` as `format`; `path` names the file in findings and
    /// tells its layout and environment.
    pub fn parse(path: &Path, text: &'t str, format: Format) -> Self {
        let tree = format.parse(text);
        Self::from_parsed(path, text, format, tree)
    }

    /// Like [`Document::parse`], with the format told by the file name; a
    /// name no format claims (a file named on the linter's command line) is
    /// tried as TOML, then JSON, then `.env`.
    pub fn parse_by_name(path: &Path, text: &'t str) -> Self {
        if let Some(format) = Format::from_path(path) {
            return Self::parse(path, text, format);
        }
        let mut last = None;
        for format in [Format::Toml, Format::Json, Format::Dotenv] {
            match format.parse(text) {
                Ok(tree) => return Self::from_parsed(path, text, format, Ok(tree)),
                Err(error) => last = Some((format, error)),
            }
        }
        let (format, error) = last.expect("three formats were tried");
        Self::from_parsed(path, text, format, Err(error))
    }

    fn from_parsed(
        path: &Path,
        text: &'t str,
        format: Format,
        tree: Result<Node<'t>, super::ParseError>,
    ) -> Self {
        let shown = path.display().to_string();
        let tree = tree.map_err(|error| error.into_diagnostic(&shown));
        let layout = match &tree {
            Ok(node) => Layout::of(path, format, node),
            Err(_) => Layout::Sections,
        };
        Document {
            format: Some(format),
            source: Source::File(shown.clone()),
            path: shown,
            text,
            tree,
            layout,
            environment: environment_from_path(path),
            template: super::extract::is_template(path),
        }
    }

    /// A tree built in memory: a value handed to `Deserialize`
    /// ([`Layout::Profiles`]) or the process environment
    /// ([`Layout::Sections`], each variable its own source).
    pub(crate) fn from_tree(tree: Node<'t>, source: Source, layout: Layout) -> Self {
        Document {
            format: None,
            source,
            path: String::new(),
            text: "",
            tree: Ok(tree),
            layout,
            environment: None,
            template: false,
        }
    }

    /// The FLK510 finding of a document that did not parse.
    pub fn error(&self) -> Option<&Diagnostic> {
        self.tree.as_ref().err()
    }

    /// The tree, when the document parsed.
    pub fn tree(&self) -> Option<&Node<'t>> {
        self.tree.as_ref().ok()
    }

    /// How the document holds its settings.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The path as findings name it.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The profiles, the extraction's own findings (a setting of the wrong
    /// type, a secret exposed to the browser) for `checker`, and where the
    /// secret values stand. Empty for a document that did not parse.
    pub fn extract(&self, checker: Checker) -> Found<'_> {
        let Ok(tree) = &self.tree else {
            return Found {
                profiles: Vec::new(),
                diagnostics: Vec::new(),
                marked: Vec::new(),
                template: false,
            };
        };
        let cx = Context {
            source: self.source.clone(),
            layout: self.layout,
            environment: self.environment,
            checker,
        };
        let found = extract(tree, &cx);
        let mut diagnostics = found.diagnostics;
        if self.format == Some(Format::Dotenv) {
            // How other programs would read the same lines (FLK511, and
            // each of their values checked).
            diagnostics.extend(super::dotenv_consumers::findings(
                self.text,
                &self.source,
                checker,
            ));
        }
        #[cfg(feature = "source")]
        if let Some(Format::Source(language)) = self.format {
            // What only code has (URL literals, calls, listeners), located
            // in the file: raw, for the same redaction as every finding.
            diagnostics.extend(super::source::check(
                self.text, language, &self.path, checker,
            ));
        }
        Found {
            profiles: found.profiles,
            diagnostics,
            marked: found.secrets,
            template: self.template,
        }
    }

    /// The text to show lines from, with these secret spans masked.
    pub fn source_text(&self, secrets: Vec<Span>) -> SourceText {
        SourceText {
            path: self.path.clone(),
            text: Arc::from(self.text),
            secrets,
        }
    }
}

/// What [`Document::extract`] found.
#[derive(Debug)]
pub struct Found<'d> {
    /// The profiles, in document order.
    pub profiles: Vec<Profile<'d>>,
    /// The extraction's findings (FLK510 wrong type, FLK305), not redacted.
    pub diagnostics: Vec<Diagnostic>,
    /// Where secret settings are written (values marked by their key).
    marked: Vec<Span>,
    /// From a template file: the linter expects placeholders there.
    template: bool,
}

impl<'d> Found<'d> {
    /// Every secret value configured in the document.
    pub fn secret_values(&self) -> Vec<&'d str> {
        self.profiles.iter().flat_map(secret_values).collect()
    }

    /// Where the secret settings are written (by their key: short values
    /// and values with escapes included), for the report to mask when it
    /// shows a line. Copies of a secret elsewhere in the text (a key pasted
    /// into a URL) are found by the report's `Redactor`, built from
    /// [`Found::secret_values`], on the few lines it shows: searching the
    /// whole text here cost more than the rest of loading.
    pub fn secret_spans(&self) -> Vec<Span> {
        self.marked.clone()
    }

    /// The extraction's findings and each profile's own rules (not the
    /// cross-profile ones): raw findings, to go through the caller's one
    /// `Redactor` (built with [`Found::secret_values`] and any others the
    /// caller knows) before they are shown.
    pub fn check(&self, options: ProfileOptions) -> Vec<Diagnostic> {
        let options = options.template(options.template || self.template_for(options.checker));
        let mut diagnostics = self.diagnostics.clone();
        for profile in &self.profiles {
            diagnostics.extend(check_profile(profile, options));
        }
        diagnostics
    }

    /// Whether the document is a template as far as `checker` is concerned:
    /// only the linter reads templates (an application loads its settings).
    fn template_for(&self, checker: Checker) -> bool {
        self.template && checker == Checker::Linter
    }
}
