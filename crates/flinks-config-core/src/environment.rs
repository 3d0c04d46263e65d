//! Sandbox or production, and the public sandbox's published values.

use std::fmt;

/// The Flinks environment a profile targets.
///
/// ```
/// use flinks_config_core::Environment;
/// assert_eq!(Environment::parse("Production").unwrap().0, Environment::Production);
/// assert_eq!(Environment::parse("prod"), Some((Environment::Production, true)));
/// assert_eq!(Environment::parse("staging"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Environment {
    /// The public `toolbox` instance.
    Sandbox,
    /// The company's own instance.
    Production,
}

impl Environment {
    /// Parses a profile name (any case). The second value is `true` for an
    /// accepted alias (`toolbox`, `prod`), which the rules report as a note.
    ///
    /// ```
    /// use flinks_config_core::Environment;
    /// assert_eq!(Environment::parse(" SANDBOX "), Some((Environment::Sandbox, false)));
    /// assert_eq!(Environment::parse("toolbox"), Some((Environment::Sandbox, true)));
    /// ```
    pub fn parse(name: &str) -> Option<(Self, bool)> {
        match name.trim().to_ascii_lowercase().as_str() {
            "sandbox" => Some((Environment::Sandbox, false)),
            "production" => Some((Environment::Production, false)),
            "toolbox" => Some((Environment::Sandbox, true)),
            "prod" => Some((Environment::Production, true)),
            _ => None,
        }
    }

    /// `sandbox` or `production`.
    ///
    /// ```
    /// # use flinks_config_core::Environment;
    /// assert_eq!(Environment::Sandbox.as_str(), "sandbox");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Environment::Sandbox => "sandbox",
            Environment::Production => "production",
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The public sandbox's published values (Flinks authentication reference).
/// Seeing any of them in a production profile is always a mistake.
pub mod toolbox {
    /// The sandbox instance name.
    ///
    /// ```
    /// assert_eq!(flinks_config_core::toolbox::INSTANCE, "toolbox");
    /// ```
    pub const INSTANCE: &str = "toolbox";
    /// The public sandbox customer id.
    ///
    /// ```
    /// assert!(flinks_config_core::is_guid(flinks_config_core::toolbox::CUSTOMER_ID));
    /// ```
    pub const CUSTOMER_ID: &str = "43387ca6-0391-4c82-857d-70d95f087ecb";
    /// The public sandbox secret key (published, shared, not a real secret).
    ///
    /// ```
    /// assert!(flinks_config_core::is_guid(flinks_config_core::toolbox::SECRET_KEY));
    /// ```
    pub const SECRET_KEY: &str = "c4569c54-e167-4d34-8de6-f4113bc82414";
    /// The public sandbox API key (published, shared, not a real secret).
    ///
    /// ```
    /// assert!(flinks_config_core::is_guid(flinks_config_core::toolbox::API_KEY));
    /// ```
    pub const API_KEY: &str = "3d5266a8-b697-48d4-8de6-52e2e2662acc";
}
