//! Checked Flinks URLs: [`ApiUrl`], [`IframeUrl`], and [`AuthorizedIframeUrl`]
//! (an iframe URL carrying its single-use token). Build them from an
//! [`Instance`] and a [`CustomerId`] instead of concatenating strings.

use crate::{AuthorizeToken, CustomerId, ExposeSecret, Instance, Report};
use flinks_config_core::url::canonical;
use flinks_config_core::{
    check_api_url, check_iframe_url, classify_host, host_for, Diagnostic, Endpoint, Environment,
    HostKind, Location, Severity, Source, UrlContext, MASK,
};
use std::borrow::Cow;
use std::fmt;
use std::time::SystemTime;
use zeroize::Zeroizing;

fn verdict(found: Vec<Diagnostic>, what: &str, text: &str) -> Result<String, Report> {
    if found.iter().any(|d| d.severity == Severity::Error) {
        let location = Location::new(Source::Value, what);
        return Err(Report::from_findings(
            &[],
            found
                .into_iter()
                .map(|d| d.with_location(location.clone()))
                .collect(),
        ));
    }
    Ok(canonical(text).unwrap_or_else(|| text.to_string()))
}

/// Percent-encodes a query value (RFC 3986 unreserved characters pass).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A checked Flinks API URL: a base (`…/BankingServices/`) or an endpoint.
///
/// ```
/// use flinks_config::{ApiUrl, CustomerId, Instance};
/// let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
/// let authorize = base.endpoint("Authorize").unwrap();
/// assert_eq!(
///     authorize.as_str(),
///     "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize"
/// );
/// assert_eq!(ApiUrl::parse("https://toolbox.api.private.fin.ag/v3/").unwrap_err().codes(), ["FLK004"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApiUrl(Cow<'static, str>);

impl ApiUrl {
    /// Checks `text` through every URL and API URL rule; warnings do not fail.
    ///
    /// ```
    /// use flinks_config::ApiUrl;
    /// assert!(ApiUrl::parse("https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/").is_ok());
    /// assert_eq!(ApiUrl::parse("https://toolbox.api.private.fin.ag/v3/").unwrap_err().codes(), ["FLK004"]);
    /// ```
    pub fn parse(text: &str) -> Result<Self, Report> {
        verdict(check_api_url(text, &UrlContext::runtime()), "api_url", text)
            .map(|s| ApiUrl(Cow::Owned(s)))
    }

    /// Like [`parse`](Self::parse), also checking it fits `environment`.
    ///
    /// ```
    /// use flinks_config::{ApiUrl, Environment};
    /// let err = ApiUrl::parse_for("https://toolbox-api.private.fin.ag/v3/", Environment::Production).unwrap_err();
    /// assert_eq!(err.codes(), ["FLK502"]);
    /// ```
    pub fn parse_for(text: &str, environment: Environment) -> Result<Self, Report> {
        let cx = UrlContext::runtime().in_environment(environment);
        verdict(check_api_url(text, &cx), "api_url", text).map(|s| ApiUrl(Cow::Owned(s)))
    }

    /// Wraps a value the profile rules already passed (in its canonical form,
    /// as `parse` keeps it).
    pub(crate) fn from_checked(text: &str) -> Self {
        ApiUrl(Cow::Owned(
            canonical(text).unwrap_or_else(|| text.to_string()),
        ))
    }

    /// `https://{instance}-api.private.fin.ag/v3/{customerId}/BankingServices/`.
    ///
    /// ```
    /// use flinks_config::{ApiUrl, CustomerId, Instance};
    /// let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// assert_eq!(base.as_str(), "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/");
    /// ```
    pub fn base(instance: &Instance, customer_id: &CustomerId) -> Self {
        let host = host_for(instance.as_str(), HostKind::Api);
        ApiUrl(Cow::Owned(format!(
            "https://{host}/v3/{customer_id}/BankingServices/"
        )))
    }

    /// The URL of an endpoint without a path parameter, under this base.
    /// Fails (FLK104/FLK107) for an unknown endpoint or one that needs an id.
    ///
    /// ```
    /// use flinks_config::{ApiUrl, CustomerId, Instance};
    /// let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// assert!(base.endpoint("GetAccountsDetail").unwrap().as_str().ends_with("/BankingServices/GetAccountsDetail"));
    /// assert!(base.endpoint("GetAccountz").is_err());
    /// ```
    pub fn endpoint(&self, name: &str) -> Result<Self, Report> {
        Self::parse(&format!("{}{name}", self.service_base()))
    }

