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
