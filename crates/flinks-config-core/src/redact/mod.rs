//! Hiding secrets: the one home of masking.
//!
//! Rules and loaders produce raw findings ([`Findings`]: diagnostics plus
//! the secret values they know). A [`Redactor`], built once from every
//! secret a run knows, masks them: messages, help, snippets, key paths,
//! file and variable names, and the source lines a renderer shows. Its
//! output is [`Redacted`], the only form a report accepts, so a path that
//! forgets to redact does not compile.
//!
//! ```
//! use flinks_config_core::redact::Redactor;
//! use flinks_config_core::{rules, Diagnostic};
//! let secret = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
//! let d = Diagnostic::new(&rules::url_not_https::RULE, format!("scheme `http{secret}`"));
//! let safe = Redactor::new(&[secret]).redact(vec![d]);
//! assert_eq!(safe[0].message, "scheme `http[redacted]`");
//! ```

mod fragments;
mod line;
mod masked;
mod names;
mod url;
mod values;

#[doc(hidden)]
pub use fragments::{secret_fragments, SecretFragments};
pub use line::LineSource;
pub use names::names_a_secret;
pub(crate) use url::{may_carry, Credentials, Place, UrlSecrets};

use crate::diagnostic::{Diagnostic, Source, Span};
use crate::text::find_ignore_case;
use fragments::FRAGMENT;
use masked::MaskedText;
pub use masked::MASK;
use std::fmt;
use std::sync::OnceLock;

/// Masks every secret a run knows, wherever a finding could show it.
///
/// Built once from every secret value (whole values are searched with ASCII
/// case ignored; values shorter than four bytes are not searched, they would
/// mask ordinary words) and from their fragments: hex runs sharing 12 or
/// more characters with a secret, left when an escape or a typo cut one.
/// Its `Debug` shows how many values it holds, never one of them. It is
/// `Send` and `Sync`: one redactor can serve a run's worker threads.
///
/// ```
/// use flinks_config_core::redact::Redactor;
/// let mut redactor = Redactor::new(&["hunter22"]);
/// redactor.extend(["ca0a21e5-f00d-4bad-8c0d-5ec2e7000001"]);
/// assert_eq!(redactor.mask_text("pw HUNTER22, id ca0a21e5-f00d-4bad-8c0d"), "pw [redacted], id [redacted]");
/// assert_eq!(format!("{redactor:?}"), "Redactor { values: 2, .. }");
/// ```
pub struct Redactor {
    values: Vec<String>,
    /// Whether whole values are searched (each is one pass over each text),
    /// or only their fragments (one pass for all: see [`Redactor::fragments_only`]).
    whole_values: bool,
    windows: OnceLock<Vec<[u8; FRAGMENT]>>,
    /// The values, indexed for one pass over a text (built on first need).
    index: OnceLock<values::ValueIndex>,
}

impl Redactor {
    /// A redactor of these secret values.
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// assert_eq!(Redactor::new(&["hunter22"]).mask_text("x hunter22"), "x [redacted]");
    /// ```
    pub fn new(secrets: &[&str]) -> Self {
        let mut redactor = Redactor {
            values: Vec::new(),
            whole_values: true,
            windows: OnceLock::new(),
            index: OnceLock::new(),
        };
        redactor.extend(secrets.iter().copied());
        redactor
    }

    /// A redactor that masks only hex runs sharing 12 or more characters
    /// with a secret (whole copies of a GUID included): for many secrets at
    /// once (a linter run's), where searching each value in each text would
    /// cost too much. Every Flinks credential is a GUID.
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// let r = Redactor::fragments_only(&["c4569c54-e167-4d34-8de6-f4113bc82414"]);
    /// assert_eq!(r.mask_text("see c4569c54-e167-4d34-8de6-f4113bc82414"), "see [redacted]");
    /// ```
    pub fn fragments_only(secrets: &[&str]) -> Self {
        Redactor {
            whole_values: false,
            ..Redactor::new(secrets)
        }
    }

