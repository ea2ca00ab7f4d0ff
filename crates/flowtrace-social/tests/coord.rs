//! Coordination networks on small hand-made inputs whose edges can be worked out by hand.

mod common;

use flowtrace_social::coord::write_edges_csv;
use flowtrace_social::messages::{NONE, UNRESOLVED};
use flowtrace_social::{coordinate, Columns, CoordOptions, Messages, NetworkKind, Post};

fn post<'a>(id: &'a str, user: &'a str, t: f64) -> Post<'a> {
    Post {
        message_id: id,
        user_id: user,
        username: user,
        timestamp: t,
        ..Post::default()
    }
}

fn edges(m: &Messages, kind: NetworkKind, options: &CoordOptions) -> Vec<(String, String, u32)> {
    let key = |u| m.user_key(u).to_string();
    coordinate(m, kind, options)
        .edges()
        .iter()
        .map(|e| (key(e.from), key(e.to), e.weight))
        .collect()
}

fn e(a: &str, b: &str, w: u32) -> (String, String, u32) {
    (a.to_string(), b.to_string(), w)
}

/// `a` posts x.com twice (one message carrying it twice, one carrying it and y.com), `b` once
/// in between, `c` too late.
fn links() -> Messages {
    let mut m = Messages::new(false);
    let mut p1 = post("1", "a", 0.0);
    p1.urls = vec!["x.com", "x.com"];
    let mut p2 = post("2", "a", 20.0);
    p2.urls = vec!["x.com", "y.com"];
    let mut p3 = post("3", "b", 10.0);
    p3.urls = vec!["x.com"];
    let mut p4 = post("4", "c", 31.0);
    p4.urls = vec!["x.com"];
    let mut repost = post("5", "d", 10.0);
    repost.repost_id = Some("1");
    repost.urls = vec!["x.com"];
    for p in [p1, p2, p3, p4, repost] {
        m.add(&p).unwrap();
    }
    m
}

#[test]
fn weights_count_distinct_messages_and_edges_are_directed() {
    let m = links();
    let options = CoordOptions {
        window_secs: 10.0,
        ..CoordOptions::default()
    };
    // a's two messages both have b within 10 s; b's one message has a; c at 31 is 11 s from a's
    // last; the repost's URL does not count.
    let got = edges(&m, NetworkKind::CoLink, &options);
    assert_eq!(got, [e("a", "b", 2), e("b", "a", 1)]);
    let with_loops = CoordOptions {
        loops: true,
        ..options.clone()
    };
    let got = edges(&m, NetworkKind::CoLink, &with_loops);
    assert_eq!(
        got,
        [
            e("a", "a", 2),
            e("a", "b", 2),
            e("b", "a", 1),
            e("b", "b", 1),
            e("c", "c", 1)
        ]
    );
    let heavy = CoordOptions {
        min_weight: 2,
        ..options
    };
    assert_eq!(edges(&m, NetworkKind::CoLink, &heavy), [e("a", "b", 2)]);
}

#[test]
fn counts_who_posted_first() {
    let m = links();
    let options = CoordOptions {
        window_secs: 10.0,
        ..CoordOptions::default()
    };
    let network = coordinate(&m, NetworkKind::CoLink, &options);
    let lf = |name| {
        let t = network.lead_follow(m.find_user(name).unwrap());
        (t.leads, t.follows)
    };
    // a@0 leads b@10; a@20 follows b@10; b follows a@0; c@31 has no partner within 10 s.
    assert_eq!((lf("a"), lf("b"), lf("c")), ((1, 1), (0, 1), (0, 0)));
}

#[test]
fn a_negative_or_nan_window_pairs_nothing() {
    let m = links();
    for window_secs in [-1.0, f64::NAN] {
        let options = CoordOptions {
            window_secs,
            loops: true,
            ..CoordOptions::default()
        };
        for kind in NetworkKind::ALL {
            assert!(coordinate(&m, kind, &options).edges().is_empty());
        }
    }
}

#[test]
fn the_same_edges_whatever_the_thread_count() {
    let rows = common::synthetic_posts(7, 3000, 60, 20);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("posts.csv");
    std::fs::write(&path, common::to_csv(&rows)).unwrap();
    let loaded = flowtrace_social::read_messages(
        &path,
        flowtrace_social::MessageFormat::ToolkitCsv,
        &flowtrace_social::ReadOptions::default(),
    )
    .unwrap();
    let options = CoordOptions {
        window_secs: 20.0,
        ..CoordOptions::default()
    };
    for kind in NetworkKind::ALL {
        let run = |threads| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| coordinate(&loaded.messages, kind, &options))
        };
        let one = run(1);
        assert!(!one.edges().is_empty());
        assert_eq!(one, run(3), "{}", kind.name());
    }
}

#[test]
fn each_network_needs_only_the_columns_it_names() {
    let rows = common::synthetic_posts(11, 3000, 60, 20);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("posts.csv");
    std::fs::write(&path, common::to_csv(&rows)).unwrap();
    let read = |columns| {
        let options = flowtrace_social::ReadOptions {
            columns,
            ..flowtrace_social::ReadOptions::default()
        };
        let format = flowtrace_social::MessageFormat::ToolkitCsv;
        flowtrace_social::read_messages(&path, format, &options).unwrap()
    };
    let full = read(Columns::default());
    let options = CoordOptions {
        window_secs: 20.0,
        loops: true,
        ..CoordOptions::default()
    };
    for kind in NetworkKind::ALL {
        let lean = read(Columns::for_networks(&[kind]));
        assert_eq!(lean.report.to_string(), full.report.to_string());
        let network = coordinate(&full.messages, kind, &options);
        assert!(!network.edges().is_empty());
        assert_eq!(
            network,
            coordinate(&lean.messages, kind, &options),
            "{}",
            kind.name()
        );
    }
    let lean = read(Columns::for_networks(&[NetworkKind::CoRetweet]));
    assert_eq!(lean.messages.username(0), "");
    assert!((0..lean.messages.len()).all(|m| lean.messages.urls_of(m).is_empty()));
    // Without targets, reposts and replies are still told apart from originals.
    let lean = read(Columns::for_networks(&[NetworkKind::CoLink]));
    let (full, lean) = (&full.messages, &lean.messages);
    for (column, lean_column) in [
        (full.reposts(), lean.reposts()),
        (full.replies(), lean.replies()),
    ] {
        assert!(column.contains(&NONE) && column.iter().any(|&t| t != NONE));
        for (&target, &lean_target) in column.iter().zip(lean_column) {
            let expected = if target == NONE { NONE } else { UNRESOLVED };
            assert_eq!(lean_target, expected);
        }
    }
}

#[test]
fn writes_the_toolkit_edge_csv() {
    let m = links();
    let network = coordinate(&m, NetworkKind::CoLink, &CoordOptions::default());
    let mut out = Vec::new();
    write_edges_csv(&network, &m, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(
        text,
        "\"source\",\"target\",\"weight\",\"edge_type\"\n\
         \"a\",\"b\",\"2\",\"co_link\"\n\"a\",\"c\",\"2\",\"co_link\"\n\
         \"b\",\"a\",\"1\",\"co_link\"\n\"b\",\"c\",\"1\",\"co_link\"\n\
         \"c\",\"a\",\"1\",\"co_link\"\n\"c\",\"b\",\"1\",\"co_link\"\n"
    );
    assert_eq!(NetworkKind::from_name("co-link"), Some(NetworkKind::CoLink));
}
