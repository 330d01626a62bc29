//! One vocabulary for bibliographic data that is not archival (journals, publishers, volumes,
//! pages, identifiers, item types, citation keys), so that every format reads it into the same
//! [`Extra`](super::Extra)s and every writer understands what any reader stored.
//!
//! The canonical label of such an extra is the **CSL 1.0.2 variable name**: [`TYPE`] (`type`,
//! a CSL item type), [`ID`] (`id`, the source's own citation key or id), every variable in
//! [`TEXT_VARIABLES`] (`container-title`, `collection-title`, `publisher`, `publisher-place`,
//! `volume`, `issue`, `number`, `page`, `edition`, `DOI`, `ISBN`, `ISSN`, `PMID`, `event-title`,
//! `medium`, `call-number`, `title-short`, `language` (BCP 47), `annote`, `note` …) and the date
//! variables of [`DATE_VARIABLES`] other than `issued` (`accessed`, `original-date` …), whose
//! value is EDTF text (`2020-01-02`). Values are plain text (no TeX, no JSON).
//!
//! Data with no canonical name keeps a namespaced label, so nothing is dropped: [`BIB`]`<field>`
//! for a .bib field (`bib:file`), [`CSL`]`<member>` for a CSL member that is no variable of this
//! vocabulary (`csl:custom.shelf`, `csl:categories`, a date no reader understands). A writer
//! writes the other format's namespace as opaque data only (CSL `custom`), its own back in place.
//!
//! The tables map BibLaTeX/BibTeX fields and entry types to the vocabulary and back
//! ([`label_of_field`], [`field_of_label`], [`csl_type_of_entry`], [`entry_of_csl_type`]),
//! following pandoc's and citation.js's mappings where they agree, and biblatex's data model
//! (as biber validates it) for what is written.
//!
//! ```
//! use archivecite::record::bibliographic::{csl_type_of_entry, entry_of_csl_type, field_of_label, label_of_field};
//! assert_eq!(csl_type_of_entry("article"), Some("article-journal"));
//! assert_eq!(label_of_field("journal", "article-journal"), Some("container-title"));
//! assert_eq!(label_of_field("number", "article-journal"), Some("issue"));
//! assert_eq!(label_of_field("number", "report"), Some("number"));
//! assert_eq!(field_of_label("container-title", "article-journal", true), Some("journaltitle"));
//! assert_eq!(field_of_label("container-title", "article-journal", false), Some("journal"));
//! assert_eq!(entry_of_csl_type("chapter", true), "incollection");
//! ```

/// The canonical label of the CSL item type (`article-journal`, `book` …; `manuscript`, the
/// archival default, is never stored).
pub const TYPE: &str = "type";

/// The canonical label of the source's own citation key or item id (`lankov2002`), where it is
/// not the one [`Record::key`](super::Record::key) makes.
pub const ID: &str = "id";

/// The label prefix of CSL members that are no variable of this vocabulary (`csl:custom.KEY`).
pub const CSL: &str = "csl:";

/// The label prefix of .bib fields that have no canonical name (`bib:file`).
pub const BIB: &str = "bib:";

/// CSL 1.0.2 name variables (arrays of names; the record keeps them as authors and credits).
pub const NAME_VARIABLES: &[&str] = &[
    "author",
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor",
    "editorial-director",
    "executive-producer",
    "guest",
    "host",
    "interviewer",
    "illustrator",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
];

/// CSL 1.0.2 date variables. `issued` is [`Record::date`](super::Record::date); the others are
/// canonical labels whose value is EDTF text.
pub const DATE_VARIABLES: &[&str] = &[
    "accessed",
    "available-date",
    "event-date",
    "issued",
    "original-date",
    "submitted",
];

/// CSL 1.0.2 variables whose value is a string or a number (everything in the schema except
/// names, dates, `type`, `id`, `categories` and `custom`). Each is a canonical label.
pub const TEXT_VARIABLES: &[&str] = &[
    "citation-key",
    "language",
    "journalAbbreviation",
    "shortTitle",
    "abstract",
    "annote",
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "authority",
    "call-number",
    "chapter-number",
    "citation-number",
    "citation-label",
    "collection-number",
    "collection-title",
    "container-title",
    "container-title-short",
    "dimensions",
    "division",
    "DOI",
    "edition",
    "event",
    "event-title",
    "event-place",
    "first-reference-note-number",
    "genre",
    "ISBN",
    "ISSN",
    "issue",
    "jurisdiction",
    "keyword",
    "locator",
    "medium",
    "note",
    "number",
    "number-of-pages",
    "number-of-volumes",
    "original-publisher",
    "original-publisher-place",
    "original-title",
    "page",
    "page-first",
    "part",
    "part-title",
    "PMCID",
    "PMID",
    "printing",
    "publisher",
    "publisher-place",
    "references",
    "reviewed-genre",
    "reviewed-title",
    "scale",
    "section",
    "source",
    "status",
    "supplement",
    "title",
    "title-short",
    "URL",
    "version",
    "volume",
    "volume-title",
    "volume-title-short",
    "year-suffix",
];

