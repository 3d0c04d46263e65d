//! The rule descriptor: code, name, severity, which checkers run it, its page.

use std::fmt;

/// How serious a finding is.
///
/// ```
/// use flinks_config_core::Severity;
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!(Severity::Note.to_string(), "note");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// Informational.
    Note,
    /// Likely wrong.
    Warning,
    /// The integration will fail or leak.
    Error,
}

impl Severity {
    /// The lowercase word (`error`, `warning`, `note`).
    ///
    /// ```
    /// # use flinks_config_core::Severity;
    /// assert_eq!(Severity::Error.as_str(), "error");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning` (or `warn`), `note`.
    ///
    /// ```
    /// # use flinks_config_core::Severity;
    /// assert_eq!(Severity::parse("warn"), Some(Severity::Warning));
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "note" | "info" => Some(Severity::Note),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A front end that runs rules. Each rule names the checkers it belongs to
/// (the "where" column of the catalogue); the others never report it.
///
/// ```
/// use flinks_config_core::{rules, Checker};
/// assert!(rules::url_double_slash::RULE.checked_by(Checker::Macro));
/// assert!(!rules::api_base_join_trap::RULE.checked_by(Checker::Macro));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Checker {
    /// Compile-time checked literals (`M`).
    Macro,
    /// Startup validation of a loaded configuration (`R`).
    Runtime,
    /// The pre-deploy linter (`L`).
    Linter,
    /// Typed request building and header-map checks (`Q`).
    Request,
}

impl Checker {
    const fn bit(self) -> u8 {
        match self {
            Checker::Macro => 1,
            Checker::Runtime => 2,
            Checker::Linter => 4,
            Checker::Request => 8,
        }
    }
}

/// A set of checkers, written like the catalogue's column: `Checkers::parse("MRLQ")`.
///
/// ```
/// use flinks_config_core::{Checker, Checkers};
/// let set = Checkers::parse("RL");
/// assert!(set.contains(Checker::Linter) && !set.contains(Checker::Macro));
/// assert_eq!(set.letters(), "RL");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Checkers(u8);

impl Checkers {
    /// Parses the letters `M`, `R`, `L`, `Q` (others are ignored), at compile time.
    ///
    /// ```
    /// use flinks_config_core::{Checker, Checkers};
    /// let set = Checkers::parse("MQx");
    /// assert!(set.contains(Checker::Macro) && set.contains(Checker::Request));
    /// assert_eq!(set.letters(), "MQ");
    /// ```
    pub const fn parse(letters: &str) -> Self {
        let bytes = letters.as_bytes();
        let mut bits = 0;
        let mut i = 0;
        while i < bytes.len() {
            bits |= match bytes[i] {
                b'M' => Checker::Macro.bit(),
                b'R' => Checker::Runtime.bit(),
                b'L' => Checker::Linter.bit(),
                b'Q' => Checker::Request.bit(),
                _ => 0,
            };
            i += 1;
        }
        Checkers(bits)
    }

    /// Whether `checker` is in the set.
    ///
    /// ```
    /// use flinks_config_core::{Checker, Checkers};
    /// assert!(Checkers::parse("R").contains(Checker::Runtime));
    /// assert!(!Checkers::parse("R").contains(Checker::Linter));
    /// ```
    pub const fn contains(self, checker: Checker) -> bool {
        self.0 & checker.bit() != 0
    }

    /// The set as catalogue letters, in `MRLQ` order.
    ///
    /// ```
    /// use flinks_config_core::Checkers;
    /// assert_eq!(Checkers::parse("QLRM").letters(), "MRLQ");
    /// ```
    pub fn letters(self) -> String {
        [
            (Checker::Macro, 'M'),
            (Checker::Runtime, 'R'),
            (Checker::Linter, 'L'),
            (Checker::Request, 'Q'),
        ]
        .iter()
        .filter(|(c, _)| self.contains(*c))
        .map(|(_, l)| *l)
        .collect()
    }

    /// The set as words, e.g. `macros, runtime, linter, requests`.
    ///
    /// ```
    /// use flinks_config_core::Checkers;
    /// assert_eq!(Checkers::parse("RQ").words(), "runtime, requests");
    /// ```
    pub fn words(self) -> String {
        [
            (Checker::Macro, "macros"),
            (Checker::Runtime, "runtime"),
            (Checker::Linter, "linter"),
            (Checker::Request, "requests"),
        ]
        .iter()
        .filter(|(c, _)| self.contains(*c))
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// A rule of the catalogue. Each lives in its own module under
/// [`rules`](crate::rules), whose documentation is the rule's page.
///
/// ```
/// let rule = flinks_config_core::rule_by_code("FLK003").unwrap();
/// assert_eq!(rule.name, "url-double-slash");
/// assert!(rule.page.starts_with("# FLK003: url-double-slash"));
/// ```
#[derive(PartialEq, Eq)]
#[non_exhaustive]
pub struct Rule {
    /// Stable code, `FLKnnn`.
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The front ends that run this rule.
    pub checkers: Checkers,
    /// One line: what it catches.
    pub summary: &'static str,
    /// The rule's page (Markdown), the same text as `docs/rules/FLKnnn.md`.
    pub page: &'static str,
}

impl fmt::Debug for Rule {
    /// The code, name and severity: the page is documentation, not state.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("code", &self.code)
            .field("name", &self.name)
            .field("severity", &self.severity)
            .finish_non_exhaustive()
    }
}

impl Rule {
    /// Whether `checker` runs this rule.
    ///
    /// ```
    /// use flinks_config_core::{rules, Checker};
    /// assert!(rules::secret_in_frontend::RULE.checked_by(Checker::Linter));
    /// assert!(!rules::secret_in_frontend::RULE.checked_by(Checker::Runtime));
    /// ```
    pub fn checked_by(&self, checker: Checker) -> bool {
        self.checkers.contains(checker)
    }
}
