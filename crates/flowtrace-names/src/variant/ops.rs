//! The variations themselves, and how many of which kind a strength applies.

use super::compound::Kind;
use super::parse::{is_arabic_link, render, Body, Join, Unit};
use super::rules::{self, Family};
use super::Variation;
use crate::hash::{mix, Rng};
use crate::origin::Origin;
use crate::tables::{lookup, Hit};
use crate::text::{
    fold, is_all_caps, match_case, strip_diacritics, title, transcribe_umlauts, upper,
};

/// What is known about the whole name before varying it.
pub(super) struct Context {
    /// Table entries each unit's body matches.
    hits: Vec<Vec<Hit>>,
    /// The romanisation family for words the tables do not know.
    default: Family,
}

impl Context {
    pub(super) fn new(units: &[Unit]) -> Context {
        let hits: Vec<Vec<Hit>> = units.iter().map(|u| lookup(&u.body_text())).collect();
        let arabic_marks = units.iter().any(|u| {
            u.article.is_some() || u.is_compound() || u.link.iter().any(|l| is_arabic_link(l))
        });
        let slavic_endings = [
            "ov", "ova", "ev", "eva", "in", "ina", "sky", "skaya", "vich", "vna", "enko",
        ];
        let slavic = units.iter().any(|u| {
            let f = fold(&u.body_text());
            slavic_endings.iter().any(|e| f.ends_with(e)) && f.len() > 4
        });
        let default = if arabic_marks {
            Family::Arabic
        } else if slavic {
            Family::Slavic
        } else if let Some(h) = hits.iter().flatten().next() {
            family_of(h.origin)
        } else {
            // Most names on the lists screening meets are romanised from Arabic script.
            Family::Arabic
        };
        Context { hits, default }
    }
}

fn family_of(origin: Origin) -> Family {
    match origin {
        Origin::Russian | Origin::CentralAsian => Family::Slavic,
        Origin::Latin | Origin::Western | Origin::Chinese => Family::Latin,
        _ => Family::Arabic,
    }
}

/// Whole-name changes applied after the units are written back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Post {
    Upper,
    Title,
    Lower,
    Strip,
    Umlauts,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Case,
    Article,
    Link,
    Spacing,
    Diacritics,
    Respell,
    Restyle,
    Reorder,
    Drop,
    Initial,
}

const LIGHT: &[(Op, u32)] = &[
    (Op::Case, 3),
    (Op::Article, 4),
    (Op::Link, 2),
    (Op::Spacing, 3),
    (Op::Diacritics, 3),
];
const MEDIUM: &[(Op, u32)] = &[(Op::Respell, 6), (Op::Restyle, 3)];
const HEAVY: &[(Op, u32)] = &[(Op::Reorder, 4), (Op::Drop, 3), (Op::Initial, 3)];

/// A name being varied.
pub(super) struct Work {
    pub units: Vec<Unit>,
    pub post: Vec<Post>,
    pub key: u64,
    /// Round of `variants()`: spelling choices step through their options with it.
    pub cycle: Option<u64>,
}

impl Work {
    pub(super) fn apply(&mut self, strength: Variation, rng: &mut Rng, ctx: &Context, name: &str) {
        match strength {
            Variation::Light => {
                self.one_of(LIGHT, rng, ctx, name);
                if rng.chance(35) {
                    self.one_of(LIGHT, rng, ctx, name);
                }
            }
            Variation::Medium => {
                if !self.one_of(MEDIUM, rng, ctx, name) {
                    self.one_of(LIGHT, rng, ctx, name);
                }
                if rng.chance(40) {
                    self.one_of(MEDIUM, rng, ctx, name);
                }
                if rng.chance(35) {
                    self.one_of(LIGHT, rng, ctx, name);
                }
            }
            Variation::Heavy => {
                // Spelling first: reordering and dropping move units around.
                let respelt = rng.chance(80) && self.one_of(MEDIUM, rng, ctx, name);
                if !self.one_of(HEAVY, rng, ctx, name) && !respelt {
                    self.one_of(MEDIUM, rng, ctx, name);
                }
                if rng.chance(30) {
                    self.one_of(LIGHT, rng, ctx, name);
                }
            }
        }
    }

    /// Applies one applicable operation of `ops`, chosen by weight; false when none applied.
    fn one_of(&mut self, ops: &[(Op, u32)], rng: &mut Rng, ctx: &Context, name: &str) -> bool {
        let mut left: Vec<(Op, u32)> = ops.to_vec();
        while !left.is_empty() {
            let op = rng.weighted(&left);
            if self.run(op, rng, ctx, name) {
                return true;
            }
            left.retain(|&(o, _)| o != op);
        }
        false
    }

