//! CSL-JSON → records.

use super::model::{Items, Keyed, Member, RawDate, RawItem, RawName, Wrapped};
use super::path::path_at;
use super::vars::{EXTRA_PREFIX, NAME_VARS};
use crate::error::{Error, Result};
use crate::record::bibliographic;
use crate::record::{
    parse_credits, Bound, Credit, Date, DigitalArchive, Edtf, Extra, Name, Original, PersonName,
    Point, Record, Rendition, Role,
};
use crate::Position;
use serde_json::{Map, Value};

const FORMAT: &str = "csl-json";

/// Reads CSL-JSON: an array of items or one item.
pub(crate) fn read(input: &str) -> Result<Vec<Record>> {
    let text = input.strip_prefix('\u{feff}').unwrap_or(input);
    let start = text.len() - text.trim_start().len();
    match text.as_bytes().get(start) {
        Some(b'[') | Some(b'{') => {}
        _ => {
            return Err(Error::syntax(
                FORMAT,
                Position::at(text, start),
                "a CSL-JSON array of items, or one item (an object)",
                text.get(start..).unwrap_or(""),
            ))
        }
    }
    let items = if text.as_bytes().get(start) == Some(&b'{') {
        // One item, `{"items": [...]}`, or an object of items keyed by id (citeproc-js's
        // database.json): told apart by a first reading.
        let top: Map<String, Value> =
            serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
        let keyed = !top.is_empty() && top.values().all(Value::is_object);
        if top.keys().any(|k| is_item_key(k)) {
            serde_json::from_str::<Items>(text)
        } else if matches!(top.get("items"), Some(Value::Array(_))) {
            serde_json::from_str::<Wrapped>(text).map(|w| Items(w.0))
        } else if keyed {
            serde_json::from_str::<Keyed>(text).map(|k| Items(k.0))
        } else {
            return Err(Error::shape(
                FORMAT,
                Position::at(text, start),
                "$",
                NOT_AN_ITEM,
            ));
        }
    } else {
        serde_json::from_str::<Items>(text)
    };
    Ok(items.map_err(|e| json_error(text, &e))?.0)
}

/// The message for an object that is no CSL item.
pub(crate) const NOT_AN_ITEM: &str = "not a CSL item: no id, type, title or other CSL variable (expected an array of items, one item, {\"items\": [...]} or an object of items keyed by id)";

/// Whether an item may have this key: `id`, `type`, `custom`, `categories` or a CSL variable.
pub(crate) fn is_item_key(k: &str) -> bool {
    matches!(k, "id" | "type" | "custom" | "categories")
        || super::vars::TEXT_VARS.contains(&k)
        || NAME_VARS.contains(&k)
        || super::vars::DATE_VARS.contains(&k)
}

/// An error from serde_json, with the line, column and JSON path of the place.
fn json_error(text: &str, e: &serde_json::Error) -> Error {
    let offset = crate::format::line_col_offset(text, e.line(), e.column());
    let at = Position::at(text, offset);
    let mut path = path_at(text, at.offset);
    if e.to_string().starts_with(NOT_AN_ITEM) {
        // Found at the item's end: the item, not its last member.
        let cut = if path.ends_with("\"]") {
            path.rfind("[\"")
        } else if path.ends_with(']') {
            None
        } else {
            path.rfind('.')
        };
        if let Some(i) = cut {
            path.truncate(i);
        }
    }
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_string(),
        None => full,
    };
    match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            let expected = syntax_expected(&message);
            Error::syntax(
                FORMAT,
                at,
                &format!("{expected} (in {path})"),
                text.get(at.offset..).unwrap_or(""),
            )
        }
        _ => Error::shape(FORMAT, at, path, message),
    }
}

/// What serde_json's syntax message means the input should have had, in plain words.
fn syntax_expected(message: &str) -> String {
    let eof = |inside: &str| format!("more input: the file ends inside {inside}");
    match message {
        "trailing comma" => "a value after ',' (no trailing comma)".into(),
        "EOF while parsing an object" => eof("an object"),
        "EOF while parsing a list" => eof("an array"),
        "EOF while parsing a string" => eof("a string"),
        "EOF while parsing a value" => "more input: the file ends where a value should be".into(),
        "trailing characters" => "nothing after the JSON value".into(),
        "key must be a string" => "a key in double quotes".into(),
        "invalid escape" => "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)".into(),
        "invalid number" => "a valid number".into(),
        "number out of range" => "a number in range".into(),
        "recursion limit exceeded" => "less deeply nested JSON".into(),
        m if m.starts_with("control character") => {
            "no control character inside a string (escape it)".into()
        }
        m => m.strip_prefix("expected ").unwrap_or(m).to_string(),
    }
}

