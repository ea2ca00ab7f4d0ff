//! From the 64 x 64 downsampled luma to hash bits: the quality metric, the 16 x 16 block of
//! low-frequency DCT coefficients (the DC term left out), the median threshold, and the DCT
//! sign patterns that give the hashes of the image's seven rotations and flips for free.

use std::sync::OnceLock;

use super::hash::Hash256;

/// Rows `u = 1..=16` of the 64-point DCT-II basis, scaled by `sqrt(2 / 64)`.
///
/// Built as the reference builds it: the cosine in double precision, multiplied by the scale
/// already rounded to single precision, then rounded to single precision.
fn dct_matrix() -> &'static [[f32; 64]; 16] {
    static MATRIX: OnceLock<[[f32; 64]; 16]> = OnceLock::new();
    MATRIX.get_or_init(|| {
        let scale = (2.0f64 / 64.0).sqrt() as f32;
        let step = std::f64::consts::PI / 2.0 / 64.0;
        let mut d = [[0.0f32; 64]; 16];
        for (i, row) in d.iter_mut().enumerate() {
            for (j, v) in row.iter_mut().enumerate() {
                let angle = step * (i + 1) as f64 * (2 * j + 1) as f64;
                *v = (scale as f64 * angle.cos()) as f32;
            }
        }
        d
    })
}

/// The 16 x 16 coefficients `B = D A D^T` of the 64 x 64 block `a`, each dot product summed
/// left to right in single precision as the reference does.
pub fn dct_64_to_16(a: &[[f32; 64]; 64]) -> [[f32; 16]; 16] {
    let d = dct_matrix();
    let mut t = [[0.0f32; 64]; 16];
    for (t_row, d_row) in t.iter_mut().zip(d) {
        for (j, out) in t_row.iter_mut().enumerate() {
            let mut sum = 0.0f32;
            for (k, dk) in d_row.iter().enumerate() {
                sum += dk * a[k][j];
            }
            *out = sum;
        }
    }
    let mut b = [[0.0f32; 16]; 16];
    for (b_row, t_row) in b.iter_mut().zip(&t) {
        for (out, d_row) in b_row.iter_mut().zip(d) {
            let mut sum = 0.0f32;
            for (tk, dk) in t_row.iter().zip(d_row) {
                sum += tk * dk;
            }
            *out = sum;
        }
    }
    b
}

/// PDQ's quality, 0 to 100: the summed absolute differences between neighbouring cells of the
/// 64 x 64 block, in percent of full scale and truncated per pair, divided by 90. Flat or
/// nearly flat images score low and their hashes are noise.
pub fn quality(a: &[[f32; 64]; 64]) -> u8 {
    let step = |u: f32, v: f32| ((((u - v) * 100.0) / 255.0) as i32).abs();
    let mut gradient_sum: i32 = 0;
    for rows in a.windows(2) {
        for (&u, &v) in rows[0].iter().zip(&rows[1]) {
            gradient_sum += step(u, v);
        }
    }
    for row in a {
        for pair in row.windows(2) {
            gradient_sum += step(pair[0], pair[1]);
        }
    }
    (gradient_sum / 90).min(100) as u8
}

/// The value of rank 128 of 256 (the lower median).
fn lower_median(b: &[[f32; 16]; 16]) -> f32 {
    let mut values: Vec<f32> = b.iter().flatten().copied().collect();
    let (_, median, _) = values.select_nth_unstable_by(127, f32::total_cmp);
    *median
}

/// One bit per coefficient: set when it is above the median.
pub fn to_bits(b: &[[f32; 16]; 16]) -> Hash256 {
    let median = lower_median(b);
    let mut hash = Hash256::default();
    for (i, row) in b.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            if v > median {
                hash.set_bit(16 * i + j);
            }
        }
    }
    hash
}

/// The eight symmetries of the square an image can undergo (rotations and mirror images).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dihedral {
    /// The image as it is.
    Original,
    /// Turned 90 degrees counter-clockwise.
    Rotate90,
    /// Turned 180 degrees.
    Rotate180,
    /// Turned 270 degrees counter-clockwise (90 clockwise).
    Rotate270,
    /// Mirrored top to bottom (rows reversed).
    FlipVertical,
    /// Mirrored left to right (columns reversed).
    FlipHorizontal,
    /// Transposed (mirrored about the main diagonal).
    Transpose,
    /// Mirrored about the anti-diagonal.
    AntiTranspose,
}

impl Dihedral {
    /// All eight, in the order the reference returns its dihedral hashes.
    pub const ALL: [Dihedral; 8] = [
        Dihedral::Original,
        Dihedral::Rotate90,
        Dihedral::Rotate180,
        Dihedral::Rotate270,
        Dihedral::FlipVertical,
        Dihedral::FlipHorizontal,
        Dihedral::Transpose,
        Dihedral::AntiTranspose,
    ];
}

/// The coefficients of the image transformed by `g`, from those of the original.
///
/// Reversing the 64 samples along an axis multiplies the coefficient of frequency `u` by
/// `(-1)^u`; our row `i` holds frequency `i + 1`, so even rows (and columns) change sign.
/// Rotations and diagonal mirrors are a transpose combined with such reversals.
pub fn transform(b: &[[f32; 16]; 16], g: Dihedral) -> [[f32; 16]; 16] {
    let odd_freq = |k: usize| k.is_multiple_of(2);
    let mut out = [[0.0f32; 16]; 16];
    for (i, row) in b.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let (flip_rows, flip_cols, transpose) = match g {
                Dihedral::Original => (false, false, false),
                Dihedral::FlipVertical => (true, false, false),
                Dihedral::FlipHorizontal => (false, true, false),
                Dihedral::Rotate180 => (true, true, false),
                Dihedral::Transpose => (false, false, true),
                Dihedral::Rotate90 => (false, true, true),
                Dihedral::Rotate270 => (true, false, true),
                Dihedral::AntiTranspose => (true, true, true),
            };
            let negate = (flip_rows && odd_freq(i)) != (flip_cols && odd_freq(j));
            let v = if negate { -v } else { v };
            if transpose {
                out[j][i] = v;
            } else {
                out[i][j] = v;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_is_rank_128_of_256() {
        let mut b = [[0.0f32; 16]; 16];
        for (k, v) in b.iter_mut().flatten().enumerate() {
            *v = (255 - k) as f32;
        }
        assert_eq!(lower_median(&b), 127.0);
        assert_eq!(to_bits(&b).to_hex().matches('f').count(), 32);
    }

    #[test]
    fn a_flat_block_has_quality_zero() {
        assert_eq!(quality(&[[100.0; 64]; 64]), 0);
    }
}
