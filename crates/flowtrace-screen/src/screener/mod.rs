//! [`Screener`]: a watchlist made ready to screen names against. Building it reads every listed
//! name once (tokens, weights, index keys); a query then touches only the names that share a
//! key with it, scores the most promising of them token by token, keeps each entity's best
//! name, applies the birth-date / nationality / schema adjustments and explains every hit.

mod build;
mod candidates;
mod explain;
mod score;
mod scratch;

use std::cell::RefCell;
use std::collections::HashSet;

use foldhash::fast::FixedState;

use crate::index::KeyIndex;
use crate::matcher::{
    adjustments, analyse, Explanation, NameForm, Query, Sketch, StackAlignment, Token,
    WEAK_ALIAS_FACTOR,
};
use crate::matcher::{BIRTH_DATE_AGREES, MAX_TOKENS, NATIONALITY_AGREES};
use crate::model::{ListedEntity, NameQuality, Watchlist};
use candidates::{ranked_name, select_best};
use explain::explain;
use flowtrace_memory::prefetch;
use score::NameTokens;
use scratch::Scratch;

/// The threshold `flowtrace screen` uses unless told otherwise, chosen on the labelled set in
/// `tests/data/screen/` (see BENCHMARKS.md): the best F1 there.
pub const DEFAULT_THRESHOLD: f32 = 0.80;

/// Names scored per query first, the most promising by shared key weight.
const FIRST_SCORED: usize = 32;

/// When none of the first names reaches the threshold, more are scored, up to this many in
/// all: a typo can move a rare token's key away from its name, and a one-token alias (Abu
/// Usama) is shared by dozens of longer names.
const MAX_SCORED: usize = 64;

/// How many hits to return and from what score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenOptions {
    /// Hits below this score are dropped.
    pub threshold: f32,
    /// At most this many hits, best first, and every hit tied with the last of them (an
    /// analyst sees all the entities a name matches equally well, never an arbitrary part).
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

/// A listed name as read, for explaining its hits.
struct IndexedName {
    entity: u32,
    name: u16,
    form: NameForm,
}

