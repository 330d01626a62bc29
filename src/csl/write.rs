//! Records → CSL-JSON.

use super::read::{date_from_csl, guess_family_first};
use super::vars::{DATE_VARS, EXTRA_PREFIX, NAME_VARS, TEXT_VARS, TYPES};
use crate::record::{
    month_name, Bound, Credit, Date, DigitalArchive, Edtf, Name, Point, Precision, Record, Role,
};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::Value;

/// Keys of `custom` that this module writes and reads.
const RESERVED: &[&str] = &[
    "archivecite",
    "edtf",
    "date-text",
    "credits",
    "credit-line",
    "funders",
    "languages",
    "renditions",
    "subjects",
    "places",
    "citation",
    "doc-id",
    "author-count",
    "verbatim",
    "extra",
];

/// Writes records as a pretty-printed CSL-JSON array.
pub(crate) fn write(records: &[Record]) -> String {
    let mut buf = Vec::with_capacity(records.len() * 1024);
    if write_to(records, &mut buf).is_err() {
        return String::new();
    }
    String::from_utf8(buf).unwrap_or_default()
}

/// Streams the pretty-printed CSL-JSON array into `out` (no whole-output buffer).
pub(crate) fn write_to<W: std::io::Write>(records: &[Record], out: W) -> std::io::Result<()> {
    let mut w = Writer::new(out);
    w.write(records)?;
    w.finish().map(drop)
}

/// The CSL-JSON array written a batch of records at a time: ids stay unique across batches,
/// and each batch is serialised on all cores.
pub struct Writer<W: std::io::Write> {
    out: std::io::BufWriter<W>,
    ids: crate::stream::Unique,
    started: bool,
}

/// The id `r` asks for: its own where it has a clean one, else [`Record::key`].
pub(crate) fn id_base(r: &Record) -> String {
    csl_extra(r, "id")
        .filter(|s| clean(s))
        .map(str::to_string)
        .unwrap_or_else(|| r.key())
}

/// Batches below this many records are serialised on one thread.
const PARALLEL_MIN: usize = 256;

impl<W: std::io::Write> Writer<W> {
    /// A writer that has written nothing yet.
    pub fn new(out: W) -> Writer<W> {
        Writer {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
            ids: crate::stream::Unique::default(),
            started: false,
        }
    }

    /// Writes the items of `records` (the next in the array).
    pub fn write(&mut self, records: &[Record]) -> std::io::Result<()> {
        use std::io::Write as _;
        if records.is_empty() {
            return Ok(());
        }
        let bases = crate::stream::par_map(records, id_base);
        let items: Vec<ItemOut> = records
            .iter()
            .zip(bases)
            .map(|(r, base)| ItemOut {
                r,
                id: self.ids.unique(base),
            })
            .collect();
        let threads = crate::stream::threads();
        let parts: Vec<std::io::Result<Vec<u8>>> = if threads < 2 || items.len() < PARALLEL_MIN {
            vec![serialize(&items)]
        } else {
            let per = items.len().div_ceil(threads);
            std::thread::scope(|s| {
                let handles: Vec<_> = items
                    .chunks(per)
                    .map(|part| s.spawn(move || serialize(part)))
                    .collect();
                handles
                    .into_iter()
                    .zip(items.chunks(per))
                    .map(|(h, part)| h.join().unwrap_or_else(|_| serialize(part)))
                    .collect()
            })
        };
        for part in parts {
            let part = part?;
            // "[\n" + items + "\n]": the items, indented as in the whole array
            let inner = part
                .get(2..part.len().saturating_sub(2))
                .unwrap_or_default();
            self.out
                .write_all(if self.started { b",\n" } else { b"[\n" })?;
            self.started = true;
            self.out.write_all(inner)?;
        }
        Ok(())
    }

