//! Personal names: generation from a key, and rendering in Latin and original script.
//!
//! A [`PersonName`] holds references into the built-in tables plus a few style bytes, so
//! generating one allocates nothing; the strings are made when it is rendered.

use std::fmt::{self, Write};

use crate::origin::{Culture, Gender, Origin};
use crate::tables::Entry;
use crate::text::decapitalise;

mod build;

pub use build::{person, person_gendered, person_of};

/// The most parts a generated name has (given, middle, father, grandfather, two family names).
const MAX_PARTS: usize = 6;

/// What a part of a personal name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// The given (first) name.
    Given,
    /// A second given name (`John *Paul* Smith`, `María *José*`, Hindi `Kumar`).
    Middle,
    /// A father's (then grandfather's) name: Arabic nasab (`bin Ahmed`), Russian patronymic
    /// (`Sergeyevich`), Somali and Hausa father's names, Uzbek `Rustam o'g'li`.
    Patronymic,
    /// A family name, tribal name or nisba (`Al-Qahtani`, `Petrova`, `da Silva`); Spanish
    /// names have two.
    Family,
}

/// The connector written before a father's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Link {
    None,
    Bin,
    Ibn,
    Bint,
    Ould,
    Mint,
}

/// How a part's particle is written: the Arabic article `al` in its regional styles, other
/// particles (`da`, `van der`) as in the table or capitalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Article {
    /// `al-Masri`
    AlHyphen,
    /// `Al-Masri`
    AlCapHyphen,
    /// `Al Masri`
    AlCapSpace,
    /// `El-Masry`
    ElCapHyphen,
    /// `El Masry`
    ElCapSpace,
    /// `Almasri`
    AlJoined,
    /// `Elmasry`
    ElJoined,
    /// `Masri`, `Silva`
    Omit,
    /// `da Silva`, `van der Meer`
    Plain,
    /// `Da Silva`, `Van der Meer`
    PlainCap,
}

/// How a part's name is inflected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Inflect {
    None,
    /// Russian-style feminine family name (`Petrova`, `Pokrovskaya`).
    Feminine,
    /// Patronymic of a son (`Sergeyevich`).
    PatronymicMale,
    /// Patronymic of a daughter (`Sergeyevna`).
    PatronymicFemale,
    /// Uzbek `Rustam o'g'li`.
    Ogli,
    /// Uzbek `Rustam qizi`.
    Qizi,
    /// Kazakh `Askaruly`.
    Uly,
    /// Kazakh `Askarkyzy`.
    Kyzy,
}

/// One part of a [`PersonName`]: a table name with its connector, particle and inflection.
#[derive(Clone, Copy, Debug)]
pub struct NamePart {
    role: Role,
    entry: &'static Entry,
    form: u8,
    link: Link,
    article: Article,
    inflect: Inflect,
}

impl NamePart {
    /// What this part is.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The part in Latin script, e.g. `"bin Ahmed"`, `"Al-Qahtani"`, `"Sergeyevna"`.
    pub fn text(&self) -> String {
        self.to_string()
    }

