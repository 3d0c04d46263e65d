#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK208.md"))]

use crate::context::{Sink, UrlCheck};
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK208",
    "iframe-version",
    Note,
    "MRL",
    "an iframe path other than `/v2/` (the older design)"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let segments = url.words();
    if segments.len() == 1 && segments[0].text == "v2" {
        return ControlFlow::Continue(());
    }
    let path = url.parts.path;
    let message = if segments.is_empty() {
        "the iframe URL has no `/v2/` path: this serves the older Flinks Connect design".to_string()
    } else {
        "the iframe path is not `/v2/`".to_string()
    };
    sink.push(
        Diagnostic::new(&RULE, message)
            .with_span(path.span)
            .with_help(format!(
                "use the current design: {}",
                url.fixed(path.span, "/v2/")
            )),
    );
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, Severity, UrlContext};

    #[test]
    fn fires_as_a_note_on_the_old_path() {
        let found = check_iframe_url(
            "https://toolbox-iframe.private.fin.ag/?demo=true",
            &UrlContext::runtime(),
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            (found[0].code(), found[0].severity),
            ("FLK208", Severity::Note)
        );
    }

    #[test]
    fn does_not_fire_on_v2() {
        assert!(check_iframe_url(
            "https://toolbox-iframe.private.fin.ag/v2?demo=true",
            &UrlContext::runtime()
        )
        .is_empty());
    }
}
