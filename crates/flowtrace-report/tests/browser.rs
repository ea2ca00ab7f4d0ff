//! Renders the sample report in headless Chromium through `bench/browser/check-report.sh` and
//! checks a real screenshot came out. Skipped, with a note, where Chromium is not installed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/browser/check-report.sh")
}

/// Width and height from a PNG's header chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

#[test]
fn the_sample_report_renders_in_chromium() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("skipped: {CHROMIUM} is not installed (apt-get install chromium)");
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-browser");
    std::fs::create_dir_all(&dir).expect("make the output folder");
    let (html, png) = (
        dir.join("sample-report.html"),
        dir.join("sample-report.png"),
    );
    let _ = std::fs::remove_file(&png);
    common::sample_report()
        .write(&html)
        .expect("write the sample report");

    let output = Command::new("bash")
        .arg(script())
        .arg(&html)
        .arg(&png)
        .env("CHROMIUM", CHROMIUM)
        .env("EXPECTED_SVGS", common::SVG_COUNT.to_string())
        .output()
        .expect("run check-report.sh");
    assert!(
        output.status.success(),
        "check-report.sh failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    let bytes = std::fs::read(&png).expect("read the screenshot");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(
        bytes.len() > 50_000,
        "a {} byte screenshot is too small to show the page",
        bytes.len()
    );
    assert_eq!(png_size(&bytes), (1280, 2400));
}
