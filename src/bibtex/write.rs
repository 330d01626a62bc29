//! Records to .bib entries.

use super::names::{name_field_of_role, write_names, EDITOR_FIELDS};
use super::read::{short_title, FUNDED, TYPE_KEYS};
use super::tex::escape;
use super::Dialect;
use crate::record::bibliographic::csl_type_of_entry;
use crate::record::bibliographic::{
    entry_of_csl_type, entrysubtype_of_csl_type, field_of_label, is_date_label, label_of_field,
    langid_of_language, BIB, CSL_TYPES, ID, TYPE,
};
use crate::record::{render_credits, Credit, DigitalArchive, Edtf, Extra, Name, Record, Role};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Whether `c` may stand in a citation key: letters, digits and the punctuation biber and
/// BibTeX read in keys and LaTeX's `\cite` takes as it is (`baez/article`, `Smith:1980:ABC`,
/// `doi:10.1000/x.y-z+1`). Not: whitespace, `, { } ( ) " # % =` (biber rejects them, or they end
/// the key), `@` (a reader may take it for the next entry), `` \ ~ ' ` ^ & $ [ ] `` (TeX
/// specials in `\cite`).
fn key_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '-' | '_' | ':' | '.' | '/' | '+' | '!' | '?' | '*' | ';' | '<' | '>' | '|'
        )
}

/// A citation key made of characters every .bib tool accepts.
fn clean_key(k: &str) -> String {
    let s: String = k
        .chars()
        .map(|c| if key_char(c) { c } else { '-' })
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
    entries(records, &keys(records), true, dialect, chicago)
}

/// The citation keys of `records` in one output: the source's own key where it is one every
/// .bib tool accepts, else [`Record::key`]; a repeated key gets `-2`, `-3` …
pub(crate) fn keys(records: &[Record]) -> Vec<String> {
    let mut k = crate::stream::Unique::default();
    records.iter().map(|r| k.unique(key_base(r))).collect()
}

/// The key `r` asks for: the source's own where it is one every .bib tool accepts, else
/// [`Record::key`] (made safe).
pub(crate) fn key_base(r: &Record) -> String {
    match r.extra.iter().find(|x| x.label == ID) {
        Some(id) if clean_key(&id.value) == id.value => id.value.clone(),
        _ => clean_key(&r.key()),
    }
}

/// The entries of `records` under `keys`, a blank line between them (and before the first
/// unless `first`): any run of records can be written apart and the pieces joined.
pub(crate) fn entries(
    records: &[Record],
    keys: &[String],
    first: bool,
    dialect: Dialect,
    chicago: bool,
) -> String {
    let mut out = String::with_capacity(records.len() * 1024);
    for (i, (r, key)) in records.iter().zip(keys).enumerate() {
        if i > 0 || !first {
            out.push('\n');
        }
        entry(&mut out, r, key, dialect, chicago);
    }
    out
}

/// The CSL type of a record that is not archival (a `type` extra naming a CSL type other than
/// `manuscript`).
fn foreign_type(r: &Record) -> Option<&str> {
    r.extra
        .iter()
        .find(|x| x.label == TYPE)
        .map(|x| x.value.as_str())
        .filter(|t| *t != "manuscript" && CSL_TYPES.contains(t))
}

/// Entry types biber's data model declares without fields of their own.
pub(crate) const MEDIA_TYPES: &[&str] = &["review", "video", "movie", "audio", "music", "image"];

