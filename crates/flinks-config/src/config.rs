//! [`FlinksConfig`]: typed, checked profiles, loaded from the environment,
//! TOML or JSON. Loading reports every problem at once.

use crate::load::tree::{Entry, Kind, Node};
use crate::load::{Document, Format, Layout};
use crate::report::{Report, SourceText};
use crate::{ApiKey, ApiUrl, CustomerId, IframeUrl, Instance, SecretKey};
use flinks_config_core::redact::Redactor;
use flinks_config_core::{
    check_profiles, Checker, Environment, Field, Profile, ProfileOptions, Severity, Source,
};
use std::borrow::Cow;
use std::path::Path;

/// One environment's checked settings.
///
/// `api_url` and `iframe_url` are the configured ones, or derived from the
/// instance and customer id when not configured.
///
/// ```
/// use flinks_config::{Environment, FlinksConfig};
/// let toml = "[sandbox]\ninstance = \"toolbox\"\ncustomer_id = \"43387ca6-0391-4c82-857d-70d95f087ecb\"\nsecret_key = \"c4569c54-e167-4d34-8de6-f4113bc82414\"\napi_key = \"3d5266a8-b697-48d4-8de6-52e2e2662acc\"\n";
/// let config = FlinksConfig::from_toml_str(toml, "flinks.toml").unwrap();
/// let sandbox = config.profile(Environment::Sandbox).unwrap();
/// assert_eq!(sandbox.api_url.as_str(), "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProfileConfig {
    /// Sandbox or production.
    pub environment: Environment,
    /// The host prefix.
    pub instance: Instance,
    /// The customer id of the instance.
    pub customer_id: CustomerId,
    /// The secret key (generates authorize tokens).
    pub secret_key: SecretKey,
    /// The API key (data endpoints).
    pub api_key: ApiKey,
    /// The API base URL.
    pub api_url: ApiUrl,
    /// The Flinks Connect URL, without a token.
    pub iframe_url: IframeUrl,
}

/// Checked Flinks configuration: a profile per environment.
///
/// ```
/// use flinks_config::FlinksConfig;
/// let vars = [
///     ("FLINKS_ENVIRONMENT", "production"),
///     ("FLINKS_INSTANCE", "toolbox"),
///     ("FLINKS_CUSTOMER_ID", "43387ca6-0391-4c82-857d-70d95f087ecb"),
///     ("FLINKS_SECRET_KEY", "c4569c54-e167-4d34-8de6-f4113bc82414"),
///     ("FLINKS_API_KEY", "3d5266a8-b697-48d4-8de6-52e2e2662acc"),
/// ];
/// let report = FlinksConfig::from_env_vars(vars).unwrap_err();
/// // sandbox values and the sandbox instance in production: all reported at once
/// let mut codes = report.codes();
/// codes.sort();
/// assert_eq!(codes, ["FLK501", "FLK501", "FLK501", "FLK502"]);
/// assert!(!report.to_string().contains("c4569c54"));
/// ```
#[derive(Clone, Debug)]
pub struct FlinksConfig {
    profiles: Vec<ProfileConfig>,
    warnings: Report,
}

