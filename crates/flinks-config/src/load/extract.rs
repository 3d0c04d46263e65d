//! Finds Flinks profiles in any document tree: `[sandbox]`/`[production]`
//! tables, a `flinks`/`Flinks` section (as .NET and Node configs write it),
//! and flat `FLINKS_*` variables (`.env`, ConfigMaps, docker-compose).

use super::tree::{Entry, Kind, Node};
use super::Layout;
use flinks_config_core::rules::environment_unknown::names_an_environment;
use flinks_config_core::rules::field_unknown::likely_field;
use flinks_config_core::rules::secret_in_frontend;
use flinks_config_core::{
    normalize_key, rules, Checker, Diagnostic, Environment, Field, Location, Profile, Source, Span,
    Value,
};

/// Whether a file is a template to copy (`.env.example`, `.env.sample`,
/// `.env.template`, `.env.dist`, `appsettings.Example.json`,
/// `values.example.yaml`): told by its name, one rule for every format.
pub fn is_template(path: &std::path::Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(flinks_config_core::rules::secret_in_template::is_template_name)
}

/// What the extraction knows about the document.
#[derive(Clone, Debug)]
pub struct Context {
    /// The document's source (a file path or the environment).
    pub source: Source,
    /// Where the settings are (decided by `Document`, one rule for all).
    pub layout: Layout,
    /// The environment told by the file name (`.env.production`), if any.
    pub environment: Option<&'static str>,
    /// Who is checking: rules outside its column are not reported.
    pub checker: Checker,
}

/// Profiles found, and problems with the document's shape.
#[derive(Debug, Default)]
pub struct Extracted<'t> {
    /// The profiles, in document order.
    pub profiles: Vec<Profile<'t>>,
    /// Wrongly typed settings and front-end exposure (FLK510, FLK305).
    pub diagnostics: Vec<Diagnostic>,
    /// Byte ranges of secret values in the source (to mask when shown).
    pub secrets: Vec<Span>,
}

/// Extracts every profile of a document.
pub fn extract<'t>(root: &'t Node<'_>, cx: &Context) -> Extracted<'t> {
    let mut out = Extracted::default();
    match cx.layout {
        Layout::Profiles => section(root, "", None, cx, &mut out),
        Layout::EnvironmentTables => {
            if let Kind::Map(entries) = &root.kind {
                let named = entries.iter().filter(|e| {
                    matches!(e.value.kind, Kind::Map(_)) && Environment::parse(&e.key).is_some()
                });
                for entry in named {
                    section(&entry.value, &entry.key, Some(entry), cx, &mut out);
                }
            }
        }
        Layout::Sections => walk(root, "", cx, &mut out),
    }
    if cx.checker == Checker::Linter {
        // The runtime reads only the settings it uses; the linter also
        // judges every value that is shaped like one, whatever its key.
        by_shape(root, cx, &mut out);
    }
    if cx.layout == Layout::Sections && !is_flinks_shaped(&out) {
        // `FLINKS_MODE` in a launch profile, `[dependencies] flinks-config`
        // in a Cargo.toml: nothing of Flinks' own to check, so no profile
        // (no unknown environment, no missing field).
        out.profiles.clear();
    }
    out
}

/// Whether what was found in an application's file is Flinks settings: a
/// setting of the schema, a likely misspelling of one, or a finding of the
/// extraction (a setting of the wrong type, a secret sent to the browser).
fn is_flinks_shaped(found: &Extracted<'_>) -> bool {
    !found.diagnostics.is_empty()
        || found
            .profiles
            .iter()
            .any(|p| !p.fields.is_empty() || !p.unknown_keys.is_empty())
}

/// The environment a flag says, where it can mean only one
/// (`FLINKS_SANDBOX=true` is the sandbox, `=false` production;
/// `FLINKS_USE_PRODUCTION=1` production): the name without the `flinks`
/// prefix, normalized, and the value.
fn environment_hint(key: &str, value: &str) -> Option<&'static str> {
    let norm = normalize_key(key);
    let norm = norm.strip_prefix("flinks").unwrap_or(&norm);
    let on = match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => true,
        "false" | "0" | "no" | "off" => false,
        _ => return None,
    };
    let sandbox_flag = match norm {
        "sandbox" | "issandbox" | "usesandbox" | "sandboxmode" | "sandboxenabled" => true,
        "production" | "isproduction" | "useproduction" | "productionmode" => false,
        _ => return None,
    };
    Some(if on == sandbox_flag {
        "sandbox"
    } else {
        "production"
    })
}

