//! CSL-JSON: round trip, Zotero convention, foreign items, errors.
mod common;

use archivecite::csl;
use archivecite::record::{
    parse_credits, Credit, Date, DigitalArchive, Extra, Name, Original, Record, Role, WCDA,
};
use proptest::prelude::*;

/// What CSL-JSON (with our `custom`) cannot hold: the body, and an empty summary (CSL readers
/// drop empty strings, and so does ours). Nothing else.
fn project(mut r: Record) -> Record {
    r.body.clear();
    r.summary = r.summary.filter(|s| !s.is_empty());
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256)
    ))]

    /// read(write(r)) == r apart from the body (the only loss allowed with `custom`).
    #[test]
    fn round_trip(records in prop::collection::vec(common::record(), 1..4)) {
        let json = csl::write(&records);
        let back = csl::read(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        let want: Vec<Record> = records.into_iter().map(project).collect();
        prop_assert_eq!(back, want, "{}", json);
    }

    /// Ids are unique within one output, even for equal records.
    #[test]
    fn ids_unique(r in common::record()) {
        let json = csl::write(&[r.clone(), r.clone(), r]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let ids: std::collections::HashSet<String> =
            v.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()).collect();
        prop_assert_eq!(ids.len(), 3);
    }

    /// The reader never panics, whatever the input.
    #[test]
    fn never_panics(s in "\\PC{0,200}") {
        let _ = csl::read(&s);
    }

    /// Nor on mangled CSL.
    #[test]
    fn never_panics_on_mangled(r in common::record(), cut in 0usize..4000, junk in "[\\[\\]{}\",:0-9a-z ]{0,5}") {
        let json = csl::write(&[r]);
        let mut cut = cut.min(json.len());
        while !json.is_char_boundary(cut) { cut -= 1; }
        let s = format!("{}{}{}", &json[..cut], junk, &json[cut..]);
        let _ = csl::read(&s);
    }
}

/// The seed, built by hand as design/mapping.md §3 describes it.
pub fn seed() -> Record {
    let mut r =
        Record::new("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957");
    r.date = Some(Date::from_text("December 07, 1957").unwrap());
    r.credit_line = Some("Translated for NKIDP by Gary Goldberg.".into());
    r.credits = parse_credits("Translated for NKIDP by Gary Goldberg.");
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
    r.renditions = vec!["English HTML".parse().unwrap()];
    r.summary = Some("Kim Il sung discusses the KWP CC Plenum, which adopted a decision approving the work of the Moscow meetings and pointed to the need to further strengthen the unity between socialist countries.".into());
    r.citation = Some("\"Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957,\" December 07, 1957, History and Public Policy Program Digital Archive, AVPRF F. 0102, Op. 13, Delo 5. Translated for NKIDP by Gary Goldberg.".into());
    r.body = vec![archivecite::record::Block::Paragraph(
        "I visited Kim Il Sung.".into(),
    )];
    r
}

