//! What an evaluation found: a serialisable [`EvalReport`] and the table the CLI prints.

use std::fmt;
use std::ops::Range;

use flowtrace_graph::time::format_iso8601;
use flowtrace_graph::Transfers;
use serde::Serialize;

use crate::metrics::ThresholdPoint;
use crate::predictions::{Level, ValueKind};
use crate::split::Split;
use crate::truth::TruthSource;
use crate::typology::{Detection, TypologyRow};

/// The transfers an evaluation covered.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SplitInfo {
    /// Which part.
    pub split: Split,
    /// First position in time order (0-based) of the part.
    pub start: u64,
    /// One past its last position.
    pub end: u64,
    /// Transfers in the whole world.
    pub total: u64,
    /// Time of the part's first transfer (ISO 8601, UTC), if it has any.
    pub from: Option<String>,
    /// Time of its last transfer.
    pub to: Option<String>,
}

impl SplitInfo {
    pub(crate) fn new(split: Split, ids: Range<usize>, transfers: &Transfers) -> SplitInfo {
        let time = |id: usize| format_iso8601(transfers.ts(id as u32));
        let (from, to) = match ids.is_empty() {
            true => (None, None),
            false => (Some(time(ids.start)), Some(time(ids.end - 1))),
        };
        SplitInfo {
            split,
            start: ids.start as u64,
            end: ids.end as u64,
            total: transfers.len() as u64,
            from,
            to,
        }
    }
}

/// Everything an evaluation measured. Serialise it with `serde_json` for `--json`; print it
/// (`Display`) for people.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvalReport {
    /// Transfers or accounts.
    pub level: Level,
    /// Scores or labels.
    pub kind: ValueKind,
    /// The transfers covered.
    pub split: SplitInfo,
    /// Where the truth came from.
    pub truth: TruthSource,
    /// Items evaluated (transfers, or accounts active in the split).
    pub items: u64,
    /// Of which illicit.
    pub illicit: u64,
    /// Precision, recall and F1 at the chosen threshold.
    pub at_threshold: ThresholdPoint,
    /// The same at the threshold with the best F1 (`None` without a score).
    pub best: Option<ThresholdPoint>,
    /// Average precision, the area under the PR curve (`None` without an illicit item).
    pub average_precision: Option<f64>,
    /// Share of an instance's items that must be flagged for it to be found (0: any one).
    pub instance_share: f64,
    /// Per typology, at the chosen threshold (empty when the truth came from labels).
    pub typologies: Vec<TypologyRow>,
    /// Totals over all typologies (`None` when the truth came from labels).
    pub typology_total: Option<TypologyRow>,
    /// Transfers in the whole world whose `Is Laundering` label contradicts the truth.
    pub label_disagreements: u64,
}

impl EvalReport {
    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    fn item_name(&self) -> &'static str {
        match self.level {
            Level::Transfer => "transfers",
            Level::Account => "accounts",
        }
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_header(f)?;
        writeln!(f)?;
        self.fmt_metrics(f)?;
        if let Some(total) = &self.typology_total {
            writeln!(f)?;
            self.fmt_typologies(f, total)?;
        }
        if self.label_disagreements > 0 {
            let n = self.label_disagreements;
            writeln!(f)?;
            writeln!(
                f,
                "warning: {n} transfers' Is Laundering labels disagree with the truth"
            )?;
        }
        Ok(())
    }
}

impl EvalReport {
    fn fmt_header(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Transfer => "transfer",
            Level::Account => "account",
        };
        let kind = match self.kind {
            ValueKind::Score => "scores",
            ValueKind::Label => "labels",
        };
        let s = &self.split;
        write!(f, "{level} {kind}, split {}: ", s.split)?;
        write!(
            f,
            "transfers {}..{} of {} in time order",
            s.start, s.end, s.total
        )?;
        match (&s.from, &s.to) {
            (Some(from), Some(to)) => writeln!(f, " ({from} .. {to})")?,
            _ => writeln!(f)?,
        }
        let source = match self.truth {
            TruthSource::Patterns => "truth file",
            TruthSource::Labels => "Is Laundering labels",
        };
        let share = percent(ratio(self.illicit, self.items));
        let items = self.item_name();
        writeln!(
            f,
            "truth: {source}; {} of {} {items} illicit ({share})",
            self.illicit, self.items
        )
    }

    fn fmt_metrics(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<16} {:>10} {:>10} {:>10} {:>10} {:>9} {:>8} {:>8} {:>8} {:>9}",
            "", "threshold", "precision", "recall", "F1", "flagged", "TP", "FP", "FN", "TN"
        )?;
        fmt_point(f, "at threshold", &self.at_threshold)?;
        if let Some(best) = &self.best {
            fmt_point(f, "best F1", best)?;
        }
        let ap = self
            .average_precision
            .map_or("-".to_string(), |v| format!("{v:.4}"));
        writeln!(f, "{:<16} {ap:>10}", "PR-AUC (AP)")
    }

    fn fmt_typologies(&self, f: &mut fmt::Formatter<'_>, total: &TypologyRow) -> fmt::Result {
        let share = match self.instance_share {
            0.0 => "any one item flagged".to_string(),
            s => format!("at least {} of its items flagged", percent(Some(s))),
        };
        writeln!(
            f,
            "at threshold {}; an instance is found with {share}",
            self.at_threshold.threshold
        )?;
        writeln!(
            f,
            "{:<18} {:<11} {:>9} {:>8} {:>8} {:>9} {:>7} {:>8}",
            "typology",
            "role",
            self.item_name(),
            "flagged",
            "recall",
            "instances",
            "found",
            "found %"
        )?;
        for row in self.typologies.iter().chain([total]) {
            fmt_typology(f, row)?;
        }
        Ok(())
    }
}

fn fmt_point(f: &mut fmt::Formatter<'_>, name: &str, p: &ThresholdPoint) -> fmt::Result {
    let c = &p.confusion;
    writeln!(
        f,
        "{name:<16} {:>10} {:>10.4} {:>10.4} {:>10.4} {:>9} {:>8} {:>8} {:>8} {:>9}",
        p.threshold,
        p.precision,
        p.recall,
        p.f1,
        c.flagged(),
        c.true_pos,
        c.false_pos,
        c.false_neg,
        c.true_neg
    )
}

/// The pattern line, and the propagated and combined lines when there is anything propagated.
fn fmt_typology(f: &mut fmt::Formatter<'_>, row: &TypologyRow) -> fmt::Result {
    fmt_detection(f, &row.typology, "pattern", &row.pattern)?;
    if row.propagated.items > 0 {
        fmt_detection(f, "", "propagated", &row.propagated)?;
        fmt_detection(f, "", "both", &row.all)?;
    }
    Ok(())
}

fn fmt_detection(f: &mut fmt::Formatter<'_>, name: &str, role: &str, d: &Detection) -> fmt::Result {
    writeln!(
        f,
        "{name:<18} {role:<11} {:>9} {:>8} {:>8} {:>9} {:>7} {:>8}",
        d.items,
        d.flagged,
        percent(d.recall),
        d.instances,
        d.found,
        percent(d.found_rate)
    )
}

fn ratio(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

fn percent(value: Option<f64>) -> String {
    value.map_or("-".to_string(), |v| format!("{:.2}%", 100.0 * v))
}