    /// Closes the array (`[]` if nothing was written) and gives back the output.
    pub fn finish(mut self) -> std::io::Result<W> {
        use std::io::Write as _;
        self.out
            .write_all(if self.started { b"\n]\n" } else { b"[]\n" })?;
        self.out.into_inner().map_err(|e| e.into_error())
    }
}

/// A non-empty run of items as a pretty-printed array.
fn serialize(items: &[ItemOut<'_>]) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(items.len() * 2048);
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    items.serialize(&mut ser).map_err(std::io::Error::other)?;
    Ok(buf)
}

/// The BCP 47 tag of the text the record offers: "en" when an English rendition is on offer.
pub(crate) fn language_of(r: &Record) -> Option<&'static str> {
    r.renditions
        .iter()
        .any(|x| x.language() == Some("English"))
        .then_some("en")
}

/// The BCP 47 tag of the record's first original language the language table knows
/// ("Russian" → "ru"): CSL `language` where neither an extra nor a rendition gives one.
pub(crate) fn language_from_languages(r: &Record) -> Option<&'static str> {
    r.languages.iter().find_map(|l| crate::tei::lang::tag(l))
}

/// The CSL `language` written without an extra: the rendition's, else the original language's.
pub(crate) fn derived_language(r: &Record) -> Option<&'static str> {
    language_of(r).or_else(|| language_from_languages(r))
}

/// The CSL type written: the extra `type` where it is a CSL type, else `manuscript`.
pub(crate) fn type_of(r: &Record) -> &str {
    csl_extra(r, "type")
        .filter(|t| TYPES.contains(t))
        .unwrap_or("manuscript")
}

/// Whether the sentence rendered from the credits belongs in `note`: only for an archival
/// document (type `manuscript`) whose roles all have a credit verb that reads back as the same
/// role ("Translated by", "Obtained by", "Annotated by"; never "Director by").
pub(crate) fn renders_credits(r: &Record) -> bool {
    type_of(r) == "manuscript"
        && r.credits
            .iter()
            .all(|c| Role::from_verb(c.role.verb()).as_ref() == Some(&c.role))
}

/// The `note` written where the record has no (clean) extra `note`: the credit line as printed,
/// else the sentence rendered from the credits where it belongs ([`renders_credits`]).
pub(crate) fn derived_note(r: &Record) -> Option<String> {
    match &r.credit_line {
        Some(line) => Some(line.clone()).filter(|l| clean(l)),
        None if renders_credits(r) => r.credit_sentence().filter(|l| clean(l)),
        None => None,
    }
}

/// The `note` written: the note read from CSL (a user's note wins), else [`derived_note`].
pub(crate) fn note_of(r: &Record) -> Option<String> {
    match csl_extra(r, "note").filter(|n| clean(n)) {
        Some(n) => Some(n.to_string()),
        None => derived_note(r),
    }
}

/// True if `s` can be written as a CSL string as it is: not empty, no surrounding whitespace.
pub(crate) fn clean(s: &str) -> bool {
    let ws = |c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c);
    !s.is_empty() && s.trim_matches(ws).len() == s.len()
}

/// A loose BCP 47 check (the one csl-validate --strict applies).
fn bcp47(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The value of the first extra labelled `var` (a canonical label: the CSL variable name).
fn csl_extra<'a>(r: &'a Record, var: &str) -> Option<&'a str> {
    r.extra
        .iter()
        .find(|x| x.label == var)
        .map(|x| x.value.as_str())
}

/// The index of the first extra labelled `var`.
fn extra_index(r: &Record, var: &str) -> Option<usize> {
    r.extra.iter().position(|x| x.label == var)
}

/// A canonical date extra (EDTF text) as a CSL date object, if it reads back as the same text.
fn date_value(edtf: &str) -> Option<Value> {
    let d = Date::new(edtf.parse::<Edtf>().ok()?);
    let v = serde_json::to_value(IssuedOut(&d)).ok()?;
    let back = serde_json::from_value::<super::model::RawDate>(v.clone())
        .ok()
        .and_then(|d| date_from_csl(&d))?;
    (back.edtf().to_string() == edtf).then_some(v)
}

