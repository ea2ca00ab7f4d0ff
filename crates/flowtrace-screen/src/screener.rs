//! [`Screener`]: a watchlist made ready to screen names against. Building it reads every listed
//! name once (tokens, weights, index keys); a query then touches only the names that share a
//! key with it, scores the most promising of them token by token, keeps each entity's best
//! name, applies the birth-date / nationality / schema adjustments and explains every hit.

use std::cell::RefCell;

use crate::index::KeyIndex;
use crate::matcher::{
    adjustments, align, analyse, Alignment, Explanation, NameForm, Query, WEAK_ALIAS_FACTOR,
};
use crate::model::{ListedEntity, NameQuality, Watchlist};

/// The threshold `flowtrace screen` uses unless told otherwise, chosen on the labelled set in
/// `tests/data/screen/` (see BENCHMARKS.md): the best F1 there.
pub const DEFAULT_THRESHOLD: f32 = 0.80;

/// At most this many names are scored per query, the ones sharing the most key weight first.
const MAX_SCORED: usize = 32;

/// How many hits to return and from what score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenOptions {
    /// Hits below this score are dropped.
    pub threshold: f32,
    /// At most this many hits, best first.
    pub limit: usize,
}

impl Default for ScreenOptions {
    fn default() -> Self {
        ScreenOptions {
            threshold: DEFAULT_THRESHOLD,
            limit: 10,
        }
    }
}

/// One listed entity found for a query.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Position of the entity in [`Screener::list`].
    pub entity: usize,
    /// Final score in 0..=1.
    pub score: f32,
    /// Which name matched, token by token, and what moved the score.
    pub explanation: Explanation,
}

/// How much of the list a query touched, to show the index keeps work small.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueryWork {
    /// Names that shared at least one key with the query.
    pub touched: usize,
    /// Names scored token by token.
    pub scored: usize,
}

struct IndexedName {
    entity: u32,
    name: u16,
    form: NameForm,
    weights: Vec<f32>,
}

/// A watchlist indexed for screening.
pub struct Screener {
    list: Watchlist,
    names: Vec<IndexedName>,
    index: KeyIndex,
}

thread_local! {
    /// Per-thread scratch: key weight gathered per name, and which query token last counted.
    static SCRATCH: RefCell<(Vec<f32>, Vec<u32>, u32)> = const { RefCell::new((Vec::new(), Vec::new(), 0)) };
}

impl Screener {
    /// Indexes every name of every entity.
    pub fn new(list: Watchlist) -> Self {
        let mut names = Vec::new();
        let mut index = KeyIndex::default();
        for (e, entity) in list.entities.iter().enumerate() {
            for (n, name) in entity.names.iter().enumerate().take(usize::from(u16::MAX)) {
                let form = analyse(&name.full);
                if form.tokens.is_empty() {
                    continue;
                }
                index.add(names.len() as u32, &form.tokens);
                names.push(IndexedName {
                    entity: e as u32,
                    name: n as u16,
                    form,
                    weights: Vec::new(),
                });
            }
        }
        for n in &mut names {
            n.weights = n.form.tokens.iter().map(|t| index.weight(t)).collect();
        }
        Screener { list, names, index }
    }

    /// The list screened against.
    pub fn list(&self) -> &Watchlist {
        &self.list
    }

    /// The entity a hit points at.
    pub fn entity(&self, hit: &Hit) -> &ListedEntity {
        &self.list.entities[hit.entity]
    }

    /// Number of names indexed and of distinct index keys.
    pub fn size(&self) -> (usize, usize) {
        (self.names.len(), self.index.keys())
    }

    /// The entities whose names match the query, best first.
    pub fn screen(&self, query: &Query, options: &ScreenOptions) -> Vec<Hit> {
        self.screen_with_work(query, options).0
    }

    /// [`Screener::screen`], also saying how much of the list the query touched.
    pub fn screen_with_work(
        &self,
        query: &Query,
        options: &ScreenOptions,
    ) -> (Vec<Hit>, QueryWork) {
        let form = analyse(&query.name);
        if form.tokens.is_empty() {
            return (Vec::new(), QueryWork::default());
        }
        let weights: Vec<f32> = form.tokens.iter().map(|t| self.index.weight(t)).collect();
        let (candidates, touched) = self.candidates(&form, &weights, options.threshold);
        let work = QueryWork {
            touched,
            scored: candidates.len(),
        };
        let mut best: Vec<(u32, f32, u32, Alignment)> = Vec::new();
        for name in candidates {
            let (score, alignment) = self.name_score(&form, &weights, name);
            let entity = self.names[name as usize].entity;
            match best.iter_mut().find(|b| b.0 == entity) {
                Some(b) if b.1 >= score => {}
                Some(b) => *b = (entity, score, name, alignment),
                None => best.push((entity, score, name, alignment)),
            }
        }
        let mut hits: Vec<Hit> = best
            .into_iter()
            .filter_map(|(_, _, name, alignment)| {
                self.hit(query, &form, name, alignment, options.threshold)
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entity.cmp(&b.entity)));
        hits.truncate(options.limit);
        (hits, work)
    }

