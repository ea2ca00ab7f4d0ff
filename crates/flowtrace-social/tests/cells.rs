//! Cells and roles on a co-link network with planted cells (each with a seeder), a bridge and
//! background noise.

mod common;

use common::Rng;
use flowtrace_social::{
    coordinate, find_cells, CellOptions, CoordOptions, Messages, NetworkKind, Post, Role, Timing,
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
