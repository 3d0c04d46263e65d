//! The secrets of a URL under check, from the parts it was already split
//! into: the values of secret-named parameters, the user-info, and known
//! secret values wherever they appear.

use super::fragments;
use super::masked::MaskedText;
use super::names::names_a_secret;
use crate::credential::{CredentialKind, KnownValue};
use crate::text::{find_all_ignore_case, find_ignore_case, percent_decode};
use crate::url::{Part, UrlParts};
use std::borrow::Cow;
use std::cell::OnceCell;

/// Where in a URL a credential was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The user-info before `@`.
    UserInfo,
    /// A path segment.
    PathSegment,
    /// A query parameter's name.
    QueryName,
    /// A query parameter's value.
    QueryValue,
    /// The fragment after `#`.
    Fragment,
}

impl Place {
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Place::UserInfo => "user-info before `@`",
            Place::PathSegment => "path segment",
            Place::QueryName => "query parameter name",
            Place::QueryValue => "query parameter value",
            Place::Fragment => "fragment after `#`",
        }
    }
}

/// A part of a URL holding a credential.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FoundCredential<'a> {
    /// The part, as written (maybe percent-encoded).
    pub(crate) part: Part<'a>,
    /// Where it sits.
    pub(crate) place: Place,
    /// The kind of the credential it holds.
    pub(crate) kind: CredentialKind,
    /// Whether it holds the whole value (else a piece of it).
    pub(crate) whole: bool,
    /// For a query value, its parameter's name.
    pub(crate) param: Option<&'a str>,
}

/// The credentials a URL's parts may carry: the caller's known secret
/// values (secret key, API key, authorize token) and the public sandbox's
/// secret key and API key. Customer ids are never secret: a part that is a
/// known customer id is left alone (the customer id belongs in the path).
pub(crate) struct Credentials<'k> {
    secrets: Vec<KnownValue<'k>>,
    customer_ids: Vec<&'k str>,
    windows: OnceCell<Vec<[u8; fragments::FRAGMENT]>>,
    /// Every secret is hex digits and dashes (a GUID, as Flinks issues
    /// them): a part without such a run of 8 holds none of them.
    hex_only: bool,
}

impl<'k> Credentials<'k> {
    pub(crate) fn new(known: &[KnownValue<'k>]) -> Self {
        Self::with_customer_id(known, None)
    }

    /// Also leaving `customer_id` (the configured one) alone.
    pub(crate) fn with_customer_id(known: &[KnownValue<'k>], customer_id: Option<&'k str>) -> Self {
        let all = known.iter().chain(KnownValue::toolbox().iter());
        let secrets: Vec<KnownValue<'k>> = all
            .clone()
            // Shorter values are no credential (Flinks keys are GUIDs) and
            // would match ordinary words of a URL.
            .filter(|k| k.kind.is_secret() && k.value().trim().len() >= 8)
            .copied()
            .collect();
        let customer_ids = all
            .filter(|k| k.kind == CredentialKind::CustomerId)
            .map(|k| k.value().trim())
            .chain(customer_id.map(str::trim))
            .collect();
        let hex_only = secrets
            .iter()
            .all(|k| k.value().trim().bytes().all(is_hex_or_dash));
        Credentials {
            secrets,
            customer_ids,
            windows: OnceCell::new(),
            hex_only,
        }
    }

    /// The credential `text` (one URL part, as written) holds, percent
    /// escapes decoded (twice-encoded too): the whole value, the value
    /// inside it, or a run of 12 or more of its characters (any case).
    pub(crate) fn held_by(&self, text: &str) -> Option<(CredentialKind, bool)> {
        if text.len() < 8 {
            return self
                .secrets
                .iter()
                .find(|k| k.matches(text))
                .map(|k| (k.kind, true));
        }
        let decoded = decode(text);
        let decoded = decoded.trim();
        // Every match below (whole, inside, or a 12-character piece) is a
        // run of at least 8 of the secret's own characters.
        if self.hex_only && longest_run(decoded, is_hex_or_dash) < 8 {
            return None;
        }
        if self
            .customer_ids
            .iter()
            .any(|id| !id.is_empty() && crate::text::constant_time_eq_ignore_case(id, decoded))
        {
            return None;
        }
        if let Some(k) = self.secrets.iter().find(|k| k.matches(decoded)) {
            return Some((k.kind, true));
        }
        // A value long enough not to be an ordinary word, inside the part.
        if let Some(k) = self
            .secrets
            .iter()
            .find(|k| k.value().len() >= 8 && find_ignore_case(decoded, k.value().trim()).is_some())
        {
            return Some((k.kind, true));
        }
        let runs = fragments::find(decoded, || {
            self.windows
                .get_or_init(|| fragments::windows_of(self.secrets.iter().map(|k| k.value())))
        });
        let (start, end) = runs.first().copied()?;
        let run = &decoded[start..end];
        // Which secret it is a piece of, for the message (few values, a
        // short run: one small index each).
        let kind = self
            .secrets
            .iter()
            .find(|k| {
                let own = fragments::windows_of([k.value()]);
                !fragments::find(run, || &own).is_empty()
            })
            .map_or(CredentialKind::SecretKey, |k| k.kind);
        Some((kind, false))
    }

    /// Every part of `parts` holding a credential, in order: user-info,
    /// path segments, query names and values, fragment.
    pub(crate) fn in_url<'a>(&self, parts: &UrlParts<'a>) -> Vec<FoundCredential<'a>> {
        let mut out = Vec::new();
        let mut look = |part: Part<'a>, place: Place, param: Option<&'a str>| {
            if let Some((kind, whole)) = self.held_by(part.text) {
                out.push(FoundCredential {
                    part,
                    place,
                    kind,
                    whole,
                    param,
                });
            }
        };
        if let Some(info) = parts.userinfo {
            look(info, Place::UserInfo, None);
        }
        for segment in &parts.segments {
            if !segment.text.is_empty() {
                look(*segment, Place::PathSegment, None);
            }
        }
        for param in parts.params() {
            if !param.name.text.is_empty() {
                look(param.name, Place::QueryName, None);
            }
            if let Some(value) = param.value.filter(|v| !v.text.is_empty()) {
                look(value, Place::QueryValue, Some(param.name.text));
            }
        }
        if let Some(fragment) = parts.fragment.filter(|f| !f.text.is_empty()) {
            look(fragment, Place::Fragment, None);
        }
        out
    }
}

