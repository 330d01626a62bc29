//! Criterion benchmarks for the CSL-JSON reader and writer.
//!
//! Inputs: the 5,000-item foreign file in ../shared/bench-data (journal articles), and our own
//! output for the fixtures repeated to ~4 MB (archival records with `custom`). Throughput is
//! in bytes of CSL-JSON read or written.
use archivecite::{csl, record::Record};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn fixtures() -> Vec<Record> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in names {
        let text = std::fs::read_to_string(&p).unwrap();
        if let Ok(r) = archivecite::block::read(&text) {
            out.push(r);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut inputs: Vec<(&str, String)> = Vec::new();
    if let Ok(t) = std::fs::read_to_string("../../shared/bench-data/beebe-fish-5000.csl.json")
        .or_else(|_| {
            std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../shared/bench-data/beebe-fish-5000.csl.json"
            ))
        })
    {
        inputs.push(("beebe-5000", t));
    }
    let fx = fixtures();
    let one = csl::write(&fx);
    let mut many = Vec::new();
    while many.len() * (one.len() / fx.len().max(1)) < 4_000_000 {
        many.extend(fx.iter().cloned());
    }
    inputs.push(("wcda-fixtures", csl::write(&many)));

    let mut g = c.benchmark_group("csl");
    g.sample_size(20);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("read/{name}"), |b| {
            b.iter(|| csl::read(black_box(text)).unwrap())
        });
        let records = csl::read(text).unwrap();
        let out_len = csl::write(&records).len();
        g.throughput(Throughput::Bytes(out_len as u64));
        g.bench_function(format!("write/{name}"), |b| {
            b.iter(|| csl::write(black_box(&records)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
