//! A sample report with every kind of block and awkward data (markup in names, Arabic and
//! Cyrillic script, a cycle, a graph too big to draw whole, a Sankey with folded groups and bad
//! amounts), shared by the integration tests and
//! the `sample_report` example that writes it out for a screenshot.

// Each test binary and the example use a different part of this module.
#![allow(dead_code)]

use flowtrace_report::{
    Bar, BarChart, Block, Cell, FlowEdge, FlowGraph, FlowNode, Metric, NodeKind, Report, Sankey,
    SankeyLink, SankeyNode, Section, Status, Table,
};

/// Text planted in the data to prove it comes out escaped.
pub const HOSTILE: &str = "<script>alert('x')</script> & \"Co\"";

/// How many flow graphs, bar charts and Sankey diagrams the sample draws: one `<svg>` each.
pub const SVG_COUNT: usize = 6;

/// How many sections the sample has.
pub const SECTIONS: usize = 5;

/// The sample report.
pub fn sample_report() -> Report {
    Report::new("flowtrace demo: a simulated world of 201,334 transfers")
        .subtitle("Planted laundering and terrorist-financing patterns, and what flowtrace found")
        .generated_at("Generated 2026-05-01 12:00 UTC by flowtrace 0.1.0 · seed 42")
        .summary(vec![
            Metric::new("Transfers", "201,334").note("over 30 simulated days"),
            Metric::new("Accounts", "12,000").note("41 in planted patterns"),
            Metric::new("Patterns found", "37 / 41")
                .status(Status::Found)
                .note("90% recall"),
            Metric::new("Missed", "4")
                .status(Status::Missed)
                .note("all structuring runs"),
        ])
        .section(world())
        .section(detection())
        .section(flows())
        .section(big_graph())
        .section(by_hop())
}

fn world() -> Section {
    let typologies = [
        ("fan-out", 4_210.0),
        ("fan-in", 3_980.0),
        ("cycle", 1_125.0),
        ("scatter-gather", 2_240.0),
        ("structuring", 860.0),
        ("terrorist financing: collect and move abroad", 412.0),
    ];
    let mut chart = BarChart::new("Planted transfers per typology");
    for (label, value) in typologies {
        let bar = Bar::new(label, value);
        chart = chart.bar(if label.starts_with("terrorist") {
            bar.highlight()
        } else {
            bar
        });
    }
    Section::new("The simulated world")
        .intro(
            "12,000 accounts at 30 banks pay each other for 30 days; into that background the \
             simulator plants known patterns, so every detector can be scored against the truth.",
        )
        .block(Block::key_values([
            ("seed", "42"),
            ("accounts", "12,000"),
            ("banks", "30"),
            ("days", "30"),
            ("background transfers", "188,507"),
            ("planted transfers", "12,827"),
        ]))
        .block(chart)
}

fn detection() -> Section {
    let rows = [
        ("fan-out", "9", "9", true),
        ("fan-in", "8", "8", true),
        ("cycle", "6", "6", true),
        ("scatter-gather", "7", "6", false),
        ("structuring", "5", "2", false),
        ("TF: collect and move abroad", "6", "6", true),
    ];
    let mut table = Table::new(["typology", "planted", "found", "recall"])
        .caption("A pattern counts as found when every one of its transfers is flagged.");
    let mut chart = BarChart::new("Recall by typology").max(1.0);
    for (name, planted, found, all) in rows {
        let p: f64 = planted.parse().unwrap_or(1.0);
        let f: f64 = found.parse().unwrap_or(0.0);
        let recall = format!("{:.0}%", 100.0 * f / p);
        let cell = if all {
            Cell::found(found)
        } else {
            Cell::missed(found)
        };
        table = table.row([
            Cell::new(name),
            Cell::new(planted),
            cell,
            Cell::new(recall.clone()),
        ]);
        let bar = Bar::new(name, f / p).text(recall);
        chart = chart.bar(if all { bar } else { bar.highlight() });
    }
    Section::new("Detection")
        .intro("How many of the planted patterns the pattern detectors found.")
        .block(table)
        .block(chart)
        .block(Block::note(format!(
            "Names come from data and are escaped: {HOSTILE} stays text.\nStructuring is hard: \
             each deposit stays under the reporting threshold."
        )))
}

