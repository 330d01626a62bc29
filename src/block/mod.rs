//! The archive citation block (placeholder: being written).
use crate::error::{Error, Result};
use crate::record::Record;

/// Reads one page.
pub fn read(input: &str) -> Result<Record> {
    Err(Error::value(
        "format",
        &input[..0],
        "block reading is not written yet",
    ))
}
/// Writes one record as a page in the old short layout.
pub fn write(record: &Record) -> String {
    let _ = record;
    String::new()
}
