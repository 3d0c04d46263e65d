//! What each program that reads a `.env` file hands the application.
//!
//! A `.env` file is not one format: a POSIX shell (`set -a; . ./.env`),
//! docker compose's `env_file:`, Node's `dotenv` and Python's
//! `python-dotenv` each read it by their own rules, and they disagree on
//! CRLF line endings, `#` inside values, text after a closing quote, spaces
//! around `=`, escapes and shell metacharacters. A value the linter checks
//! is only safe when every consumer reads the same value; where they differ,
//! the line is reported ([FLK511]) and each consumer's value is checked too.
//!
//! Each reader below models one consumer for one line (no multi-line quoted
//! values: the `.env` loader is line-based). The rules, and the runs of the
//! real programs they were taken from, are in `docs/dotenv-consumers.md`; the
//! tests replay that table.
//!
//! [FLK511]: flinks_config_core::rules::dotenv_read_differently

use super::tree::{Kind, Node};
use flinks_config_core::{
    check_api_url, check_credential, check_iframe_url, check_instance, rules, Checker, Diagnostic,
    Field, Location, Severity, Source, Span, UrlContext,
};

/// A program that reads `.env` files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Consumer {
    /// `set -a; . ./.env` in `sh` (dash) or `bash`.
    Shell,
    /// docker compose v2 `env_file:`.
    Compose,
    /// Node's `dotenv`.
    NodeDotenv,
    /// Python's `python-dotenv`.
    PythonDotenv,
}

impl Consumer {
    /// Every consumer, in the order messages name them.
    pub(crate) const ALL: [Consumer; 4] = [
        Consumer::Shell,
        Consumer::Compose,
        Consumer::NodeDotenv,
        Consumer::PythonDotenv,
    ];

    /// The name a message uses.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Consumer::Shell => "sh and bash",
            Consumer::Compose => "docker compose",
            Consumer::NodeDotenv => "Node dotenv",
            Consumer::PythonDotenv => "python-dotenv",
        }
    }

    /// How this consumer reads one line (without its `\n`; a CRLF line
    /// keeps its `\r`).
    pub(crate) fn read(self, line: &str) -> Reading {
        match self {
            Consumer::Shell => shell(line),
            Consumer::Compose => compose(line),
            Consumer::NodeDotenv => node(line),
            Consumer::PythonDotenv => python(line),
        }
    }
}

/// What a consumer makes of a line's variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Reading {
    /// The variable holds this value.
    Set(String),
    /// The variable is not set (the line is skipped or runs as a command).
    Unset,
    /// The consumer fails on the line (a shell syntax error, compose refusing the project).
    Error,
    /// The value depends on the environment or on a command (`$VAR`, `` `…` ``).
    Unknown,
}

/// Why consumers can read a line differently: what a message names and
/// what its help fixes. In the order they are looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cause {
    CarriageReturn,
    SpaceAroundEquals,
    KeyNotAShellName,
    UnbalancedQuote,
    TextAfterQuote,
    HashInValue,
    UnquotedSpace,
    ShellMetacharacter,
    Escape,
}

impl Cause {
    /// What the line does, in a few words.
    pub(crate) fn what(self) -> &'static str {
        match self {
            Cause::CarriageReturn => "a CRLF line ending (the shell keeps the `\\r` in the value)",
            Cause::SpaceAroundEquals => "a space around `=`",
            Cause::KeyNotAShellName => {
                "a name the shell cannot assign (`.`, `-`, `:` or a byte-order mark)"
            }
            Cause::UnbalancedQuote => "a quote that is not closed",
            Cause::TextAfterQuote => "text after the closing quote",
            Cause::HashInValue => "a `#` inside an unquoted value",
            Cause::UnquotedSpace => "a space inside an unquoted value",
            Cause::ShellMetacharacter => {
                "a shell metacharacter (`&`, `;`, `|`…) in an unquoted value"
            }
            Cause::Escape => "a backslash escape",
        }
    }

    /// How to write the line so every consumer reads the same value.
    pub(crate) fn fix(self) -> &'static str {
        match self {
            Cause::CarriageReturn => "save the file with LF line endings",
            Cause::SpaceAroundEquals => "write `KEY=value` with no space around `=`",
            Cause::KeyNotAShellName => "use a name of letters, digits and `_`, written `KEY=value`",
            Cause::UnbalancedQuote | Cause::TextAfterQuote => {
                "quote the whole value once: `KEY='value'`"
            }
            Cause::HashInValue | Cause::UnquotedSpace | Cause::ShellMetacharacter => {
                "put the value in single quotes: `KEY='value'`"
            }
            Cause::Escape => "write the value without backslashes, in single quotes",
        }
    }
}

