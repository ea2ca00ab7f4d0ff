//! Coordination networks: which accounts post the same thing within seconds of each other.
//!
//! Each network kind gives some messages a *key* (what two messages must share) and pairs
//! messages with equal keys whose times are at most the window apart. Account `a` links to
//! account `b` with weight `w` when `w` distinct messages of `a` have such a partner message by
//! `b`. The network is directed (`a -> b` and `b -> a` may weigh differently, as `a` and `b` may
//! post different numbers of messages) and edges below the minimum weight are dropped. These are
//! coordination-network-toolkit 1.5.2's definitions, from its SQL, for each kind:
//!
//! | kind | messages taking part | key |
//! |---|---|---|
//! | co-retweet | reposts | the reposted message's id |
//! | co-tweet | non-reposts | the normalised text ([`crate::text::normalise`]), even if empty |
//! | co-reply | non-repost replies | the replied message's id |
//! | co-link | non-reposts | each URL in the message (a message may have several) |
//! | co-post | all | none: any two messages in the window pair |
//!
//! Co-similarity ([`NetworkKind::CoSimilarity`], the toolkit's co-similar-tweet) has no key:
//! original posts pair when their texts are near-duplicates, estimated with MinHash; see
//! [`similar`] for how, and how it differs from the toolkit's exact Jaccard.
//!
//! "Within the window" is `t_a - window <= t_b <= t_a + window`, in `f64` arithmetic as SQLite
//! computes the toolkit's `between`. A message pairs with itself, so every account that has a
//! keyed message is also linked to itself; like the toolkit's exports these self-loops are left
//! out unless asked for ([`CoordOptions::loops`]).
//!
//! The one deliberate difference: the toolkit 1.5.2 turns an empty `urls` field (and any empty
//! piece between doubled spaces) into the URL `""`, so every link-less non-repost co-links with
//! every other in the window. Here an empty URL is no URL ([`crate::read`]).
//!
//! Alongside the edges, each account's [`LeadFollow`]: how many of its coordinated messages came
//! first and how many after another account's, which tells seeders from amplifiers.
//!
//! Computing: the keyed messages are sorted by (key, time) (by counting, as keys are dense
//! ids); each one's window is one sweep of its key group; then accounts are processed in
//! parallel, each counting the distinct partner accounts of each of its messages. Memory is
//! about 40 bytes per keyed message plus the edges; time is the sum of the window sizes, the
//! same pairs the toolkit's join visits.

mod bands;
mod events;
mod pairs;
pub mod similar;
pub(crate) mod write;

use crate::messages::{Messages, UserId};

pub use pairs::LeadFollow;
pub use similar::SimilarityOptions;
pub use write::write_edges_csv;

/// A coordination network kind (the toolkit's command names are in [`NetworkKind::name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NetworkKind {
    /// Reposts of the same message.
    CoRetweet,
    /// Original posts with the same normalised text.
    CoTweet,
    /// Replies to the same message.
    CoReply,
    /// Original posts carrying the same URL.
    CoLink,
    /// Any posts: the null model, the most two accounts could be coordinated.
    CoPost,
    /// Original posts with near-duplicate texts (MinHash; see [`similar`]).
    CoSimilarity,
}

impl NetworkKind {
    /// Every kind, in the order above.
    pub const ALL: [NetworkKind; 6] = [
        NetworkKind::CoRetweet,
        NetworkKind::CoTweet,
        NetworkKind::CoReply,
        NetworkKind::CoLink,
        NetworkKind::CoPost,
        NetworkKind::CoSimilarity,
    ];

    /// The toolkit's name: `co_retweet`, `co_tweet`, `co_reply`, `co_link`, `co_post`,
    /// `co_similar_tweet`.
    pub fn name(self) -> &'static str {
        match self {
            NetworkKind::CoRetweet => "co_retweet",
            NetworkKind::CoTweet => "co_tweet",
            NetworkKind::CoReply => "co_reply",
            NetworkKind::CoLink => "co_link",
            NetworkKind::CoPost => "co_post",
            NetworkKind::CoSimilarity => "co_similar_tweet",
        }
    }

    /// Whether the network is the toolkit's exactly, edge for edge (all but co-similarity,
    /// whose MinHash estimate and word rules differ from the toolkit's exact Jaccard).
    pub fn is_exact(self) -> bool {
        self != NetworkKind::CoSimilarity
    }

    /// The kind named `name` (the toolkit's name, or with `-` for `_`; `co-similarity` too).
    pub fn from_name(name: &str) -> Option<NetworkKind> {
        let name = name.replace('-', "_");
        if name == "co_similarity" {
            return Some(NetworkKind::CoSimilarity);
        }
        NetworkKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Parameters of a coordination network.
#[derive(Clone, Debug, PartialEq)]
pub struct CoordOptions {
    /// Largest time between two messages that still pair, in seconds (the toolkit's
    /// `--time_window`). Negative or not finite pairs nothing.
    pub window_secs: f64,
    /// Smallest weight kept (the toolkit's `--min_edge_weight`).
    pub min_weight: u32,
    /// Keep self-loops (an account paired with its own messages; the toolkit's `--loops`).
    pub loops: bool,
    /// How co-similarity compares texts (the other kinds ignore it).
    pub similarity: SimilarityOptions,
}

impl Default for CoordOptions {
    /// The toolkit's defaults: a 60-second window, every edge, no loops, similarity 0.8.
    fn default() -> Self {
        CoordOptions {
            window_secs: 60.0,
            min_weight: 1,
            loops: false,
            similarity: SimilarityOptions::default(),
        }
    }
}

/// A directed, weighted edge of a coordination network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Edge {
    /// The account whose messages are counted.
    pub from: UserId,
    /// The account with a matching message in the window.
    pub to: UserId,
    /// How many distinct messages of `from` have a match by `to`.
    pub weight: u32,
}

/// A coordination network: its kind and its edges sorted by (`from`, `to`).
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    kind: NetworkKind,
    edges: Vec<Edge>,
    timing: Vec<LeadFollow>,
}

impl Network {
    /// The kind of network.
    pub fn kind(&self) -> NetworkKind {
        self.kind
    }

    /// The edges, sorted by (`from`, `to`); the same whatever the thread count.
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    /// How often each account's coordinated messages led or followed (indexed by account id;
    /// zero for accounts without keyed messages).
    pub fn lead_follow(&self, user: UserId) -> LeadFollow {
        self.timing.get(user as usize).copied().unwrap_or_default()
    }

    /// Takes the edges.
    pub fn into_edges(self) -> Vec<Edge> {
        self.edges
    }
}

/// Builds the `kind` coordination network of `messages` (see the [module documentation](self)),
/// which must keep the columns `kind` reads ([`crate::Columns::for_networks`]).
pub fn coordinate(messages: &Messages, kind: NetworkKind, options: &CoordOptions) -> Network {
    let users = messages.user_count();
    let (edges, timing) = if kind == NetworkKind::CoSimilarity {
        let similar = similar::similar_posts(messages, options.window_secs, &options.similarity);
        pairs::count_pairs(&similar, users, options)
    } else {
        let keyed = events::keyed_messages(messages, kind).windowed(options.window_secs);
        pairs::count_pairs(&keyed, users, options)
    };
    Network {
        kind,
        edges,
        timing,
    }
}
