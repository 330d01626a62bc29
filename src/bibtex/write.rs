//! Records to .bib entries.

use super::names::write_names;
use super::read::FUNDED;
use super::tex::escape;
use super::Dialect;
use crate::record::{DigitalArchive, Edtf, Record};
use std::collections::HashSet;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A citation key made of characters every .bib tool accepts.
fn clean_key(k: &str) -> String {
    let s: String = k
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() {
        "entry".to_string()
    } else {
        s
    }
}

/// `name = {escaped text},`
fn field(out: &mut String, name: &str, text: &str) {
    out.push_str("  ");
    out.push_str(name);
    for _ in name.len()..12 {
        out.push(' ');
    }
    out.push_str(" = {");
    escape(text, out);
    out.push_str("},\n");
}

/// `name = {raw},` (the value already TeX).
fn raw_field(out: &mut String, name: &str, raw: &str) {
    out.push_str("  ");
    out.push_str(name);
    for _ in name.len()..12 {
        out.push(' ');
    }
    out.push_str(" = {");
    out.push_str(raw);
    out.push_str("},\n");
}

/// Wraps `s` in a brace group if it holds the word "and" (any case, any position).
fn list_item(s: &str, out: &mut String) {
    let brace = s.to_ascii_lowercase().contains("and");
    if brace {
        out.push('{');
    }
    escape(s, out);
    if brace {
        out.push('}');
    }
}

pub(crate) fn write(records: &[Record], dialect: Dialect, chicago: bool) -> String {
    let mut out = String::with_capacity(records.len() * 1024);
    let mut keys: HashSet<String> = HashSet::with_capacity(records.len());
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let base = clean_key(&r.key());
        let mut key = base.clone();
        if keys.contains(&key) {
            // the next suffix to try for a repeated key: many repeats stay linear
            let n = next.entry(base.clone()).or_insert(2);
            loop {
                key = format!("{base}-{n}");
                *n += 1;
                if !keys.contains(&key) {
                    break;
                }
            }
        }
        entry(&mut out, r, &key, dialect, chicago);
        keys.insert(key);
    }
    out
}

fn entry(out: &mut String, r: &Record, key: &str, dialect: Dialect, chicago: bool) {
    let bibtex = dialect == Dialect::Bibtex;
    // biber's data model makes `author` mandatory in @unpublished: unsigned documents (most of
    // the archive's) are archival @misc, which needs only a title and a date.
    let unpublished = !bibtex && !chicago && !r.authors.is_empty();
    let ty = if unpublished { "unpublished" } else { "misc" };
    out.push('@');
    out.push_str(ty);
    out.push('{');
    out.push_str(key);
    out.push_str(",\n");
    if !bibtex && !unpublished {
        raw_field(out, "entrysubtype", "archival");
    }
    if !r.authors.is_empty() {
        let mut s = String::new();
        write_names(&r.authors, &mut s);
        raw_field(out, "author", &s);
    }
    let mut t = String::from("{");
    if chicago && !bibtex {
        t.push_str("\\mkbibquote{");
        escape(&r.title, &mut t);
        t.push('}');
    } else {
        escape(&r.title, &mut t);
    }
    t.push('}');
    raw_field(out, "title", &t);
    if !bibtex {
        let words: Vec<&str> = r.title.split(' ').collect();
        if words.len() > 4 {
            let mut s = String::from("{");
            escape(&words[..4].join(" "), &mut s);
            s.push('}');
            raw_field(out, "shorttitle", &s);
        }
    }
    if let Some(d) = &r.date {
        if bibtex {
            if let Some(p) = d.edtf().first() {
                raw_field(out, "year", &format!("{:04}", p.year()));
                if let Some(m) = p.month().filter(|m| (1..=12).contains(m)) {
                    out.push_str("  month        = ");
                    out.push_str(MONTHS.get(usize::from(m) - 1).copied().unwrap_or("jan"));
                    out.push_str(",\n");
                    if let Some(day) = p.day() {
                        raw_field(out, "day", &day.to_string());
                    }
                }
            }
        } else {
            raw_field(out, "date", &edtf_for_biblatex(d.edtf()));
        }
    }
    if let Some(h) = &r.digital.name {
        field(out, "howpublished", h);
    }
    if let Some(u) = &r.digital.url {
        raw_field(out, "url", &escape_url(u));
    }
    if let Some(id) = &r.digital.doc_id {
        let derived = r
            .digital
            .url
            .as_deref()
            .and_then(DigitalArchive::id_from_url);
        if derived.as_deref() != Some(id.as_str()) {
            field(out, "eprint", id);
            raw_field(out, "eprinttype", "wcda");
        }
    }
    // `Original::parse` drops one final period: give it one to drop where the raw text ends in one.
    let shelf = r.shelfmark().filter(|s| !s.is_empty()).map(|s| {
        if s.ends_with('.') {
            format!("{s}.")
        } else {
            s.to_string()
        }
    });
    let shelf = shelf.as_deref();
    let credit = r.credit_sentence().filter(|s| !s.is_empty());
    if bibtex {
        let mut note = String::new();
        if let Some(s) = shelf {
            note.push('{');
            escape(s, &mut note);
            note.push('}');
            if credit.is_some() {
                note.push_str(if s.ends_with('.') { " " } else { ". " });
            }
        }
        if let Some(c) = &credit {
            escape(c, &mut note);
        }
        if !note.is_empty() {
            raw_field(out, "note", &note);
        }
    } else {
        if let Some(s) = shelf {
            field(out, "note", s);
        }
        if let Some(c) = &credit {
            field(out, "addendum", c);
        }
    }
    if let Some(g) = &r.genre {
        field(out, "type", g);
    }
    if !r.languages.is_empty() {
        let mut s = String::new();
        for (k, l) in r.languages.iter().enumerate() {
            if k > 0 {
                s.push_str(" and ");
            }
            list_item(l, &mut s);
        }
        raw_field(out, "language", &s);
    }
    if let Some(a) = &r.summary {
        field(out, "abstract", a);
    }
    if !r.subjects.is_empty() {
        let mut s = String::new();
        for (k, w) in r.subjects.iter().enumerate() {
            if k > 0 {
                s.push_str(", ");
            }
            let brace = w.contains(',');
            if brace {
                s.push('{');
            }
            escape(w, &mut s);
            if brace {
                s.push('}');
            }
        }
        raw_field(out, "keywords", &s);
    }
    if !r.funders.is_empty() {
        let mut s = String::from(FUNDED);
        for (k, f) in r.funders.iter().enumerate() {
            if k > 0 {
                s.push_str(" and ");
            }
            s.push_str("the ");
            list_item(f, &mut s);
        }
        s.push('.');
        raw_field(out, "annotation", &s);
    }
    out.push_str("}\n");
}

/// biblatex reads ISO 8601-2 level 1 in `date`; our EDTF text is written as is.
fn edtf_for_biblatex(e: &Edtf) -> String {
    e.to_string()
}

/// URLs are verbatim fields: only `%`, `#`, braces and backslashes need care.
fn escape_url(u: &str) -> String {
    let mut s = String::with_capacity(u.len());
    for c in u.chars() {
        match c {
            '{' => s.push_str("%7B"),
            '}' => s.push_str("%7D"),
            '\\' => s.push_str("%5C"),
            c if c.is_whitespace() => s.push_str("%20"),
            c => s.push(c),
        }
    }
    s
}
