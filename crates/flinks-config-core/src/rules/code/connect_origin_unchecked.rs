#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK601.md"))]

use crate::Diagnostic;

rule!(
    "FLK601",
    "connect-origin-unchecked",
    Warning,
    "L",
    "a `message` listener acts on Flinks Connect events without checking `event.origin`"
);

/// The Flinks Connect event words a listener acts on.
const CONNECT_WORDS: [&str; 4] = ["REDIRECT", "loginId", "LoginId", "step"];

/// The finding for a `message` listener whose code is `body` (the listener
/// function's text), if it acts on Flinks Connect events and never reads
/// the event's `origin`. The caller attaches the location (the listener).
///
/// ```
/// use flinks_config_core::rules::connect_origin_unchecked::check;
/// assert!(check("(e) => { if (e.data.step === 'REDIRECT') save(e.data.loginId) }").is_some());
/// assert!(check("(e) => { if (e.origin !== ORIGIN) return; save(e.data.loginId) }").is_none());
/// assert!(check("(e) => console.log(e.data)").is_none());
/// ```
pub fn check(body: &str) -> Option<Diagnostic> {
    let acts = CONNECT_WORDS.iter().any(|w| has_word(body, w));
    if !acts || has_word(body, "origin") {
        return None;
    }
    Some(
        Diagnostic::new(
            &RULE,
            "this `message` listener acts on Flinks Connect events without checking `event.origin`: any window can post a fake `loginId`",
        )
        .with_help(
            "return early unless `event.origin` is your Flinks Connect iframe's origin (`https://{instance}-iframe.private.fin.ag`)",
        ),
    )
}

/// Whether `word` occurs in `text` as a whole identifier.
fn has_word(text: &str, word: &str) -> bool {
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
    let bytes = text.as_bytes();
    text.match_indices(word).any(|(at, _)| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + word.len()).copied();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_on_connect_events_without_origin() {
        let d = check("function (e) { if (e.data.step == \"REDIRECT\") { go(e.data.url) } }")
            .expect("a finding");
        assert_eq!(d.code(), "FLK601");
        assert_eq!(d.severity, crate::Severity::Warning);
    }

    #[test]
    fn origin_check_or_other_messages_stay_clean() {
        assert!(check("e => { if (e.origin !== FLINKS) return; use(e.data.loginId) }").is_none());
        assert!(
            check("e => { const { origin } = e; if (origin != o) return; e.data.step }").is_none()
        );
        // `steps`, `stepper` are not the Connect `step` field.
        assert!(check("e => render(e.data.steps, stepper)").is_none());
    }
}
