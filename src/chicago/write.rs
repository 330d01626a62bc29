//! The three forms, written.

use super::date::{printable, write_date};
use super::{family_form, short_title, Edition, Form, Markup, ShortNoteDate, Style};
use crate::record::{Name, Record, Role, SourceKind};

/// Output with markup: text is escaped for the target, italics are marked up.
struct Out {
    s: String,
    markup: Markup,
}

impl Out {
    fn new(markup: Markup) -> Out {
        Out {
            s: String::with_capacity(256),
            markup,
        }
    }

    /// Raw punctuation and fixed words (never need escaping).
    fn raw(&mut self, t: &str) {
        self.s.push_str(t);
    }

    fn text(&mut self, t: &str) {
        match self.markup {
            Markup::Plain => self.s.push_str(t),
            Markup::Html => {
                for c in t.chars() {
                    match c {
                        '&' => self.s.push_str("&amp;"),
                        '<' => self.s.push_str("&lt;"),
                        '>' => self.s.push_str("&gt;"),
                        '"' => self.s.push_str("&quot;"),
                        c => self.s.push(c),
                    }
                }
            }
            Markup::Markdown => {
                for c in t.chars() {
                    if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '&') {
                        self.s.push('\\');
                    }
                    self.s.push(c);
                }
            }
        }
    }

    /// A URL: in Markdown an autolink, since escapes inside a bare URL would end the link.
    fn url(&mut self, u: &str) {
        if self.markup == Markup::Markdown
            && !u.contains(|c: char| c.is_whitespace() || c == '<' || c == '>')
        {
            self.raw("<");
            self.raw(u);
            self.raw(">");
        } else {
            self.text(u);
        }
    }

    fn italic(&mut self, t: &str) {
        let (open, close) = match self.markup {
            Markup::Plain => ("", ""),
            Markup::Html => ("<i>", "</i>"),
            Markup::Markdown => ("*", "*"),
        };
        self.raw(open);
        self.text(t);
        self.raw(close);
    }

    /// The period that ends an element, unless the element's own last character ends it
    /// (CMOS: no second period after an abbreviation's; "?" and "!" stand for the period).
    fn end_element(&mut self, element: &str) {
        if !ends_itself(element) {
            self.raw(".");
        }
    }
}

/// True if `element` already ends with the punctuation that closes it.
fn ends_itself(element: &str) -> bool {
    element.ends_with(['?', '!', '.'])
}

/// How many names to print, and whether "et al." follows.
fn et_al(count: usize, edition: Edition, form: Form) -> (usize, bool) {
    let (min, first) = match (form, edition) {
        (Form::Bibliography, Edition::Seventeenth) => (11, 7),
        (Form::Bibliography, Edition::Eighteenth) => (7, 3),
        (_, Edition::Seventeenth) => (4, 1),
        (_, Edition::Eighteenth) => (3, 1),
    };
    if count >= min {
        (first, true)
    } else {
        (count, false)
    }
}

/// Names in running text: "A", "A and B", "A, B, and C", "A et al." (bibliography: the first
/// name inverted, "Family, Given, and B").
fn names(out: &mut Out, list: &[String], et: bool, form: Form) {
    let n = list.len();
    for (i, name) in list.iter().enumerate() {
        if i > 0 {
            let inverted_first = form == Form::Bibliography && i == 1 && list[0].contains(", ");
            if i + 1 == n && !et {
                out.raw(if n > 2 || inverted_first {
                    ", and "
                } else {
                    " and "
                });
            } else {
                out.raw(", ");
            }
        }
        out.text(name);
    }
    if et {
        out.raw(if n > 1 { ", et al." } else { " et al." });
    }
}

/// The bibliography's inverted form of a name: "Family, Given"; East Asian names written family
/// first, and organisations, stay as they are.
pub(crate) fn inverted(name: &Name) -> String {
    match name {
        Name::Person(p) if p.family_first => name.to_string(),
        _ => name.inverted(),
    }
}

