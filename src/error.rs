//! The crate's one error type: every failure names the format, the place and what was expected.

use std::fmt;

/// A place in an input text: 1-based line and column (in characters) and 0-based byte offset.
///
/// ```
/// use archivecite::Position;
/// let p = Position::at("ab\ncd", 4);
/// assert_eq!((p.line, p.column, p.offset), (2, 2, 4));
/// assert_eq!(p.to_string(), "2:2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
    /// 0-based byte offset into the input.
    pub offset: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text, and to a char boundary).
    pub fn at(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        Position {
            line,
            column,
            offset,
        }
    }

    /// The position of `part`, a subslice of `text` (found by pointer arithmetic).
    /// Falls back to the end of `text` if `part` does not lie inside it.
    pub fn of_slice(text: &str, part: &str) -> Position {
        let start = text.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        let offset = if at >= start && at <= start + text.len() {
            at - start
        } else {
            text.len()
        };
        Position::at(text, offset)
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Everything that can go wrong in archivecite.
///
/// Syntax errors carry a [`Position`]; `Display` prints `LINE:COL: message`, so the CLI
/// can prefix the file name and get the familiar `FILE:LINE:COL: message`.
///
/// ```
/// use archivecite::{Error, Position};
/// let e = Error::syntax("block", Position::at("x", 0), "a date line", "x");
/// assert_eq!(e.to_string(), "1:1: block: expected a date line, found \"x\"");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input does not follow the format's grammar at `at`.
    #[error("{at}: {format}: expected {expected}, found {found:?}")]
    Syntax {
        /// Format being read ("block", "tei", "csl-json", "bibtex", "chicago" …).
        format: &'static str,
        /// Where it went wrong.
        at: Position,
        /// What the reader expected there.
        expected: String,
        /// A short excerpt of what it found instead.
        found: String,
    },
    /// The input is well-formed but has the wrong shape (a JSON value of the wrong type, a TEI
    /// element in the wrong place); `path` names the place within the document.
    #[error("{at}: {format}: {path}: {message}")]
    Shape {
        /// Format being read.
        format: &'static str,
        /// Where it went wrong.
        at: Position,
        /// A path inside the document: `$[3].issued`, `/TEI/teiHeader`, an entry key.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A value could not be parsed (a date, a format name, a role …).
    #[error("invalid {what} {value:?}: {reason}")]
    Value {
        /// What kind of value ("EDTF date", "format").
        what: &'static str,
        /// The offending text.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// A syntax error at `at`; `found` is cut to a short excerpt (at most 40 characters, one line).
    pub fn syntax(format: &'static str, at: Position, expected: &str, found: &str) -> Error {
        Error::Syntax {
            format,
            at,
            expected: expected.to_string(),
            found: excerpt(found),
        }
    }

    /// A shape error at `at`, inside the document at `path`.
    pub fn shape(
        format: &'static str,
        at: Position,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Error {
        Error::Shape {
            format,
            at,
            path: path.into(),
            message: message.into(),
        }
    }

    /// An invalid value.
    pub fn value(what: &'static str, value: &str, reason: impl Into<String>) -> Error {
        Error::Value {
            what,
            value: excerpt(value),
            reason: reason.into(),
        }
    }

    /// The position this error points at, if it has one.
    pub fn position(&self) -> Option<Position> {
        match self {
            Error::Syntax { at, .. } | Error::Shape { at, .. } => Some(*at),
            _ => None,
        }
    }
}

/// At most 40 characters of the first line of `s`, for error messages.
pub(crate) fn excerpt(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    let mut out: String = line.chars().take(40).collect();
    if line.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
