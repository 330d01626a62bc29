//! Citation-line shapes from design/layouts.md that the corpus fixtures do not cover.
use archivecite::block;
use archivecite::record::{Name, PartKind, Record, SourceKind};

fn read(line: &str) -> Record {
    block::read(line).unwrap_or_else(|e| panic!("{e}: {line}"))
}

fn parts(r: &Record, holding: usize) -> Vec<(PartKind, String)> {
    r.original.as_ref().unwrap().holdings()[holding]
        .parts
        .iter()
        .map(|p| (p.kind, p.value.clone()))
        .collect()
}

#[test]
fn several_archives_and_a_credit_list_with_editors() {
    let r = read("\"Record of Conversation,” February, 1949, History and Public Policy Program Digital Archive, APRF, f. 45, op. 1, d. 1, l. 7; AVPRF, Fond 7, Opis 5a, Delo 5, Papka 11, List 80; and RGASPI, f. 558, op. 11, d. 3, ll. 0078. Obtained by X. Y. Zed; translated and edited by Ann Bee, Carl Dee, and Eve Fox.");
    assert_eq!(r.title, "Record of Conversation");
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1949-02");
    let o = r.original.as_ref().unwrap();
    assert_eq!(
        o.repositories().collect::<Vec<_>>(),
        ["APRF", "AVPRF", "RGASPI"]
    );
    assert_eq!(parts(&r, 1)[4], (PartKind::List, "80".into()));
    assert_eq!(r.credits.len(), 7);
    assert_eq!(r.credits[0].name.to_string(), "X. Y. Zed");
    assert_eq!(
        r.credit_line.as_deref(),
        Some("Obtained by X. Y. Zed; translated and edited by Ann Bee, Carl Dee, and Eve Fox.")
    );
}

#[test]
fn institutions_pages_and_bracketed_parts() {
    let r = read("“Telegram, Brazilian Embassy in Tokyo,” August 15, 1974, History and Public Policy Program Digital Archive, AAS mre pn 1974.08.15 pp.544-549. Obtained and translated by Fundação Getúlio Vargas.");
    assert_eq!(r.title, "Telegram, Brazilian Embassy in Tokyo");
    assert_eq!(
        parts(&r, 0),
        [
            (PartKind::Other, "mre pn 1974.08.15".into()),
            (PartKind::Page, "544-549".into())
        ]
    );
    assert!(matches!(r.credits[0].name, Name::Organization(_)));
    let r = read("\"Minutes, 1946,\" 1958, History and Public Policy Program Digital Archive, AVPRF, f. 0100, op. 34, 1946, p. 253, d.[120]; translated by Gary Goldberg");
    assert_eq!(r.title, "Minutes, 1946");
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1958");
    assert_eq!(parts(&r, 0)[3], (PartKind::Papka, "253".into()));
    assert_eq!(parts(&r, 0)[4], (PartKind::Delo, "[120]".into()));
    assert_eq!(r.credits[0].name.to_string(), "Gary Goldberg");
}

#[test]
fn sentences_inside_the_part_and_no_date() {
    let r = read("\"Report on the Harbin Conference (October 1955 – March 1956),\" History and Public Policy Program Digital Archive, GARF, f. 5446, op. 1, d. 7. Folder description: Correspondence with the Council of Ministers (1955–1956). Contributed by Sergey Radchenko and translated by Gary Goldberg.");
    assert_eq!(r.date, None);
    assert_eq!(r.shelfmark(), Some("GARF, f. 5446, op. 1, d. 7. Folder description: Correspondence with the Council of Ministers (1955–1956)"));
    assert_eq!(parts(&r, 0)[2], (PartKind::Delo, "7".into()));
    assert_eq!(r.credits.len(), 2);
}

#[test]
fn a_published_book_keeps_its_own_translator() {
    let r = read("\"Conversation between Stalin and Djilas,\" January, 1948, History and Public Policy Program Digital Archive, Milovan Djilas. Wartime. Translated by Michael B. Petrovich. (New York: Harcourt Brace Jovanovich, 1977), 385-387.");
    assert_eq!(r.original.as_ref().unwrap().kind(), SourceKind::Published);
    assert!(r.credits.is_empty());
    assert!(r
        .shelfmark()
        .unwrap()
        .starts_with("Milovan Djilas. Wartime. Translated by Michael B. Petrovich."));
}

#[test]
fn a_provenance_narrative_and_a_slot_with_only_credits() {
    let r = read("\"Letter from Mao,\" 1950, History and Public Policy Program Digital Archive, The document, from the personal archive of Dmitri Volkogonov, was given to the National Security Archive by his family. A copy was subsequently found in RGASPI, f. 558, op. 11, d. 334, ll. 1-3. Translated by Danny Rozas.");
    let o = r.original.as_ref().unwrap();
    assert_eq!(o.kind(), SourceKind::Narrative);
    assert_eq!(o.repositories().collect::<Vec<_>>(), ["RGASPI"]);
    assert_eq!(r.credits[0].name.to_string(), "Danny Rozas");
    let r = read("\"Note,\" February 1946, History and Public Policy Program Digital Archive, Translated for CWIHP by Mark Doctoroff.");
    assert_eq!(r.original, None);
    assert_eq!(r.credits[0].on_behalf_of.as_deref(), Some("CWIHP"));
}

