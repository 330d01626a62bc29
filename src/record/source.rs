//! The original source: one or more repositories, each with its verbatim shelfmark and typed
//! locator parts (fond, opis, delo, list …), or a published book, or a provenance narrative.

use super::authority::{self, Authority};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What kind of locator part a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartKind {
    /// Russian *fond* (collection): "F. 0102", "f. 5".
    Fond,
    /// Russian *opis* (inventory): "Op. 13".
    Opis,
    /// Russian *papka* (folder): "P. 72".
    Papka,
    /// Russian *delo* (file): "Delo 5", "d. 131".
    Delo,
    /// Sheets: "ll. 193-194", "Listy 165-192", "List 82".
    List,
    /// Box: "Box 3", "9. doboz".
    Box,
    /// Folder: "Folder 12", "teczka 4".
    Folder,
    /// File: "File 7".
    File,
    /// Record group: "RG 59".
    RecordGroup,
    /// Series: "Series 2".
    Series,
    /// Collection: "Collection 4".
    Collection,
    /// Pages: "pp. 544-549".
    Page,
    /// A part whose type the citation does not say ("MfAA", "C 1080/78").
    Other,
}

impl PartKind {
    /// The kebab-case name used in TEI `idno/@type` and in serde.
    pub fn as_str(&self) -> &'static str {
        match self {
            PartKind::Fond => "fond",
            PartKind::Opis => "opis",
            PartKind::Papka => "papka",
            PartKind::Delo => "delo",
            PartKind::List => "list",
            PartKind::Box => "box",
            PartKind::Folder => "folder",
            PartKind::File => "file",
            PartKind::RecordGroup => "record-group",
            PartKind::Series => "series",
            PartKind::Collection => "collection",
            PartKind::Page => "page",
            PartKind::Other => "other",
        }
    }
}

impl fmt::Display for PartKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One typed part of a shelfmark: its kind, the label as printed ("F.", "Listy", "doboz") and the value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LocatorPart {
    /// What the part is.
    #[serde(rename = "type")]
    pub kind: PartKind,
    /// The label as printed, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The value as printed: "0102", "165-192", "C 1080/78".
    pub value: String,
}

/// A repository as the citation names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Repository {
    /// The text as printed ("AVPRF", "Polish Foreign Ministry Archive (AMSZ)").
    pub printed: String,
    /// The short name: the abbreviation where one is printed ("AMSZ"), else the printed name.
    pub key: String,
}

impl Repository {
    /// The authority-table entry for this repository, if it is a known one.
    pub fn authority(&self) -> Option<&'static Authority> {
        authority::lookup(&self.key)
    }
}

/// One repository's holding: repository, the locator text (verbatim, without the repository),
/// the place printed after the repository, and the locator's typed parts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Holding {
    /// The repository, if the citation names one.
    pub repository: Option<Repository>,
    /// The locator as printed, repository and place removed: "F. 0102, Op. 13, Delo 5".
    pub shelfmark: String,
    /// A place printed with the repository ("Warsaw", "Tokyo").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The locator split into typed parts, in order.
    pub parts: Vec<LocatorPart>,
}

/// How the original source is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// One or more archival shelfmarks.
    Archival,
    /// A published book or article ("Author. Title. (City: Publisher, 1977), 385-387.").
    Published,
    /// A narrative of provenance instead of (or around) a shelfmark.
    Narrative,
}

/// The original source as the citation gives it. Built only by parsing its verbatim text, so
/// the holdings always agree with the text.
///
/// ```
/// use archivecite::record::{Original, PartKind};
/// let o = Original::parse("AVPRF F. 0102, Op. 13, Delo 5");
/// let h = &o.holdings()[0];
/// assert_eq!(h.repository.as_ref().unwrap().key, "AVPRF");
/// assert_eq!(h.shelfmark, "F. 0102, Op. 13, Delo 5");
/// assert_eq!((h.parts[0].kind, h.parts[0].value.as_str()), (PartKind::Fond, "0102"));
/// assert_eq!(o.to_string(), "AVPRF F. 0102, Op. 13, Delo 5");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "OriginalRepr")]
pub struct Original {
    raw: String,
    kind: SourceKind,
    holdings: Vec<Holding>,
}