    /// Adds more secret values (e.g. another file's, in a run over many).
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// let mut r = Redactor::new(&[]);
    /// r.extend(["hunter22"]);
    /// assert_eq!(r.mask_text("hunter22"), "[redacted]");
    /// ```
    pub fn extend<'s>(&mut self, secrets: impl IntoIterator<Item = &'s str>) {
        let before = self.values.len();
        self.values.extend(
            secrets
                .into_iter()
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        if self.values.len() != before {
            self.values.sort_unstable();
            self.values.dedup();
            self.windows = OnceLock::new();
            self.index = OnceLock::new();
        }
    }

    /// Whether it knows no secret (then it changes nothing).
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// assert!(Redactor::new(&[]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Masks `value` (a diagnostic, a list of them, a text): the only way to
    /// get a [`Redacted`].
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// let safe = Redactor::new(&["hunter22"]).redact(String::from("pw=hunter22"));
    /// assert_eq!(*safe, "pw=[redacted]");
    /// ```
    pub fn redact<T: Redact>(&self, mut value: T) -> Redacted<T> {
        value.mask_with(self);
        Redacted(value)
    }

    /// `text` with every secret and fragment replaced by [`MASK`].
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// assert_eq!(Redactor::new(&["abcd1234"]).mask_text("scheme `httpABCD1234`"), "scheme `http[redacted]`");
    /// ```
    pub fn mask_text(&self, text: &str) -> String {
        let mut out = if self.whole_values {
            replace_ranges(text, &self.whole(text))
        } else {
            text.to_string()
        };
        // Whole occurrences first, then fragments (a secret cut by an escape).
        for (start, end) in self.fragments(&out).into_iter().rev() {
            out.replace_range(start..end, MASK);
        }
        // Then percent-encoded copies (`c4569c54%2De167…` in a URL).
        for (start, end) in self.encoded(&out).into_iter().rev() {
            out.replace_range(start..end, MASK);
        }
        out
    }

    /// The percent-encoded copies of a secret or of a fragment of one.
    fn encoded(&self, text: &str) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        url::encoded_copies(text, |decoded| {
            (self.whole_values
                && self
                    .values
                    .iter()
                    .any(|v| v.len() >= 4 && find_ignore_case(decoded, v).is_some()))
                || !self.fragments(decoded).is_empty()
        })
    }

    /// Masks every text of `d`: message, help, fix (a fix that held a
    /// secret is no longer machine-applicable), snippet (each secret byte
    /// becomes `*`, keeping the offsets carets point at), key path, and the
    /// file or variable name: even names can hold a pasted secret
    /// (`FLINKS_<secret>=…`), or a fragment of one (a JSON key whose `\u`
    /// escape ate its head).
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// use flinks_config_core::{rules, Diagnostic};
    /// let mut d = Diagnostic::new(&rules::url_not_https::RULE, "m");
    /// d.snippet = Some("http://x/hunter22".into());
    /// Redactor::new(&["hunter22"]).mask_diagnostic(&mut d);
    /// assert_eq!(d.snippet.as_deref(), Some("http://x/********"));
    /// ```
    pub fn mask_diagnostic(&self, d: &mut Diagnostic) {
        if self.is_empty() {
            return;
        }
        d.message = self.mask_text(&d.message);
        if let Some(help) = &d.help {
            d.help = Some(self.mask_text(help));
        }
        if let Some(fix) = &mut d.fix {
            let masked = self.mask_text(&fix.value);
            if masked != fix.value {
                // A masked value is no value to write.
                fix.value = masked;
                fix.machine_applicable = false;
            }
        }
        if let Some(snippet) = &mut d.snippet {
            let mut text = MaskedText::new(snippet);
            for span in self.secret_spans(snippet) {
                text.mask(span.start, span.end);
            }
            *snippet = text.finish();
        }
        if let Some(location) = &mut d.location {
            location.key_path = self.mask_text(&location.key_path);
            if let Source::EnvVar(name) | Source::File(name) = &mut location.source {
                *name = self.mask_text(name);
            }
        }
    }

    /// The byte spans of every secret and fragment in `text`, for a caller
    /// that keeps a text and masks it when shown (a source file).
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// use flinks_config_core::Span;
    /// let text = "FLINKS_SECRET_KEY=abcd-1234\nFLINKS_API_URL=https://x/ABCD-1234\n";
    /// assert_eq!(
    ///     Redactor::new(&["abcd-1234"]).secret_spans(text),
    ///     [Span::new(18, 27), Span::new(53, 62)]
    /// );
    /// ```
    pub fn secret_spans(&self, text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        if self.whole_values {
            spans.extend(
                self.whole(text)
                    .into_iter()
                    .map(|(start, end)| Span::new(start, end)),
            );
        }
        // Fragments too: a secret cut by an escape or pasted in part, and
        // percent-encoded copies.
        spans.extend(
            self.fragments(text)
                .into_iter()
                .chain(self.encoded(text))
                .map(|(start, end)| Span::new(start, end)),
        );
        spans
    }

    /// One line of a source text, ready to show: the `secret_spans`
    /// (offsets into the whole text; the line starts at `line_start`), the
    /// redactor's own secrets and fragments, and the value after every
    /// secret-like name (`secret_key = "…"`, `authorizeToken=…`) become `*`,
    /// byte for byte, so carets still point right. In an
    /// [`Unparsed`](LineSource::Unparsed) file every GUID is masked too.
    ///
    /// ```
    /// use flinks_config_core::redact::{LineSource, Redactor};
    /// let line = "iframe_url = \"https://x/?demo=true&authorizeToken=abc-123\"";
    /// let shown = Redactor::new(&[]).mask_line(line, 0, &[], LineSource::Parsed);
    /// assert_eq!(shown, "iframe_url = \"https://x/?demo=true&authorizeToken=*******\"");
    /// ```
    pub fn mask_line(
        &self,
        line: &str,
        line_start: usize,
        secret_spans: &[Span],
        source: LineSource,
    ) -> String {
        let mut text = MaskedText::new(line);
        line::mask_spans(&mut text, line_start, secret_spans);
        for span in self.secret_spans(line) {
            text.mask(span.start, span.end);
        }
        line::mask_inline_secrets(&mut text, line);
        if source == LineSource::Unparsed {
            line::mask_guids(&mut text, line);
        }
        text.finish()
    }

    /// [`mask_line`](Self::mask_line) for the line a diagnostic points at:
    /// when the diagnostic's value is a secret, its own span is masked too.
    ///
    /// ```
    /// use flinks_config_core::redact::{LineSource, Redactor};
    /// use flinks_config_core::{rules, Diagnostic, Location, Source, Span};
    /// let d = Diagnostic::new(&rules::credential_malformed::RULE, "m")
    ///     .with_location(Location::new(Source::File("f".into()), "k").with_span(Span::new(4, 8)).secret());
    /// let shown = Redactor::new(&[]).mask_line_for(&d, "k = abcd", 0, &[], LineSource::Parsed);
    /// assert_eq!(shown, "k = ****");
    /// ```
    pub fn mask_line_for(
        &self,
        d: &Diagnostic,
        line: &str,
        line_start: usize,
        secret_spans: &[Span],
        source: LineSource,
    ) -> String {
        let own = d
            .location
            .as_ref()
            .filter(|l| l.secret)
            .and_then(|_| d.source_span());
        match own {
            Some(span) => {
                let mut spans = secret_spans.to_vec();
                spans.push(span);
                self.mask_line(line, line_start, &spans, source)
            }
            None => self.mask_line(line, line_start, secret_spans, source),
        }
    }

    /// A part of a line already masked by [`mask_line`](Self::mask_line)
    /// (`part` starts at byte `part_start` of the whole text), with the
    /// diagnostic's own value masked too when it is a secret: the line is
    /// masked once for all its findings, this per finding on the few bytes
    /// shown.
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// use flinks_config_core::{rules, Diagnostic, Location, Source, Span};
    /// let d = Diagnostic::new(&rules::credential_malformed::RULE, "m")
    ///     .with_location(Location::new(Source::File("f".into()), "k").with_span(Span::new(14, 18)).secret());
    /// assert_eq!(Redactor::new(&[]).mask_own_span(&d, "k = abcd", 10), "k = ****");
    /// ```
    pub fn mask_own_span(&self, d: &Diagnostic, part: &str, part_start: usize) -> String {
        let own = d
            .location
            .as_ref()
            .filter(|l| l.secret)
            .and_then(|_| d.source_span());
        let mut text = MaskedText::new(part);
        if let Some(span) = own {
            line::mask_spans(&mut text, part_start, &[span]);
        }
        text.finish()
    }

    /// Every whole occurrence of every value: one pass per value length.
    fn whole(&self, text: &str) -> Vec<(usize, usize)> {
        if self.values.is_empty() {
            return Vec::new();
        }
        self.index
            .get_or_init(|| values::ValueIndex::new(self.values.iter().map(String::as_str)))
            .find(text)
    }

    fn fragments(&self, text: &str) -> Vec<(usize, usize)> {
        fragments::find(text, || {
            self.windows
                .get_or_init(|| fragments::windows_of(self.values.iter().map(String::as_str)))
        })
    }
}

