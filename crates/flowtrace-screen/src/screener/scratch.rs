//! Per-thread working memory of a query, reused from one query to the next so that screening
//! allocates per query, not per candidate: the key weight gathered per listed name, and the
//! similarities of the query's tokens with each distinct listed token it meets.
//!
//! Listed names share most of their tokens (a query scoring two dozen Mohammeds compares
//! `mohammed` with its own tokens once, not two dozen times), so listed tokens are interned to
//! ids when the list is indexed and a query computes each (query token, listed token) pair once.

use crate::matcher::{StackAlignment, TokenHow, MAX_TOKENS};

/// Similarities of every query token with one listed token.
pub(super) type Row = [(f32, TokenHow); MAX_TOKENS];

/// Scratch of one thread; stamps tell this query's entries from stale ones without clearing.
#[derive(Default)]
pub(super) struct Scratch {
    /// Key weight gathered per listed name and the query token that last added to it.
    pub(super) gathered: Vec<(f32, u32)>,
    /// Names touched by this query.
    pub(super) touched: Vec<u32>,
    /// The candidates' buffer, lent to each query and given back (it holds hundreds).
    pub(super) candidates: Vec<(f32, u32)>,
    /// The best-scoring name of each entity scored so far.
    pub(super) best: Best,
    /// Stamp of the query token being gathered.
    pub(super) token_epoch: u32,
    /// Per listed token id: stamp of the query that computed its row, and where the row is.
    memo: Vec<(u32, u32)>,
    rows: Vec<Row>,
    query_epoch: u32,
}

impl Scratch {
    /// Makes room for a list of `names` names and `tokens` distinct tokens.
    pub(super) fn fit(&mut self, names: usize, tokens: usize) {
        if self.gathered.len() < names {
            self.gathered.resize(names, (0.0, 0));
        }
        if self.memo.len() < tokens {
            self.memo.resize(tokens, (0, 0));
        }
    }

    /// Forgets the previous query's similarities.
    pub(super) fn new_query(&mut self) {
        self.rows.clear();
        self.best.clear();
        self.query_epoch = self.query_epoch.wrapping_add(1);
        if self.query_epoch == 0 {
            self.memo.fill((0, 0));
            self.query_epoch = 1;
        }
    }

    /// A new stamp for gathering one query token's postings.
    pub(super) fn next_token(&mut self) -> u32 {
        self.token_epoch = self.token_epoch.wrapping_add(1);
        if self.token_epoch == 0 {
            self.gathered.iter_mut().for_each(|g| g.1 = 0);
            self.token_epoch = 1;
        }
        self.token_epoch
    }

    /// The similarities of the query's tokens with listed token `id`, computed by `compute`
    /// the first time this query meets the token.
    pub(super) fn row(&mut self, id: u32, compute: impl FnOnce(&mut Row)) -> &Row {
        let (stamp, at) = &mut self.memo[id as usize];
        if *stamp != self.query_epoch {
            let mut row = [(0.0, TokenHow::Exact); MAX_TOKENS];
            compute(&mut row);
            *stamp = self.query_epoch;
            *at = self.rows.len() as u32;
            self.rows.push(row);
        }
        &self.rows[*at as usize]
    }
}

/// The best-scoring name of each entity a query scored, in the order entities were first
/// scored; kept between queries because a query's few dozen alignments take kilobytes.
#[derive(Default)]
pub(super) struct Best {
    /// Entity ids, apart from the rest so that finding one scans a few cache lines.
    entities: Vec<u32>,
    /// Score, name id and alignment of each entity's best name.
    names: Vec<(f32, u32, StackAlignment)>,
}

impl Best {
    fn clear(&mut self) {
        self.entities.clear();
        self.names.clear();
    }

    /// Keeps name `name` of `entity` if it scores above the entity's best so far.
    pub(super) fn keep(&mut self, entity: u32, score: f32, name: u32, aligned: StackAlignment) {
        match self.entities.iter().position(|&e| e == entity) {
            Some(i) if self.names[i].0 >= score => {}
            Some(i) => self.names[i] = (score, name, aligned),
            None => {
                self.entities.push(entity);
                self.names.push((score, name, aligned));
            }
        }
    }

    /// Score, name id and alignment of each entity's best name.
    pub(super) fn iter(&self) -> impl Iterator<Item = (f32, u32, StackAlignment)> + '_ {
        self.names.iter().copied()
    }
}
