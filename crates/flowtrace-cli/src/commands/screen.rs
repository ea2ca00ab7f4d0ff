//! `flowtrace screen`: names against watchlists, one hit a line; or a labelled set scored.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flowtrace_screen::eval::{evaluate, index_recall, read_pairs, score_pairs};
use flowtrace_screen::{
    read_accounts, read_queries, read_watchlist, Hit, Query, ScreenOptions, Screener, Watchlist,
    DEFAULT_THRESHOLD,
};

use crate::args::{GlobalArgs, ScreenArgs};
use crate::{output, Outcome};

pub fn run(global: &GlobalArgs, args: &ScreenArgs) -> Result<Outcome> {
    let mut list = Watchlist::default();
    for path in &args.lists {
        let one = read_watchlist(path)
            .with_context(|| format!("cannot read the list {}", path.display()))?;
        list.extend(one);
    }
    let screener = Screener::new(list);
    let options = ScreenOptions {
        threshold: args.threshold.unwrap_or(DEFAULT_THRESHOLD),
        limit: args.limit,
    };
    if let Some(pairs) = &args.eval {
        return eval(&screener, pairs, args.peer_scores.as_deref(), &options);
    }
    let (queries, rejected) = queries(args)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if !args.json {
        out.write_all(b"query_id,entity_id,list,reference,matched_name,score,explanation\n")?;
    }
    let mut hits = 0usize;
    for query in &queries {
        for hit in screener.screen(query, &options) {
            hits += 1;
            let line = if args.json {
                json_line(&screener, query, &hit)?
            } else {
                csv_line(&screener, query, &hit)?
            };
            out.write_all(line.as_bytes())?;
        }
    }
    out.flush()?;
    if !global.quiet {
        let entities = screener.list().len();
        eprintln!(
            "screened {} queries against {entities} listed parties: {hits} hits",
            queries.len()
        );
    }
    Ok(Outcome {
        rejected_rows: rejected,
    })
}

/// The queries to screen and how many rows were set aside.
fn queries(args: &ScreenArgs) -> Result<(Vec<Query>, u64)> {
    if let Some(name) = &args.name {
        return Ok((vec![Query::name("1", name.as_str())], 0));
    }
    let policy = crate::input::on_error(args.on_error, args.rejects.as_deref())?;
    let (queries, report) = match (&args.queries, &args.transfers) {
        (Some(path), _) => read_queries(path, &policy)?,
        (None, Some(path)) => read_accounts(&accounts_file(path), &policy)?,
        (None, None) => bail!("give --name, --queries, --transfers or --eval"),
    };
    for error in &report.first_errors {
        eprintln!("rejected: line {}: {}", error.line, error.reason);
    }
    if report.rejected > 0 {
        eprintln!(
            "read {} rows = {} accepted + {} rejected",
            report.rows_read, report.accepted, report.rejected
        );
    }
    Ok((queries, report.rejected))
}

/// A world directory's accounts file, or the file itself.
fn accounts_file(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join("accounts.csv")
    } else {
        path.to_path_buf()
    }
}

fn csv_line(screener: &Screener, query: &Query, hit: &Hit) -> Result<String> {
    let entity = screener.entity(hit);
    let mut w = csv::Writer::from_writer(Vec::new());
    let score = format!("{:.3}", hit.score);
    let explanation = hit.explanation.to_string();
    w.write_record([
        query.id.as_str(),
        &entity.id,
        &entity.list,
        &entity.reference,
        &hit.explanation.matched_name,
        &score,
        &explanation,
    ])?;
    Ok(String::from_utf8(w.into_inner()?)?)
}

fn json_line(screener: &Screener, query: &Query, hit: &Hit) -> Result<String> {
    let entity = screener.entity(hit);
    let value = serde_json::json!({
        "query_id": query.id,
        "entity_id": entity.id,
        "list": entity.list,
        "reference": entity.reference,
        "matched_name": hit.explanation.matched_name,
        "score": (f64::from(hit.score) * 1000.0).round() / 1000.0,
        "explanation": hit.explanation.to_string(),
    });
    Ok(format!("{value}\n"))
}

/// Scores a labelled set with flowtrace and, when given, another matcher's scores.
fn eval(
    screener: &Screener,
    pairs: &Path,
    peer: Option<&Path>,
    options: &ScreenOptions,
) -> Result<Outcome> {
    let pairs = read_pairs(pairs)?;
    let scores = score_pairs(screener, &pairs);
    let mut text = evaluate("flowtrace", &pairs, &scores, options.threshold).to_string();
    let (found, total) = index_recall(screener, &pairs, options);
    writeln!(
        text,
        "screening the whole list finds {found} of {total} matches ({:.3})",
        found as f64 / total.max(1) as f64
    )?;
    if let Some(peer) = peer {
        let (name, threshold, peer_scores) = read_peer(peer, &pairs)?;
        text.push('\n');
        text.push_str(&evaluate(&name, &pairs, &peer_scores, threshold).to_string());
    }
    output::print(&text)?;
    Ok(Outcome::default())
}

/// A peer's scores: CSV `id,score` in any order; its first line may be `# name threshold`.
fn read_peer(
    path: &Path,
    pairs: &[flowtrace_screen::eval::LabelledPair],
) -> Result<(String, f32, Vec<f32>)> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let (mut name, mut threshold) = ("peer".to_owned(), 0.7f32);
    let mut by_id = std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(head) = line.strip_prefix("# ") {
            if let Some((n, t)) = head.rsplit_once(' ') {
                name = n.to_owned();
                threshold = t.parse().with_context(|| {
                    format!("{}: line {}: bad threshold", path.display(), i + 1)
                })?;
            }
            continue;
        }
        let Some((id, score)) = line.split_once(',') else {
            continue;
        };
        if id == "id" {
            continue;
        }
        let score: f32 = score
            .trim()
            .parse()
            .with_context(|| format!("{}: line {}: bad score", path.display(), i + 1))?;
        by_id.insert(id.to_owned(), score);
    }
    let scores = pairs
        .iter()
        .map(|p| by_id.get(&p.query.id).copied())
        .collect::<Option<Vec<f32>>>();
    let Some(scores) = scores else {
        bail!("{}: does not score every pair of the set", path.display());
    };
    Ok((name, threshold, scores))
}
