//! Where a buffer's commas, line breaks and quotes are, sixteen bytes at a time: the CSV
//! reader's fast path looks at every byte of the file once, here, and at nothing else.

/// A 16-byte block's bytes that are `,`, `\n` or `"`, as the bits of a mask (bit `i` for byte
/// `i`). The tail of a buffer is passed padded with zeros, which are none of them.
pub(super) fn special_bytes(block: &[u8; 16]) -> u32 {
    imp::special_bytes(block)
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod imp {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_setr_epi8,
    };

    pub fn special_bytes(b: &[u8; 16]) -> u32 {
        // SAFETY: SSE2 is part of x86-64 itself (this module is compiled only where the target
        // has it), and `sse2_mask` only computes on its argument.
        unsafe { sse2_mask(b) }
    }

    /// Three byte compares and one mask; the compiler makes the set-up one unaligned load.
    #[target_feature(enable = "sse2")]
    fn sse2_mask(b: &[u8; 16]) -> u32 {
        let v = b.map(|x| x as i8);
        let block = _mm_setr_epi8(
            v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
            v[14], v[15],
        );
        let comma = _mm_cmpeq_epi8(block, _mm_set1_epi8(b',' as i8));
        let line = _mm_cmpeq_epi8(block, _mm_set1_epi8(b'\n' as i8));
        let quote = _mm_cmpeq_epi8(block, _mm_set1_epi8(b'"' as i8));
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(comma, line), quote)) as u32
    }
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
mod imp {
    /// Eight bytes at a time in a `u64`: a byte is zero after the XOR exactly when the sum
    /// below leaves its high bit clear (it never carries into the next byte).
    pub fn special_bytes(b: &[u8; 16]) -> u32 {
        const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        let half = |word: u64| {
            let zero = |x: u64| !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7);
            let each = |c: u8| word ^ (0x0101_0101_0101_0101 * u64::from(c));
            let high_bits = zero(each(b',')) | zero(each(b'\n')) | zero(each(b'"'));
            // One bit per byte: gather the high bits.
            ((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
        };
        let (lo, hi) = b.split_at(8);
        let word = |s: &[u8]| u64::from_le_bytes(s.try_into().unwrap_or([0; 8]));
        half(word(lo)) | (half(word(hi)) << 8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_commas_line_breaks_and_quotes() {
        let block = *b"a,b\"c\nde,,\xc3\xa9\r\n\"x";
        let want = (0..16).filter(|&i| matches!(block[i], b',' | b'\n' | b'"'));
        let want = want.fold(0u32, |m, i| m | 1 << i);
        assert_eq!(special_bytes(&block), want);
        assert_eq!(special_bytes(&[0; 16]), 0);
    }
}