fn name_strings(list: &[&Name], edition: Edition, form: Form) -> (Vec<String>, bool) {
    let (take, et) = et_al(list.len(), edition, form);
    let v = list
        .iter()
        .take(take)
        .enumerate()
        .map(|(i, n)| match form {
            Form::Bibliography if i == 0 => inverted(n),
            Form::ShortNote => family_form(n),
            _ => n.to_string(),
        })
        .collect();
    (v, et)
}

fn joined(list: &[String], et: bool, form: Form) -> String {
    let mut o = Out::new(Markup::Plain);
    names(&mut o, list, et, form);
    o.s
}

/// The shelfmark, with a published book's title in italics.
fn shelfmark(out: &mut Out, record: &Record, raw: &str) {
    let published = record
        .original
        .as_ref()
        .is_some_and(|o| o.kind() == SourceKind::Published);
    match published.then(|| book_title(raw)).flatten() {
        Some((a, b)) if out.markup != Markup::Plain => {
            out.text(&raw[..a]);
            out.italic(&raw[a..b]);
            out.text(&raw[b..]);
        }
        _ => out.text(raw),
    }
}

/// The span of a book's title in "Author. Title. (Place: Publisher, Year), pages.": the text
/// after the first ". " up to the next ". " or " (".
pub(crate) fn book_title(raw: &str) -> Option<(usize, usize)> {
    let start = raw.find(". ")? + 2;
    let rest = &raw[start..];
    let len = [rest.find(". "), rest.find(" (")]
        .into_iter()
        .flatten()
        .min()?;
    (len > 0).then_some((start, start + len))
}

struct Parts<'r> {
    authors: Vec<&'r Name>,
    editors: Vec<&'r Name>,
    translators: Vec<&'r Name>,
}

fn parts(record: &Record) -> Parts<'_> {
    Parts {
        authors: record.authors.iter().collect(),
        editors: record.names_with(&Role::Editor),
        translators: record.names_with(&Role::Translator),
    }
}

/// The elements that follow the title, each as plain text with its kind (for the final period).
fn credits(p: &Parts<'_>, edition: Edition, form: Form) -> Vec<String> {
    let mut v = Vec::new();
    let bib = form == Form::Bibliography;
    let list = |names: &[&Name]| {
        let (take, et) = et_al(names.len(), edition, form);
        let l: Vec<String> = names.iter().take(take).map(|n| n.to_string()).collect();
        joined(&l, et, Form::Note)
    };
    if !p.editors.is_empty() && p.editors == p.translators {
        let prefix = if bib {
            "Edited and translated by "
        } else {
            "ed. and trans. "
        };
        v.push(format!("{prefix}{}", list(&p.editors)));
        return v;
    }
    if !p.editors.is_empty() {
        let prefix = if bib { "Edited by " } else { "ed. " };
        v.push(format!("{prefix}{}", list(&p.editors)));
    }
    if !p.translators.is_empty() {
        let prefix = if bib { "Translated by " } else { "trans. " };
        v.push(format!("{prefix}{}", list(&p.translators)));
    }
    v
}

fn open_quote(out: &mut Out) {
    out.raw("\u{201c}");
}

