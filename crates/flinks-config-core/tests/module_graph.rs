//! The core's module graph stays a tree of leaves and pipelines: no import
//! cycle among its modules, and no rule file referring to another rule file.
//!
//! Each file module (`src/x.rs`, `src/x/mod.rs`) is a node. An edge goes
//! from a module to every module it names: `mod y;` (parent to child),
//! `use crate::…`, `use super::…`, `crate::…`/`super::…` paths in code, and
//! `use child::…` of its own children. A path through a re-export
//! (`crate::Diagnostic`, `rules::url_not_https`) is followed to the module
//! that defines it. Test modules and comments are left out: a rule's tests
//! may call the public entry points that run the rule.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One module file: its path in the crate (`rules::url::url_not_https`;
/// the crate root is empty) and its text.
struct Module {
    path: Vec<String>,
    file: String,
    text: String,
}

/// An edge and where it was first seen.
#[derive(Clone, Debug)]
struct Edge {
    from: String,
    to: String,
    at: String,
}

fn name(path: &[String]) -> String {
    if path.is_empty() {
        "crate".to_string()
    } else {
        path.join("::")
    }
}

/// The source with comments and `#[cfg(test)]` items removed.
fn code_only(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            out.push('\n');
            continue;
        }
        // A `//` after code: keep what is before it (a `"…//…"` string
        // loses its tail, which holds no path).
        let code = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    // Drop every `#[cfg(test)]` item: from the attribute to its closing brace.
    while let Some(at) = out.find("#[cfg(test)]") {
        let Some(open) = out[at..].find('{').map(|o| at + o) else {
            out.truncate(at);
            break;
        };
        let mut depth = 0;
        let mut end = out.len();
        for (i, c) in out[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        let kept_lines = out[at..end].matches('\n').count();
        out.replace_range(at..end, &"\n".repeat(kept_lines));
    }
    out
}

/// Expands a use tree (`a::{b, c::{d, e as f}}`) into its paths.
fn expand(tree: &str) -> Vec<Vec<String>> {
    let tree = tree.trim();
    if tree.is_empty() {
        return Vec::new();
    }
    match tree.find('{') {
        None => {
            let plain = tree.split(" as ").next().unwrap_or(tree).trim();
            vec![plain
                .split("::")
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()]
        }
        Some(open) => {
            let prefix: Vec<String> = tree[..open]
                .split("::")
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            let close = tree.rfind('}').filter(|&c| c > open).unwrap_or(tree.len());
            let inner = &tree[open + 1..close];
            let mut items = Vec::new();
            let (mut depth, mut start) = (0, 0);
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        items.push(&inner[start..i]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            items.push(&inner[start..]);
            items
                .into_iter()
                .flat_map(expand)
                .map(|tail| {
                    let mut path = prefix.clone();
                    // `a::{self, b}`: `self` is `a` itself.
                    path.extend(tail.into_iter().filter(|s| s != "self"));
                    path
                })
                .collect()
        }
    }
}

/// Every `use` tree of the code, with its line.
fn uses(code: &str) -> Vec<(Vec<String>, usize)> {
    let mut found = Vec::new();
    let mut rest = code;
    let mut offset = 0;
    while let Some(at) = find_word(rest, "use ") {
        let start = at + 4;
        let Some(end) = rest[start..].find(';').map(|e| start + e) else {
            break;
        };
        let line = code[..offset + at].matches('\n').count() + 1;
        let tree = &rest[start..end];
        // `use` in a string ("use https: …") is not a use item.
        let is_tree = tree
            .chars()
            .all(|c| c.is_alphanumeric() || "_:{},* \n\t".contains(c));
        if is_tree {
            for path in expand(tree) {
                found.push((path, line));
            }
        }
        offset += end;
        rest = &rest[end..];
    }
    found
}

/// `word` where it starts a token (not inside an identifier).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find(word).map(|a| from + a) {
        let before = text[..at].chars().next_back();
        if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// Every `a::b…` path written in code (outside `use`): `crate::…`,
/// `super::…`, or through a name a `use` brought in (`rules::url::…`).
fn paths(code: &str) -> Vec<(Vec<String>, usize)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        if line.trim_start().starts_with("use ") || line.contains(" use ") {
            continue;
        }
        let mut from = 0;
        while let Some(at) = line[from..].find("::").map(|a| from + a) {
            // The identifier before `::`, and the whole path from there.
            let start = line[..at]
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map_or(0, |i| i + 1);
            let tail: String = line[start..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            from = start + tail.len().max(at - start + 2);
            let before = line[..start].chars().next_back();
            if start == at || before.is_some_and(|c| c == ':') {
                continue;
            }
            let path: Vec<String> = tail
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            found.push((path, n + 1));
        }
    }
    found
}

