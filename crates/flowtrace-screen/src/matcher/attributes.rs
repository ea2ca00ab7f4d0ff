//! What a date of birth, a nationality and the kind of party do to a name's score when the query
//! gives them. A name alone cannot tell two Mohammed Hassans apart; a birth year twenty years
//! off can, and one that agrees makes a spelling variant more likely to be the listed person.

use std::collections::HashMap;
use std::sync::OnceLock;

use isocountry::CountryCode;

use crate::date::PartialDate;
use crate::model::{BirthDate, ListedEntity, Schema};

/// Added when the birth date agrees to the day (to the year: half of it).
pub const BIRTH_DATE_AGREES: f32 = 0.06;
/// Added (it is negative) when no listed birth date is within two years of the query's.
pub const BIRTH_DATE_CONFLICTS: f32 = -0.25;
/// Added when a nationality agrees.
pub const NATIONALITY_AGREES: f32 = 0.03;
/// Added when the query's nationality is none of the listed ones.
pub const NATIONALITY_CONFLICTS: f32 = -0.08;
/// Added when a person is screened against an organisation, vessel or aircraft, or the reverse.
pub const SCHEMA_CONFLICTS: f32 = -0.3;

/// One thing that moved the score.
#[derive(Clone, Debug, PartialEq)]
pub struct Adjustment {
    /// What was compared: `dob`, `nationality`, `schema`.
    pub what: &'static str,
    /// The change to the score.
    pub delta: f32,
    /// The values compared, in words.
    pub detail: String,
}

/// The adjustments the query's attributes make against an entity.
pub fn adjustments(
    birth_date: Option<PartialDate>,
    nationality: Option<&str>,
    schema: Option<Schema>,
    entity: &ListedEntity,
) -> Vec<Adjustment> {
    let mut out = Vec::new();
    if let Some(date) = birth_date {
        out.extend(birth_date_adjustment(date, &entity.birth_dates));
    }
    if let Some(country) = nationality {
        out.extend(nationality_adjustment(country, &entity.nationalities));
    }
    if let Some(schema) = schema {
        out.extend(schema_adjustment(schema, entity.schema));
    }
    out
}

fn birth_date_adjustment(query: PartialDate, listed: &[BirthDate]) -> Option<Adjustment> {
    let dates: Vec<&BirthDate> = listed.iter().filter(|d| d.date.is_some()).collect();
    let (best, shown) = dates
        .iter()
        .map(|d| (compare_birth(query, d), d))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    let listed = shown.date.map(|d| d.to_string()).unwrap_or_default();
    let verb = if best > 0.0 {
        "agrees with"
    } else if best < 0.0 {
        "conflicts with"
    } else {
        "is near"
    };
    Some(Adjustment {
        what: "dob",
        delta: best,
        detail: format!("{query} {verb} {listed}"),
    })
}

/// The adjustment one listed birth date (or range) gives.
fn compare_birth(query: PartialDate, listed: &BirthDate) -> f32 {
    let Some(from) = listed.date else { return 0.0 };
    let to = listed.to.unwrap_or(from);
    let slack = u16::from(listed.circa);
    let (lo, hi) = (from.year() - slack.min(from.year()), to.year() + slack);
    let year = query.year();
    if year < lo.saturating_sub(2) || year > hi + 2 {
        return BIRTH_DATE_CONFLICTS;
    }
    if year < lo || year > hi {
        return 0.0;
    }
    let same_day = listed.to.is_none()
        && query.month().is_some()
        && query.month() == from.month()
        && query.day().is_some()
        && query.day() == from.day();
    let other_day = listed.to.is_none()
        && query.month().is_some()
        && from.month().is_some()
        && (query.month() != from.month()
            || (query.day().zip(from.day()).is_some_and(|(a, b)| a != b)));
    if same_day {
        BIRTH_DATE_AGREES
    } else if other_day {
        0.0
    } else {
        BIRTH_DATE_AGREES / 2.0
    }
}

