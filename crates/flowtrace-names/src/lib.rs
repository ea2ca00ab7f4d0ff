//! Synthetic personal and company names across cultures, with the spelling variety that
//! screening meets.
//!
//! flowtrace's world simulator names millions of account holders with it, deterministically
//! and without storing names; the screening capability uses it to measure its matcher on the
//! spellings real records use for one name.
//!
//! - [`person`] makes a [`PersonName`] of an [`Origin`] (Arabic, Persian, Turkish, Russian,
//!   Central Asian, South Asian, East and West African, Latin, Western, Chinese) from a `u64`
//!   key, with the culture's structure: `Mohammed bin Ahmed Al-Qahtani`,
//!   `Anna Sergeyevna Petrova`, `Abdi Hassan Nur`, `María José García López`, `Zhang Wei`, and
//!   where the tables know it the [original script](PersonName::original_script)
//!   (`محمد بن أحمد القحطاني`, `Анна Сергеевна Петрова`, `张伟`). An [`OriginMix`] draws origins
//!   by weight; [`country_cultures`] gives a plausible mix for a country.
//! - [`company`] and [`company_in`] name businesses, charities, money-service businesses and
//!   exchange houses ([`OrgKind`]) in the words and legal forms of where they are registered.
//! - [`variant`] and [`variants`] rewrite any Latin-script name (one read from the UN list, say)
//!   the way other records spell it, at three [`Variation`] strengths: case and particles;
//!   transliteration (`Sayf`/`Saif`/`Seif`, `Mohammed`/`Muhammad`/`Mohamed`,
//!   `Yevgeniy`/`Evgeny`, `Abd al-Rahman`/`Abdulrahman`/`Abdel Rahman`); reordering, dropped
//!   parts and initials. [`original_script`] goes the other way for names the tables know.
//!
//! Everything is a pure function of its inputs and a key: the same key gives the same name on
//! every machine, in every run, whatever the thread count (integer hashing only). The name
//! tables are written from general knowledge and live in `src/tables/`; they change between
//! versions of this crate, and so do the names a key gives.
//!
//! ```
//! use flowtrace_names::{company, person, variants, Origin, OriginMix, OrgKind, Variation};
//!
//! // 60% Western, 10% Arabic, ... as a simulator would mix its population.
//! let mix = OriginMix::new()
//!     .with(Origin::Western, 60)
//!     .with(Origin::Arabic, 10)
//!     .with(Origin::SouthAsian, 10)
//!     .with(Origin::Latin, 10)
//!     .with(Origin::Russian, 10);
//! let seed = 2024_u64;
//! for entity in 0..5_u64 {
//!     let key = seed.rotate_left(32) ^ entity; // any well-spread key will do
//!     let name = person(mix.pick(key), key);
//!     assert!(!name.full().is_empty());
//!     assert_eq!(name.full(), person(mix.pick(key), key).full()); // deterministic
//! }
//!
//! let charity = company(Origin::Western, OrgKind::Charity, 7);
//! assert!(!charity.is_empty());
//!
//! let spellings = variants("Mohammed", 20, 1, Variation::Medium);
//! assert!(spellings.iter().any(|v| v.eq_ignore_ascii_case("Muhammad")));
//! ```
#![warn(missing_docs)]

mod company;
mod country;
mod hash;
mod origin;
mod person;
mod script;
mod tables;
mod text;
mod variant;

pub use company::{company, company_in, company_of, OrgKind};
pub use country::{country_cultures, known_countries};
pub use origin::{Culture, Gender, Mix, Origin, OriginMix};
pub use person::{person, person_gendered, person_of, NamePart, PersonName, Role};
pub use script::original_script;
pub use variant::{variant, variants, Variation};
