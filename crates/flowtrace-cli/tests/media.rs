//! `flowtrace media hash|bank|match` and `flowtrace text add|match` run as a user runs them, on
//! pictures and posts generated here: hashes equal the library's, banks round-trip through
//! CSV, edited copies match and unrelated pictures do not, a corrupt file is reported and the
//! batch goes on, and near-copies of banked texts are found.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::flowtrace;
use flowtrace_media::digest::digest_bytes;
use flowtrace_media::{pdq, synthetic};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stdout(run: &Output) -> String {
    String::from_utf8_lossy(&run.stdout).into_owned()
}

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

fn ok(run: &Output) -> String {
    assert!(run.status.success(), "{}", stderr(run));
    stdout(run)
}

/// Three generated pictures as PNG files: two to bank, one unrelated.
fn pictures(dir: &Path) -> Vec<(PathBuf, synthetic::RgbImage)> {
    synthetic::pictures(21, 3, 320, 240)
        .into_iter()
        .enumerate()
        .map(|(k, img)| {
            let path = dir.join(format!("picture-{k}.png"));
            std::fs::write(&path, synthetic::png_bytes(&img).unwrap()).unwrap();
            (path, img)
        })
        .collect()
}

/// A bank database with bank `known` holding picture 0 as `item-0`.
fn banked(dir: &Path, picture: &Path) -> PathBuf {
    let db = dir.join("banks.sqlite");
    ok(&flowtrace(&[
        "media",
        "bank",
        "create",
        "known",
        "--db",
        s(&db),
    ]));
    let add = [
        "media",
        "bank",
        "add",
        "known",
        s(picture),
        "--db",
        s(&db),
        "--item",
        "item-0",
        "--label",
        "ideology=x",
    ];
    let err = stderr(&flowtrace(&add));
    assert!(err.contains("3 hashes added, 0 already there"), "{err}");
    db
}

#[test]
fn hash_prints_the_librarys_hashes_of_each_file() {
    let dir = tempfile::tempdir().unwrap();
    let pics = pictures(dir.path());
    let out = dir.path().join("hashes.csv");
    let run = flowtrace(&[
        "media",
        "hash",
        s(&pics[0].0),
        s(&pics[1].0),
        "--out",
        s(&out),
    ]);
    ok(&run);
    assert!(stderr(&run).contains("read 2 files = 2 hashed + 0 failed"));
    let csv = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "file,pdq,quality,md5,sha256");
    assert_eq!(lines.len(), 3);
    for ((path, img), line) in pics.iter().zip(&lines[1..]) {
        let want = pdq::hash_rgb(img.as_raw(), 320, 240).unwrap();
        let digests = digest_bytes(&std::fs::read(path).unwrap());
        let row = format!(
            "{},{},{},{},{}",
            path.display(),
            want.hash,
            want.quality,
            digests.md5,
            digests.sha256
        );
        assert_eq!(*line, row);
        assert!(want.quality >= 50, "{line}");
    }
    // A directory stands for its image files, in name order.
    let from_dir = ok(&flowtrace(&["media", "hash", s(dir.path()), "-q"]));
    assert_eq!(from_dir.lines().count(), 4, "{from_dir}");
}

