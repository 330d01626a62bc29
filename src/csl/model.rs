//! The serde model of a CSL-JSON item as read: typed where the reader maps a member, raw JSON
//! where it only keeps it. Checks that need the input position (wrong types, duplicate keys,
//! non-numeric date parts) happen here, inside serde, so serde_json reports line and column.

use super::read::{is_item_key, item_to_record, NOT_AN_ITEM};
use super::vars::{DATE_VARS, NAME_VARS, TEXT_VARS};
use crate::record::Record;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// A CSL item as read.
#[derive(Debug, Default)]
pub(crate) struct RawItem {
    /// Members with a string (or number) value that the reader maps, in input order, and every
    /// other member (raw JSON), in input order.
    pub members: Vec<(Cow<'static, str>, Member)>,
    /// `custom`, if present.
    pub custom: Option<Map<String, Value>>,
}

/// One member's value.
#[derive(Debug)]
pub(crate) enum Member {
    /// A string or number variable, as text.
    Text(String),
    /// A name variable.
    Names(Vec<RawName>),
    /// `issued`.
    Date(Box<RawDate>),
    /// Anything else, kept as JSON.
    Json(Value),
}

/// The key as a `&'static str` if it is a CSL variable (no allocation), else owned.
fn static_key(k: &str) -> Cow<'static, str> {
    for table in [
        TEXT_VARS,
        NAME_VARS,
        DATE_VARS,
        &["id", "type", "categories"][..],
    ] {
        if let Some(s) = table.iter().find(|s| **s == k) {
            return Cow::Borrowed(s);
        }
    }
    Cow::Owned(k.to_owned())
}

