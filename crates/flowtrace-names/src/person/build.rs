//! How each culture puts a name together, driven by a deterministic random stream.

use super::{Article, Inflect, Link, NamePart, PersonName, Role, MAX_PARTS};
use crate::hash::Rng;
use crate::origin::{Culture, Gender, Origin};
use crate::tables::{culture_lists, db, Entry, List, L};

/// A deterministic personal name of `origin` for `key` (e.g. a hash of a seed and an entity
/// id): the same key gives the same name on every machine and run. The culture inside the
/// origin (Gulf or Maghrebi, Russian or Kazakh, ...) and the gender are drawn from the key.
///
/// Allocates nothing (rendering with `full()` or `Display` makes the strings); about 1 µs in
/// an unoptimised dev build.
pub fn person(origin: Origin, key: u64) -> PersonName {
    person_of(origin.culture(key), key)
}

/// A deterministic personal name of `culture` for `key`, gender drawn from the key.
pub fn person_of(culture: Culture, key: u64) -> PersonName {
    let gender = if Rng::new(key, 0x6E_4DE8).chance(50) {
        Gender::Female
    } else {
        Gender::Male
    };
    person_gendered(culture, gender, key)
}

/// A deterministic personal name of `culture` and `gender` for `key`.
pub fn person_gendered(culture: Culture, gender: Gender, key: u64) -> PersonName {
    let lists = culture_lists(culture);
    let mut b = Builder {
        rng: Rng::new(key, 0x9E50_4A11),
        name: PersonName {
            culture,
            gender,
            parts: [None; MAX_PARTS],
        },
        len: 0,
        column: lists.column,
        article: Article::Plain,
        female: gender == Gender::Female,
    };
    let own = if b.female { lists.female } else { lists.male };
    let family = lists.family;
    use Culture::*;
    match culture {
        Gulf | Iraqi | Levantine | Egyptian | Maghrebi => arabic(&mut b, culture, own, family),
        Iranian => {
            b.given(own);
            b.family(family);
        }
        Afghan => {
            b.given(own);
            if b.rng.chance(75) {
                b.family(family);
            } else {
                b.father(L::AfghanMale, Link::None, Inflect::None);
            }
        }
        Russian | NorthCaucasian => slavic(&mut b, lists.male, own, family),
        UzbekTajik => {
            if b.rng.chance(75) {
                slavic(&mut b, lists.male, own, family);
            } else {
                // Uzbek official order: family, given, father's name with o'g'li / qizi.
                b.family_inflected(family, b.feminine());
                b.given(own);
                let inflect = if b.female {
                    Inflect::Qizi
                } else {
                    Inflect::Ogli
                };
                b.father(lists.male, Link::None, inflect);
            }
        }
        Kazakh => {
            if b.rng.chance(70) {
                slavic(&mut b, lists.male, own, family);
            } else {
                b.given(own);
                let entry = b.pick_distinct(lists.male);
                let inflect = if b.female {
                    Inflect::Kyzy
                } else {
                    Inflect::Uly
                };
                b.push(Role::Family, entry, 0, Link::None, inflect);
            }
        }
        Urdu => urdu(&mut b, own, family),
        Hindi => {
            b.given(own);
            let (middle, p) = if b.female {
                (L::HindiMiddleFemale, 15)
            } else {
                (L::HindiMiddleMale, 20)
            };
            if b.rng.chance(p) {
                b.middle(middle);
            }
            b.family(family);
        }
        Somali => {
            b.given(own);
            b.father(lists.male, Link::None, Inflect::None);
            if b.rng.chance(90) {
                b.father(lists.male, Link::None, Inflect::None);
            }
        }
        Swahili => {
            b.given(own);
            if b.rng.chance(30) {
                b.father(lists.male, Link::None, Inflect::None);
            }
            b.family(family);
        }
        Hausa => {
            b.given(own);
            b.father(lists.male, Link::None, Inflect::None);
            if b.rng.chance(50) {
                b.family(family);
            }
        }
        Sahelian | GuineaCoast | English | French | German | Dutch | Turkish => {
            let p = match culture {
                English => 45,
                GuineaCoast => 30,
                Turkish => 25,
                German => 20,
                French | Dutch => 15,
                _ => 10,
            };
            b.given(own);
            if b.rng.chance(p) {
                b.middle(own);
            }
            b.article = if culture == Dutch && b.rng.chance(10) {
                Article::PlainCap
            } else {
                Article::Plain
            };
            b.family(family);
        }
        Spanish => {
            b.given(own);
            if b.rng.chance(30) {
                b.middle(own);
            }
            b.family(family);
            if b.rng.chance(90) {
                b.second_family(family);
            }
        }
        Portuguese => {
            b.given(own);
            if b.rng.chance(35) {
                b.middle(own);
            }
            b.article = if b.rng.chance(65) {
                Article::Plain
            } else {
                Article::Omit
            };
            if b.rng.chance(60) {
                b.family(family);
            }
            b.second_family(family);
        }
        Mandarin | Taiwanese | Cantonese => {
            b.family(family);
            b.given(own);
        }
    }
    b.name
}

