//! The format names the CLI and the library share, and dispatch to each format's module.

use crate::error::{Error, Result};
use crate::record::Record;
use crate::{bibtex, block, chicago, csl, tei};
use std::fmt;
use std::str::FromStr;

/// Every format archivecite reads or writes.
///
/// ```
/// use archivecite::Format;
/// let f: Format = "chicago-note".parse().unwrap();
/// assert_eq!(f, Format::ChicagoNote);
/// assert_eq!(f.to_string(), "chicago-note");
/// assert!("docx".parse::<Format>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// The archive's citation block (a document page as text).
    Block,
    /// The canonical record as JSON.
    Record,
    /// TEI P5 XML.
    Tei,
    /// CSL-JSON.
    CslJson,
    /// BibLaTeX.
    Biblatex,
    /// Classic BibTeX.
    Bibtex,
    /// Chicago full note.
    ChicagoNote,
    /// Chicago short note.
    ChicagoShortNote,
    /// Chicago bibliography entry.
    ChicagoBibliography,
}

impl Format {
    /// Every format, in the order `--to all` writes them.
    pub const ALL: [Format; 9] = [
        Format::Block,
        Format::Record,
        Format::Tei,
        Format::CslJson,
        Format::Biblatex,
        Format::Bibtex,
        Format::ChicagoNote,
        Format::ChicagoShortNote,
        Format::ChicagoBibliography,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Block => "block",
            Format::Record => "record",
            Format::Tei => "tei",
            Format::CslJson => "csl-json",
            Format::Biblatex => "biblatex",
            Format::Bibtex => "bibtex",
            Format::ChicagoNote => "chicago-note",
            Format::ChicagoShortNote => "chicago-short-note",
            Format::ChicagoBibliography => "chicago-bibliography",
        }
    }

    /// The usual file extension for output in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Block => "txt",
            Format::Record => "record.json",
            Format::Tei => "tei.xml",
            Format::CslJson => "csl.json",
            Format::Biblatex => "bib",
            Format::Bibtex => "bibtex.bib",
            Format::ChicagoNote => "note.txt",
            Format::ChicagoShortNote => "short-note.txt",
            Format::ChicagoBibliography => "bibliography.txt",
        }
    }

    /// Guesses the format of a file from its name, or of a text from its first characters.
    pub fn detect(path: Option<&str>, text: &str) -> Format {
        let lower = path.unwrap_or("").to_lowercase();
        if lower.ends_with(".xml") {
            return Format::Tei;
        }
        if lower.ends_with(".bib") {
            return Format::Biblatex;
        }
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with('<') {
            Format::Tei
        } else if t.starts_with('[') {
            Format::CslJson
        } else if t.starts_with('{') {
            Format::Record
        } else if t.starts_with('@') || t.starts_with('%') {
            Format::Biblatex
        } else {
            Format::Block
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
                Error::value("format", s, format!("expected one of {}", names.join(", ")))
            })
    }
}

/// Options for writers that have choices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Chicago: edition and markup.
    pub chicago: chicago::Style,
    /// BibLaTeX: write biblatex-chicago's `@misc` with `entrysubtype = {archival}`.
    pub biblatex_chicago: bool,
}

/// Reads every record in `input`; the first error stops it.
///
/// ```
/// use archivecite::{read, Format};
/// let e = read(Format::Record, "{\"title\": 3}").unwrap_err();
/// assert_eq!(e.position().unwrap().line, 1);
/// ```
pub fn read(format: Format, input: &str) -> Result<Vec<Record>> {
    let (records, mut errors) = read_lenient(format, input);
    match errors.is_empty() {
        true => Ok(records),
        false => Err(errors.swap_remove(0)),
    }
}