#[derive(Deserialize)]
struct OriginalRepr {
    raw: String,
}

impl From<OriginalRepr> for Original {
    fn from(r: OriginalRepr) -> Original {
        Original::parse(&r.raw)
    }
}

impl Original {
    /// Reads the archive part of a citation. Never fails: what it cannot type is kept as
    /// `Other` parts, and the raw text is always kept.
    /// Surrounding whitespace and one final period are not significant and are dropped.
    pub fn parse(raw: &str) -> Original {
        let raw = raw.trim();
        let raw = raw.strip_suffix('.').unwrap_or(raw).trim_end();
        let kind = if looks_published(raw) {
            SourceKind::Published
        } else if looks_narrative(raw) {
            SourceKind::Narrative
        } else {
            SourceKind::Archival
        };
        let holdings = match kind {
            SourceKind::Archival => split_holdings(raw).into_iter().map(parse_holding).collect(),
            SourceKind::Narrative => narrative_holdings(raw),
            SourceKind::Published => Vec::new(),
        };
        Original {
            raw: raw.to_string(),
            kind,
            holdings,
        }
    }

    /// The archive part verbatim.
    pub fn raw(&self) -> &str {
        &self.raw
    }
    /// How the source is given.
    pub fn kind(&self) -> SourceKind {
        self.kind
    }
    /// The repositories' holdings, in order.
    pub fn holdings(&self) -> &[Holding] {
        &self.holdings
    }
    /// The short names of the repositories, in order.
    pub fn repositories(&self) -> impl Iterator<Item = &str> {
        self.holdings
            .iter()
            .filter_map(|h| h.repository.as_ref().map(|r| r.key.as_str()))
    }
}

