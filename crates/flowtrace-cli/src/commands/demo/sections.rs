//! The demo report: a summary, the world, what the analyses found and missed, and pictures of
//! planted flows.

use std::path::Path;

use anyhow::Result;
use flowtrace_eval::TypologyRow;
use flowtrace_report::{Bar, BarChart, Block, Cell, Metric, Report, Section, Status, Table};

use super::flows::flow_section;
use super::world_files::blocks;
use super::Findings;

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn percent(x: Option<f64>) -> String {
    x.map_or("-".to_string(), |x| format!("{:.0}%", 100.0 * x))
}

pub fn report(world_dir: &Path, f: &Findings) -> Result<Report> {
    let blocks = blocks(world_dir)?;
    let total = f.eval.typology_total.as_ref();
    let (found, planted) = total.map_or((0, 0), |t| (t.pattern.found, t.pattern.instances));
    let one_in = f.world.transfers as f64 / f.world.illicit.max(1) as f64;
    let status = if found * 2 >= planted {
        Status::Found
    } else {
        Status::Missed
    };
    let report = Report::new(format!(
        "flowtrace demo: a simulated world of {} transfers",
        thousands(f.world.transfers)
    ))
    .subtitle(
        "Planted laundering and terrorist-financing flows, and what flowtrace's analyses found",
    )
    .generated_at(format!(
        "flowtrace {} · preset {} · seed {} · {} days from {}",
        env!("CARGO_PKG_VERSION"),
        f.config.preset,
        f.config.seed,
        f.config.days,
        f.config.start
    ))
    .summary(vec![
        Metric::new("Transfers", thousands(f.world.transfers)).note(format!(
            "{} accounts at {} banks",
            thousands(f.world.accounts),
            f.world.banks
        )),
        Metric::new("Illicit transfers", thousands(f.world.illicit))
            .note(format!("1 in {one_in:.0}")),
        Metric::new("Planted patterns", f.world.patterns.to_string())
            .note(format!("{} typologies", f.world.by_typology.len())),
        Metric::new("Found by the rules", format!("{found} / {planted}"))
            .note("instances with a flagged transfer")
            .status(status),
        Metric::new(
            "Listed accounts found",
            format!("{} / {}", f.screening.found(), f.screening.truth.len()),
        )
        .note(format!(
            "{} flags on other accounts",
            f.screening.false_alerts()
        )),
        Metric::new("Rule alerts", thousands(f.rules.hits().len() as u64)).note(format!(
            "precision {:.0}%",
            100.0 * f.eval.at_threshold.precision
        )),
    ])
    .section(world_section(f))
    .section(detection_section(f))
    .section(flow_section(world_dir, &blocks, f)?)
    .section(super::screening::section(&f.screening));
    let mut report = report;
    for section in &f.trace_sections {
        report.push_section(section.clone());
    }
    for section in &f.online_sections {
        report.push_section(section.clone());
    }
    report.push_section(super::media::section(&f.media));
    let report = report.section(alerts_section(f));
    Ok(report)
}

fn world_section(f: &Findings) -> Section {
    let g = &f.graph;
    let mut bars = BarChart::new("Planted transfers per typology");
    for (name, count) in &f.world.by_typology {
        let bar = Bar::new(name.to_lowercase(), count.transfers as f64).text(format!(
            "{} in {} instances",
            count.transfers, count.instances
        ));
        let terror = flowtrace_sim::Typology::parse(name).is_some_and(|t| t.is_terror());
        bars = bars.bar(if terror { bar.highlight() } else { bar });
    }
    let section = Section::new("The simulated world")
        .intro(
            "Persons and companies at banks in thirty countries pay salaries, rent, bills, card purchases, \
             trade invoices and cash at the counter. Into that economy the simulator plants the eight \
             AMLworld laundering typologies and five terrorist-financing ones (highlighted), and writes \
             the truth every analysis is scored against.",
        )
        .block(Block::key_values(vec![
            ("Transfers", thousands(g.transfers as u64)),
            ("Accounts", thousands(f.world.accounts)),
            ("Banks", f.world.banks.to_string()),
            ("Days", f.config.days.to_string()),
            ("Illicit", format!("{} (1 in {:.0})", thousands(f.world.illicit), f.world.transfers as f64 / f.world.illicit.max(1) as f64)),
            ("Seed", f.config.seed.to_string()),
        ]))
        .block(bars);
    section
}

