//! Who holds accounts: banks in countries, persons and companies with heavy-tailed activity,
//! the cash desks of bank branches, charities, and accounts held by listed parties.
//!
//! Accounts are numbered in blocks (persons, then companies, then cash desks, then listed
//! parties), so an account's kind is a range test and nothing per account is stored beyond its
//! bank, two bytes of attributes and the sampling tables.

use std::ops::Range;

use flowtrace_graph::Currency;

use super::countries::{usd_per_unit, Country, COUNTRIES};
use crate::config::WorldConfig;
use crate::random::{AliasTable, SimRng, Stream};

/// Index of an account in the simulated world.
pub type AccountIdx = u32;

/// What kind of holder an account has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolderKind {
    /// A private person.
    Person,
    /// A company that sells to persons (card purchases land here).
    Merchant,
    /// A utility or telecom company paid by bills.
    Utility,
    /// A cryptocurrency exchange.
    Exchange,
    /// A charity or non-profit organisation.
    Charity,
    /// Any other company: employers and business-to-business trade.
    Company,
    /// A bank branch's cash desk: deposits come from it and withdrawals go to it.
    CashDesk,
    /// A person or organisation on the UN Security Council Consolidated List.
    Listed,
}

impl HolderKind {
    /// The entity type written in the accounts file.
    pub fn name(self) -> &'static str {
        match self {
            HolderKind::Person => "person",
            HolderKind::Merchant => "merchant",
            HolderKind::Utility => "utility",
            HolderKind::Exchange => "crypto-exchange",
            HolderKind::Charity => "charity",
            HolderKind::Company => "company",
            HolderKind::CashDesk => "cash-desk",
            HolderKind::Listed => "listed",
        }
    }
}

/// A bank of the simulated world.
pub struct Bank {
    /// Bank id as AMLworld writes it: digits with varied zero padding (`010` is not `10`).
    pub id: String,
    /// Index into [`COUNTRIES`].
    pub country: u8,
    /// Its branches' cash desks (at least one).
    pub cash_desks: Range<AccountIdx>,
}

/// Every account and bank of a world, with the tables that pick payers and payees.
pub struct Population {
    /// Banks, in id order.
    pub banks: Vec<Bank>,
    /// Bank of each account.
    pub bank_of: Vec<u32>,
    /// Accounts held by persons.
    pub persons: Range<AccountIdx>,
    /// Accounts held by companies: utilities, merchants, exchanges, charities, then the rest.
    pub companies: Range<AccountIdx>,
    /// Utility accounts (a prefix of `companies`).
    pub utilities: Range<AccountIdx>,
    /// Merchant accounts.
    pub merchants: Range<AccountIdx>,
    /// Crypto-exchange accounts.
    pub exchanges: Range<AccountIdx>,
    /// Charity accounts.
    pub charities: Range<AccountIdx>,
    /// Cash desks of bank branches.
    pub cash_desks: Range<AccountIdx>,
    /// Accounts held by listed parties.
    pub listed: Range<AccountIdx>,
    /// Persons by how often they pay (Pareto): heavy-tailed out-degrees.
    pub person_activity: AliasTable,
    /// Merchants by popularity (Zipf-like): heavy-tailed in-degrees.
    pub merchant_popularity: AliasTable,
    /// Companies by size: employers and trading partners.
    pub company_size: AliasTable,
    /// Employees of each company, as ranges into `employees`.
    pub staff: Vec<Range<u32>>,
    /// Person accounts grouped by employer.
    pub employees: Vec<AccountIdx>,
    /// Accounts per country, for picking a counterparty in a given country.
    pub by_country: Vec<Vec<AccountIdx>>,
    /// Currency of each country, looked up once.
    currencies: Vec<Currency>,
    /// Per country: its merchants by popularity.
    local_merchants: Vec<Option<Local>>,
    /// Per country: its companies by size.
    local_companies: Vec<Option<Local>>,
}

/// Accounts of one country with their sampling weights.
struct Local {
    accounts: Vec<AccountIdx>,
    table: AliasTable,
}

impl Local {
    fn per_country(
        by_country: &[Vec<AccountIdx>],
        range: &Range<AccountIdx>,
        weight: impl Fn(AccountIdx) -> f64,
    ) -> Vec<Option<Local>> {
        by_country
            .iter()
            .map(|accounts| {
                let accounts: Vec<AccountIdx> = accounts
                    .iter()
                    .copied()
                    .filter(|a| range.contains(a))
                    .collect();
                let weights: Vec<f64> = accounts.iter().map(|&a| weight(a)).collect();
                (!accounts.is_empty()).then(|| Local {
                    table: AliasTable::new(&weights),
                    accounts,
                })
            })
            .collect()
    }
}

