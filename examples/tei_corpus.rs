//! Generating a TEI corpus for a digital edition: every page in a folder becomes one TEI
//! document inside one teiCorpus.
//!
//! ```sh
//! cargo run --example tei_corpus [FOLDER] > edition.xml
//! ```
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures".into());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut records = Vec::new();
    for p in &paths {
        let page = std::fs::read_to_string(p)?;
        match archivecite::block::read(&page) {
            Ok(r) => records.push(r),
            Err(e) => eprintln!("{}:{e}", p.display()),
        }
    }
    print!("{}", archivecite::tei::write(&records));
    eprintln!("{} documents in the corpus", records.len());
    Ok(())
}
