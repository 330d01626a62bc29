//! The TEI reader: the flat element list from [`super::xml`] → records.

use super::lang;
use super::write::{EMPTY_TEXT, RELATORS};
use super::xml::{self, Attr, Doc, Tag};
use super::APP;
use crate::error::Result;
use crate::record::{
    Block, Bound, Credit, Date, Edtf, Extra, Name, Original, PersonName, Point, Record, Rendition,
    Role,
};

/// Reads every `TEI` element of the document (the root, or each one in a `teiCorpus`).
pub(crate) fn read(input: &str) -> Result<Vec<Record>> {
    let doc = xml::parse(input)?;
    // Text from archivecite is exact; any other TEI is pretty-printed, so its whitespace is
    // normalised.
    let exact = doc
        .elems
        .iter()
        .enumerate()
        .any(|(i, e)| e.tag == Tag::Application && doc.attr(i, Attr::Ident) == Some(APP));
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(e) = doc.elems.get(i) {
        if e.tag == Tag::Tei {
            let reader = Reader { doc: &doc, exact };
            // an edition's volume (FRUS): one record per document, not one for the volume
            let documents = if exact {
                Vec::new()
            } else {
                reader.documents(i)
            };
            if documents.is_empty() {
                out.push(reader.record(i, None));
            } else {
                out.extend(documents.into_iter().map(|d| reader.record(i, Some(d))));
            }
            i = e.end.max(i + 1);
        } else {
            i += 1;
        }
    }
    Ok(out)
}

/// Context flags: which interesting ancestors an element has.
mod ctx {
    pub const TITLE_STMT: u32 = 1;
    pub const PUBLICATION_STMT: u32 = 1 << 1;
    pub const SOURCE_DESC: u32 = 1 << 2;
    pub const PROFILE_DESC: u32 = 1 << 3;
    pub const BODY: u32 = 1 << 4;
    pub const BLOCK: u32 = 1 << 5; // p, ab, dateline, head, note: blocks do not nest
    pub const ABSTRACT: u32 = 1 << 6;
    pub const CREATION: u32 = 1 << 7;
    pub const NOTES_STMT: u32 = 1 << 8;
    pub const HEADER: u32 = 1 << 9;
    pub const DATELINE: u32 = 1 << 10;
    pub const BIBL: u32 = 1 << 11;
    pub const MS_CONTENTS: u32 = 1 << 12;
}

struct Reader<'d> {
    doc: &'d Doc,
    exact: bool,
}

