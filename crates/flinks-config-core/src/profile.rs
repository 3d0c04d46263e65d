//! A profile (one environment's settings) as the rules see it: each value
//! with where it came from. Loaders build it; [`check_profiles`](crate::check_profiles)
//! checks it. A leaf: it imports no rule.

use crate::{Checker, CredentialKind, Environment, Location};

/// A setting of a Flinks profile.
///
/// ```
/// use flinks_config_core::Field;
/// assert_eq!(Field::from_key("customerId"), Some(Field::CustomerId));
/// assert_eq!(Field::from_key("FLINKS_CUSTOMER_ID"), Some(Field::CustomerId));
/// assert_eq!(Field::from_key("Customer-Id"), Some(Field::CustomerId));
/// assert_eq!(Field::SecretKey.env_var(), "FLINKS_SECRET_KEY");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Field {
    /// `environment`: sandbox or production.
    Environment,
    /// `instance`: the host prefix.
    Instance,
    /// `customer_id`.
    CustomerId,
    /// `secret_key` (secret).
    SecretKey,
    /// `api_key` (secret).
    ApiKey,
    /// `api_url`: an API base or endpoint URL.
    ApiUrl,
    /// `iframe_url`: the Flinks Connect URL without its token.
    IframeUrl,
    /// `authorize_token`: never belongs in configuration (FLK304).
    AuthorizeToken,
}

impl Field {
    /// Every field, in schema order.
    ///
    /// ```
    /// use flinks_config_core::Field;
    /// assert_eq!(Field::ALL.len(), 8);
    /// assert!(Field::ALL.iter().all(|f| Field::from_key(f.key()) == Some(*f)));
    /// ```
    pub const ALL: [Field; 8] = [
        Field::Environment,
        Field::Instance,
        Field::CustomerId,
        Field::SecretKey,
        Field::ApiKey,
        Field::ApiUrl,
        Field::IframeUrl,
        Field::AuthorizeToken,
    ];

    /// The snake_case key of the schema.
    ///
    /// ```
    /// use flinks_config_core::Field;
    /// assert_eq!(Field::CustomerId.key(), "customer_id");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            Field::Environment => "environment",
            Field::Instance => "instance",
            Field::CustomerId => "customer_id",
            Field::SecretKey => "secret_key",
            Field::ApiKey => "api_key",
            Field::ApiUrl => "api_url",
            Field::IframeUrl => "iframe_url",
            Field::AuthorizeToken => "authorize_token",
        }
    }

    /// The environment variable, e.g. `FLINKS_API_KEY`.
    ///
    /// ```
    /// use flinks_config_core::Field;
    /// assert_eq!(Field::ApiKey.env_var(), "FLINKS_API_KEY");
    /// ```
    pub const fn env_var(self) -> &'static str {
        match self {
            Field::Environment => "FLINKS_ENVIRONMENT",
            Field::Instance => "FLINKS_INSTANCE",
            Field::CustomerId => "FLINKS_CUSTOMER_ID",
            Field::SecretKey => "FLINKS_SECRET_KEY",
            Field::ApiKey => "FLINKS_API_KEY",
            Field::ApiUrl => "FLINKS_API_URL",
            Field::IframeUrl => "FLINKS_IFRAME_URL",
            Field::AuthorizeToken => "FLINKS_AUTHORIZE_TOKEN",
        }
    }

    /// The field a key names, ignoring case, `_`, `-`, `.` and a `flinks`
    /// prefix: `customerId`, `CustomerId`, `customer_id`, `FLINKS_CUSTOMER_ID`.
    ///
    /// ```
    /// use flinks_config_core::Field;
    /// assert_eq!(Field::from_key("apiKey"), Some(Field::ApiKey));
    /// assert_eq!(Field::from_key("x-api-key"), Some(Field::ApiKey));
    /// assert_eq!(Field::from_key("password"), None);
    /// ```
    pub fn from_key(key: &str) -> Option<Field> {
        // The key normalised as `normalize_key` does, into a buffer on the
        // stack: this runs for every key of every document loaded. A key
        // with a non-ASCII character or longer than any name is none.
        let mut buf = [0u8; 24];
        let mut len = 0;
        for b in key.bytes() {
            if matches!(b, b'_' | b'-' | b'.' | b' ') {
                continue;
            }
            if !b.is_ascii() || len == buf.len() {
                return None;
            }
            buf[len] = b.to_ascii_lowercase();
            len += 1;
        }
        let norm = &buf[..len];
        let norm = norm
            .strip_prefix(b"flinks")
            .filter(|r| !r.is_empty())
            .unwrap_or(norm);
        Some(match norm {
            b"environment" | b"env" => Field::Environment,
            b"instance" | b"instancename" => Field::Instance,
            b"customerid" => Field::CustomerId,
            b"secretkey" | b"secret" | b"authkey" => Field::SecretKey,
            b"apikey" | b"xapikey" => Field::ApiKey,
            b"apiurl" | b"apibaseurl" | b"baseurl" => Field::ApiUrl,
            b"iframeurl" | b"connecturl" | b"iframe" => Field::IframeUrl,
            b"authorizetoken" | b"authtoken" | b"token" => Field::AuthorizeToken,
            _ => return None,
        })
    }

    /// The credential kind a field holds, if any.
    ///
    /// ```
    /// use flinks_config_core::{CredentialKind, Field};
    /// assert_eq!(Field::SecretKey.credential(), Some(CredentialKind::SecretKey));
    /// assert_eq!(Field::ApiUrl.credential(), None);
    /// ```
    pub const fn credential(self) -> Option<CredentialKind> {
        match self {
            Field::CustomerId => Some(CredentialKind::CustomerId),
            Field::SecretKey => Some(CredentialKind::SecretKey),
            Field::ApiKey => Some(CredentialKind::ApiKey),
            Field::AuthorizeToken => Some(CredentialKind::AuthorizeToken),
            _ => None,
        }
    }

    /// Whether the value must never be shown.
    ///
    /// ```
    /// use flinks_config_core::Field;
    /// assert!(Field::ApiKey.is_secret());
    /// assert!(!Field::CustomerId.is_secret());
    /// ```
    pub const fn is_secret(self) -> bool {
        matches!(
            self,
            Field::SecretKey | Field::ApiKey | Field::AuthorizeToken
        )
    }

    /// Whether a complete profile must have it.
    ///
    /// ```
    /// use flinks_config_core::Field;
    /// assert!(Field::Instance.is_required());
    /// assert!(!Field::ApiUrl.is_required());
    /// ```
    pub const fn is_required(self) -> bool {
        matches!(
            self,
            Field::Instance | Field::CustomerId | Field::SecretKey | Field::ApiKey
        )
    }
}

