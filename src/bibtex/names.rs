//! Name lists (`author`, `editor`, `translator`) and `and`-separated lists: reading through the
//! `biblatex` crate's BibTeX name parser, writing in "von Last, Jr, First" form.

use super::tex::{decode, decode_into, escape, group_close, group_end};
use crate::record::{Name, PersonName, Role};
use biblatex::{Chunk, Spanned};

/// Splits `raw` at top-level (brace depth 0) occurrences of the word `word` (ASCII, matched
/// without case) with whitespace of any kind and length on both sides (BibTeX's rule for `and`
/// in name lists: `A and\n  B`, `A\tand B`). The pieces keep their surrounding whitespace.
pub(crate) fn split_top<'a>(raw: &'a str, word: &str) -> Vec<&'a str> {
    let b = raw.as_bytes();
    let w = word.trim().as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                i += 2;
                continue;
            }
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_ascii_whitespace() => {
                // the word between two whitespace runs
                let from = i + 1;
                let end = from + w.len();
                let matched = !w.is_empty()
                    && b.get(from..end).is_some_and(|x| x.eq_ignore_ascii_case(w))
                    && b.get(end).is_some_and(u8::is_ascii_whitespace);
                if matched {
                    out.push(raw.get(start..i).unwrap_or(""));
                    start = end + 1;
                    i = end + 1;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out.push(raw.get(start..).unwrap_or(""));
    out
}

/// Splits at top-level commas (for `keywords`).
pub(crate) fn split_commas(raw: &str) -> Vec<&str> {
    let b = raw.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                out.push(raw.get(start..i).unwrap_or(""));
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(raw.get(start..).unwrap_or(""));
    out
}

/// Is `raw` (trimmed) one brace group from first to last character?
pub(crate) fn one_group(raw: &str) -> Option<&str> {
    let inner = raw.strip_prefix('{')?.strip_suffix('}')?;
    let mut depth = 0i64;
    let b = inner.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            _ => {}
        }
        i += 1;
    }
    (depth == 0).then_some(inner)
}

/// Reads a name list (`A and B and {C Corp}`).
pub(crate) fn read_names(raw: &str) -> Vec<Name> {
    let mut out = Vec::new();
    for piece in split_top(raw.trim(), " and ") {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        if piece.eq_ignore_ascii_case("others") {
            out.push(Name::Organization("others".to_string()));
            continue;
        }
        if let Some(inner) = one_group(piece) {
            if !inner.starts_with('\\') {
                out.push(Name::Organization(decode(inner)));
                continue;
            }
        }
        out.push(person(piece));
    }
    out
}

/// One person through `biblatex::Person::parse`: top-level groups are verbatim chunks.
fn person(raw: &str) -> Name {
    let mut chunks: Vec<Spanned<Chunk>> = Vec::new();
    let b = raw.as_bytes();
    let mut i = 0;
    let mut normal = String::new();
    while i < b.len() {
        if b[i] == b'{' {
            let j = group_close(b, i).unwrap_or(b.len());
            let end = (j + 1).min(b.len());
            let inner = raw.get(i + 1..j.min(b.len())).unwrap_or("");
            if inner.starts_with('\\') {
                // A special character like {\"u}: ordinary text.
                decode_into(raw.get(i..end).unwrap_or(""), &mut normal);
            } else {
                if !normal.is_empty() {
                    chunks.push(Spanned::zero(Chunk::Normal(std::mem::take(&mut normal))));
                }
                let mut v = String::new();
                decode_into(inner, &mut v);
                chunks.push(Spanned::zero(Chunk::Verbatim(v)));
            }
            i = end;
        } else {
            let start = i;
            while i < b.len() && b[i] != b'{' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            let end = i.min(b.len());
            // A command's braced argument belongs to it: `\c{s}`.
            let mut stop = end;
            if end < b.len() && end > start && is_command_tail(&b[start..end]) {
                stop = group_end(b, end);
            }
            decode_into(raw.get(start..stop).unwrap_or(""), &mut normal);
            i = stop;
        }
    }
    if !normal.is_empty() {
        chunks.push(Spanned::zero(Chunk::Normal(normal)));
    }
    let p = biblatex::Person::parse(&chunks);
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut family = clean(&p.name);
    let given = clean(&p.given_name);
    let mut particle = clean(&p.prefix);
    let suffix = clean(&p.suffix);
    if family.is_empty() && !particle.is_empty() {
        // "Last" is never empty: "von" words alone are the family name (kept whole, since a
        // braced group's spaces are gone by now and would split it)
        family = std::mem::take(&mut particle);
    }
    if family.is_empty() && !given.is_empty() && particle.is_empty() {
        return Name::Person(PersonName {
            family: given,
            ..PersonName::default()
        });
    }
    Name::Person(PersonName {
        given,
        particle,
        family,
        suffix,
        ..PersonName::default()
    })
}

