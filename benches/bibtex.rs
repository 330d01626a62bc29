//! Criterion benchmarks for the .bib reader and writer.
//!
//! - `read/beebe-fish`: the 27 MB Beebe bibliography (../shared/bench-data), when present;
//! - `read/own-biblatex`, `write/biblatex`, `write/bibtex`: 2,000 archival records like the seed.
use archivecite::bibtex::{read, write, Dialect};
use archivecite::record::{parse_credits, Date, Name, Original, Record, WCDA};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn records(n: usize) -> Vec<Record> {
    (0..n)
        .map(|i| {
            let mut r = Record::new(format!(
                "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for {} December 1957",
                i % 28 + 1
            ));
            r.date = Some(Date::from_text(&format!("December {}, 1957", i % 28 + 1)).unwrap());
            if i % 3 == 0 {
                r.authors = vec![Name::parse("A. M. Puzanov")];
            }
            r.credit_line = Some("Translated for NKIDP by Gary Goldberg.".into());
            r.credits = parse_credits("Translated for NKIDP by Gary Goldberg.");
            r.funders = vec![
                "ROK Ministry of Unification".into(),
                "Leon Levy Foundation".into(),
            ];
            r.digital.name = Some(WCDA.into());
            r.digital.url = Some(format!(
                "https://digitalarchive.wilsoncenter.org/document/{}",
                110_000 + i
            ));
            r.digital.doc_id = Some(format!("{}", 110_000 + i));
            r.original = Some(Original::parse("AVPRF F. 0102, Op. 13, Delo 5"));
            r.summary = Some(
                "Kim Il sung discusses the KWP CC Plenum, which adopted a decision approving \
                 the work of the Moscow meetings & pointed to the need for unity."
                    .into(),
            );
            r.subjects = vec!["Korean War, 1950-1953".into(), "Soviet Union".into()];
            r
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let rs = records(2000);
    let own = write(&rs, Dialect::Biblatex, false);
    let mut g = c.benchmark_group("write");
    g.throughput(Throughput::Bytes(own.len() as u64));
    g.bench_function("biblatex", |b| {
        b.iter(|| write(&rs, Dialect::Biblatex, false))
    });
    g.bench_function("bibtex", |b| b.iter(|| write(&rs, Dialect::Bibtex, false)));
    g.finish();

    let mut g = c.benchmark_group("read");
    g.throughput(Throughput::Bytes(own.len() as u64));
    g.bench_function("own-biblatex", |b| b.iter(|| read(&own)));
    if let Ok(big) = std::fs::read_to_string("../shared/bench-data/beebe-fish.bib").or_else(|_| {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/bench-data/beebe-fish.bib"
        ))
    }) {
        g.sample_size(10);
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.bench_function("beebe-fish", |b| b.iter(|| read(&big)));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