/// Turns a name object into a name. `None` for a name with no part at all.
pub(crate) fn name_from_csl(n: RawName) -> Option<Name> {
    let nonempty = |s: Option<String>| s.filter(|s| !s.is_empty());
    if let Some(lit) = nonempty(n.literal) {
        return Some(Name::Organization(lit));
    }
    let given = nonempty(n.given).unwrap_or_default();
    let (particle, dropping_particle) = match (
        nonempty(n.dropping_particle),
        nonempty(n.non_dropping_particle),
    ) {
        // Both ("Jean de la Fontaine" as dropping "de", non-dropping "la"): one particle,
        // non-dropping (the record holds one particle).
        (Some(a), Some(b)) => (format!("{a} {b}"), false),
        (Some(a), None) => (a, true),
        (None, Some(a)) => (a, false),
        (None, None) => (String::new(), false),
    };
    let suffix = nonempty(n.suffix).unwrap_or_default();
    let (family, given) = match nonempty(n.family) {
        Some(f) => (f, given),
        None if !given.is_empty() => (given, String::new()),
        None => return None,
    };
    let dropping_particle = dropping_particle && !particle.is_empty();
    let comma_suffix = n.comma_suffix.is_some_and(|f| f.0) && !suffix.is_empty();
    let family_first = match n.static_ordering {
        Some(flag) => flag.0,
        None => guess_family_first(&given, &particle, &family, &suffix),
    };
    Some(Name::Person(PersonName {
        given,
        particle,
        family,
        dropping_particle,
        comma_suffix,
        suffix,
        family_first,
    }))
}

/// Whether the hub's name parser reads "Family Given" as a family-first name with these parts.
pub(crate) fn guess_family_first(given: &str, particle: &str, family: &str, suffix: &str) -> bool {
    if given.is_empty() || !particle.is_empty() || !suffix.is_empty() || family.contains(' ') {
        return false;
    }
    // A cheap filter first: the parser reads a name family first only if it has Han, kana or
    // Hangul, or if a short family name is followed by one hyphenated given name or by two
    // capitalised words without periods.
    let cjk = |c: char| matches!(c as u32, 0x1100..=0x11FF | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF);
    let words = given.split(' ').count();
    let romanised = family.len() <= 8
        && !given.contains('.')
        && (words == 2 || words == 1 && given.contains('-'));
    if !romanised && !family.chars().chain(given.chars()).any(cjk) {
        return false;
    }
    match Name::parse(&format!("{family} {given}")) {
        Name::Person(p) => p.family_first && p.family == family && p.given == given,
        Name::Organization(_) => false,
    }
}

/// The role a CSL name variable gives.
fn role_of(var: &str) -> Role {
    match var {
        "author" => Role::Author,
        "translator" => Role::Translator,
        "editor" => Role::Editor,
        "contributor" => Role::Contributor,
        "compiler" => Role::Compiler,
        other => Role::Other(other.to_string()),
    }
}

/// Reads a CSL date into an EDTF date; `None` if it is no real date.
pub(crate) fn date_from_csl(d: &RawDate) -> Option<Date> {
    if let Some(parts) = d.parts.as_ref().filter(|p| p.iter().any(|x| !x.is_empty())) {
        let circa = d.circa.is_some_and(|f| f.0);
        let season = d.season.as_ref().and_then(|s| season_month(&s.0));
        let point = |p: &[super::model::DatePart], season: Option<u8>| -> Option<Point> {
            let year = i32::try_from(p.first()?.0).ok()?;
            // A zero month or day is a missing one ([[1957, 0, 0]] is 1957).
            let month = match p.get(1) {
                Some(m) if m.0 != 0 => Some(u8::try_from(m.0).ok()?),
                _ => season,
            };
            // CSL months 13-16 are seasons.
            let month = month.map(|m| if (13..=16).contains(&m) { m + 8 } else { m });
            let day = match p.get(2) {
                Some(x) if x.0 != 0 && month.is_some_and(|m| m <= 12) => {
                    Some(u8::try_from(x.0).ok()?)
                }
                _ => None,
            };
            Point::new(year, month, day)
                .ok()
                .map(|p| p.with_approximate(circa))
        };
        let edtf = match parts.as_slice() {
            [one] => Edtf::Point(point(one, season)?),
            [a, b] if b.is_empty() || b.first().is_some_and(|y| y.0 == 0) => {
                Edtf::Interval(Bound::Point(point(a, season)?), Bound::Open)
            }
            [a, b] => {
                let (a, b) = (point(a, season)?, point(b, None)?);
                if a == b {
                    Edtf::Point(a)
                } else {
                    Edtf::Interval(Bound::Point(a), Bound::Point(b))
                }
            }
            _ => return None,
        };
        // An interval that ends before it starts is no date.
        return edtf.to_string().parse::<Edtf>().ok().map(Date::new);
    }
    if let Some(raw) = d.raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        if let Ok(e) = raw.parse::<Edtf>() {
            return Some(Date::new(e));
        }
        return Date::from_text(raw).ok();
    }
    if let Some(lit) = d
        .literal
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return Date::from_text(lit).ok();
    }
    None
}

