//! The texts of the message table, kept as read and normalised only when a network asks.
//!
//! Reading copies each original post's text into one arena (and every message's, with
//! `keep_text`): a copy costs next to nothing, where normalising and hashing every text on
//! reading cost a third of the reader's time, for the two networks (co-tweet, co-similarity)
//! out of six that compare texts. The first of them to ask normalises all texts at once, on
//! every core, and the result stays for the next.

use std::hash::BuildHasher;
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::text::normalise_into;

/// The hash [`Texts::hashes`] holds: fixed, so equal on every thread and machine.
pub(crate) fn text_hash(normalised: &str) -> u64 {
    foldhash::fast::FixedState::default().hash_one(normalised)
}

/// Messages per unit of parallel normalising.
const CHUNK: usize = 1 << 14;

/// One arena of strings, string `i` from `starts[i]` to `starts[i + 1]`.
#[derive(Default)]
struct Arena {
    bytes: String,
    starts: Vec<u64>,
}

impl Arena {
    fn new() -> Self {
        Arena {
            bytes: String::new(),
            starts: vec![0],
        }
    }

    fn push(&mut self, s: &str) {
        self.bytes.push_str(s);
        self.starts.push(self.bytes.len() as u64);
    }

    fn get(&self, i: usize) -> &str {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.bytes.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }

    fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.starts.capacity() * 8
    }
}

/// Normalised texts and their hashes, one per message.
struct Normalised {
    texts: Arena,
    hashes: Vec<u64>,
}

/// Message texts as read, and their normalised forms once asked for.
pub(crate) struct Texts {
    raw: Arena,
    normalised: OnceLock<Normalised>,
}

impl Texts {
    pub(crate) fn new() -> Self {
        Texts {
            raw: Arena::new(),
            normalised: OnceLock::new(),
        }
    }

    /// Appends the next message's text (`""` for one whose text is not kept). A table that
    /// keeps no texts pushes none: every text then reads as `""`.
    pub(crate) fn push(&mut self, text: &str) {
        self.normalised.take();
        self.raw.push(text);
    }

    pub(crate) fn reserve(&mut self, rows: usize, bytes: usize) {
        let _ = self.raw.starts.try_reserve_exact(rows);
        let _ = self.raw.bytes.try_reserve_exact(bytes);
    }

    /// The text of message `m` as read.
    pub(crate) fn raw(&self, m: usize) -> &str {
        self.raw.get(m)
    }

    /// The normalised text of message `m` of `n` (empty where `originals` says it is a
    /// repost).
    pub(crate) fn normalised(
        &self,
        m: usize,
        n: usize,
        originals: impl Fn(usize) -> bool + Sync,
    ) -> &str {
        self.normalise_all(n, originals).texts.get(m)
    }

    /// The [`text_hash`] of the normalised text of each of `n` messages.
    pub(crate) fn hashes(&self, n: usize, originals: impl Fn(usize) -> bool + Sync) -> &[u64] {
        &self.normalise_all(n, originals).hashes
    }

    fn normalise_all(&self, n: usize, original: impl Fn(usize) -> bool + Sync) -> &Normalised {
        if let Some(done) = self.normalised.get() {
            return done;
        }
        // Made outside the cell's lock: while this thread waits in a parallel loop, rayon may
        // run other work on it that asks for the texts too, which must not find the lock held.
        let made = {
            let parts: Vec<(Arena, Vec<u64>)> = (0..n.div_ceil(CHUNK))
                .into_par_iter()
                .map(|c| {
                    let mut part = (Arena::new(), Vec::with_capacity(CHUNK));
                    let mut scratch = String::new();
                    for m in c * CHUNK..((c + 1) * CHUNK).min(n) {
                        scratch.clear();
                        if original(m) {
                            normalise_into(self.raw.get(m), &mut scratch);
                        }
                        part.0.push(&scratch);
                        part.1.push(text_hash(&scratch));
                    }
                    part
                })
                .collect();
            join(parts)
        };
        self.normalised.get_or_init(|| made)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        let normalised = self
            .normalised
            .get()
            .map_or(0, |n| n.texts.heap_bytes() + n.hashes.capacity() * 8);
        self.raw.heap_bytes() + normalised
    }
}

/// Concatenates the parts' arenas, in order.
fn join(parts: Vec<(Arena, Vec<u64>)>) -> Normalised {
    let bytes: usize = parts.iter().map(|p| p.0.bytes.len()).sum();
    let count: usize = parts.iter().map(|p| p.1.len()).sum();
    let mut texts = Arena::new();
    texts.bytes.reserve_exact(bytes);
    texts.starts.reserve_exact(count);
    let mut hashes = Vec::with_capacity(count);
    for (arena, part_hashes) in parts {
        let offset = texts.bytes.len() as u64;
        texts.bytes.push_str(&arena.bytes);
        texts
            .starts
            .extend(arena.starts[1..].iter().map(|&s| s + offset));
        hashes.extend_from_slice(&part_hashes);
    }
    Normalised { texts, hashes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_originals_only_and_across_chunks() {
        let mut texts = Texts::new();
        for i in 0..CHUNK + 3 {
            texts.push(&format!("Post  @x {i}"));
        }
        let original = |m: usize| m.is_multiple_of(2);
        let n = CHUNK + 3;
        assert_eq!(texts.normalised(0, n, original), "post 0");
        assert_eq!(texts.normalised(1, n, original), "");
        assert_eq!(
            texts.normalised(CHUNK + 2, n, original),
            format!("post {}", CHUNK + 2)
        );
        assert_eq!(texts.raw(CHUNK + 1), format!("Post  @x {}", CHUNK + 1));
        let hashes = texts.hashes(n, original);
        assert_eq!(hashes.len(), CHUNK + 3);
        assert_eq!(hashes[4], text_hash("post 4"));
        assert_eq!(hashes[1], text_hash(""));
    }
}
