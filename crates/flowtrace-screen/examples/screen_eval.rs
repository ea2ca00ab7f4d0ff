//! The labelled set's numbers, for working on the matcher: precision / recall / F1 per category
//! at the default threshold, recall through the index, and with `--misses` every pair decided
//! wrong (pair by pair or through the index) with its best explanation. `flowtrace screen
//! --eval` prints the same report for users; this adds the misses.
//!
//! ```text
//! cargo run --release -p flowtrace-screen --example screen_eval -- \
//!     --list tests/data/screen/entities.jsonl --pairs tests/data/screen/pairs.csv --misses
//! ```
//!
//! `--list` may be given more than once (the independent category's OFAC entities are in a
//! second file). `--show NAME` prints the hits for one name through the index (any number of
//! times) and skips the pairs. `--sweep` prints precision / recall / F1 pair by pair at
//! thresholds from 0.70 to 0.90 and the highest score of a non-match, to choose the default.

use std::path::PathBuf;

use flowtrace_screen::eval::{evaluate, read_pairs, score_pairs};
use flowtrace_screen::{read_watchlist, ScreenOptions, Screener, Watchlist, DEFAULT_THRESHOLD};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (mut lists, mut pairs, mut misses) = (Vec::new(), None, false);
    let (mut shown, mut sweep) = (Vec::new(), false);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--list" => lists.extend(args.next().map(PathBuf::from)),
            "--pairs" => pairs = args.next().map(PathBuf::from),
            "--misses" => misses = true,
            "--show" => shown.extend(args.next()),
            "--sweep" => sweep = true,
            _ => return Err(format!("unknown flag {flag}").into()),
        }
    }
    if lists.is_empty() {
        return Err("--list is required".into());
    }
    let mut list = Watchlist::default();
    for path in &lists {
        list.extend(read_watchlist(path)?);
    }
    let screener = Screener::new(list);
    if !shown.is_empty() {
        for name in &shown {
            let query = flowtrace_screen::Query::name("show", name.as_str());
            for hit in screener.screen(&query, &ScreenOptions::default()) {
                let id = &screener.entity(&hit).id;
                println!("{name:?} -> {id} {:.3} {}", hit.score, hit.explanation);
            }
        }
        return Ok(());
    }
    let pairs = read_pairs(&pairs.ok_or("--pairs is required")?)?;
    let scores = score_pairs(&screener, &pairs);
    print!(
        "{}",
        evaluate("flowtrace", &pairs, &scores, DEFAULT_THRESHOLD)
    );
    if sweep {
        print_sweep(&pairs, &scores);
    }
    let options = ScreenOptions::default();
    let (mut found, mut total) = (0, 0);
    for (pair, &score) in pairs.iter().zip(&scores) {
        let wrong = (score >= DEFAULT_THRESHOLD) != pair.label;
        let mut lost = false;
        if pair.label {
            total += 1;
            let hits = screener.screen(&pair.query, &options);
            if hits.iter().any(|h| screener.entity(h).id == pair.entity) {
                found += 1;
            } else {
                lost = true;
            }
        }
        if misses && (wrong || lost) {
            let what = if wrong { "pair" } else { "index" };
            let position = screener
                .list()
                .entities
                .iter()
                .position(|e| e.id == pair.entity);
            let hit = position.and_then(|e| screener.score_entity(&pair.query, e));
            let explained = hit.map_or("no name shares a token".to_owned(), |h| {
                format!(
                    "{:.3} {} [{}]",
                    h.score, h.explanation, h.explanation.matched_name
                )
            });
            println!(
                "MISS {what} {} {} {:?} -> {}: {explained}",
                pair.category, pair.query.id, pair.query.name, pair.entity
            );
        }
    }
    println!(
        "index recall {found}/{total} = {:.3}",
        found as f64 / total.max(1) as f64
    );
    Ok(())
}

/// Precision, recall and F1 at thresholds 0.70 to 0.90, and the best-scoring non-match.
fn print_sweep(pairs: &[flowtrace_screen::eval::LabelledPair], scores: &[f32]) {
    for step in 0..=20 {
        let threshold = 0.70 + step as f32 * 0.01;
        let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
        for (pair, &score) in pairs.iter().zip(scores) {
            match (pair.label, score >= threshold) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fneg += 1,
                (false, false) => {}
            }
        }
        let precision = tp as f64 / (tp + fp).max(1) as f64;
        let recall = tp as f64 / (tp + fneg).max(1) as f64;
        let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
        println!(
            "sweep {threshold:.2} precision {precision:.3} recall {recall:.3} F1 {f1:.3} FP {fp}"
        );
    }
    let worst = pairs
        .iter()
        .zip(scores)
        .filter(|(p, _)| !p.label)
        .max_by(|a, b| a.1.total_cmp(b.1));
    if let Some((pair, score)) = worst {
        println!(
            "highest non-match {score:.3}: {} {:?} -> {}",
            pair.category, pair.query.name, pair.entity
        );
    }
}
