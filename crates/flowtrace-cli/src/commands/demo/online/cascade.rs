//! One propaganda cascade of the online world, followed from its media hash: who posted it
//! first, who carried it on, when and from which countries.

use std::collections::HashSet;
use std::path::Path;

use anyhow::Result;
use flowtrace_graph::time::CivilTime;
use flowtrace_report::{Bar, BarChart, Block, Cell, FlowEdge, FlowGraph, FlowNode, NodeKind};
use flowtrace_report::{Section, Table};
use flowtrace_social::cascade::{cascade, cascade_to_json, Cascade, Countries, Via};
use flowtrace_social::Messages;

use super::truth::rows;

/// Accounts drawn in the cascade's picture, the earliest first.
const CASCADE_NODES: usize = 24;

pub struct Followed {
    cascade: Cascade,
    /// The planted seeder's platform id.
    planted_seeder: String,
    planted_posts: usize,
}

/// Follows the planted cascade with the most posts; `None` when the world has none.
pub fn follow(messages: &Messages, countries: &Countries, dir: &Path) -> Result<Option<Followed>> {
    let truth = rows(dir, "cascades.csv")?;
    // item_id,role,wave,message_id,user_id,country,timestamp,media_hash
    let mut items: Vec<(&str, usize, &str)> = Vec::new();
    for row in truth.iter().filter(|r| r.len() == 8) {
        match items.iter_mut().find(|i| i.0 == row[7]) {
            Some(item) => item.1 += 1,
            None => items.push((&row[7], 1, "")),
        }
        if row[1] == "seeder" {
            if let Some(item) = items.iter_mut().find(|i| i.0 == row[7]) {
                item.2 = &row[4];
            }
        }
    }
    let Some(&(hash, planted_posts, seeder)) =
        items.iter().max_by_key(|i| (i.1, std::cmp::Reverse(i.0)))
    else {
        return Ok(None);
    };
    Ok(
        cascade(messages, hash, Some(countries)).map(|cascade| Followed {
            cascade,
            planted_seeder: seeder.to_string(),
            planted_posts,
        }),
    )
}

fn clock(ts: f64) -> String {
    let c = CivilTime::from_unix(ts as i64);
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        c.year, c.month, c.day, c.hour, c.minute
    )
}

fn after(seconds: f64) -> String {
    let minutes = (seconds / 60.0).round() as i64;
    format!("+{}h{:02}", minutes / 60, minutes % 60)
}

impl Followed {
    fn seeder_found(&self, messages: &Messages) -> bool {
        messages.user_key(self.cascade.seeder().user) == self.planted_seeder
    }

    pub fn json(&self, messages: &Messages) -> Vec<u8> {
        format!("{:#}\n", cascade_to_json(&self.cascade, messages)).into_bytes()
    }

    pub fn note(&self, messages: &Messages) -> String {
        let c = &self.cascade;
        format!(
            "cascade: {} posts by {} accounts in {} countries; first poster {} ({})",
            c.posts.len(),
            c.accounts.len(),
            c.countries.iter().filter(|s| s.country.is_some()).count(),
            messages.username(c.seeder().user),
            if self.seeder_found(messages) {
                "the planted seeder"
            } else {
                "not the planted seeder"
            }
        )
    }

    pub fn section(&self, messages: &Messages) -> Section {
        let c = &self.cascade;
        let seeder = c.seeder();
        let countries = c.countries.iter().filter(|s| s.country.is_some()).count();
        let found = self.seeder_found(messages);
        let verdict = if found {
            Cell::found("yes: the planted seeder")
        } else {
            Cell::missed(format!("no: planted {}", self.planted_seeder))
        };
        let mut section = Section::new("Online: a propaganda cascade")
            .intro(format!(
                "The largest planted cascade, followed from its media hash alone: every post that carries \
                 the hash, every repost of those and reposts of reposts. {} accounts in {} countries carried \
                 it over {}; the first to post it is the seeder.",
                c.accounts.len(),
                countries,
                after(c.end() - c.start()).trim_start_matches('+')
            ))
            .block(Block::key_values([
                ("media hash".to_string(), format!("pdq:{}…", &c.item[..16.min(c.item.len())])),
                ("seeder".to_string(), format!(
                    "{} ({}), {}",
                    messages.username(seeder.user),
                    seeder.country.as_deref().unwrap_or("unknown country"),
                    clock(seeder.first)
                )),
                ("posts".to_string(), format!("{} (planted: {})", c.posts.len(), self.planted_posts)),
            ]));
        section = section.block(
            Table::new(["seeder ranked first", "accounts", "countries"]).row([
                verdict,
                Cell::new(c.accounts.len().to_string()),
                Cell::new(countries.to_string()),
            ]),
        );
        section = section.block(self.picture(messages));
        let mut table = Table::new(["country", "accounts", "posts", "arrived"])
            .caption("Where the item spread, most accounts first.");
        for s in &c.countries {
            table = table.row([
                s.country.clone().unwrap_or_else(|| "unknown".into()),
                s.accounts.to_string(),
                s.posts.to_string(),
                after(s.first - c.start()),
            ]);
        }
        let mut reach = BarChart::new("Accounts reached, by hour since the first post");
        for point in &c.reach {
            reach = reach.bar(
                Bar::new(format!("hour {}", point.hour + 1), point.accounts as f64)
                    .text(format!("{} (+{})", point.accounts, point.new_accounts)),
            );
        }
        section.block(table).block(reach)
    }

    /// Each account with an arrow from the account it took the item from: the author of the
    /// post it reposted, or the seeder for a re-upload.
    fn picture(&self, messages: &Messages) -> FlowGraph {
        let c = &self.cascade;
        let seeder = c.seeder();
        let mut graph = FlowGraph::new(format!(
            "Cascade of {} accounts from {}",
            c.accounts.len(),
            messages.username(seeder.user)
        ));
        for (k, a) in c.accounts.iter().enumerate() {
            let kind = if k > 0 && a.country != seeder.country {
                NodeKind::CrossBorder
            } else {
                NodeKind::Ordinary
            };
            let country = a.country.as_deref().unwrap_or("?");
            let label = format!("{} · {country}", messages.username(a.user));
            let tip = format!(
                "{} · first post {}",
                messages.user_key(a.user),
                clock(a.first)
            );
            graph = graph.node(
                FlowNode::new(a.user.to_string(), label, kind)
                    .tooltip(tip)
                    .rank(-(k as f64)),
            );
        }
        let mut seen = HashSet::new();
        for p in &c.posts[1..] {
            if !seen.insert(p.user) || p.user == seeder.user {
                continue;
            }
            let from = p.parent.map_or(seeder.user, |m| messages.users()[m]);
            let via = match p.via {
                Via::Repost => "repost",
                _ => "re-upload",
            };
            graph = graph.edge(
                FlowEdge::new(from.to_string(), p.user.to_string())
                    .time(after(p.time - c.start()))
                    .label(via),
            );
        }
        graph.max_nodes(CASCADE_NODES).caption(
            "Blue accounts are in another country than the seeder. Times are since the first post.",
        )
    }
}