/// Does the text end with a control word or accent symbol that takes the following group?
fn is_command_tail(b: &[u8]) -> bool {
    let mut k = b.len();
    while k > 0 && b[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    if k > 0 && b[k - 1] == b'\\' && k < b.len() {
        return true;
    }
    b.len() >= 2
        && b[b.len() - 2] == b'\\'
        && matches!(
            b[b.len() - 1],
            b'"' | b'\'' | b'`' | b'^' | b'~' | b'=' | b'.'
        )
}

/// Does `s` hold the word "and" (any case) or a character that would split a name?
fn needs_brace(s: &str) -> bool {
    s.split(|c: char| c.is_ascii_whitespace())
        .any(|w| w.eq_ignore_ascii_case("and"))
        || s.contains(',')
}

fn braced_if(s: &str, yes: bool, out: &mut String) {
    if yes {
        out.push('{');
        let start = out.len();
        escape(s, out);
        if out[start..].starts_with('\\') {
            // "{\cmd …}" would read as one special character, not as a group: lead with "{}"
            out.insert_str(start, "{}");
        }
        out.push('}');
    } else {
        escape(s, out);
    }
}

/// Writes one name: organisations braced, persons as "von Last, Jr, First".
pub(crate) fn write_name(n: &Name, out: &mut String) {
    match n {
        Name::Organization(o) => braced_if(o, true, out),
        Name::Person(p) => {
            for (k, w) in p.particle.split_whitespace().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                let lower = w.chars().next().is_some_and(char::is_lowercase);
                braced_if(w, !lower || needs_brace(w), out);
            }
            if !p.particle.trim().is_empty() {
                out.push(' ');
            }
            let f = &p.family;
            let brace = f.contains(char::is_whitespace)
                || needs_brace(f)
                || f.is_empty()
                || (!p.particle.trim().is_empty() && !f.starts_with(char::is_uppercase))
                || !p.particle.trim().is_empty() && f.starts_with(char::is_lowercase);
            braced_if(f, brace, out);
            if !p.suffix.is_empty() {
                out.push_str(", ");
                braced_if(&p.suffix, needs_brace(&p.suffix), out);
            }
            if !p.given.is_empty() || !p.suffix.is_empty() {
                out.push_str(", ");
                braced_if(&p.given, needs_brace(&p.given), out);
            } else if !plain_word(f) || !p.particle.trim().is_empty() {
                // "{Kim Il Sung}," is a person with no given name; "{Kim Il Sung}" alone
                // would read as an organisation, and "von {G.} Field" as other parts.
                out.push(',');
            }
        }
    }
}

/// A capitalised word of letters, apostrophes and hyphens ("Anonymous", "O'Neill"): written
/// alone it reads back as the family name, so it needs no trailing comma (which biber flags).
fn plain_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
        && !s.eq_ignore_ascii_case("others")
        && s.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

/// Writes a name list joined with " and ".
pub(crate) fn write_names(names: &[Name], out: &mut String) {
    for (k, n) in names.iter().enumerate() {
        if k > 0 {
            out.push_str(" and ");
        }
        write_name(n, out);
    }
}

/// biblatex's name fields for credits, in the order the reader takes them: the editor fields
/// (with their `editortype`), then the others (each with its one role).
pub(crate) const NAME_FIELDS: &[&str] = &[
    "translator",
    "editor",
    "editora",
    "editorb",
    "editorc",
    "compiler",
    "bookauthor",
    "commentator",
    "annotator",
    "introduction",
    "foreword",
    "afterword",
];

