//! Credits: who obtained, translated, edited or contributed a document, and for which project.
//! Includes the parser for credit sentences ("Obtained and translated for CWIHP by X.").

use super::name::Name;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a person or institution did for the document.
///
/// `FromStr`/`Display` use the kebab-case names; serde goes through them.
///
/// ```
/// use archivecite::record::Role;
/// assert_eq!("obtained-by".parse::<Role>().unwrap(), Role::ObtainedBy);
/// assert_eq!(Role::Translator.to_string(), "translator");
/// assert_eq!(Role::Translator.marc_relator(), Some("trl"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Wrote the document.
    Author,
    /// Translated it ("Translated by").
    Translator,
    /// Edited it ("edited by").
    Editor,
    /// Contributed it to the archive ("Contributed by").
    Contributor,
    /// Found it in the archive ("Obtained by").
    ObtainedBy,
    /// Compiled it ("Compiled by").
    Compiler,
    /// Transcribed it ("Transcribed by").
    Transcriber,
    /// Any other verb, kept as printed in lower case ("donated").
    Other(String),
}

impl Role {
    /// The verb of a credit sentence ("translated", "obtained" …).
    pub fn verb(&self) -> &str {
        match self {
            Role::Author => "written",
            Role::Translator => "translated",
            Role::Editor => "edited",
            Role::Contributor => "contributed",
            Role::ObtainedBy => "obtained",
            Role::Compiler => "compiled",
            Role::Transcriber => "transcribed",
            Role::Other(v) => v,
        }
    }

    /// The role a credit-sentence verb gives ("Translated" → translator).
    pub fn from_verb(verb: &str) -> Option<Role> {
        let v = verb.to_lowercase();
        Some(match v.as_str() {
            "translated" => Role::Translator,
            "edited" => Role::Editor,
            "contributed" | "provided" | "donated" | "submitted" => {
                if v == "contributed" {
                    Role::Contributor
                } else {
                    Role::Other(v)
                }
            }
            "obtained" | "acquired" => Role::ObtainedBy,
            "compiled" => Role::Compiler,
            "transcribed" => Role::Transcriber,
            "written" | "authored" => Role::Author,
            "annotated" | "introduced" | "prepared" | "digitized" | "scanned" | "reviewed" => {
                Role::Other(v)
            }
            _ => return None,
        })
    }

    /// The MARC relator code (id.loc.gov/vocabulary/relators) for TEI `resp/@ref`.
    pub fn marc_relator(&self) -> Option<&'static str> {
        Some(match self {
            Role::Author => "aut",
            Role::Translator => "trl",
            Role::Editor => "edt",
            Role::Contributor => "ctb",
            Role::ObtainedBy => "col",
            Role::Compiler => "com",
            Role::Transcriber => "trc",
            Role::Other(_) => return None,
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Author => "author",
            Role::Translator => "translator",
            Role::Editor => "editor",
            Role::Contributor => "contributor",
            Role::ObtainedBy => "obtained-by",
            Role::Compiler => "compiler",
            Role::Transcriber => "transcriber",
            Role::Other(v) => v,
        })
    }
}

impl FromStr for Role {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Role, Self::Err> {
        Ok(match s {
            "author" => Role::Author,
            "translator" => Role::Translator,
            "editor" => Role::Editor,
            "contributor" => Role::Contributor,
            "obtained-by" => Role::ObtainedBy,
            "compiler" => Role::Compiler,
            "transcriber" => Role::Transcriber,
            other => Role::Other(other.to_string()),
        })
    }
}

impl Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Role, D::Error> {
        let s = String::deserialize(d)?;
        Ok(s.parse().unwrap_or_else(|e| match e {}))
    }
}

/// One credit: a role, a name, the name's affiliation as printed, and the project it was done for.
///
/// ```
/// use archivecite::record::{parse_credits, Role};
/// let c = parse_credits("Obtained and translated for CWIHP by Masaki Hirata.");
/// assert_eq!(c.len(), 2);
/// assert_eq!((c[0].role.clone(), c[0].name.to_string()), (Role::ObtainedBy, "Masaki Hirata".to_string()));
/// assert_eq!(c[1].on_behalf_of.as_deref(), Some("CWIHP"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Credit {
    /// What was done.
    pub role: Role,
    /// Who did it.
    pub name: Name,
    /// Affiliation printed after the name in parentheses ("George Washington University").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// The project it was done for ("NKIDP" in "Translated for NKIDP by …").
    #[serde(default, rename = "for", skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
}

