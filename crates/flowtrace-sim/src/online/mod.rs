//! The online world: accounts posting over days, with planted coordinated cells, propaganda
//! cascades and donation appeals that point into a money world, written as the
//! coordination-network-toolkit's `posts.csv` plus the truth every social detector is measured
//! against.
//!
//! An online world is generated beside a money world with the same configuration and seed
//! (its `[online]` table, [`OnlineConfig`]) and starts on the money world's first day. What it
//! holds:
//!
//! - **accounts** ([`accounts`]) in the money world's countries, each writing one language,
//!   with heavy-tailed activity and a heavy-tailed follow graph; a few percent are supporters
//!   (mostly Arabic-speaking, as Berger and Morgan counted), some of them seeders of
//!   propaganda or fundraisers;
//! - **ordinary traffic** ([`posts`]): originals with everyday chatter, links from a
//!   Zipf-distributed pool, mentions, reposts and replies of what followees posted, with a
//!   daily rhythm;
//! - **decoys** ([`decoys`]): viral posts, news links and greetings shared by hundreds of
//!   accounts independently over hours;
//! - **cells** ([`cells`]): groups that repeatedly post the same link, repost the same post or
//!   post the same text (some with small edits) within seconds to a minute;
//! - **cascades** ([`cascades`]): a seeder's item with a PDQ-like media hash (`pdq:<64 hex>` in
//!   the text) carried on in three waves by supporters in many countries;
//! - **appeals** ([`appeals`]): posts giving the account of a crowdfunding or
//!   charity-diversion collector of the money world (its IBAN, or its card number in countries
//!   without IBANs, both as `accounts.csv` of the money world gives them; or as
//!   `bank B account A`), legitimate charities' appeals, and IBANs and card numbers with a
//!   failing checksum.
//!
//! Files (in the output directory): `posts.csv`, `online_accounts.csv`
//! (`user_id,username,country,language,followers,following,posts,role,cell_id`), `follows.csv`,
//! and `online_truth/`: `cells.csv` (`cell_id,user_id`), `cell_posts.csv`, `cascades.csv`
//! (`item_id,role,wave,message_id,user_id,country,timestamp,media_hash`; the `seeder` row
//! first), `media.csv`, `decoys.csv` and `donation_links.csv`
//! (`message_id,user_id,identifier,bank,account,format,kind`). The world is built in memory
//! (about 150 bytes a post) and written in time order; the same configuration, seed and money
//! world give the same bytes.

pub mod accounts;
pub mod appeals;
pub mod cascades;
pub mod cells;
mod config;
pub mod decoys;
pub mod money;
pub mod posts;
pub mod text;
pub mod truth;
mod write;

use std::path::Path;

use serde::Serialize;

pub use config::OnlineConfig;

use crate::config::WorldConfig;
use crate::random::{SimRng, Stream};
use crate::SimError;

/// What a generated online world holds.
#[derive(Clone, Debug, Default, Serialize)]
pub struct OnlineSummary {
    /// Accounts.
    pub accounts: u64,
    /// Posts written, planted ones included.
    pub posts: u64,
    /// Ordinary posts.
    pub ordinary_posts: u64,
    /// Planted cells and their members.
    pub cells: u64,
    /// Accounts in planted cells.
    pub cell_members: u64,
    /// Posts of cell bursts.
    pub cell_posts: u64,
    /// Decoy posts.
    pub decoy_posts: u64,
    /// Cascades and their posts.
    pub cascades: u64,
    /// Posts of cascades (seeds, reposts, re-uploads).
    pub cascade_posts: u64,
    /// Appeals pointing at terrorist-financing collectors.
    pub appeals: u64,
    /// Appeals of legitimate charities.
    pub charity_appeals: u64,
    /// Posts with an IBAN or card number whose checksum fails.
    pub invalid_appeals: u64,
}

/// Sub-streams of [`Stream::Online`], one per part of the online world.
#[repr(u64)]
enum Part {
    Accounts = 1,
    Ordinary = 2,
    Decoys = 3,
    Cells = 4,
    Cascades = 5,
    Appeals = 6,
}

fn rng(config: &WorldConfig, part: Part) -> SimRng {
    SimRng::sub(config.seed, Stream::Online, part as u64)
}

/// Generates the online world of `config` (its `[online]` table, or the demo's defaults) into
/// `dir`, its appeals pointing at the money world already generated in `money_dir` from the
/// same configuration.
pub fn simulate_online(
    config: &WorldConfig,
    money_dir: &Path,
    dir: &Path,
) -> Result<OnlineSummary, SimError> {
    config.validate()?;
    let online = config.online.clone().unwrap_or_default();
    online.validate()?;
    let start = config.start_day()? * 86_400;
    let money = money::MoneyTargets::read(money_dir)?;
    let accounts = accounts::Accounts::new(&online, config.seed, &mut rng(config, Part::Accounts));
    let mut all = posts::ordinary(
        &accounts,
        config.seed,
        start,
        online.days,
        online.posts,
        &mut rng(config, Part::Ordinary),
    );
    let ordinary_posts = all.len() as u64;
    let mut truth = truth::Truth::default();
    decoys::plant(
        online.decoys,
        &accounts,
        config.seed,
        start,
        online.days,
        &mut all,
        &mut truth,
        &mut rng(config, Part::Decoys),
    );
    cells::plant(
        &online,
        &accounts,
        start,
        &mut all,
        &mut truth,
        &mut rng(config, Part::Cells),
    );
    cascades::plant(
        online.cascades,
        online.amplifiers,
        &accounts,
        start,
        online.days,
        &mut all,
        &mut truth,
        &mut rng(config, Part::Cascades),
    );
    appeals::plant(
        &online,
        &accounts,
        &money,
        start,
        &mut all,
        &mut truth,
        &mut rng(config, Part::Appeals),
    );

    let truth_dir = dir.join("online_truth");
    std::fs::create_dir_all(&truth_dir).map_err(|source| SimError::Io {
        path: truth_dir.clone(),
        source,
    })?;
    let (order, ids) = write::message_ids(&all);
    write::posts_csv(dir, &accounts, &all, &order, &ids)?;
    write::accounts_csv(dir, &accounts, &all)?;
    write::truth_files(&truth_dir, &accounts, &all, &ids, &truth)?;
    let count = |kind: &str| truth.donations.iter().filter(|d| d.kind == kind).count() as u64;
    Ok(OnlineSummary {
        accounts: accounts.len() as u64,
        posts: all.len() as u64,
        ordinary_posts,
        cells: accounts.cells.len() as u64,
        cell_members: accounts.cells.iter().map(|c| c.len() as u64).sum(),
        cell_posts: truth.cell_posts.len() as u64,
        decoy_posts: truth.decoys.len() as u64,
        cascades: truth.media.len() as u64,
        cascade_posts: truth.cascades.len() as u64,
        appeals: count("appeal"),
        charity_appeals: count("charity"),
        invalid_appeals: count("invalid"),
    })
}