#[test]
fn seed_maps_as_the_design_says() {
    let json = csl::write(&[seed()]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let it = &v[0];
    assert_eq!(it["type"], "manuscript");
    assert_eq!(it["title"], seed().title);
    assert_eq!(
        it["issued"]["date-parts"],
        serde_json::json!([[1957, 12, 7]])
    );
    assert_eq!(
        it["translator"],
        serde_json::json!([{"family": "Goldberg", "given": "Gary"}])
    );
    assert_eq!(it["archive"], WCDA);
    assert_eq!(it["archive_location"], "AVPRF F. 0102, Op. 13, Delo 5");
    assert_eq!(it["language"], "en");
    assert_eq!(it["note"], "Translated for NKIDP by Gary Goldberg.");
    assert_eq!(it["custom"]["date-text"], "December 07, 1957");
    assert_eq!(it["custom"]["funders"][1], "Leon Levy Foundation");
    assert_eq!(it["custom"]["credits"][0]["for"], "NKIDP");
    assert!(it.get("body").is_none());
    assert_eq!(csl::read(&json).unwrap(), vec![project(seed())]);
}

#[test]
fn dates() {
    let issued = |edtf: &str| {
        let mut r = Record::new("t");
        r.date = Some(edtf.parse().unwrap());
        let v: serde_json::Value = serde_json::from_str(&csl::write(&[r])).unwrap();
        v[0]["issued"].clone()
    };
    use serde_json::json;
    assert_eq!(
        issued("1957-12~"),
        json!({"date-parts": [[1957, 12]], "circa": true})
    );
    assert_eq!(
        issued("1957-12-05/1957-12-06"),
        json!({"date-parts": [[1957, 12, 5], [1957, 12, 6]]})
    );
    assert_eq!(
        issued("1957-22"),
        json!({"date-parts": [[1957]], "season": 2})
    );
    assert_eq!(issued("195X"), json!({"literal": "1950s"}));
    // citeproc-js refuses ranges whose ends differ in precision.
    assert_eq!(
        issued("1957~/1958-03"),
        json!({"literal": "circa 1957–March 1958"})
    );
    assert_eq!(issued("../1958"), json!({"literal": "until 1958"}));
    // Reading what others write.
    let read_date = |issued: &str| {
        let r = csl::read(&format!(
            r#"{{"id": "a", "type": "book", "issued": {issued}}}"#
        ))
        .unwrap();
        r[0].date.as_ref().map(|d| d.to_string())
    };
    assert_eq!(
        read_date(r#"{"date-parts": [["1957", "12", "7"]]}"#).as_deref(),
        Some("1957-12-07")
    );
    assert_eq!(
        read_date(r#"{"date-parts": [[1957], [1958]], "circa": "1"}"#).as_deref(),
        Some("1957~/1958~")
    );
    assert_eq!(
        read_date(r#"{"date-parts": [[1957]], "season": "Spring"}"#).as_deref(),
        Some("1957-21")
    );
    assert_eq!(
        read_date(r#"{"raw": "1957-12-07?"}"#).as_deref(),
        Some("1957-12-07?")
    );
    assert_eq!(
        read_date(r#"{"literal": "circa 1958"}"#).as_deref(),
        Some("1958~")
    );
    assert_eq!(
        read_date(r#"{"raw": "December 5-6, 1957"}"#).as_deref(),
        Some("1957-12-05/1957-12-06")
    );
    assert_eq!(read_date(r#"{"date-parts": []}"#), None);
    assert_eq!(read_date(r#""1957-12""#).as_deref(), Some("1957-12"));
    // A date nobody can read is kept: a printed date alone as the block reader keeps one,
    // anything else as its JSON; both are written back as they were.
    let r = csl::read(r#"{"id": "a", "issued": {"literal": "the morning after"}}"#).unwrap();
    assert_eq!(r[0].date, None);
    assert_eq!(
        r[0].extra[0],
        Extra {
            label: "date".into(),
            value: "the morning after".into()
        }
    );
    let r = csl::read(r#"{"id": "a", "issued": {"literal": "the morning after", "circa": 1}}"#)
        .unwrap();
    assert_eq!(
        r[0].extra[0],
        Extra {
            label: "csl:issued".into(),
            value: r#"{"circa":true,"literal":"the morning after"}"#.into()
        }
    );
}

#[test]
fn names() {
    let mut r = Record::new("t");
    r.authors = vec![
        Name::parse("Kim Du-bong"),
        Name::parse("Ludwig van Beethoven"),
        Name::parse("Martin Luther King Jr."),
        Name::parse("the Institute for Far Eastern Studies"),
    ];
    let json = csl::write(&[r.clone()]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    use serde_json::json;
    assert_eq!(
        v[0]["author"],
        json!([
            {"family": "Kim", "given": "Du-bong", "static-ordering": true},
            {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
            {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
            {"literal": "the Institute for Far Eastern Studies"},
        ])
    );
    assert_eq!(csl::read(&json).unwrap()[0].authors, r.authors);
    // Without static-ordering, family-first order is guessed as the name parser would.
    let r = csl::read(r#"[{"id":"a","type":"book","author":[{"family":"Kim","given":"Il Sung"},{"family":"Gaulle","given":"Charles","dropping-particle":"de"},{"given":"Plato"}]}]"#).unwrap();
    assert_eq!(r[0].authors[0].to_string(), "Kim Il Sung");
    assert_eq!(r[0].authors[1].inverted(), "de Gaulle, Charles");
    assert_eq!(r[0].authors[2].family(), "Plato");
}

#[test]
fn zotero_convention() {
    let json = r#"[{"id": "http://zotero.org/users/1/items/ABC", "type": "manuscript",
      "title": "Cable", "archive": "History and Public Policy Program Digital Archive",
      "archive_location": "RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Gary Goldberg.",
      "URL": "https://digitalarchive.wilsoncenter.org/document/120502",
      "translator": [{"family": "Goldberg", "given": "Gary"}],
      "issued": {"date-parts": [[1957, 12, 7]]}}]"#;
    let r = &csl::read(json).unwrap()[0];
    assert_eq!(
        r.shelfmark(),
        Some("RGANI, f. 5, op. 49, d. 131, ll. 193-194")
    );
    assert_eq!(
        r.original
            .as_ref()
            .unwrap()
            .repositories()
            .collect::<Vec<_>>(),
        ["RGANI"]
    );
    assert_eq!(
        r.credit_line.as_deref(),
        Some("Translated by Gary Goldberg.")
    );
    assert_eq!(
        r.credits,
        vec![Credit::new(Role::Translator, Name::parse("Gary Goldberg"))]
    );
    assert_eq!(r.digital.doc_id.as_deref(), Some("120502"));
    assert_eq!(
        r.extra,
        vec![Extra {
            label: "id".into(),
            value: "http://zotero.org/users/1/items/ABC".into()
        }]
    );
    assert_eq!(
        csl::split_zotero_location("AVPRF F. 0102, Op. 13, Delo 5. Obtained for NKIDP by Bernd Schaefer and translated for NKIDP by Karen Riechert."),
        (Some("AVPRF F. 0102, Op. 13, Delo 5"), Some("Obtained for NKIDP by Bernd Schaefer and translated for NKIDP by Karen Riechert."))
    );
    assert_eq!(
        csl::split_zotero_location("f. 5, op. 49"),
        (Some("f. 5, op. 49"), None)
    );
}

#[test]
fn without_custom_what_survives() {
    // What Zotero gives back after importing our output: no custom.
    let mut json: serde_json::Value = serde_json::from_str(&csl::write(&[seed()])).unwrap();
    json[0].as_object_mut().unwrap().remove("custom");
    let r = &csl::read(&json.to_string()).unwrap()[0];
    let s = seed();
    assert_eq!(r.title, s.title);
    assert_eq!(
        r.date.as_ref().unwrap().edtf(),
        s.date.as_ref().unwrap().edtf()
    );
    assert_eq!(r.credits, s.credits); // on_behalf_of recovered from the note
    assert_eq!(r.credit_line, s.credit_line);
    assert_eq!(r.original, s.original);
    assert_eq!(r.digital, s.digital);
    assert_eq!(r.summary, s.summary);
    assert!(r.funders.is_empty());
}

#[test]
fn foreign_items_keep_everything() {
    let json = r#"{"id": "Kesteven:1981:SRF", "type": "article-journal",
      "title": "Scientific research for the fisheries of today and tomorrow",
      "author": [{"family": "Kesteven", "given": "G. L."}],
      "editor": [{"family": "Smith", "given": "Ann"}],
      "container-title": "Fisheries Research", "volume": 1, "issue": "??", "page": "1-2",
      "DOI": "10.1016/0165-7836(81)90002-3", "ISSN": "0165-7836",
      "issued": {"date-parts": [[1981]]}, "note": "See erratum.", "keyword": "fish, research",
      "language": "en-GB", "accessed": {"date-parts": [[2020, 1, 2]]},
      "custom": {"shelf": [1, 2]}}"#;
    let r = &csl::read(json).unwrap()[0];
    assert_eq!(r.authors, vec![Name::person("G. L.", "Kesteven")]);
    assert_eq!(
        r.credits,
        vec![Credit::new(Role::Editor, Name::person("Ann", "Smith"))]
    );
    assert_eq!(r.subjects, ["fish", "research"]);
    let labels: Vec<(&str, &str)> = r
        .extra
        .iter()
        .map(|x| (x.label.as_str(), x.value.as_str()))
        .collect();
    for want in [
        ("container-title", "Fisheries Research"),
        ("volume", "1"),
        ("issue", "??"),
        ("page", "1-2"),
        ("DOI", "10.1016/0165-7836(81)90002-3"),
        ("ISSN", "0165-7836"),
        ("note", "See erratum."),
        ("language", "en-GB"),
        ("accessed", "2020-01-02"),
        ("type", "article-journal"),
        ("id", "Kesteven:1981:SRF"),
        ("csl:custom.shelf", "[1,2]"),
    ] {
        assert!(labels.contains(&want), "{want:?} not in {labels:?}");
    }
    // Written back, the article is the same article.
    let out: serde_json::Value =
        serde_json::from_str(&csl::write(std::slice::from_ref(r))).unwrap();
    let it = &out[0];
    assert_eq!(it["type"], "article-journal");
    assert_eq!(it["id"], "Kesteven:1981:SRF");
    assert_eq!(it["container-title"], "Fisheries Research");
    assert_eq!(it["volume"], "1");
    assert_eq!(it["DOI"], "10.1016/0165-7836(81)90002-3");
    assert_eq!(it["note"], "See erratum.");
    assert_eq!(it["language"], "en-GB");
    assert_eq!(it["accessed"]["date-parts"][0][2], 2);
    assert_eq!(it["custom"]["shelf"], serde_json::json!([1, 2]));
    // And reading that again, with and without custom, gives the same record.
    assert_eq!(&csl::read(&out.to_string()).unwrap()[0], r);
    let mut bare = out.clone();
    bare[0].as_object_mut().unwrap().remove("custom");
    let again = &csl::read(&bare.to_string()).unwrap()[0];
    assert_eq!(again.title, r.title);
    assert_eq!(again.authors, r.authors);
    assert_eq!(again.credits, r.credits);
    assert!(again.extra.iter().all(|x| r.extra.contains(x)));
}

#[test]
fn errors_name_line_column_and_path() {
    let cases = [
        ("[\n {\"id\": \"a\"},\n {\"id\": \"b\", \"issued\": {\"date-parts\": [[1957, \"12x\"]]}}\n]", 3, "$[1].issued.date-parts[0][1]"),
        ("[{\"id\": \"a\", \"title\": {\"x\": 1}}]", 1, "$[0].title"),
        ("[{\"id\": \"a\", \"author\": [\"Smith\"]}]", 1, "$[0].author[0]"),
        ("[{\"id\": \"a\", \"author\": [{\"name\": \"Smith\"}]}]", 1, "$[0].author[0]"),
        ("[{\"id\": \"a\", \"issued\": {\"date-parts\": 1957}}]", 1, "$[0].issued.date-parts"),
        ("[{\"id\": \"a\"},\n 3]", 2, "$[1]"),
        ("[{\"id\": \"a\", \"title\": \"x\", \"title\": \"y\"}]", 1, "$[0].title"),
    ];
    for (input, line, path) in cases {
        let e = csl::read(input).unwrap_err();
        assert_eq!(e.position().unwrap().line, line, "{e}");
        assert!(matches!(e, archivecite::Error::Shape { .. }), "{e}");
        assert!(e.to_string().contains(path), "{path} not in {e}");
    }
    let e = csl::read("[{\"id\": \"a\",\n  \"title\" \"x\"}]").unwrap_err();
    assert!(matches!(e, archivecite::Error::Syntax { .. }), "{e}");
    assert_eq!(
        (e.position().unwrap().line, e.position().unwrap().column),
        (2, 11),
        "{e}"
    );
    assert!(e.to_string().contains("$[0].title"), "{e}");
    let e = csl::read("[{\"id\": \"a\"}").unwrap_err();
    assert!(matches!(e, archivecite::Error::Syntax { .. }), "{e}");
    let e = csl::read("  nope").unwrap_err();
    assert_eq!(e.position().unwrap().column, 3);
    assert!(csl::read("").is_err());
    // Duplicate keys are an error, and say which key.
    let e = csl::read(r#"[{"id": "a", "title": "x", "title": "y"}]"#).unwrap_err();
    assert!(e.to_string().contains("duplicate key \"title\""), "{e}");
    // In custom (kept JSON), the last wins.
    let r = csl::read(r#"[{"id": "a", "custom": {"k": 1, "k": 2}}]"#).unwrap();
    let k = r[0]
        .extra
        .iter()
        .find(|x| x.label == "csl:custom.k")
        .unwrap();
    assert_eq!(k.value, "2");
}

#[test]
fn one_object_and_bom() {
    let r =
        csl::read("\u{feff} {\"id\": \"a\", \"type\": \"manuscript\", \"title\": \"T\"}").unwrap();
    assert_eq!(r[0].title, "T");
    assert_eq!(csl::read("[]").unwrap(), vec![]);
}

#[test]
fn oracle_sample_reads() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/oracles/samples/seed.csl.json"
    ))
    .or_else(|_| {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/oracles/samples/seed.csl.json"
        ))
    });
    let Ok(text) = text else { return };
    let r = &csl::read(&text).unwrap()[0];
    assert_eq!(r.authors, vec![Name::person("A. M.", "Puzanov")]);
    assert_eq!(
        r.funders,
        ["ROK Ministry of Unification", "Leon Levy Foundation"]
    );
    assert_eq!(r.credits[0].on_behalf_of.as_deref(), Some("NKIDP"));
}

/// Extras that name CSL members (as reading foreign CSL makes them), in any order and with
/// repeats, survive the round trip exactly too.
fn csl_extra() -> impl Strategy<Value = Extra> {
    let labels = vec![
        ("volume", vec!["1", "12", " padded ", ""]),
        (
            "container-title",
            vec!["Fisheries Research", "Cold War History"],
        ),
        ("note", vec!["See erratum.", "Translated by Gary Goldberg."]),
        ("keyword", vec!["fish, research"]),
        ("language", vec!["en-GB", "english"]),
        ("type", vec!["book", "manuscript", "nonsense"]),
        ("id", vec!["Smith:2010", "wcda-1"]),
        (
            "accessed",
            vec!["2020-01-02", "1957~/1958", "195X", "garbage"],
        ),
        ("csl:accessed", vec![r#"{"literal":"the morning after"}"#]),
        ("csl:volume", vec!["1"]),
        ("csl:issued", vec![r#"{"literal":"the morning after"}"#]),
        ("csl:categories", vec![r#"["a","b"]"#, "[1]"]),
        ("csl:custom.k", vec!["[1,2]", "x", "1.5"]),
        ("csl:custom.credits", vec!["oops"]),
        ("csl:frobnicate", vec!["1"]),
        ("Donors", vec!["Someone"]),
    ];
    prop::sample::select(labels).prop_flat_map(|(label, values)| {
        prop::sample::select(values).prop_map(move |v| Extra {
            label: label.to_string(),
            value: v.to_string(),
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256)
    ))]
    #[test]
    fn round_trip_with_csl_extras(mut r in common::record(), extras in prop::collection::vec(csl_extra(), 0..7)) {
        r.extra.extend(extras);
        let json = csl::write(std::slice::from_ref(&r));
        let back = csl::read(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(back, vec![project(r)], "{}", json);
    }
}

/// The first item of `json` as read, written and parsed as JSON.
fn rewrite(json: &str) -> (Record, serde_json::Value) {
    let r = csl::read(json).unwrap().remove(0);
    let out: serde_json::Value =
        serde_json::from_str(&csl::write(std::slice::from_ref(&r))).unwrap();
    (r, out[0].clone())
}

#[test]
fn edits_to_our_output_win_over_custom() {
    use serde_json::json;
    let mut s = seed();
    s.credits
        .push(Credit::new(Role::Editor, Name::parse("David Wolff")));
    s.credit_line = Some("Translated for NKIDP by Gary Goldberg and edited by David Wolff.".into());
    let ours: serde_json::Value = serde_json::from_str(&csl::write(&[s.clone()])).unwrap();
    // Unchanged: exact.
    assert_eq!(
        csl::read(&ours.to_string()).unwrap(),
        vec![project(s.clone())]
    );
    let mut it = ours.clone();
    let o = it[0].as_object_mut().unwrap();
    o.insert("id".into(), json!("http://zotero.org/users/1/items/ABC"));
    o.insert("issued".into(), json!({"date-parts": [[1957, 12, 8]]}));
    o.insert("note".into(), json!("Checked against the scan."));
    o.insert(
        "translator".into(),
        json!([{"family": "Goldberg", "given": "Gary S."}]),
    );
    o.remove("editor");
    o.insert("title".into(), json!("Journal of Puzanov"));
    o.insert(
        "URL".into(),
        json!("https://digitalarchive.wilsoncenter.org/document/1"),
    );
    o.insert(
        "archive_location".into(),
        json!("AVPRF F. 0102, Op. 13, Delo 6"),
    );
    o.insert("keyword".into(), json!("Korea, Plenum"));
    let (r, out) = rewrite(&it.to_string());
    assert_eq!(r.title, "Journal of Puzanov");
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1957-12-08");
    assert_eq!(r.date.as_ref().unwrap().text(), None);
    assert_eq!(
        r.names_with(&Role::Translator),
        [&Name::parse("Gary S. Goldberg")]
    );
    assert!(r.names_with(&Role::Editor).is_empty());
    assert_eq!(r.credit_line, None); // it named the editor, who is gone
    assert_eq!(r.shelfmark(), Some("AVPRF F. 0102, Op. 13, Delo 6"));
    assert_eq!(r.digital.doc_id.as_deref(), Some("1"));
    assert_eq!(r.funders, s.funders); // what CSL cannot hold still comes from custom
    for (k, v) in [
        ("id", json!("http://zotero.org/users/1/items/ABC")),
        ("issued", json!({"date-parts": [[1957, 12, 8]]})),
        ("note", json!("Checked against the scan.")),
        (
            "translator",
            json!([{"family": "Goldberg", "given": "Gary S."}]),
        ),
        ("title", json!("Journal of Puzanov")),
        ("keyword", json!("Korea, Plenum")),
    ] {
        assert_eq!(out[k], v, "{k}");
    }
    assert!(out.get("editor").is_none());
    // A credit sentence written into the note by hand is the credit line.
    let mut it = ours.clone();
    let line = "Translated for NKIDP by Gary Goldberg and edited by Kathryn Weathersby.";
    it[0]["note"] = json!(line);
    let (r, out) = rewrite(&it.to_string());
    assert_eq!(r.credit_line.as_deref(), Some(line));
    assert!(r
        .names_with(&Role::Editor)
        .contains(&&Name::parse("Kathryn Weathersby")));
    assert_eq!(out["note"], line);
    // Deleting the note deletes the credit line (the credits stay, in the name variables).
    let mut it = ours.clone();
    it[0].as_object_mut().unwrap().remove("note");
    let (r, _) = rewrite(&it.to_string());
    assert_eq!(r.credit_line, None);
    assert_eq!(r.credits.len(), 2);
    // A name added by hand is a credit; an id changed back to the key is no extra.
    let mut it = ours;
    it[0]["contributor"] = json!([{"family": "Ostermann", "given": "Christian F."}]);
    let (r, _) = rewrite(&it.to_string());
    assert!(r.credits.contains(&Credit::new(
        Role::Contributor,
        Name::parse("Christian F. Ostermann")
    )));
    assert!(!r.extra.iter().any(|x| x.label == "id"));
}

#[test]
fn literal_dates_survive() {
    let (r, out) = rewrite(
        r#"{"id": "a", "type": "book", "title": "T", "issued": {"literal": "Datum"}, "accessed": {"literal": "n.d."}}"#,
    );
    // Kept as the block reader keeps a date it cannot read: an extra `date` (the block writer
    // prints it); written back as the literal.
    assert!(r.extra.contains(&Extra {
        label: "date".into(),
        value: "Datum".into()
    }));
    assert_eq!(out["issued"], serde_json::json!({"literal": "Datum"}));
    assert_eq!(out["accessed"], serde_json::json!({"literal": "n.d."}));
    assert_eq!(
        csl::read(&csl::write(std::slice::from_ref(&r))).unwrap()[0],
        r
    );
}

#[test]
fn zero_date_parts_are_missing_parts() {
    let read_date = |parts: &str| {
        csl::read(&format!(
            r#"{{"id": "a", "type": "book", "issued": {{"date-parts": {parts}}}}}"#
        ))
        .unwrap()[0]
            .date
            .as_ref()
            .map(|d| d.to_string())
    };
    assert_eq!(read_date("[[1957, 0, 0]]").as_deref(), Some("1957"));
    assert_eq!(read_date("[[1957, 5, 0]]").as_deref(), Some("1957-05"));
    assert_eq!(read_date("[[\"1957\", \"0\"]]").as_deref(), Some("1957"));
    assert_eq!(
        read_date("[[1957, 0, 0], [1958, 0, 0]]").as_deref(),
        Some("1957/1958")
    );
}

#[test]
fn particles_and_comma_suffix_survive() {
    let json = r#"[{"id": "n", "type": "book", "title": "T",
      "author": [{"family": "Gaulle", "given": "Charles", "dropping-particle": "de"},
                 {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
                 {"family": "King", "given": "Martin Luther", "suffix": "Jr.", "comma-suffix": true}]}]"#;
    let (r, out) = rewrite(json);
    let want: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(out["author"], want[0]["author"]);
    // The other formats print the particle either way.
    assert_eq!(r.authors[0].to_string(), "Charles de Gaulle");
    assert_eq!(r.authors[0].inverted(), "de Gaulle, Charles");
}

#[test]
fn credit_sentence_only_where_it_belongs() {
    use serde_json::json;
    // A book's editor and a film's director are no credit sentence.
    let (_, out) = rewrite(
        r#"{"id": "b", "type": "book", "title": "Prelude", "editor": [{"family": "Wordsworth", "given": "John"}]}"#,
    );
    assert!(out.get("note").is_none(), "{out}");
    let (_, out) = rewrite(
        r#"{"id": "m", "type": "manuscript", "title": "Film", "director": [{"family": "Doe", "given": "John"}],
           "reviewed-author": [{"family": "Roe", "given": "Jane"}]}"#,
    );
    assert!(out.get("note").is_none(), "{out}");
    assert_eq!(out["director"], json!([{"family": "Doe", "given": "John"}]));
    // An archival document's translator is.
    let mut r = Record::new("Cable");
    r.credits
        .push(Credit::new(Role::Translator, Name::parse("Gary Goldberg")));
    let out: serde_json::Value = serde_json::from_str(&csl::write(&[r])).unwrap();
    assert_eq!(out[0]["note"], "Translated by Gary Goldberg.");
}

#[test]
fn obtained_by_stays_in_custom() {
    let mut r = Record::new("Cable");
    r.credit_line = Some("Obtained and translated for CWIHP by Masaki Hirata.".into());
    r.credits = parse_credits(r.credit_line.as_deref().unwrap());
    r.credits.push(Credit::new(
        Role::Contributor,
        Name::parse("Bernd Schaefer"),
    ));
    let json = csl::write(std::slice::from_ref(&r));
    let out: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        out[0]["contributor"],
        serde_json::json!([{"family": "Schaefer", "given": "Bernd"}])
    );
    assert_eq!(out[0]["custom"]["credits"][0]["role"], "obtained-by");
    assert_eq!(csl::read(&json).unwrap(), vec![r]);
}

#[test]
fn top_level_shapes() {
    // citeproc-js's database.json: an object keyed by id.
    let keyed = r#"{"ITEM-1": {"id": "ITEM-1", "type": "book", "title": "One"},
                    "ITEM-2": {"type": "book", "title": "Two"}}"#;
    let r = csl::read(keyed).unwrap();
    assert_eq!(
        r.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(),
        ["One", "Two"]
    );
    assert!(r[1].extra.contains(&Extra {
        label: "id".into(),
        value: "ITEM-2".into()
    }));
    let r =
        csl::read(r#"{"items": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]}"#).unwrap();
    assert_eq!(r.len(), 2);
    // Not an item at all: an error with the JSON path, never an empty item.
    for (input, path) in [
        (r#"{"foo": 1, "bar": "x"}"#, "$"),
        (r#"{}"#, "$"),
        (r#"[{"id": "a"}, {"name": "x"}]"#, "$[1]"),
        (r#"{"items": [{"nope": 1}]}"#, "$.items[0]"),
    ] {
        let e = csl::read(input).unwrap_err();
        assert!(e.to_string().contains("not a CSL item"), "{e}");
        assert!(e.to_string().contains(&format!("{path}:")), "{path}: {e}");
    }
}

#[test]
fn syntax_errors_say_what_is_wrong() {
    let e = csl::read("[{\"id\": \"a\",\n  \"title\": \"x\",\n}]").unwrap_err();
    let m = e.to_string();
    assert!(m.starts_with("3:1:"), "{m}");
    assert!(
        m.contains("expected a value after ',' (no trailing comma) (in $[0]"),
        "{m}"
    );
    let e = csl::read("[{\"id\": \"a\",\n  \"title\": \"x\"").unwrap_err();
    let m = e.to_string();
    assert!(
        m.contains("more input: the file ends inside an object (in $[0].title)"),
        "{m}"
    );
    assert_eq!(e.position().unwrap().line, 2, "{m}");
}

#[test]
fn language_names_and_tags() {
    for (lang, name, tag) in [
        ("English", "English", "en"),
        ("german", "German", "de"),
        ("ru", "Russian", "ru"),
    ] {
        let (r, out) = rewrite(&format!(
            r#"{{"id": "a", "type": "book", "title": "T", "language": "{lang}"}}"#
        ));
        assert_eq!(r.languages, [name], "{lang}");
        assert_eq!(out["language"], tag, "{lang}");
    }
    // Tags with a region and unknown names are kept as they are (the name in custom only:
    // csl-validate --strict wants BCP 47).
    let (r, out) = rewrite(r#"{"id": "a", "type": "book", "title": "T", "language": "en-GB"}"#);
    assert!(r.languages.is_empty());
    assert_eq!(out["language"], "en-GB");
    let (r, out) = rewrite(r#"{"id": "a", "type": "book", "title": "T", "language": "Klingon"}"#);
    assert!(r.extra.contains(&Extra {
        label: "language".into(),
        value: "Klingon".into()
    }));
    assert!(out.get("language").is_none());
    assert_eq!(
        csl::read(&out.to_string().replace('\n', "")).unwrap()[0].extra,
        r.extra
    );
}

#[test]
fn zotero_note_lines_are_kept() {
    let json = r#"[{"id":"z1","type":"manuscript","title":"A","archive":"Wilson Center Digital Archive",
      "archive_location":"RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Gary Goldberg.",
      "note":"Citation Key: goldberg1958\noriginal-date: 1958-07-22","issued":{"date-parts":[[1958]]}},
      {"id":"z3","type":"manuscript","title":"C","archive":"Wilson Center Digital Archive",
      "archive_location":"RGANI, f. 5, op. 49, d. 131. Translated by Gary Goldberg.",
      "translator":[{"family":"Goldberg","given":"G."}]}]"#;
    let rs = csl::read(json).unwrap();
    let (r, out) = rewrite(json);
    assert_eq!(
        r.credits,
        vec![Credit::new(Role::Translator, Name::parse("Gary Goldberg"))]
    );
    assert_eq!(
        r.credit_line.as_deref(),
        Some("Translated by Gary Goldberg.")
    );
    assert_eq!(
        out["note"],
        "Citation Key: goldberg1958\noriginal-date: 1958-07-22"
    );
    assert_eq!(csl::read(&csl::write(&rs)).unwrap(), rs);
    // One Goldberg, not two: "G." and "Gary" are one person; the fuller name stays.
    assert_eq!(
        rs[1].credits,
        vec![Credit::new(Role::Translator, Name::parse("Gary Goldberg"))]
    );
}
