//! Deciding what of a Sankey gets drawn: links with a usable amount between known nodes, left to
//! right; the biggest nodes of each column, the rest folded into one "other" node; one band per
//! pair of drawn nodes however many links it carries.

use std::collections::BTreeMap;

use super::{Sankey, SankeyNode};

/// Columns past this are a caller's mistake (a hop count used as a column, say), not a drawing:
/// their nodes are left out rather than stretching the page across thousands of empty columns.
pub(crate) const MAX_COLUMNS: usize = 64;

/// A drawn node: one of the caller's, or the "other" node of a column.
#[derive(Debug)]
pub(crate) struct Group<'a> {
    /// Its column.
    pub column: usize,
    /// The caller's node; `None` for "other".
    pub node: Option<&'a SankeyNode>,
    /// For "other": the labels of the nodes folded into it, biggest first.
    pub folded: Vec<&'a str>,
    /// The sum of the bands coming in.
    pub inflow: f64,
    /// The sum of the bands going out.
    pub outflow: f64,
}

impl Group<'_> {
    /// What the node's bar stands for: the larger of its two sides.
    pub fn total(&self) -> f64 {
        self.inflow.max(self.outflow)
    }

    /// The name shown next to the bar.
    pub fn label(&self) -> String {
        match self.node {
            Some(node) => node.label.clone(),
            None => format!("other ({})", self.folded.len()),
        }
    }
}

/// The links between two drawn nodes, drawn as one band.
#[derive(Debug)]
pub(crate) struct Flow<'a> {
    /// Index into [`Folded::groups`].
    pub from: usize,
    /// Index into [`Folded::groups`].
    pub to: usize,
    /// The summed amount.
    pub value: f64,
    /// How many of the caller's links it stands for.
    pub parts: usize,
    /// Their distinct labels, in input order, at most [`LABELS`].
    pub labels: Vec<&'a str>,
    /// Whether some distinct labels did not fit in `labels`.
    pub more_labels: bool,
}

/// Most distinct link labels kept per band: enough for a tooltip, and it keeps the check for
/// repeats cheap when thousands of links merge into one band.
pub(crate) const LABELS: usize = 8;

/// What will be drawn, and how much was left out.
#[derive(Debug)]
pub(crate) struct Folded<'a> {
    /// The drawn nodes, by column; within a column biggest first, "other" last.
    pub groups: Vec<Group<'a>>,
    /// The bands, in the order of their first link.
    pub flows: Vec<Flow<'a>>,
    /// How many columns the drawing has: every heading, and every column holding a node.
    pub columns: usize,
    /// Links left out for a zero, negative or non-finite amount.
    pub bad_values: usize,
    /// Links left out for naming an unknown node or not running left to right.
    pub stray_links: usize,
    /// Nodes folded into an "other" node.
    pub folded_nodes: usize,
    /// Nodes left out for a column past [`MAX_COLUMNS`].
    pub far_nodes: usize,
}

/// A usable link, by index into the unique nodes.
struct Valid<'a> {
    from: usize,
    to: usize,
    value: f64,
    label: Option<&'a str>,
}

/// Chooses the nodes and bands to draw.
pub(crate) fn fold(sankey: &Sankey) -> Folded<'_> {
    let (nodes, index) = unique_nodes(&sankey.nodes);
    let far_nodes = nodes.iter().filter(|n| n.column >= MAX_COLUMNS).count();
    let (mut bad_values, mut stray_links) = (0, 0);
    let mut valid = Vec::new();
    for link in &sankey.links {
        if !(link.value.is_finite() && link.value > 0.0) {
            bad_values += 1;
            continue;
        }
        let ends = (index.get(link.from.as_str()), index.get(link.to.as_str()));
        let (Some(&from), Some(&to)) = ends else {
            stray_links += 1;
            continue;
        };
        if nodes[from].column >= nodes[to].column || nodes[to].column >= MAX_COLUMNS {
            stray_links += 1;
            continue;
        }
        let label = link.label.as_deref().filter(|l| !l.is_empty());
        valid.push(Valid {
            from,
            to,
            value: link.value,
            label,
        });
    }
    let (mut groups, group_of, folded_nodes) =
        group_nodes(&nodes, &valid, sankey.max_nodes_per_column.max(1));
    let flows = merge(&valid, &group_of);
    for flow in &flows {
        groups[flow.from].outflow += flow.value;
        groups[flow.to].inflow += flow.value;
    }
    let used = groups.iter().map(|g| g.column + 1).max().unwrap_or(0);
    Folded {
        columns: used.max(sankey.columns.len().min(MAX_COLUMNS)),
        groups,
        flows,
        bad_values,
        stray_links,
        folded_nodes,
        far_nodes,
    }
}

