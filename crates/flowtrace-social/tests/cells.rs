//! Cells and roles on a co-link network with planted cells (each with a seeder), a bridge and
//! background noise; and cells on the union of two networks that each see half of them.

mod common;

use common::Rng;
use flowtrace_social::{
    coordinate, find_cells, find_cells_in_union, CellOptions, CoordOptions, Messages, NetworkKind,
    Post, Role, Timing,
};

const CELLS: usize = 5;
const CELL_SIZE: usize = 6;
const BRIDGE: &str = "bridge";

/// Five cells of six accounts; each cell posts its own URL within seconds, ten times a day;
/// one account posts with cells 0 and 1; forty noise accounts post popular URLs at random.
fn world() -> Messages {
    let mut rng = Rng::new(3);
    let mut rows: Vec<(String, String, f64, String)> = Vec::new();
    for burst in 0..10 {
        for cell in 0..CELLS {
            let t0 = (burst * 8000 + cell * 900) as f64;
            let url = format!("cell{cell}.example/{burst}");
            for member in 0..CELL_SIZE {
                // Member 0 seeds; the others follow within seconds.
                let t = if member == 0 {
                    t0
                } else {
                    t0 + 1.0 + rng.below(7) as f64
                };
                rows.push((format!("c{cell}m{member}"), url.clone(), t, String::new()));
            }
            if cell < 2 {
                rows.push((BRIDGE.to_string(), url.clone(), t0 + 3.0, String::new()));
            }
        }
    }
    for _ in 0..600 {
        let user = format!("noise{}", rng.below(40));
        let url = format!("popular.example/{}", rng.below(30));
        rows.push((user, url, rng.below(80_000) as f64, String::new()));
    }
    let mut m = Messages::new(false);
    for (i, (user, url, t, _)) in rows.iter().enumerate() {
        let id = i.to_string();
        let post = Post {
            message_id: &id,
            user_id: user,
            username: user,
            timestamp: *t,
            urls: vec![url],
            ..Post::default()
        };
        m.add(&post).unwrap();
    }
    m
}