fn detection_row(row: &TypologyRow) -> Vec<Cell> {
    let p = &row.pattern;
    let found = if p.found == p.instances {
        Cell::found(p.found.to_string())
    } else if p.found == 0 {
        Cell::missed("0")
    } else {
        Cell::new(p.found.to_string())
    };
    vec![
        Cell::new(row.typology.to_lowercase()),
        Cell::new(p.instances.to_string()),
        found,
        Cell::new(format!("{} of {}", p.flagged, p.items)),
        Cell::new(percent(p.recall)),
    ]
}

fn detection_section(f: &Findings) -> Section {
    let e = &f.eval;
    let mut table = Table::new(["typology", "instances", "found", "transfers flagged", "recall"])
        .caption("An instance counts as found when at least one of its transfers is flagged (score at least 0.5).");
    let mut bars = BarChart::new("Share of planted transfers flagged, by typology").max(1.0);
    for row in &e.typologies {
        table = table.row(detection_row(row));
        let recall = row.pattern.recall.unwrap_or(0.0);
        let bar = Bar::new(row.typology.to_lowercase(), recall).text(percent(row.pattern.recall));
        bars = bars.bar(if recall < 0.5 { bar.highlight() } else { bar });
    }
    let mut rules = Table::new(["rule", "alerts"]);
    for (kind, n) in f.rules.counts() {
        rules = rules.row([kind.name().to_string(), n.to_string()]);
    }
    let best = e.best.as_ref();
    Section::new("Detection")
        .intro(
            "The rule baseline is what a bank's transaction monitoring runs: structuring under the reporting \
             threshold, fan-in and fan-out bursts, temporal cycles, scatter-gather, rapid pass-through chains \
             and crowdfunding-like collection. It is transparent and fast, and it is fooled by an economy \
             where payroll is a fan-out and utilities are fan-ins. Later capabilities (graph features, \
             tracing, screening) add their own rows here.",
        )
        .block(Block::key_values(vec![
            ("Precision at 0.5", format!("{:.1}%", 100.0 * e.at_threshold.precision)),
            ("Recall at 0.5", format!("{:.1}%", 100.0 * e.at_threshold.recall)),
            ("F1 at 0.5", format!("{:.3}", e.at_threshold.f1)),
            ("Best F1", best.map_or("-".into(), |b| format!("{:.3} at {:.2}", b.f1, b.threshold))),
            ("PR-AUC", e.average_precision.map_or("-".into(), |a| format!("{a:.3}"))),
        ]))
        .block(table)
        .block(bars)
        .block(rules)
}

fn alerts_section(f: &Findings) -> Section {
    let mut table = Table::new(["rule", "score", "on planted transfers", "why"])
        .caption("The strongest alerts: each says in words what fired it.");
    let mut hits: Vec<_> = f.rules.hits().iter().collect();
    hits.sort_by(|a, b| b.score.total_cmp(&a.score));
    for h in hits.iter().take(12) {
        let rows: Vec<u64> = h.transfers.iter().map(|&t| f.row_of[t as usize]).collect();
        let planted = rows
            .iter()
            .filter(|&&r| f.illicit[(r - 1) as usize])
            .count();
        let cell = if planted > 0 {
            Cell::found(format!("{planted} of {}", rows.len()))
        } else {
            Cell::missed(format!("0 of {}", rows.len()))
        };
        table = table.row([
            Cell::new(h.rule.name()),
            Cell::new(format!("{:.2}", h.score)),
            cell,
            Cell::new(h.why.clone()),
        ]);
    }
    Section::new("Alerts")
        .intro("What an analyst would read first.")
        .block(table)
}
