//! Indexing a watchlist: every listed name read once into tokens (interned, so a query compares
//! each distinct listed token once), rarity weights and index keys.

use std::collections::HashMap;

use super::{text_hash, IndexedName, NameTokens, Screener};
use crate::index::{KeyIndex, MIN_WEIGHT};
use crate::matcher::{analyse, is_generation, Sketch, Token, WEAK_ALIAS_FACTOR};
use crate::model::{NameQuality, Watchlist};

impl Screener {
    /// Indexes every name of every entity.
    pub fn new(list: Watchlist) -> Self {
        let (mut names, mut scoring, mut token_ids) = (Vec::new(), Vec::new(), Vec::new());
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
                let start = token_ids.len() as u32;
                for t in &form.tokens {
                    let id = *interned.entry(t.clone()).or_insert_with(|| {
                        tokens.push(t.clone());
                        (tokens.len() - 1) as u32
                    });
                    token_ids.push(id);
                }
                scoring.push(NameTokens {
                    entity: e as u32,
                    factor,
                    start,
                    len: form.tokens.len() as u32,
                });
                names.push(IndexedName {
                    entity: e as u32,
                    name: n as u16,
                    form,
                });
            }
        }
        // Weights need every name's skeletons counted first.
        let weight = |t: &Token| {
            if is_generation(t) {
                MIN_WEIGHT
            } else {
                index.weight(t)
            }
        };
        let token_weights: Vec<f32> = names
            .iter()
            .flat_map(|n| n.form.tokens.iter().map(weight))
            .collect();
        let totals = scoring
            .iter()
            .map(|s| {
                let range = s.start as usize..(s.start + s.len) as usize;
                (token_weights[range].iter().sum(), s.factor)
            })
            .collect();
        let texts = tokens.iter().map(|t| text_hash(&t.text)).collect();
        let sketches = tokens.iter().map(Sketch::of).collect();
        Screener {
            list,
            names,
            scoring,
            token_ids,
            token_weights,
            tokens,
            sketches,
            texts,
            totals,
            index,
        }
    }
}
