//! The examples of the loaders' and the report internals' docs, run as
//! unit tests: these items are not public API (see `crate::__private`),
//! so rustdoc neither shows nor runs them.

#[test]
fn load_mod_rs_parseerror() {
    let error = crate::load::json::parse("{").unwrap_err();
    assert!(!error.message.is_empty());
}

#[test]
fn load_mod_rs_into_diagnostic() {
    let error = crate::load::json::parse("{").unwrap_err();
    assert_eq!(error.into_diagnostic("appsettings.json").code(), "FLK510");
}

#[test]
fn load_mod_rs_format() {
    use crate::load::Format;
    assert_eq!(
        Format::from_path("flinks.toml".as_ref()),
        Some(Format::Toml)
    );
    assert_eq!(
        Format::from_path("settings.jsonc".as_ref()),
        Some(Format::Json)
    );
}

#[test]
fn load_mod_rs_from_path() {
    use crate::load::Format;
    assert_eq!(
        Format::from_path(".env.production".as_ref()),
        Some(Format::Dotenv)
    );
    assert_eq!(
        Format::from_path("appsettings.Production.json".as_ref()),
        Some(Format::Json)
    );
    assert_eq!(Format::from_path("main.rs".as_ref()), None);
}

#[test]
fn load_mod_rs_parse() {
    use crate::load::{tree::Kind, Format};
    let doc = Format::Dotenv.parse("FLINKS_INSTANCE=toolbox\n").unwrap();
    assert!(matches!(doc.kind, Kind::Map(ref entries) if entries[0].key == "FLINKS_INSTANCE"));
}

#[test]
fn load_mod_rs_environment_from_path() {
    use crate::load::environment_from_path;
    assert_eq!(
        environment_from_path("deploy/values-prod.yaml".as_ref()),
        Some("production")
    );
    assert_eq!(
        environment_from_path(".env.sandbox".as_ref()),
        Some("sandbox")
    );
    assert_eq!(environment_from_path(".env".as_ref()), None);
}

#[test]
fn load_mod_rs_read_file() {
    let report = crate::load::read_file("no/such/flinks.toml".as_ref()).unwrap_err();
    assert_eq!(report.codes(), ["FLK510"]);
}

#[test]
fn load_mod_rs_read_file_at_most() {
    use crate::load::read_file_at_most;
    let path = std::env::temp_dir().join("flinks-config-doc-read.toml");
    std::fs::write(&path, "[sandbox]\n").unwrap();
    assert_eq!(read_file_at_most(&path, 4).unwrap(), None);
    assert_eq!(
        read_file_at_most(&path, 1024).unwrap().as_deref(),
        Some("[sandbox]\n")
    );
}

#[test]
fn load_mod_rs_check_text() {
    use crate::load::{check_text, Format};
    use flinks_config_core::Checker;
    let report = check_text(
        "FLINKS_API_URL=http://toolbox-api.private.fin.ag/v3/\n",
        ".env.sandbox",
        Format::Dotenv,
        Checker::Linter,
    );
    assert_eq!(report.codes(), ["FLK002"]);
}

#[test]
fn load_mod_rs_is_flinks_file() {
    use crate::load::is_flinks_file;
    assert!(is_flinks_file("config/sandbox.flinks.toml".as_ref()));
    assert!(!is_flinks_file("flinks-config.toml".as_ref()));
    assert!(!is_flinks_file("flinks-secret.yaml".as_ref())); // a Kubernetes manifest
}

#[test]
fn load_extract_rs_context() {
    use crate::load::{
        extract::{extract, Context},
        toml::parse,
        Layout,
    };
    use flinks_config_core::{Checker, Source};
    let cx = Context {
        source: Source::File("flinks.toml".into()),
        layout: Layout::Profiles,
        environment: None,
        checker: Checker::Linter,
    };
    let doc = parse("[sandbox]\ninstance = \"toolbox\"\n").unwrap();
    assert_eq!(extract(&doc, &cx).profiles.len(), 1);
}

#[test]
fn load_extract_rs_extracted() {
    use crate::load::{
        extract::{extract, Context},
        toml::parse,
        Layout,
    };
    use flinks_config_core::{Checker, Source};
    let cx = Context {
        source: Source::File("flinks.toml".into()),
        layout: Layout::Profiles,
        environment: None,
        checker: Checker::Linter,
    };
    let doc = parse("[sandbox]\napi_key = \"3d5266a8-b697-48d4-8de6-52e2e2662acc\"\n").unwrap();
    assert_eq!(extract(&doc, &cx).secrets.len(), 1);
}