fn arabic(b: &mut Builder, culture: Culture, own: L, family: Option<L>) {
    use Culture::*;
    // One in seven writes the name in the scholarly romanisation (as the UN list and the press
    // often do), the rest in the regional convention.
    if b.rng.chance(15) {
        b.column = 0;
    }
    b.article = b.rng.weighted(match culture {
        Gulf => &[
            (Article::AlCapHyphen, 55),
            (Article::AlCapSpace, 30),
            (Article::AlJoined, 15),
        ],
        Iraqi => &[
            (Article::AlCapHyphen, 45),
            (Article::AlHyphen, 25),
            (Article::AlCapSpace, 20),
            (Article::Omit, 10),
        ],
        Levantine => &[
            (Article::AlCapHyphen, 35),
            (Article::AlHyphen, 15),
            (Article::ElCapSpace, 25),
            (Article::Omit, 25),
        ],
        Egyptian => &[
            (Article::ElCapHyphen, 35),
            (Article::ElCapSpace, 35),
            (Article::ElJoined, 15),
            (Article::Omit, 15),
        ],
        _ => &[
            (Article::ElCapSpace, 45),
            (Article::ElJoined, 15),
            (Article::Omit, 40),
        ],
    });
    if b.column == 0 && b.article != Article::Omit {
        b.article = Article::AlHyphen;
    }
    let male = L::ArabicMale;
    let (son, daughter) = if b.column == 0 {
        (Link::Ibn, Link::Bint)
    } else {
        (Link::Bin, Link::Bint)
    };
    let link = if b.female { daughter } else { son };
    b.given(own);
    match culture {
        Gulf => {
            let link = if b.rng.chance(55) { link } else { Link::None };
            b.father(male, link, Inflect::None);
            if b.rng.chance(35) {
                b.father(male, link, Inflect::None);
            }
            b.family(family);
        }
        Iraqi => {
            b.father(male, Link::None, Inflect::None);
            if b.rng.chance(55) {
                b.father(male, Link::None, Inflect::None);
            }
            if b.rng.chance(85) {
                b.family(family);
            }
        }
        Levantine => {
            if b.rng.chance(40) {
                b.father(male, Link::None, Inflect::None);
            }
            b.family(family);
        }
        Egyptian => {
            b.father(male, Link::None, Inflect::None);
            if b.rng.chance(55) {
                b.family(family);
            } else {
                b.father(male, Link::None, Inflect::None);
            }
        }
        _ => {
            if b.rng.chance(12) {
                // Mauritanian: Mohamed Ould Abdel Aziz, Mariem Mint Ahmed.
                let link = if b.female { Link::Mint } else { Link::Ould };
                b.father(male, link, Inflect::None);
            } else {
                if !b.female && b.rng.chance(20) {
                    b.middle(own);
                }
                b.family(family);
            }
        }
    }
}

/// Given name, patronymic, family name: `Ivan Sergeyevich Petrov`, `Anna Ivanovna Petrova`.
fn slavic(b: &mut Builder, male: L, own: L, family: Option<L>) {
    b.given(own);
    let inflect = if b.female {
        Inflect::PatronymicFemale
    } else {
        Inflect::PatronymicMale
    };
    b.father(male, Link::None, inflect);
    b.family_inflected(family, b.feminine());
}

