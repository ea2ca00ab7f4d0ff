//! MinHash signing and LSH matching speed, for the side-by-side with `datasketch`
//! (`bench/media/bench.sh` runs both on the same file).
//!
//! `minhash_bench write FILE [DOCS]` writes a corpus of synthetic posts, one per line (words
//! from Latin, Arabic and Cyrillic vocabularies, a third of the posts near-copies of others);
//! `minhash_bench run FILE` signs every line with 128 permutations over 3-word shingles,
//! inserts the signatures into an LSH index at threshold 0.5 and queries each one back.

use std::io::Write;
use std::time::Instant;

use flowtrace_media::text::{LshIndex, MinHashOptions, MinHasher};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn write_corpus(path: &str, docs: usize) -> std::io::Result<()> {
    let stems = [
        "the",
        "brothers",
        "donate",
        "support",
        "send",
        "fight",
        "media",
        "join",
        "now",
        "عاجل",
        "الإخوة",
        "تبرع",
        "ادعم",
        "الجهاد",
        "сейчас",
        "братья",
        "поддержи",
        "помощь",
    ];
    let mut rng = Rng(3);
    let vocab: Vec<String> = (0..5000)
        .map(|i| format!("{}{}", stems[i % stems.len()], i / stems.len()))
        .collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut previous: Vec<Vec<String>> = Vec::new();
    for d in 0..docs {
        let words: Vec<String> = if d % 3 == 2 && !previous.is_empty() {
            let mut copy = previous[(rng.next() as usize) % previous.len()].clone();
            let edits = copy.len() / 10;
            for _ in 0..edits {
                let at = (rng.next() as usize) % copy.len();
                copy[at] = vocab[(rng.next() as usize) % vocab.len()].clone();
            }
            copy
        } else {
            let len = 20 + (rng.next() % 60) as usize;
            (0..len)
                .map(|_| vocab[(rng.next() as usize) % vocab.len()].clone())
                .collect()
        };
        writeln!(out, "{}", words.join(" "))?;
        previous.push(words);
    }
    Ok(())
}

fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace()
        .next()
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1e9
}

fn run(path: &str) -> std::io::Result<()> {
    let text = std::fs::read_to_string(path)?;
    let docs: Vec<&str> = text.lines().collect();
    let hasher = MinHasher::new(MinHashOptions::default());
    for round in 1..=3 {
        let (start, cpu) = (Instant::now(), cpu_seconds());
        let signatures: Vec<_> = docs.iter().map(|d| hasher.signature(d)).collect();
        let (wall, cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu);
        let n = docs.len() as f64;
        println!(
            "round {round}: signed {} docs: {:.0} docs/s wall, {:.0} per on-CPU second",
            docs.len(),
            n / wall,
            n / cpu
        );
        if round == 3 {
            let start = Instant::now();
            let mut index = LshIndex::new(0.5, 128);
            for s in &signatures {
                index.insert(s.clone());
            }
            let insert = start.elapsed().as_secs_f64();
            let start = Instant::now();
            let hits: usize = signatures.iter().map(|s| index.query(s).len()).sum();
            let query = start.elapsed().as_secs_f64();
            println!(
                "lsh {:?} bands x rows: {:.0} inserts/s, {:.0} queries/s, {hits} hits",
                index.shape(),
                n / insert,
                n / query
            );
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["write", path] => write_corpus(path, 20_000),
        ["write", path, n] => write_corpus(path, n.parse().unwrap_or(20_000)),
        ["run", path] => run(path),
        _ => {
            eprintln!("usage: minhash_bench write FILE [DOCS] | minhash_bench run FILE");
            std::process::exit(2);
        }
    }
}