/// The values a lenient pass over `text` finds after secret-like names
/// (`FLINKS_SECRET_KEY=…`, `"SecretKey": "…"`, `apiKey: …`,
/// `authorizeToken=…`), line by line, in any format and whatever else the
/// text holds: the secrets of a file that did not parse (or decode), to
/// mask in every other file's output too.
///
/// ```
/// use flinks_config_core::redact::inline_secret_values;
/// let text = "[sandbox\nsecret_key = \"hunter22\"\n{\"ApiKey\": \"abcd-1234\",\nname = x\n";
/// assert_eq!(inline_secret_values(text), ["hunter22", "abcd-1234"]);
/// ```
pub fn inline_secret_values(text: &str) -> Vec<&str> {
    text.lines()
        .flat_map(|line| {
            line::inline_secrets(line)
                .into_iter()
                .map(move |(from, to)| line[from..to].trim())
        })
        .filter(|value| !value.is_empty())
        .collect()
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Redactor")
            .field("values", &self.values.len())
            .finish_non_exhaustive()
    }
}

/// What a [`Redactor`] can mask. Sealed: implemented for [`Diagnostic`],
/// `Vec<Diagnostic>` and `String`.
pub trait Redact: sealed::Sealed {
    /// Masks every secret of `redactor` in `self`.
    #[doc(hidden)]
    fn mask_with(&mut self, redactor: &Redactor);
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Diagnostic {}
    impl Sealed for Vec<crate::Diagnostic> {}
    impl Sealed for String {}
}

