#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK206.md"))]

use crate::context::{Sink, UrlCheck};
use crate::iframe_params::{iframe_param, ParamValue};
use crate::text::clip;
use crate::url::Param;
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK206",
    "iframe-malformed-query",
    Error,
    "MRLQ",
    "a second `?`, an empty name, `demo=yes` (not a boolean), a parameter given twice"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let Some(query) = url.parts.query else {
        return ControlFlow::Continue(());
    };
    // One finding per run of `?`: `???` is one mistake, not three.
    let bytes = query.text.as_bytes();
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'?') {
        let start = i + at;
        let end = start + bytes[start..].iter().take_while(|&&b| b == b'?').count();
        i = end;
        let at = Span::new(query.span.start + start, query.span.start + end);
        let message = if end - start == 1 {
            "a second `?` in the query: everything after it is one value"
        } else {
            "extra `?`s in the query: everything after them is one value"
        };
        // The corrected URL is a pass over the value: built only if kept.
        sink.push_with(&RULE, || {
            Diagnostic::new(&RULE, message)
                .with_span(at)
                .with_help(format!(
                    "separate parameters with `&`: {}",
                    url.fixed(at, "&")
                ))
        });
    }
    let params: Vec<_> = url.parts.params().collect();
    // Between two `?` of a run: already reported with the run.
    let beside_question_mark = |param: &Param<'_>| {
        let at = param.whole.span.start - query.span.start;
        bytes.get(at) == Some(&b'?')
            || at.checked_sub(1).and_then(|before| bytes.get(before)) == Some(&b'?')
    };
    let is_stray = |param: &Param<'_>| param.whole.text.is_empty() && !beside_question_mark(param);
    let mut run_end = 0;
    // Names met so far: one lookup per parameter, not a scan of those before.
    let mut seen = std::collections::HashSet::new();
    for (i, param) in params.iter().enumerate() {
        let first_of_name = seen.insert(param.name.text);
        if param.whole.text.is_empty() {
            // One finding per run of `&`: `&&&&` is one mistake. A single
            // trailing `&` is harmless.
            let trailing_only = i + 1 == params.len() && params.len() > 1;
            if i >= run_end && is_stray(param) && !trailing_only {
                run_end = i + params[i..].iter().take_while(|p| is_stray(p)).count();
                let span = Span::new(
                    param.whole.span.start.saturating_sub(1),
                    params[run_end - 1].whole.span.end + 1,
                );
                let span = Span::new(span.start, span.end.min(query.span.end));
                sink.push(
                    Diagnostic::new(&RULE, "an empty parameter (`&&`)")
                        .with_span(span)
                        .with_help("remove the extra `&`"),
                );
            }
            continue;
        }
        if param.name.text.is_empty() {
            sink.push(
                Diagnostic::new(&RULE, "a parameter with no name")
                    .with_span(param.whole.span)
                    .with_help("write it as name=value"),
            );
            continue;
        }
        if !first_of_name {
            sink.push(
                Diagnostic::new(
                    &RULE,
                    format!("`{}` is given twice", clip(param.name.text, 60)),
                )
                .with_span(param.whole.span)
                .with_help("keep one of them"),
            );
            continue;
        }
        let Some(known) = iframe_param(param.name.text) else {
            continue;
        };
        if known.value == ParamValue::Bool {
            let value = param.value.map_or("", |v| v.text);
            if value != "true" && value != "false" {
                let span = param.value.map_or(param.whole.span, |v| v.span);
                let fix = if value.eq_ignore_ascii_case("true")
                    || matches!(value, "1" | "yes" | "on" | "")
                {
                    "true"
                } else {
                    "false"
                };
                sink.push(
                    Diagnostic::new(
                        &RULE,
                        format!(
                            "`{}` takes `true` or `false`, not `{}`",
                            param.name.text,
                            clip(value, 40)
                        ),
                    )
                    .with_span(span)
                    .with_help(format!("write {}={fix}", param.name.text)),
                );
            }
        }
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, Diagnostic, UrlContext};

    const HOST: &str = "https://toolbox-iframe.private.fin.ag/v2/";

    fn codes(query: &str) -> Vec<&'static str> {
        check_iframe_url(&format!("{HOST}?{query}"), &UrlContext::runtime())
            .iter()
            .map(|d| d.code())
            .collect()
    }

    #[test]
    fn fires_on_each_malformation() {
        assert_eq!(codes("demo=true?institutionsLocation=ca"), ["FLK206"]);
        assert_eq!(codes("demo=true???institutionsLocation=ca"), ["FLK206"]);
        assert_eq!(codes("demo=true?language=en?tag=x"), ["FLK206", "FLK206"]);
        assert_eq!(codes("demo=true&&&&language=en"), ["FLK206"]);
        assert_eq!(codes("demo=true&&&"), ["FLK206"]);
        assert_eq!(codes("demo=true&&language=en&&tag=x"), ["FLK206", "FLK206"]);
        assert_eq!(codes("demo=true&&language=en"), ["FLK206"]);
        assert_eq!(codes("demo=true&=en"), ["FLK206"]);
        assert_eq!(codes("demo=true&demo=true"), ["FLK206"]);
        assert_eq!(codes("demo=yes"), ["FLK201", "FLK206"]);
    }

    #[test]
    fn second_question_mark_gets_an_ampersand_fix() {
        let found = check_iframe_url(
            &format!("{HOST}?demo=true?language=en"),
            &UrlContext::runtime(),
        );
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .ends_with("?demo=true&language=en"));
    }

    /// The one finding on `url`, and the text its span covers.
    fn only_finding(url: &str) -> (Diagnostic, &str) {
        let mut found = check_iframe_url(url, &UrlContext::runtime());
        assert_eq!(found.len(), 1, "{found:?}");
        let finding = found.remove(0);
        let span = finding.span.unwrap();
        (finding, &url[span.start..span.end])
    }

    #[test]
    fn a_run_of_question_marks_is_one_finding_over_the_whole_run() {
        let url = format!("{HOST}?demo=true???language=en");
        let (finding, covered) = only_finding(&url);
        assert_eq!(covered, "???");
        assert!(finding
            .help
            .as_deref()
            .unwrap()
            .ends_with("?demo=true&language=en"));
    }

    #[test]
    fn a_run_of_ampersands_is_one_finding_over_the_whole_run() {
        let url = format!("{HOST}?demo=true&&&&language=en");
        assert_eq!(only_finding(&url).1, "&&&&");
    }

    #[test]
    fn does_not_fire_on_a_clean_query_or_trailing_ampersand() {
        assert!(codes("demo=true&language=fr&theme=dark").is_empty());
        assert!(codes("demo=true&").is_empty());
    }
}
