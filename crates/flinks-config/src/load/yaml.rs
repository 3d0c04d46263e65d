//! YAML → the library's format-neutral tree, with byte spans: Kubernetes
//! ConfigMaps and Secrets, docker-compose `environment:` (list and map form),
//! Helm-style values. The profile extraction is the library's, shared with
//! every other format.

use super::tree::{Entry, Kind, Node};
use super::ParseError;
use flinks_config_core::Span;
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use std::borrow::Cow;

/// Parses YAML text (every document of it) into one tree: a list of the
/// documents, or the document itself when there is one.
pub fn parse(text: &str) -> Result<Node<'static>, ParseError> {
    let offsets = CharOffsets::new(text);
    let docs = MarkedYaml::load_from_str(text).map_err(|e| {
        let at = offsets.byte(e.marker().index());
        ParseError {
            message: format!("invalid YAML: {}", e.info()),
            span: Some(Span::new(at, (at + 1).min(text.len()))),
        }
    })?;
    let mut nodes: Vec<Node<'static>> = docs.iter().map(|d| node(text, &offsets, d, 0)).collect();
    for doc in &mut nodes {
        decode_secret_data(doc);
    }
    Ok(if nodes.len() == 1 {
        nodes.remove(0)
    } else {
        Node {
            span: None,
            kind: Kind::List(nodes),
        }
    })
}

/// saphyr counts in characters; spans are bytes.
struct CharOffsets(Option<Vec<usize>>);

impl CharOffsets {
    fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharOffsets(None);
        }
        let mut map: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        map.push(text.len());
        CharOffsets(Some(map))
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.0 {
            None => char_index,
            Some(map) => map
                .get(char_index)
                .copied()
                .unwrap_or_else(|| *map.last().unwrap_or(&0)),
        }
    }
}

/// Deepest nesting converted; deeper values are kept as opaque.
const MAX_DEPTH: usize = 128;

