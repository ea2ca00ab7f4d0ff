//! What was planted in an online world, as the truth files record it.

use super::posts::PostIdx;

/// A post of a cell's burst.
#[derive(Clone, Debug)]
pub struct CellPost {
    /// Cell, from 1.
    pub cell: u32,
    /// Burst of the cell, from 1.
    pub burst: u32,
    /// `link`, `repost` or `text`.
    pub action: &'static str,
    /// The post.
    pub post: PostIdx,
    /// `same-url`, `original`, `repost`, `same-text` (equal after the toolkit's normalising)
    /// or `edited-text` (a small edit: near-identical only).
    pub variant: &'static str,
}

/// A post of a decoy: popular organic content shared independently.
#[derive(Clone, Debug)]
pub struct DecoyPost {
    /// Decoy, from 1.
    pub decoy: u32,
    /// `repost`, `link` or `greeting`.
    pub kind: &'static str,
    /// The post.
    pub post: PostIdx,
}

/// A post of a cascade.
#[derive(Clone, Debug)]
pub struct CascadePost {
    /// Propaganda item, from 1.
    pub item: u32,
    /// `seeder`, `amplifier` (a repost) or `reupload` (the media posted again).
    pub role: &'static str,
    /// Wave: 0 for the seed post, then 1, 2, 3.
    pub wave: u32,
    /// The post.
    pub post: PostIdx,
    /// Media hash the post carries (64 hex digits).
    pub hash: String,
}

/// A propaganda item's media.
#[derive(Clone, Debug)]
pub struct Media {
    /// Item, from 1.
    pub item: u32,
    /// Its PDQ-like hash.
    pub hash: String,
    /// Whether the hash bank knows it.
    pub in_bank: bool,
}

/// A payment identifier in a post.
#[derive(Clone, Debug)]
pub struct DonationLink {
    /// The post.
    pub post: PostIdx,
    /// The identifier as written.
    pub identifier: String,
    /// Money-world bank (empty when it resolves to none).
    pub bank: String,
    /// Money-world account number (empty when it resolves to none).
    pub account: String,
    /// `iban`, `card` or `bank-account`.
    pub format: &'static str,
    /// `appeal` (a terrorist-financing scheme's account), `charity` (a legitimate charity) or
    /// `invalid` (an IBAN or card number whose checksum fails).
    pub kind: &'static str,
}

/// Everything planted.
#[derive(Clone, Debug, Default)]
pub struct Truth {
    /// Cell bursts.
    pub cell_posts: Vec<CellPost>,
    /// Decoys.
    pub decoys: Vec<DecoyPost>,
    /// Cascades.
    pub cascades: Vec<CascadePost>,
    /// Propaganda media.
    pub media: Vec<Media>,
    /// Donation identifiers.
    pub donations: Vec<DonationLink>,
}