fn join(path: &str, key: &str) -> String {
    // Not `format!`: this runs for every key of every document loaded.
    let mut joined = String::with_capacity(path.len() + 1 + key.len());
    if !path.is_empty() {
        joined.push_str(path);
        joined.push('.');
    }
    joined.push_str(key);
    joined
}

fn location(cx: &Context, key_path: String, span: Option<Span>) -> Location {
    let source = match &cx.source {
        // In the environment each variable is its own source.
        Source::EnvVar(_) => Source::EnvVar(key_path.clone()),
        other => other.clone(),
    };
    let mut at = Location::new(source, key_path);
    at.span = span;
    at
}

/// The Flinks field a flat variable sets, with its browser prefix if any:
/// `FLINKS_SECRET_KEY`, `VITE_FLINKS_SECRET_KEY`.
pub(crate) fn flat_field(key: &str) -> Option<(Option<Field>, Option<&'static str>)> {
    let prefix = secret_in_frontend::browser_prefix(key);
    let rest = &key[prefix.map_or(0, str::len)..];
    let norm = normalize_key(rest);
    let is_flinks = norm.starts_with("flinks") && norm.len() > "flinks".len();
    is_flinks.then(|| (Field::from_key(rest), prefix))
}

/// A setting's value as the extraction needs it, borrowed from the document.
#[derive(Clone, Copy)]
enum Setting<'t> {
    Text {
        value: &'t str,
        verbatim: Option<Span>,
        /// Where the value is written, escapes and quotes included.
        written: Option<Span>,
    },
    Wrong {
        what: &'static str,
        span: Option<Span>,
    },
}

impl<'t> Setting<'t> {
    fn of(node: &'t Node<'_>) -> Self {
        match &node.kind {
            Kind::Text { value, verbatim } => Setting::Text {
                value: value.as_ref(),
                verbatim: *verbatim,
                written: node.span,
            },
            Kind::Map(_) => Setting::Wrong {
                what: "a table",
                span: node.span,
            },
            Kind::List(_) => Setting::Wrong {
                what: "a list",
                span: node.span,
            },
            Kind::Other(what) => Setting::Wrong {
                what,
                span: node.span,
            },
        }
    }
}

/// A `key = value` found in a document or a `KEY=value` list item.
#[derive(Clone, Copy)]
struct Item<'t> {
    key: &'t str,
    key_span: Option<Span>,
    setting: Setting<'t>,
}

fn walk<'t>(node: &'t Node<'_>, path: &str, cx: &Context, out: &mut Extracted<'t>) {
    match &node.kind {
        Kind::Map(entries) => {
            let flat: Vec<Item<'t>> = entries
                .iter()
                .filter(|e| {
                    matches!(e.value.kind, Kind::Text { .. } | Kind::Other(_))
                        && flat_field(&e.key).is_some()
                })
                .map(|e| Item {
                    key: e.key.as_ref(),
                    key_span: e.key_span,
                    setting: Setting::of(&e.value),
                })
                .collect();
            if !flat.is_empty() {
                flat_profile(&flat, path, node.span, cx, out);
            }
            for entry in entries {
                let here = join(path, &entry.key);
                if normalize_key(&entry.key) == "flinks" && matches!(entry.value.kind, Kind::Map(_))
                {
                    section(&entry.value, &here, None, cx, out);
                } else {
                    walk(&entry.value, &here, cx, out);
                }
            }
        }
        Kind::List(items) => {
            let flat: Vec<Item<'t>> = items
                .iter()
                .filter_map(split_pair)
                .filter(|i| flat_field(i.key).is_some())
                .collect();
            if !flat.is_empty() {
                flat_profile(&flat, path, node.span, cx, out);
            }
            for (i, item) in items.iter().enumerate() {
                walk(item, &join(path, &i.to_string()), cx, out);
            }
        }
        _ => {}
    }
}

