//! Dates the way the Manual writes them ("December 7, 1957", "February 1949", "ca. 1958",
//! "1957?", "December 5–6, 1957", "1950s") and back to EDTF.

use crate::record::{month_name, Bound, Date, Edtf, Point, Precision};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::combinator::{map_res, opt};
use nom::{IResult, Parser};
use std::fmt::Write as _;

const DASH: &str = "\u{2013}";

/// Writes `date` in the Manual's form; returns false (writing nothing) for an interval with no
/// known end, which the Manual has no form for.
pub(crate) fn write_date(out: &mut String, date: &Date) -> bool {
    match *date.edtf() {
        Edtf::Point(p) => write_point(out, p),
        Edtf::Interval(Bound::Point(a), Bound::Point(b)) => write_interval(out, a, b),
        Edtf::Interval(Bound::Open, Bound::Point(b)) => {
            out.push_str("until ");
            write_point(out, b);
        }
        Edtf::Interval(Bound::Unknown, Bound::Point(b)) => {
            out.push('?');
            out.push_str(DASH);
            write_point(out, b);
        }
        Edtf::Interval(Bound::Point(a), Bound::Open) => {
            write_point(out, a);
            out.push_str(DASH);
        }
        Edtf::Interval(Bound::Point(a), Bound::Unknown) => {
            write_point(out, a);
            out.push_str(DASH);
            out.push('?');
        }
        Edtf::Interval(..) => return false,
    }
    true
}

/// True if the date has a printable form (see [`write_date`]).
pub(crate) fn printable(date: &Date) -> bool {
    date.edtf().first().is_some()
}

fn plain(p: Point) -> bool {
    !p.approximate() && !p.uncertain()
}

fn write_interval(out: &mut String, a: Point, b: Point) {
    let both_plain = plain(a) && plain(b) && a.year() > 0 && a.year() == b.year();
    match (
        a.precision(),
        b.precision(),
        a.month(),
        b.month(),
        a.day(),
        b.day(),
    ) {
        (Precision::Day, Precision::Day, Some(ma), Some(mb), Some(da), Some(db)) if both_plain => {
            let _ = write!(out, "{} {da}{DASH}", month_name(ma));
            if ma != mb {
                let _ = write!(out, "{} ", month_name(mb));
            }
            let _ = write!(out, "{db}, {}", a.year());
        }
        (Precision::Month, Precision::Month, Some(ma), Some(mb), ..) if both_plain => {
            let _ = write!(
                out,
                "{}{DASH}{} {}",
                month_name(ma),
                month_name(mb),
                a.year()
            );
        }
        _ => {
            write_point(out, a);
            out.push_str(DASH);
            write_point(out, b);
        }
    }
}

fn write_year(out: &mut String, year: i32) {
    if year <= 0 {
        let _ = write!(out, "{} BCE", 1 - i64::from(year));
    } else {
        let _ = write!(out, "{year}");
    }
}

const ORDINALS: [&str; 21] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
];

fn write_point(out: &mut String, p: Point) {
    if p.approximate() {
        out.push_str("ca. ");
    }
    match (p.precision(), p.month(), p.day()) {
        (Precision::Century, ..) => {
            let n = p.year() / 100 + 1;
            match usize::try_from(n - 1).ok().and_then(|i| ORDINALS.get(i)) {
                Some(word) => out.push_str(word),
                None => {
                    let suffix = match (n % 10, n % 100) {
                        (1, r) if r != 11 => "st",
                        (2, r) if r != 12 => "nd",
                        (3, r) if r != 13 => "rd",
                        _ => "th",
                    };
                    let _ = write!(out, "{n}{suffix}");
                }
            }
            out.push_str(" century");
        }
        (Precision::Decade, ..) => {
            let _ = write!(out, "{}s", p.year());
        }
        (Precision::Day, Some(m), Some(d)) => {
            let _ = write!(out, "{} {d}, ", month_name(m));
            write_year(out, p.year());
        }
        (Precision::Month | Precision::Season, Some(m), _) => {
            out.push_str(month_name(m));
            out.push(' ');
            write_year(out, p.year());
        }
        _ => write_year(out, p.year()),
    }
    if p.uncertain() {
        out.push('?');
    }
}

type Res<'a, T> = IResult<&'a str, T>;

