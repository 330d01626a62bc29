//! XML → a flat list of elements in document order, iteratively (no recursion).
//!
//! All character data goes, unescaped, into one buffer in document order, so an element's
//! string value is one slice of it (`Elem::text`). Only the attributes the reader looks at are
//! kept. Entities: the five predefined ones and character references are resolved; any other
//! `&name;` is an error (a DTD is skipped, never expanded), so entity bombs cannot grow.

use super::NS;
use crate::error::{Error, Position, Result};
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::NsReader;
use std::ops::Range;

/// How deep elements may nest before the reader gives up (TEI documents stay far below).
pub(crate) const MAX_DEPTH: usize = 512;

macro_rules! tags {
    ($($v:ident = $s:literal),* $(,)?) => {
        /// TEI element names the reader knows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Tag { $($v,)* /** Another TEI element. */ Other, /** Not in the TEI namespace. */ Foreign }
        fn tag_of(local: &[u8]) -> Tag {
            match local { $($s => Tag::$v,)* _ => Tag::Other }
        }
    };
}

tags! {
    Tei = b"TEI", TeiCorpus = b"teiCorpus", TeiHeader = b"teiHeader", FileDesc = b"fileDesc",
    TitleStmt = b"titleStmt", Title = b"title", Author = b"author", Editor = b"editor",
    Funder = b"funder", Sponsor = b"sponsor", RespStmt = b"respStmt", Resp = b"resp",
    PersName = b"persName", OrgName = b"orgName", Name = b"name", Forename = b"forename",
    Surname = b"surname", NameLink = b"nameLink", GenName = b"genName", Note = b"note",
    PublicationStmt = b"publicationStmt", Distributor = b"distributor", Publisher = b"publisher",
    Idno = b"idno", NotesStmt = b"notesStmt", List = b"list", Item = b"item",
    SourceDesc = b"sourceDesc", Bibl = b"bibl", Seg = b"seg", TextLang = b"textLang",
    MsDesc = b"msDesc", MsIdentifier = b"msIdentifier", MsContents = b"msContents",
    Repository = b"repository", Application = b"application", ProfileDesc = b"profileDesc",
    Abstract = b"abstract", P = b"p", Ab = b"ab", Creation = b"creation", Date = b"date",
    TextClass = b"textClass", Keywords = b"keywords", Term = b"term", Text = b"text",
    Body = b"body", Div = b"div", Head = b"head", Dateline = b"dateline", Label = b"label",
    // TEI from elsewhere: transcription markup, names' company, msIdentifier, letters
    Lb = b"lb", Pb = b"pb", Cb = b"cb", Space = b"space", Gap = b"gap", Choice = b"choice",
    Expan = b"expan", Abbr = b"abbr", Corr = b"corr", Sic = b"sic", Reg = b"reg", Orig = b"orig",
    Del = b"del", Fw = b"fw", Email = b"email", Address = b"address", Affiliation = b"affiliation",
    Institution = b"institution", Collection = b"collection", Settlement = b"settlement",
    Country = b"country", CorrespDesc = b"correspDesc", CorrespAction = b"correspAction",
    OrigDate = b"origDate", History = b"history",
}

macro_rules! attrs {
    ($($v:ident = $s:literal),* $(,)?) => {
        /// Attribute names the reader keeps.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Attr { $($v,)* }
        fn attr_of(name: &[u8]) -> Option<Attr> {
            match name { $($s => Some(Attr::$v),)* _ => None }
        }
    };
}

attrs! {
    Type = b"type", Ref = b"ref", Key = b"key", Scheme = b"scheme", When = b"when",
    From = b"from", To = b"to", NotBefore = b"notBefore", NotAfter = b"notAfter",
    WhenCustom = b"when-custom", DatingMethod = b"datingMethod", MainLang = b"mainLang",
    Ident = b"ident", Break = b"break", WhenIso = b"when-iso", OtherLangs = b"otherLangs",
    Level = b"level",
}

/// One element.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    pub tag: Tag,
    /// Index of the parent element (`usize::MAX` for the root).
    pub parent: usize,
    /// One past the index of its last descendant.
    pub end: usize,
    /// Its string value: a range of [`Doc::text`].
    pub text: Range<usize>,
    /// Its kept attributes: a range of [`Doc::attrs`].
    pub attrs: Range<usize>,
    /// Byte offset of its start tag in the input.
    pub offset: usize,
}

