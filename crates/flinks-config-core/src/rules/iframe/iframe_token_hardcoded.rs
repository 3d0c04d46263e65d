#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK204.md"))]

use super::shared;
use crate::context::{Sink, UrlCheck};
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK204",
    "iframe-token-hardcoded",
    Error,
    "MRL",
    "a literal authorize token in a configured or hard-coded iframe URL"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let token = url.parts.params().find(|p| {
        p.name.text.eq_ignore_ascii_case("authorizeToken")
            && p.value.is_some_and(|v| !v.text.is_empty())
    });
    let Some(param) = token else {
        return ControlFlow::Continue(());
    };
    if shared::exposed_secrets(url).next().is_some() {
        return ControlFlow::Continue(()); // a secret in the token's place is FLK205's
    }
    let query = url.parts.query.map_or(param.whole.span, |q| q.span);
    let remove = if param.whole.span.end < query.end {
        Span::new(param.whole.span.start, param.whole.span.end + 1)
    } else {
        Span::new(param.whole.span.start - 1, param.whole.span.end)
    };
    sink.push(
        Diagnostic::new(
            &RULE,
            "an authorize token is written into the iframe URL: tokens are single-use and expire after 30 minutes",
        )
        .with_span(param.value.map_or(param.whole.span, |v| v.span))
        .with_help(format!(
            "remove it and add a fresh token per session at runtime: {}",
            url.fixed(remove, "")
        )),
    );
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, UrlContext};

    const TOKEN: &str = "d65f1adb-8ebc-48dc-be8b-20c773ba1565";

    #[test]
    fn fires_on_a_stored_token_and_masks_it() {
        let url =
            format!("https://toolbox-iframe.private.fin.ag/v2/?demo=true&authorizeToken={TOKEN}");
        let found = check_iframe_url(&url, &UrlContext::runtime());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].code(), "FLK204");
        assert!(!format!("{found:?}").contains(TOKEN), "{found:#?}");
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .ends_with("/v2/?demo=true"));
    }

    #[test]
    fn does_not_fire_on_a_request_url() {
        let url =
            format!("https://toolbox-iframe.private.fin.ag/v2/?demo=true&authorizeToken={TOKEN}");
        assert!(check_iframe_url(&url, &UrlContext::request()).is_empty());
    }
}
