//! Converting a .bib library for Zotero: read every entry (a bad entry is reported with its
//! line and skipped, the others are kept) and write CSL-JSON, which Zotero imports. Books,
//! articles and other non-archival entries keep their CSL type, container, publisher, place,
//! volume, pages and identifiers, and their citation keys are the CSL ids (the hub's
//! bibliographic vocabulary, `archivecite::record::bibliographic`).
//!
//! ```sh
//! cargo run --example bib_to_zotero [LIBRARY.bib] [OUT.json]
//! ```
use archivecite::{read_lenient, write, Format, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let input = args
        .next()
        .unwrap_or_else(|| "examples/data/library.bib".into());
    let output = args.next();
    let text = std::fs::read_to_string(&input)?;
    let (records, errors) = read_lenient(Format::Biblatex, &text);
    for e in &errors {
        eprintln!("{input}:{e}");
    }
    let json = write(Format::CslJson, &records, &Options::default());
    match output {
        Some(path) => std::fs::write(&path, json)?,
        None => print!("{json}"),
    }
    eprintln!(
        "{} entries converted, {} skipped",
        records.len(),
        errors.len()
    );
    Ok(())
}
