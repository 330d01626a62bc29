//! The `archivecite` command line: argument parsing, files, exit codes. No format logic here.

use archivecite::chicago::{Markup, ShortNoteDate};
use archivecite::{read_batches, read_lenient, write_to, Error, Format, Options, Record, Writer};
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

// The CLI allocates many small strings on several threads: with the system allocator they
// contend for its locks (README, Benchmarks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "archivecite",
    version,
    about = "Archive citation blocks to TEI, CSL-JSON, BibLaTeX, BibTeX and Chicago, and back"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert files (or stdin) from one format to others.
    #[command(
        after_help = "Examples:\n  archivecite convert --to csl-json tests/fixtures/seed.txt\n  archivecite convert --to tei --to biblatex -o out/ pages/\n  archivecite convert --from bibtex --to csl-json library.bib > library.json\n  cat page.txt | archivecite convert --to chicago-note\n\nFormats: block, record, tei, csl-json, biblatex, bibtex, chicago-note, chicago-short-note, chicago-bibliography; --to all writes every one."
    )]
    Convert(ConvertArgs),
    /// Read files and report problems without converting.
    #[command(
        after_help = "Examples:\n  archivecite check tests/fixtures/*.txt\n  archivecite check --from bibtex library.bib"
    )]
    Check(InputArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  archivecite completions bash > /etc/bash_completion.d/archivecite\n  archivecite completions zsh > ~/.zfunc/_archivecite"
    )]
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(clap::Args)]
struct InputArgs {
    /// Input format (default: guessed from each file's name and first characters).
    #[arg(long, value_name = "FORMAT")]
    from: Option<String>,
    /// Only files whose name matches this pattern (`*` and `?`) when walking directories.
    #[arg(long, value_name = "PATTERN")]
    glob: Option<String>,
    /// Say nothing but errors.
    #[arg(short, long)]
    quiet: bool,
    /// Report every file.
    #[arg(short, long)]
    verbose: bool,
    /// Files or directories; `-` or nothing reads stdin.
    inputs: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct ConvertArgs {
    /// Output format; give it several times, or `all`.
    #[arg(long = "to", short = 't', value_name = "FORMAT", required = true)]
    to: Vec<String>,
    /// Write one file per input and format into this directory instead of stdout.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: Option<PathBuf>,
    /// Chicago edition: 17 or 18.
    #[arg(long, default_value_t = 18, value_parser = clap::value_parser!(u8).range(17..=18))]
    edition: u8,
    /// Chicago strings as plain text, HTML (`<i>`, escaped) or Markdown (`*`, escaped).
    #[arg(long, value_enum, default_value_t = MarkupArg::Plain)]
    markup: MarkupArg,
    /// Chicago short note without the date (by default it carries it: the archive holds
    /// hundreds of documents with the same short title).
    #[arg(long)]
    short_note_without_date: bool,
    /// BibLaTeX: biblatex-chicago's `@misc` with `entrysubtype = {archival}`.
    #[arg(long)]
    biblatex_chicago: bool,
    #[command(flatten)]
    input: InputArgs,
}

/// `--markup`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum MarkupArg {
    Plain,
    Html,
    Markdown,
}

