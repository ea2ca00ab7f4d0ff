//! How alike two byte strings are: Jaro-Winkler, a cheap upper bound of it, and the one-edit
//! test. They are written here on bytes with fixed stack buffers rather than taken from a
//! crate: the general ones work on `char`s and allocate per call, and a query compares dozens
//! of token pairs in its 50 µs.

/// Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4) of two byte strings of at most
/// 64 bytes each; longer ones compare their first 64.
pub fn jaro_winkler(a: &[u8], b: &[u8]) -> f32 {
    let (a, b) = (&a[..a.len().min(64)], &b[..b.len().min(64)]);
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let (mut a_hit, mut b_hit) = ([false; 64], [false; 64]);
    let mut matches = 0usize;
    for (i, &c) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_hit[j] && b[j] == c {
                a_hit[i] = true;
                b_hit[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0;
    for (i, &c) in a.iter().enumerate() {
        if a_hit[i] {
            while !b_hit[j] {
                j += 1;
            }
            if c != b[j] {
                transpositions += 1;
            }
            j += 1;
        }
    }
    let m = matches as f32;
    let t = (transpositions / 2) as f32;
    let jaro = (m / a.len() as f32 + m / b.len() as f32 + (m - t) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f32 * 0.1 * (1.0 - jaro)
}

/// An upper bound of [`jaro_winkler`] from the letters the two words share at all, cheap
/// enough to skip most pairs of unrelated words before the real computation.
pub(super) fn jaro_winkler_bound(a: &[u8], b: &[u8]) -> f32 {
    let mask = |s: &[u8]| s.iter().fold(0u32, |m, &c| m | 1 << (c & 31));
    let (ma, mb) = (mask(a), mask(b));
    let shared = |s: &[u8], m: u32| s.iter().filter(|&&c| m & (1 << (c & 31)) != 0).count();
    let m = shared(a, mb).min(shared(b, ma)) as f32;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    jaro_winkler_from(m, (a.len(), b.len()), prefix)
}

/// The Jaro-Winkler similarity two words of `lengths` sharing their first `prefix` letters
/// would have with `m` matches and no transpositions: an upper bound when `m` is one of the
/// number of matches.
pub(super) fn jaro_winkler_from(m: f32, lengths: (usize, usize), prefix: usize) -> f32 {
    if m == 0.0 {
        return 0.0;
    }
    let jaro = (m / lengths.0 as f32 + m / lengths.1 as f32 + 1.0) / 3.0;
    jaro + prefix as f32 * 0.1 * (1.0 - jaro)
}

/// Whether `b` is `a` with one byte inserted, deleted or replaced, or two neighbours swapped.
pub fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let start = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if start == long.len() {
        return true;
    }
    if short.len() == long.len() {
        let swapped = start + 1 < short.len()
            && short[start] == long[start + 1]
            && short[start + 1] == long[start]
            && short[start + 2..] == long[start + 2..];
        swapped || short[start + 1..] == long[start + 1..]
    } else {
        short[start..] == long[start + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaro_winkler_matches_the_textbook_values() {
        assert!((jaro_winkler(b"martha", b"marhta") - 0.961).abs() < 0.001);
        assert!((jaro_winkler(b"dixon", b"dicksonx") - 0.813).abs() < 0.001);
        assert_eq!(jaro_winkler(b"abc", b"xyz"), 0.0);
    }

    #[test]
    fn the_bound_is_never_below_the_similarity() {
        let words = [
            "mohammed", "muhammad", "ali", "alia", "zawahiri", "hassan", "hussein", "abc",
        ];
        for a in words {
            for b in words {
                let (a, b) = (a.as_bytes(), b.as_bytes());
                assert!(jaro_winkler_bound(a, b) >= jaro_winkler(a, b) - 1e-6);
            }
        }
    }

    #[test]
    fn one_edit_covers_insert_delete_replace_and_swap() {
        assert!(within_one_edit(b"zawahiri", b"zawahri"));
        assert!(within_one_edit(b"zawahiri", b"zawahirii"));
        assert!(within_one_edit(b"zawahiri", b"zawaheri"));
        assert!(within_one_edit(b"zawahiri", b"zawhairi"));
        assert!(!within_one_edit(b"zawahiri", b"zwhairi"));
    }
}
