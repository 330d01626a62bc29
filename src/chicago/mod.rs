//! Chicago notes-bibliography strings for archival documents consulted in an online archive:
//! the full note, the short note and the bibliography entry (*The Chicago Manual of Style*, 17th
//! ed. 14.221–14.231 and 18th ed. 14.119–14.128, "manuscript collections"), and a parser that
//! reads each form back.
//!
//! # The forms
//!
//! For the seed document (no author, one translator, no URL), with the default style (18th
//! edition, plain text):
//!
//! ```
//! use archivecite::chicago::{self, Style};
//! use archivecite::record::{Credit, Date, DigitalArchive, Name, Original, Record, Role, WCDA};
//! let mut r = Record::new("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957");
//! r.date = Some(Date::from_text("December 07, 1957").unwrap());
//! r.credits.push(Credit::new(Role::Translator, Name::parse("Gary Goldberg")));
//! r.original = Some(Original::parse("AVPRF F. 0102, Op. 13, Delo 5"));
//! r.digital.name = Some(WCDA.to_string());
//! let s = Style::default();
//! assert_eq!(chicago::note(&r, &s),
//!     "“Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957,” trans. Gary \
//!      Goldberg, December 7, 1957, AVPRF F. 0102, Op. 13, Delo 5, History and Public Policy \
//!      Program Digital Archive.");
//! assert_eq!(chicago::short_note(&r, &s), "“Journal of Soviet Ambassador,” December 7, 1957.");
//! assert_eq!(chicago::bibliography(&r, &s),
//!     "“Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957.” Translated \
//!      by Gary Goldberg. December 7, 1957. AVPRF F. 0102, Op. 13, Delo 5. History and Public \
//!      Policy Program Digital Archive.");
//! ```
//!
//! Element order, in every form: author (when known; an unsigned item starts with its title),
//! the title in curly quotes (the comma or period inside; a title ending in "?" or "!" takes
//! neither), the editors and translators ("ed. X, trans. Y" in notes, "Edited by X. Translated by
//! Y." in the bibliography, "ed. and trans. X" / "Edited and translated by X" when the same
//! people did both; editors first, as the Chicago CSL styles print them), the date, the
//! shelfmark verbatim as the repository writes it ([`Record::shelfmark`]: "F. 0102" stays
//! "F. 0102"), the digital archive and the URL (", URL" in notes, ". URL." in the bibliography).
//! Notes separate elements with commas and end with a period; the bibliography separates them
//! with periods. An element that ends with its own period (an abbreviation such as "Inc." or
//! "A.M.", an initial in a name), "?" or "!" takes no second period.
//!
//! Names: the note writes them in running order ("A. M. Puzanov"); the bibliography inverts the
//! first ("Puzanov, A. M.", but not an East Asian name written family first, nor an
//! organisation); two names are joined with "and" (", and" after an inverted first name), three
//! or more with commas and ", and". "et al." follows the first name in notes from 3 names (18th
//! ed. 14.76) or 4 (17th ed. 14.76), and the first 3 of 7 or more names (18th) or the first 7
//! of 11 or more (17th) in the bibliography: the same thresholds as the CSL styles.
//!
//! Dates: month-day-year without zero padding ("December 7, 1957"), "February 1949", "1958",
//! seasons ("Spring 1957"), "ca. 1958" for approximate, "1957?" for uncertain, decades
//! ("1950s"), centuries ("twentieth century" for EDTF `19XX`), ranges with an en dash
//! ("December 5–6, 1957", "November 30–December 2, 1957", "May–June 1956", "1957–1959"; a
//! qualified end is written in full: "ca. 1957–1959"), open ranges ("1945–", "until 1958") and
//! ranges with an unknown end ("1945–?", "?–1958"). Years before 1 CE are written "44 BCE".
//!
//! The short note: the authors' family names (with a particle: "van Beethoven"), the title
//! shortened to at most four words, and — by default — the date ("“Journal of Soviet
//! Ambassador,” December 7, 1957."), because the archive holds hundreds of documents whose
//! titles start "Journal of Soviet Ambassador…" ([`ShortNoteDate::Omit`] leaves it out). The
//! short title follows CMOS 14.29 (17th; 14.30 in the 18th) as summarised by guides to it: a title
//! of four words or fewer stays whole; a longer one drops an initial "A", "An" or "The" and keeps
//! its next four words in their original order (the seed's "Journal of Soviet Ambassador", as
//! design/mapping.md §3 gives it). See [`short_title`].
//!
//! Markup ([`Markup`]): plain text by default; HTML escapes `& < > "` and Markdown escapes
//! `\ * _ ` [ ] <`. Italics apply to the title of a published book that is the source
//! ([`SourceKind::Published`](crate::record::SourceKind::Published): "Author. *Title*. (Place:
//! Publisher, Year)"); archival titles are in quotes, never italic.
//!
//! # Differences from citeproc-js
//!
//! Compared with citeproc-js 1.4.61 rendering CSL-JSON (type `manuscript`) with
//! `chicago-notes-bibliography-18th` and `chicago-fullnote-bibliography` (17th); the comparison
//! runs in `tests/interop/chicago.sh` on the crate's own CSL-JSON (`--to csl-json`). With an
//! author, the 18th-edition strings agree character for character, except as listed:
//!
//! - **No author.** Every Chicago CSL style puts the translator in the author's place
//!   ("Gary Goldberg, trans., “Journal …”"). The Manual leads an unsigned manuscript item with
//!   its title or descriptor (17th ed. 14.222 ff., 18th ed. 14.120 ff.: the item's author "if
//!   any"), and the translator follows the title (17th/18th ed. 14.6 and 14.103–104). So we print
//!   "“Journal …,” trans. Gary Goldberg, …".
//! - **17th edition, note.** `chicago-fullnote-bibliography` puts the date of a manuscript in
//!   parentheses ("trans. Gary Goldberg (December 7, 1957), AVPRF …"), the way it treats
//!   published works. The Manual's examples of manuscript items in notes (17th ed. 14.221–14.231,
//!   e.g. "George Creel to Colonel House, September 25, 1918, Edward M. House Papers, Yale
//!   University Library") separate the date with commas, so we do, in both editions.
//! - **17th edition, bibliography.** The CSL style joins translator and date with a comma
//!   ("Translated by Gary Goldberg, December 7, 1957."); we end each bibliography element with a
//!   period (17th ed. 14.20 and the manuscript examples in 14.221–14.231), as the 18th-edition
//!   style does. With no translator the 17th style even joins title and date with a comma
//!   ("“Journal … 1957,” August 21, 1957."), and in the note puts that comma *outside* the
//!   quotes ("“Journal … 1957”, August 21, 1957"); the Manual puts commas and periods inside
//!   closing quotation marks (6.9 in both editions), so we write "“Journal … 1957,” August 21,
//!   1957" and "“Journal … 1957.” August 21, 1957.".
//! - **No digital archive's name.** Without CSL `archive`, `chicago-notes-bibliography-18th`
//!   calls the item an "unpublished manuscript" and gives it no bibliography entry (citeproc-js
//!   reports an error). Our records still name the repository in the shelfmark, so we keep the
//!   archival form (18th ed. 14.119–14.128). The interop script supplies the Wilson Center's
//!   name for such fixtures before comparing.
//! - **Genre.** Both CSL styles print the CSL `genre` after the title ("…,” Letter, trans. …";
//!   17th: "(Letter, July 24, 1945)"). The Manual uses a descriptive term such as "letter" or
//!   "memorandum" in place of a title (17th ed. 14.222, 18th ed. 14.120), not beside a quoted
//!   title, so a titled document's genre is left out. The interop script takes the genre out of
//!   citeproc-js's strings before comparing.
//! - **Contributors and obtained-by.** The archive's "Contributed by" / "Obtained by" name who
//!   found or gave the document, not a co-author; the Manual has no place for them in a
//!   manuscript citation, so the strings leave them out. Our CSL-JSON keeps obtained-by in
//!   `custom` and a contributor as CSL `contributor` (mapping.md; Zotero has the same creator
//!   type), which `chicago-notes-bibliography-18th` prints as "with …" after the translator; the
//!   interop script takes that out of citeproc-js's strings before comparing.
//!
//! **Known, not fixed (citeproc-js is closer to the Manual here):** a title that contains
//! straight quotation marks ("… Molotov, 'The Anti-Soviet Fabrications … Etc.'") is printed
//! verbatim; citeproc-js makes them curly single quotes and moves the comma or period inside
//! them ("… Etc.,’”"), as the Manual asks for quotations inside a quoted title (6.9, and 13.30
//! in the 17th edition). Doing so would make `parse` unable to give the title back verbatim;
//! the interop script reports these cases as KNOWN.
//!
//! # What `parse` recovers
//!
//! [`parse`] reads plain text (not HTML or Markdown) and recovers exactly what the string
//! carries; everything else is lost (genre, funders, summary, body, languages, renditions, the
//! credit sentence, credits other than editors and translators, affiliations and "for NKIDP",
//! printed date text):
//!
//! - full note and bibliography: title; authors and the editors and translators (each list cut
//!   to the names printed before "et al."; names as [`Name::parse`](crate::record::Name::parse)
//!   reads their running form, editors before translators, without repeats); the date (EDTF,
//!   without printed text); the shelfmark ([`Original::parse`](crate::record::Original::parse)
//!   of the printed text); the digital archive's name; the URL and the document id it contains.
//! - short note: the authors' family names (as [`family_form`] writes them), the short title
//!   ([`short_title`]) and the date.
//!
//! The grammar reads the title as everything between the first `“` and the *last* `,” ` (note)
//! or `.” ` (bibliography), so titles with quotes, commas and periods inside survive. Known
//! limits, which the round-trip property spells out:
//! - a title, shelfmark, archive name or URL ending in a period loses it where the period also
//!   ends the element, unless its last word is an abbreviation ([`keeps_period`]); one ending in
//!   such an abbreviation without a period gains one; where the element ends the note (and for
//!   titles, and names, everywhere) all its final periods go ("Wait..." → "Wait"), and an
//!   abbreviation's one comes back;
//! - the digital archive is recognised only by name ([`is_digital_archive`]: the Wilson Center's
//!   name or any name ending in "Digital Archive"); any other name is read as part of the
//!   shelfmark;
//! - a shelfmark that begins with something that reads as a date, when the record has no date,
//!   is read as a date.
//! - a name that itself ends in "et al." loses it (the string cannot tell it from a cut list).
//! - a shelfmark made only of periods is lost (the note's own period merges with it).
//! - a shelfmark that opens with the credit words ("Translated by", "Edited by", "trans.",
//!   "ed.") when the record has no such credit reads as that credit, and one that holds a URL
//!   may read as the URL.
//!
//! Whitespace at the start of an element and at the end of the note is not part of it; an
//! "ed." or "trans." that names no one ("trans. , …") starts the shelfmark.
//!
//! `parse` never panics; errors carry the line and column where the string stops following the
//! grammar.
use crate::error::Result;
use crate::record::{Name, Record};

