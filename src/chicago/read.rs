//! The three forms, read back.

use super::date::{read_date, read_sentence_date};
use super::{is_digital_archive, keeps_period, Form};
use crate::error::{Error, Position, Result};
use crate::record::{Credit, DigitalArchive, Name, Original, PersonName, Record, Role};

const OPEN: char = '\u{201c}';
const CLOSE: char = '\u{201d}';

/// The text being read, for error positions.
struct Input<'a> {
    all: &'a str,
}

impl<'a> Input<'a> {
    fn err(&self, part: &str, expected: &str) -> Error {
        Error::syntax(
            "chicago",
            Position::of_slice(self.all, part),
            expected,
            part,
        )
    }
}

/// The closing quote: byte offset of the title's end (before any punctuation that is not the
/// title's), the punctuation before `”`, and the offset just after `”`.
struct Close {
    inner_end: usize,
    punct: char,
    after: usize,
}

/// Finds the title's closing quote: the last `,” ` (notes), or the last `.”`/`?”`/`!”` followed
/// by a space or the end.
fn find_close(s: &str, from: usize, form: Form) -> Option<Close> {
    let mut best: Option<Close> = None;
    let mut best_rank = 0;
    let body = s.get(from..)?;
    for (i, _) in body.match_indices(CLOSE) {
        let at = from + i;
        let after = at + CLOSE.len_utf8();
        let next = s[after..].chars().next();
        let Some(punct) = s[from..at].chars().next_back() else {
            continue;
        };
        let at_end = next.is_none();
        let spaced = next == Some(' ');
        let rank = match (form, punct) {
            (Form::Bibliography, '.' | '?' | '!') if spaced || at_end => 1,
            (Form::Bibliography, _) => 0,
            (_, ',') if spaced => 2,
            (_, '?' | '!') if spaced || at_end => 2,
            (_, '.') if at_end => 2,
            _ => 0,
        };
        if rank > 0 && rank >= best_rank {
            best_rank = rank;
            best = Some(Close {
                inner_end: at - punct.len_utf8(),
                punct,
                after,
            });
        }
    }
    best
}

/// Splits a complete list of names: "A", "A and B", "A, B, and C", "A et al.", "A, B, C, et al.".
fn split_names(list: &str) -> Vec<&str> {
    let list = list
        .strip_suffix(", et al.")
        .or_else(|| list.strip_suffix(" et al."))
        .unwrap_or(list);
    if list.contains(", ") {
        let mut v: Vec<&str> = list.split(", ").collect();
        if let Some(last) = v.last_mut() {
            *last = last.strip_prefix("and ").unwrap_or(last);
        }
        v
    } else if let Some((a, b)) = list.split_once(" and ") {
        vec![a, b]
    } else {
        vec![list]
    }
}

/// A name in a list is not empty and does not end or start with the list's comma.
fn list_name(text: &str, name: &Name) -> bool {
    let t = text.trim();
    !t.starts_with(',') && !t.ends_with(',') && !name.to_string().is_empty()
}

fn name_like(s: &str) -> bool {
    !s.is_empty()
        && s.trim() == s
        && s.starts_with(char::is_uppercase)
        && !s
            .chars()
            .any(|c| c.is_ascii_digit() || c == OPEN || c == CLOSE)
}