/// Lowercase with `_`, `-`, `.` and spaces removed.
///
/// ```
/// use flinks_config_core::normalize_key;
/// assert_eq!(normalize_key("Customer-Id.v2 x"), "customeridv2x");
/// ```
pub fn normalize_key(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | '.' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether a value is a reference resolved at deploy time (`${VAR}`, `$VAR`,
/// `{{ .Values.x }}`, `#{x}`), not a value: it is checked once resolved.
///
/// ```
/// use flinks_config_core::is_reference;
/// assert!(is_reference("${FLINKS_SECRET_KEY}"));
/// assert!(is_reference("{{ .Values.flinks.secretKey }}"));
/// assert!(!is_reference("c4569c54-e167-4d34-8de6-f4113bc82414"));
/// ```
pub fn is_reference(text: &str) -> bool {
    // Most values start with a letter or digit, which no reference does;
    // telling so needs no trim (this runs several times for every value).
    if text
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let t = text.trim();
    (t.starts_with("${") && t.ends_with('}'))
        || (t.starts_with('$')
            && t.len() > 1
            && t[1..]
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'))
        || (t.starts_with("{{") && t.ends_with("}}"))
        || (t.starts_with("#{") && t.ends_with('}'))
}

/// The literal default of a `${NAME:-default}` reference (also `${NAME-…}`,
/// `${NAME:=…}`, `${NAME=…}`, as shells and docker-compose read them, and
/// Spring's `${name.with-dots:default}`): the value in use wherever the
/// variable is unset, so it is checked as that value, and a secret written
/// there is as exposed as one written plainly.
///
/// ```
/// use flinks_config_core::reference_default;
/// assert_eq!(reference_default("${FLINKS_SECRET_KEY:-c4569c54}"), Some("c4569c54"));
/// assert_eq!(reference_default("${FLINKS_API_URL-https://x/}"), Some("https://x/"));
/// assert_eq!(reference_default("${FLINKS_IFRAME_URL:https://x/v2/}"), Some("https://x/v2/"));
/// assert_eq!(reference_default("${flinks.api-url:https://x/}"), Some("https://x/"));
/// assert_eq!(reference_default("${FLINKS_SECRET_KEY}"), None);
/// assert_eq!(reference_default("${FLINKS_SECRET_KEY:?set it}"), None);
/// assert_eq!(reference_default("${FLINKS_SECRET_KEY:+set}"), None);
/// ```
pub fn reference_default(text: &str) -> Option<&str> {
    let inner = text.trim().strip_prefix("${")?.strip_suffix('}')?;
    let name = inner
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    let rest = &inner[name..];
    let shell = ["-", ":-", "=", ":="]
        .iter()
        .find_map(|op| rest.strip_prefix(op));
    let default = match shell {
        Some(default) => default,
        None => spring_default(inner)?,
    };
    Some(default.trim()).filter(|d| !d.is_empty())
}

/// Spring's `name:default`: a property name (letters, digits, `.`, `-`,
/// `_`, `[`, `]`) then `:` and a default that is none of the shell's other
/// forms (`:?error`, `:+alternative`).
fn spring_default(inner: &str) -> Option<&str> {
    let (name, default) = inner.split_once(':')?;
    let is_name = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'[' | b']'));
    (is_name && !default.starts_with(['?', '+'])).then_some(default)
}

/// The text a value holds as written: itself, or the literal default of a
/// reference (`${X:-…}`, nested `${A:${B:…}}` followed); `None` for a
/// reference with no default.
pub(crate) fn literal_text(text: &str) -> Option<&str> {
    let mut text = crate::text::trim(text);
    // A few levels at most: a default is rarely a reference itself.
    for _ in 0..4 {
        if !is_reference(text) {
            return Some(text);
        }
        text = reference_default(text)?;
    }
    None
}

/// A configured value and where it came from.
///
/// ```
/// use flinks_config_core::{Location, Source, Value};
/// let value = Value { text: "toolbox", location: Location::new(Source::Value, "sandbox.instance") };
/// assert_eq!(value.text, "toolbox");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value<'a> {
    /// The text as configured (after the format's own unquoting).
    pub text: &'a str,
    /// Where it came from.
    pub location: Location,
}

