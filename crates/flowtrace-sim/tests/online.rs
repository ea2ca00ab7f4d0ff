//! Online worlds: determinism, the toolkit's CSV read back without a reject, planted cells
//! recovered by flowtrace-social's coordination networks, and donation identifiers that
//! resolve to money-world accounts.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use flowtrace_sim::online::money::{iban_account, iban_valid};
use flowtrace_sim::{simulate, simulate_online, OnlineConfig, OutputFormat, WorldConfig};
use flowtrace_social::messages::NONE;
use flowtrace_social::{
    coordinate, find_cells, read_messages, CellOptions, CoordOptions, MessageFormat, Messages,
    NetworkKind, Post, ReadOptions,
};

const FILES: [&str; 9] = [
    "posts.csv",
    "online_accounts.csv",
    "follows.csv",
    "online_truth/cells.csv",
    "online_truth/cell_posts.csv",
    "online_truth/cascades.csv",
    "online_truth/media.csv",
    "online_truth/decoys.csv",
    "online_truth/donation_links.csv",
];

fn config(seed: u64) -> WorldConfig {
    let mut config = WorldConfig::preset("small").unwrap();
    config.seed = seed;
    config.transfers = 30_000;
    config.accounts = 5_000;
    config.banks = 100;
    // Enough terrorist financing that the money world has collectors to advertise.
    config.illicit_ratio = 0.01;
    config.online = Some(OnlineConfig {
        accounts: 2_000,
        days: 4,
        posts: 20_000,
        cells: 8,
        decoys: 20,
        cascades: 12,
        amplifiers: [8, 30],
        appeals: 30,
        charity_appeals: 15,
        invalid_appeals: 10,
        ..OnlineConfig::default()
    });
    config
}

/// A money world and the online world beside it.
fn worlds(seed: u64) -> (tempfile::TempDir, tempfile::TempDir) {
    let (money, online) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let config = config(seed);
    simulate(&config, &[], money.path(), OutputFormat::Csv, None).unwrap();
    simulate_online(&config, money.path(), online.path()).unwrap();
    (money, online)
}

fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap()
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let (_m1, a) = worlds(5);
    let (_m2, b) = worlds(5);
    let (_m3, c) = worlds(6);
    for name in FILES {
        assert!(
            read(a.path(), name) == read(b.path(), name),
            "{name} differs between two runs"
        );
    }
    assert!(read(a.path(), "posts.csv") != read(c.path(), "posts.csv"));
}

/// The bytes of a small online world are pinned (see `golden_world` in `world.rs`; print new
/// digests with `cargo test -p flowtrace-sim --test online golden -- --nocapture`).
#[test]
fn golden_online_world() {
    let (_money, online) = worlds(1);
    let digests: Vec<(&str, u64)> = FILES
        .iter()
        .map(|&n| (n, fnv(&read(online.path(), n))))
        .collect();
    println!("{digests:x?}");
    for ((name, got), want) in digests.iter().zip(GOLDEN) {
        assert_eq!(*got, want, "{name} changed (digest {got:#x})");
    }
}

const GOLDEN: [u64; 9] = [
    0x7997943d418536e9,
    0xf594b7c79848e8d9,
    0x73021e2e2a88e496,
    0x8c1cee725aae3392,
    0xaf47ddcb01eb6c29,
    0x58480649e59ec81b,
    0x83e108bc413a9181,
    0xd272cac90c45a542,
    0x1acee7753445e98d,
];

/// Splits a CSV line with quoted fields.
fn fields(line: &str) -> Vec<String> {
    common::csv_lines_of(line)
}

fn truth(dir: &Path, name: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(dir.join("online_truth").join(name)).unwrap();
    text.lines().skip(1).map(fields).collect()
}

/// Every original post keyed by its URLs and its normalised text, every repost by what it
/// reposts, all as "URLs": one co-link network that holds co-link, co-tweet and co-retweet.
fn combined(m: &Messages) -> Messages {
    let mut out = Messages::new(false);
    for i in 0..m.len() {
        let id = i.to_string();
        let mut keys: Vec<String> = Vec::new();
        if m.reposts()[i] != NONE {
            keys.push(format!("rt:{}", m.item_key(m.reposts()[i])));
        } else {
            keys.extend(m.urls_of(i).iter().map(|&u| format!("url:{}", m.url(u))));
            if !m.normalised_text(i).is_empty() {
                keys.push(format!("tx:{:x}", m.text_hashes()[i]));
            }
        }
        let user = m.user_key(m.users()[i]);
        let post = Post {
            message_id: &id,
            user_id: user,
            username: user,
            timestamp: m.times()[i],
            urls: keys.iter().map(String::as_str).collect(),
            ..Post::default()
        };
        out.add(&post).unwrap();
    }
    out
}

