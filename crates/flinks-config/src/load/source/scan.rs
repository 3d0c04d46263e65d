//! The code shapes that carry Flinks settings, read from the lexer's
//! tokens: bindings (`NAME = <expr>`), expressions joining literals and
//! constants (`BASE + "Authorize"`, `` `${BASE}GetAccountsDetail` ``,
//! `urljoin`, `new Uri(base, "…")`), environment reads with defaults, calls
//! with headers, and `message` listeners.

use super::lex::{self, Family, Holes, Piece, Str, Token};
use super::Language;
use crate::load::tree::{Entry, Kind, Node};
use flinks_config_core::rules::{connect_origin_unchecked, secret_in_frontend};
use flinks_config_core::{
    check_headers, check_url, endpoint, is_guid, normalize_key, CredentialKind, Diagnostic, Field,
    KnownValue, Location, Source, Span, UrlContext, UrlKind,
};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Stands for a hole while a URL is put together (never in a literal).
const HOLE: u8 = 0;

/// A customer id standing for a hole in the customer id's place, so the
/// rest of the path can still be checked. Never shown as the user's value:
/// findings point at the source, whose text the report shows.
const HOLE_GUID: &str = "a0a0a0a0-0000-4000-8000-000000000000";

/// The longest value put together from code (a URL is far shorter).
const MAX_VALUE: usize = 8 * 1024;

/// How many tokens a call or listener may span.
const MAX_CALL_TOKENS: usize = 4096;

/// How deep constants may refer to constants.
const MAX_DEPTH: u8 = 4;

/// Calls whose arguments are one request: URL and headers.
const REQUEST_CALLS: [&str; 22] = [
    "fetch",
    "axios",
    "got",
    "ky",
    "post",
    "get",
    "put",
    "patch",
    "request",
    "Post",
    "Get",
    "PostAsync",
    "GetAsync",
    "SendAsync",
    "PostAsJsonAsync",
    "postForEntity",
    "postForObject",
    "exchange",
    "NewRequest",
    "post_form",
    "execute",
    "HttpRequestMessage",
];

/// Header names a Flinks request may carry (or wrongly carry).
const HEADERS: [&str; 9] = [
    "flinks-auth-key",
    "x-api-key",
    "authorization",
    "bearer",
    "flinks_auth_key",
    "flinksauthkey",
    "flinks-api-key",
    "api-key",
    "apikey",
];

/// A value put together from literals: text with each byte's offset in the
/// file, and holes (unknown parts).
#[derive(Clone, Debug, Default)]
struct Composed {
    pieces: Vec<Piece>,
    /// Whether any part is a string literal of this expression.
    literal: bool,
    /// From the first to the last token of the expression.
    span: Option<Span>,
}

impl Composed {
    fn text(&self) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            if let Piece::Text { value, .. } = p {
                out.push_str(value);
            }
        }
        out
    }

    /// Bytes of text held: a constant built from constants doubling each
    /// time must not grow without bound.
    fn size(&self) -> usize {
        self.pieces
            .iter()
            .map(|p| match p {
                Piece::Text { value, .. } => value.len(),
                Piece::Hole { .. } => 1,
            })
            .sum()
    }

    fn extend(&mut self, other: Composed) {
        self.pieces.extend(other.pieces);
        self.literal |= other.literal;
        self.span = match (self.span, other.span) {
            (Some(a), Some(b)) => Some(Span::new(a.start.min(b.start), a.end.max(b.end))),
            (a, b) => a.or(b),
        };
    }

    /// `urljoin(self, relative)`: a base ending in `/` keeps its path.
    fn join(mut self, relative: Composed) -> Composed {
        if let Some(Piece::Text { value, at }) = self.pieces.last_mut() {
            if !value.ends_with('/') && !relative.text().starts_with('/') {
                if let Some(slash) = value.rfind('/') {
                    if !value[..slash].ends_with('/') {
                        value.truncate(slash + 1);
                        at.truncate(slash + 1);
                    }
                }
            }
        }
        self.extend(relative);
        self
    }
}

/// Constants by name, first definition kept, at most [`MAX_BINDINGS`].
#[derive(Default)]
struct Bindings<'t>(Vec<(&'t str, Composed)>);

/// Constants resolved per file (a generated file may define thousands).
const MAX_BINDINGS: usize = 64;

impl<'t> Bindings<'t> {
    fn get(&self, name: &str) -> Option<&Composed> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, c)| c)
    }

    fn contains_key(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| *n == name)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn insert_first(&mut self, name: &'t str, value: Composed) {
        if self.0.len() < MAX_BINDINGS && !self.contains_key(name) {
            self.0.push((name, value));
        }
    }
}

/// One credential setting written in code.
struct Setting<'t> {
    /// The binding or variable name as written.
    name: &'t str,
    name_span: Span,
    field: Field,
    value: &'t str,
    value_span: Span,
    /// The key the extraction reads (`FLINKS_SECRET_KEY`, or the variable).
    key: Cow<'t, str>,
}

