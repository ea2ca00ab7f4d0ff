//! What `trace` and `cut` share: the graph with account details, rates, times and account
//! names given on the command line or in files.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flowtrace_graph::{AccountId, AccountInfo, Currency, TemporalGraph};
use flowtrace_io::LoadReport;
use flowtrace_trace::Rates;

use crate::args::{GlobalArgs, GraphInputArgs, InputArgs};
use crate::input;

/// The loaded graph and what the flags add to it.
pub struct TracedGraph {
    pub graph: TemporalGraph,
    pub rates: Rates,
    pub since: Option<i64>,
    pub until: Option<i64>,
    pub report: LoadReport,
}

/// Loads IN, its account details and its rates, and reads the time range.
pub fn load(global: &GlobalArgs, args: &GraphInputArgs) -> Result<TracedGraph> {
    let since = args.since.as_deref().map(parse_time).transpose()?;
    let until = args.until.as_deref().map(parse_time).transpose()?;
    let input_args = InputArgs {
        input: args.input.clone(),
        format: args.format,
        on_error: args.on_error,
        rejects: args.rejects.clone(),
    };
    let mut loaded = input::load(global, &input_args)?;
    let details = args
        .accounts
        .clone()
        .or_else(|| beside(&args.input, "accounts.csv"));
    if let Some(path) = details {
        attach_details(&mut loaded.accounts, &path)?;
    }
    let rates = match &args.rates {
        Some(path) => Rates::read(path, Currency::USD)?,
        None => Rates::implied(&loaded.transfers),
    };
    let graph = TemporalGraph::new(loaded.accounts, loaded.transfers)?;
    Ok(TracedGraph {
        graph,
        rates,
        since,
        until,
        report: loaded.report,
    })
}

fn beside(input: &Path, name: &str) -> Option<PathBuf> {
    let path = input.parent()?.join(name);
    path.is_file().then_some(path)
}

/// Fills holder names and countries from a world's `accounts.csv`.
pub fn attach_details(accounts: &mut flowtrace_graph::Accounts, path: &Path) -> Result<()> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .with_context(|| format!("cannot read account details {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(bank), Some(number)) = (column("bank"), column("account")) else {
        bail!(
            "{}: expected a header with bank and account columns",
            path.display()
        );
    };
    let (name, country) = (column("entity_name"), column("country"));
    for (i, record) in reader.records().enumerate() {
        let r = record.with_context(|| format!("{}, line {}", path.display(), i + 2))?;
        let (Some(b), Some(n)) = (r.get(bank), r.get(number)) else {
            bail!(
                "{}, line {}: missing bank or account",
                path.display(),
                i + 2
            );
        };
        if let Some(id) = accounts.lookup(b, n) {
            let info = AccountInfo {
                name: name.and_then(|c| r.get(c)).map(str::to_string),
                country: country.and_then(|c| r.get(c)).map(str::to_string),
                entity_type: None,
            };
            accounts.set_info(id, info);
        }
    }
    Ok(())
}

/// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (or with a space), UTC, as Unix seconds.
pub fn parse_time(text: &str) -> Result<i64> {
    let bad = || format!("cannot read time `{text}` (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
    let text = text.trim().trim_end_matches('Z');
    let (date, clock) = match text.split_once(['T', ' ']) {
        Some((d, c)) => (d, Some(c)),
        None => (text, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        bail!(bad())
    };
    let (y, m, d): (i32, u32, u32) = (
        y.parse().with_context(bad)?,
        m.parse().with_context(bad)?,
        d.parse().with_context(bad)?,
    );
    if !(1..=12).contains(&m) || d == 0 || d > flowtrace_graph::time::days_in_month(y, m) {
        bail!(bad());
    }
    let mut seconds = flowtrace_graph::time::days_from_civil(y, m, d) * 86_400;
    if let Some(clock) = clock {
        let fields: Vec<i64> = clock
            .split(':')
            .map(|f| f.parse::<i64>())
            .collect::<Result<_, _>>()
            .with_context(bad)?;
        let (h, min, s) = match fields.as_slice() {
            [h, m] => (*h, *m, 0),
            [h, m, s] => (*h, *m, *s),
            _ => bail!(bad()),
        };
        if !(0..24).contains(&h) || !(0..60).contains(&min) || !(0..60).contains(&s) {
            bail!(bad());
        }
        seconds += h * 3_600 + min * 60 + s;
    }
    Ok(seconds)
}

/// An account named `BANK:ACCOUNT` (or `BANK,ACCOUNT`).
pub fn account(graph: &TemporalGraph, key: &str, file: &Path) -> Result<AccountId> {
    let key = key.trim();
    let Some((bank, number)) = key.split_once([':', ',']) else {
        bail!("account `{key}` is not BANK:ACCOUNT");
    };
    graph
        .accounts()
        .lookup(bank.trim(), number.trim())
        .with_context(|| format!("account {key} is not in {}", file.display()))
}

/// Accounts listed one per line in `path` (a `bank,account` header line is skipped).
pub fn accounts_file(graph: &TemporalGraph, path: &Path, input: &Path) -> Result<Vec<AccountId>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read account list {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || (i == 0 && line.starts_with("bank")) {
            continue;
        }
        let key = line
            .splitn(3, [',', ':'])
            .take(2)
            .collect::<Vec<_>>()
            .join(":");
        out.push(
            account(graph, &key, input)
                .with_context(|| format!("{}, line {}", path.display(), i + 1))?,
        );
    }
    if out.is_empty() {
        bail!("{} names no account", path.display());
    }
    Ok(out)
}

/// Per-account freezing costs from `BANK:ACCOUNT,COST` lines; others cost 1.
pub fn costs_file(graph: &TemporalGraph, path: &Path, input: &Path) -> Result<Vec<f64>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read costs {}", path.display()))?;
    let mut costs = vec![1.0; graph.accounts().len()];
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || (i == 0 && line.starts_with("bank")) {
            continue;
        }
        let at = || format!("{}, line {}", path.display(), i + 1);
        let (key, cost) = line
            .rsplit_once(',')
            .with_context(|| format!("{}: expected BANK:ACCOUNT,COST", at()))?;
        let cost: f64 = cost
            .trim()
            .parse()
            .ok()
            .filter(|c: &f64| c.is_finite() && *c > 0.0)
            .with_context(|| {
                format!("{}: cost `{}` is not a positive number", at(), cost.trim())
            })?;
        costs[account(graph, key, input).with_context(at)? as usize] = cost;
    }
    Ok(costs)
}