fn season_month(s: &str) -> Option<u8> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "spring" => Some(21),
        "2" | "summer" => Some(22),
        "3" | "autumn" | "fall" => Some(23),
        "4" | "winter" => Some(24),
        _ => None,
    }
}

/// The JSON text of a value as an [`Extra`] keeps it: strings as they are, numbers as written,
/// anything else as compact JSON.
fn value_text(v: Value) -> String {
    match v {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        other => serde_json::to_string(&other).unwrap_or_default(),
    }
}

/// An extra for a CSL member: under its own name where it is a variable of the hub's
/// vocabulary ([`bibliographic::is_canonical`]), else under `csl:<member>`.
fn extra(label: &str, value: String) -> Extra {
    if bibliographic::is_canonical(label) {
        return Extra {
            label: label.to_string(),
            value,
        };
    }
    foreign(label, value)
}

/// An extra labelled `csl:<member>`.
fn foreign(label: &str, value: String) -> Extra {
    let mut l = String::with_capacity(EXTRA_PREFIX.len() + label.len());
    l.push_str(EXTRA_PREFIX);
    l.push_str(label);
    Extra { label: l, value }
}

/// A date variable other than `issued`: its EDTF text where a reader understands it.
pub(crate) fn date_text(v: &Value) -> Option<String> {
    let d = serde_json::from_value::<RawDate>(v.clone()).ok()?;
    date_from_csl(&d).map(|d| d.edtf().to_string())
}

/// Splits a Zotero-style `archive_location` ("RGANI, f. 5, op. 49, d. 131, ll. 193-194.
/// Translated by Gary Goldberg.") into the shelfmark and the credit sentence: at the first
/// sentence (after ". " or "; ", or at the start) that opens with a credit verb and parses as
/// credits. The shelfmark loses the period that ended it.
///
/// ```
/// use archivecite::csl::split_zotero_location;
/// assert_eq!(
///     split_zotero_location("RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Gary Goldberg."),
///     (Some("RGANI, f. 5, op. 49, d. 131, ll. 193-194"), Some("Translated by Gary Goldberg."))
/// );
/// assert_eq!(split_zotero_location("AVPRF F. 0102, Op. 13"), (Some("AVPRF F. 0102, Op. 13"), None));
/// ```
pub fn split_zotero_location(text: &str) -> (Option<&str>, Option<&str>) {
    let text = text.trim();
    let candidates = std::iter::once(0).chain(
        text.match_indices(". ")
            .chain(text.match_indices("; "))
            .map(|(i, _)| i + 2),
    );
    let mut best: Option<usize> = None;
    for start in candidates {
        if best.is_some_and(|b| b <= start) {
            continue;
        }
        let Some(rest) = text.get(start..) else {
            continue;
        };
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if Role::from_verb(&word).is_some() && !parse_credits(rest).is_empty() {
            best = Some(start);
        }
    }
    match best {
        None => (Some(text).filter(|t| !t.is_empty()), None),
        Some(start) => {
            let shelf = text
                .get(..start)
                .unwrap_or("")
                .trim_end()
                .trim_end_matches([';', ','])
                .trim_end();
            let shelf = shelf.strip_suffix('.').unwrap_or(shelf).trim_end();
            let credit = text.get(start..).unwrap_or("").trim();
            (
                Some(shelf).filter(|s| !s.is_empty()),
                Some(credit).filter(|c| !c.is_empty()),
            )
        }
    }
}

fn strings(v: Value) -> std::result::Result<Vec<String>, Value> {
    match v {
        Value::Array(a) if a.iter().all(Value::is_string) => Ok(a
            .into_iter()
            .filter_map(|x| match x {
                Value::String(s) => Some(s),
                _ => None,
            })
            .collect()),
        other => Err(other),
    }
}

/// An entry of `custom.extra`: an extra, or the label of one whose value is in the CSL
/// variable the label names (so that it is not written twice).
enum ExtraEntry {
    Full(Extra),
    InVariable(String),
}

/// `custom.extra`: a list of entries, or (`"variables[ type][ id]"`) word that every extra is
/// in its CSL variable, in the order the reader meets them, then type and id where named.
enum ExtraList {
    Entries(Vec<ExtraEntry>),
    InVariables { with_type: bool, with_id: bool },
}

