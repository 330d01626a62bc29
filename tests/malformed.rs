//! Malformed input, reader by reader: truncated files, wrong encodings, binary garbage, a 100 MB
//! single line, deep nesting, entity bombs, unbalanced braces, duplicate JSON keys. What the user
//! must get: a positioned error (line and column), the good records kept where the format has
//! several, nothing dropped silently, and bounded time and memory. README.md § Robustness sums
//! this file up in a table.
mod common;

use archivecite::record::Record;
use archivecite::{read_lenient, write, Error, Format, Options};
use std::time::{Duration, Instant};

/// Every reader, as the library dispatches it.
const READERS: [Format; 6] = [
    Format::Block,
    Format::Tei,
    Format::CslJson,
    Format::Biblatex,
    Format::ChicagoNote,
    Format::Record,
];

fn fixtures(n: usize) -> Vec<Record> {
    common::pages()
        .into_iter()
        .take(n)
        .map(|(_, t)| archivecite::block::read(&t).unwrap())
        .collect()
}

/// A good file in `format` (three records where the format holds several).
fn good(format: Format) -> String {
    match format {
        Format::Block => common::pages().remove(0).1,
        Format::ChicagoNote => write(format, &fixtures(1), &Options::default()),
        _ => write(format, &fixtures(3), &Options::default()),
    }
}

/// An error must name the place: `LINE:COL:` inside the text, and `Display` starts with it.
fn assert_positioned(format: Format, e: &Error, text: &str) {
    let at = e
        .position()
        .unwrap_or_else(|| panic!("{format}: error without a position: {e}"));
    assert!(at.line >= 1 && at.column >= 1, "{format}: {e}");
    assert!(at.offset <= text.len(), "{format}: {e} beyond the text");
    assert_eq!(
        at,
        archivecite::Position::at(text, at.offset),
        "{format}: line/column do not match the offset: {e}"
    );
    assert!(
        e.to_string()
            .starts_with(&format!("{}:{}:", at.line, at.column)),
        "{format}: {e}"
    );
}

/// Reads `text` leniently and checks the user's view: every error positioned; a non-blank input
/// that gives no record gives an error (a .bib may hold only comments: text outside entries is
/// a comment in BibTeX, so there only input with an `@` counts).
fn read_checked(format: Format, text: &str) -> (Vec<Record>, Vec<Error>) {
    let (records, errors) = read_lenient(format, text);
    for e in &errors {
        assert_positioned(format, e, text);
    }
    let counts = match format {
        Format::Biblatex => text.contains('@'),
        _ => !text.trim().is_empty(),
    };
    if counts && records.is_empty() {
        assert!(
            !errors.is_empty(),
            "{format}: non-blank input gave nothing and no error: {:?}",
            excerpt(text)
        );
    }
    (records, errors)
}

fn excerpt(s: &str) -> String {
    s.chars().take(80).collect()
}

fn timed<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    let took = t.elapsed();
    assert!(took < limit, "{what} took {took:?} (limit {limit:?})");
    out
}

// ---------------------------------------------------------------------------------------------
// Truncated files

/// Every prefix of a good file (every byte boundary up to 600, then a sample): never a panic,
/// every error positioned; a structured document cut short is an error, never a shorter success.
#[test]
fn truncated_files() {
    for format in READERS {
        let full = good(format);
        let mut cuts: Vec<usize> = (0..full.len().min(600)).collect();
        cuts.extend((600..full.len()).step_by(37));
        for cut in cuts {
            if !full.is_char_boundary(cut) {
                continue;
            }
            let prefix = &full[..cut];
            let (records, errors) = read_checked(format, prefix);
            let complete = prefix.trim_end() == full.trim_end();
            if matches!(format, Format::Tei | Format::CslJson | Format::Record) && !complete {
                assert!(
                    !errors.is_empty() || prefix.trim().is_empty(),
                    "{format}: a document cut at byte {cut} reads without error ({} records)",
                    records.len()
                );
            }
        }
    }
}

/// A .bib cut inside its third entry keeps the first two and reports the third.
#[test]
fn truncated_bib_keeps_complete_entries() {
    let full = good(Format::Biblatex);
    let third = full.match_indices("\n@").nth(1).unwrap().0 + 1;
    for cut in (third + 2..full.trim_end().len() - 1).step_by(5) {
        let (records, errors) = read_checked(Format::Biblatex, &full[..cut]);
        assert_eq!(records.len(), 2, "cut at {cut}");
        assert_eq!(errors.len(), 1, "cut at {cut}: {errors:?}");
        // at the entry's start, or at the fault inside it
        let entry = archivecite::Position::at(&full, third).line;
        let line = errors[0].position().unwrap().line;
        assert!(line >= entry, "cut at {cut}: {}", errors[0]);
    }
}

