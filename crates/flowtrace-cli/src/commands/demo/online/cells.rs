//! Cells of the online world: the union of the co-link, co-retweet and co-tweet networks split
//! by Louvain, scored against the planted cells and drawn.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::Result;
use flowtrace_report::{Block, Cell as TableCell, FlowEdge, FlowGraph, FlowNode, NodeKind};
use flowtrace_report::{Section, Table};
use flowtrace_sim::OnlineSummary;
use flowtrace_social::cascade::Countries;
use flowtrace_social::cells::write_cells_csv;
use flowtrace_social::{
    coordinate, find_cells_in_union, AccountRole, CellOptions, Cells, CoordOptions, Messages,
    Network, NetworkKind, UserId,
};

use super::truth::{majority_cell, planted_cells, score_cells, CellScore};

/// The networks whose union is split into cells.
const KINDS: [NetworkKind; 3] = [
    NetworkKind::CoLink,
    NetworkKind::CoRetweet,
    NetworkKind::CoTweet,
];

/// Cells drawn in the report: the largest dense ones.
const DRAWN: usize = 3;

/// Density from which a cell is drawn: sparser ones are loose crowds, not a picture of a cell.
const DRAWN_DENSITY: f64 = 0.5;

/// Strongest links drawn into each account (from accounts that lead it more often).
const LINKS_PER_ACCOUNT: usize = 1;

pub struct Found {
    networks: Vec<Network>,
    cells: Cells,
    planted: BTreeMap<u32, Vec<UserId>>,
    score: CellScore,
}

pub fn find(messages: &Messages, dir: &Path) -> Result<Found> {
    let options = CoordOptions {
        window_secs: 60.0,
        min_weight: 2,
        ..CoordOptions::default()
    };
    let networks: Vec<Network> = KINDS
        .iter()
        .map(|&k| coordinate(messages, k, &options))
        .collect();
    let cells = find_cells_in_union(&networks, messages, &CellOptions::default());
    let planted = planted_cells(dir, messages)?;
    let score = score_cells(&cells, &planted);
    Ok(Found {
        networks,
        cells,
        planted,
        score,
    })
}