    /// The URL of an endpoint that takes an id in its path
    /// (`GetAccountsDetailAsync/{requestId}`, `DeleteCard/{loginId}`).
    ///
    /// ```
    /// use flinks_config::{ApiUrl, CustomerId, Instance, RequestId};
    /// let id = RequestId::parse("5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f").unwrap();
    /// let url = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX)
    ///     .endpoint_with_id("GetAccountsDetailAsync", id.as_str())
    ///     .unwrap();
    /// assert!(url.as_str().ends_with("/GetAccountsDetailAsync/5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f"));
    /// ```
    pub fn endpoint_with_id(&self, name: &str, id: &str) -> Result<Self, Report> {
        Self::parse(&format!("{}{name}/{id}", self.service_base()))
    }

    /// The URL of a table endpoint; ids are checked types, so this cannot fail
    /// for endpoints without a path parameter.
    ///
    /// ```
    /// use flinks_config::{core::endpoint, ApiUrl, CustomerId, Instance};
    /// let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// let url = base.for_endpoint(endpoint("GenerateAuthorizeToken").unwrap(), None).unwrap();
    /// assert!(url.as_str().ends_with("/BankingServices/GenerateAuthorizeToken"));
    /// ```
    pub fn for_endpoint(
        &self,
        endpoint: &'static Endpoint,
        id: Option<&str>,
    ) -> Result<Self, Report> {
        match id {
            Some(id) => self.endpoint_with_id(endpoint.name, id),
            None => self.endpoint(endpoint.name),
        }
    }

    fn service_base(&self) -> String {
        // `…/BankingServices/` whatever the base was configured as.
        let text = self.0.as_ref();
        match text.find("/BankingServices") {
            Some(i) => format!("{}/BankingServices/", &text[..i]),
            None => format!("{}/", text.trim_end_matches('/')),
        }
    }

    /// Wraps a literal checked at compile time by `api_url!`.
    ///
    /// ```
    /// // What `api_url!` expands to, once the literal passed every rule:
    /// const BASE: flinks_config::ApiUrl = flinks_config::api_url!("https://toolbox-api.private.fin.ag/v3/");
    /// assert_eq!(BASE, flinks_config::ApiUrl::parse("https://toolbox-api.private.fin.ag/v3/").unwrap());
    /// ```
    #[doc(hidden)]
    pub const fn __from_checked_literal(text: &'static str) -> Self {
        ApiUrl(Cow::Borrowed(text))
    }

    /// The URL text.
    ///
    /// ```
    /// use flinks_config::{ApiUrl, CustomerId, Instance};
    /// let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// assert_eq!(base.as_str(), base.to_string());
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The instance its host names.
    ///
    /// ```
    /// let url = flinks_config::ApiUrl::parse("https://acme-ca-api.private.fin.ag/v3/").unwrap();
    /// assert_eq!(url.instance().unwrap().as_str(), "acme-ca");
    /// ```
    pub fn instance(&self) -> Option<Instance> {
        let host = url::Url::parse(&self.0)
            .ok()?
            .host_str()
            .map(str::to_string)?;
        Instance::parse(&classify_host(&host)?.instance).ok()
    }

    /// As a `url::Url`, for HTTP clients. A checked URL always converts.
    ///
    /// ```
    /// let url = flinks_config::ApiUrl::parse("https://toolbox-api.private.fin.ag/v3/").unwrap().to_url();
    /// assert_eq!(url.host_str(), Some("toolbox-api.private.fin.ag"));
    /// ```
    pub fn to_url(&self) -> url::Url {
        url::Url::parse(&self.0).expect("a checked Flinks URL is a valid URL")
    }
}

impl fmt::Display for ApiUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A checked Flinks Connect iframe URL, without a token (as configured).
///
/// ```
/// use flinks_config::{IframeUrl, Instance};
/// let sandbox = IframeUrl::for_instance(&Instance::TOOLBOX);
/// assert_eq!(sandbox.as_str(), "https://toolbox-iframe.private.fin.ag/v2/?demo=true");
/// let acme = IframeUrl::for_instance(&Instance::parse("acme").unwrap())
///     .with_param("language", "fr")
///     .unwrap();
/// assert_eq!(acme.as_str(), "https://acme-iframe.private.fin.ag/v2/?language=fr");
/// assert_eq!(IframeUrl::parse("https://acme-iframe.private.fin.ag/v2/?demo=true").unwrap_err().codes(), ["FLK202"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IframeUrl(Cow<'static, str>);