/// One environment's settings, as loaded from any source.
///
/// ```
/// use flinks_config_core::{check_profiles, Checker, Field, Location, Profile, ProfileOptions, Source, Value};
/// let at = |key: &str| Location::new(Source::Value, key);
/// let mut profile = Profile::new(at("production"));
/// profile.name = Some(Value { text: "production", location: at("production") });
/// profile.set(Field::Instance, Value { text: "toolbox", location: at("production.instance") });
/// let found = check_profiles(&[profile], ProfileOptions::new(Checker::Runtime));
/// assert!(found.iter().any(|d| d.code() == "FLK502"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile<'a> {
    /// The environment it names: a section name or `FLINKS_ENVIRONMENT`.
    pub name: Option<Value<'a>>,
    /// The profile as a whole (for a missing field).
    pub location: Location,
    /// The settings, in the order they were found.
    pub fields: Vec<(Field, Value<'a>)>,
    /// Keys that are not settings (FLK509), each with the key as its text.
    pub unknown_keys: Vec<Value<'a>>,
}

impl<'a> Profile<'a> {
    /// An empty profile at `location`.
    ///
    /// ```
    /// use flinks_config_core::{Location, Profile, Source};
    /// let profile = Profile::new(Location::new(Source::Value, "sandbox"));
    /// assert!(profile.name.is_none() && profile.fields.is_empty());
    /// ```
    pub fn new(location: Location) -> Self {
        Profile {
            name: None,
            location,
            fields: Vec::new(),
            unknown_keys: Vec::new(),
        }
    }

    /// Adds a setting (a later one of the same field wins in [`get`](Self::get)).
    ///
    /// ```
    /// use flinks_config_core::{Field, Location, Profile, Source, Value};
    /// let at = |key: &str| Location::new(Source::Value, key);
    /// let mut profile = Profile::new(at("sandbox"));
    /// profile.set(Field::Instance, Value { text: "toolbox", location: at("sandbox.instance") });
    /// assert_eq!(profile.fields.len(), 1);
    /// ```
    pub fn set(&mut self, field: Field, value: Value<'a>) {
        if self.fields.capacity() == 0 {
            // Room for a whole profile at once, instead of growing twice.
            self.fields.reserve_exact(Field::ALL.len());
        }
        self.fields.push((field, value));
    }

