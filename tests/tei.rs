//! TEI P5: round trip over the shared strategy, TEI from elsewhere, errors, and the oracle.
mod common;

use archivecite::record::{
    Block, Credit, Date, DigitalArchive, Extra, Name, Original, Record, Rendition, Role, WCDA,
};
use archivecite::tei;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use std::path::{Path, PathBuf};
use std::process::Command;

const SEED_BODY: &[&str] = &[
    "I visited Kim Il Sung. I present him with two newsreels, the Anniversary Session of the USSR Supreme Soviet.",
    "Kim Il Sung thanked [me].",
    "Kim Il Sung provided information about the KWP CC Plenum. The Plenum was held on 5 and 6 December. Up to 1500 people were present at the Plenum and about 20 people spoke. The Plenum went in an organized manner and at a high ideological and political level. The Plenum completely approved of the results of the Moscow conference and the historical documents adopted by it. There was sharp criticism at the Plenum against the reactionaries and their sympathizers. Kim Du-bong and Pak Ui-won were criticized especially sharply. It developed that when criticizing himself at the CC at the end of this year Kim Du-bong did not tell us everything. For example, it was not known that during the September 1956 Plenum Peng Dehuai was at Kim Du-bong's apartment and had a long conversation with him. During Kim Du-bong's speech many questions were asked of him by the audience [s mest]. Pak Ui-won spoke poorly. He, too, was asked many questions and was given sharp remarks. There were no remarks or comments from Presidium members.",
    "In order not to distract participants of the Plenum from a discussion of the main issue about the Moscow conference the report about the factionalists was stated only in general terms, but inasmuch as the issues of the anti-Party activity of the factionalists were touched on in the speeches by many comrades at the Plenum and there was a need to take decisive measures against them, it was necessary to dwell on these issues in more detail in the closing speech. In the closing speech I said that it is inadvisable to especially explore the issue of the factionalists at this Plenum, which is devoted to the discussion of the important issue of the results of the Moscow conference. The Plenum agreed with this suggestion.",
    "The Plenum adopted a detailed decision which completely approved the work of the Moscow meetings and the documents they adopted. The decision which was adopted especially pointed to the need for a further strengthening of the unity of the socialist countries headed by the Soviet Union.",
    "Kim Il Sung then said that a meeting of the DPRK Cabinet of Ministers was held today at which the economic plan for 1958 was examined and approved in the presence of the chairmen of provincial Party and people's committees. It provides for an increase of gross industrial output of 21% and 3,300,000 tons in the gross grain harvest. Today Gosplan Chairman Ri Jeong-ok made a report at a meeting of officials of district committees about the agricultural plan for 1958.",
    "I thanked Kim Il Sung for the information.",
];

/// The seed document as the block reader should give it (design/mapping.md §3).
pub fn seed() -> Record {
    let mut r =
        Record::new("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957");
    r.date = Some(Date::from_text("December 07, 1957").unwrap());
    r.credits = vec![Credit {
        role: Role::Translator,
        name: Name::parse("Gary Goldberg"),
        affiliation: None,
        on_behalf_of: Some("NKIDP".into()),
    }];
    r.credit_line = Some("Translated for NKIDP by Gary Goldberg.".into());
    r.funders = vec![
        "ROK Ministry of Unification".into(),
        "Leon Levy Foundation".into(),
    ];
    r.digital = DigitalArchive {
        name: Some(WCDA.into()),
        url: None,
        doc_id: None,
    };
    r.original = Some(Original::parse("AVPRF F. 0102, Op. 13, Delo 5"));
    r.renditions = vec!["English HTML".parse::<Rendition>().unwrap()];
    r.summary = Some("Kim Il sung discusses the KWP CC Plenum, which adopted a decision approving the work of the Moscow meetings and pointed to the need to further strengthen the unity between socialist countries.".into());
    r.body = std::iter::once(Block::Dateline("7 December 1957".into()))
        .chain(SEED_BODY.iter().map(|p| Block::Paragraph(p.to_string())))
        .collect();
    r.citation = Some("\"Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957,\" December 07, 1957, History and Public Policy Program Digital Archive, AVPRF F. 0102, Op. 13, Delo 5. Translated for NKIDP by Gary Goldberg.".into());
    r
}

/// What TEI cannot hold: nothing (the strategy's `\PC` characters are all legal XML 1.0).
fn project(r: Record) -> Record {
    r
}

proptest! {
    #[test]
    fn round_trip(r in common::record()) {
        let xml = tei::write(std::slice::from_ref(&r));
        prop_assert_eq!(tei::read(&xml).unwrap(), vec![project(r)]);
    }

    #[test]
    fn corpus_round_trip(rs in prop::collection::vec(common::record(), 0..4)) {
        let xml = tei::write(&rs);
        prop_assert_eq!(tei::read(&xml).unwrap(), rs.into_iter().map(project).collect::<Vec<_>>());
    }

    #[test]
    fn never_panics_on_mangled_output(r in common::record(), cut in 0usize..4000, junk in "\\PC{0,3}") {
        let xml = tei::write(&[r]);
        let mut at = cut.min(xml.len());
        while !xml.is_char_boundary(at) { at -= 1; }
        let mangled = format!("{}{}{}", &xml[..at], junk, &xml[at..]);
        let _ = tei::read(&mangled);
        let _ = tei::read(&xml[..at]);
    }
}

