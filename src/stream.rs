//! Writing any format a batch of records at a time, each batch formatted on all cores.

use crate::format::{Format, Options};
use crate::record::Record;
use crate::{bibtex, block, chicago, csl, tei};
use std::io::Write;

/// What separates pages in a text of several blocks: a blank line, a form feed, a blank line.
pub(crate) const BLOCK_SEP: &str = "\n\n\u{c}\n\n";

/// Records formatted per run on each core.
const RUN: usize = 256;

/// Writes one output in any format a batch of records at a time: the bytes are those of
/// [`write`](crate::write) of all the batches together (keys and ids unique across batches,
/// one `TEI` document or one record object when there is a single record in all). Each batch
/// is formatted on all cores and written as it comes, so a conversion holds one batch.
///
/// ```
/// use archivecite::{write, Format, Options, Record, Writer};
/// let (a, b) = (Record::new("First"), Record::new("Second"));
/// for f in Format::ALL {
///     let mut w = Writer::new(f, &Options::default(), Vec::new());
///     w.write(std::slice::from_ref(&a)).unwrap();
///     w.write(std::slice::from_ref(&b)).unwrap();
///     let out = w.finish().unwrap();
///     assert_eq!(out, write(f, &[a.clone(), b.clone()], &Options::default()).into_bytes());
/// }
/// ```
pub struct Writer<W: Write> {
    format: Format,
    options: Options,
    sink: Sink<W>,
    /// Records written out so far.
    written: usize,
    keys: Unique,
    /// TEI and record JSON: a first record held back until a second one says "several".
    pending: Option<Record>,
}

enum Sink<W: Write> {
    Csl(csl::Writer<W>),
    Out(W),
}

impl<W: Write> Writer<W> {
    /// A writer of `format` into `out` that has written nothing yet.
    pub fn new(format: Format, options: &Options, out: W) -> Writer<W> {
        Writer {
            format,
            options: options.clone(),
            sink: match format {
                Format::CslJson => Sink::Csl(csl::Writer::new(out)),
                _ => Sink::Out(out),
            },
            written: 0,
            keys: Unique::default(),
            pending: None,
        }
    }

    /// Writes `records`, the next in the output.
    pub fn write(&mut self, records: &[Record]) -> std::io::Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let out = match &mut self.sink {
            Sink::Csl(w) => {
                for run in records.chunks(RUN * 8) {
                    w.write(run)?;
                }
                return Ok(());
            }
            Sink::Out(out) => out,
        };
        let base = self.written;
        let style = &self.options.chicago;
        match self.format {
            Format::Block => in_runs(records, base, out, joined(BLOCK_SEP, &block::write))?,
            Format::ChicagoNote | Format::ChicagoShortNote | Format::ChicagoBibliography => {
                let form: fn(&Record, &chicago::Style) -> String = match self.format {
                    Format::ChicagoNote => chicago::note,
                    Format::ChicagoShortNote => chicago::short_note,
                    _ => chicago::bibliography,
                };
                in_runs(records, base, out, joined("\n", &|r| form(r, style)))?
            }
            Format::Biblatex | Format::Bibtex => {
                let (dialect, chicago) = match self.format {
                    Format::Bibtex => (bibtex::Dialect::Bibtex, false),
                    _ => (bibtex::Dialect::Biblatex, self.options.biblatex_chicago),
                };
                let keys: Vec<String> = par_map(records, bibtex::key_base)
                    .into_iter()
                    .map(|base| self.keys.unique(base))
                    .collect();
                in_runs(records, base, out, |first, run| {
                    let keys = keys.get(first - base..).unwrap_or_default();
                    bibtex::entries(run, keys, first == 0, dialect, chicago)
                })?
            }
            Format::Tei | Format::Record => {
                let (first, rest) = match self.pending.take() {
                    _ if base > 0 => (None, records),
                    None if records.len() == 1 => {
                        self.pending = records.first().cloned();
                        return Ok(());
                    }
                    pending => (pending, records),
                };
                let tei = self.format == Format::Tei;
                if base == 0 {
                    // a second record: the output holds several
                    out.write_all(
                        if tei {
                            tei::corpus_head()
                        } else {
                            String::from("[\n")
                        }
                        .as_bytes(),
                    )?;
                }
                let mut at = base;
                if let Some(r) = first {
                    out.write_all(several(tei, 0, std::slice::from_ref(&r)).as_bytes())?;
                    at = 1;
                }
                in_runs(rest, at, out, |first, run| several(tei, first, run))?;
                self.written = at + rest.len();
                return Ok(());
            }
            Format::CslJson => {}
        }
        self.written += records.len();
        Ok(())
    }

    /// Ends the output and gives back what it was written into.
    pub fn finish(self) -> std::io::Result<W> {
        let mut out = match self.sink {
            Sink::Csl(w) => return w.finish(),
            Sink::Out(out) => out,
        };
        let tail: String = match self.format {
            Format::Block
            | Format::ChicagoNote
            | Format::ChicagoShortNote
            | Format::ChicagoBibliography => "\n".into(),
            Format::Tei | Format::Record if self.written > 0 => match self.format {
                Format::Tei => tei::CORPUS_TAIL.into(),
                _ => "\n]\n".into(),
            },
            // one record in all: a document of its own; none: an empty corpus or array
            Format::Tei => match &self.pending {
                Some(r) => tei::write(std::slice::from_ref(r)),
                None => tei::corpus_head() + tei::CORPUS_TAIL,
            },
            Format::Record => match &self.pending {
                Some(r) => serde_json::to_string_pretty(r).unwrap_or_default() + "\n",
                None => "[]\n".into(),
            },
            Format::Biblatex | Format::Bibtex | Format::CslJson => String::new(),
        };
        out.write_all(tail.as_bytes())?;
        out.flush()?;
        Ok(out)
    }
}