fn entry(out: &mut String, r: &Record, key: &str, dialect: Dialect, chicago: bool) {
    let bibtex = dialect == Dialect::Bibtex;
    let foreign = foreign_type(r);
    // biber's data model makes `author` mandatory in @unpublished: unsigned documents (most of
    // the archive's) are archival @misc, which needs only a title and a date.
    let unpublished = foreign.is_none() && !bibtex && !chicago && !r.authors.is_empty();
    // The source's own entry type where it is one the CSL type does not name alone (`@video`).
    let own_type = r
        .extra
        .iter()
        .find(|x| x.label == ENTRYTYPE)
        .map(|x| x.value.as_str())
        .filter(|t| !bibtex && foreign.is_some() && csl_type_of_entry(t) == foreign);
    // biber's model gives @video, @audio, @image … no fields: they are written as @misc with
    // the type as entrysubtype, which the reader takes back
    let media = own_type.filter(|t| MEDIA_TYPES.contains(t));
    let ty = match (foreign, own_type) {
        _ if media.is_some() => "misc",
        (Some(_), Some(own)) => own,
        (Some(t), None) => entry_of_csl_type(t, !bibtex),
        (None, _) if unpublished => "unpublished",
        (None, _) => "misc",
    };
    // BibTeX: a master's thesis is a @mastersthesis.
    let ty = match (ty, r.genre.as_deref()) {
        ("phdthesis", Some(g)) if bibtex && is_type_key(g, "mathesis") => "mastersthesis",
        (ty, _) => ty,
    };
    // What the fields are looked up for: the CSL type, `manuscript` for archival entries.
    let csl_type = foreign.unwrap_or("manuscript");
    let ok = |field: &str| bibtex || allowed(ty, field);
    // Fields written apart from the bibliographic extras (which must not repeat them).
    let mut written: Vec<&str> = vec![
        "author",
        "title",
        "shorttitle",
        "date",
        "year",
        "month",
        "day",
        "url",
        "entrysubtype",
        "note",
        "addendum",
        "type",
        "language",
        "abstract",
        "keywords",
    ];
    out.push('@');
    out.push_str(ty);
    out.push('{');
    out.push_str(key);
    out.push_str(",\n");
    if foreign.is_none() && !bibtex && !unpublished {
        raw_field(out, "entrysubtype", "archival");
    }
    if let Some(sub) = media.or_else(|| {
        foreign
            .and_then(entrysubtype_of_csl_type)
            .filter(|_| !bibtex)
    }) {
        raw_field(out, "entrysubtype", sub);
    }
    if !r.authors.is_empty() {
        let mut s = String::new();
        write_names(&r.authors, &mut s);
        raw_field(out, "author", &s);
    }
    // Entries that are not archival: credits as name fields where the entry type has them; the
    // credit sentence only for what they cannot say.
    let (name_fields, credit) = match foreign {
        Some(_) => credit_fields(r, ty, bibtex),
        None => (Vec::new(), r.credit_sentence().filter(|s| !s.is_empty())),
    };
    for (f, names, editortype) in &name_fields {
        let mut s = String::new();
        write_names(names, &mut s);
        raw_field(out, f, &s);
        written.push(f);
        if let Some((tf, t)) = editortype {
            raw_field(out, tf, t);
            written.push(tf);
        }
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
        // The short title read from elsewhere, else (archival entries) the Chicago short title.
        let short = match r.extra.iter().find(|x| x.label == "title-short") {
            Some(x) => x.value.clone(),
            None if foreign.is_none() => short_title(&r.title),
            None => String::new(),
        };
        if !short.is_empty() {
            let mut s = String::from("{");
            escape(&short, &mut s);
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
    if let Some(h) = r.digital.name.as_ref().filter(|_| ok("howpublished")) {
        field(out, "howpublished", h);
        written.push("howpublished");
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
            written.extend(["eprint", "eprinttype"]);
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
    // A note read from elsewhere takes `note` in a foreign entry (the shelfmark is then lost).
    let foreign_note = r
        .extra
        .iter()
        .find(|x| x.label == "note")
        .filter(|_| foreign.is_some());
    let shelf = match foreign_note {
        Some(n) => Some(n.value.as_str()).filter(|v| !v.is_empty()),
        None => shelf.as_deref(),
    };
    if bibtex && foreign.is_none() {
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
            // classic .bst styles print `note`, not `addendum`
            let free = bibtex && shelf.is_none() && foreign.is_some();
            field(out, if free { "note" } else { "addendum" }, c);
        }
    }
    let genre = match (r.genre.as_deref(), csl_type) {
        // the words of a biblatex localisation key as the key (`PhD thesis` → `phdthesis`)
        (Some(g), _) if !bibtex => Some(
            TYPE_KEYS
                .iter()
                .find(|(k, _)| is_type_key(g, k))
                .map_or(g, |(k, _)| *k),
        ),
        (Some(g), _) => Some(g),
        // biblatex makes `type` mandatory in these; its localisation keys say no more.
        (None, "thesis") if !bibtex => Some("phdthesis"),
        (None, "report") if !bibtex => Some("techreport"),
        (None, _) => None,
    };
    if let Some(g) = genre.filter(|_| ok("type")) {
        field(out, "type", g);
    }
    if !r.languages.is_empty() && ok("language") {
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
        written.push(if bibtex { "annote" } else { "annotation" });
    }
    bibliographic_fields(out, r, ty, csl_type, bibtex, &mut written);
    out.push_str("}\n");
}

/// The label of the extra that keeps a source's entry type.
const ENTRYTYPE: &str = "bib:entrytype";

/// Whether `genre` is the words of the `type` localisation key `key` ("Master's thesis").
fn is_type_key(genre: &str, key: &str) -> bool {
    TYPE_KEYS.iter().any(|(k, g)| {
        *k == key
            && (g.eq_ignore_ascii_case(genre) || g.replace('’', "'").eq_ignore_ascii_case(genre))
    })
}

/// A name field: its name, its names and its `…type` field with the role, if it needs one.
type NameField = (
    &'static str,
    Vec<Name>,
    Option<(&'static str, &'static str)>,
);

/// The credits of a non-archival record as the name fields the entry type `ty` allows
/// (`editor`, `translator`, `editora` + `editoratype = {compiler}`, `bookauthor` …; BibTeX:
/// `editor` and `translator`), and the credit sentence where the record has credits that no
/// field holds (a project, an affiliation, a role with no field here) or a sentence that says
/// more than its credits.
fn credit_fields(r: &Record, ty: &str, bibtex: bool) -> (Vec<NameField>, Option<String>) {
    let ok = |f: &str| {
        if bibtex {
            matches!(f, "editor" | "translator")
        } else {
            allowed(ty, f)
        }
    };
    let mut fields: Vec<NameField> = Vec::new();
    // the credits no field holds
    let mut rest: Vec<Credit> = Vec::new();
    for c in &r.credits {
        let place = match name_field_of_role(&c.role) {
            Some(p) if c.on_behalf_of.is_none() && c.affiliation.is_none() => p,
            _ => {
                rest.push(c.clone());
                continue;
            }
        };
        // the field this role has (even where biber does not allow it, if a credit sentence
        // cannot say the role), or the first editor field that is free or already its own
        let sayable = Role::from_verb(c.role.verb()).is_some();
        let slot = match place {
            (Some(f), _) => Some(f).filter(|f| ok(f) || !sayable),
            (None, editortype) => EDITOR_FIELDS.iter().copied().find(|f| {
                ok(f)
                    && (editortype.is_empty() || ok(editortype_name(f)))
                    && fields
                        .iter()
                        .all(|(g, _, t)| g != f || t.map_or("", |(_, t)| t) == editortype)
            }),
        };
        let Some(slot) = slot else {
            rest.push(c.clone());
            continue;
        };
        match fields.iter_mut().find(|(g, _, _)| *g == slot) {
            Some((_, names, _)) => {
                if !names.contains(&c.name) {
                    names.push(c.name.clone());
                }
            }
            None => {
                let editortype = match place {
                    (None, t) if !t.is_empty() => Some((editortype_name(slot), t)),
                    _ => None,
                };
                fields.push((slot, vec![c.name.clone()], editortype));
            }
        }
    }
    // a sentence that says more than its credits is kept whole; else the one for the rest
    let sentence = match &r.credit_line {
        Some(line) if line.trim() != render_credits(&r.credits) => Some(line.clone()),
        _ if rest.is_empty() => None,
        _ => Some(render_credits(&rest)),
    };
    (fields, sentence.filter(|s| !s.trim().is_empty()))
}

/// The `…type` field of an editor field.
fn editortype_name(field: &str) -> &'static str {
    match field {
        "editora" => "editoratype",
        "editorb" => "editorbtype",
        "editorc" => "editorctype",
        _ => "editortype",
    }
}

/// Canonical extras as the fields of the entry type, then `bib:` extras as the fields they
/// were read from; only fields not written yet. A field biber's data model does not allow in
/// the entry type (`_ty`) is written all the same rather than lost.
fn bibliographic_fields<'a>(
    out: &mut String,
    r: &'a Record,
    _ty: &str,
    csl_type: &str,
    bibtex: bool,
    written: &mut Vec<&'a str>,
) {
    // fields written here outside the `written` bookkeeping (it already names them)
    let mut undated: Vec<&str> = Vec::new();
    // In one order whatever order the extras were read in (CSL members come in any order).
    let mut extras: Vec<&Extra> = r.extra.iter().collect();
    extras.sort_by_key(|x| {
        FIELD_ORDER
            .iter()
            .position(|l| *l == x.label)
            .unwrap_or(FIELD_ORDER.len() + usize::from(x.label.starts_with(BIB)))
    });
    for x in extras {
        if matches!(x.label.as_str(), "note" | "title-short" | "type" | "id") || x.value.is_empty()
        {
            continue;
        }
        let (name, value): (&str, String) = if let Some(f) = x.label.strip_prefix(BIB) {
            let plain = !f.is_empty() && f.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
            // a date the reader could not read goes back where it was, if there is no other
            if matches!(f, "date" | "year") && r.date.is_none() && !undated.contains(&f) {
                undated.push(if f == "date" { "date" } else { "year" });
                field(out, f, &x.value);
                continue;
            }
            if !plain || matches!(f, "entrytype" | "date" | "year" | "url" | "entrysubtype") {
                continue;
            }
            (f, x.value.clone())
        } else {
            // the entry type's field; else (it has none, or it is taken) any field that reads
            // back as this label: biber may warn, but the value is kept
            let Some(f) = field_of_label(&x.label, csl_type, !bibtex)
                .filter(|f| !written.contains(f))
                .or_else(|| fallback_field(&x.label, csl_type, bibtex, written))
            else {
                continue;
            };
            let value = if x.label == "language" {
                // a language with no `langid` is kept: as the `language` list if it is free
                // (read back as the record's languages), else verbatim (read back as `bib:langid`)
                match langid_of_language(&x.value) {
                    Some(l) => l.to_string(),
                    None if r.languages.is_empty() && !undated.contains(&"language") => {
                        undated.push("language");
                        field(out, "language", &x.value);
                        continue;
                    }
                    None => x.value.clone(),
                }
            } else if is_date_label(&x.label) {
                match x.value.parse::<Edtf>() {
                    Ok(d) => d.to_string(),
                    Err(_) => x.value.clone(),
                }
            } else {
                x.value.clone()
            };
            (f, value)
        };
        // a field biber's model does not allow for this type is still written: biber warns,
        // but the value is not lost (what this crate writes for its own records is allowed)
        if written.contains(&name) {
            continue;
        }
        written.push(name);
        if matches!(name, "file" | "pdf") {
            // verbatim, spaces and all (JabRef/BibDesk paths): only braces cannot stand in it
            raw_field(out, name, &value.replace('{', "%7B").replace('}', "%7D"));
        } else if matches!(name, "doi" | "eprint") {
            raw_field(out, name, &escape_url(&value));
        } else if matches!(name, "urldate" | "origdate" | "eventdate") {
            raw_field(out, name, &value);
        } else {
            field(out, name, &value);
        }
    }
}