/// The CSL name variable a credit is written to; none for obtained-by (who found the document
/// is no contributor to it: `custom` only, as design/mapping.md says).
pub(crate) fn var_of(role: &Role) -> Option<&str> {
    Some(match role {
        Role::Author => "author",
        Role::Translator => "translator",
        Role::Editor => "editor",
        Role::Compiler => "compiler",
        Role::ObtainedBy => return None,
        Role::Contributor | Role::Transcriber => "contributor",
        Role::Other(v) if NAME_VARS.contains(&v.as_str()) => v,
        Role::Other(_) => "contributor",
    })
}

/// The name variables written, in order: `author` (the authors, then author credits not among
/// them; with the number of authors where credits were added), then each credit's variable.
pub(crate) fn name_vars(r: &Record) -> (Vec<(&str, Vec<&Name>)>, Option<usize>) {
    let mut author: Vec<&Name> = r.authors.iter().collect();
    let mut author_count = None;
    for c in r.credits.iter().filter(|c| c.role == Role::Author) {
        if !author.contains(&&c.name) {
            author.push(&c.name);
            author_count = Some(r.authors.len());
        }
    }
    let mut vars: Vec<(&str, Vec<&Name>)> = Vec::new();
    if !author.is_empty() {
        vars.push(("author", author));
    }
    for Credit { role, name, .. } in r.credits.iter().filter(|c| c.role != Role::Author) {
        let Some(var) = var_of(role) else { continue };
        match vars.iter_mut().find(|(v, _)| *v == var) {
            Some((_, list)) => {
                if !list.contains(&name) {
                    list.push(name);
                }
            }
            None => vars.push((var, vec![name])),
        }
    }
    (vars, author_count)
}

/// A name as a CSL reader reads it back from what [`NameOut`] writes.
pub(crate) fn name_as_read(n: &Name) -> Option<Name> {
    let v = serde_json::to_value(NameOut(n)).ok()?;
    serde_json::from_value::<super::model::RawName>(v)
        .ok()
        .and_then(super::read::name_from_csl)
}

/// `issued` without a date: an unparsed date as printed (the extra `date`, as the block reader
/// keeps it) as `literal`, else a CSL date no reader understood (`csl:issued`) as it was; with
/// the index of that extra.
fn undated_issued(r: &Record) -> Option<(Value, usize)> {
    if let Some(i) = extra_index(r, "date") {
        let t = r.extra.get(i).map_or("", |x| x.value.as_str());
        if clean(t) && Date::from_text(t).is_err() {
            return Some((serde_json::json!({ "literal": t }), i));
        }
    }
    let i = extra_index(r, "csl:issued")?;
    let text = &r.extra.get(i)?.value;
    let v = serde_json::from_str::<Value>(text).ok()?;
    let d = serde_json::from_value::<super::model::RawDate>(v.clone()).ok()?;
    (v.is_object()
        && without_parts(&v)
        && date_from_csl(&d).is_none()
        && !super::read::date_is_empty(&d)
        && super::read::only_literal(&d).is_none()
        && super::read::raw_date_text(&d) == *text)
        .then_some((v, i))
}

/// A date no reader understood goes back only if it has no `date-parts`: parts that did not
/// read (February 30, month 13) would make the item invalid CSL, so they stay in `custom`.
fn without_parts(v: &Value) -> bool {
    v.get("date-parts").is_none()
}

/// The `issued` written, as JSON.
pub(crate) fn issued_of(r: &Record) -> Option<Value> {
    match &r.date {
        Some(d) => serde_json::to_value(IssuedOut(d)).ok(),
        None => undated_issued(r).map(|(v, _)| v),
    }
}

struct ItemOut<'a> {
    r: &'a Record,
    id: String,
}

/// A name as a CSL name object.
struct NameOut<'a>(&'a Name);

