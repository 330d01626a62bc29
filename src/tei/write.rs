//! The TEI writer: straight into a `String`, no DOM.

use super::escape;
use super::lang;
use super::{APP, NS};
use crate::record::{Block, Bound, Credit, Date, Edtf, Holding, Name, Point, Precision, Record};

/// MARC relator vocabulary, the base of `resp/@ref`.
pub(crate) const RELATORS: &str = "http://id.loc.gov/vocabulary/relators/";

const SPACES: &str = "                                                                ";

struct W {
    out: String,
}

impl W {
    fn indent(&mut self, level: usize) {
        self.out
            .push_str(SPACES.get(..(level * 2).min(SPACES.len())).unwrap_or(""));
    }

    /// `<name a="v" …>` (or `/>` when `empty`), without indentation or newline.
    fn tag(&mut self, name: &str, attrs: &[(&str, &str)], empty: bool) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape::attr(&mut self.out, v);
            self.out.push('"');
        }
        self.out.push_str(if empty { "/>" } else { ">" });
    }

    fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// An indented start tag on its own line.
    fn open(&mut self, level: usize, name: &str, attrs: &[(&str, &str)]) {
        self.indent(level);
        self.tag(name, attrs, false);
        self.out.push('\n');
    }

    /// An indented end tag on its own line.
    fn end(&mut self, level: usize, name: &str) {
        self.indent(level);
        self.close(name);
        self.out.push('\n');
    }

    /// An indented empty element on its own line.
    fn empty(&mut self, level: usize, name: &str, attrs: &[(&str, &str)]) {
        self.indent(level);
        self.tag(name, attrs, true);
        self.out.push('\n');
    }

    /// An element with escaped text content, on its own line.
    fn leaf(&mut self, level: usize, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.indent(level);
        self.inline(name, attrs, text);
        self.out.push('\n');
    }

    /// An element with escaped text content, inline.
    fn inline(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.tag(name, attrs, false);
        escape::text(&mut self.out, text);
        self.close(name);
    }

    fn text(&mut self, text: &str) {
        escape::text(&mut self.out, text);
    }
}

/// Writes one record as `<TEI>`, several (or none) as a `<teiCorpus>`.
pub(crate) fn write(records: &[Record]) -> String {
    if let [one] = records {
        let mut w = W {
            out: String::with_capacity(estimate(one) + 64),
        };
        w.out.push_str(XML_DECL);
        tei(&mut w, one, 0, true);
        return w.out;
    }
    let size: usize = records.iter().map(estimate).sum();
    let mut out = String::with_capacity(size + 2048);
    out.push_str(&corpus_head());
    out.push_str(&corpus_items(records));
    out.push_str(CORPUS_TAIL);
    out
}

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// The end of a `<teiCorpus>`.
pub(crate) const CORPUS_TAIL: &str = "</teiCorpus>\n";

/// The start of a `<teiCorpus>`: the declaration and the corpus header (which does not count
/// the records, so that a corpus can be written before all of them are known).
pub(crate) fn corpus_head() -> String {
    let mut w = W {
        out: String::with_capacity(2048),
    };
    w.out.push_str(XML_DECL);
    w.open(0, "teiCorpus", &[("xmlns", NS)]);
    w.open(1, "teiHeader", &[]);
    w.open(2, "fileDesc", &[]);
    w.open(3, "titleStmt", &[]);
    w.leaf(4, "title", &[], "Documents from archive citations");
    w.end(3, "titleStmt");
    w.open(3, "publicationStmt", &[]);
    w.leaf(4, "p", &[], "Written by archivecite.");
    w.end(3, "publicationStmt");
    w.open(3, "sourceDesc", &[]);
    w.leaf(
        4,
        "p",
        &[],
        "Archive citation records; each TEI document below describes its own sources.",
    );
    w.end(3, "sourceDesc");
    w.end(2, "fileDesc");
    encoding_desc(&mut w, 2, true, true);
    w.open(2, "profileDesc", &[]);
    calendar_desc(&mut w, 3);
    w.end(2, "profileDesc");
    w.end(1, "teiHeader");
    w.out
}

