//! `--format json`: one object, for scripts.

use super::{place, Summary};
use flinks_config::Report;
use serde::{Serialize, Serializer};
use serde_json::{json, Value};
use std::io::Write;

/// The findings, each turned into JSON only as it is written: a run of
/// 400,000 findings never holds them all as a JSON tree.
struct Diagnostics<'r>(&'r Report);

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        serializer.collect_seq(report.diagnostics().iter().map(|d| one(report, d)))
    }
}

/// The output, its keys in the order a JSON map sorts them.
#[derive(Serialize)]
struct Output<'r> {
    diagnostics: Diagnostics<'r>,
    summary: Value,
}

/// Writes `{"diagnostics": [...], "summary": {...}}`.
pub fn write(report: &Report, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    let output = Output {
        diagnostics: Diagnostics(report),
        summary: json!({
            "errors": summary.errors,
            "warnings": summary.warnings,
            "notes": summary.notes,
            "files": summary.files,
        }),
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    out.write_all(b"\n")
}

/// One finding as JSON.
fn one(report: &Report, d: &flinks_config_core::Diagnostic) -> Value {
    let at = place(report, d);
    json!({
        "code": d.code(),
        "name": d.rule.name,
        "severity": d.severity.as_str(),
        "message": d.message,
        "help": d.help,
        // Masked like the help; `applicable`: `--fix` writes it.
        "fix": d.fix.as_ref().map(|f| json!({
            "value": f.value,
            "applicable": f.machine_applicable,
        })),
        "path": at.path,
        "key": d.location.as_ref().map(|l| l.key_path.clone()),
        "line": at.start.map(|p| p.0),
        "column": at.start.map(|p| p.1),
        "end_line": at.end.map(|p| p.0),
        "end_column": at.end.map(|p| p.1),
    })
}