impl Serialize for NameOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match self.0 {
            Name::Organization(o) => m.serialize_entry("literal", o)?,
            Name::Person(p) if p.family.is_empty() => {
                m.serialize_entry("literal", &self.0.to_string())?
            }
            Name::Person(p) => {
                m.serialize_entry("family", &p.family)?;
                if !p.given.is_empty() {
                    m.serialize_entry("given", &p.given)?;
                }
                if !p.particle.is_empty() {
                    let var = if p.dropping_particle {
                        "dropping-particle"
                    } else {
                        "non-dropping-particle"
                    };
                    m.serialize_entry(var, &p.particle)?;
                }
                if !p.suffix.is_empty() {
                    m.serialize_entry("suffix", &p.suffix)?;
                    if p.comma_suffix {
                        m.serialize_entry("comma-suffix", &true)?;
                    }
                }
                let guess = guess_family_first(&p.given, &p.particle, &p.family, &p.suffix);
                if p.family_first || guess {
                    m.serialize_entry("static-ordering", &p.family_first)?;
                }
            }
        }
        m.end()
    }
}

struct Names<'a>(&'a [&'a Name]);

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for n in self.0 {
            seq.serialize_element(&NameOut(n))?;
        }
        seq.end()
    }
}

/// `issued`: date-parts (with `circa` and `season`) where CSL can say the date, else `literal`.
struct IssuedOut<'a>(&'a Date);

fn plain(p: &Point) -> bool {
    !matches!(p.precision(), Precision::Century | Precision::Decade)
}

fn parts(p: &Point) -> Vec<i64> {
    let mut v = vec![i64::from(p.year())];
    if let Some(m) = p.month().filter(|m| *m <= 12) {
        v.push(i64::from(m));
        if let Some(d) = p.day() {
            v.push(i64::from(d));
        }
    }
    v
}

/// A date in words, for `literal`.
fn human(p: &Point) -> String {
    let year = if p.year() < 0 {
        format!("{} BCE", -i64::from(p.year()))
    } else {
        p.year().to_string()
    };
    let mut s = match p.precision() {
        Precision::Century | Precision::Decade => format!("{year}s"),
        Precision::Year => year,
        Precision::Season | Precision::Month => {
            format!("{} {year}", month_name(p.month().unwrap_or(0)))
        }
        Precision::Day => format!(
            "{} {}, {year}",
            month_name(p.month().unwrap_or(0)),
            p.day().unwrap_or(0)
        ),
    };
    if p.approximate() {
        s = format!("circa {s}");
    }
    if p.uncertain() {
        s.push('?');
    }
    s
}

fn human_date(d: &Date) -> String {
    match d.edtf() {
        Edtf::Point(p) => human(p),
        Edtf::Interval(Bound::Open, Bound::Point(b)) => format!("until {}", human(b)),
        Edtf::Interval(Bound::Point(a), Bound::Open) => format!("from {}", human(a)),
        Edtf::Interval(a, b) => {
            let t = |x: &Bound| match x {
                Bound::Point(p) => human(p),
                _ => "?".to_string(),
            };
            format!("{}–{}", t(a), t(b))
        }
    }
}

impl Serialize for IssuedOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut m = s.serialize_map(None)?;
        let literal = || {
            d.text()
                .filter(|t| clean(t))
                .map_or_else(|| human_date(d), str::to_string)
        };
        match *d.edtf() {
            Edtf::Point(p) if plain(&p) => {
                m.serialize_entry("date-parts", &[parts(&p)])?;
                if let Some(season) = p.month().filter(|m| *m > 12) {
                    m.serialize_entry("season", &(season - 20))?;
                }
                if p.approximate() {
                    m.serialize_entry("circa", &true)?;
                }
            }
            Edtf::Interval(Bound::Point(a), Bound::Point(b))
                if plain(&a)
                    && plain(&b)
                    && a.month().unwrap_or(0) <= 12
                    && b.month().unwrap_or(0) <= 12
                    && a.precision() == b.precision() =>
            {
                m.serialize_entry("date-parts", &[parts(&a), parts(&b)])?;
                if a.approximate() || b.approximate() {
                    m.serialize_entry("circa", &true)?;
                }
            }
            _ => m.serialize_entry("literal", &literal())?,
        }
        m.end()
    }
}

