//! `flowtrace social coordinate|cells|cascade|link` run as a user runs them, on small posts
//! written here; bad input gives one-line errors.

mod common;

use std::path::{Path, PathBuf};

use common::flowtrace;

const HEADER: &str = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls";

/// Three accounts pushing the same two links within seconds, one account posting alone, a
/// chain of reposts of post 10, and a donation appeal naming a bank account and an IBAN.
fn posts(dir: &Path) -> PathBuf {
    let rows = [
        "1,a,A,,,look,100,https://x.example/1",
        "2,b,B,,,look,102,https://x.example/1",
        "3,c,C,,,look,105,https://x.example/1",
        "4,a,A,,,again,500,https://x.example/2",
        "5,b,B,,,again,501,https://x.example/2",
        "6,c,C,,,again,503,https://x.example/2",
        "7,d,D,,,alone,9000,https://x.example/3",
        "10,s,S,,,watch,1000,",
        "11,a,A,10,,,1010,",
        "12,b,B,11,,,1020,",
        "13,d,D,10,,,5000,",
        "20,s,S,,,\"Donate: bank 0210 account 8000A1B2C or GB82 WEST 1234 5698 7654 32\",2000,",
        "21,d,D,,,\"typo GB82 WEST 1234 5698 7654 31\",2100,",
    ];
    let path = dir.join("posts.csv");
    std::fs::write(&path, format!("{HEADER}\n{}\n", rows.join("\n"))).unwrap();
    path
}

const TRANSFERS: &str = "\
Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering
2022/09/01 00:02,0011,800111111,0210,8000A1B2C,100.00,Euro,100.00,Euro,ACH,0
2022/09/01 00:05,0012,800222222,0210,8000A1B2C,50.00,Euro,50.00,Euro,ACH,0
2022/09/01 01:00,0210,8000A1B2C,0099,800999999,140.00,Euro,140.00,Euro,Wire,0
";

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn ok(run: &std::process::Output) -> (String, String) {
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{stderr}");
    (String::from_utf8_lossy(&run.stdout).into_owned(), stderr)
}

#[test]
fn coordinate_writes_the_toolkit_edge_csv() {
    let dir = tempfile::tempdir().unwrap();
    let posts = posts(dir.path());
    let out = dir.path().join("edges.csv");
    let run = flowtrace(&[
        "social",
        "coordinate",
        path_str(&posts),
        "--network",
        "co-link",
        "--window",
        "60",
        "--min-weight",
        "2",
        "--out",
        path_str(&out),
    ]);
    let (_, stderr) = ok(&run);
    assert!(
        stderr.contains("posts.csv: read 13 rows = 13 accepted + 0 rejected"),
        "{stderr}"
    );
    assert!(
        stderr.contains("co_link: 6 edges among 3 accounts"),
        "{stderr}"
    );
    let edges = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = edges.lines().collect();
    assert_eq!(lines[0], "\"source\",\"target\",\"weight\",\"edge_type\"");
    assert_eq!(lines[1], "\"a\",\"b\",\"2\",\"co_link\"");
    assert_eq!(lines.len(), 7);
    // To standard output when --out is not given, the same bytes.
    let run = flowtrace(&[
        "social",
        "coordinate",
        path_str(&posts),
        "--network",
        "co_link",
        "--min-weight",
        "2",
        "-q",
    ]);
    assert_eq!(ok(&run).0, edges);
}

#[test]
fn co_similarity_pairs_near_duplicate_texts_above_the_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("texts.csv");
    // a and b post texts sharing 5 of their 7 distinct words (Jaccard 5/7 = 0.71); c posts a's
    // text again an hour later, outside the window.
    let rows = [
        "1,a,A,,,send money to the brothers now,100,",
        "2,b,B,,,send money to the brothers today,110,",
        "3,c,C,,,send money to the brothers now,4000,",
    ];
    std::fs::write(&path, format!("{HEADER}\n{}\n", rows.join("\n"))).unwrap();
    let coordinate = |similarity: &str| {
        flowtrace(&[
            "social",
            "coordinate",
            path_str(&path),
            "--network",
            "co-similarity",
            "--similarity",
            similarity,
            "-q",
        ])
    };
    let edges = |similarity: &str| ok(&coordinate(similarity)).0;
    assert_eq!(edges("0.8").lines().count(), 1, "only the header at 0.8");
    let loose = edges("0.7");
    assert_eq!(loose.lines().count(), 3, "{loose}");
    assert!(loose.contains("\"a\",\"b\","), "{loose}");
    assert!(loose.contains("\"b\",\"a\","), "{loose}");
    let run = coordinate("1.5");
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("at most 1"));
}

