//! Source files: the Flinks settings, URLs, requests and Connect listeners
//! written in code (JS/TS, Python, C#, Java/Kotlin, Ruby, PHP, Go, shell,
//! HTML/Vue/Svelte, Dockerfile, Markdown `sh`/`env` blocks).
//!
//! A hand-written lexer per language family (`lex`) yields string
//! literals (holes of template strings as unknown parts), identifiers and
//! punctuation; `scan` reads the few code shapes that carry Flinks
//! settings. Source enters the one [`Document`](super::Document) pipeline
//! like every other format: [`parse`] gives the tree of credential settings
//! (so they are marked secret and masked at the one redaction boundary), and
//! [`check`] gives the findings only code has (URL literals, headers of a
//! call, Connect listeners), each pointing at the exact literal.
//! `docs/source-scanning.md` says why this is a lexer and not tree-sitter.

mod lex;
mod scan;

use super::tree::Node;
use super::ParseError;
use flinks_config_core::{Checker, Diagnostic};
use lex::Family;
use std::path::Path;

/// A language (or file kind) the source scanner reads.
///
/// ```
/// use flinks_config::__private::source::Language;
/// use std::path::Path;
/// assert_eq!(Language::from_path(Path::new("src/app.tsx")), Some(Language::JavaScript));
/// assert_eq!(Language::from_path(Path::new("Dockerfile")), Some(Language::Dockerfile));
/// assert_eq!(Language::from_path(Path::new("notes.txt")), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// `.js .jsx .mjs .cjs .ts .tsx`.
    JavaScript,
    /// `.vue .svelte .html .htm`: markup with script and attribute values.
    Markup,
    /// `.py`.
    Python,
    /// `.cs`.
    CSharp,
    /// `.java .kt .kts`.
    Jvm,
    /// `.go`.
    Go,
    /// `.php`.
    Php,
    /// `.rb`.
    Ruby,
    /// `.sh .bash .zsh`.
    Shell,
    /// `Dockerfile`, `*.dockerfile`.
    Dockerfile,
    /// `.md`: only its `sh`/`bash`/`env` code blocks.
    Markdown,
}

impl Language {
    /// The language a file name says.
    ///
    /// ```
    /// use flinks_config::__private::source::Language;
    /// use std::path::Path;
    /// assert_eq!(Language::from_path(Path::new("client.py")), Some(Language::Python));
    /// assert_eq!(Language::from_path(Path::new("README.md")), Some(Language::Markdown));
    /// ```
    pub fn from_path(path: &Path) -> Option<Language> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name == "dockerfile" || name.starts_with("dockerfile.") || name.ends_with(".dockerfile")
        {
            return Some(Language::Dockerfile);
        }
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "js" | "jsx" | "mjs" | "cjs" | "ts" | "tsx" | "mts" | "cts" => Language::JavaScript,
            "vue" | "svelte" | "html" | "htm" => Language::Markup,
            "py" => Language::Python,
            "cs" => Language::CSharp,
            "java" | "kt" | "kts" => Language::Jvm,
            "go" => Language::Go,
            "php" => Language::Php,
            "rb" => Language::Ruby,
            "sh" | "bash" | "zsh" => Language::Shell,
            "md" | "markdown" => Language::Markdown,
            _ => return None,
        })
    }

    /// The parts of `text` to lex, each with its family.
    fn regions(self, text: &str) -> Vec<(usize, usize, Family)> {
        let family = match self {
            Language::Python => Family::Python,
            Language::Ruby => Family::Ruby,
            Language::Shell | Language::Dockerfile => Family::Shell,
            Language::Markdown => return markdown_blocks(text),
            _ => Family::CLike,
        };
        vec![(0, text.len(), family)]
    }

    /// Whether the code in this file runs in a browser.
    fn runs_in_browser(self, path: &str, text: &str) -> bool {
        let path = path.replace('\\', "/").to_ascii_lowercase();
        self == Language::Markup
            || (self == Language::JavaScript
                && (text.trim_start().starts_with("\"use client\"")
                    || text.trim_start().starts_with("'use client'")
                    || path.contains("src/components/")
                    || path.starts_with("components/")
                    || path.contains("/public/")
                    || path.starts_with("public/")))
    }
}

