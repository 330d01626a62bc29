//! The block reader: finds the layout, takes the page apart, and builds the record.

use super::citation::{self, parse_citation, parse_source, Citation, Source};
use super::page::{normalise_spaces, Page};
use crate::error::{Error, Result};
use crate::record::{
    parse_credits, split_outside_parens, starts_upper, Block, Date, DigitalArchive, Extra, Name,
    Record, Rendition,
};
use std::borrow::Cow;

/// The four layouts of real pages, plus a bare citation line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// 2013–2022 page (the seed): `get citation`, summary, citation line, `share document`.
    OldShort,
    /// The same with an upper-case title, `CITATION SHARE DOWNLOAD` and the URL.
    OldLong,
    /// The 2023 site: `Skip to content`, labelled sections under `Document Information`.
    New,
    /// The PDF export: `Citation:`, `Summary:`, `Credits:`, `Original Language:`, `Contents:`.
    Pdf,
    /// Only a citation line.
    Citation,
}

const FUNDER_PHRASE: &str = "This document was made possible with support from";
const SECTION_LABELS: &[&str] = &[
    "Author(s)",
    "Associated Places",
    "Associated People & Organizations",
    "Associated Topics",
    "Subjects Discussed",
    "Document Information",
    "Source",
    "Original Archive",
    "Rights",
    "Original Uploaded Date",
    "Type",
    "Language",
    "Record ID",
];
const PDF_LABELS: &[&str] = &[
    "Citation",
    "Summary",
    "Credits",
    "Original Language",
    "Contents",
];
const FURNITURE: &[&str] = &[
    "Search in",
    "ADD SEARCH FILTER CANCEL SEARCH FILTER",
    "Digital Archive International History Declassified",
    "International History Declassified",
    "CITATION SHARE DOWNLOAD",
    "Skip to content",
    "VIEW DOCUMENT IN",
];

/// Which layout a page has.
pub(crate) fn detect(page: &Page) -> Option<Layout> {
    let has = |pred: &dyn Fn(&str) -> bool| page.find(0, pred).is_some();
    if has(&|l| l.eq_ignore_ascii_case("get citation")) {
        return Some(
            if has(&|l| l == "CITATION SHARE DOWNLOAD" || l.starts_with("ADD SEARCH FILTER")) {
                Layout::OldLong
            } else {
                Layout::OldShort
            },
        );
    }
    if has(&|l| l == "Citation:" || l.starts_with("Citation: ")) {
        return Some(Layout::Pdf);
    }
    if has(&|l| l == "Skip to content" || l == "Document Information") {
        return Some(Layout::New);
    }
    let first = page.lines.iter().find(|l| !l.text.is_empty())?;
    let all = page.input;
    (first.text.starts_with(['"', '“', '„']) || all.contains("Digital Archive,"))
        .then_some(Layout::Citation)
}

/// Reads one page into a record.
pub(crate) fn read(input: &str) -> Result<Record> {
    let page = Page::new(input);
    let Some(layout) = detect(&page) else {
        let first = page
            .lines
            .iter()
            .position(|l| !l.text.is_empty())
            .unwrap_or(0);
        return Err(Error::syntax(
            "block",
            page.position(first),
            "a citation block: a Digital Archive page (\"get citation\", \"Citation:\", \"Document Information\") or a citation line",
            page.lines.get(first).map_or("", |l| l.text),
        ));
    };
    let mut b = Builder::default();
    match layout {
        Layout::OldShort | Layout::OldLong => old(&page, &mut b)?,
        Layout::New => new(&page, &mut b)?,
        Layout::Pdf => pdf(&page, &mut b)?,
        Layout::Citation => {
            let text = page.paragraphs(0, page.lines.len());
            let joined: Vec<&str> = text.iter().map(|(_, t)| t.as_str()).collect();
            b.citation = Some(joined.join(" "));
        }
    }
    Ok(b.finish())
}

/// What the layouts find, before it becomes a record.
#[derive(Default)]
struct Builder {
    date_line: Option<String>,
    title_line: Option<String>,
    funder_line: Option<String>,
    summary: Option<String>,
    citation: Option<String>,
    source: Option<String>,
    url_line: Option<String>,
    renditions: Vec<Rendition>,
    body: Vec<String>,
    authors: Vec<Name>,
    places: Vec<String>,
    subjects: Vec<String>,
    genre: Option<String>,
    languages: Vec<String>,
    record_id: Option<String>,
    extra: Vec<Extra>,
}

