//! Known-propaganda matching: is this image or text a copy of something already banked?
//!
//! Platforms keep terrorist propaganda off their services by matching uploads against shared
//! banks of hashes of known items (GIFCT's hash-sharing database, Tech Against Terrorism's
//! list): MD5 and SHA-256 for exact copies, Meta's PDQ for images that were resized,
//! recompressed or lightly edited. This crate computes those hashes ([`pdq`], [`digest`]),
//! keeps banks of them with their labels in SQLite ([`bank`]), finds every banked PDQ hash
//! within a Hamming distance, exactly ([`index`]), matches a file's hashes against a bank
//! ([`bank::BankMatcher`]), and finds near-copies of known texts with MinHash and LSH
//! ([`text`], [`bank::TextBank`]). [`synthetic`] makes photo-like test pictures and the edits
//! re-uploads carry. It never panics on a bad file: errors name the file (and the line, for
//! CSV) and the reason ([`MediaError`], [`bank::BankError`]).
//!
//! ```
//! use flowtrace_media::pdq;
//!
//! let grey: Vec<u8> = (0..64 * 64 * 3).map(|i| (i % 251) as u8).collect();
//! let a = pdq::hash_rgb(&grey, 64, 64).unwrap();
//! let b = pdq::hash_rgb(&grey, 64, 64).unwrap();
//! assert_eq!(a.hash.distance(&b.hash), 0);
//! ```
#![warn(missing_docs)]

// Everything but `text` needs the `hashing` feature (on by default); see Cargo.toml.
#[cfg(feature = "hashing")]
pub mod bank;
#[cfg(feature = "hashing")]
pub mod digest;
#[cfg(feature = "hashing")]
pub mod error;
#[cfg(feature = "hashing")]
pub mod file_hashes;
#[cfg(feature = "hashing")]
pub mod index;
#[cfg(feature = "hashing")]
pub mod pdq;
#[cfg(feature = "hashing")]
pub mod synthetic;
pub mod text;

#[cfg(feature = "hashing")]
pub use digest::{digest_file, FileDigests};
#[cfg(feature = "hashing")]
pub use error::MediaError;
#[cfg(feature = "hashing")]
pub use file_hashes::{hash_image_file, FileHashes};
#[cfg(feature = "hashing")]
pub use pdq::{Hash256, Pdq};