    /// The canonical spelling of the underlying table name (`"Ahmad"` for `"bin Ahmed"`).
    pub fn canonical(&self) -> &'static str {
        self.entry.forms[0]
    }

    /// The part in its original script (Arabic, Persian, Cyrillic, Chinese characters), when
    /// the tables know it.
    pub fn script(&self) -> Option<String> {
        let mut s = String::new();
        self.write_script(&mut s).then_some(s)
    }

    fn write_latin<W: Write>(&self, w: &mut W) -> fmt::Result {
        match self.link {
            Link::None => {}
            Link::Bin => w.write_str("bin ")?,
            Link::Ibn => w.write_str("ibn ")?,
            Link::Bint => w.write_str("bint ")?,
            Link::Ould => w.write_str("Ould ")?,
            Link::Mint => w.write_str("Mint ")?,
        }
        let core = self.entry.forms[self.form as usize];
        let particle = self.entry.particle;
        if !particle.is_empty() {
            match (particle == "al", self.article) {
                (_, Article::Omit) => {}
                (true, Article::AlHyphen | Article::Plain) => w.write_str("al-")?,
                (true, Article::AlCapHyphen | Article::PlainCap) => w.write_str("Al-")?,
                (true, Article::AlCapSpace) => w.write_str("Al ")?,
                (true, Article::ElCapHyphen) => w.write_str("El-")?,
                (true, Article::ElCapSpace) => w.write_str("El ")?,
                (true, Article::AlJoined) => return write!(w, "Al{}", decapitalise(core)),
                (true, Article::ElJoined) => return write!(w, "El{}", decapitalise(core)),
                (false, Article::PlainCap) => {
                    write!(w, "{} ", crate::text::capitalise(particle))?;
                }
                (false, _) => write!(w, "{particle} ")?,
            }
        }
        match self.inflect {
            Inflect::None => w.write_str(core),
            Inflect::Feminine => {
                let (stem, suffix) = feminine_latin(core);
                write!(w, "{stem}{suffix}")
            }
            Inflect::PatronymicMale | Inflect::PatronymicFemale => {
                let male = self.inflect == Inflect::PatronymicMale;
                match self.entry.patr {
                    "" if ends_with_vowel(core) => {
                        write!(w, "{core}yev{}", patr_suffix("yev", male))
                    }
                    "" => write!(w, "{core}ov{}", patr_suffix("ov", male)),
                    stem => write!(w, "{stem}{}", patr_suffix(stem, male)),
                }
            }
            Inflect::Ogli => write!(w, "{core} o'g'li"),
            Inflect::Qizi => write!(w, "{core} qizi"),
            Inflect::Uly => write!(w, "{core}uly"),
            Inflect::Kyzy => write!(w, "{core}kyzy"),
        }
    }

    /// Writes the original-script form; false (with `out` in an unspecified state) when the
    /// tables do not know it.
    fn write_script(&self, out: &mut String) -> bool {
        let script = self.entry.script;
        if script.is_empty() {
            return false;
        }
        match self.link {
            Link::None => {}
            Link::Bin | Link::Ibn => out.push_str("بن "),
            Link::Bint => out.push_str("بنت "),
            Link::Ould => out.push_str("ولد "),
            Link::Mint => out.push_str("منت "),
        }
        if self.entry.particle == "al" && self.article != Article::Omit {
            out.push_str("ال");
        }
        match self.inflect {
            Inflect::None => out.push_str(script),
            Inflect::Feminine => {
                let (stem, suffix) = feminine_cyrillic(script);
                out.push_str(stem);
                out.push_str(suffix);
            }
            Inflect::PatronymicMale | Inflect::PatronymicFemale => {
                let male = self.inflect == Inflect::PatronymicMale;
                let stem = match self.entry.patr_script {
                    "" if self.entry.patr.is_empty() => {
                        let ending = if ends_with_cyrillic_vowel(script) {
                            "ев"
                        } else {
                            "ов"
                        };
                        out.push_str(script);
                        ending
                    }
                    "" => return false,
                    stem => stem,
                };
                out.push_str(stem);
                let soft = stem.ends_with("ов") || stem.ends_with("ев") || stem.ends_with("ёв");
                out.push_str(match (male, soft) {
                    (true, _) => "ич",
                    (false, true) => "на",
                    (false, false) => "ична",
                });
            }
            Inflect::Ogli => {
                out.push_str(script);
                out.push_str(" ўғли");
            }
            Inflect::Qizi => {
                out.push_str(script);
                out.push_str(" қизи");
            }
            Inflect::Uly => {
                out.push_str(script);
                out.push_str("ұлы");
            }
            Inflect::Kyzy => {
                out.push_str(script);
                out.push_str("қызы");
            }
        }
        true
    }
}

impl fmt::Display for NamePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_latin(f)
    }
}

fn ends_with_vowel(s: &str) -> bool {
    s.ends_with(['a', 'e', 'i', 'o', 'u', 'y'])
}

fn ends_with_cyrillic_vowel(s: &str) -> bool {
    s.ends_with(['а', 'е', 'и', 'о', 'у', 'я', 'ё', 'э', 'ю', 'ы'])
}

/// `ich` for sons; `na` for daughters after `-ov`/`-ev` stems, `ichna` otherwise (`Nikitichna`).
fn patr_suffix(stem: &str, male: bool) -> &'static str {
    match (male, stem.ends_with("ov") || stem.ends_with("ev")) {
        (true, _) => "ich",
        (false, true) => "na",
        (false, false) => "ichna",
    }
}

