//! One constructor per endpoint, taking exactly the credential it needs.

use super::body::{object, Json};
use super::clock::{Clock, SystemClock};
use super::parts::RequestParts;
use crate::{ApiKey, ApiUrl, AuthorizeToken, ExposeSecret, LoginId, RequestId, SecretKey};
use flinks_config_core::{endpoint, Diagnostic, Endpoint, API_KEY_HEADER, AUTH_KEY_HEADER};
use std::fmt;
use zeroize::Zeroizing;

fn row(name: &str) -> &'static Endpoint {
    // Every name used here is a row of ENDPOINTS (unit-tested below).
    endpoint(name).unwrap_or(&flinks_config_core::ENDPOINTS[0])
}

fn url(base: &ApiUrl, e: &'static Endpoint, id: Option<&str>) -> ApiUrl {
    // The base is a checked ApiUrl and ids are checked GUIDs, so joining
    // cannot produce a rejected URL; keep the base rather than panic.
    base.for_endpoint(e, id).unwrap_or_else(|_| base.clone())
}

/// `POST /GenerateAuthorizeToken` with the secret key in `flinks-auth-key`.
///
/// ```compile_fail
/// # use flinks_config::{request::GenerateAuthorizeToken, *};
/// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
/// let key = ApiKey::parse("0ce2a0a8-7aa4-4e8b-9d2d-3f3c8a1b2c3d").unwrap();
/// GenerateAuthorizeToken::request(&base, &key); // an API key is not a secret key
/// ```
pub struct GenerateAuthorizeToken;

impl GenerateAuthorizeToken {
    /// The request parts.
    ///
    /// ```
    /// # use flinks_config::{request::GenerateAuthorizeToken, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// let secret = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    /// assert_eq!(GenerateAuthorizeToken::request(&base, &secret).header_names()[0], "flinks-auth-key");
    /// ```
    pub fn request(base: &ApiUrl, secret: &SecretKey) -> RequestParts {
        let e = row("GenerateAuthorizeToken");
        RequestParts::new(e, url(base, e, None))
            .secret_header(AUTH_KEY_HEADER, secret)
            .json("{}".to_owned())
    }
}

/// Live credentials for `/Authorize`; the password is redacted in `Debug`.
///
/// ```
/// use flinks_config::request::LiveCredentials;
/// let c = LiveCredentials::new("FlinksCapital", "Greatday", "Everyday");
/// assert!(!format!("{c:?}").contains("Everyday"));
/// ```
pub struct LiveCredentials {
    institution: String,
    username: String,
    password: Zeroizing<String>,
    save: bool,
}

impl LiveCredentials {
    /// Institution, username and password, with `Save: true`.
    ///
    /// ```
    /// let _ = flinks_config::request::LiveCredentials::new("FlinksCapital", "Greatday", "Everyday");
    /// ```
    pub fn new(institution: &str, username: &str, password: &str) -> Self {
        LiveCredentials {
            institution: institution.to_owned(),
            username: username.to_owned(),
            password: Zeroizing::new(password.to_owned()),
            save: true,
        }
    }

    /// Whether Flinks keeps the login (`Save`).
    ///
    /// ```
    /// let _ = flinks_config::request::LiveCredentials::new("FlinksCapital", "u", "p").save(false);
    /// ```
    pub fn save(mut self, save: bool) -> Self {
        self.save = save;
        self
    }
}

impl fmt::Debug for LiveCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LiveCredentials")
            .field("institution", &self.institution)
            .field("username", &self.username)
            .field("password", &flinks_config_core::MASK)
            .field("save", &self.save)
            .finish()
    }
}

enum Login {
    Cached(LoginId),
    Live(LiveCredentials),
}

/// `POST /Authorize` with the authorize token (consumed) in `flinks-auth-key`.
///
/// A token is single-use, so `Authorize` takes it by value:
///
/// ```compile_fail
/// # use flinks_config::{request::Authorize, *};
/// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
/// # let login = LoginId::parse("5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f").unwrap();
/// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", std::time::SystemTime::now()).unwrap();
/// let a = Authorize::cached(&base, token, login.clone());
/// let b = Authorize::cached(&base, token, login); // use of moved value
/// ```
pub struct Authorize {
    base: ApiUrl,
    token: AuthorizeToken,
    login: Login,
    allow_expired: bool,
}

impl Authorize {
    /// A cached login (`LoginId`, `MostRecentCached: true`).
    ///
    /// ```
    /// # use flinks_config::{request::Authorize, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// let login = LoginId::parse("5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f").unwrap();
    /// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", std::time::SystemTime::now()).unwrap();
    /// let parts = Authorize::cached(&base, token, login).build().unwrap();
    /// assert!(parts.body().unwrap().contains("\"MostRecentCached\":true"));
    /// ```
    pub fn cached(base: &ApiUrl, token: AuthorizeToken, login: LoginId) -> Self {
        Self::with(base, token, Login::Cached(login))
    }