fn extra_entries(v: &Value) -> Option<Vec<ExtraEntry>> {
    v.as_array()?
        .iter()
        .map(|e| match e {
            Value::String(label) => Some(ExtraEntry::InVariable(label.clone())),
            Value::Object(o) if o.len() == 2 => Some(ExtraEntry::Full(Extra {
                label: o.get("label")?.as_str()?.to_string(),
                value: o.get("value")?.as_str()?.to_string(),
            })),
            _ => None,
        })
        .collect()
}

/// What our own `custom` says, typed; keys it cannot read stay in `unknown`.
#[derive(Default)]
struct Custom {
    ours: bool,
    edtf: Option<Date>,
    date_text: Option<String>,
    credits: Option<Vec<Credit>>,
    credit_line: Option<String>,
    funders: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    renditions: Option<Vec<String>>,
    subjects: Option<Vec<String>>,
    places: Option<Vec<String>>,
    citation: Option<String>,
    doc_id: Option<Option<String>>,
    author_count: Option<usize>,
    verbatim: Map<String, Value>,
    extra: Option<ExtraList>,
    unknown: Vec<(String, Value)>,
}

fn read_custom(map: Map<String, Value>) -> Custom {
    let mut c = Custom::default();
    for (k, v) in map {
        let v = match (k.as_str(), v) {
            ("archivecite", v) => {
                c.ours = v.as_u64() == Some(1);
                if c.ours {
                    continue;
                }
                v
            }
            ("edtf", Value::String(s)) => match s.parse::<Edtf>() {
                Ok(e) => {
                    c.edtf = Some(Date::new(e));
                    continue;
                }
                Err(_) => Value::String(s),
            },
            ("date-text", Value::String(s)) => {
                c.date_text = Some(s);
                continue;
            }
            ("credit-line", Value::String(s)) => {
                c.credit_line = Some(s);
                continue;
            }
            ("citation", Value::String(s)) => {
                c.citation = Some(s);
                continue;
            }
            ("doc-id", Value::String(s)) => {
                c.doc_id = Some(Some(s));
                continue;
            }
            ("doc-id", Value::Null) => {
                c.doc_id = Some(None);
                continue;
            }
            ("author-count", Value::Number(n)) if n.as_u64().is_some() => {
                c.author_count = n.as_u64().and_then(|n| usize::try_from(n).ok());
                continue;
            }
            ("verbatim", Value::Object(m)) if m.values().all(Value::is_string) => {
                c.verbatim = m;
                continue;
            }
            ("credits", v @ Value::Array(_)) => {
                match serde_json::from_value::<Vec<Credit>>(v.clone()) {
                    Ok(cr) => {
                        c.credits = Some(cr);
                        continue;
                    }
                    Err(_) => v,
                }
            }
            ("extra", v @ Value::Array(_)) => match extra_entries(&v) {
                Some(x) => {
                    c.extra = Some(ExtraList::Entries(x));
                    continue;
                }
                None => v,
            },
            ("extra", Value::String(mode)) if mode.starts_with("variables") => {
                let words: Vec<&str> = mode.split(' ').collect();
                c.extra = Some(ExtraList::InVariables {
                    with_type: words.contains(&"type"),
                    with_id: words.contains(&"id"),
                });
                continue;
            }
            (key @ ("funders" | "languages" | "renditions" | "subjects" | "places"), v) => {
                match strings(v) {
                    Ok(list) => {
                        let slot = match key {
                            "funders" => &mut c.funders,
                            "languages" => &mut c.languages,
                            "renditions" => &mut c.renditions,
                            "subjects" => &mut c.subjects,
                            _ => &mut c.places,
                        };
                        *slot = Some(list);
                        continue;
                    }
                    Err(v) => v,
                }
            }
            (_, v) => v,
        };
        c.unknown.push((k, v));
    }
    c
}

