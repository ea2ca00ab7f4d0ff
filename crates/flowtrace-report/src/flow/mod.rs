//! Flow graphs: accounts as boxes, transfers as curved arrows, laid out in layers so money reads
//! in the direction it moved (left to right, or top to bottom when a long chain would not fit).
//!
//! The pipeline is `select` (keep the most important nodes and arrows when there are too many,
//! merge parallel transfers), `layout` (break cycles, layers, crossing reduction), `place`
//! (coordinates and orientation), `edges` (arrow shapes), `labels` (amounts that do not overlap)
//! and `svg` (drawing). Everything is deterministic: the same graph gives the same bytes.

mod edges;
mod labels;
mod layout;
mod place;
mod select;
mod svg;
#[cfg(test)]
mod tests;

pub(crate) use svg::render;

/// What role an account plays in a flow; decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum NodeKind {
    /// An account with no special role.
    #[default]
    Ordinary,
    /// Where the money comes from: a donor or sponsor.
    Funder,
    /// An account that gathers many small payments.
    Collector,
    /// A pass-through: mule, shell or layering account.
    Intermediary,
    /// Where the money ends up.
    Beneficiary,
    /// On a sanctions or watch list.
    Listed,
    /// A cash deposit or withdrawal point.
    Cash,
    /// An account abroad; the flow crosses a border here.
    CrossBorder,
}

impl NodeKind {
    /// Every kind, in legend order.
    pub const ALL: [NodeKind; 8] = [
        NodeKind::Funder,
        NodeKind::Collector,
        NodeKind::Intermediary,
        NodeKind::Beneficiary,
        NodeKind::Listed,
        NodeKind::Cash,
        NodeKind::CrossBorder,
        NodeKind::Ordinary,
    ];

    /// The name shown in the legend and tooltips.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Ordinary => "ordinary",
            NodeKind::Funder => "funder",
            NodeKind::Collector => "collector",
            NodeKind::Intermediary => "intermediary",
            NodeKind::Beneficiary => "beneficiary",
            NodeKind::Listed => "listed",
            NodeKind::Cash => "cash",
            NodeKind::CrossBorder => "cross-border",
        }
    }

    /// Fill, stroke and text colours: light fills keep dark text readable, strokes carry the
    /// hue; listed accounts are dark so they stand out from everything else.
    pub(crate) fn colours(self) -> (&'static str, &'static str, &'static str) {
        const INK: &str = "#0f172a";
        match self {
            NodeKind::Ordinary => ("#f1f5f9", "#94a3b8", INK),
            NodeKind::Funder => ("#fee2e2", "#dc2626", INK),
            NodeKind::Collector => ("#ffedd5", "#ea580c", INK),
            NodeKind::Intermediary => ("#fef9c3", "#ca8a04", INK),
            NodeKind::Beneficiary => ("#ede9fe", "#7c3aed", INK),
            NodeKind::Listed => ("#1e293b", "#0f172a", "#ffffff"),
            NodeKind::Cash => ("#dcfce7", "#16a34a", INK),
            NodeKind::CrossBorder => ("#dbeafe", "#2563eb", INK),
        }
    }
}

/// An account in a [`FlowGraph`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlowNode {
    /// Identifies the node for edges; never shown.
    pub id: String,
    /// The name shown in the box; shortened if long (the full name is in the tooltip).
    pub label: String,
    /// Its role, which decides its colour.
    pub kind: NodeKind,
    /// Extra lines for the tooltip (bank, country, list entry...).
    pub tooltip: Option<String>,
    /// How much the node matters when the graph is too big to show whole; higher is kept first.
    /// Nodes with equal rank are ordered by highlighted transfers, then role, then degree.
    pub rank: f64,
}

impl FlowNode {
    /// A node with an id, a label and a role.
    pub fn new(id: impl Into<String>, label: impl Into<String>, kind: NodeKind) -> FlowNode {
        FlowNode {
            id: id.into(),
            label: label.into(),
            kind,
            ..FlowNode::default()
        }
    }

    /// Sets the tooltip text.
    pub fn tooltip(mut self, text: impl Into<String>) -> FlowNode {
        self.tooltip = Some(text.into());
        self
    }

    /// Sets the rank used to choose which nodes to keep in a big graph.
    pub fn rank(mut self, rank: f64) -> FlowNode {
        self.rank = rank;
        self
    }
}

/// A transfer (or a summary of several) in a [`FlowGraph`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FlowEdge {
    /// The paying node's id.
    pub from: String,
    /// The receiving node's id.
    pub to: String,
    /// The amount, formatted by the caller ("USD 9,500").
    pub amount: String,
    /// When, formatted by the caller ("2024-03-05 14:02").
    pub time: String,
    /// Drawn in the accent colour: part of the planted or traced chain.
    pub highlighted: bool,
    /// A short extra note ("structuring", "matched: UN QDi.123").
    pub label: Option<String>,
}

impl FlowEdge {
    /// An edge between two node ids.
    pub fn new(from: impl Into<String>, to: impl Into<String>) -> FlowEdge {
        FlowEdge {
            from: from.into(),
            to: to.into(),
            ..FlowEdge::default()
        }
    }

    /// Sets the amount text.
    pub fn amount(mut self, text: impl Into<String>) -> FlowEdge {
        self.amount = text.into();
        self
    }

    /// Sets the time text.
    pub fn time(mut self, text: impl Into<String>) -> FlowEdge {
        self.time = text.into();
        self
    }

    /// Draws the edge in the accent colour.
    pub fn highlighted(mut self) -> FlowEdge {
        self.highlighted = true;
        self
    }

    /// Sets the extra note.
    pub fn label(mut self, text: impl Into<String>) -> FlowEdge {
        self.label = Some(text.into());
        self
    }
}

/// The default limit on drawn nodes: past about 60 boxes a layered drawing stops being readable.
pub const DEFAULT_MAX_NODES: usize = 60;

/// A graph of flows between accounts, drawn as inline SVG with a layered layout: left to right,
/// or top to bottom when the chain is too long for the page.
///
/// Edges whose ends are not nodes of the graph are left out (and counted in the caption).
#[derive(Debug, Clone, PartialEq)]
pub struct FlowGraph {
    /// The title above the drawing.
    pub title: String,
    /// A line under the drawing saying what it shows.
    pub caption: Option<String>,
    /// The accounts; their order breaks ties, so pass them in a meaningful order.
    pub nodes: Vec<FlowNode>,
    /// The transfers, best in time order: cycles are broken at the edge that closes them.
    pub edges: Vec<FlowEdge>,
    /// How many nodes to draw at most; the rest are left out and counted.
    pub max_nodes: usize,
}

impl FlowGraph {
    /// An empty graph.
    pub fn new(title: impl Into<String>) -> FlowGraph {
        FlowGraph {
            title: title.into(),
            caption: None,
            nodes: Vec::new(),
            edges: Vec::new(),
            max_nodes: DEFAULT_MAX_NODES,
        }
    }

    /// Sets the caption.
    pub fn caption(mut self, text: impl Into<String>) -> FlowGraph {
        self.caption = Some(text.into());
        self
    }

    /// Adds a node.
    pub fn node(mut self, node: FlowNode) -> FlowGraph {
        self.nodes.push(node);
        self
    }

    /// Adds an edge.
    pub fn edge(mut self, edge: FlowEdge) -> FlowGraph {
        self.edges.push(edge);
        self
    }

    /// Sets how many nodes to draw at most (at least 1).
    pub fn max_nodes(mut self, max: usize) -> FlowGraph {
        self.max_nodes = max.max(1);
        self
    }
}