/// The `<TEI>` elements of `records` inside a corpus (each stands alone: any run of records
/// can be written apart and the pieces joined).
pub(crate) fn corpus_items(records: &[Record]) -> String {
    let size: usize = records.iter().map(estimate).sum();
    let mut w = W {
        out: String::with_capacity(size),
    };
    for r in records {
        tei(&mut w, r, 1, false);
    }
    w.out
}

/// A generous guess of the output size, so the buffer rarely grows.
fn estimate(r: &Record) -> usize {
    let body: usize = r.body.iter().map(|b| b.text().len() + 16).sum();
    2048 + 2 * r.title.len()
        + body
        + r.summary.as_ref().map_or(0, String::len)
        + r.citation.as_ref().map_or(0, String::len)
        + 4 * r.original.as_ref().map_or(0, |o| o.raw().len())
}

fn tei(w: &mut W, r: &Record, level: usize, standalone: bool) {
    if standalone {
        w.open(level, "TEI", &[("xmlns", NS)]);
    } else {
        w.open(level, "TEI", &[]);
    }
    let l = level + 1;
    w.open(l, "teiHeader", &[]);
    file_desc(w, r, l + 1);
    let taxonomies = r.genre.is_some() || !r.subjects.is_empty() || !r.places.is_empty();
    let calendar = r.date.as_ref().is_some_and(|d| date_attrs(d.edtf()).1);
    // in a corpus the declarations (with their xml:ids) are in the corpus header, once
    encoding_desc(w, l + 1, standalone && taxonomies, false);
    profile_desc(w, r, l + 1, standalone && calendar);
    w.end(l, "teiHeader");
    w.open(l, "text", &[]);
    w.open(l + 1, "body", &[]);
    body(w, r, l + 2);
    w.end(l + 1, "body");
    w.end(l, "text");
    w.end(level, "TEI");
}

fn file_desc(w: &mut W, r: &Record, l: usize) {
    w.open(l, "fileDesc", &[]);
    w.open(l + 1, "titleStmt", &[]);
    w.leaf(l + 2, "title", &[("type", "main")], &r.title);
    for a in &r.authors {
        w.indent(l + 2);
        w.tag("author", &[], false);
        name(w, a);
        w.close("author");
        w.out.push('\n');
    }
    for f in &r.funders {
        w.leaf(l + 2, "funder", &[], f);
    }
    for c in &r.credits {
        credit(w, c, l + 2);
    }
    w.end(l + 1, "titleStmt");

    w.open(l + 1, "publicationStmt", &[]);
    let d = &r.digital;
    match (&d.name, d.url.is_some() || d.doc_id.is_some()) {
        (Some(n), _) => w.leaf(l + 2, "distributor", &[], n),
        (None, true) => w.empty(l + 2, "publisher", &[]),
        (None, false) => w.empty(l + 2, "p", &[]),
    }
    if let Some(u) = &d.url {
        w.leaf(l + 2, "idno", &[("type", "URL")], u);
    }
    if let Some(id) = &d.doc_id {
        w.leaf(l + 2, "idno", &[("type", "WCDA")], id);
    }
    w.end(l + 1, "publicationStmt");

    if !r.renditions.is_empty() || !r.extra.is_empty() {
        w.open(l + 1, "notesStmt", &[]);
        if !r.renditions.is_empty() {
            w.open(l + 2, "note", &[("type", "renditions")]);
            w.open(l + 3, "list", &[]);
            for rd in &r.renditions {
                w.leaf(l + 4, "item", &[], rd.label());
            }
            w.end(l + 3, "list");
            w.end(l + 2, "note");
        }
        for x in &r.extra {
            w.indent(l + 2);
            w.tag("note", &[("type", "extra")], false);
            w.inline("label", &[], &x.label);
            w.out.push(' ');
            w.inline("seg", &[("type", "value")], &x.value);
            w.close("note");
            w.out.push('\n');
        }
        w.end(l + 1, "notesStmt");
    }

    w.open(l + 1, "sourceDesc", &[]);
    let mut any = false;
    if let Some(c) = &r.citation {
        w.leaf(l + 2, "bibl", &[("type", "citation")], c);
        any = true;
    }
    if let Some(c) = &r.credit_line {
        w.leaf(l + 2, "bibl", &[("type", "credit")], c);
        any = true;
    }
    if r.original.is_some() || !r.languages.is_empty() {
        any = true;
        w.open(l + 2, "bibl", &[("type", "original")]);
        if let Some(o) = &r.original {
            w.leaf(l + 3, "seg", &[("type", "raw")], o.raw());
        }
        for lg in &r.languages {
            match lang::tag(lg) {
                Some(t) => w.leaf(l + 3, "textLang", &[("mainLang", t)], lg),
                None => w.leaf(l + 3, "textLang", &[], lg),
            }
        }
        w.end(l + 2, "bibl");
    }
    if let Some(o) = &r.original {
        for h in o.holdings() {
            holding(w, h, l + 2);
            any = true;
        }
    }
    if !any {
        w.empty(l + 2, "p", &[]);
    }
    w.end(l + 1, "sourceDesc");
    w.end(l, "fileDesc");
}

