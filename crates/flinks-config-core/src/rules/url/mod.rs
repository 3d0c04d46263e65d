//! FLK0xx, the URL family: what any Flinks URL must be (parseable, HTTPS,
//! a Flinks host, no placeholder or stray part). Its pipeline runs first
//! for every URL, then hands an API URL to [`api`] and an
//! iframe URL to [`iframe`].
//!
//! | code   | rule                   |
//! |--------|------------------------|
//! | FLK001 | [`url_unparseable`]      |
//! | FLK002 | [`url_not_https`]        |
//! | FLK003 | [`url_double_slash`]     |
//! | FLK004 | [`url_subdomain_dot`]    |
//! | FLK005 | [`url_foreign_host`]     |
//! | FLK006 | [`url_placeholder`]      |
//! | FLK007 | [`url_extra_parts`]      |
//! | FLK008 | [`url_stray_characters`] |
//! | FLK009 | [`url_credential`]       |
//! | FLK010 | [`url_dot_segment`]      |
//!
//! The family's check shape is
//! `check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()>`.
//! Two steps run on the raw text, before there are parts to check, and so
//! take the text: FLK008 trims stray characters around the URL, and FLK001
//! reports a text that does not split (`report_split`), with FLK006's
//! `report` for the placeholders such a text holds. The profile rules that
//! also read a URL's host (FLK501–FLK503, FLK506) export `check_url` in
//! this family's shape, and this pipeline calls them.

pub mod url_credential;
pub mod url_dot_segment;
pub mod url_double_slash;
pub mod url_extra_parts;
pub mod url_foreign_host;
pub mod url_not_https;
pub mod url_placeholder;
pub mod url_stray_characters;
pub mod url_subdomain_dot;
pub mod url_unparseable;

use super::profile::{
    instance_invalid, production_instance_in_sandbox, sandbox_credentials_in_production,
    sandbox_instance_in_production,
};
use super::{api, iframe};
use crate::context::{Sink, UrlCheck, UrlContext, UrlKind};
use crate::host::classify_host;
use crate::redact::{Findings, UrlSecrets};
use crate::text::placeholders;
use crate::url::UrlParts;
use crate::Span;
use std::cell::{OnceCell, RefCell};
use std::ops::ControlFlow;

/// Every URL rule, then the API or iframe family's, on `value`: the raw
/// findings, sorted by position, each with the URL (secrets masked) as its
/// snippet, and the secrets of the URL.
pub(crate) fn findings(value: &str, kind: UrlKind, cx: &UrlContext<'_>) -> Findings {
    let mut sink = Sink::new(cx.checker);
    let (start, end) = url_stray_characters::check(value, &mut sink);
    let inner = &value[start..end];
    let found: Vec<Span> = placeholders(inner)
        .into_iter()
        .map(|(s, e)| Span::new(s + start, e + start))
        .collect();
    let split_at = UrlParts::split(inner, start);
    let split = split_at.is_ok();
    let secrets = match split_at {
        Err(error) => {
            url_unparseable::report_split(&error, &mut sink);
            url_placeholder::report(&found, None, &mut sink);
            if sink.out.is_empty() {
                return Findings::default();
            }
            UrlSecrets::of_unsplit(value, cx.known)
        }
        Ok(parts) => {
            let url = UrlCheck {
                value,
                kind,
                host: classify_host(parts.host.text),
                parts,
                cx,
                secrets: OnceCell::new(),
                placeholders: found,
                broken: RefCell::new(Vec::new()),
            };
            let _ = check(&url, &mut sink);
            if sink.out.is_empty() {
                return Findings::default();
            }
            url.secrets();
            url.secrets.into_inner().expect("found above")
        }
    };
    let mut out = sink.out;
    // No fix is ever built from, or carries, a secret.
    let clean = secrets.masked() == value;
    for d in &mut out {
        d.snippet = Some(secrets.masked().to_string());
        if !clean {
            d.fix = None;
        } else if d.rule.code == url_stray_characters::RULE.code && split {
            // FLK008 runs on the raw text: its fix is the URL inside.
            d.fix = Some(crate::Fix::machine_applicable(inner));
        }
    }
    out.sort_by_key(|d| d.span.map_or(0, |s| s.start));
    Findings::new(out, secrets.into_values())
}

/// The rules of a split URL, in order: FLK001 first, since the others skip
/// what it found broken.
fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    url_unparseable::check(url, sink)?;
    url_placeholder::check(url, sink)?;
    url_not_https::check(url, sink)?;
    url_extra_parts::check(url, sink)?;
    url_subdomain_dot::check(url, sink)?;
    url_foreign_host::check(url, sink)?;
    url_double_slash::check(url, sink)?;
    url_dot_segment::check(url, sink)?;
    url_credential::check(url, sink)?;
    instance_invalid::check_url(url, sink)?;
    sandbox_instance_in_production::check_url(url, sink)?;
    production_instance_in_sandbox::check_url(url, sink)?;
    sandbox_credentials_in_production::check_url(url, sink)?;
    match url.kind {
        UrlKind::Api => api::check(url, sink),
        UrlKind::Iframe => iframe::check(url, sink),
    }
}
