//! FLK405: remembers keyed hashes (never values) of tokens already sent.

use std::collections::hash_map::RandomState;
use std::collections::HashSet;
use std::hash::BuildHasher;

/// Tokens already sent to `/Authorize`, as keyed hashes (a fresh random key
/// per ledger, so the hashes say nothing outside this process).
///
/// ```
/// use flinks_config::request::TokenLedger;
/// let mut ledger = TokenLedger::new();
/// assert!(ledger.record("d65f1adb-8ebc-48dc-be8b-20c773ba1565").is_none());
/// assert_eq!(ledger.record("d65f1adb-8ebc-48dc-be8b-20c773ba1565").unwrap().code(), "FLK405");
/// ```
#[derive(Debug, Default)]
pub struct TokenLedger {
    key: RandomState,
    seen: HashSet<u64>,
}

impl TokenLedger {
    /// An empty ledger.
    ///
    /// ```
    /// let _ = flinks_config::request::TokenLedger::new();
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a token being sent; FLK405 if it was sent before.
    ///
    /// ```
    /// # let mut ledger = flinks_config::request::TokenLedger::new();
    /// assert!(ledger.record("a").is_none());
    /// ```
    pub fn record(&mut self, token: &str) -> Option<flinks_config_core::Diagnostic> {
        let h = self.key.hash_one(token.trim().to_ascii_lowercase());
        (!self.seen.insert(h)).then(flinks_config_core::rules::token_reused::diagnostic)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn distinct_tokens_pass_and_debug_holds_no_value() {
        let mut l = super::TokenLedger::new();
        assert!(l.record("d65f1adb-8ebc-48dc-be8b-20c773ba1565").is_none());
        assert!(l.record("e65f1adb-8ebc-48dc-be8b-20c773ba1565").is_none());
        assert!(!format!("{l:?}").contains("d65f1adb"));
    }
}
