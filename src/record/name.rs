//! Personal and corporate names, split the way reference managers need them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A person's name in parts. `Display` prints it as read in running text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct PersonName {
    /// Given names and initials ("Gary", "James G."); empty if unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub given: String,
    /// Lower-case particle that belongs before the family name ("van", "de la").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub particle: String,
    /// Family name ("Goldberg", "Kim"). Never empty.
    pub family: String,
    /// Suffix ("Jr.", "III").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suffix: String,
    /// True where the family name is written first (Korean, Chinese, Japanese names: "Kim Du-bong").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub family_first: bool,
    /// True where the particle is a CSL *dropping* particle ("Charles de Gaulle": sorted and
    /// shortened as "Gaulle"); false for a non-dropping one ("van Beethoven"). Only CSL-JSON
    /// reads and writes it; the other formats print the particle either way.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dropping_particle: bool,
    /// True where a comma goes before the suffix ("King, Jr."; CSL `comma-suffix`). Only
    /// CSL-JSON reads and writes it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub comma_suffix: bool,
}

/// A name: a person in parts, or an organisation kept whole.
///
/// `FromStr` reads a name as printed in running text; `Display` writes it back the same way.
///
/// ```
/// use archivecite::record::Name;
/// let n: Name = "James G. Hershberg".parse().unwrap();
/// assert_eq!(n.family(), "Hershberg");
/// assert_eq!(n.given(), "James G.");
/// let k: Name = "Kim Du-bong".parse().unwrap();
/// assert_eq!((k.family(), k.given()), ("Kim", "Du-bong"));
/// assert_eq!(k.to_string(), "Kim Du-bong");
/// let o: Name = "the Institute for Far Eastern Studies".parse().unwrap();
/// assert!(matches!(o, Name::Organization(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Name {
    /// A person.
    Person(PersonName),
    /// An organisation, or any name that must not be split.
    Organization(String),
}

impl Name {
    /// A person with a given and a family name, given name first.
    pub fn person(given: &str, family: &str) -> Name {
        Name::Person(PersonName {
            given: given.to_string(),
            family: family.to_string(),
            ..PersonName::default()
        })
    }

    /// The family name, or the whole organisation name.
    pub fn family(&self) -> &str {
        match self {
            Name::Person(p) => &p.family,
            Name::Organization(o) => o,
        }
    }

    /// The given name ("" for an organisation).
    pub fn given(&self) -> &str {
        match self {
            Name::Person(p) => &p.given,
            Name::Organization(_) => "",
        }
    }

    /// "Family, Given" (with particle and suffix where present), as bibliographies sort names.
    pub fn inverted(&self) -> String {
        match self {
            Name::Organization(o) => o.clone(),
            Name::Person(p) => {
                let mut family = p.family.clone();
                if !p.particle.is_empty() {
                    family = format!("{} {}", p.particle, family);
                }
                let mut out = family;
                if !p.given.is_empty() {
                    out.push_str(", ");
                    out.push_str(&p.given);
                }
                if !p.suffix.is_empty() {
                    out.push_str(", ");
                    out.push_str(&p.suffix);
                }
                out
            }
        }
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Name::Organization(o) => f.write_str(o),
            Name::Person(p) => {
                let mut words: Vec<&str> = Vec::with_capacity(4);
                if p.family_first {
                    words.push(&p.family);
                    words.push(&p.given);
                } else {
                    words.push(&p.given);
                    words.push(&p.particle);
                    words.push(&p.family);
                }
                words.push(&p.suffix);
                let mut first = true;
                for w in words.into_iter().filter(|w| !w.is_empty()) {
                    if !first {
                        f.write_str(" ")?;
                    }
                    f.write_str(w)?;
                    first = false;
                }
                Ok(())
            }
        }
    }
}

/// Words that mark a name as an organisation's.
const ORG_WORDS: &[&str] = &[
    "fundação",
    "fundación",
    "fondation",
    "stiftung",
    "instituto",
    "institut",
    "istituto",
    "universidad",
    "universidade",
    "université",
    "universität",
    "universitet",
    "uniwersytet",
    "centro",
    "ministerio",
    "ministère",
    "archivo",
    "arquivo",
    "bibliothek",
    "biblioteca",
    "bibliothèque",
    "akademie",
    "academia",
    "gesellschaft",
    "university",
    "institute",
    "institution",
    "foundation",
    "center",
    "centre",
    "ministry",
    "archive",
    "archives",
    "academy",
    "committee",
    "project",
    "program",
    "programme",
    "library",
    "museum",
    "agency",
    "department",
    "office",
    "society",
    "association",
    "council",
    "embassy",
    "college",
    "school",
    "press",
    "bureau",
    "service",
    "staff",
    "team",
    "group",
    "commission",
    "inc.",
    "ltd.",
    "corporation",
    "union",
    "party",
    "government",
    "army",
    "navy",
    "front",
    "league",
    "secretariat",
    "presidium",
    "politburo",
    "consulate",
    "legation",
    "delegation",
    "headquarters",
    "directorate",
    "administration",
    "cabinet",
    "parliament",
    "assembly",
    "congress",
    "federation",
    "organization",
    "organisation",
    "company",
    "bank",
    "newspaper",
];

