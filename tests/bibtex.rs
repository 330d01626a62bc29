//! BibLaTeX / BibTeX: round trips over the shared record strategy, reading other tools' files,
//! errors with positions, robustness.

mod common;

use archivecite::bibtex::{read, write, Dialect};
use archivecite::record::{
    parse_credits, Credit, Date, DigitalArchive, Edtf, Extra, Name, Original, Point, Record, Role,
};
use proptest::prelude::*;

fn extra(label: &str, value: &str) -> Extra {
    Extra {
        label: label.into(),
        value: value.into(),
    }
}

/// What both dialects cannot hold (see the module docs of `archivecite::bibtex`).
fn project_common(mut r: Record) -> Record {
    r.body.clear();
    r.renditions.clear();
    r.citation = None;
    r.places.clear();
    if r.shelfmark() == Some("") {
        r.original = None;
    }
    r.extra.clear();
    // empty strings and empty list items are dropped
    r.summary = r.summary.filter(|s| !s.is_empty());
    r.subjects.retain(|s| !s.is_empty());
    r.funders.retain(|s| !s.is_empty());
    r.date = r.date.map(|d| d.with_text(None));
    let sentence = r.credit_sentence().filter(|s| !s.is_empty());
    r.credits = sentence.as_deref().map(parse_credits).unwrap_or_default();
    r.credit_line = sentence;
    for n in &mut r.authors {
        if let Name::Person(p) = n {
            p.family_first = false;
        }
    }
    if r.digital.doc_id.is_none() {
        r.digital.doc_id = r
            .digital
            .url
            .as_deref()
            .and_then(DigitalArchive::id_from_url);
    }
    r
}

/// BibLaTeX: the common losses only; EDTF survives in full.
fn project_biblatex(r: Record) -> Record {
    project_common(r)
}

/// BibTeX: also only the first known point of the date, as year/month/day.
fn project_bibtex(r: Record) -> Record {
    let mut r = project_common(r);
    r.date = r.date.and_then(|d| {
        let p = d.edtf().first()?;
        let month = p.month().filter(|m| (1..=12).contains(m));
        let day = month.and(p.day());
        Some(Date::new(Edtf::Point(
            Point::new(p.year(), month, day).ok()?,
        )))
    });
    r
}

fn one(bib: &str) -> Record {
    let (mut rs, errs) = read(bib);
    assert!(errs.is_empty(), "{errs:?}\n{bib}");
    assert_eq!(rs.len(), 1, "{bib}");
    rs.remove(0)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256), ..ProptestConfig::default() })]

    #[test]
    fn biblatex_round_trip(r in common::record()) {
        let bib = write(std::slice::from_ref(&r), Dialect::Biblatex, false);
        prop_assert_eq!(one(&bib), project_biblatex(r), "{}", bib);
    }

    #[test]
    fn biblatex_chicago_round_trip(r in common::record()) {
        let bib = write(std::slice::from_ref(&r), Dialect::Biblatex, true);
        prop_assert_eq!(one(&bib), project_biblatex(r), "{}", bib);
    }

    #[test]
    fn bibtex_round_trip(r in common::record()) {
        let bib = write(std::slice::from_ref(&r), Dialect::Bibtex, false);
        prop_assert_eq!(one(&bib), project_bibtex(r), "{}", bib);
    }

    #[test]
    fn many_records_keep_order_and_unique_keys(rs in prop::collection::vec(common::record(), 0..6)) {
        let bib = write(&rs, Dialect::Biblatex, false);
        let (back, errs) = read(&bib);
        prop_assert!(errs.is_empty());
        prop_assert_eq!(back, rs.into_iter().map(project_biblatex).collect::<Vec<_>>());
        let keys: Vec<&str> = bib.lines().filter_map(|l| l.strip_prefix("@unpublished{").or_else(|| l.strip_prefix("@misc{"))).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(sorted.len(), keys.len());
    }

    #[test]
    fn never_panics_on_text(s in "\\PC{0,300}") {
        let _ = read(&s);
    }

    #[test]
    fn never_panics_on_bib_like_text(parts in prop::collection::vec(prop::sample::select(vec![
        "@", "@article", "@string", "@preamble", "@comment", "{", "}", "(", ")", "\"", "#", "=", ",",
        "\n", " ", "%", "\\", "\\\"", "\\c", "$", "title", "author", "and", "x", "é", "{\\ss}", "jan",
        "--", "~", "year", "date", "1957", "note", "addendum",
    ]), 0..80)) {
        let s: String = parts.concat();
        let _ = read(&s);
    }
}

