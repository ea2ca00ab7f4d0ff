//! `read_watchlist` picks the reader from the file, several lists merge into one, and the
//! model serialises to JSON.

mod common;

use common::{fixture, temp_file};
use flowtrace_screen::{detect_format, read_watchlist, ListError, ListFormat};

#[test]
fn each_format_is_told_from_its_file() {
    let format = |name: &str| detect_format(&fixture(name)).expect("detects");
    assert_eq!(format("un_two_records.xml"), ListFormat::UnXml);
    assert_eq!(format("ofac_sdn.csv"), ListFormat::OfacCsv);
    assert_eq!(format("ftm_entities.jsonl"), ListFormat::FtmJson);
    // The content decides over the extension.
    let xml_named_txt = temp_file(b"  <CONSOLIDATED_LIST/>", "txt");
    assert_eq!(
        detect_format(xml_named_txt.path()).unwrap(),
        ListFormat::UnXml
    );
}

#[test]
fn lists_read_by_read_watchlist_merge_into_one() {
    let mut all = read_watchlist(&fixture("un_two_records.xml")).expect("UN");
    all.extend(read_watchlist(&fixture("ofac_sdn.csv")).expect("OFAC"));
    all.extend(read_watchlist(&fixture("ftm_entities.jsonl")).expect("FtM"));
    let ids: Vec<&str> = all.entities.iter().map(|e| e.id.as_str()).collect();
    let want = [
        "un:QDi.901",
        "un:QDe.901",
        "ofac:9001",
        "ofac:9002",
        "ofac:9003",
    ];
    assert_eq!(ids[..5], want);
    assert_eq!(ids[5..], ["ft-person-1", "ft-org-1"]);
}

#[test]
fn empty_and_unknown_files_are_refused() {
    let empty = temp_file(b" \n\t", "xml");
    let error = read_watchlist(empty.path()).expect_err("empty");
    assert!(matches!(error, ListError::Empty { .. }), "{error}");
    let unknown = temp_file(b"hello", "txt");
    let error = read_watchlist(unknown.path()).expect_err("unknown");
    assert!(matches!(error, ListError::UnknownFormat { .. }), "{error}");
}

#[test]
fn the_model_serialises_to_json() {
    let list = read_watchlist(&fixture("un_two_records.xml")).expect("UN");
    let json = serde_json::to_value(&list).expect("serialises");
    let first = &json["entities"][0];
    assert_eq!(first["id"], "un:QDi.901");
    assert_eq!(first["schema"], "Person");
    assert_eq!(first["listed_on"], "2015-04-07");
    assert_eq!(first["names"][0]["kind"], "Primary");
    assert_eq!(first["names"][1]["script"], "Original");
    assert_eq!(first["birth_dates"][2]["to"], "1969");
}
