//! Criterion benchmarks for the chicago reader and writer (placeholder until the module lands).
fn main() {}
