//! rustc-style output, the default.

use super::Summary;
use flinks_config::Report;

/// Every diagnostic rendered like rustc (secrets masked), then a summary line.
pub fn render(report: &Report, summary: &Summary, color: bool, quiet: bool) -> String {
    // Each diagnostic renders on its own: spread them over the cores.
    let blocks = crate::walk::par_map(report.diagnostics(), |d| report.render_diagnostic(d, color));
    let mut out = String::new();
    for block in blocks {
        out.push_str(&block);
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