impl Credit {
    /// A credit with no affiliation and no project.
    pub fn new(role: Role, name: Name) -> Credit {
        Credit {
            role,
            name,
            affiliation: None,
            on_behalf_of: None,
        }
    }
}

/// One clause of a credit sentence: verbs, project, names (with affiliations).
struct Clause<'a> {
    roles: Vec<Role>,
    project: Option<&'a str>,
    names: &'a str,
}

/// Byte offsets in `text` where a credit clause may begin: a credit verb at the start, or after
/// ". ", "; ", " and ", ", and ". Returns (clause start, separator start).
pub(crate) fn clause_starts(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // A clause's own verbs ("Obtained and translated for X by") are not new clauses.
    let mut inside_until = 0;
    if let Some((_, _, len)) = verb_phrase(text) {
        out.push((0, 0));
        inside_until = len;
    }
    for (i, _) in text.match_indices(' ') {
        if i < inside_until {
            continue;
        }
        let rest = &text[i + 1..];
        let before = &text[..i];
        let sep_start = if before.ends_with('.') || before.ends_with(';') {
            i - 1
        } else if let Some(b) = before.strip_suffix(" and") {
            b.strip_suffix(',').map_or(b.len(), |c| c.len())
        } else {
            continue;
        };
        if let Some((_, _, len)) = verb_phrase(rest) {
            out.push((i + 1, sep_start));
            inside_until = i + 1 + len;
        }
    }
    out
}

/// Reads "Obtained and translated for CWIHP by " at the start of `s`: the roles, the project and
/// the length read.
fn verb_phrase(s: &str) -> Option<(Vec<Role>, Option<&str>, usize)> {
    let mut roles = Vec::new();
    let mut pos = 0;
    loop {
        let word_end = s[pos..]
            .find(|c: char| !c.is_alphabetic())
            .map_or(s.len(), |e| pos + e);
        let role = Role::from_verb(&s[pos..word_end])?;
        roles.push(role);
        pos = word_end;
        let rest = &s[pos..];
        if let Some(r) = rest
            .strip_prefix(" and ")
            .or_else(|| rest.strip_prefix(", and "))
            .or_else(|| rest.strip_prefix(", "))
        {
            if Role::from_verb(r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("")).is_some()
            {
                pos = s.len() - r.len();
                continue;
            }
        }
        break;
    }
    let rest = &s[pos..];
    if let Some(r) = rest.strip_prefix(" by ") {
        return Some((roles, None, s.len() - r.len()));
    }
    let r = rest.strip_prefix(" for ")?;
    let by = r.find(" by ")?;
    let project = &r[..by];
    if project.is_empty() || project.len() > 80 || project.contains(['.', ';']) {
        return None;
    }
    Some((roles, Some(project), s.len() - r.len() + by + 4))
}

/// Parses a credit sentence into credits, in order. Text that is not a credit is skipped here
/// (the record keeps the sentence verbatim).
///
/// Handles every form in the wild: "Translated for NKIDP by X.", "; translated by X",
/// "Translated by X and Y.", "Obtained and translated by `<Institution>`.",
/// "Obtained for NKIDP by X and translated for NKIDP by Y.",
/// "Obtained by X (University) and translated by Y (University).",
/// "Obtained by X; translated and edited by A, B, and C."
pub fn parse_credits(text: &str) -> Vec<Credit> {
    let text = text.trim().trim_start_matches([';', ',', ' ']);
    let starts = clause_starts(text);
    let mut clauses = Vec::new();
    for (k, &(start, _)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |&(_, sep)| sep);
        if end <= start {
            continue;
        }
        let Some((roles, project, len)) = verb_phrase(&text[start..end]) else {
            continue;
        };
        let names = text[start + len..end].trim();
        let names = names
            .strip_suffix('.')
            .filter(|n| !ends_with_initial(n) && !n.ends_with(" Jr") && !n.ends_with(" Sr"))
            .unwrap_or(names);
        let names = names.trim_end_matches([';', ',']).trim();
        clauses.push(Clause {
            roles,
            project,
            names,
        });
    }
    let mut out = Vec::new();
    for c in clauses {
        let names = split_names(c.names);
        for role in &c.roles {
            for (name, affiliation) in &names {
                out.push(Credit {
                    role: role.clone(),
                    name: Name::parse(name),
                    affiliation: affiliation.map(str::to_string),
                    on_behalf_of: c.project.map(str::to_string),
                });
            }
        }
    }
    out
}

