//! Screening the real UN list: spelling variants, OFAC order and Arabic script find their
//! entry with a token-by-token explanation; a query touches a small share of the list; birth
//! dates move the score; the queries reader reconciles in skip mode and writes its rejects.

mod common;

use std::path::PathBuf;

use common::data;
use flowtrace_screen::{
    read_queries, read_un, OnError, PartialDate, Query, ScreenOptions, Screener,
};

fn un() -> Screener {
    Screener::new(read_un(&data("un_consolidated.xml")).expect("the UN list reads"))
}

fn top(screener: &Screener, query: &Query) -> Option<(String, f32, String)> {
    let hits = screener.screen(query, &ScreenOptions::default());
    let hit = hits.first()?;
    let id = screener.entity(hit).id.clone();
    Some((id, hit.score, hit.explanation.to_string()))
}

#[test]
fn variants_of_listed_names_find_their_entry() {
    let screener = un();
    for (name, id) in [
        ("Saif al-Adel", "un:QDi.001"),
        ("AL-ZAWAHIRI, Aiman", "un:QDi.006"),
        ("أيمن الظواهري", "un:QDi.006"),
        ("Abu Bakr el Baghdadi", "un:QDi.299"),
    ] {
        let found = top(&screener, &Query::name("q", name));
        assert_eq!(
            found.as_ref().map(|f| f.0.as_str()),
            Some(id),
            "{name}: {found:?}"
        );
    }
    let (_, _, explanation) = top(&screener, &Query::name("q", "Saif al-Adel")).unwrap();
    assert!(explanation.contains("saif~sayf"), "{explanation}");
    assert!(explanation.contains("particles: al"), "{explanation}");
}

#[test]
fn a_typo_that_changes_a_short_skeleton_is_found_through_the_index() {
    // Aghanani / Aghajani and Naml / Nail share no skeleton key: the words' own letters meet.
    let screener = un();
    for (name, id) in [
        ("Azim Aghanani", "un:IRi.003"),
        ("Tayeb Naml", "un:QDi.280"),
    ] {
        let found = top(&screener, &Query::name("q", name));
        assert_eq!(found.map(|f| f.0), Some(id.to_owned()), "{name}");
    }
}

#[test]
fn the_limit_never_cuts_within_a_tie() {
    // Two listed parties have the alias Abu Ubaidah exactly: a limit of one shows both.
    let screener = un();
    let options = ScreenOptions {
        limit: 1,
        ..ScreenOptions::default()
    };
    let hits = screener.screen(&Query::name("q", "Abu Ubaidah"), &options);
    let ids: Vec<_> = hits
        .iter()
        .map(|h| screener.entity(h).id.as_str())
        .collect();
    assert_eq!(ids, ["un:QDi.219", "un:SOi.014"]);
    assert!(hits.iter().all(|h| h.score == hits[0].score));
}

#[test]
fn a_query_touches_a_small_share_of_the_list() {
    let screener = un();
    let (names, _) = screener.size();
    let query = Query::name("q", "Mohammed Abdullah Ahmed");
    let (_, work) = screener.screen_with_work(&query, &ScreenOptions::default());
    assert!(work.touched < names / 4, "{work:?} of {names} names");
    // 32 names first, up to 64 when none of them reaches the threshold (none does here).
    assert!(work.scored <= 64, "{work:?}");
}

#[test]
fn a_one_word_alias_is_found_among_the_longer_names_sharing_it() {
    // Dozens of listed names contain Abu Usama; the alias that is exactly that ranks first.
    let screener = un();
    let hits = screener.screen(&Query::name("q", "Abu Usama"), &ScreenOptions::default());
    let ids: Vec<&str> = hits
        .iter()
        .map(|h| screener.entity(h).id.as_str())
        .collect();
    assert!(ids.contains(&"un:QDi.335"), "{ids:?}");
}

#[test]
fn a_birth_date_far_off_lowers_the_score_and_a_matching_one_raises_it() {
    let screener = un();
    let mut query = Query::name("q", "Ayman al-Zawahiri");
    let options = ScreenOptions {
        threshold: 0.0,
        limit: 1,
    };
    let score = |q: &Query| screener.screen(q, &options)[0].score;
    let plain = score(&query);
    query.birth_date = PartialDate::parse_iso("1990");
    assert!(score(&query) < plain - 0.2, "a 39-year gap");
    query.name = "Aiman Zawahri".into();
    let variant = score(&query);
    query.birth_date = PartialDate::parse_iso("1951-06-19");
    assert!(score(&query) > variant, "the listed date of birth");
}

#[test]
fn the_queries_reader_reconciles_in_skip_mode() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/screen/queries.csv");
    let policy = OnError::Skip { rejects: None };
    let (queries, report) = read_queries(&path, &policy).expect("reads");
    assert_eq!(
        (report.rows_read, report.accepted, report.rejected),
        (6, 4, 2)
    );
    assert!(report.reconciles());
    assert_eq!(queries.len(), 4);
    assert!(
        report.first_errors[0]
            .to_string()
            .ends_with("queries.csv: line 5: name is empty"),
        "{report:?}"
    );
    assert!(read_queries(&path, &OnError::Fail).is_err());
}

#[test]
fn skipped_queries_rows_go_to_a_rejects_file_in_the_shared_format() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/screen/queries.csv");
    let dir = tempfile::tempdir().expect("temp dir");
    let rejects = dir.path().join("rejects.csv");
    let policy = OnError::Skip {
        rejects: Some(rejects.clone()),
    };
    let (_, report) = read_queries(&path, &policy).expect("reads");
    assert!(report.reconciles());
    assert_eq!(report.rejected_by_kind[&"empty name"], 1);
    assert_eq!(report.rejected_by_kind[&"bad date"], 1);
    let written = std::fs::read_to_string(&rejects).expect("rejects file");
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(lines[0], "file,location,column,kind,detail,row");
    assert!(
        lines[1].ends_with(r#","line 5","name","empty name","name is empty","4,,Person,,""#),
        "{written}"
    );
    assert!(
        lines[2].contains(r#","line 7","birth_date","bad date","#),
        "{written}"
    );
    assert_eq!(lines.len(), 3, "{written}");
}
