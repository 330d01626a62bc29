//! The fast front end: splits a .bib file into entries with positions, resolves `@string`
//! macros and `#` concatenation, skips `@preamble`, `@comment` and text between entries, and
//! turns one bad entry into one error without losing the others.

use crate::error::{Error, Position};
use std::borrow::Cow;
use std::collections::HashMap;

/// One entry as written: type (lower case), key, and fields (lower-case name, TeX value with
/// macros resolved and concatenations joined).
#[derive(Debug)]
#[allow(dead_code)]
pub(crate) struct RawEntry<'a> {
    /// Byte offset of the `@`.
    pub start: usize,
    /// As written (compare without case).
    pub ty: &'a str,
    pub key: &'a str,
    /// Names as written (compare without case) and values.
    pub fields: Vec<(&'a str, Cow<'a, str>)>,
}

impl<'a> RawEntry<'a> {
    /// The value of field `name` (lower case; matched without case), if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

/// Line/column positions for increasing offsets, in linear time overall.
pub(crate) struct Locator<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// The position of `offset`; offsets before the last one asked fall back to a full count.
    pub fn at(&mut self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            return Position::at(self.text, offset);
        }
        let bytes = self.text.as_bytes();
        let seg = bytes.get(self.offset..offset).unwrap_or(&[]);
        for i in memchr::memchr_iter(b'\n', seg) {
            self.line += 1;
            self.line_start = self.offset + i + 1;
        }
        self.offset = offset;
        let column = self
            .text
            .get(self.line_start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        Position {
            line: self.line,
            column,
            offset,
        }
    }
}

struct Fail {
    at: usize,
    expected: &'static str,
}

type Res<T> = std::result::Result<T, Fail>;

fn fail<T>(at: usize, expected: &'static str) -> Res<T> {
    Err(Fail { at, expected })
}

const MONTHS: [(&str, &str); 12] = [
    ("jan", "January"),
    ("feb", "February"),
    ("mar", "March"),
    ("apr", "April"),
    ("may", "May"),
    ("jun", "June"),
    ("jul", "July"),
    ("aug", "August"),
    ("sep", "September"),
    ("oct", "October"),
    ("nov", "November"),
    ("dec", "December"),
];

struct Scanner<'a> {
    src: &'a str,
    b: &'a [u8],
    macros: HashMap<String, Cow<'a, str>>,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// Characters of identifiers (entry types, field names, macro names, bare values).
fn is_ident(c: u8) -> bool {
    !is_ws(c)
        && !matches!(
            c,
            b'{' | b'}' | b'(' | b')' | b',' | b'=' | b'#' | b'"' | b'%' | b'\''
        )
}

impl<'a> Scanner<'a> {
    fn ws(&self, mut i: usize) -> usize {
        while let Some(&c) = self.b.get(i) {
            if is_ws(c) {
                i += 1;
            } else if c == b'%' {
                // A comment between tokens runs to the end of the line.
                i = memchr::memchr(b'\n', self.b.get(i..).unwrap_or(&[]))
                    .map_or(self.b.len(), |k| i + k + 1);
            } else {
                break;
            }
        }
        i
    }

    fn ident(&self, i: usize) -> (usize, &'a str) {
        let mut j = i;
        while j < self.b.len() && is_ident(self.b[j]) {
            j += 1;
        }
        (j, self.src.get(i..j).unwrap_or(""))
    }

