//! Printed dates ("December 07, 1957", "7 December 1957", "February, 1949", "circa 1958",
//! "December 5-6, 1957") to EDTF, with nom.

use super::date::{Bound, Edtf, Point, MONTH_NAMES};
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1, take_while_m_n};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{all_consuming, map_res, opt, verify};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

/// A date with its year perhaps still missing ("March 1" in "March 1 - April 2, 1960").
#[derive(Clone, Copy)]
struct Partial {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

/// Parses a printed date; `None` if the text is not one.
pub(crate) fn parse(text: &str) -> Option<Edtf> {
    let text = text.trim();
    if text.len() > 80 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let edtf_chars = |t: &str| {
        t.bytes()
            .all(|b| b.is_ascii_digit() || b"-X~?%/.".contains(&b))
    };
    // EDTF first, before a sentence's final period is trimmed: "1958/.." is an open end.
    if edtf_chars(text) {
        if let Ok(e) = text.parse::<Edtf>() {
            return Some(e);
        }
    }
    let text = text.trim_end_matches('.').trim();
    if edtf_chars(text) {
        if let Ok(e) = text.parse::<Edtf>() {
            return Some(e);
        }
    }
    let (text, approximate) = strip_circa(text);
    let (text, uncertain) = match text.strip_suffix('?') {
        Some(t) => (t.trim_end(), true),
        None => (text, false),
    };
    let text = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text);
    let qualify = |p: Point| p.with_approximate(approximate).with_uncertain(uncertain);
    if let Some(Ok(e)) = edtf_chars(text).then(|| text.parse::<Edtf>()) {
        if !approximate && !uncertain {
            return Some(e);
        }
        if let Edtf::Point(p) = e {
            return Some(Edtf::Point(qualify(p)));
        }
    }
    if let Ok((_, p)) = all_consuming(single).parse(text) {
        return Some(Edtf::Point(qualify(complete(p, None)?)));
    }
    let (_, (a, b)) = all_consuming(range).parse(text).ok()?;
    let end = complete(b, None)?;
    let start = complete(a, Some(end))?;
    if (start.year(), start.month(), start.day()) > (end.year(), end.month(), end.day()) {
        return None;
    }
    Some(Edtf::Interval(
        Bound::Point(qualify(start)),
        Bound::Point(qualify(end)),
    ))
}

fn strip_circa(text: &str) -> (&str, bool) {
    for prefix in [
        "circa ",
        "ca. ",
        "ca.",
        "ca ",
        "c. ",
        "approximately ",
        "approx. ",
        "about ",
    ] {
        if text.len() >= prefix.len()
            && text.is_char_boundary(prefix.len())
            && text[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            return (text[prefix.len()..].trim_start(), true);
        }
    }
    (text, false)
}

/// Fills a missing year (and month, for "5-6 December 1957") from the other end of a range.
fn complete(p: Partial, other: Option<Point>) -> Option<Point> {
    let year = p.year.or(other.map(|o| o.year()))?;
    let month = match (p.month, p.day) {
        (None, Some(_)) => other.and_then(|o| o.month()),
        (m, _) => m,
    };
    Point::new(year, month, p.day).ok()
}

fn year(i: &str) -> IResult<&str, i32> {
    map_res(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(i)
}

fn day(i: &str) -> IResult<&str, u8> {
    let (rest, d) = terminated(
        verify(
            map_res(
                take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
                str::parse,
            ),
            |d: &u8| (1..=31).contains(d),
        ),
        opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th")))),
    )
    .parse(i)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, d))
}

fn month(i: &str) -> IResult<&str, u8> {
    let (rest, word) = take_while1(|c: char| c.is_ascii_alphabetic()).parse(i)?;
    let m = month_number(word)
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    Ok((rest, m))
}

pub(crate) fn month_number(w: &str) -> Option<u8> {
    if w.len() < 3 {
        return None;
    }
    // compared without case and without a lower-case copy: this runs on every word tried
    if let Some(i) = MONTH_NAMES.iter().position(|n| {
        n.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w))
            && (w.len() == 3 || w.len() == n.len() || w.eq_ignore_ascii_case("sept"))
    }) {
        return Some(i as u8 + 1);
    }
    ["spring", "summer", "autumn", "winter", "fall"]
        .iter()
        .position(|s| s.eq_ignore_ascii_case(w))
        .map(|i| [21, 22, 23, 24, 23][i])
}

fn comma_sp(i: &str) -> IResult<&str, ()> {
    let (i, _) = alt((preceded(char(','), space0), space1)).parse(i)?;
    Ok((i, ()))
}

