//! Co-similarity: original posts with near-duplicate texts within the window (MinHash over word
//! sets). What pairs and what does not on hand-made posts; then, on planted near-duplicates, the
//! network against the exact Jaccard it estimates (computed here pair by pair) and against
//! coordination-network-toolkit 1.5.2's co-similar-tweet network, which computes the exact
//! Jaccard of its own tokens (run from `target/social-venv` when present, as in
//! tests/toolkit_parity.rs).

mod common;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{to_csv, Rng, Row};
use flowtrace_social::{coordinate, CoordOptions, Messages, NetworkKind, Post};

type Edges = BTreeSet<(String, String, u32)>;

const BASE: &str = "send the money to our brothers at the front before the winter comes \
                    every coin buys bread and boots for the fighters";

fn table(posts: &[(&str, &str, f64, &str, Option<&str>)]) -> Messages {
    let mut m = Messages::new(false);
    for &(id, user, timestamp, message, repost_id) in posts {
        let post = Post {
            message_id: id,
            user_id: user,
            username: user,
            repost_id,
            message,
            timestamp,
            ..Post::default()
        };
        m.add(&post).unwrap();
    }
    m
}

fn edges(m: &Messages, options: &CoordOptions) -> Edges {
    let network = coordinate(m, NetworkKind::CoSimilarity, options);
    let key = |u| m.user_key(u).to_string();
    network
        .edges()
        .iter()
        .map(|e| (key(e.from), key(e.to), e.weight))
        .collect()
}

fn e(a: &str, b: &str, w: u32) -> (String, String, u32) {
    (a.to_string(), b.to_string(), w)
}

#[test]
fn near_duplicates_pair_within_the_window_reposts_and_mentions_aside() {
    let one_word = BASE.replace("winter", "summer");
    let six_words = "send cash to our sisters at home before the spring rains every penny buys \
                     rice and shoes for the children";
    let m = table(&[
        ("1", "a", 0.0, BASE, None),
        // Case, punctuation and a mention change nothing.
        (
            "2",
            "b",
            5.0,
            &format!("@news {}!!", BASE.to_uppercase()),
            None,
        ),
        // One word of 21 changed: Jaccard 20/22.
        ("3", "c", 8.0, &one_word, None),
        ("4", "d", 9.0, six_words, None),
        ("5", "e", 200.0, BASE, None),
        // A repost carries the text but is not an original post.
        ("6", "f", 3.0, BASE, Some("1")),
        ("7", "g", 4.0, "", None),
    ]);
    let options = CoordOptions::default();
    let all_pairs = [
        e("a", "b", 1),
        e("a", "c", 1),
        e("b", "a", 1),
        e("b", "c", 1),
        e("c", "a", 1),
        e("c", "b", 1),
    ];
    assert_eq!(edges(&m, &options), all_pairs.into_iter().collect());
    // Identical word sets only.
    let exact = CoordOptions {
        similarity: flowtrace_social::coord::SimilarityOptions {
            threshold: 1.0,
            ..Default::default()
        },
        ..CoordOptions::default()
    };
    assert_eq!(
        edges(&m, &exact),
        [e("a", "b", 1), e("b", "a", 1)].into_iter().collect()
    );
    // Every post with words pairs with itself; the empty post and the repost do not.
    let loops = CoordOptions {
        loops: true,
        ..CoordOptions::default()
    };
    let got = edges(&m, &loops);
    for user in ["a", "b", "c", "d", "e"] {
        assert!(got.contains(&e(user, user, 1)), "{user}");
    }
    assert!(!got.iter().any(|(a, _, _)| a == "f" || a == "g"));
}

#[test]
fn weights_count_distinct_messages() {
    // a posts the text twice, b once in between: a -> b weighs 2, b -> a 1.
    let m = table(&[
        ("1", "a", 0.0, BASE, None),
        ("2", "b", 30.0, BASE, None),
        ("3", "a", 60.0, BASE, None),
    ]);
    assert_eq!(
        edges(&m, &CoordOptions::default()),
        [e("a", "b", 2), e("b", "a", 1)].into_iter().collect()
    );
}