fn seed() -> Record {
    let mut r =
        Record::new("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957");
    r.date = Some(Date::from_text("December 07, 1957").unwrap());
    r.credit_line = Some("Translated for NKIDP by Gary Goldberg.".into());
    r.credits = parse_credits("Translated for NKIDP by Gary Goldberg.");
    r.funders = vec![
        "ROK Ministry of Unification".into(),
        "Leon Levy Foundation".into(),
    ];
    r.digital.name = Some(archivecite::record::WCDA.into());
    r.original = Some(Original::parse("AVPRF F. 0102, Op. 13, Delo 5"));
    r.summary = Some("Kim Il sung discusses the KWP CC Plenum.".into());
    r.renditions = vec!["English HTML".parse().unwrap()];
    r
}

#[test]
fn seed_biblatex_matches_the_mapping() {
    let bib = write(&[seed()], Dialect::Biblatex, false);
    for line in [
        "@misc{19571207-journal-",
        "  entrysubtype = {archival},",
        "  title        = {{Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957}},",
        "  shorttitle   = {{Journal of Soviet Ambassador}},",
        "  date         = {1957-12-07},",
        "  howpublished = {History and Public Policy Program Digital Archive},",
        "  note         = {AVPRF F. 0102, Op. 13, Delo 5},",
        "  addendum     = {Translated for NKIDP by Gary Goldberg.},",
        "  annotation   = {This document was made possible with support from the ROK Ministry of Unification and the Leon Levy Foundation.},",
    ] {
        assert!(bib.contains(line), "{line}\n{bib}");
    }
    assert_eq!(one(&bib), project_biblatex(seed()));
    let mut signed = seed();
    signed.authors = vec![Name::parse("A. M. Puzanov")];
    let bib = write(&[signed.clone()], Dialect::Biblatex, false);
    assert!(
        bib.starts_with("@unpublished{") && !bib.contains("entrysubtype"),
        "{bib}"
    );
    assert!(bib.contains("  author       = {Puzanov, A. M.},"), "{bib}");
    assert_eq!(one(&bib), project_biblatex(signed));
}

#[test]
fn seed_bibtex_matches_the_mapping() {
    let bib = write(&[seed()], Dialect::Bibtex, false);
    for line in [
        "@misc{19571207-journal-",
        "  year         = {1957},",
        "  month        = dec,",
        "  day          = {7},",
        "  note         = {{AVPRF F. 0102, Op. 13, Delo 5}. Translated for NKIDP by Gary Goldberg.},",
    ] {
        assert!(bib.contains(line), "{line}\n{bib}");
    }
    assert_eq!(one(&bib), project_bibtex(seed()));
}

