//! Decides which patterns to plant each day so that the world's illicit share comes out exactly
//! as configured, and spends some of their proceeds afterwards as AMLworld does.

use flowtrace_graph::PaymentFormat;

use super::context::{Draft, PlantContext};
use super::{laundering, terror, Pattern, Role, Typology};
use crate::config::WorldConfig;
use crate::random::{AliasTable, SimRng, Stream};
use crate::transfer::SimTransfer;
use crate::world::population::{AccountIdx, Population};

const DAY: i64 = 86_400;

/// What the planner hands to the writer.
pub enum Planted {
    /// A new instance: its transfers go to the transactions file and its block to the patterns
    /// file.
    Pattern(Pattern),
    /// A follow-on transfer of an earlier instance's proceeds.
    Propagated(SimTransfer),
}

/// Where an instance's money came to rest, for spending it later.
#[derive(Clone, Copy)]
struct Endpoint {
    pattern: u32,
    account: AccountIdx,
    ts: i64,
    amount: f64,
}

/// Plants patterns day by day within the illicit budget.
pub struct Planner<'a> {
    config: &'a WorldConfig,
    rng: SimRng,
    target: u64,
    planted: u64,
    next_id: u32,
    laundering: Option<AliasTable>,
    terror: Option<AliasTable>,
    endpoints: Vec<Endpoint>,
    roles: Vec<Role>,
    /// Typologies still to plant once, so that every enabled typology shows up in a world
    /// even when it is small.
    first_round: Vec<Typology>,
    /// The typology last taken from `first_round`, if the last pick came from it.
    first_round_last: Option<Typology>,
}