impl Redact for Diagnostic {
    fn mask_with(&mut self, redactor: &Redactor) {
        redactor.mask_diagnostic(self);
    }
}

impl Redact for Vec<Diagnostic> {
    fn mask_with(&mut self, redactor: &Redactor) {
        if redactor.is_empty() {
            return;
        }
        for d in self {
            redactor.mask_diagnostic(d);
        }
    }
}

impl Redact for String {
    fn mask_with(&mut self, redactor: &Redactor) {
        *self = redactor.mask_text(self);
    }
}

/// A value that went through a [`Redactor`]: the type boundary of masking.
///
/// Its only constructor is [`Redactor::redact`] (the field is private), so
/// code that must show findings, such as the library's `Report`, accepts
/// only `Redacted<Vec<Diagnostic>>`: a path that skips redaction does not
/// compile. It can be read ([`Deref`](std::ops::Deref)), taken apart
/// ([`into_inner`](Redacted::into_inner)), and two redacted lists merged,
/// but not changed in place.
///
/// ```compile_fail
/// use flinks_config_core::redact::Redacted;
/// use flinks_config_core::Diagnostic;
/// let raw: Vec<Diagnostic> = Vec::new();
/// let forged = Redacted(raw); // error: the field is private
/// ```
///
/// ```
/// use flinks_config_core::redact::{Redacted, Redactor};
/// let safe: Redacted<Vec<flinks_config_core::Diagnostic>> = Redactor::new(&[]).redact(Vec::new());
/// assert!(safe.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redacted<T>(T);

