//! The block writer: a record as a page in the old short layout.

use super::citation::parse_citation;
use crate::record::{month_name, Bound, Date, DigitalArchive, Edtf, Point, Precision, Record};
use std::fmt::Write as _;

pub(crate) fn write(r: &Record) -> String {
    let mut out =
        String::with_capacity(1024 + r.body.iter().map(|b| b.text().len() + 2).sum::<usize>());
    out.push_str("Search in\n\nDigital Archive International History Declassified\n\n");
    if let Some(d) = &r.date {
        out.push_str(&date_text(d));
        out.push_str("\n\n");
    }
    if !r.funders.is_empty() {
        out.push_str("This document was made possible with support from the ");
        out.push_str(&one_line(&r.funders.join(", ")));
        // the sentence's period, always: the reader strips exactly one ("Inc." keeps its own)
        out.push_str(".\n\n");
    }
    out.push_str("  • Citation\n\n    get citation\n\n");
    let summary_in_trailer = r.summary.as_deref().is_some_and(reads_as_marker);
    if let Some(s) = r.summary.as_ref().filter(|_| !summary_in_trailer) {
        let _ = writeln!(out, "    {}", one_line(s));
    }
    let _ = writeln!(out, "    {}", citation_line(r));
    out.push_str("  • share document\n\n\n");
    // a first paragraph the reader would take for a format, a URL or page furniture makes the
    // trailer list the formats instead
    let formats_listed = r
        .body
        .first()
        .is_some_and(|b| super::read::ambiguous_after_share(&one_line(b.text())))
        || r.renditions
            .iter()
            .any(|f| !super::read::is_rendition(f.label()) || f.label().contains("; "));
    if !formats_listed {
        for rendition in &r.renditions {
            let _ = writeln!(out, "{}\n", one_line(rendition.label()));
        }
    }
    for block in &r.body {
        let _ = writeln!(out, "{}\n", one_line(block.text()));
    }
    trailer(r, &mut out, formats_listed, summary_in_trailer);
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// Newlines inside a field would split it into paragraphs: the block holds one line per field.
fn one_line(s: &str) -> String {
    if s.contains(['\n', '\r']) {
        s.split(['\n', '\r'])
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        s.to_string()
    }
}

/// Where the old layout has no place for a field, a trailer after "Document Information" holds
/// it, one `Label: value` per line. It is also written whenever the body could be mistaken for
/// one, and it lists the formats when the first body paragraph could be mistaken for a format.
fn trailer(r: &Record, out: &mut String, formats_listed: bool, summary: bool) {
    let url_id = r
        .digital
        .url
        .as_deref()
        .and_then(DigitalArchive::id_from_url);
    let record_id = r
        .digital
        .doc_id
        .as_ref()
        .filter(|id| url_id.as_ref() != Some(*id));
    let body_has_marker = r
        .body
        .iter()
        .any(|b| one_line(b.text()).trim() == "Document Information");
    if r.authors.is_empty()
        && r.places.is_empty()
        && r.subjects.is_empty()
        && r.genre.is_none()
        && r.languages.is_empty()
        && record_id.is_none()
        && r.extra.is_empty()
        && !formats_listed
        && !body_has_marker
        && !summary
    {
        return;
    }
    out.push_str("Document Information\n\n");
    let mut entry = |label: &str, value: &str| {
        let _ = writeln!(out, "{label}: {}", one_line(value));
    };
    for a in &r.authors {
        entry("Author(s)", &a.to_string());
    }
    for p in &r.places {
        entry("Associated Places", p);
    }
    for s in &r.subjects {
        entry("Subjects Discussed", s);
    }
    if let Some(g) = &r.genre {
        entry("Type", g);
    }
    for l in &r.languages {
        entry("Language", l);
    }
    if let Some(id) = record_id {
        entry("Record ID", id);
    }
    if formats_listed {
        let labels: Vec<&str> = r.renditions.iter().map(|f| f.label()).collect();
        entry("Formats on offer", &labels.join("; "));
    }
    if let Some(s) = r.summary.as_deref().filter(|_| summary) {
        entry("Summary", s);
    }
    for e in &r.extra {
        entry("Note", &format!("{}: {}", e.label, e.value));
    }
}

/// A summary the reader would take for the page's "share document" or "get citation" line.
fn reads_as_marker(summary: &str) -> bool {
    let l = super::page::unbullet(one_line(summary).trim()).to_string();
    l.eq_ignore_ascii_case("share document") || l.eq_ignore_ascii_case("get citation")
}

/// The record's own citation line if it still agrees with the fields, else one built from them.
pub(crate) fn citation_line(r: &Record) -> String {
    if let Some(c) = &r.citation {
        if agrees(c, r) {
            return c.clone();
        }
    }
    build(r)
}

/// True if reading `line` gives the record's title, date, archive name, source, credits and URL.
/// A citation without a date agrees with any date (the page's date line carries it); one with an
/// unparseable date agrees if the record kept that text.
fn agrees(line: &str, r: &Record) -> bool {
    let c = parse_citation(line);
    let date_agrees = match (c.date, &r.date) {
        (None, _) => true,
        (Some(t), d) => match Date::from_text(t) {
            Ok(parsed) => d.as_ref() == Some(&parsed),
            Err(_) => r.extra.iter().any(|e| e.label == "date" && e.value == t),
        },
    };
    c.title.unwrap_or("") == r.title
        && date_agrees
        && c.program == r.digital.name.as_deref()
        && c.source.archive.map(crate::record::Original::parse) == r.original
        && c.source.credits == r.credit_line.as_deref()
        && c.source.url.as_deref() == r.digital.url.as_deref()
}

fn build(r: &Record) -> String {
    let mut s = String::with_capacity(256);
    s.push('"');
    s.push_str(&one_line(&r.title));
    s.push_str(",\"");
    let mut slots: Vec<String> = Vec::new();
    if let Some(d) = &r.date {
        slots.push(date_text(d));
    }
    if let Some(p) = &r.digital.name {
        slots.push(one_line(p));
    }
    if let Some(o) = &r.original {
        slots.push(one_line(o.raw()));
    }
    let mut rest = slots.join(", ");
    if let Some(credits) = r.credit_sentence() {
        if !rest.is_empty() {
            rest.push_str(if rest.ends_with('.') { " " } else { ". " });
        }
        rest.push_str(&one_line(&credits));
    }
    if let Some(u) = &r.digital.url {
        if !rest.is_empty() {
            rest.push(' ');
        }
        rest.push_str(u);
    }
    if !rest.is_empty() {
        s.push(' ');
        s.push_str(&rest);
    }
    s
}

/// The date as the archive prints it ("December 07, 1957"), or its EDTF text where words cannot
/// say it exactly.
pub(crate) fn date_text(d: &Date) -> String {
    if let Some(t) = d.text() {
        if Date::from_text(t).is_ok_and(|p| p.edtf() == d.edtf()) {
            return t.to_string();
        }
    }
    let human = match d.edtf() {
        Edtf::Point(p) => Some(point_text(p)),
        Edtf::Interval(Bound::Point(a), Bound::Point(b)) => {
            Some(format!("{} - {}", point_text(a), point_text(b)))
        }
        Edtf::Interval(..) => None,
    };
    match human {
        Some(h) if Date::from_text(&h).is_ok_and(|p| p.edtf() == d.edtf()) => h,
        _ => d.edtf().to_string(),
    }
}

fn point_text(p: &Point) -> String {
    let core = match p.precision() {
        Precision::Day => format!(
            "{} {:02}, {:04}",
            month_name(p.month().unwrap_or(1)),
            p.day().unwrap_or(1),
            p.year()
        ),
        Precision::Month | Precision::Season => {
            format!("{} {:04}", month_name(p.month().unwrap_or(1)), p.year())
        }
        _ => format!("{:04}", p.year()),
    };
    let mut out = if p.approximate() {
        format!("circa {core}")
    } else {
        core
    };
    if p.uncertain() {
        out.push('?');
    }
    out
}