/// True if `s` ends with an initial like "G." whose period is part of the name.
fn ends_with_initial(s: &str) -> bool {
    let last = s.rsplit(' ').next().unwrap_or("");
    let letters = last.trim_end_matches('.');
    letters.chars().count() == 1 && letters.chars().all(char::is_uppercase) && s.len() > last.len()
}

/// Splits "A, B, and C" / "X (Univ) and Y" into names with their affiliations. A list that names
/// an institution ("the Institute of Foreign Affairs and National Security") stays whole.
fn split_names(list: &str) -> Vec<(&str, Option<&str>)> {
    if list.is_empty() {
        return Vec::new();
    }
    let mut parts: Vec<&str> = Vec::new();
    let whole_org = matches!(Name::parse(list), Name::Organization(_)) && !list.contains(',');
    if whole_org {
        parts.push(list);
    } else {
        for piece in split_outside_parens(list, ",") {
            let piece = piece.trim();
            if is_suffix(piece) {
                // "Jan Kopecky, Jr.": the suffix belongs to the name before it
                if let Some(prev) = parts.last_mut() {
                    let start = prev.as_ptr() as usize - list.as_ptr() as usize;
                    let end = piece.as_ptr() as usize - list.as_ptr() as usize + piece.len();
                    *prev = &list[start..end];
                    continue;
                }
            }
            let piece = piece.strip_prefix("and ").unwrap_or(piece);
            for p in split_outside_parens(piece, " and ") {
                if !p.trim().is_empty() {
                    parts.push(p.trim());
                }
            }
        }
    }
    parts
        .into_iter()
        .map(|p| match (p.find(" ("), p.strip_suffix(')')) {
            (Some(open), Some(inner)) => (&p[..open], Some(&inner[open + 2..])),
            _ => (p, None),
        })
        .collect()
}

fn is_suffix(s: &str) -> bool {
    super::name::SUFFIXES.contains(&s)
}

/// Splits at `sep` outside parentheses.
pub(crate) fn split_outside_parens<'a>(s: &'a str, sep: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let bytes = s.as_bytes();
    let first = sep.as_bytes().first().copied();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => depth -= 1,
            // the first byte before the whole separator: a call to compare at every byte is slow
            b if Some(b) == first && depth <= 0 && bytes[i..].starts_with(sep.as_bytes()) => {
                out.push(&s[start..i]);
                i += sep.len();
                start = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&s[start..]);
    out
}