    /// Does an entry (`@word{` or `@word(`) start at `i`, the first non-blank of a line?
    fn entry_start_at(&self, i: usize) -> bool {
        if self.b.get(i) != Some(&b'@') {
            return false;
        }
        let (j, id) = self.ident(i + 1);
        if id.is_empty() || !id.bytes().all(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        let mut k = j;
        while k < self.b.len() && matches!(self.b[k], b' ' | b'\t') {
            k += 1;
        }
        matches!(self.b.get(k), Some(b'{') | Some(b'('))
    }

    /// The first line-start entry after `from` (for resynchronising after an error).
    fn next_line_entry(&self, from: usize) -> usize {
        let mut i = from;
        while let Some(k) = memchr::memchr(b'\n', self.b.get(i..).unwrap_or(&[])) {
            let mut j = i + k + 1;
            while j < self.b.len() && matches!(self.b[j], b' ' | b'\t') {
                j += 1;
            }
            if self.entry_start_at(j) {
                return j;
            }
            i = j;
        }
        self.b.len()
    }

    /// A braced group starting at `open`; returns (inner text, index after `}`). Stops with an
    /// error at a line that starts a new entry, taking it as a sign of an unclosed brace.
    fn braced(&self, open: usize) -> Res<(&'a str, usize)> {
        let mut depth = 0usize;
        let mut i = open;
        loop {
            let rest = self.b.get(i..).unwrap_or(&[]);
            let Some(k) = memchr::memchr3(b'{', b'}', b'\n', rest) else {
                return fail(open, "a closing brace");
            };
            i += k;
            match self.b[i] {
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        let inner = self.src.get(open + 1..i).unwrap_or("");
                        return Ok((inner, i + 1));
                    }
                }
                _ => {
                    let mut j = i + 1;
                    while j < self.b.len() && matches!(self.b[j], b' ' | b'\t') {
                        j += 1;
                    }
                    if self.entry_start_at(j) {
                        return fail(open, "a closing brace before the next entry");
                    }
                }
            }
            i += 1;
        }
    }

    /// A quoted string starting at `open` (`"`); braces inside must balance.
    fn quoted(&self, open: usize) -> Res<(&'a str, usize)> {
        let mut depth = 0usize;
        let mut i = open + 1;
        loop {
            let rest = self.b.get(i..).unwrap_or(&[]);
            let Some(k) = memchr::memchr2(b'"', b'\n', rest) else {
                return fail(open, "a closing quote");
            };
            // Braces between here and the stop.
            for &c in rest.get(..k).unwrap_or(&[]) {
                match c {
                    b'{' => depth += 1,
                    b'}' => {
                        if depth == 0 {
                            return fail(open, "a closing quote");
                        }
                        depth -= 1;
                    }
                    _ => {}
                }
            }
            i += k;
            if self.b[i] == b'\n' {
                let mut j = i + 1;
                while j < self.b.len() && matches!(self.b[j], b' ' | b'\t') {
                    j += 1;
                }
                if self.entry_start_at(j) {
                    return fail(open, "a closing quote before the next entry");
                }
            } else if depth == 0 {
                return Ok((self.src.get(open + 1..i).unwrap_or(""), i + 1));
            }
            i += 1;
        }
    }

    /// A value: parts joined by `#`.
    fn value(&self, mut i: usize) -> Res<(Cow<'a, str>, usize)> {
        let mut acc: Option<Cow<'a, str>> = None;
        loop {
            i = self.ws(i);
            let (part, next): (Cow<'a, str>, usize) = match self.b.get(i) {
                Some(b'{') => {
                    let (s, n) = self.braced(i)?;
                    (Cow::Borrowed(s), n)
                }
                Some(b'"') => {
                    let (s, n) = self.quoted(i)?;
                    (Cow::Borrowed(s), n)
                }
                Some(_) => {
                    let (n, id) = self.ident(i);
                    if id.is_empty() {
                        return fail(i, "a value");
                    }
                    if id.bytes().all(|c| c.is_ascii_digit()) {
                        (Cow::Borrowed(id), n)
                    } else {
                        // Macro names are case-insensitive; most are short: lower-case on the stack.
                        let mut buf = [0u8; 64];
                        let owned;
                        let lower: &str = if id.len() <= buf.len() {
                            let b = buf.get_mut(..id.len()).unwrap_or(&mut []);
                            b.copy_from_slice(id.as_bytes());
                            b.make_ascii_lowercase();
                            std::str::from_utf8(b).unwrap_or(id)
                        } else {
                            owned = id.to_ascii_lowercase();
                            &owned
                        };
                        match self.macros.get(lower) {
                            Some(v) => (v.clone(), n),
                            None => match MONTHS.iter().find(|(m, _)| *m == lower) {
                                Some((_, full)) => (Cow::Borrowed(*full), n),
                                // Undefined macro: kept as text.
                                None => (Cow::Borrowed(id), n),
                            },
                        }
                    }
                }
                None => return fail(i, "a value"),
            };
            acc = Some(match acc {
                None => part,
                Some(mut a) => {
                    a.to_mut().push_str(&part);
                    a
                }
            });
            i = self.ws(next);
            if self.b.get(i) == Some(&b'#') {
                i += 1;
                continue;
            }
            return Ok((acc.unwrap_or(Cow::Borrowed("")), i));
        }
    }

    /// Body of `@string{name = value}`.
    fn string(&mut self, i: usize, close: u8) -> Res<usize> {
        let i = self.ws(i);
        if self.b.get(i) == Some(&close) {
            return Ok(i + 1);
        }
        let (j, name) = self.ident(i);
        if name.is_empty() {
            return fail(i, "a macro name");
        }
        let j = self.ws(j);
        if self.b.get(j) != Some(&b'=') {
            return fail(j, "'=' after the macro name");
        }
        let (v, k) = self.value(j + 1)?;
        let k = self.ws(k);
        if self.b.get(k) != Some(&close) {
            return fail(k, "the end of @string");
        }
        self.macros.insert(name.to_ascii_lowercase(), v);
        Ok(k + 1)
    }

    /// Body of an entry after its opening delimiter.
    fn entry(&self, start: usize, ty: &'a str, i: usize, close: u8) -> Res<(RawEntry<'a>, usize)> {
        let i = self.ws(i);
        let mut j = i;
        while j < self.b.len() && !is_ws(self.b[j]) && self.b[j] != b',' && self.b[j] != close {
            if self.b[j] == b'{' || self.b[j] == b'}' || self.b[j] == b'@' {
                return fail(j, "a citation key");
            }
            j += 1;
        }
        let key = self.src.get(i..j).unwrap_or("");
        let mut e = RawEntry {
            start,
            ty,
            key,
            fields: Vec::with_capacity(24),
        };
        let mut i = self.ws(j);
        loop {
            match self.b.get(i) {
                Some(&c) if c == close => return Ok((e, i + 1)),
                Some(b',') => {
                    i = self.ws(i + 1);
                    if self.b.get(i) == Some(&close) {
                        return Ok((e, i + 1));
                    }
                    let (n, name) = self.ident(i);
                    if name.is_empty() {
                        return fail(i, "a field name");
                    }
                    let k = self.ws(n);
                    if self.b.get(k) != Some(&b'=') {
                        return fail(k, "'=' after the field name");
                    }
                    let (v, next) = self.value(k + 1)?;
                    e.fields.push((name, v));
                    i = next;
                }
                Some(_) => return fail(i, "',' or the end of the entry"),
                None => return fail(i, "the end of the entry"),
            }
        }
    }
}