/// How the consumers read a line, grouped by what they read, when they do
/// not all agree. `None` when every consumer whose reading is known reads
/// the same (values that depend on the environment are not compared).
pub(crate) fn disagreement(line: &str) -> Option<Vec<(Reading, Vec<Consumer>)>> {
    let mut groups: Vec<(Reading, Vec<Consumer>)> = Vec::new();
    for consumer in Consumer::ALL {
        let reading = consumer.read(line);
        if reading == Reading::Unknown {
            continue;
        }
        match groups.iter_mut().find(|(r, _)| *r == reading) {
            Some((_, who)) => who.push(consumer),
            None => groups.push((reading, vec![consumer])),
        }
    }
    (groups.len() > 1).then_some(groups)
}

/// Whether a line can be read differently at all: a cheap test before the
/// four readers run (most lines are `KEY=value` with plain characters).
pub(crate) fn may_differ(line: &str) -> bool {
    let bytes = line.as_bytes();
    let Some(eq) = bytes.iter().position(|&b| b == b'=') else {
        return bytes.contains(&b':');
    };
    let key_plain = line[..eq]
        .trim_start()
        .trim_start_matches("export ")
        .trim_start()
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    !key_plain
        || bytes[eq + 1..].iter().any(|&b| {
            matches!(
                b,
                b'\r'
                    | b'\''
                    | b'"'
                    | b'`'
                    | b'#'
                    | b'\\'
                    | b'&'
                    | b';'
                    | b'|'
                    | b'<'
                    | b'>'
                    | b'('
                    | b')'
                    | b' '
                    | b'\t'
                    | b'$'
            ) || b >= 0x80
        })
}

/// The causes a line shows, found by looking at it as the shell would.
pub(crate) fn causes(line: &str) -> Vec<Cause> {
    let mut found = Vec::new();
    let mut add = |c: Cause| {
        if !found.contains(&c) {
            found.push(c);
        }
    };
    if line.ends_with('\r') {
        add(Cause::CarriageReturn);
    }
    let body = line.trim_end_matches('\r');
    let start = body.trim_start_matches(['\u{feff}', ' ', '\t']);
    let start = strip_export(start).unwrap_or(start);
    let key_len = start
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(start.len());
    let rest = &start[key_len..];
    if body.starts_with('\u{feff}') || !rest.starts_with(['=', ' ', '\t']) {
        add(Cause::KeyNotAShellName);
    }
    let Some(eq) = rest.find('=') else {
        return found;
    };
    if eq > 0 || rest[1..].starts_with([' ', '\t']) {
        add(Cause::SpaceAroundEquals);
    }
    let value = rest[eq + 1..].trim_start_matches([' ', '\t']);
    let mut chars = value.char_indices().peekable();
    let mut previous: Option<char> = None;
    let mut after_quote = false;
    while let Some((_, c)) = chars.next() {
        match c {
            '\'' | '"' => {
                let mut closed = false;
                for (_, inner) in chars.by_ref() {
                    if inner == '\\' && c == '"' {
                        add(Cause::Escape);
                    }
                    if inner == c {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    add(Cause::UnbalancedQuote);
                }
                after_quote = closed;
                previous = Some(c);
                continue;
            }
            ' ' | '\t' => {
                let tail = value[chars.peek().map_or(value.len(), |(i, _)| *i)..]
                    .trim_start_matches([' ', '\t']);
                if !tail.is_empty() && !tail.starts_with('#') {
                    add(if after_quote {
                        Cause::TextAfterQuote
                    } else {
                        Cause::UnquotedSpace
                    });
                } else if c == '\t' && tail.starts_with('#') {
                    add(Cause::HashInValue);
                }
                break;
            }
            '#' => add(Cause::HashInValue),
            '\\' => add(Cause::Escape),
            '&' | ';' | '|' | '<' | '>' | '(' | ')' | '`' => add(Cause::ShellMetacharacter),
            _ => {}
        }
        if after_quote && previous.is_some() {
            add(Cause::TextAfterQuote);
        }
        after_quote = false;
        previous = Some(c);
    }
    found
}

/// FLK511 for each Flinks line of a `.env` text that the consumers read
/// differently, and each consumer's value checked by the rules of its
/// setting (reported as warnings about that consumer's reading: which
/// program loads the file is not in the file). Raw findings: they reach
/// the caller's `Redactor` like every other finding.
pub(crate) fn findings(text: &str, source: &Source, checker: Checker) -> Vec<Diagnostic> {
    let rule = &rules::dotenv_read_differently::RULE;
    if !rule.checked_by(checker) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut told_crlf = false;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        if !may_differ(line) {
            continue;
        }
        let Some((key, key_at)) = line_key(line) else {
            continue;
        };
        let Some((field, _)) = super::extract::flat_field(key) else {
            continue; // not a Flinks setting: the application's own business
        };
        let Some(groups) = disagreement(line) else {
            continue;
        };
        let ours = match super::dotenv::parse(line.trim_end_matches('\r')) {
            Ok(tree) => own_value(&tree),
            Err(_) => None,
        };
        let secret = field.is_some_and(|f| f.is_secret());
        let content = line.trim_end_matches('\r');
        let mut location =
            Location::new(source.clone(), key).with_span(Span::new(start, start + content.len()));
        location.secret = secret;
        let found = causes(line);
        let only_crlf = found == [Cause::CarriageReturn];
        if !(only_crlf && told_crlf) {
            told_crlf |= found.contains(&Cause::CarriageReturn);
            let what: Vec<&str> = found.iter().map(|c| c.what()).collect();
            let mut fixes: Vec<&str> = found.iter().map(|c| c.fix()).collect();
            fixes.dedup();
            let who: Vec<String> = groups
                .iter()
                .map(|(reading, consumers)| {
                    let names: Vec<&str> = consumers.iter().map(|c| c.name()).collect();
                    format!(
                        "{}: {}",
                        names.join(", "),
                        describe(reading, ours.as_deref())
                    )
                })
                .collect();
            let what = if what.is_empty() {
                "an unusual form".to_string()
            } else {
                what.join(", ")
            };
            out.push(
                Diagnostic::new(
                    rule,
                    format!(
                        "`.env` loaders read `{key}` differently ({what}): {}",
                        who.join("; ")
                    ),
                )
                .with_help(fixes.join("; "))
                .with_span(Span::new(key_at, key_at + key.len()))
                .with_location(location.clone()),
            );
        }
        let Some(field) = field else { continue };
        for (reading, consumers) in &groups {
            let Reading::Set(value) = reading else {
                continue;
            };
            if ours.as_deref() == Some(value.as_str()) {
                continue;
            }
            let names: Vec<&str> = consumers.iter().map(|c| c.name()).collect();
            let mut reading_at = location.clone();
            reading_at.span = None; // the reading's offsets are not the file's
            for d in check_field(field, value, checker) {
                let message = format!("as {} read it: {}", names.join(", "), d.message);
                let mut d = Diagnostic::new(d.rule, message)
                    .with_severity(d.severity.min(Severity::Warning))
                    .with_location(reading_at.clone());
                d.help = None;
                out.push(d);
            }
        }
    }
    out
}