/// Reads a list of names at the start of a note element ("Gary Goldberg, December 7, 1957"):
/// the names and the rest (empty or starting with ", ").
fn take_names(s: &str) -> (Vec<&str>, &str) {
    let segs: Vec<&str> = s.split(", ").collect();
    let first = segs.first().copied().unwrap_or("");
    let after = |k: usize| -> &str {
        let used: usize = segs.iter().take(k + 1).map(|x| x.len()).sum::<usize>() + 2 * k;
        s.get(used..).unwrap_or("")
    };
    if let Some(name) = first.strip_suffix(" et al.") {
        // "A and B et al." is never written, but reads as the two names "A and B" would
        if let Some((a, b)) = name.split_once(" and ") {
            return (vec![a, b], after(0));
        }
        return (vec![name], after(0));
    }
    if let Some((a, b)) = first.split_once(" and ") {
        return (vec![a, b], after(0));
    }
    for (k, seg) in segs.iter().enumerate().skip(1) {
        let last = seg.strip_prefix("and ");
        let et = *seg == "et al.";
        if last.is_none() && !et {
            if !name_like(seg) {
                break;
            }
            continue;
        }
        if k < 2 || !segs[..k].iter().all(|x| name_like(x)) || last.is_some_and(|l| !name_like(l)) {
            break;
        }
        let mut names: Vec<&str> = segs[..k].to_vec();
        if let Some(l) = last {
            names.push(l);
        }
        return (names, after(k));
    }
    (vec![first], after(0))
}

/// A name in running text ("A. M. Puzanov") as a record name. A name never ends in "et al.":
/// the string cannot tell "X et al." (one name) from "X" and others, so the suffix is the list's.
fn running(text: &str) -> Name {
    Name::parse(without_et_al(text))
}

/// `text` without trailing " et al." (repeated), unless nothing would be left.
fn without_et_al(text: &str) -> &str {
    let mut text = text.trim_end();
    while let Some(t) = text.strip_suffix(" et al.").map(str::trim_end) {
        if t.is_empty() {
            break;
        }
        text = t;
    }
    text
}

/// A bibliography's first author, inverted ("Puzanov, A. M.", "King, Martin Luther, Jr."), back
/// to running text.
fn uninvert(segs: &[&str]) -> Option<String> {
    use crate::record::SUFFIXES;
    match segs {
        [family, suffix] if SUFFIXES.contains(suffix) => Some(format!("{family} {suffix}")),
        [family, given] => Some(format!("{given} {family}")),
        [family, given, suffix] if SUFFIXES.contains(suffix) => {
            Some(format!("{given} {family} {suffix}"))
        }
        _ => None,
    }
}

/// The bibliography's author list: the first name inverted, the others in running order.
fn bibliography_names(list: &str) -> Vec<Name> {
    let list = list
        .strip_suffix(", et al.")
        .or_else(|| list.strip_suffix(" et al."))
        .unwrap_or(list);
    let segs: Vec<&str> = list.split(", ").collect();
    let several = segs.iter().any(|s| s.starts_with("and "));
    let (head, tail): (&[&str], &[&str]) = if !several {
        (&segs[..], &[][..])
    } else {
        // "Family, Given, and B" or "Family, Given, B, and C" or "Org, B, and C".
        let first_inverted = segs.len() >= 3
            && !segs[1].starts_with("and ")
            && uninvert(&segs[..2])
                .is_some_and(|r| super::write::inverted(&running(&r)) == segs[..2].join(", "));
        segs.split_at(if first_inverted { 2 } else { 1 })
    };
    let mut out = Vec::new();
    let whole = head.join(", ");
    match uninvert(head) {
        Some(r) if matches!(running(&r), Name::Person(_)) => out.push(running(&r)),
        _ => out.push(running(&whole)),
    }
    for t in tail {
        out.push(running(t.strip_prefix("and ").unwrap_or(t)));
    }
    out
}

/// A short note's name ("Puzanov", "van Beethoven", "Leon Levy Foundation").
fn short_name(text: &str) -> Name {
    let text = without_et_al(text);
    match Name::parse(text) {
        Name::Organization(o) => Name::Organization(o),
        Name::Person(_) => Name::Person(PersonName {
            family: text.to_string(),
            ..PersonName::default()
        }),
    }
}

/// The shelfmark element as the record's original; none if nothing of it is left, or only
/// periods (the writer prints no element for an empty shelfmark, and the note's own period
/// merges with a shelfmark of periods, so reading either back would not be stable).
fn shelfmark(text: &str) -> Option<Original> {
    Some(Original::parse(text)).filter(|o| !o.raw().trim().chars().all(|c| c == '.'))
}