#[test]
fn load_extract_rs_extract() {
    use crate::load::{
        extract::{extract, Context},
        tree::{Entry, Kind, Node},
        Layout,
    };
    use flinks_config_core::{Checker, Source};
    let doc = Node {
        span: None,
        kind: Kind::Map(vec![Entry {
            key: "FLINKS_INSTANCE".into(),
            key_span: None,
            value: Node::text("toolbox", None),
        }]),
    };
    let cx = Context {
        source: Source::File(".env".into()),
        layout: Layout::Sections,
        environment: Some("sandbox"),
        checker: Checker::Linter,
    };
    let found = extract(&doc, &cx);
    assert_eq!(found.profiles.len(), 1);
}

#[test]
fn load_tree_rs_node() {
    use crate::{core::Span, load::tree::Node};
    let node = Node::text("toolbox", Some(Span::new(12, 19)));
    assert_eq!(node.span, Some(Span::new(12, 19)));
}

#[test]
fn load_tree_rs_kind() {
    use crate::load::{json::parse, tree::Kind};
    let doc = parse(r#"[1, "toolbox"]"#).unwrap();
    assert!(matches!(doc.kind, Kind::List(ref items) if items.len() == 2));
}

#[test]
fn load_tree_rs_entry() {
    use crate::load::{toml::parse, tree::Kind};
    let doc = parse("instance = \"toolbox\"\n").unwrap();
    assert!(matches!(doc.kind, Kind::Map(ref entries) if entries[0].key == "instance"));
}

#[test]
fn load_tree_rs_text() {
    use crate::load::tree::{Kind, Node};
    let node = Node::text("toolbox", None);
    assert!(matches!(node.kind, Kind::Text { .. }));
}

#[test]
fn load_tree_rs_quoted_verbatim() {
    use crate::{core::Span, load::tree::Node};
    let source = "k = \"toolbox\"";
    assert_eq!(
        Node::quoted_verbatim(source, Span::new(4, 13), "toolbox"),
        Some(Span::new(5, 12))
    );
    assert_eq!(
        Node::quoted_verbatim(source, Span::new(4, 13), "other"),
        None
    );
}

#[test]
fn load_toml_rs_parse() {
    use crate::load::{toml::parse, tree::Kind};
    let doc = parse("[sandbox]\ninstance = \"toolbox\"\n").unwrap();
    assert!(matches!(doc.kind, Kind::Map(_)));
    assert!(parse("[sandbox\n").is_err());
}

#[test]
fn load_json_rs_max_depth() {
    use crate::load::json::{parse, MAX_DEPTH};
    let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
    assert!(parse(&deep).is_err());
    assert!(parse("[[]]").is_ok());
}

#[test]
fn load_json_rs_parse() {
    use crate::load::{json::parse, tree::Kind};
    let doc = parse(
        r#"{ "Flinks": { "Instance": "toolbox", } // note
    }"#,
    )
    .unwrap();
    assert!(matches!(doc.kind, Kind::Map(_)));
    assert!(parse("{\"a\": }").is_err());
}

#[test]
fn load_dotenv_rs_parse() {
    use crate::load::{dotenv::parse, tree::Kind};
    let doc =
        parse("# sandbox\nexport FLINKS_INSTANCE=toolbox\nFLINKS_API_KEY='x' # note\n").unwrap();
    let Kind::Map(entries) = doc.kind else {
        unreachable!()
    };
    assert_eq!(entries.len(), 2);
    assert!(parse("not a line\n").is_err());
}

#[test]
fn report_rs_sourcetext() {
    use crate::{core::Span, report::SourceText};
    let text = "api_key = \"3d5266a8-b697-48d4-8de6-52e2e2662acc\"";
    let source = SourceText {
        path: "flinks.toml".into(),
        text: text.into(),
        secrets: vec![Span::new(11, 47)],
    };
    assert_eq!(
        &source.text[source.secrets[0].range()],
        "3d5266a8-b697-48d4-8de6-52e2e2662acc"
    );
}

#[test]
fn report_rs_add_source() {
    use crate::report::{Report, SourceText};
    let mut report = Report::default();
    report.add_source(SourceText {
        path: "flinks.toml".into(),
        text: "[sandbox]".into(),
        secrets: vec![],
    });
    assert_eq!(report.sources()[0].path, "flinks.toml");
}

#[test]
fn report_rs_source() {
    use crate::report::{Report, SourceText};
    let mut report = Report::default();
    report.add_source(SourceText {
        path: "a.toml".into(),
        text: "x".into(),
        secrets: vec![],
    });
    assert!(report.source("a.toml").is_some() && report.source("b.toml").is_none());
}

#[test]
fn report_rs_sources() {
    let report =
        crate::FlinksConfig::from_toml_str("[sandbox]\ninstance = 1\n", "flinks.toml").unwrap_err();
    assert!(report.sources().iter().any(|s| s.path == "flinks.toml"));
}

#[test]
fn report_rs_line_col() {
    assert_eq!(crate::report::line_col("a\nbcd", 3), (2, 2));
}
