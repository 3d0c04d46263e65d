//! Finding many secret values at once, ASCII case ignored: one rolling-hash
//! pass over a text per distinct value length, instead of one search per
//! value (a file of 100,000 secret keys made that quadratic).

use std::collections::HashMap;

/// Shortest value searched: shorter ones would mask ordinary words.
pub(crate) const SHORTEST: usize = 4;

const BASE: u64 = 0x100_0000_01b3;

/// Lowercase values by their hash.
type Table = HashMap<u64, Vec<Vec<u8>>>;

/// Secret values grouped by length, each group a table of their hashes.
#[derive(Default)]
pub(crate) struct ValueIndex {
    /// (length, BASE^(length-1), the values of that length).
    groups: Vec<(usize, u64, Table)>,
}

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |h, &b| {
        h.wrapping_mul(BASE)
            .wrapping_add(u64::from(b.to_ascii_lowercase()))
    })
}

impl ValueIndex {
    pub(crate) fn new<'s>(values: impl IntoIterator<Item = &'s str>) -> Self {
        let mut by_length: HashMap<usize, Table> = HashMap::new();
        for value in values.into_iter().filter(|v| v.len() >= SHORTEST) {
            let lower = value.to_ascii_lowercase().into_bytes();
            let bucket = by_length
                .entry(lower.len())
                .or_default()
                .entry(hash(&lower))
                .or_default();
            if !bucket.contains(&lower) {
                bucket.push(lower);
            }
        }
        let mut groups: Vec<_> = by_length
            .into_iter()
            .map(|(len, table)| {
                let top = (1..len).fold(1u64, |p, _| p.wrapping_mul(BASE));
                (len, top, table)
            })
            .collect();
        groups.sort_unstable_by_key(|g| g.0);
        ValueIndex { groups }
    }

    /// Every occurrence of every value in `text`, as byte ranges (a value's
    /// occurrences do not overlap each other; different values' may).
    pub(crate) fn find(&self, text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for (len, top, table) in &self.groups {
            let len = *len;
            if len > bytes.len() {
                continue;
            }
            let mut h = hash(&bytes[..len]);
            // Where the last match of each value ended: a value's matches
            // do not overlap (as a plain search from left to right finds).
            let mut last_end: HashMap<&[u8], usize> = HashMap::new();
            let mut at = 0;
            loop {
                if let Some(bucket) = table.get(&h) {
                    let window = &bytes[at..at + len];
                    for value in bucket {
                        if window.eq_ignore_ascii_case(value)
                            && last_end.get(value.as_slice()).is_none_or(|&end| end <= at)
                        {
                            last_end.insert(value, at + len);
                            found.push((at, at + len));
                        }
                    }
                }
                if at + len == bytes.len() {
                    break;
                }
                let out = u64::from(bytes[at].to_ascii_lowercase());
                let next = u64::from(bytes[at + len].to_ascii_lowercase());
                h = h
                    .wrapping_sub(out.wrapping_mul(*top))
                    .wrapping_mul(BASE)
                    .wrapping_add(next);
                at += 1;
            }
        }
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::find_all_ignore_case;

    /// The index finds what one plain search per value finds.
    #[test]
    fn agrees_with_one_search_per_value() {
        let values = ["abcd", "hunter22", "ABCDE", "ca0a21e5-f00d", "aaaa", "xyz"];
        let mut seed = 3u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let index = ValueIndex::new(values);
        for _ in 0..500 {
            let mut text = String::new();
            for _ in 0..next(8) {
                match next(3) {
                    0 => text.push_str(values[next(values.len())]),
                    1 => text.push_str(&values[next(values.len())].to_uppercase()),
                    _ => text.push_str(["a", "é", " ", "-", "b"][next(5)]),
                }
            }
            let mut expected: Vec<(usize, usize)> = values
                .iter()
                .filter(|v| v.len() >= SHORTEST)
                .flat_map(|v| {
                    find_all_ignore_case(&text, v)
                        .into_iter()
                        .map(|at| (at, at + v.len()))
                })
                .collect();
            expected.sort_unstable();
            assert_eq!(index.find(&text), expected, "{text:?}");
        }
    }
}