/// `<persName>` in parts (given, particle, family, suffix; written in display order, so a
/// family-first name has `surname` before `forename`), or `<orgName>`.
fn name(w: &mut W, n: &Name) {
    match n {
        Name::Organization(o) => w.inline("orgName", &[], o),
        Name::Person(p) => {
            w.tag("persName", &[], false);
            let forename = !p.given.is_empty() || p.family_first;
            if p.family_first {
                w.inline("surname", &[], &p.family);
                if forename {
                    w.out.push(' ');
                    w.inline("forename", &[], &p.given);
                }
                if !p.particle.is_empty() {
                    w.out.push(' ');
                    w.inline("nameLink", particle_type(p), &p.particle);
                }
            } else {
                if forename {
                    w.inline("forename", &[], &p.given);
                    w.out.push(' ');
                }
                if !p.particle.is_empty() {
                    w.inline("nameLink", particle_type(p), &p.particle);
                    w.out.push(' ');
                }
                w.inline("surname", &[], &p.family);
            }
            if !p.suffix.is_empty() {
                w.out.push(' ');
                let comma: &[(&str, &str)] = if p.comma_suffix {
                    &[("type", "comma")]
                } else {
                    &[]
                };
                w.inline("genName", comma, &p.suffix);
            }
            w.close("persName");
        }
    }
}

/// A CSL dropping particle ("de" in "Charles de Gaulle") is typed, so that it reads back.
fn particle_type(p: &crate::record::PersonName) -> &'static [(&'static str, &'static str)] {
    if p.dropping_particle {
        &[("type", "dropping")]
    } else {
        &[]
    }
}

fn credit(w: &mut W, c: &Credit, l: usize) {
    w.open(l, "respStmt", &[]);
    w.indent(l + 1);
    let relator = c
        .role
        .marc_relator()
        .map(|code| format!("{RELATORS}{code}"));
    match &relator {
        Some(r) => w.tag("resp", &[("ref", r)], false),
        None => w.tag("resp", &[("key", c.role.verb())], false),
    }
    w.text(c.role.verb());
    if let Some(p) = &c.on_behalf_of {
        w.out.push_str(" for ");
        w.inline("orgName", &[("type", "project")], p);
    }
    w.out.push_str(" by");
    w.close("resp");
    w.out.push('\n');
    w.indent(l + 1);
    name(w, &c.name);
    w.out.push('\n');
    if let Some(a) = &c.affiliation {
        w.leaf(l + 1, "note", &[("type", "affiliation")], a);
    }
    w.end(l, "respStmt");
}

