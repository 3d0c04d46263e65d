//! Small text helpers shared by the rules: suggestions, comparison, masking.

use std::cell::OnceCell;

/// Levenshtein distance over ASCII-case-insensitive bytes, capped at `limit + 1`.
pub(crate) fn distance(a: &str, b: &str, limit: usize) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let same = a[i - 1].eq_ignore_ascii_case(&b[j - 1]);
            cur[j] = (prev[j - 1] + usize::from(!same))
                .min(prev[j] + 1)
                .min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(limit + 1)
}

/// The candidate nearest to `word` (case-insensitive edit distance), if it is
/// close enough to be a plausible typo: within a third of its length, at most 3.
pub(crate) fn nearest<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let limit = (word.len() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|c| (distance(word, c, limit), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Compares two byte strings in time that depends only on their lengths.
///
/// Used wherever a configured value is compared with a known secret, so the
/// comparison does not reveal how much of a secret matched.
///
/// ```
/// assert!(flinks_config_core::constant_time_eq(b"abc", b"abc"));
/// assert!(!flinks_config_core::constant_time_eq(b"abc", b"abd"));
/// ```
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diff = 0u8;
    for (x, y) in a.iter().zip(b) {
        diff |= x ^ y;
    }
    // Keep the optimiser from turning the fold into an early exit.
    std::hint::black_box(diff) == 0
}

/// Same as [`constant_time_eq`], ignoring ASCII case (GUIDs compare that way).
pub(crate) fn constant_time_eq_ignore_case(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diff = 0u8;
    for (x, y) in a.bytes().zip(b.bytes()) {
        diff |= x.to_ascii_lowercase() ^ y.to_ascii_lowercase();
    }
    std::hint::black_box(diff) == 0
}

/// User text quoted in a message, cut to a readable length.
pub(crate) fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{head}…")
}

/// `text` with every occurrence (ASCII case ignored) of each secret replaced
/// by [`MASK`]. The last guard before a message leaves a check: whatever a
/// rule quoted, a known secret inside it is gone. Secrets shorter than four
/// bytes are not looked for (they would mask ordinary words).
///
/// ```
/// use flinks_config_core::scrub;
/// assert_eq!(scrub("scheme `httpABCD1234`", &["abcd1234"]), "scheme `http[redacted]`");
/// ```
pub fn scrub(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_string();
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        let mut from = 0;
        while let Some(at) = find_ignore_case(&out[from..], secret) {
            let start = from + at;
            out.replace_range(start..start + secret.len(), MASK);
            from = start + MASK.len();
        }
    }
    out
}

/// The runs of hex digits and dashes in `text` that share 12 or more
/// consecutive characters with a secret: fragments of a secret whose ends
/// were cut or merged by an escape (`\uca0a21e5-…`) or a typo. Random GUIDs
/// do not share runs that long by chance.
///
/// ```
/// let secret = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
/// let text = "x 21e5-f00d-4bad-8c0d-5ec2e70000010 y 43387ca6-0391-4c82-857d-70d95f087ecb";
/// assert_eq!(flinks_config_core::secret_fragments(text, &[secret]), vec![(2, 35)]);
/// ```
pub fn secret_fragments(text: &str, secrets: &[&str]) -> Vec<(usize, usize)> {
    SecretFragments::new(secrets).find(text)
}

/// Shortest shared run that counts as a fragment of a secret.
const FRAGMENT: usize = 12;

/// [`secret_fragments`] for several texts and one set of secrets: the
/// secrets' windows are gathered once, and only when a text has a hex run
/// long enough to need them (most texts have none, and gathering them for
/// every text of every diagnostic dominated the checks of odd input).
/// Each lookup is a binary search, so one index serves many secrets (the
/// linter masks every file's secrets in every other file's output).
///
/// ```
/// use flinks_config_core::SecretFragments;
/// let secrets = ["c4569c54-e167-4d34-8de6-f4113bc82414"];
/// let index = SecretFragments::new(&secrets);
/// assert_eq!(index.find("x/c4569c54-e167-4d34/y"), vec![(2, 20)]);
/// assert!(index.find("x/43387ca6-0391-4c82/y").is_empty());
/// ```
pub struct SecretFragments<'a> {
    secrets: &'a [&'a str],
    windows: OnceCell<Vec<[u8; FRAGMENT]>>,
}