fn flows() -> Section {
    let graph = FlowGraph::new("Planted terrorist-financing chain")
        .caption("Donations are collected, layered through mules, and moved abroad in cash.")
        .node(FlowNode::new("d1", "Donor 1", NodeKind::Ordinary))
        .node(FlowNode::new("d2", "Donor 2", NodeKind::Ordinary))
        .node(FlowNode::new("d3", "Donor 3", NodeKind::Ordinary))
        .node(FlowNode::new("f", "Al-Noor Charity Trust", NodeKind::Funder).tooltip("bank 0220"))
        .node(FlowNode::new("c", "جمعية الخير", NodeKind::Collector).tooltip("Arabic name"))
        .node(FlowNode::new("m1", "Иван Петров", NodeKind::Intermediary))
        .node(FlowNode::new("m2", HOSTILE, NodeKind::Intermediary))
        .node(FlowNode::new(
            "x",
            "Istanbul Exchange Ltd",
            NodeKind::CrossBorder,
        ))
        .node(FlowNode::new("cash", "ATM withdrawal", NodeKind::Cash))
        .node(FlowNode::new("b", "Abu Example (QDi.999)", NodeKind::Listed).tooltip("UN list"))
        .node(FlowNode::new("o", "Ordinary Shop", NodeKind::Ordinary))
        .edge(
            FlowEdge::new("d1", "c")
                .amount("USD 200")
                .time("03-01 09:12"),
        )
        .edge(
            FlowEdge::new("d2", "c")
                .amount("USD 150")
                .time("03-01 10:40"),
        )
        .edge(
            FlowEdge::new("d3", "c")
                .amount("USD 310")
                .time("03-01 13:02"),
        )
        .edge(
            FlowEdge::new("f", "c")
                .amount("USD 9,000")
                .time("03-02 08:00")
                .highlighted(),
        )
        .edge(
            FlowEdge::new("c", "m1")
                .amount("USD 4,900")
                .time("03-03 11:15")
                .highlighted(),
        )
        .edge(
            FlowEdge::new("c", "m2")
                .amount("USD 4,800")
                .time("03-03 11:17")
                .highlighted(),
        )
        .edge(
            FlowEdge::new("m1", "x")
                .amount("USD 4,850")
                .time("03-04 09:00")
                .highlighted(),
        )
        .edge(
            FlowEdge::new("m2", "x")
                .amount("USD 4,700")
                .time("03-04 09:30")
                .highlighted(),
        )
        .edge(
            FlowEdge::new("m2", "x")
                .amount("USD 90")
                .time("03-04 09:31"),
        )
        .edge(
            FlowEdge::new("x", "cash")
                .amount("TRY 150,000")
                .time("03-05 15:20")
                .highlighted(),
        )
        .edge(
            FlowEdge::new("cash", "b")
                .amount("cash")
                .time("03-06")
                .label("courier"),
        )
        .edge(
            FlowEdge::new("m1", "o")
                .amount("USD 45")
                .time("03-04 18:00"),
        )
        .edge(
            FlowEdge::new("c", "c")
                .amount("USD 10")
                .time("03-03 12:00")
                .label("self"),
        );
    let cycle = FlowGraph::new("Planted cycle <A → B → C → A>")
        .node(FlowNode::new("a", "Alpha & Sons", NodeKind::Funder))
        .node(FlowNode::new(
            "b",
            "Beta \"Holdings\"",
            NodeKind::Intermediary,
        ))
        .node(FlowNode::new("c", "Gamma Ltd", NodeKind::Intermediary))
        .edge(
            FlowEdge::new("a", "b")
                .amount("EUR 50,000")
                .time("03-01")
                .highlighted(),
        )
        .edge(
            FlowEdge::new("b", "c")
                .amount("EUR 49,000")
                .time("03-02")
                .highlighted(),
        )
        .edge(
            FlowEdge::new("c", "a")
                .amount("EUR 48,000")
                .time("03-03")
                .highlighted(),
        )
        .edge(FlowEdge::new("a", "nobody").amount("EUR 1"));
    Section::new("Flows")
        .intro("The planted chains as flowtrace traced them; highlighted arrows are planted.")
        .block(graph)
        .block(cycle)
}

