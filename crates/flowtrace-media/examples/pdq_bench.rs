//! PDQ hashing speed from decoded RGB pixels, side by side with PyPI `pdqhash` on the same
//! pixels: hashes the parity test's generated corpus (base pictures and their edits, 64 x 64
//! to 1800 x 1200) `ROUNDS` times in Rust, then runs `bench/media/pdqhash_rgb.py --time` on
//! the same raw images. Needs `target/media-venv` (`bench/media/setup-venv.sh`).
//!
//! `cargo run --release -p flowtrace-media --example pdq_bench -- [ROUNDS]`

#[path = "../tests/common/corpus.rs"]
mod corpus;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use flowtrace_media::pdq;

fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace()
        .next()
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1e9
}

fn main() -> std::io::Result<()> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    let mut images = Vec::new();
    for (_, base) in corpus::base_images() {
        if base.width() >= 16 {
            images.extend(corpus::edits(&base).into_iter().map(|(_, img)| img));
        }
        images.push(base);
    }
    let pixels: u64 = images
        .iter()
        .map(|i| u64::from(i.width()) * u64::from(i.height()))
        .sum();
    println!(
        "{} images, {:.1} megapixels in all",
        images.len(),
        pixels as f64 / 1e6
    );
    for round in 1..=rounds {
        let (start, cpu) = (Instant::now(), cpu_seconds());
        for img in &images {
            let w = img.width() as usize;
            let h = img.height() as usize;
            std::hint::black_box(pdq::hash_rgb(img.as_raw(), w, h));
        }
        let (wall, cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu);
        let n = images.len() as f64;
        println!(
            "flowtrace round {round}: {:.0} images/s wall, {:.0} per on-CPU second",
            n / wall,
            n / cpu
        );
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let python = root.join("target/media-venv/bin/python");
    let dir = std::env::temp_dir().join(format!("pdq-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let raw = dir.join("images.bin");
    let mut bytes = Vec::new();
    for img in &images {
        bytes.extend_from_slice(&img.width().to_le_bytes());
        bytes.extend_from_slice(&img.height().to_le_bytes());
        bytes.extend_from_slice(img.as_raw());
    }
    std::fs::write(&raw, bytes)?;
    let status = Command::new(python)
        .arg(root.join("bench/media/pdqhash_rgb.py"))
        .arg("--time")
        .arg(&raw)
        .arg(rounds.to_string())
        .status();
    std::fs::remove_dir_all(&dir)?;
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("pdqhash side failed (run bench/media/setup-venv.sh first)");
    }
    Ok(())
}