/// The item types of CSL 1.0.2 (the values of the canonical label [`TYPE`]).
pub const CSL_TYPES: &[&str] = &[
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
];

/// True if `label` is a canonical label of this vocabulary: [`TYPE`], [`ID`], a variable of
/// [`TEXT_VARIABLES`] or a date variable other than `issued`.
///
/// ```
/// use archivecite::record::bibliographic::is_canonical;
/// assert!(is_canonical("container-title") && is_canonical("DOI") && is_canonical("accessed"));
/// assert!(!is_canonical("journal") && !is_canonical("csl:custom.x") && !is_canonical("issued"));
/// ```
pub fn is_canonical(label: &str) -> bool {
    label == TYPE || label == ID || TEXT_VARIABLES.contains(&label) || is_date_label(label)
}

/// True if `label` is a canonical date label (a CSL date variable other than `issued`), whose
/// value is EDTF text.
///
/// ```
/// assert!(archivecite::record::bibliographic::is_date_label("accessed"));
/// ```
pub fn is_date_label(label: &str) -> bool {
    label != "issued" && DATE_VARIABLES.contains(&label)
}

/// True for CSL types whose `number` is the issue of a serial (journal, magazine, newspaper).
///
/// ```
/// assert!(archivecite::record::bibliographic::is_serial("article-journal"));
/// ```
pub fn is_serial(csl_type: &str) -> bool {
    matches!(
        csl_type,
        "article" | "article-journal" | "article-magazine" | "article-newspaper" | "periodical"
    )
}

/// The canonical label of a BibLaTeX or BibTeX field (any case) in an entry of CSL type
/// `csl_type` (`manuscript` for archival entries); `None` where the vocabulary has no name for
/// it (the reader then keeps it as `bib:<field>`). `langid` maps to `language`; its value needs
/// [`language_of_langid`].
///
/// ```
/// use archivecite::record::bibliographic::label_of_field;
/// assert_eq!(label_of_field("Address", "book"), Some("publisher-place"));
/// assert_eq!(label_of_field("urldate", "webpage"), Some("accessed"));
/// assert_eq!(label_of_field("file", "book"), None);
/// ```
pub fn label_of_field(field: &str, csl_type: &str) -> Option<&'static str> {
    let f = field.to_ascii_lowercase();
    Some(match f.as_str() {
        "journal" | "journaltitle" | "booktitle" => "container-title",
        "shortjournal" => "container-title-short",
        "series" => "collection-title",
        "publisher" | "institution" | "school" | "organization" => "publisher",
        "address" | "location" => "publisher-place",
        "volume" => "volume",
        "number" if is_serial(csl_type) => "issue",
        // a book's (a chapter's, a paper's) number is its number in the series
        "number" if is_bookish(csl_type) => "collection-number",
        "number" => "number",
        "pages" => "page",
        "pagetotal" => "number-of-pages",
        "volumes" => "number-of-volumes",
        "chapter" => "chapter-number",
        "edition" => "edition",
        "version" => "version",
        "doi" => "DOI",
        "isbn" => "ISBN",
        "issn" => "ISSN",
        "pmid" => "PMID",
        "pmcid" => "PMCID",
        "urldate" => "accessed",
        "origdate" => "original-date",
        "eventdate" => "event-date",
        "eventtitle" => "event-title",
        "venue" => "event-place",
        "origpublisher" => "original-publisher",
        "origlocation" => "original-publisher-place",
        "origtitle" => "original-title",
        "library" | "callnumber" => "call-number",
        "shorttitle" => "title-short",
        "langid" => "language",
        "annotation" | "annote" => "annote",
        "note" => "note",
        "pubstate" => "status",
        _ => return None,
    })
}

/// True for CSL types whose .bib `number` is the number in a series (`collection-number`):
/// books, their parts, conference papers, encyclopedia entries.
///
/// ```
/// assert!(archivecite::record::bibliographic::is_bookish("chapter"));
/// assert!(!archivecite::record::bibliographic::is_bookish("report"));
/// ```
pub fn is_bookish(csl_type: &str) -> bool {
    matches!(
        csl_type,
        "book"
            | "chapter"
            | "paper-conference"
            | "entry"
            | "entry-dictionary"
            | "entry-encyclopedia"
            | "classic"
    )
}

