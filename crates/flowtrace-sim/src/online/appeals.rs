//! Donation appeals: posts that ask for money and give an account to pay into. Fundraisers and
//! supporters advertise the collectors of the money world's terrorist-financing schemes;
//! ordinary users share legitimate charities' appeals; and some posts carry IBANs or card
//! numbers whose checksum fails, which a linker must not join to anything.

use super::accounts::Accounts;
use super::config::OnlineConfig;
use super::money::{grouped, MoneyAccount, MoneyTargets};
use super::posts::{active_time, Kind, Post, PostIdx};
use super::truth::{DonationLink, Truth};
use crate::random::SimRng;

/// Plants the appeals of `config` into `posts`.
pub fn plant(
    config: &OnlineConfig,
    accounts: &Accounts,
    money: &MoneyTargets,
    start: i64,
    posts: &mut Vec<Post>,
    truth: &mut Truth,
    rng: &mut SimRng,
) {
    let at = |rng: &mut SimRng| {
        let day = rng.below(config.days as usize) as i64;
        active_time(start + day * 86_400, rng)
    };
    let mut schemes = money.schemes.clone();
    rng.shuffle(&mut schemes);
    for k in 0..config.appeals as usize {
        if schemes.is_empty() {
            break;
        }
        // Each scheme's account is advertised again and again, by several accounts.
        let target = &schemes[k % schemes.len()];
        let user = if rng.chance(0.6) {
            *rng.pick(&accounts.fundraisers)
        } else {
            *rng.pick(&accounts.supporters)
        };
        let template = accounts.list[user as usize].lang.appeal(rng);
        let ts = at(rng);
        post(target, template, "", "appeal", user, ts, posts, truth, rng);
    }
    for _ in 0..config.charity_appeals {
        if money.charities.is_empty() {
            break;
        }
        let target = rng.pick(&money.charities);
        let user = accounts.activity.sample(rng) as u32;
        let template = accounts.list[user as usize].lang.charity_appeal(rng);
        let ts = at(rng);
        post(
            target,
            template,
            &target.name,
            "charity",
            user,
            ts,
            posts,
            truth,
            rng,
        );
    }
    for _ in 0..config.invalid_appeals {
        if money.persons.is_empty() {
            break;
        }
        let target = rng.pick(&money.persons);
        let user = accounts.activity.sample(rng) as u32;
        let template = accounts.list[user as usize].lang.appeal(rng);
        let ts = at(rng);
        post(target, template, "", "invalid", user, ts, posts, truth, rng);
    }
}

/// One appeal by `user` pointing at `target`, giving its identifier (grouped in fours or not)
/// or its bank and account number; for `invalid`, the identifier's check digits are changed so
/// its checksum fails.
#[allow(clippy::too_many_arguments)]
fn post(
    target: &MoneyAccount,
    template: &str,
    name: &str,
    kind: &'static str,
    user: u32,
    ts: i64,
    posts: &mut Vec<Post>,
    truth: &mut Truth,
    rng: &mut SimRng,
) {
    let code = &target.identifier;
    let format = if code.starts_with(|c: char| c.is_ascii_uppercase()) {
        "iban"
    } else {
        "card"
    };
    let (identifier, format) = if kind == "invalid" {
        (grouped(&corrupt(code, rng)), format)
    } else if rng.chance(0.5) {
        let written = if rng.chance(0.5) {
            grouped(code)
        } else {
            code.clone()
        };
        (written, format)
    } else {
        (
            format!("bank {} account {}", target.bank, target.account),
            "bank-account",
        )
    };
    let text = template.replace("{name}", name).replace("{}", &identifier);
    let (bank, account) = if kind == "invalid" {
        (String::new(), String::new())
    } else {
        (target.bank.clone(), target.account.clone())
    };
    truth.donations.push(DonationLink {
        post: posts.len() as PostIdx,
        identifier,
        bank,
        account,
        format,
        kind,
    });
    posts.push(Post {
        ts,
        user,
        kind: Kind::Original,
        text,
        urls: String::new(),
    });
}

/// `code` mistyped so that its checksum fails: an IBAN's check digits (characters 3 and 4) or a
/// card number's last digit changed. One changed digit is always caught by both checks.
fn corrupt(code: &str, rng: &mut SimRng) -> String {
    let mut code = code.to_string();
    if code.starts_with(|c: char| c.is_ascii_uppercase()) {
        let check: u32 = code[2..4].parse::<u32>().unwrap_or(2).clamp(2, 98);
        // Another value in 02..=98, the range of valid check digits.
        let wrong = (check - 2 + 1 + rng.below(96) as u32) % 97 + 2;
        code.replace_range(2..4, &format!("{wrong:02}"));
    } else if let Some(last) = code.pop().and_then(|c| c.to_digit(10)) {
        let wrong = (last + 1 + rng.below(9) as u32) % 10;
        code.push(char::from_digit(wrong, 10).unwrap_or('0'));
    }
    code
}
