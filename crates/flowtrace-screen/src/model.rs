//! The watchlist model every list reader fills: one [`ListedEntity`] per listed person,
//! organisation, vessel or aircraft, with all its names and the attributes that confirm or rule
//! out a match (birth dates, nationalities, documents).

use serde::Serialize;

use crate::date::PartialDate;

/// The name of the UN Security Council Consolidated List in [`ListedEntity::list`].
pub const UN_LIST: &str = "UN";
/// The name of OFAC's Specially Designated Nationals list in [`ListedEntity::list`].
pub const OFAC_SDN_LIST: &str = "OFAC SDN";

/// Entities read from one or more lists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Watchlist {
    /// The entities, in the order of their files.
    pub entities: Vec<ListedEntity>,
}

impl Watchlist {
    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Appends the entities of another list, so several files screen as one.
    pub fn extend(&mut self, other: Watchlist) {
        self.entities.extend(other.entities);
    }

    /// The entity with this id, if any (a linear scan: for lookups by hand and tests).
    pub fn get(&self, id: &str) -> Option<&ListedEntity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

/// One listed party.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListedEntity {
    /// Stable id, unique across lists: `un:QDi.001`, `ofac:12345`, or the FtM entity id.
    pub id: String,
    /// Which list: [`UN_LIST`], [`OFAC_SDN_LIST`], or the FtM datasets.
    pub list: String,
    /// Sanctions programmes: the UN list type (`Al-Qaida`, `Taliban`), OFAC programs (`SDGT`).
    pub programmes: Vec<String>,
    /// The list's own reference: `QDi.001` on the UN list, the entity number on OFAC's.
    pub reference: String,
    /// What kind of party.
    pub schema: Schema,
    /// Primary name first, then aliases and original-script names.
    pub names: Vec<ListedName>,
    /// Dates of birth, as precise as the list gives them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub birth_dates: Vec<BirthDate>,
    /// Places of birth, as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub birth_places: Vec<String>,
    /// Nationalities or citizenships (a vessel's flag), as written: names or ISO codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nationalities: Vec<String>,
    /// Passports, national ids and other identifiers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// Addresses and countries of residence or operation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    /// FollowTheMoney topics (`sanction`, `role.terror`), when the source has them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// When the party was put on the list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listed_on: Option<PartialDate>,
    /// The list's free-text remarks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

impl ListedEntity {
    /// An entity with an id, list, reference and schema and nothing else yet.
    pub fn new(id: String, list: String, reference: String, schema: Schema) -> Self {
        ListedEntity {
            id,
            list,
            programmes: Vec::new(),
            reference,
            schema,
            names: Vec::new(),
            birth_dates: Vec::new(),
            birth_places: Vec::new(),
            nationalities: Vec::new(),
            documents: Vec::new(),
            addresses: Vec::new(),
            topics: Vec::new(),
            listed_on: None,
            remarks: None,
        }
    }

    /// The primary name: the first name of kind [`NameKind::Primary`], else the first name.
    pub fn primary_name(&self) -> Option<&str> {
        let primary = self.names.iter().find(|n| n.kind == NameKind::Primary);
        primary.or(self.names.first()).map(|n| n.full.as_str())
    }
}

/// What kind of party an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Schema {
    /// A natural person (UN INDIVIDUAL, OFAC `individual`).
    Person,
    /// A group, company or other legal entity (UN ENTITY, OFAC rows without a type).
    Organization,
    /// A ship.
    Vessel,
    /// An aeroplane.
    Aircraft,
    /// The list does not say.
    Unknown,
}

/// One name of a listed party.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListedName {
    /// The whole name, parts joined with single spaces, as the list spells it.
    pub full: String,
    /// Primary name, alias, former or new name.
    pub kind: NameKind,
    /// How reliable the list says the name is.
    pub quality: NameQuality,
    /// Latin letters or the original script.
    pub script: NameScript,
    /// The name parts in list order when the list gives them (UN FIRST_NAME..FOURTH_NAME).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
}

impl ListedName {
    /// A name whose script is told from its letters, without parts.
    pub fn new(full: String, kind: NameKind, quality: NameQuality) -> Self {
        let script = NameScript::of(&full);
        ListedName {
            full,
            kind,
            quality,
            script,
            parts: Vec::new(),
        }
    }
}

/// How a name relates to the party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum NameKind {
    /// The name the party is listed under.
    Primary,
    /// Also known as (a.k.a.).
    Alias,
    /// Formerly known as (f.k.a.).
    FormerName,
    /// Now known as (n.k.a.).
    NewName,
}

/// How reliable a name is, as the list grades it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum NameQuality {
    /// UN `Good` quality alias, OFAC strong a.k.a., FtM `name`/`alias`.
    Good,
    /// UN `Low` quality alias, OFAC weak a.k.a. (quoted in remarks), FtM `weakAlias`.
    Low,
    /// The list does not grade it.
    Unknown,
}

/// The writing system of a name, so the matcher knows when to transliterate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum NameScript {
    /// Latin letters only (with or without diacritics).
    Latin,
    /// Arabic, Cyrillic or any other script, as the UN gives in NAME_ORIGINAL_SCRIPT.
    Original,
}

impl NameScript {
    /// Tells the script from the letters: any letter beyond the Latin blocks makes it original.
    pub fn of(name: &str) -> Self {
        let non_latin = name.chars().any(|c| c.is_alphabetic() && !is_latin(c));
        if non_latin {
            NameScript::Original
        } else {
            NameScript::Latin
        }
    }
}

/// Basic Latin to Latin Extended-B, IPA, spacing modifiers, combining marks and Latin Extended
/// Additional: everything a transliterated name may carry.
fn is_latin(c: char) -> bool {
    matches!(c as u32, 0..=0x036F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF)
}

/// A date of birth: one date, a range, or words the list gives instead.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BirthDate {
    /// The date, or the start of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The end of a range (UN `BETWEEN`, OFAC `1965 to 1967`), inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// The list says approximately / circa.
    pub circa: bool,
    /// Text the list adds or gives instead of a date (UN NOTE, an unreadable value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// An identity or registration document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    /// What document: `Passport`, `National Identification Number`, `Cedula No.`.
    pub kind: String,
    /// The number, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Issuing country, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Anything else the list says about it (issue date, notes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An address, or just a country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Address {
    /// Street, city, region and postal code joined with `, `, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full: Option<String>,
    /// The country, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}