/// A fan of 120 accounts around one collector: more than a drawing can hold.
fn big_graph() -> Section {
    let mut graph = FlowGraph::new("Collector with 120 payers (top accounts only)")
        .node(FlowNode::new("hub", "Collector", NodeKind::Collector))
        .node(FlowNode::new(
            "out",
            "Beneficiary abroad",
            NodeKind::CrossBorder,
        ));
    for i in 0..120 {
        let id = format!("p{i}");
        graph = graph
            .node(FlowNode::new(&id, format!("Payer {i}"), NodeKind::Ordinary))
            .edge(
                FlowEdge::new(&id, "hub")
                    .amount(format!("USD {}", 20 + i))
                    .time("03-02"),
            );
    }
    graph = graph.edge(
        FlowEdge::new("hub", "out")
            .amount("USD 18,000")
            .highlighted(),
    );
    Section::new("A busy collector")
        .intro("Big graphs keep their most important accounts and say how many were left out.")
        .block(graph.max_nodes(24))
}

/// Amounts by hop from two seed accounts: countries, a link that skips a hop, more banks than
/// a column shows, and links the diagram must leave out.
fn by_hop() -> Section {
    let mut sankey = Sankey::new("Amounts by hop from the seed accounts (USD)")
        .column("seed")
        .column("hop 1: country")
        .column("hop 2: bank")
        .column("hop 3: cash out")
        .caption("Each band is money moved from one group to the next; width is the amount.")
        .max_nodes_per_column(6)
        .node(SankeyNode::new("s1", "Al-Noor Charity Trust", 0).tooltip("seed, bank 0220"))
        .node(SankeyNode::new("s2", HOSTILE, 0))
        .node(SankeyNode::new("tr", "Türkiye", 1))
        .node(SankeyNode::new("ae", "United Arab Emirates", 1))
        .node(SankeyNode::new("ru", "Россия", 1))
        .node(SankeyNode::new("sa", "المملكة العربية السعودية", 1))
        .node(SankeyNode::new("atm", "ATM withdrawals", 3))
        .node(SankeyNode::new("x", "Istanbul Exchange Ltd", 3))
        .link(SankeyLink::new("s1", "tr", 9_000.0).label("4 transfers"))
        .link(SankeyLink::new("s1", "ae", 4_200.0))
        .link(SankeyLink::new("s2", "ru", 3_100.0))
        .link(SankeyLink::new("s2", "sa", 1_650.5))
        .link(SankeyLink::new("s2", "tr", 800.0))
        .link(SankeyLink::new("s1", "atm", 700.0).label("skips two hops"))
        .link(SankeyLink::new("s1", "ghost", 100.0))
        .link(SankeyLink::new("s2", "ae", f64::NAN));
    let banks = [
        ("tr", 5_200.0),
        ("tr", 3_100.0),
        ("ae", 2_600.0),
        ("ae", 1_500.0),
        ("ru", 2_900.0),
        ("sa", 900.0),
        ("sa", 500.0),
        ("tr", 400.0),
        ("ru", 150.0),
    ];
    for (i, (country, amount)) in banks.into_iter().enumerate() {
        let id = format!("bank{i}");
        let out = if i % 3 == 0 { "atm" } else { "x" };
        sankey = sankey
            .node(SankeyNode::new(&id, format!("Bank {:04}", 220 + i * 37), 2))
            .link(SankeyLink::new(country, &id, amount))
            .link(SankeyLink::new(&id, out, amount * 0.9));
    }
    Section::new("Amounts by hop")
        .intro(
            "Where the money from the seed accounts went, hop by hop, grouped by country and bank.",
        )
        .block(sankey)
}
