//! Criterion benchmarks for the TEI writer and reader, on the seed record (the seed's body).
//!
//! `cargo bench --bench tei -- --quick` (or `--measurement-time 3`). Targets: writing
//! ≥ 200 MB/s of output, reading ≥ 100 MB/s of input, on one core.
use archivecite::{block, tei};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn seed() -> archivecite::Record {
    let page = include_str!("../tests/fixtures/seed.txt");
    block::read(page).expect("the seed page reads")
}

fn bench(c: &mut Criterion) {
    let record = seed();
    let records = std::slice::from_ref(&record);
    let xml = tei::write(records);

    let mut g = c.benchmark_group("tei");
    g.throughput(Throughput::Bytes(xml.len() as u64));
    g.bench_function("write seed (output bytes)", |b| {
        b.iter(|| tei::write(black_box(records)))
    });
    g.bench_function("read seed (input bytes)", |b| {
        b.iter(|| tei::read(black_box(&xml)).expect("reads"))
    });
    // a corpus of 100 seed-like records
    let many: Vec<_> = (0..100).map(|_| record.clone()).collect();
    let corpus = tei::write(&many);
    g.throughput(Throughput::Bytes(corpus.len() as u64));
    g.bench_function("write corpus of 100", |b| {
        b.iter(|| tei::write(black_box(&many)))
    });
    g.bench_function("read corpus of 100", |b| {
        b.iter(|| tei::read(black_box(&corpus)).expect("reads"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