/// One file, lexed.
pub struct Scan<'t> {
    text: &'t str,
    language: Language,
    path: String,
    tokens: Vec<(Token, Family)>,
    /// The constants whose value mentions Flinks: few, so a list (hashing
    /// each identifier of a file cost more than the lexing).
    bindings: Bindings<'t>,
    /// Expressions that are a binding's value: token index → binding name.
    /// In token order (binary-searched: no hashing per token).
    bound_at: Vec<(usize, &'t str)>,
    /// Environment reads with a literal default: (variable, default's token).
    defaults: Vec<(&'t str, usize)>,
    /// Per token: a string literal mentioning Flinks (`fin.ag`, `flinks`).
    mentions: Vec<bool>,
}

impl<'t> Scan<'t> {
    /// Enough to find the credential settings (no constants resolved).
    pub fn settings_only(text: &'t str, language: Language) -> Self {
        let mut scan = Self::lexed(text, language, "");
        scan.record_bindings();
        scan
    }

    pub fn new(text: &'t str, language: Language, path: &str) -> Self {
        let mut scan = Self::lexed(text, language, path);
        scan.record_bindings();
        scan.bind();
        scan
    }

    fn lexed(text: &'t str, language: Language, path: &str) -> Self {
        // About one token per six bytes of code: one allocation, not a dozen.
        let mut tokens = Vec::with_capacity(text.len() / 6);
        for (start, end, family) in language.regions(text) {
            tokens.extend(
                lex::lex(text, family, start, end)
                    .tokens
                    .into_iter()
                    .map(|t| (t, family)),
            );
        }
        let mentions = tokens
            .iter()
            .map(|(t, _)| match t {
                Token::Str(s) => text
                    .get(s.content.range())
                    .is_some_and(|c| super::mentions(c.as_bytes())),
                _ => false,
            })
            .collect();
        let mut scan = Scan {
            text,
            language,
            path: path.to_string(),
            tokens,
            bindings: Bindings::default(),
            bound_at: Vec::new(),
            defaults: Vec::new(),
            mentions,
        };
        scan.defaults = scan.find_env_defaults();
        scan
    }

    /// Where each binding's value starts.
    fn record_bindings(&mut self) {
        for i in 0..self.tokens.len() {
            let Some((name, _)) = self.name_at(i) else {
                continue;
            };
            if let Some(value) = self.binding_value(i) {
                self.bound_at.push((value, name));
            }
        }
    }

    /// The binding whose value starts at token `i`.
    fn bound_name(&self, i: usize) -> Option<&'t str> {
        self.bound_at
            .binary_search_by_key(&i, |(v, _)| *v)
            .ok()
            .map(|k| self.bound_at[k].1)
    }

    /// Whether the expression at `i` may hold a Flinks URL: one of its
    /// operands (up to the end of the statement) mentions Flinks or names
    /// a constant that does. Most expressions of a file are not, and are
    /// never put together.
    fn interesting(&self, i: usize) -> bool {
        let mut j = i;
        while j < self.tokens.len() && j < i + 64 {
            match &self.tokens[j].0 {
                Token::Str(s) => {
                    if self.mentions[j] {
                        return true;
                    }
                    let content = self.content(s);
                    if !self.bindings.is_empty() && content.contains('{') {
                        return true; // a template may name a constant
                    }
                }
                Token::Ident(span) => {
                    let name = &self.text[span.range()];
                    if self.bindings.contains_key(name) || is_url_join(name, Some("URI")) {
                        return true;
                    }
                }
                Token::Punct(b, _) => {
                    if !matches!(b, b'+' | b'.') {
                        return false;
                    }
                }
            }
            j += 1;
        }
        false
    }

    fn ident(&self, i: usize) -> Option<&'t str> {
        match self.tokens.get(i)? {
            (Token::Ident(s), _) => self.text.get(s.range()),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<u8> {
        match self.tokens.get(i)? {
            (Token::Punct(b, _), _) => Some(*b),
            _ => None,
        }
    }

    fn str_at(&self, i: usize) -> Option<&Str> {
        match self.tokens.get(i)? {
            (Token::Str(s), _) => Some(s),
            _ => None,
        }
    }

    fn content(&self, s: &Str) -> &'t str {
        self.text.get(s.content.range()).unwrap_or_default()
    }

    fn token_span(&self, i: usize) -> Option<Span> {
        Some(match self.tokens.get(i)? {
            (Token::Ident(s), _) => *s,
            (Token::Str(s), _) => s.span,
            (Token::Punct(_, at), _) => Span::new(*at, at + 1),
        })
    }

    /// `NAME = expr`, `NAME: expr`, `NAME := expr`, `"name": expr`,
    /// `name => expr`: the value's first token, after the name at `i`.
    fn binding_value(&self, i: usize) -> Option<usize> {
        let after = match self.punct(i + 1)? {
            b'=' if self.punct(i + 2) == Some(b'>') => i + 3,
            b'=' if !matches!(self.punct(i + 2), Some(b'=')) => i + 2,
            b':' if self.punct(i + 2) == Some(b'=') => i + 3,
            b':' if !matches!(self.punct(i + 2), Some(b':')) => i + 2,
            _ => return None,
        };
        // `a == b`, `a != b`, `a <= b`: comparisons, not bindings.
        if i > 0
            && matches!(
                self.punct(i.saturating_sub(1)),
                Some(b'!' | b'<' | b'>' | b'=')
            )
        {
            return None;
        }
        Some(after)
    }

    fn name_at(&self, i: usize) -> Option<(&'t str, Span)> {
        match self.tokens.get(i)? {
            (Token::Ident(s), _) => Some((self.text.get(s.range())?, *s)),
            (Token::Str(s), _) if !s.bare => Some((self.content(s), s.content)),
            _ => None,
        }
    }

    /// Resolves the constants whose value mentions Flinks (in file order,
    /// so a constant may use the ones above it).
    fn bind(&mut self) {
        let values = self.bound_at.clone();
        for (value, name) in values {
            if !self.interesting(value) {
                continue;
            }
            if let Some((composed, _)) = self.expression(value, 0) {
                if composed.literal && composed.size() <= MAX_VALUE {
                    self.bindings.insert_first(name, composed);
                }
            }
        }
        // `val base = System.getenv("X") ?: "https://…"`: the name stands
        // for its default where this file uses it.
        for (_, at) in self.defaults.clone() {
            let before = self.bound_at.partition_point(|(v, _)| *v <= at);
            let Some(&(value, name)) = before
                .checked_sub(1)
                .map(|k| &self.bound_at[k])
                .filter(|(v, _)| at - v <= 12)
            else {
                continue;
            };
            let between = (value..at).any(|j| matches!(self.punct(j), Some(b';' | b'=')));
            if !between && !self.bindings.contains_key(name) {
                if let Some((composed, _)) = self.operand(at, 0) {
                    self.bindings.insert_first(name, composed);
                }
            }
        }
    }

    /// The pieces of a string literal, its holes resolved where they name
    /// a constant of this file.
    fn string_pieces(&self, i: usize, s: &Str, depth: u8) -> Vec<Piece> {
        let family = self.tokens[i].1;
        let mut holes = s.holes;
        // Only Kotlin, PHP and shell interpolate `$x` in double quotes.
        if holes == Holes::Dollar
            && family == Family::CLike
            && !matches!(self.language, Language::Jvm | Language::Php)
        {
            holes = Holes::None;
        }
        // `"…{x}…".format(x=…)`, `string.Format("…{0}…", x)`.
        let formatted = (self.punct(i + 1) == Some(b'.') && self.ident(i + 2) == Some("format"))
            || (i >= 2
                && self
                    .ident(i - 2)
                    .is_some_and(|f| f.eq_ignore_ascii_case("format")));
        if formatted && holes == Holes::None {
            holes = Holes::Brace;
        }
        let raw = lex::pieces(self.text, s, holes);
        let mut out = Vec::new();
        for piece in raw {
            match piece {
                Piece::Hole { expr, .. } if hole_default(&self.text[expr.range()]).is_some() => {
                    // `${FLINKS_API_URL:-https://…}`, `@Value("${flinks.api-url:https://…}")`:
                    // the default is literal text.
                    let inner = &self.text[expr.range()];
                    let skip = hole_default(inner).unwrap_or(0);
                    let value = inner[skip..].to_string();
                    let at = (expr.start + skip..expr.end).collect();
                    out.push(Piece::Text { value, at });
                }
                Piece::Hole { expr, span } => {
                    let name = self.text[expr.range()].trim();
                    let name = name.rsplit('.').next().unwrap_or(name);
                    match self.bindings.get(name).filter(|_| depth < MAX_DEPTH) {
                        // The constant's text, each byte at its definition.
                        Some(bound) => out.extend(bound.pieces.iter().cloned()),
                        None => out.push(Piece::Hole { expr, span }),
                    }
                }
                text if family != Family::Shell || self.language == Language::Markdown => {
                    // Code fills `{customerId}` at runtime (`.replace`,
                    // `String.format`): an unknown part, not a placeholder left in.
                    split_braces(text, &mut out);
                }
                text => out.push(text),
            }
        }
        out
    }

    /// One operand at `i`: a literal, a constant, a call joining URLs.
    fn operand(&self, i: usize, depth: u8) -> Option<(Composed, usize)> {
        match &self.tokens.get(i)?.0 {
            Token::Str(s) => Some((
                Composed {
                    pieces: self.string_pieces(i, s, depth),
                    literal: true,
                    span: Some(s.span),
                },
                i + 1,
            )),
            Token::Ident(span) => {
                let name = &self.text[span.range()];
                if name == "new" && self.ident(i + 1).is_some() {
                    return self.operand(i + 1, depth);
                }
                if self.punct(i + 1) == Some(b'(') && matches!(name, "Uri" | "URL" | "URI") {
                    // `new Uri("…")`: the value is its one argument.
                    if let Some((only, next)) = self.expression(i + 2, depth + 1) {
                        if self.punct(next) == Some(b')') {
                            return Some((only, next + 1));
                        }
                    }
                }
                if self.punct(i + 1) == Some(b'(')
                    && is_url_join(name, self.ident(i.wrapping_sub(2)))
                {
                    let (first, next) = self.expression(i + 2, depth + 1)?;
                    if self.punct(next) != Some(b',') {
                        return None;
                    }
                    let (second, next) = self.expression(next + 1, depth + 1)?;
                    // `new URL(relative, base)` in JavaScript.
                    let (base, relative) = if name == "URL" {
                        (second, first)
                    } else {
                        (first, second)
                    };
                    let mut joined = base.join(relative);
                    joined.span = Some(Span::new(
                        span.start,
                        self.token_span(next).map_or(span.end, |s| s.end),
                    ));
                    return Some((joined, next + 1));
                }
                // A dotted name: `Config.BASE`, `self.base_url`, `process.env.X`.
                let mut end = i;
                while self.punct(end + 1) == Some(b'.') && self.ident(end + 2).is_some() {
                    end += 2;
                }
                let last = self.ident(end)?;
                let whole = Span::new(span.start, self.token_span(end)?.end);
                let pieces = match self.bindings.get(last).filter(|_| depth < MAX_DEPTH) {
                    Some(bound) => bound.pieces.clone(),
                    None => vec![Piece::Hole {
                        expr: whole,
                        span: whole,
                    }],
                };
                Some((
                    Composed {
                        pieces,
                        literal: false,
                        span: Some(whole),
                    },
                    end + 1,
                ))
            }
            Token::Punct(..) => None,
        }
    }

    /// `operand (+ operand)*` (`.` joins strings in PHP).
    fn expression(&self, i: usize, depth: u8) -> Option<(Composed, usize)> {
        let (mut composed, mut next) = self.operand(i, depth)?;
        loop {
            let joins = match self.punct(next) {
                Some(b'+') => self.punct(next + 1) != Some(b'='),
                Some(b'.') => self.language == Language::Php,
                _ => false,
            };
            if !joins {
                break;
            }
            match self.operand(next + 1, depth) {
                Some((more, _)) if composed.size() + more.size() > MAX_VALUE => break,
                Some((more, after)) => {
                    composed.extend(more);
                    next = after;
                }
                None => break,
            }
        }
        Some((composed, next))
    }

    /// Where each expression starts: not after a joining operator.
    fn expression_starts(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.tokens.len()).filter(|&i| {
            let after_join = i > 0
                && (self.punct(i - 1) == Some(b'+')
                    || (self.language == Language::Php && self.punct(i - 1) == Some(b'.'))
                    || (self.punct(i - 1) == Some(b'.') && self.ident(i).is_some()));
            !after_join && !matches!(self.tokens[i].0, Token::Punct(..))
        })
    }

    fn location(&self, key: &str, span: Span) -> Location {
        Location::new(Source::File(self.path.clone()), key).with_span(span)
    }

    /// Every finding only code has.
    pub fn findings(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let overrides = self.env_defaults_kinds();
        let variables: HashMap<usize, &str> = self
            .env_defaults()
            .into_iter()
            .map(|(name, at)| (at, name))
            .collect();
        let mut seen = HashSet::new();
        let starts: Vec<usize> = self.expression_starts().collect();
        for i in starts {
            if !self.interesting(i) {
                continue;
            }
            let Some((composed, _)) = self.expression(i, 0) else {
                continue;
            };
            if !composed.literal {
                continue;
            }
            let kind = overrides.get(&i).copied();
            let key = (self.bound_name(i).or(variables.get(&i).copied())).unwrap_or("(string)");
            for d in self.check_composed(&composed, kind, key) {
                if seen.insert((d.code(), d.source_span())) {
                    out.push(d);
                }
            }
        }
        let mut calls = Vec::new();
        self.requests(&mut calls);
        // A call inside a call (`fetch` in a route handler `app.post(…)`)
        // is read from both: report each finding once.
        for d in calls {
            if seen.insert((d.code(), d.source_span())) {
                out.push(d);
            }
        }
        self.listeners(&mut out);
        self.browser_secrets(&mut out);
        out
    }

    /// The URL rules on a value put together from code, each finding moved
    /// onto the bytes of the file it is about.
    fn check_composed(
        &self,
        composed: &Composed,
        kind: Option<UrlKind>,
        key: &str,
    ) -> Vec<Diagnostic> {
        let mut named = Vec::new();
        let Some((url, at)) = as_url_naming(composed, &mut named) else {
            return Vec::new();
        };
        let show = |text: &str| {
            let mut text = text.to_string();
            for (stand_in, hole) in &named {
                text = text.replace(stand_in.as_str(), &self.text[hole.range()]);
            }
            text
        };
        let kind = kind.unwrap_or_else(|| url_kind(&url));
        let whole = composed.span.unwrap_or(Span::new(0, 0));
        let in_docs = self.language == Language::Markdown;
        // `https://acme-iframe.private.fin.ag` alone is an origin (compared
        // with `event.origin`, joined with a path later): host rules only.
        let origin = url.splitn(4, '/').nth(3).is_none();
        check_url(&url, kind, &UrlContext::linter())
            .into_iter()
            .filter(|d| !origin || d.code().starts_with("FLK0"))
            // READMEs write `YOUR_CUSTOMER_ID` on purpose.
            .filter(|d| !(in_docs && d.code() == "FLK006"))
            .map(|mut d| {
                let span = match d.span {
                    Some(s) if !at.is_empty() => {
                        let start = at[s.start.min(at.len() - 1)];
                        let end = if s.end > s.start {
                            at[(s.end - 1).min(at.len() - 1)] + 1
                        } else {
                            start
                        };
                        Span::new(start, end.max(start))
                    }
                    _ => whole,
                };
                d.span = None;
                d.snippet = None;
                d.message = show(&d.message);
                d.help = d.help.as_deref().map(show);
                d.with_location(self.location(key, span))
            })
            .collect()
    }

    /// Environment reads with a default: the token index of each default
    /// literal, with the URL kind its variable names.
    fn env_defaults_kinds(&self) -> HashMap<usize, UrlKind> {
        self.env_defaults()
            .into_iter()
            .filter_map(|(name, at)| {
                let kind = match variable_field(name)? {
                    Field::ApiUrl => UrlKind::Api,
                    Field::IframeUrl => UrlKind::Iframe,
                    _ => return None,
                };
                Some((at, kind))
            })
            .collect()
    }

    /// `(variable, token index of the default literal)` of every
    /// environment read with a literal default.
    fn env_defaults(&self) -> Vec<(&'t str, usize)> {
        self.defaults.clone()
    }

    fn find_env_defaults(&self) -> Vec<(&'t str, usize)> {
        let mut out = Vec::new();
        for i in 0..self.tokens.len() {
            let Some(word) = self.ident(i) else { continue };
            // process.env.X || "…", process.env.X ?? "…", import.meta.env.X
            if word == "env" && self.punct(i + 1) == Some(b'.') {
                if let (Some(name), Some(at)) = (self.ident(i + 2), self.or_default(i + 3)) {
                    out.push((name, at));
                }
                continue;
            }
            if self.punct(i + 1) != Some(b'(') {
                continue;
            }
            let reader = matches!(
                word,
                "getenv"
                    | "Getenv"
                    | "GetEnvironmentVariable"
                    | "getOrDefault"
                    | "fetch"
                    | "get"
                    | "env"
            );
            if !reader || self.punct(i + 1) != Some(b'(') {
                continue;
            }
            let qualified = match word {
                "fetch" => i >= 2 && self.ident(i - 2) == Some("ENV"),
                "get" => i >= 2 && self.ident(i - 2) == Some("environ"),
                "getOrDefault" => i >= 4 && self.ident(i - 4) == Some("getenv"),
                _ => true,
            };
            let Some(name) = self.str_at(i + 2).map(|s| self.content(s)) else {
                continue;
            };
            if !qualified {
                continue;
            }
            if self.punct(i + 3) == Some(b',') && self.str_at(i + 4).is_some() {
                out.push((name, i + 4)); // os.getenv("X", "…"), ENV.fetch("X", "…")
            } else if self.punct(i + 3) == Some(b')') {
                if let Some(at) = self.or_default(i + 4) {
                    out.push((name, at)); // GetEnvironmentVariable("X") ?? "…"
                }
            }
        }
        out
    }

    /// After an expression: `|| "…"`, `?? "…"`, `?: "…"`, `or "…"`.
    fn or_default(&self, i: usize) -> Option<usize> {
        let at = match (self.punct(i), self.punct(i + 1)) {
            (Some(b'|'), Some(b'|')) | (Some(b'?'), Some(b'?')) | (Some(b'?'), Some(b':')) => i + 2,
            _ if self.ident(i) == Some("or") => i + 1,
            _ => return None,
        };
        self.str_at(at).map(|_| at)
    }

    /// The credentials written in code: GUID literals bound to a
    /// credential's name, and defaults of environment reads.
    fn settings(&self) -> Vec<Setting<'t>> {
        let mut out = Vec::new();
        let mut push =
            |name: &'t str, name_span: Span, field: Field, s: &Str, key: Cow<'t, str>| {
                let value = self.text.get(s.content.range()).unwrap_or_default();
                if is_guid(value.trim()) {
                    out.push(Setting {
                        name,
                        name_span,
                        field,
                        value,
                        value_span: s.content,
                        key,
                    });
                }
            };
        for &(at, name) in &self.bound_at {
            let (Some(s), Some(field)) = (self.str_at(at), credential_field(name)) else {
                continue;
            };
            let name_span = self.token_span(at.saturating_sub(2)).unwrap_or(s.span);
            let key = if variable_field(name).is_some() {
                Cow::Borrowed(name)
            } else {
                Cow::Borrowed(field.env_var())
            };
            push(name, name_span, field, s, key);
        }
        for (name, at) in self.env_defaults() {
            let (Some(s), Some(field)) = (self.str_at(at), variable_field(name)) else {
                continue;
            };
            if field.is_secret() {
                push(name, s.span, field, s, Cow::Borrowed(name));
            }
        }
        out.sort_by_key(|s| s.value_span.start);
        out.dedup_by_key(|s| s.value_span.start);
        out
    }

    /// The settings as a tree: each in a table named for its binding.
    pub fn settings_tree(&self) -> Node<'t> {
        let entries = self
            .settings()
            .into_iter()
            .enumerate()
            .map(|(n, s)| {
                let table = if normalize_key(s.name) == "flinks" {
                    format!("{}_{n}", s.name)
                } else {
                    s.name.to_string()
                };
                Entry {
                    key: Cow::Owned(table),
                    key_span: Some(s.name_span),
                    value: Node {
                        span: Some(s.value_span),
                        kind: Kind::Map(vec![Entry {
                            key: s.key,
                            key_span: Some(s.name_span),
                            value: Node::text(s.value, Some(s.value_span)),
                        }]),
                    },
                }
            })
            .collect();
        Node {
            span: None,
            kind: Kind::Map(entries),
        }
    }

    /// FLK305 for a secret bound in code that runs in the browser (a
    /// browser-prefixed variable is the extraction's own FLK305).
    fn browser_secrets(&self, out: &mut Vec<Diagnostic>) {
        if !self.language.runs_in_browser(&self.path, self.text) {
            return;
        }
        for s in self.settings() {
            let public = KnownValue::toolbox().iter().any(|k| k.matches(s.value));
            if !matches!(s.field, Field::SecretKey | Field::ApiKey)
                || public // the published sandbox values are no secret
                || secret_in_frontend::browser_prefix(&s.key).is_some()
            {
                continue;
            }
            let kind = s
                .field
                .credential()
                .map_or("credential".to_string(), |k| k.to_string());
            out.push(
                Diagnostic::new(
                    &secret_in_frontend::RULE,
                    format!("the {kind} is written in code that runs in the browser (`{}`): every visitor can read it", clip(s.name)),
                )
                .with_help(format!("keep the {kind} on the backend; the browser gets an authorize token, never the {kind}"))
                .with_location(self.location(s.name, s.name_span)),
            );
        }
    }

    /// FLK601 on each `message` listener.
    fn listeners(&self, out: &mut Vec<Diagnostic>) {
        if !matches!(self.language, Language::JavaScript | Language::Markup) {
            return;
        }
        for i in 0..self.tokens.len() {
            let Some(word) = self.ident(i) else { continue };
            let body = if word == "addEventListener"
                && self.punct(i + 1) == Some(b'(')
                && self
                    .str_at(i + 2)
                    .is_some_and(|s| self.content(s) == "message")
            {
                self.matching(i + 1, b'(', b')').map(|end| (i + 3, end))
            } else if word.eq_ignore_ascii_case("onmessage") && self.punct(i + 1) == Some(b'=') {
                (i + 2..self.tokens.len())
                    .find(|&j| self.punct(j) == Some(b'{'))
                    .and_then(|open| self.matching(open, b'{', b'}').map(|end| (i + 2, end)))
            } else {
                None
            };
            let Some((from, to)) = body else { continue };
            let (Some(a), Some(b)) = (self.token_span(from), self.token_span(to)) else {
                continue;
            };
            if let Some(d) =
                connect_origin_unchecked::check(&self.text[a.start..b.end.max(a.start)])
            {
                out.push(d.with_location(self.location(word, self.token_span(i).unwrap_or(a))));
            }
        }
    }

    /// The token closing the bracket at `open`, within a bounded look-ahead
    /// (unbalanced brackets in a minified bundle must not make a file
    /// quadratic).
    fn matching(&self, open: usize, left: u8, right: u8) -> Option<usize> {
        let mut depth = 0usize;
        for j in open..self.tokens.len().min(open + MAX_CALL_TOKENS) {
            match self.punct(j) {
                Some(b) if b == left => depth += 1,
                Some(b) if b == right => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(j);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// FLK401–FLK404 on calls whose endpoint and headers are both written
    /// in the call (and `curl` in shell).
    fn requests(&self, out: &mut Vec<Diagnostic>) {
        for i in 0..self.tokens.len() {
            let curl = self.ident(i) == Some("curl") && self.tokens[i].1 == Family::Shell;
            let range = if curl {
                let end = self.token_span(i).map_or(0, |s| s.end);
                (i + 1, self.command_end(end))
            } else if let Some(word) = self.ident(i) {
                if self.punct(i + 1) != Some(b'(') || !REQUEST_CALLS.contains(&word) {
                    continue;
                }
                match self.matching(i + 1, b'(', b')') {
                    Some(end) => (i + 2, end),
                    None => continue,
                }
            } else if let Some(s) = self
                .str_at(i)
                .filter(|s| s.bare && self.content(s) == "curl")
            {
                (i + 1, self.command_end(s.span.end))
            } else {
                continue;
            };
            if (range.0..range.1.min(range.0 + MAX_CALL_TOKENS)).any(|j| {
                self.mentions[j] || self.ident(j).is_some_and(|n| self.bindings.contains_key(n))
            }) {
                self.request(range.0, range.1, out);
            }
        }
    }

    /// The last token of a shell command starting before `at`: to the end
    /// of its line, following `\` continuations.
    fn command_end(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut end = at;
        loop {
            end = bytes[end..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| end + p);
            if end > 0 && bytes[end - 1] == b'\\' && end < bytes.len() {
                end += 1;
                continue;
            }
            break;
        }
        // Tokens are in file order.
        self.tokens.partition_point(|(t, _)| match t {
            Token::Str(s) => s.span.start < end,
            Token::Ident(s) => s.start < end,
            Token::Punct(_, p) => *p < end,
        })
    }

    fn request(&self, from: usize, to: usize, out: &mut Vec<Diagnostic>) {
        let mut target = None;
        let mut headers: Vec<(String, String, Span)> = Vec::new();
        let mut known: Vec<(CredentialKind, String)> = Vec::new();
        let mut spread = false;
        let mut i = from;
        while i < to {
            if matches!(self.punct(i), Some(b'.')) && self.punct(i + 1) == Some(b'.') {
                spread = true; // `...common`: headers the call does not show
            }
            if self.punct(i) == Some(b'*') && self.punct(i + 1) == Some(b'*') {
                spread = true;
            }
            if let Some(s) = self.str_at(i) {
                let content = self.content(s);
                // curl: -H 'name: value'
                if s.bare && matches!(content, "-H" | "--header") {
                    if let Some(h) = self.str_at(i + 1) {
                        let line = self.content(h);
                        if let Some((name, value)) = line.split_once(':') {
                            let name_span =
                                Span::new(h.content.start, h.content.start + name.len());
                            let value = value.trim();
                            headers.push((name.trim().to_string(), value.to_string(), name_span));
                            if let Some(kind) =
                                value_kind(value.trim_start_matches('$').trim_matches(['{', '}']))
                            {
                                known.push((kind, value.to_string()));
                            }
                        }
                        i += 2;
                        continue;
                    }
                }
                if HEADERS.contains(&content.to_ascii_lowercase().as_str())
                    && matches!(self.punct(i + 1), Some(b':' | b',' | b'='))
                {
                    let mut v = i + 2;
                    if self.punct(v) == Some(b'>') {
                        v += 1;
                    }
                    let value = match &self.tokens.get(v) {
                        Some((Token::Str(vs), _)) => self.content(vs).to_string(),
                        Some((Token::Ident(_), _)) => {
                            let mut end = v;
                            while self.punct(end + 1) == Some(b'.') && self.ident(end + 2).is_some()
                            {
                                end += 2;
                            }
                            self.ident(end).unwrap_or_default().to_string()
                        }
                        _ => String::new(),
                    };
                    if let Some(kind) = value_kind(&value) {
                        known.push((kind, value.clone()));
                    }
                    headers.push((content.to_string(), value, s.content));
                    i += 1;
                    continue;
                }
                if target.is_none() {
                    if let Some((composed, next)) = self.expression(i, 0) {
                        if let Some((url, _)) = as_url(&composed) {
                            target =
                                endpoint_name(&url).map(|e| (e, composed.span.unwrap_or(s.span)));
                            i = next;
                            continue;
                        }
                    }
                }
            } else if target.is_none() && self.ident(i).is_some() {
                if let Some((composed, next)) = self.expression(i, 0) {
                    if let Some((url, _)) = as_url(&composed) {
                        target = endpoint_name(&url)
                            .map(|e| (e, composed.span.unwrap_or(Span::new(0, 0))));
                        i = next.max(i + 1);
                        continue;
                    }
                }
            }
            i += 1;
        }
        let Some(((name, _), url_span)) = target else {
            return;
        };
        let Some(endpoint) = endpoint(&name) else {
            return;
        };
        if headers.is_empty() {
            return; // headers built elsewhere: nothing certain to say
        }
        let pairs: Vec<(&str, &str)> = headers
            .iter()
            .map(|(n, v, _)| (n.as_str(), v.as_str()))
            .collect();
        let known: Vec<KnownValue<'_>> =
            known.iter().map(|(k, v)| KnownValue::new(*k, v)).collect();
        for mut d in check_headers(endpoint, &pairs, &known) {
            if spread && d.code() == "FLK402" {
                continue;
            }
            let span = headers
                .iter()
                .find(|(n, _, _)| {
                    d.message
                        .to_ascii_lowercase()
                        .contains(&format!("`{}`", n.to_ascii_lowercase()))
                })
                .map_or(url_span, |(_, _, s)| *s);
            d.span = None;
            d.snippet = None;
            out.push(d.with_location(self.location(&name, span)));
        }
    }
}

/// Where the default of `NAME:-default` / `name:default` starts, when it
/// is a URL.
fn hole_default(expr: &str) -> Option<usize> {
    let colon = expr.find(':')?;
    let after = colon + 1 + usize::from(expr[colon + 1..].starts_with('-'));
    let name = &expr[..colon];
    let is_name = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
    (is_name && expr[after..].starts_with("http")).then_some(after)
}

/// Whether a call joins URLs: `urljoin`, `urllib.parse.urljoin`,
/// `new Uri(base, rel)`, `new URL(rel, base)`, `URI.join`.
fn is_url_join(name: &str, receiver: Option<&str>) -> bool {
    matches!(name, "urljoin" | "Uri" | "URL") || (name == "join" && receiver == Some("URI"))
}

/// `{customerId}` in a plain string: a part code fills at runtime.
fn split_braces(piece: Piece, out: &mut Vec<Piece>) {
    let Piece::Text { value, at } = piece else {
        out.push(piece);
        return;
    };
    let bytes = value.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' && (i == 0 || bytes[i - 1] != b'$') {
            let close = bytes[i + 1..]
                .iter()
                .position(|&b| b == b'}')
                .map(|p| i + 1 + p);
            if let Some(close) = close.filter(|&c| {
                c > i + 1
                    && bytes[i + 1..c]
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || *b == b'_')
            }) {
                if i > start {
                    out.push(Piece::Text {
                        value: value[start..i].to_string(),
                        at: at[start..i].to_vec(),
                    });
                }
                let span = Span::new(at[i], at[close] + 1);
                out.push(Piece::Hole { expr: span, span });
                start = close + 1;
                i = close + 1;
                continue;
            }
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(Piece::Text {
            value: value[start..].to_string(),
            at: at[start..].to_vec(),
        });
    }
}

