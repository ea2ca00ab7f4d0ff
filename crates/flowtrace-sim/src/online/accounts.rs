//! Online accounts: who they are (country, language, username), what part they play, how
//! active they are, and the heavy-tailed follow graph between them.

use std::collections::HashSet;

use flowtrace_names as names;

use super::config::OnlineConfig;
use super::text::Lang;
use crate::naming::pick_origin;
use crate::random::{mix, AliasTable, SimRng};
use crate::world::countries::COUNTRIES;

/// The part an online account plays (written to `online_accounts.csv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// An ordinary user.
    Ordinary,
    /// A member of a planted coordinated cell.
    Cell,
    /// Starts propaganda cascades (a media outlet's account).
    Seeder,
    /// Carries cascades and appeals on (a supporter).
    Amplifier,
    /// Posts donation appeals for terrorist-financing schemes.
    Fundraiser,
}

impl Part {
    /// The part as written in the accounts file.
    pub fn name(self) -> &'static str {
        match self {
            Part::Ordinary => "ordinary",
            Part::Cell => "cell",
            Part::Seeder => "seeder",
            Part::Amplifier => "amplifier",
            Part::Fundraiser => "fundraiser",
        }
    }
}

/// One online account.
#[derive(Clone, Debug)]
pub struct Account {
    /// The toolkit's `user_id`: ten digits, distinct per account.
    pub user_id: String,
    /// Screen name.
    pub username: String,
    /// Index into [`COUNTRIES`].
    pub country: u8,
    /// Language it posts in.
    pub lang: Lang,
    /// Its part.
    pub part: Part,
    /// Planted cell it belongs to (cells are numbered from 1).
    pub cell: Option<u32>,
}

/// Every online account, the follow graph and who posts how often.
pub struct Accounts {
    /// The accounts, by index.
    pub list: Vec<Account>,
    /// Whom each account follows, sorted.
    pub follows: Vec<Vec<u32>>,
    /// Followers of each account.
    pub followers: Vec<u32>,
    /// Accounts by how often they post (Pareto: a few post most).
    pub activity: AliasTable,
    /// Supporters (the amplifier pool), seeders and fundraisers.
    pub supporters: Vec<u32>,
    /// Cascade seeders.
    pub seeders: Vec<u32>,
    /// Fundraisers.
    pub fundraisers: Vec<u32>,
    /// Members of each planted cell.
    pub cells: Vec<Vec<u32>>,
}

/// Countries supporters post from, with weights that give Berger and Morgan's mix of
/// languages (about three quarters Arabic, a fifth English, a few percent French).
const SUPPORTER_COUNTRIES: [(&str, f64); 14] = [
    ("SA", 22.0),
    ("IQ", 16.0),
    ("SY", 12.0),
    ("TR", 8.0),
    ("JO", 6.0),
    ("LB", 4.0),
    ("AE", 4.0),
    ("SO", 3.0),
    ("GB", 8.0),
    ("US", 5.0),
    ("AU", 2.0),
    ("FR", 5.0),
    ("BE", 2.0),
    ("DE", 3.0),
];

fn country_index(code: &str) -> u8 {
    COUNTRIES.iter().position(|c| c.code == code).unwrap_or(0) as u8
}

/// The language an account of `origin` in `country` posts in.
fn language(country: &str, origin: names::Origin, supporter: bool) -> Lang {
    use names::Origin as O;
    match origin {
        O::Arabic | O::EastAfrican => Lang::Ar,
        O::Turkish => Lang::Tr,
        O::Russian | O::CentralAsian => Lang::Ru,
        O::Chinese => Lang::Zh,
        O::Latin => Lang::Es,
        O::SouthAsian if country == "PK" && !supporter => Lang::Ur,
        _ => match country {
            "FR" | "BE" => Lang::Fr,
            "DE" | "CH" => Lang::De,
            "SA" | "IQ" | "SY" | "JO" | "LB" | "AE" | "SO" => Lang::Ar,
            "TR" => Lang::Tr,
            _ => Lang::En,
        },
    }
}

/// A screen name from a person name: ASCII letters, an underscore and a number.
fn username(name: &str, key: u64) -> String {
    let parts: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|p| {
            p.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|p| !p.is_empty())
        .collect();
    let first = parts.first().map_or("user", String::as_str);
    let last = parts.last().map_or("x", String::as_str);
    match key % 4 {
        0 => format!("{first}_{last}"),
        1 => format!("{first}{}", key % 1000),
        2 => format!("{first}_{last}{}", key % 100),
        _ => format!("{last}{first}{}", 1990 + key % 30),
    }
}