/// The full note.
pub(crate) fn note(record: &Record, style: &Style) -> String {
    let edition = style.edition();
    let mut out = Out::new(style.markup);
    let p = parts(record);
    if !p.authors.is_empty() {
        let (l, et) = name_strings(&p.authors, edition, Form::Note);
        names(&mut out, &l, et, Form::Note);
        out.raw(", ");
    }
    open_quote(&mut out);
    out.text(&record.title);
    // What follows the title, as (text, is a name list) for the final period.
    let credit = credits(&p, edition, Form::Note);
    let date = record.date.as_ref().filter(|d| printable(d));
    let shelf = record.shelfmark().filter(|s| !s.is_empty());
    let archive = record.digital.name.as_deref().filter(|s| !s.is_empty());
    let url = record.digital.url.as_deref().filter(|s| !s.is_empty());
    let follows = !credit.is_empty()
        || date.is_some()
        || shelf.is_some()
        || archive.is_some()
        || url.is_some();
    if !follows {
        if !ends_itself(&record.title) {
            out.raw(".");
        }
        out.raw("\u{201d}");
        return out.s;
    }
    if !record.title.ends_with(['?', '!']) {
        out.raw(",");
    }
    out.raw("\u{201d} ");
    let mut first = true;
    let mut sep = |out: &mut Out| {
        if !first {
            out.raw(", ");
        }
        first = false;
    };
    let mut last = String::new();
    for c in &credit {
        sep(&mut out);
        out.text(c);
        last = c.clone();
    }
    if let Some(d) = date {
        sep(&mut out);
        let mut s = String::new();
        write_date(&mut s, d);
        out.text(&s);
        last = s;
    }
    if let Some(s) = shelf {
        sep(&mut out);
        shelfmark(&mut out, record, s);
        last = s.to_string();
    }
    if let Some(a) = archive {
        sep(&mut out);
        out.text(a);
        last = a.to_string();
    }
    if let Some(u) = url {
        sep(&mut out);
        out.url(u);
        last = u.to_string();
    }
    out.end_element(&last);
    out.s
}

/// The short note.
pub(crate) fn short_note(record: &Record, style: &Style) -> String {
    let edition = style.edition();
    let mut out = Out::new(style.markup);
    let authors: Vec<&Name> = record.authors.iter().collect();
    if !authors.is_empty() {
        let (l, et) = name_strings(&authors, edition, Form::ShortNote);
        names(&mut out, &l, et, Form::ShortNote);
        out.raw(", ");
    }
    let title = short_title(&record.title);
    open_quote(&mut out);
    out.text(title);
    let date = record
        .date
        .as_ref()
        .filter(|d| printable(d) && style.short_note_date == ShortNoteDate::Include);
    match date {
        Some(d) => {
            if !title.ends_with(['?', '!']) {
                out.raw(",");
            }
            out.raw("\u{201d} ");
            let mut s = String::new();
            write_date(&mut s, d);
            out.text(&s);
            out.end_element(&s);
        }
        None => {
            if !ends_itself(title) {
                out.raw(".");
            }
            out.raw("\u{201d}");
        }
    }
    out.s
}

/// The bibliography entry.
pub(crate) fn bibliography(record: &Record, style: &Style) -> String {
    let edition = style.edition();
    let mut out = Out::new(style.markup);
    let p = parts(record);
    if !p.authors.is_empty() {
        let (l, et) = name_strings(&p.authors, edition, Form::Bibliography);
        let text = joined(&l, et, Form::Bibliography);
        out.text(&text);
        out.end_element(&text);
        out.raw(" ");
    }
    open_quote(&mut out);
    out.text(&record.title);
    if !ends_itself(&record.title) {
        out.raw(".");
    }
    out.raw("\u{201d}");
    for c in credits(&p, edition, Form::Bibliography) {
        out.raw(" ");
        out.text(&c);
        out.end_element(&c);
    }
    if let Some(d) = record.date.as_ref().filter(|d| printable(d)) {
        let mut s = String::new();
        write_date(&mut s, d);
        // the date opens a sentence: "Ca. 1957.", "Until 1958."
        if let Some(first) = s
            .get(..1)
            .filter(|f| f.bytes().all(|b| b.is_ascii_lowercase()))
        {
            s.replace_range(..1, &first.to_ascii_uppercase());
        }
        out.raw(" ");
        out.text(&s);
        out.end_element(&s);
    }
    if let Some(s) = record.shelfmark().filter(|s| !s.is_empty()) {
        out.raw(" ");
        shelfmark(&mut out, record, s);
        out.end_element(s);
    }
    for t in [
        record.digital.name.as_deref(),
        record.digital.url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    {
        out.raw(" ");
        out.text(t);
        out.end_element(t);
    }
    out.s
}