impl IframeUrl {
    /// Checks `text` through every URL and iframe rule.
    ///
    /// ```
    /// use flinks_config::IframeUrl;
    /// assert!(IframeUrl::parse("https://toolbox-iframe.private.fin.ag/v2/?demo=true").is_ok());
    /// assert!(IframeUrl::parse("https://toolbox-iframe.private.fin.ag/v2/").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, Report> {
        verdict(
            check_iframe_url(text, &UrlContext::runtime()),
            "iframe_url",
            text,
        )
        .map(|s| IframeUrl(Cow::Owned(s)))
    }

    /// Like [`parse`](Self::parse), also checking it fits `environment`.
    ///
    /// ```
    /// use flinks_config::{Environment, IframeUrl};
    /// let url = "https://toolbox-iframe.private.fin.ag/v2/?demo=true";
    /// assert!(IframeUrl::parse_for(url, Environment::Sandbox).is_ok());
    /// assert!(IframeUrl::parse_for(url, Environment::Production).is_err());
    /// ```
    pub fn parse_for(text: &str, environment: Environment) -> Result<Self, Report> {
        let cx = UrlContext::runtime().in_environment(environment);
        verdict(check_iframe_url(text, &cx), "iframe_url", text).map(|s| IframeUrl(Cow::Owned(s)))
    }

    /// Wraps a value the profile rules already passed.
    pub(crate) fn from_checked(text: &str) -> Self {
        IframeUrl(Cow::Owned(
            canonical(text).unwrap_or_else(|| text.to_string()),
        ))
    }

    /// `https://{instance}-iframe.private.fin.ag/v2/`, with `demo=true` for
    /// the sandbox instance only.
    ///
    /// ```
    /// use flinks_config::{IframeUrl, Instance};
    /// let acme = IframeUrl::for_instance(&Instance::parse("acme").unwrap());
    /// assert_eq!(acme.as_str(), "https://acme-iframe.private.fin.ag/v2/");
    /// ```
    pub fn for_instance(instance: &Instance) -> Self {
        let host = host_for(instance.as_str(), HostKind::Iframe);
        let demo = if instance.is_sandbox() {
            "?demo=true"
        } else {
            ""
        };
        IframeUrl(Cow::Owned(format!("https://{host}/v2/{demo}")))
    }

    /// The same URL with one more parameter (value percent-encoded), checked.
    ///
    /// ```
    /// use flinks_config::{IframeUrl, Instance};
    /// let url = IframeUrl::for_instance(&Instance::TOOLBOX).with_param("language", "fr").unwrap();
    /// assert_eq!(url.as_str(), "https://toolbox-iframe.private.fin.ag/v2/?demo=true&language=fr");
    /// ```
    pub fn with_param(&self, name: &str, value: &str) -> Result<Self, Report> {
        let sep = if self.0.contains('?') { "&" } else { "?" };
        Self::parse(&format!("{}{sep}{name}={}", self.0, encode(value)))
    }

    /// Wraps a literal checked at compile time by `iframe_url!`.
    ///
    /// ```
    /// // What `iframe_url!` expands to, once the literal passed every rule:
    /// const CONNECT: flinks_config::IframeUrl = flinks_config::iframe_url!(sandbox, "https://toolbox-iframe.private.fin.ag/v2/?demo=true");
    /// assert_eq!(CONNECT, flinks_config::IframeUrl::parse("https://toolbox-iframe.private.fin.ag/v2/?demo=true").unwrap());
    /// ```
    #[doc(hidden)]
    pub const fn __from_checked_literal(text: &'static str) -> Self {
        IframeUrl(Cow::Borrowed(text))
    }

    /// The URL text.
    ///
    /// ```
    /// use flinks_config::{IframeUrl, Instance};
    /// let url = IframeUrl::for_instance(&Instance::parse("acme").unwrap());
    /// assert_eq!(url.as_str(), url.to_string());
    /// assert_eq!(url.as_str(), "https://acme-iframe.private.fin.ag/v2/");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As a `url::Url`.
    ///
    /// ```
    /// use flinks_config::{IframeUrl, Instance};
    /// let url = IframeUrl::for_instance(&Instance::TOOLBOX).to_url();
    /// assert_eq!(url.query(), Some("demo=true"));
    /// ```
    pub fn to_url(&self) -> url::Url {
        url::Url::parse(&self.0).expect("a checked Flinks URL is a valid URL")
    }

    /// The URL to show the user: this one with `authorizeToken`, consuming
    /// the single-use token.
    ///
    /// ```
    /// use flinks_config::{AuthorizeToken, ExposeSecret, IframeUrl, Instance};
    /// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", std::time::SystemTime::now()).unwrap();
    /// let url = IframeUrl::for_instance(&Instance::TOOLBOX).authorize(token);
    /// assert!(url.expose_secret().ends_with("?demo=true&authorizeToken=d65f1adb-8ebc-48dc-be8b-20c773ba1565"));
    /// assert!(!format!("{url:?}").contains("d65f1adb"));
    /// ```
    pub fn authorize(&self, token: AuthorizeToken) -> AuthorizedIframeUrl {
        let sep = if self.0.contains('?') { "&" } else { "?" };
        AuthorizedIframeUrl {
            base: self.clone(),
            url: Zeroizing::new(format!(
                "{}{sep}authorizeToken={}",
                self.0,
                encode(token.expose_secret())
            )),
            issued_at: token.issued_at(),
        }
    }
}

