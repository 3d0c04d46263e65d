#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK106.md"))]

use super::shared::ApiPath;
use crate::context::Sink;
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK106",
    "api-query-string",
    Warning,
    "MRLQ",
    "a query string on an API URL (the API takes JSON bodies)"
);

pub(crate) fn check(path: &ApiPath<'_, '_>, sink: &mut Sink) -> ControlFlow<()> {
    let url = path.url;
    let Some(query) = url.parts.query else {
        return ControlFlow::Continue(());
    };
    let oauth = url
        .words()
        .get(1)
        .is_some_and(|s| s.text.eq_ignore_ascii_case("oauth"));
    if oauth {
        return ControlFlow::Continue(());
    }
    let span = Span::new(query.span.start - 1, query.span.end);
    sink.push(
        Diagnostic::new(
            &RULE,
            "a query string on an API URL: Flinks reads parameters from the JSON body",
        )
        .with_span(span)
        .with_help(format!(
            "move the parameters into the request body: {}",
            url.fixed(span, "")
        )),
    );
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, Severity, UrlContext};

    #[test]
    fn fires_as_a_warning() {
        let found = check_api_url(
            "https://toolbox-api.private.fin.ag/v3/?x=1",
            &UrlContext::runtime(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].code(), found[0].severity),
            ("FLK106", Severity::Warning)
        );
    }

    #[test]
    fn does_not_fire_on_the_oauth_entry_point() {
        let url = "https://toolbox-api.private.fin.ag/v3/oauth/authorize?institution_id=1&state=x";
        assert!(check_api_url(url, &UrlContext::runtime()).is_empty());
    }
}