impl Accounts {
    /// Makes the accounts of `config`'s online world and their follow graph.
    pub fn new(config: &OnlineConfig, seed: u64, rng: &mut SimRng) -> Accounts {
        let n = config.accounts as usize;
        let mut order: Vec<u32> = (0..n as u32).collect();
        rng.shuffle(&mut order);
        let mut parts = vec![(Part::Ordinary, None); n];
        let mut next = order.into_iter();
        let mut take = |count: usize| -> Vec<u32> { next.by_ref().take(count).collect() };
        let cells: Vec<Vec<u32>> = (0..config.cells)
            .map(|_| {
                let [lo, hi] = config.cell_size;
                take(rng.between(i64::from(lo), i64::from(hi)) as usize)
            })
            .collect();
        let supporter_count = (n as f64 * config.supporters) as usize;
        let seeders = take((config.cascades as usize).div_ceil(8).clamp(2, 50));
        let fundraisers = take((config.appeals as usize).div_ceil(12).clamp(2, 50));
        let amplifiers = take(supporter_count);
        for (c, members) in cells.iter().enumerate() {
            for &a in members {
                parts[a as usize] = (Part::Cell, Some(c as u32 + 1));
            }
        }
        for (group, part) in [
            (&seeders, Part::Seeder),
            (&fundraisers, Part::Fundraiser),
            (&amplifiers, Part::Amplifier),
        ] {
            for &a in group.iter() {
                parts[a as usize] = (part, None);
            }
        }
        let list = make_accounts(&parts, &cells, seed, rng);
        let mut supporters = amplifiers.clone();
        supporters.extend(&seeders);
        supporters.extend(&fundraisers);
        supporters.sort_unstable();
        let activity: Vec<f64> = (0..n)
            .map(|a| {
                let base = rng.pareto(1.3).min(500.0);
                if parts[a].0 == Part::Ordinary {
                    base
                } else {
                    base + 2.0 // the hyperactive core posts more than most
                }
            })
            .collect();
        let (follows, followers) = follow_graph(config, &list, &supporters, rng);
        Accounts {
            list,
            follows,
            followers,
            activity: AliasTable::new(&activity),
            supporters,
            seeders,
            fundraisers,
            cells,
        }
    }

    /// Number of accounts.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are no accounts (never: the configuration asks for at least 100).
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

fn make_accounts(
    parts: &[(Part, Option<u32>)],
    cells: &[Vec<u32>],
    seed: u64,
    rng: &mut SimRng,
) -> Vec<Account> {
    let weights: Vec<f64> = COUNTRIES.iter().map(|c| c.weight).collect();
    let ordinary = AliasTable::new(&weights);
    let supporter = AliasTable::new(&SUPPORTER_COUNTRIES.map(|(_, w)| w));
    // Each cell has a home country most of its members post from; the rest are abroad.
    let homes: Vec<u8> = cells
        .iter()
        .map(|_| country_index(SUPPORTER_COUNTRIES[supporter.sample(rng)].0))
        .collect();
    let mut taken: HashSet<String> = HashSet::new();
    parts
        .iter()
        .enumerate()
        .map(|(a, &(part, cell))| {
            let country = match (part, cell) {
                (Part::Ordinary, _) => ordinary.sample(rng) as u8,
                (_, Some(c)) if rng.chance(0.7) => homes[c as usize - 1],
                _ => country_index(SUPPORTER_COUNTRIES[supporter.sample(rng)].0),
            };
            let key = mix(seed ^ mix(0x0_5e_ed ^ a as u64));
            let c = &COUNTRIES[country as usize];
            let origin = if part != Part::Ordinary && rng.chance(0.6) {
                names::Origin::Arabic
            } else {
                pick_origin(c.origins, key)
            };
            let name = names::person(origin, key).given_first();
            let mut handle = username(&name, key >> 8);
            if !taken.insert(handle.clone()) {
                handle = format!("{handle}_{a}");
                taken.insert(handle.clone());
            }
            Account {
                // An odd multiplier is a bijection on u32: distinct accounts, distinct ids.
                user_id: (1_000_000_000u64 + u64::from((a as u32).wrapping_mul(0x9E37_79B1)))
                    .to_string(),
                username: handle,
                country,
                lang: language(c.code, origin, part != Part::Ordinary),
                part,
                cell,
            }
        })
        .collect()
}

/// Each account follows a heavy-tailed number of accounts, chosen by a heavy-tailed
/// popularity, mostly among those writing its language; supporters follow each other.
fn follow_graph(
    config: &OnlineConfig,
    list: &[Account],
    supporters: &[u32],
    rng: &mut SimRng,
) -> (Vec<Vec<u32>>, Vec<u32>) {
    let n = list.len();
    let popularity: Vec<f64> = (0..n).map(|_| rng.pareto(1.2).min(1e4)).collect();
    let everyone = AliasTable::new(&popularity);
    let mut by_lang: Vec<(Lang, Vec<u32>, AliasTable)> = Vec::new();
    let mut langs: Vec<Lang> = list.iter().map(|a| a.lang).collect();
    langs.sort_unstable();
    langs.dedup();
    for lang in langs {
        let members: Vec<u32> = (0..n as u32)
            .filter(|&a| list[a as usize].lang == lang)
            .collect();
        let weights: Vec<f64> = members.iter().map(|&a| popularity[a as usize]).collect();
        by_lang.push((lang, members, AliasTable::new(&weights)));
    }
    let mut follows = Vec::with_capacity(n);
    let mut followers = vec![0u32; n];
    for (a, account) in list.iter().enumerate() {
        let mean = f64::from(config.follows);
        let degree = ((mean * 0.5 * rng.pareto(2.0)) as usize).clamp(1, n / 2);
        let local = by_lang
            .iter()
            .find(|(l, _, _)| *l == account.lang)
            .expect("every language has its accounts");
        let inside = account.part != Part::Ordinary && !supporters.is_empty();
        let mut out: Vec<u32> = (0..degree)
            .map(|_| {
                let r = rng.unit();
                if inside && r < 0.5 {
                    *rng.pick(supporters)
                } else if r < 0.7 {
                    local.1[local.2.sample(rng)]
                } else {
                    everyone.sample(rng) as u32
                }
            })
            .filter(|&b| b as usize != a)
            .collect();
        out.sort_unstable();
        out.dedup();
        for &b in &out {
            followers[b as usize] += 1;
        }
        follows.push(out);
    }
    (follows, followers)
}
