//! Where a buffer's commas, line breaks and quotes are, 64 bytes at a time: the CSV reader's
//! fast path looks at every byte of the file once, here, and at nothing else.

/// How many bytes [`marks`] looks at at once: one bit each in a `u64`.
pub(super) const BLOCK: usize = 64;

/// A block's commas, line breaks (`\n`) and quotes (`"`): bit `i` of each mask for byte `i`.
/// Kept apart so that the reader tells a comma from a line break by a bit in a register rather
/// than by loading the byte again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Marks {
    pub commas: u64,
    pub lines: u64,
    pub quotes: u64,
}

/// The [`Marks`] of a 64-byte block. The tail of a buffer is passed padded with zeros, which
/// are none of them.
pub(super) fn marks(block: &[u8; BLOCK]) -> Marks {
    imp::marks(block)
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod imp {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_set1_epi8, _mm_setr_epi8,
    };

    use super::{Marks, BLOCK};

    pub fn marks(b: &[u8; BLOCK]) -> Marks {
        // SAFETY: SSE2 is part of x86-64 itself (this module is compiled only where the target
        // has it), and `sse2_marks` only computes on its argument.
        unsafe { sse2_marks(b) }
    }

    /// Four 16-byte lanes, three byte compares and masks each; the compiler makes each lane's
    /// set-up one unaligned load.
    #[target_feature(enable = "sse2")]
    fn sse2_marks(b: &[u8; BLOCK]) -> Marks {
        let (lanes, _) = b.as_chunks::<16>();
        let mut marks = Marks::default();
        for (i, lane) in lanes.iter().enumerate() {
            let v = lane.map(|x| x as i8);
            let lane = _mm_setr_epi8(
                v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], v[14], v[15],
            );
            let shift = 16 * i;
            marks.commas |= equal(lane, b',') << shift;
            marks.lines |= equal(lane, b'\n') << shift;
            marks.quotes |= equal(lane, b'"') << shift;
        }
        marks
    }

    #[target_feature(enable = "sse2")]
    fn equal(lane: __m128i, byte: u8) -> u64 {
        let hits = _mm_cmpeq_epi8(lane, _mm_set1_epi8(byte as i8));
        u64::from(_mm_movemask_epi8(hits) as u16)
    }
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
mod imp {
    use super::{Marks, BLOCK};

    /// A byte at a time: the compiler vectorises what it can.
    pub fn marks(b: &[u8; BLOCK]) -> Marks {
        let mut marks = Marks::default();
        for (i, &x) in b.iter().enumerate() {
            marks.commas |= u64::from(x == b',') << i;
            marks.lines |= u64::from(x == b'\n') << i;
            marks.quotes |= u64::from(x == b'"') << i;
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_commas_line_breaks_and_quotes() {
        let mut block = [b'x'; BLOCK];
        let text = b"a,b\"c\nde,,\xc3\xa9\r\n\"x,\n\"";
        block[..text.len()].copy_from_slice(text);
        block[63] = b',';
        let want = |c: u8| {
            (0..BLOCK)
                .filter(|&i| block[i] == c)
                .fold(0u64, |m, i| m | 1 << i)
        };
        let got = marks(&block);
        assert_eq!(got.commas, want(b','));
        assert_eq!(got.lines, want(b'\n'));
        assert_eq!(got.quotes, want(b'"'));
        assert_eq!(marks(&[0; BLOCK]), Marks::default());
    }
}