/// The editor fields, which name their role in `<field>type` (`editortype = {compiler}`).
pub(crate) const EDITOR_FIELDS: &[&str] = &["editor", "editora", "editorb", "editorc"];

/// biblatex's `editortype` values other than `editor` that are roles of their own.
const EDITOR_TYPES: &[&str] = &[
    "compiler",
    "founder",
    "continuator",
    "redactor",
    "reviser",
    "collaborator",
    "organizer",
    "director",
];

/// The role the names of a name field have; `editortype` is the field's `…type` value.
pub(crate) fn role_of_name_field(field: &str, editortype: Option<&str>) -> Option<Role> {
    let field = field.to_ascii_lowercase();
    Some(match field.as_str() {
        "translator" => Role::Translator,
        "compiler" => Role::Compiler,
        f if EDITOR_FIELDS.contains(&f) => {
            match editortype.map(|t| t.trim().to_ascii_lowercase()).as_deref() {
                None | Some("" | "editor") => Role::Editor,
                Some("compiler") => Role::Compiler,
                Some(t) => Role::Other(t.to_string()),
            }
        }
        "bookauthor" => Role::Other("container-author".to_string()),
        "commentator" => Role::Other("commented".to_string()),
        "annotator" => Role::Other("annotated".to_string()),
        "introduction" => Role::Other("introduced".to_string()),
        "foreword" => Role::Other("foreword".to_string()),
        "afterword" => Role::Other("afterword".to_string()),
        _ => return None,
    })
}

/// The name field a role is written to: one of its own, or (`None`) an editor field, with
/// the `editortype` it needs (`""` for none); `None` if it has none.
pub(crate) fn name_field_of_role(role: &Role) -> Option<(Option<&'static str>, &'static str)> {
    Some(match role {
        Role::Translator => (Some("translator"), ""),
        Role::Editor => (None, ""),
        Role::Compiler => (None, "compiler"),
        Role::Other(v) => match v.as_str() {
            "container-author" => (Some("bookauthor"), ""),
            "commented" => (Some("commentator"), ""),
            "annotated" => (Some("annotator"), ""),
            "introduced" => (Some("introduction"), ""),
            "foreword" => (Some("foreword"), ""),
            "afterword" => (Some("afterword"), ""),
            t => match EDITOR_TYPES.iter().find(|x| **x == t) {
                Some(x) => (None, x),
                None => return None,
            },
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Name {
        read_names(s).remove(0)
    }

    #[test]
    fn reads_name_forms() {
        assert_eq!(one("Goldberg, Gary"), Name::person("Gary", "Goldberg"));
        assert_eq!(one("Gary Goldberg"), Name::person("Gary", "Goldberg"));
        assert_eq!(
            one("{Leon Levy Foundation}"),
            Name::Organization("Leon Levy Foundation".into())
        );
        assert_eq!(one("M{\\\"u}ller, Hans").family(), "Müller");
        assert_eq!(
            one("van Beethoven, Ludwig").inverted(),
            "van Beethoven, Ludwig"
        );
        assert_eq!(
            one("King, Jr., Martin Luther").inverted(),
            "King, Martin Luther, Jr."
        );
        let l = read_names("A. Author and {Smith and Sons} and Bee, C.");
        assert_eq!(l.len(), 3);
        assert_eq!(l[1], Name::Organization("Smith and Sons".into()));
    }

    #[test]
    fn writes_and_reads_back() {
        let names = vec![
            Name::person("Gary", "Goldberg"),
            Name::Person(PersonName {
                given: "Ludwig".into(),
                particle: "van".into(),
                family: "Beethoven".into(),
                ..PersonName::default()
            }),
            Name::Person(PersonName {
                given: "Martin Luther".into(),
                family: "King".into(),
                suffix: "Jr.".into(),
                ..PersonName::default()
            }),
            Name::Organization("Smith & Sons, and Co.".into()),
            Name::person("Ch'ang-ho", "Ñuñez"),
            Name::Person(PersonName {
                family: "Kim".into(),
                ..PersonName::default()
            }),
        ];
        let mut s = String::new();
        write_names(&names, &mut s);
        assert_eq!(read_names(&s), names, "{s}");
        assert!(
            s.ends_with(" and Kim"),
            "a family name alone needs no comma: {s}"
        );
    }
}