#[test]
fn reads_other_tools_files() {
    let bib = r#"% JabRef / Zotero / Better BibTeX style
@String{fr = "Fisheries Research"}
@STRING(jfa = {J. } # "Fish " # {Aquat.})
@Preamble{"\input bibnames.sty" # "\hyphenation{ }"}
@comment{jabref-meta: databaseType:biblatex;}
Some text between entries with an e-mail beebe@math.utah.edu.

@Article{Smith:1980:ABC,
  author =       "J. Smith and M{\"u}ller, Hans and {\c{S}}erban, Ion and {World Health Organization}",
  title =        "The {DNA} of {\em Salmo} in {B}ritish {C}olumbia --- a study",
  journal =      fr # " and " # jfa,
  volume =       "1",
  year =         "1980",
  month =        dec,
  abstract = {Stra{\ss}e, \'{e}t\'e, \c{c}a, \v{s}, {\o}, {\aa}, \emph{x}, \unknownmacro{arg}, 10\% \& \$5},
  keywords = {fish, {salmon, trout}, rivers},
  URL =          "http://example.org/a_b",
}

@book{doe2020,
  author = {Doe, John and van der Berg, Anna and King, Jr., Martin},
  editor = {Ed Itor},
  translator = {Trans Lator},
  title = {{A Protected Title}},
  subtitle = {With a Subtitle},
  date = {2020-05~},
  language = {english},
  doi = {10.1000/xyz},
}

@online{web, title = {Web page}, date = {2019-01-02/2019-02}, url = {https://x.org/~me}}
@thesis{th, title = {Thesis}, year = {2001}, month = {3}, type = {phdthesis}}
@incollection{inc, title = "Chapter", author = "Alpha Beta", year = 1999}
"#;
    let (rs, errs) = read(bib);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(rs.len(), 5);
    let a = &rs[0];
    assert_eq!(a.title, "The DNA of Salmo in British Columbia — a study");
    assert_eq!(a.date.as_ref().unwrap().to_string(), "1980-12");
    assert_eq!(a.authors.len(), 4);
    assert_eq!(a.authors[0], Name::person("J.", "Smith"));
    assert_eq!(a.authors[1], Name::person("Hans", "Müller"));
    assert_eq!(a.authors[2], Name::person("Ion", "Şerban"));
    assert_eq!(
        a.authors[3],
        Name::Organization("World Health Organization".into())
    );
    assert_eq!(
        a.summary.as_deref(),
        Some("Straße, été, ça, š, ø, å, x, \\unknownmacro{arg}, 10% & $5")
    );
    assert_eq!(a.subjects, vec!["fish", "salmon, trout", "rivers"]);
    assert_eq!(a.digital.url.as_deref(), Some("http://example.org/a_b"));
    let b = &rs[1];
    assert_eq!(b.title, "A Protected Title: With a Subtitle");
    assert_eq!(b.date.as_ref().unwrap().to_string(), "2020-05~");
    assert_eq!(b.authors[1].inverted(), "van der Berg, Anna");
    assert_eq!(b.authors[2].inverted(), "King, Martin, Jr.");
    assert_eq!(
        b.credits,
        vec![
            Credit::new(Role::Translator, Name::person("Trans", "Lator")),
            Credit::new(Role::Editor, Name::person("Ed", "Itor")),
        ]
    );
    assert_eq!(b.languages, vec!["english"]);
    // The DOI is the DOI (the vocabulary's `DOI`), not a URL.
    assert_eq!(b.digital.url, None);
    assert!(b.extra.contains(&extra("DOI", "10.1000/xyz")));
    assert_eq!(
        rs[2].date.as_ref().unwrap().to_string(),
        "2019-01-02/2019-02"
    );
    assert_eq!(rs[2].digital.url.as_deref(), Some("https://x.org/~me"));
    assert_eq!(rs[3].date.as_ref().unwrap().to_string(), "2001-03");
    // biblatex's localisation key for a thesis: the words it prints (as pandoc reads it).
    assert_eq!(rs[3].genre.as_deref(), Some("PhD thesis"));
    assert!(rs[3].extra.contains(&extra("type", "thesis")));
    assert!(rs[4].extra.contains(&extra("type", "chapter")));
    assert_eq!(rs[4].authors, vec![Name::person("Alpha", "Beta")]);
}

#[test]
fn one_bad_entry_gives_one_error_with_its_line() {
    let bib = "@misc{a, title = {One}}\n\n@misc{b, title = {Two\n\n@misc{c, title = {Three}}\n@misc{d title = {Four}}\n@misc{e, title = {Five}}\n";
    let (rs, errs) = read(bib);
    let titles: Vec<&str> = rs.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["One", "Three", "Five"]);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert_eq!(errs[0].position().unwrap().line, 3);
    assert_eq!(errs[1].position().unwrap().line, 6);
    assert!(errs[0].to_string().contains("bibtex"), "{}", errs[0]);
}

#[test]
fn preamble_with_concatenation_is_skipped() {
    let bib = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/bench-data/beebe-preamble-sample.bib"
    ));
    if let Ok(bib) = bib {
        let (rs, errs) = read(&bib);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(rs.len(), 1);
        assert_eq!(rs[0].authors, vec![Name::person("A.", "Author")]);
    }
}

#[test]
fn huge_and_binary_inputs_terminate() {
    let long = format!("@misc{{k, title = {{{}}}}}", "x".repeat(5_000_000));
    let (rs, _) = read(&long);
    assert_eq!(rs[0].title.len(), 5_000_000);
    let open = format!("@misc{{k, title = {{{}", "{".repeat(100_000));
    let (rs, errs) = read(&open);
    assert!(rs.is_empty() && errs.len() == 1);
    let bin: String = (0..200_000u32)
        .map(|i| char::from_u32((i * 7919) % 0x2FFF).unwrap_or('@'))
        .collect();
    let _ = read(&bin);
    let ats = "@a{".repeat(100_000);
    let _ = read(&ats);
    // Many unclosed values, each on its own line: linear, one error each.
    let t = std::time::Instant::now();
    let quotes = "@a{k, t = \"x\n".repeat(20_000);
    let (rs, errs) = read(&quotes);
    assert!(rs.is_empty());
    assert_eq!(errs.len(), 20_000);
    let braces = "@a{k, t = {x\n".repeat(20_000);
    let (_, errs) = read(&braces);
    assert_eq!(errs.len(), 20_000);
    assert!(t.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn every_fixture_round_trips() {
    let dump = std::env::var_os("BIBTEX_DUMP").map(std::path::PathBuf::from);
    for (name, page) in common::pages() {
        let r = archivecite::block::read(&page).unwrap();
        if let Some(d) = &dump {
            std::fs::create_dir_all(d).unwrap();
            let json = archivecite::write(
                archivecite::Format::Record,
                std::slice::from_ref(&r),
                &archivecite::Options::default(),
            );
            std::fs::write(d.join(format!("{name}.record.json")), json).unwrap();
        }
        for (dialect, chicago, ext) in [
            (Dialect::Biblatex, false, "bib"),
            (Dialect::Biblatex, true, "chicago.bib"),
            (Dialect::Bibtex, false, "bibtex.bib"),
        ] {
            let bib = write(std::slice::from_ref(&r), dialect, chicago);
            let back = one(&bib);
            let want = match dialect {
                Dialect::Biblatex => project_biblatex(r.clone()),
                Dialect::Bibtex => project_bibtex(r.clone()),
            };
            assert_eq!(back, want, "{name}.{ext}\n{bib}");
            if let Some(d) = &dump {
                std::fs::create_dir_all(d).unwrap();
                std::fs::write(d.join(format!("{name}.{ext}")), &bib).unwrap();
            }
        }
    }
}

/// Hand-made records with every field and every EDTF shape; written out for the oracles when
/// `BIBTEX_DUMP` is set.
fn edge_records() -> Vec<Record> {
    let dates = [
        "1957-12-07",
        "1957-12",
        "1957",
        "1957~",
        "1957?",
        "1957-12-07%",
        "195X",
        "19XX",
        "1957-21",
        "1957-12-05/1957-12-06",
        "1957/1958",
        "../1958",
        "1945/..",
        "1945/",
        "/1958",
        "1957-03~/1957-05?",
    ];
    dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut r = Record::new(format!(
                "Edge {i}: {{braces}} & 100% $5 #1 a_b ~ ^ \\ -- ``q'' Ünïcødé 中文"
            ));
            r.date = Some(d.parse().unwrap());
            if i % 2 == 0 {
                r.authors = vec![
                    Name::parse("Kim Il Sung"),
                    Name::parse("Ludwig van Beethoven"),
                    Name::Organization("Smith and Sons, Ltd.".into()),
                ];
            }
            r.credits = parse_credits(
                "Obtained by X Y (Z University) and translated for NKIDP by Gary Goldberg.",
            );
            r.funders = vec![
                "Korea Foundation".into(),
                "Ford and Carnegie Foundation".into(),
            ];
            r.digital = DigitalArchive {
                name: Some(archivecite::record::WCDA.into()),
                url: Some(format!(
                    "https://digitalarchive.wilsoncenter.org/document/{}",
                    1000 + i
                )),
                doc_id: Some(if i == 3 {
                    "abc".into()
                } else {
                    format!("{}", 1000 + i)
                }),
            };
            r.original = Some(Original::parse("RGANI, f. 5, op. 30, d. 335, ll. 1-12"));
            r.languages = vec!["Russian".into(), "Korean".into()];
            r.genre = Some("Telegram".into());
            r.subjects = vec!["Korean War, 1950-1953".into(), "Soviet Union".into()];
            r.summary = Some("A summary with \"quotes\" and 'apostrophes'.".into());
            r
        })
        .collect()
}

#[test]
fn edge_records_round_trip() {
    let rs = edge_records();
    for (dialect, chicago, ext) in [
        (Dialect::Biblatex, false, "bib"),
        (Dialect::Biblatex, true, "chicago.bib"),
        (Dialect::Bibtex, false, "bibtex.bib"),
    ] {
        let bib = write(&rs, dialect, chicago);
        let (back, errs) = read(&bib);
        assert!(errs.is_empty());
        let want: Vec<Record> = rs
            .iter()
            .cloned()
            .map(|r| match dialect {
                Dialect::Biblatex => project_biblatex(r),
                Dialect::Bibtex => project_bibtex(r),
            })
            .collect();
        assert_eq!(back, want, "{bib}");
        if let Some(d) = std::env::var_os("BIBTEX_DUMP") {
            let d = std::path::PathBuf::from(d);
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join(format!("edge.{ext}")), &bib).unwrap();
        }
    }
}

/// The 27 MB benchmark file (when ../shared is beside the checkout): every entry read, no error.
/// Timing and memory are measured by bench/compare.sh.
#[test]
fn beebe_fish_reads_without_error() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/bench-data/beebe-fish.bib"
    );
    let Ok(bib) = std::fs::read_to_string(path) else {
        return;
    };
    let (rs, errs) = read(&bib);
    assert_eq!(rs.len(), 25_596);
    assert!(errs.is_empty(), "{:?}", &errs[..errs.len().min(5)]);
    assert!(rs.iter().all(|r| !r.title.is_empty()));
}