/// Strips the element's closing periods ("X.." too: the writer adds none after an element
/// that ends with a period) and gives one back if it belongs to the element (an abbreviation).
fn unperiod(element: &str, name: bool) -> &str {
    let bare = element.trim_end_matches('.');
    match element.get(..bare.len() + 1) {
        Some(one) if keeps_period(one, name) => one,
        _ => bare,
    }
}

fn is_url(s: &str) -> bool {
    (s.starts_with("http://") || s.starts_with("https://")) && !s.contains(char::is_whitespace)
}

/// What a string carries, collected.
#[derive(Default)]
struct Fields {
    editors: Vec<Name>,
    translators: Vec<Name>,
}

impl Fields {
    fn into_credits(self) -> Vec<Credit> {
        let mut v: Vec<Credit> = self
            .editors
            .into_iter()
            .map(|n| Credit::new(Role::Editor, n))
            .collect();
        v.extend(
            self.translators
                .into_iter()
                .map(|n| Credit::new(Role::Translator, n)),
        );
        v
    }
}

/// Parses a rendered string.
/// Reads a note (any form). The record is given only if the note it writes (default style)
/// reads back as a record that then stays the same however often it is written and read:
/// otherwise two of its elements cannot be told apart (names running into a shelfmark that
/// looks like more names …) and the note gets an error at the first element after the title,
/// rather than a record that changes on every pass.
pub(crate) fn parse(input: &str, form: Form) -> Result<Record> {
    // a hand-written note is read as the Manual writes it ("trans. by X" even when it would
    // read as a translator "by X"); if that fails too, the error is the one for the note as given
    let may_say_by = form != Form::Bibliography
        && ["translated by ", "Translated by ", "trans. by "]
            .iter()
            .any(|w| input.contains(w));
    let mut given = None;
    if !may_say_by {
        // the common case: a note as the Manual writes it reads as it is
        match settled(input, form) {
            Ok(r) => return Ok(r),
            Err(e) => given = Some(Err(e)),
        }
    }
    let (fixed, accessed, by) = as_written(input, form);
    if !by && given.is_none() {
        given = Some(settled(input, form));
        if let Some(Ok(r)) = given {
            return Ok(r);
        }
    }
    if fixed == input.trim() && accessed.is_none() {
        return given.unwrap_or_else(|| settled(input, form));
    }
    match settled(&fixed, form) {
        Ok(mut r) => {
            r.extra.extend(accessed.map(|value| crate::record::Extra {
                label: "accessed".into(),
                value,
            }));
            Ok(r)
        }
        Err(_) => given.unwrap_or_else(|| settled(input, form)),
    }
}

