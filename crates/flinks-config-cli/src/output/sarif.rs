//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards. Every rule is
//! declared in the driver, so an alert whose rule stops firing is closed.

use super::place;
use crate::baseline::fingerprint;
use flinks_config::Report;
use flinks_config_core::{rules, Severity};
use serde::{Serialize, Serializer};
use serde_json::{json, Value};
use std::io::Write;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
        _ => "note",
    }
}

/// The results, each turned into JSON only as it is written (a run of
/// 400,000 findings never holds them all as a JSON tree).
struct Results<'r>(&'r Report);

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        serializer.collect_seq(report.diagnostics().iter().map(|d| result(report, d)))
    }
}

/// The log and its one run, keys in the order a JSON map sorts them.
#[derive(Serialize)]
struct Log<'r> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [SarifRun<'r>; 1],
    version: &'static str,
}

#[derive(Serialize)]
struct SarifRun<'r> {
    results: Results<'r>,
    tool: Value,
}

/// Writes the SARIF log of a run.
pub fn write(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let driver_rules: Vec<Value> = rules::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.page, "markdown": r.page },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [SarifRun {
            results: Results(report),
            tool: json!({ "driver": {
                "name": "flinks-config",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/flinks-config",
                "rules": driver_rules,
            }}),
        }],
        version: "2.1.0",
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

/// One result.
fn result(report: &Report, d: &flinks_config_core::Diagnostic) -> Value {
    let at = place(report, d);
    let index = rules::ALL
        .iter()
        .position(|r| r.code == d.code())
        .unwrap_or(0);
    let message = match &d.help {
        Some(help) => format!("{} (help: {help})", d.message),
        None => d.message.clone(),
    };
    let mut result = json!({
        "ruleId": d.code(),
        "ruleIndex": index,
        "level": level(d.severity),
        "message": { "text": message },
        "partialFingerprints": { "flinksConfig/v1": fingerprint(d) },
    });
    if let Some(path) = at.path {
        let mut location = json!({ "physicalLocation": { "artifactLocation": { "uri": path } } });
        if let (Some(start), Some(end)) = (at.start, at.end) {
            location["physicalLocation"]["region"] = json!({
                "startLine": start.0, "startColumn": start.1,
                "endLine": end.0, "endColumn": end.1.max(start.1 + usize::from(end.0 == start.0)),
            });
        }
        result["locations"] = json!([location]);
    }
    result
}