/// The rules of one setting, for a value read by another program.
fn check_field(field: Field, value: &str, checker: Checker) -> Vec<Diagnostic> {
    let mut cx = UrlContext::linter();
    cx.checker = checker;
    match field {
        Field::ApiUrl => check_api_url(value, &cx),
        Field::IframeUrl => check_iframe_url(value, &cx),
        Field::Instance => check_instance(value, checker),
        other => match other.credential() {
            Some(kind) if other != Field::AuthorizeToken => check_credential(value, kind, checker),
            _ => Vec::new(),
        },
    }
}

/// A consumer's reading, said against the value the linter checks.
fn describe(reading: &Reading, ours: Option<&str>) -> &'static str {
    match reading {
        Reading::Set(value) if Some(value.as_str()) == ours => "the value checked here",
        Reading::Set(_) => "a different value",
        Reading::Unset => "not set",
        Reading::Error => "an error on this line",
        Reading::Unknown => "a value from the environment",
    }
}

/// The value the linter's own `.env` reader takes from a one-line tree.
fn own_value(tree: &Node<'_>) -> Option<String> {
    let Kind::Map(entries) = &tree.kind else {
        return None;
    };
    match &entries.last()?.value.kind {
        Kind::Text { value, .. } => Some(value.to_string()),
        _ => None,
    }
}

/// The name a line sets, and its byte offset in the line.
fn line_key(line: &str) -> Option<(&str, usize)> {
    let body = line.trim_start_matches(['\u{feff}', ' ', '\t']);
    let body = strip_export(body).unwrap_or(body);
    let at = line.len() - body.len();
    let len = body
        .find(|c: char| c == '=' || c == ':' || c.is_whitespace())
        .unwrap_or(body.len());
    (len > 0 && !body.starts_with('#')).then(|| (&body[..len], at))
}

