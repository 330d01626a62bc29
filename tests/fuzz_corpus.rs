//! Replays every committed fuzz corpus file (fuzz/corpus/<target>/*) through the same check the
//! fuzz targets run, so a crash found once stays fixed.
use archivecite::Format;

include!("../fuzz/check.rs");

fn replay(target: &str, format: Format) -> usize {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut n = 0;
    for e in entries {
        let path = e.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| check(format, &data));
        assert!(result.is_ok(), "{target}: {} fails", path.display());
        n += 1;
    }
    n
}

#[test]
fn block_corpus() {
    assert!(replay("block", Format::Block) >= 11);
}

#[test]
fn tei_corpus() {
    replay("tei", Format::Tei);
}

#[test]
fn csl_corpus() {
    replay("csl", Format::CslJson);
}

#[test]
fn bibtex_corpus() {
    replay("bibtex", Format::Biblatex);
}

#[test]
fn chicago_corpus() {
    // the target checks each input in all three forms
    replay("chicago", Format::ChicagoNote);
    replay("chicago", Format::ChicagoShortNote);
    replay("chicago", Format::ChicagoBibliography);
}