/// `custom`: what CSL has no variable for.
struct CustomOut<'a> {
    r: &'a Record,
    /// Indices of the extras written to their CSL variables.
    placed: Vec<usize>,
    author_count: Option<usize>,
    verbatim: Vec<(&'static str, &'a str)>,
}

struct Verbatim<'a>(&'a [(&'static str, &'a str)]);

impl Serialize for Verbatim<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// `custom.extra`: each extra, or only its label where its value is in a CSL variable.
struct ExtrasOut<'a> {
    r: &'a Record,
    placed: &'a [usize],
}

/// The rank of an extra in the order the reader rebuilds extras that are all in CSL
/// variables: other variables first (in item order), then note, keyword, language, type, id.
fn rank(label: &str) -> u8 {
    match label {
        "note" => 1,
        "keyword" => 2,
        "language" => 3,
        "type" => 4,
        "id" => 5,
        _ => 0,
    }
}

impl ExtrasOut<'_> {
    /// `"variables[ type][ id]"` if the reader can rebuild the extras from the CSL variables
    /// alone, in the same order.
    fn in_variables(&self) -> Option<String> {
        let extra = &self.r.extra;
        if self.placed.len() != extra.len() {
            return None;
        }
        let mut last = 0;
        let mut seen = [false; 6];
        for x in extra {
            let k = rank(&x.label);
            if k < last || k > 0 && seen[usize::from(k)] {
                return None;
            }
            seen[usize::from(k)] = true;
            last = k;
        }
        // A note or language equal to the one derived from the record would read as derived;
        // a date as printed or kept from CSL is read after the other variables.
        let (note, language) = (derived_note(self.r), derived_language(self.r));
        if extra.iter().any(|x| {
            x.label == "note" && note.as_deref() == Some(&x.value)
                || x.label == "language" && language == Some(x.value.as_str())
                || x.label == "date"
                || x.label == "csl:issued"
        }) {
            return None;
        }
        if extra
            .iter()
            .any(|x| x.label == "type" && x.value == "manuscript")
        {
            return None;
        }
        let mut mode = String::from("variables");
        if seen[4] {
            mode.push_str(" type");
        }
        if seen[5] {
            mode.push_str(" id");
        }
        Some(mode)
    }
}

impl Serialize for ExtrasOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Some(mode) = self.in_variables() {
            return s.serialize_str(&mode);
        }
        let mut seq = s.serialize_seq(Some(self.r.extra.len()))?;
        for (i, x) in self.r.extra.iter().enumerate() {
            if self.placed.contains(&i) {
                seq.serialize_element(&x.label)?;
            } else {
                seq.serialize_element(x)?;
            }
        }
        seq.end()
    }
}

