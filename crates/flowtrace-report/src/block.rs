//! The pieces a section is made of: tables, bar charts, flow graphs, Sankey diagrams, notes and
//! key-value lists.

use crate::flow::FlowGraph;
use crate::sankey::Sankey;

/// How a value turned out, which colours it: green when something planted was found, red when it
/// was missed, plain otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    /// Nothing to say; drawn plain.
    #[default]
    Neutral,
    /// Found, caught, matched: drawn green.
    Found,
    /// Missed, not caught: drawn red.
    Missed,
}

impl Status {
    /// The CSS class the page's style sheet colours this status with.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Status::Neutral => "",
            Status::Found => "found",
            Status::Missed => "missed",
        }
    }
}

/// One block of a [`Section`](crate::Section). New kinds of block may be added later, so match
/// with a wildcard arm.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Block {
    /// A table with a sticky header row.
    Table(Table),
    /// A horizontal bar chart.
    Bars(BarChart),
    /// A graph of flows between accounts, laid out left to right.
    Flow(FlowGraph),
    /// Amounts flowing through columns of groups (hops of a trace), as bands between bars.
    Sankey(Sankey),
    /// A paragraph set apart as a remark.
    Note(String),
    /// Label-value pairs, such as the parameters of a run.
    KeyValues(Vec<(String, String)>),
}

impl Block {
    /// A [`Block::Note`].
    pub fn note(text: impl Into<String>) -> Block {
        Block::Note(text.into())
    }

    /// A [`Block::KeyValues`] from any pairs of strings.
    pub fn key_values<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Block {
        Block::KeyValues(
            pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

/// A table cell: its text and the status that colours it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// The text shown; escaped when rendered.
    pub text: String,
    /// The colour of the cell.
    pub status: Status,
}

impl Cell {
    /// A plain cell.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            status: Status::Neutral,
        }
    }

    /// A green cell: something planted was found.
    pub fn found(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            status: Status::Found,
        }
    }

    /// A red cell: something planted was missed.
    pub fn missed(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            status: Status::Missed,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::new(text)
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::new(text)
    }
}

/// A table. Cells that read as numbers are right-aligned so their digits line up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells; a short row is padded with empty cells.
    pub rows: Vec<Vec<Cell>>,
    /// A line under the table saying what it shows.
    pub caption: Option<String>,
}

impl Table {
    /// A table with these column headings and no rows yet.
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = S>) -> Table {
        Table {
            columns: columns.into_iter().map(Into::into).collect(),
            ..Table::default()
        }
    }

    /// Adds a row.
    pub fn row<C: Into<Cell>>(mut self, cells: impl IntoIterator<Item = C>) -> Table {
        self.rows.push(cells.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the caption.
    pub fn caption(mut self, text: impl Into<String>) -> Table {
        self.caption = Some(text.into());
        self
    }
}

impl From<Table> for Block {
    fn from(table: Table) -> Block {
        Block::Table(table)
    }
}

/// One bar of a [`BarChart`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bar {
    /// What the bar counts.
    pub label: String,
    /// Its length; negative values are drawn as zero.
    pub value: f64,
    /// The text at the end of the bar; the value, formatted, when absent.
    pub text: Option<String>,
    /// Drawn in the accent colour, to point at the bar that matters.
    pub highlight: bool,
}

impl Bar {
    /// A plain bar.
    pub fn new(label: impl Into<String>, value: f64) -> Bar {
        Bar {
            label: label.into(),
            value,
            ..Bar::default()
        }
    }

    /// Shows this text at the end of the bar instead of the number ("93%", "$1.2M").
    pub fn text(mut self, text: impl Into<String>) -> Bar {
        self.text = Some(text.into());
        self
    }

    /// Draws the bar in the accent colour.
    pub fn highlight(mut self) -> Bar {
        self.highlight = true;
        self
    }
}

/// A horizontal bar chart, drawn as inline SVG.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarChart {
    /// The chart's title.
    pub title: String,
    /// The bars, top to bottom.
    pub items: Vec<Bar>,
    /// The value a full-width bar stands for (1.0 for rates); the largest value when absent.
    pub max: Option<f64>,
}

impl BarChart {
    /// An empty chart.
    pub fn new(title: impl Into<String>) -> BarChart {
        BarChart {
            title: title.into(),
            ..BarChart::default()
        }
    }

    /// Adds a bar.
    pub fn bar(mut self, bar: Bar) -> BarChart {
        self.items.push(bar);
        self
    }

    /// Fixes the value of a full-width bar, so rates are drawn against 100%.
    pub fn max(mut self, max: f64) -> BarChart {
        self.max = Some(max);
        self
    }
}

impl From<BarChart> for Block {
    fn from(chart: BarChart) -> Block {
        Block::Bars(chart)
    }
}

impl From<FlowGraph> for Block {
    fn from(graph: FlowGraph) -> Block {
        Block::Flow(graph)
    }
}

impl From<Sankey> for Block {
    fn from(sankey: Sankey) -> Block {
        Block::Sankey(sankey)
    }
}
