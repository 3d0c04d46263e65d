//! docs/requests.md's endpoint table must match `ENDPOINTS`.

use flinks_config::core::{CredentialKind, ENDPOINTS};

fn expected() -> String {
    let mut out = String::from(
        "| endpoint | method | path after `BankingServices/` | header | carries | JSON body | uncertain |\n|---|---|---|---|---|---|---|\n",
    );
    for e in ENDPOINTS {
        let path = match e.path_param {
            Some(CredentialKind::RequestId) => format!("`{}/{{requestId}}`", e.name),
            Some(CredentialKind::LoginId) => format!("`{}/{{loginId}}`", e.name),
            Some(k) => format!("`{}/{{{k}}}`", e.name),
            None => format!("`{}`", e.name),
        };
        let header = e.auth.header().map_or("—".to_owned(), |h| format!("`{h}`"));
        let carries = e.auth.credential().map_or("—", |c| c.noun());
        let body = if e.json_body() {
            let f = e.body_fields();
            if f.is_empty() {
                "yes".to_owned()
            } else {
                f.iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        } else {
            "no".to_owned()
        };
        out.push_str(&format!(
            "| {} | {} | {path} | {header} | {carries} | {body} | {} |\n",
            e.name,
            e.method.as_str(),
            if e.uncertain { "yes" } else { "" }
        ));
    }
    out
}

#[test]
fn doc_table_matches_endpoints() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/requests.md"
    ))
    .unwrap();
    let start = doc
        .find("<!-- endpoints:start -->\n")
        .expect("start marker")
        + "<!-- endpoints:start -->\n".len();
    let end = doc.find("<!-- endpoints:end -->").expect("end marker");
    assert_eq!(
        &doc[start..end],
        expected(),
        "regenerate the table in docs/requests.md"
    );
}
