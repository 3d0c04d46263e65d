#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK307.md"))]

use super::shared::CredentialValue;
use crate::context::Sink;
use crate::{Diagnostic, KnownValue};
use std::ops::ControlFlow;

rule!(
    "FLK307",
    "secret-in-template",
    Error,
    "L",
    "a real-looking secret key or API key in a template (`.env.example`, `appsettings.Example.json`)"
);

/// Whether a file name says the file is a template to copy, not settings
/// in use: a word `example`, `sample`, `template`, `dist` or `tpl` in it
/// (`.env.example`, `.env.sample`, `.env.dist`, `appsettings.Example.json`,
/// `values.example.yaml`, `example.env`, `config.template.toml`).
///
/// ```
/// use flinks_config_core::rules::secret_in_template::is_template_name;
/// assert!(is_template_name(".env.example") && is_template_name("appsettings.Example.json"));
/// assert!(is_template_name("values.example.yaml") && is_template_name(".env.local.sample"));
/// assert!(!is_template_name(".env.production") && !is_template_name("examples.toml"));
/// ```
pub fn is_template_name(file_name: &str) -> bool {
    file_name.split(['.', '-', '_']).any(|word| {
        ["example", "sample", "template", "dist", "tpl"]
            .iter()
            .any(|t| word.eq_ignore_ascii_case(t))
    })
}

/// Whether a value in a template looks like a real credential rather than
/// a placeholder: a GUID (the shape of every Flinks credential) other than
/// the all-zero one.
pub(crate) fn looks_real(text: &str) -> bool {
    let text = text.trim();
    crate::guid::is_guid(text) && !crate::guid::is_nil(text)
}

/// A secret key or API key in a template that looks real and is not one of
/// the public sandbox's published values.
pub(crate) fn check(value: &CredentialValue<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let kind = value.kind;
    let published = KnownValue::toolbox()
        .iter()
        .any(|k| k.kind == kind && k.matches(value.text));
    if !kind.is_secret() || !looks_real(value.text) || published {
        return ControlFlow::Continue(());
    }
    sink.push(
        Diagnostic::new(
            &RULE,
            format!("a real-looking {kind} in a template: templates are committed and copied"),
        )
        .with_help(format!(
            "write a placeholder (`your-{}-here`) and have Flinks rotate the {kind}",
            kind.to_string().replace(' ', "-")
        )),
    );
    ControlFlow::Break(())
}

#[cfg(test)]
mod tests {
    use crate::{check_profile, Checker, Field, Location, Profile, ProfileOptions, Source, Value};

    fn codes(field: Field, text: &str, template: bool) -> Vec<&'static str> {
        let mut p = Profile::new(Location::new(Source::Value, "FLINKS_*"));
        p.set(
            field,
            Value {
                text,
                location: Location::new(Source::Value, field.env_var()),
            },
        );
        let options = ProfileOptions::new(Checker::Linter).template(template);
        check_profile(&p, options)
            .iter()
            .map(|d| d.code())
            .collect()
    }

    #[test]
    fn fires_on_a_real_looking_secret_in_a_template() {
        let key = "8e1f2a3b-4c5d-4e6f-9a7b-0c1d2e3f4a5b";
        assert_eq!(codes(Field::SecretKey, key, true), ["FLK307"]);
        assert_eq!(codes(Field::ApiKey, key, true), ["FLK307"]);
        assert!(
            codes(Field::SecretKey, key, false).is_empty(),
            "not a template"
        );
    }

    #[test]
    fn placeholders_and_published_values_are_expected_in_a_template() {
        for text in [
            "your-secret-key-here",
            "changeme",
            "",
            "xxxxxxxx",
            "00000000-0000-0000-0000-000000000000",
            "<secret key>",
            "replace with the key Flinks gave you",
            "c4569c54-e167-4d34-8de6-f4113bc82414",
        ] {
            assert!(codes(Field::SecretKey, text, true).is_empty(), "{text:?}");
        }
        assert!(codes(Field::Instance, "your-instance", true).is_empty());
        assert!(codes(Field::CustomerId, "YOUR_CUSTOMER_ID", true).is_empty());
        // Outside a template the same placeholder is an error.
        assert_eq!(codes(Field::SecretKey, "changeme", false), ["FLK303"]);
    }

    #[test]
    fn a_customer_id_is_not_a_secret() {
        let id = "8e1f2a3b-4c5d-4e6f-9a7b-0c1d2e3f4a5b";
        assert!(codes(Field::CustomerId, id, true).is_empty());
    }
}
