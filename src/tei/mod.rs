//! TEI P5: whole digital-edition documents, written and read with `quick-xml`.
//!
//! TEI is the lossless format: `read(&write(&[r])) == vec![r]` for every record (see *Losses*
//! below for the characters XML itself cannot hold). One record is written as a `<TEI>`
//! document, several as a `<teiCorpus>` with a corpus header and one `<TEI>` per record. The
//! output validates against `tei_all.rng` (TEI P5 4.12.0).
//!
//! # Mapping
//!
//! | record | TEI |
//! |---|---|
//! | `title` | `titleStmt/title[@type=main]`; also `div[@type=document]/head` |
//! | `authors` | `titleStmt/author/persName` or `orgName` |
//! | `funders` | `titleStmt/funder`, one each |
//! | `credits` | `titleStmt/respStmt`, one per credit: `resp[@ref=MARC relator URI]` (`Role::Other(v)`: no `@ref`, `resp/@key=v`) reading "translated for *P* by", the project as `resp/orgName[@type=project]`, the name, the affiliation as `note[@type=affiliation]` |
//! | `digital.name` | `publicationStmt/distributor` |
//! | `digital.url`, `digital.doc_id` | `publicationStmt/idno[@type=URL]`, `idno[@type=WCDA]` |
//! | `renditions` | `notesStmt/note[@type=renditions]/list/item` |
//! | `citation` | `sourceDesc/bibl[@type=citation]` |
//! | `credit_line` | `sourceDesc/bibl[@type=credit]` |
//! | `original` | `sourceDesc/bibl[@type=original]/seg[@type=raw]` holds the archive part verbatim (the record's [`Original`](crate::record::Original) is `Original::parse` of it); each holding is also described as an `msDesc/msIdentifier` (`country`, `settlement` from the authority table, `repository[@key]`, `idno[@type=shelfmark]` with the verbatim shelfmark and a nested typed `idno` — `fond`, `opis`, `delo`, `list`, `papka`, `box` … — around each part) |
//! | `languages` | `bibl[@type=original]/textLang` (`@mainLang` where the name is known) |
//! | `summary` | `profileDesc/abstract/p` |
//! | `date` | `profileDesc/creation/date`: `@when`, `@from`/`@to` or `@notBefore`/`@notAfter`; the exact EDTF in `@when-custom` with `@datingMethod="#edtf"` whenever those cannot say it (`~ ? %`, `X`, seasons, open or unknown ends); the printed text as content |
//! | `genre` | `textClass/keywords[@scheme="#wcda-type"]/term` |
//! | `subjects` | `textClass/keywords[@scheme="#wcda-subject"]/term` |
//! | `places` | `textClass/keywords[@scheme="#wcda-place"]/term` |
//! | `extra` | `notesStmt/note[@type=extra]` with `label` and `seg[@type=value]` |
//! | `body` | `text/body/div[@type=document]`: leading datelines in `opener/dateline`, one `p` per paragraph, a dateline followed by more paragraphs opens a `div[@type=entry]` with its own `opener`, final datelines go in a `closer`; a dateline's date (and place) is marked up with `date[@when]` (`placeName`) where it reads as one |
//!
//! `encodingDesc/appInfo/application[@ident=archivecite]` marks a file as ours; declarations
//! (the `#edtf` calendar, the two taxonomies) are written where they are referred to (once, in
//! the corpus header, for a `teiCorpus`). The MARC relator codes are those of
//! [`Role::marc_relator`](crate::record::Role::marc_relator).
//!
//! Choices that differ from the first sketch in the design notes: the project ("for NKIDP")
//! stays inside its credit's `resp` (a separate `respStmt` with relator `spn` would break the
//! one credit ↔ one `respStmt` pairing); the original languages are `textLang` of the source
//! (`bibl[@type=original]`) because `langUsage` describes the edition's own text.
//!
//! # TEI from elsewhere
//!
//! Any `TEI` or `teiCorpus` (TEI namespace) is read; whitespace in its text is normalised.
//! What it yields, from the file's own `titleStmt` (not a `sourceDesc/biblFull` one): the title
//! (`@type=main`, else `@level=a`, else one that is not a series', monograph's or journal's,
//! which then becomes the `container-title` extra), authors, editors (as editor credits),
//! funders and sponsors, `respStmt`s (role from a MARC relator `@ref`, or the verb of `resp`:
//! "Translated for NKIDP by" gives a translator for NKIDP; any other `resp` text is the role as
//! written), each name once. Names: `persName` by its `forename`/`surname` parts, several
//! `persName`/`orgName`/`name` in one `author` or `editor` as several names, else the text
//! without `email`, `address`, `affiliation`, `idno`, `note` or `date`; "Family, Given"
//! (particles after the given name, life dates like "(1780-1863)" left out) is a person. Then
//! `distributor` (else `publisher`), `idno[@type=URL|URI|WCDA]`, `bibl[@type=citation]`, the
//! shelfmark from a `sourceDesc` `idno[@type=archival|shelfmark]` or from each `msIdentifier`
//! ("Repository, shelfmark": `repository` text, else `institution`, else `collection`; the
//! `idno[@type=shelfmark]`, else the first `idno`; `altIdentifier` ignored; the place,
//! `settlement` and `country`, as the extra "Repository place", since a holding's place is
//! read from the archive part's text), `msContents/textLang` (`@mainLang` and `@otherLangs`,
//! named where the code is known, else kept as codes; the text only without codes), the
//! abstract's paragraphs, the date (`creation/date`, else the first dated dateline, else the
//! first `correspDesc/correspAction[@type=sent]/date`, else `msDesc/history//origDate`; `@when`,
//! `@when-iso`, `@from`/`@to`, `@notBefore`/`@notAfter`, one end only giving an interval open at
//! the other), the sender in that `correspAction` as the author when there is none, the
//! `textClass/keywords/term`s, and every `p`, `ab` and `dateline` of the body in document
//! order (`p` inside `p` or `note` belong to their block; an empty one is left out). Text is
//! read as printed: `note`, `del`, `fw` left out, `choice` as its `expan`, `corr` or `reg`,
//! `lb`, `pb`, `cb`, `space`, `gap` as a space (`break="no"` joins the word). Everything else is
//! ignored. A CMIF file of many `correspDesc` is one record (the first letter's date and
//! sender).
//!
//! An edition's file whose body holds `div[@type=document]`s (a FRUS volume of the Office of
//! the Historian, one document or hundreds) gives one record per document: the header's
//! values, the document's `head` as the title (its footnotes left out) with the volume's title
//! as `container-title`, the document's datelines, dates and paragraphs, and its
//! `note[@type=source]` ("Source: Department of State, Central Files, 795B.00/5–555. Top
//! Secret.") as one holding when the header gives none: its first sentence is the shelfmark, the
//! rest ("Top Secret.") the extra "Source note".
//!
//! Not TEI at all — not well-formed XML, a root other than `TEI`/`teiCorpus`, a root outside
//! the TEI namespace — is an [`Error::Syntax`](crate::Error) with line and column. Only the
//! five predefined entities and character references are resolved; any other entity reference
//! is an error (a DTD is skipped, never expanded), so entity bombs cannot grow. The reader is
//! iterative; nesting deeper than 512 elements is an error.
//!
//! # Losses
//!
//! None for every character XML 1.0 allows (whitespace, `& < > " '`, `]]>`, U+00A0, RTL
//! marks, combining marks, emoji…: text is escaped so that it comes back byte for byte, CR as
//! `&#13;`, and TAB/LF/CR in attributes as character references). XML 1.0 cannot hold the C0
//! control characters other than TAB, LF and CR, nor U+FFFE and U+FFFF: the writer replaces
//! them with U+FFFD. Zero records give a `teiCorpus` with a header and no `TEI`, which reads
//! back as no records but is not valid against `tei_all` (it wants at least one `TEI`).
//!
//! ```
//! use archivecite::record::{Date, Record};
//! use archivecite::tei;
//! let mut r = Record::new("Cable <No. 1> & Reply");
//! r.date = Some(Date::from_text("December 07, 1957").unwrap());
//! let xml = tei::write(&[r.clone()]);
//! assert!(xml.contains(r#"<date when="1957-12-07">December 07, 1957</date>"#));
//! assert_eq!(tei::read(&xml).unwrap(), vec![r]);
//! ```

