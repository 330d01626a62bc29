//! Fuzz the chicago reader in its three forms (note, short note, bibliography entry): no panic
//! on any input; what parses writes and re-reads stably.
#![no_main]
use libfuzzer_sys::fuzz_target;

include!("../check.rs");

fuzz_target!(|data: &[u8]| {
    check(archivecite::Format::ChicagoNote, data);
    check(archivecite::Format::ChicagoShortNote, data);
    check(archivecite::Format::ChicagoBibliography, data);
});
