#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK305.md"))]

use crate::text::clip;
use crate::{Diagnostic, Field};

rule!(
    "FLK305",
    "secret-in-frontend",
    Error,
    "L",
    "the secret key or API key in a browser-exposed variable (`NEXT_PUBLIC_`, `VITE_`, `REACT_APP_`…)"
);

/// Prefixes that bundlers copy into the JavaScript sent to browsers.
///
/// ```
/// use flinks_config_core::rules::secret_in_frontend::BROWSER_PREFIXES;
/// assert!(BROWSER_PREFIXES.contains(&"VITE_"));
/// ```
pub const BROWSER_PREFIXES: [&str; 7] = [
    "NEXT_PUBLIC_",
    "VITE_",
    "REACT_APP_",
    "EXPO_PUBLIC_",
    "NUXT_PUBLIC_",
    "GATSBY_",
    "PUBLIC_",
];

/// The browser prefix of a variable name, if it has one.
///
/// ```
/// use flinks_config_core::rules::secret_in_frontend::browser_prefix;
/// assert_eq!(browser_prefix("NEXT_PUBLIC_FLINKS_API_KEY"), Some("NEXT_PUBLIC_"));
/// assert_eq!(browser_prefix("FLINKS_API_KEY"), None);
/// ```
pub fn browser_prefix(name: &str) -> Option<&'static str> {
    let upper = name.to_ascii_uppercase();
    BROWSER_PREFIXES
        .iter()
        .copied()
        .find(|p| upper.starts_with(p))
}

/// The diagnostic for a secret `field` set through a browser-exposed variable
/// `name`, if it is one. The front end attaches the location.
///
/// ```
/// use flinks_config_core::{rules::secret_in_frontend, Field};
/// assert!(secret_in_frontend::check("VITE_FLINKS_SECRET_KEY", Field::SecretKey).is_some());
/// assert!(secret_in_frontend::check("VITE_FLINKS_INSTANCE", Field::Instance).is_none());
/// assert!(secret_in_frontend::check("FLINKS_SECRET_KEY", Field::SecretKey).is_none());
/// ```
pub fn check(name: &str, field: Field) -> Option<Diagnostic> {
    let prefix = browser_prefix(name)?;
    if !matches!(field, Field::SecretKey | Field::ApiKey) {
        return None;
    }
    let kind = field.credential()?;
    Some(
        Diagnostic::new(
            &RULE,
            format!("the {kind} is in `{}`: variables prefixed `{prefix}` are bundled into code sent to browsers", clip(name, 60)),
        )
        .with_help(format!(
            "rename it without `{prefix}` and use it on the backend only; the browser gets an authorize token, never the {kind}"
        )),
    )
}
