//! Shared test helpers: the one proptest strategy for whole records, and fixture loading.
#![allow(dead_code)]

use archivecite::record::{
    Block, Bound, Credit, Date, DigitalArchive, Edtf, Extra, Name, Original, PersonName, Point,
    Record, Rendition, Role,
};
use proptest::prelude::*;
use std::path::PathBuf;

/// The fixtures directory.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every fixture page (seed first) as (name, text).
pub fn pages() -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .expect("fixtures dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort_by_key(|n| (n != "seed.txt", n.clone()));
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(fixtures().join(&n)).expect("fixture");
            (n.trim_end_matches(".txt").to_string(), text)
        })
        .collect()
}

/// Awkward characters: quotes of every kind, TeX and XML specials, combining marks, RTL, CJK, emoji.
const NASTY: &[&str] = &[
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "{",
    "}",
    "&",
    "<",
    ">",
    "%",
    "#",
    "\\",
    "$",
    "_",
    "~",
    "^",
    "@",
    ",",
    ";",
    ":",
    ".",
    "(",
    ")",
    "[",
    "]",
    "/",
    "-",
    "–",
    "—",
    "é",
    "e\u{301}",
    "ñ",
    "ß",
    "Ş",
    "ș",
    "ŏ",
    "Đ",
    "Ж",
    "д",
    "ع",
    "עברית",
    "\u{200f}",
    "中文",
    "한국어",
    "日本",
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "\u{a0}",
    "\u{2009}",
    "&amp;",
    "]]>",
    "<!--",
    "\\textbf",
    "0",
    "1957",
    "Translated by",
    " and ",
    "http://x.org/a?b=c&d",
    "F. 0102",
];

/// One "word": letters or a nasty piece.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z][a-z]{0,9}",
        1 => prop::sample::select(NASTY).prop_map(str::to_string),
        1 => "\\PC{1,4}",
    ]
}

/// Text of `min..=max` words joined by single spaces, trimmed and never empty.
pub fn text(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), min.max(1)..=max.max(1)).prop_map(|ws| {
        let t = ws.join(" ");
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.is_empty() {
            "x".to_string()
        } else {
            t
        }
    })
}

/// Capitalised plain name words, so that names survive formats that print them in running text.
fn name_word() -> impl Strategy<Value = String> {
    prop_oneof![
        // "Jr" and "Sr" are suffixes wherever a name is printed: no given or family name is one
        4 => "[A-Z][a-z]{1,8}".prop_filter("not a name suffix", |w| !matches!(w.as_str(), "Jr" | "Sr")),
        1 => prop::sample::select(&["Łukasz", "Şerban", "Sŏ", "Ch'ang-ho", "Müller", "O'Neill", "Dvořák", "Ñuñez", "Čapek"][..]).prop_map(str::to_string),
    ]
}

pub fn name() -> impl Strategy<Value = Name> {
    prop_oneof![
        6 => (name_word(), prop::option::of(name_word()), name_word()).prop_map(|(g, m, f)| {
            let given = match m { Some(m) => format!("{g} {}.", &m[..m.char_indices().nth(1).map_or(m.len(), |(i, _)| i)]), None => g };
            Name::Person(PersonName { given, family: f, ..PersonName::default() })
        }),
        1 => (name_word(), name_word()).prop_map(|(g, f)| Name::Person(PersonName { given: g, particle: "van".into(), family: f, ..PersonName::default() })),
        1 => name_word().prop_map(|w| Name::Organization(format!("{w} University"))),
    ]
}

pub fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(vec![
        Role::Translator,
        Role::Editor,
        Role::Contributor,
        Role::ObtainedBy,
        Role::Compiler,
        Role::Transcriber,
        Role::Author,
        Role::Other("annotated".into()),
        Role::Other("digitized".into()),
    ])
}

pub fn credit() -> impl Strategy<Value = Credit> {
    (
        role(),
        name(),
        prop::option::of(prop::sample::select(vec!["NKIDP", "CWIHP", "NPIHP"])),
        prop::option::of(name_word().prop_map(|w| format!("{w} University"))),
    )
        .prop_map(|(role, name, project, affiliation)| Credit {
            role,
            name,
            affiliation,
            on_behalf_of: project.map(str::to_string),
        })
}

pub fn point() -> impl Strategy<Value = Point> {
    (
        1000i32..2030,
        prop::option::of((1u8..=12, prop::option::of(1u8..=28))),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(y, md, approx, unc)| {
            let (m, d) = md.map_or((None, None), |(m, d)| (Some(m), d));
            Point::new(y, m, d)
                .expect("valid by construction")
                .with_approximate(approx)
                .with_uncertain(unc)
        })
}

