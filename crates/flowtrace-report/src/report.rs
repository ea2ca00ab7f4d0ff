//! The report itself: a title, a row of headline numbers and sections, built up by the caller.

use std::io;
use std::path::Path;

use crate::block::{Block, Status};

/// A headline number, shown as a big tile at the top of the page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Metric {
    /// What the number is ("transfers simulated").
    pub label: String,
    /// The number, already formatted by the caller ("201,334", "93%").
    pub value: String,
    /// A short line under the number ("12 typologies planted").
    pub note: Option<String>,
    /// Colours the value, e.g. red for a recall that is too low.
    pub status: Status,
}

impl Metric {
    /// A tile with a label and a value.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Metric {
        Metric {
            label: label.into(),
            value: value.into(),
            ..Metric::default()
        }
    }

    /// Adds the line under the number.
    pub fn note(mut self, text: impl Into<String>) -> Metric {
        self.note = Some(text.into());
        self
    }

    /// Colours the value.
    pub fn status(mut self, status: Status) -> Metric {
        self.status = status;
        self
    }
}

/// A part of the report with its own heading and entry in the table of contents. Each
/// capability (simulation, tracing, screening...) adds its own.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    /// The heading.
    pub heading: String,
    /// A paragraph under the heading saying what the section shows and why it matters.
    pub intro: Option<String>,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
}

impl Section {
    /// An empty section.
    pub fn new(heading: impl Into<String>) -> Section {
        Section {
            heading: heading.into(),
            ..Section::default()
        }
    }

    /// Sets the introductory paragraph.
    pub fn intro(mut self, text: impl Into<String>) -> Section {
        self.intro = Some(text.into());
        self
    }

    /// Adds a block: a [`Block`], or anything that converts into one ([`Table`](crate::Table),
    /// [`BarChart`](crate::BarChart), [`FlowGraph`](crate::FlowGraph), [`Sankey`](crate::Sankey)).
    pub fn block(mut self, block: impl Into<Block>) -> Section {
        self.blocks.push(block.into());
        self
    }
}

/// A self-contained HTML report: one file, no network, no scripts from elsewhere.
///
/// The page carries no clock of its own: the caller passes the "generated at" line, so the same
/// report always renders to the same bytes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// The page title and main heading.
    pub title: String,
    /// A line under the title, e.g. what data the report is about.
    pub subtitle: Option<String>,
    /// When and by what the report was made ("2026-05-01 12:00 UTC · flowtrace 0.1.0").
    pub generated: Option<String>,
    /// The headline numbers.
    pub metrics: Vec<Metric>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

impl Report {
    /// An empty report with this title.
    pub fn new(title: impl Into<String>) -> Report {
        Report {
            title: title.into(),
            ..Report::default()
        }
    }

    /// Sets the line under the title.
    pub fn subtitle(mut self, text: impl Into<String>) -> Report {
        self.subtitle = Some(text.into());
        self
    }

    /// Sets the "generated at" line; the crate never reads a clock.
    pub fn generated_at(mut self, text: impl Into<String>) -> Report {
        self.generated = Some(text.into());
        self
    }

    /// Adds headline numbers (appended to any given before).
    pub fn summary(mut self, metrics: Vec<Metric>) -> Report {
        self.metrics.extend(metrics);
        self
    }

    /// Adds a section at the end.
    pub fn section(mut self, section: Section) -> Report {
        self.sections.push(section);
        self
    }

    /// Adds a section at the end, for callers that hold the report in a variable and let each
    /// capability contribute in turn.
    pub fn push_section(&mut self, section: Section) {
        self.sections.push(section);
    }

    /// Renders the whole page.
    pub fn to_html(&self) -> String {
        crate::page::render(self)
    }

    /// Renders the page and writes it to `path`, replacing any file there.
    pub fn write(&self, path: impl AsRef<Path>) -> io::Result<()> {
        std::fs::write(path, self.to_html())
    }
}