impl Population {
    /// Builds the population of `config`, with `listed` accounts for listed parties.
    pub fn new(config: &WorldConfig) -> Population {
        let mut rng = SimRng::new(config.seed, Stream::Population);
        let n = config.accounts;
        let company_count = (n / 12).max(40);
        let persons = 0..n - company_count;
        let companies = persons.end..n;
        let small = |share: u32, min: u32| (company_count / share).max(min);
        let utilities = companies.start..companies.start + small(200, 3);
        let merchants = utilities.end..utilities.end + small(4, 10);
        let exchanges = merchants.end..merchants.end + small(500, 2);
        let charities = exchanges.end..exchanges.end + small(150, 3);

        let banks = make_banks(config.banks, n, &mut rng);
        let desks_end = banks.last().map_or(n, |b| b.cash_desks.end);
        let cash_desks = n..desks_end;
        let listed = desks_end..desks_end + config.terror.listed_accounts;

        let bank_weights: Vec<f64> = banks
            .iter()
            .map(|b| COUNTRIES[b.country as usize].weight)
            .collect();
        let bank_table = AliasTable::new(&bank_weights);
        let mut bank_of: Vec<u32> = (0..n).map(|_| bank_table.sample(&mut rng) as u32).collect();
        for (b, bank) in banks.iter().enumerate() {
            bank_of.extend(bank.cash_desks.clone().map(|_| b as u32));
        }
        let high_risk: Vec<u32> = (0..banks.len() as u32)
            .filter(|&b| COUNTRIES[banks[b as usize].country as usize].high_risk)
            .collect();
        // Listed parties bank in the corridor countries when the world has banks there.
        bank_of.extend(listed.clone().map(|_| {
            if high_risk.is_empty() {
                bank_table.sample(&mut rng) as u32
            } else {
                *rng.pick(&high_risk)
            }
        }));

        let activity: Vec<f64> = persons.clone().map(|_| rng.pareto(1.6)).collect();
        let popularity: Vec<f64> = (1..=merchants.len())
            .map(|r| 1.0 / (r as f64).powf(0.9))
            .collect();
        let sizes: Vec<f64> = companies
            .clone()
            .map(|_| rng.pareto(1.2).min(5_000.0))
            .collect();
        let company_size = AliasTable::new(&sizes);
        let bank_country = |a: AccountIdx| banks[bank_of[a as usize] as usize].country as usize;
        let mut by_country = vec![Vec::new(); COUNTRIES.len()];
        for a in persons.start..companies.end {
            by_country[bank_country(a)].push(a);
        }
        let local_merchants = Local::per_country(&by_country, &merchants, |a| {
            popularity[(a - merchants.start) as usize]
        });
        let local_companies = Local::per_country(&by_country, &companies, |a| {
            sizes[(a - companies.start) as usize]
        });
        let (staff, employees) = assign_staff(&persons, &company_size, companies.len(), &mut rng);
        Population {
            banks,
            bank_of,
            persons,
            companies,
            utilities,
            merchants,
            exchanges,
            charities,
            cash_desks,
            listed,
            person_activity: AliasTable::new(&activity),
            merchant_popularity: AliasTable::new(&popularity),
            company_size,
            staff,
            employees,
            by_country,
            currencies: COUNTRIES.iter().map(|c| currency(c.currency)).collect(),
            local_merchants,
            local_companies,
        }
    }

    /// Number of accounts.
    pub fn len(&self) -> usize {
        self.bank_of.len()
    }

    /// Whether there are no accounts (never, for a valid configuration).
    pub fn is_empty(&self) -> bool {
        self.bank_of.is_empty()
    }

    /// The kind of holder of `account`.
    pub fn kind(&self, account: AccountIdx) -> HolderKind {
        let a = account;
        if self.persons.contains(&a) {
            HolderKind::Person
        } else if self.utilities.contains(&a) {
            HolderKind::Utility
        } else if self.merchants.contains(&a) {
            HolderKind::Merchant
        } else if self.exchanges.contains(&a) {
            HolderKind::Exchange
        } else if self.charities.contains(&a) {
            HolderKind::Charity
        } else if self.companies.contains(&a) {
            HolderKind::Company
        } else if self.cash_desks.contains(&a) {
            HolderKind::CashDesk
        } else {
            HolderKind::Listed
        }
    }

    /// The bank of `account`.
    pub fn bank(&self, account: AccountIdx) -> &Bank {
        &self.banks[self.bank_of[account as usize] as usize]
    }