impl Builder {
    fn finish(self) -> Record {
        let mut r = Record::new("");
        let mut date_text = self.date_line.clone();
        let mut source = Source::default();
        if let Some(line) = &self.citation {
            let c: Citation = parse_citation(line);
            r.title = c.title.unwrap_or("").to_string();
            if let Some(d) = c.date {
                date_text = Some(d.to_string());
            }
            r.digital.name = c.program.map(str::to_string);
            source = c.source;
            r.citation = Some(line.clone());
        }
        if let Some(s) = &self.source {
            source = parse_source(s);
        }
        if r.title.is_empty() {
            r.title = self.title_line.clone().unwrap_or_default();
        }
        if let Some(text) = date_text {
            match Date::from_text(&text) {
                Ok(d) => r.date = Some(d),
                Err(_) => {
                    // keep what was printed; the page's date line may still give the date
                    r.date = self
                        .date_line
                        .as_deref()
                        .and_then(|l| Date::from_text(l).ok());
                    let kept = Extra {
                        label: "date".into(),
                        value: text,
                    };
                    if !self.extra.contains(&kept) {
                        r.extra.push(kept);
                    }
                }
            }
        }
        r.original = citation::original(source.archive);
        if let Some(credits) = source.credits {
            r.credits = parse_credits(credits);
            r.credit_line = Some(credits.to_string());
        }
        r.digital.url = source.url.map(Cow::into_owned).or(self.url_line);
        r.digital.doc_id = self.record_id.or_else(|| {
            r.digital
                .url
                .as_deref()
                .and_then(DigitalArchive::id_from_url)
        });
        if let Some(f) = self.funder_line {
            r.funders = funders(&f);
        }
        r.summary = self.summary;
        r.renditions = self.renditions;
        r.body = self.body.iter().map(|p| Block::classify(p)).collect();
        r.authors = self.authors;
        r.places = self.places;
        r.subjects = self.subjects;
        r.genre = self.genre;
        r.languages = self.languages;
        r.extra.extend(self.extra);
        r
    }
}

/// "This document was made possible with support from the A, B." → ["A", "B"].
fn funders(line: &str) -> Vec<String> {
    let rest = line.strip_prefix(FUNDER_PHRASE).unwrap_or(line).trim();
    let rest = rest.strip_suffix('.').unwrap_or(rest);
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let mut out: Vec<String> = Vec::new();
    for f in split_outside_parens(rest, ",") {
        let f = f.trim();
        if matches!(f, "Inc." | "Inc" | "Ltd." | "Ltd" | "LLC" | "L.L.C.") {
            // "Henry Luce Foundation, Inc.": part of the name before it
            if let Some(prev) = out.last_mut() {
                prev.push_str(", ");
                prev.push_str(f);
                continue;
            }
        }
        let f = f.strip_prefix("and ").unwrap_or(f);
        let f = f.strip_prefix("the ").unwrap_or(f);
        if !f.is_empty() {
            out.push(f.to_string());
        }
    }
    out
}

fn is_furniture(l: &str) -> bool {
    FURNITURE.iter().any(|f| l.eq_ignore_ascii_case(f))
        || l.starts_with("Digital Archive digitalarchive")
}

