//! `flowtrace simulate`: generate a world with ground truth into a directory.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use flowtrace_sim::{simulate, OutputFormat, WorldConfig, WorldSummary};

use crate::args::{GlobalArgs, SimulateArgs, WorldFormat};
use crate::{listed, output, progress, Outcome};

pub fn run(global: &GlobalArgs, args: &SimulateArgs) -> Result<Outcome> {
    let mut config = match &args.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            WorldConfig::from_toml(&text)
                .with_context(|| format!("invalid configuration ({})", path.display()))?
        }
        None => WorldConfig::preset(&args.preset)?,
    };
    if let Some(seed) = args.seed {
        config.seed = seed;
    }
    if let Some(n) = args.transfers {
        config.transfers = n;
    }
    config.validate()?;
    let format = match args.format {
        WorldFormat::Csv => OutputFormat::Csv,
        WorldFormat::Parquet => OutputFormat::Parquet,
    };
    let started = Instant::now();
    let summary = generate(global, &config, args.listed.as_deref(), &args.out, format)?;
    let online = (args.online || config.online.is_some())
        .then(|| flowtrace_sim::simulate_online(&config, &args.out, &args.out.join("online")))
        .transpose()?;
    let seconds = started.elapsed().as_secs_f64();
    let text = if args.json {
        let mut v = serde_json::to_value(&summary)?;
        v["seconds"] = seconds.into();
        v["out"] = args.out.display().to_string().into();
        if let Some(o) = &online {
            v["online"] = serde_json::to_value(o)?;
        }
        format!("{v:#}\n")
    } else {
        let mut text = describe(&summary, &args.out, seconds);
        if let Some(o) = &online {
            let _ = writeln!(
                text,
                "online       {} posts by {} accounts, {} cells, {} cascades, {} appeals in {}",
                o.posts,
                o.accounts,
                o.cells,
                o.cascades,
                o.appeals,
                args.out.join("online").display()
            );
        }
        text
    };
    output::print(&text)?;
    Ok(Outcome::default())
}

/// Generates `config` into `out` with a progress bar, writing the configuration beside it.
pub fn generate(
    global: &GlobalArgs,
    config: &WorldConfig,
    listed: Option<&Path>,
    out: &Path,
    format: OutputFormat,
) -> Result<WorldSummary> {
    let parties = listed::parties(listed)?;
    let bar = progress::count_bar(config.transfers, global.quiet, "simulating");
    let report = |rows: u64| bar.set_position(rows);
    let summary = simulate(config, &parties, out, format, Some(&report))?;
    bar.finish_and_clear();
    let path = out.join("world.toml");
    std::fs::write(&path, config.to_toml())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(summary)
}

fn describe(s: &WorldSummary, out: &Path, seconds: f64) -> String {
    let mut t = String::new();
    let ratio = if s.illicit > 0 {
        s.transfers as f64 / s.illicit as f64
    } else {
        f64::INFINITY
    };
    let _ = writeln!(t, "world        {}", out.display());
    let _ = writeln!(
        t,
        "transfers    {} ({:.0} per second)",
        s.transfers,
        s.transfers as f64 / seconds.max(1e-9)
    );
    let _ = writeln!(t, "illicit      {} (1 in {ratio:.0})", s.illicit);
    let _ = writeln!(t, "accounts     {} at {} banks", s.accounts, s.banks);
    let _ = writeln!(t, "patterns     {}", s.patterns);
    for (name, c) in &s.by_typology {
        let _ = writeln!(
            t,
            "  {name:<18} {:>5} instances {:>7} transfers",
            c.instances, c.transfers
        );
    }
    let _ = writeln!(
        t,
        "files        transactions, truth.csv, patterns.txt, accounts.csv, listed.csv, world.toml"
    );
    t
}
