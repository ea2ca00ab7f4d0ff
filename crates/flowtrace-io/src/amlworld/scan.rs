//! Finding the commas, line breaks and quotes of CSV text, sixteen bytes at a time.
//!
//! In AMLworld rows a separator comes every eight bytes or so. Byte-search routines such as
//! `memchr3` are built for rare matches and pay a setup cost per match; here each block of bytes
//! yields a bit mask of all its separators at once, and the set bits are walked with
//! `trailing_zeros`. On x86-64 the mask of 16 bytes comes from three SSE2 byte comparisons (SSE2
//! is part of every x86-64 processor, so no feature detection is needed); elsewhere two 8-byte
//! words give it through the exact zero-byte test of Mycroft.

// The portable path below is what other architectures run; on x86-64 only the tests do.
#![cfg_attr(target_arch = "x86_64", allow(dead_code))]

const ONES: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The high bit of each byte of `word` that is zero, and nothing else.
#[inline]
fn zero_bytes(word: u64) -> u64 {
    !(((word & LOW7) + LOW7) | word | LOW7)
}

/// The high bit of each byte of `word` equal to `byte`.
#[inline]
fn bytes_equal(word: u64, byte: u8) -> u64 {
    zero_bytes(word ^ (ONES * u64::from(byte)))
}

/// One bit per byte of `chunk` (bit `i` for byte `i`) that is a `,`, `\n` or `"`.
#[cfg(target_arch = "x86_64")]
#[inline]
fn separator_mask(chunk: &[u8; 16]) -> u32 {
    // SAFETY: SSE2 is part of the x86-64 baseline, so every x86-64 processor has it, and the
    // function reads nothing but its argument.
    unsafe { sse2_separator_mask(chunk) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sse2_separator_mask(chunk: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_set_epi64x,
    };
    let word = |at: usize| i64::from_le_bytes(chunk[at..at + 8].try_into().expect("8 bytes"));
    // Built from two words rather than loaded through a pointer; the compiler makes it one
    // unaligned load.
    let v = _mm_set_epi64x(word(8), word(0));
    let comma = _mm_cmpeq_epi8(v, _mm_set1_epi8(b',' as i8));
    let newline = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8));
    let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
    _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(comma, newline), quote)) as u32
}

/// One bit per byte of `chunk` (bit `i` for byte `i`) that is a `,`, `\n` or `"`.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn separator_mask(chunk: &[u8; 16]) -> u32 {
    portable_separator_mask(chunk)
}

/// [`separator_mask`] without processor-specific instructions.
#[inline]
fn portable_separator_mask(chunk: &[u8; 16]) -> u32 {
    let half = |at: usize| {
        let word = u64::from_le_bytes(chunk[at..at + 8].try_into().expect("8 bytes"));
        let high_bits =
            bytes_equal(word, b',') | bytes_equal(word, b'\n') | bytes_equal(word, b'"');
        // Gather the high bit of each byte into the low 8 bits.
        ((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
    };
    half(0) | half(8) << 8
}

/// Calls `visit(position, byte)` for every `,`, `\n` and `"` in `bytes`, in order.
#[inline]
pub fn for_each_separator(bytes: &[u8], mut visit: impl FnMut(usize, u8)) {
    let blocks = bytes.chunks_exact(16);
    let tail_start = bytes.len() - blocks.remainder().len();
    for (i, chunk) in blocks.enumerate() {
        let mut mask = separator_mask(chunk.try_into().expect("chunks of sixteen"));
        while mask != 0 {
            let at = i * 16 + mask.trailing_zeros() as usize;
            visit(at, bytes[at]);
            mask &= mask - 1;
        }
    }
    for (at, &byte) in bytes.iter().enumerate().skip(tail_start) {
        if matches!(byte, b',' | b'\n' | b'"') {
            visit(at, byte);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portable_mask_matches_the_fast_one() {
        let text: Vec<u8> = (0..=255u8)
            .chain(*b"a,b\n\"c,,\n\n\xff,\x80\x2c\x0a")
            .collect();
        for chunk in text.windows(16) {
            let chunk: &[u8; 16] = chunk.try_into().unwrap();
            let want = (0..16)
                .filter(|&i| matches!(chunk[i], b',' | b'\n' | b'"'))
                .fold(0, |m, i| m | 1 << i);
            assert_eq!(portable_separator_mask(chunk), want);
            assert_eq!(separator_mask(chunk), want);
        }
    }

    #[test]
    fn finds_exactly_the_separators() {
        let mut text: Vec<u8> = (0..=255u8).collect();
        text.extend_from_slice(b"a,b\n\"c,,\n\n\xff,\x80\x2c\x0a");
        for start in 0..9 {
            let bytes = &text[start..];
            let mut found = Vec::new();
            for_each_separator(bytes, |at, byte| found.push((at, byte)));
            let want: Vec<(usize, u8)> = bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| matches!(b, b',' | b'\n' | b'"'))
                .map(|(i, &b)| (i, b))
                .collect();
            assert_eq!(found, want);
        }
    }
}