#[test]
fn planted_cells_are_found_ranked_and_the_bridge_is_named() {
    let messages = world();
    let options = CoordOptions {
        window_secs: 10.0,
        min_weight: 2,
        ..CoordOptions::default()
    };
    let network = coordinate(&messages, NetworkKind::CoLink, &options);
    let found = find_cells(&network, &messages, &CellOptions::default());
    for cell in 0..CELLS {
        let planted: Vec<u32> = (0..CELL_SIZE)
            .map(|m| messages.find_user(&format!("c{cell}m{m}")).unwrap())
            .collect();
        let home = found
            .accounts
            .iter()
            .find(|a| a.user == planted[0])
            .and_then(|a| a.cell)
            .expect("a planted member is in a cell");
        let members = &found.cells[home].members;
        assert!(
            planted.iter().all(|u| members.contains(u)),
            "cell {cell} split"
        );
        let strangers = members.iter().filter(|u| !planted.contains(u)).count();
        assert!(
            strangers < CELL_SIZE / 2,
            "cell {cell} is not the majority of its community"
        );
        assert!(found.cells[home].density > 0.6);
    }
    let timing = |name: &str| {
        let user = messages.find_user(name).unwrap();
        found
            .accounts
            .iter()
            .find(|a| a.user == user)
            .unwrap()
            .timing
    };
    for cell in 0..CELLS {
        assert_eq!(timing(&format!("c{cell}m0")), Timing::Seeder, "cell {cell}");
        let amplifiers = (1..CELL_SIZE)
            .filter(|m| timing(&format!("c{cell}m{m}")) == Timing::Amplifier)
            .count();
        assert!(
            amplifiers >= CELL_SIZE - 2,
            "cell {cell}: {amplifiers} amplifiers"
        );
    }
    let bridge = messages.find_user(BRIDGE).unwrap();
    let role = found.accounts.iter().find(|a| a.user == bridge).unwrap();
    assert_eq!(role.role, Role::Bridge, "{role:?}");
    // Largest first.
    let sizes: Vec<usize> = found.cells.iter().map(|c| c.members.len()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    assert!(found.accounts.iter().any(|a| a.role == Role::Hub));
    // A seed gives the same cells every time.
    assert_eq!(
        found,
        find_cells(&network, &messages, &CellOptions::default())
    );
}

#[test]
fn cells_and_accounts_are_written_as_csv() {
    let messages = world();
    let options = CoordOptions {
        window_secs: 10.0,
        min_weight: 2,
        ..CoordOptions::default()
    };
    let network = coordinate(&messages, NetworkKind::CoLink, &options);
    let found = find_cells(&network, &messages, &CellOptions::default());
    let mut cells = Vec::new();
    flowtrace_social::cells::write_cells_csv(&found, &messages, &mut cells).unwrap();
    let cells = String::from_utf8(cells).unwrap();
    assert_eq!(cells.lines().count(), found.cells.len() + 1);
    assert!(cells.starts_with("rank,size,density,internal_weight,activity,hub,members\n1,"));
    let mut accounts = Vec::new();
    flowtrace_social::cells::write_accounts_csv(&found, &messages, &mut accounts).unwrap();
    let accounts = String::from_utf8(accounts).unwrap();
    assert_eq!(accounts.lines().count(), found.accounts.len() + 1);
    assert!(accounts.contains("\"bridge\",\"bridge\","), "{accounts}");
    assert!(accounts.contains(",seeder,"));
}

/// Four cells of six accounts that coordinate in two ways: by links in halves (members 0-2 and
/// 3-5 each share their own URL) and by reposts across the halves (pairs 0-3, 1-4, 2-5 repost
/// the same post). Each network alone splits every cell; their union holds it whole.
fn two_way_cells() -> Messages {
    let mut rows: Vec<(String, Option<String>, Option<String>, f64)> = Vec::new();
    for burst in 0..10 {
        for cell in 0..4 {
            let t0 = f64::from(burst * 10_000 + cell * 1_000);
            for half in 0..2 {
                let url = format!("cell{cell}-{half}.example/{burst}");
                for k in 0..3 {
                    let user = format!("c{cell}m{}", 3 * half + k);
                    rows.push((user, Some(url.clone()), None, t0 + f64::from(k)));
                }
            }
            for pair in 0..3 {
                let post = format!("orig{cell}-{pair}-{burst}");
                for (k, member) in [pair, pair + 3].into_iter().enumerate() {
                    let user = format!("c{cell}m{member}");
                    rows.push((user, None, Some(post.clone()), t0 + 500.0 + k as f64));
                }
            }
        }
    }
    let mut m = Messages::new(false);
    for (i, (user, url, repost, t)) in rows.iter().enumerate() {
        let id = i.to_string();
        let post = Post {
            message_id: &id,
            user_id: user,
            username: user,
            repost_id: repost.as_deref(),
            timestamp: *t,
            urls: url.iter().map(String::as_str).collect(),
            ..Post::default()
        };
        m.add(&post).unwrap();
    }
    m
}

#[test]
fn the_union_of_networks_finds_cells_that_each_network_splits() {
    let messages = two_way_cells();
    let options = CoordOptions {
        window_secs: 10.0,
        min_weight: 2,
        ..CoordOptions::default()
    };
    let links = coordinate(&messages, NetworkKind::CoLink, &options);
    let reposts = coordinate(&messages, NetworkKind::CoRetweet, &options);
    let cell_of = |found: &flowtrace_social::Cells, name: &str| {
        let user = messages.find_user(name).unwrap();
        found
            .accounts
            .iter()
            .find(|a| a.user == user)
            .and_then(|a| a.cell)
    };
    let by_links = find_cells(&links, &messages, &CellOptions::default());
    let by_reposts = find_cells(&reposts, &messages, &CellOptions::default());
    let union = find_cells_in_union(
        &[links.clone(), reposts.clone()],
        &messages,
        &CellOptions::default(),
    );
    for cell in 0..4 {
        let name = |m: usize| format!("c{cell}m{m}");
        assert_ne!(cell_of(&by_links, &name(0)), cell_of(&by_links, &name(3)));
        assert_eq!(
            cell_of(&by_reposts, &name(0)),
            None,
            "pairs are too small for cells"
        );
        let home = cell_of(&union, &name(0)).expect("in a cell");
        assert!(
            (1..6).all(|m| cell_of(&union, &name(m)) == Some(home)),
            "cell {cell}"
        );
        assert_eq!(union.cells[home].members.len(), 6);
    }
    // Leads and follows add up over the networks.
    let user = messages.find_user("c0m0").unwrap();
    let role = union.accounts.iter().find(|a| a.user == user).unwrap();
    let (a, b) = (links.lead_follow(user), reposts.lead_follow(user));
    assert_eq!(role.lead_follow.leads, a.leads + b.leads);
    assert_eq!(role.lead_follow.follows, a.follows + b.follows);
    // One network: the same as find_cells.
    assert_eq!(
        find_cells_in_union(
            std::slice::from_ref(&links),
            &messages,
            &CellOptions::default()
        ),
        by_links
    );
}
