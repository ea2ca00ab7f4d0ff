//! The index returns exactly the brute-force answer: random hashes with planted near
//! neighbours at every distance around the thresholds, many radii, hashes added one at a
//! time and in batches between queries (so the tail, small segments and merges are all
//! exercised), and removals.

mod common;

use common::corpus::Rng;
use flowtrace_media::index::{HammingIndex, Plan, Searcher};
use flowtrace_media::Hash256;

fn random_hash(rng: &mut Rng) -> Hash256 {
    Hash256::from_words([rng.next(), rng.next(), rng.next(), rng.next()])
}

/// `base` with `bits` distinct random bits flipped.
fn near(rng: &mut Rng, base: &Hash256, bits: u32) -> Hash256 {
    let mut h = *base;
    let mut flipped = std::collections::BTreeSet::new();
    while flipped.len() < bits as usize {
        flipped.insert(rng.below(256) as usize);
    }
    for k in flipped {
        h.0[31 - k / 8] ^= 1 << (k % 8);
    }
    h
}

fn check_queries(index: &mut HammingIndex, rng: &mut Rng, centres: &[Hash256], radii: &[u32]) {
    let mut searcher = Searcher::default();
    for centre in centres {
        for &radius in radii {
            let bits = rng.below(40) as u32;
            let q = near(rng, centre, bits);
            let want = index.brute_force(&q, radius);
            for plan in [Plan::AlwaysProbe, Plan::Auto, Plan::AlwaysScan] {
                index.set_plan(plan);
                let got = searcher.query(index, &q, radius);
                assert_eq!(got, want.as_slice(), "radius {radius}, {plan:?}");
            }
            assert_eq!(index.query(&q, radius), want);
        }
    }
}

#[test]
fn index_equals_brute_force_with_planted_neighbours() {
    let mut rng = Rng(11);
    let mut index = HammingIndex::new();
    let mut centres = Vec::new();
    for round in 0..6 {
        // A batch (becomes a segment), then single adds (tail), each with planted neighbours.
        let mut batch = Vec::new();
        for _ in 0..3000 {
            batch.push(random_hash(&mut rng));
        }
        for _ in 0..40 {
            let centre = random_hash(&mut rng);
            for d in [0, 1, 2, 10, 11, 12, 21, 22, 23, 30, 31, 32, 33, 45] {
                batch.push(near(&mut rng, &centre, d));
            }
            centres.push(centre);
        }
        index.extend(batch);
        for _ in 0..(500 + round * 900) {
            index.add(random_hash(&mut rng));
        }
        let recent = &centres[centres.len() - 40..];
        check_queries(
            &mut index,
            &mut rng,
            recent,
            &[0, 1, 5, 10, 11, 21, 22, 31, 32, 40, 64],
        );
    }
    check_queries(&mut index, &mut rng, &centres[..20], &[31, 100, 256]);
}

#[test]
fn removed_hashes_are_not_returned() {
    let mut rng = Rng(5);
    let centre = random_hash(&mut rng);
    let mut index = HammingIndex::from_hashes((0..10_000).map(|_| random_hash(&mut rng)));
    let planted: Vec<u32> = (0..20)
        .map(|d| index.add(near(&mut rng, &centre, d)))
        .collect();
    assert_eq!(index.query(&centre, 31).len(), 20);
    assert!(index.remove(planted[3]));
    assert!(!index.remove(planted[3]));
    assert!(!index.remove(1_000_000));
    index.set_plan(Plan::AlwaysProbe);
    let hits = index.query(&centre, 31);
    assert_eq!(hits.len(), 19);
    assert!(hits.iter().all(|h| h.id != planted[3]));
    assert_eq!(hits, index.brute_force(&centre, 31));
}

#[test]
fn an_empty_index_finds_nothing() {
    let index = HammingIndex::new();
    assert!(index.query(&Hash256::default(), 256).is_empty());
}