#[test]
fn a_corrupt_or_missing_file_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let pics = pictures(dir.path());
    let corrupt = dir.path().join("corrupt.jpg");
    std::fs::write(&corrupt, b"\xFF\xD8\xFF\xE0 this is not really a JPEG").unwrap();
    let truncated = dir.path().join("truncated.png");
    let png = std::fs::read(&pics[1].0).unwrap();
    std::fs::write(&truncated, &png[..png.len() / 2]).unwrap();
    let missing = dir.path().join("missing.png");
    let args = [
        "media",
        "hash",
        s(&corrupt),
        s(&pics[0].0),
        s(&truncated),
        s(&missing),
    ];
    let run = flowtrace(&args);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    let out = stdout(&run);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("picture-0.png"), "{out}");
    let err = stderr(&run);
    assert!(
        err.contains(&format!(
            "error: cannot decode {} as an image",
            corrupt.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("error: cannot decode {}", truncated.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("error: cannot read {}", missing.display())),
        "{err}"
    );
    assert!(err.contains("read 4 files = 1 hashed + 3 failed"), "{err}");
}

#[test]
fn banks_round_trip_through_hma_csv() {
    let dir = tempfile::tempdir().unwrap();
    let pics = pictures(dir.path());
    let db = banked(dir.path(), &pics[0].0);
    let pdq_hex = pdq::hash_rgb(pics[0].1.as_raw(), 320, 240)
        .unwrap()
        .hash
        .to_hex();
    let partner = dir.path().join("partner.csv");
    let good = "ab".repeat(32);
    let md5 = "900150983cd24fb0d6963f7d28e17f72";
    std::fs::write(
        &partner,
        format!(
            "hash_type,hash_value,item,ideology\npdq,{good},item-9,\"group, with comma\"\nmd5,{md5},item-10\nphash,1234,item-11\n"
        ),
    )
    .unwrap();

    // A bad row stops the import and nothing is imported.
    let import = [
        "media",
        "bank",
        "import",
        "known",
        s(&partner),
        "--db",
        s(&db),
    ];
    let run = flowtrace(&import);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(
        err.contains("partner.csv: line 4: unknown hash type \"phash\""),
        "{err}"
    );
    // Skipped, it goes to the rejects file as it was written.
    let rejects = dir.path().join("rejects.csv");
    let mut skip = import.to_vec();
    skip.extend(["--on-error", "skip", "--rejects", s(&rejects)]);
    let run = flowtrace(&skip);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("read 3 rows = 2 added + 0 already in bank \"known\" + 1 rejected")
    );
    let rejected = std::fs::read_to_string(&rejects).unwrap();
    assert!(
        rejected.contains("line 4") && rejected.contains("phash,1234,item-11"),
        "{rejected}"
    );

    let exported = ok(&flowtrace(&[
        "media",
        "bank",
        "export",
        "known",
        "--db",
        s(&db),
    ]));
    let lines: Vec<&str> = exported.lines().collect();
    assert_eq!(lines[0], "hash_type,hash_value,labels...");
    assert_eq!(lines[1], format!("pdq,{pdq_hex},item-0,ideology=x"));
    assert!(lines.contains(&format!("pdq,{good},item-9,\"group, with comma\"").as_str()));
    assert_eq!(lines.len(), 6, "{exported}");

    // The export imports into a new bank unchanged.
    let file = dir.path().join("export.csv");
    std::fs::write(&file, &exported).unwrap();
    ok(&flowtrace(&[
        "media",
        "bank",
        "create",
        "copy",
        "--db",
        s(&db),
    ]));
    ok(&flowtrace(&[
        "media",
        "bank",
        "import",
        "copy",
        s(&file),
        "--db",
        s(&db),
    ]));
    let again = ok(&flowtrace(&[
        "media",
        "bank",
        "export",
        "copy",
        "--db",
        s(&db),
    ]));
    assert_eq!(again, exported);

    let list = ok(&flowtrace(&[
        "media",
        "bank",
        "list",
        "--db",
        s(&db),
        "--json",
    ]));
    let first: serde_json::Value = serde_json::from_str(list.lines().next().unwrap()).unwrap();
    assert_eq!(first["bank"], "copy");
    assert_eq!(
        (first["pdq"].as_u64(), first["md5"].as_u64()),
        (Some(2), Some(2))
    );

    let remove = [
        "media",
        "bank",
        "remove",
        "copy",
        "--type",
        "md5",
        md5,
        "--db",
        s(&db),
    ];
    ok(&flowtrace(&remove));
    ok(&flowtrace(&[
        "media",
        "bank",
        "delete",
        "known",
        "--db",
        s(&db),
    ]));
    let list = ok(&flowtrace(&["media", "bank", "list", "--db", s(&db)]));
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(list.lines().nth(1).unwrap().starts_with("copy "), "{list}");
    let cells: Vec<&str> = list.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(cells[1..5], ["2", "1", "1", "0"]);
}

