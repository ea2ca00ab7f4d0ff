//! Parity with the C++ PDQ reference as PyPI `pdqhash` binds it: every image of the generated
//! corpus (base pictures and their edits) is decoded once, in Rust, and the same RGB pixels
//! go to `pdqhash.compute` / `compute_dihedral` (in `target/media-venv`, made by
//! `bench/media/setup-venv.sh`) and to `flowtrace_media::pdq`, so a decoder difference can
//! neither hide nor fake a mismatch. Hashes (all eight dihedral ones too) and quality must be
//! identical. The test also prints how far each edit moves the hash.
//!
//! Without python3/venv/pdqhash the test skips with a note, except in CI (`CI=true`), where
//! it fails.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::corpus;
use flowtrace_media::pdq::{self, Hash256, Luma};
use image::RgbImage;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The venv's python with pdqhash, making the venv if needed; `None` (or a panic in CI)
/// when it cannot be had.
fn pdqhash_python() -> Option<PathBuf> {
    let python = root().join("target/media-venv/bin/python");
    let imports = |p: &Path| {
        Command::new(p)
            .args(["-c", "import pdqhash, numpy"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !imports(&python) {
        let setup = root().join("bench/media/setup-venv.sh");
        let made = Command::new("bash").arg(&setup).status();
        if !made.is_ok_and(|s| s.success()) || !imports(&python) {
            let why = "pdqhash parity: could not make target/media-venv with pdqhash \
                       (needs python3, python3-venv, g++ and PyPI; see bench/media/setup-venv.sh)";
            assert!(std::env::var("CI").as_deref() != Ok("true"), "{why}");
            eprintln!("SKIPPED: {why}");
            return None;
        }
    }
    Some(python)
}

/// One reference answer: hash, quality, the eight dihedral hashes.
struct Reference {
    hash: Hash256,
    quality: u8,
    dihedral: Vec<Hash256>,
}

fn run_pdqhash(python: &Path, images: &[(String, RgbImage)]) -> Vec<Reference> {
    let dir = tempfile::tempdir().unwrap();
    let (input, output) = (dir.path().join("images.bin"), dir.path().join("hashes.txt"));
    let mut bytes = Vec::new();
    for (_, img) in images {
        bytes.extend_from_slice(&img.width().to_le_bytes());
        bytes.extend_from_slice(&img.height().to_le_bytes());
        bytes.extend_from_slice(img.as_raw());
    }
    std::fs::write(&input, bytes).unwrap();
    let script = root().join("bench/media/pdqhash_rgb.py");
    let status = Command::new(python)
        .arg(script)
        .args([&input, &output])
        .status()
        .unwrap();
    assert!(status.success(), "pdqhash_rgb.py failed");
    let text = std::fs::read_to_string(&output).unwrap();
    text.lines()
        .map(|line| {
            let f: Vec<&str> = line.split(' ').collect();
            Reference {
                hash: f[0].parse().unwrap(),
                quality: f[1].parse().unwrap(),
                dihedral: f[2..].iter().map(|h| h.parse().unwrap()).collect(),
            }
        })
        .collect()
}

#[test]
fn pdq_equals_pdqhash_on_the_generated_corpus() {
    let Some(python) = pdqhash_python() else {
        return;
    };
    let mut images: Vec<(String, RgbImage)> = Vec::new();
    for (name, base) in corpus::base_images() {
        let edited = if base.width() >= 16 {
            corpus::edits(&base)
        } else {
            Vec::new()
        };
        images.push((name.clone(), base));
        images.extend(
            edited
                .into_iter()
                .map(|(edit, img)| (format!("{name}/{edit}"), img)),
        );
    }
    let reference = run_pdqhash(&python, &images);
    assert_eq!(reference.len(), images.len());

    let mut mismatches = Vec::new();
    let mut ours = BTreeMap::new();
    for ((name, img), want) in images.iter().zip(&reference) {
        let luma = || Luma::from_image(img);
        let got = pdq::hash_luma(luma());
        let (dihedral, dihedral_quality) = pdq::hash_luma_dihedral(luma());
        if got.hash != want.hash || got.quality != want.quality {
            mismatches.push(format!(
                "{name}: ours {} q{} vs pdqhash {} q{} ({} bits differ)",
                got.hash,
                got.quality,
                want.hash,
                want.quality,
                got.hash.distance(&want.hash)
            ));
        }
        for (k, (g, w)) in dihedral.iter().zip(&want.dihedral).enumerate() {
            if g != w {
                mismatches.push(format!(
                    "{name}: dihedral {:?} differs by {} bits",
                    pdq::Dihedral::ALL[k],
                    g.distance(w)
                ));
            }
        }
        if dihedral_quality != want.quality && img.dimensions() != (64, 64) {
            mismatches.push(format!(
                "{name}: dihedral quality {dihedral_quality} vs {}",
                want.quality
            ));
        }
        ours.insert(name.clone(), (got, dihedral));
    }
    println!(
        "pdq parity: {} images compared with pdqhash, {} mismatches",
        images.len(),
        mismatches.len()
    );
    print_edit_distances(&ours);
    assert!(
        mismatches.is_empty(),
        "PDQ differs from pdqhash:\n{}",
        mismatches.join("\n")
    );
}

/// For every edit and kind of picture: the Hamming distance from the original's hash over the
/// base pictures of quality 50 or more (min / median / max), and for rotations and flips also
/// the best of the original's eight dihedral hashes, which is what a dihedral-aware matcher sees.
fn print_edit_distances(ours: &BTreeMap<String, (pdq::Pdq, [Hash256; 8])>) {
    type Distances = (Vec<u32>, Vec<u32>);
    let mut per_edit: BTreeMap<(&str, &str), Distances> = BTreeMap::new();
    for (name, (pdq, _)) in ours {
        let Some((base, edit)) = name.split_once('/') else {
            continue;
        };
        let (original, original_dihedral) = &ours[base];
        if original.quality < 50 {
            continue;
        }
        let kind = base.trim_end_matches(|c: char| c != 's' && c != 'e');
        let best = original_dihedral
            .iter()
            .map(|h| h.distance(&pdq.hash))
            .min()
            .unwrap_or(256);
        for key in [(edit, "all"), (edit, kind)] {
            let entry = per_edit.entry(key).or_default();
            entry.0.push(original.hash.distance(&pdq.hash));
            entry.1.push(best);
        }
    }
    println!(
        "{:<16} {:<8} {:>3} {:>16} {:>20} {:>10}",
        "edit", "pictures", "n", "dist min/med/max", "dihedral min/med/max", "<=31"
    );
    for ((edit, kind), (plain, dihedral)) in per_edit.iter_mut() {
        let summary = |v: &mut Vec<u32>| {
            v.sort_unstable();
            format!("{}/{}/{}", v[0], v[v.len() / 2], v[v.len() - 1])
        };
        let n = plain.len();
        let within = dihedral.iter().filter(|&&d| d <= 31).count();
        println!(
            "{edit:<16} {kind:<8} {n:>3} {:>16} {:>20} {:>10}",
            summary(plain),
            summary(dihedral),
            format!("{within}/{n}")
        );
    }
}