/// Writes credits as one sentence in the archive's style, grouping consecutive credits that share
/// a role and project: "Obtained for NKIDP by X and translated for NKIDP by Y."
pub fn render_credits(credits: &[Credit]) -> String {
    let mut groups: Vec<(&Role, Option<&str>, Vec<&Credit>)> = Vec::new();
    for c in credits {
        match groups.last_mut() {
            Some((role, project, list))
                if **role == c.role && *project == c.on_behalf_of.as_deref() =>
            {
                list.push(c)
            }
            _ => groups.push((&c.role, c.on_behalf_of.as_deref(), vec![c])),
        }
    }
    let mut out = String::new();
    for (k, (role, project, list)) in groups.iter().enumerate() {
        if k > 0 {
            out.push_str(" and ");
        }
        let verb = role.verb();
        if k == 0 {
            let mut cs = verb.chars();
            if let Some(first) = cs.next() {
                out.extend(first.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(verb);
        }
        if let Some(p) = project {
            out.push_str(" for ");
            out.push_str(p);
        }
        out.push_str(" by ");
        let names: Vec<String> = list
            .iter()
            .map(|c| match &c.affiliation {
                Some(a) => format!("{} ({a})", c.name),
                None => c.name.to_string(),
            })
            .collect();
        match names.len() {
            1 => out.push_str(&names[0]),
            2 => out.push_str(&format!("{} and {}", names[0], names[1])),
            _ => {
                let (last, init) = names.split_last().unwrap_or((&names[0], &[]));
                out.push_str(&init.join(", "));
                out.push_str(", and ");
                out.push_str(last);
            }
        }
    }
    if !out.is_empty() && !out.ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(String, String, Option<String>)> {
        parse_credits(text)
            .into_iter()
            .map(|c| (c.role.to_string(), c.name.to_string(), c.on_behalf_of))
            .collect()
    }

    fn t(role: &str, name: &str, project: Option<&str>) -> (String, String, Option<String>) {
        (role.into(), name.into(), project.map(Into::into))
    }

    #[test]
    fn a_suffix_stays_with_its_name() {
        let c = parse_credits("Translated by Vojtech Mastny and Jan Kopecky, Jr.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1].name.family(), "Kopecky");
        assert!(matches!(&c[1].name, Name::Person(p) if p.suffix == "Jr."));
        assert_eq!(parse_credits(&render_credits(&c)), c);
        let three = parse_credits("Translated by A. Smith, Jan Kopecky, Jr., and B. Jones");
        assert_eq!(three.len(), 3, "{three:?}");
    }

    #[test]
    fn every_form_in_layouts_md() {
        assert_eq!(
            roles("Translated for NKIDP by Gary Goldberg."),
            [t("translator", "Gary Goldberg", Some("NKIDP"))]
        );
        assert_eq!(
            roles("; translated by Gary Goldberg"),
            [t("translator", "Gary Goldberg", None)]
        );
        assert_eq!(
            roles("Translated by Jeffrey Wang and Charles Kraus."),
            [
                t("translator", "Jeffrey Wang", None),
                t("translator", "Charles Kraus", None)
            ]
        );
        assert_eq!(
            roles("Obtained and translated for CWIHP by Masaki Hirata."),
            [
                t("obtained-by", "Masaki Hirata", Some("CWIHP")),
                t("translator", "Masaki Hirata", Some("CWIHP"))
            ]
        );
        assert_eq!(
            roles("Obtained and translated by the Institute for Far Eastern Studies."),
            [
                t("obtained-by", "the Institute for Far Eastern Studies", None),
                t("translator", "the Institute for Far Eastern Studies", None)
            ]
        );
        assert_eq!(
            roles(
                "Obtained for NKIDP by Bernd Schaefer and translated for NKIDP by Karen Riechert."
            ),
            [
                t("obtained-by", "Bernd Schaefer", Some("NKIDP")),
                t("translator", "Karen Riechert", Some("NKIDP"))
            ]
        );
        let c = parse_credits("Obtained by James G. Hershberg (George Washington University) and translated by Margaret K. Gnoinska (Troy University).");
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].name.to_string(), "James G. Hershberg");
        assert_eq!(
            c[0].affiliation.as_deref(),
            Some("George Washington University")
        );
        assert_eq!(c[1].name.to_string(), "Margaret K. Gnoinska");
        assert_eq!(
            roles("Contributed by Sergey Radchenko and translated by Gary Goldberg."),
            [
                t("contributor", "Sergey Radchenko", None),
                t("translator", "Gary Goldberg", None)
            ]
        );
        assert_eq!(
            roles(
                "Obtained by X. Y. Zed; translated and edited by Ann Bee, Carl Dee, and Eve Fox."
            ),
            [
                t("obtained-by", "X. Y. Zed", None),
                t("translator", "Ann Bee", None),
                t("translator", "Carl Dee", None),
                t("translator", "Eve Fox", None),
                t("editor", "Ann Bee", None),
                t("editor", "Carl Dee", None),
                t("editor", "Eve Fox", None),
            ]
        );
        assert_eq!(roles("Translated by ."), []);
        assert_eq!(roles(""), []);
    }

    #[test]
    fn render_then_parse_gives_the_credits_back() {
        for text in [
            "Translated for NKIDP by Gary Goldberg.",
            "Obtained for NKIDP by Bernd Schaefer and translated for NKIDP by Karen Riechert.",
            "Translated by Jeffrey Wang and Charles Kraus.",
            "Translated by Ann Bee, Carl Dee, and Eve Fox.",
            "Obtained by James G. Hershberg (George Washington University) and translated by Margaret K. Gnoinska (Troy University).",
        ] {
            let c = parse_credits(text);
            assert_eq!(render_credits(&c), text);
        }
    }
}
