//! Feature rows as CSV text, fast: 100 columns of a million rows are a hundred million
//! numbers, and formatting them through `std::fmt` took longer than computing them.
//!
//! The text is byte for byte what `format!("{}", v as i64)` gives for integral values below
//! 1e15 and `format!("{v}")` gives otherwise (shortest digits that read back to the same
//! `f64`, never an exponent), with `itoa` and `ryu` doing the digit work.

/// Rows copied into a row-major tile at a time: reading a hundred columns row by row
/// misses the cache on nearly every value (too many streams for the prefetcher), while
/// copying a short run of each column is sequential; the tile (about 100 KiB for 100
/// columns) stays in cache while it is formatted.
const TILE_ROWS: usize = 128;

/// Appends rows `from..to` of `columns` as comma-separated lines to `out`.
pub fn format_csv_rows(columns: &[&[f64]], from: usize, to: usize, out: &mut Vec<u8>) {
    format_rows_with(columns, from, to, out, |_, _| {});
}

/// [`format_csv_rows`], with `tail(row, out)` appending more of each line before its end.
pub(crate) fn format_rows_with(
    columns: &[&[f64]],
    from: usize,
    to: usize,
    out: &mut Vec<u8>,
    tail: impl Fn(usize, &mut Vec<u8>),
) {
    let mut text = NumberText::default();
    let width = columns.len();
    let mut tile = vec![0.0; TILE_ROWS * width];
    let mut start = from;
    while start < to {
        let rows = (to - start).min(TILE_ROWS);
        for (i, c) in columns.iter().enumerate() {
            for (r, &v) in c[start..start + rows].iter().enumerate() {
                tile[r * width + i] = v;
            }
        }
        for (r, row) in tile[..rows * width].chunks_exact(width).enumerate() {
            for (i, &v) in row.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                text.push(v, out);
            }
            tail(start + r, out);
            out.push(b'\n');
        }
        start += rows;
    }
}

/// Formatting buffers for numbers, as described in the module docs.
#[derive(Default)]
pub(crate) struct NumberText {
    ints: itoa::Buffer,
    floats: ryu::Buffer,
}

impl NumberText {
    /// Appends `v`.
    #[inline]
    pub fn push(&mut self, v: f64, out: &mut Vec<u8>) {
        // Half the values of a feature table are counts of 0 and most of the rest small.
        if (0.0..10.0).contains(&v) && v as u8 as f64 == v && v.is_sign_positive() {
            out.push(b'0' + v as u8);
            return;
        }
        // `v as i64 as f64 == v` is `v == v.trunc()` in this range, without a libm call.
        if v.abs() < 1e15 && v as i64 as f64 == v && (v != 0.0 || v.is_sign_positive()) {
            out.extend_from_slice(self.ints.format(v as i64).as_bytes());
        } else if v == 0.0 {
            out.extend_from_slice(b"-0");
        } else if !v.is_finite() || may_tie(v) {
            out.extend_from_slice(format!("{v}").as_bytes());
        } else {
            push_plain(v, self.floats.format_finite(v).as_bytes(), out);
        }
    }
}

/// Whether two shortest decimal forms may lie exactly as close to `v`, where ryu (half to
/// even) and `Display` (half up) pick differently: only when `v`'s exact decimal expansion
/// has at most 18 significant digits. With `v = m * 2^-k`, `m` odd, the expansion is
/// `m * 5^k` digits long, so a long `m` or a large `k` rules a tie out; the rest (whole
/// numbers of 1e15 and more, halves and quarters of large numbers) goes through `Display`.
fn may_tie(v: f64) -> bool {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mut m = bits & ((1 << 52) - 1);
    let mut exp = biased - 1075;
    if biased == 0 {
        exp += 1;
    } else {
        m |= 1 << 52;
    }
    let shift = m.trailing_zeros();
    let (m, exp) = (m >> shift, exp + i64::from(shift));
    if exp >= 0 {
        return true;
    }
    let m_digits = f64::from(63 - m.leading_zeros()) * std::f64::consts::LOG10_2;
    m_digits + (-exp) as f64 * 0.698_970_004 < 18.5
}