mod date;
mod read;
mod write;

/// Which Chicago form a string is.
///
/// ```
/// use archivecite::chicago::Form;
/// assert_ne!(Form::Note, Form::ShortNote);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Full note.
    Note,
    /// Short note.
    ShortNote,
    /// Bibliography entry.
    Bibliography,
}

/// How the strings are marked up.
///
/// ```
/// use archivecite::chicago::{note, Markup, Style};
/// use archivecite::record::Record;
/// let r = Record::new("Talks <secret> & open");
/// let html = Style { markup: Markup::Html, ..Style::default() };
/// assert_eq!(note(&r, &html), "“Talks &lt;secret&gt; &amp; open.”");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Markup {
    /// Plain text (the default).
    #[default]
    Plain,
    /// HTML: text escaped, italics as `<i>`.
    Html,
    /// Markdown: specials escaped with `\`, italics as `*`.
    Markdown,
}

/// Whether the short note carries the date.
///
/// ```
/// use archivecite::chicago::{short_note, ShortNoteDate, Style};
/// use archivecite::record::{Date, Record};
/// let mut r = Record::new("Cable from the Chinese Embassy in North Korea");
/// r.date = Some(Date::from_text("November 23, 1963").unwrap());
/// assert_eq!(short_note(&r, &Style::default()), "“Cable from the Chinese,” November 23, 1963.");
/// let s = Style { short_note_date: ShortNoteDate::Omit, ..Style::default() };
/// assert_eq!(short_note(&r, &s), "“Cable from the Chinese.”");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ShortNoteDate {
    /// With the date (the default: titles repeat in the archive).
    #[default]
    Include,
    /// Author and short title only, as the Manual's plain short form.
    Omit,
}

