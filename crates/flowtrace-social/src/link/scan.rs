//! Finding payment identifiers in folded text (see [`super::fold`]): each recogniser looks at one
//! start position and says whether an identifier of its kind starts there, and where it ends.
//!
//! Recognisers are tried in a fixed order (IBAN, Ethereum, segwit, base58, bank and account
//! in words, `BANK:ACCOUNT`, phone, card) at the start of every word; the first that matches
//! takes its characters, so a card number inside an IBAN is not reported twice.

use super::card::luhn_is_valid;
use super::crypto::{bitcoin_base58_is_valid, eip55, is_base58, segwit_is_valid};
use super::iban::{iban_is_valid, iban_length};
use super::{Check, IdKind};

/// An identifier found at folded characters `start..end`.
pub(super) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: IdKind,
    pub check: Check,
    pub canonical: String,
    pub account: Option<(String, String)>,
}

/// Every identifier in `c`, in order.
pub(super) fn scan(c: &[char]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if at_word_start(c, i) {
            if let Some(found) = candidate_at(c, i) {
                i = found.end.max(i + 1);
                out.push(found);
                continue;
            }
        }
        i += 1;
    }
    out
}

fn candidate_at(c: &[char], i: usize) -> Option<Candidate> {
    iban(c, i)
        .or_else(|| ethereum(c, i))
        .or_else(|| segwit(c, i))
        .or_else(|| base58(c, i))
        .or_else(|| bank_in_words(c, i))
        .or_else(|| bank_pair(c, i))
        .or_else(|| phone(c, i))
        .or_else(|| card(c, i))
}

fn at_word_start(c: &[char], i: usize) -> bool {
    i == 0 || !c[i - 1].is_alphanumeric()
}

fn at_word_end(c: &[char], j: usize) -> bool {
    c.get(j).is_none_or(|ch| !ch.is_alphanumeric())
}

/// End of the run of ASCII letters and digits starting at `i`.
fn alnum_end(c: &[char], i: usize) -> usize {
    i + c[i.min(c.len())..]
        .iter()
        .take_while(|ch| ch.is_ascii_alphanumeric())
        .count()
}

/// End of the run of ASCII digits starting at `i`.
fn digits_end(c: &[char], i: usize) -> usize {
    i + c[i.min(c.len())..]
        .iter()
        .take_while(|ch| ch.is_ascii_digit())
        .count()
}

/// The whole ASCII word at `i`, if it ends at a word boundary.
fn word_at(c: &[char], i: usize) -> Option<(String, usize)> {
    let end = alnum_end(c, i);
    (end > i && at_word_end(c, end)).then(|| (c[i..end].iter().collect(), end))
}

fn found(start: usize, end: usize, kind: IdKind, check: Check, canonical: String) -> Candidate {
    Candidate {
        start,
        end,
        kind,
        check,
        canonical,
        account: None,
    }
}

fn valid_if(ok: bool) -> Check {
    if ok {
        Check::Valid
    } else {
        Check::Invalid
    }
}

/// Two letters, two check digits, then the country's length of letters and digits, in groups of
/// four when spaced. A shorter upper-case candidate of 12 or more is a mistyped IBAN (invalid).
fn iban(c: &[char], i: usize) -> Option<Candidate> {
    let head = c.get(i..i + 4)?;
    if !(head[0].is_ascii_alphabetic()
        && head[1].is_ascii_alphabetic()
        && head[2].is_ascii_digit()
        && head[3].is_ascii_digit())
    {
        return None;
    }
    let country: String = head[..2].iter().map(|h| h.to_ascii_uppercase()).collect();
    let len = iban_length(&country)?;
    let (mut s, mut j) = (String::new(), i);
    while j < c.len() && s.len() < len {
        let ch = c[j];
        if ch.is_ascii_alphanumeric() {
            s.push(ch.to_ascii_uppercase());
            j += 1;
        } else if matches!(ch, ' ' | '-')
            && s.len().is_multiple_of(4)
            && c.get(j + 1).is_some_and(|n| n.is_ascii_alphanumeric())
        {
            j += 1;
        } else {
            break;
        }
    }
    // A trailing separator was never consumed, so `j` ends on the last character.
    if !at_word_end(c, j) {
        return None;
    }
    let check = if s.len() == len {
        valid_if(iban_is_valid(&s))
    } else if s.len() >= 12 && c[i..j].iter().all(|ch| !ch.is_ascii_lowercase()) {
        Check::Invalid
    } else {
        return None;
    };
    Some(found(i, j, IdKind::Iban, check, s))
}

