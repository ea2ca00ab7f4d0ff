//! `fit_transform` straight to CSV text, the way `flowtrace features` writes it: every input
//! column, then the features, one line per input row, numbers as in [`format_csv_rows`].
//!
//! Formatting a hundred numbers per row took most of the time of the whole command, and
//! three quarters of them are vertex statistics that repeat on every edge of the vertex. So
//! each vertex's statistics are formatted once, per direction, and copied into the lines of
//! its edges: about ten times fewer numbers to format on a graph of ten edges per vertex.
//! The pattern counts are written from the families' count tables (`u32` per edge and bin)
//! without becoming `f64` columns first, which would double their memory.

use std::io::{self, Write};

use rayon::prelude::*;

use super::csv_rows::{format_rows_with, NumberText};
use super::{compute, FeatureError, GfpParams, VertexColumns};

#[cfg(doc)]
use super::format_csv_rows;

/// Lines formatted per block: bounds the text held in memory (about 1 KiB per line).
const ROWS_PER_BLOCK: usize = 1 << 17;

/// Why the features could not be written.
#[derive(Debug, thiserror::Error)]
pub enum FeatureCsvError {
    /// The features could not be computed.
    #[error(transparent)]
    Features(#[from] FeatureError),
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Writes `fit_transform`'s result for `columns` as CSV lines (no header) to `out`: the
/// input columns first, as snapml returns them, then the features.
pub fn write_fit_transform_csv(
    params: &GfpParams,
    columns: &[&[f64]],
    out: &mut impl Write,
) -> Result<(), FeatureCsvError> {
    let computed = compute(params, columns)?;
    let vertex = computed.vertex.as_ref().map(VertexText::new);
    // The input columns are formatted as numbers; the counts and statistics after them.
    let tail = |row: usize, line: &mut Vec<u8>| {
        let e = computed.edge_of_row[row];
        for hist in &computed.histograms {
            for bin in 0..hist.bins() {
                line.push(b',');
                push_count(hist.get(e, bin), line);
            }
        }
        if let Some(v) = &vertex {
            v.push_row(row, line);
        }
    };
    let rows = columns.first().map_or(0, |c| c.len());
    let chunk = (ROWS_PER_BLOCK / rayon::current_num_threads().max(1)).max(1024);
    // Buffers are reused from block to block: fresh ones cost a page fault per 4 KiB.
    let mut buffers: Vec<Vec<u8>> = Vec::new();
    let mut start = 0;
    while start < rows {
        let end = (start + ROWS_PER_BLOCK).min(rows);
        let starts: Vec<usize> = (start..end).step_by(chunk).collect();
        buffers.resize_with(starts.len().max(buffers.len()), Vec::new);
        buffers
            .par_iter_mut()
            .zip(&starts)
            .for_each(|(text, &from)| {
                text.clear();
                format_rows_with(columns, from, (from + chunk).min(end), text, tail);
            });
        for text in &buffers[..starts.len()] {
            out.write_all(text)?;
        }
        start = end;
    }
    Ok(())
}

/// Appends a count as `NumberText` writes the same value as `f64`.
#[inline]
fn push_count(n: u32, line: &mut Vec<u8>) {
    if n < 10 {
        line.push(b'0' + n as u8);
    } else {
        line.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }
}

/// Each vertex's statistics as text, per direction: `fan,deg,...` without a leading comma.
struct VertexText<'a> {
    columns: &'a VertexColumns,
    out: Arena,
    inc: Arena,
}

impl<'a> VertexText<'a> {
    fn new(columns: &'a VertexColumns) -> VertexText<'a> {
        let (out, inc) = rayon::join(
            || Arena::new(&columns.stats.out),
            || Arena::new(&columns.stats.inc),
        );
        VertexText { columns, out, inc }
    }

    /// Source out, source in, target out, target in, each after a comma.
    fn push_row(&self, row: usize, line: &mut Vec<u8>) {
        let (s, d) = (self.columns.src[row], self.columns.dst[row]);
        for (arena, v) in [
            (&self.out, s),
            (&self.inc, s),
            (&self.out, d),
            (&self.inc, d),
        ] {
            let text = arena.get(v);
            if !text.is_empty() {
                line.push(b',');
                line.extend_from_slice(text);
            }
        }
    }
}

/// Texts of every vertex, concatenated, with their end offsets.
struct Arena {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Arena {
    /// Formats `stats` (one column per statistic, one value per vertex).
    fn new(stats: &[Vec<f64>]) -> Arena {
        let vertices = stats.first().map_or(0, Vec::len);
        let parts: Vec<(Vec<u8>, Vec<usize>)> = (0..vertices)
            .into_par_iter()
            .fold(
                || (Vec::new(), Vec::new()),
                |(mut bytes, mut ends), v| {
                    let mut text = NumberText::default();
                    for (k, column) in stats.iter().enumerate() {
                        if k > 0 {
                            bytes.push(b',');
                        }
                        text.push(column[v], &mut bytes);
                    }
                    ends.push(bytes.len());
                    (bytes, ends)
                },
            )
            .collect();
        let mut arena = Arena {
            bytes: Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum()),
            ends: Vec::with_capacity(vertices),
        };
        for (bytes, ends) in parts {
            let base = arena.bytes.len();
            arena.ends.extend(ends.iter().map(|e| base + e));
            arena.bytes.extend_from_slice(&bytes);
        }
        arena
    }

    fn get(&self, v: u32) -> &[u8] {
        let v = v as usize;
        let start = if v == 0 { 0 } else { self.ends[v - 1] };
        &self.bytes[start..self.ends[v]]
    }
}

#[cfg(test)]
mod tests {
    use super::super::{fit_transform, format_csv_rows};
    use super::*;

    /// Counts are written as the same values would be as `f64` columns.
    #[test]
    fn counts_read_as_their_f64_values() {
        let mut text = NumberText::default();
        let counts = (0..100_000u32).chain([u32::MAX - 1, u32::MAX]);
        for n in counts {
            let (mut count, mut float) = (Vec::new(), Vec::new());
            push_count(n, &mut count);
            text.push(f64::from(n), &mut float);
            assert_eq!(count, float, "{n}");
        }
    }

    /// The vertex-text shortcut writes exactly what formatting every column would.
    #[test]
    fn same_text_as_formatting_every_column() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n) as f64
        };
        let rows = 3000;
        let mut columns = vec![Vec::new(); 5];
        for r in 0..rows {
            let row = [r as f64, next(40), next(40), next(500), next(100_000) / 7.0];
            for (c, v) in columns.iter_mut().zip(row) {
                c.push(v);
            }
        }
        columns[3].sort_by(f64::total_cmp);
        let params = GfpParams::from_json(
            r#"{"fan": true, "fan_tw": 50, "fan_bins": [2, 3, 5], "degree": true,
                "degree_tw": 30, "degree_bins": [2, 4], "vertex_stats_tw": 60,
                "vertex_stats_cols": [3, 4],
                "vertex_stats_feats": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}"#,
        )
        .unwrap();
        let slices: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
        let table = fit_transform(&params, &slices).unwrap();
        let all: Vec<&[f64]> = slices
            .iter()
            .copied()
            .chain(table.columns.iter().map(Vec::as_slice))
            .collect();
        let mut want = Vec::new();
        format_csv_rows(&all, 0, rows, &mut want);
        let mut got = Vec::new();
        write_fit_transform_csv(&params, &slices, &mut got).unwrap();
        assert!(got == want, "texts differ");
    }
}
