//! `--format github`: workflow commands that annotate the pull request.

use super::place;
use flinks_config::Report;
use flinks_config_core::Severity;

/// Escapes a message (data) per the workflow-command rules.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, where `:` and `,` also separate.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error file=…,line=…::message` line per diagnostic.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in report.diagnostics() {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
            _ => "notice",
        };
        let at = place(report, d);
        let mut props = vec![format!(
            "title={}",
            property(&format!("{} {}", d.code(), d.rule.name))
        )];
        if let Some(path) = &at.path {
            props.push(format!("file={}", property(path)));
        }
        if let (Some(start), Some(end)) = (at.start, at.end) {
            props.push(format!(
                "line={},col={},endLine={},endColumn={}",
                start.0, start.1, end.0, end.1
            ));
        }
        let mut message = format!("{}: {}", d.code(), d.message);
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            data(&message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_per_the_workflow_rules() {
        assert_eq!(data("50%\nx"), "50%25%0Ax");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
