#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK506.md"))]

use crate::context::{Sink, UrlCheck};
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK506",
    "instance-invalid",
    Error,
    "MRL",
    "an instance name that is not lowercase letters, digits and inner `-`, ends in `-api`/`-iframe`, or has a dot"
);

use super::shared::instance_problem;
pub use super::shared::MAX_LEN;

/// An instance name (the last step of the instance pipeline, after FLK303
/// and FLK306).
pub(crate) fn check_instance(value: &str, sink: &mut Sink) -> ControlFlow<()> {
    if let Some((message, span, help)) = instance_problem(value) {
        let mut d = Diagnostic::new(&RULE, message).with_help(help);
        if let Some(span) = span {
            d = d.with_span(span);
        }
        sink.push(d);
    }
    ControlFlow::Continue(())
}

/// The instance part of a Flinks host.
pub(crate) fn check_url(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let Some(host) = &url.host else {
        return ControlFlow::Continue(());
    };
    if !url.clean(&url.parts.host) {
        return ControlFlow::Continue(());
    }
    if let Some((message, span, help)) = instance_problem(&host.instance) {
        let start = url.parts.host.span.start;
        let span = span.map_or(Span::new(start, start + host.instance.len()), |s| {
            s.shift(start)
        });
        sink.push(
            Diagnostic::new(&RULE, message)
                .with_span(span)
                .with_help(help),
        );
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, check_instance, Checker, UrlContext};

    #[test]
    fn fires_on_each_bad_shape() {
        for (value, bad) in [
            ("toolbox.api", Some(".")),
            ("toolbox-api", Some("-api")),
            ("Acme", Some("A")),
            ("acme_ca", Some("_")),
            ("-acme", Some("-")),
            ("acme--ca", Some("-")),
            ("https://acme-api.private.fin.ag", None),
        ] {
            let found = check_instance(value, Checker::Runtime);
            assert_eq!(found.len(), 1, "{value}: {found:#?}");
            assert_eq!(found[0].code(), "FLK506", "{value}");
            assert_eq!(found[0].span.map(|s| &value[s.range()]), bad, "{value}");
        }
        let long = "a".repeat(51);
        assert_eq!(check_instance(&long, Checker::Runtime)[0].code(), "FLK506");
    }

    #[test]
    fn fires_on_a_bad_instance_in_a_host() {
        let found = check_api_url(
            "https://acme--x-api.private.fin.ag/v3/",
            &UrlContext::runtime(),
        );
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK506"]
        );
    }

    #[test]
    fn does_not_fire_on_valid_instances() {
        for value in ["toolbox", "acme", "acme-ca", "acme-us", "bank2"] {
            assert!(
                check_instance(value, Checker::Runtime).is_empty(),
                "{value}"
            );
        }
    }
}