impl FlinksConfig {
    /// Loads from the process environment (`FLINKS_*`).
    ///
    /// ```
    /// // Without `FLINKS_*` variables set, loading reports the missing fields.
    /// if std::env::var_os("FLINKS_INSTANCE").is_none() {
    ///     assert!(flinks_config::FlinksConfig::from_env().is_err());
    /// }
    /// ```
    pub fn from_env() -> Result<Self, Report> {
        Self::from_env_vars(
            std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?))),
        )
    }

    /// Loads from environment-style pairs: `FLINKS_ENVIRONMENT`,
    /// `FLINKS_INSTANCE`, `FLINKS_CUSTOMER_ID`, `FLINKS_SECRET_KEY`,
    /// `FLINKS_API_KEY`, and optionally `FLINKS_API_URL`, `FLINKS_IFRAME_URL`.
    ///
    /// ```
    /// use flinks_config::{Environment, FlinksConfig};
    /// let vars = [("FLINKS_ENVIRONMENT", "sandbox"), ("FLINKS_INSTANCE", "toolbox"),
    ///     ("FLINKS_CUSTOMER_ID", "43387ca6-0391-4c82-857d-70d95f087ecb"),
    ///     ("FLINKS_SECRET_KEY", "c4569c54-e167-4d34-8de6-f4113bc82414"), ("FLINKS_API_KEY", "3d5266a8-b697-48d4-8de6-52e2e2662acc")];
    /// assert!(FlinksConfig::from_env_vars(vars).unwrap().profile(Environment::Sandbox).is_some());
    /// ```
    pub fn from_env_vars<K: AsRef<str>, V: AsRef<str>>(
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Result<Self, Report> {
        let entries: Vec<Entry<'_>> = vars
            .into_iter()
            .filter(|(k, _)| k.as_ref().to_ascii_uppercase().contains("FLINKS"))
            .map(|(k, v)| Entry {
                key: Cow::Owned(k.as_ref().to_string()),
                key_span: None,
                value: Node::text(v.as_ref().to_string(), None),
            })
            .collect();
        let root = Node {
            span: None,
            kind: Kind::Map(entries),
        };
        let document = Document::from_tree(root, Source::EnvVar(String::new()), Layout::Sections);
        let mut found = document.extract(Checker::Runtime);
        if found.profiles.is_empty() {
            found
                .profiles
                .push(Profile::new(flinks_config_core::Location::new(
                    Source::EnvVar("FLINKS_*".into()),
                    "FLINKS_*",
                )));
        }
        build(&found.profiles, found.diagnostics, None)
    }

    /// Loads TOML text; `path` names it in diagnostics (and, like
    /// `flinks.production.toml`, may tell the environment). The profiles are
    /// the top-level tables (`[sandbox]`, `[production]`), or, in an
    /// application's own config file, the tables under `[flinks]`
    /// (`[flinks.sandbox]`); other sections are then left alone.
    ///
    /// ```
    /// use flinks_config::{Environment, FlinksConfig};
    /// let toml = "[sandbox]\ninstance = \"toolbox\"\ncustomer_id = \"43387ca6-0391-4c82-857d-70d95f087ecb\"\nsecret_key = \"c4569c54-e167-4d34-8de6-f4113bc82414\"\napi_key = \"3d5266a8-b697-48d4-8de6-52e2e2662acc\"\n";
    /// let config = FlinksConfig::from_toml_str(toml, "flinks.toml").unwrap();
    /// assert_eq!(config.profiles().len(), 1);
    ///
    /// let app = format!("[server]\nport = 8080\n\n{}", toml.replace("[sandbox]", "[flinks.sandbox]"));
    /// let config = FlinksConfig::from_toml_str(&app, "config/app.toml").unwrap();
    /// assert_eq!(config.profiles().len(), 1);
    /// assert!(config.warnings().is_empty());
    /// ```
    pub fn from_toml_str(text: &str, path: &str) -> Result<Self, Report> {
        Self::from_str_as(text, path, Format::Toml)
    }

    /// Loads JSON text (`{"Flinks": {…}}`, or `{"sandbox": {…}}` in a
    /// `flinks.json`).
    ///
    /// ```
    /// use flinks_config::{Environment, FlinksConfig};
    /// let json = r#"{"Flinks": {"Environment": "sandbox", "Instance": "toolbox", "CustomerId": "43387ca6-0391-4c82-857d-70d95f087ecb",
    ///   "SecretKey": "c4569c54-e167-4d34-8de6-f4113bc82414", "ApiKey": "3d5266a8-b697-48d4-8de6-52e2e2662acc"}}"#;
    /// let config = FlinksConfig::from_json_str(json, "appsettings.json").unwrap();
    /// assert!(config.profile(Environment::Sandbox).unwrap().instance.is_sandbox());
    /// ```
    pub fn from_json_str(text: &str, path: &str) -> Result<Self, Report> {
        Self::from_str_as(text, path, Format::Json)
    }

    /// Loads a file, by its extension (`.toml`, `.json`, `.env*`). An
    /// unreadable file is a report naming the path.
    ///
    /// ```
    /// let report = flinks_config::FlinksConfig::from_file("settings.yaml").unwrap_err();
    /// assert_eq!(report.codes(), ["FLK510"]);
    /// ```
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, Report> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let Some(format) = Format::from_path(path) else {
            return Err(Report::from_findings(
                &[],
                vec![crate::load::ParseError {
                    message: format!("`{shown}` is not a TOML, JSON or .env file"),
                    span: None,
                }
                .into_diagnostic(&shown)],
            ));
        };
        let text = crate::load::read_file(path)?;
        Self::from_str_as(&text, &shown, format)
    }

    fn from_str_as(text: &str, path: &str, format: Format) -> Result<Self, Report> {
        let document = Document::parse(Path::new(path), text, format);
        if let Some(error) = document.error() {
            let mut report = Report::from_findings(&[], vec![error.clone()]);
            report.add_source(document.source_text(Vec::new()));
            return Err(report);
        }
        let found = document.extract(Checker::Runtime);
        let source = document.source_text(found.secret_spans());
        let lookup = |name: &str| std::env::var(name).ok();
        let values: Vec<Option<String>> = references(&found.profiles)
            .map(|(_, name)| lookup(name))
            .collect();
        if values.is_empty() {
            // Nothing to resolve (most files): no copy of the profiles.
            return build(&found.profiles, found.diagnostics, Some(source));
        }
        let (profiles, mut diagnostics) = resolve(&found.profiles, &values);
        diagnostics.extend(found.diagnostics);
        build(&profiles, diagnostics, Some(source))
    }

    /// The profile for an environment.
    ///
    /// ```
    /// use flinks_config::{Environment, FlinksConfig};
    /// let toml = "[sandbox]\ninstance = \"toolbox\"\ncustomer_id = \"43387ca6-0391-4c82-857d-70d95f087ecb\"\nsecret_key = \"c4569c54-e167-4d34-8de6-f4113bc82414\"\napi_key = \"3d5266a8-b697-48d4-8de6-52e2e2662acc\"\n";
    /// let config = FlinksConfig::from_toml_str(toml, "flinks.toml").unwrap();
    /// assert!(config.profile(Environment::Sandbox).is_some());
    /// assert!(config.profile(Environment::Production).is_none());
    /// ```
    pub fn profile(&self, environment: Environment) -> Option<&ProfileConfig> {
        self.profiles.iter().find(|p| p.environment == environment)
    }

    /// Every profile, in the order configured.
    ///
    /// ```
    /// use flinks_config::{Environment, FlinksConfig};
    /// let toml = "[sandbox]\ninstance = \"toolbox\"\ncustomer_id = \"43387ca6-0391-4c82-857d-70d95f087ecb\"\nsecret_key = \"c4569c54-e167-4d34-8de6-f4113bc82414\"\napi_key = \"3d5266a8-b697-48d4-8de6-52e2e2662acc\"\n";
    /// let config = FlinksConfig::from_toml_str(toml, "flinks.toml").unwrap();
    /// assert_eq!(config.profiles()[0].environment, Environment::Sandbox);
    /// ```
    pub fn profiles(&self) -> &[ProfileConfig] {
        &self.profiles
    }

    /// Warnings and notes found while loading (the configuration is usable).
    ///
    /// ```
    /// use flinks_config::{Environment, FlinksConfig};
    /// let toml = "[sandbox]\ninstance = \"toolbox\"\ncustomer_id = \"43387ca6-0391-4c82-857d-70d95f087ecb\"\nsecret_key = \"c4569c54-e167-4d34-8de6-f4113bc82414\"\napi_key = \"3d5266a8-b697-48d4-8de6-52e2e2662acc\"\n";
    /// let config = FlinksConfig::from_toml_str(toml, "flinks.toml").unwrap();
    /// assert!(!config.warnings().has_errors());
    /// ```
    pub fn warnings(&self) -> &Report {
        &self.warnings
    }
}

