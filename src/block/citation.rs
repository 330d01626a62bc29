//! The citation line: `"<Title>," <Date>, <Program> Digital Archive, <archive part>. <credits> <URL>`,
//! and the "Source" value of the new site (archive part and credits alone).

use crate::record::{clause_starts, Date, Original};
use nom::bytes::complete::{tag, take_till1};
use nom::combinator::recognize;
use nom::{IResult, Parser};
use std::borrow::Cow;

/// What a citation line holds.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Citation<'a> {
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub program: Option<&'a str>,
    pub source: Source<'a>,
}

/// The archive part, the credit sentence and the URL of a citation's tail.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Source<'a> {
    pub archive: Option<&'a str>,
    pub credits: Option<&'a str>,
    pub url: Option<Cow<'a, str>>,
}

const OPEN_QUOTES: &[char] = &['"', '“', '„', '«'];

/// `<Capitalised words> Digital Archive` followed by "," or "." or the end; returns (start, end).
fn find_program(line: &str) -> Option<(usize, usize)> {
    const NAME: &str = "Digital Archive";
    let mut from = 0;
    while let Some(i) = line[from..].find(NAME) {
        let end = from + i + NAME.len();
        let after_ok = line[end..].is_empty() || line[end..].starts_with([',', '.', ';']);
        let before = &line[..from + i];
        // walk back over capitalised words to the ", " (or closing quote) that opens the slot
        if after_ok {
            let b = before.trim_end();
            let ok = |w: &str| {
                w.chars()
                    .all(|c| c.is_alphanumeric() || "&'-.()".contains(c))
                    && (w.starts_with(char::is_uppercase) || matches!(w, "and" | "&" | "of"))
            };
            let (mut run_start, mut cursor) = (b.len(), b.len());
            loop {
                let ws = b[..cursor].rfind(' ').map_or(0, |i| i + 1);
                let w = &b[ws..cursor];
                if w.is_empty() || !ok(w) {
                    break;
                }
                run_start = ws;
                if ws == 0 {
                    break;
                }
                cursor = ws - 1;
            }
            let opener = b[..run_start].trim_end();
            if run_start < b.len() && (opener.is_empty() || opener.ends_with([',', '"', '”'])) {
                return Some((run_start, end));
            }
            if b.is_empty() {
                return Some((0, end));
            }
        }
        from = end;
    }
    None
}

/// The longest prefix of `s` that is a date and ends at ", " or at the end (or ".": no program).
fn date_prefix(s: &str) -> Option<(&str, &str)> {
    let mut ends: Vec<usize> = s.match_indices(", ").map(|(i, _)| i).collect();
    ends.push(s.len());
    if let Some(p) = s.find(". ") {
        ends.push(p);
        // an open EDTF end ("1958/..") keeps its dots: the sentence's period is one of them
        if s.get(..p + 1).is_some_and(|d| d.ends_with("/..")) {
            ends.push(p + 1);
        }
    }
    ends.sort_unstable();
    ends.into_iter()
        .rev()
        .filter(|&e| e > 0 && e <= 40)
        .find(|&e| Date::is_date_text(&s[..e]))
        .map(|e| (&s[..e], s[e..].trim_start_matches([',', '.']).trim_start()))
}

/// Quote-closing positions: `,"`, `,”`, `"`, `”`, `»` followed by a space or the end.
/// Returns (end of title text, start of what follows).
fn closings(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if !matches!(c, '"' | '”' | '“' | '»') {
            continue;
        }
        let after = i + c.len_utf8();
        if !(s[after..].is_empty() || s[after..].starts_with(' ')) {
            continue;
        }
        let title_end = if s[..i].ends_with(',') { i - 1 } else { i };
        out.push((title_end, after));
    }
    out
}

/// Reads a whole citation line (already joined onto one line).
pub(crate) fn parse_citation(line: &str) -> Citation<'_> {
    let (line, url) = split_url(line.trim());
    let mut c = parse_citation_without_url(line);
    if url.is_some() {
        c.source.url = url;
    }
    c
}

/// Splits a trailing URL (perhaps followed by a period) off `s`.
fn split_url(s: &str) -> (&str, Option<Cow<'_, str>>) {
    let i = s
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let last = s[i..].trim_end_matches('.');
    match url(last) {
        Ok(("", u)) if !u.ends_with(',') && !u.contains(['"', '“', '”']) => {
            (s[..i].trim_end(), Some(Cow::Borrowed(u)))
        }
        _ => split_wrapped_url(s),
    }
}

