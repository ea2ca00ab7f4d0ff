//! The name matcher: normalise → transliterate → tokenise (particles set aside) → align tokens
//! with fuzzy scores → adjust for date of birth, nationality and kind of party → explain.
//! [`crate::Screener`] puts it behind a candidate index; this module compares one name with
//! another.

mod align;
mod attributes;
mod byte_similarity;
mod consonants;
mod explanation;
mod glue;
mod particles;
mod script;
mod similar;
mod skeleton;
mod sketch;
mod spelling;
mod text;
mod variants;
mod words;

pub use align::{align, Alignment, TokenPair, LISTED_SIDE_FLOOR};
pub(crate) use align::{align_listed, align_with, StackAlignment, MAX_TOKENS};
pub use attributes::{
    adjustments, country_code, Adjustment, BIRTH_DATE_AGREES, NATIONALITY_AGREES,
};
pub use byte_similarity::{jaro_winkler, within_one_edit};
pub use explanation::Explanation;
pub use particles::{is_generation, is_particle_typo};
pub use similar::{token_similarity, TokenHow, TOKEN_FLOOR};
pub use skeleton::{skeleton, skeleton_letters};
pub(crate) use sketch::{surely_unlike, Sketch};
pub use text::{analyse, token, NameForm, Token};

use crate::date::PartialDate;
use crate::model::Schema;

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
