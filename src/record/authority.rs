//! A small authority table: repository abbreviations as archives print them, with full names and places.

use serde::Serialize;

/// A repository known to the authority table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Authority {
    /// The abbreviation as printed in citations ("AVPRF", "PolA AA").
    pub key: &'static str,
    /// Full name in the repository's own language (romanised).
    pub name: &'static str,
    /// City.
    pub settlement: &'static str,
    /// Country, in English.
    pub country: &'static str,
}

const fn a(
    key: &'static str,
    name: &'static str,
    settlement: &'static str,
    country: &'static str,
) -> Authority {
    Authority {
        key,
        name,
        settlement,
        country,
    }
}

/// Every repository in the table, longest keys first so that "PolA AA" wins over a shorter prefix.
pub const AUTHORITIES: &[Authority] = &[
    a("SAPMO-BArch", "Stiftung Archiv der Parteien und Massenorganisationen der DDR im Bundesarchiv", "Berlin", "Germany"),
    a("PolA AA", "Politisches Archiv des Auswärtigen Amts", "Berlin", "Germany"),
    a("PRC FMA", "Archive of the Ministry of Foreign Affairs of the People's Republic of China", "Beijing", "China"),
    a("TsAMO", "Tsentral'nyi arkhiv Ministerstva oborony Rossiiskoi Federatsii", "Podolsk", "Russia"),
    a("RGAVMF", "Rossiiskii gosudarstvennyi arkhiv Voenno-Morskogo Flota", "Saint Petersburg", "Russia"),
    a("RGAE", "Rossiiskii gosudarstvennyi arkhiv ekonomiki", "Moscow", "Russia"),
    a("RGVA", "Rossiiskii gosudarstvennyi voennyi arkhiv", "Moscow", "Russia"),
    a("RGANI", "Rossiiskii gosudarstvennyi arkhiv noveishei istorii", "Moscow", "Russia"),
    a("RGASPI", "Rossiiskii gosudarstvennyi arkhiv sotsial'no-politicheskoi istorii", "Moscow", "Russia"),
    a("TsKhSD", "Tsentr khraneniia sovremennoi dokumentatsii", "Moscow", "Russia"),
    a("RTsKhIDNI", "Rossiiskii tsentr khraneniia i izucheniia dokumentov noveishei istorii", "Moscow", "Russia"),
    a("GAPPOD", "Gosudarstvennyi arkhiv politicheskikh partii i obshchestvennykh dvizhenii Azerbaidzhanskoi Respubliki", "Baku", "Azerbaijan"),
    a("AVPRF", "Arkhiv vneshnei politiki Rossiiskoi Federatsii", "Moscow", "Russia"),
    a("APRF", "Arkhiv Prezidenta Rossiiskoi Federatsii", "Moscow", "Russia"),
    a("GARF", "Gosudarstvennyi arkhiv Rossiiskoi Federatsii", "Moscow", "Russia"),
    a("ANIC", "Arhivele Naționale Istorice Centrale", "Bucharest", "Romania"),
    a("AMSZ", "Archiwum Ministerstwa Spraw Zagranicznych", "Warsaw", "Poland"),
    a("AAN", "Archiwum Akt Nowych", "Warsaw", "Poland"),
    a("CPDOC", "Centro de Pesquisa e Documentação de História Contemporânea do Brasil, Fundação Getulio Vargas", "Rio de Janeiro", "Brazil"),
    a("MOL", "Magyar Országos Levéltár", "Budapest", "Hungary"),
    a("MNL OL", "Magyar Nemzeti Levéltár Országos Levéltára", "Budapest", "Hungary"),
    a("BArch", "Bundesarchiv", "Koblenz", "Germany"),
    a("BStU", "Der Bundesbeauftragte für die Unterlagen des Staatssicherheitsdienstes", "Berlin", "Germany"),
    a("AMZV", "Archiv Ministerstva zahraničních věcí", "Prague", "Czech Republic"),
    a("NARA", "National Archives and Records Administration", "College Park, MD", "United States"),
    a("TNA", "The National Archives", "Kew", "United Kingdom"),
    a("AMAE", "Archives du ministère des Affaires étrangères", "La Courneuve", "France"),
    a("ASMAE", "Archivio Storico Diplomatico del Ministero degli Affari Esteri", "Rome", "Italy"),
    a("AHMRE", "Arquivo Histórico do Ministério das Relações Exteriores", "Brasília", "Brazil"),
];

/// The authority entry for an abbreviation exactly as printed.
///
/// ```
/// use archivecite::record::authority;
/// assert_eq!(authority::lookup("AVPRF").unwrap().settlement, "Moscow");
/// assert!(authority::lookup("XYZ").is_none());
/// ```
pub fn lookup(key: &str) -> Option<&'static Authority> {
    AUTHORITIES.iter().find(|a| a.key == key)
}

/// The authority whose key opens `text` as a whole word, if any.
pub(crate) fn at_start(text: &str) -> Option<&'static Authority> {
    AUTHORITIES.iter().find(|a| {
        text.starts_with(a.key)
            && text[a.key.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() && c != '-')
    })
}