/// What people write by hand, turned into the Manual's form: line breaks, a note number ("1. "), straight
/// quotes, the comma or period outside the closing quote, "translated by" in a note, "trans.
/// by", no final period. An access date (", accessed March 3, 2024") is taken out and returned,
/// and whether the fixed text is to be preferred even where the text as given reads ("by" in a
/// translator's credit would otherwise read as a given name).
fn as_written(input: &str, form: Form) -> (String, Option<String>, bool) {
    // line breaks and runs of spaces (a note pasted from a PDF) are one space
    let mut s = input.split_whitespace().collect::<Vec<_>>().join(" ");
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && form != Form::Bibliography && s[digits..].starts_with(". ") {
        s.drain(..digits + 2);
    }
    if !s.contains(OPEN) && s.matches('"').count() >= 2 {
        // the first straight quote opens the title, the last one before the tail closes it
        if let Some(k) = s.find('"') {
            s.replace_range(k..k + 1, &OPEN.to_string());
        }
        let closes = [",\" ", ".\" ", "?\" ", "!\" ", "\", ", "\". "];
        let at_end = [".\"", "?\"", "!\""]
            .iter()
            .any(|p| s.ends_with(p))
            .then(|| s.len() - 1);
        if let Some(k) = closes
            .iter()
            .filter_map(|p| s.rfind(p).map(|k| k + p.find('"').unwrap_or(0)))
            .chain(at_end)
            .max()
        {
            s.replace_range(k..k + 1, &CLOSE.to_string());
        }
    }
    let (wrong, right) = match form {
        Form::Bibliography => ("\u{201d}. ", ".\u{201d} "),
        _ => ("\u{201d}, ", ",\u{201d} "),
    };
    if !s.contains(right) {
        s = s.replacen(wrong, right, 1);
    }
    let mut by = false;
    if form != Form::Bibliography {
        // after the title only: its text is never touched
        let cut = s.rfind(CLOSE).map_or(0, |k| k + CLOSE.len_utf8());
        // an element of its own: right after the title or after ", " (not "obtained and
        // translated by" inside a shelfmark)
        let mut tail = format!(",{}", &s[cut..]);
        for wrong in ["translated by ", "Translated by ", "trans. by "] {
            let w = format!(", {wrong}");
            // to a fixpoint: "trans. by by X" must not leave a translator "by X"
            while tail.contains(&w) {
                by = true;
                tail = tail.replace(&w, ", trans. ");
            }
        }
        let tail = &tail[1..];
        s.replace_range(cut.., tail);
    }
    let mut accessed = None;
    for lead in [", accessed ", ". Accessed "] {
        if let Some(k) = s.find(lead) {
            let after = &s[k + lead.len()..];
            if let Some((rest, _)) = super::date::read_date(after) {
                accessed = Some(after[..after.len() - rest.len()].to_string());
                s = format!("{}{}", &s[..k], rest);
            }
        }
    }
    // a final period, unless the text ends with an initial, whose period it would become
    let initial = s
        .rsplit([' ', '.'])
        .next()
        .is_some_and(|w| w.chars().count() == 1 && w.chars().all(char::is_uppercase));
    if !s.ends_with(['.', '?', '!']) && !initial {
        s.push('.');
    }
    (s, accessed, by)
}

fn settled(input: &str, form: Form) -> Result<Record> {
    let r = parse_once(input, form)?;
    let style = super::Style::default();
    let write = |r: &Record| match form {
        Form::Note => super::write::note(r, &style),
        Form::ShortNote => super::write::short_note(r, &style),
        Form::Bibliography => super::write::bibliography(r, &style),
    };
    let settled = parse_once(&write(&r), form)
        .is_ok_and(|once| parse_once(&write(&once), form).is_ok_and(|twice| twice == once));
    if settled {
        return Ok(r);
    }
    let inp = Input { all: input };
    let s = input.trim();
    let at = s.find(CLOSE).map_or(s, |i| &s[i + CLOSE.len_utf8()..]);
    Err(inp.err(
        at.trim_start(),
        "elements that can be told apart (written again, this note does not read back stably)",
    ))
}