/// The field a canonical label is written to in an entry of CSL type `csl_type`: BibLaTeX
/// (`biblatex`) or classic BibTeX names; `None` where the entry type has no field for it in
/// biblatex's data model (or in BibTeX's usual fields).
///
/// ```
/// use archivecite::record::bibliographic::field_of_label;
/// assert_eq!(field_of_label("publisher", "thesis", true), Some("institution"));
/// assert_eq!(field_of_label("publisher", "thesis", false), Some("school"));
/// assert_eq!(field_of_label("issue", "article-journal", true), Some("number"));
/// assert_eq!(field_of_label("publisher-place", "book", true), Some("location"));
/// assert_eq!(field_of_label("ISBN", "article-journal", true), None);
/// ```
pub fn field_of_label(label: &str, csl_type: &str, biblatex: bool) -> Option<&'static str> {
    let entry = entry_of_csl_type(csl_type, biblatex);
    let serial = entry == "article" || entry == "periodical";
    let bookish = matches!(
        entry,
        "book" | "incollection" | "inbook" | "inproceedings" | "inreference" | "proceedings"
    );
    let field = match label {
        "container-title" if serial => {
            if biblatex {
                "journaltitle"
            } else {
                "journal"
            }
        }
        "container-title" if matches!(entry, "incollection" | "inproceedings" | "inreference") => {
            "booktitle"
        }
        "container-title-short" if serial && biblatex => "shortjournal",
        "collection-title" if !matches!(entry, "misc" | "online" | "unpublished") => "series",
        "publisher" => match entry {
            "thesis" | "phdthesis" if !biblatex => "school",
            "thesis" | "report" | "techreport" => "institution",
            "online" | "dataset" | "manual" => "organization",
            "misc" | "booklet" | "unpublished" => "howpublished",
            _ if bookish => "publisher",
            _ => return None,
        },
        "publisher-place" if !serial && entry != "online" => {
            if biblatex {
                "location"
            } else {
                "address"
            }
        }
        "volume" if serial || bookish => "volume",
        "issue" if serial => "number",
        "number" if !serial && (bookish || matches!(entry, "report" | "techreport" | "patent")) => {
            "number"
        }
        "collection-number" if bookish => "number",
        "status" if biblatex => "pubstate",
        "page" if serial || bookish || matches!(entry, "report" | "thesis") => "pages",
        "chapter-number" if bookish => "chapter",
        "edition" if bookish => "edition",
        "DOI" => "doi",
        "ISBN" if bookish => "isbn",
        "ISSN" if serial => "issn",
        "note" => "note",
        "accessed" => "urldate",
        "number-of-pages" if biblatex && (entry == "book" || entry == "thesis") => "pagetotal",
        "number-of-volumes" if biblatex && bookish => "volumes",
        "version" if biblatex && matches!(entry, "misc" | "online" | "software" | "dataset") => {
            "version"
        }
        "original-date" if biblatex => "origdate",
        "event-date" if biblatex && matches!(entry, "inproceedings" | "unpublished") => "eventdate",
        "event-title" | "event" if biblatex && matches!(entry, "inproceedings" | "unpublished") => {
            "eventtitle"
        }
        "event-place" if biblatex && matches!(entry, "inproceedings" | "unpublished") => "venue",
        "original-publisher" if biblatex => "origpublisher",
        "original-publisher-place" if biblatex => "origlocation",
        "original-title" if biblatex => "origtitle",
        "call-number" if biblatex => "library",
        "title-short" if biblatex => "shorttitle",
        "language" if biblatex => "langid",
        "annote" => {
            if biblatex {
                "annotation"
            } else {
                "annote"
            }
        }
        _ => return None,
    };
    Some(field)
}

/// The CSL type of a BibLaTeX or BibTeX entry type (any case); `None` for types with no CSL
/// counterpart (`@set`, `@xdata`, unknown types).
///
/// ```
/// use archivecite::record::bibliographic::csl_type_of_entry;
/// assert_eq!(csl_type_of_entry("InProceedings"), Some("paper-conference"));
/// assert_eq!(csl_type_of_entry("phdthesis"), Some("thesis"));
/// assert_eq!(csl_type_of_entry("misc"), Some("document"));
/// assert_eq!(csl_type_of_entry("unpublished"), Some("manuscript"));
/// ```
pub fn csl_type_of_entry(entry_type: &str) -> Option<&'static str> {
    let t = entry_type.to_ascii_lowercase();
    Some(match t.as_str() {
        "article" => "article-journal",
        "book" | "mvbook" | "bookinbook" | "collection" | "mvcollection" | "proceedings"
        | "mvproceedings" | "reference" | "mvreference" => "book",
        "inbook" | "incollection" | "suppbook" | "suppcollection" => "chapter",
        "inreference" => "entry-encyclopedia",
        "inproceedings" | "conference" => "paper-conference",
        "thesis" | "phdthesis" | "mastersthesis" => "thesis",
        "report" | "techreport" | "manual" => "report",
        "online" | "www" | "electronic" => "webpage",
        "booklet" => "pamphlet",
        "periodical" => "periodical",
        "patent" => "patent",
        "dataset" => "dataset",
        "software" => "software",
        "misc" => "document",
        "review" => "review",
        "video" | "movie" => "motion_picture",
        "audio" | "music" => "song",
        "image" => "graphic",
        "unpublished" | "manuscript" => "manuscript",
        _ => return None,
    })
}