/// A BibLaTeX article (and a book) → CSL-JSON → BibLaTeX keeps entry type, key and the
/// bibliographic fields (the hub's vocabulary in between).
#[test]
fn biblatex_article_through_csl() {
    let bib = "@article{kim2004,\n  author       = {Szalontai, Balázs and Radchenko, Sergey},\n  title        = {{North Korea's Efforts to Acquire Nuclear Technology}},\n  date         = {2006-08},\n  journaltitle = {Cold War History},\n  volume       = {6},\n  number       = {2},\n  pages        = {87-103},\n  issn         = {1468-2745},\n  doi          = {10.1080/14682740600},\n  langid       = {british},\n}\n\n@book{lankov2002,\n  author       = {Lankov, Andrei},\n  title        = {{From Stalin to Kim Il Sung}},\n  date         = {2002},\n  publisher    = {Rutgers University Press},\n  location     = {New Brunswick},\n  edition      = {2},\n}\n";
    let (records, errors) = read(bib);
    assert!(errors.is_empty(), "{errors:?}");
    let json = archivecite::csl::write(&records);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["type"], "article-journal");
    assert_eq!(v[0]["container-title"], "Cold War History");
    assert_eq!(v[0]["issue"], "2");
    assert_eq!(v[0]["language"], "en-GB");
    assert_eq!(v[1]["publisher-place"], "New Brunswick");
    let back = archivecite::csl::read(&json).unwrap();
    // Without our `custom` too (as Zotero gives it back).
    let mut bare = v.clone();
    for it in bare.as_array_mut().unwrap() {
        it.as_object_mut().unwrap().remove("custom");
    }
    let zotero = archivecite::csl::read(&bare.to_string()).unwrap();
    for records in [back, zotero] {
        assert_eq!(write(&records, Dialect::Biblatex, false), bib);
    }
}