impl Serialize for CustomOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.r;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("archivecite", &1)?;
        if let Some(d) = &r.date {
            m.serialize_entry("edtf", &d.edtf().to_string())?;
            if let Some(t) = d.text() {
                m.serialize_entry("date-text", t)?;
            }
        }
        if !r.credits.is_empty() {
            m.serialize_entry("credits", &r.credits)?;
        }
        if let Some(c) = &r.credit_line {
            m.serialize_entry("credit-line", c)?;
        }
        if !r.funders.is_empty() {
            m.serialize_entry("funders", &r.funders)?;
        }
        if !r.languages.is_empty() {
            m.serialize_entry("languages", &r.languages)?;
        }
        if !r.renditions.is_empty() {
            let labels: Vec<&str> = r.renditions.iter().map(|x| x.label()).collect();
            m.serialize_entry("renditions", &labels)?;
        }
        if !r.subjects.is_empty() {
            m.serialize_entry("subjects", &r.subjects)?;
        }
        if !r.places.is_empty() {
            m.serialize_entry("places", &r.places)?;
        }
        if let Some(c) = &r.citation {
            m.serialize_entry("citation", c)?;
        }
        let from_url = r
            .digital
            .url
            .as_deref()
            .and_then(DigitalArchive::id_from_url);
        if r.digital.doc_id != from_url {
            m.serialize_entry("doc-id", &r.digital.doc_id)?;
        }
        if let Some(n) = self.author_count {
            m.serialize_entry("author-count", &n)?;
        }
        if !self.verbatim.is_empty() {
            m.serialize_entry("verbatim", &Verbatim(&self.verbatim))?;
        }
        if !r.extra.is_empty() {
            m.serialize_entry(
                "extra",
                &ExtrasOut {
                    r,
                    placed: &self.placed,
                },
            )?;
        }
        // Members of a foreign `custom`, read as `csl:custom.KEY` extras, go back in place.
        let mut seen: Vec<&str> = Vec::new();
        for x in &r.extra {
            let Some(key) = x
                .label
                .strip_prefix(EXTRA_PREFIX)
                .and_then(|l| l.strip_prefix("custom."))
            else {
                continue;
            };
            if RESERVED.contains(&key) || seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let v = serde_json::from_str::<Value>(&x.value)
                .unwrap_or_else(|_| Value::String(x.value.clone()));
            m.serialize_entry(key, &v)?;
        }
        m.end()
    }
}

