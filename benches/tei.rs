//! Criterion benchmarks for the tei reader and writer (placeholder until the module lands).
fn main() {}
