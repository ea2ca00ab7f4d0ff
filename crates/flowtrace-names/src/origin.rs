//! Where a name comes from: the broad [`Origin`] a simulator mixes, the finer [`Culture`] that
//! decides spelling conventions and name structure, and weighted [`Mix`]es of either.

use crate::hash::{below, mix};

/// The broad cultural origin of a name, the unit a simulator mixes populations in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// Arabic names with Gulf, Iraqi, Levantine, Egyptian and Maghrebi spellings and structure
    /// (nasab `bin`/`bint`, `Ould`, nisbas with `al-`/`el-`).
    Arabic,
    /// Persian (Iran) and Afghan (Dari/Pashto) names.
    Persian,
    /// Turkish names, written in Turkish Latin script with its diacritics.
    Turkish,
    /// Russian (and some Ukrainian) names with patronymics and gendered family names.
    Russian,
    /// Uzbek, Tajik, Kazakh and Chechen/Dagestani names, mostly in Russian-style form.
    CentralAsian,
    /// Urdu (Pakistani and other South Asian Muslim) and Hindi names.
    SouthAsian,
    /// Somali and Swahili-coast names.
    EastAfrican,
    /// Hausa, Sahelian (Mande, Fula, Wolof) and Guinea-coast (Yoruba, Igbo, Akan) names.
    WestAfrican,
    /// Spanish and Portuguese names, with two family names.
    Latin,
    /// English, French, German and Dutch names.
    Western,
    /// Chinese names in pinyin, Taiwanese Wade-Giles and Hong Kong Cantonese romanisation.
    Chinese,
}

impl Origin {
    /// Every origin, in declaration order.
    pub const ALL: [Origin; 11] = [
        Origin::Arabic,
        Origin::Persian,
        Origin::Turkish,
        Origin::Russian,
        Origin::CentralAsian,
        Origin::SouthAsian,
        Origin::EastAfrican,
        Origin::WestAfrican,
        Origin::Latin,
        Origin::Western,
        Origin::Chinese,
    ];

    /// A short lower-case label, e.g. `"arabic"`, `"central-asian"`.
    pub fn label(self) -> &'static str {
        match self {
            Origin::Arabic => "arabic",
            Origin::Persian => "persian",
            Origin::Turkish => "turkish",
            Origin::Russian => "russian",
            Origin::CentralAsian => "central-asian",
            Origin::SouthAsian => "south-asian",
            Origin::EastAfrican => "east-african",
            Origin::WestAfrican => "west-african",
            Origin::Latin => "latin",
            Origin::Western => "western",
            Origin::Chinese => "chinese",
        }
    }

    /// The cultures of this origin with the weight each gets when only the origin is given.
    pub fn cultures(self) -> &'static [(Culture, u32)] {
        use Culture::*;
        match self {
            Origin::Arabic => &[
                (Gulf, 30),
                (Levantine, 25),
                (Iraqi, 15),
                (Egyptian, 15),
                (Maghrebi, 15),
            ],
            Origin::Persian => &[(Iranian, 65), (Afghan, 35)],
            Origin::Turkish => &[(Turkish, 1)],
            Origin::Russian => &[(Russian, 1)],
            Origin::CentralAsian => &[(UzbekTajik, 50), (Kazakh, 25), (NorthCaucasian, 25)],
            Origin::SouthAsian => &[(Urdu, 55), (Hindi, 45)],
            Origin::EastAfrican => &[(Somali, 75), (Swahili, 25)],
            Origin::WestAfrican => &[(Hausa, 40), (Sahelian, 35), (GuineaCoast, 25)],
            Origin::Latin => &[(Spanish, 60), (Portuguese, 40)],
            Origin::Western => &[(English, 45), (French, 20), (German, 20), (Dutch, 15)],
            Origin::Chinese => &[(Mandarin, 75), (Cantonese, 15), (Taiwanese, 10)],
        }
    }

    /// Picks one of this origin's cultures deterministically from `key`.
    pub fn culture(self, key: u64) -> Culture {
        let cultures = self.cultures();
        let total: u64 = cultures.iter().map(|&(_, w)| u64::from(w)).sum();
        let mut x = below(mix(key, 0xC0_17), total as usize) as u64;
        for &(c, w) in cultures {
            if x < u64::from(w) {
                return c;
            }
            x -= u64::from(w);
        }
        cultures[0].0
    }
}

/// A finer naming culture inside an [`Origin`]: decides spelling conventions (Gulf `Mohammed`,
/// Egyptian `Mohamed`, Maghrebi `Mohamed ... El Idrissi`), name structure and legal forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)] // the variant names say it all; the origin is documented on `origin()`
pub enum Culture {
    Gulf,
    Levantine,
    Iraqi,
    Egyptian,
    Maghrebi,
    Iranian,
    Afghan,
    Turkish,
    Russian,
    UzbekTajik,
    Kazakh,
    NorthCaucasian,
    Urdu,
    Hindi,
    Somali,
    Swahili,
    Hausa,
    Sahelian,
    GuineaCoast,
    Spanish,
    Portuguese,
    English,
    French,
    German,
    Dutch,
    Mandarin,
    Taiwanese,
    Cantonese,
}

