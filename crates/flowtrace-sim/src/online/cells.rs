//! Planted coordinated cells: small groups of accounts that, again and again over the run,
//! post the same link, repost the same post or post near-identical text within seconds to a
//! minute of each other.

use super::accounts::Accounts;
use super::config::OnlineConfig;
use super::posts::{active_time, Kind, Post, PostIdx};
use super::text::{beacon_url, propaganda, same_after_normalising, small_edit};
use super::truth::{CellPost, Truth};
use crate::random::SimRng;

/// What a cell does in one burst.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Every participant posts the same URL (co-link).
    Link,
    /// One posts, the others repost it (co-retweet).
    Repost,
    /// Every participant posts the same text, some with small edits (co-tweet, co-similarity).
    Text,
}

impl Action {
    /// The action as written in the truth.
    pub fn name(self) -> &'static str {
        match self {
            Action::Link => "link",
            Action::Repost => "repost",
            Action::Text => "text",
        }
    }
}

/// Plants every cell's bursts into `posts`.
pub fn plant(
    config: &OnlineConfig,
    accounts: &Accounts,
    start: i64,
    posts: &mut Vec<Post>,
    truth: &mut Truth,
    rng: &mut SimRng,
) {
    for (c, members) in accounts.cells.iter().enumerate() {
        let [lo, hi] = config.window_secs;
        let window = rng.between(i64::from(lo), i64::from(hi));
        let [lo, hi] = config.bursts;
        let bursts = rng.between(i64::from(lo), i64::from(hi)) as u32;
        for burst in 0..bursts {
            let day = rng.below(config.days as usize) as i64;
            let t0 = active_time(start + day * 86_400, rng);
            let action = match rng.below(10) {
                0..=3 => Action::Link,
                4..=6 => Action::Repost,
                _ => Action::Text,
            };
            let mut joined: Vec<u32> = members
                .iter()
                .copied()
                .filter(|_| rng.chance(0.85))
                .collect();
            if joined.len() < 3 {
                joined = members.clone();
            }
            rng.shuffle(&mut joined);
            let cell = c as u32 + 1;
            let record = |post: PostIdx, variant: &'static str, truth: &mut Truth| {
                truth.cell_posts.push(CellPost {
                    cell,
                    burst: burst + 1,
                    action: action.name(),
                    post,
                    variant,
                });
            };
            let lang = accounts.list[joined[0] as usize].lang;
            let text = propaganda(lang, rng);
            match action {
                Action::Link => {
                    let url = beacon_url(rng);
                    for &user in &joined {
                        let ts = t0 + rng.below(window as usize + 1) as i64;
                        let own = propaganda(accounts.list[user as usize].lang, rng);
                        record(posts.len() as PostIdx, "same-url", truth);
                        posts.push(original(ts, user, own, url.clone()));
                    }
                }
                Action::Repost => {
                    let seed_post = posts.len() as PostIdx;
                    record(seed_post, "original", truth);
                    let url = if rng.chance(0.5) {
                        beacon_url(rng)
                    } else {
                        String::new()
                    };
                    posts.push(original(t0, joined[0], text.clone(), url.clone()));
                    let author = accounts.list[joined[0] as usize].username.clone();
                    for &user in &joined[1..] {
                        let ts = t0 + 1 + rng.below(window as usize + 1) as i64;
                        record(posts.len() as PostIdx, "repost", truth);
                        posts.push(Post {
                            ts,
                            user,
                            kind: Kind::Repost(seed_post),
                            text: format!("RT @{author}: {text}"),
                            urls: url.clone(),
                        });
                    }
                }
                Action::Text => {
                    for &user in &joined {
                        let ts = t0 + rng.below(window as usize + 1) as i64;
                        let (body, variant) = if rng.chance(0.7) {
                            let mention = &accounts.list[*rng.pick(&joined) as usize].username;
                            (same_after_normalising(&text, mention, rng), "same-text")
                        } else {
                            (small_edit(&text, lang, rng), "edited-text")
                        };
                        record(posts.len() as PostIdx, variant, truth);
                        posts.push(original(ts, user, body, String::new()));
                    }
                }
            }
        }
    }
}

fn original(ts: i64, user: u32, text: String, urls: String) -> Post {
    Post {
        ts,
        user,
        kind: Kind::Original,
        text,
        urls,
    }
}
