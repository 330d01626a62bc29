//! Fuzz the csl reader: no panic on any input; what parses writes and re-reads stably.
#![no_main]
use libfuzzer_sys::fuzz_target;

include!("../check.rs");

fuzz_target!(|data: &[u8]| check(archivecite::Format::CslJson, data));