/// The feminine of a Russian-style family name as stem and suffix, borrowing from the
/// masculine so nothing is allocated.
pub(crate) fn feminine_latin(m: &'static str) -> (&'static str, &'static str) {
    if m.ends_with("ov") || m.ends_with("ev") || m.ends_with("in") || m.ends_with("yn") {
        (m, "a")
    } else if let Some(stem) = m.strip_suffix("skiy").or_else(|| m.strip_suffix("skii")) {
        (stem, "skaya")
    } else if let Some(stem) = m.strip_suffix("sky").or_else(|| m.strip_suffix("ski")) {
        (stem, "skaya")
    } else {
        (m, "")
    }
}

fn feminine_cyrillic(m: &'static str) -> (&'static str, &'static str) {
    if m.ends_with("ов")
        || m.ends_with("ев")
        || m.ends_with("ёв")
        || m.ends_with("ин")
        || m.ends_with("ын")
    {
        (m, "а")
    } else if let Some(stem) = m.strip_suffix("ий") {
        (stem, "ая")
    } else {
        (m, "")
    }
}

/// A generated personal name.
///
/// Cheap to make and to copy (a few references into the static tables); render it with
/// [`full`](PersonName::full), [`Display`](fmt::Display) (the same, without allocating a
/// `String` when writing into a buffer), [`family_first`](PersonName::family_first) or
/// [`original_script`](PersonName::original_script).
#[derive(Clone, Copy, Debug)]
pub struct PersonName {
    culture: Culture,
    gender: Gender,
    parts: [Option<NamePart>; MAX_PARTS],
}

impl PersonName {
    /// The origin the name was generated for.
    pub fn origin(&self) -> Origin {
        self.culture.origin()
    }

    /// The culture whose conventions the name follows.
    pub fn culture(&self) -> Culture {
        self.culture
    }

    /// The gender the name was generated for.
    pub fn gender(&self) -> Gender {
        self.gender
    }

    /// The parts in the culture's usual order.
    pub fn parts(&self) -> impl Iterator<Item = &NamePart> + '_ {
        self.parts.iter().flatten()
    }

    /// The name in the culture's usual order: `Mohammed bin Ahmed Al-Qahtani`,
    /// `Ivan Sergeyevich Petrov`, `Zhang Wei`.
    pub fn full(&self) -> String {
        self.to_string()
    }

    /// Family name(s) first, the rest in order: `Petrov Ivan Sergeyevich` (the official
    /// Russian order), `Al-Qahtani Mohammed bin Ahmed`. Unchanged when there is no family name.
    pub fn family_first(&self) -> String {
        self.ordered(|r| r == Role::Family, |r| r != Role::Family)
    }

    /// Family name(s) last: `Wei Zhang` as Chinese names are often written abroad.
    pub fn given_first(&self) -> String {
        self.ordered(|r| r != Role::Family, |r| r == Role::Family)
    }

    /// The first given name.
    pub fn given(&self) -> String {
        self.parts()
            .find(|p| p.role == Role::Given)
            .map(NamePart::text)
            .unwrap_or_default()
    }

    /// The family name(s), when the culture has them (Somali names do not).
    pub fn family(&self) -> Option<String> {
        let fam: Vec<String> = self
            .parts()
            .filter(|p| p.role == Role::Family)
            .map(NamePart::text)
            .collect();
        (!fam.is_empty()).then(|| fam.join(" "))
    }

    /// The father's name part (`bin Ahmed`, `Sergeyevich`), when present.
    pub fn patronymic(&self) -> Option<String> {
        self.parts()
            .find(|p| p.role == Role::Patronymic)
            .map(NamePart::text)
    }

    /// The name in its original script and usual order (`محمد بن أحمد القحطاني`,
    /// `Иван Сергеевич Петров`, `张伟`), when the tables know every part; `None` for cultures
    /// written in Latin script and for the few names without a script form.
    pub fn original_script(&self) -> Option<String> {
        let sep = if self.origin() == Origin::Chinese {
            ""
        } else {
            " "
        };
        let mut out = String::new();
        for (i, p) in self.parts().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            if !p.write_script(&mut out) {
                return None;
            }
        }
        (!out.is_empty()).then_some(out)
    }

    fn ordered(&self, first: impl Fn(Role) -> bool, second: impl Fn(Role) -> bool) -> String {
        let mut out = String::new();
        let mut sep = "";
        for p in self
            .parts()
            .filter(|p| first(p.role))
            .chain(self.parts().filter(|p| second(p.role)))
        {
            out.push_str(sep);
            // Writing into a String cannot fail.
            let _ = p.write_latin(&mut out);
            sep = " ";
        }
        out
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.parts().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            p.write_latin(f)?;
        }
        Ok(())
    }
}
