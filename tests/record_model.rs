//! The record's own properties: serde JSON round trip over the shared strategy.
mod common;
use archivecite::record::Record;
use proptest::prelude::*;

proptest! {
    #[test]
    fn record_json_round_trip(r in common::record()) {
        let json = serde_json::to_string(&r).unwrap();
        let back: Record = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, r);
    }
}
