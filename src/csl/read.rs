//! CSL-JSON → records.

use super::model::{Items, Member, RawDate, RawItem, RawName};
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
    let items: Items = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
    Ok(items.0)
}

/// An error from serde_json, with the line, column and JSON path of the place.
fn json_error(text: &str, e: &serde_json::Error) -> Error {
    let offset = crate::format::line_col_offset(text, e.line(), e.column());
    let at = Position::at(text, offset);
    let path = path_at(text, at.offset);
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_string(),
        None => full,
    };
    match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            let expected = message.strip_prefix("expected ").unwrap_or(&message);
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

/// Turns a name object into a name. `None` for a name with no part at all.
pub(crate) fn name_from_csl(n: RawName) -> Option<Name> {
    let nonempty = |s: Option<String>| s.filter(|s| !s.is_empty());
    if let Some(lit) = nonempty(n.literal) {
        return Some(Name::Organization(lit));
    }
    let given = nonempty(n.given).unwrap_or_default();
    let particle = match (
        nonempty(n.dropping_particle),
        nonempty(n.non_dropping_particle),
    ) {
        (Some(a), Some(b)) => format!("{a} {b}"),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => String::new(),
    };
    let suffix = nonempty(n.suffix).unwrap_or_default();
    let (family, given) = match nonempty(n.family) {
        Some(f) => (f, given),
        None if !given.is_empty() => (given, String::new()),
        None => return None,
    };
    let family_first = match n.static_ordering {
        Some(flag) => flag.0,
        None => guess_family_first(&given, &particle, &family, &suffix),
    };
    Some(Name::Person(PersonName {
        given,
        particle,
        family,
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
            let month = match p.get(1) {
                Some(m) => Some(u8::try_from(m.0).ok()?),
                None => season,
            };
            // CSL months 13-16 are seasons.
            let month = month.map(|m| if (13..=16).contains(&m) { m + 8 } else { m });
            let day = match p.get(2) {
                Some(x) => Some(u8::try_from(x.0).ok()?),
                None => None,
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
fn date_text(v: &Value) -> Option<String> {
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
    // Verbatim copies of strings that could not be written as they are (empty or padded).
    for (k, v) in verbatim {
        if let Value::String(s) = v {
            members.retain(|(m, _)| *m != k.as_str());
            members.push((k.into(), Member::Text(s)));
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
        None => {
            let d = issued.as_ref().and_then(date_from_csl);
            if d.is_none() {
                if let Some(raw) = issued.as_ref().filter(|d| !date_is_empty(d)) {
                    extras.push(foreign("issued", raw_date_text(raw)));
                }
            }
            match (d, custom.date_text.take()) {
                (Some(d), Some(t)) => Some(d.with_text(Some(t))),
                (d, _) => d,
            }
        }
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
    if ours {
        r.credits = custom.credits.take().unwrap_or_default();
        r.credit_line = custom.credit_line.take();
        // A note is the credit line, or a note read from CSL (an extra), or the sentence
        // rendered from the credits (nothing to keep).
        if let Some(n) = note.take() {
            if r.credit_line.as_deref() != Some(n.as_str()) {
                extras.push(extra("note", n));
            }
        }
        // Names that only repeat the credits add nothing; others (added by hand) are credits.
        name_credits.retain(|c| {
            !r.credits
                .iter()
                .any(|k| k.name == c.name && role_fits(&c.role, &k.role))
        });
        r.credits.extend(name_credits);
    } else {
        let sentence = loc_credit.or_else(|| {
            note.as_ref()
                .filter(|n| !parse_credits(n).is_empty())
                .cloned()
        });
        if let (Some(n), Some(s)) = (&note, &sentence) {
            if n != s {
                extras.push(extra("note", n.clone()));
            }
        } else if let (Some(n), None) = (&note, &sentence) {
            extras.push(extra("note", n.clone()));
        }
        let mut credits = match custom.credits.take() {
            Some(c) => c,
            None => sentence.as_deref().map(parse_credits).unwrap_or_default(),
        };
        merge_name_credits(&mut credits, name_credits);
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
    r.subjects = match custom.subjects.take() {
        None if ours => {
            if let Some(k) = keyword {
                extras.push(extra("keyword", k));
            }
            Vec::new()
        }
        Some(s) => {
            if let Some(k) = keyword.filter(|k| *k != s.join(", ")) {
                extras.push(extra("keyword", k));
            }
            s
        }
        None => keyword
            .map(|k| {
                k.split([',', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
    };

    // Language of the text: ours derives it from the renditions.
    if let Some(lang) = language {
        let derived = super::write::language_of(&r);
        if !(ours && derived == Some(lang.as_str())) {
            extras.push(extra("language", lang));
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
    let id_extra = id.map(|i| extra("id", i));
    let rendered = match &r.credit_line {
        None => r.credit_sentence(),
        Some(_) => None,
    };
    extras.retain(|x| !(x.label == "note" && rendered.as_deref() == Some(x.value.as_str())));
    let mut all: Vec<Extra> = match custom.extra.take() {
        None => Vec::new(),
        Some(ExtraList::InVariables { with_type, with_id }) => {
            let mut all = std::mem::take(&mut extras);
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
    // What the item adds (edited by hand after we wrote it).
    for x in extras.into_iter().chain(custom_extras) {
        if !all.contains(&x) {
            all.push(x);
        }
    }
    if let Some(t) = type_extra.filter(|t| t.value != "manuscript") {
        if !all.iter().any(|x| x.label == t.label) {
            all.push(t);
        }
    }
    r.extra = all;
    r
}

fn date_is_empty(d: &RawDate) -> bool {
    let text = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    !(d.parts
        .as_ref()
        .is_some_and(|p| p.iter().any(|x| !x.is_empty()))
        || text(&d.raw)
        || text(&d.literal))
}

/// A date this reader could not read, as compact CSL JSON.
fn raw_date_text(d: &RawDate) -> String {
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
        let matches = |c: &Credit| c.name.to_string() == printed && role_fits(&nc.role, &c.role);
        let mut found = false;
        for c in credits.iter_mut().filter(|c| matches(c)) {
            c.name = nc.name.clone();
            found = true;
        }
        if !found {
            credits.push(nc);
        }
    }
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
