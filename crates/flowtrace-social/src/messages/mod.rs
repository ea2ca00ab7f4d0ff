//! The message table: one row per accepted post, stored as columns of dense ids.
//!
//! Strings are interned once on reading (an arena and a hash table): user ids, message ids
//! (together with the ids that reposts and replies point at, so a repost of a message in the
//! table points at that message's own item id) and URLs. What remains per message is a handful
//! of `u32`s, an `f64` time and 4 bytes per URL, about 40 bytes, plus the text of each original
//! post (of every post with `keep_text`), which co-tweet and co-similarity compare once
//! normalised (see the `texts` module).

mod texts;

use crate::intern::Interner;
use texts::Texts;

/// "No value" in an id column (no repost, no reply).
pub const NONE: u32 = u32::MAX;

/// A dense account id (index into [`Messages::user_key`]).
pub type UserId = u32;

/// One message as the readers hand it over, before interning.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Post<'a> {
    /// The message's id on the platform.
    pub message_id: &'a str,
    /// The author's id on the platform.
    pub user_id: &'a str,
    /// The author's display name (only used for display).
    pub username: &'a str,
    /// Id of the message this one reposts verbatim; `None` when it is an original post.
    pub repost_id: Option<&'a str>,
    /// Id of the message this one replies to.
    pub reply_id: Option<&'a str>,
    /// The text.
    pub message: &'a str,
    /// Seconds on any consistent clock (UTC epoch seconds for real data).
    pub timestamp: f64,
    /// URLs in the message; empty strings are not URLs and are dropped, repeats are kept once.
    pub urls: Vec<&'a str>,
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

    item: Vec<u32>,
    user: Vec<UserId>,
    time: Vec<f64>,
    repost: Vec<u32>,
    reply: Vec<u32>,
    url_starts: Vec<u32>,
    url_ids: Vec<u32>,
    texts: Texts,
}

/// The URLs of a message being added.
#[derive(Clone, Copy)]
pub(crate) enum Urls<'a> {
    /// Each a URL (empty ones are skipped).
    Listed(&'a [&'a str]),
    /// The toolkit's `urls` field: URLs separated by single spaces, empty pieces skipped.
    Spaced(&'a str),
}

/// Why a message could not be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddError {
    /// A message with this id is already in the table.
    DuplicateId,
    /// More distinct ids (or URL references) than `u32` can number.
    TooMany(&'static str),
}

