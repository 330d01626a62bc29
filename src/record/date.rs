//! Dates with their real precision: EDTF (ISO 8601-2) level 1, plus the text as printed.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How precise a date point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Only a century is known (`19XX`).
    Century,
    /// Only a decade is known (`195X`).
    Decade,
    /// A year.
    Year,
    /// A season of a year (EDTF months 21–24).
    Season,
    /// A month of a year.
    Month,
    /// A day.
    Day,
}

/// One calendar point: a year, maybe a month (or season), maybe a day, with EDTF qualifiers.
///
/// Built only through parsing or [`Point::new`], so it is always a real date.
///
/// ```
/// use archivecite::record::{Point, Precision};
/// let p: Point = "1957-12~".parse().unwrap();
/// assert_eq!(p.precision(), Precision::Month);
/// assert!(p.approximate());
/// assert!("1957-02-30".parse::<Point>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Point {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    unspecified: u8,
    approximate: bool,
    uncertain: bool,
}

impl Point {
    /// A checked point: `month` 1–12 (or 21–24, a season, without a day), `day` valid for the month.
    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Result<Point> {
        let p = Point {
            year,
            month,
            day,
            unspecified: 0,
            approximate: false,
            uncertain: false,
        };
        p.check()?;
        Ok(p)
    }

    fn check(&self) -> Result<()> {
        let bad = |why: &str| Err(Error::value("date", &self.to_string(), why));
        if !(-9999..=9999).contains(&self.year) {
            return bad("year out of range -9999..9999");
        }
        match (self.month, self.day) {
            (None, Some(_)) => return bad("day without month"),
            (Some(m), None) if (1..=12).contains(&m) || (21..=24).contains(&m) => {}
            (Some(m), Some(d)) if (1..=12).contains(&m) => {
                if d == 0 || d > days_in_month(self.year, m) {
                    return bad("no such day in that month");
                }
            }
            (Some(_), _) => return bad("month must be 1-12 (or a season 21-24 without a day)"),
            (None, None) => {}
        }
        if self.unspecified > 0 && self.month.is_some() {
            return bad("unspecified year digits with a month");
        }
        if self.unspecified > 2 || (self.unspecified > 0 && self.year < 0) {
            return bad("only the last one or two digits of a positive year may be X");
        }
        Ok(())
    }

    /// Marks the point approximate (`~`, "circa").
    pub fn with_approximate(mut self, yes: bool) -> Point {
        self.approximate = yes;
        self
    }

    /// Marks the point uncertain (`?`).
    pub fn with_uncertain(mut self, yes: bool) -> Point {
        self.uncertain = yes;
        self
    }

    /// The year (for `195X`, 1950).
    pub fn year(&self) -> i32 {
        self.year
    }
    /// The month 1–12, or a season 21–24.
    pub fn month(&self) -> Option<u8> {
        self.month
    }
    /// The day of the month.
    pub fn day(&self) -> Option<u8> {
        self.day
    }
    /// Approximate ("circa", `~`).
    pub fn approximate(&self) -> bool {
        self.approximate
    }
    /// Uncertain (`?`).
    pub fn uncertain(&self) -> bool {
        self.uncertain
    }
    /// The precision of the point.
    pub fn precision(&self) -> Precision {
        match (self.unspecified, self.month, self.day) {
            (2, ..) => Precision::Century,
            (1, ..) => Precision::Decade,
            (_, Some(_), Some(_)) => Precision::Day,
            (_, Some(m), None) if m > 12 => Precision::Season,
            (_, Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}", -self.year)?;
        } else if self.unspecified > 0 {
            let digits = format!("{:04}", self.year);
            let keep = 4 - self.unspecified as usize;
            write!(
                f,
                "{}{}",
                &digits[..keep],
                "X".repeat(self.unspecified as usize)
            )?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        match (self.approximate, self.uncertain) {
            (true, true) => f.write_str("%"),
            (true, false) => f.write_str("~"),
            (false, true) => f.write_str("?"),
            (false, false) => Ok(()),
        }
    }
}

impl FromStr for Point {
    type Err = Error;
    fn from_str(s: &str) -> Result<Point> {
        let bad = |why: &str| Error::value("EDTF date", s, why);
        let (body, approximate, uncertain) = match s.as_bytes().last() {
            Some(b'~') => (&s[..s.len() - 1], true, false),
            Some(b'?') => (&s[..s.len() - 1], false, true),
            Some(b'%') => (&s[..s.len() - 1], true, true),
            _ => (s, false, false),
        };
        let (negative, body) = match body.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let mut parts = body.split('-');
        let year_text = parts.next().unwrap_or("");
        if year_text.len() != 4 || !year_text.is_ascii() {
            return Err(bad("the year must have four digits"));
        }
        let unspecified = year_text.bytes().rev().take_while(|&b| b == b'X').count() as u8;
        let digits = &year_text[..4 - unspecified as usize];
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("the year must have four digits"));
        }
        let mut year: i32 = digits.parse().unwrap_or(0);
        for _ in 0..unspecified {
            year *= 10;
        }
        if negative {
            year = -year;
        }
        let two = |t: Option<&str>| -> Result<Option<u8>> {
            match t {
                None => Ok(None),
                Some(t) if t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(t.parse().ok())
                }
                Some(_) => Err(bad("month and day must have two digits")),
            }
        };
        let month = two(parts.next())?;
        let day = two(parts.next())?;
        if parts.next().is_some() {
            return Err(bad("too many parts"));
        }
        let p = Point {
            year,
            month,
            day,
            unspecified,
            approximate,
            uncertain,
        };
        p.check()
            .map_err(|e| bad(e.to_string().rsplit(": ").next().unwrap_or("")))?;
        Ok(p)
    }
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// A known point.
    Point(Point),
    /// Open: the interval runs on without end (`..`).
    Open,
    /// Unknown: there is an end, but nobody knows it (empty in EDTF).
    Unknown,
}