    /// A live login (`Institution`, `Username`, `Password`, `Save`, `MostRecentCached: false`).
    ///
    /// ```
    /// # use flinks_config::{request::{Authorize, LiveCredentials}, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", std::time::SystemTime::now()).unwrap();
    /// let live = LiveCredentials::new("FlinksCapital", "Greatday", "Everyday");
    /// let parts = Authorize::live(&base, token, live).build().unwrap();
    /// assert!(parts.body().unwrap().contains("\"MostRecentCached\":false"));
    /// ```
    pub fn live(base: &ApiUrl, token: AuthorizeToken, credentials: LiveCredentials) -> Self {
        Self::with(base, token, Login::Live(credentials))
    }

    fn with(base: &ApiUrl, token: AuthorizeToken, login: Login) -> Self {
        Authorize {
            base: base.clone(),
            token,
            login,
            allow_expired: false,
        }
    }

    /// Build even if the token is older than 30 minutes (FLK406 skipped).
    ///
    /// ```
    /// # use flinks_config::{request::Authorize, *};
    /// # use std::time::{Duration, SystemTime};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let login = LoginId::parse("5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f").unwrap();
    /// let old = SystemTime::now() - Duration::from_secs(3600);
    /// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", old).unwrap();
    /// assert!(Authorize::cached(&base, token, login).allow_expired().build().is_ok());
    /// ```
    pub fn allow_expired(mut self) -> Self {
        self.allow_expired = true;
        self
    }

    /// The request parts, or FLK406 if the token is expired.
    ///
    /// ```
    /// # use flinks_config::{request::Authorize, *};
    /// # use std::time::{Duration, SystemTime};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let login = LoginId::parse("5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f").unwrap();
    /// let old = SystemTime::now() - Duration::from_secs(3600);
    /// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", old).unwrap();
    /// assert_eq!(Authorize::cached(&base, token, login).build().unwrap_err().code(), "FLK406");
    /// ```
    #[allow(clippy::result_large_err)]
    pub fn build(self) -> Result<RequestParts, Diagnostic> {
        self.build_at(&SystemClock)
    }

    /// [`build`](Self::build) with an injected clock.
    ///
    /// ```
    /// # use flinks_config::{request::{Authorize, ManualClock}, *};
    /// # use std::time::{Duration, SystemTime};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let login = LoginId::parse("5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f").unwrap();
    /// let clock = ManualClock::new(SystemTime::UNIX_EPOCH);
    /// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", SystemTime::UNIX_EPOCH).unwrap();
    /// clock.advance(Duration::from_secs(31 * 60));
    /// assert!(Authorize::cached(&base, token, login).build_at(&clock).is_err());
    /// ```
    #[allow(clippy::result_large_err)]
    pub fn build_at(self, clock: &dyn Clock) -> Result<RequestParts, Diagnostic> {
        if !self.allow_expired {
            let age = clock
                .now()
                .duration_since(self.token.issued_at())
                .map_or(0, |d| d.as_secs());
            if let Some(d) = flinks_config_core::rules::token_expired::check(age) {
                return Err(d);
            }
        }
        let e = row("Authorize");
        let body = match &self.login {
            Login::Cached(id) => object(&[
                ("LoginId", Json::Str(id.as_str())),
                ("MostRecentCached", Json::Bool(true)),
            ]),
            Login::Live(c) => object(&[
                ("Institution", Json::Str(&c.institution)),
                ("Username", Json::Str(&c.username)),
                ("Password", Json::Str(c.password.as_str())),
                ("Save", Json::Bool(c.save)),
                ("MostRecentCached", Json::Bool(false)),
            ]),
        };
        Ok(RequestParts::new(e, url(&self.base, e, None))
            .secret_header(AUTH_KEY_HEADER, &self.token as &dyn ExposeSecret)
            .json(body))
    }
}

/// A data endpoint: `x-api-key` plus the `RequestId` (in the body of POSTs,
/// in the path of `…Async/{requestId}`).
///
/// ```compile_fail
/// # use flinks_config::{request::DataRequest, *};
/// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
/// # let id = RequestId::parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").unwrap();
/// DataRequest::accounts_detail(&base, &id); // no API key
/// ```
pub struct DataRequest;

impl DataRequest {
    /// Any data endpoint whose id is the request id (e.g. `GetStatements`);
    /// `None` for a name that is not such an endpoint.
    ///
    /// ```
    /// # use flinks_config::{request::DataRequest, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let key = ApiKey::parse("0ce2a0a8-7aa4-4e8b-9d2d-3f3c8a1b2c3d").unwrap();
    /// # let id = RequestId::parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").unwrap();
    /// assert!(DataRequest::named("GetStatements", &base, &key, &id).is_some());
    /// assert!(DataRequest::named("Authorize", &base, &key, &id).is_none());
    /// ```
    pub fn named(name: &str, base: &ApiUrl, key: &ApiKey, id: &RequestId) -> Option<RequestParts> {
        // AnswerMFAQuestions (PATCH) needs more than the RequestId: not built here.
        let e = endpoint(name).filter(|e| {
            e.is_data()
                && e.method != flinks_config_core::Method::Patch
                && (e.request_id_in_body
                    || e.path_param == Some(flinks_config_core::CredentialKind::RequestId))
        })?;
        let in_path = e.path_param.is_some();
        let parts = RequestParts::new(e, url(base, e, in_path.then_some(id.as_str())))
            .secret_header(API_KEY_HEADER, key);
        Some(if e.request_id_in_body {
            parts.json(object(&[("RequestId", Json::Str(id.as_str()))]))
        } else {
            parts
        })
    }

