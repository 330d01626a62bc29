//! CSL-JSON for the oracles: every fixture, a record with every field, and generated records.
//! With `CSL_OUT_DIR` set, the files are written there for `tests/interop/csl.sh` to check
//! with csl-validate --strict and csl-render (citeproc-js).
mod common;

use archivecite::csl;
use archivecite::record::{
    Block, Credit, Date, DigitalArchive, Extra, Name, Original, Record, Role, WCDA,
};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

fn out(name: &str, json: &str) {
    if let Ok(dir) = std::env::var("CSL_OUT_DIR") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            std::path::Path::new(&dir).join(format!("{name}.csl.json")),
            json,
        )
        .unwrap();
    }
}

/// As in tests/csl.rs: the body and an empty summary are lost.
fn project(mut r: Record) -> Record {
    r.body.clear();
    r.summary = r.summary.filter(|s| !s.is_empty());
    r
}

#[test]
fn fixtures_round_trip() {
    for (name, page) in common::pages() {
        let r = archivecite::block::read(&page).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json = csl::write(std::slice::from_ref(&r));
        out(&name, &json);
        let back = csl::read(&json).unwrap();
        assert_eq!(back, vec![project(r.clone())], "{name}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v[0]["type"], "manuscript", "{name}");
        if let Some(s) = r.shelfmark() {
            assert_eq!(v[0]["archive_location"], s, "{name}");
        }
        // What Zotero keeps (no custom) still gives title, date, shelfmark and credits.
        let mut bare = v.clone();
        bare[0].as_object_mut().unwrap().remove("custom");
        let z = &csl::read(&bare.to_string()).unwrap()[0];
        assert_eq!(z.title, r.title, "{name}");
        assert_eq!(z.original, r.original, "{name}");
        assert_eq!(
            z.date.as_ref().map(|d| d.edtf().to_string()),
            r.date.as_ref().map(|d| d.edtf().to_string()),
            "{name}"
        );
        if r.credit_line.is_some() {
            assert_eq!(z.credits, r.credits, "{name}");
        }
    }
}

/// A record with every field set, awkward values included.
pub fn every_field() -> Vec<Record> {
    let mut r = Record::new("“Memorandum” of Conversation & <Notes> — Kim Il Sung, 50% {done}");
    r.date = Some(
        Date::from_text("circa December 5-6, 1957")
            .unwrap_or_else(|_| Date::from_text("December 5-6, 1957").unwrap()),
    );
    r.authors = vec![
        Name::parse("Kim Du-bong"),
        Name::parse("Ludwig van Beethoven"),
        Name::parse("Martin Luther King Jr."),
        Name::parse("Ministry of Foreign Affairs of the DPRK"),
        Name::parse("毛泽东"),
    ];
    r.credit_line = Some("Obtained by James G. Hershberg (George Washington University) and translated for NKIDP by Margaret K. Gnoinska (Troy University).".into());
    r.credits = archivecite::record::parse_credits(r.credit_line.as_deref().unwrap());
    r.credits
        .push(Credit::new(Role::Editor, Name::parse("Ann Bee")));
    r.credits
        .push(Credit::new(Role::Compiler, Name::parse("Carl Dee")));
    r.credits
        .push(Credit::new(Role::Transcriber, Name::parse("Eve Fox")));
    r.credits.push(Credit::new(
        Role::Contributor,
        Name::parse("Sergey Radchenko"),
    ));
    r.credits
        .push(Credit::new(Role::Author, Name::parse("A. M. Puzanov")));
    r.credits.push(Credit::new(
        Role::Other("donated".into()),
        Name::parse("the Institute for Far Eastern Studies"),
    ));
    r.credits.push(Credit::new(
        Role::Other("recipient".into()),
        Name::parse("Nikita Khrushchev"),
    ));
    r.funders = vec![
        "ROK Ministry of Unification".into(),
        "Leon Levy Foundation".into(),
    ];
    r.digital = DigitalArchive {
        name: Some(WCDA.into()),
        url: Some("https://digitalarchive.wilsoncenter.org/document/115647".into()),
        doc_id: Some("115647".into()),
    };
    r.original = Some(Original::parse("APRF, f. 45, op. 1, d. 1, l. 7; AVPRF, Fond 7, Opis 5a, Delo 5, Papka 11, List 80; and RGASPI, f. 558, op. 11, d. 3, ll. 0078."));
    r.languages = vec!["Russian".into(), "Korean".into()];
    r.renditions = ["English HTML", "Russian PDF", "Original Scan"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    r.genre = Some("Memorandum of Conversation".into());
    r.subjects = vec!["Korean War, 1950-1953".into(), "Nuclear weapons".into()];
    r.places = vec!["Pyongyang".into(), "Moscow".into()];
    r.extra = vec![Extra {
        label: "Original Archive".into(),
        value: "AVPRF".into(),
    }];
    r.summary = Some(
        "Kim Il Sung discusses the \"KWP CC\" Plenum.\nSecond line; \\ backslash, tab\t.".into(),
    );
    r.body = vec![
        Block::Dateline("7 December 1957".into()),
        Block::Paragraph("I visited Kim Il Sung.".into()),
    ];
    r.citation = Some(
        "\"Memorandum,\" December 5-6, 1957, History and Public Policy Program Digital Archive."
            .into(),
    );

    let mut dates = Vec::new();
    for edtf in [
        "1957",
        "1957-12",
        "1957-12-07",
        "1957~",
        "1957-12-07?",
        "1957-12-07%",
        "1957-21",
        "195X",
        "19XX",
        "../1958",
        "1945/",
        "1945/..",
        "1957-12-05/1957-12-06",
        "1957~/1958-03",
        "-0044-03-15",
    ] {
        let mut d = Record::new(format!("Dated {edtf}"));
        d.date = Some(edtf.parse().unwrap());
        dates.push(d);
    }
    let mut bare = Record::new("Untitled");
    bare.original = Some(Original::parse("Milovan Djilas. Wartime. Translated by Michael B. Petrovich. (New York: Harcourt Brace Jovanovich, 1977), 385-387."));
    let mut out = vec![r.clone(), r, bare];
    out.extend(dates);
    out
}

#[test]
fn every_field_round_trips() {
    let records = every_field();
    let json = csl::write(&records);
    out("every-field", &json);
    let back = csl::read(&json).unwrap();
    assert_eq!(back, records.into_iter().map(project).collect::<Vec<_>>());
}

#[test]
fn generated_records() {
    let mut runner = TestRunner::deterministic();
    let strategy = common::record();
    let records: Vec<Record> = (0..200)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect();
    let json = csl::write(&records);
    out("generated", &json);
    assert_eq!(
        csl::read(&json).unwrap(),
        records.into_iter().map(project).collect::<Vec<_>>()
    );
}

/// A foreign file (journal articles), read and written back.
#[test]
fn foreign_round_trip() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/bench-data/beebe-fish-5000.csl.json"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let records = csl::read(&text).unwrap();
    let json = csl::write(&records[..300]);
    out("beebe-300", &json);
    assert_eq!(csl::read(&json).unwrap(), records[..300].to_vec());
}

/// Items of a CSL-JSON file as JSON values.
fn items(json: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(json)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The user story: a .bib library converted for Zotero keeps types, containers, publishers,
/// places, volumes and citation keys (the hub's bibliographic vocabulary).
#[test]
fn library_bib_to_csl() {
    let bib = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/library.bib"
    ))
    .unwrap();
    let (records, errors) = archivecite::bibtex::read(&bib);
    assert!(errors.is_empty(), "{errors:?}");
    let json = csl::write(&records);
    out("library", &json);
    let v = items(&json);
    let types: Vec<&str> = v.iter().map(|i| i["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        ["manuscript", "book", "article-journal", "document"],
        "{json}"
    );
    let ids: Vec<&str> = v.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "wcda-115647",
            "lankov2002",
            "szalontai2003",
            "weathersby1993"
        ]
    );
    assert_eq!(
        v[0]["archive_location"],
        "AVPRF F. 0102, Op. 13, P. 72, Delo 5, Listy 165-192"
    );
    assert_eq!(v[0]["archive"], WCDA);
    assert_eq!(v[1]["publisher"], "Rutgers University Press");
    assert_eq!(v[1]["publisher-place"], "New Brunswick");
    assert_eq!(
        v[2]["container-title"],
        "Cold War International History Project Working Paper"
    );
    assert_eq!(v[2]["volume"], "53");
    assert_eq!(v[2]["issued"]["date-parts"], serde_json::json!([[2006, 8]]));
    assert_eq!(
        v[2]["note"],
        "Issued by the History and Public Policy Program Digital Archive"
    );
    assert_eq!(v[3]["publisher"], "CWIHP Working Paper No.\u{a0}8");
    // Reading the CSL back gives the same records.
    assert_eq!(csl::read(&json).unwrap(), records);
}

