//! The hub: one canonical record that every format reads into and writes from.

pub mod authority;
pub mod bibliographic;
mod credit;
mod date;
mod date_text;
pub(crate) use date_text::month_number;
mod name;
pub(crate) use credit::split_outside_parens;
pub(crate) use name::{starts_upper, SUFFIXES};
mod source;

pub(crate) use credit::clause_starts;
pub use credit::{parse_credits, render_credits, Credit, Role};
pub(crate) use date::MONTH_NAMES;
pub use date::{month_name, Bound, Date, Edtf, Point, Precision};
pub use name::{Name, PersonName};
pub(crate) use source::looks_published;
pub use source::{Holding, LocatorPart, Original, PartKind, Repository, SourceKind};

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The name the Wilson Center's citations give their digital archive.
pub const WCDA: &str = "History and Public Policy Program Digital Archive";

/// One archival document and everything known about how to cite it.
///
/// Every value type in it is well-formed by construction (dates are real dates, locator parts
/// come from parsing the shelfmark), and the texts it was parsed from are kept, so no reader
/// drops what it could not type.
///
/// ```
/// use archivecite::record::{Credit, Date, Name, Record, Role};
/// let mut r = Record::new("Cable from the Chinese Embassy in North Korea");
/// r.date = Some(Date::from_text("November 23, 1963").unwrap());
/// r.credits.push(Credit::new(Role::Translator, Name::parse("Charles Kraus")));
/// let json = serde_json::to_string(&r).unwrap();
/// assert_eq!(serde_json::from_str::<Record>(&json).unwrap(), r);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    /// The title, verbatim, quotes stripped.
    pub title: String,
    /// The document's date; `None` where the citation gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Authors of the document ("Author(s):" on the new site), persons or organisations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Name>,
    /// Credits from the credit sentence, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<Credit>,
    /// The credit sentence verbatim ("Translated for NKIDP by Gary Goldberg.").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_line: Option<String>,
    /// Funders, without "the" or a final period.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub funders: Vec<String>,
    /// The digital archive that publishes the document.
    #[serde(skip_serializing_if = "DigitalArchive::is_empty")]
    pub digital: DigitalArchive,
    /// The original source (archive and locator, a book, or a provenance note).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<Original>,
    /// Languages of the original document, as printed ("Russian").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// The formats on offer ("English HTML", "Russian PDF", "Original Scan").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub renditions: Vec<Rendition>,
    /// The kind of document ("Letter", "Telegram", "Diary").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// Subjects discussed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// Places the document is associated with ("Associated Places" on the new site).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Parts of a page this crate has no field for, kept verbatim with their label
    /// ("Original Archive", an unparseable date), so that nothing read is lost.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
    /// The archive's summary of the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The body of the (translated) document.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<Block>,
    /// The archive's citation line verbatim, where the page printed one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

impl Record {
    /// An empty record with a title.
    pub fn new(title: impl Into<String>) -> Record {
        Record {
            title: title.into(),
            ..Record::default()
        }
    }

    /// The credit sentence: as printed, or written from the credits.
    pub fn credit_sentence(&self) -> Option<String> {
        match &self.credit_line {
            Some(line) => Some(line.clone()),
            None if self.credits.is_empty() => None,
            None => Some(render_credits(&self.credits)),
        }
    }

    /// The names that hold `role`, in order, without repeats.
    pub fn names_with(&self, role: &Role) -> Vec<&Name> {
        let mut out: Vec<&Name> = Vec::new();
        for c in self.credits.iter().filter(|c| &c.role == role) {
            if !out.contains(&&c.name) {
                out.push(&c.name);
            }
        }
        out
    }

    /// The verbatim shelfmark (the archive part of the citation), if any.
    pub fn shelfmark(&self) -> Option<&str> {
        self.original.as_ref().map(Original::raw)
    }

    /// A key that identifies the record: `wcda-<doc id>` where the archive gives an id, else one
    /// built from the date and the citation text (never from title and date alone: titles repeat).
    pub fn key(&self) -> String {
        if let Some(id) = &self.digital.doc_id {
            return format!("wcda-{id}");
        }
        let date = self
            .date
            .as_ref()
            .and_then(|d| d.edtf().first())
            .map(|p| {
                let mut s = format!("{:04}", p.year().unsigned_abs());
                if let Some(m) = p.month() {
                    s.push_str(&format!("{m:02}"));
                }
                if let Some(d) = p.day() {
                    s.push_str(&format!("{d:02}"));
                }
                s
            })
            .unwrap_or_else(|| "nd".to_string());
        let word: String = self
            .title
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("doc")
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .flat_map(char::to_lowercase)
            .collect();
        let word = if word.is_empty() {
            "doc".to_string()
        } else {
            word
        };
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let basis = format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}",
            self.title,
            self.date
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            self.shelfmark().unwrap_or(""),
            self.credit_sentence().unwrap_or_default()
        );
        for b in basis.bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{date}-{word}-{:06x}", hash & 0xff_ffff)
    }
}

