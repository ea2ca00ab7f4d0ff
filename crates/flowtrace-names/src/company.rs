//! Names of organisations: trading companies, charities and NGOs, money-service businesses and
//! exchange houses, in the words and legal forms of the place they are registered.

use std::sync::OnceLock;

use crate::country::{country, Locale};
use crate::hash::Rng;
use crate::origin::{Culture, Origin};
use crate::person::{person_of, Role};
use crate::text::capitalise;

/// What kind of organisation to name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OrgKind {
    /// An ordinary business: `Al Noor General Trading LLC`, `Petrova Logistics OOO`.
    Company,
    /// A charity or NGO: `Hope Relief Foundation`, `Association Espoir et Solidarité`.
    Charity,
    /// A money-service business or remitter: `Hiiraan Express`, `Envíos Del Sol`.
    MoneyService,
    /// An exchange house or bureau de change: `Anadolu Döviz`, `Al-Noor Exchange Company`.
    ExchangeHouse,
}

impl OrgKind {
    /// Every kind.
    pub const ALL: [OrgKind; 4] = [
        OrgKind::Company,
        OrgKind::Charity,
        OrgKind::MoneyService,
        OrgKind::ExchangeHouse,
    ];
}

/// An organisation name for owners of `origin`, registered where that origin's businesses are
/// usually registered (a Gulf culture in the UAE style, Russian with `OOO`, ...).
/// Deterministic in `key`.
pub fn company(origin: Origin, kind: OrgKind, key: u64) -> String {
    company_of(origin.culture(key), kind, key)
}

/// An organisation name for owners of `culture`, registered in the culture's home style.
pub fn company_of(culture: Culture, kind: OrgKind, key: u64) -> String {
    let home = Locale::home(culture);
    name(culture, home, home, kind, key)
}

/// An organisation registered in `country` (ISO 3166-1 alpha-2), its owners drawn from the
/// country's population: the legal forms and activity words are the country's, the brand may
/// come from the owners' culture (`Anadolu Lebensmittel GmbH`, `Yilmaz Autohandel GmbH`).
/// Countries the tables do not know get English-style names.
pub fn company_in(country_code: &str, kind: OrgKind, key: u64) -> String {
    let mut rng = Rng::new(key, 0xC0_4E7);
    let (culture, locale) = match country(country_code) {
        Some(c) => {
            let culture = c.people.pick(key);
            (culture, c.locales[rng.below(c.locales.len())])
        }
        None => (Culture::English, Locale::English),
    };
    name(culture, locale, Locale::home(culture), kind, key)
}

/// The word lists of one locale (format in `tables::companies`).
struct Words {
    stems: Vec<&'static str>,
    cities: Vec<&'static str>,
    activities: Vec<&'static str>,
    forms: Vec<&'static str>,
    company: Vec<&'static str>,
    virtues: Vec<&'static str>,
    charity: Vec<&'static str>,
    msb: Vec<&'static str>,
    exchange: Vec<&'static str>,
}

fn words(l: Locale) -> &'static Words {
    static W: OnceLock<Vec<Words>> = OnceLock::new();
    let all = W.get_or_init(|| Locale::ALL.iter().map(|l| parse(l.data())).collect());
    &all[Locale::ALL.iter().position(|&x| x == l).unwrap_or(0)]
}

fn parse(text: &'static str) -> Words {
    let find = |text: &'static str, name: &str| -> Option<Vec<&'static str>> {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(name)?.strip_prefix(':'))
            .map(|items| {
                items
                    .split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
    };
    let field = |name: &str| -> Vec<&'static str> {
        find(text, name)
            .or_else(|| find(Locale::English.data(), name))
            .unwrap_or_default()
    };
    Words {
        stems: field("stems"),
        cities: field("cities"),
        activities: field("activities"),
        forms: field("forms"),
        company: field("company"),
        virtues: field("virtues"),
        charity: field("charity"),
        msb: field("msb"),
        exchange: field("exchange"),
    }
}

fn pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    if items.is_empty() {
        ""
    } else {
        items[rng.below(items.len())]
    }
}

fn name(culture: Culture, locale: Locale, home: Locale, kind: OrgKind, key: u64) -> String {
    let mut rng = Rng::new(key, 0x0C0_3A3E);
    let w = words(locale);
    // Diaspora businesses often carry a brand from home with the local legal form.
    let brand = if home != locale && rng.chance(50) {
        words(home)
    } else {
        w
    };
    let templates = match kind {
        OrgKind::Company => &w.company,
        OrgKind::Charity => &brand.charity,
        OrgKind::MoneyService => &w.msb,
        OrgKind::ExchangeHouse => &w.exchange,
    };
    let template = pick(&mut rng, templates);
    let stem = pick(&mut rng, &brand.stems);
    let mut second = pick(&mut rng, &brand.stems);
    if second == stem && brand.stems.len() > 1 {
        let i = brand.stems.iter().position(|s| *s == stem).unwrap_or(0);
        second = brand.stems[(i + 1) % brand.stems.len()];
    }
    let mut out = String::with_capacity(48);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').unwrap_or(1);
        match &rest[open + 1..close] {
            "s" => out.push_str(stem),
            "t" => out.push_str(second),
            "u" => out.push_str(&second.to_lowercase()),
            "a" => out.push_str(pick(&mut rng, &w.activities)),
            "l" => out.push_str(pick(&mut rng, &w.forms)),
            "v" => out.push_str(pick(&mut rng, &brand.virtues)),
            "c" => out.push_str(pick(&mut rng, &w.cities)),
            "f" => out.push_str(&owner(culture, rng.next())),
            _ => {}
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    let tidy: Vec<&str> = out.split_whitespace().collect();
    capitalise(&tidy.join(" "))
}

/// The family name an owner's business is named after (the father's name where the culture
/// has no family names).
fn owner(culture: Culture, key: u64) -> String {
    let p = person_of(culture, key);
    let part = p
        .parts()
        .find(|part| part.role() == Role::Family)
        .or_else(|| p.parts().last());
    part.map(|part| part.text()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_every_field() {
        for l in Locale::ALL {
            let w = words(l);
            assert!(w.stems.len() >= 10, "{l:?}");
            assert!(w.activities.len() >= 5, "{l:?}");
            assert!(!w.forms.is_empty(), "{l:?}");
            for list in [&w.company, &w.charity, &w.msb, &w.exchange, &w.virtues] {
                assert!(!list.is_empty(), "{l:?}");
            }
            let needs_cities = w
                .company
                .iter()
                .chain(&w.charity)
                .any(|t| t.contains("{c}"));
            assert!(!needs_cities || !w.cities.is_empty(), "{l:?}");
        }
    }
}