impl<T> Redacted<T> {
    /// The masked value.
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// let text: String = Redactor::new(&["hunter22"]).redact("hunter22".to_string()).into_inner();
    /// assert_eq!(text, "[redacted]");
    /// ```
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Redacted<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl Redacted<Vec<Diagnostic>> {
    /// No finding: nothing to mask.
    ///
    /// ```
    /// use flinks_config_core::redact::Redacted;
    /// assert!(Redacted::empty().is_empty());
    /// ```
    pub fn empty() -> Self {
        Redacted(Vec::new())
    }

    /// Appends another redacted list (e.g. one file's findings to a run's).
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// use flinks_config_core::{rules, Diagnostic};
    /// let r = Redactor::new(&[]);
    /// let mut all = r.redact(vec![Diagnostic::new(&rules::field_missing::RULE, "a")]);
    /// all.merge(r.redact(vec![Diagnostic::new(&rules::field_missing::RULE, "b")]));
    /// assert_eq!(all.len(), 2);
    /// ```
    pub fn merge(&mut self, other: Redacted<Vec<Diagnostic>>) {
        self.0.extend(other.0);
    }

    /// Keeps only the diagnostics `keep` accepts (filtering adds no text).
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// use flinks_config_core::{rules, Diagnostic};
    /// let mut all = Redactor::new(&[]).redact(vec![Diagnostic::new(&rules::field_missing::RULE, "a")]);
    /// all.retain(|d| d.code() != "FLK508");
    /// assert!(all.is_empty());
    /// ```
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.0.retain(keep);
    }

    /// Sorts the diagnostics by `key` (stable; reordering adds no text).
    /// The key is computed once per diagnostic: a run sorts 100,000.
    ///
    /// ```
    /// use flinks_config_core::redact::Redactor;
    /// use flinks_config_core::{rules, Diagnostic};
    /// let mut all = Redactor::new(&[]).redact(vec![
    ///     Diagnostic::new(&rules::field_missing::RULE, "b"),
    ///     Diagnostic::new(&rules::field_missing::RULE, "a"),
    /// ]);
    /// all.sort_by_key(|d| d.message.clone());
    /// assert_eq!(all[0].message, "a");
    /// ```
    pub fn sort_by_key<K: Ord>(&mut self, key: impl FnMut(&Diagnostic) -> K) {
        self.0.sort_by_cached_key(key);
    }
}

/// Raw findings of a check and the secret values it knows: what rule
/// pipelines return before the one [`Redactor`] masks them. Its `Debug`
/// counts the secrets, never shows one.
///
/// ```
/// use flinks_config_core::redact::Findings;
/// use flinks_config_core::{rules, Diagnostic};
/// let d = Diagnostic::new(&rules::url_not_https::RULE, "scheme `httphunter22`");
/// let found = Findings::new(vec![d], vec!["hunter22".into()]);
/// assert_eq!(format!("{found:?}"), "Findings { diagnostics: 1, secrets: 1 }");
/// assert_eq!(found.redact()[0].message, "scheme `http[redacted]`");
/// ```
#[derive(Default)]
pub struct Findings {
    diagnostics: Vec<Diagnostic>,
    secrets: Vec<String>,
}

impl Findings {
    /// Findings and the secrets they may quote.
    ///
    /// ```
    /// use flinks_config_core::redact::Findings;
    /// assert!(Findings::new(Vec::new(), Vec::new()).diagnostics().is_empty());
    /// ```
    pub fn new(diagnostics: Vec<Diagnostic>, secrets: Vec<String>) -> Self {
        Findings {
            diagnostics,
            secrets,
        }
    }

    /// The raw diagnostics (not safe to show).
    ///
    /// ```
    /// use flinks_config_core::redact::Findings;
    /// assert!(Findings::default().diagnostics().is_empty());
    /// ```
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The secret values the findings may quote.
    ///
    /// ```
    /// use flinks_config_core::redact::Findings;
    /// let found = Findings::new(Vec::new(), vec!["hunter22".into()]);
    /// assert_eq!(found.secrets().count(), 1);
    /// ```
    pub fn secrets(&self) -> impl Iterator<Item = &str> {
        self.secrets.iter().map(String::as_str)
    }

    /// Adds other findings and their secrets.
    ///
    /// ```
    /// use flinks_config_core::redact::Findings;
    /// let mut all = Findings::default();
    /// all.merge(Findings::new(Vec::new(), vec!["hunter22".into()]));
    /// assert_eq!(all.secrets().count(), 1);
    /// ```
    pub fn merge(&mut self, other: Findings) {
        self.diagnostics.extend(other.diagnostics);
        self.secrets.extend(other.secrets);
    }

