//! `serde::Deserialize` for [`FlinksConfig`]: any self-describing format
//! (TOML, JSON, YAML, RON…) deserializes into the format-neutral tree, then
//! the same extraction and rules as the loaders run. A failure's message is
//! the rendered report: every problem, no secret.

use crate::config::build_from_tree;
use crate::load::tree::{Entry, Kind, Node};
use crate::FlinksConfig;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Node<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Flinks configuration")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Node::text(v.to_string(), None))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Node::text(v, None))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(other("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(other("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(other("a number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(other("null"))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(other("null"))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(TreeVisitor)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Seed)? {
            items.push(item);
        }
        Ok(Node {
            span: None,
            kind: Kind::List(items),
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Seed)?;
            entries.push(Entry {
                key: Cow::Owned(key),
                key_span: None,
                value,
            });
        }
        Ok(Node {
            span: None,
            kind: Kind::Map(entries),
        })
    }
}

fn other(what: &'static str) -> Node<'static> {
    Node {
        span: None,
        kind: Kind::Other(what),
    }
}

struct Seed;

impl<'de> de::DeserializeSeed<'de> for Seed {
    type Value = Node<'static>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

impl<'de> serde::Deserialize<'de> for FlinksConfig {
    /// Deserializes `{ sandbox: {…}, production: {…} }` and checks it; the
    /// error is the whole report.
    ///
    /// ```
    /// use flinks_config::FlinksConfig;
    /// let json = r#"{"sandbox": {"instance": "toolbox", "customer_id": "43387ca6-0391-4c82-857d-70d95f087ecb",
    ///   "secret_key": "c4569c54-e167-4d34-8de6-f4113bc82414", "api_key": "3d5266a8-b697-48d4-8de6-52e2e2662acc"}}"#;
    /// let config: FlinksConfig = serde_json::from_str(json).unwrap();
    /// assert_eq!(config.profiles().len(), 1);
    /// let bad = json.replace("toolbox\"", "toolbox.api\"");
    /// let err = serde_json::from_str::<FlinksConfig>(&bad).unwrap_err();
    /// assert!(err.to_string().contains("FLK506"));
    /// ```
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let root = deserializer.deserialize_any(TreeVisitor)?;
        build_from_tree(root).map_err(de::Error::custom)
    }
}
