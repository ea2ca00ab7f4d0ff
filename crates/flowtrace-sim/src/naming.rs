//! Names of account holders: generated from the holder's country and id, or, for accounts of
//! listed parties, a realistic spelling of the name on the list.

use flowtrace_names as names;

use crate::random::{mix, SimRng, Stream};
use crate::world::countries::NameOrigin;
use crate::world::population::{AccountIdx, HolderKind, Population};

/// A party on a sanctions list, as the simulator needs it.
#[derive(Clone, Debug)]
pub struct ListedParty {
    /// List reference, e.g. `QDi.001`.
    pub reference: String,
    /// Name as listed.
    pub name: String,
    /// Whether it is an organisation rather than a person.
    pub organisation: bool,
}

/// An account held by a listed party, with the spelling the bank has on file.
#[derive(Clone, Debug)]
pub struct ListedAccount {
    /// The account.
    pub account: AccountIdx,
    /// List reference.
    pub reference: String,
    /// Name as listed.
    pub listed_name: String,
    /// Name as the bank spelled it.
    pub spelled_as: String,
}

/// Gives every account holder a name, deterministically from the seed.
pub struct Namer {
    seed: u64,
    listed: Vec<ListedAccount>,
}

impl Namer {
    /// Assigns listed parties (spread over `parties`, skipping none twice until all are used)
    /// to the listed accounts of `pop`.
    pub fn new(seed: u64, pop: &Population, parties: &[ListedParty]) -> Namer {
        let mut rng = SimRng::new(seed, Stream::Names);
        let mut order: Vec<usize> = (0..parties.len()).collect();
        rng.shuffle(&mut order);
        let listed = if parties.is_empty() {
            Vec::new()
        } else {
            pop.listed
                .clone()
                .enumerate()
                .map(|(k, account)| {
                    let party = &parties[order[k % order.len()]];
                    let strength = match rng.below(3) {
                        0 => names::Variation::Light,
                        1 => names::Variation::Medium,
                        _ => names::Variation::Heavy,
                    };
                    ListedAccount {
                        account,
                        reference: party.reference.clone(),
                        listed_name: party.name.clone(),
                        spelled_as: names::variant(&party.name, rng.next_u64(), strength),
                    }
                })
                .collect()
        };
        Namer { seed, listed }
    }

    /// Accounts held by listed parties.
    pub fn listed(&self) -> &[ListedAccount] {
        &self.listed
    }

    /// The holder name of `account`.
    pub fn name(&self, pop: &Population, account: AccountIdx) -> String {
        let key = mix(self.seed ^ mix(u64::from(account)));
        let country = pop.country(account);
        let origin = pick_origin(country.origins, key);
        match pop.kind(account) {
            HolderKind::Person => names::person(origin, key).full(),
            HolderKind::CashDesk => format!("{} cash desk", pop.bank(account).id),
            HolderKind::Listed => match pop.listed.clone().position(|a| a == account) {
                Some(k) if k < self.listed.len() => self.listed[k].spelled_as.clone(),
                _ => names::person(origin, key).full(),
            },
            HolderKind::Charity => names::company_in(country.code, names::OrgKind::Charity, key),
            HolderKind::Exchange => {
                names::company_in(country.code, names::OrgKind::ExchangeHouse, key)
            }
            _ => names::company_in(country.code, names::OrgKind::Company, key),
        }
    }
}

pub(crate) fn pick_origin(origins: &[(NameOrigin, f64)], key: u64) -> names::Origin {
    let total: f64 = origins.iter().map(|(_, w)| w).sum();
    let mut x = (key >> 11) as f64 / (1u64 << 53) as f64 * total;
    for &(origin, w) in origins {
        if x < w {
            return to_names(origin);
        }
        x -= w;
    }
    to_names(origins.last().map_or(NameOrigin::Western, |o| o.0))
}

fn to_names(origin: NameOrigin) -> names::Origin {
    match origin {
        NameOrigin::Western => names::Origin::Western,
        NameOrigin::Arabic => names::Origin::Arabic,
        NameOrigin::Persian => names::Origin::Persian,
        NameOrigin::Turkish => names::Origin::Turkish,
        NameOrigin::Russian => names::Origin::Russian,
        NameOrigin::CentralAsian => names::Origin::CentralAsian,
        NameOrigin::SouthAsian => names::Origin::SouthAsian,
        NameOrigin::Somali => names::Origin::EastAfrican,
        NameOrigin::WestAfrican => names::Origin::WestAfrican,
        NameOrigin::Latin => names::Origin::Latin,
        NameOrigin::Chinese => names::Origin::Chinese,
    }
}