/// Collapses XML whitespace runs to one space and trims (for TEI from elsewhere).
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split([' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl Reader<'_> {
    /// The string value of element `i`: exact for our own files, normalised otherwise.
    fn text(&self, i: usize) -> String {
        let t = self.doc.text(i);
        if self.exact {
            t.to_string()
        } else {
            normalize(t)
        }
    }

    fn tag(&self, i: usize) -> Option<Tag> {
        self.doc.tag(i)
    }

    fn attr(&self, i: usize, a: Attr) -> Option<&str> {
        self.doc.attr(i, a)
    }

    fn child(&self, i: usize, tag: Tag) -> Option<usize> {
        self.doc.children(i).find(|&c| self.tag(c) == Some(tag))
    }

    /// The `div type="document"` elements in the body of TEI element `tei` (not nested in
    /// one another), in order.
    fn documents(&self, tei: usize) -> Vec<usize> {
        let doc = self.doc;
        let Some(body) = doc
            .descendants(tei)
            .find(|&i| self.tag(i) == Some(Tag::Body))
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut i = body + 1;
        let end = doc.elems.get(body).map_or(i, |e| e.end);
        while i < end {
            if self.tag(i) == Some(Tag::Div) && self.attr(i, Attr::Type) == Some("document") {
                out.push(i);
                i = doc.elems.get(i).map_or(i + 1, |e| e.end.max(i + 1));
            } else {
                i += 1;
            }
        }
        out
    }

    /// The text of element `i` without the text of its `note` descendants (footnotes in a
    /// heading), whitespace normalised.
    fn text_without_notes(&self, i: usize) -> String {
        let doc = self.doc;
        let Some(e) = doc.elems.get(i) else {
            return String::new();
        };
        let mut kept = String::new();
        let mut at = e.text.start;
        for n in doc.descendants(i) {
            let Some(ne) = doc.elems.get(n) else { continue };
            if ne.tag == Tag::Note && ne.text.start >= at {
                kept.push_str(doc.text.get(at..ne.text.start).unwrap_or(""));
                kept.push(' ');
                at = ne.text.end;
            }
        }
        kept.push_str(doc.text.get(at..e.text.end).unwrap_or(""));
        normalize(&kept)
    }

    /// The record of TEI element `tei`; with `part`, of that document of an edition's volume:
    /// the header's values, the document's head as the title (the volume's title as the
    /// container), its dateline, text and source note.
    fn record(&self, tei: usize, part: Option<usize>) -> Record {
        let doc = self.doc;
        let part_range = part.map(|d| d..doc.elems.get(d).map_or(d + 1, |e| e.end));
        let in_part = |i: usize| part_range.as_ref().is_none_or(|r| r.contains(&i));
        let mut source_note: Option<String> = None;
        let mut r = Record::default();
        let range = doc.descendants(tei);
        let base = range.start;
        let mut flags = vec![0u32; range.len()];
        let flag_of = |flags: &[u32], i: usize| -> u32 {
            let parent = doc.elems.get(i).map_or(usize::MAX, |e| e.parent);
            parent
                .checked_sub(base)
                .and_then(|k| flags.get(k).copied())
                .unwrap_or(0)
        };
        let mut main_title: Option<String> = None;
        let mut any_title: Option<String> = None;
        let mut head: Option<String> = None;
        let mut raw: Option<String> = None;
        let mut foreign_raw: Option<String> = None;
        let mut ms_raw: Vec<String> = Vec::new();
        let mut languages_ours: Option<Vec<String>> = None;
        let mut languages_ms: Vec<String> = Vec::new();
        let mut summary: Vec<String> = Vec::new();
        let mut abstract_text: Option<String> = None;
        let mut dateline_date: Option<Date> = None;
        let mut creation_text: Option<String> = None;
        let mut publisher: Option<String> = None;

        for i in range.clone() {
            let Some(tag) = self.tag(i) else { continue };
            let inherited = flag_of(&flags, i);
            let own = match tag {
                Tag::TeiHeader => ctx::HEADER,
                Tag::TitleStmt => ctx::TITLE_STMT,
                Tag::PublicationStmt => ctx::PUBLICATION_STMT,
                Tag::SourceDesc => ctx::SOURCE_DESC,
                Tag::ProfileDesc => ctx::PROFILE_DESC,
                Tag::NotesStmt => ctx::NOTES_STMT,
                Tag::Body => ctx::BODY,
                Tag::Abstract => ctx::ABSTRACT,
                Tag::Creation => ctx::CREATION,
                Tag::Bibl => ctx::BIBL,
                Tag::MsContents => ctx::MS_CONTENTS,
                Tag::Dateline => ctx::BLOCK | ctx::DATELINE,
                Tag::P | Tag::Ab | Tag::Head | Tag::Note => ctx::BLOCK,
                _ => 0,
            };
            if let Some(f) = flags.get_mut(i - base) {
                *f = inherited | own;
            }
            let parent = doc.elems.get(i).map_or(usize::MAX, |e| e.parent);
            let parent_tag = self.tag(parent);
            let has = |f: u32| inherited & f != 0;
            match tag {
                Tag::Title if parent_tag == Some(Tag::TitleStmt) && has(ctx::HEADER) => {
                    if main_title.is_none() && self.attr(i, Attr::Type) == Some("main") {
                        main_title = Some(self.text(i));
                    }
                    if any_title.is_none() {
                        any_title = Some(self.text(i));
                    }
                }
                Tag::Author if parent_tag == Some(Tag::TitleStmt) => {
                    r.authors.push(self.agent_or_text(i));
                }
                Tag::Editor if parent_tag == Some(Tag::TitleStmt) => {
                    r.credits
                        .push(Credit::new(Role::Editor, self.agent_or_text(i)));
                }
                Tag::Funder | Tag::Sponsor if parent_tag == Some(Tag::TitleStmt) => {
                    r.funders.push(self.text(i));
                }
                Tag::RespStmt if parent_tag == Some(Tag::TitleStmt) => self.resp_stmt(i, &mut r),
                Tag::Distributor if has(ctx::PUBLICATION_STMT) && r.digital.name.is_none() => {
                    r.digital.name = Some(self.text(i));
                }
                Tag::Publisher if has(ctx::PUBLICATION_STMT) && publisher.is_none() => {
                    publisher = Some(self.text(i)).filter(|t| !t.is_empty());
                }
                Tag::Idno if parent_tag == Some(Tag::PublicationStmt) => {
                    match self.attr(i, Attr::Type) {
                        Some("URL" | "URI" | "url" | "uri") if r.digital.url.is_none() => {
                            r.digital.url = Some(self.text(i));
                        }
                        Some("WCDA") if r.digital.doc_id.is_none() => {
                            r.digital.doc_id = Some(self.text(i));
                        }
                        _ => {}
                    }
                }
                Tag::Item if has(ctx::NOTES_STMT) => {
                    let in_renditions =
                        doc.elems.get(parent).map(|e| e.parent).is_some_and(|note| {
                            self.tag(note) == Some(Tag::Note)
                                && self.attr(note, Attr::Type) == Some("renditions")
                        });
                    if in_renditions {
                        r.renditions.push(Rendition::from(self.text(i)));
                    }
                }
                Tag::Note
                    if parent_tag == Some(Tag::NotesStmt)
                        && self.attr(i, Attr::Type) == Some("extra") =>
                {
                    let label = self.child(i, Tag::Label).map(|c| self.text(c));
                    let value = doc
                        .children(i)
                        .find(|&c| {
                            self.tag(c) == Some(Tag::Seg)
                                && self.attr(c, Attr::Type) == Some("value")
                        })
                        .map(|c| self.text(c));
                    r.extra.push(Extra {
                        label: label.unwrap_or_default(),
                        value: value.unwrap_or_else(|| self.text(i)),
                    });
                }
                Tag::Bibl if parent_tag == Some(Tag::SourceDesc) => {
                    match self.attr(i, Attr::Type) {
                        Some("citation") if r.citation.is_none() => r.citation = Some(self.text(i)),
                        Some("credit") if r.credit_line.is_none() => {
                            r.credit_line = Some(self.text(i))
                        }
                        Some("original") if languages_ours.is_none() => {
                            let mut langs = Vec::new();
                            for c in doc.children(i) {
                                match self.tag(c) {
                                    Some(Tag::Seg)
                                        if raw.is_none()
                                            && self.attr(c, Attr::Type) == Some("raw") =>
                                    {
                                        raw = Some(self.text(c));
                                    }
                                    Some(Tag::TextLang) => langs.push(self.text(c)),
                                    _ => {}
                                }
                            }
                            languages_ours = Some(langs);
                        }
                        _ => {}
                    }
                }
                Tag::Idno
                    if has(ctx::SOURCE_DESC)
                        && has(ctx::BIBL)
                        && foreign_raw.is_none()
                        && matches!(
                            self.attr(i, Attr::Type),
                            Some("archival" | "shelfmark" | "callNumber" | "callNo" | "archive")
                        ) =>
                {
                    foreign_raw = Some(self.text(i));
                }
                Tag::MsIdentifier if has(ctx::SOURCE_DESC) => {
                    if let Some(s) = self.ms_identifier(i) {
                        ms_raw.push(s);
                    }
                }
                Tag::TextLang if has(ctx::MS_CONTENTS) && has(ctx::SOURCE_DESC) => {
                    let named = self.attr(i, Attr::MainLang).and_then(lang::name);
                    languages_ms.push(named.map_or_else(|| self.text(i), str::to_string));
                }
                Tag::P | Tag::Ab if has(ctx::ABSTRACT) && !has(ctx::BLOCK) => {
                    summary.push(self.text(i));
                }
                Tag::Abstract if has(ctx::PROFILE_DESC) && abstract_text.is_none() => {
                    abstract_text = Some(self.text(i));
                }
                Tag::Date if has(ctx::CREATION) && r.date.is_none() => {
                    r.date = self.date(i, true);
                }
                Tag::Creation if has(ctx::PROFILE_DESC) && creation_text.is_none() => {
                    creation_text = Some(self.text(i));
                }
                Tag::Term if parent_tag == Some(Tag::Keywords) || has(ctx::PROFILE_DESC) => {
                    let scheme = self.attr(parent, Attr::Scheme).or_else(|| {
                        doc.elems
                            .get(parent)
                            .and_then(|e| self.attr(e.parent, Attr::Scheme))
                    });
                    if scheme == Some("#wcda-type") && r.genre.is_none() {
                        r.genre = Some(self.text(i));
                    } else if scheme == Some("#wcda-place") {
                        r.places.push(self.text(i));
                    } else if has(ctx::PROFILE_DESC) {
                        r.subjects.push(self.text(i));
                    }
                }
                Tag::Head
                    if has(ctx::BODY)
                        && in_part(i)
                        && head.is_none()
                        && self.tag(parent) == Some(Tag::Div)
                        && self.attr(parent, Attr::Type) == Some("document") =>
                {
                    head = Some(if part.is_some() {
                        self.text_without_notes(i)
                    } else {
                        self.text(i)
                    });
                }
                Tag::Note
                    if part.is_some()
                        && in_part(i)
                        && source_note.is_none()
                        && self.attr(i, Attr::Type) == Some("source") =>
                {
                    let t = self.text(i);
                    let t = t.strip_prefix("Source:").map_or(t.as_str(), str::trim);
                    source_note = Some(t.to_string()).filter(|t| !t.is_empty());
                }
                Tag::P | Tag::Ab if has(ctx::BODY) && in_part(i) && !has(ctx::BLOCK) => {
                    r.body.push(Block::Paragraph(self.text(i)));
                }
                Tag::Dateline if has(ctx::BODY) && in_part(i) && !has(ctx::BLOCK) => {
                    r.body.push(Block::Dateline(self.text(i)));
                }
                Tag::Date
                    if has(ctx::DATELINE)
                        && has(ctx::BODY)
                        && in_part(i)
                        && dateline_date.is_none() =>
                {
                    dateline_date = self.date(i, false);
                }
                _ => {}
            }
        }

        let volume = main_title
            .or(any_title)
            .filter(|t| !t.is_empty() || self.exact);
        r.title = match (part, head) {
            // a document of a volume: its own head, the volume as the container
            (Some(_), Some(h)) if !h.is_empty() => {
                if let Some(v) = volume.filter(|v| !v.is_empty()) {
                    r.extra.push(Extra {
                        label: "container-title".into(),
                        value: v,
                    });
                }
                h
            }
            (_, head) => volume.or(head).unwrap_or_default(),
        };
        if r.digital.name.is_none() {
            r.digital.name = publisher;
        }
        r.original = raw
            .or(foreign_raw)
            .or_else(|| (!ms_raw.is_empty()).then(|| ms_raw.join("; ")))
            .or(source_note)
            .map(|s| Original::parse(&s));
        r.languages = languages_ours.unwrap_or(languages_ms);
        if !summary.is_empty() {
            r.summary = Some(if self.exact && summary.len() == 1 {
                summary.swap_remove(0)
            } else {
                summary.join("\n\n")
            });
        } else if let Some(t) = abstract_text.filter(|t| !t.is_empty()) {
            r.summary = Some(t);
        }
        if r.date.is_none() && !self.exact {
            r.date = creation_text
                .and_then(|t| Date::from_text(&t).ok())
                .or(dateline_date);
        }
        r
    }

    /// The name in an `author`/`editor`: its first name element, else its text.
    fn agent_or_text(&self, i: usize) -> Name {
        self.doc
            .children(i)
            .find(|&c| matches!(self.tag(c), Some(Tag::PersName | Tag::OrgName | Tag::Name)))
            .map_or_else(|| Name::parse(&self.text(i)), |c| self.name(c))
    }

    /// A `persName` (by its parts where it has them), `orgName` or `name`.
    fn name(&self, i: usize) -> Name {
        match self.tag(i) {
            Some(Tag::OrgName) => Name::Organization(self.text(i)),
            Some(Tag::PersName) => {
                let mut p = PersonName::default();
                let mut parts = false;
                let (mut forename_at, mut surname_at) = (None, None);
                let join = |s: &mut String, t: String| {
                    if !s.is_empty() {
                        s.push(' ');
                    }
                    s.push_str(&t);
                };
                for c in self.doc.children(i) {
                    match self.tag(c) {
                        Some(Tag::Forename) => {
                            forename_at.get_or_insert(c);
                            join(&mut p.given, self.text(c));
                        }
                        Some(Tag::Surname) => {
                            surname_at.get_or_insert(c);
                            join(&mut p.family, self.text(c));
                        }
                        Some(Tag::NameLink) => join(&mut p.particle, self.text(c)),
                        Some(Tag::GenName) => join(&mut p.suffix, self.text(c)),
                        _ => continue,
                    }
                    parts = true;
                }
                if !parts {
                    return Name::parse(&self.text(i));
                }
                p.family_first = matches!((surname_at, forename_at), (Some(s), Some(f)) if s < f);
                Name::Person(p)
            }
            _ => Name::parse(&self.text(i)),
        }
    }

    /// One credit per name in a `respStmt`.
    fn resp_stmt(&self, i: usize, r: &mut Record) {
        let doc = self.doc;
        let Some(resp) = self.child(i, Tag::Resp) else {
            return;
        };
        let relator = self
            .attr(resp, Attr::Ref)
            .and_then(|u| u.strip_prefix(RELATORS).or(Some(u)))
            .and_then(role_of_relator);
        let structured = relator.is_some() || self.attr(resp, Attr::Key).is_some();
        let text = normalize(doc.text(resp));
        let role = match (relator, self.attr(resp, Attr::Key)) {
            (Some(role), _) => role,
            (None, Some(key)) => Role::Other(key.to_string()),
            (None, None) => {
                let first = text
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                Role::from_verb(first).unwrap_or_else(|| {
                    Role::Other(text.trim_end_matches(" by").trim().to_lowercase())
                })
            }
        };
        let project = doc
            .descendants(resp)
            .find(|&c| {
                self.tag(c) == Some(Tag::OrgName) && self.attr(c, Attr::Type) == Some("project")
            })
            .map(|c| self.text(c))
            .or_else(|| {
                if structured {
                    return None;
                }
                let (_, rest) = text.split_once(" for ")?;
                let project = rest.strip_suffix(" by").unwrap_or(rest).trim();
                (!project.is_empty()).then(|| project.to_string())
            });
        let affiliation = doc
            .children(i)
            .find(|&c| {
                self.tag(c) == Some(Tag::Note) && self.attr(c, Attr::Type) == Some("affiliation")
            })
            .map(|c| self.text(c));
        for c in doc.children(i) {
            if matches!(self.tag(c), Some(Tag::PersName | Tag::OrgName | Tag::Name)) {
                r.credits.push(Credit {
                    role: role.clone(),
                    name: self.name(c),
                    affiliation: affiliation.clone(),
                    on_behalf_of: project.clone(),
                });
            }
        }
    }

    /// "KEY shelfmark" from an `msIdentifier` (TEI from elsewhere).
    fn ms_identifier(&self, i: usize) -> Option<String> {
        let mut out = String::new();
        let mut idnos = Vec::new();
        let mut shelfmark = None;
        for c in self.doc.children(i) {
            match self.tag(c) {
                Some(Tag::Repository) => {
                    out = self
                        .attr(c, Attr::Key)
                        .map_or_else(|| normalize(self.doc.text(c)), str::to_string);
                }
                Some(Tag::Idno) => {
                    let t = normalize(self.doc.text(c));
                    if self.attr(c, Attr::Type) == Some("shelfmark") {
                        shelfmark.get_or_insert(t);
                    } else if !t.is_empty() {
                        idnos.push(t);
                    }
                }
                _ => {}
            }
        }
        let locator = shelfmark.unwrap_or_else(|| idnos.join(", "));
        if !locator.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&locator);
        }
        (!out.is_empty()).then_some(out)
    }

    /// A `date`: `@when-custom` (EDTF) if it parses, else the W3C attributes, else the text.
    fn date(&self, i: usize, keep_text: bool) -> Option<Date> {
        let a = |k| self.attr(i, k);
        let edtf = a(Attr::WhenCustom)
            .and_then(|s| s.trim().parse::<Edtf>().ok())
            .or_else(|| {
                if let Some(w) = a(Attr::When) {
                    return w3c(w).map(Edtf::Point);
                }
                let from = a(Attr::From).or(a(Attr::NotBefore)).and_then(w3c);
                let to = a(Attr::To).or(a(Attr::NotAfter)).and_then(w3c);
                match (from, to) {
                    (None, None) => None,
                    (f, t) => {
                        let b = |p: Option<Point>| p.map_or(Bound::Unknown, Bound::Point);
                        format!("{}", Edtf::Interval(b(f), b(t))).parse().ok()
                    }
                }
            });
        let text = self.text(i);
        let Some(edtf) = edtf else {
            return Date::from_text(&text).ok();
        };
        let text = if !keep_text {
            None
        } else if !text.is_empty() {
            Some(text)
        } else if a(Attr::Type) == Some(EMPTY_TEXT) {
            Some(String::new())
        } else {
            None
        };
        Some(Date::new(edtf).with_text(text))
    }
}

/// A W3C date value (`1957`, `1957-12`, `1957-12-07`, or a dateTime) as an EDTF point.
fn w3c(s: &str) -> Option<Point> {
    let s = s.trim();
    let date = s.split('T').next().unwrap_or(s);
    date.parse().ok()
}

fn role_of_relator(code: &str) -> Option<Role> {
    Some(match code {
        "aut" => Role::Author,
        "trl" => Role::Translator,
        "edt" => Role::Editor,
        "ctb" => Role::Contributor,
        "col" => Role::ObtainedBy,
        "com" => Role::Compiler,
        "trc" => Role::Transcriber,
        _ => return None,
    })
}
