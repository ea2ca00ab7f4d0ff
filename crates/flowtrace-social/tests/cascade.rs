//! Spread chains on small hand-made posts: the seeder comes first (ties in input order), reposts
//! of reposts are followed, URLs and hashes are matched as whole tokens, countries and reach.

use std::path::Path;

use flowtrace_social::cascade::{cascade, cascade_summary, cascade_to_json, Countries, Via};
use flowtrace_social::{read_messages, MessageFormat, Messages, ReadOptions};

const HEADER: &str = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls";

fn load(dir: &Path, rows: &[&str]) -> Messages {
    let path = dir.join("posts.csv");
    std::fs::write(&path, format!("{HEADER}\n{}\n", rows.join("\n"))).unwrap();
    let options = ReadOptions {
        keep_text: true,
        ..ReadOptions::default()
    };
    read_messages(&path, MessageFormat::ToolkitCsv, &options)
        .unwrap()
        .messages
}

/// (message id, user, via, parent, depth) of every post, in cascade order.
fn posts(m: &Messages, item: &str) -> Vec<(String, String, &'static str, String, u32)> {
    let c = cascade(m, item, None).expect("a cascade");
    c.posts
        .iter()
        .map(|p| {
            (
                m.message_key(p.message).to_string(),
                m.user_key(p.user).to_string(),
                p.via.name(),
                p.parent
                    .map_or(String::new(), |x| m.message_key(x).to_string()),
                p.depth,
            )
        })
        .collect()
}

#[test]
fn seeder_first_and_reposts_of_reposts_followed() {
    let dir = tempfile::tempdir().unwrap();
    let m = load(
        dir.path(),
        &[
            "r2,u3,c,r1,,,130,",
            "p1,u1,a,,,watch this,100,",
            "r1,u2,b,p1,,,110,",
            "x1,u9,z,,,unrelated,105,",
            "r3,u4,d,r2,,,4000,",
            "r4,u2,b,p1,,,7300,",
            "q1,u5,e,,p1,a reply is not a carrier,120,",
        ],
    );
    let got = posts(&m, "p1");
    let want = [
        ("p1", "u1", "post", "", 0),
        ("r1", "u2", "repost", "p1", 1),
        ("r2", "u3", "repost", "r1", 2),
        ("r3", "u4", "repost", "r2", 3),
        ("r4", "u2", "repost", "p1", 1),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|&(a, b, c, d, e)| (a.to_string(), b.to_string(), c, d.to_string(), e))
        .collect();
    assert_eq!(got, want);
    let c = cascade(&m, "p1", None).unwrap();
    assert_eq!(m.user_key(c.seeder().user), "u1");
    assert!(c.seeder().seeder && !c.accounts[1].seeder);
    let u2 = &c.accounts[1];
    assert_eq!((u2.posts, u2.reposts), (2, 2));
    // u1, u2, u3 in hour 0; u4 at +3900 s in hour 1; u2's second repost adds no one.
    let reach: Vec<(u64, usize, usize)> = c
        .reach
        .iter()
        .map(|r| (r.hour, r.new_accounts, r.accounts))
        .collect();
    assert_eq!(reach, [(0, 3, 3), (1, 1, 4)]);
    assert_eq!(c.countries.len(), 1);
    assert_eq!(c.countries[0].country, None);
    assert!(cascade(&m, "nothing", None).is_none());
}