fn holding(w: &mut W, h: &Holding, l: usize) {
    w.open(l, "msDesc", &[]);
    w.open(l + 1, "msIdentifier", &[]);
    let auth = h.repository.as_ref().and_then(|r| r.authority());
    if let Some(a) = auth {
        w.leaf(l + 2, "country", &[], a.country);
    }
    match (auth, &h.place) {
        (Some(a), _) => w.leaf(l + 2, "settlement", &[], a.settlement),
        (None, Some(p)) => w.leaf(l + 2, "settlement", &[], p),
        (None, None) => {}
    }
    match (&h.repository, auth) {
        (Some(r), Some(a)) => w.leaf(l + 2, "repository", &[("key", &r.key)], a.name),
        (Some(r), None) => w.leaf(l + 2, "repository", &[("key", &r.key)], &r.printed),
        // an msIdentifier must not open with its idno
        (None, _) => w.empty(l + 2, "repository", &[]),
    }
    w.indent(l + 2);
    w.tag("idno", &[("type", "shelfmark")], false);
    // the verbatim shelfmark, each typed part wrapped where it is found, in order
    let s = h.shelfmark.as_str();
    let mut at = 0;
    for p in &h.parts {
        let Some(found) = s.get(at..).and_then(|rest| rest.find(p.value.as_str())) else {
            continue;
        };
        if p.value.is_empty() {
            continue;
        }
        let start = at + found;
        let end = start + p.value.len();
        w.text(s.get(at..start).unwrap_or(""));
        w.inline("idno", &[("type", p.kind.as_str())], &p.value);
        at = end;
    }
    w.text(s.get(at..).unwrap_or(""));
    w.close("idno");
    w.out.push('\n');
    w.end(l + 1, "msIdentifier");
    w.end(l, "msDesc");
}

fn encoding_desc(w: &mut W, l: usize, taxonomies: bool, corpus: bool) {
    w.open(l, "encodingDesc", &[]);
    w.open(l + 1, "appInfo", &[]);
    w.open(
        l + 2,
        "application",
        &[("ident", APP), ("version", env!("CARGO_PKG_VERSION"))],
    );
    w.leaf(l + 3, "label", &[], "archivecite");
    w.leaf(
        l + 3,
        "p",
        &[],
        if corpus {
            "Each TEI document below was written by archivecite from one citation record."
        } else {
            "Written by archivecite from a citation record; text content is exact (whitespace included)."
        },
    );
    w.end(l + 2, "application");
    w.end(l + 1, "appInfo");
    if taxonomies {
        w.open(l + 1, "classDecl", &[]);
        w.open(l + 2, "taxonomy", &[("xml:id", "wcda-type")]);
        w.leaf(
            l + 3,
            "desc",
            &[],
            "Document types of the Wilson Center Digital Archive",
        );
        w.end(l + 2, "taxonomy");
        w.open(l + 2, "taxonomy", &[("xml:id", "wcda-subject")]);
        w.leaf(
            l + 3,
            "desc",
            &[],
            "Subjects of the Wilson Center Digital Archive",
        );
        w.end(l + 2, "taxonomy");
        w.open(l + 2, "taxonomy", &[("xml:id", "wcda-place")]);
        w.leaf(
            l + 3,
            "desc",
            &[],
            "Associated places of the Wilson Center Digital Archive",
        );
        w.end(l + 2, "taxonomy");
        w.end(l + 1, "classDecl");
    }
    w.end(l, "encodingDesc");
}

/// Declares the `#edtf` dating method that `@datingMethod` points to.
fn calendar_desc(w: &mut W, l: usize) {
    w.open(l, "calendarDesc", &[]);
    w.open(l + 1, "calendar", &[("xml:id", "edtf")]);
    w.leaf(
        l + 2,
        "p",
        &[],
        "Extended Date/Time Format (ISO 8601-2:2019, EDTF level 1), in @when-custom.",
    );
    w.end(l + 1, "calendar");
    w.end(l, "calendarDesc");
}

