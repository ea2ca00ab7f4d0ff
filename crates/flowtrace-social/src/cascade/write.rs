//! A cascade as one JSON object, or as a few lines of text for a terminal.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::Cascade;
use crate::messages::Messages;

/// The cascade as JSON: `item`, `seeder`, `start`, `end`, `posts` (each with `message_id`,
/// `user_id`, `time`, `via`, `parent`, `depth`, `country`), `accounts`, `countries` and `reach`.
/// Accounts and posts by their platform ids; countries `null` when unknown.
pub fn cascade_to_json(cascade: &Cascade, messages: &Messages) -> Value {
    let country_of = |user| {
        cascade
            .accounts
            .iter()
            .find(|a| a.user == user)
            .and_then(|a| a.country.clone())
    };
    let posts: Vec<Value> = cascade
        .posts
        .iter()
        .map(|p| {
            json!({
                "message_id": messages.message_key(p.message),
                "user_id": messages.user_key(p.user),
                "time": p.time,
                "via": p.via.name(),
                "parent": p.parent.map(|m| messages.message_key(m)),
                "depth": p.depth,
                "country": country_of(p.user),
            })
        })
        .collect();
    let accounts: Vec<Value> = cascade
        .accounts
        .iter()
        .map(|a| {
            json!({
                "user_id": messages.user_key(a.user),
                "username": messages.username(a.user),
                "role": if a.seeder { "seeder" } else { "amplifier" },
                "first": a.first,
                "posts": a.posts,
                "reposts": a.reposts,
                "country": a.country,
            })
        })
        .collect();
    let countries: Vec<Value> = cascade
        .countries
        .iter()
        .map(|c| json!({"country": c.country, "accounts": c.accounts, "posts": c.posts, "first": c.first}))
        .collect();
    let reach: Vec<Value> = cascade
        .reach
        .iter()
        .map(|r| json!({"hour": r.hour, "new_accounts": r.new_accounts, "accounts": r.accounts}))
        .collect();
    json!({
        "item": cascade.item,
        "seeder": messages.user_key(cascade.seeder().user),
        "start": cascade.start(),
        "end": cascade.end(),
        "posts": posts,
        "accounts": accounts,
        "countries": countries,
        "reach": reach,
    })
}

/// `+1h02m03s` after the cascade's start.
fn offset(seconds: f64) -> String {
    let s = seconds.max(0.0).round() as u64;
    match (s / 3600, s % 3600 / 60, s % 60) {
        (0, 0, sec) => format!("+{sec}s"),
        (0, m, sec) => format!("+{m}m{sec:02}s"),
        (h, m, sec) => format!("+{h}h{m:02}m{sec:02}s"),
    }
}

/// A few lines for a terminal: the totals, the seeder, the countries, the reach and every post.
pub fn cascade_summary(cascade: &Cascade, messages: &Messages) -> String {
    let mut out = String::new();
    let known = cascade
        .countries
        .iter()
        .filter(|c| c.country.is_some())
        .count();
    let _ = writeln!(
        out,
        "cascade of {}: {} posts by {} accounts in {} countries over {}",
        cascade.item,
        cascade.posts.len(),
        cascade.accounts.len(),
        known,
        &offset(cascade.end() - cascade.start())[1..],
    );
    let seeder = cascade.seeder();
    let first = &cascade.posts[0];
    let _ = writeln!(
        out,
        "seeder: {} at {} ({}), post {} ({})",
        messages.user_key(seeder.user),
        first.time,
        seeder.country.as_deref().unwrap_or("unknown"),
        messages.message_key(first.message),
        first.via.name()
    );
    let countries: Vec<String> = cascade
        .countries
        .iter()
        .map(|c| {
            format!(
                "{} {} accounts {}",
                c.country.as_deref().unwrap_or("unknown"),
                c.accounts,
                offset(c.first - cascade.start())
            )
        })
        .collect();
    let _ = writeln!(out, "countries: {}", countries.join(", "));
    let reach: Vec<String> = cascade
        .reach
        .iter()
        .map(|r| format!("hour {}: {}", r.hour, r.accounts))
        .collect();
    let _ = writeln!(out, "reach (accounts by hour): {}", reach.join(", "));
    for p in &cascade.posts {
        let how = match p.parent {
            Some(parent) => format!(
                "repost of {} (depth {})",
                messages.message_key(parent),
                p.depth
            ),
            None => p.via.name().to_string(),
        };
        let country = cascade
            .accounts
            .iter()
            .find(|a| a.user == p.user)
            .and_then(|a| a.country.as_deref())
            .unwrap_or("unknown");
        let _ = writeln!(
            out,
            "  {:>12}  {}  {}  {}  {}",
            offset(p.time - cascade.start()),
            messages.message_key(p.message),
            messages.user_key(p.user),
            country,
            how
        );
    }
    out
}