impl fmt::Display for IframeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An iframe URL with its authorize token: hand it to the browser, nowhere
/// else. `Debug` masks the token; the text comes from `expose_secret()`.
///
/// ```
/// use flinks_config::{AuthorizeToken, ExposeSecret, IframeUrl, Instance};
/// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", std::time::SystemTime::now()).unwrap();
/// let url = IframeUrl::for_instance(&Instance::parse("acme").unwrap()).authorize(token);
/// assert!(url.expose_secret().ends_with("/v2/?authorizeToken=d65f1adb-8ebc-48dc-be8b-20c773ba1565"));
/// assert!(!format!("{url:?}").contains("d65f1adb"));
/// ```
pub struct AuthorizedIframeUrl {
    base: IframeUrl,
    url: Zeroizing<String>,
    issued_at: SystemTime,
}

impl AuthorizedIframeUrl {
    /// The URL rebuilt with a fresh token: what to do when Flinks Connect
    /// posts `{"step": "TOKEN_INVALID"}`.
    ///
    /// ```
    /// use flinks_config::{AuthorizeToken, ExposeSecret, IframeUrl, Instance};
    /// let now = std::time::SystemTime::now();
    /// let first = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", now).unwrap();
    /// let second = AuthorizeToken::parse("0b3c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", now).unwrap();
    /// let url = IframeUrl::for_instance(&Instance::TOOLBOX).authorize(first).refresh(second);
    /// assert!(url.expose_secret().ends_with("authorizeToken=0b3c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"));
    /// ```
    pub fn refresh(self, token: AuthorizeToken) -> AuthorizedIframeUrl {
        self.base.authorize(token)
    }

    /// When the token in it was issued.
    ///
    /// ```
    /// use flinks_config::{AuthorizeToken, IframeUrl, Instance};
    /// let issued = std::time::SystemTime::UNIX_EPOCH;
    /// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", issued).unwrap();
    /// assert_eq!(IframeUrl::for_instance(&Instance::TOOLBOX).authorize(token).issued_at(), issued);
    /// ```
    pub fn issued_at(&self) -> SystemTime {
        self.issued_at
    }

    /// The iframe URL without its token.
    ///
    /// ```
    /// use flinks_config::{AuthorizeToken, IframeUrl, Instance};
    /// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", std::time::SystemTime::now()).unwrap();
    /// let url = IframeUrl::for_instance(&Instance::TOOLBOX).authorize(token);
    /// assert_eq!(url.base(), &IframeUrl::for_instance(&Instance::TOOLBOX));
    /// ```
    pub fn base(&self) -> &IframeUrl {
        &self.base
    }
}

impl ExposeSecret for AuthorizedIframeUrl {
    fn expose_secret(&self) -> &str {
        &self.url
    }
}

impl AuthorizedIframeUrl {
    /// The URL with its token masked: what `Display` and `Debug` show.
    fn masked(&self) -> String {
        let sep = if self.base.0.contains('?') { "&" } else { "?" };
        format!("{}{sep}authorizeToken={MASK}", self.base)
    }
}

/// Shows the URL with the token masked (`authorizeToken=[redacted]`): safe
/// in logs. The real URL, for the browser only, is `expose_secret()`.
///
/// ```
/// use flinks_config::{AuthorizeToken, IframeUrl, Instance};
/// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", std::time::SystemTime::now()).unwrap();
/// let url = IframeUrl::for_instance(&Instance::parse("acme").unwrap()).authorize(token);
/// assert_eq!(url.to_string(), "https://acme-iframe.private.fin.ag/v2/?authorizeToken=[redacted]");
/// ```
impl fmt::Display for AuthorizedIframeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for AuthorizedIframeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AuthorizedIframeUrl({})", self.masked())
    }
}

macro_rules! serialize_as_str {
    ($name:ident) => {
        parse_impls!($name);

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }
    };
}

serialize_as_str!(ApiUrl);
serialize_as_str!(IframeUrl);
