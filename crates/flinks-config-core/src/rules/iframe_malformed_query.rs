#![doc = include_str!("../../../../docs/rules/FLK206.md")]

use crate::check::{Sink, UrlCheck};
use crate::iframe_params::{iframe_param, ParamValue};
use crate::text::clip;
use crate::{Diagnostic, Span};

rule!(
    "FLK206",
    "iframe-malformed-query",
    Error,
    "MRLQ",
    "a second `?`, an empty name, `demo=yes` (not a boolean), a parameter given twice"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) {
    let Some(query) = url.parts.query else { return };
    for (i, _) in query.text.match_indices('?') {
        let at = Span::new(query.span.start + i, query.span.start + i + 1);
        sink.push(
            Diagnostic::new(
                &RULE,
                "a second `?` in the query: everything after it is one value",
            )
            .with_span(at)
            .with_help(format!(
                "separate parameters with `&`: {}",
                url.fixed(at, "&")
            )),
        );
    }
    let params: Vec<_> = url.parts.params().collect();
    for (i, param) in params.iter().enumerate() {
        let last = i + 1 == params.len();
        if param.whole.text.is_empty() {
            if !last || params.len() == 1 {
                let span = Span::new(
                    param.whole.span.start.saturating_sub(1),
                    param.whole.span.end + 1,
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
        if params[..i].iter().any(|p| p.name.text == param.name.text) {
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
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, UrlContext};

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

    #[test]
    fn does_not_fire_on_a_clean_query_or_trailing_ampersand() {
        assert!(codes("demo=true&language=fr&theme=dark").is_empty());
        assert!(codes("demo=true&").is_empty());
    }
}
