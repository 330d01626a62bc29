//! CSL-JSON (CSL 1.0.2 `csl-data.json`): write records for Zotero, citeproc-js, pandoc and
//! every other CSL processor, and read CSL-JSON back — our own, Zotero's, or anyone's.
//!
//! # Mapping (record → CSL)
//!
//! | record | CSL-JSON |
//! |---|---|
//! | [`Record::key`] (unique within one output: `-2`, `-3` … added to repeats) | `id` |
//! | extra `id` (the source's own key, [`bibliographic::ID`](crate::record::bibliographic::ID)) when unique | `id` instead of the key |
//! | — | `type`: `manuscript`, or the extra `type` (a CSL type, from CSL or a .bib entry type) |
//! | `title` | `title` |
//! | `authors` (+ credits with role author) | `author` |
//! | credits: translator / editor / compiler | `translator` / `editor` / `compiler` |
//! | credits: contributor, transcriber, other verbs | `contributor` (obtained-by: `custom` only) |
//! | credits whose role names a CSL name variable (`Role::Other("recipient")`) | that variable |
//! | `date` | `issued`: `date-parts` (a range as two), `circa: true` for `~`, `season` for EDTF 21–24; `literal` where date-parts cannot say it (`195X`, open ranges) |
//! | no `date`: the extra `date` (a date as printed that no reader understands) | `issued: {"literal": …}` |
//! | `digital.name` | `archive` |
//! | `original` (raw shelfmark) | `archive_location` |
//! | `digital.url` | `URL` |
//! | the extra `language`, else renditions, else `languages` | `language`: the extra (BCP 47), else `"en"` when an English rendition is on offer, else the tag of the first original language the language table knows ("Russian" → `ru`) |
//! | `summary` | `abstract` |
//! | `genre` | `genre` |
//! | `subjects` | `keyword` (joined with ", ") |
//! | the extra `note` (a note read from CSL: the user's), else the credit line, else the sentence rendered from the credits — only for a `manuscript` whose roles all have a credit verb (never "Director by") | `note` |
//! | extras with a canonical label of [`record::bibliographic`](crate::record::bibliographic) (`container-title`, `volume`, `issue`, `page`, `publisher`, `publisher-place`, `DOI`, `ISSN`, `note` …) | that CSL variable; date labels (`accessed` …, EDTF text) as CSL dates where date-parts say them exactly |
//! | everything else | `custom` (below) |
//!
//! Names: persons as `family`, `given`, `non-dropping-particle` (the record's particle;
//! `dropping-particle` where [`PersonName::dropping_particle`](crate::record::PersonName) says so),
//! `suffix` (with `comma-suffix` where the name has it); organisations as `literal`; a family-first name (Kim Du-bong) gets
//! `"static-ordering": true` (citeproc-js then prints it family first without a comma).
//!
//! `custom` (schema 1.0.2 allows any object there) holds, under `"archivecite": 1`:
//! `edtf` (the exact EDTF date), `date-text` (the date as printed), `credits` (every credit with
//! role, affiliation and the project it was done for), `credit-line`, `funders`, `languages`
//! (original languages as printed), `renditions`, `subjects`, `places`, `citation`, `doc-id`
//! (when the URL does not give it), `author-count` (when author credits were added to
//! `author`), `verbatim` (strings that cannot be CSL strings as they are: empty or padded),
//! `extra` (the record's extras: each one, or only its label where its value is in a variable;
//! `bib:` extras from a .bib file stay here). Structured holdings are not written: `Original::parse`
//! derives them again from `archive_location`.
//!
//! # Reading
//!
//! [`read()`] takes an array of items, one item, `{"items": [...]}`, or an object of items keyed
//! by id (citeproc-js's `database.json`; the key is the id of an item without one). An object
//! with none of `id`, `type`, `custom` or a CSL variable is no item: an error, never an empty
//! record. With our `custom` the record comes back exactly (apart from the body).
//!
//! **Our output edited by hand**: where an item of ours shows something other than what the
//! writer would write from the record in `custom` (an id, `issued`, a name list, `note`,
//! `keyword`, `language`, any variable), the item wins; `custom` fills in only what CSL cannot
//! hold and what still fits (a credit line that names someone removed from the name variables
//! is dropped; a credit sentence typed into `note` becomes the credit line and its credits).
//!
//! Without `custom` (Zotero, citeproc-js, pandoc, any CSL source):
//! - names: `literal` → organisation (a name kept whole); `family`/`given`/`suffix`;
//!   `dropping-particle` or `non-dropping-particle` → the particle (flagged dropping for the
//!   first; both together are joined, in that order, as one non-dropping particle);
//!   `comma-suffix` kept;
//!   a name with `given` only → its family name; family-first order from `static-ordering`,
//!   else guessed as [`Name::parse`](crate::record::Name::parse) would;
//! - `author` → authors; `translator`, `editor`, `contributor`, `compiler` → credits of that
//!   role; any other name variable → a credit with `Role::Other("<variable>")`;
//! - dates: `date-parts` (numbers or numeric strings; one or two; months 13–16 as seasons; a
//!   month or day 0 as missing, `[[1957, 0, 0]]` is 1957; an end year 0 as an open end),
//!   `season`, `circa`, `raw` (EDTF, else printed text), `literal` (printed text);
//!   `"date-parts": []` is no date; a date no reader understands is kept: a `literal` alone as
//!   the extra `date` (as the block reader keeps a date it cannot read), anything else as an
//!   extra `csl:issued` with its JSON; both are written back as `issued`, and other date
//!   variables no reader understands (`"accessed": {"literal": "n.d."}`) as they were;
//! - `language`: a language name or bare tag the language table knows ("English", "german",
//!   "ru") → the record's `languages` (as the name); anything else ("en-GB") an extra;
//! - a `note` that is not the credit sentence (Zotero's "Key: value" Extra lines …) is kept
//!   and written back as the note; the credit line then lives in `custom`;
//! - **the Zotero convention**: Zotero's Wilson Center translator puts the credit sentence after
//!   the shelfmark in `archive_location` ("RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated
//!   by Gary Goldberg."). Without our `custom`, `archive_location` is split at the first
//!   sentence (after ". " or "; ") that opens with a credit verb and parses as credits
//!   ([`split_zotero_location`]): the shelfmark becomes `original`, the rest the credit line,
//!   parsed with [`parse_credits`](crate::record::parse_credits). Else a `note` that parses as
//!   credits is the credit line. Names from the name variables are merged into those credits
//!   (same printed name, or the same family name with compatible given names, "G." and
//!   "Gary", keeping the fuller; fitting role); the rest become credits of their own;
//! - `keyword` → subjects (split at "," and ";");
//! - every other CSL variable — `container-title`, `volume`, `issue`, `page`, `DOI`, `ISSN`,
//!   `publisher`, `title-short`, a `note` that is no credit sentence, `language`, the `type`
//!   when not `manuscript`, an `id` other than the record's key — becomes an
//!   [`Extra`](crate::record::Extra) under its canonical label, the variable's own name (the
//!   hub's [`bibliographic`](crate::record::bibliographic) vocabulary, which the BibLaTeX/BibTeX
//!   reader and writers share), with its text (numbers as written); other date variables
//!   (`accessed`, `original-date` …) as EDTF text. What is no variable of the vocabulary keeps
//!   a `csl:` label: unknown members and `categories` (`csl:<member>`, compact JSON), dates no
//!   reader understands (`csl:issued`, `csl:accessed` …, JSON), members of a foreign `custom`
//!   (`csl:custom.KEY`). [`write()`] puts these back in their CSL variables (and `type`/`id`),
//!   so a journal article read from CSL — or from a .bib `@article` — is written as the same
//!   journal article.
//!
//! # Errors
//!
//! Malformed JSON is a syntax error that says what is missing ("a value after ',' (no trailing
//! comma)", "more input: the file ends inside an object"), a wrong shape (a title that is an object, a name that
//! is not an object, a date part that is not a number, a member no name/date may have) is a
//! shape error; both carry line, column and the JSON path (`$[3].issued.date-parts[0][1]`).
//! **A key repeated in one item is an error** (`duplicate key "title"`): JSON leaves it
//! undefined, and tools disagree (Python and serde_json keep the last, others the first), so
//! the reader refuses to guess. Repeats inside `custom` and other kept JSON: the last wins.
//! Items without `type` or `id` are accepted.
//!
//! # What is lost
//!
//! - **With `custom`** (`read(&write(records))`): only `body` (the document text; CSL has no
//!   place for it, and `custom` is not meant to carry documents), and an empty `summary`
//!   (an empty `abstract` is read as none, like every empty string).
//! - **Without `custom`** (after Zotero, citeproc-js or pandoc dropped it), also: funders;
//!   `on_behalf_of` and affiliations (only as text in the credit sentence, from which they
//!   are parsed again when `note` survives); obtained-by credits and Transcriber/other verbs
//!   versus Contributor (again recovered when `note` survives); original languages but the
//!   first (as `language`, read back as a language); renditions (only `language: en`
//!   survives, read back as the language English); the date as printed; EDTF
//!   uncertainty (`?`), `X` digits and open ranges (which become `literal`: printed text read
//!   back where the date reader understands it) and which end of a range is approximate;
//!   `doc-id` unless the URL holds it; places; citation line; extras; subjects that contain
//!   commas; the record order of credits versus name variables; `Name::family_first` where
//!   the guess differs; names of roles that were merged into one `contributor` list.
//! - Reading foreign CSL keeps everything as fields or `csl:` extras except: `parse-names`
//!   (a formatting hint), which part of a particle drops where a name has both kinds, names
//!   with no part at all, empty strings, the spelling of a language name ("english" comes
//!   back as `en`), and an `id` equal to the record's own key; dates of other variables that date-parts cannot say exactly are
//!   read as EDTF (`circa` and seasons kept, a `literal` only where the date reader
//!   understands it).

