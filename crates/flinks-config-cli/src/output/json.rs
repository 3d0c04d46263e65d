//! `--format json`: one object, for scripts.

use super::{place, Summary};
use flinks_config::Report;
use serde_json::{json, Value};

/// `{"diagnostics": [...], "summary": {...}}`.
pub fn render(report: &Report, summary: &Summary) -> String {
    let diagnostics: Vec<Value> = report
        .diagnostics()
        .iter()
        .map(|d| {
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
        })
        .collect();
    let out = json!({
        "diagnostics": diagnostics,
        "summary": {
            "errors": summary.errors,
            "warnings": summary.warnings,
            "notes": summary.notes,
            "files": summary.files,
        },
    });
    serde_json::to_string_pretty(&out).expect("a JSON value serializes") + "\n"
}
