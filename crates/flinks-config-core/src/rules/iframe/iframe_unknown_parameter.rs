#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK207.md"))]

use crate::context::{Sink, UrlCheck};
use crate::iframe_params::{iframe_param, ParamValue, IFRAME_PARAMS};
use crate::text::clip;
use crate::text::nearest;
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK207",
    "iframe-unknown-parameter",
    Warning,
    "MRLQ",
    "an unknown or miscased iframe parameter (`authorizetoken` → `authorizeToken`, `toolbox=true` → `demo=true`)"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    for param in url.parts.params() {
        let name = param.name.text;
        if name.is_empty() || !url.clean(&param.name) {
            continue;
        }
        if let Some(known) = iframe_param(name) {
            if let (ParamValue::OneOf(values), Some(value)) = (known.value, param.value) {
                if !values.contains(&value.text) && !value.text.is_empty() {
                    sink.push(
                        Diagnostic::new(
                            &RULE,
                            format!("`{name}` does not take `{}`", clip(value.text, 40)),
                        )
                        .with_span(value.span)
                        .with_help(format!("use one of: {}", values.join(", "))),
                    );
                }
            }
            continue;
        }
        let guess = if name.eq_ignore_ascii_case("toolbox") || name.eq_ignore_ascii_case("sandbox")
        {
            Some("demo")
        } else {
            IFRAME_PARAMS
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name))
                .map(|p| p.name)
                .or_else(|| nearest(name, IFRAME_PARAMS.iter().map(|p| p.name)))
        };
        let diagnostic = match guess {
            Some(better) => Diagnostic::new(&RULE, format!("unknown iframe parameter `{}`", clip(name, 60)))
                .with_help(format!("did you mean {better}? {}", url.fixed(param.name.span, better)))
                // Certain only for the right name in the wrong case.
                .with_fix(url.fix(param.name.span, better, better.eq_ignore_ascii_case(name))),
            None => Diagnostic::new(&RULE, format!("unknown iframe parameter `{}`", clip(name, 60)))
                .with_help("check the name against the Flinks Connect parameters (they are case-sensitive camelCase)"),
        };
        sink.push(diagnostic.with_span(param.name.span));
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, UrlContext};

    const HOST: &str = "https://acme-iframe.private.fin.ag/v2/";

    #[test]
    fn a_misspelt_or_encoded_token_name_keeps_its_value_masked() {
        let token = "c0ffee00-dead-4bad-beef-0123456789ab";
        for name in [
            "authorizeTokn",
            "authorize%54oken",
            "AuthoriseToken",
            "authToken[]",
        ] {
            // http:// and demo=true in production add FLK002 and FLK202,
            // whose fixes repeat the whole URL.
            let url = format!("http://acme-iframe.private.fin.ag/v2/?demo=true&{name}={token}");
            let cx = UrlContext::runtime().in_environment(crate::Environment::Production);
            let found = check_iframe_url(&url, &cx);
            assert!(!found.is_empty(), "{name}");
            for d in &found {
                let shown = format!(
                    "{:?} {:?} {:?} {}",
                    d.help, d.snippet, d.location, d.message
                );
                assert!(!shown.contains("dead-4bad-beef"), "{name}: {shown}");
            }
        }
    }

    #[test]
    fn fires_with_suggestions() {
        for (query, want) in [
            ("authorizetoken=x", "authorizeToken"),
            ("toolbox=true", "demo"),
            ("langauge=en", "language"),
        ] {
            let found = check_iframe_url(&format!("{HOST}?{query}"), &UrlContext::runtime());
            let d = found.iter().find(|d| d.code() == "FLK207").expect(query);
            assert!(
                d.help
                    .as_deref()
                    .unwrap()
                    .starts_with(&format!("did you mean {want}?")),
                "{d:?}"
            );
        }
        let found = check_iframe_url(&format!("{HOST}?theme=blue"), &UrlContext::runtime());
        assert_eq!(found[0].code(), "FLK207");
    }

    #[test]
    fn does_not_fire_on_documented_parameters() {
        let url = format!("{HOST}?language=fr&theme=light&monthsOfStatements=Months12&tag=abc");
        assert!(check_iframe_url(&url, &UrlContext::runtime()).is_empty());
    }
}