fn node(text: &str, offsets: &CharOffsets, yaml: &MarkedYaml<'_>, depth: usize) -> Node<'static> {
    let start = offsets.byte(yaml.span.start.index()).min(text.len());
    let end = offsets.byte(yaml.span.end.index()).clamp(start, text.len());
    let span = Span::new(start, end);
    let kind = if depth > MAX_DEPTH {
        Kind::Other("a value nested too deeply")
    } else {
        match &yaml.data {
            YamlData::Value(Scalar::String(s)) => Kind::Text {
                verbatim: verbatim(text, span, s),
                value: Cow::Owned(s.to_string()),
            },
            YamlData::Representation(s, _, _) => Kind::Text {
                verbatim: verbatim(text, span, s),
                value: Cow::Owned(s.to_string()),
            },
            YamlData::Value(Scalar::Integer(_) | Scalar::FloatingPoint(_)) => {
                Kind::Other("a number")
            }
            YamlData::Value(Scalar::Boolean(_)) => Kind::Other("a boolean"),
            YamlData::Value(Scalar::Null) => Kind::Other("null"),
            YamlData::Sequence(items) => Kind::List(
                items
                    .iter()
                    .map(|i| node(text, offsets, i, depth + 1))
                    .collect(),
            ),
            YamlData::Mapping(map) => Kind::Map(
                map.iter()
                    .map(|(k, v)| {
                        let key = node(text, offsets, k, depth + 1);
                        let (key_text, key_span) = match &key.kind {
                            Kind::Text { value, verbatim } => {
                                (value.to_string(), verbatim.or(key.span))
                            }
                            _ => (String::new(), key.span),
                        };
                        Entry {
                            key: Cow::Owned(key_text),
                            key_span,
                            value: node(text, offsets, v, depth + 1),
                        }
                    })
                    .collect(),
            ),
            YamlData::Tagged(_, inner) => return node(text, offsets, inner, depth + 1),
            _ => Kind::Other("a YAML alias or invalid value"),
        }
    };
    Node {
        span: Some(span),
        kind,
    }
}

/// The span of a scalar's text when it is written verbatim (plain, or quoted
/// without escapes); block scalars and escapes lose it.
fn verbatim(text: &str, span: Span, value: &str) -> Option<Span> {
    let raw = text.get(span.range())?;
    if raw == value {
        return Some(span);
    }
    // saphyr's scalar span may stop before a closing quote: widen by one.
    let wide = Span::new(span.start, (span.end + 1).min(text.len()));
    Node::quoted_verbatim(text, span, value)
        .or_else(|| Node::quoted_verbatim(text, wide, value))
        .or_else(|| {
            let at = raw.find(value)?;
            (!value.is_empty()).then(|| Span::new(span.start + at, span.start + at + value.len()))
        })
}

/// A Kubernetes `Secret` keeps `data` values base64-encoded: decode them so
/// the rules see the value (no span inside: it is not written verbatim).
fn decode_secret_data(doc: &mut Node<'static>) {
    let Kind::Map(entries) = &mut doc.kind else {
        return;
    };
    let is_secret = entries.iter().any(|e| {
        e.key == "kind" && matches!(&e.value.kind, Kind::Text { value, .. } if value == "Secret")
    });
    if !is_secret {
        return;
    }
    for entry in entries.iter_mut().filter(|e| e.key == "data") {
        let Kind::Map(data) = &mut entry.value.kind else {
            continue;
        };
        for item in data {
            if let Kind::Text { value, verbatim } = &mut item.value.kind {
                if let Some(decoded) = base64(value.trim()) {
                    *value = Cow::Owned(decoded);
                    *verbatim = None;
                }
            }
        }
    }
}

/// Standard base64 (padding optional) to UTF-8 text.
fn base64(text: &str) -> Option<String> {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for b in text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
    {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(node: &Node<'_>, out: &mut Vec<(String, String, Option<String>)>, src: &str) {
        match &node.kind {
            Kind::Map(entries) => {
                for e in entries {
                    if let Kind::Text { value, verbatim } = &e.value.kind {
                        out.push((
                            e.key.to_string(),
                            value.to_string(),
                            verbatim.map(|s| src[s.range()].to_string()),
                        ));
                    }
                    texts(&e.value, out, src);
                }
            }
            Kind::List(items) => items.iter().for_each(|i| texts(i, out, src)),
            _ => {}
        }
    }

    #[test]
    fn scalars_keep_their_byte_spans() {
        let src = "data:\n  FLINKS_INSTANCE: toolbox\n  FLINKS_API_URL: \"https://toolbox-api.private.fin.ag/v3/\"\n  note: 'é'\n";
        let mut out = Vec::new();
        texts(&parse(src).unwrap(), &mut out, src);
        assert_eq!(
            out[0],
            (
                "FLINKS_INSTANCE".into(),
                "toolbox".into(),
                Some("toolbox".into())
            )
        );
        assert_eq!(
            out[1].2.as_deref(),
            Some("https://toolbox-api.private.fin.ag/v3/")
        );
        assert_eq!(out[2].2.as_deref(), Some("é"));
    }

    #[test]
    fn secret_data_is_decoded() {
        let src = "kind: Secret\ndata:\n  FLINKS_INSTANCE: dG9vbGJveA==\n";
        let mut out = Vec::new();
        texts(&parse(src).unwrap(), &mut out, src);
        assert!(
            out.iter()
                .any(|(k, v, s)| k == "FLINKS_INSTANCE" && v == "toolbox" && s.is_none()),
            "{out:?}"
        );
    }

    #[test]
    fn broken_yaml_is_an_error_with_a_place() {
        let err = parse("a: [1, 2\nb: c\n").unwrap_err();
        assert!(err.message.starts_with("invalid YAML"));
        assert!(err.span.is_some());
        assert_eq!(base64("!!"), None);
    }
}