mod model;
mod path;
mod read;
mod vars;
mod write;

use crate::error::Result;
use crate::record::Record;

pub use read::split_zotero_location;
pub use vars::EXTRA_PREFIX;

/// Reads CSL-JSON (an array of items, or one item) into records.
///
/// ```
/// let json = r#"[{"id": "x", "type": "manuscript", "title": "Cable",
///   "issued": {"date-parts": [[1963, 11, 23]]},
///   "archive": "History and Public Policy Program Digital Archive",
///   "archive_location": "PRC FMA 106-01403-02, 35. Translated by Jeffrey Wang and Charles Kraus."}]"#;
/// let r = &archivecite::csl::read(json).unwrap()[0];
/// assert_eq!(r.date.as_ref().unwrap().to_string(), "1963-11-23");
/// assert_eq!(r.shelfmark(), Some("PRC FMA 106-01403-02, 35"));
/// assert_eq!(r.credits.len(), 2);
///
/// let e = archivecite::csl::read(r#"[{"id": "a", "issued": {"date-parts": [[1957, "x"]]}}]"#).unwrap_err();
/// assert!(e.to_string().contains("$[0].issued.date-parts[0][1]"), "{e}");
/// ```
pub fn read(input: &str) -> Result<Vec<Record>> {
    read::read(input)
}

