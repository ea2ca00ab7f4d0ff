//! Who lives and does business where: the naming cultures of a country's population and the
//! business locale its company names follow. Rough shares from general knowledge, meant to make
//! simulated populations plausible, not to be statistics.

use std::sync::OnceLock;

use crate::origin::{Culture, Mix};
use crate::tables::companies;

/// A business locale: the words and legal forms company names use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Locale {
    Gulf,
    Levant,
    Egypt,
    FrancophoneAfrica,
    Iran,
    Afghan,
    Turkey,
    Russia,
    CentralAsia,
    SouthAsia,
    Somalia,
    EastAfrica,
    WestAfrica,
    Spanish,
    Portuguese,
    English,
    American,
    French,
    German,
    Dutch,
    China,
    HongKong,
    Taiwan,
}

impl Locale {
    pub(crate) const ALL: [Locale; 23] = [
        Locale::Gulf,
        Locale::Levant,
        Locale::Egypt,
        Locale::FrancophoneAfrica,
        Locale::Iran,
        Locale::Afghan,
        Locale::Turkey,
        Locale::Russia,
        Locale::CentralAsia,
        Locale::SouthAsia,
        Locale::Somalia,
        Locale::EastAfrica,
        Locale::WestAfrica,
        Locale::Spanish,
        Locale::Portuguese,
        Locale::English,
        Locale::American,
        Locale::French,
        Locale::German,
        Locale::Dutch,
        Locale::China,
        Locale::HongKong,
        Locale::Taiwan,
    ];

    pub(crate) fn data(self) -> &'static str {
        use companies::*;
        match self {
            Locale::Gulf => GULF,
            Locale::Levant => LEVANT,
            Locale::Egypt => EGYPT,
            Locale::FrancophoneAfrica => FRANCOPHONE_AFRICA,
            Locale::Iran => IRAN,
            Locale::Afghan => AFGHAN,
            Locale::Turkey => TURKEY,
            Locale::Russia => RUSSIA,
            Locale::CentralAsia => CENTRAL_ASIA,
            Locale::SouthAsia => SOUTH_ASIA,
            Locale::Somalia => SOMALIA,
            Locale::EastAfrica => EAST_AFRICA,
            Locale::WestAfrica => WEST_AFRICA,
            Locale::Spanish => SPANISH,
            Locale::Portuguese => PORTUGUESE,
            Locale::English => ENGLISH,
            Locale::American => AMERICAN,
            Locale::French => FRENCH,
            Locale::German => GERMAN,
            Locale::Dutch => DUTCH,
            Locale::China => CHINA,
            Locale::HongKong => HONG_KONG,
            Locale::Taiwan => TAIWAN,
        }
    }

    /// The locale a culture's businesses are named in at home.
    pub(crate) fn home(c: Culture) -> Locale {
        use Culture::*;
        match c {
            Gulf => Locale::Gulf,
            Levantine | Iraqi => Locale::Levant,
            Egyptian => Locale::Egypt,
            Maghrebi | Sahelian => Locale::FrancophoneAfrica,
            Iranian => Locale::Iran,
            Afghan => Locale::Afghan,
            Turkish => Locale::Turkey,
            Russian | NorthCaucasian => Locale::Russia,
            UzbekTajik | Kazakh => Locale::CentralAsia,
            Urdu | Hindi => Locale::SouthAsia,
            Somali => Locale::Somalia,
            Swahili => Locale::EastAfrica,
            Hausa | GuineaCoast => Locale::WestAfrica,
            Spanish => Locale::Spanish,
            Portuguese => Locale::Portuguese,
            English => Locale::English,
            French => Locale::French,
            German => Locale::German,
            Dutch => Locale::Dutch,
            Mandarin => Locale::China,
            Cantonese => Locale::HongKong,
            Taiwanese => Locale::Taiwan,
        }
    }

    fn by_name(name: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| format!("{l:?}").eq_ignore_ascii_case(name))
    }
}