/// What a CSL article must keep through another format.
fn essentials(item: &serde_json::Value) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for k in [
        "type",
        "id",
        "title",
        "container-title",
        "volume",
        "issue",
        "page",
        "DOI",
        "ISSN",
        "ISBN",
        "publisher",
        "publisher-place",
        "edition",
        "author",
        "issued",
        "accessed",
        "language",
        "title-short",
        "URL",
    ] {
        if let Some(v) = item.get(k) {
            let empty_date = k == "issued" && v["date-parts"] == serde_json::json!([]);
            if !empty_date {
                // .bib collapses runs of whitespace (a documented loss of the format)
                let v = match v {
                    serde_json::Value::String(t) => serde_json::Value::String(
                        t.split_whitespace().collect::<Vec<_>>().join(" "),
                    ),
                    other => other.clone(),
                };
                m.insert(k.to_string(), v);
            }
        }
    }
    serde_json::Value::Object(m)
}

/// Foreign CSL (a hand-written sample and 20 items of the Beebe fisheries bibliography) →
/// BibLaTeX (and BibTeX) → CSL keeps the type, container, volume, issue, pages, DOI, ISSN,
/// authors and date.
#[test]
fn foreign_csl_through_bib() {
    let mut inputs = vec![(
        "articles",
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/golden/csl/articles.csl.json"
        ))
        .unwrap(),
    )];
    if let Ok(text) = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/bench-data/beebe-fish-5000.csl.json"
    )) {
        let first: Vec<serde_json::Value> = items(&text).into_iter().take(20).collect();
        inputs.push(("beebe-20", serde_json::to_string(&first).unwrap()));
    }
    for (name, input) in inputs {
        let records = csl::read(&input).unwrap();
        for dialect in [
            archivecite::bibtex::Dialect::Biblatex,
            archivecite::bibtex::Dialect::Bibtex,
        ] {
            let bib = archivecite::bibtex::write(&records, dialect, false);
            let (back, errors) = archivecite::bibtex::read(&bib);
            assert!(errors.is_empty(), "{errors:?}");
            let json = csl::write(&back);
            if dialect == archivecite::bibtex::Dialect::Biblatex {
                out(&format!("{name}-via-biblatex"), &json);
            }
            let (want, got) = (items(&input), items(&json));
            assert_eq!(want.len(), got.len());
            for (w, g) in want.iter().zip(&got) {
                let mut w = essentials(w);
                let mut g = essentials(g);
                if dialect == archivecite::bibtex::Dialect::Bibtex {
                    // BibTeX has no short title, langid or urldate in its usual fields.
                    for k in ["title-short", "language", "accessed"] {
                        w.as_object_mut().unwrap().remove(k);
                        g.as_object_mut().unwrap().remove(k);
                    }
                }
                assert_eq!(g, w, "{name} {dialect:?}\n{bib}");
            }
        }
    }
}
