//! BibLaTeX and BibTeX: writing archival entries, and reading any .bib file.
//!
//! # Writing
//!
//! [`write()`] with [`Dialect::Biblatex`] writes `@unpublished` entries for documents with an
//! author, and archival `@misc` (`entrysubtype = {archival}`) for unsigned ones, since biber's
//! data model makes `author` mandatory in `@unpublished`; with `chicago = true`, always
//! biblatex-chicago's archival `@misc` with the title in `\mkbibquote`. [`Dialect::Bibtex`]
//! writes plain `@misc`. Records that are not archival — those with a `type` extra naming a CSL
//! type other than `manuscript` (read from CSL-JSON or from another .bib entry type) — are
//! written as that type's entry (the hub's table,
//! [`entry_of_csl_type`](crate::record::bibliographic::entry_of_csl_type): `article-journal` →
//! `@article`, `book` → `@book`, `chapter` → `@incollection`, `paper-conference` →
//! `@inproceedings`, `thesis` → `@thesis`/`@phdthesis`, `report` → `@report`/`@techreport`,
//! `webpage` → `@online`/`@misc`, `document` and types without a counterpart → `@misc`), and
//! their extras with canonical labels as the fields of that type
//! ([`field_of_label`](crate::record::bibliographic::field_of_label): `container-title` →
//! `journaltitle`/`journal` or `booktitle`, `issue` → `number`, `page` → `pages`, `publisher` →
//! `publisher`/`institution`/`howpublished`, `publisher-place` → `location`/`address`,
//! `DOI`/`ISSN`/`ISBN`, `accessed` → `urldate`, `language` → `langid` …), in a fixed order;
//! `bib:<field>` extras go back as `<field>`; a source's entry type that its CSL type does not
//! name alone (`@video`, `@movie`, `@audio`, `@music`, `@image`, `@review`, `@inbook`,
//! `@bookinbook`, `@suppbook`, `@collection`, `@reference`, kept as `bib:entrytype`) is written
//! again (BibLaTeX; the types biber's model gives no fields, `@video` … `@review`, as `@misc`
//! with the type as `entrysubtype`, read back as that type). The citation key is the extra `id` when biber, BibTeX and `\cite` read it
//! as it is: letters, digits and `- _ : . / + ! ? * ; < > |` (`baez/article`); keys with
//! anything else (whitespace, `, { } ( ) " # % = @`, TeX specials) are replaced.
//!
//! Credits: in archival entries every field is in biber's standard data model for the entry
//! type (`biber --validate-datamodel` gives no warning), so the translator and other credits
//! are not name fields: the credit sentence is printed text, and the reader gets the credits
//! back from it with [`parse_credits`](crate::record::parse_credits). In the other entries
//! credits are the name fields the entry type has in biblatex's data model: `translator`,
//! `editor`, `editora`–`editorc` with `editortype` for compilers and biblatex's other editor
//! roles, `bookauthor` (CSL `container-author`), `commentator`, `annotator`, `introduction`,
//! `foreword`, `afterword` (BibTeX: `editor` and `translator`); the credit sentence
//! (`addendum`; BibTeX: `note` where it is free) is written only for the credits no field
//! holds (a project, an affiliation, a role the type has no field for) or whole where the
//! record's sentence says more than its credits. A role no sentence can say (`bookauthor` …)
//! is written as its field even where biber does not allow it.
//!
//! | Record | BibLaTeX (`@unpublished` / archival `@misc`) | BibTeX (`@misc`) |
//! |---|---|---|
//! | key | [`Record::key`], made unique within one output (`-2`, `-3` …) | same |
//! | `authors` | `author` ("von Last, Jr, First"; organisations braced) | same |
//! | `title` | `title = {{…}}` (one protective layer); `shorttitle` = the Chicago short title, where shorter ([`chicago::short_title`](crate::chicago::short_title); ours: not read back as data) | `title = {{…}}` |
//! | `date` | `date` = the EDTF text (ISO 8601-2 level 1: intervals, `..`, `~ ? %`, `X`) | `year`, `month` (macro), `day` of the first known point |
//! | `digital.name` | `howpublished` | `howpublished` |
//! | `digital.url` | `url` | `url` |
//! | `digital.doc_id` | from the URL; else `eprint` + `eprinttype = {wcda}` | same |
//! | `original` (shelfmark) | `note` | `note = {{shelfmark}. credit sentence}` |
//! | `credit_line` / `credits` | `addendum` = the credit sentence | rest of `note` |
//! | `genre` | `type` (`PhD thesis`, `Master’s thesis`, `technical report` … as biblatex's keys `phdthesis`, `mathesis`, `techreport` …) | `type` (a master's thesis is a `@mastersthesis`) |
//! | `languages` | `language` (`and` list) | `language` |
//! | `summary` | `abstract` | `abstract` |
//! | `subjects` | `keywords` (comma list, items with commas braced) | `keywords` |
//! | `funders` | `annotation` = "This document was made possible with support from the X and the Y." | same |
//!
//! Text is escaped for LaTeX (`& % $ # _` with a backslash, `{ } ~ ^ \` as `\textbraceleft{}`,
//! `\textbraceright{}`, `\textasciitilde{}`, `\textasciicircum{}`, `\textbackslash{}`, so braces
//! stay balanced), `--`, ``` `` ``` and `''` are broken with `{}`, and Unicode stays UTF-8.
//!
//! # What does not survive `read(write(r))`
//!
//! Both dialects lose:
//! - `body` (the document text is not bibliographic data);
//! - `date.text` (the date as printed), `renditions`, `citation`, `places` and `extra` (no field
//!   in biber's data model for them; writing non-standard fields would make biber warn), except
//!   extras of the hub's bibliographic vocabulary that the entry type has a field for (see
//!   above) and `bib:` extras (BibLaTeX: where biber allows the field): these are written and
//!   read back, but in the vocabulary's order and with the vocabulary's normalisation;
//! - `credits` are re-derived from the credit sentence, and `credit_line` is always set to the
//!   sentence (`credit_line = credit_sentence()`, `credits = parse_credits(sentence)`);
//! - `PersonName::family_first` (BibTeX names have no order flag), a person with neither given
//!   name nor particle whose family name has a space (read back as an organisation), and names
//!   with an empty family name (a name read with "von" words but no last name takes them as
//!   its family name);
//! - `digital.doc_id` when absent but derivable from the URL (it is read back from the URL), and
//!   URL characters `{ } \` and whitespace (percent-encoded);
//! - ASCII whitespace runs (tabs, newlines, double spaces) in any text collapse to one space,
//!   and texts are trimmed; empty strings and empty list items are dropped.
//!
//! The property `read(write(r)) == project(r)` in `tests/bibtex.rs` checks exactly this list
//! (one `project` per dialect) over the shared record strategy.
//!
//! Notes from the oracles: biber wants a date in every entry type, so an undated record gives a
//! biber warning (there is no date to write); citation.js 0.7 cannot read intervals with an open
//! or unknown start (`../1958`, `/1958`) that biblatex accepts; pandoc drops `195X` and open
//! intervals without a warning.
//!
//! BibTeX also loses EDTF detail: only the first known point is kept, as year, month (1–12; a
//! season is dropped) and day, without `~ ? %`, and `195X` becomes the year 1950.
//!
//! # Reading
//!
//! [`read`] reads both dialects and .bib files from elsewhere (Zotero, Better BibTeX, JabRef,
//! pandoc): `@string` macros, `#` concatenation, `@preamble` (skipped, `#` allowed), `@comment`,
//! text and `%` lines between entries, month macros, TeX accents (`{\"u}`, `\'{e}`, `\c{s}`,
//! `{\ss}` …), dashes, `~`, quotes; unknown commands are kept as text with their argument, math
//! verbatim. Names: "Family, Given", "Given Family", "von Family, Jr, Given", `{Corporate Name}`
//! (parsed with the `biblatex` crate's [`Person`](biblatex::Person)); a list splits at `and`
//! with any whitespace around it (`A and\n  B`) outside braces, and whitespace in a name is one
//! space. Any entry type maps to the record's common fields: `title` (+ `subtitle`), `author`,
//! the name fields above (and `compiler`) as credits (`editortype` gives an editor field's
//! role; with a credit sentence too, a name field adds only the names the sentence does not
//! credit in that role), `date` or `year`/`month`/`day`, `url` (or `doi`), `howpublished`,
//! `note`/`addendum` (a `note` of a non-archival entry that is a credit sentence as the credit
//! sentence), `type` (biblatex's keys as the words pandoc prints: `phdthesis` → "PhD thesis";
//! `@phdthesis`/`@mastersthesis` without one likewise), `language`/`origlanguage`, `abstract`,
//! `keywords`. `\mkbibquote`, `\enquote`, `\textquote` become “…” (‘…’ inside), except a
//! `\mkbibquote` around a whole title (biblatex-chicago's archival titles, as written here);
//! `\emph` and other markup become plain text. `crossref` and `xdata`: an entry takes the
//! fields it lacks from the entries they name in the same input, by biblatex's default
//! inheritance (a book's or collection's `title` is an `@in*` entry's `booktitle`, a book's
//! `author` an `@inbook`'s `bookauthor`, a periodical's `title` an article's `journaltitle`;
//! `ids`, `crossref`, `shorthand` … not inherited); the `crossref` key is kept (`bib:crossref`).
//! Other fields go into [`Record::extra`](crate::record::Record) through the hub's
//! vocabulary ([`record::bibliographic`](crate::record::bibliographic)), so that CSL-JSON and
//! this module's writers understand them: the entry type as `type` (a CSL type:
//! [`csl_type_of_entry`](crate::record::bibliographic::csl_type_of_entry), `@article` →
//! `article-journal`, `@misc` → `document` …; none for archival entries), a key this crate did
//! not make as `id`, and each field under its canonical label
//! ([`label_of_field`](crate::record::bibliographic::label_of_field): `journal`/`journaltitle`/
//! `booktitle` → `container-title`, `series` → `collection-title`, `address`/`location` →
//! `publisher-place`, `number` → `issue` in articles else `number`, `pages` → `page`, `doi` →
//! `DOI`, `urldate` → `accessed` (EDTF), `langid` → `language` (BCP 47), `library` →
//! `call-number`, `annotation`/`annote` → `annote`, `pubstate` → `status`, `number` of a book,
//! chapter or paper → `collection-number`, `shorttitle` → `title-short` (except the derived one
//! in an archival entry, which the writer derives again), `@video`/`@movie` → `motion_picture`,
//! `@audio`/`@music` → `song`, `@image` → `graphic`, `@review` → `review` …). Entries that are not archival (anything but `@unpublished`, `@misc` with
//! `entrysubtype = {archival}`, our key or the Wilson Center in `howpublished`) read `note` as
//! `note` and `howpublished` as `publisher`. A field with no canonical name is kept as
//! `bib:<field>`, as are a date it cannot read (`bib:date`/`bib:year`) and an unknown entry type
//! (`bib:entrytype`, with `type` = `document`).
//!
//! Losses between formats (not within one): a shelfmark of a non-archival entry whose `note`
//! is taken (it is written to `note` only without one); CSL types with no BibLaTeX entry type
//! (they come back as `document`), `article-magazine`/`-newspaper` in BibTeX; a non-archival
//! record with a foreign key in BibTeX's `@misc` is read back as `document`; the digital
//! archive's name in entry types without `howpublished`; fields an entry type has no place for
//! in biber's data model; `language` tags with no common `langid`; the order of credits where
//! some are name fields and some a sentence (the sentence's come first). Values are written as they are:
//! biber warns where a source's value does not fit its data model (a volume `14/15`, an ISSN
//! with a bad check digit), and where a source entry lacks a date.
//!
//! A hand-written front end splits the file into entries first, so one bad entry gives one
//! [`Error::Syntax`](crate::Error) with its line and the other entries are still read; large
//! files are converted in batches, each spread over the available cores. On the 27 MB Beebe
//! bibliography (25,596 entries) reading takes about 0.3 s (≈ 90–100 MB/s on a loaded 2-core
//! machine), with a peak of about 5× the input in memory, most of it the records themselves.
//!
//! ```
//! use archivecite::bibtex::{read, write, Dialect};
//! use archivecite::record::{Credit, Date, Name, Original, Record, Role};
//! let mut r = Record::new("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957");
//! r.date = Some("1957-12-07".parse::<Date>().unwrap());
//! r.credits = vec![Credit::new(Role::Translator, Name::parse("Gary Goldberg"))];
//! r.original = Some(Original::parse("AVPRF F. 0102, Op. 13, Delo 5"));
//! let bib = write(&[r.clone()], Dialect::Biblatex, false);
//! assert!(bib.contains("addendum     = {Translated by Gary Goldberg.}"));
//! let (back, errors) = read(&bib);
//! assert!(errors.is_empty());
//! assert_eq!(back[0].title, r.title);
//! assert_eq!(back[0].credits, r.credits);
//! assert_eq!(back[0].shelfmark(), r.shelfmark());
//! ```

