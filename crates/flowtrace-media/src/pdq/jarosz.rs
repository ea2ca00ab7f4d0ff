//! Downsampling to 64 x 64 the way PDQ does it: two passes of a box filter along rows and then
//! columns (Jarosz's approximation of a tent/Gaussian blur), then point sampling at cell centres.
//!
//! The float operations are done in the reference's order (running sum, add the entering
//! sample before subtracting the leaving one, divide by the current window length), because
//! the hash must match the reference bit for bit and a different rounding can flip a bit.

/// Box-filter window length along a dimension of `old` samples shrinking to `new`:
/// about half the ratio, rounded up.
pub fn window_size(old: usize, new: usize) -> usize {
    old.div_ceil(2 * new)
}

/// The reference's four phases of one box-filter pass over `n` samples with window `w`,
/// as a list of steps: each step adds the sample at `add`, subtracts the one at `sub`, and
/// writes the current mean to `out` (the running window shrinks and grows at the edges).
#[derive(Clone, Copy)]
struct Step {
    add: Option<usize>,
    sub: Option<usize>,
    out: Option<usize>,
}

fn schedule(n: usize, w: usize) -> Vec<Step> {
    let half = (w + 2) / 2;
    let grow_silent = half - 1;
    let grow_emit = w + 1 - half;
    let slide = n.saturating_sub(w);
    let shrink = half - 1;
    let mut steps = Vec::with_capacity(n + half);
    let (mut left, mut right, mut out) = (0, 0, 0);
    for _ in 0..grow_silent {
        steps.push(Step {
            add: Some(right),
            sub: None,
            out: None,
        });
        right += 1;
    }
    for _ in 0..grow_emit {
        steps.push(Step {
            add: Some(right),
            sub: None,
            out: Some(out),
        });
        right += 1;
        out += 1;
    }
    for _ in 0..slide {
        steps.push(Step {
            add: Some(right),
            sub: Some(left),
            out: Some(out),
        });
        right += 1;
        left += 1;
        out += 1;
    }
    for _ in 0..shrink {
        steps.push(Step {
            add: None,
            sub: Some(left),
            out: Some(out),
        });
        left += 1;
        out += 1;
    }
    steps
}

/// One box-filter pass along every row of `input` (`rows` x `cols`, row-major) into `output`.
fn box_rows(input: &[f32], output: &mut [f32], cols: usize, w: usize) {
    let steps = schedule(cols, w);
    for (row_in, row_out) in input.chunks_exact(cols).zip(output.chunks_exact_mut(cols)) {
        let (mut sum, mut count) = (0.0f32, 0i32);
        for step in &steps {
            if let Some(a) = step.add {
                sum += row_in[a];
                count += 1;
            }
            if let Some(s) = step.sub {
                sum -= row_in[s];
                count -= 1;
            }
            if let Some(o) = step.out {
                row_out[o] = sum / count as f32;
            }
        }
    }
}

/// One box-filter pass along every column. The columns are swept together, a row at a time,
/// so memory is read in order; each column still sees exactly the reference's operations.
fn box_cols(input: &[f32], output: &mut [f32], rows: usize, cols: usize, w: usize) {
    let steps = schedule(rows, w);
    let mut sums = vec![0.0f32; cols];
    let mut count = 0i32;
    for step in &steps {
        if let Some(a) = step.add {
            let row = &input[a * cols..(a + 1) * cols];
            sums.iter_mut().zip(row).for_each(|(s, x)| *s += x);
            count += 1;
        }
        if let Some(s) = step.sub {
            let row = &input[s * cols..(s + 1) * cols];
            sums.iter_mut().zip(row).for_each(|(s, x)| *s -= x);
            count -= 1;
        }
        if let Some(o) = step.out {
            let n = count as f32;
            let row = &mut output[o * cols..(o + 1) * cols];
            row.iter_mut().zip(&sums).for_each(|(y, s)| *y = s / n);
        }
    }
}

/// Blurs `luma` (`rows` x `cols`, row-major) in place with `passes` row-then-column box
/// passes; `scratch` has the same size and ends up holding garbage.
pub fn jarosz_filter(
    luma: &mut [f32],
    scratch: &mut [f32],
    rows: usize,
    cols: usize,
    passes: usize,
) {
    let along_rows = window_size(cols, 64);
    let along_cols = window_size(rows, 64);
    for _ in 0..passes {
        box_rows(luma, scratch, cols, along_rows);
        box_cols(scratch, luma, rows, cols, along_cols);
    }
}

/// Samples a `rows` x `cols` image at the centres of a 64 x 64 grid.
pub fn decimate_to_64(luma: &[f32], rows: usize, cols: usize) -> [[f32; 64]; 64] {
    let mut out = [[0.0f32; 64]; 64];
    let centre = |k: usize, n: usize| (((k as f64 + 0.5) * n as f64) / 64.0) as usize;
    for (i, out_row) in out.iter_mut().enumerate() {
        let row = centre(i, rows);
        for (j, v) in out_row.iter_mut().enumerate() {
            *v = luma[row * cols + centre(j, cols)];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_is_half_the_ratio_rounded_up() {
        assert_eq!(window_size(64, 64), 1);
        assert_eq!(window_size(128, 64), 1);
        assert_eq!(window_size(129, 64), 2);
        assert_eq!(window_size(1024, 64), 8);
    }

    #[test]
    fn a_constant_image_stays_constant() {
        let (rows, cols) = (300, 200);
        let mut luma = vec![7.0f32; rows * cols];
        let mut scratch = vec![0.0f32; rows * cols];
        jarosz_filter(&mut luma, &mut scratch, rows, cols, 2);
        assert!(luma.iter().all(|&v| (v - 7.0).abs() < 1e-4));
    }

    #[test]
    fn every_output_is_written_once() {
        for (n, w) in [(5, 1), (64, 1), (129, 2), (1000, 8), (17, 3)] {
            let outs: Vec<usize> = schedule(n, w).iter().filter_map(|s| s.out).collect();
            assert_eq!(outs, (0..n).collect::<Vec<_>>(), "n={n} w={w}");
        }
    }
}