/// Prints the raw text.
impl fmt::Display for Original {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl FromStr for Original {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Original, Self::Err> {
        Ok(Original::parse(s))
    }
}

/// "(New York: Harcourt Brace Jovanovich, 1977)".
pub(crate) fn looks_published(raw: &str) -> bool {
    let mut rest = raw;
    while let Some(open) = rest.find('(') {
        let inner = &rest[open + 1..];
        let Some(close) = inner.find(')') else { break };
        let inner = &inner[..close];
        if inner.contains(": ")
            && inner
                .trim_end()
                .rsplit([',', ' '])
                .next()
                .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        {
            return true;
        }
        rest = &rest[open + 1..];
    }
    false
}

fn looks_narrative(raw: &str) -> bool {
    let first = raw.split_whitespace().next().unwrap_or("");
    matches!(
        first,
        "The" | "This" | "These" | "A" | "An" | "Original" | "Document"
    ) && raw.split_whitespace().count() > 6
}

/// Holdings named inside a narrative: each known repository followed by a locator.
fn narrative_holdings(raw: &str) -> Vec<Holding> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        let at_word = i == 0 || !raw[..i].ends_with(|c: char| c.is_alphanumeric());
        if at_word {
            if let Some(a) = authority::at_start(rest) {
                let after = &rest[a.key.len()..];
                if after.starts_with(", ") || after.starts_with(' ') {
                    let end = sentence_end(rest);
                    out.push(parse_holding(&rest[..end]));
                    i += end.max(1);
                    continue;
                }
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The end of the sentence that starts `s`: a ". " followed by an upper-case letter, or the end.
fn sentence_end(s: &str) -> usize {
    for (i, _) in s.match_indices(". ") {
        if s[i + 2..].starts_with(|c: char| c.is_uppercase()) && !ends_with_abbreviation(&s[..i]) {
            return i;
        }
    }
    s.trim_end_matches('.').len()
}

fn ends_with_abbreviation(s: &str) -> bool {
    let last = s.rsplit([' ', ',']).next().unwrap_or("");
    last.chars().count() <= 3 || last.chars().all(|c| c.is_ascii_digit())
}

/// Splits "A, f. 1; B, f. 2; and C, f. 3" and "A, f. 1 and B, f. 2" into holdings.
fn split_holdings(raw: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for piece in split_top(raw, ';') {
        let piece = piece.trim();
        let piece = piece.strip_prefix("and ").unwrap_or(piece).trim();
        let mut start = 0;
        for (i, _) in piece.match_indices(" and ") {
            if i >= start && authority::at_start(&piece[i + 5..]).is_some() {
                out.push(piece[start..i].trim_end_matches(',').trim());
                start = i + 5;
            }
        }
        let last = piece[start..].trim();
        if !last.is_empty() {
            out.push(last);
        }
    }
    out
}

/// Splits at `sep` outside parentheses, brackets and quotes.
fn split_top(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' | '“' => depth += 1,
            ')' | ']' | '”' => depth -= 1,
            c if c == sep && depth <= 0 => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

const REPOSITORY_WORDS: &[&str] = &[
    "archive",
    "archives",
    "archiv",
    "archiwum",
    "arquivo",
    "archivo",
    "archivio",
    "archief",
    "library",
    "levéltár",
    "museum",
    "records",
    "arhivele",
];

/// Stems that make a word name a repository inside compounds too ("Literaturarchiv",
/// "Zentralbibliothek", "Biblioteca", "Museo").
const REPOSITORY_STEMS: &[&str] = &["archiv", "bibliot", "museo", "musée"];

fn has_repository_word(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric() && c != 'é' && c != 'á')
        .map(str::to_lowercase)
        .any(|w| {
            REPOSITORY_WORDS.contains(&w.as_str()) || REPOSITORY_STEMS.iter().any(|s| w.contains(s))
        })
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    (2..=12).contains(&w.chars().count())
        && w.chars().next().is_some_and(char::is_uppercase)
        && upper >= 2
        && upper * 2 >= letters
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// "(AMSZ)" inside a segment.
fn parenthesised_key(seg: &str) -> Option<&str> {
    let open = seg.rfind('(')?;
    let close = seg[open..].find(')')? + open;
    let key = &seg[open + 1..close];
    (authority::lookup(key).is_some() || is_acronym(key)).then_some(key)
}

fn is_place(seg: &str) -> bool {
    let seg = seg.trim().trim_end_matches('.');
    !seg.is_empty()
        && seg.split_whitespace().count() <= 3
        && seg
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !seg.chars().any(|c| c.is_ascii_digit())
        && !is_acronym(seg)
}

fn parse_holding(text: &str) -> Holding {
    let text = text.trim().trim_end_matches('.').trim();
    // Repository abbreviation at the start: "AVPRF F. 0102", "RGANI, f. 5", "PolA AA, MfAA".
    if let Some(a) = authority::at_start(text) {
        let rest = text[a.key.len()..].trim_start_matches([',', ' ']);
        return holding(Some((a.key, a.key)), rest, None);
    }
    let segs = split_top(text, ',');
    // A segment that names an archive, perhaps with its abbreviation: "Polish Foreign Ministry
    // Archive (AMSZ)"; what follows it is a place, what precedes it the locator.
    for (k, seg) in segs.iter().enumerate() {
        let s = seg.trim();
        if !has_repository_word(s)
            && parenthesised_key(s).is_none_or(|k| authority::lookup(k).is_none())
        {
            continue;
        }
        let before = offset_of(text, seg);
        let after_segs = &segs[k + 1..];
        let place_seg = after_segs
            .last()
            .filter(|p| after_segs.len() == 1 && is_place(p));
        let place = place_seg.map(|p| p.trim().to_string());
        if let Some(key) = parenthesised_key(s) {
            if k > 0 || after_segs.is_empty() || place.is_some() {
                let locator = text[..before].trim_end_matches([',', ' ']);
                let locator = if k == 0 { "" } else { locator };
                return holding(Some((s, key)), locator, place);
            }
        }
        if k == 0 {
            // "Diplomatic Archives of … Japan (“…” file), Tokyo": name, then a parenthesised part.
            let (name, paren) = match s.find(" (") {
                Some(p) if s.ends_with(')') => (&s[..p], Some(&s[p + 2..s.len() - 1])),
                _ => (s, None),
            };
            let rest_start = before + seg.len();
            let rest = text[rest_start..].trim_start_matches([',', ' ']);
            let (rest, place) = match place_seg {
                Some(_) => ("", place),
                None => (rest, None),
            };
            let locator = match (paren, rest.is_empty()) {
                (Some(p), true) => p.to_string(),
                (Some(p), false) => format!("{p}, {rest}"),
                (None, _) => rest.to_string(),
            };
            let mut h = holding(Some((name, name)), &locator, place);
            h.shelfmark = locator;
            return h;
        }
    }
    // An unknown abbreviation opening the text: "GAPPOD, f.1", "AAS mre pn 1974.08.15".
    let first = text.split([' ', ',']).next().unwrap_or("");
    if is_acronym(first) && text.len() > first.len() {
        let rest = text[first.len()..].trim_start_matches([',', ' ']);
        return holding(Some((first, first)), rest, None);
    }
    holding(None, text, None)
}

fn offset_of(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

fn holding(repo: Option<(&str, &str)>, locator: &str, place: Option<String>) -> Holding {
    let locator = locator.trim();
    Holding {
        repository: repo.map(|(printed, key)| Repository {
            printed: printed.trim().to_string(),
            key: key.to_string(),
        }),
        shelfmark: locator.to_string(),
        place,
        parts: parse_parts(locator),
    }
}

/// Labels and the part kind each gives, lower case, without the final period.
const LABELS: &[(&str, PartKind)] = &[
    ("fond", PartKind::Fond),
    ("f", PartKind::Fond),
    ("opis", PartKind::Opis),
    ("op", PartKind::Opis),
    ("delo", PartKind::Delo),
    ("d", PartKind::Delo),
    ("listy", PartKind::List),
    ("list", PartKind::List),
    ("ll", PartKind::List),
    ("l", PartKind::List),
    ("papka", PartKind::Papka),
    ("pap", PartKind::Papka),
    ("p", PartKind::Papka),
    ("pp", PartKind::Page),
    ("page", PartKind::Page),
    ("pages", PartKind::Page),
    ("box", PartKind::Box),
    ("doboz", PartKind::Box),
    ("karton", PartKind::Box),
    ("kutija", PartKind::Box),
    ("caixa", PartKind::Box),
    ("caja", PartKind::Box),
    ("folder", PartKind::Folder),
    ("teczka", PartKind::Folder),
    ("dossier", PartKind::Folder),
    ("file", PartKind::File),
    ("rg", PartKind::RecordGroup),
    ("record group", PartKind::RecordGroup),
    ("series", PartKind::Series),
    ("collection", PartKind::Collection),
];

fn label_kind(label: &str) -> Option<PartKind> {
    let l = label.trim_end_matches('.').to_lowercase();
    LABELS.iter().find(|(k, _)| *k == l).map(|(_, kind)| *kind)
}

/// Splits a locator ("F. 0102, Op. 13, P. 72, Delo 5, Listy 165-192") into typed parts.
pub(crate) fn parse_parts(locator: &str) -> Vec<LocatorPart> {
    let mut out = Vec::new();
    let segments = split_top(locator, ',')
        .into_iter()
        .flat_map(sentences)
        .flat_map(split_labelled_tokens);
    for seg in segments {
        let seg = seg.trim().trim_end_matches('.').trim();
        if seg.is_empty() {
            continue;
        }
        if let Some(p) = labelled(seg) {
            out.push(p);
            continue;
        }
        let first = seg.split_whitespace().next().unwrap_or("");
        let is_code =
            |w: &str| w.chars().any(|c| c.is_ascii_digit()) && w.contains(['-', '/', '.']);
        if seg.contains(' ') && is_code(first) {
            let mut pending = String::new();
            for w in seg.split_whitespace() {
                if !pending.is_empty() {
                    pending.push(' ');
                }
                pending.push_str(w);
                if !w.ends_with('-') {
                    out.push(other(&pending));
                    pending.clear();
                }
            }
            if !pending.is_empty() {
                out.push(other(&pending));
            }
            continue;
        }
        let unquoted = seg
            .strip_prefix('(')
            .and_then(|s| s.strip_suffix(')'))
            .unwrap_or(seg);
        out.push(other(unquoted));
    }
    out
}

/// Splits "d. 7. Folder description: …" at ". " before a capital letter: sentences inside a part.
fn sentences(seg: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in seg.match_indices(". ") {
        let next = &seg[i + 2..];
        let before = seg[start..i].trim();
        if next.starts_with(|c: char| c.is_uppercase()) && before.chars().count() > 2 {
            out.push(&seg[start..=i]);
            start = i + 2;
        }
    }
    out.push(&seg[start..]);
    out
}

/// Splits off whitespace tokens that are themselves labelled parts ("pp.544-549", "d.106") from
/// the words around them: "mre pn 1974.08.15 pp.544-549" → "mre pn 1974.08.15", "pp.544-549".
fn split_labelled_tokens(seg: &str) -> Vec<&str> {
    let tokens: Vec<(usize, &str)> = seg
        .split(' ')
        .scan(0usize, |pos, t| {
            let at = *pos;
            *pos += t.len() + 1;
            Some((at, t))
        })
        .collect();
    if tokens.len() < 2 {
        return vec![seg];
    }
    let is_labelled = |t: &str| {
        t.split_once('.').is_some_and(|(label, value)| {
            !value.is_empty()
                && value.starts_with(|c: char| c.is_ascii_digit())
                && label_kind(label).is_some()
        })
    };
    let mut out = Vec::new();
    let mut start = 0;
    for &(at, t) in &tokens {
        if at > 0 && is_labelled(t) {
            out.push(&seg[start..at - 1]);
            start = at;
        }
    }
    out.push(&seg[start..]);
    out
}

fn other(value: &str) -> LocatorPart {
    LocatorPart {
        kind: PartKind::Other,
        label: None,
        value: value.to_string(),
    }
}

/// "F. 0102", "f.1", "Listy 165-192", "d.[120]", "Record Group 59", or "9. doboz".
fn labelled(seg: &str) -> Option<LocatorPart> {
    // value first: "9. doboz"
    if let Some((value, label)) = seg.split_once(". ") {
        if value.chars().all(|c| c.is_ascii_digit()) && !value.is_empty() {
            if let Some(kind) = label_kind(label) {
                return Some(LocatorPart {
                    kind,
                    label: Some(label.to_string()),
                    value: value.to_string(),
                });
            }
        }
    }
    let label_end = seg
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic() && c != ' ')
        .map_or(seg.len(), |(i, _)| i);
    // the longest label prefix of the alphabetic run ("Record Group 59" or "F. 0102")
    let words = &seg[..label_end];
    let mut candidates: Vec<usize> = words.match_indices(' ').map(|(i, _)| i).collect();
    candidates.push(words.len());
    for &end in candidates.iter().rev() {
        let label = &seg[..end];
        let Some(kind) = label_kind(label) else {
            continue;
        };
        let mut rest = &seg[end..];
        let mut printed = label.to_string();
        if let Some(r) = rest.strip_prefix('.') {
            printed.push('.');
            rest = r;
        }
        let value = rest.trim_start();
        let spaced = rest.len() != value.len();
        if value.is_empty() || !(spaced || printed.ends_with('.')) {
            continue;
        }
        if !value.starts_with(|c: char| c.is_ascii_digit() || c == '[' || c.is_uppercase()) {
            continue;
        }
        return Some(LocatorPart {
            kind,
            label: Some(printed),
            value: value.to_string(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(o: &Original) -> Vec<(PartKind, String)> {
        o.holdings()[0]
            .parts
            .iter()
            .map(|p| (p.kind, p.value.clone()))
            .collect()
    }

    #[test]
    fn russian_locators() {
        use PartKind::*;
        let o = Original::parse("AVPRF F. 0102, Op. 13, P. 72, Delo 5, Listy 165-192");
        assert_eq!(
            parts(&o),
            [
                (Fond, "0102".into()),
                (Opis, "13".into()),
                (Papka, "72".into()),
                (Delo, "5".into()),
                (List, "165-192".into())
            ]
        );
        let o = Original::parse("GAPPOD, f.1, op.89, d.106");
        assert_eq!(o.repositories().collect::<Vec<_>>(), ["GAPPOD"]);
        assert_eq!(
            parts(&o),
            [
                (Fond, "1".into()),
                (Opis, "89".into()),
                (Delo, "106".into())
            ]
        );
        let o = Original::parse("RGASPI, f. 558, op. 11, d. 97, ll. 67-70");
        assert_eq!(parts(&o)[3], (List, "67-70".into()));
        let o = Original::parse("APRF, Fond 45, Opis 1, Delo 340, List 82");
        assert_eq!(parts(&o)[0], (Fond, "45".into()));
        assert_eq!(parts(&o)[3], (List, "82".into()));
    }

    #[test]
    fn several_repositories() {
        let o = Original::parse(
            "APRF, f. 45, op. 1, d. 1, l. 7; AVPRF, Fond 7, Opis 5a, Delo 5, Papka 11, List 80; and RGASPI, f. 558, op. 11, d. 3, ll. 0078.",
        );
        assert_eq!(
            o.repositories().collect::<Vec<_>>(),
            ["APRF", "AVPRF", "RGASPI"]
        );
        assert_eq!(o.holdings()[1].parts[1].value, "5a");
        assert_eq!(o.holdings()[2].parts[3].value, "0078");
        let o = Original::parse("RGANI, f. 5, op. 30, d. 1 and AVPRF, f. 0102, op. 1, d. 2");
        assert_eq!(o.repositories().collect::<Vec<_>>(), ["RGANI", "AVPRF"]);
    }

    #[test]
    fn other_archives() {
        let o = Original::parse("MOL, XIX-J-1-k Korea, 9. doboz, 18/g, 00303/1954");
        let p = parts(&o);
        assert_eq!(p[0].1, "XIX-J-1-k");
        assert_eq!(p[1].1, "Korea");
        assert_eq!(p[2], (PartKind::Box, "9".into()));
        assert_eq!(p.len(), 5);
        let o = Original::parse("PolA AA, MfAA, C 1080/78");
        assert_eq!(o.repositories().collect::<Vec<_>>(), ["PolA AA"]);
        assert_eq!(
            parts(&o),
            [
                (PartKind::Other, "MfAA".into()),
                (PartKind::Other, "C 1080/78".into())
            ]
        );
        let o = Original::parse("PRC FMA 106-01403-02, 35");
        assert_eq!(
            parts(&o),
            [
                (PartKind::Other, "106-01403-02".into()),
                (PartKind::Other, "35".into())
            ]
        );
        let o = Original::parse("Szyfrogramy from Waszyngton 1962, 6/77 w-86 t- 1312, Polish Foreign Ministry Archive (AMSZ), Warsaw");
        assert_eq!(o.repositories().collect::<Vec<_>>(), ["AMSZ"]);
        let h = &o.holdings()[0];
        assert_eq!(h.place.as_deref(), Some("Warsaw"));
        assert_eq!(
            h.shelfmark,
            "Szyfrogramy from Waszyngton 1962, 6/77 w-86 t- 1312"
        );
        let vals: Vec<_> = h.parts.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(
            vals,
            [
                "Szyfrogramy from Waszyngton 1962",
                "6/77",
                "w-86",
                "t- 1312"
            ]
        );
        let o = Original::parse("Diplomatic Archives of the Ministry of Foreign Affairs of Japan (“Cuban Domestic Policies and Situation: 1959-1975” file), Tokyo");
        let h = &o.holdings()[0];
        assert_eq!(
            h.repository.as_ref().unwrap().key,
            "Diplomatic Archives of the Ministry of Foreign Affairs of Japan"
        );
        assert_eq!(h.place.as_deref(), Some("Tokyo"));
        assert_eq!(
            h.parts[0].value,
            "“Cuban Domestic Policies and Situation: 1959-1975” file"
        );
    }

    #[test]
    fn published_and_narrative() {
        let o = Original::parse("Milovan Djilas. Wartime. Translated by Michael B. Petrovich. (New York: Harcourt Brace Jovanovich, 1977), 385-387.");
        assert_eq!(o.kind(), SourceKind::Published);
        let o = Original::parse("The document, from the personal archive of a participant, was given to the project by his family. A copy was subsequently found in RGASPI, f. 17, op. 128, d. 1019.");
        assert_eq!(o.kind(), SourceKind::Narrative);
        assert_eq!(o.repositories().collect::<Vec<_>>(), ["RGASPI"]);
        assert_eq!(o.holdings()[0].parts[0].value, "17");
    }
}
