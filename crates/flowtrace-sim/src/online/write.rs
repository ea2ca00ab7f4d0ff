//! Writing an online world: `posts.csv` in the coordination-network-toolkit's format, the
//! accounts and follow graph, and the truth files under `online_truth/`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::accounts::Accounts;
use super::posts::{Kind, Post};
use super::truth::Truth;
use crate::output::csv_field;
use crate::world::countries::COUNTRIES;
use crate::SimError;

/// First message id; posts are numbered in time order from here.
const FIRST_MESSAGE_ID: u64 = 1_000_000_000_000;

/// A file being written, with its path for errors.
struct Out {
    path: std::path::PathBuf,
    file: BufWriter<File>,
}

impl Out {
    fn create(dir: &Path, name: &str, header: &str) -> Result<Out, SimError> {
        let path = dir.join(name);
        let file = File::create(&path).map_err(|source| SimError::Io {
            path: path.clone(),
            source,
        })?;
        let mut out = Out {
            path,
            file: BufWriter::with_capacity(1 << 16, file),
        };
        out.line(header.as_bytes())?;
        Ok(out)
    }

    fn line(&mut self, bytes: &[u8]) -> Result<(), SimError> {
        self.file
            .write_all(bytes)
            .and_then(|_| self.file.write_all(b"\n"))
            .map_err(|source| SimError::Io {
                path: self.path.clone(),
                source,
            })
    }

    fn finish(mut self) -> Result<(), SimError> {
        self.file.flush().map_err(|source| SimError::Io {
            path: self.path,
            source,
        })
    }
}

/// Message ids of the posts (by post index) once they are put in time order.
pub fn message_ids(posts: &[Post]) -> (Vec<u32>, Vec<u64>) {
    let mut order: Vec<u32> = (0..posts.len() as u32).collect();
    order.sort_by_key(|&p| (posts[p as usize].ts, p));
    let mut ids = vec![0u64; posts.len()];
    for (rank, &p) in order.iter().enumerate() {
        ids[p as usize] = FIRST_MESSAGE_ID + rank as u64;
    }
    (order, ids)
}

/// Writes `posts.csv`: `message_id,user_id,username,repost_id,reply_id,message,timestamp,urls`,
/// in time order, fields quoted as RFC 4180 (and Python's `csv`) want them, timestamps in UTC
/// seconds, URLs separated by single spaces.
pub fn posts_csv(
    dir: &Path,
    accounts: &Accounts,
    posts: &[Post],
    order: &[u32],
    ids: &[u64],
) -> Result<(), SimError> {
    let mut out = Out::create(
        dir,
        "posts.csv",
        "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls",
    )?;
    let mut line = Vec::with_capacity(512);
    for &p in order {
        let post = &posts[p as usize];
        let account = &accounts.list[post.user as usize];
        line.clear();
        let (repost, reply) = match post.kind {
            Kind::Original => (None, None),
            Kind::Repost(q) => (Some(ids[q as usize]), None),
            Kind::Reply(q) => (None, Some(ids[q as usize])),
        };
        let id = |x: Option<u64>| x.map_or(String::new(), |v| v.to_string());
        write!(line, "{},{},", ids[p as usize], account.user_id).expect("writing to a Vec");
        csv_field(&account.username, &mut line);
        write!(line, ",{},{},", id(repost), id(reply)).expect("writing to a Vec");
        csv_field(&post.text, &mut line);
        write!(line, ",{},", post.ts).expect("writing to a Vec");
        csv_field(&post.urls, &mut line);
        out.line(&line)?;
    }
    out.finish()
}

