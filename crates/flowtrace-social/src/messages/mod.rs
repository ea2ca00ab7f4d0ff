//! The message table: one row per accepted post, stored as columns of dense ids.
//!
//! Strings are interned once on reading (an arena and a hash table): user ids, message ids
//! (together with the ids that reposts and replies point at, so a repost of a message in the
//! table points at that message's own item id) and URLs. What remains per message is a handful
//! of `u32`s, an `f64` time and 4 bytes per URL, about 40 bytes, plus the text of each original
//! post (of every post with `keep_text`), which co-tweet and co-similarity compare once
//! normalised (see the `texts` module). [`Columns`] leaves out the URLs, texts and names no
//! requested network reads.

mod add;
mod texts;

use crate::intern::Interner;
use texts::Texts;

pub use add::{AddError, Post};
pub(crate) use add::{KeyHashes, UrlPiece, Urls};

use crate::coord::NetworkKind;

/// "No value" in an id column (no repost, no reply).
pub const NONE: u32 = u32::MAX;

/// A repost or reply whose target was not interned ([`Columns::targets`] off): the message is
/// one, of an unknown item. No item has this id.
pub const UNRESOLVED: u32 = u32::MAX - 1;

/// A dense account id (index into [`Messages::user_key`]).
pub type UserId = u32;

/// The optional columns a table keeps. A column not kept reads as empty (no URLs, empty texts
/// and names), and a table without it neither spends the time to intern it nor the memory to
/// hold it; ids, accounts and times are always kept, and whether a message reposts or replies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    /// The URLs of each message (co-link, cascades of a URL).
    pub urls: bool,
    /// The texts of original posts (co-tweet, co-similarity).
    pub texts: bool,
    /// Each account's display name (cells and cascades show it).
    pub usernames: bool,
    /// The ids reposts and replies point at (co-retweet, co-reply, cascades). Without them,
    /// [`Messages::reposts`] and [`Messages::replies`] hold [`UNRESOLVED`] for every target.
    pub targets: bool,
}

impl Default for Columns {
    /// Every column.
    fn default() -> Self {
        Columns {
            urls: true,
            texts: true,
            usernames: true,
            targets: true,
        }
    }
}

impl Columns {
    /// What building the networks `kinds` (and writing their edges) reads: the URLs for
    /// co-link, the texts for co-tweet and co-similarity, the targets for co-retweet and
    /// co-reply, no names.
    pub fn for_networks(kinds: &[NetworkKind]) -> Columns {
        let any = |wanted: &[NetworkKind]| kinds.iter().any(|k| wanted.contains(k));
        Columns {
            urls: any(&[NetworkKind::CoLink]),
            texts: any(&[NetworkKind::CoTweet, NetworkKind::CoSimilarity]),
            usernames: false,
            targets: any(&[NetworkKind::CoRetweet, NetworkKind::CoReply]),
        }
    }
}

/// Accepted messages as columns, in input order (message `i` is the `i`-th accepted row).
pub struct Messages {
    items: Interner,
    /// Whether each item id is the id of a message in the table (not only referenced).
    is_message: Vec<bool>,
    users: Interner,
    usernames: Vec<Box<str>>,
    urls: Interner,
    keep_text: bool,
    columns: Columns,

    item: Vec<u32>,
    user: Vec<UserId>,
    time: Vec<f64>,
    repost: Vec<u32>,
    reply: Vec<u32>,
    url_starts: Vec<u32>,
    url_ids: Vec<u32>,
    texts: Texts,
}

impl Messages {
    /// An empty table of every column; `keep_text` keeps every message's text as read (for
    /// payment identifiers and cascades; the coordination networks need only the texts of
    /// original posts, kept unless [`Columns::texts`] is off).
    pub fn new(keep_text: bool) -> Self {
        Messages::with_columns(keep_text, Columns::default())
    }

    /// An empty table keeping `columns` (and with `keep_text`, every message's text).
    pub fn with_columns(keep_text: bool, columns: Columns) -> Self {
        Messages {
            items: Interner::new(),
            is_message: Vec::new(),
            users: Interner::new(),
            usernames: Vec::new(),
            urls: Interner::new(),
            keep_text,
            columns,
            item: Vec::new(),
            user: Vec::new(),
            time: Vec::new(),
            repost: Vec::new(),
            reply: Vec::new(),
            url_starts: vec![0],
            url_ids: Vec::new(),
            texts: Texts::new(),
        }
    }

    /// Number of messages.
    pub fn len(&self) -> usize {
        self.user.len()
    }

