//! The demo's media step: synthetic pictures stand in for known propaganda, are banked (PDQ,
//! MD5, SHA-256 in a SQLite bank file), and copies edited the way re-uploads are (resized,
//! recompressed, cropped, watermarked, flipped, rotated) are matched against the bank, first
//! by their PDQ hash as it is, then trying its eight rotations and mirror images. The report
//! shows which copies matched, at what distance, and which edits escape the threshold.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use flowtrace_media::bank::{BankEntry, BankStore, FileMatch, HashType, MatchOptions, MatchedBy};
use flowtrace_media::{hash_image_file, synthetic, FileHashes, Hash256};
use flowtrace_report::{Block, Cell, Section, Table};
use rayon::prelude::*;

const BANK: &str = "demo-known";
const PICTURES: usize = 3;
const SIZE: (u32, u32) = (400, 300);

/// One edited copy and how matching went.
pub struct EditedCopy {
    pub file: PathBuf,
    pub item: String,
    pub edit: String,
    pub quality: u8,
    /// PDQ distance to the banked original, as the copy is.
    pub distance: u32,
    /// How the copy matched its original as it is (MD5, SHA-256 or PDQ), if it did.
    pub matched_by: Option<MatchedBy>,
    /// Nearest distance over the copy's eight rotations and mirror images.
    pub dihedral_distance: u32,
    /// Whether trying them matched the original.
    pub dihedral_matched: bool,
    /// Banked pictures other than its original that the copy matched (false matches).
    pub wrong_matches: usize,
}

/// What the media step did.
pub struct MediaDemo {
    pub bank_file: PathBuf,
    pub banked: usize,
    pub copies: Vec<EditedCopy>,
    pub threshold: u32,
    pub seconds: f64,
}

impl MediaDemo {
    pub fn matched(&self) -> usize {
        self.copies
            .iter()
            .filter(|c| c.matched_by.is_some())
            .count()
    }

    pub fn matched_dihedral(&self) -> usize {
        self.copies.iter().filter(|c| c.dihedral_matched).count()
    }
}