/// "December 07, 1957", "7 December 1957", "February, 1949", "1958", and the same without year.
fn single(i: &str) -> IResult<&str, Partial> {
    alt((
        // Month Day[, Year]
        |i| {
            let (i, m) = month(i)?;
            let (i, _) = space1(i)?;
            let (i, d) = day(i)?;
            let (i, y) = opt(preceded(comma_sp, year)).parse(i)?;
            Ok((
                i,
                Partial {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                },
            ))
        },
        // Day Month[,] [Year]
        |i| {
            let (i, d) = day(i)?;
            let (i, _) = space1(i)?;
            let (i, m) = month(i)?;
            let (i, y) = opt(preceded(comma_sp, year)).parse(i)?;
            Ok((
                i,
                Partial {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                },
            ))
        },
        // Month[,] Year
        |i| {
            let (i, m) = month(i)?;
            let (i, y) = preceded(comma_sp, year).parse(i)?;
            Ok((
                i,
                Partial {
                    year: Some(y),
                    month: Some(m),
                    day: None,
                },
            ))
        },
        |i| {
            let (i, y) = year(i)?;
            Ok((
                i,
                Partial {
                    year: Some(y),
                    month: None,
                    day: None,
                },
            ))
        },
    ))
    .parse(i)
}

fn dash(i: &str) -> IResult<&str, ()> {
    let (i, _) = (
        space0,
        alt((tag("-"), tag("–"), tag("—"), tag_no_case("to"))),
        space0,
    )
        .parse(i)?;
    Ok((i, ()))
}

/// "December 5-6, 1957", "5-6 December 1957", "June-July 1957", and "<single> - <single>".
fn range(i: &str) -> IResult<&str, (Partial, Partial)> {
    alt((
        |i| {
            let (i, m) = month(i)?;
            let (i, _) = space1(i)?;
            let (i, d1) = day(i)?;
            let (i, _) = dash(i)?;
            let (i, d2) = day(i)?;
            let (i, y) = preceded(comma_sp, year).parse(i)?;
            let p = |d| Partial {
                year: Some(y),
                month: Some(m),
                day: Some(d),
            };
            Ok((i, (p(d1), p(d2))))
        },
        |i| {
            let (i, d1) = day(i)?;
            let (i, _) = dash(i)?;
            let (i, d2) = day(i)?;
            let (i, _) = space1(i)?;
            let (i, m) = month(i)?;
            let (i, y) = preceded(comma_sp, year).parse(i)?;
            let p = |d| Partial {
                year: Some(y),
                month: Some(m),
                day: Some(d),
            };
            Ok((i, (p(d1), p(d2))))
        },
        |i| {
            let (i, m1) = month(i)?;
            let (i, _) = dash(i)?;
            let (i, m2) = month(i)?;
            let (i, y) = preceded(comma_sp, year).parse(i)?;
            let p = |m| Partial {
                year: Some(y),
                month: Some(m),
                day: None,
            };
            Ok((i, (p(m1), p(m2))))
        },
        |i| {
            let (i, a) = single(i)?;
            let (i, _) = dash(i)?;
            let (i, b) = single(i)?;
            Ok((i, (a, b)))
        },
    ))
    .parse(i)
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn e(s: &str) -> Option<String> {
        parse(s).map(|e| e.to_string())
    }

    #[test]
    fn printed_forms() {
        let cases = [
            ("December 07, 1957", "1957-12-07"),
            ("June 7, 1973", "1973-06-07"),
            ("7 December 1957", "1957-12-07"),
            ("February, 1949", "1949-02"),
            ("February 1946", "1946-02"),
            ("Dec. 7, 1957", "1957-12-07"),
            ("Sept. 1957", "1957-09"),
            ("1958", "1958"),
            ("1957-12-07", "1957-12-07"),
            ("circa 1958", "1958~"),
            ("ca. June 1950", "1950-06~"),
            ("1957?", "1957?"),
            ("December 5-6, 1957", "1957-12-05/1957-12-06"),
            ("5–6 December 1957", "1957-12-05/1957-12-06"),
            ("June-July 1957", "1957-06/1957-07"),
            ("1957-1958", "1957/1958"),
            ("March 1 - April 2, 1960", "1960-03-01/1960-04-02"),
            (
                "December 30, 1957 - January 2, 1958",
                "1957-12-30/1958-01-02",
            ),
            ("Spring 1957", "1957-21"),
        ];
        for (text, edtf) in cases {
            assert_eq!(e(text).as_deref(), Some(edtf), "{text}");
        }
    }

    #[test]
    fn refuses_non_dates() {
        for text in [
            "",
            "History and Public Policy",
            "February 30, 1957",
            "Mayday 1957",
            "1958-1957",
            "12",
        ] {
            assert_eq!(e(text), None, "{text}");
        }
    }
}
