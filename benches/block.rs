//! Criterion benchmarks for the block reader and writer, on the seed and on every fixture.
use archivecite::block;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn pages() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn bench(c: &mut Criterion) {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed.txt"
    ))
    .unwrap();
    let all = pages();
    let total: usize = all.iter().map(String::len).sum();
    let mut g = c.benchmark_group("block");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("read seed", |b| {
        b.iter(|| block::read(black_box(&seed)).unwrap())
    });
    let record = block::read(&seed).unwrap();
    let written = block::write(&record);
    g.throughput(Throughput::Bytes(written.len() as u64));
    g.bench_function("write seed", |b| {
        b.iter(|| block::write(black_box(&record)))
    });
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("read all fixtures", |b| {
        b.iter(|| {
            for p in &all {
                black_box(block::read(black_box(p)).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
