//! Chicago strings: the seed's three forms, adversarial titles, and the round-trip property
//! `parse(render(r), form) == project(r)` over the shared record strategy.

mod common;

use archivecite::chicago::{
    self, bibliography, family_form, format_date, keeps_period, note, parse, parse_date,
    short_note, short_title, Form, Markup, ShortNoteDate, Style,
};
use archivecite::record::{Credit, Date, DigitalArchive, Name, Original, Record, Role, WCDA};
use proptest::prelude::*;

fn seed() -> Record {
    let mut r =
        Record::new("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957");
    r.date = Some(Date::from_text("December 07, 1957").unwrap());
    r.credits.push(Credit {
        role: Role::Translator,
        name: Name::parse("Gary Goldberg"),
        affiliation: None,
        on_behalf_of: Some("NKIDP".into()),
    });
    r.credit_line = Some("Translated for NKIDP by Gary Goldberg.".into());
    r.original = Some(Original::parse("AVPRF F. 0102, Op. 13, Delo 5"));
    r.digital.name = Some(WCDA.to_string());
    r.funders = vec![
        "ROK Ministry of Unification".into(),
        "Leon Levy Foundation".into(),
    ];
    r
}

#[test]
fn seed_strings_match_mapping_md() {
    let r = seed();
    for s in [
        Style::default(),
        Style {
            edition: 18,
            ..Style::default()
        },
    ] {
        assert_eq!(note(&r, &s), "“Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957,” trans. Gary Goldberg, December 7, 1957, AVPRF F. 0102, Op. 13, Delo 5, History and Public Policy Program Digital Archive.");
        assert_eq!(
            short_note(&r, &s),
            "“Journal of Soviet Ambassador,” December 7, 1957."
        );
        assert_eq!(bibliography(&r, &s), "“Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957.” Translated by Gary Goldberg. December 7, 1957. AVPRF F. 0102, Op. 13, Delo 5. History and Public Policy Program Digital Archive.");
    }
}

#[test]
fn seed_with_author_matches_citeproc_18th() {
    // The strings citeproc-js gives for oracles/samples/seed.csl.json (oracles/README.md).
    let mut r = seed();
    r.authors.push(Name::parse("A. M. Puzanov"));
    let s = Style::default();
    assert_eq!(note(&r, &s), "A. M. Puzanov, “Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957,” trans. Gary Goldberg, December 7, 1957, AVPRF F. 0102, Op. 13, Delo 5, History and Public Policy Program Digital Archive.");
    assert_eq!(bibliography(&r, &s), "Puzanov, A. M. “Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957.” Translated by Gary Goldberg. December 7, 1957. AVPRF F. 0102, Op. 13, Delo 5. History and Public Policy Program Digital Archive.");
    assert_eq!(
        short_note(&r, &s),
        "Puzanov, “Journal of Soviet Ambassador,” December 7, 1957."
    );
    let no_date = Style {
        short_note_date: ShortNoteDate::Omit,
        ..Style::default()
    };
    assert_eq!(
        short_note(&r, &no_date),
        "Puzanov, “Journal of Soviet Ambassador.”"
    );
}

#[test]
fn seed_parses_back() {
    let mut r = seed();
    r.authors.push(Name::parse("A. M. Puzanov"));
    r.digital.url = Some("https://digitalarchive.wilsoncenter.org/document/115647".into());
    let s = Style::default();
    for form in [Form::Note, Form::Bibliography] {
        let text = match form {
            Form::Note => note(&r, &s),
            _ => bibliography(&r, &s),
        };
        let back = parse(&text, form).unwrap();
        assert_eq!(back.title, r.title);
        assert_eq!(back.authors, r.authors);
        assert_eq!(
            back.names_with(&Role::Translator),
            vec![&Name::parse("Gary Goldberg")]
        );
        assert_eq!(back.date.as_ref().unwrap().to_string(), "1957-12-07");
        assert_eq!(back.shelfmark(), Some("AVPRF F. 0102, Op. 13, Delo 5"));
        assert_eq!(back.digital.name.as_deref(), Some(WCDA));
        assert_eq!(back.digital.doc_id.as_deref(), Some("115647"));
    }
}