fn parse_once(input: &str, form: Form) -> Result<Record> {
    let inp = Input { all: input };
    let s = input.trim();
    let Some(open) = s.find(OPEN) else {
        return Err(inp.err(s, "an opening \u{201c} before the title"));
    };
    let from = open + OPEN.len_utf8();
    let Some(close) = find_close(s, from, form) else {
        let expected = match form {
            Form::Bibliography => "the title's closing .\u{201d}",
            _ => "the title's closing ,\u{201d} or .\u{201d}",
        };
        return Err(inp.err(&s[from..], expected));
    };
    let inner = s.get(from..close.inner_end).unwrap_or("");
    let title = match close.punct {
        ',' => inner.to_string(),
        '.' => unperiod(
            s.get(from..close.after - CLOSE.len_utf8()).unwrap_or(""),
            false,
        )
        .to_string(),
        _ => s
            .get(from..close.after - CLOSE.len_utf8())
            .unwrap_or("")
            .to_string(),
    };
    let head = &s[..open];
    let tail_start = if s[close.after..].starts_with(' ') {
        close.after + 1
    } else {
        close.after
    };
    let tail = &s[tail_start..];
    let mut r = Record::new(title);
    // The names before the title.
    if !head.is_empty() {
        match form {
            Form::Note | Form::ShortNote => {
                let Some(list) = head.strip_suffix(", ") else {
                    return Err(inp.err(head, "names followed by \", \" before the title"));
                };
                for n in split_names(list) {
                    let name = match form {
                        Form::ShortNote => short_name(n),
                        _ => running(n),
                    };
                    if !list_name(n, &name) {
                        return Err(inp.err(n, "a name"));
                    }
                    r.authors.push(name);
                }
            }
            Form::Bibliography => {
                let Some(list) = head.strip_suffix(' ') else {
                    return Err(inp.err(head, "names followed by \". \" before the title"));
                };
                if !list.ends_with('.') {
                    return Err(inp.err(list, "names ending with a period"));
                }
                r.authors = bibliography_names(unperiod(list, true));
            }
        }
    }
    match form {
        Form::Note => note_tail(&inp, tail, close.punct, &mut r)?,
        Form::ShortNote => short_tail(&inp, tail, close.punct, &mut r)?,
        Form::Bibliography => bibliography_tail(&inp, tail, &mut r)?,
    }
    Ok(r)
}

fn short_tail(inp: &Input<'_>, tail: &str, punct: char, r: &mut Record) -> Result<()> {
    if tail.is_empty() {
        if punct == ',' {
            return Err(inp.err(tail, "a date after the title"));
        }
        return Ok(());
    }
    let body = tail.strip_suffix('.').unwrap_or(tail);
    match read_date(body) {
        Some(("", d)) if body.len() < tail.len() || body.ends_with('?') => {
            r.date = Some(d);
            Ok(())
        }
        _ => Err(inp.err(tail, "a date and a final period")),
    }
}

/// The last element read, for the final period.
enum Last {
    None,
    Names,
    Date,
    Shelfmark,
    Archive,
    Url,
}