impl Messages {
    /// An empty table; `keep_text` keeps every message's text as read (for payment identifiers
    /// and cascades; the coordination networks need only the texts of original posts, which are
    /// always kept).
    pub fn new(keep_text: bool) -> Self {
        Messages {
            items: Interner::new(),
            is_message: Vec::new(),
            users: Interner::new(),
            usernames: Vec::new(),
            urls: Interner::new(),
            keep_text,
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

    /// Appends a message; on error nothing is appended.
    pub fn add(&mut self, post: &Post) -> Result<(), AddError> {
        self.add_with_urls(post, Urls::Listed(&post.urls))
    }

    /// [`Messages::add`] with the URLs given apart (`post.urls` is ignored), so a reader need
    /// not collect them.
    pub(crate) fn add_with_urls(&mut self, post: &Post, urls: Urls) -> Result<(), AddError> {
        if self.len() >= crate::intern::MAX_IDS - 1 {
            return Err(AddError::TooMany("messages"));
        }
        let item = self.item_id(post.message_id)?;
        if self.is_message[item as usize] {
            return Err(AddError::DuplicateId);
        }
        self.is_message[item as usize] = true;
        let repost = post.repost_id.map_or(Ok(NONE), |r| self.item_id(r))?;
        let reply = post.reply_id.map_or(Ok(NONE), |r| self.item_id(r))?;
        let (user, new) = self
            .users
            .intern(post.user_id)
            .ok_or(AddError::TooMany("users"))?;
        if new {
            self.usernames.push(post.username.into());
        } else if post.username > &*self.usernames[user as usize] {
            // The largest name wins, as in the toolkit's node table, so the order of rows
            // does not decide which of an account's names is shown.
            self.usernames[user as usize] = post.username.into();
        }
        let first_url = self.url_ids.len();
        let mut add_url = |url: &str| -> Result<(), AddError> {
            if url.is_empty() {
                return Ok(());
            }
            let (id, _) = self.urls.intern(url).ok_or(AddError::TooMany("URLs"))?;
            if !self.url_ids[first_url..].contains(&id) {
                self.url_ids.push(id);
            }
            Ok(())
        };
        match urls {
            Urls::Listed(list) => list.iter().try_for_each(|u| add_url(u))?,
            Urls::Spaced("") => {}
            Urls::Spaced(field) => field.split(' ').try_for_each(add_url)?,
        }
        let end = u32::try_from(self.url_ids.len()).map_err(|_| AddError::TooMany("URLs"))?;
        self.url_starts.push(end);
        self.item.push(item);
        self.user.push(user);
        self.time.push(post.timestamp);
        self.repost.push(repost);
        self.reply.push(reply);
        // Reposts carry the reposted text, which no network compares.
        let kept = self.keep_text || post.repost_id.is_none();
        self.texts.push(if kept { post.message } else { "" });
        Ok(())
    }

    /// Reserves room for about `rows` more messages whose kept texts take about `text_bytes`,
    /// so the columns grow once instead of doubling (each doubling briefly holds the old and
    /// the new copy). Best effort: if the memory is not there, nothing is reserved.
    pub fn reserve(&mut self, rows: usize, text_bytes: usize) {
        let _ = self.item.try_reserve_exact(rows);
        let _ = self.user.try_reserve_exact(rows);
        let _ = self.time.try_reserve_exact(rows);
        let _ = self.repost.try_reserve_exact(rows);
        let _ = self.reply.try_reserve_exact(rows);
        let _ = self.url_starts.try_reserve_exact(rows);
        let _ = self.is_message.try_reserve_exact(rows);
        self.items.reserve(rows);
        self.texts.reserve(rows, text_bytes);
    }

    fn item_id(&mut self, s: &str) -> Result<u32, AddError> {
        let (id, new) = self.items.intern(s).ok_or(AddError::TooMany("ids"))?;
        if new {
            self.is_message.push(false);
        }
        Ok(id)
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

    /// Item id each message reposts, or [`NONE`].
    pub fn reposts(&self) -> &[u32] {
        &self.repost
    }

    /// Item id each message replies to, or [`NONE`].
    pub fn replies(&self) -> &[u32] {
        &self.reply
    }

    /// A 64-bit hash of each message's normalised text (equal texts, equal hashes; the
    /// converse only almost always). The first call normalises every text (on all cores).
    pub fn text_hashes(&self) -> &[u64] {
        let reposts = &self.repost;
        self.texts.hashes(|m| reposts[m] == NONE)
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
        let (a, b) = (self.url_starts[m] as usize, self.url_starts[m + 1] as usize);
        &self.url_ids[a..b]
    }

    /// The URL behind a URL id.
    pub fn url(&self, id: u32) -> &str {
        self.urls.get(id)
    }

    /// The normalised text of original post `m` (see [`crate::text::normalise`]); empty for
    /// reposts. The first call normalises every text (on all cores).
    pub fn normalised_text(&self, m: usize) -> &str {
        let reposts = &self.repost;
        self.texts.normalised(m, |m| reposts[m] == NONE)
    }

    /// Raw text of message `m`, when the table was made with `keep_text`.
    pub fn raw_text(&self, m: usize) -> Option<&str> {
        (self.keep_text && m < self.len()).then(|| self.texts.raw(m))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn post<'a>(id: &'a str, user: &'a str, t: f64) -> Post<'a> {
        Post {
            message_id: id,
            user_id: user,
            username: user,
            message: "Hello  @x World",
            timestamp: t,
            ..Post::default()
        }
    }

    #[test]
    fn interns_and_refuses_duplicate_message_ids() {
        let mut m = Messages::new(true);
        let mut reposting = post("2", "u2", 5.0);
        reposting.repost_id = Some("1");
        reposting.urls = vec!["a", "", "b", "a"];
        m.add(&reposting).unwrap();
        m.add(&post("1", "u1", 1.0)).unwrap();
        assert_eq!(m.add(&post("1", "u3", 1.0)), Err(AddError::DuplicateId));
        assert_eq!(m.len(), 2);
        assert_eq!(m.user_count(), 2);
        // The repost points at the item id the original later took as its own.
        assert_eq!(m.reposts()[0], m.items()[1]);
        assert!(m.item_is_message(m.reposts()[0]));
        let urls: Vec<&str> = m.urls_of(0).iter().map(|&u| m.url(u)).collect();
        assert_eq!(urls, ["a", "b"]);
        assert!(m.urls_of(1).is_empty());
        assert_eq!(m.normalised_text(1), "hello world");
        assert_eq!(m.normalised_text(0), "");
        assert_eq!(m.raw_text(1), Some("Hello  @x World"));
        assert_eq!(m.message_key(1), "1");
    }
}