    /// The query scored against one entity (all its names), without the index: for evaluating
    /// labelled pairs. `None` when no name shares a token.
    pub fn score_entity(&self, query: &Query, entity: usize) -> Option<Hit> {
        let form = analyse(&query.name);
        let weights: Vec<f32> = form.tokens.iter().map(|t| self.index.weight(t)).collect();
        let start = self.names.partition_point(|n| (n.entity as usize) < entity);
        let end = self
            .names
            .partition_point(|n| (n.entity as usize) <= entity);
        let (name, alignment) = (start..end)
            .map(|n| (n as u32, self.name_score(&form, &weights, n as u32)))
            .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0))
            .map(|(n, (_, a))| (n, a))?;
        self.hit(query, &form, name, alignment, f32::NEG_INFINITY)
    }

    /// Names sharing key weight with the query, most first, at most [`MAX_SCORED`], and the
    /// number touched. A name is kept only when its shared weight could reach the threshold
    /// with room for spellings whose keys differ.
    fn candidates(&self, form: &NameForm, weights: &[f32], threshold: f32) -> (Vec<u32>, usize) {
        SCRATCH.with(|scratch| {
            let (gathered, stamp, epoch) = &mut *scratch.borrow_mut();
            if gathered.len() < self.names.len() {
                gathered.resize(self.names.len(), 0.0);
                stamp.resize(self.names.len(), 0);
            }
            let mut touched: Vec<u32> = Vec::new();
            for (token, weight) in form.tokens.iter().zip(weights) {
                *epoch = epoch.wrapping_add(1);
                self.index.lookup(token, |names| {
                    for &n in names {
                        let i = n as usize;
                        if stamp[i] == *epoch {
                            continue;
                        }
                        stamp[i] = *epoch;
                        if gathered[i] == 0.0 {
                            touched.push(n);
                        }
                        gathered[i] += weight;
                    }
                });
            }
            let total: f32 = weights.iter().sum();
            let floor = total * (threshold - 0.35).max(0.15);
            let mut kept: Vec<(f32, u32)> = touched
                .iter()
                .map(|&n| (gathered[n as usize], n))
                .filter(|(g, _)| *g >= floor)
                .collect();
            let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            // Only the best few are scored: select them before sorting (hundreds are touched).
            if kept.len() > MAX_SCORED {
                kept.select_nth_unstable_by(MAX_SCORED, order);
                kept.truncate(MAX_SCORED);
            }
            kept.sort_by(order);
            for &n in &touched {
                gathered[n as usize] = 0.0;
            }
            (kept.into_iter().map(|(_, n)| n).collect(), touched.len())
        })
    }

    fn name_score(&self, form: &NameForm, weights: &[f32], name: u32) -> (f32, Alignment) {
        let listed = &self.names[name as usize];
        let alignment = align(&form.tokens, weights, &listed.form.tokens, &listed.weights);
        let quality =
            self.list.entities[listed.entity as usize].names[usize::from(listed.name)].quality;
        let factor = if quality == NameQuality::Low {
            WEAK_ALIAS_FACTOR
        } else {
            1.0
        };
        (alignment.score * factor, alignment)
    }

    /// The hit for a name's alignment, when its final score reaches `threshold` (the
    /// explanation is built only then: most candidates fall short).
    fn hit(
        &self,
        query: &Query,
        form: &NameForm,
        name: u32,
        alignment: Alignment,
        threshold: f32,
    ) -> Option<Hit> {
        let listed = &self.names[name as usize];
        let entity = &self.list.entities[listed.entity as usize];
        let listed_name = &entity.names[usize::from(listed.name)];
        let factor = if listed_name.quality == NameQuality::Low {
            WEAK_ALIAS_FACTOR
        } else {
            1.0
        };
        let adjustments = adjustments(
            query.birth_date,
            query.nationality.as_deref(),
            query.schema,
            entity,
        );
        let delta: f32 = adjustments.iter().map(|a| a.delta).sum();
        let score = (alignment.score * factor + delta).clamp(0.0, 1.0);
        if score < threshold {
            return None;
        }
        let explanation = explain(form, listed, listed_name, &alignment, adjustments);
        Some(Hit {
            entity: listed.entity as usize,
            score,
            explanation,
        })
    }
}

fn explain(
    form: &NameForm,
    listed: &IndexedName,
    listed_name: &crate::model::ListedName,
    alignment: &Alignment,
    adjustments: Vec<crate::matcher::Adjustment>,
) -> Explanation {
    let (q, l) = (&form.tokens, &listed.form.tokens);
    let pairs = alignment
        .pairs
        .iter()
        .map(|p| {
            (
                q[p.query].text.clone(),
                l[p.listed].text.clone(),
                p.similarity,
                p.how,
            )
        })
        .collect();
    let unmatched = |tokens: &[crate::matcher::Token], used: &dyn Fn(usize) -> bool| {
        let free = tokens.iter().enumerate().filter(|(i, _)| !used(*i));
        free.map(|(_, t)| t.text.clone()).collect()
    };
    let particles = form.particles.iter().chain(&listed.form.particles);
    Explanation {
        matched_name: listed_name.full.clone(),
        kind: listed_name.kind,
        quality: listed_name.quality,
        pairs,
        unmatched_query: unmatched(q, &|i| alignment.pairs.iter().any(|p| p.query == i)),
        unmatched_listed: unmatched(l, &|i| alignment.pairs.iter().any(|p| p.listed == i)),
        particles: particles.cloned().collect(),
        name_score: alignment.score,
        adjustments,
    }
}