/// Records inside a corpus or an array of several, the first at index `first` of the output.
fn several(tei: bool, first: usize, run: &[Record]) -> String {
    if tei {
        return tei::corpus_items(run);
    }
    // a run as a pretty array, without its brackets: indented as in the whole one
    let mut s = if first > 0 {
        String::from(",\n")
    } else {
        String::new()
    };
    let array = serde_json::to_string_pretty(run).unwrap_or_default();
    s.push_str(
        array
            .get(2..array.len().saturating_sub(2))
            .unwrap_or_default(),
    );
    s
}

/// A run of records formatted one by one, `sep` before each but the output's very first.
fn joined<'a>(
    sep: &'static str,
    one: &'a (dyn Fn(&Record) -> String + Sync),
) -> impl Fn(usize, &[Record]) -> String + Sync + 'a {
    move |first, run| {
        let mut s = String::with_capacity(run.len() * 1024);
        for (i, r) in run.iter().enumerate() {
            if first + i > 0 {
                s.push_str(sep);
            }
            s.push_str(&one(r));
        }
        s
    }
}

/// Formats `records` (the output's records from index `base` on) a run at a time on all
/// cores with `piece(output index of the run's first record, run)` and writes the pieces in
/// order. Worker `k` of `n` takes runs `k`, `k + n` … and hands them over through its own
/// short queue, so writing overlaps formatting and at most two pieces per worker wait.
fn in_runs(
    records: &[Record],
    base: usize,
    out: &mut dyn Write,
    piece: impl Fn(usize, &[Record]) -> String + Sync,
) -> std::io::Result<()> {
    let threads = crate::stream::threads();
    if threads < 2 || records.len() <= RUN {
        return out.write_all(piece(base, records).as_bytes());
    }
    let runs: Vec<&[Record]> = records.chunks(RUN).collect();
    let piece = &piece;
    std::thread::scope(|s| {
        let (queues, workers): (Vec<_>, Vec<_>) = (0..threads)
            .map(|k| {
                let (tx, rx) = std::sync::mpsc::sync_channel::<String>(2);
                let mine = runs.iter().enumerate().skip(k).step_by(threads);
                let worker = s.spawn(move || {
                    for (i, run) in mine {
                        if tx.send(piece(base + i * RUN, run)).is_err() {
                            return;
                        }
                    }
                });
                (rx, worker)
            })
            .unzip();
        let mut written = Ok(());
        for (i, run) in runs.iter().enumerate() {
            // a worker that stopped early (a panic, never expected): format the run here
            let p = queues[i % threads]
                .recv()
                .unwrap_or_else(|_| piece(base + i * RUN, run));
            written = out.write_all(p.as_bytes());
            if written.is_err() {
                break;
            }
        }
        // dropping the queues stops the workers after a write error
        drop(queues);
        for w in workers {
            let _ = w.join();
        }
        written
    })
}

/// `f` of every item, in order, computed on all cores (on one below a run's worth).
pub(crate) fn par_map<R: Sync, T: Send>(records: &[R], f: impl Fn(&R) -> T + Sync) -> Vec<T> {
    let threads = crate::stream::threads();
    if threads < 2 || records.len() <= RUN {
        return records.iter().map(f).collect();
    }
    let per = records.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = records
            .chunks(per)
            .skip(1)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<T>>()))
            .collect();
        let mut out: Vec<T> = records.iter().take(per).map(f).collect();
        for (h, part) in handles.into_iter().zip(records.chunks(per).skip(1)) {
            // a worker that panicked (never expected): compute its part here
            out.extend(h.join().unwrap_or_else(|_| part.iter().map(f).collect()));
        }
        out
    })
}

/// The threads to spread work over: the cores this process may use, at most 8. Asked once:
/// the question reads cgroup files, which costs more than formatting a small record.
pub(crate) fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
}

/// Names given so far in one output (citation keys, CSL ids), so that the next is unique.
#[derive(Debug, Default)]
pub(crate) struct Unique {
    used: std::collections::HashSet<String>,
    /// The next suffix to try for a repeated base: many repeats stay linear.
    next: std::collections::HashMap<String, usize>,
}

impl Unique {
    /// `base`, or `base` with the first free suffix (`-2`, `-3` …), unique among those given.
    pub(crate) fn unique(&mut self, base: String) -> String {
        let mut name = base.clone();
        if self.used.contains(&name) {
            let n = self.next.entry(base.clone()).or_insert(2);
            loop {
                name = format!("{base}-{n}");
                *n += 1;
                if !self.used.contains(&name) {
                    break;
                }
            }
        }
        self.used.insert(name.clone());
        name
    }
}