/// `export` followed by blanks, removed.
fn strip_export(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("export")?;
    rest.starts_with([' ', '\t'])
        .then(|| rest.trim_start_matches([' ', '\t']))
}

/// `sh`: the line is shell code. Leading `name=value` words assign; if a
/// command word follows, the assignments go to that command's environment
/// only; `export` takes names and assignments as arguments (and a bad name
/// is fatal, as for any special builtin); `&` and `|` run the command in a
/// subshell; quotes join up; `\r` is an ordinary character. This models
/// dash; bash differs only in going on after a syntax error.
fn shell(line: &str) -> Reading {
    let text = line.trim_start_matches([' ', '\t']);
    if text.is_empty() || text.starts_with('#') {
        return Reading::Unset;
    }
    let tokens = match shell_tokens(text) {
        Ok(tokens) => tokens,
        Err(reading) => return reading,
    };
    // An operator needs a command before it, and `&&`, `||`, `|` one after.
    for (i, token) in tokens.iter().enumerate() {
        let Token::Operator(op) = token else { continue };
        let before = i.checked_sub(1).map(|j| &tokens[j]);
        let after = tokens.get(i + 1);
        let needs_after = matches!(*op, "&&" | "||" | "|");
        if *op == ";;"
            || !matches!(before, Some(Token::Word(_)))
            || (needs_after && !matches!(after, Some(Token::Word(_))))
        {
            return Reading::Error;
        }
    }
    let words: Vec<&Word> = tokens
        .iter()
        .map_while(|t| match t {
            Token::Word(w) => Some(w),
            Token::Operator(_) => None,
        })
        .collect();
    let operator = match tokens.get(words.len()) {
        Some(Token::Operator(op)) => Some(*op),
        _ => None,
    };
    // The and-or list holding the first command ends at the first `;` or
    // `&`; ended by `&`, it all runs in the background, in a subshell, as
    // does a command piped into another.
    let list_end = tokens.iter().find_map(|t| match t {
        Token::Operator(op @ (";" | "&")) => Some(*op),
        _ => None,
    });
    if operator == Some("|") || list_end == Some("&") {
        return Reading::Unset;
    }
    let export = words
        .first()
        .is_some_and(|w| w.text == "export" && w.assign.is_none());
    if export {
        // `export` parses its arguments itself, after quote removal.
        let split = |w: &&Word| match w.text.split_once('=') {
            Some((name, value)) => (name.to_string(), Some(value.to_string())),
            None => (w.text.clone(), None),
        };
        let args: Vec<(String, Option<String>)> = words[1..].iter().map(split).collect();
        if args.iter().any(|(name, _)| !is_shell_name(name)) {
            return Reading::Error; // `export: bad variable name` ends the script
        }
        let Some((name, _)) = args.first() else {
            return Reading::Unset;
        };
        let value = args
            .iter()
            .filter(|(n, _)| n == name)
            .filter_map(|(_, v)| v.clone())
            .next_back();
        return value.map_or(Reading::Unset, Reading::Set);
    }
    let assignments = words.iter().take_while(|w| w.assign.is_some()).count();
    if assignments == 0 || assignments < words.len() {
        return Reading::Unset; // a command: any assignment is its own
    }
    let Some(name) = words[0].name() else {
        return Reading::Unset;
    };
    let value = words
        .iter()
        .filter(|w| w.name() == Some(name))
        .filter_map(|w| w.value())
        .next_back();
    value.map_or(Reading::Unset, |v| Reading::Set(v.to_string()))
}

/// A shell word, quotes removed, and where its assignment `=` is: the
/// first `=`, unquoted, after a name of letters, digits and `_`.
struct Word {
    text: String,
    assign: Option<usize>,
}

impl Word {
    fn empty() -> Self {
        Word {
            text: String::new(),
            assign: None,
        }
    }

    fn name(&self) -> Option<&str> {
        match self.assign {
            Some(at) => Some(&self.text[..at]),
            None => is_shell_name(&self.text).then_some(self.text.as_str()),
        }
    }

    fn value(&self) -> Option<&str> {
        self.assign.map(|at| &self.text[at + 1..])
    }
}

