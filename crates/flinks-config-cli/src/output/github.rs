//! `--format github`: workflow commands that annotate the pull request.

use super::place;
use flinks_config::Report;
use flinks_config_core::render::escape_controls;
use flinks_config_core::Severity;

/// Escapes a message (data) per the workflow-command rules. Control
/// characters and bidi overrides a file held are already written as
/// `\u{…}` ([`escape_controls`]): a log viewer is a terminal too.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, where `:` and `,` also separate.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error file=…,line=…::message` line per diagnostic, written as
/// each is made.
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
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
            props.push(format!("file={}", property(&escape_controls(path))));
        }
        if let (Some(start), Some(end)) = (at.start, at.end) {
            props.push(format!(
                "line={},col={},endLine={},endColumn={}",
                start.0, start.1, end.0, end.1
            ));
        }
        let mut message = format!("{}: {}", d.code(), escape_controls(&d.message));
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {}", escape_controls(help)));
        }
        writeln!(out, "::{command} {}::{}", props.join(","), data(&message))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_per_the_workflow_rules() {
        assert_eq!(data("50%\nx"), "50%25%0Ax");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn hostile_paths_and_messages_are_escaped() {
        use flinks_config::__private::SourceText;
        use flinks_config_core::redact::Redactor;
        use flinks_config_core::{rules, Diagnostic, Location, Source, Span};
        let path = "deploy/\u{202e}vne.\x1b]8;;x\x07,a:b%.env";
        let d = Diagnostic::new(
            &rules::field_unknown::RULE,
            "unknown `K\x1b[2J\r\n::error::x`",
        )
        .with_help("h\u{9b}")
        .with_location(Location::new(Source::File(path.into()), "K").with_span(Span::new(0, 1)));
        let mut report = Report::redacted(Redactor::new(&[]), vec![d]);
        report.add_source(SourceText {
            path: path.into(),
            text: "K=1\n".into(),
            secrets: vec![],
        });
        let mut out = Vec::new();
        write(&report, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(
            !out.trim_end()
                .chars()
                .any(flinks_config_core::render::is_hostile),
            "{out:?}"
        );
        assert!(
            out.contains("file=deploy/\\u{202e}vne.\\u{1b}]8;;x\\u{7}%2Ca%3Ab%25.env"),
            "{out}"
        );
        assert!(out.contains("\\u{1b}[2J\\u{d}\\u{a}::error::x"), "{out}");
    }
}
