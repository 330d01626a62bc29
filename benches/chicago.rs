//! Criterion benchmarks for the Chicago writer (all three forms) and parser.
use archivecite::chicago::{self, Form, Style};
use archivecite::record::{Credit, Date, Name, Original, Record, Role, WCDA};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn records() -> Vec<Record> {
    let mut out = Vec::new();
    for i in 0..1000u32 {
        let mut r = Record::new(format!(
            "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for {} December 1957",
            i % 28 + 1
        ));
        r.date = Some(Date::from_text(&format!("December {:02}, 1957", i % 28 + 1)).unwrap());
        r.credits
            .push(Credit::new(Role::Translator, Name::parse("Gary Goldberg")));
        if i % 3 == 0 {
            r.authors.push(Name::parse("A. M. Puzanov"));
            r.credits
                .push(Credit::new(Role::Editor, Name::parse("James G. Hershberg")));
        }
        r.original = Some(Original::parse(&format!(
            "AVPRF F. 0102, Op. 13, Delo {}",
            i % 50
        )));
        r.digital.name = Some(WCDA.to_string());
        if i % 2 == 0 {
            r.digital.url = Some(format!(
                "https://digitalarchive.wilsoncenter.org/document/{}",
                110_000 + i
            ));
        }
        out.push(r);
    }
    out
}

fn bench(c: &mut Criterion) {
    let rs = records();
    let style = Style::default();
    let mut g = c.benchmark_group("chicago");
    g.throughput(Throughput::Elements(rs.len() as u64));
    g.bench_function("render all three forms (records)", |b| {
        b.iter(|| {
            for r in &rs {
                black_box(chicago::note(black_box(r), &style));
                black_box(chicago::short_note(black_box(r), &style));
                black_box(chicago::bibliography(black_box(r), &style));
            }
        })
    });
    let notes: Vec<String> = rs.iter().map(|r| chicago::note(r, &style)).collect();
    let bibs: Vec<String> = rs
        .iter()
        .map(|r| chicago::bibliography(r, &style))
        .collect();
    g.bench_function("parse note + bibliography (records)", |b| {
        b.iter(|| {
            for (n, bib) in notes.iter().zip(&bibs) {
                let _ = black_box(chicago::parse(black_box(n), Form::Note));
                let _ = black_box(chicago::parse(black_box(bib), Form::Bibliography));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
