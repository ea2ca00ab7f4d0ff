//! Spread chains: from one item (a post id, a URL, a media hash) to its cascade, who posted it
//! first, who carried it, when, from which countries, and how many accounts it reached hour by
//! hour.
//!
//! The posts of a cascade ([`cascade`]):
//! - the post whose id is the item ([`Via::Post`]);
//! - posts carrying it among their URLs: the exact URL, or the item as a whole token inside a
//!   URL ([`Via::Url`]);
//! - posts naming it in their text (kept with [`crate::ReadOptions::keep_text`]) as a whole token
//!   ([`Via::Text`]); hexadecimal items (media hashes) match in any case. Items shorter than
//!   [`MIN_TEXT_MATCH`] characters are not searched for inside URLs and texts;
//! - every repost of any of these, and reposts of reposts ([`Via::Repost`], with the post it
//!   reposts and its depth). When the item is the id of a post that is not in the input, its
//!   reposts are the earliest carriers known.
//!
//! Posts are ordered by time, ties by input order; the first post's account is the **seeder**
//! and every other account an amplifier. Countries come from an accounts file ([`Countries`]);
//! accounts it does not list are in no country (`unknown`). Reach counts distinct accounts:
//! for each hour since the first post in which new accounts joined, how many joined and how
//! many in all; hours without new accounts are left out.

mod countries;
mod find;
mod write;

use crate::messages::{Messages, UserId};

pub use countries::Countries;
pub use find::MIN_TEXT_MATCH;
pub use write::{cascade_summary, cascade_to_json};

/// How a post came to carry the item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Via {
    /// It is the post the item names.
    Post,
    /// One of its URLs is or contains the item.
    Url,
    /// Its text names the item.
    Text,
    /// It reposts a post of the cascade.
    Repost,
}

impl Via {
    /// Lower-case name for outputs.
    pub fn name(self) -> &'static str {
        match self {
            Via::Post => "post",
            Via::Url => "url",
            Via::Text => "text",
            Via::Repost => "repost",
        }
    }
}

/// One post of a cascade.
#[derive(Clone, Debug, PartialEq)]
pub struct CascadePost {
    /// The post (index into the [`Messages`]).
    pub message: usize,
    /// Its author.
    pub user: UserId,
    /// When it was posted.
    pub time: f64,
    /// How it carries the item.
    pub via: Via,
    /// For a repost: the post of the cascade it reposts (`None` when that post is not in the
    /// input).
    pub parent: Option<usize>,
    /// Reposts between it and a post that carries the item itself (0 for those).
    pub depth: u32,
}

/// One account of a cascade.
#[derive(Clone, Debug, PartialEq)]
pub struct CascadeAccount {
    /// The account.
    pub user: UserId,
    /// Whether it posted first.
    pub seeder: bool,
    /// Its first post of the cascade.
    pub first: f64,
    /// Its posts in the cascade.
    pub posts: u32,
    /// How many of them are reposts.
    pub reposts: u32,
    /// Its country, if known.
    pub country: Option<String>,
}

/// How far a cascade spread in one country.
#[derive(Clone, Debug, PartialEq)]
pub struct CountrySpread {
    /// The country (`None`: accounts of unknown country).
    pub country: Option<String>,
    /// Accounts there.
    pub accounts: usize,
    /// Their posts.
    pub posts: usize,
    /// When it first arrived there.
    pub first: f64,
}

/// Reach at the end of an hour in which new accounts joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReachPoint {
    /// Hours since the first post (0: the first hour).
    pub hour: u64,
    /// Accounts that first carried the item in this hour.
    pub new_accounts: usize,
    /// Accounts that carried it by the end of this hour.
    pub accounts: usize,
}