/// Turns one CSL item into a record. Never fails: what has no record field becomes an
/// [`Extra`] labelled `csl:<member>`.
pub(crate) fn item_to_record(item: RawItem) -> Record {
    let mut custom = item.custom.map(read_custom).unwrap_or_default();
    let ours = custom.ours;
    let mut r = Record::default();
    let mut extras: Vec<Extra> = Vec::new();
    let mut id: Option<String> = None;
    let mut note: Option<String> = None;
    let mut location: Option<String> = None;
    let mut keyword: Option<String> = None;
    let mut language: Option<String> = None;
    let mut issued: Option<RawDate> = None;
    let mut csl_type: Option<String> = None;
    let mut name_credits: Vec<Credit> = Vec::new();
    let mut authors: Vec<Name> = Vec::new();
    let verbatim = std::mem::take(&mut custom.verbatim);
    let mut members = item.members;
    // Verbatim copies of strings that could not be written as they are (empty or padded), where
    // the item has no such member (one added by hand wins).
    for (k, v) in verbatim {
        if let Value::String(s) = v {
            if !members.iter().any(|(m, _)| *m == k.as_str()) {
                members.push((k.into(), Member::Text(s)));
            }
        }
    }
    for (key, member) in members {
        match member {
            Member::Text(t) => match &*key {
                "id" => id = Some(t),
                "type" => csl_type = Some(t),
                "title" => r.title = t,
                "URL" => r.digital.url = Some(t).filter(|s| !s.is_empty()),
                "archive" => r.digital.name = Some(t).filter(|s| !s.is_empty()),
                "archive_location" => location = Some(t),
                "abstract" => r.summary = Some(t).filter(|s| !s.is_empty()),
                "genre" => r.genre = Some(t).filter(|s| !s.is_empty()),
                "note" => note = Some(t).filter(|s| !s.is_empty()),
                "keyword" => keyword = Some(t).filter(|s| !s.is_empty()),
                "language" => language = Some(t).filter(|s| !s.is_empty()),
                _ => extras.push(extra(&key, t)),
            },
            Member::Names(list) => {
                let n = list.len();
                let names = list.into_iter().filter_map(name_from_csl);
                if key == "author" {
                    authors.reserve_exact(n);
                    authors.extend(names);
                } else {
                    let role = role_of(&key);
                    name_credits.extend(names.map(|n| Credit::new(role.clone(), n)));
                }
            }
            Member::Date(d) => issued = Some(*d),
            Member::Json(v) => match date_text(&v).filter(|_| bibliographic::is_date_label(&key)) {
                Some(edtf) => extras.push(Extra {
                    label: key.to_string(),
                    value: edtf,
                }),
                None => extras.push(foreign(&key, value_text(v))),
            },
        }
    }

    // Date.
    r.date = match custom.edtf.take() {
        Some(d) => Some(d.with_text(custom.date_text.take())),
        None => match (
            read_issued(issued.as_ref(), &mut extras),
            custom.date_text.take(),
        ) {
            (Some(d), Some(t)) => Some(d.with_text(Some(t))),
            (d, _) => d,
        },
    };

    // Original source and credits.
    let (shelf, loc_credit) = match location.as_deref() {
        Some(loc) if !ours => {
            let (s, c) = split_zotero_location(loc);
            (s.map(str::to_string), c.map(str::to_string))
        }
        Some(loc) => (Some(loc.to_string()), None),
        None => (None, None),
    };
    r.original = shelf.map(|s| Original::parse(&s));
    let all_authors = if ours { authors.clone() } else { Vec::new() };
    if ours {
        r.credits = custom.credits.take().unwrap_or_default();
        r.credit_line = custom.credit_line.take();
        // The note: an extra, the credit line, or the rendered sentence (resolved below).
        if let Some(n) = &note {
            extras.push(extra("note", n.clone()));
        }
    } else {
        let sentence = loc_credit.or_else(|| {
            note.as_ref()
                .filter(|n| !parse_credits(n).is_empty())
                .cloned()
        });
        // A note that is not the credit sentence is the user's (Zotero's Extra lines …): kept.
        if let Some(n) = note.as_ref().filter(|n| sentence.as_ref() != Some(*n)) {
            extras.push(extra("note", n.clone()));
        }
        let mut credits = match custom.credits.take() {
            Some(c) => c,
            None => sentence.as_deref().map(parse_credits).unwrap_or_default(),
        };
        merge_name_credits(&mut credits, std::mem::take(&mut name_credits));
        r.credits = credits;
        r.credit_line = custom.credit_line.take().or(sentence);
    }

    // Authors.
    if let Some(n) = custom.author_count {
        authors.truncate(n);
    }
    r.authors = authors;

    // Lists.
    r.funders = custom.funders.take().unwrap_or_default();
    r.languages = custom.languages.take().unwrap_or_default();
    r.renditions = custom
        .renditions
        .take()
        .unwrap_or_default()
        .into_iter()
        .map(Rendition::from)
        .collect();
    r.places = custom.places.take().unwrap_or_default();
    r.citation = custom.citation.take();
    let split = |k: &str| -> Vec<String> {
        k.split([',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    r.subjects = match custom.subjects.take() {
        None if ours => {
            if let Some(k) = keyword {
                extras.push(extra("keyword", k));
            }
            Vec::new()
        }
        // The keyword written from the subjects, or one edited by hand (which wins).
        Some(s) => {
            let joined = s.join(", ");
            if keyword.as_deref() == Some(joined.as_str()).filter(|j| super::write::clean(j))
                || keyword.is_none() && !super::write::clean(&joined)
            {
                s
            } else {
                keyword.as_deref().map(split).unwrap_or_default()
            }
        }
        None => keyword.as_deref().map(split).unwrap_or_default(),
    };

    // Language of the text.
    if let Some(lang) = language {
        if ours {
            extras.push(extra("language", lang));
        } else {
            match language_name(&lang) {
                Some(name) if !r.languages.iter().any(|l| l == name) => {
                    r.languages.push(name.to_string())
                }
                Some(_) => {}
                None => extras.push(extra("language", lang)),
            }
        }
    }

    // Digital archive id.
    r.digital.doc_id = match custom.doc_id.take() {
        Some(d) => d,
        None => r
            .digital
            .url
            .as_deref()
            .and_then(DigitalArchive::id_from_url)
            .or_else(|| {
                if ours {
                    return None;
                }
                id.as_deref()
                    .and_then(|i| i.strip_prefix("wcda-"))
                    .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    .map(str::to_string)
            }),
    };

    // Custom members that are not ours.
    let custom_extras: Vec<Extra> = custom
        .unknown
        .into_iter()
        .map(|(k, v)| foreign(&format!("custom.{k}"), value_text(v)))
        .collect();

    // Type and id: kept where they say more than the defaults.
    if !ours {
        if let Some(t) = csl_type.filter(|t| t != "manuscript") {
            extras.push(extra("type", t));
        }
        if let Some(i) = id.filter(|i| *i != r.key()) {
            extras.push(extra("id", i));
        }
        extras.extend(custom_extras);
        extras.shrink_to_fit();
        r.extra = extras;
        return r;
    }

    // Ours: `custom.extra` says which extras there were and in which order; type and id only
    // answer for their placeholders.
    let type_extra = csl_type.map(|t| extra("type", t));
    let id_extra = id.clone().map(|i| extra("id", i));
    // A note or language the writer derives from the record is no extra of its own.
    r.extra = type_extra.iter().cloned().collect();
    let (derived_note, derived_language) = (
        super::write::derived_note(&r),
        super::write::derived_language(&r),
    );
    let derived = |x: &Extra| {
        x.label == "note" && derived_note.as_deref() == Some(x.value.as_str())
            || x.label == "language" && derived_language == Some(x.value.as_str())
    };
    let mut all: Vec<Extra> = match custom.extra.take() {
        None => Vec::new(),
        Some(ExtraList::InVariables { with_type, with_id }) => {
            let mut all: Vec<Extra> = extras.iter().filter(|x| !derived(x)).cloned().collect();
            if with_type {
                all.extend(type_extra.clone());
            }
            if with_id {
                all.extend(id_extra);
            }
            all
        }
        Some(ExtraList::Entries(entries)) => {
            let mut all = Vec::with_capacity(entries.len());
            for e in entries {
                match e {
                    ExtraEntry::Full(x) => all.push(x),
                    ExtraEntry::InVariable(label) => {
                        if let Some(x) = extras
                            .iter()
                            .chain(&type_extra)
                            .chain(&id_extra)
                            .find(|x| x.label == label)
                        {
                            all.push(x.clone());
                        }
                    }
                }
            }
            all
        }
    };
    // What the item adds (edited by hand after we wrote it). A credit sentence added as the
    // note becomes the credit line.
    let mut new_credit_line = None;
    for x in extras.into_iter().chain(custom_extras) {
        if !all.contains(&x) && !derived(&x) {
            if x.label == "note" && !parse_credits(&x.value).is_empty() {
                new_credit_line = Some(x.value);
            } else {
                all.push(x);
            }
        }
    }
    if let Some(t) = type_extra.filter(|t| t.value != "manuscript") {
        if !all.iter().any(|x| x.label == t.label) {
            all.push(t);
        }
    }
    r.extra = all;
    let visible = Visible {
        id: id.as_deref(),
        issued: issued.as_ref(),
        note: note.as_deref(),
        authors: &all_authors,
        names: &name_credits,
        credit_line: new_credit_line,
    };
    visible.apply(&mut r);
    r
}

/// What an item of ours shows, where a value in `custom` could undo an edit made by hand.
struct Visible<'a> {
    id: Option<&'a str>,
    issued: Option<&'a RawDate>,
    note: Option<&'a str>,
    authors: &'a [Name],
    names: &'a [Credit],
    credit_line: Option<String>,
}

impl Visible<'_> {
    /// Makes the record say what the item shows where that differs from what the writer would
    /// write from the record (an edit): the item's id, date, names and note win over `custom`,
    /// which fills in only what CSL cannot hold.
    fn apply(self, r: &mut Record) {
        use super::write::{id_base, issued_of, name_as_read, name_vars, note_of, var_of};
        // Id (first: the key depends on the rest).
        if let Some(id) = self.id {
            let base = id_base(r);
            let numbered = id
                .strip_prefix(base.as_str())
                .and_then(|n| n.strip_prefix('-'))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if id != base && !numbered {
                set_extra(r, "id", id.to_string());
            }
        }
        // Date.
        let canonical = |v: Option<Value>| {
            v.and_then(|v| serde_json::from_value::<RawDate>(v).ok())
                .map(|d| raw_date_text(&d))
        };
        if canonical(issued_of(r)) != self.issued.map(raw_date_text) {
            r.extra
                .retain(|x| x.label != "date" && x.label != "csl:issued");
            r.date = read_issued(self.issued, &mut r.extra);
        }
        // Names: a name no longer in its variable was removed, a new one added.
        let (expected, _) = name_vars(r);
        let expected: Vec<(String, Vec<Option<Name>>)> = expected
            .into_iter()
            .map(|(v, list)| (v.to_string(), list.into_iter().map(name_as_read).collect()))
            .collect();
        let mut shown: Vec<(String, Vec<Name>)> = Vec::new();
        if !self.authors.is_empty() {
            shown.push(("author".into(), self.authors.to_vec()));
        }
        for c in self.names {
            let var = var_of(&c.role).unwrap_or("contributor").to_string();
            match shown.iter_mut().find(|(v, _)| *v == var) {
                Some((_, list)) => list.push(c.name.clone()),
                None => shown.push((var, vec![c.name.clone()])),
            }
        }
        let mut removed = false;
        let vars = expected
            .iter()
            .map(|(v, _)| v.clone())
            .chain(shown.iter().map(|(v, _)| v.clone()));
        let mut done: Vec<String> = Vec::new();
        for var in vars {
            if done.contains(&var) {
                continue;
            }
            done.push(var.clone());
            let want = expected.iter().find(|(v, _)| *v == var).map(|(_, l)| l);
            let have: &[Name] = shown
                .iter()
                .find(|(v, _)| *v == var)
                .map_or(&[], |(_, l)| l.as_slice());
            let same = want.is_some_and(|w| {
                w.iter().flatten().count() == have.len()
                    && w.iter().flatten().zip(have).all(|(a, b)| a == b)
            }) || want.is_none() && have.is_empty();
            if same {
                continue;
            }
            let kept = |n: &Name| name_as_read(n).is_none_or(|n| have.contains(&n));
            let before = r.authors.len() + r.credits.len();
            if var == "author" {
                r.authors.retain(kept);
            }
            r.credits
                .retain(|c| var_of(&c.role) != Some(var.as_str()) || kept(&c.name));
            removed |= r.authors.len() + r.credits.len() < before;
            for n in have {
                let known = |m: &Name| name_as_read(m).as_ref() == Some(n);
                let in_credits = r
                    .credits
                    .iter()
                    .any(|c| var_of(&c.role) == Some(var.as_str()) && known(&c.name));
                if var == "author" {
                    if !in_credits && !r.authors.iter().any(known) {
                        r.authors.push(n.clone());
                    }
                } else if !in_credits {
                    r.credits.push(Credit::new(role_of(&var), n.clone()));
                }
            }
        }
        // A credit line that names someone no longer credited is no longer the credit line.
        if removed {
            r.credit_line = None;
        }
        // Note: a credit sentence added by hand is the credit line; a note deleted by hand
        // takes the credit line with it.
        if let Some(line) = self.credit_line {
            let mut credits = parse_credits(&line);
            let names: Vec<Credit> = r
                .credits
                .iter()
                .filter(|c| c.role != Role::Author)
                .cloned()
                .collect();
            merge_name_credits(&mut credits, names);
            r.credits.retain(|c| c.role == Role::Author);
            r.credits.extend(credits);
            r.credit_line = Some(line);
        } else if self.note.is_none() && note_of(r).is_some() {
            r.credit_line = None;
        }
    }
}