fn nationality_adjustment(query: &str, listed: &[String]) -> Option<Adjustment> {
    let wanted = country_code(query)?;
    let known: Vec<CountryCode> = listed.iter().filter_map(|c| country_code(c)).collect();
    if known.is_empty() {
        return None;
    }
    let agrees = known.contains(&wanted);
    let names: Vec<&str> = known.iter().map(|c| c.alpha2()).collect();
    Some(Adjustment {
        what: "nationality",
        delta: if agrees {
            NATIONALITY_AGREES
        } else {
            NATIONALITY_CONFLICTS
        },
        detail: format!(
            "{} {} {}",
            wanted.alpha2(),
            if agrees { "in" } else { "not in" },
            names.join("/")
        ),
    })
}

fn schema_adjustment(query: Schema, listed: Schema) -> Option<Adjustment> {
    let person = |s: Schema| s == Schema::Person;
    let differ =
        query != Schema::Unknown && listed != Schema::Unknown && person(query) != person(listed);
    differ.then(|| Adjustment {
        what: "schema",
        delta: SCHEMA_CONFLICTS,
        detail: format!("{query:?} is not {listed:?}"),
    })
}

/// A country from an ISO code (`IQ`, `IRQ`) or an English name as the lists write it
/// (`Iraq`, `Iran (Islamic Republic of)`, `Russian Federation`), case and punctuation aside.
pub fn country_code(text: &str) -> Option<CountryCode> {
    let text = text.trim();
    match text.len() {
        2 => return CountryCode::for_alpha2_caseless(text).ok(),
        3 if text.chars().all(|c| c.is_ascii_alphabetic()) => {
            if let Ok(code) = CountryCode::for_alpha3_caseless(text) {
                return Some(code);
            }
        }
        _ => {}
    }
    names().get(&letters(text)).copied()
}

/// Country names (ISO's and the short ones lists use) by their letters, built once: a query
/// with a nationality compares it with every candidate's.
fn names() -> &'static HashMap<String, CountryCode> {
    static NAMES: OnceLock<HashMap<String, CountryCode>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for c in CountryCode::iter() {
            let name = letters(c.name());
            if let Some(short) = name.strip_suffix("the") {
                names.insert(short.to_owned(), *c);
            }
            names.insert(name, *c);
        }
        for (name, code) in ALIASES {
            if let Ok(c) = CountryCode::for_alpha2(code) {
                names.insert(name.to_owned(), c);
            }
        }
        names
    })
}

/// Short names the lists use for countries whose ISO name is longer.
const ALIASES: [(&str, &str); 16] = [
    ("iran", "IR"),
    ("syria", "SY"),
    ("russia", "RU"),
    ("northkorea", "KP"),
    ("democraticpeoplesrepublicofkorea", "KP"),
    ("southkorea", "KR"),
    ("unitedkingdom", "GB"),
    ("uk", "GB"),
    ("unitedstates", "US"),
    ("usa", "US"),
    ("venezuela", "VE"),
    ("bolivia", "BO"),
    ("tanzania", "TZ"),
    ("vietnam", "VN"),
    ("palestine", "PS"),
    ("turkey", "TR"),
];

fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn born(text: &str) -> BirthDate {
        BirthDate {
            date: PartialDate::parse_iso(text),
            ..BirthDate::default()
        }
    }

    #[test]
    fn birth_dates_agree_conflict_or_say_nothing() {
        let day = PartialDate::parse_iso("1963-04-11").unwrap();
        assert_eq!(compare_birth(day, &born("1963-04-11")), BIRTH_DATE_AGREES);
        assert_eq!(compare_birth(day, &born("1963")), BIRTH_DATE_AGREES / 2.0);
        assert_eq!(compare_birth(day, &born("1964")), 0.0);
        assert_eq!(compare_birth(day, &born("1980")), BIRTH_DATE_CONFLICTS);
        let range = BirthDate {
            to: PartialDate::parse_iso("1966"),
            ..born("1960")
        };
        assert_eq!(compare_birth(day, &range), BIRTH_DATE_AGREES / 2.0);
    }

    #[test]
    fn countries_read_from_codes_and_list_names() {
        let code = |t| country_code(t).map(|c| c.alpha2());
        assert_eq!(code("iq"), Some("IQ"));
        assert_eq!(code("Iraq"), Some("IQ"));
        assert_eq!(code("Iran (Islamic Republic of)"), Some("IR"));
        assert_eq!(code("Russian Federation"), Some("RU"));
        assert_eq!(code("Syria"), Some("SY"));
        assert_eq!(code("Atlantis"), None);
    }
}
