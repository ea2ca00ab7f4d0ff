//! The FollowTheMoney JSON lines reader: parties land with their names, dates and identifiers,
//! Sanction / Identification / Address entities attach to them (also when nested), other
//! schemas are skipped, and a bad line names its line.

mod common;

use common::{fixture, problem_of, temp_file};
use flowtrace_screen::{
    read_ftm, ListError, NameKind, NameQuality, NameScript, Problem, Schema, Watchlist,
};

fn ftm_fixture() -> Watchlist {
    read_ftm(&fixture("ftm_entities.jsonl")).expect("fixture reads")
}

#[test]
fn only_parties_become_entities() {
    let list = ftm_fixture();
    let ids: Vec<&str> = list.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["ft-person-1", "ft-org-1"]);
}

#[test]
fn a_person_keeps_names_by_kind_and_quality() {
    let list = ftm_fixture();
    let person = list.get("ft-person-1").expect("the person");
    assert_eq!(person.schema, Schema::Person);
    assert_eq!(person.list, "un_sc_sanctions");
    let names: Vec<(&str, NameKind, NameQuality, NameScript)> = person
        .names
        .iter()
        .map(|n| (n.full.as_str(), n.kind, n.quality, n.script))
        .collect();
    use {NameKind::*, NameQuality::*, NameScript::*};
    assert_eq!(
        names,
        [
            ("Samir Abd al-Karim al-Basri", Primary, Good, Latin),
            ("سمير عبد الكريم البصري", Alias, Good, Original),
            ("Samir al-Basri", Alias, Good, Latin),
            ("Abu Karim", Alias, Low, Latin),
            ("Samir Karimov", FormerName, Good, Latin),
        ]
    );
}

#[test]
fn a_person_keeps_dates_identifiers_topics_and_programmes() {
    let list = ftm_fixture();
    let person = list.get("ft-person-1").expect("the person");
    let dates: Vec<String> = person
        .birth_dates
        .iter()
        .map(|d| d.date.unwrap().to_string())
        .collect();
    assert_eq!(dates, ["1970-03-02", "1968"]);
    assert_eq!(person.birth_places, ["Basra"]);
    assert_eq!(person.nationalities, ["iq"]);
    assert_eq!(person.documents[0].kind, "Passport");
    assert_eq!(person.documents[0].number.as_deref(), Some("A1234567"));
    assert_eq!(person.topics, ["sanction", "crime.terror"]);
    assert_eq!(
        person.programmes,
        ["UN-SC1267"],
        "the Sanction's programId is not repeated"
    );
    assert_eq!(person.listed_on.unwrap().to_string(), "2015-04-07");
    let address = &person.addresses[0];
    assert_eq!(
        address.full.as_deref(),
        Some("Mosul, Iraq"),
        "the addressEntity is attached"
    );
}

#[test]
fn nested_sanctions_and_identifications_attach_to_their_party() {
    let list = ftm_fixture();
    let org = list.get("ft-org-1").expect("the organisation");
    assert_eq!(org.schema, Schema::Organization);
    assert_eq!(org.list, "us_ofac_sdn");
    assert_eq!(org.programmes, ["SDGT"]);
    assert_eq!(org.listed_on.unwrap().to_string(), "2002-01-09");
    assert_eq!(org.addresses[0].country.as_deref(), Some("pk"));
    let document = &org.documents[0];
    assert_eq!(document.kind, "Registration");
    assert_eq!(document.number.as_deref(), Some("REG-778"));
}

#[test]
fn a_line_that_is_not_json_names_its_line() {
    let lines = b"{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n{\"id\": \"b\", \n";
    let file = temp_file(lines, "jsonl");
    let (problem, message) = problem_of(read_ftm(file.path()));
    assert_eq!(problem, Problem::BadJson);
    assert!(message.contains("record 2, line 2, byte 63"), "{message}");
    assert!(
        message.contains("EOF while parsing a value at column"),
        "{message}"
    );
}

#[test]
fn an_object_without_id_is_refused() {
    let file = temp_file(b"{\"schema\": \"Person\"}\n", "jsonl");
    let (problem, message) = problem_of(read_ftm(file.path()));
    assert_eq!(problem, Problem::BadJson);
    assert!(message.contains("missing field `id`"), "{message}");
}

#[test]
fn bytes_that_are_not_utf8_name_their_line_and_byte() {
    let file = temp_file(
        b"\n{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"PE\xD1A\"]}}\n",
        "jsonl",
    );
    let (problem, message) = problem_of(read_ftm(file.path()));
    assert_eq!(problem, Problem::NotUtf8);
    assert!(message.contains("record 1, line 2, byte 60"), "{message}");
}

#[test]
fn an_empty_file_is_empty() {
    let file = temp_file(b"\n  \n", "jsonl");
    let error = read_ftm(file.path()).expect_err("empty");
    assert!(matches!(error, ListError::Empty { .. }), "{error}");
}

#[test]
fn a_huge_line_is_refused() {
    let mut line = b"{\"id\": \"".to_vec();
    line.resize(line.len() + 2 * 1024 * 1024, b'a');
    let file = temp_file(&line, "jsonl");
    let (problem, message) = problem_of(read_ftm(file.path()));
    assert_eq!(problem, Problem::FieldTooLong);
    assert!(message.contains("line 1"), "{message}");
}