/// The entry type a CSL type is written as: BibLaTeX (`biblatex`) or classic BibTeX. Types
/// with no counterpart are `misc`.
///
/// ```
/// use archivecite::record::bibliographic::entry_of_csl_type;
/// assert_eq!(entry_of_csl_type("article-journal", true), "article");
/// assert_eq!(entry_of_csl_type("report", false), "techreport");
/// assert_eq!(entry_of_csl_type("webpage", true), "online");
/// assert_eq!(entry_of_csl_type("map", true), "misc");
/// ```
pub fn entry_of_csl_type(csl_type: &str, biblatex: bool) -> &'static str {
    match (csl_type, biblatex) {
        (
            "article" | "article-journal" | "article-magazine" | "article-newspaper" | "review"
            | "review-book",
            _,
        ) => "article",
        ("book" | "classic", _) => "book",
        ("chapter", _) => "incollection",
        ("paper-conference", _) => "inproceedings",
        ("thesis", true) => "thesis",
        ("thesis", false) => "phdthesis",
        ("report", true) => "report",
        ("report", false) => "techreport",
        ("entry-encyclopedia" | "entry-dictionary" | "entry", true) => "inreference",
        ("entry-encyclopedia" | "entry-dictionary" | "entry", false) => "incollection",
        ("manuscript", _) => "unpublished",
        ("pamphlet", _) => "booklet",
        ("webpage" | "post" | "post-weblog", true) => "online",
        ("periodical", true) => "periodical",
        ("patent", true) => "patent",
        ("dataset", true) => "dataset",
        ("software", true) => "software",
        _ => "misc",
    }
}

/// The `entrysubtype` biblatex gives an `@article` of this CSL type (`magazine`, `newspaper`).
///
/// ```
/// assert_eq!(archivecite::record::bibliographic::entrysubtype_of_csl_type("article-newspaper"), Some("newspaper"));
/// ```
pub fn entrysubtype_of_csl_type(csl_type: &str) -> Option<&'static str> {
    match csl_type {
        "article-magazine" => Some("magazine"),
        "article-newspaper" => Some("newspaper"),
        _ => None,
    }
}

/// babel/polyglossia language names (`langid`) and their BCP 47 tags (`language`).
const LANGIDS: &[(&str, &str)] = &[
    ("english", "en"),
    ("american", "en-US"),
    ("british", "en-GB"),
    ("german", "de"),
    ("ngerman", "de-DE"),
    ("austrian", "de-AT"),
    ("french", "fr"),
    ("italian", "it"),
    ("spanish", "es"),
    ("portuguese", "pt"),
    ("brazilian", "pt-BR"),
    ("dutch", "nl"),
    ("russian", "ru"),
    ("ukrainian", "uk"),
    ("polish", "pl"),
    ("czech", "cs"),
    ("hungarian", "hu"),
    ("romanian", "ro"),
    ("bulgarian", "bg"),
    ("serbian", "sr"),
    ("croatian", "hr"),
    ("swedish", "sv"),
    ("norwegian", "nb"),
    ("danish", "da"),
    ("finnish", "fi"),
    ("greek", "el"),
    ("turkish", "tr"),
    ("hebrew", "he"),
    ("arabic", "ar"),
    ("chinese", "zh"),
    ("japanese", "ja"),
    ("korean", "ko"),
    ("vietnamese", "vi"),
    ("latin", "la"),
];

/// The BCP 47 tag of a `langid` (`british` → `en-GB`), if it is a common one.
///
/// ```
/// assert_eq!(archivecite::record::bibliographic::language_of_langid("Russian"), Some("ru"));
/// ```
pub fn language_of_langid(langid: &str) -> Option<&'static str> {
    let l = langid.trim().to_ascii_lowercase();
    LANGIDS.iter().find(|(id, _)| *id == l).map(|(_, tag)| *tag)
}

/// The `langid` of a BCP 47 tag (`en-GB` → `british`), if it is a common one.
///
/// ```
/// assert_eq!(archivecite::record::bibliographic::langid_of_language("en-GB"), Some("british"));
/// ```
pub fn langid_of_language(tag: &str) -> Option<&'static str> {
    LANGIDS
        .iter()
        .find(|(_, t)| t.eq_ignore_ascii_case(tag.trim()))
        .map(|(id, _)| *id)
}
