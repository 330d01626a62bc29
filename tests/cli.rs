//! The `archivecite` binary end to end.
use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_archivecite"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn converts_the_seed_to_a_record() {
    let out = bin()
        .args(["convert", "--to", "record", &fixture("seed.txt")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: archivecite::Record = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.date.unwrap().to_string(), "1957-12-07");
    assert_eq!(r.credits[0].on_behalf_of.as_deref(), Some("NKIDP"));
}

#[test]
fn reads_stdin_and_writes_a_block() {
    let mut child = bin()
        .args(["convert", "--to", "block"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let page = std::fs::read_to_string(fixture("seed.txt")).unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        archivecite::block::read(&text).unwrap(),
        archivecite::block::read(&page).unwrap()
    );
}

#[test]
fn writes_one_file_per_input_and_format() {
    let dir = std::env::temp_dir().join(format!("archivecite-cli-{}", std::process::id()));
    let out = bin()
        .args(["convert", "--to", "record", "--to", "block", "-o"])
        .arg(&dir)
        .args([fixture("seed.txt"), fixture("115780.txt")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in [
        "seed.record.json",
        "seed.txt",
        "115780.record.json",
        "115780.txt",
    ] {
        assert!(dir.join(name).is_file(), "{name}");
    }
    let back = archivecite::block::read(&std::fs::read_to_string(dir.join("115780.txt")).unwrap())
        .unwrap();
    assert_eq!(back.digital.doc_id.as_deref(), Some("115780"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_input_is_reported_with_file_line_column_and_fails() {
    let dir = std::env::temp_dir().join(format!("archivecite-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "\n\nnot a page at all\n").unwrap();
    let out = bin()
        .args(["convert", "--to", "record"])
        .arg(&bad)
        .arg(fixture("seed.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}:3:1: block: expected a citation block",
            bad.display()
        )),
        "{err}"
    );
    // the good input was still converted
    let r: archivecite::Record = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r.title.starts_with("Journal of Soviet Ambassador"));
    std::fs::write(&bad, b"\"T,\" 1958, \xff\xfe").unwrap();
    let out = bin()
        .args(["convert", "--to", "record"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains(":1:12: not UTF-8 text (byte 11)"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unknown_format_is_a_usage_error() {
    let out = bin()
        .args(["convert", "--to", "docx", &fixture("seed.txt")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected one of block, record, tei"));
}

#[test]
fn check_reports_without_converting() {
    let out = bin()
        .args(["check", &fixture("seed.txt"), &fixture("120502.txt")])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("seed.txt: ok, 1 record(s)"), "{text}");
}

#[test]
fn completions_and_help_with_examples() {
    let out = bin().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("archivecite"));
    for sub in ["convert", "check", "completions"] {
        let out = bin().args([sub, "--help"]).output().unwrap();
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Examples:"),
            "{sub}"
        );
    }
}

#[test]
fn directories_are_walked_in_order_with_a_glob() {
    let out = bin()
        .args(["convert", "--to", "record", "--glob", "1*.txt"])
        .arg(format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<archivecite::Record> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<_> = records
        .iter()
        .map(|r| r.title.chars().take(12).collect::<String>())
        .collect();
    assert_eq!(records.len(), 7, "{ids:?}");
    assert!(
        records[0].title.starts_with("Note On a Conversation"),
        "112277 first"
    );
}

#[test]
fn verbose_names_the_fields_a_format_cannot_hold() {
    let out = bin()
        .args([
            "convert",
            "-v",
            "--to",
            "csl-json",
            "--to",
            "tei",
            &fixture("seed.txt"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("seed.txt: warning: csl-json cannot hold: body"),
        "{err}"
    );
    assert!(!err.contains("tei cannot hold"), "{err}");
    assert!(
        err.contains("1 record(s) converted, 0 input(s) failed, 1 warning(s)"),
        "{err}"
    );
}

/// A large .bib goes to CSL-JSON a batch at a time: the output is the library's for the whole
/// file (ids unique across batches, errors reported, the good entries kept).
#[test]
fn a_large_bib_streams_to_the_same_csl_json() {
    let mut bib = String::new();
    for i in 0..3000 {
        // the same key every 500 entries, so that ids repeat across batches
        bib.push_str(&format!(
            "@article{{k{}, title = {{Paper {i}}}, author = {{Smith, Jane}}, year = {}}}\n",
            i % 500,
            1900 + i % 100
        ));
        if i == 1500 {
            bib.push_str("@misc{broken, title = {unclosed\n");
        }
    }
    let dir = std::env::temp_dir().join(format!("archivecite-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("large.bib");
    std::fs::write(&path, &bib).unwrap();
    let out = bin()
        .args(["convert", "--quiet", "--to", "csl-json"])
        .arg(&path)
        .output()
        .unwrap();
    let (records, errors) = archivecite::read_lenient(archivecite::Format::Bibtex, &bib);
    assert_eq!(errors.len(), 1);
    assert_eq!(records.len(), 3000);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        archivecite::csl::write(&records)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("large.bib:1502:23:"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Many files to one format on stdout go a batch of files at a time: the output is the
/// library's for all their records, in file order.
#[test]
fn many_files_stream_to_one_output() {
    let dir = std::env::temp_dir().join(format!("archivecite-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut pages: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            pages.push((
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    // 660 files: more than one batch of files
    let mut names = Vec::new();
    for i in 0..60 {
        for (name, text) in &pages {
            let n = format!("{i:03}-{name}");
            std::fs::write(dir.join(&n), text).unwrap();
            names.push(n);
        }
    }
    names.sort();
    let records: Vec<archivecite::Record> = names
        .iter()
        .flat_map(|n| {
            let text = std::fs::read_to_string(dir.join(n)).unwrap();
            archivecite::read(archivecite::Format::Block, &text).unwrap()
        })
        .collect();
    for f in ["tei", "biblatex", "record", "chicago-note"] {
        let out = bin()
            .args(["convert", "--quiet", "--to", f])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let format: archivecite::Format = f.parse().unwrap();
        let expected = archivecite::write(format, &records, &Default::default());
        assert!(
            out.stdout == expected.as_bytes(),
            "{f}: differs from the library's"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
