//! Rendering a run: rustc-style text, JSON, SARIF 2.1.0, GitHub annotations.
//! Messages and help are written by the rules without secret values; no
//! format prints a source snippet except `human`, which masks secrets.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use flinks_config::Report;
use flinks_config_core::{Diagnostic, Source};

/// Where a diagnostic points: the file, and its 1-based start and end.
pub struct Place {
    /// The file, or the environment variable / value named by the location.
    pub path: Option<String>,
    /// Line and column of the first byte.
    pub start: Option<(usize, usize)>,
    /// Line and column one past the last byte.
    pub end: Option<(usize, usize)>,
}

/// The place of a diagnostic, from the texts the report holds.
pub fn place(report: &Report, d: &Diagnostic) -> Place {
    let Some(location) = &d.location else {
        return Place {
            path: None,
            start: None,
            end: None,
        };
    };
    let Source::File(path) = &location.source else {
        return Place {
            path: None,
            start: None,
            end: None,
        };
    };
    // Binary searches in the file's line index: a file of 100,000
    // findings is not scanned 200,000 times.
    let (start, end) = match d.source_span() {
        Some(span) => (
            report.position(path, span.start),
            report.position(path, span.end.max(span.start)),
        ),
        None => (None, None),
    };
    Place {
        path: Some(path.clone()),
        start,
        end,
    }
}

/// The summary counts.
pub struct Summary {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
    /// Files checked.
    pub files: usize,
}