pub fn date() -> impl Strategy<Value = Date> {
    prop_oneof![
        4 => point().prop_map(|p| Date::new(Edtf::Point(p))),
        1 => (point(), 0i32..3).prop_map(|(p, dy)| {
            let end = Point::new(p.year() + dy + 1, p.month(), p.day()).expect("valid");
            Date::new(Edtf::Interval(Bound::Point(p), Bound::Point(end)))
        }),
        1 => point().prop_map(|p| Date::new(Edtf::Interval(Bound::Open, Bound::Point(p)))),
        1 => "[12][0-9]{2}X".prop_map(|s| s.parse::<Date>().expect("decade")),
        1 => "1[0-9]XX".prop_map(|s| s.parse::<Date>().expect("century")),
        1 => (1000i32..2030, 21u8..=24, any::<bool>()).prop_map(|(y, s, q)| {
            Date::new(Edtf::Point(Point::new(y, Some(s), None).expect("season").with_uncertain(q)))
        }),
        1 => point().prop_map(|p| Date::new(Edtf::Interval(Bound::Point(p), Bound::Open))),
        1 => point().prop_map(|p| Date::new(Edtf::Interval(Bound::Point(p), Bound::Unknown))),
        1 => point().prop_map(|p| Date::new(Edtf::Interval(Bound::Unknown, Bound::Point(p)))),
    ]
}

pub fn shelfmark() -> impl Strategy<Value = Original> {
    prop_oneof![
        (prop::sample::select(vec!["AVPRF", "RGANI", "RGASPI", "APRF", "GARF", "MOL", "PolA AA"]), 1u32..999, 1u32..99, 1u32..999)
            .prop_map(|(r, f, o, d)| Original::parse(&format!("{r}, f. {f}, op. {o}, d. {d}"))),
        (1u32..999, 1u32..99).prop_map(|(f, d)| Original::parse(&format!("AVPRF F. 0{f}, Op. 13, P. 72, Delo {d}, Listy 165-192"))),
        // an empty shelfmark (after its final period) is no shelfmark: every reader gives None
        text(1, 6).prop_map(|t| Original::parse(&t)).prop_filter("a shelfmark has text", |o| !o.raw().is_empty()),
        (1u32..99, 1u32..99).prop_map(|(a, b)| Original::parse(&format!("APRF, f. {a}, op. 1, d. 1, l. 7; AVPRF, Fond 7, Opis 5a, Delo {b}; and RGASPI, f. 558, op. 11, d. 3, ll. 0078"))),
        // many repositories
        prop::collection::vec((prop::sample::select(vec!["AVPRF", "RGANI", "RGASPI", "APRF", "GARF", "MOL", "AAN", "SAPMO-BArch", "PRC FMA"]), 1u32..999), 2..8)
            .prop_map(|v| Original::parse(&v.iter().map(|(r, f)| format!("{r}, f. {f}, op. 1, d. 2")).collect::<Vec<_>>().join("; "))),
    ]
}

/// A very long field (about 10,000 characters), for the rare case.
pub fn long_text() -> impl Strategy<Value = String> {
    text(1, 20).prop_map(|t| {
        let n = t.chars().count() + 1;
        let mut s = t.clone();
        for _ in 0..10_000 / n {
            s.push(' ');
            s.push_str(&t);
        }
        s
    })
}

pub fn record() -> impl Strategy<Value = Record> {
    let head = (
        prop_oneof![60 => text(1, 12), 1 => long_text(), 1 => Just(String::new())],
        prop::option::of(date()),
        prop::collection::vec(name(), 0..2),
        prop::collection::vec(credit(), 0..4),
        prop::collection::vec(text(1, 5), 0..3),
        prop::option::of(shelfmark()),
    );
    let tail = (
        prop::option::of(1u32..999_999),
        prop::collection::vec(
            prop::sample::select(vec!["Russian", "Korean", "Polish", "Chinese"]),
            0..2,
        ),
        prop::collection::vec(
            prop::sample::select(vec!["English HTML", "Russian PDF", "Original Scan"]),
            0..3,
        ),
        prop::option::of(prop::sample::select(vec![
            "Letter", "Telegram", "Diary", "Report",
        ])),
        prop::option::of(
            prop_oneof![40 => text(1, 30), 1 => long_text(), 1 => Just(String::new())],
        ),
        prop::collection::vec(
            prop_oneof![3 => text(1, 40).prop_map(Block::Paragraph), 1 => Just(Block::Dateline("7 December 1957".into()))],
            0..5,
        ),
        prop::collection::vec(
            prop_oneof![20 => text(1, 3), 1 => Just(String::new())],
            0..3,
        ),
        any::<bool>(),
        prop::collection::vec(text(1, 3), 0..2),
        prop::collection::vec(
            (
                prop::sample::select(vec!["Original Archive", "Donors"]),
                text(1, 6),
            ),
            0..2,
        ),
    );
    (head, tail).prop_map(
        |(
            (title, date, authors, credits, funders, original),
            (id, langs, rends, genre, summary, body, subjects, wcda, places, extra),
        )| {
            let mut r = Record::new(title);
            r.date = date;
            r.authors = authors;
            r.credits = credits;
            r.funders = funders;
            r.original = original;
            r.digital = DigitalArchive {
                name: wcda.then(|| archivecite::record::WCDA.to_string()),
                url: id.map(|n| format!("https://digitalarchive.wilsoncenter.org/document/{n}")),
                doc_id: id.map(|n| n.to_string()),
            };
            r.languages = langs.into_iter().map(str::to_string).collect();
            r.renditions = rends
                .into_iter()
                .map(|s| s.parse::<Rendition>().expect("infallible"))
                .collect();
            r.genre = genre.map(str::to_string);
            r.summary = summary;
            r.body = body;
            r.subjects = subjects;
            r.places = places;
            r.extra = extra
                .into_iter()
                .map(|(label, value)| Extra {
                    label: label.to_string(),
                    value,
                })
                .collect();
            r
        },
    )
}