fn urdu(b: &mut Builder, own: L, family: Option<L>) {
    if b.female {
        b.given(own);
        if b.rng.chance(20) {
            b.family(Some(L::UrduFemaleTitle));
        } else {
            b.family(family);
        }
        return;
    }
    if b.rng.chance(30) {
        // Muhammad Imran Khan: Muhammad as a first element, the name used is the second.
        let list = db().list(own);
        b.push(Role::Given, &list.entries[0], 0, Link::None, Inflect::None);
        b.middle(own);
    } else {
        b.given(own);
        if b.rng.chance(25) {
            b.middle(own);
        }
    }
    if b.rng.chance(90) {
        b.family(family);
    } else {
        let entry = b.pick_distinct(own);
        b.push(Role::Family, entry, 0, Link::None, Inflect::None);
    }
}

struct Builder {
    rng: Rng,
    name: PersonName,
    len: usize,
    /// Regional column of styled lists.
    column: u8,
    /// How this person's particles are written (chosen once, so a name is consistent).
    article: Article,
    female: bool,
}

impl Builder {
    fn feminine(&self) -> Inflect {
        if self.female {
            Inflect::Feminine
        } else {
            Inflect::None
        }
    }

    fn form(&self, list: &List, entry: &Entry) -> u8 {
        if list.styled {
            (self.column as usize).min(entry.forms.len() - 1) as u8
        } else {
            0
        }
    }

    fn push(&mut self, role: Role, entry: &'static Entry, form: u8, link: Link, inflect: Inflect) {
        debug_assert!(self.len < MAX_PARTS);
        self.name.parts[self.len] = Some(NamePart {
            role,
            entry,
            form,
            link,
            article: self.article,
            inflect,
        });
        self.len += 1;
    }

    /// An entry of `l`, popular names more often, not one already in the name (given names
    /// repeat across generations, but `Ahmed bin Ahmed` would read as a generator artefact).
    fn pick_distinct(&mut self, l: L) -> &'static Entry {
        let list = db().list(l);
        let n = list.entries.len();
        let mut i = self.rng.skewed(n);
        for _ in 0..n {
            let e = &list.entries[i];
            if !self.uses(e) {
                return e;
            }
            i = (i + 1) % n;
        }
        &list.entries[i]
    }

    fn given(&mut self, l: L) {
        self.named(Role::Given, l, Link::None, Inflect::None);
    }

    fn middle(&mut self, l: L) {
        self.named(Role::Middle, l, Link::None, Inflect::None);
    }

    fn father(&mut self, l: L, link: Link, inflect: Inflect) {
        self.named(Role::Patronymic, l, link, inflect);
    }

    fn named(&mut self, role: Role, l: L, link: Link, inflect: Inflect) {
        let entry = self.pick_distinct(l);
        let form = self.form(db().list(l), entry);
        self.push(role, entry, form, link, inflect);
    }

    fn family(&mut self, l: Option<L>) {
        self.family_inflected(l, Inflect::None);
    }

    fn family_inflected(&mut self, l: Option<L>, inflect: Inflect) {
        let Some(l) = l else { return };
        let list = db().list(l);
        let n = list.entries.len();
        let mut i = self.rng.mild(n);
        // Hausa and Somali family names are also given names; `Aminu Bello Bello` is not a name.
        for _ in 0..n {
            if !self.uses(&list.entries[i]) {
                break;
            }
            i = (i + 1) % n;
        }
        let entry = &list.entries[i];
        let form = self.form(list, entry);
        self.push(Role::Family, entry, form, Link::None, inflect);
    }

    /// A second family name different from the first (Spanish maternal, Portuguese paternal).
    fn second_family(&mut self, l: Option<L>) {
        self.family_inflected(l, Inflect::None);
    }

    /// True when the name already has this entry, or one spelled the same (`Mostafa` the
    /// father and `Mostafa` the family name come from different tables).
    fn uses(&self, e: &Entry) -> bool {
        self.name.parts[..self.len].iter().flatten().any(|p| {
            let written = p.entry.forms[p.form as usize];
            std::ptr::eq(p.entry, e)
                || e.forms
                    .iter()
                    .any(|&f| f == written || f == p.entry.forms[0])
        })
    }
}
