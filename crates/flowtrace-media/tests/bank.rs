//! Hash banks: create, add, remove, list, CSV import and export round trips, bad rows named
//! by file and line, and a bank file that survives being closed and reopened.

use std::path::Path;

use flowtrace_media::bank::{BankEntry, BankError, BankStore, HashType, OnError, PdqBank};
use flowtrace_media::Pdq;

const PDQ_A: &str = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
const PDQ_B: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const MD5: &str = "900150983cd24fb0d6963f7d28e17f72";

#[test]
fn banks_round_trip_through_csv_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("banks.sqlite");
    {
        let mut store = BankStore::open(&path).unwrap();
        store.create_bank("partner", "shared by a partner").unwrap();
        let csv = format!(
            "hash_type,hash_value,item,ideology\n\
             pdq,{},item-1,\"group, with comma\"\n\
             MD5,{MD5},item-2\n\
             \n\
             pdq,{PDQ_B}\n\
             pdq,{PDQ_A},duplicate\n",
            PDQ_A.to_uppercase()
        );
        let report = store
            .import_csv(
                "partner",
                csv.as_bytes(),
                Path::new("partner.csv"),
                &OnError::Fail,
            )
            .unwrap();
        assert_eq!(
            (report.books.rows_read, report.added, report.duplicates),
            (4, 3, 1)
        );
    }
    let mut store = BankStore::open(&path).unwrap();
    let banks = store.banks().unwrap();
    assert_eq!(banks.len(), 1);
    assert_eq!(
        banks[0].counts,
        vec![
            (HashType::Pdq, 2),
            (HashType::Md5, 1),
            (HashType::Sha256, 0)
        ]
    );
    let entries = store.entries("partner").unwrap();
    assert_eq!(entries[0].hash_value, PDQ_A);
    assert_eq!(entries[0].labels, ["item-1", "group, with comma"]);

    let mut exported = Vec::new();
    assert_eq!(
        store
            .export_csv("partner", &mut exported, "out.csv")
            .unwrap(),
        3
    );
    store.create_bank("copy", "").unwrap();
    store
        .import_csv(
            "copy",
            exported.as_slice(),
            Path::new("out.csv"),
            &OnError::Fail,
        )
        .unwrap();
    assert_eq!(store.entries("copy").unwrap(), entries);

    assert!(store.remove("partner", HashType::Md5, MD5).unwrap());
    assert!(!store.remove("partner", HashType::Md5, MD5).unwrap());
    let entry = BankEntry::new(HashType::Sha256, &"ab".repeat(32), vec!["x".into()]).unwrap();
    assert!(store.add("partner", &entry).unwrap());
    assert!(!store.add("partner", &entry).unwrap());
    store.delete_bank("copy").unwrap();
    assert_eq!(store.banks().unwrap().len(), 1);

    let bank = store.pdq_bank("partner").unwrap();
    let query = PDQ_A.parse().unwrap();
    let hits = bank.index.query(&query, 31);
    assert_eq!(hits.len(), 1);
    assert_eq!(bank.entries[hits[0].id as usize].labels[0], "item-1");
    let good = Pdq {
        hash: query,
        quality: 80,
    };
    let found = bank.matches(&good, PdqBank::DEFAULT_RADIUS, PdqBank::DEFAULT_MIN_QUALITY);
    assert_eq!((found.len(), found[0].distance), (1, 0));
    assert_eq!(found[0].entry.labels[0], "item-1");
    let flat = Pdq {
        hash: query,
        quality: 10,
    };
    assert!(bank
        .matches(&flat, 31, PdqBank::DEFAULT_MIN_QUALITY)
        .is_empty());
}

#[test]
fn bad_rows_name_file_and_line_and_import_nothing() {
    let mut store = BankStore::open_in_memory().unwrap();
    store.create_bank("b", "").unwrap();
    let cases = [
        (
            format!("pdq,{PDQ_A}\nphash,{PDQ_A}\n"),
            2,
            "unknown hash type",
        ),
        (format!("pdq,{PDQ_A}\npdq,{MD5}\n"), 2, "64 hex digits"),
        ("md5\n".to_string(), 1, "fewer than two fields"),
        (format!("sha256,{}\n", "g".repeat(64)), 1, "not a hex digit"),
    ];
    for (csv, line, why) in cases {
        let err = store
            .import_csv("b", csv.as_bytes(), Path::new("bad.csv"), &OnError::Fail)
            .unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with(&format!("bad.csv: line {line}: ")) && text.contains(why),
            "{text}"
        );
        assert!(
            store.entries("b").unwrap().is_empty(),
            "a failed import left rows behind"
        );
    }
    // Skipped: a bad record whose quoted label spans two lines, and (after a blank line) a row
    // that is not UTF-8;
    // each goes to the rejects file byte for byte and the books reconcile.
    let dir = tempfile::tempdir().unwrap();
    let rejects = dir.path().join("rejects.csv");
    let skip = OnError::Skip {
        rejects: Some(rejects.clone()),
    };
    let mut csv = format!("pdq,{PDQ_A}\r\nphash,x,\"two\nlines\"\r\n\r\n").into_bytes();
    csv.extend_from_slice(b"pdq,\xff\n");
    csv.extend_from_slice(format!("pdq,{PDQ_B}\n").as_bytes());
    let report = store
        .import_csv("b", csv.as_slice(), Path::new("bad.csv"), &skip)
        .unwrap();
    assert_eq!((report.added, report.books.rejected), (2, 2));
    assert!(report.books.reconciles());
    let lines: Vec<u64> = report.books.first_errors.iter().map(|e| e.line).collect();
    assert_eq!(
        lines,
        [2, 5],
        "a blank line and CRLF endings do not shift line numbers"
    );
    let written = std::fs::read(&rejects).unwrap();
    let has = |needle: &[u8]| written.windows(needle.len()).any(|w| w == needle);
    assert!(has(b",\"phash,x,\"\"two\nlines\"\"\"\n"), "{written:?}");
    assert!(has(b",\"pdq,\xff\"\n"), "{written:?}");
    let not_utf8 = b"pdq,\xff\xfe\n".to_vec();
    assert!(store
        .import_csv(
            "b",
            not_utf8.as_slice(),
            Path::new("bin.csv"),
            &OnError::Fail
        )
        .is_err());
}

#[test]
fn missing_and_duplicate_banks_are_errors() {
    let mut store = BankStore::open_in_memory().unwrap();
    assert!(matches!(
        store.entries("nope"),
        Err(BankError::NoSuchBank(_))
    ));
    store.create_bank("a", "").unwrap();
    assert!(matches!(
        store.create_bank("a", ""),
        Err(BankError::BankExists(_))
    ));
    assert!(matches!(
        store.create_bank(" ", ""),
        Err(BankError::BadName(_))
    ));
    let dir = tempfile::tempdir().unwrap();
    let err = BankStore::open(&dir.path().join("no/such/dir/banks.sqlite"))
        .err()
        .unwrap();
    assert!(err.to_string().contains("no/such/dir"), "{err}");
}
