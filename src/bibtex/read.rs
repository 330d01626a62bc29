//! From scanned entries to records.

use super::lex::{Entries, RawEntry};
use super::names::{
    one_group, read_names, role_of_name_field, split_commas, split_top, EDITOR_FIELDS, NAME_FIELDS,
};
use super::tex::{decode, group_end};
use crate::error::Error;
use crate::record::bibliographic::{
    csl_type_of_entry, is_date_label, label_of_field, language_of_langid, BIB, ID, TYPE,
};
use crate::record::MONTH_NAMES;
use crate::record::{
    parse_credits, Credit, Date, DigitalArchive, Edtf, Extra, Original, Point, Record, Role, WCDA,
};
use crate::stream::par_map;

/// The sentence the funders are written in (`annotation`).
pub(crate) const FUNDED: &str = "This document was made possible with support from ";

pub(crate) fn read(input: &str) -> (Vec<Record>, Vec<Error>) {
    // One record per '@' at most (comments and e-mail addresses make it an over-estimate).
    let mut records = Vec::with_capacity(memchr::memchr_iter(b'@', input.as_bytes()).count());
    let mut errors = Vec::new();
    read_batches(input, |batch, errs| {
        records.extend(batch);
        errors.extend(errs);
    });
    (records, errors)
}

/// Reads the entries in file order, a batch at a time: `sink` gets each batch's records and
/// the errors met since the last batch. Scanning is sequential (macros apply to what follows)
/// and runs on its own thread one batch ahead, while batches are converted on all cores.
pub(crate) fn read_batches(input: &str, mut sink: impl FnMut(Vec<Record>, Vec<Error>)) {
    let threads = crate::stream::threads();
    if threads < 2 || input.len() < PIPELINE_MIN {
        scan(input, &mut |batch, errors| {
            sink(par_map(&batch, record), errors);
            true
        });
        return;
    }
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<(Vec<RawEntry>, Vec<Error>)>(1);
        let scanner =
            s.spawn(move || scan(input, &mut |batch, errors| tx.send((batch, errors)).is_ok()));
        for (batch, errors) in rx {
            sink(par_map(&batch, record), errors);
        }
        // a panic in the scanner (never expected) ends the input early; it is not re-raised
        let _ = scanner.join();
    });
}