/// Sets the first extra labelled `label` to `value`, or adds one.
fn set_extra(r: &mut Record, label: &str, value: String) {
    match r.extra.iter_mut().find(|x| x.label == label) {
        Some(x) => x.value = value,
        None => r.extra.push(extra(label, value)),
    }
}

/// Reads `issued`: a date, or `None`; a date no reader understands is kept as an extra: a
/// printed date alone (`{"literal": "Datum"}`) as the block reader keeps one (`date`), anything
/// else as its JSON (`csl:issued`).
fn read_issued(issued: Option<&RawDate>, extras: &mut Vec<Extra>) -> Option<Date> {
    let raw = issued?;
    if let Some(d) = date_from_csl(raw) {
        return Some(d);
    }
    if !date_is_empty(raw) {
        match only_literal(raw) {
            Some(l) => extras.push(Extra {
                label: "date".into(),
                value: l.to_string(),
            }),
            None => extras.push(foreign("issued", raw_date_text(raw))),
        }
    }
    None
}

/// The text of a date that is a `literal` and nothing else.
pub(crate) fn only_literal(raw: &RawDate) -> Option<&str> {
    let l = raw.literal.as_deref().map(str::trim)?;
    (!l.is_empty()
        && raw.parts.is_none()
        && raw.raw.is_none()
        && raw.season.is_none()
        && raw.circa.is_none())
    .then_some(l)
}

