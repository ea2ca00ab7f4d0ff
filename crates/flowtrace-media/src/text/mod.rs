//! Near-duplicate text: does this post repeat a known propaganda text, give or take some
//! words? MinHash signatures over normalised word shingles (any script; see [`normalise`])
//! estimate Jaccard similarity, and an LSH index ([`LshIndex`]) finds the banked texts above a
//! threshold without comparing against all of them.
//!
//! ```
//! use flowtrace_media::text::{LshIndex, MinHashOptions, MinHasher};
//!
//! let hasher = MinHasher::new(MinHashOptions::default());
//! let mut bank = LshIndex::new(0.5, hasher.options().permutations);
//! let known = bank.insert(hasher.signature("send your donations to the brothers on the front line today"));
//! let post = hasher.signature("Send your donations to the brothers on the front line TODAY!!! share");
//! let hits = bank.query(&post);
//! assert_eq!(hits[0].id, known);
//! assert!(hits[0].jaccard > 0.5);
//! ```

pub mod lsh;
pub mod minhash;
pub mod normalise;
pub mod posts;

pub use flowtrace_rejects::OnError;
pub use lsh::{LshIndex, TextHit};
pub use minhash::{MinHashOptions, MinHasher, Signature};
pub use posts::{read_posts_jsonl, BadRow, Post, PostsError, PostsReport};
