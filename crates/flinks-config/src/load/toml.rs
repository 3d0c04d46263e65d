//! TOML → [`Node`], keeping spans (`toml`'s span-preserving parser).

use super::tree::{Entry, Kind, Node};
use super::ParseError;
use flinks_config_core::Span;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Parses TOML text.
pub fn parse(text: &str) -> Result<Node<'_>, ParseError> {
    let table = DeTable::parse(text).map_err(|e| ParseError {
        message: format!("invalid TOML: {}", e.message()),
        span: e.span().map(|r| Span::new(r.start, r.end)),
    })?;
    let span = span_of(table.span());
    Ok(Node {
        span: Some(span),
        kind: map(text, table.into_inner()),
    })
}

fn span_of(range: std::ops::Range<usize>) -> Span {
    Span::new(range.start, range.end)
}

fn map<'s>(text: &str, table: DeTable<'s>) -> Kind<'s> {
    Kind::Map(
        table
            .into_iter()
            .map(|(key, value)| Entry {
                key_span: Some(span_of(key.span())),
                key: key.into_inner(),
                value: node(text, value),
            })
            .collect(),
    )
}

fn node<'s>(text: &str, value: Spanned<DeValue<'s>>) -> Node<'s> {
    let span = span_of(value.span());
    let kind = match value.into_inner() {
        DeValue::String(s) => {
            let verbatim = Node::quoted_verbatim(text, span, &s);
            Kind::Text { value: s, verbatim }
        }
        DeValue::Integer(_) => Kind::Other("a number"),
        DeValue::Float(_) => Kind::Other("a number"),
        DeValue::Boolean(_) => Kind::Other("a boolean"),
        DeValue::Datetime(_) => Kind::Other("a date"),
        DeValue::Array(items) => Kind::List(items.into_iter().map(|v| node(text, v)).collect()),
        DeValue::Table(table) => map(text, table),
    };
    Node {
        span: Some(span),
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_keep_their_exact_span() {
        let text = "[sandbox]\ninstance = \"toolbox\"\n";
        let doc = parse(text).unwrap();
        let Kind::Map(tables) = doc.kind else {
            panic!()
        };
        let Kind::Map(keys) = &tables[0].value.kind else {
            panic!()
        };
        let Kind::Text { verbatim, .. } = &keys[0].value.kind else {
            panic!()
        };
        assert_eq!(&text[verbatim.unwrap().range()], "toolbox");
    }

    #[test]
    fn escapes_lose_the_verbatim_span() {
        let doc = parse("a = \"x\\u0041\"").unwrap();
        let Kind::Map(keys) = doc.kind else { panic!() };
        assert!(
            matches!(&keys[0].value.kind, Kind::Text { verbatim: None, value } if value == "xA")
        );
    }
}