/// A watchlist indexed for screening.
pub struct Screener {
    list: Watchlist,
    names: Vec<IndexedName>,
    /// Per name, what scoring it reads.
    scoring: Vec<NameTokens>,
    /// The ids (in `tokens`) of every name's tokens, name after name.
    token_ids: Vec<u32>,
    /// The rarity weights of the same tokens.
    token_weights: Vec<f32>,
    /// Every distinct listed token once.
    tokens: Vec<Token>,
    /// The sketch of each of `tokens`, apart from them: most pairs a query meets are told
    /// unlike from these alone.
    sketches: Vec<Sketch>,
    /// Hashes of the texts of `tokens`, to tell a word some listed name writes from one none
    /// does (a collision would only skip a typo lookup).
    texts: HashSet<u64, FixedState>,
    /// `(total, factor)` of every name, apart from the rest: ranking candidates reads them for
    /// hundreds of names a query.
    totals: Vec<(f32, f32)>,
    index: KeyIndex,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Screener {
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
        let weights = self.query_weights(&form);
        let (mut candidates, touched) = self.candidates(&form, &weights, options.threshold);
        let mut scored = 0;
        let mut top = 0.0f32;
        let sketches = query_sketches(&form);
        let mut hits = SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            scratch.fit(self.names.len());
            scratch.new_query(form.tokens.len().min(MAX_TOKENS));
            while scored < candidates.len() && scored < MAX_SCORED {
                if scored >= FIRST_SCORED && top >= options.threshold {
                    break;
                }
                let end = if scored == 0 {
                    FIRST_SCORED
                } else {
                    MAX_SCORED
                };
                let end = end.min(candidates.len());
                let rest = &mut candidates[scored..];
                select_best(rest, end - scored);
                let next = scored;
                scored = end;
                let batch = &candidates[next..end];
                for &key in batch {
                    prefetch(&self.scoring, ranked_name(key) as usize);
                }
                for (k, &key) in batch.iter().enumerate() {
                    let name = ranked_name(key);
                    if let Some(&coming) = batch.get(k + 2) {
                        self.prefetch_tokens(ranked_name(coming));
                    }
                    let tokens = (&form, &weights[..], &sketches);
                    let (score, aligned) = self.quick_score(tokens, name, scratch);
                    top = top.max(score);
                    let entity = self.scoring[name as usize].entity;
                    let reaches = could_reach(query, score, options.threshold);
                    scratch
                        .best
                        .keep((entity, name), (score, &aligned), reaches);
                }
            }
            let hits: Vec<Hit> = scratch
                .best
                .reaching()
                .filter_map(|(name, aligned)| {
                    self.hit(query, &form, name, aligned, options.threshold)
                })
                .collect();
            scratch.candidates = candidates;
            hits
        });
        let work = QueryWork { touched, scored };
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entity.cmp(&b.entity)));
        truncate_keeping_ties(&mut hits, options.limit);
        (hits, work)
    }

    /// The query scored against one entity (all its names), without the index: for evaluating
    /// labelled pairs. `None` when no name shares a token.
    pub fn score_entity(&self, query: &Query, entity: usize) -> Option<Hit> {
        let form = analyse(&query.name);
        let weights = self.query_weights(&form);
        let start = self.names.partition_point(|n| (n.entity as usize) < entity);
        let end = self
            .names
            .partition_point(|n| (n.entity as usize) <= entity);
        let (name, alignment) = (start..end)
            .map(|n| (n as u32, self.name_score(&form, &weights, n as u32)))
            .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0))
            .map(|(n, (_, a))| (n, a))?;
        self.hit(query, &form, name, &alignment, f32::NEG_INFINITY)
    }

    /// The hit for a name's alignment, when its final score reaches `threshold` (the
    /// explanation is built only then: most candidates fall short).
    fn hit(
        &self,
        query: &Query,
        form: &NameForm,
        name: u32,
        alignment: &StackAlignment,
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
        let name_score = alignment.score * factor;
        if !could_reach(query, name_score, threshold) {
            return None;
        }
        let adjustments = adjustments(
            query.birth_date,
            query.nationality.as_deref(),
            query.schema,
            entity,
        );
        let delta: f32 = adjustments.iter().map(|a| a.delta).sum();
        let score = (name_score + delta).clamp(0.0, 1.0);
        if score < threshold {
            return None;
        }
        let explanation = explain(form, listed, listed_name, alignment, adjustments);
        Some(Hit {
            entity: listed.entity as usize,
            score,
            explanation,
        })
    }
}

/// The sketches of a query's tokens (those past [`MAX_TOKENS`] are not aligned).
fn query_sketches(form: &NameForm) -> [Sketch; MAX_TOKENS] {
    std::array::from_fn(|i| form.tokens.get(i).map(Sketch::of).unwrap_or_default())
}

/// The hash [`Screener`] keeps of every listed word's text.
fn text_hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    FixedState::with_seed(0x7e_47).hash_one(text.as_bytes())
}

/// Whether a name scoring `name_score` could reach `threshold` once the query's birth date,
/// nationality and schema are compared: most candidates fall short even if all agreed.
fn could_reach(query: &Query, name_score: f32, threshold: f32) -> bool {
    let attributes =
        query.birth_date.is_some() || query.nationality.is_some() || query.schema.is_some();
    let most = if attributes {
        name_score + BIRTH_DATE_AGREES + NATIONALITY_AGREES
    } else {
        name_score
    };
    most >= threshold
}

/// Keeps the best `limit` hits (sorted best first) and every hit tied with the last of them:
/// an analyst must see every entity the name matches equally well, and which of a tie falls
/// under the limit would otherwise depend on the entities' order in the list.
fn truncate_keeping_ties(hits: &mut Vec<Hit>, limit: usize) {
    let Some(last) = limit.checked_sub(1).and_then(|i| hits.get(i)) else {
        hits.truncate(limit);
        return;
    };
    let cut = last.score;
    let end = limit + hits[limit..].iter().take_while(|h| h.score >= cut).count();
    hits.truncate(end);
}