/// Edition and markup of the rendered strings. `Style::default()` is the 18th edition, plain
/// text, short notes with the date.
///
/// ```
/// use archivecite::chicago::{Markup, Style};
/// let s = Style::default();
/// assert_eq!((s.edition, s.markup), (0, Markup::Plain));
/// assert_eq!(s.manual_edition(), 18);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Style {
    /// The Manual's edition: 17 or 18 (0, or anything else, means the default, 18).
    pub edition: u8,
    /// Plain text, HTML or Markdown.
    pub markup: Markup,
    /// Whether the short note carries the date.
    pub short_note_date: ShortNoteDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edition {
    Seventeenth,
    Eighteenth,
}

impl Style {
    /// The edition in effect: 17 or 18.
    pub fn manual_edition(&self) -> u8 {
        match self.edition() {
            Edition::Seventeenth => 17,
            Edition::Eighteenth => 18,
        }
    }

    pub(crate) fn edition(&self) -> Edition {
        match self.edition {
            17 => Edition::Seventeenth,
            _ => Edition::Eighteenth,
        }
    }
}

/// The full note.
///
/// ```
/// use archivecite::chicago::{note, Style};
/// use archivecite::record::{Date, Name, Record};
/// let mut r = Record::new("Why Not?");
/// r.authors.push(Name::parse("A. M. Puzanov"));
/// r.date = Some("1957~".parse::<Date>().unwrap());
/// assert_eq!(note(&r, &Style::default()), "A. M. Puzanov, “Why Not?” ca. 1957.");
/// ```
pub fn note(record: &Record, style: &Style) -> String {
    write::note(record, style)
}