/// Rewrites ryu's text (`1.25`, `3.0`, `1e-7`, `-1.5e20`) in `Display`'s plain notation.
fn push_plain(v: f64, text: &[u8], out: &mut Vec<u8>) {
    // ryu writes plain text for 1e-5 <= |v| < 1e16; skip the search well inside that.
    let surely_plain = (1e-4..1e15).contains(&v.abs());
    let exponent = if surely_plain {
        None
    } else {
        text.iter().position(|&b| b == b'e')
    };
    let Some(e) = exponent else {
        // Plain already; `Display` drops a `.0` fraction.
        out.extend_from_slice(text.strip_suffix(b".0").unwrap_or(text));
        return;
    };
    let (mantissa, exp) = (&text[..e], parse_exp(&text[e + 1..]));
    let (sign, mantissa) = match mantissa.split_first() {
        Some((b'-', rest)) => (&b"-"[..], rest),
        _ => (&b""[..], mantissa),
    };
    // ryu's exponent form is `d[.ddd]e±x`: one digit before the point, no trailing zeros.
    let mut digits = [0u8; 24];
    let mut n = 0;
    for &b in mantissa.iter().filter(|&&b| b != b'.') {
        digits[n] = b;
        n += 1;
    }
    let digits = &digits[..n];
    let point = 1 + exp;
    out.extend_from_slice(sign);
    if point <= 0 {
        out.extend_from_slice(b"0.");
        out.extend(std::iter::repeat_n(b'0', (-point) as usize));
        out.extend_from_slice(digits);
    } else if (point as usize) < digits.len() {
        out.extend_from_slice(&digits[..point as usize]);
        out.push(b'.');
        out.extend_from_slice(&digits[point as usize..]);
    } else {
        out.extend_from_slice(digits);
        out.extend(std::iter::repeat_n(b'0', point as usize - digits.len()));
    }
}

fn parse_exp(text: &[u8]) -> i32 {
    let (neg, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let e = digits
        .iter()
        .fold(0i32, |acc, &d| acc * 10 + i32::from(d - b'0'));
    if neg {
        -e
    } else {
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(v: f64) -> String {
        let mut out = Vec::new();
        format_csv_rows(&[&[v]], 0, 1, &mut out);
        String::from_utf8(out).unwrap().trim_end().to_string()
    }

    fn display(v: f64) -> String {
        if v == v.trunc() && v.abs() < 1e15 && (v != 0.0 || v.is_sign_positive()) {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    }

    #[test]
    fn matches_display_on_awkward_values() {
        let values = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            -0.25,
            1e-7,
            1.5e-300,
            5e-324,
            1e15,
            1.5e15,
            1e16,
            1.7976931348623157e308,
            123456.789,
            0.000123,
            2.0f64.sqrt(),
            1e21,
            9.999e22,
            -4.2e-5,
            1.33230558e11,
            0.30000000000000004,
            1658206780088562.0 + 0.25,
            2.5e15 + 0.5,
            1234567.5,
            0.125,
            1e-5,
            9.999999999999999e-6,
            1e16 - 2.0,
        ];
        for v in values {
            assert_eq!(text(v), display(v), "{v:e}");
        }
    }

    #[test]
    fn matches_display_on_many_random_values() {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            if v.is_finite() {
                assert_eq!(text(v), display(v), "{v:e}");
            }
            // Thousandths (inexact) and eighths of large numbers (where ties lurk).
            for scaled in [(x % 10_000_000) as f64 / 1000.0, (x >> 10) as f64 / 8.0] {
                assert_eq!(text(scaled), display(scaled), "{scaled:e}");
            }
        }
    }
}
