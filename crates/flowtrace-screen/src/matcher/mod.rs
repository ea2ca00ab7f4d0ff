//! The name matcher: normalise → transliterate → tokenise (particles set aside) → align tokens
//! with fuzzy scores → adjust for date of birth, nationality and kind of party → explain.
//! [`crate::Screener`] puts it behind a candidate index; this module compares one name with
//! another.

mod align;
mod attributes;
mod byte_similarity;
mod consonants;
mod glue;
mod particles;
mod script;
mod similar;
mod skeleton;
mod spelling;
mod text;
mod variants;
mod words;

use std::fmt;

pub use align::{align, Alignment, TokenPair, LISTED_SIDE_FLOOR};
pub(crate) use align::{align_with, StackAlignment, MAX_TOKENS};
pub use attributes::{
    adjustments, country_code, Adjustment, BIRTH_DATE_AGREES, NATIONALITY_AGREES,
};
pub use byte_similarity::{jaro_winkler, within_one_edit};
pub use particles::{is_generation, is_particle_typo};
pub use similar::{token_similarity, TokenHow, TOKEN_FLOOR};
pub use skeleton::{skeleton, skeleton_letters};
pub use text::{analyse, token, NameForm, Token};

use crate::date::PartialDate;
use crate::model::{NameKind, NameQuality, Schema};

/// What a weak (low-quality) alias's score is multiplied by: the list itself doubts it.
pub const WEAK_ALIAS_FACTOR: f32 = 0.9;

/// One name to screen, with what else is known about the party.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// The caller's id for the query, echoed in every hit.
    pub id: String,
    /// The name as written, in any script.
    pub name: String,
    /// Person, organisation..., when known.
    pub schema: Option<Schema>,
    /// Date of birth, when known.
    pub birth_date: Option<PartialDate>,
    /// Nationality as an ISO code or English name, when known.
    pub nationality: Option<String>,
}

impl Query {
    /// A query with a name only.
    pub fn name(id: impl Into<String>, name: impl Into<String>) -> Self {
        Query {
            id: id.into(),
            name: name.into(),
            ..Query::default()
        }
    }
}

/// Why a hit scored what it did: the name that matched, token by token, and what moved it.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The listed name that matched, as the list writes it.
    pub matched_name: String,
    /// Primary name, alias...
    pub kind: NameKind,
    /// The list's grade of that name.
    pub quality: NameQuality,
    /// `(query token, listed token, similarity, how)` for every aligned pair.
    pub pairs: Vec<(String, String, f32, TokenHow)>,
    /// Query tokens with no partner.
    pub unmatched_query: Vec<String>,
    /// Listed tokens with no partner.
    pub unmatched_listed: Vec<String>,
    /// Particles set aside on either side.
    pub particles: Vec<String>,
    /// The name's own score, before the weak-alias factor and the adjustments.
    pub name_score: f32,
    /// Birth date, nationality and schema adjustments.
    pub adjustments: Vec<Adjustment>,
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
        for (q, l, s, how) in &self.pairs {
            let sign = if q == l { "=" } else { "~" };
            write!(f, " {q}{sign}{l} {s:.2} {}", how.word())?;
            f.write_str(";")?;
        }
        if !self.unmatched_query.is_empty() {
            write!(f, " query only: {};", self.unmatched_query.join(" "))?;
        }
        if !self.unmatched_listed.is_empty() {
            write!(f, " list only: {};", self.unmatched_listed.join(" "))?;
        }
        if !self.particles.is_empty() {
            write!(f, " particles: {};", self.particles.join(" "))?;
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
