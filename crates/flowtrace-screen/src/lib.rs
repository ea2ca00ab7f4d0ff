//! Screening against the UN Security Council Consolidated List and other watchlists.
//!
//! This crate reads the lists a counter-terrorist-financing team screens against into one
//! model, [`Watchlist`]: the UN Security Council Consolidated List (official XML), OFAC's SDN list
//! (legacy CSV with its alias and address files) and FollowTheMoney JSON lines as OpenSanctions
//! exports them. Every listed party becomes a [`ListedEntity`] with its names and aliases (graded
//! by quality, original script kept), dates and places of birth, nationalities and documents.
//! Readers never panic on a bad file: they return a [`ListError`] naming the file, the record
//! and the reason.
//!
//! [`Screener`] indexes a list and screens names against it: every script to Latin, particles
//! of Arabic names settled, tokens aligned in any order with fuzzy and consonant-skeleton
//! scores, rare tokens weighing more, birth date / nationality / schema adjustments, and an
//! [`Explanation`] token by token for every hit. A query touches only the names sharing an index
//! key with it (consonant skeletons and their one-deletion neighbours), never the whole list.
//!
//! ```no_run
//! use std::path::Path;
//! use flowtrace_screen::{read_watchlist, Query, ScreenOptions, Screener};
//!
//! let screener = Screener::new(read_watchlist(Path::new("data/watchlists/un_consolidated.xml"))?);
//! for hit in screener.screen(&Query::name("1", "Saif al-Adel"), &ScreenOptions::default()) {
//!     let entity = screener.entity(&hit);
//!     println!("{} {} {:.2}: {}", entity.id, entity.reference, hit.score, hit.explanation);
//! }
//! # Ok::<(), flowtrace_screen::ListError>(())
//! ```
//!
//! ```no_run
//! use std::path::Path;
//!
//! let list = flowtrace_screen::read_watchlist(Path::new("data/watchlists/un_consolidated.xml"))?;
//! let qaida = list.entities.iter().filter(|e| e.programmes.iter().any(|p| p == "Al-Qaida"));
//! println!("{} parties on the Al-Qaida list", qaida.count());
//! # Ok::<(), flowtrace_screen::ListError>(())
//! ```
#![warn(missing_docs)]

pub mod date;
pub mod error;
pub mod eval;
mod index;
pub mod lists;
pub mod matcher;
pub mod model;
pub mod queries;
pub mod screener;

pub use date::PartialDate;
pub use error::{Invalid, ListError, Location, Problem};
pub use lists::{detect_format, read_ftm, read_ofac, read_un, read_watchlist, ListFormat};
pub use matcher::{Explanation, Query};
pub use model::{
    Address, BirthDate, Document, ListedEntity, ListedName, NameKind, NameQuality, NameScript,
    Schema, Watchlist, OFAC_SDN_LIST, UN_LIST,
};
pub use queries::{read_accounts, read_queries, BadQuery, OnError, QueriesReport, QueryError};
pub use screener::{Hit, QueryWork, ScreenOptions, Screener, DEFAULT_THRESHOLD};