/// A parsed document.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub elems: Vec<Elem>,
    pub attrs: Vec<(Attr, Range<usize>)>,
    pub attr_text: String,
    pub text: String,
}

impl Doc {
    /// The string value of element `i`.
    pub fn text(&self, i: usize) -> &str {
        self.elems
            .get(i)
            .and_then(|e| self.text.get(e.text.clone()))
            .unwrap_or("")
    }

    /// The value of attribute `a` on element `i`.
    pub fn attr(&self, i: usize, a: Attr) -> Option<&str> {
        let e = self.elems.get(i)?;
        self.attrs
            .get(e.attrs.clone())?
            .iter()
            .find(|(k, _)| *k == a)
            .and_then(|(_, r)| self.attr_text.get(r.clone()))
    }

    pub fn tag(&self, i: usize) -> Option<Tag> {
        self.elems.get(i).map(|e| e.tag)
    }

    /// The children of element `i`, in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.elems.get(i).map_or(0, |e| e.end);
        let mut j = i + 1;
        std::iter::from_fn(move || {
            if j >= end {
                return None;
            }
            let here = j;
            j = self.elems.get(j).map_or(end, |e| e.end.max(j + 1));
            Some(here)
        })
    }

    /// The descendants of element `i`, in document order.
    pub fn descendants(&self, i: usize) -> Range<usize> {
        i + 1..self.elems.get(i).map_or(i + 1, |e| e.end)
    }
}

fn syntax(input: &str, offset: usize, expected: &str, found: &str) -> Error {
    Error::syntax("tei", Position::at(input, offset), expected, found)
}