/// A `KEY=value` list item (docker-compose `environment:` in list form).
fn split_pair<'t>(item: &'t Node<'_>) -> Option<Item<'t>> {
    let Kind::Text { value, verbatim } = &item.kind else {
        return None;
    };
    let (key, rest) = value.split_once('=')?;
    let key_len = key.len();
    Some(Item {
        key: key.trim(),
        key_span: verbatim.map(|s| Span::new(s.start, s.start + key_len)),
        setting: Setting::Text {
            value: rest,
            verbatim: verbatim.map(|s| Span::new(s.start + key_len + 1, s.end)),
            // Without a verbatim span the key's end is unknown: the item.
            written: item.span,
        },
    })
}

fn item_path(key: &str, path: &str, cx: &Context) -> String {
    if matches!(cx.source, Source::EnvVar(_)) || path.is_empty() {
        key.to_string()
    } else {
        join(path, key)
    }
}

fn flat_profile<'t>(
    items: &[Item<'t>],
    path: &str,
    span: Option<Span>,
    cx: &Context,
    out: &mut Extracted<'t>,
) {
    let whole = if path.is_empty() {
        "FLINKS_*".to_string()
    } else {
        path.to_string()
    };
    let mut profile = Profile::new(location(cx, whole, span));
    if let Some(env) = cx.environment {
        profile.name = Some(Value {
            text: env,
            location: location(cx, path.to_string(), None),
        });
    }
    for item in items {
        let Some((field, prefix)) = flat_field(item.key) else {
            continue;
        };
        let key_path = item_path(item.key, path, cx);
        if let Setting::Text {
            value, verbatim, ..
        } = item.setting
        {
            if let Some(environment) = environment_hint(item.key, value) {
                // An environment only where nothing else names one.
                if profile.name.is_none() {
                    profile.name = Some(Value {
                        text: environment,
                        location: location(cx, key_path, verbatim),
                    });
                }
                continue;
            }
        }
        if let (Some(field), Some(_)) = (field, prefix) {
            if let Some(d) = secret_in_frontend::check(item.key, field) {
                if d.rule.checked_by(cx.checker) {
                    // The span is the variable's name, which is no secret:
                    // shown lines keep it readable and mask the value (one
                    // of `out.secrets`, added with the setting below).
                    out.diagnostics.push(d.with_location(location(
                        cx,
                        key_path.clone(),
                        item.key_span,
                    )));
                }
            }
        }
        add(&mut profile, field, item, key_path, cx, out);
    }
    out.profiles.push(profile);
}

/// Adds one setting (or an unknown key, or a type error) to a profile.
fn add<'t>(
    profile: &mut Profile<'t>,
    field: Option<Field>,
    item: &Item<'t>,
    key_path: String,
    cx: &Context,
    out: &mut Extracted<'t>,
) {
    match (field, item.setting) {
        (
            Some(field),
            Setting::Text {
                value,
                verbatim,
                written,
            },
        ) => {
            let mut at = location(cx, key_path, verbatim);
            if field.is_secret() {
                at.secret = true;
                // A value with escapes has no verbatim span: mask where it
                // is written, or its line would show it.
                out.secrets.extend(verbatim.or(written));
            }
            profile.set(
                field,
                Value {
                    text: value,
                    location: at,
                },
            );
        }
        (Some(field), Setting::Wrong { what, span }) => {
            let d = Diagnostic::new(
                &rules::config_malformed::RULE,
                format!("`{}` is {what}, not a string", field.key()),
            )
            .with_help(format!("write `{}` as a quoted string", field.key()))
            .with_location(location(cx, key_path, span));
            if d.rule.checked_by(cx.checker) {
                out.diagnostics.push(d);
            }
        }
        // In an application's own file only a likely misspelling is worth
        // a finding; in a file of Flinks settings every key is ours.
        (None, _) if cx.layout == Layout::Sections && likely_field(item.key).is_none() => {}
        (None, _) => {
            let at = location(cx, key_path, item.key_span);
            profile.unknown_keys.push(Value {
                text: item.key,
                location: at,
            });
        }
    }
}