/// A labelled part of a page kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Extra {
    /// The label as printed ("Original Archive"), or what the part is ("date").
    pub label: String,
    /// The text as printed.
    pub value: String,
}

/// The digital archive that publishes a document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DigitalArchive {
    /// Its name as the citation gives it (see [`WCDA`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The document's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The archive's document id ("Record ID", or the number in a `/document/N` URL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
}

impl DigitalArchive {
    /// True if nothing is known.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.url.is_none() && self.doc_id.is_none()
    }

    /// The document id in a Wilson Center URL (`…/document/115647`), if it is numeric.
    pub fn id_from_url(url: &str) -> Option<String> {
        let tail = url.trim_end_matches('/').rsplit('/').next()?;
        let before = url.trim_end_matches('/').strip_suffix(tail)?;
        (before.ends_with("/document/")
            && !tail.is_empty()
            && tail.bytes().all(|b| b.is_ascii_digit()))
        .then(|| tail.to_string())
    }
}

/// What a format on offer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Media {
    /// A web page.
    Html,
    /// A PDF.
    Pdf,
    /// A scan of the original.
    Scan,
    /// A translation (PDF export's "English Translation").
    Translation,
    /// A transcription.
    Transcription,
    /// Anything else.
    Other,
}

/// A format on offer, as labelled on the page ("English HTML", "Russian PDF", "Original Scan").
///
/// ```
/// use archivecite::record::{Media, Rendition};
/// let r: Rendition = "Russian PDF".parse().unwrap();
/// assert_eq!((r.language(), r.media()), (Some("Russian"), Media::Pdf));
/// assert_eq!(r.to_string(), "Russian PDF");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct Rendition {
    label: String,
}

impl Rendition {
    /// The label as printed.
    pub fn label(&self) -> &str {
        &self.label
    }
    /// The language named in the label, if any.
    pub fn language(&self) -> Option<&str> {
        let (first, rest) = self.label.split_once(' ')?;
        (!rest.is_empty() && first != "Original" && first.starts_with(char::is_uppercase))
            .then_some(first)
    }
    /// The kind of format.
    pub fn media(&self) -> Media {
        let last = self.label.rsplit(' ').next().unwrap_or("");
        match last.to_lowercase().as_str() {
            "html" => Media::Html,
            "pdf" => Media::Pdf,
            "scan" => Media::Scan,
            "translation" => Media::Translation,
            "transcription" | "transcript" => Media::Transcription,
            _ => Media::Other,
        }
    }
}

impl From<String> for Rendition {
    fn from(label: String) -> Rendition {
        Rendition { label }
    }
}
impl From<Rendition> for String {
    fn from(r: Rendition) -> String {
        r.label
    }
}
impl FromStr for Rendition {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Rendition, Self::Err> {
        Ok(Rendition {
            label: s.trim().to_string(),
        })
    }
}
impl fmt::Display for Rendition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

/// A block of the document's body.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "text", rename_all = "kebab-case")]
pub enum Block {
    /// A dateline ("7 December 1957", "Pyongyang, 20 October 1972"), kept apart from paragraphs.
    Dateline(String),
    /// A paragraph; editorial insertions (`[me]`) kept verbatim.
    Paragraph(String),
}

impl Block {
    /// The text of the block.
    pub fn text(&self) -> &str {
        match self {
            Block::Dateline(t) | Block::Paragraph(t) => t,
        }
    }

    /// A dateline if the text is one (a date, or a place, a comma and a date), else a paragraph.
    pub fn classify(text: &str) -> Block {
        if is_dateline(text) {
            Block::Dateline(text.to_string())
        } else {
            Block::Paragraph(text.to_string())
        }
    }
}

fn is_dateline(text: &str) -> bool {
    if text.len() > 80 || text.contains('\n') {
        return false;
    }
    if Date::is_date_text(text) {
        return true;
    }
    match text.split_once(", ") {
        Some((place, date)) => {
            place.split_whitespace().count() <= 4
                && place.starts_with(char::is_uppercase)
                && !place.chars().any(|c| c.is_ascii_digit())
                && Date::is_date_text(date)
        }
        None => false,
    }
}