/// The URL to check, with each byte's offset in the file, when the value is
/// a Flinks URL whose scheme and host are known: host holes become `x`, a
/// hole standing for the customer id a GUID, a parameter with a hole is
/// left out, and the path stops at any other hole (the rest is unknown).
fn as_url(composed: &Composed) -> Option<(String, Vec<usize>)> {
    as_url_naming(composed, &mut Vec::new())
}

/// [`as_url`], also telling what stands for which hole (to show the
/// hole as written in messages, not what stood in for it).
fn as_url_naming(
    composed: &Composed,
    named: &mut Vec<(String, Span)>,
) -> Option<(String, Vec<usize>)> {
    let mut bytes = Vec::new();
    let mut at = Vec::new();
    for piece in &composed.pieces {
        match piece {
            Piece::Text { value, at: offsets } => {
                bytes.extend_from_slice(value.as_bytes());
                at.extend_from_slice(offsets);
            }
            Piece::Hole { span, .. } => {
                bytes.push(HOLE);
                at.push(span.start);
            }
        }
    }
    // Leading text before the URL (`curl --url=…`, a sentence) is not ours.
    let lower: Vec<u8> = bytes.to_ascii_lowercase();
    let start = find(&lower, b"https://").or_else(|| find(&lower, b"http://"))?;
    let scheme_end = find(&lower[start..], b"://")? + start + 3;
    let host_end = lower[scheme_end..]
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#' | b'"' | b'\''))
        .map_or(lower.len(), |p| scheme_end + p);
    let host: Vec<u8> = lower[scheme_end..host_end]
        .iter()
        .map(|&b| if b == HOLE { b'x' } else { b })
        .collect();
    let hole_at = |i: usize| {
        composed.pieces.iter().find_map(|p| match p {
            Piece::Hole { span, .. } if span.start == at[i] => Some(*span),
            _ => None,
        })
    };
    let host = String::from_utf8(host).ok()?;
    let host_name = host.rsplit('@').next()?.split(':').next()?;
    if !["fin.ag", "flinks.io", "flinks.com"]
        .iter()
        .any(|d| host_name == *d || host_name.ends_with(&format!(".{d}")))
    {
        return None;
    }
    let mut url = Vec::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len());
    for i in start..host_end {
        if bytes[i] == HOLE {
            // Lowercase letters: a valid instance name, unlikely in any message.
            let stand_in = format!("zq{}hole", (b'a' + named.len() as u8 % 26) as char);
            if let Some(span) = hole_at(i) {
                named.push((stand_in.clone(), span));
            }
            url.extend_from_slice(stand_in.as_bytes());
            // (the loop pushes the last offset)
            map.extend(std::iter::repeat_n(at[i], stand_in.len() - 1));
        } else {
            url.push(bytes[i]);
        }
        map.push(at[i]);
    }
    // The path, segment by segment.
    let rest_end = bytes[host_end..]
        .iter()
        .position(|&b| matches!(b, b'?' | b'#' | b'\n' | b'"' | b'\''))
        .map_or(bytes.len(), |p| host_end + p);
    let mut i = host_end;
    let mut previous: &[u8] = b"";
    let mut truncated = false;
    while i < rest_end {
        // bytes[i] is '/'
        let seg_start = i + 1;
        let seg_end = bytes[seg_start..rest_end]
            .iter()
            .position(|&b| b == b'/')
            .map_or(rest_end, |p| seg_start + p);
        let segment = &bytes[seg_start..seg_end];
        url.push(bytes[i]);
        map.push(at[i]);
        if segment.contains(&HOLE) {
            if segment == [HOLE] && previous.eq_ignore_ascii_case(b"v3") {
                if let Some(span) = hole_at(seg_start) {
                    named.push((HOLE_GUID.to_string(), span));
                }
                url.extend_from_slice(HOLE_GUID.as_bytes());
                map.extend(std::iter::repeat_n(at[seg_start], HOLE_GUID.len()));
            } else {
                truncated = true;
                break;
            }
        } else {
            url.extend_from_slice(segment);
            map.extend_from_slice(&at[seg_start..seg_end]);
        }
        previous = segment;
        i = seg_end;
    }
    if !truncated && rest_end < bytes.len() && bytes[rest_end] == b'?' {
        let q_end = bytes[rest_end..]
            .iter()
            .position(|&b| matches!(b, b'#' | b'\n' | b'"' | b'\''))
            .map_or(bytes.len(), |p| rest_end + p);
        let mut first = true;
        let mut p = rest_end + 1;
        while p <= q_end {
            let e = bytes[p..q_end]
                .iter()
                .position(|&b| b == b'&')
                .map_or(q_end, |x| p + x);
            let param = &bytes[p..e];
            if !param.contains(&HOLE) {
                url.push(if first { b'?' } else { b'&' });
                map.push(at[if first { rest_end } else { p - 1 }]);
                url.extend_from_slice(param);
                map.extend_from_slice(&at[p..e]);
                first = false;
            }
            p = e + 1;
        }
    }
    let url = String::from_utf8(url).ok()?;
    Some((url, map))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// API or iframe, from the host, then the path.