fn note_tail(inp: &Input<'_>, tail: &str, punct: char, r: &mut Record) -> Result<()> {
    if tail.is_empty() {
        if punct == ',' {
            return Err(inp.err(tail, "the elements after the title and a final period"));
        }
        return Ok(());
    }
    if punct != ',' && punct != '?' && punct != '!' {
        return Err(inp.err(tail, "the end of the note after the title"));
    }
    let (body, period) = match tail.strip_suffix('.') {
        // "et al." keeps its period: the note's own was absorbed.
        // (the name before it still gets an abbreviation's period: "K et al." is "K.")
        Some(_) if tail.ends_with(" et al.") => (tail, true),
        // all the final periods: the last element's own (one is given back by
        // `restore_period` where it belongs to the element) and the note's
        Some(_) => (
            tail.trim_end_matches(|c: char| c == '.' || c.is_whitespace()),
            true,
        ),
        None if tail.ends_with(['?', '!']) => (tail, false),
        None => return Err(inp.err(&tail[tail.len()..], "a final period")),
    };
    let mut f = Fields::default();
    let mut rest = body.trim_start();
    let mut last = Last::None;
    loop {
        let (eds, trs, after) = if let Some(x) = rest.strip_prefix("ed. and trans. ") {
            (true, true, x)
        } else if let Some(x) = rest.strip_prefix("ed. ") {
            (true, false, x)
        } else if let Some(x) = rest.strip_prefix("trans. ") {
            (false, true, x)
        } else {
            break;
        };
        // the names are read as the writer spaces them, so that reading is stable
        let (names, next) = take_names(after.trim_start());
        if names.iter().any(|n| n.trim().is_empty()) {
            // "trans. , …" names no one: not a credit but the start of the shelfmark
            break;
        }
        let names: Vec<Name> = names.into_iter().map(running).collect();
        if eds {
            f.editors = names.clone();
        }
        if trs {
            f.translators = names;
        }
        last = Last::Names;
        rest = next.strip_prefix(", ").unwrap_or(next).trim_start();
        if next.is_empty() {
            break;
        }
    }
    // the shelfmark is read trimmed, so the date before it is too
    rest = rest.trim_start();
    if let Some((after, d)) = read_date(rest) {
        if after.is_empty() || after.starts_with(", ") {
            r.date = Some(d);
            last = Last::Date;
            rest = after.strip_prefix(", ").unwrap_or(after);
        }
    }
    let mut shelf = rest;
    if let Some((a, b)) = split_last(shelf, ", ") {
        if is_url(b) {
            r.digital.url = Some(b.to_string());
            last = Last::Url;
            shelf = a;
        }
    }
    if let Some((a, b)) = split_last(shelf, ", ") {
        if is_digital_archive(b) {
            r.digital.name = Some(b.to_string());
            if matches!(last, Last::None | Last::Date | Last::Names) {
                last = Last::Archive;
            }
            shelf = a;
        }
    }
    if !shelf.is_empty() {
        if matches!(last, Last::None | Last::Date | Last::Names) {
            last = Last::Shelfmark;
        }
        r.original = shelfmark(shelf);
    }
    if period {
        restore_period(r, &mut f, last);
    }
    r.credits = f.into_credits();
    r.digital.doc_id = r
        .digital
        .url
        .as_deref()
        .and_then(DigitalArchive::id_from_url);
    Ok(())
}

/// Splits at the last `sep`; the whole text is the last part if there is no `sep`.
fn split_last<'a>(s: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    if s.is_empty() {
        return None;
    }
    Some(s.rsplit_once(sep).unwrap_or(("", s)))
}

/// Splits a bibliography's elements at the last ". " (the period dropped), "? " or "! " (the
/// mark kept with the element before).
fn split_last_element(s: &str) -> Option<(&str, &str)> {
    if s.is_empty() {
        return None;
    }
    let at = [". ", "? ", "! "]
        .into_iter()
        .filter_map(|sep| s.rfind(sep))
        .max();
    Some(match at {
        None => ("", s),
        Some(i) if s[i..].starts_with('.') => (&s[..i], &s[i + 2..]),
        Some(i) => (&s[..i + 1], &s[i + 2..]),
    })
}

/// Gives the last element back the period the note's end absorbed, where it was its own.
fn restore_period(r: &mut Record, f: &mut Fields, last: Last) {
    let fix = |s: &str, name: bool| {
        let with = format!("{s}.");
        keeps_period(&with, name).then_some(with)
    };
    match last {
        Last::Names => {
            let combined = f.editors == f.translators;
            let list = if f.translators.is_empty() {
                &mut f.editors
            } else {
                &mut f.translators
            };
            if let Some(n) = list.last_mut() {
                // "X. et al." gives back "X.", whose own period was trimmed as the note's:
                // read what is left as the note's end again, until no marker is stripped
                let mut s = n.to_string();
                let mut stripped = false;
                while let Some(w) = fix(&s, true) {
                    let name = without_et_al(&w);
                    if name == w {
                        s = w;
                        break;
                    }
                    stripped = true;
                    s = name
                        .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
                        .to_string();
                }
                if stripped || s != n.to_string() {
                    *n = Name::parse(&s);
                }
            }
            if combined {
                f.editors = f.translators.clone();
            }
        }
        Last::Shelfmark => {
            if let Some(w) = r.shelfmark().and_then(|s| fix(s, false)) {
                r.original = shelfmark(&w);
            }
        }
        Last::Archive => {
            if let Some(w) = r.digital.name.as_deref().and_then(|s| fix(s, false)) {
                r.digital.name = Some(w);
            }
        }
        Last::Url => {
            if let Some(w) = r.digital.url.as_deref().and_then(|s| fix(s, false)) {
                r.digital.url = Some(w);
            }
        }
        Last::None | Last::Date => {}
    }
}