/// A Flinks section: settings, or profiles named by environment.
fn section<'t>(
    node: &'t Node<'_>,
    path: &str,
    name: Option<&'t Entry<'t>>,
    cx: &Context,
    out: &mut Extracted<'t>,
) {
    let Kind::Map(entries) = &node.kind else {
        return;
    };
    let whole = if path.is_empty() {
        "(root)".to_string()
    } else {
        path.to_string()
    };
    let mut profile = Profile::new(location(cx, whole, name.and_then(|n| n.key_span)));
    match name {
        Some(entry) => {
            let at = location(cx, path.to_string(), entry.key_span);
            profile.name = Some(Value {
                text: entry.key.as_ref(),
                location: at,
            });
        }
        None => {
            if let Some(env) = cx.environment {
                profile.name = Some(Value {
                    text: env,
                    location: location(cx, path.to_string(), None),
                });
            }
        }
    }
    let mut any = false;
    for entry in entries {
        let here = join(path, &entry.key);
        if entry.key.eq_ignore_ascii_case("lint") {
            continue; // the linter's own settings
        }
        if name.is_none() && matches!(entry.value.kind, Kind::Map(_)) {
            // The top-level tables of a file of profiles (`flinks.toml`), and
            // sections named like an environment elsewhere (`[flinks.sandbox]`,
            // `Flinks: { Production: { … } }`) are profiles.
            if (cx.layout == Layout::Profiles && path.is_empty())
                || names_an_environment(&entry.key)
            {
                section(&entry.value, &here, Some(entry), cx, out);
                continue;
            }
        }
        // A setting written as a table (`api_url = { … }`) stays FLK510's.
        let is_group = matches!(entry.value.kind, Kind::Map(_))
            && !names_an_environment(&entry.key)
            && Field::from_key(&entry.key).is_none();
        if is_group {
            // Spring's `flinks.api.base-url`, .NET's `Flinks:Connect:Url`: a
            // group of settings of this profile, not an environment.
            any |= group(
                &entry.value,
                &here,
                &normalize_key(&entry.key),
                &mut profile,
                cx,
                out,
            );
            continue;
        }
        any = true;
        let item = Item {
            key: entry.key.as_ref(),
            key_span: entry.key_span,
            setting: Setting::of(&entry.value),
        };
        add(
            &mut profile,
            Field::from_key(&entry.key),
            &item,
            here,
            cx,
            out,
        );
    }
    if any {
        out.profiles.push(profile);
    }
}

/// The settings of a nested group (`api: { base-url, key }`) into
/// `profile`: a key is read with its group's name first (`api` + `key` is
/// the API key, `connect` + `url` the iframe URL), then alone
/// (`api.customer-id`). Whether any entry was read.
fn group<'t>(
    node: &'t Node<'_>,
    path: &str,
    prefix: &str,
    profile: &mut Profile<'t>,
    cx: &Context,
    out: &mut Extracted<'t>,
) -> bool {
    let Kind::Map(entries) = &node.kind else {
        return false;
    };
    let mut any = false;
    for entry in entries {
        let here = join(path, &entry.key);
        let key = normalize_key(&entry.key);
        if matches!(entry.value.kind, Kind::Map(_)) {
            let deeper = format!("{prefix}{key}");
            any |= group(&entry.value, &here, &deeper, profile, cx, out);
            continue;
        }
        any = true;
        let field = Field::from_key(&format!("{prefix}{key}")).or_else(|| Field::from_key(&key));
        let item = Item {
            key: entry.key.as_ref(),
            key_span: entry.key_span,
            setting: Setting::of(&entry.value),
        };
        add(profile, field, &item, here, cx, out);
    }
    any
}

/// The setting a value is, told by its shape rather than its key: a Flinks
/// URL (a host under `fin.ag`, `flinks.io` or `flinks.com`, or a
/// `/BankingServices` path) is an API or iframe URL; a GUID under a key that
/// names Flinks and a credential is that credential (`FlinksSecret`,
/// `flinks_api_key`).
fn shaped_field(key: &str, value: &str) -> Option<Field> {
    let norm = normalize_key(key);
    if let Some(kind) = flinks_url_kind(value) {
        // `FLINKS_CONNECT_BASE_URL=https://sandbox.flinks.io/…`: the key
        // tells an iframe URL on a host that does not.
        let iframe_key = norm.contains("iframe") || norm.contains("connect");
        return Some(if iframe_key { Field::IframeUrl } else { kind });
    }
    if !norm.contains("flinks") || !flinks_config_core::is_guid(value.trim()) {
        return None;
    }
    let rest = norm.replace("flinks", "");
    [
        ("customerid", Field::CustomerId),
        ("clientid", Field::CustomerId),
        ("apikey", Field::ApiKey),
        ("secret", Field::SecretKey),
        ("authkey", Field::SecretKey),
    ]
    .iter()
    .find(|(word, _)| rest.contains(word))
    .map(|(_, field)| *field)
}