/// An item's cascade (see the [module documentation](self)).
#[derive(Clone, Debug, PartialEq)]
pub struct Cascade {
    /// The item asked for.
    pub item: String,
    /// Posts in time order (ties in input order); the first is the seeder's.
    pub posts: Vec<CascadePost>,
    /// Accounts in order of their first post; the first is the seeder.
    pub accounts: Vec<CascadeAccount>,
    /// Countries by accounts (most first), then name; unknown last.
    pub countries: Vec<CountrySpread>,
    /// Cumulative distinct accounts per hour.
    pub reach: Vec<ReachPoint>,
}

impl Cascade {
    /// The account that posted first.
    pub fn seeder(&self) -> &CascadeAccount {
        &self.accounts[0]
    }

    /// Time of the first post.
    pub fn start(&self) -> f64 {
        self.posts[0].time
    }

    /// Time of the last post.
    pub fn end(&self) -> f64 {
        self.posts.last().map_or(0.0, |p| p.time)
    }
}

/// The cascade of `item` in `messages`, countries from `countries`; `None` when no post
/// carries it.
pub fn cascade(messages: &Messages, item: &str, countries: Option<&Countries>) -> Option<Cascade> {
    let mut members = find::members(messages, item);
    if members.is_empty() {
        return None;
    }
    let times = messages.times();
    members.sort_by(|a, b| {
        times[a.message]
            .total_cmp(&times[b.message])
            .then(a.message.cmp(&b.message))
    });
    let posts: Vec<CascadePost> = members
        .into_iter()
        .map(|m| CascadePost {
            message: m.message,
            user: messages.users()[m.message],
            time: times[m.message],
            via: m.via,
            parent: m.parent,
            depth: m.depth,
        })
        .collect();
    let country = |user: UserId| countries.and_then(|c| c.get(user)).map(str::to_string);
    let accounts = accounts_of(&posts, country);
    Some(Cascade {
        item: item.to_string(),
        countries: spread_by_country(&accounts),
        reach: reach(&posts),
        posts,
        accounts,
    })
}

fn accounts_of(
    posts: &[CascadePost],
    country: impl Fn(UserId) -> Option<String>,
) -> Vec<CascadeAccount> {
    let mut accounts: Vec<CascadeAccount> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for p in posts {
        let at = *index.entry(p.user).or_insert_with(|| {
            accounts.push(CascadeAccount {
                user: p.user,
                seeder: accounts.is_empty(),
                first: p.time,
                posts: 0,
                reposts: 0,
                country: country(p.user),
            });
            accounts.len() - 1
        });
        accounts[at].posts += 1;
        accounts[at].reposts += u32::from(p.via == Via::Repost);
    }
    accounts
}

fn spread_by_country(accounts: &[CascadeAccount]) -> Vec<CountrySpread> {
    let mut spread: Vec<CountrySpread> = Vec::new();
    for a in accounts {
        match spread.iter_mut().find(|s| s.country == a.country) {
            Some(s) => {
                s.accounts += 1;
                s.posts += a.posts as usize;
            }
            None => spread.push(CountrySpread {
                country: a.country.clone(),
                accounts: 1,
                posts: a.posts as usize,
                first: a.first,
            }),
        }
    }
    spread.sort_by(|a, b| {
        (
            a.country.is_none(),
            std::cmp::Reverse(a.accounts),
            &a.country,
        )
            .cmp(&(
                b.country.is_none(),
                std::cmp::Reverse(b.accounts),
                &b.country,
            ))
    });
    spread
}

fn reach(posts: &[CascadePost]) -> Vec<ReachPoint> {
    let start = posts.first().map_or(0.0, |p| p.time);
    let mut seen = std::collections::HashSet::new();
    let mut points: Vec<ReachPoint> = Vec::new();
    for p in posts {
        if !seen.insert(p.user) {
            continue;
        }
        let hour = ((p.time - start) / 3600.0).floor().max(0.0) as u64;
        match points.last_mut() {
            Some(last) if last.hour == hour => {
                last.new_accounts += 1;
                last.accounts += 1;
            }
            _ => points.push(ReachPoint {
                hour,
                new_accounts: 1,
                accounts: seen.len(),
            }),
        }
    }
    points
}
