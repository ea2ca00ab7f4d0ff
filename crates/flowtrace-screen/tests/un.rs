//! The UN consolidated list reader: the real list loads whole, a hand-written pair of records
//! lands field by field, and every kind of bad file gives a typed error naming where it broke.

mod common;

use std::collections::HashSet;

use common::{data, fixture, problem_of, temp_file};
use flowtrace_screen::{
    read_un, ListError, NameKind, NameQuality, NameScript, Problem, Schema, Watchlist,
};

fn un_fixture() -> Watchlist {
    read_un(&fixture("un_two_records.xml")).expect("fixture reads")
}

#[test]
fn the_real_list_loads_all_1003_records() {
    let list = read_un(&data("un_consolidated.xml")).expect("the UN list reads");
    let count = |schema| list.entities.iter().filter(|e| e.schema == schema).count();
    assert_eq!(list.len(), 1003);
    assert_eq!(count(Schema::Person), 730);
    assert_eq!(count(Schema::Organization), 273);
    let qaida = list
        .entities
        .iter()
        .filter(|e| e.programmes == ["Al-Qaida"])
        .count();
    assert_eq!(qaida, 341);
    let ids: HashSet<&str> = list.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 1003, "ids are unique");
    assert!(list.entities.iter().all(|e| e.listed_on.is_some()));
    let original = |e: &&flowtrace_screen::ListedEntity| {
        e.names.iter().any(|n| n.script == NameScript::Original)
    };
    // 378 records carry NAME_ORIGINAL_SCRIPT, one of them in Latin letters (an Indonesian
    // group); 8 more have an alias in Arabic, Cyrillic or Chinese.
    assert_eq!(list.entities.iter().filter(original).count(), 385);
}

#[test]
fn aliases_with_both_scripts_in_one_value_become_two_names() {
    let list = read_un(&data("un_consolidated.xml")).expect("the UN list reads");
    let entity = list.get("un:QDi.398").expect("QDi.398 is listed");
    let names: Vec<&str> = entity.names.iter().map(|n| n.full.as_str()).collect();
    assert!(names.contains(&"Abu Muhammad"), "{names:?}");
    assert!(names.contains(&"Абу Мухаммад"), "{names:?}");
    let chinese = list.get("un:KPi.035").expect("KPi.035 is listed");
    let names: Vec<&str> = chinese.names.iter().map(|n| n.full.as_str()).collect();
    assert!(
        names.contains(&"Jin Tiesan") && names.contains(&"金铁三"),
        "{names:?}"
    );
}

#[test]
fn the_real_list_keeps_aliases_dates_and_documents() {
    let list = read_un(&data("un_consolidated.xml")).expect("the UN list reads");
    let names = |kind, quality| {
        let all = list.entities.iter().flat_map(|e| &e.names);
        all.filter(|n| n.kind == kind && n.quality == quality)
            .count()
    };
    // INDIVIDUAL_ALIAS has 1,524 Good and 615 Low values, ENTITY_ALIAS 594 a.k.a. and 19 f.k.a.;
    // values packing several spellings (`A; B`, `Latin (original)`) become several names.
    let counts = [
        names(NameKind::Alias, NameQuality::Good),
        names(NameKind::Alias, NameQuality::Low),
        names(NameKind::Alias, NameQuality::Unknown),
        names(NameKind::FormerName, NameQuality::Unknown),
    ];
    assert_eq!(counts, [1573, 628, 614, 18]);
    let all = list.entities.iter().flat_map(|e| &e.names);
    assert!(all
        .clone()
        .all(|n| !n.full.contains(';') && !n.full.is_empty()));
    let between = list.entities.iter().flat_map(|e| &e.birth_dates);
    assert_eq!(between.filter(|d| d.to.is_some()).count(), 31);
    let passports = list.entities.iter().flat_map(|e| &e.documents);
    assert!(passports.filter(|d| d.kind == "Passport").count() >= 300);
}

#[test]
fn an_individual_lands_field_by_field() {
    let list = un_fixture();
    let person = list.get("un:QDi.901").expect("the individual");
    assert_eq!(person.schema, Schema::Person);
    assert_eq!(person.list, "UN");
    assert_eq!(person.reference, "QDi.901");
    assert_eq!(person.programmes, ["Al-Qaida"]);
    assert_eq!(person.listed_on.unwrap().to_string(), "2015-04-07");
    let primary = &person.names[0];
    assert_eq!(primary.full, "SAMIR ABD AL-KARIM AL-BASRI");
    assert_eq!(primary.parts, ["SAMIR", "ABD AL-KARIM", "AL-BASRI"]);
    let original = &person.names[1];
    assert_eq!(original.full, "سمير عبد الكريم البصري");
    assert_eq!(original.script, NameScript::Original);
    let aliases: Vec<(&str, NameQuality)> = person.names[2..]
        .iter()
        .map(|n| (n.full.as_str(), n.quality))
        .collect();
    assert_eq!(
        aliases,
        [
            ("Samir al-Basri", NameQuality::Good),
            ("Abu Karim", NameQuality::Low)
        ]
    );
    assert_eq!(person.nationalities, ["Iraq", "Syrian Arab Republic"]);
    assert_eq!(person.birth_places, ["Basra, Iraq"]);
    assert_eq!(
        person.remarks.as_deref(),
        Some("Fictitious record for tests. Father's name: Karim & sons.")
    );
}

