//! The demo's online step: an online world simulated beside the money world (same seed), its
//! coordinated cells found on the union of three coordination networks, one propaganda cascade
//! followed from its seeder, and a donation appeal's account found in the money graph and
//! traced forward from there.

mod cascade;
mod cells;
mod money;
mod truth;

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use flowtrace_graph::TemporalGraph;
use flowtrace_report::Section;
use flowtrace_sim::{simulate_online, WorldConfig};
use flowtrace_social::cascade::Countries;
use flowtrace_social::{read_messages, MessageFormat, ReadOptions};

/// What the online step found, for the report and the console.
pub struct Online {
    pub sections: Vec<Section>,
    /// One line per finding, printed on the console.
    pub notes: Vec<String>,
    /// Files written, for the list printed at the end.
    pub files: Vec<(&'static str, PathBuf)>,
}

/// Simulates the online world into `out/online` beside the money world in `world_dir` (whose
/// transfers `graph` holds), and runs the social analyses on it.
pub fn run(
    config: &WorldConfig,
    out: &Path,
    world_dir: &Path,
    graph: &TemporalGraph,
) -> Result<Online> {
    let dir = out.join("online");
    let summary = simulate_online(config, world_dir, &dir)?;
    let options = ReadOptions {
        keep_text: true,
        ..ReadOptions::default()
    };
    let posts = dir.join("posts.csv");
    let loaded = read_messages(&posts, MessageFormat::ToolkitCsv, &options)?;
    let messages = &loaded.messages;
    let (countries, _) =
        Countries::read(&dir.join("online_accounts.csv"), messages).map_err(|e| anyhow!("{e}"))?;

    let cells = cells::find(messages, &dir)?;
    let cascade = cascade::follow(messages, &countries, &dir)?;
    let money = money::follow(messages, graph, world_dir, &dir)?;

    let mut files = vec![("online world", dir.clone())];
    let mut write = |what, name: &str, bytes: Vec<u8>| -> Result<()> {
        let path = out.join(name);
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        files.push((what, path));
        Ok(())
    };
    write(
        "online cells (CSV)",
        "social-cells.csv",
        cells.csv(messages)?,
    )?;
    if let Some(c) = &cascade {
        write("online cascade (JSON)", "cascade.json", c.json(messages))?;
    }
    write(
        "money links (CSV)",
        "social-links.csv",
        money.csv(messages)?,
    )?;

    let mut notes = vec![
        format!(
            "simulated {} posts by {} online accounts into {}",
            summary.posts,
            summary.accounts,
            dir.display()
        ),
        cells.note(),
    ];
    notes.extend(cascade.as_ref().map(|c| c.note(messages)));
    notes.push(money.note());
    let mut sections = vec![cells.section(&summary, messages, &countries)];
    sections.extend(cascade.as_ref().map(|c| c.section(messages)));
    sections.extend(money.sections(messages, graph));
    Ok(Online {
        sections,
        notes,
        files,
    })
}
