//! Criterion benchmarks for the csl reader and writer (placeholder until the module lands).
fn main() {}