/// A URL hard-wrapped at the end of a citation ("http://di gitalarchive.wilsoncenter.org/
/// document/1 15780", as PDF text extraction gives it): pieces after the last `http` that can
/// only be more of the URL are joined back.
fn split_wrapped_url(s: &str) -> (&str, Option<Cow<'_, str>>) {
    let Some(at) = s
        .rmatch_indices("http")
        .map(|(k, _)| k)
        .find(|&k| k == 0 || s[..k].ends_with(char::is_whitespace))
    else {
        return (s, None);
    };
    let tail = s[at..].trim_end().trim_end_matches('.');
    let mut pieces = tail.split_whitespace();
    let first = pieces.next().unwrap_or("");
    let more = |p: &str| {
        !p.starts_with(char::is_uppercase)
            && !["and", "by", "for", "in", "at", "on", "accessed"].contains(&p)
            && p.chars().all(|c| {
                c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '[' | ']' | '(' | ')')
            })
    };
    if !matches!(url(first), Ok(("", _))) || !pieces.clone().all(more) {
        return (s, None);
    }
    let joined: String = tail.split_whitespace().collect();
    (s[..at].trim_end(), Some(Cow::Owned(joined)))
}

fn parse_citation_without_url(line: &str) -> Citation<'_> {
    let program = find_program(line);
    let quoted = line.starts_with(OPEN_QUOTES);
    // the head is everything before the program slot, the rest follows it
    let (head, rest) = match program {
        Some((start, end)) => (
            line[..start].trim_end().trim_end_matches(',').trim_end(),
            line[end..].trim_start_matches([',', '.', ';']).trim_start(),
        ),
        None => (line, ""),
    };
    let mut c = Citation {
        program: program.map(|(s, e)| &line[s..e]),
        ..Citation::default()
    };
    let after_title: &str;
    if quoted {
        let open_len = line.chars().next().map_or(1, char::len_utf8);
        let body = &head[open_len.min(head.len())..];
        let candidates = closings(body);
        // the closing quote is the first one followed by a date or by the program slot
        let pick = candidates
            .iter()
            .find(|&&(_, next)| {
                let rest = body[next..].trim_start();
                rest.is_empty() && program.is_some() || date_prefix(rest).is_some()
            })
            .or_else(|| {
                candidates
                    .iter()
                    .find(|&&(end, next)| body[end..next].starts_with(','))
            })
            .or(candidates.last())
            .copied();
        match pick {
            Some((title_end, next)) => {
                c.title = Some(body[..title_end].trim());
                after_title = body[next..].trim_start();
            }
            None => {
                c.title = Some(body.trim_end_matches(['"', '”']).trim());
                after_title = "";
            }
        }
    } else {
        // no quotes: the date is the longest date-shaped suffix of the head
        let mut split = None;
        for (i, _) in head.match_indices(", ") {
            if Date::is_date_text(&head[i + 2..]) {
                split = Some(i);
                break;
            }
        }
        match split {
            Some(i) => {
                c.title = Some(head[..i].trim());
                after_title = &head[i + 2..];
            }
            None if program.is_some() => {
                c.title = Some(head);
                after_title = "";
            }
            None => {
                c.source = parse_source(line);
                return c;
            }
        }
    }
    let tail;
    if program.is_some() {
        c.date = (!after_title.is_empty()).then_some(after_title.trim_end_matches(',').trim());
        tail = rest;
    } else {
        match date_prefix(after_title) {
            Some((d, t)) => {
                c.date = Some(d);
                tail = t;
            }
            None => tail = after_title,
        }
    }
    c.source = parse_source(tail);
    c
}

/// A URL token: `http://` or `https://` and what follows up to whitespace.
fn url(i: &str) -> IResult<&str, &str> {
    recognize((
        nom::branch::alt((tag("https://"), tag("http://"))),
        take_till1(char::is_whitespace),
    ))
    .parse(i)
}

