//! The rules on a file read the way `flowtrace` reads one: an AMLworld CSV out of time order,
//! with each hit mapped back to the rows it came from.

use std::io::Write;

use flowtrace_graph::TemporalGraph;
use flowtrace_io::{read_transfers, FileFormat, ReadOptions};
use flowtrace_patterns::{run_rules, RuleConfig, RuleKind};

const HEADER: &str = "Timestamp,From Bank,Account,To Bank,Account,Amount Received,\
Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering";

/// Data rows, 1-based as the truth files count them: a structuring run (rows 2, 4, 5 and the
/// wire on row 1) among ordinary payments, listed out of time order.
const ROWS: [&str; 7] = [
    "2022/09/04 09:00,0724,8FDC2E720,0100,8B0000001,27500.00,Euro,27500.00,Euro,Wire,0",
    "2022/09/01 10:15,0724,CASH01,0724,8FDC2E720,9120.00,Euro,9120.00,Euro,Cash,0",
    "2022/09/01 12:00,0724,8FDC2E720,0300,8C0000003,45.10,Euro,45.10,Euro,Credit Card,0",
    "2022/09/02 16:40,0724,CASH02,0724,8FDC2E720,9880.00,Euro,9880.00,Euro,Cash,0",
    "2022/09/03 11:05,0724,CASH01,0724,8FDC2E720,9400.00,Euro,9400.00,Euro,Cash,0",
    "2022/09/02 09:30,0555,8D0000004,0724,8FDC2E720,10250.00,Euro,10250.00,Euro,Cash,0",
    "2022/09/03 08:00,0300,8C0000003,0555,8D0000004,300.00,Euro,300.00,Euro,ACH,0",
];

#[test]
fn a_structuring_run_maps_back_to_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("transactions.csv");
    let mut file = std::fs::File::create(&path).unwrap();
    writeln!(file, "{HEADER}").unwrap();
    for row in ROWS {
        writeln!(file, "{row}").unwrap();
    }
    drop(file);
    let options = ReadOptions {
        keep_input_order: true,
        ..ReadOptions::default()
    };
    let loaded = read_transfers(&path, FileFormat::AmlworldCsv, &options).unwrap();
    let graph = TemporalGraph::new(loaded.accounts, loaded.transfers).unwrap();
    let report = run_rules(&graph, &RuleConfig::default());
    let hits: Vec<_> = report.hits_of(RuleKind::Structuring).collect();
    assert_eq!(hits.len(), 1);
    let mut rows: Vec<u32> = hits[0]
        .transfers
        .iter()
        .map(|&id| graph.transfers().input_row(id).unwrap() + 1)
        .collect();
    rows.sort_unstable();
    assert_eq!(rows, [1, 2, 4, 5]);
    assert_eq!(
        hits[0].why,
        "3 cash deposits of 9,120-9,880 EUR into 0724/8FDC2E720 within 49 hours, each under the \
         10,000 threshold; then 27,500 EUR paid to 0100/8B0000001 22 hours after the last"
    );
    let scores = report.transfer_scores(graph.transfers().len());
    let flagged = scores.iter().filter(|&&s| s > 0.0).count();
    assert_eq!(flagged, 4);
}
