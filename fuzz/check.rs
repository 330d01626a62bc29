// Shared by the fuzz targets and by `tests/fuzz_corpus.rs`, which replays the committed corpora.

/// Reads `data` as `format`; never panics. Where records come out, writing them and reading
/// them back must succeed, and a second write/read must give the same records (the first may
/// normalise: a lossy format drops what it cannot hold once, then is stable).
#[allow(dead_code)]
fn check(format: archivecite::Format, data: &[u8]) {
    use archivecite::{read, read_lenient, write, Format, Options};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (records, _errors) = read_lenient(format, text);
    let options = Options::default();
    // chicago forms and blocks hold one record per text
    let single = matches!(
        format,
        Format::Block | Format::ChicagoNote | Format::ChicagoShortNote | Format::ChicagoBibliography
    );
    let groups: Vec<Vec<archivecite::Record>> = if single {
        records.into_iter().map(|r| vec![r]).collect()
    } else if records.is_empty() {
        Vec::new()
    } else {
        vec![records]
    };
    for group in groups {
        let written = write(format, &group, &options);
        let once = read(format, &written)
            .unwrap_or_else(|e| panic!("{format} output does not read back: {e}\n{written}"));
        let again = write(format, &once, &options);
        let twice = read(format, &again)
            .unwrap_or_else(|e| panic!("{format} output does not read back: {e}\n{again}"));
        assert_eq!(once, twice, "{format}: second round trip differs\n{written}\n---\n{again}");
    }
}
