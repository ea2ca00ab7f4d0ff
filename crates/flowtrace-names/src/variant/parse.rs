//! A name split into units (`Sayf`, `al-Adl`; `Abd al-Rahman`; `bin Ahmed`; `van der Berg`),
//! each kept as written until a variation changes it.

use super::compound::{self, Compound, Kind};
use crate::tables::lookup;
use crate::text::{capitalise, decapitalise, fold, is_all_caps, upper};

/// How the Arabic article is attached to its word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Join {
    /// `al-Adl`
    Hyphen,
    /// `Al Adl`
    Space,
    /// `Aladl`
    Joined,
}

#[derive(Clone, Debug)]
pub(crate) enum Body {
    Word(String),
    Compound(Compound, usize),
}

/// One name element with what is attached to it.
#[derive(Clone, Debug)]
pub(crate) struct Unit {
    /// Position in the name as parsed; stays with the unit when the name is reordered.
    pub id: usize,
    /// Connector words before it (`bin`, `Abu`, `van der`), as written.
    pub link: Vec<String>,
    /// The Arabic article and how it is attached.
    pub article: Option<(String, Join)>,
    pub body: Body,
    /// Punctuation after it (the comma of `ADL, Sayf`).
    pub punct: String,
    /// The unit as written, until a variation changes it.
    pub orig: Option<String>,
    /// Written in capitals.
    pub caps: bool,
}

const ARTICLES: &[&str] = &[
    "al", "el", "ul", "ud", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ed", "er",
    "es", "en", "ez", "l",
];
const ARABIC_LINKS: &[&str] = &[
    "bin", "ibn", "bint", "binti", "ben", "bn", "abu", "abou", "abo", "aboo", "umm", "um", "ould",
    "wuld", "mint",
];
const WESTERN_LINKS: &[&str] = &[
    "van", "von", "de", "da", "das", "dos", "do", "del", "della", "di", "du", "la", "le", "der",
    "den", "ter", "ten", "zu", "y",
];

pub(crate) fn is_article(word: &str) -> bool {
    ARTICLES.contains(&fold(word).as_str())
}

pub(crate) fn is_arabic_link(word: &str) -> bool {
    ARABIC_LINKS.contains(&fold(word).as_str())
}

fn is_link(word: &str, position: usize) -> bool {
    let f = fold(word);
    // `Ben` first is more likely the English given name.
    (ARABIC_LINKS.contains(&f.as_str()) && !(position == 0 && f == "ben"))
        || WESTERN_LINKS.contains(&f.as_str())
}

/// Splits trailing punctuation (`,` `;`) off a token.
fn split_punct(token: &str) -> (&str, &str) {
    let cut = token.trim_end_matches([',', ';', ':']).len();
    token.split_at(cut)
}

/// Splits a name into units. Empty input gives no units.
pub(crate) fn parse(name: &str) -> Vec<Unit> {
    let tokens: Vec<(&str, &str)> = name.split_whitespace().map(split_punct).collect();
    let mut units = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let start = i;
        let mut link = Vec::new();
        while i + 1 < tokens.len() && tokens[i].1.is_empty() && is_link(tokens[i].0, i) {
            link.push(tokens[i].0.to_string());
            i += 1;
        }
        let (article, body, used) = parse_body(&tokens[i..]);
        i += used;
        let punct = tokens[i - 1].1.to_string();
        let orig = tokens[start..i]
            .iter()
            .map(|(w, p)| format!("{w}{p}"))
            .collect::<Vec<_>>()
            .join(" ");
        let orig = orig
            .strip_suffix(punct.as_str())
            .unwrap_or(&orig)
            .to_string();
        units.push(Unit {
            id: units.len(),
            caps: is_all_caps(&orig),
            link,
            article,
            body,
            punct,
            orig: Some(orig),
        });
    }
    units
}

type Parsed = (Option<(String, Join)>, Body, usize);