/// Posts in an hour by 40 accounts: ordinary texts of random words (pairwise Jaccard near 0),
/// reposts, and families of 3-6 posts within 40 s that copy a 60-word text, each either
/// closely (0 or 1 word changed: Jaccard at least 58/62 = 0.935 between any two, six standard
/// deviations of the estimate above 0.8) or loosely (25 words changed: at most 0.4). Nothing
/// falls near a threshold of 0.8, so MinHash should decide every pair as the exact Jaccard
/// does. With `spread`, each copy changes 0 to 25 words: pairs fall all over 0.4 to 1.
fn planted(seed: u64, n: usize, spread: bool) -> Vec<Row> {
    let mut rng = Rng::new(seed);
    let word = |rng: &mut Rng| format!("w{}", rng.below(1_000_000));
    let mut rows: Vec<Row> = Vec::new();
    while rows.len() < n {
        let t = rng.below(3600);
        if rng.chance(15) {
            let base: Vec<String> = (0..60).map(|_| word(&mut rng)).collect();
            for _ in 0..3 + rng.below(4) {
                let changed = if spread {
                    rng.below(26) as usize
                } else {
                    *rng.pick(&[0, 1, 1, 25])
                };
                let mut text = base.clone();
                for at in 0..changed {
                    text[at * 60 / changed.max(1)] = word(&mut rng);
                }
                let mention = if rng.chance(30) { "@someone " } else { "" };
                let time = t + rng.below(40);
                push(
                    &mut rows,
                    &mut rng,
                    time,
                    format!("{mention}{}", text.join(" ")),
                    "",
                );
            }
        } else if rng.chance(20) && !rows.is_empty() {
            let source = rng.pick(&rows).clone();
            let id = source.message_id.clone();
            push(&mut rows, &mut rng, t, source.message, &id);
        } else {
            let text: Vec<String> = (0..12).map(|_| word(&mut rng)).collect();
            push(&mut rows, &mut rng, t, text.join(" "), "");
        }
    }
    rows
}

fn push(rows: &mut Vec<Row>, rng: &mut Rng, time: u64, message: String, repost: &str) {
    rows.push(Row {
        message_id: format!("m{}", rows.len()),
        user_id: format!("u{}", rng.below(40)),
        repost_id: repost.to_string(),
        reply_id: String::new(),
        message,
        timestamp: time.to_string(),
        urls: String::new(),
    });
}

/// The co-similarity network by exact Jaccard of word sets, pair by pair.
fn exact_network(rows: &[Row], window: f64, threshold: f64) -> Edges {
    let words = |text: &str| -> HashSet<String> {
        flowtrace_social::text::normalise(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut originals: Vec<(&Row, HashSet<String>, f64)> = rows
        .iter()
        .filter(|r| r.repost_id.is_empty())
        .map(|r| (r, words(&r.message), r.timestamp.parse().unwrap()))
        .filter(|(_, w, _)| !w.is_empty())
        .collect();
    originals.sort_by(|a, b| a.2.total_cmp(&b.2));
    let mut by_pair: std::collections::BTreeMap<(String, String), u32> = Default::default();
    for (a, words_a, t_a) in &originals {
        let from = originals.partition_point(|o| o.2 < t_a - window);
        let to = originals.partition_point(|o| o.2 <= t_a + window);
        let mut partners = BTreeSet::new();
        for (b, words_b, _) in &originals[from..to] {
            let shared = words_a.intersection(words_b).count() as f64;
            let jaccard = shared / (words_a.len() as f64 + words_b.len() as f64 - shared);
            if jaccard >= threshold {
                partners.insert(b.user_id.clone());
            }
        }
        for p in partners {
            *by_pair.entry((a.user_id.clone(), p)).or_default() += 1;
        }
    }
    by_pair.into_iter().map(|((a, b), w)| (a, b, w)).collect()
}

fn flowtrace_network(csv: &Path, options: &CoordOptions) -> Edges {
    let loaded = flowtrace_social::read_messages(
        csv,
        flowtrace_social::MessageFormat::ToolkitCsv,
        &flowtrace_social::ReadOptions::default(),
    )
    .unwrap();
    edges(&loaded.messages, options)
}

fn options(window: f64) -> CoordOptions {
    CoordOptions {
        window_secs: window,
        loops: true,
        ..CoordOptions::default()
    }
}

/// Share of `got` in `want` (precision) and of `want` in `got` (recall), of weighted edges
/// and of edges regardless of weight.
fn agreement(got: &Edges, want: &Edges) -> [(f64, f64); 2] {
    fn ratios<T: Ord>(got: &BTreeSet<T>, want: &BTreeSet<T>) -> (f64, f64) {
        let both = got.intersection(want).count() as f64;
        (
            both / got.len().max(1) as f64,
            both / want.len().max(1) as f64,
        )
    }
    let unweighted = |e: &Edges| -> BTreeSet<(String, String)> {
        e.iter().map(|(a, b, _)| (a.clone(), b.clone())).collect()
    };
    [
        ratios(got, want),
        ratios(&unweighted(got), &unweighted(want)),
    ]
}

#[test]
fn far_from_the_threshold_minhash_decides_as_exact_jaccard() {
    let rows = planted(3, 1500, false);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("posts.csv");
    std::fs::write(&csv, to_csv(&rows)).unwrap();
    let ours = flowtrace_network(&csv, &options(60.0));
    let exact = exact_network(&rows, 60.0, 0.8);
    assert!(
        exact.iter().any(|(a, b, _)| a != b),
        "planted pairs expected"
    );
    let only_ours: Vec<_> = ours.difference(&exact).collect();
    let only_exact: Vec<_> = exact.difference(&ours).collect();
    assert!(
        only_ours.is_empty() && only_exact.is_empty(),
        "{only_ours:?} {only_exact:?}"
    );
}

#[test]
fn near_the_threshold_pairs_are_checked_exactly_and_few_are_missed() {
    let rows = planted(4, 3000, true);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("posts.csv");
    std::fs::write(&csv, to_csv(&rows)).unwrap();
    let exact = exact_network(&rows, 60.0, 0.8);
    for permutations in [64, 128, 256] {
        let mut options = options(60.0);
        options.similarity.permutations = permutations;
        let ours = flowtrace_network(&csv, &options);
        let [(p, r), (p_any, r_any)] = agreement(&ours, &exact);
        eprintln!(
            "spread near-duplicates, {permutations} permutations: {} edges vs exact {}; \
             weighted edges precision {p:.3} recall {r:.3}, edges {p_any:.3} {r_any:.3}",
            ours.len(),
            exact.len()
        );
        // Misses are pairs at or just above the threshold that share no band (1% at it).
        assert!(p_any >= 0.99 && r_any >= 0.97 && p >= 0.99 && r >= 0.97);
    }
}

fn toolkit_python() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let python = root.join("target/social-venv/bin/python");
    let ok = python.exists()
        && Command::new(&python)
            .args(["-c", "import coordination_network_toolkit"])
            .output()
            .is_ok_and(|o| o.status.success());
    if !ok && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but the toolkit is missing: run bench/social/setup-venv.sh");
    }
    ok.then_some(python)
}