/// The record's name for a CSL `language`: a language name ("English", "german") or a bare
/// tag ("en") that the language table knows; `None` for anything else ("en-GB", "Klingon").
fn language_name(lang: &str) -> Option<&'static str> {
    let lang = lang.trim();
    crate::tei::lang::tag(lang)
        .and_then(crate::tei::lang::name)
        .or_else(|| {
            (!lang.contains(['-', '_']))
                .then(|| crate::tei::lang::name(lang))
                .flatten()
        })
}

pub(crate) fn date_is_empty(d: &RawDate) -> bool {
    let text = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    !(d.parts
        .as_ref()
        .is_some_and(|p| p.iter().any(|x| !x.is_empty()))
        || text(&d.raw)
        || text(&d.literal))
}

/// A date this reader could not read, as compact CSL JSON.
pub(crate) fn raw_date_text(d: &RawDate) -> String {
    let mut m = Map::new();
    if let Some(p) = &d.parts {
        let parts: Vec<Value> = p
            .iter()
            .map(|x| Value::Array(x.iter().map(|n| Value::from(n.0)).collect()))
            .collect();
        m.insert("date-parts".into(), Value::Array(parts));
    }
    if let Some(s) = &d.season {
        m.insert("season".into(), Value::String(s.0.clone()));
    }
    if let Some(c) = d.circa {
        m.insert("circa".into(), Value::Bool(c.0));
    }
    if let Some(l) = &d.literal {
        m.insert("literal".into(), Value::String(l.clone()));
    }
    if let Some(r) = &d.raw {
        m.insert("raw".into(), Value::String(r.clone()));
    }
    serde_json::to_string(&Value::Object(m)).unwrap_or_default()
}