/// Checks a tree deserialized by serde (no file, no spans).
#[cfg(feature = "serde")]
pub(crate) fn build_from_tree(root: Node<'_>) -> Result<FlinksConfig, Report> {
    let document = Document::from_tree(root, Source::Value, Layout::Profiles);
    let found = document.extract(Checker::Runtime);
    build(&found.profiles, found.diagnostics, None)
}

/// The `${NAME}` references of the profiles, in order: (field, NAME).
fn references<'p>(profiles: &'p [Profile<'_>]) -> impl Iterator<Item = (Field, &'p str)> {
    profiles
        .iter()
        .flat_map(|p| p.fields.iter())
        .filter_map(|(field, value)| {
            let name = value.text.trim().strip_prefix("${")?.strip_suffix('}')?;
            Some((*field, name))
        })
}

/// The profiles with each `${NAME}` replaced by its value (in the order of
/// [`references`]); an unset variable is a missing field (FLK508).
fn resolve<'a>(
    profiles: &[Profile<'a>],
    values: &'a [Option<String>],
) -> (Vec<Profile<'a>>, Vec<flinks_config_core::Diagnostic>) {
    let mut values = values.iter();
    let mut missing = Vec::new();
    let resolved = profiles
        .iter()
        .map(|profile| {
            let mut profile = profile.clone();
            for (field, value) in &mut profile.fields {
                let Some(name) = value
                    .text
                    .trim()
                    .strip_prefix("${")
                    .and_then(|r| r.strip_suffix('}'))
                else {
                    continue;
                };
                match values.next() {
                    Some(Some(text)) => {
                        value.text = text.as_str();
                        value.location.span = None; // the value is not in the file
                    }
                    _ => missing.push(
                        flinks_config_core::Diagnostic::new(
                            &flinks_config_core::rules::field_missing::RULE,
                            format!(
                                "`{}` refers to the environment variable {name}, which is not set",
                                field.key()
                            ),
                        )
                        .with_help(format!(
                            "set {name} before starting, or write the value in place"
                        ))
                        .with_location(value.location.clone()),
                    ),
                }
            }
            profile
        })
        .collect();
    (resolved, missing)
}