    /// Adds raw diagnostics found with no new secret.
    pub(crate) fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(diagnostics);
    }

    /// Adds secret values.
    pub(crate) fn add_secrets<'s>(&mut self, secrets: impl IntoIterator<Item = &'s str>) {
        self.secrets.extend(secrets.into_iter().map(str::to_string));
    }

    /// Masks the findings with their own secrets.
    ///
    /// ```
    /// use flinks_config_core::redact::Findings;
    /// assert!(Findings::default().redact().is_empty());
    /// ```
    pub fn redact(self) -> Redacted<Vec<Diagnostic>> {
        if self.diagnostics.is_empty() {
            return Redacted(self.diagnostics);
        }
        let secrets: Vec<&str> = self.secrets.iter().map(String::as_str).collect();
        Redactor::new(&secrets).redact(self.diagnostics)
    }

    /// The diagnostics and the secrets, for a caller that redacts with a
    /// run-wide [`Redactor`] (add the secrets to it first).
    ///
    /// ```
    /// use flinks_config_core::redact::{Findings, Redactor};
    /// let (found, secrets) = Findings::new(Vec::new(), vec!["hunter22".into()]).into_parts();
    /// let mut run = Redactor::new(&[]);
    /// run.extend(secrets.iter().map(String::as_str));
    /// assert!(run.redact(found).is_empty());
    /// ```
    pub fn into_parts(self) -> (Vec<Diagnostic>, Vec<String>) {
        (self.diagnostics, self.secrets)
    }
}

impl fmt::Debug for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Findings")
            .field("diagnostics", &self.diagnostics.len())
            .field("secrets", &self.secrets.len())
            .finish()
    }
}