#[test]
fn match_finds_copies_and_edits_but_not_an_unrelated_picture() {
    let dir = tempfile::tempdir().unwrap();
    let pics = pictures(dir.path());
    let db = banked(dir.path(), &pics[0].0);
    let original = &pics[0].1;
    let exact = dir.path().join("exact.png");
    std::fs::copy(&pics[0].0, &exact).unwrap();
    let recompressed = dir.path().join("recompressed.jpg");
    std::fs::write(&recompressed, synthetic::jpeg_bytes(original, 40).unwrap()).unwrap();
    let edit = |name: &str| -> synthetic::RgbImage {
        let edits = synthetic::edits(original);
        edits.into_iter().find(|(n, _)| *n == name).unwrap().1
    };
    let resized = dir.path().join("resized.png");
    let smaller = edit("resize-50%");
    std::fs::write(&resized, synthetic::png_bytes(&smaller).unwrap()).unwrap();
    let rotated = dir.path().join("rotated.png");
    let turned = edit("rotate-90");
    std::fs::write(&rotated, synthetic::png_bytes(&turned).unwrap()).unwrap();
    let files = [&exact, &recompressed, &resized, &pics[2].0, &rotated];
    let mut args = vec!["media", "match"];
    args.extend(files.iter().map(|p| s(p)));
    args.extend(["--bank", "known", "--db", s(&db)]);
    let run = flowtrace(&args);
    let out = ok(&run);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "file",
            "bank",
            "matched_by",
            "distance",
            "quality",
            "item",
            "labels",
            "hash_type",
            "hash_value"
        ]
    );
    let of = |file: &str| -> Vec<&Vec<&str>> { rows.iter().filter(|r| r[0] == file).collect() };
    let exact_rows: Vec<&str> = of(s(&exact)).iter().map(|r| r[2]).collect();
    assert_eq!(exact_rows, ["md5", "sha256", "pdq"]);
    assert!(of(s(&exact))
        .iter()
        .all(|r| r[3] == "0" && r[5] == "item-0" && r[6] == "ideology=x"));
    for edited in [&recompressed, &resized] {
        let found = of(s(edited));
        assert_eq!(found.len(), 1, "{out}");
        assert_eq!((found[0][2], found[0][5]), ("pdq", "item-0"));
        let distance: u32 = found[0][3].parse().unwrap();
        assert!(
            (1..=31).contains(&distance),
            "{}: {distance}",
            edited.display()
        );
    }
    assert!(of(s(&pics[2].0)).is_empty(), "{out}");
    assert!(of(s(&rotated)).is_empty(), "{out}");
    assert!(
        stderr(&run).contains("3 of 5 files match bank \"known\""),
        "{}",
        stderr(&run)
    );

    // Trying the eight rotations and mirror images finds the rotated copy; JSON lines.
    let run = flowtrace(&[
        "media",
        "match",
        s(&rotated),
        s(&pics[2].0),
        "--bank",
        "known",
        "--db",
        s(&db),
        "--dihedral",
        "--json",
    ]);
    let out = ok(&run);
    let hits: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 1, "{out}");
    assert_eq!(hits[0]["file"], s(&rotated));
    assert_eq!(hits[0]["item"], "item-0");
    assert_eq!(hits[0]["labels"], serde_json::json!(["ideology=x"]));
    assert!(
        hits[0]["matched_by"].as_str().unwrap().starts_with("pdq-"),
        "{out}"
    );

    // A tighter threshold drops the edited copies but keeps the exact one.
    let tight = flowtrace(&[
        "media",
        "match",
        s(&exact),
        s(&recompressed),
        "--bank",
        "known",
        "--db",
        s(&db),
        "--threshold",
        "0",
        "-q",
    ]);
    let out = ok(&tight);
    assert!(!out.contains("recompressed"), "{out}");
}

