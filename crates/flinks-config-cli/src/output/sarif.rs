//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards. Every rule is
//! declared in the driver, so an alert whose rule stops firing is closed.

use super::place;
use crate::baseline::fingerprint;
use flinks_config::Report;
use flinks_config_core::{rules, Severity};
use serde_json::{json, Value};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
        _ => "note",
    }
}

/// The SARIF log of a run.
pub fn render(report: &Report) -> String {
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
    let results: Vec<Value> = report
        .diagnostics()
        .iter()
        .map(|d| {
            let at = place(report, d);
            let index = rules::ALL.iter().position(|r| r.code == d.code()).unwrap_or(0);
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
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "flinks-config",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/flinks-config",
                "rules": driver_rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("a JSON value serializes") + "\n"
}