/// `code locale[+locale]: Culture weight, ...`, one country a line.
const COUNTRIES: &str = "
AE gulf: Gulf 20, Levantine 8, Egyptian 5, Urdu 25, Hindi 25, Iranian 3, Afghan 2, English 4, Mandarin 2, Russian 2, Somali 1, Swahili 1, GuineaCoast 1, Turkish 1
SA gulf: Gulf 62, Egyptian 6, Levantine 5, Urdu 12, Hindi 8, Somali 2, Afghan 2, Hausa 1, Sahelian 1, English 1
QA gulf: Gulf 25, Egyptian 5, Levantine 5, Urdu 25, Hindi 30, Afghan 2, Iranian 2, GuineaCoast 2, English 3, Somali 1
KW gulf: Gulf 45, Egyptian 10, Levantine 5, Urdu 15, Hindi 20, Iranian 3, English 2
BH gulf: Gulf 50, Urdu 20, Hindi 20, Iranian 5, English 5
OM gulf: Gulf 60, Urdu 15, Hindi 20, English 5
YE levant: Gulf 85, Somali 10, Levantine 5
IQ levant: Iraqi 85, Levantine 5, Turkish 5, Iranian 3, Afghan 2
SY levant: Levantine 92, Iraqi 3, Turkish 3, NorthCaucasian 2
JO levant: Levantine 85, Egyptian 8, Iraqi 5, NorthCaucasian 2
LB levant: Levantine 97, French 3
PS levant: Levantine 100
EG egypt: Egyptian 97, Levantine 2, English 1
SD egypt: Egyptian 70, Gulf 15, Hausa 10, Somali 5
LY levant: Maghrebi 60, Egyptian 30, Levantine 10
TN francophoneafrica: Maghrebi 100
DZ francophoneafrica: Maghrebi 100
MA francophoneafrica: Maghrebi 100
MR francophoneafrica: Maghrebi 70, Sahelian 30
TR turkey: Turkish 90, Levantine 5, Iraqi 1, Iranian 1, Afghan 1, Russian 1, NorthCaucasian 1
IR iran: Iranian 97, Afghan 2, Iraqi 1
AF afghan: Afghan 90, UzbekTajik 8, Iranian 2
PK southasia: Urdu 95, Afghan 5
IN southasia: Hindi 85, Urdu 15
BD southasia: Urdu 90, Hindi 10
RU russia: Russian 85, NorthCaucasian 6, UzbekTajik 4, Kazakh 2, Mandarin 1, Turkish 1, Iranian 1
UA russia: Russian 100
BY russia: Russian 100
KZ centralasia: Kazakh 70, Russian 25, UzbekTajik 4, NorthCaucasian 1
UZ centralasia: UzbekTajik 92, Russian 5, Kazakh 3
TJ centralasia: UzbekTajik 97, Russian 3
KG centralasia: Kazakh 70, UzbekTajik 15, Russian 15
TM centralasia: UzbekTajik 85, Russian 10, Kazakh 5
SO somalia: Somali 100
DJ francophoneafrica: Somali 90, Gulf 10
KE eastafrica: Swahili 85, Somali 10, Hindi 3, English 2
TZ eastafrica: Swahili 95, Urdu 3, Hindi 2
UG eastafrica: Swahili 93, Hindi 5, Somali 2
NG westafrica: GuineaCoast 60, Hausa 40
GH westafrica: GuineaCoast 85, Hausa 12, Levantine 3
NE francophoneafrica: Hausa 60, Sahelian 40
TD francophoneafrica: Hausa 40, Sahelian 40, Egyptian 20
SN francophoneafrica: Sahelian 97, Levantine 3
ML francophoneafrica: Sahelian 100
BF francophoneafrica: Sahelian 100
GN francophoneafrica: Sahelian 100
CI francophoneafrica: Sahelian 65, GuineaCoast 30, Levantine 5
GM westafrica: Sahelian 100
SL westafrica: Sahelian 60, GuineaCoast 35, Levantine 5
CM francophoneafrica: GuineaCoast 70, Hausa 20, French 10
ES spanish: Spanish 88, Maghrebi 5, English 2, Portuguese 1, Russian 1, Mandarin 1, Sahelian 1, French 1
MX spanish: Spanish 98, English 1, Levantine 1
CO spanish: Spanish 99, Levantine 1
AR spanish: Spanish 88, Levantine 5, German 3, Portuguese 2, English 2
VE spanish: Spanish 95, Levantine 3, Portuguese 2
PE spanish: Spanish 97, Mandarin 2, English 1
CL spanish: Spanish 95, Levantine 3, German 2
EC spanish: Spanish 100
GT spanish: Spanish 100
CU spanish: Spanish 100
BO spanish: Spanish 100
DO spanish: Spanish 100
PA spanish: Spanish 90, Levantine 3, Mandarin 3, English 4
BR portuguese: Portuguese 90, Spanish 3, Levantine 3, German 2, Mandarin 1, English 1
PT portuguese: Portuguese 95, Spanish 2, Sahelian 1, English 1, French 1
GB english: English 80, Urdu 6, Hindi 4, GuineaCoast 2, Somali 1, Levantine 1, Iraqi 1, Mandarin 1, Cantonese 1, Turkish 1, Spanish 1, Portuguese 1, French 1, Iranian 1, Afghan 1
IE english: English 95, French 1, Portuguese 1, Spanish 1, Hindi 1, Mandarin 1
US american: English 70, Spanish 18, Mandarin 2, Cantonese 1, Hindi 2, Urdu 1, Levantine 1, Russian 1, GuineaCoast 1, Somali 1, Iranian 1, Portuguese 1
CA american+french: English 65, French 20, Hindi 3, Urdu 2, Mandarin 3, Cantonese 2, Levantine 2, Spanish 1, Iranian 1, Somali 1
AU english: English 80, Mandarin 4, Cantonese 2, Hindi 4, Levantine 2, Spanish 1, Iraqi 1, Afghan 1, German 1, Dutch 1, Iranian 1
NZ english: English 90, Mandarin 3, Hindi 3, Dutch 2, Cantonese 2
FR french: French 80, Maghrebi 9, Sahelian 3, Portuguese 2, Turkish 1, Spanish 1, Mandarin 1, Levantine 1, GuineaCoast 1, English 1
BE french+dutch: Dutch 45, French 40, Maghrebi 7, Turkish 3, Sahelian 2, German 1, Levantine 1, Spanish 1
LU french+german: French 50, German 25, Portuguese 15, English 5, Spanish 5
CH german+french: German 65, French 22, Portuguese 4, Spanish 2, English 2, Turkish 2, Levantine 1, Russian 1, Hindi 1
DE german: German 80, Turkish 6, Russian 4, Levantine 2, Iraqi 1, Iranian 1, Afghan 1, Kazakh 1, English 1, Spanish 1, French 1, Maghrebi 1
AT german: German 85, Turkish 4, Russian 2, Afghan 2, Levantine 2, NorthCaucasian 1, Iraqi 1, English 1, French 1, Dutch 1
NL dutch: Dutch 82, Maghrebi 5, Turkish 4, English 2, German 2, Hindi 2, Somali 1, Levantine 1, Iranian 1
CN china: Mandarin 100
HK hongkong: Cantonese 92, Mandarin 4, English 2, Hindi 1, Urdu 1
MO hongkong: Cantonese 90, Mandarin 5, Portuguese 5
TW taiwan: Taiwanese 100
";

