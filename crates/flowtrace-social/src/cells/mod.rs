//! Cells and hubs: communities of the coordination network, ranked, and the role of each account.
//!
//! The directed coordination network is made undirected (the weight between two accounts is
//! `w(a -> b) + w(b -> a)`; self-loops are dropped) and split into communities by Louvain
//! (Blondel et al. 2008), deterministic for [`CellOptions::seed`]. A community of at least
//! [`CellOptions::min_size`] accounts is a [`Cell`]; cells are ranked by size, then density (the
//! share of member pairs that are linked), then activity (messages posted by the members).
//!
//! Per account ([`AccountRole`]): its degree and strength (summed weight) in the undirected
//! network, the weight inside its own community, and its participation coefficient (Guimerà
//! and Amaral 2005: `1 - sum over communities c of (k_c / k)^2`, 0 when all of its weight stays
//! in one community). Its [`Role`]: a **bridge** has participation of at least
//! [`CellOptions::bridge_participation`] (it ties cells together); otherwise the account with the
//! most weight inside its cell is that cell's **hub**; every other account is a **member**.
//!
//! And its [`Timing`], from who posted first ([`crate::coord::LeadFollow`]): a **seeder** led at
//! least two thirds of its coordinated messages (no other account's match came earlier), an
//! **amplifier** at most a third, anything between is **mixed**.
//!
//! Cells often coordinate in several ways at once (one burst shares a link, the next reposts a
//! post, the next pastes a text), so each single network sees only part of a cell.
//! [`find_cells_in_union`] takes several networks of the same posts (co-link, co-retweet,
//! co-tweet...) and works on their union: the weight between two accounts is summed over the
//! networks (a message that matches in two networks counts in both), and so are each account's
//! leads and follows.

mod louvain;
mod write;

use std::collections::BTreeMap;

use crate::coord::{LeadFollow, Network};
use crate::messages::{Messages, UserId};

pub use write::{write_accounts_csv, write_cells_csv};

/// Parameters of [`find_cells`].
#[derive(Clone, Debug, PartialEq)]
pub struct CellOptions {
    /// Seed of the node order; the same seed gives the same cells everywhere.
    pub seed: u64,
    /// Modularity resolution: above 1 gives more, smaller cells.
    pub resolution: f64,
    /// Smallest community reported as a cell.
    pub min_size: usize,
    /// Participation coefficient from which an account is a bridge.
    pub bridge_participation: f64,
}

impl Default for CellOptions {
    fn default() -> Self {
        CellOptions {
            seed: 1,
            resolution: 1.0,
            min_size: 3,
            bridge_participation: 0.3,
        }
    }
}

/// A community of accounts that coordinate with each other more than with the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Members, by account id.
    pub members: Vec<UserId>,
    /// Linked member pairs over all member pairs (1.0: everyone linked with everyone).
    pub density: f64,
    /// Summed edge weight between members (both directions).
    pub internal_weight: u64,
    /// Messages the members posted in the input.
    pub activity: u64,
    /// The member with the most weight inside the cell (lowest id on ties).
    pub hub: UserId,
}

/// What an account does in the coordination network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Ties several cells together (participation at least the threshold).
    Bridge,
    /// The most connected account of its cell.
    Hub,
    /// Any other account of the network.
    Member,
}

impl Role {
    /// Lower-case name for outputs.
    pub fn name(self) -> &'static str {
        match self {
            Role::Bridge => "bridge",
            Role::Hub => "hub",
            Role::Member => "member",
        }
    }
}

/// Whether an account tends to post first or after the others (see the [module
/// documentation](self)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Timing {
    /// Posts first in at least two thirds of its coordinated messages.
    Seeder,
    /// Posts after another account in at least two thirds of them.
    Amplifier,
    /// Neither.
    Mixed,
}