/// A progress bar on a terminal for batches, nothing when piped or quiet.
fn progress(len: usize, quiet: bool) -> indicatif::ProgressBar {
    if quiet || len < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{elapsed_precise} [{bar:40}] {pos}/{len} files {per_sec} {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    // only batches that take more than a moment show it
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// One input: its name for messages and where to read it.
struct Input {
    name: String,
    path: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(msg) => {
            eprintln!("archivecite: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<bool, String> {
    match cli.command {
        Command::Convert(args) => convert(args),
        Command::Check(args) => check(args),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "archivecite",
                &mut std::io::stdout(),
            );
            Ok(true)
        }
    }
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse::<Format>().map_err(|e| e.to_string())
}

fn targets(to: &[String]) -> Result<Vec<Format>, String> {
    let mut out = Vec::new();
    for t in to {
        let formats = match t.as_str() {
            "all" => Format::ALL.to_vec(),
            other => vec![parse_format(other)?],
        };
        for f in formats {
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    Ok(out)
}

/// Files named, directories walked (sorted, so output order is deterministic), or stdin.
fn inputs(args: &InputArgs) -> Result<Vec<Input>, String> {
    if args.inputs.is_empty() {
        return Ok(vec![Input {
            name: "<stdin>".into(),
            path: None,
        }]);
    }
    let mut out = Vec::new();
    for p in &args.inputs {
        if p.as_os_str() == "-" {
            out.push(Input {
                name: "<stdin>".into(),
                path: None,
            });
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files).map_err(|e| format!("{}: {e}", p.display()))?;
            // byte order of the whole path: as deterministic as by components, and cheaper
            files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
            for f in files {
                let name = f
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let wanted = match &args.glob {
                    Some(g) => glob_match(g, &name),
                    None => [".txt", ".xml", ".json", ".bib"]
                        .iter()
                        .any(|e| name.ends_with(e)),
                };
                if wanted {
                    out.push(Input {
                        name: f.display().to_string(),
                        path: Some(f),
                    });
                }
            }
        } else {
            out.push(Input {
                name: p.display().to_string(),
                path: Some(p.clone()),
            });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        // the directory entry's own type costs no `stat`; a symbolic link is followed
        let ty = entry.file_type()?;
        if ty.is_dir() || (ty.is_symlink() && path.is_dir()) {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// `*` any run, `?` any one character.
fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni, mut star, mut mark) = (0, 0, None, 0);
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ni;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ni = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// Reads an input as UTF-8; invalid bytes are an error that names the place.
fn load(input: &Input) -> Result<String, String> {
    let bytes = match &input.path {
        Some(p) => read_file(p).map_err(|e| format!("{}: {e}", input.name))?,
        None => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| format!("{}: {e}", input.name))?;
            b
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let at = archivecite::Position::at(&text, valid);
        format!("{}:{at}: not UTF-8 text (byte {valid})", input.name)
    })
}

/// A file's bytes. Most inputs are pages of a few KB, read without asking for their size;
/// a larger file is then sized once, so its buffer is not grown step by step.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    const FIRST: u64 = 8 * 1024;
    let mut f = std::fs::File::open(path)?;
    let mut b = Vec::with_capacity(FIRST as usize);
    (&mut f).take(FIRST).read_to_end(&mut b)?;
    if b.len() as u64 == FIRST {
        if let Ok(m) = f.metadata() {
            b.reserve(
                usize::try_from(m.len())
                    .unwrap_or(0)
                    .saturating_sub(b.len()),
            );
        }
        f.read_to_end(&mut b)?;
    }
    Ok(b)
}

/// Input files read (in parallel) per batch when streaming to one output.
const FILES_PER_BATCH: usize = 512;

/// What became of one input.
struct Outcome {
    records: Vec<Record>,
    errors: Vec<String>,
    /// Records read (also those already handed on, which are not in `records`).
    count: usize,
    /// Loss warnings for records already handed on.
    warnings: Vec<String>,
}

impl Outcome {
    fn failed(e: String) -> Outcome {
        Outcome {
            records: Vec::new(),
            errors: vec![e],
            count: 0,
            warnings: Vec::new(),
        }
    }
}

/// Reads `files` whole on all cores, in order.
fn read_all(
    files: &[Input],
    from: Option<Format>,
    formats: &[Format],
    bar: &indicatif::ProgressBar,
) -> Vec<Outcome> {
    files
        .par_iter()
        .map(|i| {
            let o = read_input(i, from, formats);
            bar.inc(1);
            o
        })
        .collect()
}

/// Reports each input's errors (and, verbose, its count), keeps its warnings and gives its
/// records, in input order, with how many were read.
fn gather(
    files: &[Input],
    outcomes: Vec<Outcome>,
    verbose: bool,
    failed: &mut usize,
    warnings: &mut Vec<String>,
) -> (Vec<Record>, usize) {
    let mut records = Vec::with_capacity(outcomes.iter().map(|o| o.records.len()).sum());
    let mut count = 0;
    for (input, o) in files.iter().zip(outcomes) {
        if !o.errors.is_empty() {
            *failed += 1;
        }
        for e in &o.errors {
            eprintln!("{e}");
        }
        if verbose {
            eprintln!("{}: {} record(s)", input.name, o.count);
        }
        warnings.extend(o.warnings);
        count += o.count;
        records.extend(o.records);
    }
    (records, count)
}

/// Reads one input whole, with the warnings for what `formats` cannot hold of it.
fn read_input(input: &Input, from: Option<Format>, formats: &[Format]) -> Outcome {
    let text = match load(input) {
        Ok(t) => t,
        Err(e) => return Outcome::failed(e),
    };
    let format =
        from.unwrap_or_else(|| Format::detect(input.path.as_ref().and_then(|p| p.to_str()), &text));
    let (records, errors) = read_lenient(format, &text);
    Outcome {
        count: records.len(),
        warnings: loss_warnings(&input.name, &records, formats),
        records,
        errors: errors.iter().map(|e| located(&input.name, e)).collect(),
    }
}

/// Reads one input a batch at a time (a .bib file in batches of about a thousand entries),
/// handing each batch to `sink` as it comes: the outcome keeps no records.
fn read_streaming(
    input: &Input,
    from: Option<Format>,
    formats: &[Format],
    mut sink: impl FnMut(&[Record]),
) -> Outcome {
    let text = match load(input) {
        Ok(t) => t,
        Err(e) => return Outcome::failed(e),
    };
    let format =
        from.unwrap_or_else(|| Format::detect(input.path.as_ref().and_then(|p| p.to_str()), &text));
    let mut o = Outcome::failed(String::new());
    o.errors.clear();
    let mut lost: Vec<Vec<&'static str>> = vec![Vec::new(); formats.len()];
    read_batches(format, &text, |records, errors| {
        o.errors
            .extend(errors.iter().map(|e| located(&input.name, e)));
        for (f, lost) in formats.iter().zip(&mut lost) {
            for r in &records {
                for l in f.losses(r) {
                    if !lost.contains(&l) {
                        lost.push(l);
                    }
                }
            }
        }
        o.count += records.len();
        sink(&records);
    });
    for (f, lost) in formats.iter().zip(lost) {
        if !lost.is_empty() {
            o.warnings.push(format!(
                "{}: warning: {f} cannot hold: {}",
                input.name,
                lost.join(", ")
            ));
        }
    }
    o
}

/// "FILE: warning: FORMAT cannot hold: body, funders" for each format that drops something.
fn loss_warnings(file: &str, records: &[Record], formats: &[Format]) -> Vec<String> {
    let mut out = Vec::new();
    for &f in formats {
        let mut lost: Vec<&str> = Vec::new();
        for r in records {
            for l in f.losses(r) {
                if !lost.contains(&l) {
                    lost.push(l);
                }
            }
        }
        if !lost.is_empty() {
            out.push(format!(
                "{file}: warning: {f} cannot hold: {}",
                lost.join(", ")
            ));
        }
    }
    out
}

/// `FILE:LINE:COL: message` where the error has a position, else `FILE: message`.
fn located(file: &str, e: &Error) -> String {
    match e.position() {
        Some(_) => format!("{file}:{e}"),
        None => format!("{file}: {e}"),
    }
}

fn output_name(input: &Input, format: Format) -> String {
    let base = input
        .path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    let stem = [
        ".tei.xml",
        ".csl.json",
        ".record.json",
        ".bibtex.bib",
        ".txt",
        ".xml",
        ".json",
        ".bib",
    ]
    .iter()
    .find_map(|e| base.strip_suffix(e))
    .unwrap_or(&base)
    .to_string();
    format!("{stem}.{}", format.extension())
}

fn convert(args: ConvertArgs) -> Result<bool, String> {
    let formats = targets(&args.to)?;
    let from = args.input.from.as_deref().map(parse_format).transpose()?;
    let files = inputs(&args.input)?;
    let mut options = Options::default();
    options.chicago.edition = args.edition;
    options.chicago.markup = match args.markup {
        MarkupArg::Plain => Markup::Plain,
        MarkupArg::Html => Markup::Html,
        MarkupArg::Markdown => Markup::Markdown,
    };
    if args.short_note_without_date {
        options.chicago.short_note_date = ShortNoteDate::Omit;
    }
    options.biblatex_chicago = args.biblatex_chicago;
    let quiet = args.input.quiet;
    let verbose = args.input.verbose && !quiet;

    let mut failed = 0usize;
    let mut converted = 0usize;
    let mut warnings: Vec<String> = Vec::new();
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let bar = progress(files.len(), quiet);
            // each input is read, written and dropped: memory does not grow with the batch
            let results: Vec<(usize, Vec<String>, Vec<String>)> = files
                .par_iter()
                .map(|input| {
                    let o = read_input(input, from, &formats);
                    let mut errors = o.errors;
                    let warnings = o.warnings;
                    if !o.records.is_empty() {
                        for &f in &formats {
                            let path = dir.join(output_name(input, f));
                            let written = std::fs::File::create(&path).and_then(|file| {
                                let mut w = std::io::BufWriter::new(file);
                                write_to(f, &o.records, &options, &mut w)?;
                                w.flush()
                            });
                            if let Err(e) = written {
                                errors.push(format!("{}: {e}", path.display()));
                            }
                        }
                    }
                    bar.inc(1);
                    (o.records.len(), errors, warnings)
                })
                .collect();
            bar.finish_and_clear();
            for (input, (n, errors, w)) in files.iter().zip(results) {
                converted += n;
                warnings.extend(w);
                if !errors.is_empty() {
                    failed += 1;
                }
                for e in &errors {
                    eprintln!("{e}");
                }
                if verbose {
                    eprintln!("{}: {n} record(s)", input.name);
                }
            }
        }
        None if formats.len() == 1 => {
            // one format: streamed, a batch of records at a time (a chunk of input files, or
            // a batch of a single .bib), so memory holds one batch, never the whole output
            let format = formats[0];
            let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let mut w = Writer::new(format, &options, out);
            let mut io_error = None;
            let bar = progress(files.len(), quiet);
            for chunk in files.chunks(FILES_PER_BATCH) {
                let outcomes: Vec<Outcome> = match chunk {
                    // one input read here, so that a large .bib comes in batches
                    [input] => {
                        let o = read_streaming(input, from, &formats, |records| {
                            if io_error.is_none() {
                                io_error = w.write(records).err();
                            }
                        });
                        bar.inc(1);
                        vec![o]
                    }
                    _ => read_all(chunk, from, &formats, &bar),
                };
                let (records, n) = gather(chunk, outcomes, verbose, &mut failed, &mut warnings);
                converted += n;
                if io_error.is_none() {
                    io_error = w.write(&records).err();
                }
            }
            bar.finish_and_clear();
            if io_error.is_none() {
                io_error = w.finish().err();
            }
            if let Some(e) = io_error.filter(|e| e.kind() != std::io::ErrorKind::BrokenPipe) {
                eprintln!("<stdout>: {e}");
                failed += 1;
            }
        }
        None => {
            let bar = progress(files.len(), quiet);
            let outcomes = read_all(&files, from, &formats, &bar);
            bar.finish_and_clear();
            let (records, n) = gather(&files, outcomes, verbose, &mut failed, &mut warnings);
            converted = n;
            // format after format (a blank line between), each formatted on all cores a run
            // of records at a time and streamed: no output is ever held whole
            let mut w = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            for (k, &f) in formats.iter().enumerate() {
                if k > 0 {
                    let _ = writeln!(w);
                }
                if !records.is_empty() {
                    let _ = write_to(f, &records, &options, &mut w);
                }
            }
            let _ = w.flush();
            // the process ends soon: freeing every record one by one would only cost time
            std::mem::forget(records);
        }
    }
    Ok(finish(
        &warnings,
        converted,
        failed,
        files.len(),
        quiet,
        verbose,
    ))
}

/// Prints the warnings (verbose) and the summary line; true if nothing failed.
fn finish(
    warnings: &[String],
    converted: usize,
    failed: usize,
    inputs: usize,
    quiet: bool,
    verbose: bool,
) -> bool {
    if verbose {
        for w in warnings {
            eprintln!("{w}");
        }
    }
    let batch = inputs > 1 || failed > 0 || !warnings.is_empty();
    if !quiet && batch && std::io::stderr().is_terminal() || verbose {
        let hint = if warnings.is_empty() || verbose {
            ""
        } else {
            " (--verbose lists them)"
        };
        eprintln!(
            "{converted} record(s) converted, {failed} input(s) failed, {} warning(s) about fields a format cannot hold{hint}",
            warnings.len()
        );
    }
    failed == 0
}

fn check(args: InputArgs) -> Result<bool, String> {
    let from = args.from.as_deref().map(parse_format).transpose()?;
    let files = inputs(&args)?;
    let outcomes: Vec<Outcome> = files.par_iter().map(|i| read_input(i, from, &[])).collect();
    let mut failed = 0;
    for (input, o) in files.iter().zip(&outcomes) {
        for e in &o.errors {
            println!("{e}");
        }
        if !o.errors.is_empty() {
            failed += 1;
        } else if !args.quiet {
            println!("{}: ok, {} record(s)", input.name, o.records.len());
        }
    }
    Ok(failed == 0)
}