/// Writes the pictures, the bank and the copies under `out/media/` and matches the copies.
pub fn run(out: &Path, seed: u64) -> Result<MediaDemo> {
    let start = Instant::now();
    let dir = out.join("media");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("cannot clear {}", dir.display()))?;
    }
    for sub in ["originals", "copies"] {
        let path = dir.join(sub);
        std::fs::create_dir_all(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
    }
    let pictures = synthetic::pictures(seed, PICTURES, SIZE.0, SIZE.1);
    let items: Vec<String> = (1..=PICTURES).map(|k| format!("item-{k}")).collect();
    let bank_file = dir.join("banks.sqlite");
    let mut store = BankStore::open(&bank_file)?;
    store.create_bank(BANK, "synthetic pictures standing in for known propaganda")?;
    let mut originals = Vec::new();
    for (picture, item) in pictures.iter().zip(&items) {
        let path = dir.join("originals").join(format!("{item}.png"));
        write(&path, &synthetic::png_bytes(picture)?)?;
        let hashes = hash_image_file(&path, false)?;
        store.add_all(BANK, &entries(&hashes, item))?;
        originals.push((path, hashes.pdq.hash));
    }
    let made = make_copies(&dir.join("copies"), &pictures, &items, &originals)?;
    let matcher = store.matcher(BANK)?;
    let options = MatchOptions::default();
    let copies = made
        .into_par_iter()
        .map(|(file, k, edit)| -> Result<EditedCopy> {
            let hashes = hash_image_file(&file, true)?;
            let plain = FileHashes {
                dihedral: None,
                ..hashes.clone()
            };
            let is_item = |m: &FileMatch| m.entry.labels.first() == Some(&items[k]);
            let found = matcher.matches(&plain, &options);
            let matched_by = found.iter().find(|m| is_item(m)).map(|m| m.by);
            let wrong_matches = found.iter().filter(|m| !is_item(m)).count();
            let dihedral_matched = matcher.matches(&hashes, &options).iter().any(is_item);
            let banked: &Hash256 = &originals[k].1;
            let dihedral_distance = hashes
                .dihedral
                .iter()
                .flatten()
                .map(|h| h.distance(banked))
                .min()
                .unwrap_or(256);
            Ok(EditedCopy {
                file,
                item: items[k].clone(),
                edit,
                quality: hashes.pdq.quality,
                distance: hashes.pdq.hash.distance(banked),
                matched_by,
                dihedral_distance,
                dihedral_matched,
                wrong_matches,
            })
        })
        .collect::<Result<Vec<EditedCopy>>>()?;
    Ok(MediaDemo {
        bank_file,
        banked: PICTURES,
        copies,
        threshold: options.radius,
        seconds: start.elapsed().as_secs_f64(),
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

fn entries(hashes: &FileHashes, item: &str) -> Vec<BankEntry> {
    let labels = vec![item.to_owned(), "source=flowtrace demo".to_owned()];
    [
        (HashType::Pdq, hashes.pdq.hash.to_hex()),
        (HashType::Md5, hashes.digests.md5.clone()),
        (HashType::Sha256, hashes.digests.sha256.clone()),
    ]
    .into_iter()
    .map(|(hash_type, hash_value)| BankEntry {
        hash_type,
        hash_value,
        labels: labels.clone(),
    })
    .collect()
}

/// Writes every copy: the original byte for byte, then each edit (JPEG recompressions as JPEG
/// files, the others as PNG so that only the edit changes the pixels). Returns (file, picture,
/// edit) in a fixed order.
fn make_copies(
    dir: &Path,
    pictures: &[synthetic::RgbImage],
    items: &[String],
    originals: &[(PathBuf, Hash256)],
) -> Result<Vec<(PathBuf, usize, String)>> {
    let per_picture = pictures
        .par_iter()
        .enumerate()
        .map(|(k, picture)| -> Result<Vec<(PathBuf, usize, String)>> {
            let mut made = Vec::new();
            let exact = dir.join(format!("{}--exact-copy.png", items[k]));
            std::fs::copy(&originals[k].0, &exact)
                .with_context(|| format!("cannot write {}", exact.display()))?;
            made.push((exact, k, "exact copy".to_owned()));
            for (edit, edited) in synthetic::edits(picture) {
                let jpeg = edit.strip_prefix("jpeg-q").and_then(|q| q.parse().ok());
                let (bytes, ext) = match jpeg {
                    Some(quality) => (synthetic::jpeg_bytes(picture, quality)?, "jpg"),
                    None => (synthetic::png_bytes(&edited)?, "png"),
                };
                let path = dir.join(format!("{}--{edit}.{ext}", items[k]).replace('%', "pc"));
                write(&path, &bytes)?;
                made.push((path, k, edit.to_owned()));
            }
            Ok(made)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(per_picture.into_iter().flatten().collect())
}

fn by_name(by: MatchedBy) -> &'static str {
    match by {
        MatchedBy::Md5 => "MD5",
        MatchedBy::Sha256 => "SHA-256",
        MatchedBy::Pdq(_) => "PDQ",
    }
}

/// The copies and how each matched, as CSV.
pub fn write_csv(path: &Path, m: &MediaDemo) -> Result<()> {
    let mut w =
        csv::Writer::from_path(path).with_context(|| format!("cannot write {}", path.display()))?;
    w.write_record([
        "copy",
        "item",
        "edit",
        "quality",
        "distance",
        "matched_by",
        "dihedral_distance",
        "dihedral_matched",
        "wrong_matches",
    ])?;
    for c in &m.copies {
        w.write_record([
            c.file.display().to_string(),
            c.item.clone(),
            c.edit.clone(),
            c.quality.to_string(),
            c.distance.to_string(),
            c.matched_by.map_or("", by_name).to_owned(),
            c.dihedral_distance.to_string(),
            c.dihedral_matched.to_string(),
            c.wrong_matches.to_string(),
        ])?;
    }
    w.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// The report section: a line per copy, and which edits escape the threshold.
pub fn section(m: &MediaDemo) -> Section {
    let mut table = Table::new([
        "copy of",
        "edit",
        "PDQ quality",
        "distance (bits)",
        "matched",
        "nearest rotation or mirror",
        "matched trying them",
    ])
    .caption(format!(
        "Each edited copy against the bank: distance to its original's PDQ hash (a match is \
         {} bits or fewer of 256), and the nearest of the copy's eight rotations and mirror images.",
        m.threshold
    ));
    for c in &m.copies {
        let matched = match c.matched_by {
            Some(by) => Cell::found(format!("yes ({})", by_name(by))),
            None => Cell::missed("escaped"),
        };
        let dihedral = if c.dihedral_matched {
            Cell::found("yes")
        } else {
            Cell::missed("escaped")
        };
        table = table.row([
            Cell::new(c.item.clone()),
            Cell::new(c.edit.clone()),
            Cell::new(c.quality.to_string()),
            Cell::new(c.distance.to_string()),
            matched,
            Cell::new(c.dihedral_distance.to_string()),
            dihedral,
        ]);
    }
    let mut escaping: Vec<&str> = m
        .copies
        .iter()
        .filter(|c| c.matched_by.is_none())
        .map(|c| c.edit.as_str())
        .collect();
    escaping.sort_unstable();
    escaping.dedup();
    let wrong: usize = m.copies.iter().map(|c| c.wrong_matches).sum();
    let n = m.copies.len();
    Section::new("Matching known propaganda images")
        .intro(
            "Platforms keep known terrorist propaganda off their services by matching uploads \
             against shared hash banks: MD5 and SHA-256 catch exact copies, Meta's PDQ perceptual \
             hash catches copies that were resized, recompressed or lightly edited. Here synthetic \
             pictures stand in for known items: they are banked, then copies edited the way \
             re-uploads are edited are matched against the bank.",
        )
        .block(Block::key_values(vec![
            ("Pictures banked", m.banked.to_string()),
            ("Edited copies", n.to_string()),
            ("Matched as they are", format!("{} of {n}", m.matched())),
            (
                "Matched trying rotations and mirrors",
                format!("{} of {n}", m.matched_dihedral()),
            ),
            ("Matches to the wrong picture", wrong.to_string()),
            ("Edits that escape the threshold", escaping.join(", ")),
            ("Bank file", m.bank_file.display().to_string()),
            ("Time", format!("{:.2} s", m.seconds)),
        ]))
        .block(Block::note(
            "Rotations and mirror images move a PDQ hash by about half its bits, so they escape \
             a plain match; the hashes of the eight rotations and mirrors come from one DCT, and \
             matching all eight (flowtrace media match --dihedral) finds them. Cropping shifts \
             and rescales everything the hash's low frequencies see, so crops escape either way, \
             as published for PDQ.",
        ))
        .block(table)
}