/// Values the entry type has no field for, a taken field, a date the reader could not read and
/// a language with no `langid` are still written, and read back.
#[test]
fn no_value_is_dropped_on_writing() {
    let mut r = Record::new("An archival document");
    r.digital.name = Some("History and Public Policy Program Digital Archive".into());
    r.extra = vec![
        extra("version", "second draft"),
        extra("publisher", "Ministry of Foreign Affairs"),
        extra("bib:date", "circa the 1950s"),
        extra("language", "Old Church Slavonic"),
    ];
    for dialect in [Dialect::Biblatex, Dialect::Bibtex] {
        let bib = write(std::slice::from_ref(&r), dialect, false);
        let back = one(&bib);
        let value = |label: &str| {
            back.extra
                .iter()
                .find(|x| x.label == label)
                .map(|x| x.value.as_str())
        };
        assert_eq!(value("version"), Some("second draft"), "{bib}");
        assert_eq!(
            value("publisher"),
            Some("Ministry of Foreign Affairs"),
            "{bib}"
        );
        assert_eq!(value("bib:date"), Some("circa the 1950s"), "{bib}");
        assert_eq!(back.languages, ["Old Church Slavonic"], "{bib}");
    }
}

/// Printed dates in `year` and TeX dashes in `date` keep their range and precision.
#[test]
fn printed_years_keep_ranges_and_circa() {
    let cases = [
        ("year = {1957--1958}", "1957/1958"),
        ("year = {circa 1957}", "1957~"),
        ("year = 1957, month = dec", "1957-12"),
        ("year = {1957a}", "1957"),
        ("date = {1957--1958}", "1957/1958"),
    ];
    for (field, edtf) in cases {
        let r = one(&format!("@misc{{k, title = {{T}}, {field}}}"));
        assert_eq!(
            r.date.map(|d| d.edtf().to_string()).as_deref(),
            Some(edtf),
            "{field}"
        );
    }
}

