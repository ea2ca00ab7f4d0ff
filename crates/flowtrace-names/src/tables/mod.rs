//! The built-in name tables, written from general knowledge, and the one-time parse that turns
//! them into entries.
//!
//! Each data module holds plain-text tables, one name per line:
//!
//! ```text
//! Muhammad, Mohammed, Mohammad, Mohamed, Mohamed, Muhammed, Mohd | محمد
//! al~Qahtani, Kahtani | قحطاني
//! Sergey, Sergei, Serguei | Сергей ; Sergeyev | Сергеев
//! ```
//!
//! - the comma-separated forms are the Latin spellings of one name, a group `variant()` moves
//!   within; the first is the canonical one;
//! - in *styled* lists (Arabic and Chinese given names, Chinese family names) the first forms
//!   are columns, one per regional convention (documented at the top of each module), and a
//!   culture picks its column;
//! - `particle~` before the first form marks a particle written with the name (the Arabic
//!   article `al`, Dutch `van der`, Portuguese `da`); the forms themselves are without it;
//! - after `|` the original-script form, if the tables know it;
//! - after `;` the patronymic stem of a father's name (`Sergeyev` -> `Sergeyevich`,
//!   `Sergeyevna`), Latin then original script, when it cannot be derived by rule.

use std::sync::OnceLock;

use crate::origin::{Culture, Origin};

mod arabic;
mod central_asian;
mod chinese;
mod east_african;
mod germanic;
mod latin;
mod persian;
mod russian;
mod south_asian;
mod turkish;
mod west_african;
mod western;

pub(crate) mod companies;
mod index;

pub(crate) use index::{lookup, Hit};

