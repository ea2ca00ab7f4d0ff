//! Spelling variants of a name, as the same person's name really surfaces across records:
//! case and particles (`AL-ADL`, `al Adl`, `Adl`), transliteration (`Sayf`/`Saif`/`Seif`,
//! `Yevgeniy`/`Evgeny`), compound spacing (`Abd al-Rahman`/`Abdulrahman`), reordering, dropped
//! parts and initials.

pub(crate) mod compound;
mod ops;
pub(crate) mod parse;
mod rules;

use crate::hash::Rng;
use crate::text::{is_all_caps, title, upper};

use parse::parse;

/// How far a variant may stray from the name it is made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Variation {
    /// Case, particles and spacing only: `SAYF AL-ADL`, `Sayf al Adl`, `Sayf Adl`,
    /// `Abdul-Rahman`, diacritics dropped.
    Light,
    /// Plus transliteration: `Saif al-Adel`, `Mohamed`, `Evgeny`, `Abdel Rahman`.
    Medium,
    /// Plus reordering, a dropped middle part or an initial: `AL-ADEL, Saif`, `M. Al-Qahtani`.
    Heavy,
}

impl Variation {
    /// Every strength, lightest first.
    pub const ALL: [Variation; 3] = [Variation::Light, Variation::Medium, Variation::Heavy];
}

/// A realistic spelling variant of `name` (any Latin-script personal or organisation name, e.g.
/// one read from a sanctions list), deterministic in `key`.
///
/// The variant differs from `name` whenever `name` has a Latin letter (at worst only in case);
/// names without one (digits, other scripts) come back unchanged. Spellings move within the groups of the built-in tables
/// first (`Mohammed` -> `Muhammad`, `Mohamed`, `Mehmet`), then by transliteration rules chosen
/// for the name's script of origin.
///
/// ```
/// use flowtrace_names::{variant, Variation};
///
/// let v = variant("Sayf al-Adl", 7, Variation::Medium);
/// assert_ne!(v, "Sayf al-Adl");
/// assert_eq!(v, variant("Sayf al-Adl", 7, Variation::Medium)); // deterministic
/// ```
pub fn variant(name: &str, key: u64, strength: Variation) -> String {
    make(name, key, strength, None)
}

/// Up to `n` distinct variants of `name`, none equal to it, deterministic in `key`.
///
/// Successive variants step through each element's spelling group in turn, so a few dozen
/// cover the common forms (`variants("Mohammed", 20, ..)` includes `Muhammad` and `Mohamed`).
/// Fewer than `n` come back when the name has few ways to vary (a short Western name at
/// [`Variation::Light`]).
pub fn variants(name: &str, n: usize, key: u64, strength: Variation) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(n);
    let rounds = 16 * n as u64 + 32;
    for round in 0..rounds {
        if out.len() >= n {
            break;
        }
        let v = make(name, key, strength, Some(round));
        if v != name && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn make(name: &str, key: u64, strength: Variation, round: Option<u64>) -> String {
    if !name
        .chars()
        .any(|c| c.is_alphabetic() && (c as u32) < 0x250)
    {
        return name.to_string();
    }
    let units = parse(name);
    let ctx = ops::Context::new(&units);
    for attempt in 0..8u64 {
        let salt =
            round.map_or(0x5EED, |r| r.wrapping_mul(0x9E37_79B9) ^ 0xC1C1E) ^ (attempt << 40);
        let mut rng = Rng::new(key, salt);
        let cycle = round.map(|r| r + attempt * 5);
        let mut work = ops::Work {
            units: units.clone(),
            post: Vec::new(),
            key,
            cycle,
        };
        work.apply(strength, &mut rng, &ctx, name);
        let out = work.finish();
        if out != name {
            return out;
        }
    }
    let caps = if is_all_caps(name) {
        title(name)
    } else {
        upper(name)
    };
    if caps != name {
        caps
    } else {
        name.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_different() {
        for name in [
            "Sayf al-Adl",
            "Mohammed bin Ahmed Al-Qahtani",
            "Ivan Petrov",
            "X",
            "JOHN SMITH",
        ] {
            for s in Variation::ALL {
                for key in 0..50 {
                    let v = variant(name, key, s);
                    assert_eq!(v, variant(name, key, s));
                    assert_ne!(v, name, "{name} {s:?} {key}");
                    assert!(!v.contains("  ") && v.trim() == v, "{v:?}");
                }
            }
        }
        assert_eq!(variant("123", 1, Variation::Heavy), "123");
    }
}
