//! Propaganda cascades: a seeder (an outlet's account) posts an item carrying its media hash;
//! supporters in many countries carry it on in waves, most by reposting, some by posting the
//! media again (a re-encoded copy whose hash differs in a few bits).

use super::accounts::Accounts;
use super::decoys::within;
use super::posts::{Kind, Post, PostIdx};
use super::text::{beacon_url, hex, media_hash, near_hash, propaganda};
use super::truth::{CascadePost, Media, Truth};
use crate::random::SimRng;

/// Plants `config.cascades` cascades into `posts`.
#[allow(clippy::too_many_arguments)]
pub fn plant(
    count: u32,
    amplifiers: [u32; 2],
    accounts: &Accounts,
    start: i64,
    days: u32,
    posts: &mut Vec<Post>,
    truth: &mut Truth,
    rng: &mut SimRng,
) {
    let end = start + i64::from(days) * 86_400;
    for k in 0..count {
        let item = k + 1;
        let seeder = accounts.seeders[k as usize % accounts.seeders.len()];
        let lang = accounts.list[seeder as usize].lang;
        let hash = media_hash(rng);
        let hash_hex = hex(hash);
        // Four items in five are known to the hash bank; the rest are new releases.
        truth.media.push(Media {
            item,
            hash: hash_hex.clone(),
            in_bank: rng.chance(0.8),
        });
        let t0 = start + rng.below((end - start - 6 * 3_600).max(1) as usize) as i64;
        let text = format!("{} pdq:{hash_hex}", propaganda(lang, rng));
        let seed_post = posts.len() as PostIdx;
        truth.cascades.push(CascadePost {
            item,
            role: "seeder",
            wave: 0,
            post: seed_post,
            hash: hash_hex.clone(),
        });
        let author = accounts.list[seeder as usize].username.clone();
        posts.push(Post {
            ts: t0,
            user: seeder,
            kind: Kind::Original,
            text: text.clone(),
            urls: beacon_url(rng),
        });
        let [lo, hi] = amplifiers.map(i64::from);
        let n = (rng.between(lo, hi) as usize).min(accounts.supporters.len());
        let mut pool: Vec<u32> = accounts
            .supporters
            .iter()
            .copied()
            .filter(|&a| a != seeder)
            .collect();
        rng.shuffle(&mut pool);
        for (j, &user) in pool.iter().take(n).enumerate() {
            // Waves: the core within a quarter of an hour, then over hours, then a day.
            let (wave, lo, hi) = match j * 10 / n.max(1) {
                0..=1 => (1, 30, 900),
                2..=5 => (2, 1_800, 10_800),
                _ => (3, 10_800, 86_400),
            };
            let ts = within(t0 + rng.between(lo, hi), t0, end, rng);
            let reupload = rng.chance(0.2);
            let (kind, body, role, carried) = if reupload {
                let copy = hex(near_hash(hash, 1 + rng.below(8), rng));
                let own = propaganda(accounts.list[user as usize].lang, rng);
                (
                    Kind::Original,
                    format!("{own} pdq:{copy}"),
                    "reupload",
                    copy,
                )
            } else {
                (
                    Kind::Repost(seed_post),
                    format!("RT @{author}: {text}"),
                    "amplifier",
                    hash_hex.clone(),
                )
            };
            truth.cascades.push(CascadePost {
                item,
                role,
                wave,
                post: posts.len() as PostIdx,
                hash: carried,
            });
            let urls = match kind {
                Kind::Repost(_) => posts[seed_post as usize].urls.clone(),
                _ => String::new(),
            };
            posts.push(Post {
                ts,
                user,
                kind,
                text: body,
                urls,
            });
        }
    }
}
