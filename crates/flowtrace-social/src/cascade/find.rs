//! Which posts carry an item: the post itself, posts whose URLs or text name it, and every
//! repost of any of these, however deep.

use std::collections::VecDeque;

use memchr::memmem;

use super::Via;
use crate::messages::{Messages, NONE};

/// A post of the cascade before ordering.
pub(super) struct Member {
    pub message: usize,
    pub via: Via,
    pub parent: Option<usize>,
    pub depth: u32,
}

/// Shortest item searched for inside URLs and texts: shorter ids (`m1`, `42`) would match
/// ordinary words and numbers.
pub const MIN_TEXT_MATCH: usize = 6;

/// The posts carrying `item` (see [`super::cascade`]), in no particular order, each once.
pub(super) fn members(messages: &Messages, item: &str) -> Vec<Member> {
    let mut taken = vec![false; messages.len()];
    let mut out = Vec::new();
    let mut take = |out: &mut Vec<Member>, member: Member| {
        if !std::mem::replace(&mut taken[member.message], true) {
            out.push(member);
        }
    };
    let item_id = messages.find_item(item);
    if let Some(id) = item_id.filter(|&id| messages.item_is_message(id)) {
        if let Some(m) = messages.items().iter().position(|&x| x == id) {
            take(&mut out, direct(m, Via::Post));
        }
    }
    let url_id = messages.find_url(item);
    let searchable = item.len() >= MIN_TEXT_MATCH;
    let needle = Needle::new(item);
    for m in 0..messages.len() {
        let urls = messages.urls_of(m);
        let by_url = urls
            .iter()
            .any(|&u| Some(u) == url_id || (searchable && needle.found_in(messages.url(u))));
        if by_url {
            take(&mut out, direct(m, Via::Url));
        } else if searchable && messages.raw_text(m).is_some_and(|t| needle.found_in(t)) {
            take(&mut out, direct(m, Via::Text));
        }
    }
    add_reposts(messages, item_id, &mut out, &mut take);
    out
}

fn direct(message: usize, via: Via) -> Member {
    Member {
        message,
        via,
        parent: None,
        depth: 0,
    }
}

/// Adds reposts of members, breadth first; and reposts of `item` itself when it is the id of a
/// post that is not in the input (its reposts are then the earliest known carriers).
fn add_reposts(
    messages: &Messages,
    item_id: Option<u32>,
    out: &mut Vec<Member>,
    take: &mut impl FnMut(&mut Vec<Member>, Member),
) {
    let mut children: Vec<(u32, usize)> = messages
        .reposts()
        .iter()
        .enumerate()
        .filter(|&(_, &r)| r != NONE)
        .map(|(m, &r)| (r, m))
        .collect();
    if children.is_empty() {
        return;
    }
    children.sort_unstable();
    let of = |item: u32| {
        let from = children.partition_point(|&(r, _)| r < item);
        let to = children.partition_point(|&(r, _)| r <= item);
        children[from..to].iter().map(|&(_, m)| m)
    };
    let mut queue: VecDeque<usize> = (0..out.len()).collect();
    if let Some(id) = item_id.filter(|&id| !messages.item_is_message(id)) {
        for child in of(id) {
            let before = out.len();
            take(
                out,
                Member {
                    message: child,
                    via: Via::Repost,
                    parent: None,
                    depth: 1,
                },
            );
            queue.extend(before..out.len());
        }
    }
    while let Some(at) = queue.pop_front() {
        let (parent, depth) = (out[at].message, out[at].depth);
        for child in of(messages.items()[parent]) {
            let before = out.len();
            let member = Member {
                message: child,
                via: Via::Repost,
                parent: Some(parent),
                depth: depth + 1,
            };
            take(out, member);
            queue.extend(before..out.len());
        }
    }
}

/// An item searched for as a whole token: not inside a longer word, id or path; hexadecimal
/// items (media hashes) in any case.
struct Needle {
    text: String,
    fold_case: bool,
}

impl Needle {
    fn new(item: &str) -> Needle {
        let fold_case = !item.is_empty() && item.bytes().all(|b| b.is_ascii_hexdigit());
        let text = if fold_case {
            item.to_ascii_lowercase()
        } else {
            item.to_string()
        };
        Needle { text, fold_case }
    }

    fn found_in(&self, haystack: &str) -> bool {
        if haystack.len() < self.text.len() {
            return false;
        }
        let lowered;
        let hay = if self.fold_case {
            lowered = haystack.to_ascii_lowercase();
            lowered.as_bytes()
        } else {
            haystack.as_bytes()
        };
        let needle = self.text.as_bytes();
        let joins = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        memmem::find_iter(hay, needle).any(|at| {
            let before = at.checked_sub(1).map(|i| hay[i]);
            let after = hay.get(at + needle.len()).copied();
            // A non-ASCII neighbour may be a letter of a longer word: no match, to be safe.
            let starts = before.is_none_or(|b| b < 0x80 && !joins(b));
            let ends = after.is_none_or(|b| b < 0x80 && !joins(b) && b != b'/');
            starts && ends
        })
    }
}