/// One name with its spellings.
#[derive(Debug)]
pub(crate) struct Entry {
    /// Latin spellings; `forms[0]` is canonical. Never empty.
    pub forms: Box<[&'static str]>,
    /// A particle written before the name (`al`, `da`, `van der`), or `""`.
    pub particle: &'static str,
    /// The original-script form (without the particle), or `""` when unknown.
    pub script: &'static str,
    /// Patronymic stem, Latin (`Sergeyev`), or `""` to derive it by rule.
    pub patr: &'static str,
    /// Patronymic stem, original script (`Сергеев`), or `""`.
    pub patr_script: &'static str,
}

/// A parsed table.
#[derive(Debug)]
pub(crate) struct List {
    pub entries: Vec<Entry>,
    pub origin: Origin,
    /// The first forms are regional columns (see the module docs).
    pub styled: bool,
    /// A family-name table.
    pub family: bool,
}

macro_rules! lists {
    ($($id:ident = $origin:ident $module:ident::$data:ident $styled:literal;)*) => {
        /// Names of the built-in tables.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum L { $($id),* }

        const SPECS: &[(Origin, &str, bool)] = &[$((Origin::$origin, $module::$data, $styled)),*];
    };
}

lists! {
    ArabicMale = Arabic arabic::MALE true;
    ArabicFemale = Arabic arabic::FEMALE true;
    GulfFamily = Arabic arabic::GULF_FAMILY false;
    LevantFamily = Arabic arabic::LEVANT_FAMILY false;
    IraqFamily = Arabic arabic::IRAQ_FAMILY false;
    EgyptFamily = Arabic arabic::EGYPT_FAMILY false;
    MaghrebFamily = Arabic arabic::MAGHREB_FAMILY false;
    IranMale = Persian persian::IRAN_MALE false;
    IranFemale = Persian persian::IRAN_FEMALE false;
    IranFamily = Persian persian::IRAN_FAMILY false;
    AfghanMale = Persian persian::AFGHAN_MALE false;
    AfghanFemale = Persian persian::AFGHAN_FEMALE false;
    AfghanFamily = Persian persian::AFGHAN_FAMILY false;
    TurkishMale = Turkish turkish::MALE false;
    TurkishFemale = Turkish turkish::FEMALE false;
    TurkishFamily = Turkish turkish::FAMILY false;
    RussianMale = Russian russian::MALE false;
    RussianFemale = Russian russian::FEMALE false;
    RussianFamily = Russian russian::FAMILY false;
    UzbekMale = CentralAsian central_asian::UZBEK_MALE false;
    UzbekFemale = CentralAsian central_asian::UZBEK_FEMALE false;
    UzbekFamily = CentralAsian central_asian::UZBEK_FAMILY false;
    KazakhMale = CentralAsian central_asian::KAZAKH_MALE false;
    KazakhFemale = CentralAsian central_asian::KAZAKH_FEMALE false;
    KazakhFamily = CentralAsian central_asian::KAZAKH_FAMILY false;
    CaucasusMale = CentralAsian central_asian::CAUCASUS_MALE false;
    CaucasusFemale = CentralAsian central_asian::CAUCASUS_FEMALE false;
    CaucasusFamily = CentralAsian central_asian::CAUCASUS_FAMILY false;
    UrduMale = SouthAsian south_asian::URDU_MALE false;
    UrduFemale = SouthAsian south_asian::URDU_FEMALE false;
    UrduFamily = SouthAsian south_asian::URDU_FAMILY false;
    UrduFemaleTitle = SouthAsian south_asian::URDU_FEMALE_TITLE false;
    HindiMale = SouthAsian south_asian::HINDI_MALE false;
    HindiFemale = SouthAsian south_asian::HINDI_FEMALE false;
    HindiFamily = SouthAsian south_asian::HINDI_FAMILY false;
    HindiMiddleMale = SouthAsian south_asian::HINDI_MIDDLE_MALE false;
    HindiMiddleFemale = SouthAsian south_asian::HINDI_MIDDLE_FEMALE false;
    SomaliMale = EastAfrican east_african::SOMALI_MALE false;
    SomaliFemale = EastAfrican east_african::SOMALI_FEMALE false;
    SwahiliMale = EastAfrican east_african::SWAHILI_MALE false;
    SwahiliFemale = EastAfrican east_african::SWAHILI_FEMALE false;
    SwahiliFamily = EastAfrican east_african::SWAHILI_FAMILY false;
    HausaMale = WestAfrican west_african::HAUSA_MALE false;
    HausaFemale = WestAfrican west_african::HAUSA_FEMALE false;
    HausaFamily = WestAfrican west_african::HAUSA_FAMILY false;
    SahelMale = WestAfrican west_african::SAHEL_MALE false;
    SahelFemale = WestAfrican west_african::SAHEL_FEMALE false;
    SahelFamily = WestAfrican west_african::SAHEL_FAMILY false;
    CoastMale = WestAfrican west_african::COAST_MALE false;
    CoastFemale = WestAfrican west_african::COAST_FEMALE false;
    CoastFamily = WestAfrican west_african::COAST_FAMILY false;
    SpanishMale = Latin latin::SPANISH_MALE false;
    SpanishFemale = Latin latin::SPANISH_FEMALE false;
    SpanishFamily = Latin latin::SPANISH_FAMILY false;
    PortugueseMale = Latin latin::PORTUGUESE_MALE false;
    PortugueseFemale = Latin latin::PORTUGUESE_FEMALE false;
    PortugueseFamily = Latin latin::PORTUGUESE_FAMILY false;
    EnglishMale = Western western::ENGLISH_MALE false;
    EnglishFemale = Western western::ENGLISH_FEMALE false;
    EnglishFamily = Western western::ENGLISH_FAMILY false;
    FrenchMale = Western western::FRENCH_MALE false;
    FrenchFemale = Western western::FRENCH_FEMALE false;
    FrenchFamily = Western western::FRENCH_FAMILY false;
    GermanMale = Western germanic::GERMAN_MALE false;
    GermanFemale = Western germanic::GERMAN_FEMALE false;
    GermanFamily = Western germanic::GERMAN_FAMILY false;
    DutchMale = Western germanic::DUTCH_MALE false;
    DutchFemale = Western germanic::DUTCH_FEMALE false;
    DutchFamily = Western germanic::DUTCH_FAMILY false;
    ChineseMale = Chinese chinese::MALE true;
    ChineseFemale = Chinese chinese::FEMALE true;
    ChineseFamily = Chinese chinese::FAMILY true;
}

/// The tables of family names (the rest are given names and titles).
const FAMILY_LISTS: &[L] = &[
    L::GulfFamily,
    L::LevantFamily,
    L::IraqFamily,
    L::EgyptFamily,
    L::MaghrebFamily,
    L::IranFamily,
    L::AfghanFamily,
    L::TurkishFamily,
    L::RussianFamily,
    L::UzbekFamily,
    L::KazakhFamily,
    L::CaucasusFamily,
    L::UrduFamily,
    L::UrduFemaleTitle,
    L::HindiFamily,
    L::SwahiliFamily,
    L::HausaFamily,
    L::SahelFamily,
    L::CoastFamily,
    L::SpanishFamily,
    L::PortugueseFamily,
    L::EnglishFamily,
    L::FrenchFamily,
    L::GermanFamily,
    L::DutchFamily,
    L::ChineseFamily,
];

/// All tables, parsed once on first use.
pub(crate) struct Db {
    lists: Vec<List>,
}

/// The parsed tables (parsed on the first call, a fraction of a millisecond).
pub(crate) fn db() -> &'static Db {
    static DB: OnceLock<Db> = OnceLock::new();
    DB.get_or_init(|| Db {
        lists: SPECS
            .iter()
            .enumerate()
            .map(|(i, &(origin, text, styled))| List {
                entries: parse(text),
                origin,
                styled,
                family: FAMILY_LISTS.iter().any(|&l| l as usize == i),
            })
            .collect(),
    })
}