fn profile_desc(w: &mut W, r: &Record, l: usize, calendar: bool) {
    let keywords = r.genre.is_some() || !r.subjects.is_empty() || !r.places.is_empty();
    if r.summary.is_none() && r.date.is_none() && !keywords {
        return;
    }
    w.open(l, "profileDesc", &[]);
    if calendar {
        calendar_desc(w, l + 1);
    }
    if let Some(s) = &r.summary {
        w.open(l + 1, "abstract", &[]);
        w.leaf(l + 2, "p", &[], s);
        w.end(l + 1, "abstract");
    }
    if let Some(d) = &r.date {
        w.indent(l + 1);
        w.out.push_str("<creation>");
        date(w, d);
        w.out.push_str("</creation>\n");
    }
    if keywords {
        w.open(l + 1, "textClass", &[]);
        if let Some(g) = &r.genre {
            w.open(l + 2, "keywords", &[("scheme", "#wcda-type")]);
            w.leaf(l + 3, "term", &[], g);
            w.end(l + 2, "keywords");
        }
        if !r.subjects.is_empty() {
            w.open(l + 2, "keywords", &[("scheme", "#wcda-subject")]);
            for s in &r.subjects {
                w.leaf(l + 3, "term", &[], s);
            }
            w.end(l + 2, "keywords");
        }
        if !r.places.is_empty() {
            w.open(l + 2, "keywords", &[("scheme", "#wcda-place")]);
            for p in &r.places {
                w.leaf(l + 3, "term", &[], p);
            }
            w.end(l + 2, "keywords");
        }
        w.end(l + 1, "textClass");
    }
    w.end(l, "profileDesc");
}

/// `<date>` with W3C attributes, the exact EDTF in `@when-custom` where they cannot say it
/// all, and the printed text as content.
fn date(w: &mut W, d: &Date) {
    let (attrs, custom) = date_attrs(d.edtf());
    let edtf = d.edtf().to_string();
    let mut all: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if custom {
        all.push(("when-custom", &edtf));
        all.push(("datingMethod", "#edtf"));
    }
    match d.text() {
        Some("") => {
            all.push(("type", EMPTY_TEXT));
            w.tag("date", &all, true);
        }
        Some(t) => w.inline("date", &all, t),
        None => w.tag("date", &all, true),
    }
}

/// `date/@type` marking a printed text that is the empty string (absent text: no content).
pub(crate) const EMPTY_TEXT: &str = "empty-printed-text";

