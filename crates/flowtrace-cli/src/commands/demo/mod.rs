//! `flowtrace demo`: the main job end to end. Simulate a world, run every analysis flowtrace
//! has on it, score the analyses against the world's truth and write a report.
//!
//! Each capability that lands adds its step here and its section to the report; the steps only
//! call capability crates and write files.

mod flows;
mod media;
mod online;
mod screening;
mod sections;
mod tracing;
mod world_files;

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use flowtrace_eval::{
    evaluate, EvalOptions, EvalReport, Level, Predictions, Split, ValueKind, World,
};
use flowtrace_graph::{GraphSummary, TemporalGraph};
use flowtrace_io::{read_transfers, FileFormat, ReadOptions};
use flowtrace_patterns::rules::{run_rules, RuleConfig, RuleReport};
use flowtrace_sim::{OutputFormat, WorldConfig, WorldSummary};
use serde_json::json;

use crate::args::{DemoArgs, GlobalArgs};
use crate::commands::patterns;
use crate::commands::simulate::generate;
use crate::Outcome;

/// Everything the analyses found, for the report.
pub struct Findings {
    pub config: WorldConfig,
    pub world: WorldSummary,
    pub graph: GraphSummary,
    pub rules: RuleReport,
    /// Rule score of each transactions row (0-based).
    pub row_scores: Vec<f64>,
    /// Transactions row (1-based) of each transfer id, for the rule hits.
    pub row_of: Vec<u64>,
    pub eval: EvalReport,
    /// Whether each transactions row (0-based) is illicit.
    pub illicit: Vec<bool>,
    pub screening: screening::Screening,
    /// Report sections of the traced scheme and its freeze plan.
    pub trace_sections: Vec<flowtrace_report::Section>,
    /// Report sections of the online world: cells, a cascade, an appeal traced into the money.
    pub online_sections: Vec<flowtrace_report::Section>,
    /// Known-propaganda images banked and edited copies matched.
    pub media: media::MediaDemo,
    pub seconds: Vec<(&'static str, f64)>,
}

pub fn run(global: &GlobalArgs, args: &DemoArgs) -> Result<Outcome> {
    let world_dir = args.out.join("world");
    let mut config = WorldConfig::preset("small")?;
    config.seed = args.seed;
    if let Some(n) = args.transfers {
        config.transfers = n;
    }
    config.validate()?;
    let note = |text: String| {
        if !global.quiet {
            eprintln!("{text}");
        }
    };
    let mut seconds = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, seconds: &mut Vec<(&'static str, f64)>| {
        seconds.push((name, clock.elapsed().as_secs_f64()));
        clock = Instant::now();
    };

    let world = generate(global, &config, None, &world_dir, OutputFormat::Csv)?;
    lap("simulate", &mut seconds);
    note(format!(
        "simulated {} transfers ({} illicit) into {}",
        world.transfers,
        world.illicit,
        world_dir.display()
    ));

    let transactions = world_dir.join("transactions.csv");
    let options = ReadOptions {
        keep_input_order: true,
        ..ReadOptions::default()
    };
    let mut loaded = read_transfers(&transactions, FileFormat::AmlworldCsv, &options)?;
    crate::commands::traced_graph::attach_details(
        &mut loaded.accounts,
        &world_dir.join("accounts.csv"),
    )?;
    note(loaded.report.to_string());
    let row_of = patterns::rows_of(&loaded.transfers);
    let graph = TemporalGraph::new(loaded.accounts, loaded.transfers)?;
    let graph_summary = GraphSummary::of(&graph);
    lap("load", &mut seconds);

    let rules = run_rules(&graph, &RuleConfig::default());
    let row_scores = patterns::row_scores(&rules, &row_of);
    lap("rules", &mut seconds);
    note(format!("rules: {} alerts", rules.hits().len()));

    let eval_world = World::load(&world_dir)?;
    let predictions = Predictions {
        level: Level::Transfer,
        kind: ValueKind::Score,
        values: row_scores.clone(),
    };
    let eval = evaluate(
        &eval_world,
        &predictions,
        &EvalOptions {
            split: Split::All,
            ..EvalOptions::default()
        },
    )?;
    lap("evaluate", &mut seconds);
    let illicit = (0..row_of.len())
        .map(|r| eval_world.truth().is_illicit(r))
        .collect();

    let screening = screening::screen(&world_dir, &crate::listed::list_path(None)?)?;
    lap("screen", &mut seconds);
    note(format!(
        "screening: {} of {} listed accounts found, {} flags on other accounts",
        screening.found(),
        screening.truth.len(),
        screening.false_alerts()
    ));

    let traced = tracing::run(&world_dir, &graph)?;
    let trace_sections = match &traced {
        Some(t) => {
            tracing::write(&graph, t, &args.out.join("trace.json"))?;
            note(format!(
                "tracing: {} funders of a {} scheme reach {} of {} beneficiaries; freezing {} accounts cuts them off",
                t.query.seeds.len(),
                t.typology.to_lowercase(),
                t.beneficiaries_reached,
                t.beneficiaries,
                t.cut.accounts.len()
            ));
            tracing::sections(&graph, t)
        }
        None => Vec::new(),
    };
    lap("trace", &mut seconds);

    let online = online::run(&config, &args.out, &world_dir, &graph)?;
    lap("online", &mut seconds);
    online.notes.iter().for_each(|n| note(n.clone()));

    let media = media::run(&args.out, args.seed)?;
    lap("media", &mut seconds);
    note(format!(
        "media: {} of {} edited copies of {} banked pictures matched ({} trying rotations and mirrors)",
        media.matched(),
        media.copies.len(),
        media.banked,
        media.matched_dihedral()
    ));

    let findings = Findings {
        config,
        world,
        graph: graph_summary,
        rules,
        row_scores,
        row_of,
        eval,
        illicit,
        screening,
        trace_sections,
        online_sections: online.sections,
        media,
        seconds,
    };
    let mut files = write_outputs(&args.out, &world_dir, &graph, &findings)?;
    files.extend(online.files);
    for (what, path) in files {
        println!("{what:<24} {}", path.display());
    }
    Ok(Outcome::default())
}

/// Writes the machine-readable outputs and the report; returns what was written.
fn write_outputs(
    out: &Path,
    world_dir: &Path,
    graph: &TemporalGraph,
    f: &Findings,
) -> Result<Vec<(&'static str, PathBuf)>> {
    let path = |name: &str| out.join(name);
    let write = |p: &PathBuf, bytes: &[u8]| {
        std::fs::write(p, bytes).with_context(|| format!("cannot write {}", p.display()))
    };

    patterns::write_scores(&path("rule-scores.csv"), &f.row_scores)?;
    patterns::write_instances(&path("rule-hits.jsonl"), &f.rules, graph, &f.row_of)?;
    write(&path("eval.json"), f.eval.to_json()?.as_bytes())?;
    screening::write_hits(&path("screening-hits.csv"), &f.screening)?;
    media::write_csv(&path("media-matches.csv"), &f.media)?;

    let summary = json!({
        "world": f.world, "config": f.config,
        "rules": f.rules.counts().iter().map(|(k, n)| (k.name().to_string(), *n)).collect::<std::collections::BTreeMap<_, _>>(),
        "eval": f.eval, "seconds": f.seconds.iter().map(|(k, s)| (k.to_string(), *s)).collect::<std::collections::BTreeMap<_, _>>(),
    });
    write(&path("summary.json"), format!("{summary:#}\n").as_bytes())?;

    let report = sections::report(world_dir, f)?;
    report
        .write(path("report.html"))
        .with_context(|| format!("cannot write {}", path("report.html").display()))?;
    Ok(vec![
        ("report", path("report.html")),
        ("summary (JSON)", path("summary.json")),
        ("evaluation (JSON)", path("eval.json")),
        ("rule alerts (JSON lines)", path("rule-hits.jsonl")),
        ("rule scores (CSV)", path("rule-scores.csv")),
        ("screening hits (CSV)", path("screening-hits.csv")),
        ("trace and cut (JSON)", path("trace.json")),
        ("media matches (CSV)", path("media-matches.csv")),
        ("media bank (SQLite)", path("media/banks.sqlite")),
        ("world", world_dir.to_path_buf()),
    ])
}
