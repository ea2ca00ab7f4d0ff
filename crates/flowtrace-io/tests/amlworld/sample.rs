//! The committed demo sample, through `read_transfers` and `write_transfers`, and progress.

use std::sync::atomic::{AtomicU64, Ordering};

use flowtrace_io::{read_transfers, FileFormat};

use super::*;

#[test]
fn the_sample_loads_through_read_transfers() {
    let path = data("amlworld-sample.csv");
    assert_eq!(FileFormat::from_path(&path), Some(FileFormat::AmlworldCsv));
    let loaded = read_transfers(&path, FileFormat::AmlworldCsv, &fail()).unwrap();
    let report = &loaded.report;
    assert_eq!(
        (report.rows_read, report.accepted, report.rejected),
        (2000, 2000, 0)
    );
    assert_eq!(loaded.transfers.len(), 2000);
    assert_time_ordered(&loaded.transfers);
    // The generator stamps about 1% of rows earlier than their neighbours.
    assert!(!loaded.transfers.input_was_sorted());
    let direct = read(&path, &fail());
    assert_eq!(keys(&direct.accounts), keys(&loaded.accounts));
    assert_eq!(
        rows(&direct.accounts, &direct.transfers),
        rows(&loaded.accounts, &loaded.transfers)
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample.csv");
    flowtrace_io::write_transfers(
        &loaded.accounts,
        &loaded.transfers,
        &out,
        FileFormat::AmlworldCsv,
    )
    .unwrap();
    let back = read_transfers(&out, FileFormat::AmlworldCsv, &fail()).unwrap();
    assert_eq!(
        rows(&back.accounts, &back.transfers),
        rows(&loaded.accounts, &loaded.transfers)
    );
}

#[test]
fn progress_rises_to_the_file_size() {
    let path = data("amlworld-sample.csv");
    let seen = AtomicU64::new(0);
    let progress = |bytes| {
        assert!(bytes >= seen.load(Ordering::Relaxed), "progress went back");
        seen.store(bytes, Ordering::Relaxed);
    };
    let options = ReadOptions {
        progress: Some(&progress),
        ..ReadOptions::default()
    };
    read(&path, &options);
    let len = std::fs::metadata(&path).unwrap().len();
    assert_eq!(seen.load(Ordering::Relaxed), len);
}