fn value<'a>(r: &'a Record, label: &str) -> Option<&'a str> {
    r.extra
        .iter()
        .find(|x| x.label == label)
        .map(|x| x.value.as_str())
}

/// `and` between names with newlines, tabs or several spaces around it (DBLP, Zenodo, Google
/// Scholar) splits the list as BibTeX does; whitespace inside a name is one space.
#[test]
fn names_split_at_and_with_any_whitespace() {
    for sep in [
        " and\n   ",
        "\n   and ",
        " and\t",
        "\tand ",
        "  and ",
        " AND ",
        " and\r\n ",
    ] {
        let r = one(&format!(
            "@article{{a, author = {{Ni, Chaoying{sep}Bu,\n  Orhan and Xiucheng\tLi}}, title = {{T}}}}"
        ));
        assert_eq!(
            r.authors,
            vec![
                Name::person("Chaoying", "Ni"),
                Name::person("Orhan", "Bu"),
                Name::person("Xiucheng", "Li")
            ],
            "{sep:?}"
        );
    }
    // not a separator: inside braces, or part of a word
    let r = one("@article{a, author = {{Smith and\nSons} and Band, Sandy}, title = {T}}");
    assert_eq!(r.authors.len(), 2);
    assert_eq!(r.authors[1], Name::person("Sandy", "Band"));
}