/// Family names that are written first when they open a romanised East Asian name.
const EAST_ASIAN_FAMILY: &[&str] = &[
    "Kim", "Pak", "Park", "Choi", "Choe", "Ri", "Rhee", "Jeong", "Jung", "Chung", "Kang", "Cho",
    "Jo", "Yun", "Yoon", "Jang", "Chang", "Lim", "Han", "Oh", "Seo", "Shin", "Sin", "Kwon",
    "Hwang", "Ahn", "An", "Song", "Hong", "Heo", "Ryu", "Nam", "Mun", "Moon", "Yang", "Baek",
    "Paek", "Ho", "Wang", "Zhang", "Liu", "Chen", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun",
    "Zhu", "Ma", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Tang", "Deng",
    "Feng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu",
    "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Zhong", "Dai", "Mao",
    "Qian", "Tan", "Niu", "Shi", "Hou", "Zhou", "Li",
];

/// Common Korean family names that, at the end of a three-word name, show it is written given
/// name first ("Yu Jin Kim").
const KOREAN_FAMILY_LAST: &[&str] = &[
    "Kim", "Lee", "Park", "Pak", "Choi", "Rhee", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
    "Han", "Shin", "Kwon", "Hwang", "Ahn", "Hong",
];

/// Is `w` shaped like romanised Korean or Chinese syllables ("Il", "Sung", "Jong-dae", "Xiao"):
/// an onset of at most three consonants, one to three vowels, and an optional n, ng, m, l, k, p,
/// t or r? Western given names ("Ann", "Smith", "Harvey") are not.
fn syllables(w: &str) -> bool {
    let vowel = |c: char| "aeiouywŏŭüéèêáàâíìóòôúù".contains(c);
    w.split('-').all(|part| {
        let lower: String = part.to_lowercase().replace(['\'', '’'], "");
        let letters: Vec<char> = lower.chars().collect();
        let onset = letters.iter().take_while(|&&c| !vowel(c)).count();
        let nucleus = letters[onset..].iter().take_while(|&&c| vowel(c)).count();
        let coda: String = letters[onset + nucleus..].iter().collect();
        (1..=6).contains(&letters.len())
            && letters.iter().all(|c| c.is_alphabetic())
            && onset <= 3
            && (1..=3).contains(&nucleus)
            && matches!(
                coda.as_str(),
                "" | "n" | "ng" | "m" | "l" | "k" | "p" | "t" | "r"
            )
    })
}

/// Is `w` (lower case) one to `max` pinyin syllables without tone marks ("zhihua", "jian",
/// "xiaoping")? Western given names ("ann", "miller", "lee") are not: pinyin has only the
/// initials below and ends a syllable in a vowel, n or ng.
fn pinyin(w: &str, max: usize) -> bool {
    const INITIALS: &[&str] = &[
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
        "r", "z", "c", "s", "y", "w", "",
    ];
    if w.is_empty() {
        return true;
    }
    if max == 0 {
        return false;
    }
    let vowel = |c: u8| b"aeiouv".contains(&c);
    INITIALS.iter().filter(|i| w.starts_with(*i)).any(|i| {
        let rest = &w.as_bytes()[i.len()..];
        let n = rest.iter().take_while(|&&c| vowel(c)).count();
        let doubled = rest[..n].windows(2).any(|p| p[0] == p[1]);
        (1..=3).contains(&n)
            && !doubled
            && ["ng", "n", ""].iter().any(|coda| {
                let after = &w[i.len() + n..];
                after.starts_with(coda) && pinyin(&after[coda.len()..], max - 1)
            })
    })
}

const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "del", "della", "di", "du", "la", "le", "der", "den", "ten", "ter",
    "dos", "das", "do", "bin", "ibn", "al", "el", "zu", "vom", "af", "av",
];

/// Name suffixes as printed ("Jr.", "III").
pub(crate) const SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

