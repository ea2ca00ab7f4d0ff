//! The demo's screening step: every account holder of the world against the UN list the
//! simulator took its listed parties from, scored against which accounts really are theirs.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use flowtrace_report::{Block, Cell, Section, Table};
use flowtrace_screen::{read_accounts, read_un, Hit, OnError, Query, ScreenOptions, Screener};
use rayon::prelude::*;

use super::world_files::listed;

/// One account holder the screener flagged.
pub struct Flagged {
    /// `bank:account`.
    pub account: String,
    pub holder: String,
    pub reference: String,
    pub matched: String,
    pub score: f32,
    pub why: String,
}

/// What screening found, against the truth of `listed.csv`.
pub struct Screening {
    pub screened: usize,
    pub seconds: f64,
    pub flagged: Vec<Flagged>,
    /// Listed accounts: (account, reference, name on list, bank spelling, found with the right
    /// reference).
    pub truth: Vec<(String, String, String, String, bool)>,
}

impl Screening {
    /// Listed accounts found with the right list entry.
    pub fn found(&self) -> usize {
        self.truth.iter().filter(|t| t.4).count()
    }

    /// Flags on accounts that no listed party holds.
    pub fn false_alerts(&self) -> usize {
        let listed: std::collections::HashSet<&str> =
            self.truth.iter().map(|t| t.0.as_str()).collect();
        self.flagged
            .iter()
            .filter(|f| !listed.contains(f.account.as_str()))
            .count()
    }
}

/// Screens `world_dir/accounts.csv` against the UN list at `list`.
pub fn screen(world_dir: &Path, list: &Path) -> Result<Screening> {
    let watchlist =
        read_un(list).with_context(|| format!("cannot read the UN list {}", list.display()))?;
    let screener = Screener::new(watchlist);
    let (queries, _) = read_accounts(&world_dir.join("accounts.csv"), &OnError::Fail)?;
    let started = Instant::now();
    let options = ScreenOptions {
        limit: 1,
        ..ScreenOptions::default()
    };
    let hits: Vec<(&Query, Hit)> = queries
        .par_iter()
        .filter_map(|q| {
            screener
                .screen(q, &options)
                .into_iter()
                .next()
                .map(|h| (q, h))
        })
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    let flagged: Vec<Flagged> = hits
        .into_iter()
        .map(|(q, h)| Flagged {
            account: q.id.clone(),
            holder: q.name.clone(),
            reference: screener.entity(&h).reference.clone(),
            matched: h.explanation.matched_name.clone(),
            score: h.score,
            why: h.explanation.to_string(),
        })
        .collect();
    let by_account: HashMap<&str, &Flagged> =
        flagged.iter().map(|f| (f.account.as_str(), f)).collect();
    let truth = listed(world_dir)?
        .into_iter()
        .map(|l| {
            let id = l.account.replacen('/', ":", 1);
            let found = by_account
                .get(id.as_str())
                .is_some_and(|f| f.reference == l.reference);
            (id, l.reference, l.listed_name, l.spelled_as, found)
        })
        .collect();
    Ok(Screening {
        screened: queries.len(),
        seconds,
        flagged,
        truth,
    })
}

/// Writes every flag as CSV.
pub fn write_hits(path: &Path, s: &Screening) -> Result<()> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "account",
        "holder",
        "reference",
        "matched_name",
        "score",
        "explanation",
    ])?;
    for f in &s.flagged {
        out.write_record([
            &f.account,
            &f.holder,
            &f.reference,
            &f.matched,
            &format!("{:.3}", f.score),
            &f.why,
        ])?;
    }
    let bytes = out.into_inner().context("flushing screening hits")?;
    let mut file =
        std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(&bytes)?;
    Ok(())
}

pub fn section(s: &Screening) -> Section {
    let mut truth = Table::new([
        "UN reference",
        "name on the list",
        "name the bank holds",
        "account",
        "screening",
    ])
    .caption(
        "Accounts the simulator gave to listed parties, with the spelling on file at the bank.",
    );
    for (account, reference, listed_name, spelled_as, found) in &s.truth {
        let cell = if *found {
            Cell::found("found")
        } else {
            Cell::missed("missed")
        };
        truth = truth.row([
            Cell::new(reference.clone()),
            Cell::new(listed_name.clone()),
            Cell::new(spelled_as.clone()),
            Cell::new(account.clone()),
            cell,
        ]);
    }
    let listed: std::collections::HashSet<&str> = s.truth.iter().map(|t| t.0.as_str()).collect();
    let mut alerts = Table::new(["account holder", "matched", "reference", "score", "why"])
        .caption("Flags on accounts no listed party holds: what an analyst would clear by hand.");
    for f in s
        .flagged
        .iter()
        .filter(|f| !listed.contains(f.account.as_str()))
        .take(10)
    {
        alerts = alerts.row([
            f.holder.clone(),
            f.matched.clone(),
            f.reference.clone(),
            format!("{:.2}", f.score),
            f.why.clone(),
        ]);
    }
    Section::new("Screening against the UN list")
        .intro(
            "Every account holder's name is screened against the UN Security Council Consolidated List \
             (transliteration, particles, reordering and spelling variants handled; each hit explained \
             token by token). The simulator knows which accounts listed parties really hold.",
        )
        .block(Block::key_values(vec![
            ("Account holders screened", s.screened.to_string()),
            ("Flagged", s.flagged.len().to_string()),
            ("Listed accounts found", format!("{} of {}", s.found(), s.truth.len())),
            ("Flags on other accounts", s.false_alerts().to_string()),
            ("Screening time", format!("{:.2} s", s.seconds)),
        ]))
        .block(truth)
        .block(alerts)
}
