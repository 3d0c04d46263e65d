//! Small text helpers shared by the rules: suggestions, comparison, search.

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

/// `text.trim()`, answered without the Unicode search for the common value
/// that starts and ends with a visible ASCII character (neither end can
/// then be whitespace).
pub(crate) fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// User text quoted in a message, cut to a readable length.
pub(crate) fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{head}…")
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

pub(crate) fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
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
    // Once a closing `}` / `%7D` is found nowhere ahead, no later opening
    // can close either: not searching again keeps `${${${…` one pass.
    let (mut no_brace_ahead, mut no_encoded_ahead) = (false, false);
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
            b'$' if rest.starts_with("${") && !no_brace_ahead => {
                let close = rest.find('}').map(|e| e + 1);
                no_brace_ahead = close.is_none();
                close
            }
            b'{' => rest[1..]
                .find(['}', '{', '/', '?', '&'])
                .and_then(|e| (rest.as_bytes()[e + 1] == b'}').then_some(e + 2)),
            b'<' => rest[1..]
                .find(['>', '<', '/', '?', '&'])
                .and_then(|e| (rest.as_bytes()[e + 1] == b'>').then_some(e + 2)),
            b'%' if !no_encoded_ahead
                && rest
                    .as_bytes()
                    .get(..3)
                    .is_some_and(|b| b.eq_ignore_ascii_case(b"%7B")) =>
            {
                let close = rest
                    .as_bytes()
                    .windows(3)
                    .position(|w| w.eq_ignore_ascii_case(b"%7D"))
                    .map(|e| e + 3);
                no_encoded_ahead = close.is_none();
                close
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

    #[test]
    fn trim_is_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta\n",
            "\u{a0}a",
            "a\u{2003}",
            "é",
            " é ",
            "a b",
            "${X}",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
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
}