impl Timing {
    /// Lower-case name for outputs.
    pub fn name(self) -> &'static str {
        match self {
            Timing::Seeder => "seeder",
            Timing::Amplifier => "amplifier",
            Timing::Mixed => "mixed",
        }
    }

    fn of(lf: LeadFollow) -> Timing {
        let (leads, follows) = (u64::from(lf.leads), u64::from(lf.follows));
        if leads + follows == 0 {
            Timing::Mixed
        } else if 3 * leads >= 2 * (leads + follows) {
            Timing::Seeder
        } else if 3 * follows >= 2 * (leads + follows) {
            Timing::Amplifier
        } else {
            Timing::Mixed
        }
    }
}

/// One account's place in the network.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountRole {
    /// The account.
    pub user: UserId,
    /// Index into [`Cells::cells`], if its community is big enough to be a cell.
    pub cell: Option<usize>,
    /// Number of accounts it is linked with.
    pub degree: u32,
    /// Summed weight of its links (both directions).
    pub strength: u64,
    /// Weight of its links inside its own community.
    pub internal: u64,
    /// Participation coefficient, 0 to 1.
    pub participation: f64,
    /// Its role.
    pub role: Role,
    /// Its coordinated messages that came first / after another account's.
    pub lead_follow: LeadFollow,
    /// Seeder, amplifier or mixed.
    pub timing: Timing,
}

/// Cells ranked first to last, and every account of the network with its role.
#[derive(Clone, Debug, PartialEq)]
pub struct Cells {
    /// Ranked by size, density, activity (descending).
    pub cells: Vec<Cell>,
    /// Accounts with at least one link, by account id.
    pub accounts: Vec<AccountRole>,
}

/// Splits `network` into cells and gives each account its role (see the [module
/// documentation](self)).
pub fn find_cells(network: &Network, messages: &Messages, options: &CellOptions) -> Cells {
    find_cells_in_union(std::slice::from_ref(network), messages, options)
}

/// Splits the union of `networks`, all built from `messages`, into cells and gives each account
/// its role (see the [module documentation](self)); with one network, the same as
/// [`find_cells`].
pub fn find_cells_in_union(
    networks: &[Network],
    messages: &Messages,
    options: &CellOptions,
) -> Cells {
    let undirected = Undirected::from_networks(networks);
    let graph = louvain::Graph {
        adj: undirected
            .adj
            .iter()
            .map(|row| row.iter().map(|&(j, w)| (j, w as f64)).collect())
            .collect(),
        self_weight: vec![0.0; undirected.nodes.len()],
    };
    let community = louvain::louvain(graph, options.resolution, options.seed);
    let activity = messages_per_user(messages);
    let (cells, cell_of_community) = rank_cells(&undirected, &community, &activity, options);
    let mut accounts = roles(&undirected, &community, &cell_of_community, &cells, options);
    for account in &mut accounts {
        account.lead_follow = networks.iter().map(|n| n.lead_follow(account.user)).fold(
            LeadFollow::default(),
            |sum, lf| LeadFollow {
                leads: sum.leads.saturating_add(lf.leads),
                follows: sum.follows.saturating_add(lf.follows),
            },
        );
        account.timing = Timing::of(account.lead_follow);
    }
    Cells { cells, accounts }
}

/// The network without directions or loops, on the accounts that have links.
struct Undirected {
    /// Account id of each node.
    nodes: Vec<UserId>,
    /// (neighbour node, summed weight), sorted by neighbour.
    adj: Vec<Vec<(u32, u64)>>,
}

impl Undirected {
    fn from_networks(networks: &[Network]) -> Self {
        let mut pairs: BTreeMap<(UserId, UserId), u64> = BTreeMap::new();
        let edges = networks.iter().flat_map(|n| n.edges());
        for e in edges.filter(|e| e.from != e.to) {
            let key = (e.from.min(e.to), e.from.max(e.to));
            *pairs.entry(key).or_default() += u64::from(e.weight);
        }
        let mut nodes: Vec<UserId> = pairs.keys().flat_map(|&(a, b)| [a, b]).collect();
        nodes.sort_unstable();
        nodes.dedup();
        let index = |u: UserId| nodes.binary_search(&u).unwrap_or(0) as u32;
        let mut adj = vec![Vec::new(); nodes.len()];
        for (&(a, b), &w) in &pairs {
            let (i, j) = (index(a), index(b));
            adj[i as usize].push((j, w));
            adj[j as usize].push((i, w));
        }
        for row in &mut adj {
            row.sort_unstable();
        }
        Undirected { nodes, adj }
    }
}