    /// The last value of a field.
    ///
    /// ```
    /// use flinks_config_core::{Field, Location, Profile, Source, Value};
    /// let at = |key: &str| Location::new(Source::Value, key);
    /// let mut profile = Profile::new(at("sandbox"));
    /// profile.set(Field::Instance, Value { text: "old", location: at("instance") });
    /// profile.set(Field::Instance, Value { text: "toolbox", location: at("instance") });
    /// assert_eq!(profile.get(Field::Instance).unwrap().text, "toolbox");
    /// ```
    pub fn get(&self, field: Field) -> Option<&Value<'a>> {
        self.fields
            .iter()
            .rev()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v)
    }

    /// The environment named by the profile name or its `environment` field,
    /// and whether it was given by an alias.
    ///
    /// ```
    /// use flinks_config_core::{Environment, Location, Profile, Source, Value};
    /// let at = |key: &str| Location::new(Source::Value, key);
    /// let mut profile = Profile::new(at("prod"));
    /// profile.name = Some(Value { text: "prod", location: at("prod") });
    /// assert_eq!(profile.environment(), Some((Environment::Production, true)));
    /// ```
    pub fn environment(&self) -> Option<(Environment, bool)> {
        self.environment_value()
            .and_then(|v| Environment::parse(v.text))
    }

    fn environment_value(&self) -> Option<&Value<'a>> {
        self.get(Field::Environment).or(self.name.as_ref())
    }
}

/// How profiles are checked.
///
/// ```
/// use flinks_config_core::{Checker, ProfileOptions};
/// let options = ProfileOptions::new(Checker::Linter).require_complete(true);
/// assert!(options.require_complete);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfileOptions {
    /// The front end.
    pub checker: Checker,
    /// Report missing required fields (FLK508).
    pub require_complete: bool,
    /// The profile comes from a template (`.env.example`): placeholders
    /// are expected, a real-looking secret is FLK307.
    pub template: bool,
}

impl ProfileOptions {
    /// Options for `checker`; the runtime requires complete profiles.
    ///
    /// ```
    /// use flinks_config_core::{Checker, ProfileOptions};
    /// assert!(ProfileOptions::new(Checker::Runtime).require_complete);
    /// assert!(!ProfileOptions::new(Checker::Linter).require_complete);
    /// ```
    pub const fn new(checker: Checker) -> Self {
        ProfileOptions {
            checker,
            require_complete: matches!(checker, Checker::Runtime),
            template: false,
        }
    }

    /// Sets whether missing required fields are reported.
    ///
    /// ```
    /// use flinks_config_core::{Checker, ProfileOptions};
    /// let options = ProfileOptions::new(Checker::Runtime).require_complete(false);
    /// assert!(!options.require_complete);
    /// ```
    pub const fn require_complete(mut self, yes: bool) -> Self {
        self.require_complete = yes;
        self
    }

    /// Sets whether the profile comes from a template file
    /// (`.env.example`, see FLK307).
    ///
    /// ```
    /// use flinks_config_core::{Checker, ProfileOptions};
    /// assert!(ProfileOptions::new(Checker::Linter).template(true).template);
    /// ```
    pub const fn template(mut self, yes: bool) -> Self {
        self.template = yes;
        self
    }
}

/// The location of a value, marked secret when its field is.
pub(crate) fn located(field: Field, value: &Value<'_>) -> Location {
    let mut location = value.location.clone();
    location.secret |= field.is_secret();
    location
}

/// The secret values configured in a profile, to mask wherever they show.
///
/// ```
/// use flinks_config_core::{secret_values, Field, Location, Profile, Source, Value};
/// let mut p = Profile::new(Location::new(Source::Value, "sandbox"));
/// p.set(Field::SecretKey, Value { text: "k", location: Location::new(Source::Value, "secret_key") });
/// p.set(Field::Instance, Value { text: "toolbox", location: Location::new(Source::Value, "instance") });
/// assert_eq!(secret_values(&p), ["k"]);
/// ```
pub fn secret_values<'a>(profile: &Profile<'a>) -> Vec<&'a str> {
    profile
        .fields
        .iter()
        .filter(|(f, _)| f.is_secret())
        .filter_map(|(_, v)| literal_text(v.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_key_reads_keys_as_their_normal_form() {
        for key in Field::ALL.iter().flat_map(|f| [f.key(), f.env_var()]) {
            let norm = normalize_key(key);
            assert_eq!(Field::from_key(key), Field::from_key(&norm), "{key}");
        }
        let spaced = "__Flinks . Authorize - Token__ ";
        assert_eq!(Field::from_key(spaced), Some(Field::AuthorizeToken));
        assert_eq!(Field::from_key("flinks"), None);
        assert_eq!(Field::from_key("apikeyapikeyapikeyapikeyapikey"), None);
        assert_eq!(Field::from_key("apïkey"), None);
    }
}
