//! OFAC's SDN remarks: the legacy CSV has no columns for dates of birth, nationalities or
//! passports, so OFAC writes them into the remarks as `;`-separated phrases
//! (`DOB 01 Jan 1970; alt. DOB 1971; POB Giza, Egypt; nationality Egypt; Passport 1084010
//! (Egypt); a.k.a. 'ABU-'UMAR'.`). This module picks out the ones a screener needs.

use crate::date::PartialDate;
use crate::model::{BirthDate, Document, ListedEntity, ListedName, NameKind, NameQuality};

/// Document phrases kept, with the document kind they give. Longer prefixes first where one
/// starts another. Registration numbers of companies are left for a later need.
const DOCUMENTS: [(&str, &str); 16] = [
    ("Diplomatic Passport", "Diplomatic Passport"),
    ("Passport", "Passport"),
    ("National ID No.", "National ID"),
    ("Cedula No.", "Cedula"),
    ("Identification Number", "Identification Number"),
    ("Personal ID Card", "Personal ID Card"),
    ("Tax ID No.", "Tax ID"),
    ("Driver's License No.", "Driver's License"),
    ("SSN", "SSN"),
    ("NIT #", "NIT"),
    ("R.F.C.", "RFC"),
    ("C.U.R.P.", "CURP"),
    ("RUC #", "RUC"),
    ("D.N.I.", "DNI"),
    ("Vessel Registration Identification", "Vessel Registration"),
    ("MMSI", "MMSI"),
];

/// Adds what the remarks say to the entity.
pub(crate) fn apply_remarks(entity: &mut ListedEntity, remarks: &str) {
    for phrase in remarks.split(';') {
        let phrase = phrase.trim();
        // The last phrase ends the sentence; a name's own final dot is rare enough to lose.
        let phrase = phrase.strip_suffix('.').unwrap_or(phrase);
        if let Some(name) = weak_alias(phrase) {
            entity.names.push(name);
            continue;
        }
        let phrase = phrase.strip_prefix("alt. ").unwrap_or(phrase);
        apply_phrase(entity, phrase);
    }
}

fn apply_phrase(entity: &mut ListedEntity, phrase: &str) {
    if let Some(date) = phrase.strip_prefix("DOB ") {
        entity.birth_dates.push(birth_date(date));
    } else if let Some(place) = phrase.strip_prefix("POB ") {
        entity.birth_places.extend(super::clean(place));
    } else if let Some(country) = phrase
        .strip_prefix("nationality ")
        .or_else(|| phrase.strip_prefix("citizen "))
    {
        entity.nationalities.extend(super::clean(country));
    } else if let Some(document) = document(phrase) {
        entity.documents.push(document);
    }
}

/// `a.k.a. 'NAME'`: OFAC quotes its weak (low-quality) aliases in the remarks. The name may
/// hold apostrophes itself (`'ABU-'UMAR'`), so only the outer quotes are taken off.
fn weak_alias(phrase: &str) -> Option<ListedName> {
    let kinds = [
        ("a.k.a. '", NameKind::Alias),
        ("f.k.a. '", NameKind::FormerName),
        ("n.k.a. '", NameKind::NewName),
    ];
    let (rest, kind) = kinds
        .iter()
        .find_map(|(prefix, kind)| phrase.strip_prefix(prefix).map(|rest| (rest, *kind)))?;
    let name = super::clean(rest.strip_suffix('\'')?)?;
    Some(ListedName::new(name, kind, NameQuality::Low))
}

/// `01 Jan 1970`, `Jan 1970`, `1970`, `circa 1970`, `1965 to 1967`, `circa 1979-1982`.
fn birth_date(text: &str) -> BirthDate {
    let text = text.trim();
    let (circa, body) = match text.strip_prefix("circa ") {
        Some(rest) => (true, rest.trim()),
        None => (false, text),
    };
    let (from, to) = match body.split_once(" to ").or_else(|| year_range(body)) {
        Some((from, to)) => (from, Some(to)),
        None => (body, None),
    };
    let date = PartialDate::parse_day_month_year(from);
    let to_date = to.map(PartialDate::parse_day_month_year);
    let readable = date.is_some() && to_date.is_none_or(|d| d.is_some());
    BirthDate {
        date,
        to: to_date.flatten(),
        circa,
        text: (!readable).then(|| text.to_owned()),
    }
}

