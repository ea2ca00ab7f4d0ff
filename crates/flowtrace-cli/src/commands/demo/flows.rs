//! Pictures of planted flows: one instance of several typologies, drawn as graphs with the
//! transfers the rules flagged highlighted.

use std::collections::HashSet;
use std::path::Path;

use anyhow::Result;
use flowtrace_report::{FlowEdge, FlowGraph, FlowNode, NodeKind, Section};

use super::world_files::{accounts, AccountInfo, Block};
use super::Findings;

/// Typologies shown, in order: terrorist financing first, then the classic laundering shapes.
const SHOWN: [&str; 7] = [
    "CROWDFUNDING",
    "STRUCTURING",
    "CHARITY-DIVERSION",
    "LISTED-PARTY",
    "TRADE-BASED",
    "CYCLE",
    "SCATTER-GATHER",
];

fn kind(info: Option<&AccountInfo>) -> NodeKind {
    let Some(info) = info else {
        return NodeKind::Ordinary;
    };
    if info.entity_type == "cash-desk" {
        return NodeKind::Cash;
    }
    match info.role.as_str() {
        "listed" => NodeKind::Listed,
        "funder" => NodeKind::Funder,
        "collector" => NodeKind::Collector,
        "intermediary" | "front" | "mule" => NodeKind::Intermediary,
        "beneficiary" => NodeKind::Beneficiary,
        _ => NodeKind::Ordinary,
    }
}

pub fn flow_section(world_dir: &Path, blocks: &[Block], f: &Findings) -> Result<Section> {
    let chosen: Vec<&Block> = SHOWN
        .iter()
        .filter_map(|t| blocks.iter().find(|b| b.typology == *t))
        .collect();
    let wanted: HashSet<&str> = chosen
        .iter()
        .flat_map(|b| b.rows.iter().flat_map(|r| [r.from.as_str(), r.to.as_str()]))
        .collect();
    let info = accounts(world_dir, &|key| wanted.contains(key))?;
    let mut section = Section::new("Planted flows").intro(
        "One instance of several typologies, as planted. Boxes are accounts (colour: role in the scheme); \
         arrows are transfers with amount and time; red arrows are transfers the rules flagged.",
    );
    for block in chosen {
        let mut graph = FlowGraph::new(format!(
            "{}: {}",
            block.typology.to_lowercase(),
            block.detail
        ));
        let mut seen = HashSet::new();
        let mut flagged = 0;
        for r in &block.rows {
            for key in [&r.from, &r.to] {
                if seen.insert(key.clone()) {
                    let i = info.get(key);
                    let label = i.map_or(key.clone(), |i| i.name.clone());
                    let tip = i.map_or(key.clone(), |i| {
                        format!("{key} · {} · {} · {}", i.country, i.entity_type, i.role)
                    });
                    graph = graph.node(FlowNode::new(key.clone(), label, kind(i)).tooltip(tip));
                }
            }
            let mut edge = FlowEdge::new(r.from.clone(), r.to.clone())
                .amount(format!("{} {}", r.amount, r.currency))
                .time(format!("{} · {}", &r.time[5..], r.format));
            if r.row > 0 && f.row_scores[r.row - 1] >= 0.5 {
                edge = edge.highlighted();
                flagged += 1;
            }
            graph = graph.edge(edge);
        }
        let verdict = match flagged {
            0 => "missed by the rules".to_string(),
            n if n == block.rows.len() => "every transfer flagged by the rules".to_string(),
            n => format!("{n} of {} transfers flagged by the rules", block.rows.len()),
        };
        section = section.block(graph.caption(verdict));
    }
    Ok(section)
}