/// `0x` and 40 hex digits; mixed case carries the EIP-55 checksum, one case carries none.
fn ethereum(c: &[char], i: usize) -> Option<Candidate> {
    if c.get(i..i + 2)? != ['0', 'x'] {
        return None;
    }
    let end = alnum_end(c, i + 2);
    if end - (i + 2) != 40 || !at_word_end(c, end) {
        return None;
    }
    let written: String = c[i..end].iter().collect();
    let hex = &written[2..];
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mixed =
        hex.bytes().any(|b| b.is_ascii_lowercase()) && hex.bytes().any(|b| b.is_ascii_uppercase());
    let check = if mixed {
        valid_if(eip55(&written).as_deref() == Some(written.as_str()))
    } else {
        Check::NotApplicable
    };
    let canonical = written.to_ascii_lowercase();
    Some(found(i, end, IdKind::Ethereum, check, canonical))
}

/// `bc1...`, `tb1...`, `bcrt1...` words of segwit length.
fn segwit(c: &[char], i: usize) -> Option<Candidate> {
    let (word, end) = word_at(c, i)?;
    let lower = word.to_ascii_lowercase();
    let prefixed = ["bc1", "tb1", "bcrt1"].iter().any(|p| lower.starts_with(p));
    if !prefixed || !(14..=90).contains(&word.len()) {
        return None;
    }
    let check = valid_if(segwit_is_valid(&word));
    Some(found(i, end, IdKind::Bitcoin, check, lower))
}

/// Base58 words of 26 to 35 characters starting `1` (P2PKH) or `3` (P2SH), with a letter.
fn base58(c: &[char], i: usize) -> Option<Candidate> {
    if !matches!(c[i], '1' | '3') {
        return None;
    }
    let (word, end) = word_at(c, i)?;
    let shaped = (26..=35).contains(&word.len())
        && word.bytes().all(is_base58)
        && word.bytes().any(|b| b.is_ascii_alphabetic());
    if !shaped {
        return None;
    }
    let check = valid_if(bitcoin_base58_is_valid(&word));
    Some(found(i, end, IdKind::Bitcoin, check, word))
}

/// `BANK:ACCOUNT`, as the transfer commands name accounts: 1 to 8 digits, a colon, 5 to 20
/// letters and digits with at least one digit.
fn bank_pair(c: &[char], i: usize) -> Option<Candidate> {
    let bank_end = digits_end(c, i);
    if !(1..=8).contains(&(bank_end - i)) || c.get(bank_end) != Some(&':') {
        return None;
    }
    let (account, end) = account_id(c, bank_end + 1)?;
    let bank: String = c[i..bank_end].iter().collect();
    Some(bank_account(i, end, bank, account))
}

fn bank_account(start: usize, end: usize, bank: String, account: String) -> Candidate {
    Candidate {
        canonical: format!("{bank}:{account}"),
        account: Some((bank, account)),
        ..found(
            start,
            end,
            IdKind::BankAccount,
            Check::NotApplicable,
            String::new(),
        )
    }
}

/// An account number at `i`: 5 to 20 ASCII letters and digits, at least one a digit.
fn account_id(c: &[char], i: usize) -> Option<(String, usize)> {
    let (word, end) = word_at(c, i)?;
    let ok = (5..=20).contains(&word.len()) && word.bytes().any(|b| b.is_ascii_digit());
    ok.then_some((word, end))
}

/// A bank id at `i`: 1 to 8 digits.
fn bank_id(c: &[char], i: usize) -> Option<(String, usize)> {
    let (word, end) = word_at(c, i)?;
    let ok = (1..=8).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
    ok.then_some((word, end))
}

/// The lower-cased ASCII letters of the word at `i`, and its end.
fn keyword(c: &[char], i: usize) -> Option<(String, usize)> {
    let end = i + c
        .get(i..)?
        .iter()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .count();
    (end > i && at_word_end(c, end)).then(|| {
        let w: String = c[i..end].iter().collect();
        (w.to_ascii_lowercase(), end)
    })
}

/// Skips spaces, punctuation and label words (`no`, `number`, `id`...) before an id.
fn skip_label(c: &[char], mut j: usize) -> usize {
    loop {
        while c
            .get(j)
            .is_some_and(|ch| ch.is_whitespace() || ":#.=-".contains(*ch))
        {
            j += 1;
        }
        match keyword(c, j) {
            Some((w, end))
                if matches!(w.as_str(), "no" | "nr" | "number" | "num" | "id" | "code") =>
            {
                j = end
            }
            _ => return j,
        }
    }
}

