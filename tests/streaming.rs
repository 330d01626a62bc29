//! `write_to` (formatted on all cores, a run of records at a time) gives the bytes `write` gives,
//! for every format, however many records: none, one, fewer than a run, many runs with repeated
//! keys and ids across runs.
use archivecite::{read, write, write_to, Format, Options, Record};

fn fixtures() -> Vec<Record> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|p| read(Format::Block, &std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

#[test]
fn write_to_gives_the_bytes_write_gives() {
    let pages = fixtures();
    assert_eq!(pages.len(), 11);
    // 1,111 records: every page a hundred and one times, so keys and ids repeat across runs
    let many: Vec<Record> = pages.iter().cycle().take(1111).cloned().collect();
    let options = Options::default();
    for records in [&[][..], &pages[..1], &pages[..], &many[..]] {
        for f in Format::ALL {
            let mut out = Vec::new();
            write_to(f, records, &options, &mut out).unwrap();
            let whole = write(f, records, &options);
            assert!(
                out == whole.as_bytes(),
                "{f}, {} records: write_to differs from write",
                records.len()
            );
        }
    }
}

/// `Writer`, fed in batches of every shape (a first batch of one, then several; one big
/// batch; single records), gives the bytes `write` gives for all of them together.
#[test]
fn writer_in_batches_gives_the_bytes_write_gives() {
    let pages = fixtures();
    let many: Vec<Record> = pages.iter().cycle().take(1111).cloned().collect();
    let options = Options::default();
    let shapes: &[&[usize]] = &[
        &[],
        &[1],
        &[1, 0, 1],
        &[2],
        &[1, 600, 3, 507],
        &[1111],
        &[300, 300, 511],
    ];
    for shape in shapes {
        let total: usize = shape.iter().sum();
        let records = &many[..total];
        for f in Format::ALL {
            let mut w = archivecite::Writer::new(f, &options, Vec::new());
            let mut at = 0;
            for &n in *shape {
                w.write(&records[at..at + n]).unwrap();
                at += n;
            }
            let out = w.finish().unwrap();
            assert!(
                out == write(f, records, &options).into_bytes(),
                "{f}, batches {shape:?}: Writer differs from write"
            );
        }
    }
}
