//! The OFAC SDN legacy CSV reader: the hand-written three-row set (CRLF lines, control-Z at the
//! end, a Windows-1252 byte) lands field by field, the real files load whole when this machine
//! has them, and bad rows name their file and line.

mod common;

use std::collections::HashSet;

use common::{fixture, ofac_real, problem_of, temp_file};
use flowtrace_screen::{
    read_ofac, read_watchlist, ListError, NameKind, NameQuality, Problem, Schema, Watchlist,
};

fn ofac_fixture() -> Watchlist {
    let (sdn, alt, add) = (
        fixture("ofac_sdn.csv"),
        fixture("ofac_alt.csv"),
        fixture("ofac_add.csv"),
    );
    read_ofac(&sdn, Some(&alt), Some(&add)).expect("fixture reads")
}

#[test]
fn a_person_gets_remarks_aliases_and_address() {
    let list = ofac_fixture();
    assert_eq!(list.len(), 3);
    let person = list.get("ofac:9001").expect("the person");
    assert_eq!(
        (person.schema, person.list.as_str()),
        (Schema::Person, "OFAC SDN")
    );
    assert_eq!(person.reference, "9001");
    assert_eq!(person.programmes, ["SDGT"]);
    let names: Vec<(&str, NameKind, NameQuality)> = person
        .names
        .iter()
        .map(|n| (n.full.as_str(), n.kind, n.quality))
        .collect();
    assert_eq!(
        names,
        [
            (
                "AL-BASRI, Samir Abd al-Karim",
                NameKind::Primary,
                NameQuality::Good
            ),
            ("ABU KARIM", NameKind::Alias, NameQuality::Low),
            ("BASRI, Samir", NameKind::Alias, NameQuality::Good),
        ]
    );
    let dates: Vec<String> = person
        .birth_dates
        .iter()
        .map(|d| d.date.unwrap().to_string())
        .collect();
    assert_eq!(dates, ["1970-03-02", "1968"]);
    assert!(person.birth_dates[1].circa);
    assert_eq!(person.birth_places, ["Basra, Iraq"]);
    assert_eq!(person.nationalities, ["Iraq"]);
    assert_eq!(person.documents[0].number.as_deref(), Some("A1234567"));
    assert_eq!(person.addresses[0].full.as_deref(), Some("Mosul"));
    assert_eq!(person.addresses[0].country.as_deref(), Some("Iraq"));
}

#[test]
fn an_entity_and_a_vessel_keep_programs_former_names_and_flag() {
    let list = ofac_fixture();
    let entity = list.get("ofac:9002").expect("the entity");
    assert_eq!(entity.schema, Schema::Organization);
    assert_eq!(entity.programmes, ["SDGT", "IRAQ2"]);
    assert_eq!(entity.names[1].kind, NameKind::FormerName);
    assert_eq!(entity.remarks, None);
    let vessel = list.get("ofac:9003").expect("the vessel");
    assert_eq!(vessel.schema, Schema::Vessel);
    assert_eq!(vessel.nationalities, ["Panama"]);
    let kinds: Vec<&str> = vessel.documents.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds, ["Call Sign", "Vessel Registration"]);
    assert!(
        vessel.addresses.is_empty(),
        "an all -0- address row adds nothing"
    );
}

#[test]
fn control_z_and_windows_1252_are_read() {
    let list = ofac_fixture();
    // The vessel's remarks field is the last of the file, right before the control-Z.
    let vessel = list.get("ofac:9003").expect("the vessel");
    let remarks = vessel.remarks.as_deref().unwrap_or_default();
    assert_eq!(remarks, "Vessel Registration Identification IMO 9999999.");
    // `Ñ` is the single byte 0xD1 in the file, as Windows-1252 writes it.
    assert_eq!(vessel.names[0].full, "MAR ESPAÑA");
    let bytes = std::fs::read(fixture("ofac_sdn.csv")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err() && bytes.ends_with(b"\r\n\x1a"));
}

