//! Arabic compound names written many ways: `Abd al-Rahman` (Abdulrahman, Abdel Rahman,
//! Abdurrahman, Abdirahman), `Salah al-Din` (Salahuddin, Salah Eddine, Salah-ud-Din) and
//! `Habibullah` (Habib Ullah, Habibollah).

use crate::text::{capitalise, fold};

/// Which compound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `Abd` + article + a name of God.
    Abd,
    /// A word + article + `Din`.
    Din,
    /// A word + `Allah`.
    Allah,
}

/// A compound name: its kind, the varying head (`Salah`, `Habib`) or tail (`Rahman`), and the
/// vowel group of the connector as written (`ul`, `el`, `al`, ...), which light variation keeps.
#[derive(Clone, Debug)]
pub(crate) struct Compound {
    pub kind: Kind,
    /// `Salah` in `Salah al-Din`, `Habib` in `Habibullah`; unused for `Abd`.
    pub head: String,
    /// `Rahman` in `Abd al-Rahman`; unused otherwise.
    pub tail: String,
    /// Group of the connector as written (see `STYLES`).
    pub group: u8,
}

/// Templates: `{T}`/`{t}` the tail capitalised/lower case, `{H}` the head, `{a}` the article
/// assimilated to a sun letter (`ar`, `as`, `ash`; `al` otherwise), `{u}` the same after `Abdu`
/// (`r`, `s`; `l` otherwise). The number is the vowel group light variation stays within.
const ABD_STYLES: &[(&str, u8)] = &[
    ("Abd al-{T}", 0),
    ("Abd-al-{T}", 0),
    ("Abd Al {T}", 0),
    ("Abdul {T}", 1),
    ("Abdul{t}", 1),
    ("Abdul-{T}", 1),
    ("Abdel {T}", 2),
    ("Abdel{t}", 2),
    ("Abdel-{T}", 2),
    ("Abd El {T}", 2),
    ("Abd {a}-{T}", 3),
    ("Abdu{u} {T}", 4),
    ("Abdu{u}{t}", 4),
    ("Abdi{t}", 5),
    ("Abdoul {T}", 6),
];

const DIN_STYLES: &[(&str, u8)] = &[
    ("{H} al-Din", 0),
    ("{H} al Din", 0),
    ("{H} ad-Din", 1),
    ("{H} El Din", 2),
    ("{H} el-Din", 2),
    ("{H} Eddine", 3),
    ("{H}eddine", 3),
    ("{H}-Eddine", 3),
    ("{H}uddin", 4),
    ("{H} Uddin", 4),
    ("{H}-ud-Din", 4),
    ("{H} ud-Din", 4),
    ("{H}addin", 5),
];

const ALLAH_STYLES: &[(&str, u8)] = &[
    ("{H}ullah", 0),
    ("{H} Ullah", 0),
    ("{H}-ullah", 0),
    ("{H}ollah", 1),
    ("{H} Allah", 2),
    ("{H}ulla", 3),
];

/// Names of God that follow `Abd`, folded, with their common spellings.
const TAILS: &[&str] = &[
    "rahman", "rehman", "rahmane", "rahim", "raheem", "rehim", "aziz", "azeez", "karim", "kareem",
    "krim", "qadir", "qader", "kadir", "kader", "gadir", "qadeer", "latif", "lateef", "majid",
    "majeed", "maged", "hamid", "hameed", "halim", "haleem", "hakim", "hakeem", "jabbar", "ghani",
    "gani", "ghaffar", "gaffar", "ghafoor", "ghafur", "ghafour", "wahab", "wahhab", "salam",
    "salaam", "slam", "razzaq", "razaq", "razak", "razzak", "razik", "rauf", "raouf", "basit",
    "baset", "fattah", "fatah", "hadi", "hady", "malik", "malek", "mumin", "moumen", "moemen",
    "nasir", "nasser", "naser", "nacer", "quddus", "rashid", "rasheed", "sattar", "satar", "samad",
    "samed", "samat", "wahid", "waheed", "wadud", "wadood", "jalil", "jaleel", "mannan",
    "muttalib", "mutalib", "motaleb", "qayyum", "qayum", "ilah", "bari", "baari", "hafiz",
    "hafeez", "jawad", "khaliq", "khalek", "khaleq", "matin", "mateen", "qahhar", "sabur",
    "saboor", "shakur", "shakoor", "tawwab", "wali", "haq", "hak", "haqq", "moneim", "munim",
    "monem", "mounim", "muhsin", "mohsen", "mohsin", "muiz", "moez", "rab", "rabb", "hai", "hay",
    "ghafar",
];