/// The toolkit's co-similar-tweet network on `csv` (similarity 0.8, its command line's).
fn toolkit_network(python: &Path, csv: &Path, window: u32) -> Edges {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = csv.parent().unwrap();
    let out = dir.join("toolkit.csv");
    let result = Command::new(python)
        .arg(root.join("bench/social/toolkit_networks.py"))
        .arg(csv)
        .arg(dir.join("toolkit.db"))
        .arg(&out)
        .args([
            "--mode",
            "fixed",
            "--threads",
            "2",
            "--kinds",
            "co_similar_tweet",
        ])
        .args(["--window", &window.to_string(), "--similarity", "0.8"])
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "toolkit failed: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            (f[1].to_string(), f[2].to_string(), f[3].parse().unwrap())
        })
        .collect()
}

#[test]
fn same_network_as_the_toolkit_on_words_far_from_and_near_the_threshold() {
    let Some(python) = toolkit_python() else {
        eprintln!("skipped: no target/social-venv (run bench/social/setup-venv.sh)");
        return;
    };
    for (seed, spread) in [(5, false), (6, true)] {
        let rows = planted(seed, 1200, spread);
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("posts.csv");
        std::fs::write(&csv, to_csv(&rows)).unwrap();
        let ours = flowtrace_network(&csv, &options(60.0));
        let theirs = toolkit_network(&python, &csv, 60);
        // The texts are words and spaces only, so the toolkit's tokens are our words and its
        // exact Jaccard is the one computed here.
        assert_eq!(theirs, exact_network(&rows, 60.0, 0.8), "seed {seed}");
        let [(p, r), (p_any, r_any)] = agreement(&ours, &theirs);
        eprintln!(
            "seed {seed} (spread {spread}): {} edges vs the toolkit's {}; weighted edges \
             precision {p:.3} recall {r:.3}, edges {p_any:.3} {r_any:.3}",
            ours.len(),
            theirs.len()
        );
        if spread {
            assert!(p_any >= 0.99 && r_any >= 0.97 && p >= 0.99 && r >= 0.97);
        } else {
            assert_eq!(ours, theirs);
        }
    }
}
