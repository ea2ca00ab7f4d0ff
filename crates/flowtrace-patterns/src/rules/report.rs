//! What a run of the rules returns: the hits, counts per rule and per-transfer scores.

use flowtrace_graph::TransferId;

use super::{RuleHit, RuleKind};

/// Every hit of one run, sorted by rule and then by transfers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RuleReport {
    hits: Vec<RuleHit>,
    counts: [usize; RuleKind::ALL.len()],
}

impl RuleReport {
    /// A report of `hits`, which the caller has sorted.
    pub(crate) fn new(hits: Vec<RuleHit>) -> RuleReport {
        let mut counts = [0; RuleKind::ALL.len()];
        for hit in &hits {
            counts[hit.rule as usize] += 1;
        }
        RuleReport { hits, counts }
    }

    /// All hits, sorted by rule, then by their transfers.
    pub fn hits(&self) -> &[RuleHit] {
        &self.hits
    }

    /// Gives the hits back.
    pub fn into_hits(self) -> Vec<RuleHit> {
        self.hits
    }

    /// The hits of one rule.
    pub fn hits_of(&self, rule: RuleKind) -> impl Iterator<Item = &RuleHit> {
        self.hits.iter().filter(move |h| h.rule == rule)
    }

    /// Number of hits of `rule`.
    pub fn count(&self, rule: RuleKind) -> usize {
        self.counts[rule as usize]
    }

    /// Number of hits of every rule, in [`RuleKind::ALL`] order (zeros included).
    pub fn counts(&self) -> Vec<(RuleKind, usize)> {
        RuleKind::ALL.iter().map(|&r| (r, self.count(r))).collect()
    }

    /// For each of `n` transfers (by id), the highest score of the hits containing it; 0 for a
    /// transfer no rule flagged. Ids at or beyond `n` are ignored.
    pub fn transfer_scores(&self, n: usize) -> Vec<f64> {
        let mut scores = vec![0.0; n];
        for hit in &self.hits {
            for &id in &hit.transfers {
                if let Some(s) = scores.get_mut(id as usize) {
                    *s = f64::max(*s, hit.score);
                }
            }
        }
        scores
    }

    /// Transfers flagged by at least one hit of `rule`, ascending and each once.
    pub fn flagged_by(&self, rule: RuleKind) -> Vec<TransferId> {
        let mut ids: Vec<TransferId> = self
            .hits_of(rule)
            .flat_map(|h| h.transfers.iter().copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(rule: RuleKind, transfers: &[TransferId], score: f64) -> RuleHit {
        RuleHit {
            rule,
            transfers: transfers.to_vec(),
            accounts: vec![0],
            score,
            why: String::new(),
        }
    }

    #[test]
    fn scores_take_the_strongest_hit_per_transfer() {
        let report = RuleReport::new(vec![
            hit(RuleKind::FanOut, &[0, 2], 0.5),
            hit(RuleKind::FanOut, &[2, 3], 0.75),
            hit(RuleKind::TemporalCycle, &[3, 9], 0.5),
        ]);
        assert_eq!(report.transfer_scores(5), [0.5, 0.0, 0.75, 0.75, 0.0]);
        assert_eq!(report.count(RuleKind::FanOut), 2);
        assert_eq!(report.count(RuleKind::FanIn), 0);
        assert_eq!(report.counts().len(), RuleKind::ALL.len());
        assert_eq!(report.flagged_by(RuleKind::FanOut), [0, 2, 3]);
    }
}