mod lex;
mod names;
mod read;
mod tex;
mod write;
pub(crate) use write::{entries, key_base};

use crate::error::Error;
use crate::record::Record;

/// Which .bib dialect to write.
///
/// ```
/// use archivecite::bibtex::{write, Dialect};
/// use archivecite::record::Record;
/// use archivecite::record::Name;
/// let mut r = Record::new("A title");
/// assert!(write(&[r.clone()], Dialect::Bibtex, false).starts_with("@misc{"));
/// assert!(write(&[r.clone()], Dialect::Biblatex, false).contains("entrysubtype = {archival}"));
/// r.authors.push(Name::parse("Gary Goldberg"));
/// assert!(write(&[r], Dialect::Biblatex, false).starts_with("@unpublished{"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// BibLaTeX (`@unpublished`, EDTF `date`).
    Biblatex,
    /// Classic BibTeX (`@misc`, `year`/`month`).
    Bibtex,
}

/// Reads every entry of a .bib file (either dialect): the good records, in file order, and one
/// error per bad entry (with its line). Never panics.
///
/// ```
/// use archivecite::bibtex::read;
/// let bib = "@string{j = \"Journal\"}\n\
///            @article{a, title = {{DNA} in M{\\\"u}nchen}, author = {Smith, Jane and {WHO}}, year = 1999, month = dec}\n\
///            @misc{bad, title = {unclosed}\n\
///            @book{b, title = \"Second \" # j}\n";
/// let (records, errors) = read(bib);
/// assert_eq!(records.len(), 2);
/// assert_eq!(records[0].title, "DNA in München");
/// assert_eq!(records[0].date.as_ref().unwrap().to_string(), "1999-12");
/// assert_eq!(records[1].title, "Second Journal");
/// assert_eq!(errors.len(), 1);
/// assert_eq!(errors[0].position().unwrap().line, 3);
/// ```
pub fn read(input: &str) -> (Vec<Record>, Vec<Error>) {
    read::read(input)
}

/// Reads like [`read()`], a batch of records at a time (see
/// [`read_batches`](crate::read_batches)).
pub(crate) fn read_batches(input: &str, sink: impl FnMut(Vec<Record>, Vec<Error>)) {
    read::read_batches(input, sink)
}

/// Writes records as .bib entries; `chicago` selects biblatex-chicago's archival `@misc`
/// (BibLaTeX only).
///
/// ```
/// use archivecite::bibtex::{write, Dialect};
/// use archivecite::record::Record;
/// let bib = write(&[Record::new("Fish & Chips")], Dialect::Biblatex, true);
/// assert!(bib.contains("entrysubtype = {archival}"));
/// assert!(bib.contains("title        = {{\\mkbibquote{Fish \\& Chips}}}"));
/// ```
pub fn write(records: &[Record], dialect: Dialect, chicago: bool) -> String {
    write::write(records, dialect, chicago)
}