#[test]
fn cells_finds_the_three_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let posts = posts(dir.path());
    let (cells, accounts) = (
        dir.path().join("cells.csv"),
        dir.path().join("accounts.csv"),
    );
    let run = flowtrace(&[
        "social",
        "cells",
        path_str(&posts),
        "--network",
        "co-link",
        "--min-weight",
        "2",
        "--out",
        path_str(&cells),
        "--accounts-out",
        path_str(&accounts),
    ]);
    ok(&run);
    let cells = std::fs::read_to_string(&cells).unwrap();
    let lines: Vec<&str> = cells.lines().collect();
    assert_eq!(
        lines[0],
        "rank,size,density,internal_weight,activity,hub,members"
    );
    assert!(lines[1].starts_with("1,3,1.0000,"), "{cells}");
    assert!(lines[1].ends_with(",\"a b c\""), "{cells}");
    let accounts = std::fs::read_to_string(&accounts).unwrap();
    assert_eq!(accounts.lines().count(), 4, "{accounts}");
}

#[test]
fn cascade_names_the_seeder_and_follows_reposts() {
    let dir = tempfile::tempdir().unwrap();
    let posts = posts(dir.path());
    let countries = dir.path().join("online.csv");
    std::fs::write(&countries, "user_id,country\ns,SY\na,TR\nb,TR\n").unwrap();
    let run = flowtrace(&[
        "social",
        "cascade",
        path_str(&posts),
        "--item",
        "10",
        "--accounts",
        path_str(&countries),
    ]);
    let (stdout, _) = ok(&run);
    assert!(
        stdout.starts_with("cascade of 10: 4 posts by 4 accounts in 2 countries over 1h6m40s\n")
            || stdout
                .starts_with("cascade of 10: 4 posts by 4 accounts in 2 countries over 1h06m40s\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("seeder: s at 1000 (SY), post 10 (post)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("12  b  TR  repost of 11 (depth 2)"),
        "{stdout}"
    );
    let run = flowtrace(&[
        "social",
        "cascade",
        path_str(&posts),
        "--item",
        "10",
        "--json",
        "-q",
    ]);
    let json: serde_json::Value = serde_json::from_str(&ok(&run).0).unwrap();
    assert_eq!(json["seeder"], "s");
    assert_eq!(json["posts"].as_array().unwrap().len(), 4);
    assert_eq!(json["reach"][0]["accounts"], 3);
    assert_eq!(json["reach"][1]["hour"], 1);

    let run = flowtrace(&["social", "cascade", path_str(&posts), "--item", "nowhere"]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("error: no post in"), "{stderr}");
}

#[test]
fn link_joins_the_appeal_to_the_money_and_refuses_the_typo() {
    let dir = tempfile::tempdir().unwrap();
    let posts = posts(dir.path());
    let transfers = dir.path().join("transactions.csv");
    std::fs::write(&transfers, TRANSFERS).unwrap();
    // A world's accounts.csv with an identifier column is picked up beside the transfers.
    std::fs::write(
        dir.path().join("accounts.csv"),
        "bank,account,country,identifier\n0099,800999999,GB,GB82WEST12345698765432\n0011,800111111,DE,\n",
    )
    .unwrap();
    let run = flowtrace(&[
        "social",
        "link",
        "--posts",
        path_str(&posts),
        "--transfers",
        path_str(&transfers),
    ]);
    let (stdout, stderr) = ok(&run);
    assert!(
        stderr.contains("posts.csv: read 13 rows = 13 accepted + 0 rejected"),
        "{stderr}"
    );
    assert!(
        stderr.contains("transactions.csv: read 3 rows = 3 accepted + 0 rejected"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "3 identifiers in 2 posts (1 checksum-valid, 1 invalid); 2 linked to 2 accounts"
        ),
        "{stderr}"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "message_id,user_id,identifier,kind,check,account,transfers_in,transfers_out,written",
            "\"20\",\"s\",\"0210:8000A1B2C\",bank_account,none,\"0210:8000A1B2C\",2,1,\"bank 0210 account 8000A1B2C\"",
            "\"20\",\"s\",\"GB82WEST12345698765432\",iban,valid,\"0099:800999999\",1,0,\"GB82 WEST 1234 5698 7654 32\"",
            "\"21\",\"d\",\"GB82WEST12345698765431\",iban,invalid,,,,\"GB82 WEST 1234 5698 7654 31\"",
        ]
    );
    let run = flowtrace(&[
        "social",
        "link",
        "--posts",
        path_str(&posts),
        "--transfers",
        path_str(&transfers),
        "--json",
        "--linked-only",
        "-q",
    ]);
    let (stdout, _) = ok(&run);
    let rows: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["account"], "0099:800999999");
    assert_eq!(rows[1]["check"], "valid");
}