// ---------------------------------------------------------------------------------------------
// Wrong encodings (the library takes &str: the bytes arrive decoded lossily or misread)

fn utf16le(s: &str) -> Vec<u8> {
    let mut v = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        v.extend_from_slice(&u.to_le_bytes());
    }
    v
}

fn latin1(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| if (c as u32) < 256 { c as u8 } else { b'?' })
        .collect()
}

#[test]
fn wrong_encodings_at_the_library() {
    for format in READERS {
        let full = good(format);
        for bytes in [utf16le(&full), latin1(&full)] {
            let lossy = String::from_utf8_lossy(&bytes);
            read_checked(format, &lossy);
            // UTF-16 read as if each byte were a character (a misdeclared encoding).
            let misread: String = bytes.iter().map(|&b| b as char).collect();
            read_checked(format, &misread);
        }
    }
}

/// The CLI reads bytes: invalid UTF-8 is an error that names FILE:LINE:COL.
#[test]
fn cli_reports_invalid_utf8_with_position() {
    let dir = std::env::temp_dir().join(format!("archivecite-malformed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        // Latin-1 "é" on line 3, column 5.
        (
            "latin1.bib",
            b"@misc{a,\n  title = {x},\n  no\xe9 = {y}}\n".to_vec(),
            ":3:5: not UTF-8",
        ),
        ("utf16.xml", utf16le("<TEI/>"), ":1:1: not UTF-8"),
        (
            "block.txt",
            [b"Title\n\nDecember 7, 1957 ".as_slice(), &[0xC3, 0x28]].concat(),
            ":3:18: not UTF-8",
        ),
        (
            "items.csl.json",
            b"[\n {\"title\": \"Stra\xdfe\"}]".to_vec(),
            ":2:17: not UTF-8",
        ),
        (
            "one.record.json",
            b"{\"title\": \"\xff\"}".to_vec(),
            ":1:12: not UTF-8",
        ),
        (
            "note.txt",
            "\u{201c}Title,\u{201d} trans. Ren\u{e9}"
                .bytes()
                .map(|b| if b == 0xC3 { 0xE9 } else { b })
                .filter(|&b| b != 0xA9)
                .collect(),
            ":1:20: not UTF-8",
        ),
    ];
    for (name, bytes, want) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let from = if name == "note.txt" {
            "chicago-note"
        } else {
            ""
        };
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_archivecite"));
        cmd.args(["convert", "--to", "csl-json"]);
        if !from.is_empty() {
            cmd.args(["--from", from]);
        }
        let out = cmd.arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name}: {stderr}");
        assert!(
            stderr.contains(&format!("{}{want}", path.display())),
            "{name}: {stderr}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

// ---------------------------------------------------------------------------------------------
// Binary garbage

fn garbage(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_garbage() {
    for format in READERS {
        for seed in 1..20u64 {
            let bytes = garbage(seed, 1 + (seed as usize * 3001) % 65536);
            let text = String::from_utf8_lossy(&bytes);
            // bare, and behind the format's opening so the reader goes further
            for lead in [
                "",
                "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">",
                "[{",
                "@misc{k,",
                "“",
                "{",
            ] {
                let s = format!("{lead}{text}");
                timed(&format!("{format} garbage"), Duration::from_secs(5), || {
                    read_checked(format, &s)
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A 100 MB single line

/// One line of 100 MB, shaped for each reader (an unterminated value where it has values).
fn huge_line(format: Format) -> String {
    const N: usize = 100 << 20;
    let (head, unit, tail) = match format {
        Format::Block => ("", "word ", ""),
        Format::Tei => (
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader>",
            "x & y ",
            "",
        ),
        Format::CslJson => (
            "[{\"id\": \"a\", \"type\": \"manuscript\", \"title\": \"",
            "ab ",
            "",
        ),
        Format::Biblatex => ("@misc{a, title = {", "ab ", ""),
        Format::ChicagoNote => ("“", "ab, ", ""),
        _ => ("{\"title\": \"", "ab ", ""),
    };
    let mut s = String::with_capacity(N + head.len() + tail.len());
    s.push_str(head);
    while s.len() + unit.len() <= N {
        s.push_str(unit);
    }
    s.push_str(tail);
    s
}

#[test]
fn hundred_megabyte_line() {
    for format in READERS {
        let line = huge_line(format);
        let (records, errors) = timed(
            &format!("{format}: 100 MB line"),
            Duration::from_secs(60),
            || read_checked(format, &line),
        );
        if format != Format::Block {
            // Every shape above is unterminated: an error, at line 1.
            assert!(records.is_empty() && !errors.is_empty(), "{format}");
            assert_eq!(errors[0].position().unwrap().line, 1, "{format}");
        }
        drop(line);
    }
}

// ---------------------------------------------------------------------------------------------
// Deep nesting and entity bombs

#[test]
fn deeply_nested_xml() {
    let mut xml = String::from("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body>");
    xml.push_str(&"<div>".repeat(100_000));
    xml.push_str(&"</div>".repeat(100_000));
    xml.push_str("</body></text></TEI>");
    let (records, errors) = timed("100k levels", Duration::from_secs(10), || {
        read_checked(Format::Tei, &xml)
    });
    assert!(records.is_empty());
    assert_eq!(errors[0].position().unwrap().line, 2);
    assert!(errors[0].to_string().contains("deep"), "{}", errors[0]);
}

#[test]
fn deeply_nested_json_and_braces() {
    let deep_json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for format in [Format::CslJson, Format::Record] {
        let (_, errors) = timed("deep JSON", Duration::from_secs(10), || {
            read_checked(format, &deep_json)
        });
        assert!(!errors.is_empty(), "{format}");
    }
    let deep_bib = format!(
        "@misc{{a, title = {}x{}}}\n@misc{{b, title = {{ok}}}}\n",
        "{".repeat(100_000),
        "}".repeat(100_000)
    );
    let (records, _) = timed("deep braces", Duration::from_secs(10), || {
        read_checked(Format::Biblatex, &deep_bib)
    });
    assert_eq!(records.len(), 2);
    let quotes = "“".repeat(100_000);
    for format in [Format::Block, Format::ChicagoNote] {
        timed("deep quotes", Duration::from_secs(10), || {
            read_checked(format, &quotes)
        });
    }
}

#[test]
fn billion_laughs() {
    let mut xml =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\n <!ENTITY lol \"lol\">\n");
    xml.push_str(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for i in 2..10 {
        let p = i - 1;
        xml.push_str(&format!(
            " <!ENTITY lol{i} \"{}\">\n",
            format!("&lol{p};").repeat(10)
        ));
    }
    xml.push_str("]>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>\n<title>&lol9;</title>");
    xml.push_str("</titleStmt></fileDesc></teiHeader></TEI>\n");
    let (records, errors) = timed("billion laughs", Duration::from_secs(2), || {
        read_checked(Format::Tei, &xml)
    });
    assert!(records.is_empty());
    let at = errors[0].position().unwrap();
    assert_eq!((at.line, at.column), (15, 8), "{}", errors[0]);
    assert!(errors[0].to_string().contains("lol9"), "{}", errors[0]);
}

// ---------------------------------------------------------------------------------------------
// BibTeX: unbalanced braces; JSON: duplicate keys

#[test]
fn unbalanced_braces_keep_the_good_entries() {
    let bib = "@misc{one, title = {First}}\n\
               @misc{bad, title = {Unclosed {brace}, year = 1957}\n\
               @misc{two, title = {Second}}\n\
               @misc{bad2, title = {Too many}}}, year = 1958}\n\
               @misc{three, title = {Third}}\n";
    let (records, errors) = read_checked(Format::Biblatex, bib);
    let titles: Vec<&str> = records.iter().map(|r| r.title.as_str()).collect();
    assert!(
        titles.starts_with(&["First"]) && titles.contains(&"Second") && titles.contains(&"Third"),
        "{titles:?} {errors:?}"
    );
    assert!(!errors.is_empty());
    assert_eq!(errors[0].position().unwrap().line, 2, "{}", errors[0]);
}

#[test]
fn duplicate_json_keys_are_errors() {
    let csl =
        "[\n{\"id\": \"a\", \"type\": \"manuscript\",\n \"title\": \"One\", \"title\": \"Two\"}\n]";
    let (records, errors) = read_checked(Format::CslJson, csl);
    assert!(records.is_empty());
    let at = errors[0].position().unwrap();
    assert_eq!(at.line, 3, "{}", errors[0]);
    assert!(errors[0].to_string().contains("duplicate"), "{}", errors[0]);

    let rec = "{\"title\": \"One\",\n \"title\": \"Two\"}";
    let (records, errors) = read_checked(Format::Record, rec);
    assert!(records.is_empty());
    assert_eq!(errors[0].position().unwrap().line, 2, "{}", errors[0]);
    assert!(errors[0].to_string().contains("duplicate"), "{}", errors[0]);
}