    fn run(&mut self, op: Op, rng: &mut Rng, ctx: &Context, name: &str) -> bool {
        match op {
            Op::Case => self.case(rng, name),
            Op::Article => self.on_some_unit(rng, |w, i, rng| w.article(i, rng, ctx)),
            Op::Link => self.on_some_unit(rng, |w, i, rng| w.link(i, rng)),
            Op::Spacing => self.on_some_unit(rng, |w, i, rng| w.spacing(i, rng)),
            Op::Diacritics => self.diacritics(rng, name),
            Op::Respell => self.on_some_unit(rng, |w, i, rng| w.respell(i, rng, ctx)),
            Op::Restyle => self.on_some_unit(rng, |w, i, rng| w.restyle(i, rng)),
            Op::Reorder => self.reorder(rng),
            Op::Drop => self.drop_part(rng),
            Op::Initial => self.initial(rng),
        }
    }

    /// Tries `f` on the units in an order starting at a random one, until one changes.
    fn on_some_unit(
        &mut self,
        rng: &mut Rng,
        mut f: impl FnMut(&mut Work, usize, &mut Rng) -> bool,
    ) -> bool {
        let n = self.units.len();
        if n == 0 {
            return false;
        }
        let start = rng.below(n);
        (0..n).any(|k| f(self, (start + k) % n, rng))
    }

    /// An index into `len` options: random, or stepping with the round of `variants()`.
    fn choice(&self, rng: &mut Rng, unit: usize, len: usize) -> usize {
        match self.cycle {
            Some(c) => {
                let base = mix(self.key, self.units[unit].id as u64 + 0xA1) % len as u64;
                ((base + c) % len as u64) as usize
            }
            None => rng.below(len),
        }
    }

    pub(super) fn finish(&self) -> String {
        let mut s = render(&self.units);
        // Diacritics first, so `Müller` upper-cased after transcription reads `MUELLER`.
        let mut post = self.post.clone();
        post.sort_by_key(|p| !matches!(p, Post::Strip | Post::Umlauts));
        for p in &post {
            s = match p {
                Post::Upper => upper(&s),
                Post::Title => title(&s),
                Post::Lower => s.to_lowercase(),
                Post::Strip => strip_diacritics(&s),
                Post::Umlauts => transcribe_umlauts(&s),
            };
        }
        s
    }

    fn case(&mut self, rng: &mut Rng, name: &str) -> bool {
        let post = if is_all_caps(name) {
            if rng.chance(85) {
                Post::Title
            } else {
                Post::Lower
            }
        } else if rng.chance(85) || title(name) == name {
            Post::Upper
        } else {
            Post::Title
        };
        self.post.push(post);
        true
    }

    fn diacritics(&mut self, rng: &mut Rng, name: &str) -> bool {
        let stripped = strip_diacritics(name);
        if stripped == name {
            return false;
        }
        let umlauts = transcribe_umlauts(name) != stripped && rng.chance(50);
        self.post
            .push(if umlauts { Post::Umlauts } else { Post::Strip });
        true
    }

    /// Rewrites the Arabic article: `al-`, `Al-`, `Al `, `el-`, `El `, joined, assimilated
    /// (`ash-Shami`) or dropped; or adds one to a nisba the tables write with it.
    fn article(&mut self, i: usize, rng: &mut Rng, ctx: &Context) -> bool {
        let u = &self.units[i];
        let body = u.body_text();
        let first = fold(&body);
        let sun = ["sh", "t", "d", "r", "z", "s", "n"]
            .into_iter()
            .find(|s| first.starts_with(s));
        let mut options: Vec<Option<(String, Join)>> = vec![
            Some(("al".into(), Join::Hyphen)),
            Some(("Al".into(), Join::Hyphen)),
            Some(("Al".into(), Join::Space)),
            Some(("el".into(), Join::Hyphen)),
            Some(("El".into(), Join::Hyphen)),
            Some(("El".into(), Join::Space)),
            Some(("Al".into(), Join::Joined)),
            Some(("El".into(), Join::Joined)),
            None,
        ];
        if let Some(s) = sun {
            options.push(Some((format!("a{s}"), Join::Hyphen)));
        }
        match &u.article {
            Some(current) => {
                let same = |o: &Option<(String, Join)>| match o {
                    Some((a, j)) => {
                        j == &current.1
                            && (a == &current.0 || (u.caps && fold(a) == fold(&current.0)))
                    }
                    None => false,
                };
                options.retain(|o| !same(o));
            }
            None => {
                let takes_article = ctx.hits[self.units[i].id]
                    .iter()
                    .any(|h| h.entry.particle == "al");
                if !takes_article || !u.link.is_empty() || matches!(u.body, Body::Compound(..)) {
                    return false;
                }
                options.retain(Option::is_some);
            }
        }
        let pick = options.swap_remove(self.choice(rng, i, options.len()));
        let u = &mut self.units[i];
        if let (Body::Word(w), Some((_, Join::Joined))) = (&mut u.body, &u.article) {
            // The word was stored from a joined form: give it back its capital.
            *w = crate::text::capitalise(w);
        }
        u.article = pick;
        u.touch();
        true
    }

