//! Baselines: accept the findings a project already has, fail on new ones.
//! A fingerprint hashes the rule, the file, the key path and the shown
//! (masked) value: it never stores a secret, and it survives line moves.

use flinks_config_core::{Diagnostic, Source};
use std::collections::BTreeSet;

/// FNV-1a, 64 bits: stable across versions and platforms (unlike `std`'s hasher).
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The fingerprint of a finding.
pub fn fingerprint(d: &Diagnostic) -> String {
    let (path, key) = match &d.location {
        Some(l) => (
            match &l.source {
                Source::File(p) | Source::EnvVar(p) => p.as_str(),
                _ => "",
            },
            l.key_path.as_str(),
        ),
        None => ("", ""),
    };
    // The masked snippet, hashed: what was shown, never a secret.
    let shown = d.snippet.as_deref().unwrap_or("");
    format!(
        "{:016x}",
        fnv1a(&[
            d.code(),
            path,
            key,
            &d.message,
            &format!("{:016x}", fnv1a(&[shown]))
        ])
    )
}

/// Reads a baseline file: `{"version": 1, "fingerprints": [...]}`.
pub fn read(text: &str) -> Result<BTreeSet<String>, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("invalid baseline: {e}"))?;
    let list = value
        .get("fingerprints")
        .and_then(|f| f.as_array())
        .ok_or("invalid baseline: no `fingerprints` list")?;
    Ok(list
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect())
}

/// Writes a baseline of these findings.
pub fn write(findings: &[Diagnostic]) -> String {
    let prints: BTreeSet<String> = findings.iter().map(fingerprint).collect();
    let json = serde_json::json!({ "version": 1, "tool": "flinks-config", "fingerprints": prints });
    serde_json::to_string_pretty(&json).expect("a JSON value serializes") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_round_trip() {
        assert_eq!(fnv1a(&["a"]), fnv1a(&["a"]));
        assert_ne!(fnv1a(&["a", "b"]), fnv1a(&["ab"]));
        let d = Diagnostic::new(&flinks_config_core::rules::url_not_https::RULE, "m");
        let text = write(std::slice::from_ref(&d));
        assert!(read(&text).unwrap().contains(&fingerprint(&d)));
        assert!(read("{}").is_err());
    }
}