/// Editors and translators of books, chapters and papers are name fields where biblatex has
/// them, not a credit sentence; reading the output gives the same credits again.
#[test]
fn credits_of_books_are_name_fields() {
    let bib = "@book{aristotle:physics, author = {Aristotle}, title = {Physics}, translator = {Wicksteed, P. H. and Cornford, F. M.}, editor = {Ross, W. D.}, editora = {Doe, Jane}, editoratype = {compiler}, date = {1929}}\n\
               @incollection{c, author = {A, B}, title = {Ch}, booktitle = {Bk}, editor = {Ed, One}, translator = {Tr, Two}, date = {2000}}\n\
               @inproceedings{p, author = {A, B}, title = {P}, booktitle = {Proc}, editor = {Ed, One}, translator = {Tr, Two}, date = {2000}}\n";
    let (rs, errs) = read(bib);
    assert!(errs.is_empty());
    let physics = &rs[0];
    assert_eq!(
        physics.credits,
        vec![
            Credit::new(Role::Translator, Name::person("P. H.", "Wicksteed")),
            Credit::new(Role::Translator, Name::person("F. M.", "Cornford")),
            Credit::new(Role::Editor, Name::person("W. D.", "Ross")),
            Credit::new(Role::Compiler, Name::person("Jane", "Doe")),
        ]
    );
    let out = write(&rs, Dialect::Biblatex, false);
    for line in [
        "  translator   = {Wicksteed, P. H. and Cornford, F. M.},",
        "  editor       = {Ross, W. D.},",
        "  editora      = {Doe, Jane},",
        "  editoratype  = {compiler},",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    // @inproceedings has no translator in biblatex's data model: that credit is a sentence
    assert!(
        out.contains("  addendum     = {Translated by Two Tr.},"),
        "{out}"
    );
    assert_eq!(out.matches("addendum").count(), 1, "{out}");
    let (back, errs) = read(&out);
    assert!(errs.is_empty());
    for (a, b) in rs.iter().zip(&back) {
        assert_eq!(a.credits, b.credits, "{out}");
    }
    assert_eq!(write(&back, Dialect::Biblatex, false), out);
    // BibTeX: editor and translator fields; what they cannot say goes to `note`
    let out = write(&rs, Dialect::Bibtex, false);
    assert!(out.contains("  editor       = {Ross, W. D.},"), "{out}");
    assert!(
        out.contains("  note         = {Compiled by Jane Doe.},"),
        "{out}"
    );
    let (back, _) = read(&out);
    // the same credits (the sentence's first)
    let sorted = |r: &Record| {
        let mut c: Vec<(Role, String)> = r
            .credits
            .iter()
            .map(|c| (c.role.clone(), c.name.to_string()))
            .collect();
        c.sort();
        c
    };
    assert_eq!(sorted(&back[0]), sorted(&rs[0]), "{out}");
    assert_eq!(back[1].credits, rs[1].credits, "{out}");
    // a credit with a project keeps its sentence; the field does not double it
    let mut r = rs[1].clone();
    r.credits = parse_credits("Translated for NKIDP by Two Tr and edited by One Ed.");
    r.credit_line = Some("Translated for NKIDP by Two Tr and edited by One Ed.".into());
    let out = write(std::slice::from_ref(&r), Dialect::Biblatex, false);
    assert!(out.contains("  editor       = {Ed, One},"), "{out}");
    assert!(
        out.contains("addendum     = {Translated for NKIDP"),
        "{out}"
    );
    let back = one(&out);
    assert_eq!(back.credits, r.credits, "{out}");
}

/// Keys biber and BibTeX read are kept (`baez/article`, `Smith:1980:ABC`); others are
/// replaced; repeats still get a suffix.
#[test]
fn citation_keys_with_slashes_are_kept() {
    let bib = "@article{baez/article, title = {A}, date = {2004}}\n\
               @article{baez/article, title = {B}, date = {2004}}\n\
               @book{Smith:1980:ABC.x-y+z_w, title = {C}, date = {1980}}\n\
               @book{{bad key}, title = {D}, date = {1980}}\n";
    let (rs, _) = read(bib);
    let out = write(&rs, Dialect::Biblatex, false);
    assert!(out.contains("@article{baez/article,\n"), "{out}");
    assert!(out.contains("@article{baez/article-2,\n"), "{out}");
    assert!(out.contains("@book{Smith:1980:ABC.x-y+z_w,\n"), "{out}");
    assert!(!out.contains("bad key"), "{out}");
}

/// An entry with `crossref` takes what it lacks from its parent in the same input, by
/// biblatex's rules (the book's title is the chapter's container), and keeps the key.
#[test]
fn crossref_fields_are_inherited() {
    let bib = "@incollection{ch, author = {Doe, Jane}, title = {A Chapter}, pages = {1--10}, crossref = {coll}}\n\
               @inbook{ib, title = {Part}, crossref = {mono}}\n\
               @article{art, title = {Paper}, xdata = {jx}}\n\
               @collection{coll, editor = {Ed, Itor}, title = {The Book}, publisher = {Press}, location = {Paris}, date = {1999}}\n\
               @book{mono, author = {Writer, Will}, title = {Monograph}, date = {2001}}\n\
               @xdata{jx, journaltitle = {Journal X}, date = {2003}}\n";
    let (rs, errs) = read(bib);
    assert!(errs.is_empty(), "{errs:?}");
    let ch = &rs[0];
    assert_eq!(ch.title, "A Chapter");
    assert_eq!(value(ch, "container-title"), Some("The Book"));
    assert_eq!(value(ch, "publisher"), Some("Press"));
    assert_eq!(value(ch, "publisher-place"), Some("Paris"));
    assert_eq!(value(ch, "bib:crossref"), Some("coll"));
    assert_eq!(ch.date.as_ref().unwrap().to_string(), "1999");
    assert_eq!(
        ch.credits,
        vec![Credit::new(Role::Editor, Name::person("Itor", "Ed"))]
    );
    let ib = &rs[1];
    assert_eq!(value(ib, "container-title"), Some("Monograph"));
    assert_eq!(
        ib.credits,
        vec![Credit::new(
            Role::Other("container-author".into()),
            Name::person("Will", "Writer")
        )]
    );
    assert_eq!(value(&rs[2], "container-title"), Some("Journal X"));
    assert_eq!(rs[2].date.as_ref().unwrap().to_string(), "2003");
}

/// Book-like entries: `number` is the number in the series; `pubstate` is the status;
/// `bookauthor` the container's author; all written back to the same fields.
#[test]
fn series_number_pubstate_and_bookauthor() {
    let bib = "@book{b, title = {T}, series = {Ser}, number = {75}, pubstate = {forthcoming}, date = {2000}}\n\
               @inbook{c, title = {C}, bookauthor = {Writer, Will}, booktitle = {B}, date = {2000}}\n\
               @report{r, title = {R}, number = {TR-5}, institution = {I}, date = {2000}}\n";
    let (rs, _) = read(bib);
    assert_eq!(value(&rs[0], "collection-number"), Some("75"));
    assert_eq!(value(&rs[0], "status"), Some("forthcoming"));
    assert_eq!(value(&rs[2], "number"), Some("TR-5"));
    let json: serde_json::Value = serde_json::from_str(&archivecite::csl::write(&rs)).unwrap();
    assert_eq!(json[0]["collection-number"], "75");
    assert_eq!(json[0]["status"], "forthcoming");
    assert_eq!(json[1]["container-author"][0]["family"], "Writer");
    let out = write(&rs, Dialect::Biblatex, false);
    assert!(out.contains("  number       = {75},"), "{out}");
    assert!(out.contains("  pubstate     = {forthcoming},"), "{out}");
    let (back, _) = read(&out);
    assert_eq!(back[1].credits, rs[1].credits, "{out}");
}

/// Thesis and report types: the words pandoc prints, written back as biblatex's keys (or
/// BibTeX's entry types).
#[test]
fn thesis_types_are_genres() {
    let bib = "@thesis{a, title = {T}, type = {mathesis}, institution = {I}, date = {2000}}\n\
               @phdthesis{b, title = {T}, school = {I}, year = {2000}}\n\
               @mastersthesis{c, title = {T}, school = {I}, year = {2000}}\n\
               @report{d, title = {T}, type = {techreport}, institution = {I}, date = {2000}}\n";
    let (rs, _) = read(bib);
    let genres: Vec<_> = rs.iter().map(|r| r.genre.as_deref()).collect();
    assert_eq!(
        genres,
        [
            Some("Master’s thesis"),
            Some("PhD thesis"),
            Some("Master’s thesis"),
            Some("technical report")
        ]
    );
    let out = write(&rs, Dialect::Biblatex, false);
    assert_eq!(out.matches("type         = {mathesis}").count(), 2, "{out}");
    assert!(out.contains("type         = {phdthesis}"), "{out}");
    assert!(out.contains("type         = {techreport}"), "{out}");
    let out = write(&rs, Dialect::Bibtex, false);
    assert!(out.contains("@mastersthesis{c,"), "{out}");
    assert!(out.contains("@phdthesis{b,"), "{out}");
    let (back, _) = read(&out);
    assert_eq!(back[2].genre.as_deref(), Some("Master’s thesis"));
}

/// Media and review entry types have their CSL types and are written back as themselves.
#[test]
fn media_entry_types_round_trip() {
    let bib = "@review{rv, title = {T}, date = {2000}}\n\
               @video{v, title = {T}, date = {2000}}\n\
               @movie{m, title = {T}, date = {2000}}\n\
               @audio{a, title = {T}, date = {2000}}\n\
               @music{mu, title = {T}, date = {2000}}\n\
               @image{i, title = {T}, date = {2000}}\n";
    let (rs, _) = read(bib);
    let types: Vec<_> = rs.iter().map(|r| value(r, "type").unwrap()).collect();
    assert_eq!(
        types,
        [
            "review",
            "motion_picture",
            "motion_picture",
            "song",
            "song",
            "graphic"
        ]
    );
    // biber's model gives these types no fields: @misc with the type as entrysubtype, read back
    let out = write(&rs, Dialect::Biblatex, false);
    for ty in ["review", "video", "movie", "audio", "music", "image"] {
        assert!(
            out.contains(&format!("entrysubtype = {{{ty}}}")),
            "{ty}\n{out}"
        );
    }
    assert!(!out.contains("@audio"), "{out}");
    assert_eq!(read(&out).0, rs);
}

/// A `shorttitle` from elsewhere is kept even when it is the title's first four words.
#[test]
fn four_word_shorttitle_is_kept() {
    let r = one("@misc{f, title = {One two three four five six}, shorttitle = {One two three four}, date = {2000}}");
    assert_eq!(value(&r, "title-short"), Some("One two three four"));
}

/// Quotation commands are quotation marks; `\emph` is plain text.
#[test]
fn quotation_commands_are_quotes() {
    let r = one("@book{a, title = {\\enquote{Intention} und \\mkbibquote{Sein \\enquote{x}} \\textquote[p. 5]{Zitat} \\emph{Werk}}, date = {2000}}");
    assert_eq!(r.title, "“Intention” und “Sein ‘x’” “Zitat” Werk");
}

/// `file` is verbatim: spaces and non-ASCII stay as they are.
#[test]
fn file_fields_are_verbatim() {
    let path = ":/Volumes/iDisk/Freie Universität Berlin/a b.pdf:PDF";
    let r = one(&format!(
        "@article{{a, title = {{T}}, date = {{2000}}, file = {{{path}}}}}"
    ));
    assert_eq!(value(&r, "bib:file"), Some(path));
    let out = write(std::slice::from_ref(&r), Dialect::Biblatex, false);
    assert!(
        out.contains(&format!("  file         = {{{path}}},")),
        "{out}"
    );
}
