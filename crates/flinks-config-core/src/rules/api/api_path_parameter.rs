#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK107.md"))]

use super::shared::ApiPath;
use crate::context::Sink;
use crate::{is_guid, Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK107",
    "api-path-parameter",
    Error,
    "MRLQ",
    "`…Async/` or `DeleteCard/` without its id, or with `undefined`, `null`, `{requestId}`"
);

pub(crate) fn check(path: &ApiPath<'_, '_>, sink: &mut Sink) -> ControlFlow<()> {
    let (url, segments) = (path.url, path.segments);
    let (Some(endpoint), Some(name)) = (path.endpoint, segments.get(3)) else {
        return ControlFlow::Continue(());
    };
    match (endpoint.path_param, segments.get(4)) {
        (Some(kind), None) => {
            let at = Span::new(name.span.end, name.span.end);
            sink.push(
                Diagnostic::new(
                    &RULE,
                    format!("`{}` needs the {kind} after it in the path", endpoint.name),
                )
                // From the name to the end of the path: where the id belongs.
                .with_span(Span::new(
                    name.span.start,
                    url.parts.path.span.end.max(name.span.end),
                ))
                .with_help(format!(
                    "append the {kind}: {}",
                    url.fixed(at, &format!("/{{{}}}", camel(kind.noun())))
                )),
            );
        }
        (Some(kind), Some(param)) if !is_guid(param.text) => {
            let what = match param.text.to_ascii_lowercase().as_str() {
                "" => "an empty".to_string(),
                "undefined" | "null" | "none" | "nil" => format!("`{}` as the", param.text),
                _ if url
                    .placeholders
                    .iter()
                    .any(|p| p.start < param.span.end && param.span.start < p.end) =>
                {
                    "a placeholder as the".to_string()
                }
                _ => "a value that is not a GUID as the".to_string(),
            };
            sink.push(
                Diagnostic::new(&RULE, format!("`{}` has {what} {kind}", endpoint.name))
                    .with_span(param.span)
                    .with_help(format!("pass the {kind} returned by Flinks (a GUID)")),
            );
        }
        (None, Some(extra)) => {
            sink.push(
                Diagnostic::new(
                    &RULE,
                    format!("`{}` takes no path parameter", endpoint.name),
                )
                .with_span(Span::new(extra.span.start - 1, url.parts.path.span.end))
                .with_help(format!("send ids in the JSON body of {}", endpoint.name)),
            );
            return ControlFlow::Continue(());
        }
        _ => {}
    }
    if let Some(extra) = segments.get(5) {
        sink.push(
            Diagnostic::new(&RULE, format!("unexpected path after `{}`", endpoint.name))
                .with_span(Span::new(extra.span.start - 1, url.parts.path.span.end))
                .with_help("remove the extra segments"),
        );
    }
    ControlFlow::Continue(())
}

fn camel(noun: &str) -> String {
    let mut words = noun.split(' ');
    let mut out = words.next().unwrap_or_default().to_string();
    for w in words {
        let mut chars = w.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    const BASE: &str = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices";

    fn codes(path: &str) -> Vec<&'static str> {
        check_api_url(&format!("{BASE}/{path}"), &UrlContext::runtime())
            .iter()
            .map(|d| d.code())
            .collect()
    }

    #[test]
    fn fires_on_missing_or_bogus_ids() {
        for path in [
            "GetAccountsDetailAsync",
            "GetAccountsDetailAsync/",
            "GetAccountsDetailAsync/undefined",
            "GetAccountsDetailAsync/null",
            "GetAccountsDetailAsync/{requestId}",
            "DeleteCard/1234",
            "Authorize/43387ca6-0391-4c82-857d-70d95f087ecb",
        ] {
            assert_eq!(codes(path), ["FLK107"], "{path}");
        }
    }

    #[test]
    fn does_not_fire_on_a_guid() {
        assert!(codes("GetAccountsSummaryAsync/43387ca6-0391-4c82-857d-70d95f087ecb").is_empty());
        assert!(codes("DeleteCard/43387ca6-0391-4c82-857d-70d95f087ecb").is_empty());
    }
}