#[test]
fn dates_and_ranges() {
    let mut r = Record::new("Cable");
    for (edtf, text) in [
        ("1949-02", "February 1949"),
        ("1958", "1958"),
        ("1958~", "ca. 1958"),
        ("1958?", "1958?"),
        ("1957-12-05/1957-12-06", "December 5–6, 1957"),
        ("1956-05/1956-06", "May–June 1956"),
        ("1957/1959", "1957–1959"),
        ("1945/..", "1945–"),
    ] {
        r.date = Some(edtf.parse().unwrap());
        assert_eq!(format_date(r.date.as_ref().unwrap()), text);
        let end = if text.ends_with('?') { "" } else { "." };
        assert_eq!(note(&r, &Style::default()), format!("“Cable,” {text}{end}"));
        assert_eq!(parse_date(text).unwrap().to_string(), edtf);
    }
}

#[test]
fn adversarial_titles_survive() {
    let titles = [
        "He said “no,” then left",
        "Title,” trans. Fake Person, 1957",
        "Ends with a quote”",
        "“Quoted” whole",
        "Why Not?",
        "Commas, periods. And “curly”, quotes.” inside",
        "Memorandum for Puzanov A.M.",
        "A, B, and C",
        "",
    ];
    for t in titles {
        let mut r = seed();
        r.title = t.to_string();
        for form in [Form::Note, Form::Bibliography] {
            let text = match form {
                Form::Note => note(&r, &Style::default()),
                _ => bibliography(&r, &Style::default()),
            };
            let back = parse(&text, form).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(back.title, t, "{text}");
            assert_eq!(back.shelfmark(), r.shelfmark(), "{text}");
        }
    }
}

#[test]
fn several_names_and_et_al() {
    let mut r = Record::new("Report");
    r.authors = ["A. Bee", "C. Dee", "E. Eff"].map(Name::parse).to_vec();
    r.credits = ["Gary Goldberg", "Jeffrey Wang"]
        .map(|n| Credit::new(Role::Translator, Name::parse(n)))
        .to_vec();
    r.credits
        .push(Credit::new(Role::Editor, Name::parse("James G. Hershberg")));
    let s18 = Style::default();
    let s17 = Style {
        edition: 17,
        ..Style::default()
    };
    assert_eq!(
        note(&r, &s18),
        "A. Bee et al., “Report,” ed. James G. Hershberg, trans. Gary Goldberg and Jeffrey Wang."
    );
    assert_eq!(note(&r, &s17), "A. Bee, C. Dee, and E. Eff, “Report,” ed. James G. Hershberg, trans. Gary Goldberg and Jeffrey Wang.");
    assert_eq!(bibliography(&r, &s18), "Bee, A., C. Dee, and E. Eff. “Report.” Edited by James G. Hershberg. Translated by Gary Goldberg and Jeffrey Wang.");
    assert_eq!(short_note(&r, &s17), "Bee, Dee, and Eff, “Report.”");
    assert_eq!(short_note(&r, &s18), "Bee et al., “Report.”");
    let back = parse(&bibliography(&r, &s18), Form::Bibliography).unwrap();
    assert_eq!(back.authors, r.authors);
    assert_eq!(back.credits.len(), 3);
    r.credits = vec![
        Credit::new(Role::Editor, Name::parse("Gary Goldberg")),
        Credit::new(Role::Translator, Name::parse("Gary Goldberg")),
    ];
    r.authors.truncate(2);
    assert_eq!(
        note(&r, &s18),
        "A. Bee and C. Dee, “Report,” ed. and trans. Gary Goldberg."
    );
    assert_eq!(
        bibliography(&r, &s18),
        "Bee, A., and C. Dee. “Report.” Edited and translated by Gary Goldberg."
    );
}