fn messages_per_user(messages: &Messages) -> Vec<u64> {
    let mut count = vec![0u64; messages.user_count()];
    for &u in messages.users() {
        count[u as usize] += 1;
    }
    count
}

/// The cells, ranked, and for each community its cell index (if it is one).
fn rank_cells(
    g: &Undirected,
    community: &[u32],
    activity: &[u64],
    options: &CellOptions,
) -> (Vec<Cell>, Vec<Option<usize>>) {
    let count = community.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); count];
    for (node, &c) in community.iter().enumerate() {
        members[c as usize].push(node as u32);
    }
    let mut ranked: Vec<(u32, Cell)> = Vec::new();
    for (c, nodes) in members.iter().enumerate() {
        if nodes.len() < options.min_size.max(1) {
            continue;
        }
        let inside = |i: u32| {
            g.adj[i as usize]
                .iter()
                .filter(move |&&(j, _)| community[j as usize] == c as u32)
        };
        let links: usize = nodes.iter().map(|&i| inside(i).count()).sum();
        let weight: u64 = nodes
            .iter()
            .map(|&i| inside(i).map(|&(_, w)| w).sum::<u64>())
            .sum();
        let hub = nodes
            .iter()
            .map(|&i| (inside(i).map(|&(_, w)| w).sum::<u64>(), i))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .map_or(0, |(_, i)| g.nodes[i as usize]);
        let n = nodes.len() as f64;
        let cell = Cell {
            members: nodes.iter().map(|&i| g.nodes[i as usize]).collect(),
            density: if nodes.len() > 1 {
                links as f64 / (n * (n - 1.0))
            } else {
                0.0
            },
            internal_weight: weight,
            activity: nodes
                .iter()
                .map(|&i| {
                    activity
                        .get(g.nodes[i as usize] as usize)
                        .copied()
                        .unwrap_or(0)
                })
                .sum(),
            hub,
        };
        ranked.push((c as u32, cell));
    }
    ranked.sort_by(|(_, a), (_, b)| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(b.density.total_cmp(&a.density))
            .then(b.activity.cmp(&a.activity))
            .then(a.members[0].cmp(&b.members[0]))
    });
    let mut cell_of = vec![None; count];
    for (rank, (c, _)) in ranked.iter().enumerate() {
        cell_of[*c as usize] = Some(rank);
    }
    (ranked.into_iter().map(|(_, cell)| cell).collect(), cell_of)
}

fn roles(
    g: &Undirected,
    community: &[u32],
    cell_of: &[Option<usize>],
    cells: &[Cell],
    options: &CellOptions,
) -> Vec<AccountRole> {
    let mut by_community: BTreeMap<u32, u64> = BTreeMap::new();
    (0..g.nodes.len())
        .map(|i| {
            by_community.clear();
            for &(j, w) in &g.adj[i] {
                *by_community.entry(community[j as usize]).or_default() += w;
            }
            let strength: u64 = by_community.values().sum();
            let own = community[i];
            let internal = by_community.get(&own).copied().unwrap_or(0);
            let k = strength.max(1) as f64;
            let participation = 1.0
                - by_community
                    .values()
                    .map(|&w| (w as f64 / k).powi(2))
                    .sum::<f64>();
            let user = g.nodes[i];
            let cell = cell_of[own as usize];
            let role = if participation >= options.bridge_participation {
                Role::Bridge
            } else if cell.is_some_and(|c| cells[c].hub == user) {
                Role::Hub
            } else {
                Role::Member
            };
            AccountRole {
                user,
                cell,
                degree: g.adj[i].len() as u32,
                strength,
                internal,
                participation,
                role,
                lead_follow: LeadFollow::default(),
                timing: Timing::Mixed,
            }
        })
        .collect()
}