    fn link(&mut self, i: usize, rng: &mut Rng) -> bool {
        let u = &self.units[i];
        let Some(last) = u.link.last() else {
            return false;
        };
        if u.link.len() > 1 {
            return self.link_phrase(i, rng);
        }
        let options: &[&str] = match fold(last).as_str() {
            "bin" | "ibn" | "ben" | "bn" => &["bin", "ibn", "ben", "Bin", "Ibn", "Ben", "bn"],
            "bint" | "binti" => &["bint", "binti", "Bint"],
            "abu" | "abou" | "abo" | "aboo" => &["Abu", "Abou", "Abo", "abu"],
            "ould" | "wuld" => &["Ould", "ould", "Wuld"],
            "umm" | "um" => &["Umm", "Um", "umm"],
            "van" => &["van", "Van"],
            "von" => &["von", "Von"],
            "de" => &["de", "De"],
            "da" => &["da", "Da"],
            "dos" => &["dos", "Dos"],
            "der" => &["der", "Der"],
            "den" => &["den", "Den"],
            "del" => &["del", "Del"],
            "le" => &["le", "Le"],
            "la" => &["la", "La"],
            _ => return false,
        };
        let options: Vec<&str> = options
            .iter()
            .copied()
            .filter(|o| {
                if u.caps {
                    fold(o) != fold(last)
                } else {
                    o != last
                }
            })
            .collect();
        if options.is_empty() {
            return false;
        }
        let pick = options[self.choice(rng, i, options.len())].to_string();
        let u = &mut self.units[i];
        if let Some(l) = u.link.last_mut() {
            *l = pick;
        }
        u.touch();
        true
    }

    /// A particle phrase re-cased as a whole: `van der`, `Van der`, `Van Der`.
    fn link_phrase(&mut self, i: usize, rng: &mut Rng) -> bool {
        let u = &self.units[i];
        let lower: Vec<String> = u.link.iter().map(|l| l.to_lowercase()).collect();
        let first_cap: Vec<String> = lower
            .iter()
            .enumerate()
            .map(|(k, l)| {
                if k == 0 {
                    crate::text::capitalise(l)
                } else {
                    l.clone()
                }
            })
            .collect();
        let all_cap: Vec<String> = lower.iter().map(|l| crate::text::capitalise(l)).collect();
        let mut options = vec![lower, first_cap, all_cap];
        options.retain(|o| if u.caps { false } else { *o != u.link });
        if options.is_empty() {
            return false;
        }
        let pick = options.swap_remove(self.choice(rng, i, options.len()));
        let u = &mut self.units[i];
        u.link = pick;
        u.touch();
        true
    }

    /// Spacing inside a unit: compound in the same vowel group (`Abdul Rahman` ->
    /// `Abdulrahman`), or a hyphenated name spaced or joined (`Jean-Pierre` -> `Jean Pierre`).
    fn spacing(&mut self, i: usize, rng: &mut Rng) -> bool {
        let current = self.units[i].body_text();
        match &self.units[i].body {
            Body::Compound(c, _) => {
                let options: Vec<usize> = c
                    .same_group()
                    .into_iter()
                    .filter(|&s| fold(&c.render(s)) == fold(&current) && c.render(s) != current)
                    .collect();
                if options.is_empty() {
                    return false;
                }
                let s = options[self.choice(rng, i, options.len())];
                self.units[i].body = Body::Compound(c.clone(), s);
            }
            Body::Word(w) if w.contains('-') => {
                let joined = rng.chance(40);
                let new = if joined {
                    let mut parts = w.split('-');
                    let first = parts.next().unwrap_or("").to_string();
                    parts.fold(first, |acc, p| acc + &p.to_lowercase())
                } else {
                    w.replace('-', " ")
                };
                self.units[i].body = Body::Word(new);
            }
            Body::Word(_) => return false,
        }
        self.units[i].touch();
        true
    }