/// A month or season name: 1–12 or 21–24.
fn month(i: &str) -> Res<'_, u8> {
    for n in (1..=12).chain(21..=24) {
        if let Some(rest) = i.strip_prefix(month_name(n)) {
            return Ok((rest, n));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

fn digits(min: usize, max: usize) -> impl Fn(&str) -> Res<'_, u32> {
    move |i| {
        let (rest, d) = map_res(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            |d: &str| d.parse::<u32>(),
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
}

/// A number without a leading zero (days and years are never padded).
fn unpadded(max: usize) -> impl Fn(&str) -> Res<'_, u32> {
    move |i| {
        if i.starts_with('0') && i[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Digit,
            )));
        }
        digits(1, max)(i)
    }
}

fn year(i: &str) -> Res<'_, i32> {
    let (rest, n) = unpadded(5)(i)?;
    if let Ok((rest, _)) = tag::<_, _, nom::error::Error<&str>>(" BCE").parse(rest) {
        if n >= 1 {
            return Ok((rest, 1 - n as i32));
        }
    } else if (1..=9999).contains(&n) {
        return Ok((rest, n as i32));
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

fn fail(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

fn point_of(
    i: &str,
    y: i32,
    m: Option<u8>,
    d: Option<u8>,
) -> Result<Point, nom::Err<nom::error::Error<&str>>> {
    Point::new(y, m, d).map_err(|_| fail(i))
}

fn edtf_point<'a>(i: &'a str, text: &str) -> Result<Point, nom::Err<nom::error::Error<&'a str>>> {
    text.parse::<Point>().map_err(|_| fail(i))
}

/// An unqualified point.
fn core(i: &str) -> Res<'_, Point> {
    // "twentieth century", "22nd century"
    for (n, word) in ORDINALS.iter().enumerate().rev() {
        if let Some(rest) = i
            .strip_prefix(word)
            .and_then(|r| r.strip_prefix(" century"))
        {
            return Ok((rest, edtf_point(i, &format!("{n:02}XX"))?));
        }
    }
    if let Ok((rest, n)) = unpadded(3)(i) {
        for suffix in ["st century", "nd century", "rd century", "th century"] {
            if let Some(rest) = rest.strip_prefix(suffix) {
                if n >= 1 {
                    return Ok((rest, edtf_point(i, &format!("{:02}XX", n - 1))?));
                }
            }
        }
    }
    // "1950s"
    if let Ok((rest, n)) = unpadded(4)(i) {
        if let Some(rest) = rest.strip_prefix('s') {
            if n % 10 == 0 && n > 0 {
                return Ok((rest, edtf_point(i, &format!("{:03}X", n / 10))?));
            }
        }
    }
    if let Ok((rest, m)) = month(i) {
        let rest = rest.strip_prefix(' ').ok_or_else(|| fail(i))?;
        if m <= 12 {
            if let Ok((r, d)) = unpadded(2)(rest) {
                if let Some(r) = r.strip_prefix(", ") {
                    let (r, y) = year(r)?;
                    return Ok((r, point_of(i, y, Some(m), Some(d as u8))?));
                }
            }
        }
        let (r, y) = year(rest)?;
        return Ok((r, point_of(i, y, Some(m), None)?));
    }
    let (rest, y) = year(i)?;
    Ok((rest, point_of(i, y, None, None)?))
}

/// A point with its qualifiers: "ca. 1957?".
fn point(i: &str) -> Res<'_, Point> {
    let (i, approx) = opt(tag("ca. ")).parse(i)?;
    let (i, p) = core(i)?;
    let (i, unc) = opt(tag("?")).parse(i)?;
    Ok((
        i,
        p.with_approximate(approx.is_some())
            .with_uncertain(unc.is_some()),
    ))
}

fn interval(i: &str, a: Bound, b: Bound) -> Result<Edtf, nom::Err<nom::error::Error<&str>>> {
    let bound = |x: Bound| match x {
        Bound::Point(p) => p.to_string(),
        Bound::Open => "..".to_string(),
        Bound::Unknown => String::new(),
    };
    format!("{}/{}", bound(a), bound(b))
        .parse::<Edtf>()
        .map_err(|_| fail(i))
}

