//! What the iframe rules share. A leaf of the family: it imports no rule.

use crate::context::UrlCheck;
use crate::redact::Credentials;
use crate::url::{Param, Part};
use crate::CredentialKind;

/// The `demo` parameter, if the URL has one.
pub(crate) fn demo_param<'a>(url: &UrlCheck<'a>) -> Option<Param<'a>> {
    url.parts.params().find(|p| p.name.text == "demo")
}

/// Each `authorizeToken` value that holds a known secret key or API key
/// (whole or in part, in any case, percent-encoded or not), with the kind
/// it holds (FLK205 reports them; FLK204 then leaves the parameter alone,
/// a hard-coded token being the lesser problem).
pub(crate) fn exposed_secrets<'u, 'a>(
    url: &'u UrlCheck<'a>,
) -> impl Iterator<Item = (Part<'a>, CredentialKind)> + 'u {
    let credentials = Credentials::with_customer_id(url.cx.known, url.cx.customer_id);
    url.parts.params().filter_map(move |param| {
        let value = param.value?;
        if !param.name.text.eq_ignore_ascii_case("authorizeToken") {
            return None;
        }
        let (kind, _) = credentials.held_by(value.text)?;
        matches!(kind, CredentialKind::SecretKey | CredentialKind::ApiKey).then_some((value, kind))
    })
}