    /// Another spelling of a unit: from its group in the tables, or by transliteration rules.
    fn respell(&mut self, i: usize, rng: &mut Rng, ctx: &Context) -> bool {
        let u = &self.units[i];
        let current = u.body_text();
        let cur = fold(&current);
        if cur.chars().count() < 2 {
            return false;
        }
        let mut options: Vec<(String, u32)> = Vec::new();
        let hits = &ctx.hits[self.units[i].id];
        if !hits.is_empty() {
            let h = &hits[mix(self.key, u.id as u64) as usize % hits.len()];
            for f in h.entry.forms.iter() {
                let ff = fold(f);
                if ff != cur && !options.iter().any(|(o, _)| fold(o) == ff) {
                    options.push((f.to_string(), 4));
                }
            }
        }
        let family = hits.first().map_or(ctx.default, |h| family_of(h.origin));
        if let Body::Word(w) = &u.body {
            let plain = strip_diacritics(w).to_lowercase();
            if plain.is_ascii() && plain.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
                for (new, weight) in rules::rewrites(&plain, family) {
                    if !options.iter().any(|(o, _)| fold(o) == fold(&new)) {
                        options.push((match_case(w, &crate::text::capitalise(&new)), weight));
                    }
                }
            }
        }
        if options.is_empty() {
            return false;
        }
        let pick = match self.cycle {
            Some(_) => options[self.choice(rng, i, options.len())].0.clone(),
            None => rules::choose(&options, rng, None).unwrap_or_default(),
        };
        let u = &mut self.units[i];
        let new = if u.caps { upper(&pick) } else { pick };
        u.body = Body::Word(new);
        u.touch();
        true
    }

    /// A compound written in another style (`Abd al-Rahman` -> `Abdel Rahman`, `Abd ar-Rahman`).
    fn restyle(&mut self, i: usize, rng: &mut Rng) -> bool {
        let current = self.units[i].body_text();
        let Body::Compound(c, _) = &self.units[i].body else {
            return false;
        };
        let options: Vec<usize> = (0..c.style_count())
            .filter(|&s| c.render(s) != current)
            .collect();
        let s = options[self.choice(rng, i, options.len())];
        // `Abdi-` is Somali; keep it for Somali-looking names rather than spread it everywhere.
        if c.kind == Kind::Abd && c.render(s).starts_with("Abdi") && c.group != 5 && rng.chance(70)
        {
            return false;
        }
        self.units[i].body = Body::Compound(c.clone(), s);
        self.units[i].touch();
        true
    }

    /// Family name first (`AL-ADL, Sayf`), or back when the name already is in that order.
    fn reorder(&mut self, rng: &mut Rng) -> bool {
        let n = self.units.len();
        if n < 2 {
            return false;
        }
        if self.units[0].punct == "," {
            let mut first = self.units.remove(0);
            first.punct.clear();
            self.units.push(first);
        } else {
            let mut last = self.units.pop().unwrap_or_else(|| unreachable!("n >= 2"));
            if rng.chance(50) {
                last.punct = ",".into();
            }
            self.units.insert(0, last);
        }
        true
    }

    /// Drops a middle part (a second given name, one link of a nasab chain).
    fn drop_part(&mut self, rng: &mut Rng) -> bool {
        let n = self.units.len();
        if n < 3 {
            return false;
        }
        let i = 1 + rng.below(n - 2);
        self.units.remove(i);
        true
    }

    /// A given or middle name reduced to its initial (`M. Al-Qahtani`, `S ADL`).
    fn initial(&mut self, rng: &mut Rng) -> bool {
        let n = self.units.len();
        if n < 2 {
            return false;
        }
        let candidates: Vec<usize> = (0..n - 1)
            .filter(|&i| {
                let u = &self.units[i];
                u.link.is_empty() && u.article.is_none() && fold(&u.body_text()).len() > 1
            })
            .collect();
        if candidates.is_empty() {
            return false;
        }
        let i = candidates[rng.below(candidates.len())];
        let body = self.units[i].body_text();
        let Some(c) = body.chars().find(|c| c.is_alphabetic()) else {
            return false;
        };
        let dot = if rng.chance(70) { "." } else { "" };
        let u = &mut self.units[i];
        u.body = Body::Word(format!("{}{dot}", c.to_uppercase()));
        u.touch();
        true
    }
}