pub(crate) struct Country {
    pub code: &'static str,
    pub locales: Vec<Locale>,
    pub people: Mix<Culture>,
}

fn countries() -> &'static [Country] {
    static C: OnceLock<Vec<Country>> = OnceLock::new();
    C.get_or_init(|| {
        COUNTRIES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(parse_country)
            .collect()
    })
}

fn parse_country(line: &'static str) -> Country {
    let (head, people) = line.split_once(':').expect("country line has a colon");
    let (code, locales) = head.split_once(' ').expect("country line has a locale");
    let locales = locales
        .split('+')
        .map(|l| Locale::by_name(l.trim()).expect("known locale"))
        .collect();
    let people = people.split(',').fold(Mix::new(), |m, item| {
        let (name, w) = item.trim().rsplit_once(' ').expect("culture and weight");
        let culture = Culture::ALL
            .into_iter()
            .find(|c| format!("{c:?}") == name)
            .expect("known culture");
        m.with(culture, w.parse().expect("integer weight"))
    });
    Country {
        code,
        locales,
        people,
    }
}

pub(crate) fn country(code: &str) -> Option<&'static Country> {
    countries()
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code.trim()))
}

/// The naming cultures of a country's population as a mix to draw people from, by ISO 3166-1
/// alpha-2 code (`"DE"`, `"ae"`); `None` for countries the tables do not cover (their names,
/// e.g. Italian, Polish or Nordic ones, are not in the tables).
///
/// ```
/// use flowtrace_names::{country_cultures, person_of};
///
/// let germany = country_cultures("DE").unwrap();
/// let name = person_of(germany.pick(42), 42);
/// assert!(!name.full().is_empty());
/// ```
pub fn country_cultures(code: &str) -> Option<Mix<Culture>> {
    country(code).map(|c| c.people.clone())
}

/// The ISO 3166-1 alpha-2 codes [`country_cultures`] and `company_in` know.
pub fn known_countries() -> impl Iterator<Item = &'static str> {
    countries().iter().map(|c| c.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_codes_are_unique() {
        let all: Vec<&str> = known_countries().collect();
        assert!(all.len() > 60);
        for (i, c) in all.iter().enumerate() {
            assert_eq!(c.len(), 2);
            assert!(!all[i + 1..].contains(c), "{c} twice");
        }
        assert!(country("de").is_some());
        assert!(country("XX").is_none());
        assert_eq!(country("BE").map(|c| c.locales.len()), Some(2));
    }
}
