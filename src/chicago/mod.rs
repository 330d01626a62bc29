//! Chicago notes-bibliography (placeholder: being written).
use crate::error::{Error, Result};
use crate::record::Record;

/// Which Chicago form a string is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Full note.
    Note,
    /// Short note.
    ShortNote,
    /// Bibliography entry.
    Bibliography,
}

/// Edition and markup of the rendered strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Style {
    /// The Manual's edition: 17 or 18 (0 means the default, 18).
    pub edition: u8,
}

/// The full note.
pub fn note(record: &Record, style: &Style) -> String {
    let _ = (record, style);
    String::new()
}
/// The short note.
pub fn short_note(record: &Record, style: &Style) -> String {
    let _ = (record, style);
    String::new()
}
/// The bibliography entry.
pub fn bibliography(record: &Record, style: &Style) -> String {
    let _ = (record, style);
    String::new()
}
/// Parses a rendered string back into the fields it carries.
pub fn parse(input: &str, form: Form) -> Result<Record> {
    let _ = form;
    Err(Error::value(
        "format",
        &input[..0],
        "Chicago parsing is not written yet",
    ))
}