/// Connectors met after `Abd` in joined forms, longest first.
const ABD_CONNECTORS: &[(&str, u8)] = &[
    ("oul", 6),
    ("ush", 4),
    ("ash", 3),
    ("ul", 1),
    ("el", 2),
    ("al", 0),
    ("ol", 1),
    ("ur", 4),
    ("ar", 3),
    ("er", 2),
    ("us", 4),
    ("as", 3),
    ("un", 4),
    ("an", 3),
    ("uz", 4),
    ("az", 3),
    ("u", 4),
    ("i", 5),
    ("", 0),
];

const DIN_SUFFIXES: &[(&str, u8)] = &[
    ("uddeen", 4),
    ("uddin", 4),
    ("eddine", 3),
    ("eddin", 3),
    ("addin", 5),
    ("iddin", 4),
    ("udin", 4),
    ("oddin", 4),
];

const ALLAH_SUFFIXES: &[(&str, u8)] = &[("ullah", 0), ("ollah", 1), ("allah", 2), ("ulla", 3)];

fn is_tail(folded: &str) -> bool {
    TAILS.contains(&folded)
}

/// The vowel group of a connector written between `Abd` and the tail (`al`, `el`, `ar`, ...).
pub(crate) fn abd_group(connector: &str) -> u8 {
    let c = fold(connector);
    ABD_CONNECTORS
        .iter()
        .find(|(k, _)| *k == c)
        .map_or(0, |&(_, g)| g)
}

/// `Abdul`, `Abdel`, `Abdur`, ... written as a word of its own before the tail: its group.
pub(crate) fn abd_prefix_group(word: &str) -> Option<u8> {
    let f = fold(word);
    let rest = f.strip_prefix("abd")?;
    if rest.is_empty() {
        return None;
    }
    ABD_CONNECTORS
        .iter()
        .find(|(k, _)| *k == rest)
        .map(|&(_, g)| g)
}

/// A joined `Abd` compound (`Abdulrahman`, `Abderrahmane`, `Abdikadir`): its tail as written
/// and group.
pub(crate) fn split_joined_abd(word: &str) -> Option<(String, u8)> {
    let f = fold(word);
    let rest = f.strip_prefix("abd")?;
    for &(conn, group) in ABD_CONNECTORS {
        if let Some(tail) = rest.strip_prefix(conn) {
            if is_tail(tail) {
                // The tail as written: the input's last `tail.len()` letters.
                let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
                let written: String = letters[letters.len().saturating_sub(tail.chars().count())..]
                    .iter()
                    .collect();
                return Some((capitalise(&written.to_lowercase()), group));
            }
        }
    }
    None
}

/// True for a tail word after `Abd`, `Abdul`, ...
pub(crate) fn is_abd_tail(word: &str) -> bool {
    is_tail(&fold(word))
}

/// `Din`, `Deen`, `Dine`, `Eddine`, ... as a word of its own: its group.
pub(crate) fn din_word_group(word: &str) -> Option<u8> {
    match fold(word).as_str() {
        "din" | "deen" | "dine" => Some(0),
        "eddine" | "eddin" => Some(3),
        "uddin" | "uddeen" => Some(4),
        "addin" => Some(5),
        _ => None,
    }
}

/// A joined `Din` compound (`Salahuddin`, `Nasreddine`): its head as written and group.
pub(crate) fn split_joined_din(word: &str) -> Option<(String, u8)> {
    split_suffix(word, DIN_SUFFIXES)
}

/// `Ullah`, `Allah`, `Ollah` as a word of its own: its group.
pub(crate) fn allah_word_group(word: &str) -> Option<u8> {
    ALLAH_SUFFIXES
        .iter()
        .find(|(s, _)| *s == fold(word))
        .map(|&(_, g)| g)
}