/// Writes `online_accounts.csv` and `follows.csv`.
pub fn accounts_csv(dir: &Path, accounts: &Accounts, posts: &[Post]) -> Result<(), SimError> {
    let mut count = vec![0u32; accounts.len()];
    for p in posts {
        count[p.user as usize] += 1;
    }
    let mut out = Out::create(
        dir,
        "online_accounts.csv",
        "user_id,username,country,language,followers,following,posts,role,cell_id",
    )?;
    let mut line = Vec::new();
    for (a, account) in accounts.list.iter().enumerate() {
        line.clear();
        write!(line, "{},", account.user_id).expect("writing to a Vec");
        csv_field(&account.username, &mut line);
        write!(
            line,
            ",{},{},{},{},{},{},{}",
            COUNTRIES[account.country as usize].code,
            account.lang.code(),
            accounts.followers[a],
            accounts.follows[a].len(),
            count[a],
            account.part.name(),
            account.cell.map_or(String::new(), |c| c.to_string())
        )
        .expect("writing to a Vec");
        out.line(&line)?;
    }
    out.finish()?;
    let mut out = Out::create(dir, "follows.csv", "user_id,follows_user_id")?;
    for (a, follows) in accounts.follows.iter().enumerate() {
        for &b in follows {
            let row = format!(
                "{},{}",
                accounts.list[a].user_id, accounts.list[b as usize].user_id
            );
            out.line(row.as_bytes())?;
        }
    }
    out.finish()
}

/// Writes the truth files into `dir` (`online_truth/`).
pub fn truth_files(
    dir: &Path,
    accounts: &Accounts,
    posts: &[Post],
    ids: &[u64],
    truth: &Truth,
) -> Result<(), SimError> {
    let user = |p: u32| {
        accounts.list[posts[p as usize].user as usize]
            .user_id
            .as_str()
    };
    let mut out = Out::create(dir, "cells.csv", "cell_id,user_id")?;
    for (c, members) in accounts.cells.iter().enumerate() {
        for &a in members {
            let row = format!("{},{}", c + 1, accounts.list[a as usize].user_id);
            out.line(row.as_bytes())?;
        }
    }
    out.finish()?;
    let mut out = Out::create(
        dir,
        "cell_posts.csv",
        "cell_id,burst,action,variant,message_id,user_id,timestamp",
    )?;
    for c in &truth.cell_posts {
        let row = format!(
            "{},{},{},{},{},{},{}",
            c.cell,
            c.burst,
            c.action,
            c.variant,
            ids[c.post as usize],
            user(c.post),
            posts[c.post as usize].ts
        );
        out.line(row.as_bytes())?;
    }
    out.finish()?;
    let mut out = Out::create(
        dir,
        "cascades.csv",
        "item_id,role,wave,message_id,user_id,country,timestamp,media_hash",
    )?;
    for c in &truth.cascades {
        let account = &accounts.list[posts[c.post as usize].user as usize];
        let row = format!(
            "{},{},{},{},{},{},{},{}",
            c.item,
            c.role,
            c.wave,
            ids[c.post as usize],
            account.user_id,
            COUNTRIES[account.country as usize].code,
            posts[c.post as usize].ts,
            c.hash
        );
        out.line(row.as_bytes())?;
    }
    out.finish()?;
    let mut out = Out::create(dir, "media.csv", "item_id,media_hash,in_bank")?;
    for m in &truth.media {
        let row = format!("{},{},{}", m.item, m.hash, u8::from(m.in_bank));
        out.line(row.as_bytes())?;
    }
    out.finish()?;
    let mut out = Out::create(dir, "decoys.csv", "decoy_id,kind,message_id,user_id")?;
    for d in &truth.decoys {
        let row = format!(
            "{},{},{},{}",
            d.decoy,
            d.kind,
            ids[d.post as usize],
            user(d.post)
        );
        out.line(row.as_bytes())?;
    }
    out.finish()?;
    let mut out = Out::create(
        dir,
        "donation_links.csv",
        "message_id,user_id,identifier,bank,account,format,kind",
    )?;
    let mut line = Vec::new();
    for d in &truth.donations {
        line.clear();
        write!(line, "{},{},", ids[d.post as usize], user(d.post)).expect("writing to a Vec");
        csv_field(&d.identifier, &mut line);
        write!(line, ",{},{},{},{}", d.bank, d.account, d.format, d.kind)
            .expect("writing to a Vec");
        out.line(&line)?;
    }
    out.finish()
}
