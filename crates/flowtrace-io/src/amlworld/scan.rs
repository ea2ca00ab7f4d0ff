//! Finding the commas, line breaks and quotes of CSV text, eight bytes at a time.
//!
//! In AMLworld rows a separator comes every eight bytes or so. Byte-search routines such as
//! `memchr3` are built for rare matches and pay a setup cost per match; here each 8-byte word
//! yields a bit mask of all its separators at once (the exact zero-byte test of Mycroft), and the
//! set bits are walked with `trailing_zeros`.

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

/// Calls `visit(position, byte)` for every `,`, `\n` and `"` in `bytes`, in order.
#[inline]
pub fn for_each_separator(bytes: &[u8], mut visit: impl FnMut(usize, u8)) {
    let words = bytes.chunks_exact(8);
    let tail_start = bytes.len() - words.remainder().len();
    for (i, chunk) in words.enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        let mut mask = bytes_equal(word, b',') | bytes_equal(word, b'\n') | bytes_equal(word, b'"');
        while mask != 0 {
            let at = i * 8 + (mask.trailing_zeros() / 8) as usize;
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
