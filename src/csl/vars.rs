//! The CSL 1.0.2 variable tables (from the official `csl-data.json` schema), shared with the
//! hub's bibliographic vocabulary ([`crate::record::bibliographic`]).

pub(crate) use crate::record::bibliographic::{
    CSL_TYPES as TYPES, DATE_VARIABLES as DATE_VARS, NAME_VARIABLES as NAME_VARS,
    TEXT_VARIABLES as TEXT_VARS,
};

/// The label prefix of a [`crate::record::Extra`] that holds a CSL member that is no variable
/// of the hub's vocabulary (`csl:custom.KEY`, `csl:categories`, a date no reader understands);
/// CSL variables are stored under their own names (see [`crate::record::bibliographic`]).
///
/// ```
/// let r = &archivecite::csl::read(r#"{"id": "a", "type": "book", "title": "T", "publisher": "P", "custom": {"k": 1}}"#).unwrap()[0];
/// assert!(r.extra.iter().any(|x| x.label == "publisher" && x.value == "P"));
/// let k = format!("{}custom.k", archivecite::csl::EXTRA_PREFIX);
/// assert!(r.extra.iter().any(|x| x.label == k && x.value == "1"));
/// ```
pub const EXTRA_PREFIX: &str = crate::record::bibliographic::CSL;
