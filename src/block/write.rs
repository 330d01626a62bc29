//! The block writer: a record as a page in the old short layout.

use super::citation::parse_citation;
use crate::record::{month_name, Bound, Date, DigitalArchive, Edtf, Point, Precision, Record};
use std::fmt::Write as _;

/// Labels the reader knows as sections; other extras go under "Notes" as "label: value".
const KNOWN_EXTRA: &[&str] = &[
    "Original Archive",
    "Original Uploaded Date",
    "Associated People & Organizations",
    "Associated Topics",
];

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
        out.push_str("\n\n");
    }
    out.push_str("  • Citation\n\n    get citation\n\n");
    if let Some(s) = &r.summary {
        let _ = writeln!(out, "    {}", one_line(s));
    }
    let _ = writeln!(out, "    {}", citation_line(r));
    out.push_str("  • share document\n\n\n");
    for rendition in &r.renditions {
        let _ = writeln!(out, "{}\n", one_line(rendition.label()));
    }
    for block in &r.body {
        let _ = writeln!(out, "{}\n", one_line(block.text()));
    }
    trailer(r, &mut out);
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

fn trailer(r: &Record, out: &mut String) {
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
    let (known, notes): (Vec<_>, Vec<_>) = r
        .extra
        .iter()
        .partition(|e| KNOWN_EXTRA.contains(&e.label.as_str()));
    if r.authors.is_empty()
        && r.places.is_empty()
        && r.subjects.is_empty()
        && r.genre.is_none()
        && r.languages.is_empty()
        && record_id.is_none()
        && r.extra.is_empty()
    {
        return;
    }
    let list = |out: &mut String, label: &str, items: &mut dyn Iterator<Item = String>| {
        let items: Vec<String> = items
            .map(|i| one_line(&i))
            .filter(|i| !i.trim().is_empty())
            .collect();
        if !items.is_empty() {
            let _ = writeln!(out, "{label}\n\n{}\n", items.join("\n"));
        }
    };
    list(
        out,
        "Author(s):",
        &mut r.authors.iter().map(ToString::to_string),
    );
    list(out, "Associated Places", &mut r.places.iter().cloned());
    list(out, "Subjects Discussed", &mut r.subjects.iter().cloned());
    out.push_str("Document Information\n\n");
    for e in known {
        let _ = writeln!(out, "{}\n\n{}\n", e.label, one_line(&e.value));
    }
    if !notes.is_empty() {
        out.push_str("Notes\n\n");
        for e in notes {
            let _ = writeln!(out, "{}: {}\n", one_line(&e.label), one_line(&e.value));
        }
    }
    list(out, "Type", &mut r.genre.iter().cloned());
    list(out, "Language", &mut r.languages.iter().cloned());
    list(out, "Record ID", &mut record_id.into_iter().cloned());
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
            Err(_) => d.is_none() && r.extra.iter().any(|e| e.label == "date" && e.value == t),
        },
    };
    c.title.unwrap_or("") == r.title
        && date_agrees
        && c.program == r.digital.name.as_deref()
        && c.source.archive.map(crate::record::Original::parse) == r.original
        && c.source.credits == r.credit_line.as_deref()
        && c.source.url == r.digital.url.as_deref()
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