/// The fields the reader knows, classic BibTeX names after BibLaTeX's.
const READ_FIELDS: &[&str] = &[
    "journaltitle",
    "booktitle",
    "journal",
    "shortjournal",
    "series",
    "publisher",
    "institution",
    "organization",
    "school",
    "location",
    "address",
    "volume",
    "number",
    "pages",
    "pagetotal",
    "volumes",
    "chapter",
    "edition",
    "version",
    "doi",
    "isbn",
    "issn",
    "pmid",
    "pmcid",
    "urldate",
    "origdate",
    "eventdate",
    "eventtitle",
    "venue",
    "origpublisher",
    "origlocation",
    "origtitle",
    "library",
    "callnumber",
    "langid",
    "annotation",
    "annote",
    "pubstate",
];

/// A field not yet written that the reader takes back as `label` in an entry of `csl_type`
/// (BibTeX: its classic names first).
fn fallback_field(
    label: &str,
    csl_type: &str,
    bibtex: bool,
    written: &[&str],
) -> Option<&'static str> {
    let fits =
        |f: &&&'static str| !written.contains(*f) && label_of_field(f, csl_type) == Some(label);
    let classic = |f: &&&'static str| matches!(**f, "journal" | "address" | "annote" | "school");
    if bibtex {
        if let Some(f) = READ_FIELDS.iter().filter(classic).find(fits) {
            return Some(f);
        }
    }
    READ_FIELDS.iter().find(fits).copied()
}

