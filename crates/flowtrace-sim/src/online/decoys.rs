//! Decoys: popular organic content (a viral post, a news link, a holiday greeting) that many
//! ordinary accounts share independently, spread over hours. Many accounts post the same thing,
//! but not together: a coordination detector that flags these is wrong.

use super::accounts::{Accounts, Part};
use super::posts::{active_time, Kind, Post, PostIdx};
use super::text::{chatter, news_url};
use super::truth::{DecoyPost, Truth};
use crate::random::SimRng;

/// Greetings many accounts post on the same day, word for word.
const GREETINGS: [&str; 6] = [
    "Good morning everyone",
    "Jumma Mubarak",
    "جمعة مباركة",
    "Happy new year!",
    "Eid Mubarak to all",
    "صباح الخير",
];

/// Plants `count` decoys into `posts`.
#[allow(clippy::too_many_arguments)]
pub fn plant(
    count: u32,
    accounts: &Accounts,
    seed: u64,
    start: i64,
    days: u32,
    posts: &mut Vec<Post>,
    truth: &mut Truth,
    rng: &mut SimRng,
) {
    for d in 0..count {
        let day = rng.below(days as usize) as i64;
        let t0 = active_time(start + day * 86_400, rng);
        let sharers = 40 + rng.below(260);
        // Mean delay of two to five hours: shares trickle in, they do not arrive together.
        let mean = 7_200.0 + rng.unit() * 10_800.0;
        let kind = match rng.below(3) {
            0 => "repost",
            1 => "link",
            _ => "greeting",
        };
        let mut first = None;
        if kind == "repost" {
            let author = popular_ordinary(accounts, rng);
            first = Some(posts.len() as PostIdx);
            truth.decoys.push(DecoyPost {
                decoy: d + 1,
                kind,
                post: posts.len() as PostIdx,
            });
            posts.push(Post {
                ts: t0,
                user: author,
                kind: Kind::Original,
                text: chatter(accounts.list[author as usize].lang, 8, rng),
                urls: String::new(),
            });
        }
        let url = news_url(seed ^ 0xdec0, d as usize);
        let greeting = *rng.pick(&GREETINGS);
        for _ in 0..sharers {
            let user = accounts.activity.sample(rng) as u32;
            let delay = -mean * libm::log(1.0 - rng.unit());
            let ts = within(
                t0 + 1 + delay as i64,
                t0,
                start + i64::from(days) * 86_400,
                rng,
            );
            let lang = accounts.list[user as usize].lang;
            let post = match first {
                Some(p) => {
                    let author = &accounts.list[posts[p as usize].user as usize].username;
                    Post {
                        ts,
                        user,
                        kind: Kind::Repost(p),
                        text: format!("RT @{author}: {}", posts[p as usize].text),
                        urls: String::new(),
                    }
                }
                None if kind == "link" => Post {
                    ts,
                    user,
                    kind: Kind::Original,
                    text: chatter(lang, 4 + rng.below(6), rng),
                    urls: url.clone(),
                },
                None => Post {
                    ts,
                    user,
                    kind: Kind::Original,
                    text: greeting.to_string(),
                    urls: String::new(),
                },
            };
            truth.decoys.push(DecoyPost {
                decoy: d + 1,
                kind,
                post: posts.len() as PostIdx,
            });
            posts.push(post);
        }
    }
}

/// `ts` if it falls before `end`, else a time between `t0` and `end` (so late shares do not
/// pile up on the world's last second).
pub fn within(ts: i64, t0: i64, end: i64, rng: &mut SimRng) -> i64 {
    if ts < end {
        ts
    } else {
        t0 + 1 + rng.below((end - t0 - 2).max(1) as usize) as i64
    }
}

/// An ordinary account with many followers (the best of a few draws).
fn popular_ordinary(accounts: &Accounts, rng: &mut SimRng) -> u32 {
    (0..20)
        .map(|_| rng.below(accounts.len()) as u32)
        .filter(|&a| accounts.list[a as usize].part == Part::Ordinary)
        .max_by_key(|&a| (accounts.followers[a as usize], a))
        .unwrap_or(0)
}