pub(crate) fn is_rendition(l: &str) -> bool {
    let words: Vec<&str> = l.split(' ').collect();
    let kinds = [
        "HTML",
        "PDF",
        "Scan",
        "Transcript",
        "Transcription",
        "Translation",
    ];
    (1..=3).contains(&words.len())
        && words.last().is_some_and(|w| kinds.contains(w))
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// True if a first body paragraph would be read as a format line, a URL or page furniture.
pub(crate) fn ambiguous_after_share(p: &str) -> bool {
    let l = super::page::unbullet(p.trim());
    l.is_empty() || is_rendition(l) || is_url(l) || is_furniture(l)
}

fn is_url(l: &str) -> bool {
    (l.starts_with("http://") || l.starts_with("https://")) && !l.contains(' ')
}

/// Old short and old long pages.
fn old(page: &Page, b: &mut Builder) -> Result<()> {
    let get = page
        .find(0, |l| l.eq_ignore_ascii_case("get citation"))
        .unwrap_or(0);
    let bullet = page.find(0, |l| l == "Citation").unwrap_or(get);
    // header: date line, upper-case title, funder line
    for i in 0..bullet.min(get) {
        let l = page.bare(i);
        if l.is_empty() || is_furniture(l) {
            continue;
        }
        if l.starts_with(FUNDER_PHRASE) {
            b.funder_line = Some(l.to_string());
        } else if b.date_line.is_none() && Date::is_date_text(l) {
            b.date_line = Some(l.to_string());
        } else if b.title_line.is_none() {
            b.title_line = Some(l.to_string());
        } else {
            b.extra.push(Extra {
                label: "header".into(),
                value: l.to_string(),
            });
        }
    }
    let share = page
        .find(get + 1, |l| l.eq_ignore_ascii_case("share document"))
        .unwrap_or(page.lines.len());
    // summary and citation between "get citation" and "share document"
    let lines: Vec<(usize, &str)> = (get + 1..share)
        .map(|i| (i, page.lines[i].text))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let joined_from = |k: usize| {
        lines[k..]
            .iter()
            .map(|(_, l)| normalise_spaces(l))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let quoted: Vec<usize> = (0..lines.len())
        .filter(|&k| lines[k].1.starts_with(['"', '“', '„']))
        .collect();
    // the citation is the last item: a summary may start with a quote too
    let start = quoted
        .iter()
        .copied()
        .rfind(|&k| joined_from(k).contains("Digital Archive"))
        .or_else(|| quoted.last().copied())
        .or_else(|| {
            lines
                .iter()
                .position(|(_, l)| l.contains("Digital Archive"))
        })
        .or_else(|| lines.len().checked_sub(1));
    let Some(start) = start else {
        return Err(Error::syntax(
            "block",
            page.bare_position(share),
            "the citation line after \"get citation\"",
            page.bare(share),
        ));
    };
    b.citation = Some(joined_from(start));
    let summary: Vec<String> = lines[..start]
        .iter()
        .map(|(_, l)| normalise_spaces(l))
        .collect();
    if !summary.is_empty() {
        b.summary = Some(summary.join(" "));
    }
    // after "share document": URL line, "VIEW DOCUMENT IN", renditions, then the body; a
    // trailer that lists the formats itself says the body starts right away
    let trailer = trailer(page, share + 1);
    let listed = trailer
        .as_ref()
        .is_some_and(|(_, e)| e.iter().any(|(l, _)| *l == "Formats on offer"));
    let mut i = share + 1;
    while i < page.lines.len() && !listed {
        let l = page.bare(i);
        if l.is_empty() || is_furniture(l) {
        } else if is_url(l) && b.url_line.is_none() && b.renditions.is_empty() {
            b.url_line = Some(l.to_string());
        } else if is_rendition(l) {
            b.renditions.push(l.parse().unwrap_or_else(|e| match e {}));
        } else {
            break;
        }
        i += 1;
    }
    let end = trailer.as_ref().map_or(page.lines.len(), |(at, _)| *at);
    b.body = page
        .paragraphs(i.min(end), end)
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    if let Some((_, entries)) = trailer {
        apply_trailer(entries, b);
    }
    Ok(())
}

/// The labels of the trailer the writer appends after "Document Information" (one
/// `Label: value` per line), for what the old layout has no place for.
const TRAILER_LABELS: &[&str] = &[
    "Author(s)",
    "Associated Places",
    "Subjects Discussed",
    "Type",
    "Language",
    "Record ID",
    "Formats on offer",
    "Summary",
    "Note",
];

/// The trailer: the last "Document Information" line after `from` when every non-empty line
/// after it is a `Label: value` line of [`TRAILER_LABELS`]. Returns its line and its entries.
fn trailer(page: &Page, from: usize) -> Option<(usize, Vec<(&'static str, String)>)> {
    let info = (from..page.lines.len())
        .rev()
        .find(|&i| page.lines[i].text == "Document Information")?;
    let mut entries = Vec::new();
    for l in &page.lines[info + 1..] {
        if l.text.is_empty() {
            continue;
        }
        let (label, value) = TRAILER_LABELS.iter().find_map(|&label| {
            let rest = l.text.strip_prefix(label)?.strip_prefix(':')?;
            Some((label, rest.strip_prefix(' ').unwrap_or(rest)))
        })?;
        entries.push((label, value.to_string()));
    }
    Some((info, entries))
}

fn apply_trailer(entries: Vec<(&'static str, String)>, b: &mut Builder) {
    for (label, value) in entries {
        match label {
            "Author(s)" => b.authors.push(Name::parse(&value)),
            "Associated Places" => b.places.push(value),
            "Subjects Discussed" => b.subjects.push(value),
            "Type" => b.genre = Some(value),
            "Language" => b.languages.push(value),
            "Record ID" => b.record_id = Some(value),
            "Summary" => b.summary = Some(value),
            "Formats on offer" => {
                b.renditions = value
                    .split("; ")
                    .filter(|v| !v.is_empty())
                    .map(|v| v.parse().unwrap_or_else(|e| match e {}))
                    .collect()
            }
            _ => {
                let (label, value) = value.split_once(": ").unwrap_or(("note", value.as_str()));
                b.extra.push(Extra {
                    label: label.to_string(),
                    value: value.to_string(),
                });
            }
        }
    }
}

/// A label line: "Type", "Type:", "Type: Letter", "Record ID 120502". Returns the label and the
/// value on the same line.
fn label_of(l: &str) -> Option<(&'static str, &str)> {
    label_in(l, false)
}

/// As [`label_of`]; `documented` says the line comes after "Document Information", where
/// "Source RGASPI, f. 558 …", "Type Letter" and "Language Russian" are labels too (before it,
/// such a line is more likely text that starts with the word).
fn label_in(l: &str, documented: bool) -> Option<(&'static str, &str)> {
    for &label in SECTION_LABELS.iter().chain(PDF_LABELS) {
        if let Some(rest) = l.strip_prefix(label) {
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            if rest.is_empty() {
                return Some((label, ""));
            }
            if let Some(v) = rest.strip_prefix(' ') {
                let v = v.trim();
                let loose = match label {
                    "Source" => documented && starts_upper(v) && v.contains([',', '.']),
                    "Type" => documented && v.split(' ').count() <= 4 && starts_upper(v),
                    "Language" => {
                        documented
                            && v.split([',', ' '])
                                .filter(|w| !w.is_empty() && *w != "and")
                                .all(starts_upper)
                    }
                    _ => true,
                };
                if loose || l[label.len()..].starts_with(':') {
                    return Some((label, v));
                }
            }
        }
    }
    None
}

/// The labelled sections of the new site in lines `from..to`.
fn sections(page: &Page, from: usize, to: usize, b: &mut Builder) {
    let mut current: Option<(&'static str, Vec<String>)> = None;
    let flush = |sec: Option<(&'static str, Vec<String>)>, b: &mut Builder| {
        if let Some((label, values)) = sec {
            section(label, values, b);
        }
    };
    let mut blank = false;
    let mut documented = false;
    for i in from..to.min(page.lines.len()) {
        let l = page.bare(i);
        if let Some((label, same_line)) = label_in(l, documented) {
            documented |= label == "Document Information";
            flush(current.take(), b);
            let mut values = Vec::new();
            if !same_line.is_empty() {
                values.push(same_line.to_string());
            }
            current = Some((label, values));
            blank = false;
            continue;
        }
        if l.is_empty() {
            blank = true;
            continue;
        }
        if let Some((_, values)) = &mut current {
            match values.last_mut() {
                Some(last) if !blank => {
                    last.push('\n');
                    last.push_str(&normalise_spaces(l));
                }
                _ => values.push(normalise_spaces(l)),
            }
        }
        blank = false;
    }
    flush(current.take(), b);
}

fn section(label: &'static str, values: Vec<String>, b: &mut Builder) {
    let lines = || {
        values
            .iter()
            .flat_map(|v| v.split('\n'))
            .map(str::to_string)
    };
    let para = || {
        let v: Vec<String> = values.iter().map(|v| v.replace('\n', " ")).collect();
        (!v.is_empty()).then(|| v.join(" "))
    };
    match label {
        "Author(s)" => b.authors = lines().map(|n| Name::parse(&n)).collect(),
        "Associated Places" => b.places = lines().collect(),
        "Subjects Discussed" => b.subjects = lines().collect(),
        "Source" | "Citation" => {
            if let Some(p) = para() {
                if label == "Source" {
                    b.source = Some(p);
                } else {
                    b.citation = Some(p);
                }
            }
        }
        "Type" => b.genre = para(),
        "Language" | "Original Language" => {
            b.languages = lines()
                .flat_map(|l| l.split(", ").map(str::to_string).collect::<Vec<_>>())
                .filter(|l| !l.is_empty())
                .collect()
        }
        "Record ID" => b.record_id = para(),
        "Summary" => b.summary = para(),
        "Credits" => b.funder_line = para(),
        "Document Information" | "Rights" => {}
        _ => {
            for v in values {
                b.extra.push(Extra {
                    label: label.to_string(),
                    value: v.replace('\n', " "),
                });
            }
        }
    }
}

/// The 2023 site.
fn new(page: &Page, b: &mut Builder) -> Result<()> {
    let mut i = page
        .find(0, |l| !l.is_empty() && !is_furniture(l))
        .unwrap_or(page.lines.len());
    // the page's address above its date (saved with the page)
    while is_url(page.bare(i)) {
        b.url_line.get_or_insert_with(|| page.bare(i).to_string());
        i = page
            .find(i + 1, |l| !l.is_empty() && !is_furniture(l))
            .unwrap_or(page.lines.len());
    }
    let first = page.bare(i);
    if Date::is_date_text(first) {
        b.date_line = Some(first.to_string());
        i = page
            .find(i + 1, |l| !l.is_empty())
            .unwrap_or(page.lines.len());
    } else if !first.is_empty() && label_of(first).is_none() && unread_date(page, i) {
        b.extra.push(Extra {
            label: "date".into(),
            value: first.to_string(),
        });
        i = page
            .find(i + 1, |l| !l.is_empty())
            .unwrap_or(page.lines.len());
    }
    let title = page.bare(i);
    if title.is_empty() || label_of(title).is_some() {
        return Err(Error::syntax(
            "block",
            page.position(i),
            "the document's title",
            title,
        ));
    }
    b.title_line = Some(normalise_spaces(title));
    i += 1;
    if let Some(f) = page.find(i, |l| !l.is_empty()) {
        if page.bare(f).starts_with(FUNDER_PHRASE) {
            b.funder_line = Some(page.bare(f).to_string());
            i = f + 1;
        }
    }
    let labels = page
        .find(i, |l| {
            matches!(label_of(l), Some((name, _)) if ["Author(s)", "Associated Places", "Associated People & Organizations", "Associated Topics", "Subjects Discussed", "Document Information"].contains(&name))
        })
        .unwrap_or(page.lines.len());
    let mut paragraphs: Vec<String> = page
        .paragraphs(i, labels)
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    b.summary = paragraphs.pop();
    b.body = paragraphs;
    sections(page, labels, page.lines.len(), b);
    Ok(())
}

/// Is line `i`, the first of a new-site page but not a date we read, still its date line
/// ("Undated", "Circa 1950s")? It is short and date-like, and the title follows it (a funder
/// line right after says it was the title: the page has no date line).
fn unread_date(page: &Page, i: usize) -> bool {
    let l = page.bare(i);
    let lower = l.to_lowercase();
    let datelike = l.contains(|c: char| c.is_ascii_digit())
        || ["undated", "n.d", "unknown", "circa"]
            .iter()
            .any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| crate::record::month_number(w).is_some());
    let funder_next = page
        .find(i + 1, |l| !l.is_empty())
        .is_some_and(|n| page.bare(n).starts_with(FUNDER_PHRASE));
    l.chars().count() <= 40 && datelike && !funder_next
}

/// The PDF export.
fn pdf(page: &Page, b: &mut Builder) -> Result<()> {
    let citation = page
        .find(0, |l| matches!(label_of(l), Some(("Citation", _))))
        .unwrap_or(0);
    // header: "<date> <title>" on one line
    for i in 0..citation {
        let l = page.bare(i);
        if l.is_empty() || is_furniture(l) {
            continue;
        }
        let mut cut = None;
        for (k, _) in l.match_indices(' ') {
            if Date::is_date_text(&l[..k]) {
                cut = Some(k);
            }
        }
        match cut {
            Some(k) => {
                b.date_line = Some(l[..k].to_string());
                b.title_line = Some(l[k + 1..].to_string());
            }
            None if Date::is_date_text(l) => b.date_line = Some(l.to_string()),
            None => b.title_line = Some(l.to_string()),
        }
    }
    let contents = page.find(citation, |l| matches!(label_of(l), Some(("Contents", _))));
    sections(page, citation, contents.unwrap_or(page.lines.len()), b);
    if let Some(c) = contents {
        let mut paragraphs: Vec<String> = page
            .paragraphs(c, page.lines.len())
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        if let Some(first) = paragraphs.first_mut() {
            *first = first
                .strip_prefix("Contents:")
                .unwrap_or(first)
                .trim_start()
                .to_string();
        }
        if paragraphs.first().is_some_and(String::is_empty) {
            paragraphs.remove(0);
        }
        if let Some(first) = paragraphs.first_mut() {
            // leading renditions: "English Translation", "Original Scan", "Russian Transcript"
            let mut rest = first.as_str();
            let mut found = Vec::new();
            loop {
                let mut words = rest.splitn(3, ' ');
                let (Some(a), Some(k)) = (words.next(), words.next()) else {
                    break;
                };
                let label = format!("{a} {k}");
                if !is_rendition(&label) {
                    break;
                }
                found.push(label);
                rest = words.next().unwrap_or("");
            }
            for label in found {
                b.renditions
                    .push(label.parse().unwrap_or_else(|e| match e {}));
            }
            *first = rest.to_string();
        }
        b.body = paragraphs.into_iter().filter(|p| !p.is_empty()).collect();
    }
    Ok(())
}
