//! rustc-style output, the default.

use super::Summary;
use flinks_config::Report;

/// Every diagnostic rendered like rustc (secrets masked), then a summary
/// line, written a batch at a time (the output of 400,000 findings is never
/// held whole).
pub fn write(
    report: &Report,
    summary: &Summary,
    color: bool,
    quiet: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    // Each diagnostic renders on its own: spread each batch over the cores.
    for batch in report.diagnostics().chunks(4096) {
        let blocks = crate::walk::par_map(batch, |d| report.render_diagnostic(d, color));
        for block in blocks {
            out.write_all(block.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    if !quiet {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        writeln!(
            out,
            "{}, {}, {} in {}",
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning"),
            plural(summary.notes, "note"),
            plural(summary.files, "file")
        )?;
    }
    Ok(())
}