/// The body starting at `t[0]`: a compound, an article with its word, or a plain word; with
/// the number of tokens used.
fn parse_body(t: &[(&str, &str)]) -> Parsed {
    if let Some(p) = parse_abd(t)
        .or_else(|| parse_din(t))
        .or_else(|| parse_allah(t))
    {
        return p;
    }
    let w = t[0].0;
    let segs: Vec<&str> = w.split('-').collect();
    if segs.len() >= 2 && is_article(segs[0]) && !segs[1].is_empty() {
        let art = Some((segs[0].to_string(), Join::Hyphen));
        let rest = &w[segs[0].len() + 1..];
        let body = parse_body(&[(rest, "")]).1;
        return (art, body, 1);
    }
    let f = fold(w);
    if (f == "al" || f == "el") && t.len() > 1 && t[0].1.is_empty() {
        let (_, body, used) = parse_body(&t[1..]);
        return (Some((w.to_string(), Join::Space)), body, 1 + used);
    }
    // `Alnuaimi`, `ELSAYED`: an article joined to a name the tables know with an article.
    if (f.starts_with("al") || f.starts_with("el")) && f.len() >= 6 && w.is_char_boundary(2) {
        let rest = &w[2..];
        if lookup(rest).iter().any(|h| h.entry.particle == "al") {
            let art = Some((w[..2].to_string(), Join::Joined));
            return (art, Body::Word(capitalise(&rest.to_lowercase())), 1);
        }
    }
    (None, Body::Word(w.to_string()), 1)
}

fn compound(kind: Kind, head: &str, tail: &str, group: u8, used: usize) -> Option<Parsed> {
    let c = Compound {
        kind,
        head: head.to_string(),
        tail: tail.to_string(),
        group,
    };
    Some((None, Body::Compound(c, 0), used))
}

fn parse_abd(t: &[(&str, &str)]) -> Option<Parsed> {
    let w = t[0].0;
    let segs: Vec<&str> = w.split('-').collect();
    let more = t.len() > 1 && t[0].1.is_empty();
    match segs.as_slice() {
        // Abd-al-Rahman
        [abd, art, tail] if fold(abd) == "abd" && is_article(art) => {
            return compound(Kind::Abd, "", tail, compound::abd_group(art), 1);
        }
        // Abdul-Rahman
        [head, tail]
            if compound::abd_prefix_group(head).is_some() && compound::is_abd_tail(tail) =>
        {
            return compound(Kind::Abd, "", tail, compound::abd_prefix_group(head)?, 1);
        }
        _ => {}
    }
    let f = fold(w);
    if f == "abd" && more {
        let next = t[1].0;
        let nsegs: Vec<&str> = next.split('-').collect();
        if nsegs.len() == 2 && is_article(nsegs[0]) && fold(nsegs[1]) != "allah" {
            return compound(Kind::Abd, "", nsegs[1], compound::abd_group(nsegs[0]), 2);
        }
        if is_article(next) && t.len() > 2 && t[1].1.is_empty() && fold(t[2].0) != "allah" {
            return compound(Kind::Abd, "", t[2].0, compound::abd_group(next), 3);
        }
        if compound::is_abd_tail(next) {
            return compound(Kind::Abd, "", next, 0, 2);
        }
        return None;
    }
    if let Some(group) = compound::abd_prefix_group(w) {
        if more && compound::is_abd_tail(t[1].0) {
            return compound(Kind::Abd, "", t[1].0, group, 2);
        }
    }
    let (tail, group) = compound::split_joined_abd(w)?;
    compound(Kind::Abd, "", &tail, group, 1)
}

fn parse_din(t: &[(&str, &str)]) -> Option<Parsed> {
    let w = t[0].0;
    let segs: Vec<&str> = w.split('-').collect();
    match segs.as_slice() {
        [head, art, din] if is_article(art) && compound::din_word_group(din) == Some(0) => {
            let group = if fold(art).starts_with('u') { 4 } else { 0 };
            return compound(Kind::Din, head, "", group, 1);
        }
        [head, din] if compound::din_word_group(din).is_some_and(|g| g > 0) => {
            return compound(Kind::Din, head, "", compound::din_word_group(din)?, 1);
        }
        _ => {}
    }
    if t.len() > 1 && t[0].1.is_empty() && !is_article(w) && !w.contains('-') {
        let next = t[1].0;
        let nsegs: Vec<&str> = next.split('-').collect();
        if let [art, din] = nsegs.as_slice() {
            if is_article(art) && compound::din_word_group(din) == Some(0) {
                let f = fold(art);
                let group = match f.as_str() {
                    "ad" => 1,
                    "el" => 2,
                    "ud" | "ul" => 4,
                    _ => 0,
                };
                return compound(Kind::Din, w, "", group, 2);
            }
        }
        if let Some(g) = compound::din_word_group(next).filter(|&g| g > 0) {
            return compound(Kind::Din, w, "", g, 2);
        }
        if is_article(next)
            && t.len() > 2
            && t[1].1.is_empty()
            && compound::din_word_group(t[2].0) == Some(0)
        {
            return compound(Kind::Din, w, "", 2, 3);
        }
    }
    let (head, group) = compound::split_joined_din(w)?;
    compound(Kind::Din, &head, "", group, 1)
}