/// Parses `input` into a [`Doc`]; checks it is one well-formed element tree whose root is
/// `TEI` or `teiCorpus` in the TEI namespace.
pub(crate) fn parse(input: &str) -> Result<Doc> {
    let bom = if input.starts_with('\u{feff}') { 3 } else { 0 };
    let src = input.get(bom..).unwrap_or("");
    let mut reader = NsReader::from_str(src);
    let mut doc = Doc {
        elems: Vec::with_capacity(64),
        attrs: Vec::with_capacity(64),
        attr_text: String::with_capacity(256),
        text: String::with_capacity(src.len() / 2),
    };
    let mut stack: Vec<usize> = Vec::with_capacity(32);
    let mut seen_root = false;
    let here = |at: u64| bom + at as usize;
    let excerpt = |at: usize| input.get(at..).unwrap_or("");
    loop {
        let before = here(reader.buffer_position());
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (resolve(ns), event),
            Err(e) => {
                let at = here(reader.error_position());
                return Err(syntax(
                    input,
                    at,
                    &format!("well-formed XML ({e})"),
                    excerpt(at),
                ));
            }
        };
        match event {
            Event::Start(ref s) | Event::Empty(ref s) => {
                let empty = matches!(event, Event::Empty(_));
                let at = before;
                let local = s.local_name();
                let tag = if ns == Some(true) {
                    tag_of(local.as_ref())
                } else {
                    Tag::Foreign
                };
                if stack.is_empty() {
                    if seen_root {
                        return Err(syntax(
                            input,
                            at,
                            "the end of the document (one root element only)",
                            excerpt(at),
                        ));
                    }
                    seen_root = true;
                    let is_root_name = matches!(local.as_ref(), b"TEI" | b"teiCorpus");
                    if !is_root_name {
                        return Err(syntax(
                            input,
                            at,
                            "a <TEI> or <teiCorpus> root element",
                            excerpt(at),
                        ));
                    }
                    if ns != Some(true) {
                        return Err(syntax(
                            input,
                            at,
                            &format!("the root in the TEI namespace (xmlns=\"{NS}\")"),
                            excerpt(at),
                        ));
                    }
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(syntax(
                        input,
                        at,
                        &format!("elements nested at most {MAX_DEPTH} deep"),
                        excerpt(at),
                    ));
                }
                let attr_start = doc.attrs.len();
                for a in s.attributes() {
                    let a = a.map_err(|e| {
                        syntax(
                            input,
                            at,
                            &format!("well-formed attributes ({e})"),
                            excerpt(at),
                        )
                    })?;
                    // every value is unescaped, so an unknown entity anywhere is an error
                    let value = a.decode_and_unescape_value(reader.decoder()).map_err(|e| {
                        syntax(
                            input,
                            at,
                            &format!("an attribute value with known entities only ({e})"),
                            excerpt(at),
                        )
                    })?;
                    let Some(name) = attr_of(a.key.as_ref()) else {
                        continue;
                    };
                    let start = doc.attr_text.len();
                    doc.attr_text.push_str(&value);
                    doc.attrs.push((name, start..doc.attr_text.len()));
                }
                let index = doc.elems.len();
                doc.elems.push(Elem {
                    tag,
                    parent: stack.last().copied().unwrap_or(usize::MAX),
                    end: index + 1,
                    text: doc.text.len()..doc.text.len(),
                    attrs: attr_start..doc.attrs.len(),
                    offset: at,
                });
                if !empty {
                    stack.push(index);
                }
            }
            Event::End(_) => {
                let Some(index) = stack.pop() else {
                    return Err(syntax(input, before, "no end tag here", excerpt(before)));
                };
                let (len, text_end) = (doc.elems.len(), doc.text.len());
                if let Some(e) = doc.elems.get_mut(index) {
                    e.end = len;
                    e.text.end = text_end;
                }
            }
            Event::Text(t) => {
                let content = t.xml10_content().map_err(|e| {
                    syntax(input, before, &format!("UTF-8 text ({e})"), excerpt(before))
                })?;
                if stack.is_empty() {
                    if !content.trim_matches(['\t', '\n', '\r', ' ']).is_empty() {
                        return Err(syntax(
                            input,
                            before,
                            "markup, not text, outside the root element",
                            excerpt(before),
                        ));
                    }
                } else {
                    doc.text.push_str(&content);
                }
            }
            Event::CData(t) => {
                if stack.is_empty() {
                    return Err(syntax(
                        input,
                        before,
                        "no CDATA outside the root element",
                        excerpt(before),
                    ));
                }
                let content = t.xml10_content().map_err(|e| {
                    syntax(input, before, &format!("UTF-8 text ({e})"), excerpt(before))
                })?;
                doc.text.push_str(&content);
            }
            Event::GeneralRef(r) => {
                if stack.is_empty() {
                    return Err(syntax(
                        input,
                        before,
                        "no reference outside the root element",
                        excerpt(before),
                    ));
                }
                let name = r.decode().map_err(|e| {
                    syntax(input, before, &format!("UTF-8 text ({e})"), excerpt(before))
                })?;
                let ch = match &*name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ if r.is_char_ref() => r.resolve_char_ref().ok().flatten(),
                    _ => None,
                };
                match ch {
                    Some(c) => doc.text.push(c),
                    None if r.is_char_ref() => {
                        return Err(syntax(input, before, "a valid character reference", excerpt(before)))
                    }
                    None => {
                        return Err(syntax(
                            input,
                            before,
                            "one of the predefined entities &amp; &lt; &gt; &quot; &apos; or a character reference (other entities are not expanded)",
                            excerpt(before),
                        ))
                    }
                }
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(&open) = stack.last() {
        let at = doc.elems.get(open).map_or(0, |e| e.offset);
        let name: String = excerpt(at)
            .chars()
            .skip(1)
            .take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '/'))
            .collect();
        let expected = format!(
            "</{name}> (the end tag of the element opened at {})",
            Position::at(input, at)
        );
        return Err(syntax(
            input,
            input.len(),
            &expected,
            "the end of the input",
        ));
    }
    if !seen_root {
        return Err(syntax(
            input,
            input.len(),
            "a <TEI> or <teiCorpus> root element",
            excerpt(0),
        ));
    }
    Ok(doc)
}

/// `Some(true)` for the TEI namespace, `Some(false)` for another, `None` for none.
fn resolve(ns: ResolveResult<'_>) -> Option<bool> {
    match ns {
        ResolveResult::Bound(Namespace(n)) => Some(n == NS.as_bytes()),
        ResolveResult::Unbound => None,
        ResolveResult::Unknown(_) => Some(false),
    }
}