/// A joined `Allah` compound (`Habibullah`, `Rahmatollah`): its head as written and group.
/// Not `Abdullah`, which is a name of its own in the tables.
pub(crate) fn split_joined_allah(word: &str) -> Option<(String, u8)> {
    if fold(word).starts_with("abd") {
        return None;
    }
    split_suffix(word, ALLAH_SUFFIXES)
}

fn split_suffix(word: &str, suffixes: &[(&str, u8)]) -> Option<(String, u8)> {
    if !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let lower = word.to_lowercase();
    for &(suffix, group) in suffixes {
        if let Some(head) = lower.strip_suffix(suffix) {
            if head.chars().count() >= 3 {
                let n = head.chars().count();
                return Some((word.chars().take(n).collect(), group));
            }
        }
    }
    None
}

impl Compound {
    fn styles(&self) -> &'static [(&'static str, u8)] {
        match self.kind {
            Kind::Abd => ABD_STYLES,
            Kind::Din => DIN_STYLES,
            Kind::Allah => ALLAH_STYLES,
        }
    }

    /// Number of ways to write this compound.
    pub(crate) fn style_count(&self) -> usize {
        self.styles().len()
    }

    /// Style numbers in the same vowel group as written (spacing changes only).
    pub(crate) fn same_group(&self) -> Vec<usize> {
        (0..self.style_count())
            .filter(|&i| self.styles()[i].1 == self.group)
            .collect()
    }

    /// Writes the compound in style `i`, in title case.
    pub(crate) fn render(&self, i: usize) -> String {
        let (template, _) = self.styles()[i % self.styles().len()];
        let tail = capitalise(&self.tail.to_lowercase());
        let (article, abdu) = sun_article(&self.tail);
        template
            .replace("{T}", &tail)
            .replace("{t}", &tail.to_lowercase())
            .replace("{H}", &self.head)
            .replace("{a}", &article)
            .replace("{u}", &abdu)
    }
}

/// The article assimilated to the tail's first consonant (`ar-Rahman`, `as-Salam`), and the
/// consonant as written after `Abdu` (`Abdur Rahman`, `Abdus Salam`).
fn sun_article(tail: &str) -> (String, String) {
    let f = fold(tail);
    for sun in ["sh", "th", "dh", "t", "d", "r", "z", "s", "n"] {
        if f.starts_with(sun) {
            let abdu = if matches!(sun, "r" | "s" | "sh" | "n" | "z") {
                sun
            } else {
                "l"
            };
            return (format!("a{sun}"), abdu.to_string());
        }
    }
    ("al".to_string(), "l".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_joined_forms() {
        assert_eq!(split_joined_abd("Abdulrahman"), Some(("Rahman".into(), 1)));
        assert_eq!(
            split_joined_abd("ABDERRAHMANE"),
            Some(("Rahmane".into(), 2))
        );
        assert_eq!(split_joined_abd("Abdikadir"), Some(("Kadir".into(), 5)));
        assert_eq!(split_joined_abd("Abdullah"), None);
        assert_eq!(split_joined_din("Salahuddin"), Some(("Salah".into(), 4)));
        assert_eq!(split_joined_din("Nasreddine"), Some(("Nasr".into(), 3)));
        assert_eq!(split_joined_allah("Habibullah"), Some(("Habib".into(), 0)));
        assert_eq!(split_joined_allah("Abdullah"), None);
    }

    #[test]
    fn renders_styles() {
        let c = Compound {
            kind: Kind::Abd,
            head: String::new(),
            tail: "Rahman".into(),
            group: 1,
        };
        let all: Vec<String> = (0..c.style_count()).map(|i| c.render(i)).collect();
        for want in [
            "Abd al-Rahman",
            "Abdulrahman",
            "Abdel Rahman",
            "Abd ar-Rahman",
            "Abdurrahman",
        ] {
            assert!(all.iter().any(|s| s == want), "{want} not in {all:?}");
        }
        let d = Compound {
            kind: Kind::Din,
            head: "Salah".into(),
            tail: String::new(),
            group: 0,
        };
        assert_eq!(d.render(2), "Salah ad-Din");
        assert_eq!(d.render(8), "Salahuddin");
    }
}
