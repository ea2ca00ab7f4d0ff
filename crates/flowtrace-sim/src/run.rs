//! The generator's main loop: hour by hour, ordinary payments and planted ones are merged in
//! time order and streamed to the world's files.
//!
//! Memory holds the population, one hour of transfers and the planted transfers not yet due,
//! never the whole world: a 100M-transfer world needs no more than a small one with as many
//! accounts.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};
use std::path::Path;

use serde::Serialize;

use crate::clock::{hourly_volumes, weekday};
use crate::config::WorldConfig;
use crate::economy::{Day, Economy};
use crate::naming::{ListedParty, Namer};
use crate::output::{OutputFormat, WorldFiles};
use crate::plant::planner::Planted;
use crate::plant::{Planner, Typology};
use crate::random::{SimRng, Stream};
use crate::transfer::SimTransfer;
use crate::world::population::Population;
use crate::SimError;

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

/// What a generated world holds.
#[derive(Clone, Debug, Default, Serialize)]
pub struct WorldSummary {
    /// Transfers written.
    pub transfers: u64,
    /// Illicit transfers (`Is Laundering` = 1).
    pub illicit: u64,
    /// Accounts in the accounts file.
    pub accounts: u64,
    /// Banks.
    pub banks: u64,
    /// Planted instances.
    pub patterns: u64,
    /// Per typology: instances and transfers (propagated ones included).
    pub by_typology: BTreeMap<String, TypologyCount>,
}

/// Instances and transfers of one typology.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct TypologyCount {
    /// Planted instances.
    pub instances: u64,
    /// Their transfers, propagated ones included.
    pub transfers: u64,
}

/// A planted transfer waiting for its hour, ordered by time, then by planting order.
struct Pending {
    seq: u64,
    transfer: SimTransfer,
}

impl Pending {
    fn key(&self) -> (i64, u64) {
        (self.transfer.ts, self.seq)
    }
}

impl PartialEq for Pending {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Pending {}

impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pending {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// Writes one transfer and counts it.
fn write(
    files: &mut WorldFiles,
    pop: &Population,
    typologies: &[Typology],
    t: &SimTransfer,
    summary: &mut WorldSummary,
) -> Result<(), SimError> {
    let typology = t.illicit().then(|| typologies[t.pattern as usize].name());
    summary.illicit += u64::from(t.illicit());
    files.transfer(pop, t, typology)
}

/// Generates the world `config` describes into `dir`. `parties` are the listed parties whose
/// names the listed accounts carry; `progress` is told the transfers written so far.
pub fn simulate(
    config: &WorldConfig,
    parties: &[ListedParty],
    dir: &Path,
    format: OutputFormat,
    progress: Option<&dyn Fn(u64)>,
) -> Result<WorldSummary, SimError> {
    config.validate()?;
    let first_day = config.start_day()?;
    let world_start = first_day * DAY;
    let deadline = world_start + i64::from(config.days) * DAY - 60;
    let pop = Population::new(config);
    let namer = Namer::new(config.seed, &pop, parties);
    let target = (config.transfers as f64 * config.illicit_ratio).round() as u64;
    let volumes = hourly_volumes(config.transfers - target, first_day, config.days);

    let mut files = WorldFiles::create(dir, format)?;
    let mut planner = Planner::new(config, target, pop.len());
    let economy = Economy::new();
    let mut rng = SimRng::new(config.seed, Stream::Background);
    let mut pending: BinaryHeap<Reverse<Pending>> = BinaryHeap::new();
    let mut typologies: Vec<Typology> = vec![Typology::FanOut]; // index 0: background
    let mut summary = WorldSummary::default();
    let mut seq = 0u64;
    let mut hour_buf: Vec<SimTransfer> = Vec::new();
    let plant_days = config.days - 1;

    for day in 0..config.days {
        let day_start = world_start + i64::from(day) * DAY;
        if day < plant_days {
            let mut planted = Vec::new();
            planner.plant_day(&pop, day, plant_days, day_start, deadline, &mut |p| {
                planted.push(p)
            });
            for p in planted {
                let transfers = match p {
                    Planted::Pattern(pattern) => {
                        files.pattern(&pop, &pattern)?;
                        typologies.push(pattern.typology);
                        let count = summary
                            .by_typology
                            .entry(pattern.typology.name().to_string())
                            .or_default();
                        count.instances += 1;
                        count.transfers += pattern.len() as u64;
                        pattern
                            .transfers
                            .into_iter()
                            .chain(pattern.propagated)
                            .collect()
                    }
                    Planted::Propagated(t) => {
                        let name = typologies[t.pattern as usize].name().to_string();
                        summary.by_typology.entry(name).or_default().transfers += 1;
                        vec![t]
                    }
                };
                for t in transfers {
                    seq += 1;
                    pending.push(Reverse(Pending { seq, transfer: t }));
                }
            }
        }
        let civil = flowtrace_graph::time::civil_from_days(first_day + i64::from(day));
        let weekend = weekday(first_day + i64::from(day)) >= 5;
        let calendar = Day {
            weekend,
            day_of_month: civil.2,
        };
        for (hour, &count) in volumes[day as usize].iter().enumerate() {
            let hour_start = day_start + hour as i64 * HOUR;
            hour_buf.clear();
            economy.hour(&pop, &mut rng, calendar, hour_start, count, &mut hour_buf);
            // The hour's ordinary transfers are in time order and so is the queue of planted
            // ones: merge them, a planted transfer after the ordinary ones of its minute.
            let hour_end = hour_start + HOUR;
            for t in &hour_buf {
                while pending
                    .peek()
                    .is_some_and(|p| p.0.transfer.ts < t.ts.min(hour_end))
                {
                    let Reverse(p) = pending.pop().expect("peeked");
                    write(&mut files, &pop, &typologies, &p.transfer, &mut summary)?;
                }
                write(&mut files, &pop, &typologies, t, &mut summary)?;
            }
            while pending.peek().is_some_and(|p| p.0.transfer.ts < hour_end) {
                let Reverse(p) = pending.pop().expect("peeked");
                write(&mut files, &pop, &typologies, &p.transfer, &mut summary)?;
            }
            if let Some(report) = progress {
                report(files.rows());
            }
        }
    }
    summary.transfers = files.rows();
    summary.accounts = pop.len() as u64;
    summary.banks = pop.banks.len() as u64;
    summary.patterns = u64::from(planner.patterns());
    let names = |a: u32| namer.name(&pop, a);
    files.finish(&pop, planner.roles(), &names, namer.listed())?;
    Ok(summary)
}
