//! Tests that need the index's private parts: segments capped in size.

use super::*;

fn hashes(seed: u64, n: usize) -> Vec<Hash256> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let z = (state ^ (state >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        let z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    (0..n)
        .map(|_| Hash256::from_words([next(), next(), next(), next()]))
        .collect()
}

#[test]
fn segments_stay_under_the_cap_and_answers_stay_exact() {
    let mut index = HammingIndex {
        segment_cap: 5000,
        ..HammingIndex::default()
    };
    let banked = hashes(1, 23_000);
    index.extend(banked.iter().copied());
    for h in hashes(2, 9000) {
        index.add(h);
    }
    assert!(
        index.segments.len() >= 6,
        "{} segments",
        index.segments.len()
    );
    assert!(index.segments.iter().all(|s| s.len() <= 5000));
    let mut queries: Vec<Hash256> = banked.iter().step_by(500).copied().collect();
    for q in &mut queries {
        q.0[3] ^= 0x0F;
        q.0[20] ^= 0xF0;
    }
    queries.extend(hashes(3, 40));
    for plan in [Plan::AlwaysProbe, Plan::Auto] {
        index.set_plan(plan);
        for radius in [8, 31, 40] {
            let want: Vec<Vec<Hit>> = queries
                .iter()
                .map(|q| index.brute_force(q, radius))
                .collect();
            let one_by_one: Vec<Vec<Hit>> =
                queries.iter().map(|q| index.query(q, radius)).collect();
            assert_eq!(one_by_one, want, "{plan:?} radius {radius}");
            assert_eq!(
                index.query_batch(&queries, radius),
                want,
                "{plan:?} radius {radius}"
            );
        }
    }
}