/// The entries of a .bib text, in order: each a good entry or the error of a bad one.
pub(crate) struct Entries<'a> {
    s: Scanner<'a>,
    loc: Locator<'a>,
    pos: usize,
}

impl<'a> Entries<'a> {
    pub fn new(src: &'a str) -> Entries<'a> {
        Entries {
            s: Scanner {
                src,
                b: src.as_bytes(),
                macros: HashMap::new(),
            },
            loc: Locator::new(src),
            pos: 0,
        }
    }
}

impl<'a> Iterator for Entries<'a> {
    type Item = Result<RawEntry<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let src = self.s.src;
        while let Some(k) = memchr::memchr(b'@', self.s.b.get(self.pos..).unwrap_or(&[])) {
            let at = self.pos + k;
            let (j, ty) = self.s.ident(at + 1);
            let open = self.s.ws(j);
            let close = match self.s.b.get(open) {
                Some(b'{') if !ty.is_empty() => b'}',
                Some(b'(') if !ty.is_empty() => b')',
                _ => {
                    // An '@' in running text (an e-mail address in a comment): not an entry.
                    // One that starts a line does start one: a broken or cut-off entry is an
                    // error, not a comment, so that nothing is dropped silently.
                    let before = self.s.b.get(..at).unwrap_or(&[]);
                    let blank = before
                        .iter()
                        .rev()
                        .take_while(|&&c| matches!(c, b' ' | b'\t'))
                        .count();
                    let line_start = blank == before.len()
                        || before.get(before.len() - blank - 1) == Some(&b'\n');
                    if !line_start {
                        self.pos = at + 1;
                        continue;
                    }
                    self.pos = self.s.next_line_entry(at).max(at + 1);
                    return Some(Err(Error::syntax(
                        "bibtex",
                        self.loc.at(at),
                        "an entry type and \"{\" after an \"@\" that starts a line",
                        src.get(at..).unwrap_or(""),
                    )));
                }
            };
            let kind = if ty.eq_ignore_ascii_case("comment") {
                "comment"
            } else if ty.eq_ignore_ascii_case("preamble") {
                "preamble"
            } else if ty.eq_ignore_ascii_case("string") {
                "string"
            } else {
                ""
            };
            let mut entry = None;
            let result: Res<usize> = match kind {
                "comment" => match self.s.braced(open) {
                    Ok((_, n)) if close == b'}' => Ok(n),
                    _ => Ok(open + 1),
                },
                "preamble" => self.s.value(open + 1).and_then(|(_, n)| {
                    let n = self.s.ws(n);
                    if self.s.b.get(n) == Some(&close) {
                        Ok(n + 1)
                    } else {
                        fail(n, "the end of @preamble")
                    }
                }),
                "string" => self.s.string(open + 1, close),
                _ => self.s.entry(at, ty, open + 1, close).map(|(e, n)| {
                    entry = Some(e);
                    n
                }),
            };
            match result {
                Ok(n) => {
                    self.pos = n.max(at + 1);
                    if let Some(e) = entry {
                        return Some(Ok(e));
                    }
                }
                Err(f) => {
                    let next = self.s.next_line_entry(at).max(at + 1);
                    let start_pos = self.loc.at(at);
                    // Point at the fault if it lies inside this entry; a fault found only at the
                    // next entry (a missing closing brace) is reported at this entry's start.
                    let inside = f.at > at && f.at < next;
                    let err_at = if inside { self.loc.at(f.at) } else { start_pos };
                    let found = src.get(if inside { f.at } else { at }..).unwrap_or("");
                    let what = match kind {
                        "preamble" | "string" => format!("@{kind}"),
                        _ => format!("entry {:?}", src.get(at..open).unwrap_or("").trim_end()),
                    };
                    self.pos = next;
                    return Some(Err(Error::syntax(
                        "bibtex",
                        err_at,
                        &format!(
                            "{} in {what} starting at line {}",
                            f.expected, start_pos.line
                        ),
                        found,
                    )));
                }
            }
        }
        self.pos = self.s.b.len();
        None
    }
}
