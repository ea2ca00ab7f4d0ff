//! Scoring a matcher on labelled pairs: precision, recall and F1 per category and overall at a
//! threshold, the threshold with the best F1, and recall through the index (does screening the
//! whole list find the pair's entity). The set itself, `tests/data/screen/pairs.csv` with the
//! entities in `entities.jsonl`, is made from the UN list by `bench/screen_evalset.py`.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use crate::matcher::Query;
use crate::queries::{read_queries, OnError, QueryError};
use crate::screener::{ScreenOptions, Screener};

/// One labelled pair: a query and the listed entity it is or is not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelledPair {
    /// The query (its id is the pair number).
    pub query: Query,
    /// `spelling`, `hard_negative`...
    pub category: String,
    /// Whether the query is the entity.
    pub label: bool,
    /// The entity's id in the list.
    pub entity: String,
}

/// Reads a pairs file: the queries columns (`pair` as id) plus `category`, `label` (0/1) and
/// `entity`. Any bad row fails the read: the set is the project's own file.
pub fn read_pairs(path: &Path) -> Result<Vec<LabelledPair>, QueryError> {
    let (queries, _) = read_queries(path, &OnError::Fail)?;
    let mut reader = csv::Reader::from_path(path).map_err(|e| QueryError::Bad {
        path: path.to_owned(),
        line: 1,
        reason: e.to_string(),
    })?;
    let header = reader.headers().cloned().unwrap_or_default();
    let column = |name: &str| header.iter().position(|h| h == name);
    let (Some(c), Some(l), Some(e)) = (column("category"), column("label"), column("entity"))
    else {
        let reason = "a pairs file needs category, label and entity columns".to_owned();
        return Err(QueryError::Bad {
            path: path.to_owned(),
            line: 1,
            reason,
        });
    };
    let mut pairs = Vec::with_capacity(queries.len());
    for (row, query) in reader.records().zip(queries) {
        let row = row.map_err(|err| QueryError::Bad {
            path: path.to_owned(),
            line: 0,
            reason: err.to_string(),
        })?;
        let bad = |reason: String| QueryError::Bad {
            path: path.to_owned(),
            line: row.position().map_or(0, |p| p.line()),
            reason,
        };
        let label = match &row[l] {
            "1" => true,
            "0" => false,
            other => return Err(bad(format!("label {other:?} is not 0 or 1"))),
        };
        pairs.push(LabelledPair {
            query,
            category: row[c].to_owned(),
            label,
            entity: row[e].to_owned(),
        });
    }
    Ok(pairs)
}

/// Scores every pair against its entity; a pair whose entity is not in the list scores 0.
pub fn score_pairs(screener: &Screener, pairs: &[LabelledPair]) -> Vec<f32> {
    let position: HashMap<&str, usize> = screener
        .list()
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    pairs
        .iter()
        .map(|p| {
            let entity = position.get(p.entity.as_str());
            let hit = entity.and_then(|&e| screener.score_entity(&p.query, e));
            hit.map_or(0.0, |h| h.score)
        })
        .collect()
}

/// Share of the matching pairs whose entity screening the whole list returns (at `options`).
pub fn index_recall(
    screener: &Screener,
    pairs: &[LabelledPair],
    options: &ScreenOptions,
) -> (usize, usize) {
    let matches = pairs.iter().filter(|p| p.label);
    let found = matches
        .clone()
        .filter(|p| {
            screener
                .screen(&p.query, options)
                .iter()
                .any(|h| screener.entity(h).id == p.entity)
        })
        .count();
    (found, matches.count())
}

/// Confusion counts of one category (or all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matches scored at or above the threshold.
    pub true_positive: usize,
    /// Matches below it.
    pub false_negative: usize,
    /// Non-matches at or above it.
    pub false_positive: usize,
    /// Non-matches below it.
    pub true_negative: usize,
}

impl Counts {
    fn add(&mut self, label: bool, hit: bool) {
        match (label, hit) {
            (true, true) => self.true_positive += 1,
            (true, false) => self.false_negative += 1,
            (false, true) => self.false_positive += 1,
            (false, false) => self.true_negative += 1,
        }
    }

    /// TP / (TP + FP); `None` when nothing was flagged.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }

    /// TP / (TP + FN); `None` without matches.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }

    /// Harmonic mean of precision and recall; `None` when either is undefined.
    pub fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        Some(if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        })
    }

    /// Share of pairs decided right.
    pub fn accuracy(&self) -> f64 {
        let right = self.true_positive + self.true_negative;
        right as f64 / (right + self.false_positive + self.false_negative).max(1) as f64
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Metrics of one matcher's scores on the pairs.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalReport {
    /// Who scored: `flowtrace`, `nomenklatura logic-v2`.
    pub matcher: String,
    /// The threshold the counts are at.
    pub threshold: f32,
    /// Counts per category, by name.
    pub categories: BTreeMap<String, Counts>,
    /// Counts over all pairs.
    pub overall: Counts,
    /// The threshold with the best overall F1 (to 0.01) and that F1.
    pub best: (f32, f64),
}

/// Metrics of `scores` (one per pair) at `threshold`.
pub fn evaluate(
    matcher: &str,
    pairs: &[LabelledPair],
    scores: &[f32],
    threshold: f32,
) -> EvalReport {
    let counts_at = |t: f32| {
        let mut categories: BTreeMap<String, Counts> = BTreeMap::new();
        let mut overall = Counts::default();
        for (p, &s) in pairs.iter().zip(scores) {
            categories
                .entry(p.category.clone())
                .or_default()
                .add(p.label, s >= t);
            overall.add(p.label, s >= t);
        }
        (categories, overall)
    };
    let best = (1..100)
        .map(|i| i as f32 / 100.0)
        .map(|t| (t, counts_at(t).1.f1().unwrap_or(0.0)))
        .fold((0.0, -1.0), |b, x| if x.1 > b.1 { x } else { b });
    let (categories, overall) = counts_at(threshold);
    EvalReport {
        matcher: matcher.to_owned(),
        threshold,
        categories,
        overall,
        best,
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |x: Option<f64>| x.map_or("-".to_owned(), |v| format!("{v:.3}"));
        writeln!(f, "{} at threshold {:.2}", self.matcher, self.threshold)?;
        writeln!(
            f,
            "{:<16} {:>5} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6} {:>8}",
            "category", "TP", "FN", "FP", "TN", "precision", "recall", "F1", "accuracy"
        )?;
        let rows = self
            .categories
            .iter()
            .map(|(c, n)| (c.as_str(), n))
            .chain([("ALL", &self.overall)]);
        for (category, n) in rows {
            writeln!(
                f,
                "{category:<16} {:>5} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6} {:>8.3}",
                n.true_positive,
                n.false_negative,
                n.false_positive,
                n.true_negative,
                show(n.precision()),
                show(n.recall()),
                show(n.f1()),
                n.accuracy()
            )?;
        }
        writeln!(
            f,
            "best F1 {:.3} at threshold {:.2}",
            self.best.1, self.best.0
        )
    }
}
