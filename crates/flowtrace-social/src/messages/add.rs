//! Adding messages to the table: interning a row's ids and appending its columns.

use super::{Messages, NONE, UNRESOLVED};
use crate::intern::hash;

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

/// The URLs of a message being added.
#[derive(Clone, Copy)]
pub(crate) enum Urls<'a> {
    /// Each a URL (empty ones are skipped).
    Listed(&'a [&'a str]),
    /// The toolkit's `urls` field as the reader split it (URLs separated by single spaces,
    /// empty pieces skipped): each URL's place in the reader's text and its
    /// [`crate::intern::hash`], computed apart from adding the post (by the stage that cuts
    /// records, so that this one neither splits nor hashes again).
    Cut(&'a str, &'a [UrlPiece]),
}

/// One URL of a row, cut by a reader: where it is in the reader's text, and its hash.
#[derive(Clone, Copy, Debug)]
pub(crate) struct UrlPiece {
    pub hash: u64,
    pub start: u32,
    pub end: u32,
}

/// The [`crate::intern::hash`]es of a post's ids, which a reader may compute apart from adding
/// the post (on another thread), and which fetching its table slots ahead needs too. A target's
/// hash may be left out (`None`): it is then computed when needed.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct KeyHashes {
    pub message_id: u64,
    pub user_id: u64,
    pub repost_id: Option<u64>,
    pub reply_id: Option<u64>,
}

impl KeyHashes {
    pub(crate) fn of(post: &Post) -> KeyHashes {
        KeyHashes {
            message_id: hash(post.message_id),
            user_id: hash(post.user_id),
            repost_id: post.repost_id.map(hash),
            reply_id: post.reply_id.map(hash),
        }
    }
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
    /// Appends a message; on error nothing is appended.
    pub fn add(&mut self, post: &Post) -> Result<(), AddError> {
        self.add_with_urls(post, Urls::Listed(&post.urls))
    }

    /// [`Messages::add`] with the URLs given apart (`post.urls` is ignored), so a reader need
    /// not collect them.
    pub(crate) fn add_with_urls(&mut self, post: &Post, urls: Urls) -> Result<(), AddError> {
        self.add_hashed(post, urls, &KeyHashes::of(post))
    }

    /// [`Messages::add_with_urls`] with the ids' hashes given (`hashes` must be
    /// [`KeyHashes::of`] the post).
    pub(crate) fn add_hashed(
        &mut self,
        post: &Post,
        urls: Urls,
        hashes: &KeyHashes,
    ) -> Result<(), AddError> {
        if self.len() >= crate::intern::MAX_IDS - 1 {
            return Err(AddError::TooMany("messages"));
        }
        let item = self.item_id(post.message_id, hashes.message_id)?;
        if self.is_message[item as usize] {
            return Err(AddError::DuplicateId);
        }
        self.is_message[item as usize] = true;
        let targets = self.columns.targets;
        // A reader that keeps no targets need not hash them.
        let mut target = |id: Option<&str>, hash_of: Option<u64>| match id {
            None => Ok(NONE),
            Some(_) if !targets => Ok(UNRESOLVED),
            Some(id) => self.item_id(id, hash_of.unwrap_or_else(|| hash(id))),
        };
        let repost = target(post.repost_id, hashes.repost_id)?;
        let reply = target(post.reply_id, hashes.reply_id)?;
        let (user, new) = self
            .users
            .intern_hashed(post.user_id, hashes.user_id)
            .ok_or(AddError::TooMany("users"))?;
        if self.columns.usernames {
            self.keep_username(user, new, post.username);
        }
        // A column not kept is not written at all: every byte written is a page the kernel
        // must find and clear, which costs as much as the writing.
        if self.columns.urls {
            self.add_urls(urls)?;
            let end = u32::try_from(self.url_ids.len()).map_err(|_| AddError::TooMany("URLs"))?;
            self.url_starts.push(end);
        }
        self.item.push(item);
        self.user.push(user);
        self.time.push(post.timestamp);
        self.repost.push(repost);
        self.reply.push(reply);
        if self.keep_text || self.columns.texts {
            // Reposts carry the reposted text, which no network compares.
            let kept = self.keep_text || post.repost_id.is_none();
            self.texts.push(if kept { post.message } else { "" });
        }
        Ok(())
    }