#[test]
fn markup() {
    let mut r = Record::new("Talks <b> & “more”");
    r.original = Some(Original::parse(
        "Milovan Djilas. Wartime. (New York: Harcourt Brace Jovanovich, 1977), 385-387",
    ));
    let html = Style {
        markup: Markup::Html,
        ..Style::default()
    };
    assert_eq!(note(&r, &html), "“Talks &lt;b&gt; &amp; “more”,” Milovan Djilas. <i>Wartime</i>. (New York: Harcourt Brace Jovanovich, 1977), 385-387.");
    let md = Style {
        markup: Markup::Markdown,
        ..Style::default()
    };
    assert_eq!(bibliography(&r, &md), "“Talks <b> & “more”.” Milovan Djilas. *Wartime*. (New York: Harcourt Brace Jovanovich, 1977), 385-387.".replace("<b> &", "\\<b> \\&"));
    assert_eq!(note(&r, &Style::default()), "“Talks <b> & “more”,” Milovan Djilas. Wartime. (New York: Harcourt Brace Jovanovich, 1977), 385-387.");
}

#[test]
fn errors_have_positions_and_nothing_panics() {
    for (text, form) in [
        ("", Form::Note),
        ("no quotes at all", Form::Bibliography),
        ("“unclosed", Form::Note),
        ("“Title,” trans. X", Form::Note),
        ("Author “Title.”", Form::Note),
        ("“Title,” 1957\nfoo", Form::ShortNote),
    ] {
        let e = parse(text, form).unwrap_err();
        assert!(e.position().is_some(), "{text}: {e}");
    }
    let e = parse("“Title,” trans.\nX", Form::Note).unwrap_err();
    assert_eq!(e.position().unwrap().line, 2);
    // a missing final period is forgiven, except after an initial, which it would join
    assert_eq!(
        parse("“T.” Foo", Form::Bibliography).unwrap().shelfmark(),
        Some("Foo")
    );
    assert!(parse("“Title,” 1957", Form::ShortNote)
        .unwrap()
        .date
        .is_some());
}