/// Records with every field and the awkward values the strategy does not make.
fn awkward() -> Vec<Record> {
    let mut out = Vec::new();
    let mut r = seed();
    r.title = "  A \"title\" <with> & ]]> 'quotes'\u{a0}\u{200f}עברית e\u{301}\t\r\nline  ".into();
    r.authors = vec![
        Name::parse("Kim Du-bong"),
        Name::parse("毛泽东"),
        Name::parse("Martin Luther King Jr."),
        Name::parse("Ludwig van Beethoven"),
        Name::Organization("Central Committee & Co.".into()),
        // CSL's dropping particle and comma before the suffix, kept as typed parts
        Name::Person(archivecite::record::PersonName {
            given: "Charles".into(),
            particle: "de".into(),
            family: "Gaulle".into(),
            suffix: "Jr.".into(),
            dropping_particle: true,
            comma_suffix: true,
            ..Default::default()
        }),
    ];
    r.credits = vec![
        Credit {
            role: Role::ObtainedBy,
            name: Name::parse("Bernd Schaefer"),
            affiliation: Some("George Washington University".into()),
            on_behalf_of: Some("NKIDP".into()),
        },
        Credit::new(
            Role::Other("donated".into()),
            Name::parse("the Institute for Far Eastern Studies"),
        ),
        Credit::new(Role::Other("translator".into()), Name::parse("Pak Ui-won")),
        Credit::new(Role::Author, Name::parse("A. M. Puzanov")),
        Credit {
            role: Role::Editor,
            name: Name::parse("X"),
            affiliation: Some(String::new()),
            on_behalf_of: Some(String::new()),
        },
    ];
    r.digital = DigitalArchive {
        name: None,
        url: Some("http://x.org/a?b=c&d=\"e\"".into()),
        doc_id: Some("115647".into()),
    };
    r.original = Some(Original::parse("APRF, f. 45, op. 1, d. 1, l. 7; AVPRF, Fond 7, Opis 5a, Delo 5, Papka 11, List 80; and RGASPI, f. 558, op. 11, d. 3, ll. 0078."));
    r.languages = vec!["Russian".into(), "Klingon".into(), String::new()];
    r.renditions = vec![
        "English HTML".parse().unwrap(),
        "Russian PDF".parse().unwrap(),
        "Original Scan".parse().unwrap(),
    ];
    r.genre = Some("Diary".into());
    r.subjects = vec![
        "Korean War, 1950-1953".into(),
        "Soviet Union—Foreign relations".into(),
    ];
    r.places = vec!["Pyongyang".into(), "Moscow & <Beijing>".into()];
    r.extra = vec![
        Extra {
            label: "Original Archive".into(),
            value: "AVPRF".into(),
        },
        Extra {
            label: String::new(),
            value: "  spaced  ".into(),
        },
    ];
    r.summary = Some("Line one.\n\nLine two &amp; more.\r\n".into());
    r.body = vec![
        Block::Paragraph("Before any dateline.".into()),
        Block::Dateline("Pyongyang, 20 October 1972".into()),
        Block::Paragraph("  indented\tand\ttabbed  ".into()),
        Block::Dateline("[no date here]".into()),
        Block::Dateline("21 October 1972".into()),
        Block::Paragraph(String::new()),
        Block::Dateline("22 October 1972".into()),
    ];
    r.date = Some(Date::from_text("circa 1958").unwrap());
    out.push(r.clone());

    for (edtf, text) in [
        ("1957-12-05/1957-12-06", Some("December 5-6, 1957")),
        ("../1958", None),
        ("1945/", Some("")),
        ("195X", None),
        ("19XX", None),
        ("1957-21", Some("Spring 1957")),
        ("1957-24", None),
        ("1957-12-07%", None),
        ("-0044", None),
        ("0000", None),
        ("1957/1957", None),
        ("1957?/1958-02~", None),
    ] {
        let mut d = r.clone();
        d.date = Some(
            edtf.parse::<Date>()
                .unwrap()
                .with_text(text.map(String::from)),
        );
        d.body = vec![
            Block::Dateline("7 December 1957".into()),
            Block::Dateline("Moscow, 1957".into()),
        ];
        d.original = Some(Original::parse("Milovan Djilas. Wartime. Translated by Michael B. Petrovich. (New York: Harcourt Brace Jovanovich, 1977), 385-387."));
        out.push(d);
    }
    let mut bare = Record::new("");
    out.push(bare.clone());
    bare.original = Some(Original::parse("The document, from the personal archive of a participant, was given to the project by his family. A copy was subsequently found in RGASPI, f. 17, op. 128, d. 1019."));
    bare.digital.name = Some(String::new());
    bare.genre = Some(String::new());
    out.push(bare);
    out
}