/// `1979-1982`: two years joined by a hyphen.
fn year_range(text: &str) -> Option<(&str, &str)> {
    let (from, to) = text.split_once('-')?;
    let is_year = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    (is_year(from) && is_year(to)).then_some((from, to))
}

/// `Passport A123 (Egypt) issued 01 Jan 2000`: number, then the country in brackets, then
/// whatever follows as a note.
fn document(phrase: &str) -> Option<Document> {
    let (prefix, kind) = DOCUMENTS.iter().find(|(prefix, _)| {
        phrase.starts_with(prefix) && phrase[prefix.len()..].starts_with(' ')
    })?;
    let rest = phrase[prefix.len()..].trim();
    let (number, country, note) = match rest.split_once(" (") {
        Some((number, tail)) => match tail.split_once(')') {
            Some((country, note)) => (number, Some(country), note),
            None => (number, Some(tail), ""),
        },
        None => match rest.find(" issued ").or_else(|| rest.find(" expires ")) {
            Some(at) => (&rest[..at], None, &rest[at..]),
            None => (rest, None, ""),
        },
    };
    Some(Document {
        kind: (*kind).to_owned(),
        number: super::clean(number),
        country: country.and_then(super::clean),
        note: super::clean(note),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schema;

    fn applied(remarks: &str) -> ListedEntity {
        let mut entity = ListedEntity::new("t".into(), "t".into(), "t".into(), Schema::Person);
        apply_remarks(&mut entity, remarks);
        entity
    }

    #[test]
    fn reads_dates_places_nationalities_and_passports() {
        let e = applied(
            "DOB 19 Jun 1951; alt. DOB circa 1952; DOB 1965 to 1967; POB Giza, Egypt; \
             nationality Egypt; alt. citizen Sudan; Passport 1084010 (Egypt) issued 2000; \
             alt. Passport 19820215; Operational Leader.",
        );
        let dates: Vec<String> = e.birth_dates.iter().map(|d| format!("{d:?}")).collect();
        assert_eq!(e.birth_dates.len(), 3, "{dates:?}");
        assert_eq!(e.birth_dates[0].date.unwrap().to_string(), "1951-06-19");
        assert!(e.birth_dates[1].circa);
        assert_eq!(e.birth_dates[2].to.unwrap().to_string(), "1967");
        assert_eq!(e.birth_places, ["Giza, Egypt"]);
        assert_eq!(e.nationalities, ["Egypt", "Sudan"]);
        let passport = &e.documents[0];
        assert_eq!(passport.number.as_deref(), Some("1084010"));
        assert_eq!(passport.country.as_deref(), Some("Egypt"));
        assert_eq!(passport.note.as_deref(), Some("issued 2000"));
        assert_eq!(e.documents[1].number.as_deref(), Some("19820215"));
    }

    #[test]
    fn weak_aliases_keep_their_inner_apostrophes() {
        let e = applied("SSN 523-33-8386 (United States); a.k.a. 'ABU-'UMAR'.");
        assert_eq!(e.names.len(), 1);
        assert_eq!(e.names[0].full, "ABU-'UMAR");
        assert_eq!(e.names[0].quality, NameQuality::Low);
        assert_eq!(e.documents[0].kind, "SSN");
    }

    #[test]
    fn unreadable_dates_are_kept_as_text() {
        let date = birth_date("circa 1979-1982");
        assert_eq!(date.date.unwrap().to_string(), "1979");
        assert_eq!(date.to.unwrap().to_string(), "1982");
        let odd = birth_date("early 1960s");
        assert_eq!((odd.date, odd.text.as_deref()), (None, Some("early 1960s")));
    }
}