#[test]
fn bad_rows_are_set_aside_or_stop_the_run_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("bad.csv");
    std::fs::write(
        &posts,
        format!("{HEADER}\n1,a,A,,,hi,10,\n2,b,B,,,hi,soon,\n3,c,C,,,hi,12,\n"),
    )
    .unwrap();
    let run = flowtrace(&[
        "social",
        "coordinate",
        path_str(&posts),
        "--network",
        "co-tweet",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        stderr.contains("bad.csv: line 3, column 7 (timestamp): bad timestamp"),
        "{stderr}"
    );

    let rejects = dir.path().join("rejects.csv");
    let run = flowtrace(&[
        "social",
        "coordinate",
        path_str(&posts),
        "--network",
        "co-tweet",
        "--on-error",
        "skip",
        "--rejects",
        path_str(&rejects),
    ]);
    assert_eq!(run.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("read 3 rows = 2 accepted + 1 rejected"),
        "{stderr}"
    );
    assert!(std::fs::read_to_string(&rejects)
        .unwrap()
        .contains("2,b,B,,,hi,soon,"));

    for (args, message) in [
        (
            vec![
                "social",
                "coordinate",
                path_str(&posts),
                "--network",
                "co-nothing",
            ],
            "unknown network `co-nothing`",
        ),
        (
            vec![
                "social",
                "coordinate",
                path_str(&posts),
                "--network",
                "co-link",
                "--on-error",
                "skip",
            ],
            "--on-error skip needs --rejects FILE",
        ),
        (
            vec!["social", "cascade", "missing.csv", "--item", "x"],
            "missing.csv",
        ),
        (
            vec!["social", "cascade", "posts.txt", "--item", "x"],
            "cannot tell the format of posts.txt",
        ),
    ] {
        let run = flowtrace(&args);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains(message),
            "{stderr}"
        );
    }
    let bad_countries = dir.path().join("countries.csv");
    std::fs::write(&bad_countries, "user,place\na,SY\n").unwrap();
    let good = self::posts(dir.path());
    let run = flowtrace(&[
        "social",
        "cascade",
        path_str(&good),
        "--item",
        "10",
        "--accounts",
        path_str(&bad_countries),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("countries.csv: line 1: no `country` column"),
        "{stderr}"
    );
}

#[test]
fn cells_take_the_union_of_networks_and_coordinate_takes_one() {
    let dir = tempfile::tempdir().unwrap();
    let posts = posts(dir.path());
    let run = flowtrace(&[
        "social",
        "cells",
        path_str(&posts),
        "--networks",
        "co-link, co-retweet,co-link",
        "--min-weight",
        "2",
    ]);
    let (stdout, stderr) = ok(&run);
    assert!(
        stderr.contains("co_link + co_retweet: 1 cells, 3 accounts in the network"),
        "{stderr}"
    );
    assert!(
        stdout.lines().nth(1).unwrap().ends_with(",\"a b c\""),
        "{stdout}"
    );
    for (args, message) in [
        (
            vec![
                "coordinate",
                path_str(&posts),
                "--network",
                "co-link,co-tweet",
            ],
            "coordinate writes one network",
        ),
        (
            vec!["cells", path_str(&posts), "--network", "co-link,co-nothing"],
            "unknown network `co-nothing`",
        ),
    ] {
        let run = flowtrace(&[&["social"], args.as_slice()].concat());
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(message), "{stderr}");
    }
}

/// A simulated money world and its online world: `link` joins the posts to the money accounts
/// from the files alone (the world's accounts.csv carries each account's IBAN or card number),
/// finds at least 95% of the planted donation links and no other.
#[test]
fn link_joins_a_simulated_world_from_its_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("world.toml");
    std::fs::write(
        &config,
        "preset = \"small\"\ntransfers = 30000\naccounts = 5000\nbanks = 100\n\
         illicit_ratio = 0.01\n\n[online]\naccounts = 1000\ndays = 3\nposts = 5000\ncells = 4\n\
         decoys = 5\ncascades = 3\namplifiers = [5, 15]\nappeals = 20\ncharity_appeals = 10\n\
         invalid_appeals = 5\n",
    )
    .unwrap();
    let world = dir.path().join("world");
    ok(&flowtrace(&[
        "simulate",
        "--config",
        path_str(&config),
        "--out",
        path_str(&world),
        "-q",
    ]));
    let run = flowtrace(&[
        "social",
        "link",
        "--posts",
        path_str(&world.join("online/posts.csv")),
        "--transfers",
        path_str(&world.join("transactions.csv")),
        "--linked-only",
    ]);
    let (stdout, stderr) = ok(&run);
    assert!(
        stderr.contains("identifiers mapped to accounts"),
        "{stderr}"
    );
    let linked: std::collections::HashSet<(String, String)> = stdout
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').map(|f| f.trim_matches('"')).collect();
            (f[0].to_string(), f[5].replace(':', "/"))
        })
        .collect();
    let truth =
        std::fs::read_to_string(world.join("online/online_truth/donation_links.csv")).unwrap();
    let planted: std::collections::HashSet<(String, String)> = truth
        .lines()
        .skip(1)
        .filter(|l| !l.ends_with(",invalid"))
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let n = f.len();
            (f[0].to_string(), format!("{}/{}", f[n - 4], f[n - 3]))
        })
        .collect();
    assert!(planted.len() >= 25, "{truth}");
    let found = planted.intersection(&linked).count();
    assert!(
        20 * found >= 19 * planted.len(),
        "{found} of {}",
        planted.len()
    );
    let false_links: Vec<_> = linked.difference(&planted).collect();
    assert!(false_links.is_empty(), "{false_links:?}");
}
