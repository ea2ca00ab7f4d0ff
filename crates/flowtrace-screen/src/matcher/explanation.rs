//! The explanation of a hit: which name matched, token by token, and what moved the score.
//! Its words are kept one after another in a single buffer with the parts they make, rather
//! than as a `String` each: a query's hits named a dozen small words apiece, and allocating
//! them was a tenth of a query's time.

use std::fmt;

use super::attributes::Adjustment;
use super::similar::TokenHow;
use super::WEAK_ALIAS_FACTOR;
use crate::model::{NameKind, NameQuality};

/// Why a hit scored what it did: the name that matched, token by token, and what moved it.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The listed name that matched, as the list writes it.
    pub matched_name: String,
    /// Primary name, alias...
    pub kind: NameKind,
    /// The list's grade of that name.
    pub quality: NameQuality,
    /// The name's own score, before the weak-alias factor and the adjustments.
    pub name_score: f32,
    /// Birth date, nationality and schema adjustments.
    pub adjustments: Vec<Adjustment>,
    /// Every word the parts name, in their order; each part's words end where `parts` says.
    words: String,
    parts: Vec<Part>,
}

/// Tells one kind of part from the others.
type PartKind = fn(&Part) -> bool;

/// One part of an explanation; its words start where the previous part's end.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    /// A query token (or left-overs glued with `+`) and the listed token(s) it matched.
    Pair {
        query_end: u32,
        listed_end: u32,
        similarity: f32,
        how: TokenHow,
    },
    /// A query token with no partner.
    QueryOnly(u32),
    /// A listed token with no partner.
    ListedOnly(u32),
    /// A particle set aside on either side.
    Particle(u32),
}

impl Explanation {
    /// An explanation with no parts yet, its buffers sized for `words` bytes and `parts`
    /// parts (pairs, unmatched tokens and particles together).
    pub(crate) fn with_capacity(
        matched_name: String,
        kind: NameKind,
        quality: NameQuality,
        name_score: f32,
        adjustments: Vec<Adjustment>,
        (words, parts): (usize, usize),
    ) -> Self {
        Explanation {
            matched_name,
            kind,
            quality,
            name_score,
            adjustments,
            words: String::with_capacity(words),
            parts: Vec::with_capacity(parts),
        }
    }

    /// Adds an aligned pair: the query words (several are written glued with `+`), the listed
    /// ones, and how they matched. Pairs come before every other part.
    pub(crate) fn push_pair<'a>(
        &mut self,
        query: impl Iterator<Item = &'a str>,
        listed: impl Iterator<Item = &'a str>,
        similarity: f32,
        how: TokenHow,
    ) {
        self.push_glued(query);
        let query_end = self.end();
        self.push_glued(listed);
        let listed_end = self.end();
        self.parts.push(Part::Pair {
            query_end,
            listed_end,
            similarity,
            how,
        });
    }

    /// Adds a query token with no partner (after the pairs).
    pub(crate) fn push_query_only(&mut self, word: &str) {
        self.words.push_str(word);
        self.parts.push(Part::QueryOnly(self.end()));
    }

    /// Adds a listed token with no partner (after the query's).
    pub(crate) fn push_listed_only(&mut self, word: &str) {
        self.words.push_str(word);
        self.parts.push(Part::ListedOnly(self.end()));
    }

    /// Adds a particle set aside (after the unmatched tokens).
    pub(crate) fn push_particle(&mut self, word: &str) {
        self.words.push_str(word);
        self.parts.push(Part::Particle(self.end()));
    }

    fn push_glued<'a>(&mut self, words: impl Iterator<Item = &'a str>) {
        for (i, word) in words.enumerate() {
            if i > 0 {
                self.words.push('+');
            }
            self.words.push_str(word);
        }
    }

    fn end(&self) -> u32 {
        self.words.len() as u32
    }

    /// Each part with its words: `(part, first words, second words)`, the second empty but
    /// for pairs.
    fn spans(&self) -> impl Iterator<Item = (Part, &str, &str)> + '_ {
        let mut start = 0usize;
        self.parts.iter().map(move |&part| {
            let (first, second) = match part {
                Part::Pair {
                    query_end,
                    listed_end,
                    ..
                } => {
                    let (q, l) = (query_end as usize, listed_end as usize);
                    let words = (&self.words[start..q], &self.words[q..l]);
                    start = l;
                    words
                }
                Part::QueryOnly(end) | Part::ListedOnly(end) | Part::Particle(end) => {
                    let words = (&self.words[start..end as usize], "");
                    start = end as usize;
                    words
                }
            };
            (part, first, second)
        })
    }

    /// `(query token, listed token, similarity, how)` for every aligned pair, in query order;
    /// left-overs matched glued come last, written with `+`.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str, f32, TokenHow)> + '_ {
        self.spans().filter_map(|(part, q, l)| match part {
            Part::Pair {
                similarity, how, ..
            } => Some((q, l, similarity, how)),
            _ => None,
        })
    }

    /// Query tokens with no partner.
    pub fn unmatched_query(&self) -> impl Iterator<Item = &str> + '_ {
        self.words_of(|p| matches!(p, Part::QueryOnly(_)))
    }

    /// Listed tokens with no partner.
    pub fn unmatched_listed(&self) -> impl Iterator<Item = &str> + '_ {
        self.words_of(|p| matches!(p, Part::ListedOnly(_)))
    }

    /// Particles set aside on either side.
    pub fn particles(&self) -> impl Iterator<Item = &str> + '_ {
        self.words_of(|p| matches!(p, Part::Particle(_)))
    }

    fn words_of(&self, kind: PartKind) -> impl Iterator<Item = &str> + '_ {
        self.spans()
            .filter(move |(part, _, _)| kind(part))
            .map(|(_, words, _)| words)
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            NameKind::Primary => "primary",
            NameKind::Alias => "alias",
            NameKind::FormerName => "former name",
            NameKind::NewName => "new name",
        };
        write!(f, "{kind} name {:.2}:", self.name_score)?;
        for (q, l, s, how) in self.pairs() {
            let sign = if q == l { "=" } else { "~" };
            write!(f, " {q}{sign}{l} {s:.2} {}", how.word())?;
            f.write_str(";")?;
        }
        let sections: [(&str, PartKind); 3] = [
            ("query only", |p| matches!(p, Part::QueryOnly(_))),
            ("list only", |p| matches!(p, Part::ListedOnly(_))),
            ("particles", |p| matches!(p, Part::Particle(_))),
        ];
        for (label, kind) in sections {
            let mut words = self.words_of(kind).peekable();
            if words.peek().is_some() {
                write!(f, " {label}:")?;
                for word in words {
                    write!(f, " {word}")?;
                }
                f.write_str(";")?;
            }
        }
        if self.quality == NameQuality::Low {
            write!(f, " weak alias x{WEAK_ALIAS_FACTOR};")?;
        }
        for a in &self.adjustments {
            write!(f, " {} {} ({:+.2});", a.what, a.detail, a.delta)?;
        }
        Ok(())
    }
}