/// The short note.
///
/// ```
/// use archivecite::chicago::{short_note, Style};
/// use archivecite::record::{Date, Name, Record};
/// let mut r = Record::new("Journal of Soviet Ambassador to the DPRK A.M. Puzanov");
/// r.authors.push(Name::parse("A. M. Puzanov"));
/// r.date = Some(Date::from_text("December 07, 1957").unwrap());
/// assert_eq!(short_note(&r, &Style::default()),
///            "Puzanov, “Journal of Soviet Ambassador,” December 7, 1957.");
/// ```
pub fn short_note(record: &Record, style: &Style) -> String {
    write::short_note(record, style)
}

/// The bibliography entry.
///
/// ```
/// use archivecite::chicago::{bibliography, Style};
/// use archivecite::record::{Name, Record};
/// let mut r = Record::new("Journal");
/// r.authors.push(Name::parse("A. M. Puzanov"));
/// r.digital.url = Some("https://digitalarchive.wilsoncenter.org/document/1".into());
/// assert_eq!(bibliography(&r, &Style::default()),
///            "Puzanov, A. M. “Journal.” https://digitalarchive.wilsoncenter.org/document/1.");
/// ```
pub fn bibliography(record: &Record, style: &Style) -> String {
    write::bibliography(record, style)
}