/// The nodes with their first occurrence of each id, and the index of each id.
fn unique_nodes(nodes: &[SankeyNode]) -> (Vec<&SankeyNode>, BTreeMap<&str, usize>) {
    let mut unique = Vec::new();
    let mut index = BTreeMap::new();
    for node in nodes {
        index.entry(node.id.as_str()).or_insert_with(|| {
            unique.push(node);
            unique.len() - 1
        });
    }
    (unique, index)
}

/// The drawn nodes of each column, with the group each caller's node went to (`None` when it
/// carries no flow) and how many nodes were folded into "other".
fn group_nodes<'a>(
    nodes: &[&'a SankeyNode],
    valid: &[Valid],
    max: usize,
) -> (Vec<Group<'a>>, Vec<Option<usize>>, usize) {
    let (mut inflow, mut outflow) = (vec![0.0; nodes.len()], vec![0.0; nodes.len()]);
    for link in valid {
        outflow[link.from] += link.value;
        inflow[link.to] += link.value;
    }
    let total = |i: usize| f64::max(inflow[i], outflow[i]);
    let mut by_column: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, node) in nodes.iter().enumerate() {
        if total(i) > 0.0 {
            by_column.entry(node.column).or_default().push(i);
        }
    }
    let mut groups = Vec::new();
    let mut group_of = vec![None; nodes.len()];
    let mut folded_nodes = 0;
    for (column, mut members) in by_column {
        // Biggest first; input order breaks ties, so the caller decides among equals.
        members.sort_by(|&a, &b| total(b).total_cmp(&total(a)).then(a.cmp(&b)));
        let keep = if members.len() > max {
            max - 1
        } else {
            members.len()
        };
        for &i in &members[..keep] {
            group_of[i] = Some(groups.len());
            groups.push(Group {
                column,
                node: Some(nodes[i]),
                folded: Vec::new(),
                inflow: 0.0,
                outflow: 0.0,
            });
        }
        if keep < members.len() {
            for &i in &members[keep..] {
                group_of[i] = Some(groups.len());
            }
            folded_nodes += members.len() - keep;
            groups.push(Group {
                column,
                node: None,
                folded: members[keep..]
                    .iter()
                    .map(|&i| nodes[i].label.as_str())
                    .collect(),
                inflow: 0.0,
                outflow: 0.0,
            });
        }
    }
    (groups, group_of, folded_nodes)
}

/// One band per pair of groups, in the order of its first link.
fn merge<'a>(valid: &[Valid<'a>], group_of: &[Option<usize>]) -> Vec<Flow<'a>> {
    let mut flows: Vec<Flow> = Vec::new();
    let mut flow_of: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for link in valid {
        // Both ends carry this link's amount, so both have a group.
        let (Some(from), Some(to)) = (group_of[link.from], group_of[link.to]) else {
            continue;
        };
        let slot = *flow_of.entry((from, to)).or_insert_with(|| {
            flows.push(Flow {
                from,
                to,
                value: 0.0,
                parts: 0,
                labels: Vec::new(),
                more_labels: false,
            });
            flows.len() - 1
        });
        let flow = &mut flows[slot];
        flow.value += link.value;
        flow.parts += 1;
        if let Some(label) = link.label {
            if flow.labels.contains(&label) {
                continue;
            }
            if flow.labels.len() < LABELS {
                flow.labels.push(label);
            } else {
                flow.more_labels = true;
            }
        }
    }
    flows
}