impl<'a> Planner<'a> {
    /// A planner for `config`, aiming at `target` illicit transfers over the world.
    pub fn new(config: &'a WorldConfig, target: u64, accounts: usize) -> Planner<'a> {
        let table =
            |w: &[f64], on: bool| (on && w.iter().sum::<f64>() > 0.0).then(|| AliasTable::new(w));
        let laundering = table(&config.laundering.weights, config.terror.share < 1.0);
        let terror = table(&config.terror.weights, config.terror.share > 0.0);
        let enabled = |list: &[Typology], weights: &[f64], on: bool| {
            list.iter()
                .zip(weights)
                .filter(move |(_, &w)| on && w > 0.0)
                .map(|(&t, _)| t)
                .collect::<Vec<_>>()
        };
        let mut first_round = enabled(
            &Typology::LAUNDERING,
            &config.laundering.weights,
            laundering.is_some(),
        );
        first_round.extend(enabled(
            &Typology::TERROR,
            &config.terror.weights,
            terror.is_some(),
        ));
        let mut rng = SimRng::new(config.seed, Stream::Planting);
        rng.shuffle(&mut first_round);
        Planner {
            config,
            rng,
            target,
            planted: 0,
            next_id: 1,
            laundering,
            terror,
            first_round,
            first_round_last: None,
            endpoints: Vec::new(),
            roles: vec![Role::Ordinary; accounts],
        }
    }

    /// Illicit transfers planted so far.
    pub fn planted(&self) -> u64 {
        self.planted
    }

    /// Patterns planted so far.
    pub fn patterns(&self) -> u32 {
        self.next_id - 1
    }

    /// The role each account ended up with (the most telling one when it has several).
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Plants the share of day `day` (0-based, of `plant_days` planting days) of the budget.
    /// On the last planting day the remainder is met exactly with propagated transfers.
    pub fn plant_day(
        &mut self,
        pop: &Population,
        day: u32,
        plant_days: u32,
        day_start: i64,
        deadline: i64,
        emit: &mut dyn FnMut(Planted),
    ) {
        let due = self.target * u64::from(day + 1) / u64::from(plant_days);
        let mut misses = 0;
        while self.planted < due && misses < 8 {
            // An instance may use the rest of the whole budget, not just today's share: small
            // worlds would otherwise get only tiny instances. Later days plant less to make up.
            let max = (self.target - self.planted) as usize;
            let Some(typology) = self.pick_typology() else {
                break;
            };
            let mut ctx = PlantContext::new(pop, &mut self.rng, day_start, deadline);
            let draft = if typology.is_terror() {
                terror::plant(&mut ctx, &self.config.terror, typology, max)
            } else {
                laundering::plant(&mut ctx, &self.config.laundering, typology, max)
            };
            match draft {
                Some(draft) => self.accept(pop, draft, max, deadline, emit),
                None => {
                    misses += 1;
                    // A typology that did not fit today keeps its place in the first round.
                    if self.first_round_pending(typology) {
                        self.first_round.insert(0, typology);
                    }
                }
            }
        }
        if day + 1 == plant_days {
            self.fill(pop, day_start, deadline, emit);
        }
    }

    fn first_round_pending(&self, typology: Typology) -> bool {
        self.first_round_last == Some(typology)
    }

    fn pick_typology(&mut self) -> Option<Typology> {
        if let Some(t) = self.first_round.pop() {
            self.first_round_last = Some(t);
            return Some(t);
        }
        self.first_round_last = None;
        let share = self.config.terror.share;
        let terror = match (&self.laundering, &self.terror) {
            (None, None) => return None,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (Some(_), Some(_)) => self.rng.chance(share),
        };
        Some(if terror {
            Typology::TERROR[self.terror.as_ref()?.sample(&mut self.rng)]
        } else {
            Typology::LAUNDERING[self.laundering.as_ref()?.sample(&mut self.rng)]
        })
    }

    fn accept(
        &mut self,
        pop: &Population,
        draft: Draft,
        max: usize,
        deadline: i64,
        emit: &mut dyn FnMut(Planted),
    ) {
        let id = self.next_id;
        self.next_id += 1;
        let mut transfers = draft.transfers;
        transfers.sort_by_key(|t| t.ts);
        for t in &mut transfers {
            t.pattern = id;
        }
        for &(account, role) in &draft.roles {
            let slot = &mut self.roles[account as usize];
            *slot = (*slot).max(role);
        }
        let last = *transfers
            .last()
            .expect("typologies plant at least one transfer");
        let endpoint = Endpoint {
            pattern: id,
            account: last.to,
            ts: last.ts,
            // What the last payee received, in the currency it holds the money in.
            amount: crate::world::population::convert(
                last.received as f64 / crate::transfer::scale(last.received_currency) as f64,
                last.received_currency,
                pop.currency(last.to),
            ),
        };
        let mut propagated = Vec::new();
        let room = max - transfers.len();
        if room > 0
            && pop.kind(last.to) != crate::world::population::HolderKind::CashDesk
            && self.rng.chance(self.config.laundering.propagate)
        {
            for _ in 0..(1 + self.rng.below(2)).min(room) {
                propagated.push(self.spend(pop, endpoint, endpoint.ts, deadline));
            }
        }
        self.endpoints.push(endpoint);
        self.planted += (transfers.len() + propagated.len()) as u64;
        emit(Planted::Pattern(Pattern {
            id,
            typology: draft.typology,
            detail: draft.detail,
            transfers,
            propagated,
            roles: draft.roles,
        }));
    }

    /// A follow-on payment out of an endpoint's proceeds: a purchase, a payment to a company,
    /// or cash taken out.
    fn spend(
        &mut self,
        pop: &Population,
        from: Endpoint,
        not_before: i64,
        deadline: i64,
    ) -> SimTransfer {
        let rng = &mut self.rng;
        let delay = DAY / 4 + rng.below(3 * DAY as usize) as i64;
        let ts = (from.ts + delay).max(not_before).min(deadline).max(from.ts);
        let amount = from.amount * (0.1 + 0.5 * rng.unit());
        let (to, format) = match rng.below(3) {
            0 => (
                pop.merchants.start + pop.merchant_popularity.sample(rng) as u32,
                PaymentFormat::CreditCard,
            ),
            1 => (pop.sized_company(rng), PaymentFormat::Ach),
            _ => (pop.cash_desk_of(from.account, rng), PaymentFormat::Cash),
        };
        let mut t = SimTransfer::new(pop, ts, from.account, to, amount, format);
        t.pattern = from.pattern;
        t.propagated = true;
        t
    }

    /// Meets the budget exactly: spends proceeds of earlier instances until the planted count
    /// reaches the target.
    fn fill(
        &mut self,
        pop: &Population,
        not_before: i64,
        deadline: i64,
        emit: &mut dyn FnMut(Planted),
    ) {
        let spendable: Vec<Endpoint> = self
            .endpoints
            .iter()
            .copied()
            .filter(|e| pop.kind(e.account) != crate::world::population::HolderKind::CashDesk)
            .collect();
        if spendable.is_empty() {
            return;
        }
        let mut k = 0;
        while self.planted < self.target {
            let t = self.spend(pop, spendable[k % spendable.len()], not_before, deadline);
            emit(Planted::Propagated(t));
            self.planted += 1;
            k += 1;
        }
    }
}