/// Writes records as a CSL-JSON array (pretty-printed, one item per record).
///
/// ```
/// use archivecite::record::{Credit, Date, Name, Record, Role};
/// let mut r = Record::new("Cable from the Chinese Embassy in North Korea");
/// r.date = Some(Date::from_text("November 23, 1963").unwrap());
/// r.credits.push(Credit::new(Role::Translator, Name::parse("Charles Kraus")));
/// let json = archivecite::csl::write(&[r.clone()]);
/// assert!(json.contains("\"date-parts\": [\n"));
/// assert!(json.contains("\"family\": \"Kraus\""));
/// assert_eq!(archivecite::csl::read(&json).unwrap(), vec![r]);
/// ```
pub fn write(records: &[Record]) -> String {
    write::write(records)
}

/// Streams the same CSL-JSON as [`write()`] into `out`, without holding the whole output.
///
/// ```
/// use archivecite::record::Record;
/// let mut out = Vec::new();
/// archivecite::csl::write_to(&[Record::new("A title")], &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), archivecite::csl::write(&[Record::new("A title")]));
/// ```
pub fn write_to(records: &[Record], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write::write_to(records, out)
}

/// Writes one CSL-JSON array a batch of records at a time, so that a large conversion never
/// holds every record: the output is the same as [`write()`] of all the batches together (ids
/// are made unique across batches), and each batch is serialised on all cores.
///
/// ```
/// use archivecite::record::Record;
/// let (a, b) = (Record::new("First"), Record::new("Second"));
/// let mut w = archivecite::csl::Writer::new(Vec::new());
/// w.write(&[a.clone()]).unwrap();
/// w.write(&[b.clone()]).unwrap();
/// let out = String::from_utf8(w.finish().unwrap()).unwrap();
/// assert_eq!(out, archivecite::csl::write(&[a, b]));
/// ```
pub use write::Writer;