/// Skips what may stand between the bank part and the account part (`, `, `and`, `at`...).
fn skip_joiner(c: &[char], mut j: usize) -> usize {
    loop {
        while c
            .get(j)
            .is_some_and(|ch| ch.is_whitespace() || ",;/-()".contains(*ch))
        {
            j += 1;
        }
        match keyword(c, j) {
            Some((w, end)) if matches!(w.as_str(), "and" | "at" | "in" | "with" | "of") => j = end,
            _ => return j,
        }
    }
}

fn is_account_word(w: &str) -> bool {
    matches!(
        w,
        "account" | "acct" | "acc" | "accountno" | "konto" | "compte"
    )
}

/// "bank 0210 account 8000A1B2C", "account 8000A1B2C at bank 0210", with labels and
/// punctuation between.
fn bank_in_words(c: &[char], i: usize) -> Option<Candidate> {
    let (first, after) = keyword(c, i)?;
    if first == "bank" {
        let (bank, j) = bank_id(c, skip_label(c, after))?;
        let j = skip_joiner(c, j);
        let (w, j) = keyword(c, j)?;
        if !is_account_word(&w) {
            return None;
        }
        let (account, end) = account_id(c, skip_label(c, j))?;
        Some(bank_account(i, end, bank, account))
    } else if is_account_word(&first) {
        let (account, j) = account_id(c, skip_label(c, after))?;
        let j = skip_joiner(c, j);
        let (w, j) = keyword(c, j)?;
        if w != "bank" {
            return None;
        }
        let (bank, end) = bank_id(c, skip_label(c, j))?;
        Some(bank_account(i, end, bank, account))
    } else {
        None
    }
}

/// `+`, a country code and 8 to 15 digits in all, spaced by at most two of ` -.()` at a time;
/// a trunk `(0)` is left out.
fn phone(c: &[char], i: usize) -> Option<Candidate> {
    if c[i] != '+' || !c.get(i + 1).is_some_and(|d| ('1'..='9').contains(d)) {
        return None;
    }
    let (mut digits, mut j, mut end) = (String::new(), i + 1, i + 1);
    loop {
        if c.get(j).is_some_and(|d| d.is_ascii_digit()) {
            digits.push(c[j]);
            j += 1;
            end = j;
            if digits.len() > 15 {
                return None;
            }
        } else if c.get(j..j + 3) == Some(&['(', '0', ')']) {
            j += 3;
        } else {
            let trunk = |k: usize| c.get(k..k + 3) == Some(&['(', '0', ')']);
            let mut gap = 0;
            while c.get(j + gap).is_some_and(|s| " -.()".contains(*s)) && !trunk(j + gap) {
                gap += 1;
            }
            let next_digit = c
                .get(j + gap)
                .is_some_and(|d| d.is_ascii_digit() || *d == '(');
            if (1..=2).contains(&gap) && (next_digit || trunk(j + gap)) {
                j += gap;
            } else {
                break;
            }
        }
    }
    if !(8..=15).contains(&digits.len()) || !at_word_end(c, end) {
        return None;
    }
    Some(found(
        i,
        end,
        IdKind::Phone,
        Check::NotApplicable,
        format!("+{digits}"),
    ))
}

/// 13 to 19 digits starting 2 to 6 (the card industries), whole or in groups split by single
/// spaces or dashes. With groups, the longest run of whole groups that passes Luhn is the card
/// (text may follow a card number); if none does, the whole number is an invalid one.
fn card(c: &[char], i: usize) -> Option<Candidate> {
    if !('2'..='6').contains(&c[i]) {
        return None;
    }
    let mut digits = String::new();
    let mut groups: Vec<(usize, usize)> = Vec::new(); // (digits so far, end)
    let mut j = i;
    loop {
        let run_end = digits_end(c, j);
        digits.extend(&c[j..run_end]);
        groups.push((digits.len(), run_end));
        j = run_end;
        let spaced =
            matches!(c.get(j), Some(' ' | '-')) && c.get(j + 1).is_some_and(|d| d.is_ascii_digit());
        if digits.len() > 19 || !spaced {
            break;
        }
        j += 1;
    }
    let &(total, last_end) = groups.last()?;
    if !at_word_end(c, last_end) || groups[0].0 > 19 {
        return None;
    }
    let in_range = |n: usize| (13..=19).contains(&n);
    if let Some(&(n, end)) = groups
        .iter()
        .rev()
        .find(|&&(n, _)| in_range(n) && luhn_is_valid(&digits[..n]))
    {
        return Some(found(
            i,
            end,
            IdKind::Card,
            Check::Valid,
            digits[..n].to_string(),
        ));
    }
    in_range(total).then(|| found(i, last_end, IdKind::Card, Check::Invalid, digits))
}
