//! The mask, and masking bytes of a text in place keeping every byte
//! offset. A leaf: the model types' `Debug` impls use [`MASK`] too.

/// The fixed mask shown instead of a secret: no length, no prefix.
///
/// ```
/// assert_eq!(flinks_config_core::redact::MASK, "[redacted]");
/// ```
pub const MASK: &str = "[redacted]";

/// A text whose secret bytes are being replaced by `*`, keeping every byte
/// offset. Ranges are widened to character boundaries, so the result is
/// always valid UTF-8 of the same length.
pub(crate) struct MaskedText<'a> {
    original: &'a str,
    bytes: Vec<u8>,
}

impl<'a> MaskedText<'a> {
    pub(crate) fn new(original: &'a str) -> Self {
        MaskedText {
            original,
            bytes: original.as_bytes().to_vec(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Masks `start..end` (clamped to the text, widened to whole characters).
    pub(crate) fn mask(&mut self, start: usize, end: usize) {
        let text = self.original;
        let mut start = start.min(text.len());
        let mut end = end.min(text.len());
        while start > 0 && !text.is_char_boundary(start) {
            start -= 1;
        }
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        if start < end {
            self.bytes[start..end].fill(b'*');
        }
    }

    pub(crate) fn finish(self) -> String {
        // Only whole characters were replaced, by ASCII: still valid UTF-8.
        String::from_utf8(self.bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}