#[test]
fn birth_dates_keep_exact_range_note_and_alias_dates() {
    let list = un_fixture();
    let person = list.get("un:QDi.901").expect("the individual");
    let dates: Vec<String> = person
        .birth_dates
        .iter()
        .map(|d| serde_json::to_string(d).unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            r#"{"date":"1971","circa":false}"#,
            r#"{"date":"1970-03-02","circa":false}"#,
            r#"{"date":"1968","to":"1969","circa":false}"#,
            r#"{"circa":true,"text":"Nov. 1973"}"#,
        ]
    );
    let passport = &person.documents[0];
    assert_eq!(
        person.documents.len(),
        1,
        "the empty document element is skipped"
    );
    assert_eq!(passport.kind, "Passport");
    assert_eq!(passport.number.as_deref(), Some("A1234567"));
    assert_eq!(passport.country.as_deref(), Some("Iraq"));
}

#[test]
fn an_entity_keeps_aka_fka_cdata_and_address() {
    let list = un_fixture();
    let entity = list.get("un:QDe.901").expect("the entity");
    assert_eq!(entity.schema, Schema::Organization);
    let names: Vec<(&str, NameKind)> = entity
        .names
        .iter()
        .map(|n| (n.full.as_str(), n.kind))
        .collect();
    assert_eq!(
        names,
        [
            ("NORTHERN RELIEF FOUNDATION", NameKind::Primary),
            ("NRF", NameKind::Alias),
            ("Northern Aid & Relief", NameKind::FormerName),
        ]
    );
    assert!(
        entity.names[0].parts.is_empty(),
        "entities have no name parts"
    );
    assert_eq!(entity.remarks, None);
    let address = &entity.addresses[0];
    assert_eq!(address.full.as_deref(), Some("12 Example Road, Peshawar"));
    assert_eq!(address.country.as_deref(), Some("Pakistan"));
}

#[test]
fn a_truncated_file_names_the_record_it_stops_in() {
    let (problem, message) = problem_of(read_un(&fixture("un_truncated.xml")));
    assert_eq!(problem, Problem::Truncated, "{message}");
    assert!(message.contains("un_truncated.xml"), "{message}");
    assert!(
        message.contains("record 1 (DATAID 9000001, REFERENCE_NUMBER QDi.901)"),
        "{message}"
    );
    assert!(message.contains("line "), "{message}");
}

#[test]
fn a_wrong_root_is_named() {
    let (problem, message) = problem_of(read_un(&fixture("un_wrong_root.xml")));
    assert_eq!(problem, Problem::WrongRoot);
    assert!(
        message.contains("<sdnList>, expected <CONSOLIDATED_LIST>"),
        "{message}"
    );
    assert!(message.contains("line 2"), "{message}");
}

#[test]
fn a_record_without_reference_is_named_by_its_dataid() {
    let (problem, message) = problem_of(read_un(&fixture("un_no_reference.xml")));
    assert_eq!(problem, Problem::MissingField);
    assert!(
        message.contains("record 2 (DATAID 9000004), line 9"),
        "{message}"
    );
    assert!(
        message.contains("<INDIVIDUAL> has no REFERENCE_NUMBER"),
        "{message}"
    );
}

#[test]
fn text_that_is_not_xml_is_refused() {
    let file = temp_file(b"ent_num,name\n1,EXAMPLE\n", "xml");
    let (problem, message) = problem_of(read_un(file.path()));
    assert_eq!(problem, Problem::NotXml, "{message}");
    let json = temp_file(br#"{"id": "x", "schema": "Person"}"#, "xml");
    assert_eq!(problem_of(read_un(json.path())).0, Problem::NotXml);
}

#[test]
fn an_empty_file_is_not_xml() {
    let file = temp_file(b"", "xml");
    assert_eq!(problem_of(read_un(file.path())).0, Problem::NotXml);
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_their_record() {
    let xml = "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>7</DATAID>\
               <FIRST_NAME>PE\u{FFFD}A</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
    let bytes = xml.replace('\u{FFFD}', "\u{1}").into_bytes();
    let bytes: Vec<u8> = bytes
        .into_iter()
        .map(|b| if b == 1 { 0xD1 } else { b })
        .collect();
    let file = temp_file(&bytes, "xml");
    let (problem, message) = problem_of(read_un(file.path()));
    assert_eq!(problem, Problem::NotUtf8, "{message}");
    assert!(message.contains("record 1 (DATAID 7)"), "{message}");
}

#[test]
fn a_huge_field_is_refused_without_reading_it_whole() {
    let mut xml =
        b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>8</DATAID><COMMENTS1>".to_vec();
    xml.resize(xml.len() + 3 * 1024 * 1024, b'x');
    xml.extend_from_slice(b"</COMMENTS1></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>");
    let file = temp_file(&xml, "xml");
    let (problem, message) = problem_of(read_un(file.path()));
    assert_eq!(problem, Problem::FieldTooLong, "{message}");
    assert!(message.contains("record 1 (DATAID 8)"), "{message}");
}

#[test]
fn a_mismatched_end_tag_is_malformed_xml() {
    let xml = b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>9</DATAID>\n</ENTITY>";
    let file = temp_file(xml, "xml");
    let (problem, message) = problem_of(read_un(file.path()));
    assert_eq!(problem, Problem::BadXml, "{message}");
    assert!(message.contains("line 2"), "{message}");
}

#[test]
fn a_missing_file_is_an_io_error() {
    let error = read_un(&fixture("no_such_file.xml")).expect_err("no file");
    assert!(matches!(error, ListError::Io { .. }));
    assert!(error.to_string().contains("no_such_file.xml"));
}