impl Serialize for ItemOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.r;
        let mut written: Vec<&str> = Vec::with_capacity(24);
        let mut verbatim: Vec<(&'static str, &str)> = Vec::new();
        let mut m = s.serialize_map(None)?;
        let mut placed = Vec::new();
        m.serialize_entry("id", &self.id)?;
        if let Some(i) =
            extra_index(r, "id").filter(|&i| r.extra.get(i).is_some_and(|x| x.value == self.id))
        {
            placed.push(i);
        }
        let ty = match extra_index(r, "type") {
            Some(i)
                if r.extra
                    .get(i)
                    .is_some_and(|x| TYPES.contains(&x.value.as_str())) =>
            {
                placed.push(i);
                r.extra.get(i).map_or("manuscript", |x| x.value.as_str())
            }
            _ => "manuscript",
        };
        m.serialize_entry("type", ty)?;
        written.extend(["id", "type"]);

        let text = |m: &mut S::SerializeMap,
                    written: &mut Vec<&str>,
                    var: &'static str,
                    value: &'_ str|
         -> Result<(), S::Error> {
            written.push(var);
            if clean(value) {
                m.serialize_entry(var, value)
            } else {
                Ok(())
            }
        };
        if !clean(&r.title) {
            verbatim.push(("title", &r.title));
        }
        text(&mut m, &mut written, "title", &r.title)?;

        // Names: authors, then each credit's variable, in the order CSL lists them.
        let (vars, author_count) = name_vars(r);
        for (var, list) in &vars {
            m.serialize_entry(var, &Names(list))?;
        }

        if let Some(d) = &r.date {
            m.serialize_entry("issued", &IssuedOut(d))?;
        } else if let Some((v, i)) = undated_issued(r) {
            m.serialize_entry("issued", &v)?;
            placed.push(i);
        }
        written.push("issued");
        if let Some(a) = &r.digital.name {
            if !clean(a) {
                verbatim.push(("archive", a));
            }
            text(&mut m, &mut written, "archive", a)?;
        }
        if let Some(o) = &r.original {
            if !clean(o.raw()) {
                verbatim.push(("archive_location", o.raw()));
            }
            text(&mut m, &mut written, "archive_location", o.raw())?;
        }
        if let Some(u) = &r.digital.url {
            if !clean(u) {
                verbatim.push(("URL", u));
            }
            text(&mut m, &mut written, "URL", u)?;
        }
        // The language: one read from CSL, else the rendition's, else the original's.
        let language = extra_index(r, "language").filter(|&i| {
            r.extra
                .get(i)
                .is_some_and(|x| clean(&x.value) && bcp47(&x.value))
        });
        if let Some(i) = language {
            let l = r.extra.get(i).map_or("", |x| x.value.as_str());
            text(&mut m, &mut written, "language", l)?;
            placed.push(i);
        } else if let Some(l) = derived_language(r) {
            text(&mut m, &mut written, "language", l)?;
        }
        if let Some(a) = &r.summary {
            if !clean(a) {
                verbatim.push(("abstract", a));
            }
            text(&mut m, &mut written, "abstract", a)?;
        }
        if let Some(g) = &r.genre {
            if !clean(g) {
                verbatim.push(("genre", g));
            }
            text(&mut m, &mut written, "genre", g)?;
        }
        if !r.subjects.is_empty() {
            text(&mut m, &mut written, "keyword", &r.subjects.join(", "))?;
        }
        // A note read from CSL (the user's), else the credit sentence where it belongs.
        let note =
            extra_index(r, "note").filter(|&i| r.extra.get(i).is_some_and(|x| clean(&x.value)));
        if let Some(i) = note {
            let n = r.extra.get(i).map_or("", |x| x.value.as_str());
            text(&mut m, &mut written, "note", n)?;
            placed.push(i);
        } else if let Some(n) = derived_note(r) {
            text(&mut m, &mut written, "note", &n)?;
        }

        // Extras that name a CSL variable go back to it (the record keeps them in `custom` too).
        for (i, x) in r.extra.iter().enumerate() {
            let var = match x.label.strip_prefix(EXTRA_PREFIX) {
                Some("categories") => "categories",
                // A date no reader understands ({"literal": "n.d."}) goes back as it was.
                Some(v) if v != "issued" && DATE_VARS.contains(&v) => {
                    if written.contains(&v) {
                        continue;
                    }
                    if let Ok(value @ (Value::Object(_) | Value::String(_))) =
                        serde_json::from_str::<Value>(&x.value)
                    {
                        if serde_json::to_string(&value).is_ok_and(|t| t == x.value)
                            && super::read::date_text(&value).is_none()
                            && without_parts(&value)
                        {
                            if let Some(&v) = DATE_VARS.iter().find(|d| **d == v) {
                                m.serialize_entry(v, &value)?;
                                written.push(v);
                                placed.push(i);
                            }
                        }
                    }
                    continue;
                }
                Some(_) => continue,
                None if x.label == "categories" => continue,
                None => x.label.as_str(),
            };
            if written.contains(&var) {
                continue;
            }
            // Only JSON that reads back as the same text is written (the reader keeps it as text).
            let exact = |v: &Value| serde_json::to_string(v).is_ok_and(|t| t == x.value);
            if let Some(&v) = TEXT_VARS.iter().find(|v| **v == var) {
                if clean(&x.value) && (v != "language" || bcp47(&x.value)) {
                    m.serialize_entry(v, &x.value)?;
                    written.push(v);
                    placed.push(i);
                }
            } else if let Some(&v) = DATE_VARS.iter().find(|v| **v == var && **v != "issued") {
                if let Some(value) = date_value(&x.value) {
                    m.serialize_entry(v, &value)?;
                    written.push(v);
                    placed.push(i);
                }
            } else if var == "categories" {
                if let Ok(value @ Value::Array(_)) = serde_json::from_str::<Value>(&x.value) {
                    let strings = value
                        .as_array()
                        .is_some_and(|a| a.iter().all(|s| s.as_str().is_some_and(clean)));
                    if strings && exact(&value) {
                        m.serialize_entry("categories", &value)?;
                        written.push("categories");
                        placed.push(i);
                    }
                }
            }
        }

        m.serialize_entry(
            "custom",
            &CustomOut {
                r,
                placed,
                author_count,
                verbatim,
            },
        )?;
        m.end()
    }
}
