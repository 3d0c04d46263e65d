//! The secrets of a URL under check, from the parts it was already split
//! into: the values of secret-named parameters, the user-info, and known
//! secret values wherever they appear.

use super::masked::MaskedText;
use super::names::names_a_secret;
use crate::credential::KnownValue;
use crate::text::find_all_ignore_case;
use crate::url::UrlParts;

/// A URL's secrets: the text safe to show (same byte offsets, each secret
/// byte a `*`) and the secret values a message must never quote.
pub(crate) struct UrlSecrets {
    masked: String,
    values: Vec<String>,
}

impl UrlSecrets {
    /// From the parts the URL check split `value` into (`parts` spans are
    /// offsets into `value`). `known` are the caller's known values; the
    /// public sandbox's are recognised too.
    pub(crate) fn of_parts(value: &str, parts: &UrlParts<'_>, known: &[KnownValue<'_>]) -> Self {
        let is_known = |t: &str| {
            known
                .iter()
                .chain(KnownValue::toolbox().iter())
                .any(|k| k.kind.is_secret() && k.matches(t))
        };
        let mut text = MaskedText::new(value);
        mask_known(&mut text, value, known);
        let mut values = known_values(known);
        if let Some(info) = parts.userinfo {
            text.mask(info.span.start, info.span.end);
            values.push(info.text.to_string());
        }
        for param in parts.params() {
            let Some(v) = param.value else { continue };
            let named = names_a_secret(param.name.text);
            if named || is_known(v.text) {
                text.mask(v.span.start, v.span.end);
            }
            if named {
                values.push(v.text.to_string());
            }
        }
        for segment in &parts.segments {
            if is_known(segment.text) {
                text.mask(segment.span.start, segment.span.end);
            }
        }
        UrlSecrets {
            masked: text.finish(),
            values,
        }
    }

    /// For a text that could not be split: known values masked, and
    /// everything after the first `?` or `#` (without parts nothing tells a
    /// token from a host, so only the shape is shown).
    pub(crate) fn of_unsplit(value: &str, known: &[KnownValue<'_>]) -> Self {
        let mut text = MaskedText::new(value);
        mask_known(&mut text, value, known);
        if let Some(at) = value.find(['?', '#']) {
            text.mask(at + 1, value.len());
        }
        let mut values = known_values(known);
        // The check split the text inside any stray quotes or spaces; the
        // trimmed whole may still split, and its secret-named values are
        // then kept out of every message all the same.
        if let Ok(parts) = UrlParts::split(value.trim(), 0) {
            values.extend(
                parts
                    .params()
                    .filter(|p| names_a_secret(p.name.text))
                    .filter_map(|p| p.value.map(|v| v.text.to_string())),
            );
            values.extend(parts.userinfo.map(|u| u.text.to_string()));
        }
        UrlSecrets {
            masked: text.finish(),
            values,
        }
    }

    /// The URL with every secret's bytes masked, offsets kept.
    pub(crate) fn masked(&self) -> &str {
        &self.masked
    }

    /// The masked URL with `span` replaced: a fix, safe to show.
    pub(crate) fn fixed(&self, span: crate::Span, replacement: &str) -> String {
        let mut text = self.masked.clone();
        text.replace_range(span.range(), replacement);
        crate::text::clip(&text, 300)
    }

    /// The secret values, for the [`Redactor`](super::Redactor).
    pub(crate) fn into_values(self) -> Vec<String> {
        self.values
    }
}

fn known_values(known: &[KnownValue<'_>]) -> Vec<String> {
    known
        .iter()
        .filter(|k| k.kind.is_secret())
        .map(|k| k.value().to_string())
        .collect()
}

fn mask_known(text: &mut MaskedText, value: &str, known: &[KnownValue<'_>]) {
    for k in known
        .iter()
        .filter(|k| k.kind.is_secret() && k.value().len() >= 4)
    {
        for at in find_all_ignore_case(value, k.value()) {
            text.mask(at, at + k.value().len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CredentialKind;

    #[test]
    fn masks_secret_params_userinfo_and_known_values_keeping_offsets() {
        let secret = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
        let url = format!("https://me:pw@h/v3/{secret}/x?authorizeToken=abc&demo=true");
        let parts = UrlParts::split(&url, 0).unwrap();
        let known = [KnownValue::new(CredentialKind::SecretKey, secret)];
        let found = UrlSecrets::of_parts(&url, &parts, &known);
        assert_eq!(found.masked().len(), url.len());
        assert!(!found.masked().contains("pw") && !found.masked().contains("abc"));
        assert!(!found.masked().contains("5ec2e7"));
        assert!(found.masked().contains("demo=true"));
        let values = found.into_values();
        assert!(values.iter().any(|v| v == "abc") && values.iter().any(|v| v == "me:pw"));
    }

    #[test]
    fn an_unsplit_url_shows_only_its_shape() {
        let found = UrlSecrets::of_unsplit("h/x?authorizeToken=abc", &[]);
        assert_eq!(found.masked(), format!("h/x?{}", "*".repeat(18)));
    }
}
