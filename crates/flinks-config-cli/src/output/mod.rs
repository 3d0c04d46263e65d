//! Rendering a run: rustc-style text, JSON, SARIF 2.1.0, GitHub annotations.
//! Messages and help are written by the rules without secret values; no
//! format prints a source snippet except `human`, which masks secrets.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use flinks_config::{__private::line_col, Report};
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
    let text = report.source(path).map(|s| &*s.text);
    let span = d.source_span();
    let (start, end) = match (text, span) {
        (Some(text), Some(span)) => (
            Some(line_col(text, span.start)),
            Some(line_col(text, span.end.max(span.start))),
        ),
        _ => (None, None),
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
