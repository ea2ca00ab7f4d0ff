//! Evaluation proper: pairs each transfer or account of the chosen split with its score and its
//! truth, then computes the metrics and the typology table.

use std::ops::Range;

use crate::error::EvalError;
use crate::metrics::{at_threshold, average_precision, best_threshold, is_flagged};
use crate::predictions::{Level, Predictions};
use crate::report::{EvalReport, SplitInfo};
use crate::split::Split;
use crate::truth::TruthSource;
use crate::typology::{typology_table, Member};
use crate::world::World;

/// How to evaluate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EvalOptions {
    /// Scores at or above this are flagged (default 0.5; labels are scores 0 and 1).
    pub threshold: f64,
    /// Which part of the transfers, in time order (default: all of them).
    pub split: Split,
    /// Share of an instance's items that must be flagged for it to count as found, in [0, 1]
    /// (default 0: at least one).
    pub instance_share: f64,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            threshold: 0.5,
            split: Split::All,
            instance_share: 0.0,
        }
    }
}

/// Each evaluated item's score and truth, and the illicit items' instance memberships.
#[derive(Default)]
struct Scored {
    scores: Vec<f64>,
    truth: Vec<bool>,
    members: Vec<Member>,
}

/// Scores `predictions` against `world` on the transfers of `options.split`.
///
/// At transfer level every transfer of the split is an item. At account level an item is an
/// account that pays or receives in a transfer of the split, and it is illicit when one of
/// those transfers is; accounts that take no part in the split are left out, whatever their
/// score.
pub fn evaluate(
    world: &World,
    predictions: &Predictions,
    options: &EvalOptions,
) -> Result<EvalReport, EvalError> {
    check_options(options)?;
    let ids = options.split.range(world.rows());
    let scored = match predictions.level {
        Level::Transfer => transfers(world, &predictions.values, ids.clone(), options)?,
        Level::Account => accounts(world, &predictions.values, ids.clone(), options)?,
    };
    let truth = world.truth();
    let typologies = (truth.source() == TruthSource::Patterns)
        .then(|| typology_table(&scored.members, truth.typologies(), options.instance_share));
    let (typologies, typology_total) = match typologies {
        Some((rows, total)) => (rows, Some(total)),
        None => (Vec::new(), None),
    };
    Ok(EvalReport {
        level: predictions.level,
        kind: predictions.kind,
        split: SplitInfo::new(options.split, ids, world.transfers()),
        truth: truth.source(),
        items: scored.scores.len() as u64,
        illicit: scored.truth.iter().filter(|&&t| t).count() as u64,
        at_threshold: at_threshold(&scored.scores, &scored.truth, options.threshold),
        best: best_threshold(&scored.scores, &scored.truth),
        average_precision: average_precision(&scored.scores, &scored.truth),
        instance_share: options.instance_share,
        typologies,
        typology_total,
        label_disagreements: world.label_disagreements(),
    })
}

fn check_options(options: &EvalOptions) -> Result<(), EvalError> {
    if options.threshold.is_nan() {
        return Err(EvalError::BadOption(
            "the threshold must be a number".into(),
        ));
    }
    if !(0.0..=1.0).contains(&options.instance_share) {
        let share = options.instance_share;
        let message = format!("the instance share must be between 0 and 1, not {share}");
        return Err(EvalError::BadOption(message));
    }
    Ok(())
}

fn check_len(what: &'static str, values: &[f64], expected: usize) -> Result<(), EvalError> {
    if values.len() == expected {
        return Ok(());
    }
    Err(EvalError::Mismatch {
        what,
        expected,
        found: values.len(),
    })
}

/// Transfer level: one item per transfer in `ids`, its member key its row.
fn transfers(
    world: &World,
    values: &[f64],
    ids: Range<usize>,
    options: &EvalOptions,
) -> Result<Scored, EvalError> {
    check_len("transfer predictions", values, world.rows())?;
    let mut scored = Scored::default();
    for id in ids {
        let row = world.row_of(id as u32);
        let score = values[row];
        let entry = world.truth().get(row);
        scored.scores.push(score);
        scored.truth.push(entry.is_some());
        if let Some(e) = entry {
            scored.members.push(Member {
                typology: e.typology,
                pattern_id: e.pattern_id,
                role: e.role,
                item: row as u64,
                flagged: is_flagged(score, options.threshold),
            });
        }
    }
    Ok(scored)
}

/// Account level: one item per account active in `ids`, in account-id order.
fn accounts(
    world: &World,
    values: &[f64],
    ids: Range<usize>,
    options: &EvalOptions,
) -> Result<Scored, EvalError> {
    check_len("account predictions", values, world.accounts().len())?;
    let transfers = world.transfers();
    let mut active = vec![false; values.len()];
    let mut illicit = vec![false; values.len()];
    let mut scored = Scored::default();
    for id in ids {
        let id = id as u32;
        let entry = world.truth().get(world.row_of(id));
        for account in [transfers.src(id), transfers.dst(id)] {
            let a = account as usize;
            active[a] = true;
            let Some(e) = entry else { continue };
            illicit[a] = true;
            scored.members.push(Member {
                typology: e.typology,
                pattern_id: e.pattern_id,
                role: e.role,
                item: u64::from(account),
                flagged: is_flagged(values[a], options.threshold),
            });
        }
    }
    for (a, _) in active.iter().enumerate().filter(|(_, &on)| on) {
        scored.scores.push(values[a]);
        scored.truth.push(illicit[a]);
    }
    Ok(scored)
}