/// Parses a rendered (plain-text) string back into the fields it carries (see the module
/// docs for the list). A reading is given only if it settles: the record, written (default
/// style) and read, gives a record that stays the same on every further pass. Where it does
/// not, two elements cannot be told apart (names followed by a shelfmark that reads as more
/// names, with only "et al." between them) and the error points after the title.
///
/// A note as people write it by hand is read as the Manual would write it: a note number,
/// straight quotes, the comma outside the closing quote, "translated by" or "trans. by" in a
/// note, a missing final period; an access date ("accessed March 3, 2024") is kept as the
/// extra `accessed`.
///
/// ```
/// use archivecite::chicago::{parse, Form};
/// let r = parse("“Journal of Soviet Ambassador,” December 7, 1957.", Form::ShortNote).unwrap();
/// assert_eq!(r.title, "Journal of Soviet Ambassador");
/// assert_eq!(r.date.unwrap().to_string(), "1957-12-07");
/// let e = parse("Journal, 1957.", Form::Note).unwrap_err();
/// assert_eq!(e.position().unwrap().column, 1);
/// ```
pub fn parse(input: &str, form: Form) -> Result<Record> {
    read::parse(input, form)
}

/// The short title (CMOS 17th 14.30, 18th 13.32): the main title without its subtitle; if that
/// has more than four words, its first four words after an initial "A", "An" or "The", without
/// a function word ("to", "of", "and" …) or a comma, colon or semicolon at the end, and never
/// cut inside a quotation.
///
/// ```
/// use archivecite::chicago::short_title;
/// assert_eq!(short_title("Journal of Soviet Ambassador to the DPRK"), "Journal of Soviet Ambassador");
/// assert_eq!(short_title("The Cable from the Chinese Embassy"), "Cable from the Chinese");
/// assert_eq!(short_title("The Cable"), "The Cable");
/// assert_eq!(short_title("Message from Bagirov to Mikoyan on Publishing"), "Message from Bagirov");
/// assert_eq!(short_title("Memorandum, Conversation, Kim, and Others"), "Memorandum, Conversation, Kim");
/// assert_eq!(short_title("Notes: Talks with Kim Il Sung"), "Notes");
/// assert_eq!(short_title("Report on 'The Korean Question' by the Embassy"), "Report");
/// ```
pub fn short_title(title: &str) -> &str {
    let main = match title.find(": ").map(|k| title[..k].trim_end()) {
        Some(m) if !m.is_empty() => m,
        _ => title,
    };
    let words = || main.split_whitespace();
    if words().nth(4).is_none() {
        return main;
    }
    let mut spans = main
        .split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - main.as_ptr() as usize;
            (start, start + w.len(), w)
        })
        .peekable();
    if spans
        .peek()
        .is_some_and(|(_, _, w)| matches!(*w, "A" | "An" | "The"))
    {
        spans.next();
    }
    let mut kept: Vec<(usize, usize, &str)> = spans.take(4).collect();
    // a quotation opened in the kept words and not closed there is cut off whole
    if let Some(k) = kept
        .iter()
        .position(|(_, _, w)| w.starts_with(['"', '\'', '‘', '“']))
    {
        let quoted: String = kept[k..]
            .iter()
            .map(|(_, _, w)| *w)
            .collect::<Vec<_>>()
            .join(" ");
        if !closes_quote(&quoted) && k > 0 {
            kept.truncate(k);
        }
    }
    const FUNCTION_WORDS: &[&str] = &[
        "a", "an", "the", "of", "to", "for", "from", "on", "in", "at", "by", "with", "and", "or",
        "between", "about", "into", "&", "de", "la", "le", "und", "der", "die", "das",
    ];
    while kept.len() > 1
        && kept.last().is_some_and(|(_, _, w)| {
            FUNCTION_WORDS.contains(&w.trim_end_matches([',', ';', ':']).to_lowercase().as_str())
        })
    {
        kept.pop();
    }
    let (Some(first), Some(last)) = (kept.first(), kept.last()) else {
        return main;
    };
    let short = main.get(first.0..last.1).unwrap_or(main);
    let trimmed =
        short.trim_end_matches(|c: char| matches!(c, ',' | ';' | ':') || c.is_whitespace());
    if trimmed.is_empty() {
        short
    } else {
        trimmed
    }
}