fn looks_organization(s: &str) -> bool {
    let lower = s.to_lowercase();
    lower.starts_with("the ")
        || lower
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .any(|w| ORG_WORDS.contains(&w))
        || s.split_whitespace().count() == 1
            && s.chars().filter(|c| c.is_uppercase()).count() >= 2
            && s.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

fn has_script_without_case(s: &str) -> bool {
    // Han, Hangul, kana: such names are written family first, without spaces or with one.
    s.chars().any(|c| {
        matches!(c as u32, 0x1100..=0x11FF | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
    })
}

impl Name {
    /// Reads a name as printed in running text. Never fails: what cannot be split is kept whole.
    pub fn parse(text: &str) -> Name {
        let text = text.trim();
        if text.is_empty() || looks_organization(text) {
            return Name::Organization(text.to_string());
        }
        let mut words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
        if words.iter().any(|w| w.contains(',') && !w.ends_with(',')) || words.len() > 6 {
            return Name::Organization(text.to_string());
        }
        if words.len() == 1 {
            return Name::Person(PersonName {
                family: words[0].to_string(),
                family_first: has_script_without_case(text),
                ..PersonName::default()
            });
        }
        let mut suffix = String::new();
        if words.len() > 2 {
            if let Some(last) = words.last() {
                if SUFFIXES.contains(last) {
                    suffix = last.to_string();
                    words.pop();
                    if let Some(prev) = words.last_mut() {
                        *prev = prev.trim_end_matches(',');
                    }
                }
            }
        }
        if words.iter().any(|w| w.contains(',')) {
            return Name::Organization(text.to_string());
        }
        let first = words[0];
        let family_first = suffix.is_empty()
            && (has_script_without_case(text)
                || (EAST_ASIAN_FAMILY.contains(&first) || first == "Lee" || first == "Yi")
                    && (words.len() == 3
                        && words.iter().all(|w| starts_upper(w))
                        && words[1..].iter().all(|w| syllables(w))
                        && !KOREAN_FAMILY_LAST.contains(&words[2])
                        || words.len() == 2
                            && words[1].contains('-')
                            && starts_upper(words[1])
                            && syllables(words[1])
                        || words.len() == 2
                            && starts_upper(words[1])
                            && !EAST_ASIAN_FAMILY.contains(&words[1])
                            && pinyin(&words[1].to_lowercase(), 3)));
        if family_first {
            return Name::Person(PersonName {
                family: first.to_string(),
                given: words[1..].join(" "),
                family_first: true,
                ..PersonName::default()
            });
        }
        let family = words.pop().unwrap_or_default().to_string();
        let mut particle_start = words.len();
        while particle_start > 1 && PARTICLES.contains(&words[particle_start - 1]) {
            particle_start -= 1;
        }
        let particle = words[particle_start..].join(" ");
        let given = words[..particle_start].join(" ");
        Name::Person(PersonName {
            given,
            particle,
            family,
            suffix,
            ..PersonName::default()
        })
    }
}

/// Does `w` start with an upper-case letter?
pub(crate) fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl FromStr for Name {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Name, Self::Err> {
        Ok(Name::parse(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_real_names() {
        let cases = [
            ("Gary Goldberg", "Gary", "Goldberg"),
            ("James G. Hershberg", "James G.", "Hershberg"),
            ("Margaret K. Gnoinska", "Margaret K.", "Gnoinska"),
            ("Jeffrey Wang", "Jeffrey", "Wang"),
            ("Kim Il Sung", "Il Sung", "Kim"),
            ("Pak Ui-won", "Ui-won", "Pak"),
            ("Balazs Szalontai", "Balazs", "Szalontai"),
            ("Jo Ann Smith", "Jo Ann", "Smith"),
            ("Yu Jin Kim", "Yu Jin", "Kim"),
            ("Lee Harvey Oswald", "Lee Harvey", "Oswald"),
            ("Lee Sang-sook", "Sang-sook", "Lee"),
            ("Kim Ch'ang-ho", "Ch'ang-ho", "Kim"),
            ("Zhou En Lai", "En Lai", "Zhou"),
            ("Shen Zhihua", "Zhihua", "Shen"),
            ("Chen Jian", "Jian", "Chen"),
            ("Dong Wang", "Dong", "Wang"),
            ("Song Miller", "Song", "Miller"),
            ("Ma Ann", "Ma", "Ann"),
        ];
        for (text, given, family) in cases {
            let n = Name::parse(text);
            assert_eq!((n.given(), n.family()), (given, family), "{text}");
            assert_eq!(n.to_string(), text);
        }
        let v = Name::parse("Ludwig van Beethoven");
        assert_eq!(v.inverted(), "van Beethoven, Ludwig");
        assert_eq!(v.to_string(), "Ludwig van Beethoven");
        let j = Name::parse("Martin Luther King Jr.");
        assert_eq!(j.inverted(), "King, Martin Luther, Jr.");
        assert!(matches!(
            Name::parse("Leon Levy Foundation"),
            Name::Organization(_)
        ));
        assert!(matches!(Name::parse("NKIDP"), Name::Organization(_)));
        assert!(matches!(
            Name::parse("Workers' Party of Korea"),
            Name::Organization(_)
        ));
        assert_eq!(Name::parse("毛泽东").family(), "毛泽东");
    }
}
