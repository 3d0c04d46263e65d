//! Flinks hosts: `{instance}-api.private.fin.ag` and `{instance}-iframe.private.fin.ag`.

/// The domain every Flinks API and iframe host lives under.
///
/// ```
/// use flinks_config_core::{HostKind, DOMAIN};
/// assert!(HostKind::Api.suffix().ends_with(DOMAIN));
/// ```
pub const DOMAIN: &str = "private.fin.ag";

/// Which service a host serves.
///
/// ```
/// use flinks_config_core::HostKind;
/// assert_eq!(HostKind::Api.suffix(), "-api.private.fin.ag");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HostKind {
    /// `{instance}-api.private.fin.ag`.
    Api,
    /// `{instance}-iframe.private.fin.ag` (Flinks Connect).
    Iframe,
}

impl HostKind {
    /// The host suffix after the instance.
    ///
    /// ```
    /// use flinks_config_core::HostKind;
    /// assert_eq!(HostKind::Iframe.suffix(), "-iframe.private.fin.ag");
    /// ```
    pub const fn suffix(self) -> &'static str {
        match self {
            HostKind::Api => "-api.private.fin.ag",
            HostKind::Iframe => "-iframe.private.fin.ag",
        }
    }

    /// `API` or `iframe`, for messages.
    ///
    /// ```
    /// use flinks_config_core::HostKind;
    /// assert_eq!(HostKind::Api.noun(), "API");
    /// ```
    pub const fn noun(self) -> &'static str {
        match self {
            HostKind::Api => "API",
            HostKind::Iframe => "iframe",
        }
    }
}

/// A host recognised as a Flinks host.
///
/// ```
/// use flinks_config_core::{classify_host, HostKind};
/// let host = classify_host("acme-ca-iframe.private.fin.ag").unwrap();
/// assert_eq!((host.instance.as_str(), host.kind), ("acme-ca", HostKind::Iframe));
/// assert!(classify_host("sandbox.flinks.io").is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlinksHost {
    /// The instance prefix, lowercased.
    pub instance: String,
    /// API or iframe.
    pub kind: HostKind,
}

/// Recognises `{instance}-api.private.fin.ag` / `-iframe`, in any case.
///
/// ```
/// use flinks_config_core::{classify_host, HostKind};
/// let host = classify_host("TOOLBOX-API.private.fin.ag").unwrap();
/// assert_eq!((host.instance.as_str(), host.kind), ("toolbox", HostKind::Api));
/// assert!(classify_host("-api.private.fin.ag").is_none());
/// ```
pub fn classify_host(host: &str) -> Option<FlinksHost> {
    let (instance, kind) = host_instance(host)?;
    Some(FlinksHost {
        instance: instance.to_ascii_lowercase(),
        kind,
    })
}

/// [`classify_host`] without allocating: the instance as written (any
/// case) and the host kind.
pub(crate) fn host_instance(host: &str) -> Option<(&str, HostKind)> {
    [HostKind::Api, HostKind::Iframe]
        .into_iter()
        .find_map(|kind| {
            let suffix = kind.suffix();
            let split = host.len().checked_sub(suffix.len())?;
            // The suffix is ASCII: a match starts on a character boundary.
            if !host.as_bytes()[split..].eq_ignore_ascii_case(suffix.as_bytes()) {
                return None;
            }
            let instance = &host[..split];
            (!instance.is_empty() && !instance.contains('.')).then_some((instance, kind))
        })
}

/// The host for `instance` and `kind`.
///
/// ```
/// use flinks_config_core::{host_for, HostKind};
/// assert_eq!(host_for("toolbox", HostKind::Api), "toolbox-api.private.fin.ag");
/// ```
pub fn host_for(instance: &str, kind: HostKind) -> String {
    format!("{instance}{}", kind.suffix())
}
/// The separator position and the corrected host, if the host joins the
/// instance and `api`/`iframe` with something other than `-`.
pub(crate) fn misjoined(host: &str) -> Option<(usize, String)> {
    // No allocation on the common path: this runs for every URL checked.
    let label = host.get(..host.len().checked_sub(DOMAIN.len() + 1)?)?;
    let domain = &host[label.len()..];
    if !domain.starts_with('.') || !domain[1..].eq_ignore_ascii_case(DOMAIN) {
        return None;
    }
    for kind in [HostKind::Api, HostKind::Iframe] {
        let word = kind.noun();
        let Some(split) = label
            .len()
            .checked_sub(word.len() + 1)
            .filter(|&i| label.is_char_boundary(i))
        else {
            continue;
        };
        let (instance, tail) = label.split_at(split);
        if tail[1..].eq_ignore_ascii_case(word)
            && matches!(tail.as_bytes()[0], b'.' | b'_')
            && !instance.is_empty()
            && !instance.contains('.')
        {
            let lower = instance.to_ascii_lowercase();
            return Some((
                split,
                format!("{lower}-{}.{}", word.to_ascii_lowercase(), DOMAIN),
            ));
        }
    }
    None
}
