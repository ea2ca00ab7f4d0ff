//! A post of the online world before it is written: who, when, what it answers, its text and
//! links; and the ordinary traffic of a day (originals, reposts, replies, mentions, links) with
//! its daily rhythm.

use super::accounts::Accounts;
use super::text::{chatter, news_url};
use crate::clock::apportion;
use crate::random::{AliasTable, SimRng};

/// Index of a post in the world's list, in generation order.
pub type PostIdx = u32;

/// What a post is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An original post.
    Original,
    /// A repost of another post.
    Repost(PostIdx),
    /// A reply to another post.
    Reply(PostIdx),
}

/// One post.
#[derive(Clone, Debug)]
pub struct Post {
    /// UTC seconds.
    pub ts: i64,
    /// Account index.
    pub user: u32,
    /// Original, repost or reply.
    pub kind: Kind,
    /// The text.
    pub text: String,
    /// URLs separated by single spaces (empty for none).
    pub urls: String,
}

/// Relative posting volume by hour of day (UTC): quiet at night, a peak in the evening.
const HOURLY: [f64; 24] = [
    0.5, 0.3, 0.2, 0.15, 0.15, 0.25, 0.5, 0.8, 1.0, 1.1, 1.1, 1.2, 1.3, 1.3, 1.2, 1.2, 1.3, 1.5,
    1.8, 2.0, 2.1, 1.9, 1.4, 0.9,
];

/// A start time inside the active hours of a day (for planted bursts).
pub fn active_time(day_start: i64, rng: &mut SimRng) -> i64 {
    let hours = AliasTable::new(&HOURLY);
    day_start + hours.sample(rng) as i64 * 3_600 + rng.below(3_600) as i64
}

/// Generates `total` ordinary posts over `days` days from `start`, exactly.
pub fn ordinary(
    accounts: &Accounts,
    seed: u64,
    start: i64,
    days: u32,
    total: u64,
    rng: &mut SimRng,
) -> Vec<Post> {
    let per_day = apportion(total, &vec![1.0; days as usize]);
    let url_pool = (accounts.len() / 2).max(50);
    let zipf: Vec<f64> = (1..=url_pool).map(|r| 1.0 / (r as f64).powf(1.1)).collect();
    let urls = AliasTable::new(&zipf);
    let mut last_post: Vec<Option<PostIdx>> = vec![None; accounts.len()];
    let mut posts: Vec<Post> = Vec::with_capacity(total as usize);
    let mut times: Vec<i64> = Vec::new();
    for (day, &count) in per_day.iter().enumerate() {
        let day_start = start + day as i64 * 86_400;
        for (hour, &n) in apportion(count, &HOURLY).iter().enumerate() {
            let hour_start = day_start + hour as i64 * 3_600;
            times.clear();
            times.extend((0..n).map(|_| hour_start + rng.below(3_600) as i64));
            times.sort_unstable();
            for &ts in &times {
                let user = accounts.activity.sample(rng) as u32;
                let post = one(accounts, &posts, &last_post, user, ts, seed, &urls, rng);
                last_post[user as usize] = Some(posts.len() as PostIdx);
                posts.push(post);
            }
        }
    }
    posts
}

/// One ordinary post by `user` at `ts`: a repost or reply of something a followee posted
/// earlier, or an original with perhaps a link, a mention or a second line.
#[allow(clippy::too_many_arguments)]
fn one(
    accounts: &Accounts,
    posts: &[Post],
    last_post: &[Option<PostIdx>],
    user: u32,
    ts: i64,
    seed: u64,
    urls: &AliasTable,
    rng: &mut SimRng,
) -> Post {
    let account = &accounts.list[user as usize];
    let follows = &accounts.follows[user as usize];
    let target = (!follows.is_empty())
        .then(|| last_post[*rng.pick(follows) as usize])
        .flatten()
        .filter(|&p| posts[p as usize].ts < ts);
    let r = rng.unit();
    if let Some(target) = target.filter(|_| r < 0.32) {
        let original = root(posts, target);
        let author = &accounts.list[posts[original as usize].user as usize];
        if r < 0.2 {
            return Post {
                ts,
                user,
                kind: Kind::Repost(original),
                text: format!("RT @{}: {}", author.username, posts[original as usize].text),
                urls: posts[original as usize].urls.clone(),
            };
        }
        let replied = &accounts.list[posts[target as usize].user as usize];
        return Post {
            ts,
            user,
            kind: Kind::Reply(target),
            text: format!(
                "@{} {}",
                replied.username,
                chatter(account.lang, 2 + rng.below(8), rng)
            ),
            urls: String::new(),
        };
    }
    let mut text = chatter(account.lang, 3 + rng.below(12), rng);
    if !follows.is_empty() && rng.chance(0.1) {
        let mentioned = &accounts.list[*rng.pick(follows) as usize];
        text = format!("{text} @{}", mentioned.username);
    }
    if rng.chance(0.03) {
        text = format!("{text}\n{}", chatter(account.lang, 3, rng));
    }
    let urls = if rng.chance(0.25) {
        news_url(seed, urls.sample(rng))
    } else {
        String::new()
    };
    Post {
        ts,
        user,
        kind: Kind::Original,
        text,
        urls,
    }
}

/// The original a repost chain ends at (reposts point at the original, as on Twitter).
pub fn root(posts: &[Post], mut p: PostIdx) -> PostIdx {
    while let Kind::Repost(q) = posts[p as usize].kind {
        p = q;
    }
    p
}