#[test]
fn a_hard_wrapped_pdf_citation_with_lost_quotes_and_a_dropped_name() {
    let page = "Digital Archive digitalarchive.wilsoncenter.org\nInternational History Declassified\n\nMarch 05, 1953 Memorandum of the Ministry\n\nCitation:\n\nMemorandum of the Ministry, March 05, 1953, History and Public\nPolicy Program Digital Archive, ANIC, fond CC al PCR, dosar 12/1953. Translated by .\nhttp://digitalarchive.wilsoncenter.org/document/1234\n\nSummary:\n\nA memorandum.\n\nCredits:\n\nThis document was made possible with support from the Blavatnik Family Foundation.\n\nOriginal Language:\n\nRomanian\n\nContents:\n\nEnglish Translation\n\nThe text.\n";
    let r = read(page);
    assert_eq!(r.title, "Memorandum of the Ministry");
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1953-03-05");
    assert_eq!(r.shelfmark(), Some("ANIC, fond CC al PCR, dosar 12/1953"));
    assert!(r.credits.is_empty());
    assert_eq!(r.credit_line.as_deref(), Some("Translated by ."));
    assert_eq!(r.digital.doc_id.as_deref(), Some("1234"));
    assert_eq!(r.funders, ["Blavatnik Family Foundation"]);
    assert_eq!(r.languages, ["Romanian"]);
    assert_eq!(r.body.len(), 1);
}

#[test]
fn new_site_labels_with_values_on_the_same_line() {
    let page = "Skip to content\n\nJune 7, 1973\n\nA Title\n\nThis document was made possible with support from Carnegie Corporation of New York (CCNY), Henry Luce Foundation\n\nBody text.\n\nSummary text.\n\nAuthor(s):\n\nKim Il Sung\n\nAssociated Places\n\nPyongyang\nSeoul\n\nSubjects Discussed\n\nUnification\n\nDocument Information\n\nSource\n\nRGANI, f. 5, op. 30, d. 1; translated by Gary Goldberg\n\nOriginal Archive\n\nRussian State Archive of Contemporary History\n\nType: Memorandum\n\nLanguage: Russian, Korean\n\nRecord ID: 117000\n";
    let r = read(page);
    assert_eq!(r.date.as_ref().unwrap().to_string(), "1973-06-07");
    assert_eq!(
        r.funders,
        [
            "Carnegie Corporation of New York (CCNY)",
            "Henry Luce Foundation"
        ]
    );
    assert_eq!(r.body.len(), 1);
    assert_eq!(r.summary.as_deref(), Some("Summary text."));
    assert_eq!(r.authors[0].family(), "Kim");
    assert_eq!(r.places, ["Pyongyang", "Seoul"]);
    assert_eq!(r.subjects, ["Unification"]);
    assert_eq!(r.genre.as_deref(), Some("Memorandum"));
    assert_eq!(r.languages, ["Russian", "Korean"]);
    assert_eq!(r.digital.doc_id.as_deref(), Some("117000"));
    assert_eq!(r.extra[0].label, "Original Archive");
    assert_eq!(r.credits[0].name.to_string(), "Gary Goldberg");
    let again = block::read(&block::write(&r)).unwrap();
    assert_eq!(
        Record {
            citation: None,
            ..again
        },
        r
    );
}

#[test]
fn new_site_labels_without_colon_and_a_page_without_date() {
    // no date line: the first line is the title (a funder line follows it)
    let page = "Skip to content\n\nA Title, with a Comma\n\nThis document was made possible with support from the Henry Luce Foundation, Inc., Leon Levy Foundation\n\nTo Comrade A. I. Mikoyan\n\nBody text.\n\nSummary text.\n\nAuthor(s):\n\nWorkers' Party of Korea\n\nDocument Information\n\nSource RGASPI, f. 558, op. 11, d. 97, ll. 67-70. Contributed by Sergey Radchenko and translated by Gary Goldberg.\n\nRights\n\nSource material may be reused.\n\nType Conversation\n\nLanguage Romanian\n\nRecord ID 134696\n";
    let r = read(page);
    assert_eq!(r.title, "A Title, with a Comma");
    assert_eq!(r.date, None);
    assert_eq!(r.body.len(), 2);
    assert_eq!(
        r.funders,
        ["Henry Luce Foundation, Inc.", "Leon Levy Foundation"]
    );
    assert!(
        matches!(r.authors[0], Name::Organization(_)),
        "{:?}",
        r.authors
    );
    assert_eq!(parts(&r, 0)[0], (PartKind::Fond, "558".into()));
    assert_eq!(r.credits.len(), 2);
    assert_eq!(r.genre.as_deref(), Some("Conversation"));
    assert_eq!(r.languages, ["Romanian"]);
    assert_eq!(r.digital.doc_id.as_deref(), Some("134696"));
}

#[test]
fn a_suffix_in_a_credit_list() {
    let r = read("“T,” May 1, 1962, History and Public Policy Program Digital Archive, AMSZ. Translated by Vojtech Mastny and Jan Kopecky, Jr.");
    assert_eq!(r.credits.len(), 2);
    assert_eq!(r.credits[1].name.family(), "Kopecky");
}