impl Culture {
    /// Every culture, grouped by origin in [`Origin::ALL`] order.
    pub const ALL: [Culture; 28] = {
        use Culture::*;
        [
            Gulf,
            Levantine,
            Iraqi,
            Egyptian,
            Maghrebi,
            Iranian,
            Afghan,
            Turkish,
            Russian,
            UzbekTajik,
            Kazakh,
            NorthCaucasian,
            Urdu,
            Hindi,
            Somali,
            Swahili,
            Hausa,
            Sahelian,
            GuineaCoast,
            Spanish,
            Portuguese,
            English,
            French,
            German,
            Dutch,
            Mandarin,
            Taiwanese,
            Cantonese,
        ]
    };

    /// The origin this culture belongs to.
    pub fn origin(self) -> Origin {
        use Culture::*;
        match self {
            Gulf | Levantine | Iraqi | Egyptian | Maghrebi => Origin::Arabic,
            Iranian | Afghan => Origin::Persian,
            Turkish => Origin::Turkish,
            Russian => Origin::Russian,
            UzbekTajik | Kazakh | NorthCaucasian => Origin::CentralAsian,
            Urdu | Hindi => Origin::SouthAsian,
            Somali | Swahili => Origin::EastAfrican,
            Hausa | Sahelian | GuineaCoast => Origin::WestAfrican,
            Spanish | Portuguese => Origin::Latin,
            English | French | German | Dutch => Origin::Western,
            Mandarin | Taiwanese | Cantonese => Origin::Chinese,
        }
    }
}

/// Female or male; decides given names, `bin`/`bint`, `-ovich`/`-ovna`, `Petrov`/`Petrova`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
}

/// A weighted mix of items (origins, cultures) to draw from deterministically.
///
/// Weights are integers on any scale: `60, 10` and `6, 1` give the same mix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mix<T> {
    items: Vec<(T, u32)>,
    total: u64,
}

/// A mix of origins, e.g. "60% Western, 10% Arabic, ...".
pub type OriginMix = Mix<Origin>;

impl<T: Copy + PartialEq> Mix<T> {
    /// An empty mix; add items with [`Mix::with`].
    pub fn new() -> Mix<T> {
        Mix {
            items: Vec::new(),
            total: 0,
        }
    }

    /// Adds `weight` to `item` (adding to an item already present raises its weight).
    pub fn with(mut self, item: T, weight: u32) -> Mix<T> {
        match self.items.iter_mut().find(|(t, _)| *t == item) {
            Some((_, w)) => *w = w.saturating_add(weight),
            None => self.items.push((item, weight)),
        }
        self.total += u64::from(weight);
        self
    }

    /// The items and their weights, in the order they were first added.
    pub fn items(&self) -> &[(T, u32)] {
        &self.items
    }

    /// The weight of `item` (0 when absent).
    pub fn weight(&self, item: T) -> u32 {
        self.items
            .iter()
            .find(|(t, _)| *t == item)
            .map_or(0, |&(_, w)| w)
    }

    /// True when no item has a positive weight, so [`Mix::pick`] would have nothing to pick.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Picks an item with probability proportional to its weight, deterministically from `key`.
    ///
    /// # Panics
    /// When the mix is empty (see [`Mix::is_empty`]).
    pub fn pick(&self, key: u64) -> T {
        assert!(self.total > 0, "cannot pick from an empty mix");
        let mut x = ((u128::from(mix(key, 0x0121_6140)) * u128::from(self.total)) >> 64) as u64;
        for &(item, w) in &self.items {
            if x < u64::from(w) {
                return item;
            }
            x -= u64::from(w);
        }
        unreachable!("x < total")
    }
}

impl<T: Copy + PartialEq> Default for Mix<T> {
    fn default() -> Mix<T> {
        Mix::new()
    }
}

impl OriginMix {
    /// Every origin with the same weight.
    pub fn uniform() -> OriginMix {
        Origin::ALL.iter().fold(Mix::new(), |m, &o| m.with(o, 1))
    }
}

impl Mix<Culture> {
    /// The cultures of a mix of origins, each origin's weight spread over its cultures.
    pub fn from_origins(origins: &OriginMix) -> Mix<Culture> {
        let mut m = Mix::new();
        for &(origin, w) in origins.items() {
            let cultures = origin.cultures();
            let sum: u32 = cultures.iter().map(|&(_, cw)| cw).sum();
            for &(c, cw) in cultures {
                // Scaled by 1000 so small origin weights keep their internal proportions.
                m = m.with(
                    c,
                    (u64::from(w) * u64::from(cw) * 1000 / u64::from(sum)) as u32,
                );
            }
        }
        m
    }
}