fn is_shell_name(text: &str) -> bool {
    text.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

enum Token {
    Word(Word),
    Operator(&'static str),
}

/// The shell's tokens: words (quotes removed, escapes taken) and control
/// operators. `Err(Error)` on an unclosed quote; `Err(Unknown)` where the
/// value would depend on the environment or on a command (`$`, a
/// backtick, a redirection or a subshell).
fn shell_tokens(text: &str) -> Result<Vec<Token>, Reading> {
    let mut tokens = Vec::new();
    let mut word: Option<Word> = None;
    // Whether the current word is still a plain name (so a `=` assigns).
    let mut plain = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if word.is_none() {
            plain = true;
        }
        match c {
            ' ' | '\t' => tokens.extend(word.take().map(Token::Word)),
            '#' if word.is_none() => break,
            ';' | '&' | '|' => {
                tokens.extend(word.take().map(Token::Word));
                let doubled = chars.next_if_eq(&c).is_some();
                tokens.push(Token::Operator(match (c, doubled) {
                    (';', false) => ";",
                    (';', true) => ";;",
                    ('&', false) => "&",
                    ('&', true) => "&&",
                    ('|', false) => "|",
                    _ => "||",
                }));
            }
            '$' | '`' | '<' | '>' | '(' | ')' => return Err(Reading::Unknown),
            '\'' => {
                let w = word.get_or_insert_with(Word::empty);
                plain = false;
                loop {
                    match chars.next().ok_or(Reading::Error)? {
                        '\'' => break,
                        other => w.text.push(other),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(Word::empty);
                plain = false;
                loop {
                    match chars.next().ok_or(Reading::Error)? {
                        '"' => break,
                        '$' | '`' => return Err(Reading::Unknown),
                        '\\' => match chars.next().ok_or(Reading::Error)? {
                            e @ ('"' | '\\' | '$' | '`') => w.text.push(e),
                            other => {
                                w.text.push('\\');
                                w.text.push(other);
                            }
                        },
                        other => w.text.push(other),
                    }
                }
            }
            '\\' => {
                let w = word.get_or_insert_with(Word::empty);
                plain = false;
                // A backslash at the end of the line continues it.
                w.text.push(chars.next().ok_or(Reading::Unknown)?);
            }
            '=' => {
                let w = word.get_or_insert_with(Word::empty);
                if plain && w.assign.is_none() && is_shell_name(&w.text) {
                    w.assign = Some(w.text.len());
                }
                plain = false;
                w.text.push('=');
            }
            other => {
                let w = word.get_or_insert_with(Word::empty);
                if !(other.is_ascii_alphanumeric() || other == '_') {
                    plain = false;
                }
                w.text.push(other);
            }
        }
    }
    tokens.extend(word.map(Token::Word));
    Ok(tokens)
}

/// docker compose v2: blanks around `=` allowed (and `KEY: value`); a
/// quoted value ends at its quote and the rest of the line is read as the
/// next statement; an unquoted value is cut at ` #` and trimmed.
fn compose(line: &str) -> Reading {
    let text = line
        .trim_start_matches('\u{feff}')
        .trim_start_matches([' ', '\t']);
    if text.trim_end().is_empty() || text.starts_with('#') {
        return Reading::Unset;
    }
    let text = strip_export(text).unwrap_or(text);
    let key_len = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '[' | ']')))
        .unwrap_or(text.len());
    if key_len == 0 {
        return Reading::Error;
    }
    let after_key = text[key_len..].trim_start_matches([' ', '\t']);
    let value = match after_key.chars().next() {
        Some('=') | Some(':') => after_key[1..].trim_start_matches([' ', '\t']),
        None | Some('\r') => return Reading::Unset, // a bare name inherits from compose's environment
        _ => return Reading::Error,
    };
    if let Some(quote) = value.chars().next().filter(|c| *c == '\'' || *c == '"') {
        let mut out = String::new();
        let mut chars = value[1..].char_indices();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, q)) if q == quote => out.push(q),
                    Some((_, e)) if quote == '"' => match e {
                        'a' => out.push('\u{7}'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'v' => out.push('\u{b}'),
                        '\\' => out.push('\\'),
                        '$' => out.push('$'),
                        other => {
                            out.push('\\');
                            out.push(other);
                        }
                    },
                    Some((_, other)) => {
                        out.push('\\');
                        out.push(other);
                    }
                    None => out.push('\\'),
                },
                '$' if quote == '"' => return Reading::Unknown,
                c if c == quote => {
                    end = Some(1 + i + 1);
                    break;
                }
                other => out.push(other),
            }
        }
        let Some(end) = end else {
            return Reading::Error;
        };
        let rest = value[end..].trim_start_matches([' ', '\t', '\r']);
        return if rest.starts_with(['\'', '"']) {
            Reading::Error
        } else {
            Reading::Set(out)
        };
    }
    let cut = value.find(" #").unwrap_or(value.len());
    let out = value[..cut].trim_end_matches([' ', '\t', '\r', '\n']);
    if out.contains('$') {
        return Reading::Unknown;
    }
    Reading::Set(out.to_string())
}