fn url_kind(url: &str) -> UrlKind {
    let lower = url.to_ascii_lowercase();
    let host = lower
        .split("://")
        .nth(1)
        .unwrap_or("")
        .split(['/', '?'])
        .next()
        .unwrap_or("");
    if host.contains("iframe") || host.starts_with("connect") {
        UrlKind::Iframe
    } else if host.contains("api") || lower.contains("/bankingservices") || lower.contains("/v3") {
        UrlKind::Api
    } else if lower.contains("authorizetoken") || lower.contains("demo=") || lower.contains("/v2") {
        UrlKind::Iframe
    } else {
        UrlKind::Api
    }
}

/// The endpoint a URL names, and where the name starts in it.
fn endpoint_name(url: &str) -> Option<(String, usize)> {
    let at = url.find("/BankingServices/")? + "/BankingServices/".len();
    let name = url[at..].split(['/', '?']).next()?;
    (!name.is_empty()).then(|| (name.to_string(), at))
}

/// The field a `FLINKS_*` variable sets (browser prefix allowed).
fn variable_field(name: &str) -> Option<Field> {
    let rest = &name[secret_in_frontend::browser_prefix(name).map_or(0, str::len)..];
    normalize_key(rest)
        .starts_with("flinks")
        .then(|| Field::from_key(rest))
        .flatten()
}

