//! Criterion benchmarks for the bibtex reader and writer (placeholder until the module lands).
fn main() {}
