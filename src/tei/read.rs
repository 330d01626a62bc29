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
    pub const TEXT_CLASS: u32 = 1 << 13;
    pub const KEYWORDS: u32 = 1 << 14;
    pub const CORRESP_SENT: u32 = 1 << 15;
    pub const HISTORY: u32 = 1 << 16;
}

struct Reader<'d> {
    doc: &'d Doc,
    exact: bool,
}

/// XML's whitespace characters.
const XML_WS: [char; 4] = [' ', '\t', '\n', '\r'];

/// Collapses XML whitespace runs to one space and trims (for TEI from elsewhere).
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(XML_WS).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl Reader<'_> {
    /// The string value of element `i`: exact for our own files, [`Self::flat`] otherwise.
    fn text(&self, i: usize) -> String {
        if self.exact {
            self.doc.text(i).to_string()
        } else {
            self.flat(i)
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

    /// The text of element `i` as read in TEI from elsewhere: `note`, `del`, `fw` and stray
    /// `teiHeader` descendants left out, one alternative of each `choice` (`expan`, `corr`,
    /// `reg` first), `lb`, `pb`, `cb`, `space` and `gap` as a space (`break="no"`: nothing),
    /// whitespace normalised.
    fn flat(&self, i: usize) -> String {
        let doc = self.doc;
        let Some(e) = doc.elems.get(i) else {
            return String::new();
        };
        let mut out = String::new();
        let mut glue = false;
        let push = |out: &mut String, s: &str, glue: &mut bool| {
            let s = if *glue {
                s.trim_start_matches(XML_WS)
            } else {
                s
            };
            if !s.is_empty() {
                *glue = false;
                out.push_str(s);
            }
        };
        let mut at = e.text.start;
        let mut n = i + 1;
        while n < e.end {
            let Some(ne) = doc.elems.get(n) else { break };
            push(
                &mut out,
                doc.text.get(at..ne.text.start).unwrap_or(""),
                &mut glue,
            );
            let skip_to = ne.end.max(n + 1);
            match ne.tag {
                Tag::Note | Tag::Del | Tag::Fw | Tag::TeiHeader => {}
                Tag::Lb | Tag::Pb | Tag::Cb | Tag::Space | Tag::Gap => {
                    if doc.attr(n, Attr::Break) == Some("no") {
                        out.truncate(out.trim_end_matches(XML_WS).len());
                        glue = true;
                    } else {
                        out.push(' ');
                    }
                }
                Tag::Choice => {
                    let pick = [Tag::Expan, Tag::Corr, Tag::Reg]
                        .iter()
                        .find_map(|&t| self.child(n, t))
                        .or_else(|| doc.children(n).next());
                    if let Some(c) = pick {
                        push(&mut out, &self.flat(c), &mut glue);
                    }
                }
                _ => {
                    at = ne.text.start;
                    n += 1;
                    continue;
                }
            }
            at = ne.text.end;
            n = skip_to;
        }
        push(
            &mut out,
            doc.text.get(at..e.text.end).unwrap_or(""),
            &mut glue,
        );
        normalize(&out)
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
        let mut titles: Vec<usize> = Vec::new();
        let mut head: Option<String> = None;
        let mut raw: Option<String> = None;
        let mut foreign_raw: Option<String> = None;
        let mut ms_raw: Vec<String> = Vec::new();
        let mut ms_places: Vec<String> = Vec::new();
        let mut languages_ours: Option<Vec<String>> = None;
        let mut languages_ms: Vec<String> = Vec::new();
        let mut summary: Vec<String> = Vec::new();
        let mut abstract_text: Option<String> = None;
        let mut dateline_date: Option<Date> = None;
        let mut creation_text: Option<String> = None;
        // letters (correspDesc) and manuscripts (msDesc/history): dates and sender
        let mut sent_date: Option<Date> = None;
        let mut sender: Option<Name> = None;
        let mut orig_date: Option<Date> = None;
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
                Tag::TextClass => ctx::TEXT_CLASS,
                Tag::Keywords => ctx::KEYWORDS,
                Tag::History => ctx::HISTORY,
                Tag::CorrespAction
                    if self.attr(i, Attr::Type) == Some("sent")
                        && self.tag(doc.elems.get(i).map_or(usize::MAX, |e| e.parent))
                            == Some(Tag::CorrespDesc) =>
                {
                    ctx::CORRESP_SENT
                }
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
                // the file's own titleStmt, not one of its source (sourceDesc/biblFull)
                Tag::Title
                    if parent_tag == Some(Tag::TitleStmt)
                        && has(ctx::HEADER)
                        && !has(ctx::SOURCE_DESC) =>
                {
                    titles.push(i);
                }
                Tag::Author if parent_tag == Some(Tag::TitleStmt) && !has(ctx::SOURCE_DESC) => {
                    for name in self.agents(i) {
                        if !r.authors.contains(&name) {
                            r.authors.push(name);
                        }
                    }
                }
                Tag::Editor if parent_tag == Some(Tag::TitleStmt) && !has(ctx::SOURCE_DESC) => {
                    for name in self.agents(i) {
                        let credit = Credit::new(Role::Editor, name);
                        if !r.credits.contains(&credit) {
                            r.credits.push(credit);
                        }
                    }
                }
                Tag::Funder | Tag::Sponsor
                    if parent_tag == Some(Tag::TitleStmt) && !has(ctx::SOURCE_DESC) =>
                {
                    let funder = if self.exact {
                        self.text(i)
                    } else {
                        // the name, without its address
                        doc.children(i)
                            .find(|&c| matches!(self.tag(c), Some(Tag::OrgName | Tag::Name)))
                            .map_or_else(|| self.name_text(i), |c| self.text(c))
                    };
                    r.funders.push(funder);
                }
                Tag::RespStmt if parent_tag == Some(Tag::TitleStmt) && !has(ctx::SOURCE_DESC) => {
                    self.resp_stmt(i, &mut r)
                }
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
                    let (raw, place) = self.ms_identifier(i);
                    ms_raw.extend(raw);
                    ms_places.extend(place);
                }
                Tag::TextLang if has(ctx::MS_CONTENTS) && has(ctx::SOURCE_DESC) => {
                    // the codes, named where the name is known; the text only without codes
                    let codes: Vec<&str> = self
                        .attr(i, Attr::MainLang)
                        .into_iter()
                        .chain(
                            self.attr(i, Attr::OtherLangs)
                                .into_iter()
                                .flat_map(|o| o.split(XML_WS)),
                        )
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .collect();
                    let found: Vec<String> = if codes.is_empty() {
                        vec![self.text(i)]
                    } else {
                        codes
                            .iter()
                            .map(|c| lang::name(c).map_or_else(|| c.to_string(), str::to_string))
                            .collect()
                    };
                    for l in found {
                        if !l.is_empty() && !languages_ms.contains(&l) {
                            languages_ms.push(l);
                        }
                    }
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
                Tag::Date if has(ctx::CORRESP_SENT) && !self.exact && sent_date.is_none() => {
                    sent_date = self.date(i, true);
                }
                Tag::PersName | Tag::OrgName | Tag::Name
                    if has(ctx::CORRESP_SENT)
                        && !self.exact
                        && parent_tag == Some(Tag::CorrespAction)
                        && sender.is_none()
                        && !matches!(
                            self.attr(i, Attr::Type),
                            Some("addressee" | "receiver" | "recipient")
                        ) =>
                {
                    sender = Some(self.name(i));
                }
                Tag::OrigDate
                    if has(ctx::HISTORY)
                        && has(ctx::SOURCE_DESC)
                        && !self.exact
                        && orig_date.is_none() =>
                {
                    orig_date = self.date(i, true);
                }
                Tag::Creation if has(ctx::PROFILE_DESC) && creation_text.is_none() => {
                    creation_text = Some(self.text(i));
                }
                Tag::Term if has(ctx::TEXT_CLASS) && has(ctx::KEYWORDS) => {
                    let scheme = self.attr(parent, Attr::Scheme).or_else(|| {
                        doc.elems
                            .get(parent)
                            .and_then(|e| self.attr(e.parent, Attr::Scheme))
                    });
                    if scheme == Some("#wcda-type") && r.genre.is_none() {
                        r.genre = Some(self.text(i));
                    } else if scheme == Some("#wcda-place") {
                        r.places.push(self.text(i));
                    } else {
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
                    head = Some(self.text(i));
                }
                Tag::Note
                    if part.is_some()
                        && in_part(i)
                        && source_note.is_none()
                        && self.attr(i, Attr::Type) == Some("source") =>
                {
                    let t = self.text(i);
                    let t = t.strip_prefix("Source:").map_or(t.as_str(), str::trim);
                    // its first sentence is the archival part ("Department of State, Central
                    // Files, 795.00/2–755."); the rest ("Top Secret; Priority.") is a note
                    let (archival, rest) = split_source_note(t);
                    source_note = Some(archival.to_string()).filter(|t| !t.is_empty());
                    if source_note.is_some() && !rest.is_empty() {
                        r.extra.push(Extra {
                            label: "Source note".into(),
                            value: rest.to_string(),
                        });
                    }
                }
                Tag::P | Tag::Ab if has(ctx::BODY) && in_part(i) && !has(ctx::BLOCK) => {
                    let t = self.text(i);
                    // an empty `p` of another project is no paragraph
                    if self.exact || !t.is_empty() {
                        r.body.push(Block::Paragraph(t));
                    }
                }
                Tag::Dateline if has(ctx::BODY) && in_part(i) && !has(ctx::BLOCK) => {
                    let t = self.text(i);
                    if self.exact || !t.is_empty() {
                        r.body.push(Block::Dateline(t));
                    }
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

        // the main title: `@type=main`, else the analytic one, else one that is not a
        // series', monograph's or journal's; such a title of a whole is the container's
        let level = |i: usize| self.attr(i, Attr::Level);
        let whole = |i: usize| matches!(level(i), Some("m" | "s" | "j"));
        let main = titles
            .iter()
            .find(|&&t| self.attr(t, Attr::Type) == Some("main"))
            .or_else(|| titles.iter().find(|&&t| level(t) == Some("a")))
            .or_else(|| titles.iter().find(|&&t| !whole(t)))
            .or(titles.first())
            .copied();
        if let (Some(m), None, false) = (main, part, self.exact) {
            let container = titles.iter().find(|&&t| t != m && whole(t));
            if let Some(c) = container.map(|&c| self.text(c)).filter(|c| !c.is_empty()) {
                r.extra.push(Extra {
                    label: "container-title".into(),
                    value: c,
                });
            }
        }
        let volume = main
            .map(|m| self.text(m))
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
        if raw.is_none() && foreign_raw.is_none() && !ms_raw.is_empty() {
            // the record's holdings are read from the archive part's text only: the
            // repository's place is kept beside it
            for value in ms_places {
                r.extra.push(Extra {
                    label: "Repository place".into(),
                    value,
                });
            }
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
                .or(dateline_date)
                .or(sent_date)
                .or(orig_date);
        }
        if r.authors.is_empty() {
            r.authors.extend(sender);
        }
        r
    }

    /// The names in an `author`/`editor`: its name elements (`persName`, `orgName`, `name`),
    /// else its text without `email`, `address`, `affiliation`, `idno`, `note` or `date`.
    fn agents(&self, i: usize) -> Vec<Name> {
        let doc = self.doc;
        let names: Vec<Name> = doc
            .children(i)
            .filter(|&c| matches!(self.tag(c), Some(Tag::PersName | Tag::OrgName | Tag::Name)))
            .map(|c| self.name(c))
            .collect();
        if self.exact {
            // our own files: one name each
            return names
                .into_iter()
                .next()
                .map_or_else(|| vec![Name::parse(&self.text(i))], |n| vec![n]);
        }
        if !names.is_empty() {
            return names;
        }
        let text = self.name_text(i);
        if text.is_empty() {
            return Vec::new();
        }
        vec![foreign_name(&text)]
    }

    /// The text of element `i` without its `email`, `address`, `affiliation`, `idno`, `note`
    /// and `date` children: the name of a person or body.
    fn name_text(&self, i: usize) -> String {
        let doc = self.doc;
        let Some(e) = doc.elems.get(i) else {
            return String::new();
        };
        let mut kept = String::new();
        let mut at = e.text.start;
        for c in doc.children(i) {
            let Some(ce) = doc.elems.get(c) else { continue };
            if matches!(
                ce.tag,
                Tag::Email | Tag::Address | Tag::Affiliation | Tag::Idno | Tag::Note | Tag::Date
            ) {
                kept.push_str(doc.text.get(at..ce.text.start).unwrap_or(""));
                kept.push(' ');
                at = ce.text.end;
            }
        }
        kept.push_str(doc.text.get(at..e.text.end).unwrap_or(""));
        normalize(&kept)
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
                        Some(Tag::NameLink) => {
                            p.dropping_particle |= self.attr(c, Attr::Type) == Some("dropping");
                            join(&mut p.particle, self.text(c))
                        }
                        Some(Tag::GenName) => {
                            p.comma_suffix |= self.attr(c, Attr::Type) == Some("comma");
                            join(&mut p.suffix, self.text(c))
                        }
                        _ => continue,
                    }
                    parts = true;
                }
                if !parts {
                    return self.parse_name(&self.text(i));
                }
                p.family_first = matches!((surname_at, forename_at), (Some(s), Some(f)) if s < f);
                Name::Person(p)
            }
            _ => self.parse_name(&self.text(i)),
        }
    }

    /// A name as printed: as [`Name::parse`] in our own files, as [`foreign_name`] otherwise.
    fn parse_name(&self, text: &str) -> Name {
        if self.exact {
            Name::parse(text)
        } else {
            foreign_name(text)
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
                Role::from_verb(first)
                    .unwrap_or_else(|| Role::Other(text.trim_end_matches(" by").trim().to_string()))
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

    /// The archive part of an `msIdentifier` (TEI from elsewhere) as "Repository, shelfmark",
    /// which [`Original::parse`] reads back as one holding where it knows the repository's
    /// kind of name, and its place ("Settlement, Country"). The repository is `repository`'s
    /// text (else `@key`), else `institution`, else `collection`; the shelfmark the `idno`
    /// typed `shelfmark`, else the first `idno` (an `altIdentifier` is not the shelfmark).
    fn ms_identifier(&self, i: usize) -> (Option<String>, Option<String>) {
        let doc = self.doc;
        let first = |tag: Tag| {
            doc.children(i)
                .filter(|&c| self.tag(c) == Some(tag))
                .map(|c| {
                    let t = self.text(c);
                    match self.attr(c, Attr::Key) {
                        Some(k) if t.is_empty() => k.to_string(),
                        _ => t,
                    }
                })
                .find(|t| !t.is_empty())
        };
        let repository = first(Tag::Repository)
            .or_else(|| first(Tag::Institution))
            .or_else(|| first(Tag::Collection));
        let mut idnos: Vec<(bool, String)> = doc
            .children(i)
            .filter(|&c| self.tag(c) == Some(Tag::Idno))
            .map(|c| (self.attr(c, Attr::Type) == Some("shelfmark"), self.text(c)))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        let main = idnos
            .iter()
            .position(|(shelfmark, _)| *shelfmark)
            .unwrap_or(0);
        let idno = (main < idnos.len()).then(|| idnos.swap_remove(main).1);
        let raw = match (repository, idno) {
            (Some(r), Some(s)) => Some(format!("{r}, {s}")),
            (r, s) => r.or(s),
        };
        let place: Vec<String> = [first(Tag::Settlement), first(Tag::Country)]
            .into_iter()
            .flatten()
            .collect();
        (raw, (!place.is_empty()).then(|| place.join(", ")))
    }

    /// A `date`: `@when-custom` (EDTF) if it parses, else the W3C attributes, else the text.
    fn date(&self, i: usize, keep_text: bool) -> Option<Date> {
        let a = |k| self.attr(i, k);
        let edtf = a(Attr::WhenCustom)
            .and_then(|s| s.trim().parse::<Edtf>().ok())
            .or_else(|| {
                if let Some(w) = a(Attr::When).or(a(Attr::WhenIso)) {
                    return w3c(w).map(Edtf::Point);
                }
                let from = a(Attr::From).or(a(Attr::NotBefore)).and_then(w3c);
                let to = a(Attr::To).or(a(Attr::NotAfter)).and_then(w3c);
                match (from, to) {
                    (None, None) => None,
                    // one end only ("not before 1850"): the interval is open at the other
                    (f, t) => {
                        let b = |p: Option<Point>| p.map_or(Bound::Open, Bound::Point);
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

/// A person's name as catalogues print it: "Family, Given" (with particles after the given
/// name, "Goethe, Johann Wolfgang von"), life dates such as "(1780-1863)" left out; anything
/// else as [`Name::parse`] reads it.
fn foreign_name(text: &str) -> Name {
    let mut text = text.trim();
    if let Some(open) = text.rfind('(') {
        let dates = &text[open..];
        if dates.ends_with(')') && dates.chars().any(|c| c.is_ascii_digit()) {
            text = text[..open].trim_end_matches([' ', ',']);
        }
    }
    let inverted = text.split_once(", ").filter(|(family, given)| {
        let words = |s: &str| s.split(' ').filter(|w| !w.is_empty()).count();
        !given.contains(',')
            && (1..=3).contains(&words(family))
            && (1..=4).contains(&words(given))
            && !text.chars().any(|c| c.is_ascii_digit())
            && matches!(Name::parse(family), Name::Person(_))
            && matches!(Name::parse(given), Name::Person(_))
    });
    let Some((family, given)) = inverted else {
        return Name::parse(text);
    };
    let mut given: Vec<&str> = given.split(' ').filter(|w| !w.is_empty()).collect();
    let mut particle = Vec::new();
    while given.len() > 1
        && given
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '\''))
    {
        particle.extend(given.pop());
    }
    particle.reverse();
    Name::Person(PersonName {
        given: given.join(" "),
        particle: particle.join(" "),
        family: family.to_string(),
        ..PersonName::default()
    })
}

/// Splits a source note after its first sentence or at its first `;`: ("Department of
/// State, Central Files, 795.00/2–755.", "Top Secret; Priority."). A period after a word of
/// at most three letters ("Dept.", "U.S.") or before a lower-case word ends no sentence.
fn split_source_note(t: &str) -> (&str, &str) {
    let mut end = t.find(';').unwrap_or(t.len());
    for (i, _) in t.match_indices(". ") {
        if i >= end {
            break;
        }
        let word = t[..i].rsplit([' ', ',']).next().unwrap_or("");
        let next_upper = t[i + 2..].starts_with(|c: char| c.is_uppercase());
        if next_upper && word.chars().count() > 3 {
            end = i + 1;
            break;
        }
    }
    let archival = t[..end].trim();
    let rest = t[end..].trim_start_matches([';', ' ']).trim();
    (archival, rest)
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