impl<'a> SecretFragments<'a> {
    /// An index of `secrets`, built on first need.
    pub fn new(secrets: &'a [&'a str]) -> Self {
        SecretFragments {
            secrets,
            windows: OnceCell::new(),
        }
    }

    /// Two runs share `FRAGMENT` consecutive characters exactly when they
    /// share a `FRAGMENT`-byte window, so each run is one linear scan with
    /// a lookup per window (comparing each run with each secret was
    /// quadratic).
    pub fn find(&self, text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let is_run = |b: u8| b.is_ascii_hexdigit() || b == b'-';
        let mut found = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if !is_run(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && is_run(bytes[i]) {
                i += 1;
            }
            if i - start >= FRAGMENT && self.shares_a_window(&bytes[start..i]) {
                found.push((start, i));
            }
        }
        found
    }

    fn shares_a_window(&self, run: &[u8]) -> bool {
        let known = self.windows.get_or_init(|| {
            let mut all: Vec<_> = self
                .secrets
                .iter()
                .flat_map(|s| s.as_bytes().windows(FRAGMENT))
                .map(lowercase_window)
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        });
        !known.is_empty()
            && run
                .windows(FRAGMENT)
                .any(|w| known.binary_search(&lowercase_window(w)).is_ok())
    }
}

fn lowercase_window(w: &[u8]) -> [u8; FRAGMENT] {
    let mut key = [0; FRAGMENT];
    for (k, b) in key.iter_mut().zip(w) {
        *k = b.to_ascii_lowercase();
    }
    key
}

/// `text` with each `%XX` escape decoded (invalid UTF-8 replaced).
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether a setting or parameter name says its value is a secret:
/// `secret_key`, `x-api-key`, `authorizeToken`, `password`, written in any
/// case or separator, percent-encoded (`authorize%54oken`), or
/// `authorizeToken` misspelt (`authorizeTokn`: FLK207 reports the name,
/// and the value is a token all the same). One list for every masking.
///
/// ```
/// use flinks_config_core::names_a_secret;
/// assert!(names_a_secret("FLINKS_SECRET_KEY"));
/// assert!(names_a_secret("authorize%54oken"));
/// assert!(names_a_secret("authorizeTokn"));
/// assert!(!names_a_secret("institutionsLocation"));
/// ```
pub fn names_a_secret(name: &str) -> bool {
    let lower = percent_decode(name).to_lowercase();
    ["token", "key", "secret", "password", "auth"]
        .iter()
        .any(|w| lower.contains(w))
        || distance(&lower, "authorizetoken", 3) <= 3
}

/// Byte offsets of every occurrence of `needle` (ASCII case ignored).
///
/// ```
/// assert_eq!(flinks_config_core::find_all_ignore_case("aXbxb", "xb"), vec![1, 3]);
/// ```
pub fn find_all_ignore_case(haystack: &str, needle: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = find_ignore_case(&haystack[from..], needle) {
        found.push(from + at);
        from += at + needle.len().max(1);
    }
    found
}