/// The W3C attributes (`when`, `from`/`to`, `notBefore`/`notAfter`) for an EDTF value, and
/// whether they fall short of it (qualifiers, unspecified digits, seasons, open ends, year 0).
pub(crate) fn date_attrs(e: &Edtf) -> (Vec<(&'static str, String)>, bool) {
    let mut out = Vec::with_capacity(2);
    let custom = match e {
        Edtf::Point(p) => {
            if exact(p) || p.precision() > Precision::Decade && p.month().unwrap_or(0) <= 12 {
                out.push(("when", nominal(p)));
            } else {
                out.push(("notBefore", lower(p)));
                out.push(("notAfter", upper(p)));
            }
            !exact(p)
        }
        Edtf::Interval(a, b) => {
            let mut custom = false;
            match a {
                Bound::Point(p) => {
                    out.push(("from", lower(p)));
                    custom |= !exact(p);
                }
                _ => custom = true,
            }
            match b {
                Bound::Point(p) => {
                    out.push(("to", upper(p)));
                    custom |= !exact(p);
                }
                _ => custom = true,
            }
            custom
        }
    };
    // XML Schema 1.0 has no year 0
    if out
        .iter()
        .any(|(_, v)| v.starts_with("0000") || v.starts_with("-0000"))
    {
        out.clear();
        return (out, true);
    }
    (out, custom)
}

/// A point the W3C attributes say exactly.
fn exact(p: &Point) -> bool {
    !p.approximate()
        && !p.uncertain()
        && p.precision() >= Precision::Year
        && p.month().unwrap_or(0) <= 12
}

fn year(y: i32) -> String {
    if y < 0 {
        format!("-{:04}", y.unsigned_abs())
    } else {
        format!("{y:04}")
    }
}

/// The point without qualifiers, in W3C form (a season as its year).
fn nominal(p: &Point) -> String {
    let mut s = year(p.year());
    match (p.month(), p.day()) {
        (Some(m), Some(d)) => s.push_str(&format!("-{m:02}-{d:02}")),
        (Some(m), None) if m <= 12 => s.push_str(&format!("-{m:02}")),
        _ => {}
    }
    s
}

/// The earliest W3C value the point may mean.
fn lower(p: &Point) -> String {
    match (p.precision(), p.month()) {
        (Precision::Season, Some(m)) => format!("{}-{:02}", year(p.year()), season(m).0),
        _ => nominal(p),
    }
}

/// The latest W3C value the point may mean.
fn upper(p: &Point) -> String {
    match (p.precision(), p.month()) {
        (Precision::Century, _) => year(p.year() + 99),
        (Precision::Decade, _) => year(p.year() + 9),
        (Precision::Season, Some(m)) => {
            let (_, end, next_year) = season(m);
            format!("{}-{end:02}", year(p.year() + i32::from(next_year)))
        }
        _ => nominal(p),
    }
}

/// First and last month of an EDTF season (21 spring … 24 winter), and whether it ends next year.
fn season(m: u8) -> (u8, u8, bool) {
    match m {
        21 => (3, 5, false),
        22 => (6, 8, false),
        23 => (9, 11, false),
        _ => (12, 2, true),
    }
}

/// The body: `div[@type=document]` with `head`, leading datelines in `opener`, paragraphs,
/// a dateline followed by more paragraphs opening a `div[@type=entry]` (its `opener`), and
/// datelines at the very end in `closer`. Document order is the blocks' order.
fn body(w: &mut W, r: &Record, l: usize) {
    w.open(
        l,
        "div",
        &[("type", "document"), ("subtype", "historical-document")],
    );
    if !r.title.is_empty() {
        w.leaf(l + 1, "head", &[], &r.title);
    }
    let blocks = &r.body;
    let is_dateline = |b: &Block| matches!(b, Block::Dateline(_));
    let mut i = 0;
    let mut entry = false;
    let mut first = true;
    while let Some(b) = blocks.get(i) {
        if let Block::Paragraph(p) = b {
            let lv = if entry { l + 2 } else { l + 1 };
            w.leaf(lv, "p", &[], p);
            i += 1;
            first = false;
            continue;
        }
        let run = blocks
            .get(i..)
            .map_or(0, |rest| rest.iter().take_while(|b| is_dateline(b)).count());
        let more_after = i + run < blocks.len();
        let wrapper = if first || more_after {
            "opener"
        } else {
            "closer"
        };
        if !first && more_after {
            if entry {
                w.end(l + 1, "div");
            }
            w.open(l + 1, "div", &[("type", "entry")]);
            entry = true;
        }
        let lv = if entry { l + 2 } else { l + 1 };
        w.open(lv, wrapper, &[]);
        for d in blocks.get(i..i + run).unwrap_or(&[]) {
            w.indent(lv + 1);
            dateline(w, d.text());
            w.out.push('\n');
        }
        w.end(lv, wrapper);
        i += run.max(1);
        first = false;
    }
    if entry {
        w.end(l + 1, "div");
    }
    w.end(l, "div");
}

/// `<dateline>`: its date (and a place before it) marked up where the text is one.
fn dateline(w: &mut W, text: &str) {
    w.out.push_str("<dateline>");
    let plain = |d: &Date| {
        let (attrs, custom) = date_attrs(d.edtf());
        (!custom && !attrs.is_empty()).then_some(attrs)
    };
    if let Some(attrs) = Date::from_text(text).ok().as_ref().and_then(plain) {
        let a: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        w.inline("date", &a, text);
    } else if let Some((place, when, attrs)) = text.split_once(", ").and_then(|(p, d)| {
        let date = Date::from_text(d).ok()?;
        Some((p, d, plain(&date)?))
    }) {
        let a: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        w.inline("placeName", &[], place);
        w.out.push_str(", ");
        w.inline("date", &a, when);
    } else {
        w.text(text);
    }
    w.out.push_str("</dateline>");
}
