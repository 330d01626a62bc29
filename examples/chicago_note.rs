//! Linking the crate: parse a Digital Archive page and print its Chicago full note, short note
//! and bibliography entry.
//!
//! ```sh
//! cargo run --example chicago_note [PAGE.txt]
//! ```
use archivecite::chicago::{self, Style};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures/seed.txt".into());
    let page = std::fs::read_to_string(&path)?;
    let record = archivecite::block::read(&page).map_err(|e| format!("{path}:{e}"))?;
    let style = Style::default();
    println!("Note:         {}", chicago::note(&record, &style));
    println!("Short note:   {}", chicago::short_note(&record, &style));
    println!("Bibliography: {}", chicago::bibliography(&record, &style));
    Ok(())
}
