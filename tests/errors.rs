//! Every variant of `archivecite::Error`, reached from each reader that produces it, with its
//! whole message checked.
use archivecite::chicago::{self, Form};
use archivecite::record::{Date, Point};
use archivecite::{bibtex, block, csl, read, tei, Error, Format};

fn message(e: &Error) -> String {
    e.to_string()
}

// ------------------------------------------------------------------------------------- Syntax

#[test]
fn syntax_from_block() {
    let e = block::read("\n\n   just some words\n").unwrap_err();
    assert!(
        matches!(
            e,
            Error::Syntax {
                format: "block",
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        message(&e),
        "3:4: block: expected a citation block: a Digital Archive page (\"get citation\", \
         \"Citation:\", \"Document Information\") or a citation line, found \"just some words\""
    );
}

#[test]
fn syntax_from_tei() {
    let e = tei::read("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <oops></TEI>").unwrap_err();
    assert!(matches!(e, Error::Syntax { format: "tei", .. }), "{e:?}");
    let m = message(&e);
    assert!(m.starts_with("2:"), "{m}");
    assert!(m.contains("tei: expected"), "{m}");
}

#[test]
fn syntax_from_csl() {
    let e = csl::read("hello").unwrap_err();
    assert!(
        matches!(
            e,
            Error::Syntax {
                format: "csl-json",
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        message(&e),
        "1:1: csl-json: expected a CSL-JSON array of items, or one item (an object), found \"hello\""
    );
    let e = csl::read("[\n{\"id\": \"a\",\n  \"title\" \"x\"}]").unwrap_err();
    assert!(matches!(e, Error::Syntax { .. }), "{e:?}");
    assert!(message(&e).starts_with("3:11: csl-json: expected"), "{e}");
}

#[test]
fn syntax_from_bibtex() {
    let (records, errors) = bibtex::read("@misc{ok, title = {Fine}}\n@misc{bad, title = {open\n");
    assert_eq!(records.len(), 1);
    let e = &errors[0];
    assert!(
        matches!(
            e,
            Error::Syntax {
                format: "bibtex",
                ..
            }
        ),
        "{e:?}"
    );
    let m = message(e);
    assert!(m.starts_with("2:"), "{m}");
    assert!(m.contains("bibtex: expected"), "{m}");
}

#[test]
fn syntax_from_chicago() {
    let e = chicago::parse("Title without quotes.", Form::Note).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Syntax {
                format: "chicago",
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        message(&e),
        "1:1: chicago: expected an opening \u{201c} before the title, found \"Title without quotes.\""
    );
}

// -------------------------------------------------------------------------------------- Shape

#[test]
fn shape_from_csl() {
    let e = csl::read("[{\"id\": \"a\", \"type\": \"manuscript\", \"title\": {\"x\": 1}}]")
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Shape {
                format: "csl-json",
                ..
            }
        ),
        "{e:?}"
    );
    let m = message(&e);
    assert!(m.starts_with("1:"), "{m}");
    assert!(m.contains("csl-json: $[0]"), "{m}");
    assert!(m.contains("invalid type"), "{m}");
}

#[test]
fn shape_from_csl_duplicate_key() {
    let e = csl::read("[{\"id\": \"a\", \"title\": \"x\",\n \"title\": \"y\"}]").unwrap_err();
    assert!(matches!(e, Error::Shape { .. }), "{e:?}");
    let m = message(&e);
    assert!(m.starts_with("2:"), "{m}");
    assert!(
        m.contains("duplicate key \"title\" (CSL-JSON items must not repeat a key)"),
        "{m}"
    );
}

#[test]
fn shape_from_record_json() {
    let e = read(Format::Record, "{\"title\": 3}").unwrap_err();
    assert!(
        matches!(
            e,
            Error::Shape {
                format: "record",
                ..
            }
        ),
        "{e:?}"
    );
    let m = message(&e);
    assert!(m.starts_with("1:"), "{m}");
    assert!(m.contains("record: $: invalid type: integer `3`"), "{m}");
}

// -------------------------------------------------------------------------------------- Value

#[test]
fn value_from_edtf() {
    let e = "1957-13-01".parse::<Date>().unwrap_err();
    assert!(
        matches!(
            e,
            Error::Value {
                what: "EDTF date",
                ..
            }
        ),
        "{e:?}"
    );
    assert!(
        message(&e).starts_with("invalid EDTF date \"1957-13-01\": "),
        "{e}"
    );
    let e = Point::new(1957, Some(2), Some(30)).unwrap_err();
    assert_eq!(
        message(&e),
        "invalid date \"1957-02-30\": no such day in that month"
    );
}

#[test]
fn value_from_date_text() {
    let e = Date::from_text("sometime").unwrap_err();
    assert_eq!(
        message(&e),
        "invalid date \"sometime\": not a date this reader knows"
    );
}

#[test]
fn value_from_chicago_date() {
    let e = chicago::parse_date("February 30, 1949").unwrap_err();
    assert_eq!(
        message(&e),
        "invalid Chicago date \"February 30, 1949\": not a date as the Manual writes it"
    );
}

#[test]
fn value_from_format_name() {
    let e = "docx".parse::<Format>().unwrap_err();
    assert_eq!(
        message(&e),
        "invalid format \"docx\": expected one of block, record, tei, csl-json, biblatex, bibtex, \
         chicago-note, chicago-short-note, chicago-bibliography"
    );
    assert!(e.position().is_none());
}

// ----------------------------------------------------------------------------------------- Io

#[test]
fn io_error_message() {
    let e = Error::from(std::io::Error::new(
        std::io::ErrorKind::NotFound,
        "no such file",
    ));
    assert!(matches!(e, Error::Io(_)));
    assert_eq!(message(&e), "no such file");
    assert!(e.position().is_none());
}

#[test]
fn io_error_from_the_cli() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_archivecite"))
        .args([
            "convert",
            "--to",
            "tei",
            "/nonexistent/archivecite/input.txt",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/nonexistent/archivecite/input.txt") && stderr.contains("No such file"),
        "{stderr}"
    );
}
