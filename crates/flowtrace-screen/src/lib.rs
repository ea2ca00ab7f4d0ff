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
pub mod lists;
pub mod model;

pub use date::PartialDate;
pub use error::{Invalid, ListError, Location, Problem};
pub use lists::{detect_format, read_ftm, read_ofac, read_un, read_watchlist, ListFormat};
pub use model::{
    Address, BirthDate, Document, ListedEntity, ListedName, NameKind, NameQuality, NameScript,
    Schema, Watchlist, OFAC_SDN_LIST, UN_LIST,
};