/// Whether `needle` occurs in `haystack`, ASCII case ignored.
///
/// ```
/// assert!(flinks_config_core::contains_ignore_case("[Flinks.Sandbox]", "flinks"));
/// assert!(!flinks_config_core::contains_ignore_case("[app]", "flinks"));
/// ```
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    find_ignore_case(haystack, needle).is_some()
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    // A cheap first-byte test before comparing the rest (this runs over
    // every file the linter reads). A match starts and ends on character
    // boundaries, since only ASCII letters are folded.
    let first = n[0].to_ascii_lowercase();
    (0..=h.len() - n.len())
        .find(|&i| h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The fixed mask shown instead of a secret: no length, no prefix.
///
/// ```
/// assert_eq!(flinks_config_core::MASK, "[redacted]");
/// ```
pub const MASK: &str = "[redacted]";

/// `text` with bytes in `span` replaced by `*`, keeping every byte offset.
pub(crate) fn mask_span(text: &mut String, start: usize, end: usize) {
    let masked: String = text[start..end].chars().map(|_| '*').collect();
    if masked.len() == end - start {
        text.replace_range(start..end, &masked);
    } else {
        // Non-ASCII inside: keep offsets by masking byte-for-byte on char boundaries.
        let width = end - start;
        text.replace_range(start..end, &"*".repeat(width));
    }
}

/// Ranges of placeholder text such as `{customerId}`, `${VAR}`, `<instance>`,
/// `YOUR_SECRET_KEY`, `yourinstance` or `yourcompany`.
///
/// ```
/// use flinks_config_core::placeholders;
/// let text = "/v3/{customerId}/x";
/// let found = placeholders(text);
/// assert_eq!(found.len(), 1);
/// assert_eq!(&text[found[0].0..found[0].1], "{customerId}");
/// ```
pub fn placeholders(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Only these ASCII bytes can start a placeholder: jump to the next one
        // without slicing (a non-ASCII byte is never a trigger).
        while i < bytes.len() && !TRIGGERS[usize::from(bytes[i])] {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        let rest = &text[i..];
        let close = match bytes[i] {
            b'$' if rest.starts_with("${") => rest.find('}').map(|e| e + 1),
            b'{' => rest[1..]
                .find(['}', '{', '/', '?', '&'])
                .and_then(|e| (rest.as_bytes()[e + 1] == b'}').then_some(e + 2)),
            b'<' => rest[1..]
                .find(['>', '<', '/', '?', '&'])
                .and_then(|e| (rest.as_bytes()[e + 1] == b'>').then_some(e + 2)),
            b'%' if rest
                .as_bytes()
                .get(..3)
                .is_some_and(|b| b.eq_ignore_ascii_case(b"%7B")) =>
            {
                rest.as_bytes()
                    .windows(3)
                    .position(|w| w.eq_ignore_ascii_case(b"%7D"))
                    .map(|e| e + 3)
            }
            b'y' | b'Y' => placeholder_word(rest),
            _ => None,
        };
        match close {
            Some(len) if len > 1 => {
                found.push((i, i + len));
                i += len;
            }
            _ => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

/// The bytes that can start a placeholder.
static TRIGGERS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'$' as usize] = true;
    t[b'{' as usize] = true;
    t[b'<' as usize] = true;
    t[b'%' as usize] = true;
    t[b'y' as usize] = true;
    t[b'Y' as usize] = true;
    t
};

/// `YOUR_…` (capitals and `_`), `your-instance`, `yourinstance`, `yourcompany`.
fn placeholder_word(rest: &str) -> Option<usize> {
    if !rest.as_bytes().get(..4)?.eq_ignore_ascii_case(b"your") {
        return None;
    }
    let tail = &rest[4..];
    if let Some(caps) = tail.strip_prefix('_') {
        let len = caps
            .bytes()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
            .count();
        if len > 0 {
            return Some(5 + len);
        }
    }
    let sep = usize::from(tail.starts_with(['-', '_']));
    let word = &tail[sep..];
    const WORDS: [&str; 7] = [
        "instance",
        "company",
        "customerid",
        "customer-id",
        "customer_id",
        "secret",
        "token",
    ];
    WORDS
        .iter()
        .find(|w| {
            word.as_bytes()
                .get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
        })
        .map(|w| 4 + sep + w.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to 4 pieces from a small alphabet with multi-byte
    /// characters: the fast search agrees with a plain one that checks
    /// character boundaries explicitly.
    #[test]
    fn find_ignore_case_agrees_with_a_plain_search() {
        let alphabet = ["a", "A", "é", "É", "-", "\u{1F600}"];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
        }
        strings.sort();
        strings.dedup();
        let plain = |h: &str, n: &str| {
            (!n.is_empty() && n.len() <= h.len())
                .then(|| {
                    (0..=h.len() - n.len()).find(|&i| {
                        h.is_char_boundary(i)
                            && h.is_char_boundary(i + n.len())
                            && h.as_bytes()[i..i + n.len()].eq_ignore_ascii_case(n.as_bytes())
                    })
                })
                .flatten()
        };
        for needle in strings.iter().filter(|s| s.chars().count() <= 2) {
            for haystack in &strings {
                assert_eq!(
                    find_ignore_case(haystack, needle),
                    plain(haystack, needle),
                    "{haystack:?} / {needle:?}"
                );
            }
        }
    }

    /// The window set agrees with a plain longest-common-substring search on
    /// texts made of pieces of a secret, random hex and separators.
    #[test]
    fn fragments_agree_with_a_plain_common_substring_search() {
        fn longest_common(a: &[u8], b: &[u8]) -> usize {
            let mut best = 0;
            for i in 0..a.len() {
                for j in 0..b.len() {
                    let n = a[i..]
                        .iter()
                        .zip(&b[j..])
                        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
                        .count();
                    best = best.max(n);
                }
            }
            best
        }
        let secret = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let (mut with, mut without) = (0, 0);
        for _ in 0..500 {
            let mut text = String::new();
            for _ in 0..1 + next(4) {
                match next(3) {
                    0 => {
                        let start = next(secret.len());
                        let end = (start + next(20)).min(secret.len());
                        let piece = &secret[start..end];
                        text.push_str(&if next(2) == 0 {
                            piece.to_ascii_uppercase()
                        } else {
                            piece.to_string()
                        });
                    }
                    1 => text.extend((0..next(16)).map(|_| b"0123456789abcdef-"[next(17)] as char)),
                    _ => text.push_str([" ", "/", "=", "x"][next(4)]),
                }
            }
            let expected: Vec<(usize, usize)> = {
                let bytes = text.as_bytes();
                let mut runs = Vec::new();
                let mut i = 0;
                while i < bytes.len() {
                    let start = i;
                    while i < bytes.len() && (bytes[i].is_ascii_hexdigit() || bytes[i] == b'-') {
                        i += 1;
                    }
                    if i > start && longest_common(&bytes[start..i], secret.as_bytes()) >= 12 {
                        runs.push((start, i));
                    }
                    i = i.max(start + 1);
                }
                runs
            };
            assert_eq!(secret_fragments(&text, &[secret]), expected, "{text:?}");
            if expected.is_empty() {
                without += 1;
            } else {
                with += 1;
            }
        }
        assert!(
            with > 50 && without > 50,
            "{with} with fragments, {without} without"
        );
    }

    #[test]
    fn fragments_need_twelve_shared_characters() {
        let secret = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
        // 11 shared characters: not telling.
        assert!(secret_fragments("id 4bad-8c0d-5 here", &[secret]).is_empty());
        // 12: masked, the whole hex run.
        assert_eq!(
            secret_fragments("id 4bad-8c0d-5e here", &[secret]),
            vec![(3, 15)]
        );
        // Secrets too short to leave a telling fragment are skipped.
        assert!(secret_fragments("0123456789abcdef", &["0123456789a"]).is_empty());
        assert!(secret_fragments("0123456789abcdef", &[]).is_empty());
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("authorize", "Authorize", 3), 0);
        assert_eq!(distance("GetAccountDetail", "GetAccountsDetail", 3), 1);
        assert_eq!(distance("abc", "xyz12345", 2), 3);
    }

    #[test]
    fn nearest_finds_typos_only() {
        let names = ["GetAccountsDetail", "Authorize"];
        assert_eq!(
            nearest("GetAccountDetail", names),
            Some("GetAccountsDetail")
        );
        assert_eq!(nearest("Banana", names), None);
    }

    #[test]
    fn placeholder_shapes() {
        let cases = [
            ("/v3/{customerId}/x", Some("{customerId}")),
            ("https://${HOST}/", Some("${HOST}")),
            ("https://<instance>-api", Some("<instance>")),
            ("key=YOUR_SECRET_KEY", Some("YOUR_SECRET_KEY")),
            (
                "https://yourinstance-api.private.fin.ag",
                Some("yourinstance"),
            ),
            (
                "https://your-company-api.private.fin.ag",
                Some("your-company"),
            ),
            ("/v3/%7BcustomerId%7D/", Some("%7BcustomerId%7D")),
            ("https://toolbox-api.private.fin.ag/v3/", None),
            ("https://yourbank-api.private.fin.ag/", None),
        ];
        for (text, want) in cases {
            let got = placeholders(text).first().map(|&(s, e)| &text[s..e]);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn masking_keeps_offsets() {
        let mut s = String::from("a=secret&b");
        mask_span(&mut s, 2, 8);
        assert_eq!(s, "a=******&b");
    }
}