/// An EDTF level 1 value: a single point or an interval.
///
/// `FromStr` and `Display` are inverse: `s.parse::<Edtf>()?.to_string() == s` for every valid `s`.
///
/// ```
/// use archivecite::record::Edtf;
/// for s in ["1957-12-07", "1949-02", "1958", "1957~", "195X", "1957-12-05/1957-12-06", "../1958", "1945/"] {
///     assert_eq!(s.parse::<Edtf>().unwrap().to_string(), s);
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edtf {
    /// One point.
    Point(Point),
    /// From `start` to `end` (inclusive); at most one end may be open or unknown.
    Interval(Bound, Bound),
}

impl Edtf {
    /// The first known point (the start, or the end of an interval open at the start).
    pub fn first(&self) -> Option<Point> {
        match *self {
            Edtf::Point(p) => Some(p),
            Edtf::Interval(Bound::Point(p), _) | Edtf::Interval(_, Bound::Point(p)) => Some(p),
            Edtf::Interval(..) => None,
        }
    }
    /// Start and end points, where known (a single point is its own start and end).
    pub fn bounds(&self) -> (Option<Point>, Option<Point>) {
        let known = |b: Bound| match b {
            Bound::Point(p) => Some(p),
            _ => None,
        };
        match *self {
            Edtf::Point(p) => (Some(p), Some(p)),
            Edtf::Interval(a, b) => (known(a), known(b)),
        }
    }
}

impl fmt::Display for Edtf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bound = |b: &Bound| match b {
            Bound::Point(p) => p.to_string(),
            Bound::Open => "..".to_string(),
            Bound::Unknown => String::new(),
        };
        match self {
            Edtf::Point(p) => write!(f, "{p}"),
            Edtf::Interval(a, b) => write!(f, "{}/{}", bound(a), bound(b)),
        }
    }
}

impl FromStr for Edtf {
    type Err = Error;
    fn from_str(s: &str) -> Result<Edtf> {
        let Some((a, b)) = s.split_once('/') else {
            return Ok(Edtf::Point(s.parse()?));
        };
        let bound = |t: &str| -> Result<Bound> {
            Ok(match t {
                ".." => Bound::Open,
                "" => Bound::Unknown,
                t => Bound::Point(t.parse()?),
            })
        };
        let (start, end) = (bound(a)?, bound(b)?);
        match (start, end) {
            (Bound::Point(x), Bound::Point(y))
                if (x.year, x.month, x.day) > (y.year, y.month, y.day)
                    && x.month.unwrap_or(0) <= 12
                    && y.month.unwrap_or(0) <= 12 =>
            {
                Err(Error::value(
                    "EDTF date",
                    s,
                    "the interval ends before it starts",
                ))
            }
            (Bound::Point(_), _) | (_, Bound::Point(_)) => Ok(Edtf::Interval(start, end)),
            _ => Err(Error::value(
                "EDTF date",
                s,
                "an interval needs at least one known end",
            )),
        }
    }
}

/// A document's date: its EDTF value and, when it came from a page, the text as printed.
///
/// ```
/// use archivecite::record::{Date, Precision};
/// let d = Date::from_text("December 07, 1957").unwrap();
/// assert_eq!(d.edtf().to_string(), "1957-12-07");
/// assert_eq!(d.text(), Some("December 07, 1957"));
/// assert_eq!(d.precision(), Precision::Day);
/// assert_eq!(Date::from_text("February, 1949").unwrap().to_string(), "1949-02");
/// assert_eq!(Date::from_text("circa 1958").unwrap().to_string(), "1958~");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "DateRepr", into = "DateRepr")]
pub struct Date {
    edtf: Edtf,
    text: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct DateRepr {
    edtf: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_deserializing)]
    precision: Option<Precision>,
}

