//! A tiny JSON object writer: bodies are flat string/bool maps, so no
//! serializer dependency is needed.

/// Writes `{"k":"v",...}` with JSON string escaping.
pub(crate) fn object(fields: &[(&str, Json<'_>)]) -> String {
    let mut out = String::from("{");
    for (i, (k, v)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(&mut out, k);
        out.push(':');
        match v {
            Json::Str(s) => string(&mut out, s),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        }
    }
    out.push('}');
    out
}

/// A body value.
pub(crate) enum Json<'a> {
    Str(&'a str),
    Bool(bool),
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::{object, Json};

    #[test]
    fn escapes_quotes_and_controls() {
        let s = object(&[("a", Json::Str("x\"\\\n\u{1}")), ("b", Json::Bool(true))]);
        assert_eq!(s, r#"{"a":"x\"\\\n\u0001","b":true}"#);
    }
}
