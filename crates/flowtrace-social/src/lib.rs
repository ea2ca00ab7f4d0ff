//! Which accounts act in concert: coordination networks over social-media posts, the spread of
//! an item, and the accounts of the money graph that posts point at.
//!
//! Posts are read from QUT's coordination-network-toolkit CSV (or the same columns as JSON
//! lines) into a columnar [`Messages`] table, losing no row ([`read`]). From it,
//! [`coordinate`] builds the toolkit's coordination networks (co-retweet, co-tweet, co-reply,
//! co-link, co-post): account `a` links to account `b` with weight `w` when `w` of `a`'s
//! messages have a message of `b` with the same key (reposted message, normalised text, replied
//! message, URL; for co-post any message) within the time window. The definitions follow the
//! toolkit 1.5.2 exactly, except that an empty URL is no link; see [`coord`]. Co-similarity
//! pairs original posts whose texts are near-duplicates (MinHash and LSH from
//! `flowtrace-media`, borderline pairs checked exactly); see [`coord::similar`].
//! [`find_cells`] splits a network (or, [`find_cells_in_union`], the union of several) into
//! ranked cells (Louvain, seeded) and gives every account its centrality, role (hub, bridge,
//! member) and timing (seeder, amplifier); see [`cells`].
//! [`cascade()`] follows one item (a post id, URL or media hash) from its seeder through every
//! repost and share, with countries and reach per hour; see [`cascade`]. [`link_messages`]
//! finds payment identifiers in posts (IBAN, card, bank account, crypto address, phone), checks
//! their checksums and joins them to the accounts of a transfer dataset; see [`link`].
//!
//! ```no_run
//! use std::path::Path;
//! use flowtrace_social::{coordinate, read_messages, CoordOptions, MessageFormat, NetworkKind,
//!     ReadOptions};
//!
//! let loaded = read_messages(Path::new("posts.csv"), MessageFormat::ToolkitCsv,
//!     &ReadOptions::default())?;
//! eprintln!("{}", loaded.report); // posts.csv: read 1000 rows = 1000 accepted + 0 rejected
//! let options = CoordOptions { window_secs: 60.0, min_weight: 2, ..CoordOptions::default() };
//! let network = coordinate(&loaded.messages, NetworkKind::CoLink, &options);
//! for edge in network.edges() {
//!     println!("{} {} {}", loaded.messages.user_key(edge.from),
//!         loaded.messages.user_key(edge.to), edge.weight);
//! }
//! # Ok::<(), flowtrace_social::ReadError>(())
//! ```
#![warn(missing_docs)]

pub mod cascade;
pub mod cells;
pub mod coord;
mod intern;
pub mod link;
pub mod messages;
pub mod read;
mod table;
pub mod text;

pub use cascade::{cascade, Cascade, Countries};
pub use cells::{
    find_cells, find_cells_in_union, AccountRole, Cell, CellOptions, Cells, Role, Timing,
};
pub use coord::{coordinate, CoordOptions, Edge, Network, NetworkKind};
pub use link::{find_identifiers, link_messages, AccountIndex, Check, IdKind, Identifier, Link};
pub use messages::{Columns, Messages, Post, UserId};
pub use read::{
    read_messages, LoadReport, LoadedMessages, MessageFormat, OnError, ReadError, ReadOptions,
    RejectKind, RowError,
};
pub use table::TableError;
