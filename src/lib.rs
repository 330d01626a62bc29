//! # archivecite
//!
//! Archive citation blocks (the Wilson Center Digital Archive's pages) into every format that
//! historians, reference managers and digital editions use — TEI P5, CSL-JSON, BibLaTeX, BibTeX
//! and Chicago notes-bibliography — and back again.
//!
//! One hub, many spokes: every format reads into and writes from the canonical
//! [`Record`]; no format talks to another.
//!
//! Large inputs stream: [`read_batches`] hands a .bib over about a thousand entries at a time,
//! and [`Writer`] writes any format a batch at a time, each batch formatted on all cores, so a
//! conversion holds one batch and never the whole output.
//!
//! ```
//! use archivecite::{read, write, Format, Options};
//! let page = "\"Cable from the Chinese Embassy in North Korea,\" November 23, 1963, History and \
//!             Public Policy Program Digital Archive, PRC FMA 106-01403-02, 35. Translated by \
//!             Jeffrey Wang and Charles Kraus.";
//! let records = read(Format::Block, page).unwrap();
//! assert_eq!(records[0].title, "Cable from the Chinese Embassy in North Korea");
//! let json = write(Format::Record, &records, &Options::default());
//! assert!(json.contains("\"edtf\": \"1963-11-23\""));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod bibtex;
pub mod block;
pub mod chicago;
pub mod csl;
mod error;
mod format;
pub mod record;
mod stream;
pub mod tei;

pub use error::{Error, Position, Result};
pub use format::{read, read_batches, read_lenient, write, write_to, Format, Options};
pub use record::Record;
pub use stream::Writer;