/// [`Field::ApiUrl`] or [`Field::IframeUrl`] for a Flinks URL.
fn flinks_url_kind(value: &str) -> Option<Field> {
    let value = value.trim();
    let (scheme, rest) = value.split_once("://")?;
    if scheme.is_empty() || !scheme.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let path = &rest[end..];
    let under = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    // Flinks' own pages are no settings: `docs.flinks.com`, `www.flinks.com`.
    let website = ["flinks.com", "flinks.io"].contains(&host.as_str())
        || ["docs.", "www.", "help.", "status.", "blog.", "community."]
            .iter()
            .any(|p| host.starts_with(p));
    let flinks_host = (under("fin.ag") || under("flinks.io") || under("flinks.com")) && !website;
    let banking_path = path.to_ascii_lowercase().contains("/bankingservices");
    if !flinks_host && !banking_path {
        return None;
    }
    let iframe = host.contains("iframe") || host.contains("connect") || host.starts_with("demo.");
    Some(if iframe && !banking_path {
        Field::IframeUrl
    } else {
        Field::ApiUrl
    })
}

/// Every value of the document shaped like a Flinks setting (see
/// [`shaped_field`]) that no profile holds yet: added to the profile whose
/// section holds it (so it is judged in that environment), else to the
/// document's only profile, else to a profile of its own, its key path shown.
fn by_shape<'t>(root: &'t Node<'_>, cx: &Context, out: &mut Extracted<'t>) {
    let held: std::collections::HashSet<usize> = out
        .profiles
        .iter()
        .flat_map(|p| &p.fields)
        .map(|(_, v)| v.text.as_ptr() as usize)
        .collect();
    let mut found: Vec<(Field, Item<'t>, String)> = Vec::new();
    shaped(root, "", cx, &held, &mut found);
    if found.is_empty() {
        return;
    }
    let mut own: Option<Profile<'t>> = None;
    for (field, item, key_path) in found {
        let home = out.profiles.iter().position(|p| {
            let section = &p.location.key_path;
            key_path.starts_with(&format!("{section}."))
        });
        let home = home.or((out.profiles.len() == 1).then_some(0));
        let profile = match home {
            Some(at) => &mut out.profiles[at],
            None => own.get_or_insert_with(|| {
                let mut profile = Profile::new(location(cx, "(values)".to_string(), None));
                if let Some(env) = cx.environment {
                    profile.name = Some(Value {
                        text: env,
                        location: location(cx, String::new(), None),
                    });
                }
                profile
            }),
        };
        let mut extra = Extracted::default();
        add(profile, Some(field), &item, key_path, cx, &mut extra);
        out.secrets.extend(extra.secrets);
    }
    out.profiles.extend(own);
}

/// The values under `node` shaped like a setting and not yet held.
fn shaped<'t>(
    node: &'t Node<'_>,
    path: &str,
    cx: &Context,
    held: &std::collections::HashSet<usize>,
    found: &mut Vec<(Field, Item<'t>, String)>,
) {
    let consider = |item: Item<'t>, key_path: String, found: &mut Vec<_>| {
        let Setting::Text { value, .. } = item.setting else {
            return;
        };
        if held.contains(&(value.as_ptr() as usize)) {
            return;
        }
        // A reference is judged by the default it falls back to.
        let shown = if flinks_config_core::is_reference(value) {
            match flinks_config_core::reference_default(value) {
                Some(default) => default,
                None => return,
            }
        } else {
            value
        };
        if let Some(field) = shaped_field(item.key, shown) {
            found.push((field, item, key_path));
        }
    };
    match &node.kind {
        Kind::Map(entries) => {
            for entry in entries {
                let here = item_path(&entry.key, path, cx);
                if matches!(entry.value.kind, Kind::Text { .. }) {
                    let item = Item {
                        key: entry.key.as_ref(),
                        key_span: entry.key_span,
                        setting: Setting::of(&entry.value),
                    };
                    consider(item, here, found);
                } else {
                    shaped(&entry.value, &here, cx, held, found);
                }
            }
        }
        Kind::List(items) => {
            for (i, item) in items.iter().enumerate() {
                let here = join(path, &i.to_string());
                match split_pair(item) {
                    // `KEY=value` (docker-compose's list form).
                    Some(pair) => {
                        let key_path = item_path(pair.key, path, cx);
                        consider(pair, key_path, found);
                    }
                    None if matches!(item.kind, Kind::Text { .. }) => {
                        let bare = Item {
                            key: "",
                            key_span: None,
                            setting: Setting::of(item),
                        };
                        consider(bare, here, found);
                    }
                    None => shaped(item, &here, cx, held, found),
                }
            }
        }
        _ => {}
    }
}