#[test]
fn ties_go_to_the_earlier_row_and_a_missing_original_is_carried_by_its_reposts() {
    let dir = tempfile::tempdir().unwrap();
    let m = load(
        dir.path(),
        &[
            "a,u2,b,,,join https://vid.example/x1 now,50,https://vid.example/x1",
            "b,u1,a,,,,50,https://vid.example/x1",
            "c,u3,c,a,,,60,",
            "d,u4,d,gone,,,70,",
            "e,u5,e,gone,,,65,",
            "f,u6,f,d,,,80,",
        ],
    );
    let got = posts(&m, "https://vid.example/x1");
    assert_eq!(got[0].0, "a", "same second: the earlier row seeds");
    assert_eq!(
        got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
        ["a", "b", "c"]
    );
    assert_eq!(got[0].2, "url");
    let got = posts(&m, "gone");
    let ids: Vec<(&str, &str, u32)> = got
        .iter()
        .map(|p| (p.0.as_str(), p.3.as_str(), p.4))
        .collect();
    assert_eq!(ids, [("e", "", 1), ("d", "", 1), ("f", "d", 2)]);
}

#[test]
fn hashes_and_urls_match_as_whole_tokens_only() {
    let dir = tempfile::tempdir().unwrap();
    let hash = "9f86d081884c7d659a2feaa0c55ad015";
    let upper = hash.to_uppercase();
    let rows = [
        format!("1,u1,a,,,media {hash} here,10,"),
        format!("2,u2,b,,,MEDIA {upper},20,"),
        format!("3,u3,c,,,,30,https://files.example/{hash}.mp4"),
        format!("4,u4,d,,,not {hash}ff nor x{hash},40,"),
        format!("5,u5,e,,,not {hash}-2,50,https://files.example/{hash}/more"),
        "6,u6,f,2,,,60,".to_string(),
    ];
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let m = load(dir.path(), &rows);
    let got = posts(&m, hash);
    let ids: Vec<(&str, &str)> = got.iter().map(|p| (p.0.as_str(), p.2)).collect();
    assert_eq!(
        ids,
        [("1", "text"), ("2", "text"), ("3", "url"), ("6", "repost")]
    );
    assert_eq!(got[3].2, Via::Repost.name());
}

#[test]
fn countries_reach_and_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let m = load(
        dir.path(),
        &[
            "s,u1,a,,,,0,https://t.example/v",
            "k1,u2,b,s,,,10,",
            "k2,u3,c,s,,,20,",
            "k3,u4,d,s,,,7300,",
        ],
    );
    let accounts = dir.path().join("accounts.csv");
    std::fs::write(
        &accounts,
        "user_id,country\nu1,SY\nu2,TR\nu3,TR\nnobody,DE\n",
    )
    .unwrap();
    let (countries, rows) = Countries::read(&accounts, &m).unwrap();
    assert_eq!(rows, 4);
    let c = cascade(&m, "s", Some(&countries)).unwrap();
    let spread: Vec<(Option<&str>, usize, f64)> = c
        .countries
        .iter()
        .map(|s| (s.country.as_deref(), s.accounts, s.first))
        .collect();
    assert_eq!(
        spread,
        [
            (Some("TR"), 2, 10.0),
            (Some("SY"), 1, 0.0),
            (None, 1, 7300.0)
        ]
    );
    let json = cascade_to_json(&c, &m);
    assert_eq!(json["seeder"], "u1");
    assert_eq!(json["posts"][1]["parent"], "s");
    assert_eq!(json["posts"][1]["country"], "TR");
    assert_eq!(json["reach"][1]["hour"], 2);
    assert_eq!(json["reach"][1]["accounts"], 4);
    let text = cascade_summary(&c, &m);
    assert!(
        text.starts_with("cascade of s: 4 posts by 4 accounts in 2 countries over 2h01m40s\n"),
        "{text}"
    );
    assert!(
        text.contains("seeder: u1 at 0 (SY), post s (post)"),
        "{text}"
    );
    // The same input gives the same bytes.
    assert_eq!(
        text,
        cascade_summary(&cascade(&m, "s", Some(&countries)).unwrap(), &m)
    );

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "user_id,country\nu1\n").unwrap();
    let e = Countries::read(&bad, &m).unwrap_err().to_string();
    assert!(
        e.ends_with("bad.csv: line 2: 1 fields, the header has 2"),
        "{e}"
    );
}