impl Found {
    pub fn csv(&self, messages: &Messages) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        write_cells_csv(&self.cells, messages, &mut out)?;
        Ok(out)
    }

    pub fn note(&self) -> String {
        format!(
            "cells: {} found; {} of {} planted cell members in a cell where their own is the majority",
            self.cells.cells.len(),
            self.score.recovered,
            self.score.members
        )
    }

    pub fn section(
        &self,
        summary: &OnlineSummary,
        messages: &Messages,
        countries: &Countries,
    ) -> Section {
        let share = self.score.recovered as f64 / self.score.members.max(1) as f64;
        let mut section = Section::new("Online: coordinated cells")
            .intro(format!(
                "Beside the money world, the simulator wrote an online world with the same seed: {} accounts \
                 posting {} times over the same days, {} planted cells that share a link, repost a post or \
                 paste a text within seconds of each other, and {} posts of organic decoys (popular items that \
                 many accounts share independently). flowtrace builds the co-link, co-retweet and co-tweet networks (60-second \
                 window, at least two shared messages) and splits their union into cells (Louvain, seeded). \
                 {} of {} planted members ({:.0}%) sit in a found cell where their own cell is the majority. \
                 The three largest cells with a density of at least {DRAWN_DENSITY} are drawn below.",
                summary.accounts,
                summary.posts,
                summary.cells,
                summary.decoy_posts,
                self.score.recovered,
                self.score.members,
                100.0 * share
            ))
            .block(self.table(messages));
        let dense = self.cells.cells.iter().enumerate();
        for (rank, cell) in dense
            .filter(|(_, c)| c.density >= DRAWN_DENSITY)
            .take(DRAWN)
        {
            section = section.block(self.picture(rank, &cell.members, messages, countries));
        }
        section
    }

    fn table(&self, messages: &Messages) -> Table {
        let mut table = Table::new([
            "cell",
            "accounts",
            "density",
            "posts",
            "hub",
            "planted cell",
        ])
        .caption(
            "Found cells, largest first, and the planted cell most of their members belong to.",
        );
        for (rank, cell) in self.cells.cells.iter().enumerate().take(12) {
            let planted = match majority_cell(&cell.members, &self.planted) {
                Some((id, n)) if 2 * n > cell.members.len() => {
                    TableCell::found(format!("cell {id}: {n} of its {}", self.planted[&id].len()))
                }
                _ => TableCell::missed("none"),
            };
            table = table.row([
                TableCell::new((rank + 1).to_string()),
                TableCell::new(cell.members.len().to_string()),
                TableCell::new(format!("{:.2}", cell.density)),
                TableCell::new(cell.activity.to_string()),
                TableCell::new(messages.username(cell.hub)),
                planted,
            ]);
        }
        table
    }

    /// One cell as a graph: each account gets arrows from the members it most often follows,
    /// so the accounts that post first stand on the left.
    fn picture(
        &self,
        rank: usize,
        members: &[UserId],
        messages: &Messages,
        countries: &Countries,
    ) -> Block {
        let roles: HashMap<UserId, &AccountRole> =
            self.cells.accounts.iter().map(|a| (a.user, a)).collect();
        let lead = |u: UserId| {
            let lf = roles.get(&u).map(|a| a.lead_follow).unwrap_or_default();
            (
                f64::from(lf.leads) / f64::from((lf.leads + lf.follows).max(1)),
                u,
            )
        };
        let mut ordered = members.to_vec();
        ordered.sort_by(|&a, &b| lead(b).0.total_cmp(&lead(a).0).then(a.cmp(&b)));
        let planted = majority_cell(members, &self.planted);
        let in_planted = |u: UserId| planted.is_some_and(|(id, _)| self.planted[&id].contains(&u));
        let mut graph = FlowGraph::new(format!("Cell {}: {} accounts", rank + 1, members.len()));
        for &u in &ordered {
            let role = roles.get(&u);
            let timing = role.map_or("", |a| a.timing.name());
            let tip = format!(
                "{} · {} · {} · {} · led {} and followed {} coordinated posts",
                messages.user_key(u),
                countries.get(u).unwrap_or("unknown country"),
                role.map_or("", |a| a.role.name()),
                timing,
                role.map_or(0, |a| a.lead_follow.leads),
                role.map_or(0, |a| a.lead_follow.follows),
            );
            let label = messages.username(u);
            graph =
                graph.node(FlowNode::new(u.to_string(), label, NodeKind::Ordinary).tooltip(tip));
        }
        let weights = self.weights(members);
        for (k, &to) in ordered.iter().enumerate() {
            let mut from: Vec<(u64, UserId)> = ordered[..k]
                .iter()
                .filter_map(|&f| weights.get(&(f.min(to), f.max(to))).map(|&w| (w, f)))
                .collect();
            from.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for &(w, f) in from.iter().take(LINKS_PER_ACCOUNT) {
                let mut edge =
                    FlowEdge::new(f.to_string(), to.to_string()).amount(format!("{w} posts"));
                if in_planted(f) && in_planted(to) {
                    edge = edge.highlighted();
                }
                graph = graph.edge(edge);
            }
        }
        let caption = match planted {
            Some((id, n)) => format!(
                "Density {:.2}. Each account has an arrow from the member it shares most posts with among \
                 those that more often post first; highlighted arrows join two members of planted cell \
                 {id} ({n} of its {} members are here).",
                self.cells.cells[rank].density,
                self.planted[&id].len()
            ),
            None => "No planted cell has members here: a false cell.".to_string(),
        };
        graph.caption(caption).into()
    }

    /// Summed weight between each pair of `members` over the networks, keyed (low, high).
    fn weights(&self, members: &[UserId]) -> HashMap<(UserId, UserId), u64> {
        let mut weights = HashMap::new();
        for e in self.networks.iter().flat_map(|n| n.edges()) {
            if e.from != e.to && members.contains(&e.from) && members.contains(&e.to) {
                *weights
                    .entry((e.from.min(e.to), e.from.max(e.to)))
                    .or_insert(0) += u64::from(e.weight);
            }
        }
        weights
    }
}