/// Checks the profiles; on any error returns the whole report, else types them.
fn build(
    profiles: &[Profile<'_>],
    mut diagnostics: Vec<flinks_config_core::Diagnostic>,
    source: Option<SourceText>,
) -> Result<FlinksConfig, Report> {
    // One redactor for every finding and every line shown: a secret of one
    // profile may be pasted into another's settings.
    let secrets: Vec<&str> = profiles
        .iter()
        .flat_map(flinks_config_core::secret_values)
        .collect();
    let redactor = Redactor::new(&secrets);
    diagnostics.extend(check_profiles(
        profiles,
        ProfileOptions::new(Checker::Runtime),
    ));
    if profiles.is_empty() {
        diagnostics.push(
            flinks_config_core::Diagnostic::new(
                &flinks_config_core::rules::field_missing::RULE,
                "no Flinks profile found: expected a [sandbox] or [production] table",
            )
            .with_help("add a [sandbox] or [production] table with instance, customer_id, secret_key and api_key"),
        );
    }
    for d in &mut diagnostics {
        // At startup an unknown environment leaves a profile unusable.
        if d.code() == "FLK507" && d.severity == Severity::Warning {
            d.severity = Severity::Error;
        }
    }
    let mut report = Report::redacted(redactor, diagnostics);
    report.sort();
    if let Some(source) = source {
        report.add_source(source);
    }
    if report.has_errors() {
        return Err(report);
    }
    let typed: Option<Vec<ProfileConfig>> = profiles.iter().map(typed).collect();
    match typed {
        Some(profiles) => Ok(FlinksConfig {
            profiles,
            warnings: report,
        }),
        None => {
            // Every rule passed, so this is a reference left unresolved.
            let unresolved = report.redact(vec![flinks_config_core::Diagnostic::new(
                &flinks_config_core::rules::field_missing::RULE,
                "a profile has a setting that could not be resolved",
            )
            .with_help("write every required setting as a value or a set ${VARIABLE}")]);
            report.extend(unresolved);
            Err(report)
        }
    }
}

/// The typed profile. Only called once every rule passed on the profile
/// (with the environment, the other values and the runtime checker as
/// context, more than the types' own `parse` has), so the values are wrapped
/// without checking them a second time; a reference left unresolved is not
/// a value, so it gives `None`.
fn typed(profile: &Profile<'_>) -> Option<ProfileConfig> {
    if profile
        .fields
        .iter()
        .any(|(_, value)| flinks_config_core::is_reference(value.text))
    {
        return None;
    }
    let text = |f: Field| profile.get(f).map(|v| v.text);
    let (environment, _) = profile.environment()?;
    let instance = Instance::from_checked(text(Field::Instance)?);
    let customer_id = CustomerId::from_checked(text(Field::CustomerId)?);
    let api_url = match text(Field::ApiUrl) {
        Some(url) => ApiUrl::from_checked(url),
        None => ApiUrl::base(&instance, &customer_id),
    };
    let iframe_url = match text(Field::IframeUrl) {
        Some(url) => IframeUrl::from_checked(url),
        None => IframeUrl::for_instance(&instance),
    };
    Some(ProfileConfig {
        environment,
        secret_key: SecretKey::from_checked(text(Field::SecretKey)?),
        api_key: ApiKey::from_checked(text(Field::ApiKey)?),
        instance,
        customer_id,
        api_url,
        iframe_url,
    })
}