proptest! {
    #[test]
    fn parse_never_panics(s in "\\PC{0,60}", t in "[“”,.?! a-zA-Z0-9–]{0,40}") {
        for form in [Form::Note, Form::ShortNote, Form::Bibliography] {
            let _ = parse(&s, form);
            let _ = parse(&t, form);
            let _ = parse(&format!("“{t}"), form);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The round trip. What each form carries, and so what `project` keeps:
// - note and bibliography: title, authors, editors, translators, date (EDTF only), shelfmark,
//   digital archive name, URL (and the document id in it);
// - short note: authors' family forms, short title, date.
// Exact losses, each written out below:
// - names: only their running-text form survives (`Name::parse(name.to_string())`); lists are
//   cut at "et al." (notes: from 3 names in the 18th edition, 4 in the 17th; bibliography: first
//   3 of 7+ / first 7 of 11+); credits other than editors and translators, affiliations and
//   projects are dropped; editors come first, then translators, without repeats;
// - a final period: an element that ends the string or an element of the bibliography loses a
//   final period that is not an abbreviation's, and gains one if it ends in an abbreviation
//   (`keeps_period`); a title, or the element that ends a note, loses all its final periods
//   (an abbreviation's one comes back);
// - a date with no printable form (an interval with no known end) is dropped;
// - a shelfmark made only of periods is dropped;
// - a shelfmark that reads as a date, in a record without a date, is read as the date.
// ---------------------------------------------------------------------------------------------

/// The period rule for a title and an element that ends the note: all final periods go, and an
/// abbreviation's comes back.
fn period_rule(e: &str, name: bool) -> String {
    if e.ends_with('.') {
        let bare = e.trim_end_matches('.');
        period_rule_one(&format!("{bare}."), name)
    } else {
        period_rule_one(e, name)
    }
}

/// The period rule for a bibliography element after the title.
fn period_rule_one(e: &str, name: bool) -> String {
    if e.ends_with(['?', '!']) {
        e.to_string()
    } else if let Some(body) = e.strip_suffix('.') {
        if keeps_period(e, name) {
            e.to_string()
        } else {
            body.to_string()
        }
    } else if keeps_period(&format!("{e}."), name) {
        format!("{e}.")
    } else {
        e.to_string()
    }
}

fn cut(count: usize, form: Form, edition: u8) -> usize {
    let (min, first) = match (form, edition) {
        (Form::Bibliography, 17) => (11, 7),
        (Form::Bibliography, _) => (7, 3),
        (_, 17) => (4, 1),
        _ => (3, 1),
    };
    if count >= min {
        first
    } else {
        count
    }
}

fn names(list: Vec<&Name>, form: Form, edition: u8) -> Vec<Name> {
    let n = cut(list.len(), form, edition);
    list.into_iter()
        .take(n)
        .map(|x| Name::parse(&x.to_string()))
        .collect()
}

/// A shelfmark that starts with a date-like text followed by the separator, when the record has
/// no date: (the date, the rest of the shelfmark).
fn date_in_shelfmark(s: &str, sep: &str) -> Option<(Date, String)> {
    let mut cuts: Vec<usize> = s.match_indices(sep).map(|(i, _)| i).collect();
    cuts.push(s.len());
    cuts.into_iter().find_map(|k| {
        let d = parse_date(&s[..k]).ok()?;
        Some((d, s.get(k + sep.len()..).unwrap_or("").to_string()))
    })
}

/// What the note (`Form::Note`) or the bibliography keeps of `r`.
fn project(r: &Record, form: Form, edition: u8) -> Record {
    let bib = form == Form::Bibliography;
    let mut p = Record::new(r.title.clone());
    p.authors = names(r.authors.iter().collect(), form, edition);
    let eds = names(r.names_with(&Role::Editor), form, edition);
    let trs = names(r.names_with(&Role::Translator), form, edition);
    p.date = r
        .date
        .as_ref()
        .filter(|d| d.edtf().first().is_some())
        .map(|d| Date::new(*d.edtf()));
    // a shelfmark of periods only is lost
    let shelf = r
        .shelfmark()
        .filter(|s| !s.chars().all(|c| c == '.'))
        .map(str::to_string);
    let archive = r.digital.name.clone().filter(|s| !s.is_empty());
    let url = r.digital.url.clone().filter(|s| !s.is_empty());
    // Which element ends the string.
    let follows = !eds.is_empty()
        || !trs.is_empty()
        || p.date.is_some()
        || shelf.is_some()
        || archive.is_some()
        || url.is_some();
    let mut eds = eds;
    let mut trs = trs;
    let (mut shelf, mut archive, mut url) = (shelf, archive, url);
    if bib {
        p.title = period_rule(&p.title, false);
        shelf = shelf.map(|s| period_rule_one(&s, false));
        archive = archive.map(|s| period_rule_one(&s, false));
        url = url.map(|s| period_rule_one(&s, false));
        // (The authors' list ends with a family or given name of two letters or more, or an
        // initial with its period, in this strategy: its period rule changes nothing.)
    } else if !follows {
        p.title = period_rule(&p.title, false);
    } else if let Some(u) = &mut url {
        *u = period_rule(u, false);
    } else if let Some(a) = &mut archive {
        *a = period_rule(a, false);
    } else if let Some(s) = &mut shelf {
        *s = period_rule(s, false);
    } else if p.date.is_none() {
        let combined = !eds.is_empty() && eds == trs;
        let list = if trs.is_empty() { &mut eds } else { &mut trs };
        if let Some(n) = list.last_mut() {
            *n = Name::parse(&period_rule(&n.to_string(), true));
        }
        if combined {
            eds = trs.clone();
        }
    }
    if p.date.is_none() {
        let sep = if bib { ". " } else { ", " };
        if let Some((d, rest)) = shelf.as_deref().and_then(|s| date_in_shelfmark(s, sep)) {
            p.date = Some(d);
            shelf = (!rest.is_empty()).then_some(rest);
        }
    }
    p.credits = eds
        .into_iter()
        .map(|n| Credit::new(Role::Editor, n))
        .chain(trs.into_iter().map(|n| Credit::new(Role::Translator, n)))
        .collect();
    p.original = shelf.map(|s| Original::parse(&s));
    p.digital = DigitalArchive {
        name: archive,
        doc_id: url.as_deref().and_then(DigitalArchive::id_from_url),
        url,
    };
    p
}

/// What the short note keeps: family forms, short title, date.
fn project_short(r: &Record, edition: u8) -> (Vec<String>, String, Option<String>) {
    let n = cut(r.authors.len(), Form::ShortNote, edition);
    let title = short_title(&r.title);
    let date = r.date.as_ref().filter(|d| d.edtf().first().is_some());
    let title = if date.is_some() {
        title.to_string()
    } else {
        period_rule(title, false)
    };
    (
        r.authors.iter().take(n).map(family_form).collect(),
        title,
        date.map(|d| d.edtf().to_string()),
    )
}

fn style(edition: u8) -> Style {
    Style {
        edition,
        ..Style::default()
    }
}

/// A shelfmark that opens with the words Chicago uses for credits ("Translated by", "trans.",
/// "Edited by", "ed.") cannot be told from a credit in the rendered string, nor one holding a URL
/// from the URL: the module docs list these as losses, and such records are not expected back.
fn shelfmark_reads_as_credit(r: &Record) -> bool {
    r.shelfmark().is_some_and(|s| {
        ["Translated by", "Edited by", "trans.", "ed.", "Trans", "Ed"]
            .iter()
            .any(|w| s.starts_with(w))
            || s.contains("http://")
            || s.contains("https://")
    })
}

proptest! {
    #[test]
    fn note_round_trip(r in common::record(), edition in prop::sample::select(vec![17u8, 18])) {
        prop_assume!(!shelfmark_reads_as_credit(&r));
        let text = note(&r, &style(edition));
        let back = parse(&text, Form::Note).map_err(|e| TestCaseError::fail(format!("{text}\n{e}")))?;
        prop_assert_eq!(back, project(&r, Form::Note, edition), "{}", text);
    }

    #[test]
    fn bibliography_round_trip(r in common::record(), edition in prop::sample::select(vec![17u8, 18])) {
        prop_assume!(!shelfmark_reads_as_credit(&r));
        let text = bibliography(&r, &style(edition));
        let back = parse(&text, Form::Bibliography).map_err(|e| TestCaseError::fail(format!("{text}\n{e}")))?;
        prop_assert_eq!(back, project(&r, Form::Bibliography, edition), "{}", text);
    }

    #[test]
    fn short_note_round_trip(r in common::record(), edition in prop::sample::select(vec![17u8, 18])) {
        let text = short_note(&r, &style(edition));
        let back = parse(&text, Form::ShortNote).map_err(|e| TestCaseError::fail(format!("{text}\n{e}")))?;
        let got = (
            back.authors.iter().map(family_form).collect::<Vec<_>>(),
            back.title.clone(),
            back.date.as_ref().map(|d| d.edtf().to_string()),
        );
        prop_assert_eq!(got, project_short(&r, edition), "{}", text);
    }

    #[test]
    fn markup_only_adds(r in common::record()) {
        // HTML output, unescaped and without <i>, is the plain text.
        let plain = note(&r, &Style::default());
        let html = note(&r, &Style { markup: Markup::Html, ..Style::default() });
        let back = html.replace("<i>", "").replace("</i>", "").replace("&lt;", "<")
            .replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        prop_assert_eq!(back, plain);
    }
}

#[test]
fn fixture_free_rate_smoke() {
    // The module is pure string work: a quick sanity check that rendering is cheap.
    let r = seed();
    let s = Style::default();
    let start = std::time::Instant::now();
    for _ in 0..1000 {
        let _ = (note(&r, &s), short_note(&r, &s), bibliography(&r, &s));
    }
    assert!(start.elapsed().as_secs() < 5);
    let _ = chicago::is_digital_archive(WCDA);
}

/// A note is read only if its reading settles: the record it gives, written and read, gives
/// a record that stays the same on every further pass. Names running into a shelfmark that
/// reads as more names do not settle, and get an error after the title.
#[test]
fn only_readings_that_settle_are_given() {
    let ambiguous = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fuzz/corpus/chicago/regress-ambiguous-b22e7d08e98d53a36e2460353e002e55f4a2c019"
    ))
    .unwrap();
    let text = String::from_utf8(ambiguous).unwrap();
    let e = parse(&text, Form::Note).unwrap_err();
    assert!(e.to_string().contains("can be told apart"), "{e}");
    assert!(
        e.position().is_some_and(|p| p.line == 1 && p.column > 1),
        "{e}"
    );

    // "et al." is all that ends the names: written again (four translators, then "et al."
    // for three of them) the shelfmark becomes names
    let q = |rest: &str| format!("\u{201c}Title,\u{201d} trans. {rest}");
    let e = parse(
        &q("Gary Goldberg et al., Anna Smith, Boris Jones, and Carl Lee Papers."),
        Form::Note,
    )
    .unwrap_err();
    assert_eq!(e.position().map(|p| p.column), Some(10), "{e}");

    let r = parse(
        &q("Gary Goldberg et al., AVPRF F. 0102, Op. 13, Delo 5."),
        Form::Note,
    )
    .unwrap();
    assert_eq!(r.credits.len(), 1);
    assert_eq!(r.shelfmark(), Some("AVPRF F. 0102, Op. 13, Delo 5"));
    let r = parse(
        &q("A. Smith, B. Jones, C. Lee, and D. Kim, AVPRF F. 0102."),
        Form::Note,
    )
    .unwrap();
    assert_eq!(r.credits.len(), 4);
}

#[test]
fn hand_written_notes_are_read_as_the_manual_writes_them() {
    let parse_note = |s: &str| parse(s, Form::Note);
    let parse_bibliography = |s: &str| parse(s, Form::Bibliography);
    let want = |r: &archivecite::Record| {
        assert_eq!(r.title, "Memorandum");
        assert_eq!(r.date.as_ref().unwrap().to_string(), "1957-12-07");
        assert_eq!(r.credits[0].name.to_string(), "Gary Goldberg");
        assert_eq!(r.shelfmark(), Some("AVPRF F. 0102, Op. 13, Delo 5"));
        assert_eq!(
            r.digital.name.as_deref(),
            Some("History and Public Policy Program Digital Archive")
        );
    };
    for n in [
        // straight quotes, no final period
        "\"Memorandum,\" trans. Gary Goldberg, December 7, 1957, AVPRF F. 0102, Op. 13, Delo 5, History and Public Policy Program Digital Archive",
        // a note number, the comma outside the quote, "translated by", an access date
        "1. “Memorandum”, translated by Gary Goldberg, December 7, 1957, AVPRF F. 0102, Op. 13, Delo 5, History and Public Policy Program Digital Archive, https://digitalarchive.wilsoncenter.org/document/1, accessed March 3, 2024.",
        "“Memorandum,” trans. by Gary Goldberg, December 7, 1957, AVPRF F. 0102, Op. 13, Delo 5, History and Public Policy Program Digital Archive.",
    ] {
        want(&parse_note(n).unwrap_or_else(|e| panic!("{e}: {n}")));
    }
    let b = parse_bibliography("\"Memorandum.\" Translated by Gary Goldberg. December 7, 1957. AVPRF F. 0102, Op. 13, Delo 5. History and Public Policy Program Digital Archive. Accessed March 3, 2024. https://digitalarchive.wilsoncenter.org/document/1.").unwrap();
    want(&b);
    assert_eq!(b.extra[0].value, "March 3, 2024");
    assert_eq!(b.digital.doc_id.as_deref(), Some("1"));
    // what cannot be read keeps the error for the note as given
    let e = parse_note("“Memorandum trans. Gary").unwrap_err();
    assert!(e.to_string().starts_with("1:"), "{e}");
}