#[test]
fn read_watchlist_finds_the_companion_files() {
    let list = read_watchlist(&fixture("ofac_sdn.csv")).expect("reads");
    assert_eq!(
        list.get("ofac:9001").unwrap().names.len(),
        3,
        "alt.csv was read"
    );
    assert_eq!(
        list.get("ofac:9002").unwrap().addresses.len(),
        1,
        "add.csv was read"
    );
}

#[test]
fn the_real_files_load_every_row() {
    let (Some(sdn), Some(alt), Some(add)) = (
        ofac_real("ofac_sdn.csv"),
        ofac_real("ofac_alt.csv"),
        ofac_real("ofac_add.csv"),
    ) else {
        println!(
            "skipped: the real OFAC files are not on this machine (../shared/data/watchlists)"
        );
        return;
    };
    let list = read_ofac(&sdn, Some(&alt), Some(&add)).expect("the OFAC files read");
    let count = |schema| list.entities.iter().filter(|e| e.schema == schema).count();
    assert_eq!(list.len(), 7379);
    assert_eq!(count(Schema::Person), 3845);
    assert_eq!(count(Schema::Organization), 2994);
    assert_eq!(count(Schema::Vessel), 323);
    assert_eq!(count(Schema::Aircraft), 217);
    let ids: HashSet<&str> = list.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 7379);
    let names = |quality| {
        let all = list.entities.iter().flat_map(|e| &e.names[1..]);
        all.filter(|n| n.quality == quality).count()
    };
    assert_eq!(
        names(NameQuality::Good),
        9682,
        "every alt.csv row is an alias"
    );
    assert!(
        names(NameQuality::Low) >= 2000,
        "weak aliases from the remarks"
    );
    let sdgt = list
        .entities
        .iter()
        .filter(|e| e.programmes.iter().any(|p| p == "SDGT"));
    assert!(sdgt.count() >= 1029);
    let with_dob = list
        .entities
        .iter()
        .filter(|e| !e.birth_dates.is_empty())
        .count();
    assert!(with_dob > 3000, "{with_dob} entities with a date of birth");
}

#[test]
fn a_short_row_names_its_line_and_entity() {
    let sdn = temp_file(
        b"1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n2,\"B\",-0- \n",
        "csv",
    );
    let (problem, message) = problem_of(read_ofac(sdn.path(), None, None));
    assert_eq!(problem, Problem::WrongColumnCount);
    assert!(message.contains("line 2 (ent_num 2)"), "{message}");
    assert!(message.contains("expected 12 fields, found 3"), "{message}");
}

#[test]
fn an_alias_of_an_unknown_entity_is_refused() {
    let alt = temp_file(
        b"9001,1,\"aka\",\"X\",-0- \n4242,2,\"aka\",\"Y\",-0- \n",
        "csv",
    );
    let result = read_ofac(&fixture("ofac_sdn.csv"), Some(alt.path()), None);
    let (problem, message) = problem_of(result);
    assert_eq!(problem, Problem::UnknownEntity);
    assert!(message.contains("line 2 (ent_num 4242)"), "{message}");
}

#[test]
fn an_entity_number_that_is_not_a_number_is_refused() {
    let sdn = temp_file(b"ent_num,SDN_Name,a,b,c,d,e,f,g,h,i,j\n", "csv");
    let (problem, message) = problem_of(read_ofac(sdn.path(), None, None));
    assert_eq!(problem, Problem::BadValue);
    assert!(message.contains("line 1"), "{message}");
}

#[test]
fn an_empty_sdn_file_is_empty() {
    let sdn = temp_file(b"\r\n\x1a", "csv");
    let error = read_ofac(sdn.path(), None, None).expect_err("empty");
    assert!(matches!(error, ListError::Empty { .. }), "{error}");
}

#[test]
fn a_huge_field_is_refused() {
    let mut row = b"1,\"".to_vec();
    row.resize(row.len() + 2 * 1024 * 1024, b'A');
    row.extend_from_slice(b"\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
    let sdn = temp_file(&row, "csv");
    let (problem, message) = problem_of(read_ofac(sdn.path(), None, None));
    assert_eq!(problem, Problem::FieldTooLong, "{message}");
    assert!(message.contains("line 1"), "{message}");
}
