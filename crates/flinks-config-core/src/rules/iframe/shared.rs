//! What the iframe rules share. A leaf of the family: it imports no rule.

use crate::context::UrlCheck;
use crate::url::{Param, Part};
use crate::{CredentialKind, KnownValue};

/// The `demo` parameter, if the URL has one.
pub(crate) fn demo_param<'a>(url: &UrlCheck<'a>) -> Option<Param<'a>> {
    url.parts.params().find(|p| p.name.text == "demo")
}

/// Each `authorizeToken` value that is a known secret key or API key, with
/// the known value it matches (FLK205 reports them; FLK204 then leaves the
/// parameter alone, a hard-coded token being the lesser problem).
pub(crate) fn exposed_secrets<'u, 'a>(
    url: &'u UrlCheck<'a>,
) -> impl Iterator<Item = (Part<'a>, KnownValue<'u>)> + 'u {
    url.parts.params().filter_map(move |param| {
        let value = param.value?;
        if !param.name.text.eq_ignore_ascii_case("authorizeToken") {
            return None;
        }
        let known = url
            .cx
            .known
            .iter()
            .chain(KnownValue::toolbox().iter())
            .find(|k| {
                matches!(k.kind, CredentialKind::SecretKey | CredentialKind::ApiKey)
                    && k.matches(value.text)
            })?;
        Some((value, *known))
    })
}