/// Reads what can be read: the good records and an error for each bad one (a .bib file with one
/// bad entry still gives the others).
pub fn read_lenient(format: Format, input: &str) -> (Vec<Record>, Vec<Error>) {
    let one = |r: Result<Vec<Record>>| match r {
        Ok(records) => (records, Vec::new()),
        Err(e) => (Vec::new(), vec![e]),
    };
    match format {
        Format::Block => one(block::read(input).map(|r| vec![r])),
        Format::Record => one(read_record_json(input)),
        Format::Tei => one(tei::read(input)),
        Format::CslJson => one(csl::read(input)),
        Format::Biblatex | Format::Bibtex => bibtex::read(input),
        Format::ChicagoNote => one(chicago::parse(input, chicago::Form::Note).map(|r| vec![r])),
        Format::ChicagoShortNote => {
            one(chicago::parse(input, chicago::Form::ShortNote).map(|r| vec![r]))
        }
        Format::ChicagoBibliography => {
            one(chicago::parse(input, chicago::Form::Bibliography).map(|r| vec![r]))
        }
    }
}

/// Reads like [`read_lenient`], a batch of records at a time: `sink` gets each batch in input
/// order with the errors met since the one before. A .bib file comes in batches of about a
/// thousand entries, scanned one batch ahead of their conversion; the other formats in one
/// batch. With [`csl::Writer`](crate::csl::Writer), a conversion holds one batch of records.
///
/// ```
/// use archivecite::{read_batches, Format};
/// let bib = "@misc{a, title = {One}}\n@misc{b, title = {Two}\n@misc{c, title = {Three}}";
/// let (mut titles, mut errors) = (Vec::new(), 0);
/// read_batches(Format::Bibtex, bib, |records, errs| {
///     titles.extend(records.into_iter().map(|r| r.title));
///     errors += errs.len();
/// });
/// assert_eq!(titles, ["One", "Three"]);
/// assert_eq!(errors, 1);
/// ```
pub fn read_batches(format: Format, input: &str, mut sink: impl FnMut(Vec<Record>, Vec<Error>)) {
    match format {
        Format::Biblatex | Format::Bibtex => bibtex::read_batches(input, sink),
        _ => {
            let (records, errors) = read_lenient(format, input);
            sink(records, errors);
        }
    }
}

/// Writes `records` in `format`. Text formats (block, Chicago) write one record after another,
/// separated by a blank line; the others write one document.
pub fn write(format: Format, records: &[Record], options: &Options) -> String {
    let each = |f: &dyn Fn(&Record) -> String, sep: &str| {
        let mut out = String::new();
        for (i, r) in records.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(&f(r));
        }
        out.push('\n');
        out
    };
    match format {
        Format::Block => each(&block::write, crate::stream::BLOCK_SEP),
        Format::Record => write_record_json(records),
        Format::Tei => tei::write(records),
        Format::CslJson => csl::write(records),
        Format::Biblatex => {
            bibtex::write(records, bibtex::Dialect::Biblatex, options.biblatex_chicago)
        }
        Format::Bibtex => bibtex::write(records, bibtex::Dialect::Bibtex, false),
        Format::ChicagoNote => each(&|r| chicago::note(r, &options.chicago), "\n"),
        Format::ChicagoShortNote => each(&|r| chicago::short_note(r, &options.chicago), "\n"),
        Format::ChicagoBibliography => each(&|r| chicago::bibliography(r, &options.chicago), "\n"),
    }
}

/// Writes `records` in `format` into `out`: the same bytes as [`write()`], formatted on all
/// cores a run of records at a time and written as they come, so the whole output is never
/// held in memory.
///
/// ```
/// use archivecite::{write, write_to, Format, Options, Record};
/// let r: Vec<Record> = (0..2000).map(|i| Record::new(&format!("Title {i}"))).collect();
/// for f in Format::ALL {
///     let mut out = Vec::new();
///     write_to(f, &r, &Options::default(), &mut out).unwrap();
///     assert_eq!(out, write(f, &r, &Options::default()).into_bytes(), "{f}");
/// }
/// ```
pub fn write_to(
    format: Format,
    records: &[Record],
    options: &Options,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut w = crate::Writer::new(format, options, out);
    w.write(records)?;
    w.finish().map(drop)
}