    /// The country of `account`.
    pub fn country(&self, account: AccountIdx) -> &'static Country {
        &COUNTRIES[self.bank(account).country as usize]
    }

    /// The currency `account` is held in.
    pub fn currency(&self, account: AccountIdx) -> Currency {
        self.currencies[self.bank(account).country as usize]
    }

    /// A cash desk of `account`'s own bank.
    pub fn cash_desk_of(&self, account: AccountIdx, rng: &mut SimRng) -> AccountIdx {
        let desks = &self.bank(account).cash_desks;
        desks.start + rng.below(desks.len()) as u32
    }

    /// An active person, picked by activity.
    pub fn active_person(&self, rng: &mut SimRng) -> AccountIdx {
        self.persons.start + self.person_activity.sample(rng) as u32
    }

    /// A person picked uniformly.
    pub fn any_person(&self, rng: &mut SimRng) -> AccountIdx {
        self.persons.start + rng.below(self.persons.len()) as u32
    }

    /// A company picked by size.
    pub fn sized_company(&self, rng: &mut SimRng) -> AccountIdx {
        self.companies.start + self.company_size.sample(rng) as u32
    }

    /// A merchant for `payer` to buy from: mostly one in the payer's country.
    pub fn merchant_near(&self, payer: AccountIdx, rng: &mut SimRng) -> AccountIdx {
        let local = &self.local_merchants[self.bank(payer).country as usize];
        match local {
            Some(l) if rng.chance(0.93) => l.accounts[l.table.sample(rng)],
            _ => self.merchants.start + self.merchant_popularity.sample(rng) as u32,
        }
    }

    /// A company for `payer` to trade with or pay: mostly one in the payer's country.
    pub fn company_near(&self, payer: AccountIdx, rng: &mut SimRng) -> AccountIdx {
        let local = &self.local_companies[self.bank(payer).country as usize];
        match local {
            Some(l) if rng.chance(0.85) => l.accounts[l.table.sample(rng)],
            _ => self.sized_company(rng),
        }
    }

    /// An account (person or company) in a high-risk corridor country, if the world has one.
    pub fn corridor_account(&self, rng: &mut SimRng) -> Option<AccountIdx> {
        let corridors: Vec<usize> = (0..COUNTRIES.len())
            .filter(|&c| COUNTRIES[c].high_risk && !self.by_country[c].is_empty())
            .collect();
        let c = *corridors.get(rng.below(corridors.len().max(1)))?;
        Some(*rng.pick(&self.by_country[c]))
    }

    /// The account number of `account`, as AMLworld writes them: nine hexadecimal digits
    /// starting with `8`; cash desks are `CASH` and a branch number.
    pub fn number(&self, account: AccountIdx, out: &mut Vec<u8>) {
        if self.cash_desks.contains(&account) {
            let branch = account - self.bank(account).cash_desks.start + 1;
            out.extend_from_slice(format!("CASH{branch:02}").as_bytes());
            return;
        }
        // Multiplying by an odd constant is a bijection on u32: distinct accounts get distinct
        // numbers, and consecutive accounts do not get consecutive numbers.
        let scrambled = account.wrapping_mul(0x9E37_79B1);
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let mut text = [b'8'; 9];
        for (k, digit) in text[1..].iter_mut().enumerate() {
            *digit = HEX[(scrambled >> (28 - 4 * k)) as usize & 0xF];
        }
        out.extend_from_slice(&text);
    }
}

/// The currency with ISO code `code` (always one of flowtrace's known currencies).
pub fn currency(code: &str) -> Currency {
    Currency::from_code(code).expect("simulated countries use known currencies")
}

/// Converts an amount between currencies at the simulator's fixed rates.
pub fn convert(amount: f64, from: Currency, to: Currency) -> f64 {
    if from == to {
        amount
    } else {
        amount * usd_per_unit(from.code()) / usd_per_unit(to.code())
    }
}

fn make_banks(count: u32, first_desk: AccountIdx, rng: &mut SimRng) -> Vec<Bank> {
    let weights: Vec<f64> = COUNTRIES.iter().map(|c| c.weight).collect();
    let countries = AliasTable::new(&weights);
    let mut next_desk = first_desk;
    (0..count)
        .map(|b| {
            // Ids carry one or two leading zeros, as AMLworld's do (`010`, `00952`), so that
            // readers which drop zero padding show up in tests.
            let number = 10 + b * 7;
            let width = number.to_string().len() + usize::from(rng.below(5) == 0) + 1;
            let branches = 1 + rng.below(3) as u32;
            let country = if b < COUNTRIES.len() as u32 {
                b as u8
            } else {
                countries.sample(rng) as u8
            };
            let bank = Bank {
                id: format!("{number:0width$}"),
                country,
                cash_desks: next_desk..next_desk + branches,
            };
            next_desk += branches;
            bank
        })
        .collect()
}

fn assign_staff(
    persons: &Range<AccountIdx>,
    company_size: &AliasTable,
    companies: usize,
    rng: &mut SimRng,
) -> (Vec<Range<u32>>, Vec<AccountIdx>) {
    // Four in five persons are employed; each goes to a company drawn by size.
    let mut employer: Vec<(u32, AccountIdx)> = Vec::new();
    for p in persons.clone() {
        if rng.below(5) != 0 {
            employer.push((company_size.sample(rng) as u32, p));
        }
    }
    let mut counts = vec![0u32; companies + 1];
    for &(c, _) in &employer {
        counts[c as usize + 1] += 1;
    }
    for i in 1..counts.len() {
        counts[i] += counts[i - 1];
    }
    let staff = (0..companies).map(|c| counts[c]..counts[c + 1]).collect();
    let mut employees = vec![0; employer.len()];
    let mut fill = counts;
    for (c, p) in employer {
        employees[fill[c as usize] as usize] = p;
        fill[c as usize] += 1;
    }
    (staff, employees)
}
