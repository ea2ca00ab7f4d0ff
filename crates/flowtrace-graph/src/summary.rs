//! Summary statistics of a temporal graph: what `flowtrace stats` reports.

use std::collections::{BTreeMap, HashSet};

use crate::{Currency, PaymentFormat, TemporalGraph};

/// Counts and distributions that describe a dataset at a glance.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphSummary {
    /// Number of accounts.
    pub accounts: usize,
    /// Number of distinct banks among account keys.
    pub banks: usize,
    /// Number of transfers.
    pub transfers: usize,
    /// Earliest and latest transfer time (UTC seconds).
    pub time_span: Option<(i64, i64)>,
    /// Transfers by currency paid.
    pub currencies_paid: BTreeMap<Currency, u64>,
    /// Transfers by payment format.
    pub formats: BTreeMap<PaymentFormat, u64>,
    /// Transfers whose received currency differs from the paid one.
    pub cross_currency: u64,
    /// Transfers from an account to itself.
    pub self_transfers: u64,
    /// Transfers that carry a label.
    pub labelled: u64,
    /// Labelled transfers whose label is true (e.g. laundering).
    pub positive: u64,
    /// Distribution of out-degrees (transfers paid per account).
    pub out_degree: DegreeStats,
    /// Distribution of in-degrees (transfers received per account).
    pub in_degree: DegreeStats,
}

/// A degree distribution: moments, quantiles and a power-of-two histogram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DegreeStats {
    /// Mean degree.
    pub mean: f64,
    /// Median degree.
    pub median: usize,
    /// 99th percentile.
    pub p99: usize,
    /// Largest degree.
    pub max: usize,
    /// Accounts with degree 0.
    pub zero: usize,
    /// `histogram[k]` counts accounts with degree in `[2^k, 2^(k+1))`.
    pub histogram: Vec<usize>,
}

impl DegreeStats {
    fn of(mut degrees: Vec<u32>) -> DegreeStats {
        if degrees.is_empty() {
            return DegreeStats::default();
        }
        let mut histogram = Vec::new();
        for &d in &degrees {
            if d > 0 {
                let bucket = d.ilog2() as usize;
                if histogram.len() <= bucket {
                    histogram.resize(bucket + 1, 0);
                }
                histogram[bucket] += 1;
            }
        }
        let total: u64 = degrees.iter().map(|&d| u64::from(d)).sum();
        degrees.sort_unstable();
        let quantile = |q: f64| degrees[((degrees.len() - 1) as f64 * q).round() as usize] as usize;
        DegreeStats {
            mean: total as f64 / degrees.len() as f64,
            median: quantile(0.5),
            p99: quantile(0.99),
            max: degrees[degrees.len() - 1] as usize,
            zero: degrees.iter().take_while(|&&d| d == 0).count(),
            histogram,
        }
    }
}

impl GraphSummary {
    /// Summarises a graph in one pass over transfers and one over accounts.
    pub fn of(graph: &TemporalGraph) -> GraphSummary {
        let transfers = graph.transfers();
        let mut summary = GraphSummary {
            accounts: graph.accounts().len(),
            banks: 0,
            transfers: transfers.len(),
            time_span: transfers.time_span(),
            currencies_paid: BTreeMap::new(),
            formats: BTreeMap::new(),
            cross_currency: 0,
            self_transfers: 0,
            labelled: 0,
            positive: 0,
            out_degree: DegreeStats::default(),
            in_degree: DegreeStats::default(),
        };
        let mut currencies = [0u64; 256];
        let mut formats = [0u64; PaymentFormat::ALL.len()];
        for id in graph.stream() {
            let paid = transfers.currency_paid(id);
            currencies[usize::from(paid.index())] += 1;
            formats[transfers.format(id) as usize] += 1;
            summary.cross_currency += u64::from(transfers.currency_received(id) != paid);
            summary.self_transfers += u64::from(transfers.src(id) == transfers.dst(id));
            if let Some(label) = transfers.label(id) {
                summary.labelled += 1;
                summary.positive += u64::from(label);
            }
        }
        summary.currencies_paid = (0..=255u8)
            .filter(|&i| currencies[usize::from(i)] > 0)
            .filter_map(|i| Some((Currency::from_index(i)?, currencies[usize::from(i)])))
            .collect();
        summary.formats = PaymentFormat::ALL
            .into_iter()
            .filter(|&f| formats[f as usize] > 0)
            .map(|f| (f, formats[f as usize]))
            .collect();
        // u32 degrees and a set of banks keep this within the load's memory budget.
        let ids = 0..graph.accounts().len() as u32;
        let degrees = |f: fn(&TemporalGraph, u32) -> usize| {
            ids.clone()
                .map(|v| f(graph, v) as u32)
                .collect::<Vec<u32>>()
        };
        summary.out_degree = DegreeStats::of(degrees(TemporalGraph::out_degree));
        summary.in_degree = DegreeStats::of(degrees(TemporalGraph::in_degree));
        let banks: HashSet<&str> = ids.map(|v| graph.accounts().bank(v)).collect();
        summary.banks = banks.len();
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Accounts, Transfer, TransferBuilder};

    #[test]
    fn counts_a_small_graph() {
        let mut accounts = Accounts::new();
        let a = accounts.intern("010", "A").unwrap();
        let b = accounts.intern("10", "B").unwrap();
        let c = accounts.intern("10", "C").unwrap();
        let euro = Currency::parse("EUR").unwrap();
        let mut builder = TransferBuilder::new();
        let base = Transfer {
            label: Some(false),
            ..Transfer::new(a, b, 100, 5.0, Currency::USD, PaymentFormat::Wire)
        };
        builder.push(&base).unwrap();
        builder
            .push(&Transfer {
                dst: a,
                ts: 50,
                label: Some(true),
                ..base
            })
            .unwrap();
        builder
            .push(&Transfer {
                currency_received: euro,
                ts: 70,
                label: None,
                ..base
            })
            .unwrap();
        let graph = TemporalGraph::new(accounts, builder.finish()).unwrap();
        let s = GraphSummary::of(&graph);
        assert_eq!((s.accounts, s.banks, s.transfers), (3, 2, 3));
        assert_eq!(s.time_span, Some((50, 100)));
        assert_eq!((s.cross_currency, s.self_transfers), (1, 1));
        assert_eq!((s.labelled, s.positive), (2, 1));
        assert_eq!(s.currencies_paid.get(&Currency::USD), Some(&3));
        assert_eq!(s.formats.get(&PaymentFormat::Wire), Some(&3));
        assert_eq!(
            (s.out_degree.max, s.out_degree.zero, s.in_degree.max),
            (3, 2, 2)
        );
        assert_eq!(s.out_degree.histogram, [0, 1]);
        assert_eq!(graph.out_degree(c) + graph.in_degree(c), 0);
    }
}
