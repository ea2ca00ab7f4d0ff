//! Per-thread working memory of a query, reused from one query to the next so that screening
//! allocates per query, not per candidate: the key weight gathered per listed name, and the
//! similarities of the query's tokens with each distinct listed token it meets.
//!
//! Listed names share most of their tokens (a query scoring two dozen Mohammeds compares
//! `mohammed` with its own tokens once, not two dozen times), so listed tokens are interned to
//! ids when the list is indexed and a query computes each (query token, listed token) pair once.

use crate::matcher::{StackAlignment, TokenHow};

/// Slots of the row table a query starts with: a query meets a few dozen distinct listed
/// tokens, so the table (8 bytes a slot) stays in the first-level cache.
const FIRST_SLOTS: usize = 256;

/// Scratch of one thread; stamps tell this query's entries from stale ones without clearing.
#[derive(Default)]
pub(super) struct Scratch {
    /// Key weight gathered per listed name and the query token that last added to it.
    pub(super) gathered: Vec<(f32, u32)>,
    /// Names touched by this query.
    pub(super) touched: Vec<u32>,
    /// The candidates' buffer, lent to each query and given back (it holds hundreds).
    pub(super) candidates: Vec<u64>,
    /// The best-scoring name of each entity scored so far.
    pub(super) best: Best,
    /// Stamp of the query token being gathered.
    pub(super) token_epoch: u32,
    /// Where the row of a listed token id is: open addressing on the id, `(id + 1, row)`
    /// with 0 for a free slot. A table indexed by every listed token's id would cost a cache
    /// miss per token met.
    slots: Vec<(u32, u32)>,
    /// The rows computed so far, one after another, a cell per query token.
    cells: Vec<(f32, TokenHow)>,
    /// Query tokens compared: the length of a row.
    width: usize,
    /// The token id of each row, to free its slot when the next query starts.
    row_ids: Vec<u32>,
}

impl Scratch {
    /// Makes room for a list of `names` names.
    pub(super) fn fit(&mut self, names: usize) {
        if self.gathered.len() < names {
            self.gathered.resize(names, (0.0, 0));
        }
        if self.slots.is_empty() {
            self.slots.resize(FIRST_SLOTS, (0, 0));
        }
    }

    /// Forgets the previous query's similarities; the next query compares `width` tokens.
    pub(super) fn new_query(&mut self, width: usize) {
        self.best.clear();
        self.width = width;
        // Freed last in first out, each token's probe finds it as when it was filed.
        for &id in self.row_ids.iter().rev() {
            let slot = find(&self.slots, id);
            self.slots[slot] = (0, 0);
        }
        self.cells.clear();
        self.row_ids.clear();
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

    /// Where the similarities of the query's tokens with listed token `id` are (see
    /// [`Scratch::row_at`]); `compute` pushes them, a cell per query token, the first time
    /// this query meets the token.
    pub(super) fn row(&mut self, id: u32, compute: impl FnOnce(&mut Vec<(f32, TokenHow)>)) -> u32 {
        let slot = find(&self.slots, id);
        let (key, at) = self.slots[slot];
        if key != 0 {
            return at;
        }
        let at = self.row_ids.len() as u32;
        compute(&mut self.cells);
        debug_assert_eq!(self.cells.len(), (at as usize + 1) * self.width);
        self.slots[slot] = (id + 1, at);
        self.row_ids.push(id);
        if 2 * self.row_ids.len() > self.slots.len() {
            self.grow();
        }
        at
    }

    /// The similarities of the query's tokens with a listed token, where [`Scratch::row`]
    /// said they are.
    pub(super) fn row_at(&self, at: u32) -> &[(f32, TokenHow)] {
        let start = at as usize * self.width;
        &self.cells[start..start + self.width]
    }

    /// Doubles the row table, keeping it at most half full so that probes stay short.
    fn grow(&mut self) {
        self.slots = vec![(0, 0); 2 * self.slots.len()];
        for (at, &id) in self.row_ids.iter().enumerate() {
            let slot = find(&self.slots, id);
            self.slots[slot] = (id + 1, at as u32);
        }
    }
}

/// The slot holding token `id`, or the free slot where it goes.
fn find(slots: &[(u32, u32)], id: u32) -> usize {
    let mask = slots.len() - 1;
    let mut slot = (id.wrapping_mul(0x9e37_79b1) >> 16) as usize & mask;
    while slots[slot].0 != 0 && slots[slot].0 != id + 1 {
        slot = (slot + 1) & mask;
    }
    slot
}

/// The best-scoring name of each entity a query scored, in the order entities were first
/// scored, with its alignment when it could become a hit: copying every candidate's
/// alignment cost more than most of them take to score.
#[derive(Default)]
pub(super) struct Best {
    /// Entity ids, apart from the rest so that finding one scans a few cache lines.
    entities: Vec<u32>,
    /// Score and name id of each entity's best name, and where its alignment is in
    /// `alignments` (`u32::MAX` when it could not become a hit).
    names: Vec<(f32, u32, u32)>,
    alignments: Vec<StackAlignment>,
}

impl Best {
    fn clear(&mut self) {
        self.entities.clear();
        self.names.clear();
        self.alignments.clear();
    }

    /// Keeps name `name` of `entity` if it scores above the entity's best so far, with its
    /// alignment if it `could_reach` the threshold.
    pub(super) fn keep(
        &mut self,
        (entity, name): (u32, u32),
        (score, aligned): (f32, &StackAlignment),
        could_reach: bool,
    ) {
        let i = match self.entities.iter().position(|&e| e == entity) {
            Some(i) if self.names[i].0 >= score => return,
            Some(i) => i,
            None => {
                self.entities.push(entity);
                self.names.push((0.0, 0, u32::MAX));
                self.names.len() - 1
            }
        };
        let at = if could_reach {
            self.alignments.push(*aligned);
            self.alignments.len() as u32 - 1
        } else {
            u32::MAX
        };
        self.names[i] = (score, name, at);
    }

    /// Name id and alignment of each entity's best name that could become a hit.
    pub(super) fn reaching(&self) -> impl Iterator<Item = (u32, &StackAlignment)> + '_ {
        let kept = self.names.iter().filter(|n| n.2 != u32::MAX);
        kept.map(|&(_, name, at)| (name, &self.alignments[at as usize]))
    }
}