/// `mod x;` declarations: the module's children.
fn children(code: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let t = line.trim();
        let t = t
            .strip_prefix("pub(crate) ")
            .or_else(|| t.strip_prefix("pub "))
            .unwrap_or(t);
        if let Some(rest) = t.strip_prefix("mod ") {
            if let Some(child) = rest.strip_suffix(';') {
                found.push((child.trim().to_string(), n + 1));
            }
        }
    }
    found
}

struct Graph {
    modules: BTreeSet<Vec<String>>,
    /// For each module, the names its `use` items bring in, with the path.
    imports: BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>>,
    /// Each module's inline modules (`pub mod __private { … }`), as names.
    inline: BTreeMap<Vec<String>, BTreeSet<String>>,
}

impl Graph {
    /// Makes `path`, written in `module`, absolute.
    fn absolute(&self, module: &[String], path: &[String]) -> Option<Vec<String>> {
        let (first, rest) = path.split_first()?;
        let mut base: Vec<String> = match first.as_str() {
            "crate" => Vec::new(),
            "self" => module.to_vec(),
            "super" => {
                let mut parent = module.to_vec();
                parent.pop();
                let mut rest = rest;
                while rest.first().is_some_and(|s| s == "super") {
                    parent.pop();
                    rest = &rest[1..];
                }
                let mut out = parent;
                out.extend(rest.iter().cloned());
                return Some(out);
            }
            // A child of this module, written without `self::`, or a name
            // a `use` of this module brought in.
            other => {
                let mut own = module.to_vec();
                own.push(other.to_string());
                if self.modules.contains(&own) {
                    own
                } else {
                    self.imports.get(module)?.get(other)?.clone()
                }
            }
        };
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The file module that defines what `path` (absolute) names: its
    /// deepest module prefix, following re-exports.
    fn resolve(&self, path: &[String], depth: usize) -> Vec<String> {
        let mut module: Vec<String> = Vec::new();
        for (i, segment) in path.iter().enumerate() {
            let mut child = module.clone();
            child.push(segment.clone());
            if self.modules.contains(&child) {
                module = child;
                continue;
            }
            if self
                .inline
                .get(&module)
                .is_some_and(|names| names.contains(segment))
            {
                // An inline module: the file that holds it, unless it
                // re-exports the rest of the path.
                let mut inner = module.clone();
                inner.push(segment.clone());
                if let Some(target) = self
                    .imports
                    .get(&inner)
                    .and_then(|m| m.get(&path[i + 1..].first().cloned().unwrap_or_default()))
                {
                    if depth < 8 {
                        let mut next = target.clone();
                        next.extend(path[i + 2..].iter().cloned());
                        return self.resolve(&next, depth + 1);
                    }
                }
                return module;
            }
            if let Some(target) = self.imports.get(&module).and_then(|m| m.get(segment)) {
                if depth < 8 {
                    let mut next = target.clone();
                    next.extend(path[i + 1..].iter().cloned());
                    return self.resolve(&next, depth + 1);
                }
            }
            return module;
        }
        module
    }
}

/// The edges of the modules' graph.
fn edges(modules: &[Module]) -> Vec<Edge> {
    let mut graph = Graph {
        modules: modules.iter().map(|m| m.path.clone()).collect(),
        imports: BTreeMap::new(),
        inline: BTreeMap::new(),
    };
    let codes: Vec<String> = modules.iter().map(|m| code_only(&m.text)).collect();
    for (m, code) in modules.iter().zip(&codes) {
        // Inline modules (`mod name {`), whose `use` items are re-exports.
        let mut inline = BTreeSet::new();
        for line in code.lines() {
            let t = line.trim();
            let t = t.strip_prefix("pub ").unwrap_or(t);
            if let Some(rest) = t.strip_prefix("mod ") {
                if let Some(name) = rest.strip_suffix('{') {
                    inline.insert(name.trim().to_string());
                }
            }
        }
        graph.inline.insert(m.path.clone(), inline);
    }
    for (m, code) in modules.iter().zip(&codes) {
        let mut names = BTreeMap::new();
        for (path, _) in uses(code) {
            let Some(absolute) = graph.absolute(&m.path, &path) else {
                continue;
            };
            if let Some(last) = absolute.last() {
                names.insert(last.clone(), absolute.clone());
            }
            // `pub mod __private { pub use crate::x::Y; }`: Y is also
            // reachable as `__private::Y`.
            for inline in graph.inline.get(&m.path).into_iter().flatten() {
                let mut inner = m.path.clone();
                inner.push(inline.clone());
                graph.imports.entry(inner).or_default().insert(
                    absolute.last().cloned().unwrap_or_default(),
                    absolute.clone(),
                );
            }
        }
        graph
            .imports
            .entry(m.path.clone())
            .or_default()
            .extend(names);
    }
    let mut out = Vec::new();
    for (m, code) in modules.iter().zip(&codes) {
        let from = name(&m.path);
        let push = |target: Vec<String>, line: usize, out: &mut Vec<Edge>| {
            if target != m.path {
                out.push(Edge {
                    from: from.clone(),
                    to: name(&target),
                    at: format!("{}:{line}", m.file),
                });
            }
        };
        for (child, line) in children(code) {
            let mut target = m.path.clone();
            target.push(child);
            push(target, line, &mut out);
        }
        for (path, line) in uses(code).into_iter().chain(paths(code)) {
            if let Some(absolute) = graph.absolute(&m.path, &path) {
                push(graph.resolve(&absolute, 0), line, &mut out);
            }
        }
    }
    out
}

/// A cycle among the edges, as its edges in order, if there is one.
fn find_cycle(edges: &[Edge]) -> Option<Vec<Edge>> {
    let mut next: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
    for e in edges {
        next.entry(&e.from).or_default().push(e);
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit<'e>(
        node: &'e str,
        next: &BTreeMap<&'e str, Vec<&'e Edge>>,
        marks: &mut BTreeMap<&'e str, Mark>,
        stack: &mut Vec<&'e Edge>,
    ) -> Option<Vec<Edge>> {
        marks.insert(node, Mark::Open);
        for e in next.get(node).into_iter().flatten() {
            match marks.get(e.to.as_str()) {
                Some(Mark::Open) => {
                    let start = stack.iter().position(|s| s.from == e.to).unwrap_or(0);
                    let mut cycle: Vec<Edge> =
                        stack[start..].iter().map(|e| (*e).clone()).collect();
                    cycle.push((*e).clone());
                    return Some(cycle);
                }
                Some(Mark::Done) => {}
                None => {
                    stack.push(e);
                    if let Some(cycle) = visit(&e.to, next, marks, stack) {
                        return Some(cycle);
                    }
                    stack.pop();
                }
            }
        }
        marks.insert(node, Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in next.keys() {
        if !marks.contains_key(node) {
            if let Some(cycle) = visit(node, &next, &mut marks, &mut Vec::new()) {
                return Some(cycle);
            }
        }
    }
    None
}

/// Whether a module is a rule file: `rules::<family>::<rule>`, not the
/// family's `shared` helpers.
fn is_rule(module: &str) -> bool {
    let parts: Vec<&str> = module.split("::").collect();
    parts.len() == 3 && parts[0] == "rules" && parts[2] != "shared"
}

/// Every problem of the graph, each naming its offending edge.
fn problems(modules: &[Module]) -> Vec<String> {
    let edges = edges(modules);
    let mut found = Vec::new();
    if let Some(cycle) = find_cycle(&edges) {
        let path: Vec<&str> = cycle.iter().map(|e| e.from.as_str()).collect();
        let last = cycle.last().expect("a cycle has an edge");
        found.push(format!(
            "import cycle {} -> {}; offending edge {} -> {} ({})",
            path.join(" -> "),
            last.to,
            last.from,
            last.to,
            last.at
        ));
    }
    for e in &edges {
        let is_pipeline = |m: &str| m == "crate" || m == "check" || m.starts_with("rules");
        if !is_pipeline(&e.from) && e.to.starts_with("rules") {
            found.push(format!(
                "model module {} refers to {} ({}): model types live in leaves that import no rule",
                e.from, e.to, e.at
            ));
        }
        if is_rule(&e.from) && is_rule(&e.to) {
            found.push(format!(
                "rule {} refers to rule {} ({}): share a helper in the family's shared.rs instead",
                e.from, e.to, e.at
            ));
        }
    }
    found
}

/// Reads every module file of `src`.
fn read(src: &Path) -> Vec<Module> {
    fn walk(dir: &Path, prefix: &[String], src: &Path, out: &mut Vec<Module>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("src is readable")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for path in entries {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            if path.is_dir() {
                let mut inner = prefix.to_vec();
                inner.push(stem);
                walk(&path, &inner, src, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut module = prefix.to_vec();
                if stem != "mod" && !(prefix.is_empty() && stem == "lib") {
                    module.push(stem);
                }
                out.push(Module {
                    path: module,
                    file: path
                        .strip_prefix(src.parent().unwrap_or(src))
                        .unwrap_or(&path)
                        .display()
                        .to_string(),
                    text: std::fs::read_to_string(&path).expect("source is UTF-8"),
                });
            }
        }
    }
    let mut out = Vec::new();
    walk(src, &[], src, &mut out);
    out
}

#[test]
fn the_core_has_no_import_cycle_and_no_rule_uses_another() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = read(&src);
    assert!(modules.len() > 60, "read {} modules", modules.len());
    let edges = edges(&modules);
    // The graph is read at all: the pipelines reach their rules and the
    // leaves, and a re-export is followed to its module.
    for (from, to) in [
        ("rules::url", "rules::url::url_not_https"),
        ("rules::url", "rules::api"),
        ("rules::api::api_version", "rules::api::shared"),
        ("rules::api::api_version", "context"),
        ("rules::url::url_not_https", "diagnostic"),
        ("check", "rules::profile"),
    ] {
        assert!(
            edges.iter().any(|e| e.from == from && e.to == to),
            "edge {from} -> {to} not found"
        );
    }
    let found = problems(&modules);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

fn synthetic(files: &[(&str, &str)]) -> Vec<Module> {
    files
        .iter()
        .map(|(path, text)| Module {
            path: path
                .split("::")
                .filter(|s| !s.is_empty() && *s != "crate")
                .map(str::to_string)
                .collect(),
            file: format!("{path}.rs"),
            text: text.to_string(),
        })
        .collect()
}

#[test]
fn a_cycle_through_a_reexport_fails_naming_its_edge() {
    let modules = synthetic(&[
        (
            "crate",
            "mod model;\npub mod rules;\npub use model::Sink;\n",
        ),
        (
            "model",
            "use crate::rules::fam::dispatch;\npub struct Sink;\n",
        ),
        ("rules", "pub mod fam;\n"),
        ("rules::fam", "mod a;\npub fn dispatch() {}\n"),
        ("rules::fam::a", "use crate::Sink;\n"),
    ]);
    let found = problems(&modules);
    assert!(found[0].starts_with("import cycle"), "{}", found[0]);
    assert!(found[0].contains("model -> rules::fam"), "{}", found[0]);
    assert!(
        found[0].contains("offending edge rules::fam::a -> model (rules::fam::a.rs:1)"),
        "{}",
        found[0]
    );
}

#[test]
fn a_rule_using_another_rule_fails_and_a_shared_helper_passes() {
    let modules = synthetic(&[
        ("crate", "pub mod rules;\n"),
        ("rules", "pub mod fam;\n"),
        ("rules::fam", "mod a;\nmod b;\nmod shared;\n"),
        (
            "rules::fam::a",
            "use super::b::helper;\nuse super::shared::ok;\n",
        ),
        ("rules::fam::b", "pub fn helper() {}\n"),
        ("rules::fam::shared", "pub fn ok() {}\n"),
    ]);
    let found = problems(&modules);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("rule rules::fam::a refers to rule rules::fam::b"),
        "{}",
        found[0]
    );
}

#[test]
fn a_model_module_using_a_rule_fails() {
    let modules = synthetic(&[
        ("crate", "mod model;\npub mod rules;\n"),
        ("model", "pub fn f() { crate::rules::fam::a::check(); }\n"),
        ("rules", "pub mod fam;\n"),
        ("rules::fam", "pub mod a;\n"),
        ("rules::fam::a", "pub fn check() {}\n"),
    ]);
    let found = problems(&modules);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("model module model refers to rules::fam::a (model.rs:1)"),
        "{}",
        found[0]
    );
}

#[test]
fn tests_and_comments_are_not_edges() {
    let modules = synthetic(&[
        ("crate", "mod a;\nmod b;\n"),
        ("a", "// crate::b is mentioned here\nuse crate::b::X;\n"),
        (
            "b",
            "pub struct X;\n#[cfg(test)]\nmod tests {\n    use crate::a;\n}\n",
        ),
    ]);
    assert!(problems(&modules).is_empty());
    let e = edges(&modules);
    assert!(e.iter().any(|e| e.from == "a" && e.to == "b"));
    assert!(!e.iter().any(|e| e.from == "b"));
}
