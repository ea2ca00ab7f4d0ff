//! Writes the sample report (every block type, awkward names, a cycle, a truncated graph) to the
//! path given, for looking at in a browser or screenshotting with `bench/browser/check-report.sh`.
//!
//! ```text
//! cargo run -p flowtrace-report --example sample_report -- /tmp/sample-report.html
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "sample-report.html".to_string());
    common::sample_report().write(&path)?;
    println!("wrote {path}");
    Ok(())
}