/// Does `s`, which opens with a quotation mark, also close it?
fn closes_quote(s: &str) -> bool {
    let close = match s.chars().next() {
        Some('“') => '”',
        Some('‘') => '’',
        Some(c) => c,
        None => return true,
    };
    s[s.chars().next().map_or(0, char::len_utf8)..]
        .trim_end_matches([',', ';', ':', '.'])
        .ends_with(close)
}

/// The name as a short note writes it: the family name with its particle ("van Beethoven"),
/// or the whole name of an organisation.
///
/// ```
/// use archivecite::chicago::family_form;
/// use archivecite::record::Name;
/// assert_eq!(family_form(&Name::parse("Ludwig van Beethoven")), "van Beethoven");
/// assert_eq!(family_form(&Name::parse("Kim Il Sung")), "Kim");
/// assert_eq!(family_form(&Name::parse("Leon Levy Foundation")), "Leon Levy Foundation");
/// ```
pub fn family_form(name: &Name) -> String {
    match name {
        Name::Person(p) if !p.particle.is_empty() && !p.family_first => {
            format!("{} {}", p.particle, p.family)
        }
        _ => name.family().to_string(),
    }
}

/// Words whose abbreviation period also ends a Chicago element (in a name only "al" of "et al."
/// and initials count).
const ABBREVIATIONS: &[&str] = &["Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Bros", "etc", "al"];

/// True if the final period of `element` belongs to it (an abbreviation: "Inc.", "A.M.",
/// "U.S.", "et al."; in a name also an initial, "A."), so that no second period follows it and
/// [`parse`] keeps it.
///
/// ```
/// use archivecite::chicago::keeps_period;
/// assert!(keeps_period("Memorandum for Puzanov A.M.", false));
/// assert!(keeps_period("Puzanov, A. M.", true));
/// assert!(!keeps_period("Plan B.", false));
/// assert!(!keeps_period("Delo 5.", false));
/// ```
pub fn keeps_period(element: &str, name: bool) -> bool {
    let Some(body) = element.strip_suffix('.') else {
        return false;
    };
    let word = body.rsplit(char::is_whitespace).next().unwrap_or("");
    if name {
        if word == "al" || word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            return true;
        }
    } else if ABBREVIATIONS.contains(&word) {
        return true;
    }
    let mut pieces = word.split('.');
    let count = word.split('.').count();
    count >= 2
        && pieces
            .all(|p| (1..=3).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

/// Writes a date the way the notes and the bibliography print it.
///
/// ```
/// use archivecite::chicago::format_date;
/// use archivecite::record::Date;
/// let d: Date = "1957-12-05/1957-12-06".parse().unwrap();
/// assert_eq!(format_date(&d), "December 5–6, 1957");
/// assert_eq!(format_date(&"195X".parse().unwrap()), "1950s");
/// ```
pub fn format_date(date: &crate::record::Date) -> String {
    let mut s = String::new();
    date::write_date(&mut s, date);
    s
}

/// Reads a whole date as [`format_date`] prints it (EDTF value, no printed text).
///
/// ```
/// use archivecite::chicago::parse_date;
/// assert_eq!(parse_date("ca. February 1949?").unwrap().to_string(), "1949-02%");
/// assert!(parse_date("February 30, 1949").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<crate::record::Date> {
    match date::read_date(text) {
        Some(("", d)) => Ok(d),
        _ => Err(crate::Error::value(
            "Chicago date",
            text,
            "not a date as the Manual writes it",
        )),
    }
}

/// True if `name` is read as a digital archive's name: the Wilson Center's
/// ([`WCDA`](crate::record::WCDA)) or any name ending in "Digital Archive".
///
/// ```
/// use archivecite::chicago::is_digital_archive;
/// assert!(is_digital_archive("History and Public Policy Program Digital Archive"));
/// assert!(!is_digital_archive("AVPRF F. 0102"));
/// ```
pub fn is_digital_archive(name: &str) -> bool {
    name == crate::record::WCDA || name.ends_with("Digital Archive")
}