/// Splits a citation's tail (or a new-site Source value) into archive part, credits and URL.
pub(crate) fn parse_source(tail: &str) -> Source<'_> {
    let (tail, url_found) = split_url(tail.trim());
    let starts = clause_starts(tail);
    let credit_start = starts.iter().find(|&&(start, sep)| {
        let boundary = start == 0
            || tail[..sep].ends_with('.')
            || tail[sep..].starts_with(['.', ';'])
            || tail[..start].trim_end().ends_with(['.', ';']);
        boundary && !crate::record::looks_published(&tail[start..])
    });
    let (archive, credits) = match credit_start {
        Some(&(start, sep)) => {
            let sep = if tail[..start].trim_end().ends_with(['.', ';']) && sep >= start {
                tail[..start].trim_end().len() - 1
            } else {
                sep
            };
            (&tail[..sep.min(start)], Some(tail[start..].trim()))
        }
        None => (tail, None),
    };
    let archive = archive.trim().trim_end_matches([';', ',']).trim();
    Source {
        archive: (!archive.is_empty() && archive != ".").then_some(archive),
        credits: credits.filter(|c| !c.is_empty()),
        url: url_found,
    }
}

/// Keeps `Original::parse` reachable for the reader with the same trimming rules.
pub(crate) fn original(archive: Option<&str>) -> Option<Original> {
    archive.map(Original::parse).filter(|o| !o.raw().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_line() {
        let c = parse_citation("\"Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957,\" December 07, 1957, History and Public Policy Program Digital Archive, AVPRF F. 0102, Op. 13, Delo 5. Translated for NKIDP by Gary Goldberg.");
        assert_eq!(
            c.title,
            Some("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957")
        );
        assert_eq!(c.date, Some("December 07, 1957"));
        assert_eq!(
            c.program,
            Some("History and Public Policy Program Digital Archive")
        );
        assert_eq!(c.source.archive, Some("AVPRF F. 0102, Op. 13, Delo 5"));
        assert_eq!(
            c.source.credits,
            Some("Translated for NKIDP by Gary Goldberg.")
        );
    }

    #[test]
    fn variations() {
        // curly quotes, URL, lower-case credit after ";", no final period
        let c = parse_citation("“Title, with commas; and ‘quotes’ [sic],” February, 1949, History and Public Policy Program Digital Archive, RGANI, f. 5, op. 49, d. 131; translated by Gary Goldberg http://digitalarchive.wilsoncenter.org/document/1");
        assert_eq!(c.title, Some("Title, with commas; and ‘quotes’ [sic]"));
        assert_eq!(c.date, Some("February, 1949"));
        assert_eq!(c.source.archive, Some("RGANI, f. 5, op. 49, d. 131"));
        assert_eq!(c.source.credits, Some("translated by Gary Goldberg"));
        assert_eq!(
            c.source.url.as_deref(),
            Some("http://digitalarchive.wilsoncenter.org/document/1")
        );
        // a URL hard-wrapped by PDF text extraction, even mid-word
        let c = parse_citation("“T,” May 1, 1962, History and Public Policy Program Digital Archive, AMSZ. Translated by X Y (Troy University). http://di gitalarchive.wilsoncenter.org/ document/1 15780");
        assert_eq!(
            c.source.credits,
            Some("Translated by X Y (Troy University).")
        );
        assert_eq!(
            c.source.url.as_deref(),
            Some("http://digitalarchive.wilsoncenter.org/document/115780")
        );
        // but not text after a URL
        let c = parse_citation("“T,” May 1, 1962, History and Public Policy Program Digital Archive, AMSZ http://x.org/1 Translated by X Y.");
        assert_eq!(c.source.url, None);
        // lost quotes
        let c = parse_citation("Telegram from Polish Embassy in Washington (Drozniak), 3 November 1962, November 03, 1962, History and Public Policy Program Digital Archive, AMSZ. Translated by X Y.");
        assert_eq!(
            c.title,
            Some("Telegram from Polish Embassy in Washington (Drozniak), 3 November 1962")
        );
        assert_eq!(c.date, Some("November 03, 1962"));
        // a title ending with a period, no date
        let c = parse_citation("\"Note by Jarck.,\" History and Public Policy Program Digital Archive, Translated by A B.");
        assert_eq!(c.title, Some("Note by Jarck."));
        assert_eq!(c.date, None);
        assert_eq!(c.source.archive, None);
        assert_eq!(c.source.credits, Some("Translated by A B."));
        // a published book whose own "Translated by" is not the credit
        let s = parse_source("Milovan Djilas. Wartime. Translated by Michael B. Petrovich. (New York: Harcourt Brace Jovanovich, 1977), 385-387.");
        assert_eq!(s.credits, None);
        assert!(s.archive.unwrap().ends_with("385-387."));
    }
}
