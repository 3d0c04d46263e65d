//! Finds Flinks profiles in any document tree: `[sandbox]`/`[production]`
//! tables, a `flinks`/`Flinks` section (as .NET and Node configs write it),
//! and flat `FLINKS_*` variables (`.env`, ConfigMaps, docker-compose).

use super::tree::{Entry, Kind, Node};
use super::Layout;
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
    out
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
fn flat_field(key: &str) -> Option<(Option<Field>, Option<&'static str>)> {
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
            // `[sandbox]`, `[production]`, `Flinks: { Production: { … } }`.
            section(&entry.value, &here, Some(entry), cx, out);
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