impl Db {
    pub(crate) fn list(&self, l: L) -> &List {
        &self.lists[l as usize]
    }

    pub(crate) fn lists(&self) -> &[List] {
        &self.lists
    }
}

/// The given-name and family-name tables of a culture.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CultureLists {
    pub male: L,
    pub female: L,
    /// `None` where the culture has no family names (Somali names are three given names).
    pub family: Option<L>,
    /// The regional column of styled lists this culture writes in.
    pub column: u8,
}

pub(crate) fn culture_lists(c: Culture) -> CultureLists {
    use Culture::*;
    let (male, female, family, column) = match c {
        Gulf => (L::ArabicMale, L::ArabicFemale, Some(L::GulfFamily), 1),
        Iraqi => (L::ArabicMale, L::ArabicFemale, Some(L::IraqFamily), 1),
        Levantine => (L::ArabicMale, L::ArabicFemale, Some(L::LevantFamily), 2),
        Egyptian => (L::ArabicMale, L::ArabicFemale, Some(L::EgyptFamily), 3),
        Maghrebi => (L::ArabicMale, L::ArabicFemale, Some(L::MaghrebFamily), 4),
        Iranian => (L::IranMale, L::IranFemale, Some(L::IranFamily), 0),
        Afghan => (L::AfghanMale, L::AfghanFemale, Some(L::AfghanFamily), 0),
        Turkish => (L::TurkishMale, L::TurkishFemale, Some(L::TurkishFamily), 0),
        Russian => (L::RussianMale, L::RussianFemale, Some(L::RussianFamily), 0),
        UzbekTajik => (L::UzbekMale, L::UzbekFemale, Some(L::UzbekFamily), 0),
        Kazakh => (L::KazakhMale, L::KazakhFemale, Some(L::KazakhFamily), 0),
        NorthCaucasian => (
            L::CaucasusMale,
            L::CaucasusFemale,
            Some(L::CaucasusFamily),
            0,
        ),
        Urdu => (L::UrduMale, L::UrduFemale, Some(L::UrduFamily), 0),
        Hindi => (L::HindiMale, L::HindiFemale, Some(L::HindiFamily), 0),
        Somali => (L::SomaliMale, L::SomaliFemale, None, 0),
        Swahili => (L::SwahiliMale, L::SwahiliFemale, Some(L::SwahiliFamily), 0),
        Hausa => (L::HausaMale, L::HausaFemale, Some(L::HausaFamily), 0),
        Sahelian => (L::SahelMale, L::SahelFemale, Some(L::SahelFamily), 0),
        GuineaCoast => (L::CoastMale, L::CoastFemale, Some(L::CoastFamily), 0),
        Spanish => (L::SpanishMale, L::SpanishFemale, Some(L::SpanishFamily), 0),
        Portuguese => (
            L::PortugueseMale,
            L::PortugueseFemale,
            Some(L::PortugueseFamily),
            0,
        ),
        English => (L::EnglishMale, L::EnglishFemale, Some(L::EnglishFamily), 0),
        French => (L::FrenchMale, L::FrenchFemale, Some(L::FrenchFamily), 0),
        German => (L::GermanMale, L::GermanFemale, Some(L::GermanFamily), 0),
        Dutch => (L::DutchMale, L::DutchFemale, Some(L::DutchFamily), 0),
        Mandarin => (L::ChineseMale, L::ChineseFemale, Some(L::ChineseFamily), 0),
        Taiwanese => (L::ChineseMale, L::ChineseFemale, Some(L::ChineseFamily), 1),
        Cantonese => (L::ChineseMale, L::ChineseFemale, Some(L::ChineseFamily), 2),
    };
    CultureLists {
        male,
        female,
        family,
        column,
    }
}