/// A string, or a number written as text.
#[derive(Debug)]
pub(crate) struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A flag given as a boolean, a number or a string (`"true"`, `1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Flag(pub bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Flag, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Flag;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a boolean, a number or a string")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Flag, E> {
                Ok(Flag(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Flag, E> {
                Ok(Flag(v != 0))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Flag, E> {
                Ok(Flag(v != 0))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Flag, E> {
                Ok(Flag(v != 0.0))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Flag, E> {
                let v = v.trim().to_ascii_lowercase();
                Ok(Flag(!matches!(v.as_str(), "" | "0" | "false" | "no")))
            }
        }
        d.deserialize_any(V)
    }
}

/// A CSL name object.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawName {
    pub family: Option<String>,
    pub given: Option<String>,
    #[serde(rename = "dropping-particle")]
    pub dropping_particle: Option<String>,
    #[serde(rename = "non-dropping-particle")]
    pub non_dropping_particle: Option<String>,
    pub suffix: Option<String>,
    pub literal: Option<String>,
    #[serde(rename = "comma-suffix")]
    pub comma_suffix: Option<Flag>,
    #[serde(rename = "static-ordering")]
    pub static_ordering: Option<Flag>,
    #[serde(rename = "parse-names")]
    #[allow(dead_code)]
    pub parse_names: Option<Flag>,
}

/// One date part: a number, or a string of digits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DatePart(pub i64);

impl<'de> Deserialize<'de> for DatePart {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DatePart, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DatePart;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a string of digits")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DatePart, E> {
                i64::try_from(v)
                    .map(DatePart)
                    .map_err(|_| E::custom("date part out of range"))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DatePart, E> {
                Ok(DatePart(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<DatePart, E> {
                if v.fract() == 0.0 && v.abs() < 1e9 {
                    Ok(DatePart(v as i64))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(v), &self))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DatePart, E> {
                v.trim()
                    .parse::<i64>()
                    .map(DatePart)
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_any(V)
    }
}

/// A CSL date object (or a bare string, read as `raw`).
#[derive(Debug, Default)]
pub(crate) struct RawDate {
    pub parts: Option<Vec<Vec<DatePart>>>,
    pub season: Option<Text>,
    pub circa: Option<Flag>,
    pub literal: Option<String>,
    pub raw: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateObject {
    #[serde(rename = "date-parts")]
    parts: Option<Vec<Vec<DatePart>>>,
    season: Option<Text>,
    circa: Option<Flag>,
    literal: Option<String>,
    raw: Option<String>,
}

impl<'de> Deserialize<'de> for RawDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawDate, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a CSL date (an object with date-parts, literal or raw)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawDate, E> {
                Ok(RawDate {
                    raw: Some(v.to_owned()),
                    ..RawDate::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawDate, A::Error> {
                let o = DateObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawDate {
                    parts: o.parts,
                    season: o.season,
                    circa: o.circa,
                    literal: o.literal,
                    raw: o.raw,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// A key, borrowed from the input where it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key<'de>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Deserialize<'de> for RawItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawItem, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a CSL item (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawItem, A::Error> {
                let mut item = RawItem::default();
                item.members.reserve(16);
                while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                    let repeated = if key == "custom" {
                        item.custom.is_some()
                    } else {
                        item.members.iter().any(|(k, _)| *k == key)
                    };
                    if repeated {
                        return Err(de::Error::custom(format_args!(
                            "duplicate key {key:?} (CSL-JSON items must not repeat a key)"
                        )));
                    }
                    let k = static_key(&key);
                    let ks: &str = &k;
                    if ks == "custom" {
                        item.custom = Some(map.next_value::<Map<String, Value>>()?);
                    } else if ks == "issued" {
                        let date = map.next_value::<RawDate>()?;
                        item.members.push((k, Member::Date(Box::new(date))));
                    } else if NAME_VARS.contains(&ks) {
                        let names = map.next_value::<Vec<RawName>>()?;
                        item.members.push((k, Member::Names(names)));
                    } else if ks == "id" || ks == "type" || TEXT_VARS.contains(&ks) {
                        let Text(t) = map.next_value::<Text>()?;
                        item.members.push((k, Member::Text(t)));
                    } else if DATE_VARS.contains(&ks) {
                        // Checked for shape, kept verbatim.
                        let v = map.next_value::<Value>()?;
                        if !matches!(v, Value::Object(_) | Value::String(_)) {
                            return Err(de::Error::custom(format_args!(
                                "{ks}: expected a CSL date (an object)"
                            )));
                        }
                        item.members.push((k, Member::Json(v)));
                    } else {
                        let v = map.next_value::<Value>()?;
                        item.members.push((k, Member::Json(v)));
                    }
                }
                if item.custom.is_none() && !item.members.iter().any(|(k, _)| is_item_key(k)) {
                    return Err(de::Error::custom(NOT_AN_ITEM));
                }
                Ok(item)
            }
        }
        d.deserialize_map(V)
    }
}

/// The whole input (an array of items, or one item), each item turned into a record as soon as
/// it is read, so that raw items never pile up.
pub(crate) struct Items(pub Vec<Record>);

impl<'de> Deserialize<'de> for Items {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Items, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Items;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a CSL-JSON array of items, or one item (an object)")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
                while let Some(item) = seq.next_element::<RawItem>()? {
                    out.push(item_to_record(item));
                }
                Ok(Items(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Items, A::Error> {
                let item = RawItem::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Items(vec![item_to_record(item)]))
            }
        }
        d.deserialize_any(V)
    }
}

/// `{"items": [...]}`: the items; other members are ignored.
pub(crate) struct Wrapped(pub Vec<Record>);

impl<'de> Deserialize<'de> for Wrapped {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Wrapped, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Wrapped;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object with an array of items under \"items\"")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Wrapped, A::Error> {
                let mut out = Vec::new();
                while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                    if key == "items" {
                        out = map.next_value::<Items>()?.0;
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
                Ok(Wrapped(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// An object of items keyed by id (citeproc-js's `database.json`): the items in order, each
/// with the key as its id where it has none.
pub(crate) struct Keyed(pub Vec<Record>);

impl<'de> Deserialize<'de> for Keyed {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Keyed, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Keyed;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of CSL items keyed by id")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keyed, A::Error> {
                let mut out = Vec::new();
                while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                    let mut item = map.next_value::<RawItem>()?;
                    if !item.members.iter().any(|(k, _)| *k == "id") {
                        item.members
                            .insert(0, (Cow::Borrowed("id"), Member::Text(key.into_owned())));
                    }
                    out.push(item_to_record(item));
                }
                Ok(Keyed(out))
            }
        }
        d.deserialize_map(V)
    }
}
