//! rustc-style output, the default.

use super::Summary;
use flinks_config::report::Report;

/// Every diagnostic rendered like rustc (secrets masked), then a summary line.
pub fn render(report: &Report, summary: &Summary, color: bool, quiet: bool) -> String {
    let mut out = String::new();
    for d in report.diagnostics() {
        out.push_str(&report.render_diagnostic(d, color));
        out.push('\n');
    }
    if !quiet {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        out.push_str(&format!(
            "{}, {}, {} in {}\n",
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning"),
            plural(summary.notes, "note"),
            plural(summary.files, "file")
        ));
    }
    out
}