/// "December 5–6, 1957", "November 30–December 2, 1957".
fn collapsed_days(i: &str) -> Res<'_, Edtf> {
    let (r, ma) = month(i)?;
    let (r, _) = tag(" ").parse(r)?;
    let (r, da) = unpadded(2)(r)?;
    let (r, _) = tag(DASH).parse(r)?;
    let (r, mb) = opt((month, tag(" ")).map(|(m, _)| m)).parse(r)?;
    let (r, db) = unpadded(2)(r)?;
    let (r, _) = tag(", ").parse(r)?;
    let (r, y) = year(r)?;
    let mb = mb.unwrap_or(ma);
    if ma > 12 || mb > 12 || y <= 0 {
        return Err(fail(i));
    }
    let a = point_of(i, y, Some(ma), Some(da as u8))?;
    let b = point_of(i, y, Some(mb), Some(db as u8))?;
    Ok((r, interval(i, Bound::Point(a), Bound::Point(b))?))
}

/// "May–June 1956".
fn collapsed_months(i: &str) -> Res<'_, Edtf> {
    let (r, ma) = month(i)?;
    let (r, _) = tag(DASH).parse(r)?;
    let (r, mb) = month(r)?;
    let (r, _) = tag(" ").parse(r)?;
    let (r, y) = year(r)?;
    if ma > 12 || mb > 12 || y <= 0 {
        return Err(fail(i));
    }
    let a = point_of(i, y, Some(ma), None)?;
    let b = point_of(i, y, Some(mb), None)?;
    Ok((r, interval(i, Bound::Point(a), Bound::Point(b))?))
}

fn until(i: &str) -> Res<'_, Edtf> {
    let (r, _) = tag("until ").parse(i)?;
    let (r, b) = point(r)?;
    Ok((r, interval(i, Bound::Open, Bound::Point(b))?))
}

fn unknown_start(i: &str) -> Res<'_, Edtf> {
    let (r, _) = (tag("?"), tag(DASH)).parse(i)?;
    let (r, b) = point(r)?;
    Ok((r, interval(i, Bound::Unknown, Bound::Point(b))?))
}

/// A point, or a point followed by a dash and an end (a point, "?" or nothing).
fn general(i: &str) -> Res<'_, Edtf> {
    let (r, a) = point(i)?;
    let Ok((r2, _)) = tag::<_, _, nom::error::Error<&str>>(DASH).parse(r) else {
        return Ok((r, Edtf::Point(a)));
    };
    if let Ok((r3, b)) = point(r2) {
        return Ok((r3, interval(i, Bound::Point(a), Bound::Point(b))?));
    }
    if let Some(r3) = r2.strip_prefix('?') {
        return Ok((r3, interval(i, Bound::Point(a), Bound::Unknown)?));
    }
    Ok((r2, interval(i, Bound::Point(a), Bound::Open)?))
}

/// Reads a date at the start of `i`; returns the rest and the date (with no printed text).
pub(crate) fn read_date(i: &str) -> Option<(&str, Date)> {
    let (rest, edtf) = alt((
        collapsed_days,
        collapsed_months,
        until,
        unknown_start,
        general,
    ))
    .parse(i)
    .ok()?;
    Some((rest, Date::new(edtf)))
}

/// As [`read_date`], for a date that opens a sentence of the bibliography and so starts with a
/// capital ("Ca. 1957", "Until 1958", "Twentieth century").
pub(crate) fn read_sentence_date(i: &str) -> Option<(&str, Date)> {
    if let Some(found) = read_date(i) {
        return Some(found);
    }
    let first = i.chars().next().filter(char::is_ascii_uppercase)?;
    let lowered = format!("{}{}", first.to_ascii_lowercase(), &i[1..]);
    let (after, d) = read_date(&lowered)?;
    Some((&i[i.len() - after.len()..], d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for s in [
            "1957-12-07",
            "1949-02",
            "1958",
            "1957~",
            "1957?",
            "1957-12-07%",
            "195X",
            "19XX",
            "00XX",
            "1957-21",
            "1957-12-05/1957-12-06",
            "1957-11-30/1957-12-02",
            "1956-05/1956-06",
            "1957/1959",
            "1957~/1959",
            "1957-12-05/1958-01-02",
            "../1958",
            "/1958",
            "1945/..",
            "1945/",
            "0500",
            "0000",
            "-0043",
            "-9999",
        ] {
            let d: Date = s.parse().unwrap();
            let mut out = String::new();
            assert!(write_date(&mut out, &d));
            let (rest, back) = read_date(&out).unwrap_or_else(|| panic!("{out}"));
            assert_eq!(rest, "", "{s} -> {out}");
            assert_eq!(back.edtf().to_string(), s, "{out}");
        }
        let d: Date = "1957-12-07".parse().unwrap();
        let mut out = String::new();
        write_date(&mut out, &d);
        assert_eq!(out, "December 7, 1957");
    }
}