mod escape;
pub(crate) mod lang;
mod read;
mod write;
pub(crate) use write::{corpus_head, corpus_items, CORPUS_TAIL};
mod xml;

use crate::error::Result;
use crate::record::Record;

/// The TEI namespace.
pub const NS: &str = "http://www.tei-c.org/ns/1.0";

/// `application/@ident` marking a file written by this crate.
pub(crate) const APP: &str = "archivecite";

/// Reads a TEI document or teiCorpus into records, one per `TEI` element, in order.
///
/// ```
/// use archivecite::tei;
/// let xml = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
///   <titleStmt><title>T</title></titleStmt><publicationStmt><p/></publicationStmt>
///   <sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
///   <text><body><p>x</p></body></text></TEI>"#;
/// let r = &tei::read(xml).unwrap()[0];
/// assert_eq!((r.title.as_str(), r.body[0].text()), ("T", "x"));
///
/// let e = tei::read("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <oops></TEI>").unwrap_err();
/// assert_eq!(e.position().unwrap().line, 2);
/// assert!(e.to_string().starts_with("2:"));
/// assert!(tei::read(r#"<html xmlns="http://www.w3.org/1999/xhtml"/>"#).is_err());
/// ```
pub fn read(input: &str) -> Result<Vec<Record>> {
    read::read(input)
}

/// Writes one record as a TEI document, several as a teiCorpus.
///
/// ```
/// use archivecite::record::Record;
/// use archivecite::tei;
/// let xml = tei::write(&[Record::new("A"), Record::new("B")]);
/// assert!(xml.contains("<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">"));
/// assert_eq!(tei::read(&xml).unwrap().len(), 2);
/// ```
pub fn write(records: &[Record]) -> String {
    write::write(records)
}