fn parse_allah(t: &[(&str, &str)]) -> Option<Parsed> {
    let w = t[0].0;
    if t.len() > 1 && t[0].1.is_empty() && fold(w) != "abd" && !is_article(w) {
        if let Some(g) = compound::allah_word_group(t[1].0) {
            return compound(Kind::Allah, w, "", g, 2);
        }
    }
    let (head, group) = compound::split_joined_allah(w)?;
    compound(Kind::Allah, &head, "", group, 1)
}

impl Unit {
    /// The unit's name without link or article, as currently written (for lookups).
    pub(crate) fn body_text(&self) -> String {
        match &self.body {
            Body::Word(w) => w.clone(),
            Body::Compound(c, style) => match &self.orig {
                Some(o) if self.link.is_empty() && self.article.is_none() => o.clone(),
                _ => c.render(*style),
            },
        }
    }

    /// The unit as currently written (without its punctuation).
    pub(crate) fn render(&self) -> String {
        if let Some(o) = &self.orig {
            return o.clone();
        }
        let mut out = String::new();
        for l in &self.link {
            out.push_str(l);
            out.push(' ');
        }
        let body = match &self.body {
            Body::Word(w) => w.clone(),
            Body::Compound(c, style) => c.render(*style),
        };
        match &self.article {
            Some((a, Join::Hyphen)) => out.push_str(&format!("{a}-{body}")),
            Some((a, Join::Space)) => out.push_str(&format!("{a} {body}")),
            Some((a, Join::Joined)) => out.push_str(&format!("{a}{}", decapitalise(&body))),
            None => out.push_str(&body),
        }
        if self.caps {
            upper(&out)
        } else {
            out
        }
    }

    /// Marks the unit changed: from now on it is rendered from its parts.
    pub(crate) fn touch(&mut self) {
        self.orig = None;
    }

    pub(crate) fn is_compound(&self) -> bool {
        matches!(self.body, Body::Compound(..))
    }
}

/// Writes units back as a name.
pub(crate) fn render(units: &[Unit]) -> String {
    let mut out = String::new();
    for (i, u) in units.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&u.render());
        out.push_str(&u.punct);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(name: &str) -> Vec<String> {
        parse(name)
            .iter()
            .map(|u| {
                let art = u
                    .article
                    .as_ref()
                    .map_or(String::new(), |(a, j)| format!("{a}{j:?}"));
                let body = match &u.body {
                    Body::Word(w) => w.clone(),
                    Body::Compound(c, _) => format!("{:?}({}{})", c.kind, c.head, c.tail),
                };
                format!("{}|{art}|{body}", u.link.join("+"))
            })
            .collect()
    }

    #[test]
    fn parses_particles_and_compounds() {
        assert_eq!(shapes("Sayf al-Adl"), ["||Sayf", "|alHyphen|Adl"]);
        assert_eq!(
            shapes("Abd al-Rahman bin Ali"),
            ["||Abd(Rahman)", "bin||Ali"]
        );
        assert_eq!(shapes("ABDUL RAHMAN"), ["||Abd(RAHMAN)"]);
        assert_eq!(shapes("Salah El Din"), ["||Din(Salah)"]);
        assert_eq!(shapes("Nasreddine"), ["||Din(Nasr)"]);
        assert_eq!(shapes("Habib Ullah Khan"), ["||Allah(Habib)", "||Khan"]);
        assert_eq!(shapes("Jan van der Berg"), ["||Jan", "van+der||Berg"]);
        assert_eq!(shapes("ALNUAIMI, Ahmed"), ["|ALJoined|Nuaimi", "||Ahmed"]);
        assert_eq!(
            shapes("Abdullah Al Qahtani"),
            ["||Abdullah", "|AlSpace|Qahtani"]
        );
    }

    #[test]
    fn unchanged_units_render_as_written() {
        for name in [
            "Sayf al-Adl",
            "ABD AL-RAHMAN, Ali",
            "Jan van der Berg",
            "Nasr-ud-Din Haqq",
        ] {
            assert_eq!(render(&parse(name)), name);
        }
    }
}