/// The end of a bibliography element that starts `s`: the offset of its closing period (or of
/// the end, for an element closed by "?"/"!" or by an abbreviation's period), and where the
/// next element starts.
fn element_end(s: &str, name: bool) -> (usize, usize) {
    let mut i = 0;
    while let Some(k) = s[i..].find(['.', '?', '!']) {
        let at = i + k;
        let c_len = 1;
        let after = at + c_len;
        let next = &s[after..];
        if next.is_empty() || next.starts_with(' ') {
            let piece = &s[..after];
            let own = s[at..].starts_with(['?', '!']) || keeps_period(piece, name);
            if !own {
                return (at, (after + 1).min(s.len()));
            }
            if next.is_empty() {
                return (after, after);
            }
        }
        i = after;
    }
    (s.len(), s.len())
}

fn bibliography_tail(inp: &Input<'_>, tail: &str, r: &mut Record) -> Result<()> {
    let mut rest = tail;
    let mut f = Fields::default();
    loop {
        let (eds, trs, after) = if let Some(x) = rest.strip_prefix("Edited and translated by ") {
            (true, true, x)
        } else if let Some(x) = rest.strip_prefix("Edited by ") {
            (true, false, x)
        } else if let Some(x) = rest.strip_prefix("Translated by ") {
            (false, true, x)
        } else {
            break;
        };
        let (end, next) = element_end(after, true);
        let mut names = Vec::new();
        for n in split_names(&after[..end]) {
            let name = running(n);
            if !list_name(n, &name) {
                return Err(inp.err(n, "a name"));
            }
            names.push(name);
        }
        if eds {
            f.editors = names.clone();
        }
        if trs {
            f.translators = names;
        }
        rest = &after[next..];
    }
    if let Some((after, d)) = read_sentence_date(rest) {
        let next = if after == "." {
            Some("")
        } else if let Some(a) = after.strip_prefix(". ") {
            Some(a)
        } else if rest[..rest.len() - after.len()].ends_with('?')
            && (after.is_empty() || after.starts_with(' '))
        {
            Some(after.strip_prefix(' ').unwrap_or(after))
        } else {
            None
        };
        if let Some(n) = next {
            r.date = Some(d);
            rest = n;
        }
    }
    if !rest.is_empty() {
        let (body, period) = if rest.ends_with(['?', '!']) {
            (rest, false)
        } else if let Some(b) = rest.strip_suffix('.') {
            (b, true)
        } else {
            return Err(inp.err(&rest[rest.len()..], "a final period"));
        };
        // Elements separated by ". " (or by " " after one that ends with its own period):
        // peel the URL and the digital archive off the end; the rest is the shelfmark.
        let fix = |piece: &str, last: bool| -> String {
            let with = format!("{piece}.");
            if (!last || period) && keeps_period(&with, false) {
                with
            } else {
                piece.to_string()
            }
        };
        let mut shelf = body;
        if let Some((a, b)) = split_last_element(shelf) {
            if is_url(b) {
                r.digital.url = Some(fix(b, shelf.len() == body.len()));
                shelf = a;
            }
        }
        if let Some((a, b)) = split_last_element(shelf) {
            if is_digital_archive(b) {
                r.digital.name = Some(fix(b, shelf.len() == body.len()));
                shelf = a;
            }
        }
        if !shelf.is_empty() {
            r.original = shelfmark(&fix(shelf, shelf.len() == body.len()));
        }
    }
    r.credits = f.into_credits();
    r.digital.doc_id = r
        .digital
        .url
        .as_deref()
        .and_then(DigitalArchive::id_from_url);
    Ok(())
}