/// Node `dotenv`: CR becomes a line break; an unquoted value ends at the
/// first `#`; a value wrapped in one pair of quotes (or backticks) loses
/// them, but text after a closing quote keeps the whole raw text, quotes
/// included; in double quotes only `\n` and `\r` are decoded; no expansion.
fn node(line: &str) -> Reading {
    let line = line.split('\r').next().unwrap_or_default();
    let text = line.trim_start_matches(is_js_space);
    let text = text
        .strip_prefix("export")
        .filter(|rest| rest.starts_with(is_js_space))
        .map_or(text, |rest| rest.trim_start_matches(is_js_space));
    let key_len = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
        .unwrap_or(text.len());
    if key_len == 0 {
        return Reading::Unset;
    }
    let after_key = &text[key_len..];
    let value = if let Some(rest) = after_key.trim_start_matches(is_js_space).strip_prefix('=') {
        rest
    } else if let Some(rest) = after_key
        .strip_prefix(':')
        .filter(|r| r.starts_with(is_js_space))
    {
        &rest[1..]
    } else {
        return Reading::Unset;
    };
    let trimmed = value.trim_start_matches(is_js_space);
    let quoted = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"' | '`'))
        .and_then(|q| {
            quote_closes(trimmed, q)
                .into_iter()
                .rev()
                .find_map(|close| {
                    let after = trimmed[close + 1..].trim_start_matches(is_js_space);
                    (after.is_empty() || after.starts_with('#')).then(|| &trimmed[..=close])
                })
        });
    let raw = quoted.unwrap_or_else(|| value.split('#').next().unwrap_or_default());
    let raw = raw.trim_matches(is_js_space);
    let first = raw.chars().next();
    let unquoted = match first {
        Some(q @ ('\'' | '"' | '`')) if raw.len() >= 2 && raw.ends_with(q) => {
            let inner = &raw[1..raw.len() - 1];
            if q == '"' {
                inner.replace("\\n", "\n").replace("\\r", "\r")
            } else {
                inner.to_string()
            }
        }
        _ => raw.to_string(),
    };
    Reading::Set(unquoted)
}

/// Where `(?:\\q|[^q])*q` can close a value that opens with quote `q`
/// (at byte 0), as a backtracking regex sees it: at every `q` up to and
/// including the first one that no backslash precedes.
fn quote_closes(value: &str, q: char) -> Vec<usize> {
    let bytes = value.as_bytes();
    let mut closes = Vec::new();
    for i in 1..bytes.len() {
        if bytes[i] == q as u8 {
            closes.push(i);
            if bytes[i - 1] != b'\\' {
                break;
            }
        }
    }
    closes
}

/// JavaScript's `\s`, for the characters a `.env` line can hold.
fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `python-dotenv`: blanks around `=` allowed; a quoted value must be
/// followed only by blanks and a comment, or the line is skipped; an
/// unquoted value is cut at a blank followed by `#`; `${VAR}` expands.
fn python(line: &str) -> Reading {
    let line = line
        .trim_start_matches('\u{feff}')
        .split('\r')
        .next()
        .unwrap_or_default();
    let text = line.trim_start_matches([' ', '\t']);
    if text.is_empty() || text.starts_with('#') {
        return Reading::Unset;
    }
    let text = strip_export(text).unwrap_or(text);
    let key_len = text
        .find(|c: char| c == '=' || c == '#' || c.is_whitespace())
        .unwrap_or(text.len());
    if key_len == 0 {
        return Reading::Unset;
    }
    let Some(value) = text[key_len..]
        .trim_start_matches([' ', '\t'])
        .strip_prefix('=')
    else {
        return Reading::Unset; // `KEY` alone, or a line it skips
    };
    let value = value.trim_start_matches([' ', '\t']);
    let only_comment_after = |rest: &str| {
        let rest = rest.trim_start_matches([' ', '\t']);
        rest.is_empty() || rest.starts_with('#')
    };
    if let Some(quote) = value.chars().next().filter(|c| *c == '\'' || *c == '"') {
        // The longest quoted run its regex can match, as its backtracking finds it.
        let Some(i) = quote_closes(value, quote).last().copied() else {
            return Reading::Unset; // "could not parse statement": the line is skipped
        };
        if !only_comment_after(&value[i + 1..]) {
            return Reading::Unset;
        }
        let inner = &value[1..i];
        if quote == '"' && inner.contains("${") {
            return Reading::Unknown;
        }
        return Reading::Set(python_unescape(inner, quote));
    }
    let mut end = value.len();
    let bytes = value.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i] == b'#' && matches!(bytes[i - 1], b' ' | b'\t') {
            end = i;
            break;
        }
    }
    let out = value[..end].trim_end();
    if out.contains("${") {
        return Reading::Unknown;
    }
    Reading::Set(out.to_string())
}

