//! TEI P5 (placeholder: being written).
use crate::error::{Error, Result};
use crate::record::Record;

/// Reads a TEI document or teiCorpus into records.
pub fn read(input: &str) -> Result<Vec<Record>> {
    Err(Error::value(
        "format",
        &input[..0],
        "TEI reading is not written yet",
    ))
}

/// Writes one record as a TEI document, several as a teiCorpus.
pub fn write(records: &[Record]) -> String {
    let _ = records;
    String::new()
}
