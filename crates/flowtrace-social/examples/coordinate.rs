//! Reads a posts file and writes coordination networks, timing each step (used by
//! `bench/social/bench.sh` until the `flowtrace` binary has a command for it).
//!
//! ```text
//! cargo run --release -p flowtrace-social --example coordinate -- \
//!     posts.csv OUT_DIR --window 60 --min-weight 2 --kinds co_link,co_retweet [--loops] [--cells]
//!     [--similarity 0.8] [--permutations 128]
//! ```
//! Writes `OUT_DIR/<kind>.csv` in the toolkit's edge CSV; prints `time <step> <seconds> cpu
//! <seconds>` (wall, then CPU of all threads) and the load's reconciliation on stderr; with `--cells`, also `OUT_DIR/<kind>-cells.csv` and
//! `OUT_DIR/<kind>-accounts.csv`, and each network's five first cells on stderr.

use std::path::PathBuf;
use std::time::Instant;

use flowtrace_social::cells::{write_accounts_csv, write_cells_csv};
use flowtrace_social::coord::write_edges_csv;
use flowtrace_social::{
    coordinate, find_cells, read_messages, CellOptions, Columns, CoordOptions, MessageFormat,
    NetworkKind, OnError, ReadOptions,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(out_dir)) = (args.next(), args.next()) else {
        return Err(
            "usage: coordinate POSTS OUT_DIR [--window S] [--min-weight N] \
                    [--kinds a,b] [--loops]"
                .into(),
        );
    };
    let (input, out_dir) = (PathBuf::from(input), PathBuf::from(out_dir));
    let mut options = CoordOptions::default();
    let mut kinds = NetworkKind::ALL.to_vec();
    let mut cells = false;
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--window" => options.window_secs = args.next().ok_or("--window S")?.parse()?,
            "--min-weight" => options.min_weight = args.next().ok_or("--min-weight N")?.parse()?,
            "--loops" => options.loops = true,
            "--similarity" => {
                options.similarity.threshold = args.next().ok_or("--similarity J")?.parse()?
            }
            "--permutations" => {
                options.similarity.permutations = args.next().ok_or("--permutations N")?.parse()?
            }
            "--cells" => cells = true,
            "--kinds" => {
                let names = args.next().ok_or("--kinds a,b")?;
                kinds = names
                    .split(',')
                    .map(|n| NetworkKind::from_name(n).ok_or(format!("unknown network {n}")))
                    .collect::<Result<_, _>>()?;
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    std::fs::create_dir_all(&out_dir)?;
    let format = MessageFormat::from_path(&input).unwrap_or(MessageFormat::ToolkitCsv);
    let read_options = ReadOptions {
        on_error: OnError::Skip { rejects: None },
        // Only the columns the networks read (and the names, which cells show).
        columns: Columns {
            usernames: cells,
            ..Columns::for_networks(&kinds)
        },
        ..ReadOptions::default()
    };
    let (start, cpu) = (Instant::now(), cpu_seconds());
    let loaded = read_messages(&input, format, &read_options)?;
    eprintln!(
        "time read {:.3} cpu {:.3}",
        start.elapsed().as_secs_f64(),
        cpu_seconds() - cpu
    );
    eprintln!("{}", loaded.report);
    eprintln!(
        "message table: {:.1} MiB",
        loaded.messages.heap_bytes() as f64 / (1 << 20) as f64
    );
    for kind in kinds {
        let (start, cpu) = (Instant::now(), cpu_seconds());
        let network = coordinate(&loaded.messages, kind, &options);
        let compute = start.elapsed().as_secs_f64();
        let compute_cpu = cpu_seconds() - cpu;
        let file = std::fs::File::create(out_dir.join(format!("{}.csv", kind.name())))?;
        write_edges_csv(&network, &loaded.messages, file)?;
        eprintln!(
            "time {} {compute:.3} cpu {compute_cpu:.3} ({} edges; written after {:.3})",
            kind.name(),
            network.edges().len(),
            start.elapsed().as_secs_f64()
        );
        if cells {
            let start = Instant::now();
            let found = find_cells(&network, &loaded.messages, &CellOptions::default());
            let name = |u| loaded.messages.user_key(u);
            eprintln!(
                "time {}_cells {:.3} ({} cells)",
                kind.name(),
                start.elapsed().as_secs_f64(),
                found.cells.len()
            );
            let file = |suffix: &str| {
                std::fs::File::create(out_dir.join(format!("{}-{suffix}.csv", kind.name())))
            };
            write_cells_csv(&found, &loaded.messages, file("cells")?)?;
            write_accounts_csv(&found, &loaded.messages, file("accounts")?)?;
            for (rank, cell) in found.cells.iter().take(5).enumerate() {
                eprintln!(
                    "  cell {rank}: {} accounts, density {:.2}, {} messages, hub {}",
                    cell.members.len(),
                    cell.density,
                    cell.activity,
                    name(cell.hub)
                );
            }
        }
    }
    Ok(())
}

/// User and system CPU time of the whole process so far, every thread included.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return f64::NAN;
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