    fn keep_username(&mut self, user: u32, new: bool, username: &str) {
        if new {
            self.usernames.push(username.into());
        } else if username > &*self.usernames[user as usize] {
            // The largest name wins, as in the toolkit's node table, so the order of rows
            // does not decide which of an account's names is shown.
            self.usernames[user as usize] = username.into();
        }
    }

    /// Interns a message's URLs, each once, onto the end of the URL column.
    fn add_urls(&mut self, urls: Urls) -> Result<(), AddError> {
        let first_url = self.url_ids.len();
        let mut add_url = |url: &str, hash: u64| -> Result<(), AddError> {
            if url.is_empty() {
                return Ok(());
            }
            let urls = &mut self.urls;
            let (id, _) = urls
                .intern_hashed(url, hash)
                .ok_or(AddError::TooMany("URLs"))?;
            if !self.url_ids[first_url..].contains(&id) {
                self.url_ids.push(id);
            }
            Ok(())
        };
        match urls {
            Urls::Listed(list) => list.iter().try_for_each(|&u| add_url(u, hash(u))),
            Urls::Cut(text, pieces) => pieces.iter().try_for_each(|piece| {
                let url = text.get(piece.start as usize..piece.end as usize);
                add_url(url.unwrap_or(""), piece.hash)
            }),
        }
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
        if self.columns.urls {
            let _ = self.url_starts.try_reserve_exact(rows);
        }
        let _ = self.is_message.try_reserve_exact(rows);
        self.items.reserve(rows);
        if self.keep_text || self.columns.texts {
            self.texts.reserve(rows, text_bytes);
        }
    }

    fn item_id(&mut self, s: &str, hash: u64) -> Result<u32, AddError> {
        let (id, new) = self
            .items
            .intern_hashed(s, hash)
            .ok_or(AddError::TooMany("ids"))?;
        if new {
            self.is_message.push(false);
        }
        Ok(id)
    }

    /// Starts loading into cache the table slots that adding the post whose ids hash to
    /// `hashes`, with `urls`, will look at (see [`crate::intern::Interner::prefetch`]); a reader
    /// calls it some rows before adding the row.
    pub(crate) fn prefetch(&self, hashes: &KeyHashes, urls: Urls) {
        self.items.prefetch_hashed(hashes.message_id);
        if self.columns.targets {
            for target in [hashes.repost_id, hashes.reply_id].into_iter().flatten() {
                self.items.prefetch_hashed(target);
            }
        }
        self.users.prefetch_hashed(hashes.user_id);
        if !self.columns.urls {
            return;
        }
        match urls {
            Urls::Listed(list) => list.iter().for_each(|u| self.urls.prefetch(u)),
            Urls::Cut(_, pieces) => pieces
                .iter()
                .for_each(|piece| self.urls.prefetch_hashed(piece.hash)),
        }
    }

    /// The second stage of [`Messages::prefetch`], some rows later: starts loading the entries
    /// that confirming the post's ids and URLs will read (see
    /// [`crate::intern::Interner::prefetch_entry`]). New message ids have none; accounts, URLs
    /// and targets mostly do.
    pub(crate) fn prefetch_entries(&self, hashes: &KeyHashes, urls: &[UrlPiece]) {
        if self.columns.targets {
            for target in [hashes.repost_id, hashes.reply_id].into_iter().flatten() {
                self.items.prefetch_entry(target);
            }
        }
        self.users.prefetch_entry(hashes.user_id);
        if self.columns.urls {
            urls.iter()
                .for_each(|piece| self.urls.prefetch_entry(piece.hash));
        }
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