/// `text` with each of `ranges` (sorted by start, maybe overlapping)
/// replaced by [`MASK`]; overlapping ranges become one mask.
fn replace_ranges(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut ranges = ranges.iter().peekable();
    while let Some(&(start, mut end)) = ranges.next() {
        while let Some(&&(next, next_end)) = ranges.peek() {
            if next > end {
                break;
            }
            end = end.max(next_end);
            ranges.next();
        }
        // Merged above, so each range starts after the last one's end.
        out.push_str(&text[copied..start.max(copied)]);
        out.push_str(MASK);
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// `text` with every occurrence (ASCII case ignored) of each secret of four
/// or more bytes replaced by [`MASK`].
fn scrub_values<'s>(text: &str, secrets: impl IntoIterator<Item = &'s str>) -> String {
    let mut out = text.to_string();
    for secret in secrets.into_iter().filter(|s| s.len() >= 4) {
        let mut from = 0;
        while let Some(at) = find_ignore_case(&out[from..], secret) {
            let start = from + at;
            out.replace_range(start..start + secret.len(), MASK);
            from = start + MASK.len();
        }
    }
    out
}

// Old entry points, kept for the sibling crates (see `__private`).

/// `text` with every occurrence (ASCII case ignored) of each secret
/// replaced by [`MASK`]; secrets shorter than four bytes are not looked for.
///
/// ```
/// use flinks_config_core::__private::scrub;
/// assert_eq!(scrub("scheme `httpABCD1234`", &["abcd1234"]), "scheme `http[redacted]`");
/// ```
#[doc(hidden)]
pub fn scrub(text: &str, secrets: &[&str]) -> String {
    scrub_values(text, secrets.iter().copied())
}

/// Masks every diagnostic with these secrets (a [`Redactor`] built once).
///
/// ```
/// use flinks_config_core::__private::redact_all;
/// use flinks_config_core::{rules, Diagnostic};
/// let mut found = vec![Diagnostic::new(&rules::url_not_https::RULE, "scheme `httpABCD1234`")];
/// redact_all(&mut found, &["abcd1234"]);
/// assert!(!found[0].message.to_lowercase().contains("abcd1234"));
/// ```
#[doc(hidden)]
pub fn redact_all(diagnostics: &mut [Diagnostic], secrets: &[&str]) {
    let redactor = Redactor::new(secrets);
    for d in diagnostics {
        redactor.mask_diagnostic(d);
    }
}

impl Diagnostic {
    /// Masks fragments of the index's secrets in every text of the
    /// diagnostic. Not API: use a [`Redactor`].
    #[doc(hidden)]
    pub fn redact_fragments(&mut self, index: &SecretFragments<'_>) {
        Redactor::fragments_only(index.secrets()).mask_diagnostic(self);
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_fix_is_masked_and_no_longer_applicable_once_a_secret_touched_it() {
        let secret = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
        let d = crate::Diagnostic::new(&crate::rules::url_not_https::RULE, "m").with_fix(
            crate::Fix::machine_applicable(format!("https://x/{secret}")),
        );
        let clean = crate::Diagnostic::new(&crate::rules::url_not_https::RULE, "m")
            .with_fix(crate::Fix::machine_applicable("https://x/"));
        let safe = Redactor::new(&[secret]).redact(vec![d, clean]);
        let fix = safe[0].fix.as_ref().unwrap();
        assert_eq!(fix.value, "https://x/[redacted]");
        assert!(!fix.machine_applicable);
        assert_eq!(safe[1].applicable_fix(), Some("https://x/"));
    }
    use super::*;
    use crate::{rules, Location};

    const SECRET: &str = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";

    fn planted(text: &str) -> Diagnostic {
        let mut d = Diagnostic::new(&rules::field_unknown::RULE, format!("m {text}"))
            .with_help(format!("h {text}"))
            .with_location(Location::new(
                Source::File(format!("deploy/{text}.json")),
                format!("Flinks.{text}"),
            ));
        d.snippet = Some(format!("s {text} s"));
        d
    }

    #[test]
    fn a_secret_planted_in_each_field_is_masked() {
        for secret in [SECRET, "hunter22"] {
            let d = Redactor::new(&[secret])
                .redact(planted(&secret.to_uppercase()))
                .into_inner();
            let location = d.location.as_ref().unwrap();
            let texts = [
                d.message.as_str(),
                d.help.as_deref().unwrap(),
                d.snippet.as_deref().unwrap(),
                location.key_path.as_str(),
                &location.source.to_string(),
            ];
            for text in texts {
                assert!(!text.to_lowercase().contains(secret), "{text}");
            }
            assert_eq!(d.snippet.unwrap().len(), 4 + secret.len());
            // Variables are names too.
            let mut env = Diagnostic::new(&rules::field_unknown::RULE, "m").with_location(
                Location::new(Source::EnvVar(format!("FLINKS_{secret}")), "k"),
            );
            Redactor::new(&[secret]).mask_diagnostic(&mut env);
            assert!(!env.location.unwrap().source.to_string().contains(secret));
        }
    }

    #[test]
    fn fragments_are_masked_everywhere() {
        // A JSON key `\uca0a21e5-…` decodes its head into one character,
        // leaving a 32-character fragment in the key path (found by fuzzing).
        let fragment = &SECRET[4..];
        let mut d = Diagnostic::new(
            &rules::field_unknown::RULE,
            format!("unknown key `x{fragment}`"),
        )
        .with_help(format!("did you mean {SECRET}?"))
        .with_location(Location::new(
            Source::File(format!("deploy/{fragment}.json")),
            format!("Flinks.\u{ca0a}{fragment}"),
        ));
        Redactor::new(&[SECRET]).mask_diagnostic(&mut d);
        let location = d.location.as_ref().unwrap();
        for text in [
            &d.message,
            d.help.as_ref().unwrap(),
            &location.key_path,
            &location.source.to_string(),
        ] {
            assert!(!text.contains("5ec2e7000001"), "{text}");
            assert!(text.contains(MASK), "{text}");
        }
    }

    #[test]
    fn a_list_is_masked_as_each_one_alone() {
        let fragment = &SECRET[4..];
        let texts = [
            format!("whole {SECRET} here"),
            format!("fragment x{fragment}"),
            "nothing secret 43387ca6-0391-4c82-857d-70d95f087ecb".to_string(),
        ];
        let make = || -> Vec<Diagnostic> { texts.iter().map(|t| planted(t)).collect() };
        let r = Redactor::new(&[SECRET]);
        let together = r.redact(make()).into_inner();
        let alone: Vec<Diagnostic> = make()
            .into_iter()
            .map(|d| r.redact(d).into_inner())
            .collect();
        assert_eq!(together, alone);
        assert!(together[..2].iter().all(|d| d.message.contains(MASK)));
        assert!(!together[2].message.contains(MASK));
    }

    #[test]
    fn short_shared_runs_are_left_alone() {
        // A customer id sharing 8 characters with the secret is not a fragment.
        let mut d = Diagnostic::new(&rules::field_unknown::RULE, "id 4bad-8c0d")
            .with_location(Location::new(Source::File("a.json".into()), "Flinks.x"));
        Redactor::new(&[SECRET]).mask_diagnostic(&mut d);
        assert_eq!(d.message, "id 4bad-8c0d");
        assert_eq!(d.location.unwrap().key_path, "Flinks.x");
    }

    #[test]
    fn fragments_only_masks_no_short_value() {
        let r = Redactor::fragments_only(&[SECRET, "hunter22"]);
        assert_eq!(r.mask_text("pw hunter22"), "pw hunter22");
        assert_eq!(r.mask_text(&format!("id {SECRET}")), format!("id {MASK}"));
    }

    #[test]
    fn snippet_masking_keeps_offsets() {
        let mut d = Diagnostic::new(&rules::url_not_https::RULE, "m");
        d.snippet = Some("a=secret&b".into());
        Redactor::new(&["secret"]).mask_diagnostic(&mut d);
        assert_eq!(d.snippet.as_deref(), Some("a=******&b"));
    }

    /// Random texts made of a secret, pieces of it in either case, names
    /// that say "secret", quotes, multi-byte characters and noise: no
    /// 12-character run of the secret survives any masking, and a shown
    /// line keeps its length.
    #[test]
    fn no_run_of_a_secret_survives_random_texts() {
        let mut seed = 11u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let r = Redactor::new(&[SECRET]);
        let leaks = |text: &str| {
            let lower = text.to_ascii_lowercase();
            SECRET
                .as_bytes()
                .windows(12)
                .any(|w| lower.contains(std::str::from_utf8(w).unwrap()))
        };
        let mut planted = 0;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..1 + next(6) {
                match next(6) {
                    0 => text.push_str(SECRET),
                    1 => {
                        let start = next(SECRET.len() - 12);
                        let end = (start + 12 + next(24)).min(SECRET.len());
                        let piece = &SECRET[start..end];
                        text.push_str(&if next(2) == 0 {
                            piece.to_ascii_uppercase()
                        } else {
                            piece.to_string()
                        });
                    }
                    2 => text.push_str(
                        ["secret_key = \"", "apiKey: ", "?authorizeToken=", "\""][next(4)],
                    ),
                    3 => text.push_str(["é", "€", "\u{1F600}", "\t"][next(4)]),
                    4 => text.extend((0..next(10)).map(|_| b"0123456789abcdef-"[next(17)] as char)),
                    _ => text.push_str([" ", "/", "=", "&", "x"][next(5)]),
                }
            }
            planted += usize::from(leaks(&text));
            let masked = r.mask_text(&text);
            assert!(!leaks(&masked), "{text:?} -> {masked:?}");
            let line = r.mask_line(&text, 0, &[], LineSource::Parsed);
            assert_eq!(line.len(), text.len(), "{text:?}");
            assert!(!leaks(&line), "{text:?} -> {line:?}");
            let mut d = Diagnostic::new(&rules::url_not_https::RULE, text.clone());
            d.snippet = Some(text.clone());
            let d = r.redact(d).into_inner();
            assert!(!leaks(&d.message) && !leaks(d.snippet.as_deref().unwrap()));
        }
        assert!(planted > 1000, "{planted} texts held a secret");
    }

    #[test]
    fn a_redactor_can_be_shared_between_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Redactor>();
    }

    #[test]
    fn debug_never_shows_a_secret() {
        let r = Redactor::new(&["hunter22"]);
        let f = Findings::new(Vec::new(), vec!["hunter22".into()]);
        assert!(!format!("{r:?} {f:?}").contains("hunter22"));
    }
}
