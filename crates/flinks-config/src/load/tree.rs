//! The shape every loader produces: maps, lists and text with byte spans,
//! whatever the file format. Profile extraction works on this alone.

use flinks_config_core::Span;
use std::borrow::Cow;

/// A value of a configuration document.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'s> {
    /// The whole value in the source text, when known.
    pub span: Option<Span>,
    /// What it is.
    pub kind: Kind<'s>,
}

/// The kinds of value the loaders distinguish.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind<'s> {
    /// A table, object or mapping, in source order.
    Map(Vec<Entry<'s>>),
    /// An array or sequence.
    List(Vec<Node<'s>>),
    /// A string (or a scalar the format does not type, as in `.env`).
    Text {
        /// The value after the format's own unquoting and unescaping.
        value: Cow<'s, str>,
        /// Where exactly `value` stands in the source, when it is written
        /// there byte for byte (no escapes), so spans map onto the file.
        verbatim: Option<Span>,
    },
    /// A number, boolean, date or null: never a valid Flinks setting.
    Other(&'static str),
}

/// One `key = value` of a map.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'s> {
    /// The key.
    pub key: Cow<'s, str>,
    /// The key's bytes in the source, when known.
    pub key_span: Option<Span>,
    /// The value.
    pub value: Node<'s>,
}

impl<'s> Node<'s> {
    /// A text node.
    pub fn text(value: impl Into<Cow<'s, str>>, verbatim: Option<Span>) -> Self {
        Node {
            span: verbatim,
            kind: Kind::Text {
                value: value.into(),
                verbatim,
            },
        }
    }

    /// The span of a quoted string whose inside equals `value`: the inside.
    pub fn quoted_verbatim(source: &str, span: Span, value: &str) -> Option<Span> {
        let raw = source.get(span.range())?;
        for quote in ["\"\"\"", "'''", "\"", "'"] {
            if raw.len() >= 2 * quote.len() && raw.starts_with(quote) && raw.ends_with(quote) {
                let inner = Span::new(span.start + quote.len(), span.end - quote.len());
                return (source.get(inner.range()) == Some(value)).then_some(inner);
            }
        }
        (raw == value).then_some(span)
    }
}