/// python-dotenv's escapes: `\\` and `\'` in single quotes; those and
/// `\" \a \b \f \n \r \t \v` in double quotes. Others stay as written.
fn python_unescape(inner: &str, quote: char) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(next) = chars.next() else {
            out.push('\\');
            break;
        };
        let decoded = match (quote, next) {
            (_, '\\') => Some('\\'),
            (_, '\'') => Some('\''),
            ('"', '"') => Some('"'),
            ('"', 'a') => Some('\u{7}'),
            ('"', 'b') => Some('\u{8}'),
            ('"', 'f') => Some('\u{c}'),
            ('"', 'n') => Some('\n'),
            ('"', 'r') => Some('\r'),
            ('"', 't') => Some('\t'),
            ('"', 'v') => Some('\u{b}'),
            _ => None,
        };
        match decoded {
            Some(d) => out.push(d),
            None => {
                out.push('\\');
                out.push(next);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row of `tests/fixtures/dotenv-consumers.json`: a `.env` text and
    /// what each consumer handed the application when it was run.
    #[derive(serde::Deserialize)]
    struct Row {
        name: String,
        text: String,
        sh: Option<String>,
        compose: Option<String>,
        node: Option<String>,
        python: Option<String>,
    }

    fn expected(cell: &Option<String>) -> Option<Reading> {
        Some(match cell.as_deref()? {
            "<unset>" => Reading::Unset,
            "<error>" => Reading::Error,
            value => Reading::Set(value.to_string()),
        })
    }

    /// Every one-line case of the table, replayed through each reader. A
    /// reader may say `Unknown` only where the value depends on the
    /// environment or a command.
    #[test]
    fn each_reader_agrees_with_the_program_it_models() {
        let rows: Vec<Row> =
            serde_json::from_str(include_str!("../../tests/fixtures/dotenv-consumers.json"))
                .unwrap();
        let mut compared = 0;
        for row in &rows {
            let text = row.text.strip_suffix('\n').unwrap_or(&row.text);
            if text.contains('\n') {
                continue; // multi-line cases: the loader reads one line at a time
            }
            for (consumer, cell) in [
                (Consumer::Shell, &row.sh),
                (Consumer::Compose, &row.compose),
                (Consumer::NodeDotenv, &row.node),
                (Consumer::PythonDotenv, &row.python),
            ] {
                let Some(want) = expected(cell) else { continue };
                let got = consumer.read(text);
                if got == Reading::Unknown {
                    assert!(
                        text.contains('$') || text.contains('`'),
                        "{}: {consumer:?} says unknown for {text:?}",
                        row.name
                    );
                    continue;
                }
                assert_eq!(got, want, "{}: {consumer:?} reading {text:?}", row.name);
                compared += 1;
            }
        }
        assert!(compared > 200, "only {compared} readings compared");
    }

    /// What `sh` really does with a one-line file: `set -a; . ./file`.
    fn run_shell(line: &str) -> Reading {
        let dir = std::env::temp_dir().join(format!(
            "flinks-config-sh-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("case.env"), format!("{line}\n")).unwrap();
        let script = r#"set -a; . ./case.env; set +a
if [ "${K+x}" = x ]; then printf 'set:%s' "$K"; else printf unset; fi"#;
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .current_dir(&dir)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .output()
            .expect("sh runs");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        match stdout.strip_prefix("set:") {
            _ if !out.status.success() => Reading::Error,
            Some(value) => Reading::Set(value.to_string()),
            None if stdout == "unset" => Reading::Unset,
            None => Reading::Error,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// The shell reader against the real `sh`, on lines made of the
        /// characters that change how a line is read. (No `$`, backtick,
        /// redirection or parenthesis: the reader calls those unknown, and
        /// they would run things.)
        #[test]
        fn the_shell_reader_agrees_with_sh(
            line in "(export )?K[ =]{1,2}[ab '\"#\\\t\r&;|=]{0,8}"
        ) {
            let modelled = shell(&line);
            proptest::prop_assume!(modelled != Reading::Unknown);
            proptest::prop_assert_eq!(modelled, run_shell(&line), "line {:?}", line);
        }
    }

    fn lint(text: &str) -> Vec<Diagnostic> {
        findings(text, &Source::File(".env".into()), Checker::Linter)
    }

    const API: &str = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/";

    #[test]
    fn a_crlf_file_is_told_once_and_each_shell_value_is_checked() {
        let text = format!("FLINKS_API_URL={API}\r\nFLINKS_IFRAME_URL=https://toolbox-iframe.private.fin.ag/v2/?demo=true\r\n");
        let found = lint(&text);
        let codes: Vec<&str> = found.iter().map(|d| d.code()).collect();
        assert_eq!(codes, ["FLK511", "FLK008", "FLK008"], "{found:#?}");
        assert!(found[0].message.contains("CRLF"), "{}", found[0].message);
        assert!(found[1].message.starts_with("as sh and bash read it: "));
        assert!(found[1..].iter().all(|d| d.severity == Severity::Warning));
        // The runtime reads the file one way: the rule is the linter's.
        assert!(findings(&text, &Source::Value, Checker::Runtime).is_empty());
    }

    #[test]
    fn text_after_a_closing_quote_is_reported_and_each_reading_checked() {
        let found = lint("FLINKS_INSTANCE='toolbox'.ca\n");
        assert_eq!(found[0].code(), "FLK511");
        assert!(
            found[0].message.contains("text after the closing quote"),
            "{}",
            found[0].message
        );
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .contains("quote the whole value once"));
        // sh reads `toolbox.ca`, Node dotenv `'toolbox'.ca`: both bad instance names.
        assert!(
            found[1..]
                .iter()
                .any(|d| d.message.starts_with("as sh and bash read it")),
            "{found:#?}"
        );
        assert!(
            found[1..]
                .iter()
                .any(|d| d.message.starts_with("as Node dotenv read it")),
            "{found:#?}"
        );
    }

    #[test]
    fn a_hash_in_an_unquoted_url_is_cut_by_node() {
        let found =
            lint("FLINKS_IFRAME_URL=https://toolbox-iframe.private.fin.ag/v2/?demo=true#x\n");
        assert_eq!(found[0].code(), "FLK511");
        assert!(
            found[0].message.contains("Node dotenv: a different value"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn the_applications_own_variables_and_plain_lines_are_left_alone() {
        assert!(lint("DATABASE_URL=postgres://u@h/db?a=1&b=2\r\n").is_empty());
        assert!(lint(&format!("FLINKS_API_URL={API}\nFLINKS_INSTANCE=toolbox\n")).is_empty());
        assert!(lint("FLINKS_API_URL=${FLINKS_BASE}/v3/\n").is_empty());
    }

    #[test]
    fn a_secret_line_has_no_snippet_and_quotes_no_value() {
        let secret = "c4569c54-e167-4d34-8de6-f4113bc82414";
        let found = lint(&format!("FLINKS_SECRET_KEY='{secret}'x\n"));
        assert!(!found.is_empty());
        for d in &found {
            assert!(d.location.as_ref().unwrap().secret);
            assert!(d.snippet.is_none());
            assert!(!d.message.contains("c4569c54"), "{}", d.message);
        }
    }

    #[test]
    fn plain_lines_agree() {
        for line in [
            "K=v",
            "export K=v",
            "K=",
            "K=\"v\" # note",
            "K=a=b",
            "  K=v",
        ] {
            assert_eq!(disagreement(line), None, "{line}");
        }
    }

    #[test]
    fn text_after_a_closing_quote_is_never_dropped_silently() {
        let groups = disagreement("K='a'b").unwrap();
        let shell = groups
            .iter()
            .find(|(_, who)| who.contains(&Consumer::Shell))
            .unwrap();
        assert_eq!(shell.0, Reading::Set("ab".into()));
        assert!(causes("K='a'b").contains(&Cause::TextAfterQuote));
    }

    #[test]
    fn a_carriage_return_is_part_of_the_shell_value() {
        assert_eq!(shell("K=v\r"), Reading::Set("v\r".into()));
        assert_eq!(node("K=v\r"), Reading::Set("v".into()));
        assert_eq!(causes("K=v\r"), [Cause::CarriageReturn]);
    }

    #[test]
    fn the_quick_test_lets_through_every_line_that_can_differ() {
        for line in [
            "K=v\r", "K = v", "K='a'b", "K=v#c", "K=a b", "K.X=v", "K: v", "K=a&b",
        ] {
            assert!(may_differ(line), "{line}");
            assert!(disagreement(line).is_some(), "{line}");
        }
        assert!(!may_differ("FLINKS_INSTANCE=toolbox"));
    }
}