#[cfg(all(test, feature = "json", feature = "toml"))]
mod tests {
    use super::*;
    use crate::load::Format;

    /// A profile as the tests compare it: name, fields, unknown keys.
    type Seen = (String, Vec<(Field, String)>, Vec<String>);

    /// `(profile name, fields, unknown keys)` of each profile in `text`.
    fn profiles(format: Format, text: &str, layout: Layout) -> Vec<Seen> {
        let tree = format.parse(text).unwrap();
        let cx = Context {
            source: Source::File("f".into()),
            layout,
            environment: None,
            checker: Checker::Linter,
        };
        extract(&tree, &cx)
            .profiles
            .iter()
            .map(|p| {
                (
                    p.name
                        .as_ref()
                        .map_or(String::new(), |n| n.text.to_string()),
                    p.fields
                        .iter()
                        .map(|(f, v)| (*f, v.text.to_string()))
                        .collect(),
                    p.unknown_keys.iter().map(|k| k.text.to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn templates_are_told_by_their_name() {
        for name in [
            ".env.example",
            "appsettings.Example.json",
            "deploy/values.example.yaml",
            ".env.dist",
        ] {
            assert!(is_template(name.as_ref()), "{name}");
        }
        assert!(!is_template("examples/flinks.toml".as_ref()));
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn nested_sections_are_settings_unless_named_like_an_environment() {
        let spring = "flinks:\n  api:\n    base-url: https://x/\n    key: k\n  connect:\n    url: https://y/\n    timeout: 30s\n  staging:\n    instance: acme\n";
        let found = profiles(Format::Yaml, spring, Layout::Sections);
        assert_eq!(
            found,
            [
                (
                    "staging".into(),
                    vec![(Field::Instance, "acme".into())],
                    vec![]
                ),
                (
                    String::new(),
                    vec![
                        (Field::ApiUrl, "https://x/".into()),
                        (Field::ApiKey, "k".into()),
                        (Field::IframeUrl, "https://y/".into()),
                    ],
                    vec![],
                ),
            ]
        );
        // In a file of Flinks settings the top-level tables stay profiles.
        let own = "[api]\ninstance = \"acme\"\n";
        assert_eq!(profiles(Format::Toml, own, Layout::Profiles)[0].0, "api");
    }

    #[test]
    fn a_file_without_flinks_settings_has_no_profile() {
        let cargo = "[package]\nname = \"x\"\n[dependencies]\nflinks-config = \"0.1\"\n";
        assert!(profiles(Format::Toml, cargo, Layout::Sections).is_empty());
        let launch =
            r#"{"profiles":{"Flinks.Client":{"environmentVariables":{"FLINKS_MODE":"live"}}}}"#;
        assert!(profiles(Format::Json, launch, Layout::Sections).is_empty());
        // A likely misspelling is Flinks-shaped, and kept.
        let typo = "FLINKS_SECRETKEE=x\nFLINKS_MODE=live\n";
        assert_eq!(
            profiles(Format::Dotenv, typo, Layout::Sections),
            [(String::new(), vec![], vec!["FLINKS_SECRETKEE".into()])]
        );
    }

    #[test]
    fn a_sandbox_flag_names_the_environment() {
        for (text, env) in [
            ("FLINKS_SANDBOX=true\nFLINKS_INSTANCE=acme\n", "sandbox"),
            ("FLINKS_SANDBOX=false\nFLINKS_INSTANCE=acme\n", "production"),
            (
                "FLINKS_USE_PRODUCTION=1\nFLINKS_INSTANCE=acme\n",
                "production",
            ),
        ] {
            let found = profiles(Format::Dotenv, text, Layout::Sections);
            assert_eq!(found[0].0, env, "{text}");
            assert_eq!(found[0].2, Vec::<String>::new());
        }
        // Not a boolean: no hint, and an app's own name.
        let found = profiles(
            Format::Dotenv,
            "FLINKS_SANDBOX=maybe\nFLINKS_INSTANCE=acme\n",
            Layout::Sections,
        );
        assert_eq!(found[0].0, "");
    }

    #[test]
    fn values_are_told_by_their_shape() {
        let url = |v: &str| shaped_field("Whatever", v);
        assert_eq!(
            url("https://toolbox-api.private.fin.ag/v3/"),
            Some(Field::ApiUrl)
        );
        assert_eq!(
            url(" https://acme-iframe.private.fin.ag/v2/ "),
            Some(Field::IframeUrl)
        );
        assert_eq!(
            url("https://sandbox-api.flinks.io/v3/"),
            Some(Field::ApiUrl)
        );
        assert_eq!(url("https://demo.flinks.com/"), Some(Field::IframeUrl));
        assert_eq!(
            url("https://proxy.example.com/v3/x/BankingServices/"),
            Some(Field::ApiUrl)
        );
        for other in [
            "https://docs.flinks.com/docs",
            "https://www.flinks.com/",
            "https://flinks.com",
            "https://example.com/fin.ag",
            "flinks",
            "toolbox-api.private.fin.ag",
        ] {
            assert_eq!(url(other), None, "{other}");
        }
        assert_eq!(
            shaped_field("FLINKS_CONNECT_BASE_URL", "https://sandbox.flinks.io/v2/"),
            Some(Field::IframeUrl)
        );
        let guid = "8e1f2a3b-4c5d-4e6f-9a7b-0c1d2e3f4a5b";
        assert_eq!(shaped_field("FlinksSecret", guid), Some(Field::SecretKey));
        assert_eq!(shaped_field("flinks_api_key", guid), Some(Field::ApiKey));
        assert_eq!(
            shaped_field("FlinksClientId", guid),
            Some(Field::CustomerId)
        );
        assert_eq!(shaped_field("StripeSecret", guid), None, "not Flinks");
        assert_eq!(shaped_field("FlinksSecret", "hunter2"), None, "not a GUID");
    }

    #[test]
    fn a_shaped_value_joins_the_profile_of_its_section() {
        let text = "[sandbox]\ninstance = \"toolbox\"\nbase = \"https://toolbox.api.private.fin.ag/v3/\"\n[production]\ninstance = \"acme\"\n";
        let tree = Format::Toml.parse(text).unwrap();
        let cx = Context {
            source: Source::File("f".into()),
            layout: Layout::Profiles,
            environment: None,
            checker: Checker::Linter,
        };
        let found = extract(&tree, &cx);
        let sandbox = &found.profiles[0];
        assert_eq!(sandbox.name.as_ref().unwrap().text, "sandbox");
        assert_eq!(
            sandbox.get(Field::ApiUrl).unwrap().location.key_path,
            "sandbox.base"
        );
        assert_eq!(found.profiles.len(), 2);
        // The runtime reads only what it uses.
        let runtime = Context {
            checker: Checker::Runtime,
            ..cx
        };
        assert!(extract(&tree, &runtime).profiles[0]
            .get(Field::ApiUrl)
            .is_none());
    }

    #[test]
    fn a_setting_written_as_a_table_is_still_the_wrong_type() {
        let text = "[sandbox]\ninstance = \"toolbox\"\n[sandbox.api_url]\nvalue = \"https://x/\"\n";
        let tree = Format::Toml.parse(text).unwrap();
        let cx = Context {
            source: Source::File("f".into()),
            layout: Layout::Profiles,
            environment: None,
            checker: Checker::Linter,
        };
        let found = extract(&tree, &cx);
        let codes: Vec<_> = found.diagnostics.iter().map(|d| d.code()).collect();
        assert_eq!(codes, ["FLK510"]);
    }
}