/// Parses a table (format in the module docs). Blank lines and `#` comments are skipped.
fn parse(text: &'static str) -> Vec<Entry> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(parse_line)
        .collect()
}

fn parse_line(line: &'static str) -> Entry {
    let (main, patr) = match line.split_once(';') {
        Some((m, p)) => (m, Some(p)),
        None => (line, None),
    };
    let (forms, script) = match main.split_once('|') {
        Some((f, s)) => (f, s.trim()),
        None => (main, ""),
    };
    let mut particle = "";
    let forms: Box<[&'static str]> = forms
        .split(',')
        .map(str::trim)
        .enumerate()
        .map(|(i, f)| match f.split_once('~') {
            Some((p, core)) if i == 0 => {
                particle = p.trim();
                core.trim()
            }
            _ => f,
        })
        .collect();
    let (patr, patr_script) = match patr {
        Some(p) => match p.split_once('|') {
            Some((l, s)) => (l.trim(), s.trim()),
            None => (p.trim(), ""),
        },
        None => ("", ""),
    };
    debug_assert!(
        forms.iter().all(|f| !f.is_empty()),
        "empty form in {line:?}"
    );
    Entry {
        forms,
        particle,
        script,
        patr,
        patr_script,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn parse_line_formats() {
        let e = parse_line("al~Qahtani, Kahtani | قحطاني");
        assert_eq!(&*e.forms, &["Qahtani", "Kahtani"]);
        assert_eq!(e.particle, "al");
        assert_eq!(e.script, "قحطاني");
        let e = parse_line("Sergey, Sergei | Сергей ; Sergeyev | Сергеев");
        assert_eq!(e.patr, "Sergeyev");
        assert_eq!(e.patr_script, "Сергеев");
        assert_eq!(e.script, "Сергей");
    }

    #[test]
    fn tables_are_well_formed() {
        for (spec, list) in SPECS.iter().zip(db().lists()) {
            assert!(list.entries.len() >= 4, "tiny table for {:?}", spec.0);
            for e in &list.entries {
                for f in e.forms.iter() {
                    assert!(!f.is_empty() && f.trim() == *f, "{f:?}");
                    assert!(!f.contains("  "), "{f:?}");
                    assert!(!fold(f).is_empty(), "{f:?}");
                    let first = f.chars().find(|c| c.is_alphabetic()).unwrap_or(' ');
                    assert!(first.is_uppercase(), "form not capitalised: {f:?}");
                }
                assert!(
                    !e.script.contains(|c: char| c.is_ascii_alphabetic()),
                    "{:?}",
                    e.script
                );
            }
        }
    }

    #[test]
    fn breadth_per_origin() {
        let d = db();
        for origin in Origin::ALL {
            let count = |pick: fn(&CultureLists) -> Option<L>| -> usize {
                let mut seen: Vec<L> = Vec::new();
                for &(c, _) in origin.cultures() {
                    if let Some(l) = pick(&culture_lists(c)) {
                        if !seen.contains(&l) {
                            seen.push(l);
                        }
                    }
                }
                seen.iter().map(|&l| d.list(l).entries.len()).sum()
            };
            let male = count(|c| Some(c.male));
            let female = count(|c| Some(c.female));
            let family = count(|c| c.family);
            assert!(male >= 40, "{origin:?}: {male} male names");
            assert!(female >= 40, "{origin:?}: {female} female names");
            if origin != Origin::EastAfrican {
                assert!(family >= 40, "{origin:?}: {family} family names");
            }
        }
    }
}