/// The credential a binding's name means: secret key, API key, token.
fn credential_field(name: &str) -> Option<Field> {
    let norm: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if norm.contains("secretkey") || norm.contains("authkey") && !norm.contains("token") {
        Some(Field::SecretKey)
    } else if norm.contains("apikey") {
        Some(Field::ApiKey)
    } else if norm.contains("authorizetoken") || norm.contains("authtoken") {
        Some(Field::AuthorizeToken)
    } else {
        None
    }
}

/// The credential kind a header value's name (or value) tells.
fn value_kind(value: &str) -> Option<CredentialKind> {
    if let Some(known) = KnownValue::toolbox().iter().find(|k| k.matches(value)) {
        return Some(known.kind);
    }
    credential_field(value.rsplit('.').next().unwrap_or(value))?.credential()
}

fn clip(name: &str) -> &str {
    let end = name.char_indices().nth(60).map_or(name.len(), |(i, _)| i);
    &name[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, language: Language, path: &str) -> Vec<(&'static str, usize, usize)> {
        let mut out: Vec<_> = Scan::new(text, language, path)
            .findings()
            .iter()
            .map(|d| {
                let at = d.source_span().expect("located").start;
                let (line, col) = crate::report::line_col(text, at);
                (d.code(), line, col)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn joins_follow_the_url_rules() {
        // A base without its trailing slash loses `BankingServices`.
        let py = "B = 'https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices'\nU = urljoin(B, 'Authorize')\n";
        assert_eq!(
            found(py, Language::Python, "a.py"),
            [("FLK103", 2, 17), ("FLK108", 1, 81)]
        );
        // `new URL(relative, base)` takes the base second.
        let js = "const B = 'https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/';\nconst u = new URL('GetAccount', B);\n";
        assert_eq!(found(js, Language::JavaScript, "a.js"), [("FLK104", 2, 20)]);
    }

    #[test]
    fn format_braces_and_shell_defaults() {
        let py = "u = 'https://{}.api.private.fin.ag/v3/'.format(x)\nv = 'https://{instance}-api.private.fin.ag/v3/'\n";
        assert_eq!(found(py, Language::Python, "a.py"), [("FLK004", 1, 16)]);
        let sh = "curl \"${FLINKS_API_URL:-http://toolbox-api.private.fin.ag/v3/}\"\n";
        assert_eq!(found(sh, Language::Shell, "a.sh"), [("FLK002", 1, 25)]);
    }

    #[test]
    fn a_dollar_brace_in_a_plain_js_string_is_a_real_placeholder() {
        let js = "const u = \"https://${instance}-api.private.fin.ag/v3/\";\n";
        assert_eq!(found(js, Language::JavaScript, "a.js")[0].0, "FLK006");
    }

    #[test]
    fn public_sandbox_values_in_browser_code_are_not_secrets() {
        let js = "\"use client\";\nconst secretKey = \"c4569c54-e167-4d34-8de6-f4113bc82414\";\n";
        assert_eq!(found(js, Language::JavaScript, "app/page.jsx"), []);
        let js = "\"use client\";\nconst secretKey = \"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\";\n";
        assert_eq!(
            found(js, Language::JavaScript, "app/page.jsx"),
            [("FLK305", 2, 7)]
        );
    }

    #[test]
    fn a_hole_in_the_host_is_an_instance() {
        let text =
            "const bad = `https://${instance}.api.private.fin.ag/v3/${id}/BankingServices/`;";
        assert_eq!(
            found(text, Language::JavaScript, "a.js"),
            [("FLK004", 1, 33)]
        );
    }
}