/// Whether a URL can carry one of the `known` secrets at all: a cheap test
/// before [`Credentials`] is built. Every Flinks secret is a GUID, so a URL
/// whose text (percent escapes decoded) has no run of 8 hex digits and
/// dashes other than a customer id carries none; a secret of another
/// shape is always looked for.
pub(crate) fn may_carry(url: &str, known: &[KnownValue<'_>], customer_id: Option<&str>) -> bool {
    let is_id = |run: &str| {
        customer_id.is_some_and(|id| id.trim().eq_ignore_ascii_case(run))
            || known
                .iter()
                .chain(KnownValue::toolbox().iter())
                .filter(|k| k.kind == CredentialKind::CustomerId)
                .any(|k| k.value().trim().eq_ignore_ascii_case(run))
    };
    let text = decode(url);
    let bytes = text.as_bytes();
    let mut start = 0;
    for end in 0..=bytes.len() {
        if end < bytes.len() && is_hex_or_dash(bytes[end]) {
            continue;
        }
        if end - start >= 8 && !is_id(&text[start..end]) {
            return true;
        }
        start = end + 1;
    }
    // No such run: only a secret of another shape than a GUID could be
    // there (the public toolbox keys are GUIDs).
    known
        .iter()
        .filter(|k| k.kind.is_secret())
        .any(|k| !k.value().trim().bytes().all(is_hex_or_dash))
}

fn is_hex_or_dash(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b'-'
}

/// The length of the longest run of bytes of `text` that `keep` accepts.
fn longest_run(text: &str, keep: fn(u8) -> bool) -> usize {
    let (mut best, mut run) = (0, 0);
    for b in text.bytes() {
        run = if keep(b) { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// `text` with percent escapes decoded until none is left (at most three
/// rounds: a value encoded twice still decodes to the secret).
fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let mut out = percent_decode(text);
    for _ in 0..2 {
        if !out.contains('%') {
            break;
        }
        let next = percent_decode(&out);
        if next == out {
            break;
        }
        out = next;
    }
    Cow::Owned(out)
}

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
        // A credential anywhere (FLK009), percent-encoded or in part: the
        // whole part is masked, and its text kept out of every message.
        for found in Credentials::new(known).in_url(parts) {
            text.mask(found.part.span.start, found.part.span.end);
            values.push(found.part.text.to_string());
        }
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
        let credentials = Credentials::new(known);
        for (start, end) in pieces(value) {
            if credentials.held_by(&value[start..end]).is_some() {
                text.mask(start, end);
                values.push(value[start..end].to_string());
            }
        }
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

/// The pieces of a text between URL delimiters (and quotes, spaces): where
/// a credential may sit in a URL that could not be split.
fn pieces(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let is_delimiter = |b: u8| {
        matches!(
            b,
            b'/' | b'?' | b'#' | b'&' | b'=' | b'@' | b':' | b';' | b',' | b'"' | b'\'' | b'`'
        ) || b.is_ascii_whitespace()
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && is_delimiter(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && !is_delimiter(bytes[i]) {
            i += 1;
        }
        Some((start, i))
    })
}

/// The pieces of `text` (between URL delimiters) holding a percent escape
/// whose decoded form `holds` a secret: a percent-encoded copy of a key
/// (`c4569c54%2De167…`) that no plain search finds.
pub(crate) fn encoded_copies(text: &str, holds: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    if !text.contains('%') {
        return Vec::new();
    }
    pieces(text)
        .filter(|&(start, end)| {
            let piece = &text[start..end];
            piece.contains('%') && holds(&decode(piece))
        })
        .collect()
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
    fn an_encoded_or_partial_copy_is_masked_split_or_not() {
        let secret = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
        let known = [KnownValue::new(CredentialKind::ApiKey, secret)];
        let encoded = secret.replace('-', "%2D");
        let url = format!("https://h/v3/{encoded}/x#{}", &secret[3..20]);
        let parts = UrlParts::split(&url, 0).unwrap();
        let found = UrlSecrets::of_parts(&url, &parts, &known);
        assert_eq!(
            found.masked(),
            format!(
                "https://h/v3/{}/x#{}",
                "*".repeat(encoded.len()),
                "*".repeat(17)
            )
        );
        let unsplit = format!("h/v3/{encoded}/x");
        let found = UrlSecrets::of_unsplit(&unsplit, &known);
        assert!(!found.masked().contains("%2D"), "{}", found.masked());
        // The redactor finds encoded copies in any text too.
        let r = super::super::Redactor::fragments_only(&[secret]);
        assert_eq!(r.mask_text(&format!("see /{encoded}/")), "see /[redacted]/");
    }

    #[test]
    fn an_unsplit_url_shows_only_its_shape() {
        let found = UrlSecrets::of_unsplit("h/x?authorizeToken=abc", &[]);
        assert_eq!(found.masked(), format!("h/x?{}", "*".repeat(18)));
    }
}
