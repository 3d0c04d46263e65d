//! The built request: method, URL, headers (secrets redacted in Debug) and body.

use crate::{ApiUrl, ExposeSecret};
use flinks_config_core::Endpoint;
use std::fmt;
use zeroize::Zeroizing;

/// One header; the auth headers hold a secret.
pub(crate) struct Header {
    pub(crate) name: &'static str,
    pub(crate) value: Zeroizing<String>,
    pub(crate) sensitive: bool,
}

/// A request ready to send: what [`GenerateAuthorizeToken`](super::GenerateAuthorizeToken),
/// [`Authorize`](super::Authorize) and [`DataRequest`](super::DataRequest) build.
/// `Debug` never shows a secret.
///
/// ```
/// use flinks_config::{request::DataRequest, ApiKey, ApiUrl, CustomerId, Instance, RequestId};
/// let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
/// let key = ApiKey::parse("0ce2a0a8-7aa4-4e8b-9d2d-3f3c8a1b2c3d").unwrap();
/// let id = RequestId::parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").unwrap();
/// let parts = DataRequest::accounts_detail(&base, &key, &id);
/// assert!(!format!("{parts:?}").contains("0ce2a0a8"));
/// ```
pub struct RequestParts {
    pub(crate) endpoint: &'static Endpoint,
    pub(crate) url: ApiUrl,
    pub(crate) headers: Vec<Header>,
    pub(crate) body: Option<Zeroizing<String>>,
}

impl RequestParts {
    pub(crate) fn new(endpoint: &'static Endpoint, url: ApiUrl) -> Self {
        RequestParts {
            endpoint,
            url,
            headers: Vec::new(),
            body: None,
        }
    }

    pub(crate) fn secret_header(mut self, name: &'static str, value: &dyn ExposeSecret) -> Self {
        self.headers.push(Header {
            name,
            value: Zeroizing::new(value.expose_secret().to_owned()),
            sensitive: true,
        });
        self
    }

    pub(crate) fn json(mut self, body: String) -> Self {
        self.headers.push(Header {
            name: "Content-Type",
            value: Zeroizing::new("application/json".to_owned()),
            sensitive: false,
        });
        self.body = Some(Zeroizing::new(body));
        self
    }

    /// The endpoint's row in the table.
    ///
    /// ```
    /// # use flinks_config::{request::GenerateAuthorizeToken, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let secret = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    /// assert_eq!(GenerateAuthorizeToken::request(&base, &secret).endpoint().name, "GenerateAuthorizeToken");
    /// ```
    pub fn endpoint(&self) -> &'static Endpoint {
        self.endpoint
    }

    /// The HTTP method, e.g. `POST`.
    ///
    /// ```
    /// # use flinks_config::{request::GenerateAuthorizeToken, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let secret = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    /// assert_eq!(GenerateAuthorizeToken::request(&base, &secret).method(), "POST");
    /// ```
    pub fn method(&self) -> &'static str {
        self.endpoint.method.as_str()
    }

    /// The checked URL.
    ///
    /// ```
    /// # use flinks_config::{request::GenerateAuthorizeToken, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let secret = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    /// assert!(GenerateAuthorizeToken::request(&base, &secret).url().as_str().starts_with("https://"));
    /// ```
    pub fn url(&self) -> &ApiUrl {
        &self.url
    }

    /// Header names in order (values are not exposed here).
    ///
    /// ```
    /// # use flinks_config::{request::GenerateAuthorizeToken, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let secret = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    /// let parts = GenerateAuthorizeToken::request(&base, &secret);
    /// assert_eq!(parts.header_names(), ["flinks-auth-key", "Content-Type"]);
    /// ```
    pub fn header_names(&self) -> Vec<&'static str> {
        self.headers.iter().map(|h| h.name).collect()
    }

    /// The JSON body, if the endpoint takes one (it may hold a password:
    /// handle it as a secret).
    ///
    /// ```
    /// # use flinks_config::{request::GenerateAuthorizeToken, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let secret = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    /// assert_eq!(GenerateAuthorizeToken::request(&base, &secret).body(), Some("{}"));
    /// ```
    pub fn body(&self) -> Option<&str> {
        self.body.as_deref().map(String::as_str)
    }

    /// An `http::Request` any client can send; auth header values are
    /// marked sensitive.
    ///
    /// ```
    /// # use flinks_config::{request::GenerateAuthorizeToken, *};
    /// # let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    /// # let secret = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    /// let req = GenerateAuthorizeToken::request(&base, &secret).into_http_request();
    /// assert!(req.headers()["flinks-auth-key"].is_sensitive());
    /// assert_eq!(req.headers()["content-type"], "application/json");
    /// ```
    #[cfg(feature = "http")]
    pub fn into_http_request(self) -> http::Request<Vec<u8>> {
        let mut builder = http::Request::builder()
            .method(self.method())
            .uri(self.url.as_str());
        for h in &self.headers {
            // Values are checked GUIDs or fixed text, so always valid header values.
            if let Ok(mut v) = http::HeaderValue::from_str(&h.value) {
                v.set_sensitive(h.sensitive);
                builder = builder.header(h.name, v);
            }
        }
        let body = self
            .body
            .as_ref()
            .map(|b| b.as_bytes().to_vec())
            .unwrap_or_default();
        // The method, URI and headers come from checked types; a failure here
        // would be a bug in this module, so fall back to an empty request.
        builder.body(body).unwrap_or_default()
    }
}

impl fmt::Debug for RequestParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|h| {
                (
                    h.name,
                    if h.sensitive {
                        flinks_config_core::MASK
                    } else {
                        h.value.as_str()
                    },
                )
            })
            .collect();
        f.debug_struct("RequestParts")
            .field("method", &self.method())
            .field("url", &self.url.as_str())
            .field("headers", &headers)
            .field(
                "body",
                &self.body.as_ref().map(|_| flinks_config_core::MASK),
            )
            .finish()
    }
}