/// The order canonical extras are written in.
const FIELD_ORDER: &[&str] = &[
    "container-title",
    "container-title-short",
    "collection-title",
    "volume",
    "number-of-volumes",
    "issue",
    "number",
    "chapter-number",
    "page",
    "number-of-pages",
    "publisher",
    "publisher-place",
    "edition",
    "version",
    "event-title",
    "event",
    "event-date",
    "event-place",
    "original-title",
    "original-publisher",
    "original-publisher-place",
    "original-date",
    "ISBN",
    "ISSN",
    "DOI",
    "call-number",
    "accessed",
    "status",
    "language",
    "annote",
];

/// True if biber's data model allows `field` in a BibLaTeX entry of type `ty`.
fn allowed(ty: &str, field: &str) -> bool {
    // types biber's model gives no fields of their own: what their kin allow (biber warns all
    // the same, as it does on the source entry)
    let ty = match ty {
        "review" => "article",
        "video" | "movie" | "audio" | "music" | "image" => "misc",
        t => t,
    };
    ALL_TYPES.contains(&field)
        || PER_TYPE
            .iter()
            .any(|(t, fields)| *t == ty && fields.contains(&field))
}

/// Fields biber's data model (biber 2.18, `biber-tool.conf`) allows in every entry type.
const ALL_TYPES: &[&str] = &[
    "abstract",
    "annotation",
    "authortype",
    "bookpagination",
    "crossref",
    "date",
    "day",
    "doi",
    "entryset",
    "entrysubtype",
    "eprint",
    "eprintclass",
    "eprinttype",
    "execute",
    "file",
    "gender",
    "ids",
    "indexsorttitle",
    "indextitle",
    "isan",
    "ismn",
    "iswc",
    "keywords",
    "label",
    "langid",
    "langidopts",
    "library",
    "lista",
    "listb",
    "listc",
    "listd",
    "liste",
    "listf",
    "month",
    "namea",
    "nameaddon",
    "nameatype",
    "nameb",
    "namebtype",
    "namec",
    "namectype",
    "options",
    "origdate",
    "origlocation",
    "origpublisher",
    "origtitle",
    "pagination",
    "presort",
    "related",
    "relatedoptions",
    "relatedstring",
    "relatedtype",
    "shortauthor",
    "shorteditor",
    "shorthand",
    "shorthandintro",
    "shortjournal",
    "shortseries",
    "shorttitle",
    "sortkey",
    "sortname",
    "sortshorthand",
    "sorttitle",
    "sortyear",
    "url",
    "urldate",
    "usera",
    "userb",
    "userc",
    "userd",
    "usere",
    "userf",
    "verba",
    "verbb",
    "verbc",
    "xdata",
    "xref",
    "year",
];