/// Adds the names of CSL name variables to the credits read from the credit sentence: a name
/// the sentence already credits (same printed name, a matching role) takes the structured CSL
/// name; any other becomes a credit of its own.
fn merge_name_credits(credits: &mut Vec<Credit>, names: Vec<Credit>) {
    for nc in names {
        let printed = nc.name.to_string();
        let same = |c: &Credit| c.name.to_string() == printed && role_fits(&nc.role, &c.role);
        // Else the same family name with compatible given names ("G." and "Gary"): the fuller
        // name stays.
        let like = |c: &Credit| role_fits(&nc.role, &c.role) && compatible(&c.name, &nc.name);
        let exact = credits.iter().any(same);
        let mut found = false;
        for c in credits.iter_mut() {
            if same(c) {
                c.name = nc.name.clone();
                found = true;
            } else if !exact && like(c) {
                if nc.name.given().len() > c.name.given().len() {
                    c.name = nc.name.clone();
                }
                found = true;
            }
        }
        if !found {
            credits.push(nc);
        }
    }
}

/// Whether two person names with the same family name can name one person: each given name
/// (word by word) equals the other or is its initial ("G." and "Gary", "James G." and "J. G.").
fn compatible(a: &Name, b: &Name) -> bool {
    let (Name::Person(a), Name::Person(b)) = (a, b) else {
        return false;
    };
    if a.family != b.family || a.particle != b.particle {
        return false;
    }
    let words = |s: &str| -> Vec<String> {
        s.split([' ', '.', '-'])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (x, y) = (words(&a.given), words(&b.given));
    if x.is_empty() || y.is_empty() || x.len() != y.len() {
        return x.is_empty() != y.is_empty() || x.is_empty();
    }
    x.iter().zip(&y).all(|(p, q)| {
        let initial =
            |w: &str, full: &str| w.chars().count() == 1 && full.chars().next() == w.chars().next();
        p == q || initial(p, q) || initial(q, p)
    })
}

/// Whether a credit with role `credit` is written to the CSL name variable that gives `var`.
fn role_fits(var: &Role, credit: &Role) -> bool {
    var == credit
        || *var == Role::Contributor
            && match credit {
                Role::ObtainedBy | Role::Transcriber => true,
                Role::Other(v) => !NAME_VARS.contains(&v.as_str()),
                _ => false,
            }
        || *var == Role::Author && *credit == Role::Author
}