    /// Whether there are no messages.
    pub fn is_empty(&self) -> bool {
        self.user.is_empty()
    }

    /// Number of distinct accounts.
    pub fn user_count(&self) -> usize {
        self.users.len()
    }

    /// The platform's id of account `user`.
    pub fn user_key(&self, user: UserId) -> &str {
        self.users.get(user)
    }

    /// The display name of account `user` (the largest of the names it posted under).
    pub fn username(&self, user: UserId) -> &str {
        self.usernames.get(user as usize).map_or("", |s| s)
    }

    /// The dense id of the account with platform id `key`.
    pub fn find_user(&self, key: &str) -> Option<UserId> {
        self.users.find(key)
    }

    /// The platform's id of message `m`.
    pub fn message_key(&self, m: usize) -> &str {
        self.items.get(self.item[m])
    }

    /// Author of each message.
    pub fn users(&self) -> &[UserId] {
        &self.user
    }

    /// Time of each message, in seconds.
    pub fn times(&self) -> &[f64] {
        &self.time
    }

    /// Item id of each message (its own id in the id space that reposts and replies point into).
    pub fn items(&self) -> &[u32] {
        &self.item
    }

    /// Item id each message reposts, or [`NONE`] ([`UNRESOLVED`] without [`Columns::targets`]).
    pub fn reposts(&self) -> &[u32] {
        &self.repost
    }

    /// Item id each message replies to, or [`NONE`] ([`UNRESOLVED`] without
    /// [`Columns::targets`]).
    pub fn replies(&self) -> &[u32] {
        &self.reply
    }

    /// A 64-bit hash of each message's normalised text (equal texts, equal hashes; the
    /// converse only almost always). The first call normalises every text (on all cores).
    pub fn text_hashes(&self) -> &[u64] {
        let reposts = &self.repost;
        self.texts.hashes(self.len(), |m| reposts[m] == NONE)
    }

    /// The platform id behind an item id (a message id or a repost / reply target).
    pub fn item_key(&self, item: u32) -> &str {
        self.items.get(item)
    }

    /// The item id of platform id `key` (a message's id, or an id reposts and replies point
    /// at), if it occurs in the input.
    pub fn find_item(&self, key: &str) -> Option<u32> {
        self.items.find(key)
    }

    /// The URL id of `url`, if a message carries it.
    pub fn find_url(&self, url: &str) -> Option<u32> {
        self.urls.find(url)
    }

    /// Whether an item id belongs to a message in the table.
    pub fn item_is_message(&self, item: u32) -> bool {
        self.is_message.get(item as usize).copied().unwrap_or(false)
    }

    /// The URL ids of message `m` (distinct, in order of appearance).
    pub fn urls_of(&self, m: usize) -> &[u32] {
        // Without the URL column there are no starts: every message has none.
        match (self.url_starts.get(m), self.url_starts.get(m + 1)) {
            (Some(&a), Some(&b)) => &self.url_ids[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The URL behind a URL id.
    pub fn url(&self, id: u32) -> &str {
        self.urls.get(id)
    }

    /// The normalised text of original post `m` (see [`crate::text::normalise`]); empty for
    /// reposts. The first call normalises every text (on all cores).
    pub fn normalised_text(&self, m: usize) -> &str {
        let reposts = &self.repost;
        self.texts.normalised(m, self.len(), |m| reposts[m] == NONE)
    }

    /// Raw text of message `m`, when the table was made with `keep_text`.
    pub fn raw_text(&self, m: usize) -> Option<&str> {
        (self.keep_text && m < self.len()).then(|| self.texts.raw(m))
    }

    /// Whether the table keeps account names (readers need not look at them otherwise).
    pub(crate) fn keeps_usernames(&self) -> bool {
        self.columns.usernames
    }

    /// Whether the table keeps any texts (readers need not look at them otherwise).
    pub(crate) fn keeps_texts(&self) -> bool {
        self.keep_text || self.columns.texts
    }

    /// Approximate heap bytes held, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        let columns = self.item.capacity() * 4 * 4 + self.time.capacity() * 8;
        let urls = self.url_starts.capacity() * 4 + self.url_ids.capacity() * 4;
        let names: usize = self.usernames.iter().map(|s| s.len() + 16).sum();
        columns
            + urls
            + names
            + self.is_message.capacity()
            + self.items.heap_bytes()
            + self.users.heap_bytes()
            + self.urls.heap_bytes()
            + self.texts.heap_bytes()
    }
}