fn write_record_json(records: &[Record]) -> String {
    let mut out = match records {
        [one] => serde_json::to_string_pretty(one),
        many => serde_json::to_string_pretty(many),
    }
    .unwrap_or_default();
    out.push('\n');
    out
}

/// The record as JSON: one object or an array of them.
fn read_record_json(input: &str) -> Result<Vec<Record>> {
    let input = input.trim_start_matches('\u{feff}');
    let err = |e: serde_json::Error| {
        let at = crate::Position::at(input, line_col_offset(input, e.line(), e.column()));
        Error::shape("record", at, "$", e.to_string())
    };
    if input.trim_start().starts_with('[') {
        serde_json::from_str(input).map_err(err)
    } else {
        serde_json::from_str(input).map(|r| vec![r]).map_err(err)
    }
}

/// The byte offset of a 1-based line and column (serde_json's columns count bytes).
pub(crate) fn line_col_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset + column.saturating_sub(1).min(l.len());
        }
        offset += l.len();
    }
    text.len()
}

impl Format {
    /// The fields of `record` that this format cannot hold (empty fields are not listed), as
    /// the format modules document them; the CLI warns about them.
    ///
    /// ```
    /// use archivecite::{Format, block};
    /// let page = std::fs::read_to_string("tests/fixtures/seed.txt").unwrap();
    /// let r = block::read(&page).unwrap();
    /// assert!(Format::Tei.losses(&r).is_empty());
    /// assert_eq!(Format::CslJson.losses(&r), ["body"]);
    /// assert!(Format::ChicagoNote.losses(&r).contains(&"funders"));
    /// ```
    pub fn losses(self, r: &Record) -> Vec<&'static str> {
        use crate::record::{Edtf, Precision, Role};
        let mut out = Vec::new();
        let mut lose = |cond: bool, name: &'static str| {
            if cond {
                out.push(name);
            }
        };
        match self {
            Format::Block | Format::Record | Format::Tei => {}
            Format::CslJson => lose(!r.body.is_empty(), "body"),
            Format::Biblatex | Format::Bibtex => {
                lose(!r.body.is_empty(), "body");
                lose(
                    r.date.as_ref().is_some_and(|d| d.text().is_some()),
                    "date as printed",
                );
                lose(!r.renditions.is_empty(), "formats on offer");
                lose(r.citation.is_some(), "citation line");
                lose(!r.places.is_empty(), "places");
                lose(!r.extra.is_empty(), "other labelled parts");
                if self == Format::Bibtex {
                    let exact = r.date.as_ref().is_none_or(|d| {
                        matches!(d.edtf(), Edtf::Point(p) if !p.approximate() && !p.uncertain()
                            && matches!(p.precision(), Precision::Year | Precision::Month | Precision::Day))
                    });
                    lose(!exact, "date qualifiers and ranges");
                }
            }
            Format::ChicagoNote | Format::ChicagoShortNote | Format::ChicagoBibliography => {
                lose(!r.body.is_empty(), "body");
                lose(r.summary.is_some(), "summary");
                lose(!r.funders.is_empty(), "funders");
                lose(r.genre.is_some(), "genre");
                lose(!r.languages.is_empty(), "languages");
                lose(!r.renditions.is_empty(), "formats on offer");
                lose(!r.subjects.is_empty(), "subjects");
                lose(!r.places.is_empty(), "places");
                lose(!r.extra.is_empty(), "other labelled parts");
                lose(
                    r.credits
                        .iter()
                        .any(|c| !matches!(c.role, Role::Translator | Role::Editor)),
                    "credits other than translators and editors",
                );
                lose(
                    r.credits.iter().any(|c| c.on_behalf_of.is_some()),
                    "projects credits were done for",
                );
            }
        }
        out
    }
}
