//! The fragment index: hex runs of a text that share 12 or more consecutive
//! characters with a secret (a secret cut by an escape, a typo or a paste).

use std::cell::OnceCell;

/// Shortest shared run that counts as a fragment of a secret.
pub(crate) const FRAGMENT: usize = 12;

/// The sorted, deduplicated lowercase `FRAGMENT`-byte windows of `secrets`.
pub(crate) fn windows_of<'s>(secrets: impl IntoIterator<Item = &'s str>) -> Vec<[u8; FRAGMENT]> {
    let mut all: Vec<_> = secrets
        .into_iter()
        .flat_map(|s| s.as_bytes().windows(FRAGMENT))
        .map(lowercase_window)
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The runs of hex digits and dashes in `text` sharing a window with the
/// secrets whose windows `known` gives (asked for only when a run is long
/// enough: building them is deferred to first need).
///
/// Two runs share `FRAGMENT` consecutive characters exactly when they share
/// a `FRAGMENT`-byte window, so each run is one linear scan with a lookup
/// per window (comparing each run with each secret was quadratic). The
/// windows are gathered only when a text has a hex run long enough to need
/// them: most texts have none.
pub(crate) fn find<'k>(
    text: &str,
    known: impl Fn() -> &'k [[u8; FRAGMENT]],
) -> Vec<(usize, usize)> {
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
        if i - start >= FRAGMENT {
            let known = known();
            let run = &bytes[start..i];
            if !known.is_empty()
                && run
                    .windows(FRAGMENT)
                    .any(|w| known.binary_search(&lowercase_window(w)).is_ok())
            {
                found.push((start, i));
            }
        }
    }
    found
}

fn lowercase_window(w: &[u8]) -> [u8; FRAGMENT] {
    let mut key = [0; FRAGMENT];
    for (k, b) in key.iter_mut().zip(w) {
        *k = b.to_ascii_lowercase();
    }
    key
}

/// An index of borrowed secrets: the older borrowed form of
/// [`Redactor`](crate::redact::Redactor)'s fragment search, kept for the
/// sibling crates.
///
/// ```
/// use flinks_config_core::__private::SecretFragments;
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
    ///
    /// ```
    /// use flinks_config_core::__private::SecretFragments;
    /// assert!(SecretFragments::new(&[]).find("c4569c54-e167-4d34").is_empty());
    /// ```
    pub fn new(secrets: &'a [&'a str]) -> Self {
        SecretFragments {
            secrets,
            windows: OnceCell::new(),
        }
    }

    /// The fragments of the secrets in `text`, as byte ranges.
    ///
    /// ```
    /// use flinks_config_core::__private::SecretFragments;
    /// let secrets = ["c4569c54-e167-4d34-8de6-f4113bc82414"];
    /// assert_eq!(SecretFragments::new(&secrets).find("c4569c54-e167-4d34"), vec![(0, 18)]);
    /// ```
    pub fn find(&self, text: &str) -> Vec<(usize, usize)> {
        find(text, || {
            self.windows
                .get_or_init(|| windows_of(self.secrets.iter().copied()))
        })
    }

    /// The borrowed secrets.
    pub(crate) fn secrets(&self) -> &'a [&'a str] {
        self.secrets
    }
}

/// The fragments of `secrets` in `text` (see [`SecretFragments`]).
///
/// ```
/// let secret = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
/// let text = "x 21e5-f00d-4bad-8c0d-5ec2e70000010 y 43387ca6-0391-4c82-857d-70d95f087ecb";
/// assert_eq!(flinks_config_core::__private::secret_fragments(text, &[secret]), vec![(2, 35)]);
/// ```
pub fn secret_fragments(text: &str, secrets: &[&str]) -> Vec<(usize, usize)> {
    SecretFragments::new(secrets).find(text)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
