//! Planted patterns: the eight AMLworld laundering typologies and five terrorist-financing ones,
//! each instance a set of illicit transfers with a known structure.

pub mod context;
mod laundering;
pub mod planner;
mod terror;

pub use context::PlantContext;
pub use planner::Planner;

use crate::transfer::SimTransfer;
use crate::world::population::AccountIdx;

/// The kind of a planted pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Typology {
    /// One account pays many.
    FanOut,
    /// Many accounts pay one.
    FanIn,
    /// Money goes round and comes back to where it started.
    Cycle,
    /// Money hops along a random path.
    Random,
    /// One set of accounts pays another.
    Bipartite,
    /// Two bipartite layers stacked: sources pay middles, middles pay sinks.
    Stack,
    /// One account scatters to middles that gather into one.
    ScatterGather,
    /// Many accounts gather into one that scatters to many.
    GatherScatter,
    /// Many small donors fund collectors; the pool crosses a border and leaves as cash.
    Crowdfunding,
    /// A charity with honest donors diverts part of its outflows to front accounts.
    CharityDiversion,
    /// Repeated cash deposits just under the reporting threshold, then a wire out.
    Structuring,
    /// Front companies pay round, invoice-like sums through intermediaries.
    TradeBased,
    /// Payments that reach or come from accounts of parties on the UN Consolidated List.
    ListedParty,
}

impl Typology {
    /// The eight laundering typologies, in `laundering.weights` order.
    pub const LAUNDERING: [Typology; 8] = [
        Typology::FanOut,
        Typology::FanIn,
        Typology::Cycle,
        Typology::Random,
        Typology::Bipartite,
        Typology::Stack,
        Typology::ScatterGather,
        Typology::GatherScatter,
    ];

    /// The five terrorist-financing typologies, in `terror.weights` order.
    pub const TERROR: [Typology; 5] = [
        Typology::Crowdfunding,
        Typology::CharityDiversion,
        Typology::Structuring,
        Typology::TradeBased,
        Typology::ListedParty,
    ];

    /// The name used in the patterns and truth files (AMLworld's for its eight).
    pub fn name(self) -> &'static str {
        match self {
            Typology::FanOut => "FAN-OUT",
            Typology::FanIn => "FAN-IN",
            Typology::Cycle => "CYCLE",
            Typology::Random => "RANDOM",
            Typology::Bipartite => "BIPARTITE",
            Typology::Stack => "STACK",
            Typology::ScatterGather => "SCATTER-GATHER",
            Typology::GatherScatter => "GATHER-SCATTER",
            Typology::Crowdfunding => "CROWDFUNDING",
            Typology::CharityDiversion => "CHARITY-DIVERSION",
            Typology::Structuring => "STRUCTURING",
            Typology::TradeBased => "TRADE-BASED",
            Typology::ListedParty => "LISTED-PARTY",
        }
    }

    /// The typology named `name` in a patterns or truth file.
    pub fn parse(name: &str) -> Option<Typology> {
        Typology::LAUNDERING
            .into_iter()
            .chain(Typology::TERROR)
            .find(|t| t.name() == name)
    }

    /// Whether this is a terrorist-financing typology.
    pub fn is_terror(self) -> bool {
        Typology::TERROR.contains(&self)
    }
}

/// What an account does in a planted pattern (written to the accounts file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Role {
    /// Takes part in no pattern.
    Ordinary = 0,
    /// Moves laundered money along (a money mule).
    Mule,
    /// Gives money to a terrorist-financing scheme.
    Funder,
    /// Collects donations or deposits.
    Collector,
    /// Passes money on.
    Intermediary,
    /// A front company or front account.
    Front,
    /// Receives the money at the end.
    Beneficiary,
    /// Held by a party on the UN Consolidated List.
    Listed,
}

impl Role {
    /// The role as written in the accounts file.
    pub fn name(self) -> &'static str {
        match self {
            Role::Ordinary => "ordinary",
            Role::Mule => "mule",
            Role::Funder => "funder",
            Role::Collector => "collector",
            Role::Intermediary => "intermediary",
            Role::Front => "front",
            Role::Beneficiary => "beneficiary",
            Role::Listed => "listed",
        }
    }
}

/// One planted instance.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// Instance id (1, 2, ... in planting order).
    pub id: u32,
    /// Its typology.
    pub typology: Typology,
    /// The text after the typology in the patterns file's BEGIN line, e.g.
    /// `Max 16-degree Fan-Out`; empty for none.
    pub detail: String,
    /// The pattern's own transfers, in time order (these are listed in the patterns file).
    pub transfers: Vec<SimTransfer>,
    /// Follow-on transfers of the proceeds (illicit, not in the patterns file).
    pub propagated: Vec<SimTransfer>,
    /// Roles the pattern gives to accounts.
    pub roles: Vec<(AccountIdx, Role)>,
}

impl Pattern {
    /// Transfers of the instance, propagated ones included.
    pub fn len(&self) -> usize {
        self.transfers.len() + self.propagated.len()
    }

    /// Whether the instance has no transfers.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