/// Fields it allows per entry type (for the types this writer emits).
const PER_TYPE: &[(&str, &[&str])] = &[
    (
        "inbook",
        &[
            "addendum",
            "afterword",
            "annotator",
            "author",
            "booktitle",
            "bookauthor",
            "booksubtitle",
            "booktitleaddon",
            "chapter",
            "commentator",
            "edition",
            "editor",
            "editora",
            "editorb",
            "editorc",
            "editortype",
            "editoratype",
            "editorbtype",
            "editorctype",
            "eid",
            "foreword",
            "introduction",
            "isbn",
            "language",
            "location",
            "mainsubtitle",
            "maintitle",
            "maintitleaddon",
            "note",
            "number",
            "origlanguage",
            "part",
            "publisher",
            "pages",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "translator",
            "volume",
            "volumes",
        ],
    ),
    (
        "bookinbook",
        &[
            "addendum",
            "afterword",
            "annotator",
            "author",
            "booktitle",
            "bookauthor",
            "booksubtitle",
            "booktitleaddon",
            "chapter",
            "commentator",
            "edition",
            "editor",
            "editora",
            "editorb",
            "editorc",
            "editortype",
            "editoratype",
            "editorbtype",
            "editorctype",
            "eid",
            "foreword",
            "introduction",
            "isbn",
            "language",
            "location",
            "mainsubtitle",
            "maintitle",
            "maintitleaddon",
            "note",
            "number",
            "origlanguage",
            "part",
            "publisher",
            "pages",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "translator",
            "volume",
            "volumes",
        ],
    ),
    (
        "suppbook",
        &[
            "addendum",
            "afterword",
            "annotator",
            "author",
            "booktitle",
            "bookauthor",
            "booksubtitle",
            "booktitleaddon",
            "chapter",
            "commentator",
            "edition",
            "editor",
            "editora",
            "editorb",
            "editorc",
            "editortype",
            "editoratype",
            "editorbtype",
            "editorctype",
            "eid",
            "foreword",
            "introduction",
            "isbn",
            "language",
            "location",
            "mainsubtitle",
            "maintitle",
            "maintitleaddon",
            "note",
            "number",
            "origlanguage",
            "part",
            "publisher",
            "pages",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "translator",
            "volume",
            "volumes",
        ],
    ),
    (
        "collection",
        &[
            "addendum",
            "afterword",
            "annotator",
            "chapter",
            "commentator",
            "edition",
            "editor",
            "editora",
            "editorb",
            "editorc",
            "editortype",
            "editoratype",
            "editorbtype",
            "editorctype",
            "eid",
            "foreword",
            "introduction",
            "isbn",
            "language",
            "location",
            "mainsubtitle",
            "maintitle",
            "maintitleaddon",
            "note",
            "number",
            "origlanguage",
            "pages",
            "pagetotal",
            "part",
            "publisher",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "translator",
            "volume",
            "volumes",
        ],
    ),
    (
        "reference",
        &[
            "addendum",
            "afterword",
            "annotator",
            "chapter",
            "commentator",
            "edition",
            "editor",
            "editora",
            "editorb",
            "editorc",
            "editortype",
            "editoratype",
            "editorbtype",
            "editorctype",
            "eid",
            "foreword",
            "introduction",
            "isbn",
            "language",
            "location",
            "mainsubtitle",
            "maintitle",
            "maintitleaddon",
            "note",
            "number",
            "origlanguage",
            "pages",
            "pagetotal",
            "part",
            "publisher",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "translator",
            "volume",
            "volumes",
        ],
    ),
    (
        "article",
        &[
            "addendum",
            "annotator",
            "author",
            "commentator",
            "editor",
            "editora",
            "editorb",
            "editorc",
            "editortype",
            "editoratype",
            "editorbtype",
            "editorctype",
            "eid",
            "issn",
            "issue",
            "issuetitle",
            "issuesubtitle",
            "issuetitleaddon",
            "journalsubtitle",
            "journaltitle",
            "journaltitleaddon",
            "language",
            "note",
            "number",
            "origlanguage",
            "pages",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "translator",
            "version",
            "volume",
        ],
    ),
    (
        "book",
        &[
            "author",
            "addendum",
            "afterword",
            "annotator",
            "chapter",
            "commentator",
            "edition",
            "editor",
            "editora",
            "editorb",
            "editorc",
            "editortype",
            "editoratype",
            "editorbtype",
            "editorctype",
            "eid",
            "foreword",
            "introduction",
            "isbn",
            "language",
            "location",
            "maintitle",
            "maintitleaddon",
            "mainsubtitle",
            "note",
            "number",
            "origlanguage",
            "pages",
            "pagetotal",
            "part",
            "publisher",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "translator",
            "volume",
            "volumes",
        ],
    ),
    (
        "incollection",
        &[
            "addendum",
            "afterword",
            "annotator",
            "author",
            "booksubtitle",
            "booktitle",
            "booktitleaddon",
            "chapter",
            "commentator",
            "edition",
            "editor",
            "editora",
            "editorb",
            "editorc",
            "editortype",
            "editoratype",
            "editorbtype",
            "editorctype",
            "eid",
            "foreword",
            "introduction",
            "isbn",
            "language",
            "location",
            "mainsubtitle",
            "maintitle",
            "maintitleaddon",
            "note",
            "number",
            "origlanguage",
            "pages",
            "part",
            "publisher",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "translator",
            "volume",
            "volumes",
        ],
    ),
    (
        "inproceedings",
        &[
            "addendum",
            "author",
            "booksubtitle",
            "booktitle",
            "booktitleaddon",
            "chapter",
            "editor",
            "editortype",
            "eid",
            "eventtitle",
            "eventtitleaddon",
            "isbn",
            "language",
            "location",
            "mainsubtitle",
            "maintitle",
            "maintitleaddon",
            "note",
            "number",
            "organization",
            "pages",
            "part",
            "publisher",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "venue",
            "volume",
            "volumes",
            "eventdate",
        ],
    ),
    (
        "inreference",
        &[
            "addendum",
            "afterword",
            "annotator",
            "author",
            "booksubtitle",
            "booktitle",
            "booktitleaddon",
            "chapter",
            "commentator",
            "edition",
            "editor",
            "editora",
            "editorb",
            "editorc",
            "editortype",
            "editoratype",
            "editorbtype",
            "editorctype",
            "eid",
            "foreword",
            "introduction",
            "isbn",
            "language",
            "location",
            "mainsubtitle",
            "maintitle",
            "maintitleaddon",
            "note",
            "number",
            "origlanguage",
            "pages",
            "part",
            "publisher",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "translator",
            "volume",
            "volumes",
        ],
    ),
    (
        "thesis",
        &[
            "addendum",
            "author",
            "chapter",
            "eid",
            "institution",
            "language",
            "location",
            "note",
            "pages",
            "pagetotal",
            "pubstate",
            "subtitle",
            "title",
            "titleaddon",
            "type",
        ],
    ),
    (
        "report",
        &[
            "addendum",
            "author",
            "chapter",
            "eid",
            "institution",
            "isrn",
            "language",
            "location",
            "note",
            "number",
            "pages",
            "pagetotal",
            "pubstate",
            "subtitle",
            "title",
            "titleaddon",
            "type",
            "version",
        ],
    ),
    (
        "online",
        &[
            "addendum",
            "author",
            "editor",
            "editortype",
            "language",
            "note",
            "organization",
            "pubstate",
            "subtitle",
            "title",
            "titleaddon",
            "version",
        ],
    ),
    (
        "misc",
        &[
            "addendum",
            "author",
            "editor",
            "editortype",
            "howpublished",
            "language",
            "location",
            "note",
            "organization",
            "pubstate",
            "subtitle",
            "title",
            "titleaddon",
            "type",
            "version",
        ],
    ),
    (
        "unpublished",
        &[
            "addendum",
            "author",
            "eventtitle",
            "eventtitleaddon",
            "howpublished",
            "language",
            "location",
            "note",
            "pubstate",
            "subtitle",
            "title",
            "titleaddon",
            "type",
            "venue",
            "eventdate",
        ],
    ),
    (
        "booklet",
        &[
            "addendum",
            "author",
            "chapter",
            "editor",
            "editortype",
            "eid",
            "howpublished",
            "language",
            "location",
            "note",
            "pages",
            "pagetotal",
            "pubstate",
            "subtitle",
            "title",
            "titleaddon",
            "type",
        ],
    ),
    (
        "periodical",
        &[
            "addendum",
            "editor",
            "editora",
            "editorb",
            "editorc",
            "editortype",
            "editoratype",
            "editorbtype",
            "editorctype",
            "issn",
            "issue",
            "issuesubtitle",
            "issuetitle",
            "issuetitleaddon",
            "language",
            "note",
            "number",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "volume",
            "yeardivision",
        ],
    ),
    (
        "patent",
        &[
            "addendum",
            "author",
            "holder",
            "location",
            "note",
            "number",
            "pubstate",
            "subtitle",
            "title",
            "titleaddon",
            "type",
            "version",
        ],
    ),
    (
        "dataset",
        &[
            "addendum",
            "author",
            "edition",
            "editor",
            "editortype",
            "language",
            "location",
            "note",
            "number",
            "organization",
            "publisher",
            "pubstate",
            "series",
            "subtitle",
            "title",
            "titleaddon",
            "type",
            "version",
        ],
    ),
    (
        "software",
        &[
            "addendum",
            "author",
            "editor",
            "editortype",
            "howpublished",
            "language",
            "location",
            "note",
            "organization",
            "pubstate",
            "subtitle",
            "title",
            "titleaddon",
            "type",
            "version",
        ],
    ),
];

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