#[test]
fn seed_round_trips() {
    let r = seed();
    let xml = tei::write(std::slice::from_ref(&r));
    assert!(xml.contains(
        r#"<repository key="AVPRF">Arkhiv vneshnei politiki Rossiiskoi Federatsii</repository>"#
    ));
    assert!(xml.contains(r#"<idno type="shelfmark">F. <idno type="fond">0102</idno>, Op. <idno type="opis">13</idno>, Delo <idno type="delo">5</idno></idno>"#));
    assert!(xml.contains(r#"<resp ref="http://id.loc.gov/vocabulary/relators/trl">translated for <orgName type="project">NKIDP</orgName> by</resp>"#));
    assert!(
        xml.contains(r#"<opener>"#)
            && xml
                .contains(r#"<dateline><date when="1957-12-07">7 December 1957</date></dateline>"#)
    );
    assert_eq!(tei::read(&xml).unwrap(), vec![r]);
}

/// Every fixture page through the block reader.
fn fixture_records() -> Vec<(String, Record)> {
    common::pages()
        .into_iter()
        .map(|(name, text)| {
            let r = archivecite::block::read(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, r)
        })
        .collect()
}

#[test]
fn fixtures_round_trip() {
    let pages = fixture_records();
    assert!(pages.len() > 5);
    for (name, r) in &pages {
        let xml = tei::write(std::slice::from_ref(r));
        assert_eq!(tei::read(&xml).unwrap(), vec![r.clone()], "{name}");
    }
    let all: Vec<Record> = pages.into_iter().map(|(_, r)| r).collect();
    assert_eq!(tei::read(&tei::write(&all)).unwrap(), all);
}

/// The block reader's seed record is the hand-built one.
#[test]
fn block_reader_seed_matches() {
    let (_, r) = fixture_records().remove(0);
    let xml = tei::write(&[r]);
    let back = tei::read(&xml).unwrap().remove(0);
    let want = seed();
    assert_eq!(back.title, want.title);
    assert_eq!(back.date, want.date);
    assert_eq!(back.credits, want.credits);
    assert_eq!(back.funders, want.funders);
    assert_eq!(back.original, want.original);
    assert_eq!(back.body, want.body);
}

#[test]
fn awkward_records_round_trip() {
    for r in awkward() {
        let xml = tei::write(std::slice::from_ref(&r));
        assert_eq!(tei::read(&xml).unwrap(), vec![r], "{xml}");
    }
    let all = awkward();
    assert_eq!(tei::read(&tei::write(&all)).unwrap(), all);
    assert_eq!(tei::read(&tei::write(&[])).unwrap(), vec![]);
}

#[test]
fn dates_use_w3c_attributes_and_edtf() {
    let w = |edtf: &str| {
        let mut r = Record::new("t");
        r.date = Some(edtf.parse().unwrap());
        let xml = tei::write(&[r]);
        let start = xml.find("<creation>").unwrap();
        let end = xml.find("</creation>").unwrap();
        xml[start + 10..end].to_string()
    };
    assert_eq!(w("1957-12-07"), r#"<date when="1957-12-07"/>"#);
    assert_eq!(
        w("1957-12-05/1957-12-06"),
        r#"<date from="1957-12-05" to="1957-12-06"/>"#
    );
    assert_eq!(
        w("1957~"),
        r##"<date when="1957" when-custom="1957~" datingMethod="#edtf"/>"##
    );
    assert_eq!(
        w("195X"),
        r##"<date notBefore="1950" notAfter="1959" when-custom="195X" datingMethod="#edtf"/>"##
    );
    assert_eq!(
        w("../1958"),
        r##"<date to="1958" when-custom="../1958" datingMethod="#edtf"/>"##
    );
    assert_eq!(
        w("1957-24"),
        r##"<date notBefore="1957-12" notAfter="1958-02" when-custom="1957-24" datingMethod="#edtf"/>"##
    );
}

fn oracle() -> Option<PathBuf> {
    let dir = std::env::var_os("ORACLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/oracles"))
        });
    let script = dir.join("tei-validate");
    script.exists().then_some(script)
}

fn validate(files: &[PathBuf]) {
    let Some(script) = oracle() else {
        eprintln!("tei-validate not found (set ORACLES): skipped");
        return;
    };
    let out = Command::new(script).args(files).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.ends_with("valid TEI (tei_all.rng)"))
            .count(),
        files.len(),
        "{stdout}"
    );
}

fn write_file(dir: &Path, name: &str, records: &[Record]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, tei::write(records)).unwrap();
    path
}

/// Seed, awkward records, a corpus and generated records with every field: all valid TEI.
#[test]
fn output_validates_against_tei_all() {
    if oracle().is_none() {
        eprintln!("tei-validate not found (set ORACLES): skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("archivecite-tei-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = vec![write_file(&dir, "seed.tei.xml", &[seed()])];
    // (tests/interop/tei.sh validates each fixture's document through the CLI)
    let pages = fixture_records();
    let all: Vec<Record> = pages.into_iter().map(|(_, r)| r).collect();
    files.push(write_file(&dir, "fixtures-corpus.tei.xml", &all));
    let awkward = awkward();
    // single documents declare their own calendar and taxonomies; the corpus holds them all
    for i in [0, awkward.len() - 1] {
        let r = &awkward[i];
        files.push(write_file(
            &dir,
            &format!("awkward-{i}.tei.xml"),
            std::slice::from_ref(r),
        ));
    }
    files.push(write_file(&dir, "corpus.tei.xml", &awkward));
    // generated records with every optional field filled
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let full = common::record().prop_filter("every field", |r| {
        r.date.is_some()
            && !r.authors.is_empty()
            && !r.credits.is_empty()
            && !r.funders.is_empty()
            && r.original.is_some()
            && !r.languages.is_empty()
            && !r.renditions.is_empty()
            && r.genre.is_some()
            && r.summary.is_some()
            && r.body.len() > 1
            && !r.subjects.is_empty()
            && !r.places.is_empty()
            && !r.extra.is_empty()
    });
    let mut generated = Vec::new();
    for i in 0..16 {
        let r = full.new_tree(&mut runner).unwrap().current();
        if i < 1 {
            files.push(write_file(
                &dir,
                &format!("generated-{i}.tei.xml"),
                std::slice::from_ref(&r),
            ));
        }
        generated.push(r);
    }
    files.push(write_file(&dir, "generated-corpus.tei.xml", &generated));
    validate(&files);
    std::fs::remove_dir_all(&dir).ok();
}

// ---- TEI from elsewhere ----

#[test]
fn minimal_tei() {
    let xml = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>"#;
    let mut want = Record::new("T");
    want.body = vec![Block::Paragraph("x".into())];
    assert_eq!(tei::read(xml).unwrap(), vec![want]);
}

#[test]
fn oracle_sample_seed() {
    let path = oracle()
        .map(|s| s.with_file_name("samples").join("seed.tei.xml"))
        .filter(|p| p.exists());
    let Some(path) = path else {
        eprintln!("oracle samples not found: skipped");
        return;
    };
    let xml = std::fs::read_to_string(path).unwrap();
    let r = &tei::read(&xml).unwrap()[0];
    assert_eq!(
        r.title,
        "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957"
    );
    assert_eq!(r.authors, vec![Name::person("A. M.", "Puzanov")]);
    assert_eq!(
        r.funders,
        ["ROK Ministry of Unification", "Leon Levy Foundation"]
    );
    assert_eq!(r.credits.len(), 1);
    assert_eq!(r.credits[0].role, Role::Translator);
    assert_eq!(r.credits[0].name, Name::person("Gary", "Goldberg"));
    assert_eq!(r.credits[0].on_behalf_of.as_deref(), Some("NKIDP"));
    assert_eq!(r.digital.name.as_deref(), Some(WCDA));
    assert_eq!(r.shelfmark(), Some("AVPRF F. 0102, Op. 13, Delo 5"));
    assert_eq!(r.original.as_ref().unwrap().holdings()[0].parts.len(), 3);
    assert_eq!(r.languages, ["Russian"]);
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1957-12-07");
    assert_eq!(r.date.as_ref().unwrap().text(), Some("7 December 1957"));
    assert!(r
        .summary
        .as_ref()
        .unwrap()
        .starts_with("Kim Il sung discusses"));
    assert_eq!(r.body.len(), 4);
    assert_eq!(r.body[1].text(), "Kim Il Sung thanked me.");
    assert!(r.body[2].text().ends_with("about 20 people spoke."));
}

#[test]
fn frus_style_document() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE TEI>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title type="complete">Foreign Relations of the United States, 1955–1957, Volume XXIII, Part 2, Korea</title></titleStmt>
      <publicationStmt><publisher>United States Government Printing Office</publisher></publicationStmt>
      <sourceDesc><p>Office of the Historian</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="document" xml:id="d49" n="49" subtype="historical-document" frus:doc-dateTime-min="1955-05-05T00:00:00-04:00">
        <head>49. Telegram From the Embassy in Korea to the
          Department of State<note n="1" xml:id="d49fn1" type="source">Source: Department of State, Central Files, 795B.00/5–555.</note></head>
        <opener>
          <dateline>
            <placeName>Seoul</placeName>, <date when="1955-05-05">May 5, 1955—4 p.m.</date>
          </dateline>
        </opener>
        <p>1029. Reference: Deptel 931.<note n="2">Not printed.</note></p>
        <p>President Rhee &amp; I met <hi rend="italic">today</hi>.</p>
        <closer><signed><persName>Briggs</persName></signed></closer>
      </div>
    </body>
  </text>
</TEI>"#;
    let r = &tei::read(xml).unwrap()[0];
    // a document of an edition's volume: its head (without the footnote) is the title, the
    // volume the container, the source note the shelfmark
    assert_eq!(
        r.title,
        "49. Telegram From the Embassy in Korea to the Department of State"
    );
    assert_eq!(
        r.extra
            .iter()
            .find(|x| x.label == "container-title")
            .map(|x| x.value.as_str()),
        Some("Foreign Relations of the United States, 1955–1957, Volume XXIII, Part 2, Korea")
    );
    assert_eq!(
        r.shelfmark(),
        Some("Department of State, Central Files, 795B.00/5–555")
    );
    assert_eq!(
        r.digital.name.as_deref(),
        Some("United States Government Printing Office")
    );
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1955-05-05");
    assert_eq!(
        r.body,
        vec![
            Block::Dateline("Seoul, May 5, 1955—4 p.m.".into()),
            // a footnote is no part of its paragraph
            Block::Paragraph("1029. Reference: Deptel 931.".into()),
            Block::Paragraph("President Rhee & I met today.".into()),
        ]
    );
    // the document head is the title when the header has none
    let headless = xml.replace("<title type=\"complete\">Foreign Relations of the United States, 1955–1957, Volume XXIII, Part 2, Korea</title>", "<title/>");
    let r = &tei::read(&headless).unwrap()[0];
    assert_eq!(
        r.title,
        "49. Telegram From the Embassy in Korea to the Department of State"
    );
    assert!(r.extra.iter().all(|x| x.label != "container-title"));

    // a volume of several documents: one record each, in order, each with its own text
    let second = r#"<div type="document" xml:id="d50" n="50">
        <head>50. Memorandum of a Conversation<note type="source">Source: Department of State, Central Files, 795.00/5–655. Secret.</note></head>
        <opener><dateline><placeName>Washington</placeName>, <date when="1955-05-06">May 6, 1955</date></dateline></opener>
        <p>Second document.</p>
      </div>
    </body>"#;
    let volume = xml.replacen("</body>", second, 1);
    let rs = tei::read(&volume).unwrap();
    assert_eq!(rs.len(), 2);
    assert_eq!(
        rs[0].title,
        "49. Telegram From the Embassy in Korea to the Department of State"
    );
    assert_eq!(rs[0].date.as_ref().unwrap().to_string(), "1955-05-05");
    assert!(rs[0]
        .body
        .iter()
        .all(|b| !b.text().contains("Second document")));
    assert_eq!(rs[1].title, "50. Memorandum of a Conversation");
    assert_eq!(rs[1].date.as_ref().unwrap().to_string(), "1955-05-06");
    assert_eq!(
        rs[1].body,
        vec![
            Block::Dateline("Washington, May 6, 1955".into()),
            Block::Paragraph("Second document.".into())
        ]
    );
    // the source note's first sentence is the shelfmark, the rest a note
    assert_eq!(
        rs[1].shelfmark(),
        Some("Department of State, Central Files, 795.00/5–655")
    );
    assert_eq!(rs[1].original.as_ref().unwrap().holdings().len(), 1);
    assert!(rs[1]
        .extra
        .iter()
        .any(|x| x.label == "Source note" && x.value == "Secret."));
    assert_eq!(rs[1].digital.name, rs[0].digital.name);
}

#[test]
fn prefixed_tei_and_foreign_elements() {
    let xml = r#"<tei:TEI xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x"><tei:teiHeader><tei:fileDesc><tei:titleStmt><tei:title>Prefixed</tei:title><x:title>not this</x:title></tei:titleStmt></tei:fileDesc></tei:teiHeader><tei:text><tei:body><tei:p>a<x:p>b</x:p></tei:p><p>no namespace</p></tei:body></tei:text></tei:TEI>"#;
    let r = &tei::read(xml).unwrap()[0];
    assert_eq!(r.title, "Prefixed");
    assert_eq!(r.body, vec![Block::Paragraph("ab".into())]);
}

// ---- errors ----

fn err(input: &str) -> String {
    match tei::read(input) {
        Ok(r) => panic!("read {input:?} as {r:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn not_tei_is_a_positioned_error() {
    assert!(
        err("").starts_with("1:1: tei: expected a <TEI> or <teiCorpus> root element"),
        "{}",
        err("")
    );
    assert!(
        err("just text").starts_with("1:1: tei: expected markup"),
        "{}",
        err("just text")
    );
    let e = err("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>");
    assert!(
        e.starts_with("2:1: tei: expected a <TEI> or <teiCorpus> root element"),
        "{e}"
    );
    let e = err("<TEI xmlns=\"http://example.org/\"/>");
    assert!(
        e.starts_with("1:1: tei: expected the root in the TEI namespace"),
        "{e}"
    );
    let e = err("<TEI/>");
    assert!(e.contains("TEI namespace"), "{e}");
    let e = err("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <text>\n    <body></text>\n</TEI>");
    assert!(e.starts_with("3:"), "{e}");
    let e = err("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <text>");
    assert!(e.contains("end tag"), "{e}");
    let e = err(
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/><TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>",
    );
    assert!(e.contains("one root element"), "{e}");
    let e = err("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" a=\"1\" a=\"2\"/>");
    assert!(
        e.starts_with("1:1: tei: expected well-formed attributes"),
        "{e}"
    );
}

#[test]
fn entities_are_never_expanded() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE TEI [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol9;</p></body></text></TEI>"#;
    let e = err(bomb);
    assert!(
        e.starts_with("9:57: tei: expected one of the predefined entities"),
        "{e}"
    );
    let e = err(r#"<TEI xmlns="http://www.tei-c.org/ns/1.0" n="&x;"/>"#);
    assert!(e.contains("known entities only"), "{e}");
    // predefined entities and character references are resolved
    let r = tei::read(r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lt;&amp;&gt;&quot;&apos;&#x41;&#66;<![CDATA[<&>]]></p></body></text></TEI>"#).unwrap();
    assert_eq!(r[0].body, vec![Block::Paragraph("<&>\"'AB<&>".into())]);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let n = 100_000;
    let xml = format!(
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">{}{}</TEI>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    assert!(err(&xml).contains("nested at most 512 deep"));
    let ok = format!(
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>{}<p>deep</p>{}</body></text></TEI>",
        "<div>".repeat(400),
        "</div>".repeat(400)
    );
    assert_eq!(
        tei::read(&ok).unwrap()[0].body,
        vec![Block::Paragraph("deep".into())]
    );
}

#[test]
fn every_prefix_of_the_seed_is_handled() {
    let xml = tei::write(&[seed()]);
    for (i, _) in xml.char_indices() {
        let _ = tei::read(&xml[..i]);
    }
}

// ---- TEI from other projects (snippets modelled on real files: Bodleian, DTA, ELTeC, CMIF,
// Schnitzler-Briefe, EpiDoc, FRUS; see tests/fixtures/tei/README.md) ----

/// One foreign TEI document with this `fileDesc` content after the titleStmt, this
/// `profileDesc` content and this body.
fn foreign(title_stmt: &str, source_desc: &str, profile: &str, body: &str) -> Record {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt>{title_stmt}</titleStmt>
      <publicationStmt><p/></publicationStmt>
      <sourceDesc>{source_desc}</sourceDesc>
    </fileDesc>
    <profileDesc>{profile}</profileDesc>
  </teiHeader>
  <text><body>{body}</body></text>
</TEI>"#
    );
    let mut rs = tei::read(&xml).unwrap();
    assert_eq!(rs.len(), 1);
    rs.remove(0)
}

#[test]
fn foreign_ms_identifier_gives_repository_and_shelfmark() {
    let r = foreign(
        "<title>MS. Add. A. 10</title>",
        r#"<msDesc><msIdentifier>
             <country>United Kingdom</country>
             <region type="county">Oxfordshire</region>
             <settlement key="7011931">Oxford</settlement>
             <institution>University of Oxford</institution>
             <repository>Bodleian Library</repository>
             <idno type="SCN">24731</idno>
             <idno type="shelfmark">MS. Add. A. 10</idno>
             <altIdentifier type="internal"><idno type="SCN">99</idno></altIdentifier>
           </msIdentifier></msDesc>"#,
        "",
        "<p/>",
    );
    let h = &r.original.as_ref().unwrap().holdings()[0];
    assert_eq!(h.repository.as_ref().unwrap().printed, "Bodleian Library");
    assert_eq!(h.shelfmark, "MS. Add. A. 10");
    assert!(r
        .extra
        .iter()
        .any(|x| x.label == "Repository place" && x.value == "Oxford, United Kingdom"));
    // an empty p is no paragraph
    assert!(r.body.is_empty());

    // nested orgName in the repository (EpiDoc); a compound "…archiv" (Schnitzler-Briefe);
    // several idno: the first one
    let r = foreign(
        "<title>Zosimus</title>",
        r#"<msDesc><msIdentifier><repository><orgName type="museum"><name>
             Museo Nazionale Concordiese di <settlement>Portogruaro</settlement></name></orgName>
           </repository><idno type="inventory">394</idno><idno>old 12</idno></msIdentifier></msDesc>
           <msDesc><msIdentifier><settlement>Marbach am Neckar</settlement>
             <repository>Deutsches Literaturarchiv</repository>
             <idno>A:Schnitzler, HS.NZ85.1.3571,1</idno></msIdentifier></msDesc>"#,
        "",
        "",
    );
    let hs = r.original.as_ref().unwrap().holdings();
    assert_eq!(hs.len(), 2);
    assert_eq!(
        hs[0].repository.as_ref().unwrap().printed,
        "Museo Nazionale Concordiese di Portogruaro"
    );
    assert_eq!(hs[0].shelfmark, "394");
    assert_eq!(
        hs[1].repository.as_ref().unwrap().printed,
        "Deutsches Literaturarchiv"
    );
    assert_eq!(hs[1].shelfmark, "A:Schnitzler, HS.NZ85.1.3571,1");
}

#[test]
fn foreign_body_text_is_flattened_as_read() {
    let r = foreign(
        "<title>T</title>",
        "",
        "",
        r#"<p>Die Kraft, das Leben<lb/>&amp; der Geist. Empfangen Sie meinen leb<lb break="no"/>
             haften Dank<note place="foot">A footnote.</note> für <choice><abbr>d.</abbr><expan>den</expan></choice>
             <choice><sic>Brif</sic><corr>Brief</corr></choice> und <choice><orig>vnd</orig><reg>und</reg></choice>
             <del>nicht</del>das<fw type="catch">Ge-</fw> Geschenk<pb n="2"/>von <gap reason="illegible"/>  <space/> Ihnen.</p>
           <p/>
           <p>Zweiter<cb/>Absatz.</p>"#,
    );
    assert_eq!(
        r.body,
        vec![
            Block::Paragraph(
                "Die Kraft, das Leben & der Geist. Empfangen Sie meinen lebhaften Dank für den Brief und und das Geschenk von Ihnen.".into()
            ),
            Block::Paragraph("Zweiter Absatz.".into()),
        ]
    );
}

#[test]
fn foreign_names_read_as_persons() {
    let r = foreign(
        r#"<title>The Life and Adventures of Michael Armstrong : ELTeC edition</title>
           <author ref="viaf:34551336">Trollope, Frances Milton (1780-1863)</author>
           <author>Goethe, Johann Wolfgang von</author>
           <editor>Stefan Dumont <email>dumont@bbaw.de</email></editor>
           <editor><persName><surname>Müller</surname><forename>Martin Anton</forename></persName>
             <persName>Müller, Gerd</persName><affiliation>ÖAW</affiliation></editor>
           <editor><name>Lou Burnard</name><idno type="ORCID">0000</idno></editor>"#,
        "",
        "",
        "",
    );
    assert_eq!(
        r.authors,
        vec![
            Name::person("Frances Milton", "Trollope"),
            Name::Person(archivecite::record::PersonName {
                given: "Johann Wolfgang".into(),
                particle: "von".into(),
                family: "Goethe".into(),
                ..Default::default()
            }),
        ]
    );
    let editors: Vec<(String, String)> = r
        .credits
        .iter()
        .map(|c| {
            assert_eq!(c.role, Role::Editor);
            (c.name.given().to_string(), c.name.family().to_string())
        })
        .collect();
    let pair = |g: &str, f: &str| (g.to_string(), f.to_string());
    assert_eq!(
        editors,
        [
            pair("Stefan", "Dumont"),
            pair("Martin Anton", "Müller"),
            pair("Gerd", "Müller"),
            pair("Lou", "Burnard"),
        ]
    );
}

#[test]
fn foreign_title_prefers_the_analytic_title() {
    let r = foreign(
        r#"<title level="s">Arthur Schnitzler: Briefwechsel mit Autorinnen und Autoren</title>
           <title level="a">Jaques Joachim an Arthur Schnitzler, 31. 1. 1890</title>"#,
        "",
        "",
        "",
    );
    assert_eq!(r.title, "Jaques Joachim an Arthur Schnitzler, 31. 1. 1890");
    assert_eq!(
        r.extra
            .iter()
            .find(|x| x.label == "container-title")
            .map(|x| x.value.as_str()),
        Some("Arthur Schnitzler: Briefwechsel mit Autorinnen und Autoren")
    );
    // @type=main wins; a single series title is still the title
    let r = foreign(
        r#"<title level="m">Volume</title><title type="main">Main</title>"#,
        "",
        "",
        "",
    );
    assert_eq!(r.title, "Main");
    let r = foreign(r#"<title level="m">Only</title>"#, "", "", "");
    assert_eq!(r.title, "Only");
    assert!(r.extra.is_empty());
}

#[test]
fn foreign_letters_date_and_sender_from_corresp_desc() {
    let corresp = r#"<correspDesc key="631">
        <correspAction type="sent"><persName ref="http://d-nb.info/gnd/118615688">Soemmerring, Samuel Thomas</persName>
          <placeName>Mainz</placeName><date when="1792-11-22"/></correspAction>
        <correspAction type="received"><persName>Forster, Georg</persName><date when="1792-12-01"/></correspAction>
      </correspDesc>
      <correspDesc key="632"><correspAction type="sent"><persName>Other, Sender</persName>
        <date notBefore="1793-01"/></correspAction></correspDesc>"#;
    let r = foreign("<title>Letters</title>", "", corresp, "");
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1792-11-22");
    assert_eq!(
        r.authors,
        vec![Name::person("Samuel Thomas", "Soemmerring")]
    );
    // an addressee inside the sending action is not the sender; @when-iso; an author wins
    let r = foreign(
        "<title>Brief</title><author>Escher, Alfred</author>",
        "",
        r#"<correspDesc><correspAction type="sent"><persName type="addressee">A B</persName>
             <persName type="sender">David Eduard Steiner</persName>
             <date when-iso="1849-12-28">28. Dezember 1849</date></correspAction></correspDesc>"#,
        "",
    );
    assert_eq!(r.authors, vec![Name::person("Alfred", "Escher")]);
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1849-12-28");
    assert_eq!(r.date.as_ref().unwrap().text(), Some("28. Dezember 1849"));
    // a lone notBefore: open at the end
    let r = foreign(
        "<title>Brief</title>",
        "",
        r#"<correspDesc><correspAction type="sent"><date notBefore="1850-03"/></correspAction></correspDesc>"#,
        "",
    );
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1850-03/..");
}

#[test]
fn foreign_header_details() {
    // the source's own titleStmt (biblFull) gives no second author
    let r = foreign(
        r#"<title type="main">[SB-Nr. 1]</title>
           <author><persName><surname>Binn</surname><forename>Nikolaus</forename></persName></author>
           <respStmt><resp>ELTeC conversion</resp><name>Lou Burnard</name></respStmt>"#,
        r#"<biblFull><titleStmt><title level="m" type="main">[SB-Nr. 1]</title>
             <author><persName><surname>Binn</surname><forename>Nikolaus</forename></persName></author>
           </titleStmt><publicationStmt><p/></publicationStmt></biblFull>
           <msDesc><msIdentifier><repository>Bodleian Library</repository></msIdentifier>
             <msContents><textLang mainLang="la" otherLangs="it de">Latin and Italian</textLang>
               <textLang mainLang="it">Italian</textLang></msContents>
             <history><origin><origDate notBefore="1250" notAfter="1390">13th century, second half to 14th century, late</origDate></origin></history>
           </msDesc>"#,
        r#"<textClass><keywords scheme="http://example.org/k"><term>Kunst und Kultur</term></keywords></textClass>
           <abstract><p>About <term>nothing</term>.</p></abstract>"#,
        "",
    );
    assert_eq!(r.authors.len(), 1);
    assert_eq!(r.title, "[SB-Nr. 1]");
    // a free-text role is kept as written
    assert_eq!(r.credits[0].role, Role::Other("ELTeC conversion".into()));
    // codes, named where known, each once
    assert_eq!(r.languages, ["la", "Italian", "German"]);
    assert_eq!(r.subjects, ["Kunst und Kultur"]);
    // the manuscript's date of origin when nothing else dates it
    let d = r.date.as_ref().unwrap();
    assert_eq!(d.to_string(), "1250/1390");
    assert_eq!(
        d.text(),
        Some("13th century, second half to 14th century, late")
    );
}

#[test]
fn foreign_fixture_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tei");
    let read = |name: &str| {
        let xml = std::fs::read_to_string(dir.join(name)).unwrap();
        tei::read(&xml).unwrap()
    };

    // CMIF: the first letter's date and sender; the editor without his e-mail address
    let r = &read("cmif-example02.xml")[0];
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1792-11-22");
    assert_eq!(
        r.authors,
        vec![Name::person("Samuel Thomas", "Soemmerring")]
    );
    assert_eq!(r.credits[0].name, Name::person("Stefan", "Dumont"));
    assert!(r.body.is_empty());

    // Schnitzler-Briefe: the letter's title, not the series'; the archive and its shelfmark
    let r = &read("schnitzler-L00002-excerpt.xml")[0];
    assert_eq!(r.title, "Jaques Joachim an Arthur Schnitzler, 31. 1. 1890");
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1890-01-31");
    assert_eq!(r.authors, vec![Name::person("Jaques", "Joachim")]);
    assert_eq!(r.funders, ["FWF - Der Wissenschaftsfonds"]);
    let h = &r.original.as_ref().unwrap().holdings()[0];
    assert_eq!(
        h.repository.as_ref().unwrap().printed,
        "Deutsches Literaturarchiv"
    );
    assert_eq!(h.shelfmark, "A:Schnitzler, HS.NZ85.1.3571,1");

    // ELTeC: "Family, Given (dates)"; a free-text role as written
    let r = &read("eltec-ENG18400-excerpt.xml")[0];
    assert_eq!(r.authors, vec![Name::person("Frances Milton", "Trollope")]);
    assert_eq!(r.credits[0].role, Role::Other("ELTeC conversion".into()));

    // FRUS: one holding, the rest of the source note beside it
    let r = &read("frus1955-57v23p2-excerpt.xml")[0];
    assert_eq!(
        r.shelfmark(),
        Some("Department of State, Central Files, 795.00/2–755")
    );
    assert_eq!(r.original.as_ref().unwrap().holdings().len(), 1);
    assert!(r
        .extra
        .iter()
        .any(|x| x.label == "Source note"
            && x.value.starts_with("Top Secret; Operational Immediate.")));
    assert!(r
        .body
        .iter()
        .all(|b| !b.text().contains("is printed as Document 14")));
}
