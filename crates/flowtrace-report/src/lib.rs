//! The flowtrace HTML report: one self-contained page a person would rather look at than read.
//!
//! A [`Report`] is a title, a row of headline [`Metric`]s and [`Section`]s; each capability
//! (simulation, tracing, screening, propaganda matching, coordination) adds its own sections made
//! of [`Block`]s: tables whose cells can be marked found or missed, horizontal bar charts, flow
//! graphs between accounts, [`Sankey`] diagrams of amounts by hop, notes and key-value lists. The
//! page is one HTML file with inline CSS and inline SVG, no scripts and nothing fetched from the
//! network; every string from the data is escaped. The crate reads no clock and no random source,
//! so the same report renders to the same bytes.
//!
//! ```
//! use flowtrace_report::{
//!     Bar, BarChart, Block, Cell, FlowEdge, FlowGraph, FlowNode, Metric, NodeKind, Report,
//!     Section, Table,
//! };
//!
//! let graph = FlowGraph::new("A planted cycle")
//!     .node(FlowNode::new("a", "Acme Trading", NodeKind::Funder))
//!     .node(FlowNode::new("b", "Иван Петров", NodeKind::Intermediary))
//!     .node(FlowNode::new("c", "شركة النور", NodeKind::Beneficiary).tooltip("bank 0220"))
//!     .edge(FlowEdge::new("a", "b").amount("USD 9,500").time("03-01 09:12").highlighted())
//!     .edge(FlowEdge::new("b", "c").amount("USD 9,400").time("03-02 11:40").highlighted())
//!     .edge(FlowEdge::new("c", "a").amount("USD 9,300").time("03-04 16:05").highlighted());
//! let report = Report::new("flowtrace demo")
//!     .generated_at("Generated 2026-05-01 12:00 UTC by flowtrace 0.1.0")
//!     .summary(vec![Metric::new("transfers", "201,334").note("12 typologies planted")])
//!     .section(
//!         Section::new("Detection")
//!             .intro("How many planted patterns each detector found.")
//!             .block(BarChart::new("Recall by typology").max(1.0).bar(Bar::new("cycle", 0.93)))
//!             .block(Table::new(["typology", "found"]).row([Cell::new("cycle"), Cell::found("14")]))
//!             .block(graph)
//!             .block(Block::note("Recall counts a pattern as found when all its transfers are.")),
//!     );
//! let html = report.to_html();
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert_eq!(html, report.to_html());
//! ```
#![warn(missing_docs)]

mod bars;
mod block;
mod escape;
mod flow;
mod page;
mod report;
mod sankey;
mod style;

pub use block::{Bar, BarChart, Block, Cell, Status, Table};
pub use escape::escape;
pub use flow::{FlowEdge, FlowGraph, FlowNode, NodeKind, DEFAULT_MAX_NODES};
pub use report::{Metric, Report, Section};
pub use sankey::{Sankey, SankeyLink, SankeyNode};
