//! Indexing a watchlist: every listed name read once into tokens (interned, so a query compares
//! each distinct listed token once), rarity weights and index keys.

use std::collections::HashMap;

use super::{text_hash, IndexedName, Screener};
use crate::index::{KeyIndex, MIN_WEIGHT};
use crate::matcher::{analyse, is_generation, Token, WEAK_ALIAS_FACTOR};
use crate::model::{NameQuality, Watchlist};

impl Screener {
    /// Indexes every name of every entity.
    pub fn new(list: Watchlist) -> Self {
        let mut names = Vec::new();
        let mut index = KeyIndex::default();
        let mut tokens = Vec::new();
        let mut interned: HashMap<Token, u32> = HashMap::new();
        for (e, entity) in list.entities.iter().enumerate() {
            for (n, name) in entity.names.iter().enumerate().take(usize::from(u16::MAX)) {
                let form = analyse(&name.full);
                if form.tokens.is_empty() {
                    continue;
                }
                index.add(names.len() as u32, &form.tokens);
                let factor = if name.quality == NameQuality::Low {
                    WEAK_ALIAS_FACTOR
                } else {
                    1.0
                };
                let ids = form
                    .tokens
                    .iter()
                    .map(|t| {
                        *interned.entry(t.clone()).or_insert_with(|| {
                            tokens.push(t.clone());
                            (tokens.len() - 1) as u32
                        })
                    })
                    .collect();
                names.push(IndexedName {
                    entity: e as u32,
                    name: n as u16,
                    form,
                    ids,
                    weights: Vec::new(),
                    total: 0.0,
                    factor,
                });
            }
        }
        for n in &mut names {
            let weight = |t: &Token| {
                if is_generation(t) {
                    MIN_WEIGHT
                } else {
                    index.weight(t)
                }
            };
            n.weights = n.form.tokens.iter().map(weight).collect();
            n.total = n.weights.iter().sum();
        }
        let totals = names.iter().map(|n| (n.total, n.factor)).collect();
        let texts = tokens.iter().map(|t| text_hash(&t.text)).collect();
        Screener {
            list,
            names,
            tokens,
            texts,
            totals,
            index,
        }
    }
}