/// The `sh`, `bash`, `shell`, `console`, `env`, `dotenv` fenced blocks of a
/// Markdown file (READMEs document the variables there).
fn markdown_blocks(text: &str) -> Vec<(usize, usize, Family)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        match open {
            None if trimmed.starts_with("```") || trimmed.starts_with("~~~") => {
                let info = trimmed[3..].trim().split([' ', '{']).next().unwrap_or("");
                let fence = &trimmed[..3];
                if matches!(
                    info.to_ascii_lowercase().as_str(),
                    "sh" | "bash" | "shell" | "console" | "env" | "dotenv" | "zsh"
                ) {
                    open = Some((at + line.len(), fence));
                } else {
                    open = Some((usize::MAX, fence));
                }
            }
            Some((start, fence)) if trimmed.starts_with(fence) => {
                if start != usize::MAX {
                    out.push((start, at, Family::Shell));
                }
                open = None;
            }
            _ => {}
        }
        at += line.len();
    }
    if let Some((start, _)) = open.filter(|(s, _)| *s != usize::MAX) {
        out.push((start, text.len(), Family::Shell));
    }
    out
}

/// The credential settings written in a source file, as a tree the one
/// extraction reads (`FLINKS_SECRET_KEY` and kin, each in a table named for
/// the binding): GUID literals bound to a credential's name and the
/// defaults of environment reads. Never fails: code the scanner cannot
/// read holds no setting.
///
/// ```
/// use flinks_config::__private::source::{parse, Language};
/// use flinks_config::__private::tree::Kind;
/// let tree = parse("const secretKey = \"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\";", Language::JavaScript).unwrap();
/// assert!(matches!(&tree.kind, Kind::Map(entries) if entries[0].key == "secretKey"));
/// ```
pub fn parse(text: &str, language: Language) -> Result<Node<'_>, ParseError> {
    if !has_guid(text.as_bytes()) {
        // Every credential setting read from code is a GUID literal: a file
        // without one holds none, and is not lexed here.
        return Ok(Node {
            span: None,
            kind: super::tree::Kind::Map(Vec::new()),
        });
    }
    Ok(scan::Scan::settings_only(text, language).settings_tree())
}

/// Whether `bytes` hold `xxxxxxxx-xxxx-` (hex), the start of a GUID.
fn has_guid(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'-', bytes).any(|at| {
        at >= 8
            && bytes[at - 8..at].iter().all(u8::is_ascii_hexdigit)
            && bytes
                .get(at + 1..at + 6)
                .is_some_and(|w| w[..4].iter().all(u8::is_ascii_hexdigit) && w[4] == b'-')
    })
}

/// The findings only code has in `text` (named `path`): Flinks URL literals
/// and the URLs built from them, headers of a call to a known endpoint, a
/// Connect `message` listener without an origin check, a secret bound in
/// code that runs in the browser. Raw findings, located in the file, for
/// the caller's one redaction boundary.
///
/// ```
/// use flinks_config::__private::source::{check, Language};
/// use flinks_config_core::Checker;
/// let code = "const BASE = `https://${instance}.api.private.fin.ag/v3/`;";
/// let found = check(code, Language::JavaScript, "client.js", Checker::Linter);
/// assert_eq!(found[0].code(), "FLK004");
/// assert_eq!(found[0].source_span().unwrap().start, code.find(".api").unwrap());
/// ```
pub fn check(text: &str, language: Language, path: &str, checker: Checker) -> Vec<Diagnostic> {
    let mut found = scan::Scan::new(text, language, path).findings();
    found.retain(|d| d.rule.checked_by(checker));
    found
}

/// Whether a source file mentions Flinks at all (`flinks`, `fin.ag`, any
/// case): the one cheap test before any lexing; most files of a repository
/// fail it and are never lexed.
///
/// ```
/// use flinks_config::__private::source::mentions_flinks;
/// assert!(mentions_flinks("const u = 'https://toolbox-api.private.FIN.AG/v3/'"));
/// assert!(!mentions_flinks("console.log('hello')"));
/// ```
pub fn mentions_flinks(text: &str) -> bool {
    mentions(text.as_bytes())
}

/// [`mentions_flinks`] on bytes: every `f`/`F` found by SIMD (`memchr2`),
/// then the few bytes after it compared. A byte-at-a-time case-folding scan
/// cost more than reading the file.
pub(crate) fn mentions(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'f', b'F', bytes).any(|at| {
        let rest = &bytes[at..];
        rest.get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"flinks") || w.eq_ignore_ascii_case(b"fin.ag"))
    })
}