/// Share of planted cell members that sit in a found community where their own cell's
/// members are the majority.
fn recovery(m: &Messages, kind: NetworkKind, planted: &BTreeMap<String, Vec<String>>) -> f64 {
    let options = CoordOptions {
        window_secs: 60.0,
        min_weight: 2,
        ..CoordOptions::default()
    };
    let network = coordinate(m, kind, &options);
    let found = find_cells(&network, m, &CellOptions::default());
    let cell_of: HashMap<u32, usize> = found
        .accounts
        .iter()
        .filter_map(|a| a.cell.map(|c| (a.user, c)))
        .collect();
    let (mut members, mut recovered) = (0usize, 0usize);
    for users in planted.values() {
        let ids: HashSet<u32> = users.iter().filter_map(|u| m.find_user(u)).collect();
        for u in users {
            members += 1;
            let Some(&c) = m.find_user(u).and_then(|id| cell_of.get(&id)) else {
                continue;
            };
            let community = &found.cells[c].members;
            let own = community.iter().filter(|x| ids.contains(x)).count();
            recovered += usize::from(2 * own > community.len());
        }
    }
    recovered as f64 / members as f64
}

#[test]
fn planted_cells_are_recovered_by_coordination_networks() {
    let (_money, online) = worlds(1);
    let loaded = read_messages(
        &online.path().join("posts.csv"),
        MessageFormat::ToolkitCsv,
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(loaded.report.rejected, 0, "{}", loaded.report);
    let posts = std::fs::read_to_string(online.path().join("posts.csv")).unwrap();
    assert_eq!(loaded.report.accepted as usize, loaded.messages.len());
    assert!(loaded.messages.len() > 20_000 && posts.contains("pdq:"));
    let mut planted: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in truth(online.path(), "cells.csv") {
        planted
            .entry(row[0].clone())
            .or_default()
            .push(row[1].clone());
    }
    assert_eq!(planted.len(), 8);
    let m = &loaded.messages;
    let mut report = Vec::new();
    for kind in [
        NetworkKind::CoLink,
        NetworkKind::CoRetweet,
        NetworkKind::CoTweet,
    ] {
        report.push((kind.name(), recovery(m, kind, &planted)));
    }
    let all = combined(m);
    let together = recovery(&all, NetworkKind::CoLink, &planted);
    report.push(("combined", together));
    println!("planted-cell recovery: {report:?}");
    assert!(together >= 0.9, "recovery {report:?}");
}

#[test]
fn donation_identifiers_resolve_to_money_accounts() {
    let (money, online) = worlds(1);
    let accounts: HashSet<String> = common::accounts(money.path()).into_keys().collect();
    let links = truth(online.path(), "donation_links.csv");
    let posts = std::fs::read_to_string(online.path().join("posts.csv")).unwrap();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for row in &links {
        let [_, _, identifier, bank, account, format, kind] = row.as_slice() else {
            panic!("row {row:?}");
        };
        *kinds.entry(kind.clone()).or_default() += 1;
        assert!(
            posts.contains(identifier.as_str()),
            "{identifier} not posted"
        );
        if kind == "invalid" {
            assert!(!iban_valid(identifier), "{identifier}");
            assert!(bank.is_empty() && account.is_empty());
            continue;
        }
        assert!(
            accounts.contains(&format!("{bank}/{account}")),
            "{bank}/{account} is no money-world account"
        );
        if format == "iban" {
            assert_eq!(
                iban_account(identifier),
                Some((bank.clone(), account.clone()))
            );
        }
    }
    println!("donation links: {kinds:?}");
    assert_eq!(kinds.get("appeal"), Some(&30));
    assert_eq!(kinds.get("charity"), Some(&15));
    assert_eq!(kinds.get("invalid"), Some(&10));
    let roles = std::fs::read_to_string(money.path().join("roles.csv")).unwrap();
    for row in links.iter().filter(|r| r[6] == "appeal") {
        assert!(roles.contains(&format!("{},{},collector", row[3], row[4])));
    }
}

#[test]
fn cascades_start_with_their_seeder_and_cross_countries() {
    let (_money, online) = worlds(1);
    let rows = truth(online.path(), "cascades.csv");
    let mut items: BTreeMap<String, Vec<&Vec<String>>> = BTreeMap::new();
    for row in &rows {
        items.entry(row[0].clone()).or_default().push(row);
    }
    assert_eq!(items.len(), 12);
    for rows in items.values() {
        assert_eq!(rows[0][1], "seeder");
        let t0: i64 = rows[0][6].parse().unwrap();
        assert!(rows[1..].iter().all(|r| r[6].parse::<i64>().unwrap() > t0));
        let countries: HashSet<&str> = rows.iter().map(|r| r[5].as_str()).collect();
        assert!(countries.len() >= 2, "{countries:?}");
        assert!(rows.iter().all(|r| r[7].len() == 64));
    }
}