/// Scans `input` into batches of entries for `send`, until it is done or `send` says stop.
fn scan<'a>(input: &'a str, send: &mut dyn FnMut(Vec<RawEntry<'a>>, Vec<Error>) -> bool) {
    if mentions_crossref(input) {
        // Parents may come after their children (BibTeX wants them after): all entries first.
        let mut all = Vec::new();
        let mut errors = Vec::new();
        for item in Entries::new(input) {
            match item {
                Ok(e) => all.push(e),
                Err(e) => errors.push(e),
            }
        }
        resolve_crossrefs(&mut all);
        let mut rest = all.into_iter().peekable();
        let mut errors = Some(errors);
        while rest.peek().is_some() || errors.is_some() {
            let batch: Vec<RawEntry> = rest.by_ref().take(BATCH).collect();
            let errs = errors.take().unwrap_or_default();
            if (!batch.is_empty() || !errs.is_empty()) && !send(batch, errs) {
                return;
            }
        }
        return;
    }
    let mut entries = Entries::new(input);
    loop {
        let mut batch: Vec<RawEntry> = Vec::with_capacity(BATCH);
        let mut errors = Vec::new();
        for item in entries.by_ref() {
            match item {
                Ok(e) => {
                    batch.push(e);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        let last = batch.len() < BATCH;
        let empty = batch.is_empty() && errors.is_empty();
        if !empty && !send(batch, errors) {
            return;
        }
        if last {
            return;
        }
    }
}

/// Whether `input` may hold a `crossref` or `xdata` field (in the usual spellings).
fn mentions_crossref(input: &str) -> bool {
    [
        "crossref", "Crossref", "CrossRef", "CROSSREF", "xdata", "XData", "XDATA",
    ]
    .iter()
    .any(|w| memchr::memmem::find(input.as_bytes(), w.as_bytes()).is_some())
}

/// Fields a child never inherits from its parent (biber's default inheritance).
const NOT_INHERITED: &[&str] = &[
    "ids",
    "crossref",
    "xref",
    "xdata",
    "entryset",
    "entrysubtype",
    "execute",
    "label",
    "options",
    "presort",
    "related",
    "relatedoptions",
    "relatedstring",
    "relatedtype",
    "shorthand",
    "shorthandintro",
    "sortkey",
];

/// How a child of type `child` inherits `field` of a `parent` (biblatex's default inheritance):
/// `None` not at all, `Some(None)` as it is, `Some(Some(f))` as `f` (a book's title is its
/// chapter's `booktitle` …).
fn inherited_name(child: &str, parent: &str, field: &str) -> Option<Option<&'static str>> {
    let child = child.to_ascii_lowercase();
    let parent = parent.to_ascii_lowercase();
    let book_part = matches!(child.as_str(), "inbook" | "bookinbook" | "suppbook");
    let in_book = book_part
        || matches!(
            child.as_str(),
            "incollection" | "suppcollection" | "inproceedings" | "inreference" | "conference"
        );
    let in_journal =
        matches!(child.as_str(), "article" | "suppperiodical") && parent == "periodical";
    let main = matches!(
        parent.as_str(),
        "mvbook" | "mvcollection" | "mvproceedings" | "mvreference"
    ) && !in_book;
    let titles = |prefix: &'static [&'static str; 3]| match field {
        "title" => Some(prefix[0]),
        "subtitle" => Some(prefix[1]),
        "titleaddon" => Some(prefix[2]),
        _ => None,
    };
    let renamed = if in_journal {
        titles(&["journaltitle", "journalsubtitle", "journaltitleaddon"])
    } else if main {
        titles(&["maintitle", "mainsubtitle", "maintitleaddon"])
    } else if in_book {
        titles(&["booktitle", "booksubtitle", "booktitleaddon"])
    } else {
        None
    };
    if renamed.is_some() {
        return Some(renamed);
    }
    if book_part && field == "author" {
        return Some(Some("bookauthor"));
    }
    let titled = in_book || in_journal || main;
    if titled
        && matches!(
            field,
            "shorttitle" | "sorttitle" | "indextitle" | "indexsorttitle"
        )
    {
        return None;
    }
    NOT_INHERITED.iter().all(|f| *f != field).then_some(None)
}

/// Children take the fields they lack from the entries their `crossref` and `xdata` name in
/// the same input (biblatex's default inheritance; a parent's own parent first; the child's
/// `crossref` stays). A parent that is not in the input leaves the child as it is.
fn resolve_crossrefs(all: &mut [RawEntry<'_>]) {
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (k, e) in all.iter().enumerate() {
        index.entry(e.key.to_lowercase()).or_insert(k);
    }
    let mut done = vec![false; all.len()];
    for k in 0..all.len() {
        resolve_one(all, &index, &mut done, k, 0);
    }
}

fn resolve_one(
    all: &mut [RawEntry<'_>],
    index: &std::collections::HashMap<String, usize>,
    done: &mut [bool],
    k: usize,
    depth: usize,
) {
    if done.get(k).copied().unwrap_or(true) || depth > 8 {
        return;
    }
    if let Some(d) = done.get_mut(k) {
        *d = true;
    }
    let Some(e) = all.get(k) else { return };
    let mut parents: Vec<(usize, bool)> = Vec::new();
    if let Some(p) = e.get("crossref").map(|v| verbatim(v).to_lowercase()) {
        parents.extend(index.get(&p).map(|&i| (i, true)));
    }
    if let Some(x) = e.get("xdata") {
        for p in split_commas(x) {
            parents.extend(index.get(&verbatim(p).to_lowercase()).map(|&i| (i, false)));
        }
    }
    for (p, crossref) in parents {
        if p == k {
            continue;
        }
        resolve_one(all, index, done, p, depth + 1);
        let (Some(parent), Some(child)) = (all.get(p), all.get(k)) else {
            continue;
        };
        let mut add = Vec::new();
        for (name, value) in &parent.fields {
            let lower = name.to_ascii_lowercase();
            let how = if crossref {
                inherited_name(child.ty, parent.ty, &lower)
            } else {
                NOT_INHERITED.iter().all(|f| *f != lower).then_some(None)
            };
            if let Some(t) = how.map(|renamed| renamed.unwrap_or(name)) {
                if child.get(t).is_none()
                    && !add
                        .iter()
                        .any(|(n, _): &(&str, _)| n.eq_ignore_ascii_case(t))
                {
                    add.push((t, value.clone()));
                }
            }
        }
        if let Some(child) = all.get_mut(k) {
            child.fields.extend(add);
        }
    }
}

/// Inputs below this size are scanned and converted on one thread.
const PIPELINE_MIN: usize = 1 << 20;

/// Entries converted per batch.
const BATCH: usize = 1024;

/// The field names an entry's conversion used (so the rest go to `extra`), without allocating.
struct Used {
    names: [&'static str; 40],
    len: usize,
}

impl Default for Used {
    fn default() -> Used {
        Used {
            names: [""; 40],
            len: 0,
        }
    }
}

impl Used {
    fn push(&mut self, name: &'static str) {
        if let Some(slot) = self.names.get_mut(self.len) {
            *slot = name;
            self.len += 1;
        }
    }
    fn extend<const N: usize>(&mut self, names: [&'static str; N]) {
        for n in names {
            self.push(n);
        }
    }
    fn contains(&self, name: &str) -> bool {
        self.names
            .get(..self.len)
            .unwrap_or(&[])
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
    }
}

fn text(e: &RawEntry, name: &str) -> Option<String> {
    e.get(name).map(decode).filter(|s| !s.is_empty())
}

/// One entry into a record (never fails: what cannot be typed is left out).
pub(crate) fn record(e: &RawEntry) -> Record {
    let mut used = Used::default();
    let mut r = Record::default();
    // The CSL type of the entry; archival entries (ours, and @unpublished) keep the archival
    // reading of note, addendum and howpublished.
    let subtype = e.get("entrysubtype").map(decode);
    // @misc with entrysubtype = {video}: how we write the types biber has no fields for
    let media = subtype
        .as_deref()
        .filter(|_| e.ty.eq_ignore_ascii_case("misc"))
        .and_then(|s| {
            super::write::MEDIA_TYPES
                .iter()
                .find(|t| t.eq_ignore_ascii_case(s))
        });
    let ty: &str = media.copied().unwrap_or(e.ty);
    let archival = archival_entry(e, subtype.as_deref());
    let csl_type: &str = match (csl_type_of_entry(ty), subtype.as_deref()) {
        _ if archival => "manuscript",
        (Some("article-journal"), Some("magazine")) => "article-magazine",
        (Some("article-journal"), Some("newspaper")) => "article-newspaper",
        (Some(t), _) => t,
        (None, _) => "document",
    };
    used.extend(["title", "subtitle", "author", "addendum", "url"]);
    if archival {
        used.extend(["note", "howpublished"]);
    }
    used.extend(["language", "origlanguage", "type", "abstract", "keywords"]);
    used.extend(["entrysubtype", "date", "year", "month", "day"]);
    r.title = e.get("title").map(title_text).unwrap_or_default();
    if let Some(sub) = text(e, "subtitle") {
        r.title = if r.title.is_empty() {
            sub
        } else {
            format!("{}: {sub}", r.title)
        };
    }
    r.date = date(e);
    if r.date.is_none() {
        for f in ["date", "year"] {
            if let Some(v) = e.get(f).map(decode).filter(|v| !v.is_empty()) {
                r.extra.push(Extra {
                    label: format!("{BIB}{f}"),
                    value: v,
                });
            }
        }
    }
    if let Some(a) = e.get("author") {
        r.authors = read_names(a);
    }
    let bibtex_misc = e.ty.eq_ignore_ascii_case("misc") && e.get("entrysubtype").is_none();
    let note = e.get("note").filter(|_| archival);
    let (shelfmark, mut credit) = match (note, e.get("addendum")) {
        (note, Some(add)) => (note.map(decode), Some(decode(add))),
        (Some(note), None) if bibtex_misc => split_note(note),
        (Some(note), None) => (Some(decode(note)), None),
        (None, None) => (None, None),
    };
    if !archival && credit.is_none() {
        // a credit sentence in `note` (where this crate's BibTeX writer puts it)
        if let Some(n) = e.get("note").map(decode).filter(|n| is_credit_sentence(n)) {
            used.push("note");
            credit = Some(n);
        }
    }
    if let Some(s) = shelfmark.filter(|s| !s.is_empty()) {
        r.original = Some(Original::parse(&s)).filter(|o| !o.raw().is_empty());
    }
    // The name fields (`editor`, `translator`, `editora` + `editoratype` …).
    let mut named: Vec<Credit> = Vec::new();
    for &field in NAME_FIELDS {
        let Some(v) = e.get(field) else { continue };
        let type_field = editortype_field(field);
        let editortype = type_field.and_then(|t| e.get(t)).map(decode);
        let Some(role) = role_of_name_field(field, editortype.as_deref()) else {
            continue;
        };
        used.push(field);
        if let Some(t) = type_field.filter(|_| editortype.is_some()) {
            used.push(t);
        }
        for n in read_names(v) {
            named.push(Credit::new(role.clone(), n));
        }
    }
    match credit.filter(|s| !s.is_empty()) {
        Some(c) => {
            // The sentence's credits; a name field only adds the names it does not give.
            r.credits = parse_credits(&c);
            for n in named {
                if !r
                    .credits
                    .iter()
                    .any(|x| x.role == n.role && same_name(&x.name, &n.name))
                {
                    r.credits.push(n);
                }
            }
            r.credit_line = Some(c);
        }
        None => r.credits = named,
    }
    if let Some(a) = e.get("annotation") {
        r.funders = funders(a);
        if !r.funders.is_empty() {
            used.push("annotation");
        }
    }
    let url = e.get("url").map(verbatim).filter(|u| !u.is_empty());
    let doc_id = match (e.get("eprinttype").map(decode).as_deref(), e.get("eprint")) {
        (Some("wcda"), Some(id)) => {
            used.extend(["eprint", "eprinttype"]);
            Some(decode(id))
        }
        _ => url.as_deref().and_then(DigitalArchive::id_from_url),
    };
    r.digital = DigitalArchive {
        name: text(e, "howpublished").filter(|_| archival),
        url,
        doc_id,
    };
    for field in ["language", "origlanguage"] {
        if let Some(l) = e.get(field) {
            r.languages.extend(
                split_top(l, " and ")
                    .into_iter()
                    .map(decode)
                    .filter(|s| !s.is_empty()),
            );
        }
    }
    // biblatex's localisation keys in `type` as the words they print (as pandoc reads them);
    // BibTeX's thesis entry types say which thesis
    r.genre = text(e, "type")
        .map(|g| genre_of_type_key(&g).map_or(g, str::to_string))
        .or_else(|| match e.ty.to_ascii_lowercase().as_str() {
            "phdthesis" => Some(genre_of_type_key("phdthesis")?.to_string()),
            "mastersthesis" => Some(genre_of_type_key("mathesis")?.to_string()),
            _ => None,
        });
    r.summary = text(e, "abstract");
    if let Some(k) = e.get("keywords") {
        r.subjects = split_commas(k)
            .into_iter()
            .map(decode)
            .filter(|s| !s.is_empty())
            .collect();
    }
    // Everything else: under its canonical label where the vocabulary has one, else as
    // `bib:<field>`, decoded.
    let ours = archival;
    let unused = e.fields.iter().filter(|(n, _)| !used.contains(n)).count();
    r.extra.reserve_exact(r.extra.len() + unused + 2);
    if csl_type != "manuscript" {
        r.extra.push(Extra {
            label: TYPE.to_string(),
            value: csl_type.to_string(),
        });
    }
    for (name, value) in &e.fields {
        if !used.contains(name) {
            if let Some(x) = field_extra(name, value, csl_type, &r.title, ours) {
                r.extra.push(x);
            }
        }
    }
    // an unknown entry type, or one whose CSL type another entry type is written for
    let own = [
        "review",
        "video",
        "movie",
        "audio",
        "music",
        "image",
        "inbook",
        "bookinbook",
        "suppbook",
        "collection",
        "reference",
    ];
    if csl_type_of_entry(ty).is_none() || own.iter().any(|t| t.eq_ignore_ascii_case(ty)) {
        r.extra.push(Extra {
            label: format!("{BIB}entrytype"),
            value: ty.to_ascii_lowercase(),
        });
    }
    if !e.key.is_empty() && !key_is_ours(e.key) {
        r.extra.push(Extra {
            label: ID.to_string(),
            value: e.key.to_string(),
        });
    }
    r
}

/// Whether an entry is archival (read with the archival meaning of `note`, `addendum` and
/// `howpublished`): `@unpublished`, `@misc` with `entrysubtype = {archival}`, or a `@misc` this
/// crate wrote (its key, or the Wilson Center archive in `howpublished`).
fn archival_entry(e: &RawEntry, subtype: Option<&str>) -> bool {
    if e.ty.eq_ignore_ascii_case("unpublished") {
        return true;
    }
    e.ty.eq_ignore_ascii_case("misc")
        && (subtype == Some("archival")
            || key_is_ours(e.key)
            || e.get("howpublished").map(decode).as_deref() == Some(WCDA))
}

/// The extra a field the record has no place for becomes.
fn field_extra(name: &str, value: &str, csl_type: &str, title: &str, ours: bool) -> Option<Extra> {
    let lower = name.to_ascii_lowercase();
    let bib = |value: String| Extra {
        label: format!("{BIB}{lower}"),
        value,
    };
    let plain = || {
        if matches!(lower.as_str(), "doi" | "eprint" | "file" | "pdf") {
            verbatim(value)
        } else {
            decode(value)
        }
    };
    let text = plain();
    if text.is_empty() {
        return None;
    }
    let label = match lower.as_str() {
        // Foreign entries: who published it.
        "howpublished" => Some("publisher"),
        // Ours (in our archival entries) is the Chicago short title: derived, not data.
        "shorttitle" if ours && text == short_title(title) => return None,
        _ => label_of_field(&lower, csl_type),
    };
    let Some(label) = label else {
        return Some(bib(text));
    };
    let value = if label == "language" {
        match language_of_langid(&text) {
            Some(tag) => tag.to_string(),
            None => return Some(bib(text)),
        }
    } else if is_date_label(label) {
        match strip_times(text.trim()).parse::<Edtf>() {
            Ok(d) => d.to_string(),
            Err(_) => return Some(bib(text)),
        }
    } else {
        text
    };
    Some(Extra {
        label: label.to_string(),
        value,
    })
}

/// The `…type` field that names the role of an editor field.
fn editortype_field(field: &str) -> Option<&'static str> {
    let k = EDITOR_FIELDS.iter().position(|f| *f == field)?;
    ["editortype", "editoratype", "editorbtype", "editorctype"]
        .get(k)
        .copied()
}

/// Two names for one person: the same printed name, or the same family name.
fn same_name(a: &crate::record::Name, b: &crate::record::Name) -> bool {
    a == b || a.to_string() == b.to_string() || a.family().eq_ignore_ascii_case(b.family())
}

/// Is `text` a credit sentence ("Translated by X.", "Edited for NKIDP by Y and Z.")?
fn is_credit_sentence(text: &str) -> bool {
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    Role::from_verb(first).is_some() && !parse_credits(text).is_empty()
}

/// biblatex's localisation keys for `type` and the words pandoc reads them as.
pub(crate) const TYPE_KEYS: &[(&str, &str)] = &[
    ("phdthesis", "PhD thesis"),
    ("mathesis", "Master’s thesis"),
    ("candthesis", "Candidate thesis"),
    ("techreport", "technical report"),
    ("resreport", "research report"),
];

/// The words a `type` localisation key stands for.
fn genre_of_type_key(key: &str) -> Option<&'static str> {
    TYPE_KEYS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key.trim()))
        .map(|(_, g)| *g)
}

/// A title: `\mkbibquote{…}` around the whole of it (biblatex-chicago's archival titles, as
/// this crate writes them) goes; elsewhere quotation commands become quotation marks.
fn title_text(raw: &str) -> String {
    let t = raw.trim();
    let inner = one_group(t).unwrap_or(t).trim();
    if let Some(rest) = inner.strip_prefix("\\mkbibquote") {
        let rest = rest.trim_start();
        if rest.starts_with('{') && group_end(rest.as_bytes(), 0) == rest.len() {
            if let Some(arg) = rest.get(1..rest.len() - 1) {
                return decode(arg);
            }
        }
    }
    decode(raw)
}

/// The `shorttitle` this crate writes: the Chicago short title (biblatex-chicago's short notes
/// print it), where it is shorter than the title.
pub(crate) fn short_title(title: &str) -> String {
    let short = crate::chicago::short_title(title);
    if short == title {
        String::new()
    } else {
        short.to_string()
    }
}

/// Keys this crate writes ([`Record::key`], maybe with `-N`): `wcda-…`, or
/// `<date or nd>-<word>-<6 hex digits>`.
fn key_is_ours(key: &str) -> bool {
    if key.starts_with("wcda-") {
        return true;
    }
    let mut parts = key.split('-');
    let date = parts.next().unwrap_or("");
    let word = parts.next().unwrap_or("");
    let hash = parts.next().unwrap_or("");
    let n = parts.next();
    (date == "nd" || (date.len() >= 4 && date.bytes().all(|b| b.is_ascii_digit())))
        && !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && hash.len() == 6
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
        && n.is_none_or(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && parts.next().is_none()
}

/// A verbatim field (`url`, `doi`): braces dropped, `\%`-style escapes resolved, nothing else.
fn verbatim(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' if matches!(
                chars.peek(),
                Some('%' | '#' | '_' | '&' | '$' | '~' | '{' | '}')
            ) =>
            {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// BibTeX's `note`: `{shelfmark}. credit sentence`, `{shelfmark}`, or a credit sentence.
fn split_note(raw: &str) -> (Option<String>, Option<String>) {
    let raw = raw.trim();
    if raw.starts_with('{') {
        // The end of the first group.
        let end = group_end(raw.as_bytes(), 0);
        let group = raw.get(..end).unwrap_or("");
        let rest = raw.get(end..).unwrap_or("");
        if let Some(inner) = one_group(group) {
            let shelf = decode(inner);
            let credit = if rest.is_empty() {
                Some("")
            } else if let Some(c) = rest.strip_prefix(". ") {
                Some(c)
            } else if shelf.ends_with('.') {
                rest.strip_prefix(' ')
            } else {
                None
            };
            if let Some(c) = credit {
                let c = decode(c);
                return (Some(shelf), (!c.is_empty()).then_some(c));
            }
        }
    }
    (None, Some(decode(raw)))
}

/// Funders from `annotation` written as the archive's sentence.
fn funders(raw: &str) -> Vec<String> {
    let raw = raw.trim();
    let Some(inner) = raw.strip_prefix(FUNDED).and_then(|s| s.strip_suffix('.')) else {
        return Vec::new();
    };
    split_top(inner, " and ")
        .into_iter()
        .map(|p| decode(p.strip_prefix("the ").unwrap_or(p)))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The date: biblatex `date` (EDTF), else `year`/`month`/`day`.
fn date(e: &RawEntry) -> Option<Date> {
    if let Some(d) = e.get("date").map(verbatim) {
        let d = d.trim();
        // Strip a time part (`2020-01-15T10:00:00`).
        let edtf = strip_times(d);
        if let Ok(x) = edtf.parse::<Edtf>() {
            return Some(Date::new(x));
        }
        if let Ok(x) = Date::from_text(d) {
            return Some(x);
        }
        // TeX in a printed date ("1957--1958"): as the text it stands for
        if let Ok(x) = Date::from_text(&decode(d)) {
            return Some(x);
        }
    }
    let year = e.get("year").map(decode)?;
    // "1957–1958", "circa 1957", "Spring 1957": what the printed text says, precision and all
    if !year.trim().bytes().all(|b| b.is_ascii_digit()) && e.get("month").is_none() {
        if let Ok(x) = Date::from_text(year.trim()) {
            return Some(Date::new(*x.edtf()));
        }
    }
    let digits: String = year.chars().filter(char::is_ascii_digit).collect();
    let y: i32 = match digits.len() {
        1..=4 if year.trim().chars().all(|c| c.is_ascii_digit()) => digits.parse().ok()?,
        _ => {
            // "1957a", "1957--1958", "circa 1957": the first four-digit year.
            let first = year
                .split(|c: char| !c.is_ascii_digit())
                .find(|w| w.len() == 4)?;
            first.parse().ok()?
        }
    };
    let month = e.get("month").map(decode).and_then(|m| month_number(&m));
    let day = month.and_then(|_| {
        e.get("day")
            .map(decode)
            .and_then(|d| d.trim().parse::<u8>().ok())
    });
    let p = Point::new(y, month, day)
        .or_else(|_| Point::new(y, month, None))
        .or_else(|_| Point::new(y, None, None))
        .ok()?;
    Some(Date::new(Edtf::Point(p)))
}

fn strip_times(d: &str) -> String {
    d.split('/')
        .map(|p| p.split_once('T').map_or(p, |(a, _)| a))
        .collect::<Vec<_>>()
        .join("/")
}

fn month_number(m: &str) -> Option<u8> {
    let m = m.trim();
    if let Ok(n) = m.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    // "jan", "Jan.", "January", and longer abbreviations ("Febr.")
    let lower = m.to_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTH_NAMES
        .iter()
        .position(|n| {
            lower.len() >= 3
                && n.get(..lower.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(lower))
        })
        .and_then(|k| u8::try_from(k + 1).ok())
}
