//! The index returns exactly the brute-force answer, one query at a time and in batches:
//! random hashes with planted near neighbours at every distance around the slot thresholds,
//! many radii, hashes added one at a time and in batches between queries (so the tail, small
//! segments and merges are all exercised), every plan, and removals.

use flowtrace_media::index::{BatchSearcher, HammingIndex, Hit, Plan, Searcher, BATCH_SIZE};
use flowtrace_media::Hash256;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

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

/// Queries near each centre (0 to 39 bits away) plus as many random ones.
fn queries_around(rng: &mut Rng, centres: &[Hash256]) -> Vec<Hash256> {
    let mut queries = Vec::new();
    for centre in centres {
        let bits = rng.below(40) as u32;
        queries.push(near(rng, centre, bits));
        queries.push(random_hash(rng));
    }
    queries
}

fn brute_force_all(index: &HammingIndex, queries: &[Hash256], radius: u32) -> Vec<Vec<Hit>> {
    queries
        .iter()
        .map(|q| index.brute_force(q, radius))
        .collect()
}

/// Every plan, one by one and batched, equals brute force at every radius.
fn check_queries(index: &mut HammingIndex, queries: &[Hash256], radii: &[u32]) {
    let (mut searcher, mut batches) = (Searcher::default(), BatchSearcher::default());
    for &radius in radii {
        let want = brute_force_all(index, queries, radius);
        for plan in [Plan::AlwaysProbe, Plan::Auto, Plan::AlwaysScan] {
            index.set_plan(plan);
            for (q, want) in queries.iter().zip(&want) {
                let got = searcher.query(index, q, radius);
                assert_eq!(got, want.as_slice(), "radius {radius}, {plan:?}");
            }
            let got = batches.query_batch(index, queries, radius);
            assert_eq!(got, want, "batch, radius {radius}, {plan:?}");
        }
        assert_eq!(index.query_batch(queries, radius), want);
    }
}

#[test]
fn index_equals_brute_force_with_planted_neighbours() {
    let mut rng = Rng(11);
    let mut index = HammingIndex::new();
    let mut centres = Vec::new();
    for round in 0..4 {
        // A batch (becomes a segment), then single adds (tail), each with planted neighbours.
        let mut batch = Vec::new();
        for _ in 0..3000 {
            batch.push(random_hash(&mut rng));
        }
        for _ in 0..40 {
            let centre = random_hash(&mut rng);
            for d in [0, 1, 2, 3, 10, 11, 12, 21, 22, 23, 30, 31, 32, 33, 45] {
                batch.push(near(&mut rng, &centre, d));
            }
            centres.push(centre);
        }
        index.extend(batch);
        for _ in 0..(500 + round * 1400) {
            index.add(random_hash(&mut rng));
        }
        let queries = queries_around(&mut rng, &centres[centres.len() - 20..]);
        let radii = [0, 2, 5, 11, 22, 31, 32, 64];
        check_queries(&mut index, &queries, &radii);
    }
    let queries = queries_around(&mut rng, &centres[..10]);
    check_queries(&mut index, &queries, &[31, 100, 256]);
}

#[test]
fn a_large_segment_with_dense_buckets_equals_brute_force() {
    // 100,000 hashes make one segment whose buckets use 13 of a table's 16 bits, so entries
    // keep their own key; a batch walks several regions, and duplicates overfill buckets.
    let mut rng = Rng(3);
    let centres: Vec<Hash256> = (0..30).map(|_| random_hash(&mut rng)).collect();
    let mut hashes: Vec<Hash256> = (0..100_000).map(|_| random_hash(&mut rng)).collect();
    for (i, centre) in centres.iter().enumerate() {
        for d in 0..34 {
            hashes.push(near(&mut rng, centre, d));
        }
        // The same hash many times: one bucket of every slot far over its expected size.
        hashes.extend(std::iter::repeat_n(
            *centre,
            if i % 10 == 0 { 300 } else { 3 },
        ));
    }
    let mut index = HammingIndex::from_hashes(hashes);
    let queries = queries_around(&mut rng, &centres);
    check_queries(&mut index, &queries, &[0, 2, 31, 33]);
}

#[test]
fn a_segment_with_whole_key_buckets_equals_brute_force() {
    // From 2^19 hashes a bucket is a table's whole 16-bit key and only partners are compared
    // (the vector path); planted neighbours sit at every distance around the thresholds.
    let mut rng = Rng(23);
    let centres: Vec<Hash256> = (0..12).map(|_| random_hash(&mut rng)).collect();
    let mut hashes: Vec<Hash256> = (0..(1 << 19)).map(|_| random_hash(&mut rng)).collect();
    for centre in &centres {
        hashes.extend((0..40).map(|d| near(&mut rng, centre, d)));
    }
    let mut index = HammingIndex::from_hashes(hashes);
    let queries = queries_around(&mut rng, &centres);
    let mut searcher = Searcher::default();
    for radius in [3, 31, 34] {
        let want = brute_force_all(&index, &queries, radius);
        assert!(
            radius < 31 || want.iter().any(|hits| hits.len() > 10),
            "{radius}"
        );
        for plan in [Plan::AlwaysProbe, Plan::Auto] {
            index.set_plan(plan);
            for (q, want) in queries.iter().zip(&want) {
                assert_eq!(
                    searcher.query(&index, q, radius),
                    want.as_slice(),
                    "{radius}"
                );
            }
            assert_eq!(index.query_batch(&queries, radius), want, "batch {radius}");
        }
    }
}

#[test]
fn batches_larger_than_one_batch_are_split_and_answered_in_order() {
    let mut rng = Rng(17);
    let index = HammingIndex::from_hashes((0..2000).map(|_| random_hash(&mut rng)));
    let queries: Vec<Hash256> = (0..BATCH_SIZE + 77)
        .map(|i| match index.get(i as u32 % 2000) {
            Some(h) if i % 3 == 0 => near(&mut rng, &h, (i % 40) as u32),
            _ => random_hash(&mut rng),
        })
        .collect();
    let got = index.query_batch(&queries, 31);
    assert_eq!(got.len(), queries.len());
    let mut searcher = Searcher::default();
    for (q, hits) in queries.iter().zip(&got) {
        assert_eq!(searcher.query(&index, q, 31), hits.as_slice());
    }
    assert!(got.iter().filter(|h| !h.is_empty()).count() > 1000);
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
    assert_eq!(index.query_batch(&[centre], 31), vec![hits]);
}

#[test]
fn an_empty_index_finds_nothing() {
    let index = HammingIndex::new();
    assert!(index.query(&Hash256::default(), 256).is_empty());
    assert_eq!(
        index.query_batch(&[Hash256::default()], 31),
        vec![Vec::new()]
    );
    assert!(index.query_batch(&[], 31).is_empty());
}