    /// `POST /GetAccountsDetail`.
    ///
    /// ```
    /// # use flinks_config::{request::DataRequest, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let key = ApiKey::parse("0ce2a0a8-7aa4-4e8b-9d2d-3f3c8a1b2c3d").unwrap();
    /// # let id = RequestId::parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").unwrap();
    /// assert_eq!(DataRequest::accounts_detail(&base, &key, &id).method(), "POST");
    /// ```
    pub fn accounts_detail(base: &ApiUrl, key: &ApiKey, id: &RequestId) -> RequestParts {
        Self::fixed("GetAccountsDetail", base, key, id)
    }

    /// `GET /GetAccountsDetailAsync/{requestId}`.
    ///
    /// ```
    /// # use flinks_config::{request::DataRequest, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let key = ApiKey::parse("0ce2a0a8-7aa4-4e8b-9d2d-3f3c8a1b2c3d").unwrap();
    /// # let id = RequestId::parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").unwrap();
    /// let p = DataRequest::accounts_detail_async(&base, &key, &id);
    /// assert!(p.url().as_str().ends_with("GetAccountsDetailAsync/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"));
    /// ```
    pub fn accounts_detail_async(base: &ApiUrl, key: &ApiKey, id: &RequestId) -> RequestParts {
        Self::fixed("GetAccountsDetailAsync", base, key, id)
    }

    fn fixed(name: &str, base: &ApiUrl, key: &ApiKey, id: &RequestId) -> RequestParts {
        // Names are table rows of the right shape (unit-tested below).
        Self::named(name, base, key, id)
            .unwrap_or_else(|| RequestParts::new(row(name), base.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CustomerId, Instance};
    use flinks_config_core::{CredentialKind, ENDPOINTS};

    const KEY: &str = "0ce2a0a8-7aa4-4e8b-9d2d-3f3c8a1b2c3d";
    const ID: &str = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

    fn base() -> ApiUrl {
        ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX)
    }

    #[test]
    fn every_request_id_endpoint_matches_the_table() {
        let key = ApiKey::parse(KEY).unwrap();
        let id = RequestId::parse(ID).unwrap();
        let mut n = 0;
        for e in ENDPOINTS.iter().filter(|e| {
            e.is_data()
                && e.method != flinks_config_core::Method::Patch
                && (e.request_id_in_body || e.path_param == Some(CredentialKind::RequestId))
        }) {
            let p = DataRequest::named(e.name, &base(), &key, &id).unwrap();
            n += 1;
            assert_eq!(p.method(), e.method.as_str());
            assert_eq!(p.header_names()[0], "x-api-key");
            let path = if e.path_param.is_some() {
                format!("{}/{ID}", e.name)
            } else {
                e.name.to_owned()
            };
            assert!(
                p.url()
                    .as_str()
                    .ends_with(&format!("/BankingServices/{path}")),
                "{}",
                e.name
            );
            assert_eq!(p.body().is_some(), e.request_id_in_body);
            if let Some(b) = p.body() {
                assert_eq!(b, format!("{{\"RequestId\":\"{ID}\"}}"));
            }
            assert!(!format!("{p:?}").contains(KEY));
        }
        assert_eq!(n, 6);
    }

    #[test]
    fn generate_and_authorize_match_the_table() {
        let secret = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
        let g = GenerateAuthorizeToken::request(&base(), &secret);
        assert_eq!(
            (g.method(), g.endpoint().name),
            ("POST", "GenerateAuthorizeToken")
        );
        let token = AuthorizeToken::parse(
            "d65f1adb-8ebc-48dc-be8b-20c773ba1565",
            std::time::SystemTime::now(),
        )
        .unwrap();
        let live = LiveCredentials::new("FlinksCapital", "Greatday", "Everyday");
        let a = Authorize::live(&base(), token, live).build().unwrap();
        assert!(a.url().as_str().ends_with("/BankingServices/Authorize"));
        for f in [
            "Institution",
            "Username",
            "Password",
            "Save",
            "MostRecentCached",
        ] {
            assert!(a.endpoint().body_fields().contains(&f));
            assert!(a.body().unwrap().contains(&format!("\"{f}\"")));
        }
        assert!(!format!("{a:?}").contains("Everyday"));
        assert!(!format!("{a:?}").contains("d65f1adb"));
    }
}
