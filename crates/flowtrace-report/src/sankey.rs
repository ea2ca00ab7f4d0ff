//! Sankey diagrams: amounts flowing through columns of groups (hops of a trace, countries, banks),
//! each group a bar as tall as the money through it, each flow a band as wide as its amount.
//!
//! The pipeline is `fold` (drop bad links, keep the biggest groups of each column and fold the
//! rest into one "other" group, merge links between the same two groups), `layout` (order groups
//! to cut crossings, scale, stack bands at each group's sides) and `svg` (drawing). Everything is
//! deterministic: the same diagram gives the same bytes.

mod fold;
mod layout;
mod svg;
#[cfg(test)]
mod tests;

pub(crate) use svg::render;

/// A group in a [`Sankey`] column: an account, a bank, a country.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SankeyNode {
    /// Identifies the node for links; never shown.
    pub id: String,
    /// The name shown next to the bar; shortened if long (the full name is in the tooltip).
    pub label: String,
    /// The column (hop) it stands in, counted from 0 on the left.
    pub column: usize,
    /// Extra lines for the tooltip.
    pub tooltip: Option<String>,
}

impl SankeyNode {
    /// A node with an id, a label and a column.
    pub fn new(id: impl Into<String>, label: impl Into<String>, column: usize) -> SankeyNode {
        SankeyNode {
            id: id.into(),
            label: label.into(),
            column,
            tooltip: None,
        }
    }

    /// Sets the tooltip text.
    pub fn tooltip(mut self, text: impl Into<String>) -> SankeyNode {
        self.tooltip = Some(text.into());
        self
    }
}

/// An amount moving from a node to a node in a later column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SankeyLink {
    /// The paying node's id.
    pub from: String,
    /// The receiving node's id.
    pub to: String,
    /// The amount; links with a zero, negative or non-finite amount are left out.
    pub value: f64,
    /// A note for the tooltip ("USD", "3 transfers").
    pub label: Option<String>,
}

impl SankeyLink {
    /// A link carrying `value` between two node ids.
    pub fn new(from: impl Into<String>, to: impl Into<String>, value: f64) -> SankeyLink {
        SankeyLink {
            from: from.into(),
            to: to.into(),
            value,
            label: None,
        }
    }

    /// Sets the tooltip note.
    pub fn label(mut self, text: impl Into<String>) -> SankeyLink {
        self.label = Some(text.into());
        self
    }
}

/// A Sankey diagram drawn as inline SVG: columns left to right, a bar per node as tall as the
/// larger of what flows in and what flows out, and a band per link as wide as its amount.
///
/// Links whose ends are not nodes of the diagram, or that do not run from an earlier column to a
/// later one, are left out and counted in the caption; so are links without a positive amount.
///
/// ```
/// use flowtrace_report::{Sankey, SankeyLink, SankeyNode};
///
/// let sankey = Sankey::new("Amounts by hop")
///     .column("seed")
///     .column("hop 1")
///     .node(SankeyNode::new("s", "Seed accounts", 0))
///     .node(SankeyNode::new("ru", "Russia", 1).tooltip("12 accounts"))
///     .node(SankeyNode::new("tr", "Türkiye", 1))
///     .link(SankeyLink::new("s", "ru", 9_500.0).label("USD"))
///     .link(SankeyLink::new("s", "tr", 4_200.0))
///     .caption("Money leaving the seed accounts, by country of the receiving bank.");
/// let report = flowtrace_report::Report::new("t")
///     .section(flowtrace_report::Section::new("Trace").block(sankey));
/// assert!(report.to_html().contains("class=\"sankey-svg\""));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Sankey {
    /// The title above the drawing.
    pub title: String,
    /// Column headings, left to right; columns past the last heading have none.
    pub columns: Vec<String>,
    /// The nodes; a repeated id is ignored after its first node.
    pub nodes: Vec<SankeyNode>,
    /// The links; several between the same two nodes are drawn as one band.
    pub links: Vec<SankeyLink>,
    /// A line under the drawing saying what it shows.
    pub caption: Option<String>,
    /// How many nodes a column shows at most; the smallest of the rest are folded into one
    /// "other" node (which counts towards the limit).
    pub max_nodes_per_column: usize,
}

impl Sankey {
    /// The default limit on nodes per column: past about a dozen bars a column turns into labels
    /// too small to read.
    pub const DEFAULT_MAX_NODES_PER_COLUMN: usize = 12;

    /// An empty diagram.
    pub fn new(title: impl Into<String>) -> Sankey {
        Sankey {
            title: title.into(),
            columns: Vec::new(),
            nodes: Vec::new(),
            links: Vec::new(),
            caption: None,
            max_nodes_per_column: Sankey::DEFAULT_MAX_NODES_PER_COLUMN,
        }
    }

    /// Adds a column heading on the right ("seed", "hop 1", ...).
    pub fn column(mut self, heading: impl Into<String>) -> Sankey {
        self.columns.push(heading.into());
        self
    }

    /// Adds a node.
    pub fn node(mut self, node: SankeyNode) -> Sankey {
        self.nodes.push(node);
        self
    }

    /// Adds a link.
    pub fn link(mut self, link: SankeyLink) -> Sankey {
        self.links.push(link);
        self
    }

    /// Sets the caption.
    pub fn caption(mut self, text: impl Into<String>) -> Sankey {
        self.caption = Some(text.into());
        self
    }

    /// Sets how many nodes a column shows at most, "other" included (at least 1).
    pub fn max_nodes_per_column(mut self, max: usize) -> Sankey {
        self.max_nodes_per_column = max.max(1);
        self
    }
}