impl TryFrom<DateRepr> for Date {
    type Error = Error;
    fn try_from(r: DateRepr) -> Result<Date> {
        Ok(Date {
            edtf: r.edtf.parse()?,
            text: r.text,
        })
    }
}

impl From<Date> for DateRepr {
    fn from(d: Date) -> DateRepr {
        DateRepr {
            edtf: d.edtf.to_string(),
            precision: Some(d.precision()),
            text: d.text,
        }
    }
}

impl Date {
    /// A date from an EDTF value, with no printed text.
    pub fn new(edtf: Edtf) -> Date {
        Date { edtf, text: None }
    }

    /// Parses a date as archives print it: `December 07, 1957`, `June 7, 1973`, `7 December 1957`,
    /// `February, 1949`, `Dec. 1957`, `1958`, `1957-12-07`, `circa 1957`, `1957?`, and ranges
    /// (`December 5-6, 1957`, `1957-1958`, `March 1 - April 2, 1960`). Keeps the text as printed.
    pub fn from_text(text: &str) -> Result<Date> {
        let edtf = crate::record::date_text::parse(text.trim())
            .ok_or_else(|| Error::value("date", text, "not a date this reader knows"))?;
        Ok(Date {
            edtf,
            text: Some(text.trim().to_string()),
        })
    }

    /// True if `text` is a date [`Date::from_text`] reads (cheaper than building the error).
    pub fn is_date_text(text: &str) -> bool {
        crate::record::date_text::parse(text.trim()).is_some()
    }

    /// The same date with `text` as its printed form.
    pub fn with_text(mut self, text: Option<String>) -> Date {
        self.text = text;
        self
    }

    /// The EDTF value.
    pub fn edtf(&self) -> &Edtf {
        &self.edtf
    }
    /// The text as printed, if the date was read from one.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }
    /// The precision of the first known point (`Year` if none is known).
    pub fn precision(&self) -> Precision {
        self.edtf.first().map_or(Precision::Year, |p| p.precision())
    }
    /// True if any point is approximate.
    pub fn approximate(&self) -> bool {
        let (a, b) = self.edtf.bounds();
        a.is_some_and(|p| p.approximate) || b.is_some_and(|p| p.approximate)
    }
    /// True if any point is uncertain.
    pub fn uncertain(&self) -> bool {
        let (a, b) = self.edtf.bounds();
        a.is_some_and(|p| p.uncertain) || b.is_some_and(|p| p.uncertain)
    }
    /// True for an interval.
    pub fn is_range(&self) -> bool {
        matches!(self.edtf, Edtf::Interval(..))
    }
}

/// Prints the EDTF form.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.edtf.fmt(f)
    }
}

/// Parses EDTF; use [`Date::from_text`] for printed dates.
impl FromStr for Date {
    type Err = Error;
    fn from_str(s: &str) -> Result<Date> {
        Ok(Date::new(s.parse()?))
    }
}

/// The English month names, January first (the one table every reader and writer uses).
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English month name (1–12) or season name (21–24).
pub fn month_name(month: u8) -> &'static str {
    match month {
        1..=12 => MONTH_NAMES[month as usize - 1],
        21 => "Spring",
        22 => "Summer",
        23 => "Autumn",
        24 => "Winter",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edtf_round_trips_and_refuses_nonsense() {
        for s in [
            "1957",
            "-0044",
            "1957-12",
            "1957-12-07",
            "1957?",
            "1957-12~",
            "1957-12-07%",
            "195X",
            "19XX",
            "1957-21",
            "1957/1958",
            "../1958",
            "1958/..",
            "/1958",
            "1957-12-05/1957-12-06",
        ] {
            assert_eq!(s.parse::<Edtf>().unwrap().to_string(), s, "{s}");
        }
        for s in [
            "",
            "57",
            "1957-13",
            "1957-02-29",
            "1957-00",
            "1957-12-32",
            "1958/1957",
            "../..",
            "1957-1",
            "１９５７",
            "1957-21-01",
            "19X7",
        ] {
            assert!(s.parse::<Edtf>().is_err(), "{s}");
        }
        assert!("2000-02-29".parse::<Edtf>().is_ok());
    }

    #[test]
    fn serde_keeps_text_and_shows_precision() {
        let d = Date::from_text("February, 1949").unwrap();
        let j = serde_json::to_string(&d).unwrap();
        assert_eq!(
            j,
            r#"{"edtf":"1949-02","text":"February, 1949","precision":"month"}"#
        );
        assert_eq!(serde_json::from_str::<Date>(&j).unwrap(), d);
        assert!(serde_json::from_str::<Date>(r#"{"edtf":"1949-13"}"#).is_err());
    }
}
