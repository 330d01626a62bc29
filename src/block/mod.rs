//! The archive citation block: a Digital Archive document page as text, read with nom into a
//! [`Record`], and written back in the old short layout.
//!
//! The reader knows the four layouts of real pages (see [`Layout`]): the old short page, the old
//! long page (upper-case title, URL after the citation), the new site (labelled sections under
//! "Document Information") and the PDF export ("Citation:", "Summary:", "Credits:"), and a bare
//! citation line. It survives straight, curly or lost quotes, hard-wrapped lines, CRLF, tabs
//! and a BOM. What it cannot type it keeps verbatim in [`Record::extra`], the citation line in
//! [`Record::citation`] and the credit sentence in [`Record::credit_line`].
//!
//! ```
//! let page = std::fs::read_to_string("tests/fixtures/seed.txt").unwrap();
//! let r = archivecite::block::read(&page).unwrap();
//! assert_eq!(r.date.as_ref().unwrap().to_string(), "1957-12-07");
//! let again = archivecite::block::read(&archivecite::block::write(&r)).unwrap();
//! assert_eq!(again, r);
//! ```
//!
//! What the written block cannot hold: nothing for records read from a block. A record from
//! elsewhere gains a citation line (built from its fields), the printed form of its date, and a
//! credit sentence (written from its credits), and loses an empty summary (a "Summary:" section
//! with no text is no summary) and the kind of a body paragraph that reads as a dateline
//! ([`Block::classify`](crate::record::Block::classify)); after that, block → record → block →
//! record is exact.

mod citation;
mod page;
mod read;
mod write;

pub use read::Layout;

use crate::error::Result;
use crate::record::Record;

/// Reads one page (any of the four layouts, or a bare citation line) into a record.
///
/// ```
/// let e = archivecite::block::read("\n\nhello world").unwrap_err();
/// assert!(e.to_string().starts_with("3:1: block: expected a citation block"));
/// ```
pub fn read(input: &str) -> Result<Record> {
    read::read(input)
}

/// Which layout a page has, if it is a page at all.
///
/// ```
/// use archivecite::block::{layout, Layout};
/// assert_eq!(layout("Skip to content\n\nJune 7, 1973\n\nTitle\n\nDocument Information"), Some(Layout::New));
/// ```
pub fn layout(input: &str) -> Option<Layout> {
    read::detect(&page::Page::new(input))
}

/// Writes a record as a page in the old short layout (with a trailing "Document Information"
/// section for what that layout has no place for: authors, genre, languages, record id …).
///
/// ```
/// use archivecite::record::{Record, WCDA};
/// let mut r = Record::new("A title");
/// r.digital.name = Some(WCDA.to_string());
/// let text = archivecite::block::write(&r);
/// assert!(text.contains("\"A title,\" History and Public Policy Program Digital Archive"));
/// assert_eq!(archivecite::block::read(&text).unwrap().title, "A title");
/// ```
pub fn write(record: &Record) -> String {
    write::write(record)
}

/// The citation line the archive would print for `record`: its own verbatim line when it still
/// agrees with the record's fields, else one built from them.
///
/// ```
/// let page = std::fs::read_to_string("tests/fixtures/seed.txt").unwrap();
/// let r = archivecite::block::read(&page).unwrap();
/// assert_eq!(Some(archivecite::block::citation_line(&r)), r.citation);
/// ```
pub fn citation_line(record: &Record) -> String {
    write::citation_line(record)
}