#[test]
fn a_missing_database_or_bank_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let pics = pictures(dir.path());
    let nowhere = dir.path().join("nowhere.sqlite");
    let run = flowtrace(&[
        "media",
        "match",
        s(&pics[0].0),
        "--bank",
        "x",
        "--db",
        s(&nowhere),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains("no bank database at"),
        "{}",
        stderr(&run)
    );
    assert!(!nowhere.exists());
    let db = banked(dir.path(), &pics[0].0);
    let run = flowtrace(&[
        "media",
        "bank",
        "add",
        "nope",
        s(&pics[1].0),
        "--db",
        s(&db),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains("no bank named \"nope\""),
        "{}",
        stderr(&run)
    );
}

const KNOWN: &str = r#"{"id": "t-1", "text": "Brothers, the caravan leaves at dawn. Send your donations to the account below and join the fighters on the front line before the border closes."}
{"id": "t-2", "text": "Every true believer must take up arms against the apostate regime and its foreign masters, wherever they are found."}
"#;

#[test]
fn text_match_finds_near_copies_of_banked_texts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("banks.sqlite");
    ok(&flowtrace(&[
        "media",
        "bank",
        "create",
        "texts",
        "--db",
        s(&db),
    ]));
    let known = dir.path().join("known.jsonl");
    std::fs::write(&known, KNOWN).unwrap();
    let add = [
        "text",
        "add",
        "--bank",
        "texts",
        "--input",
        s(&known),
        "--db",
        s(&db),
        "--label",
        "source=partner",
    ];
    let err = stderr(&flowtrace(&add));
    assert!(
        err.contains("known.jsonl: read 2 rows = 2 accepted + 0 rejected"),
        "{err}"
    );
    assert!(err.contains("2 texts added, 0 already there"), "{err}");

    let posts = dir.path().join("posts.jsonl");
    let lines = [
        r#"{"id": "p1", "text": "BROTHERS!! The caravan leaves at dawn; send your donations to the account below and join the fighters on the front line before the border closes. Share!"}"#,
        r#"{"id": 2, "text": "Lovely weather for the market on Saturday, fresh lentils and figs at the usual stall."}"#,
        r#"{"id": "p3", "txt": "misspelt property"}"#,
    ];
    std::fs::write(&posts, lines.join("\n") + "\n").unwrap();
    let args = [
        "text",
        "match",
        "--bank",
        "texts",
        "--input",
        s(&posts),
        "--db",
        s(&db),
    ];
    let run = flowtrace(&args);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains("posts.jsonl: line 3, text: missing field"),
        "{}",
        stderr(&run)
    );

    let rejects = dir.path().join("rejects.csv");
    let mut skip = args.to_vec();
    skip.extend(["--on-error", "skip", "--rejects", s(&rejects)]);
    let run = flowtrace(&skip);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    let out = stdout(&run);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows[0], "post_id,bank,item,labels,jaccard");
    assert_eq!(rows.len(), 2, "{out}");
    let fields: Vec<&str> = rows[1].split(',').collect();
    assert_eq!(fields[..4], ["p1", "texts", "t-1", "source=partner"]);
    let jaccard: f64 = fields[4].parse().unwrap();
    assert!((0.5..1.0).contains(&jaccard), "{jaccard}");
    assert!(stderr(&run).contains("read 3 rows = 2 accepted + 1 rejected"));
    assert!(std::fs::read_to_string(&rejects)
        .unwrap()
        .contains("misspelt property"));

    // The same posts as the coordination-network-toolkit's CSV.
    let csv = dir.path().join("posts.csv");
    std::fs::write(
        &csv,
        "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n\
         p1,u1,U1,,,\"Brothers, the caravan leaves at dawn. Send your donations to the account below and join the fighters on the front line before the border closes now\",100,\n\
         p2,u2,U2,,,nothing to see here at all,101,\n",
    )
    .unwrap();
    let run = flowtrace(&[
        "text",
        "match",
        "--bank",
        "texts",
        "--input",
        s(&csv),
        "--db",
        s(&db),
        "--json",
    ]);
    let out = ok(&run);
    let hits: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 1, "{out}");
    assert_eq!(
        (hits[0]["post_id"].as_str(), hits[0]["item"].as_str()),
        (Some("p1"), Some("t-1"))
    );
}

#[test]
fn text_export_writes_what_text_add_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("banks.sqlite");
    for bank in ["texts", "copy"] {
        ok(&flowtrace(&[
            "media",
            "bank",
            "create",
            bank,
            "--db",
            s(&db),
        ]));
    }
    let known = dir.path().join("known.jsonl");
    std::fs::write(&known, KNOWN).unwrap();
    let add = |bank: &str, input: &std::path::Path, labels: &[&str]| {
        let mut args = vec![
            "text",
            "add",
            "--bank",
            bank,
            "--input",
            s(input),
            "--db",
            s(&db),
        ];
        for label in labels {
            args.extend(["--label", label]);
        }
        ok(&flowtrace(&args));
    };
    add("texts", &known, &["source=partner", "ideology=x"]);
    let export = |bank: &str| {
        ok(&flowtrace(&[
            "text",
            "export",
            "--bank",
            bank,
            "--db",
            s(&db),
        ]))
    };
    let exported = export("texts");
    let lines: Vec<serde_json::Value> = exported
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{exported}");
    assert_eq!(lines[0]["id"], "t-1");
    assert!(lines[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("Brothers, the caravan"));
    assert_eq!(
        lines[0]["labels"],
        serde_json::json!(["source=partner", "ideology=x"])
    );

    let file = dir.path().join("exported.jsonl");
    std::fs::write(&file, &exported).unwrap();
    add("copy", &file, &[]);
    assert_eq!(
        export("copy"),
        exported,
        "ids, texts and labels survive the round trip"
    );

    std::fs::write(&file, r#"{"id": "t-9", "text": "x", "labels": "one"}"#).unwrap();
    let run = flowtrace(&[
        "text",
        "add",
        "--bank",
        "copy",
        "--input",
        s(&file),
        "--db",
        s(&db),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains("labels: wrong type"),
        "{}",
        stderr(&run)
    );
}
