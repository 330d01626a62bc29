//! CSL-JSON (placeholder: being written).
use crate::error::{Error, Result};
use crate::record::Record;

/// Reads a CSL-JSON array into records.
pub fn read(input: &str) -> Result<Vec<Record>> {
    Err(Error::value(
        "format",
        &input[..0],
        "CSL-JSON reading is not written yet",
    ))
}

/// Writes records as a CSL-JSON array.
pub fn write(records: &[Record]) -> String {
    let _ = records;
    String::new()
}
