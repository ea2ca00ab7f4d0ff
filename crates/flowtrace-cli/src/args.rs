//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// flowtrace: find and cut the chains that fund and spread terrorism.
///
/// Reads bank transfers (AMLworld CSV, Parquet, Arrow IPC, FollowTheMoney JSON lines) into a
/// temporal money graph. Exit codes: 0 success, 1 failure, 3 finished but rows were rejected
/// (with --on-error skip).
#[derive(Parser, Debug)]
#[command(name = "flowtrace", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Worker threads (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bars or notes; results and errors only.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Summarise a transfers file: accounts, transfers, time span, currencies, degrees, labels.
    #[command(
        after_help = "Example:\n  flowtrace stats tests/data/amlworld-sample.csv\n  \
        flowtrace stats HI-Small_Trans.csv --json --on-error skip --rejects bad.csv"
    )]
    Stats(StatsArgs),
    /// Convert a transfers file to another format (Parquet, Arrow IPC, AMLworld CSV, FtM JSON).
    #[command(
        after_help = "Example:\n  flowtrace convert HI-Small_Trans.csv --out hi-small.parquet"
    )]
    Convert(ConvertArgs),
    /// Generate a world with known ground truth: ordinary payments plus planted laundering and
    /// terrorist-financing patterns, as AMLworld files with truth, patterns and accounts.
    #[command(
        after_help = "Examples:\n  flowtrace simulate --preset small --out world\n  \
        flowtrace simulate --preset hi --seed 7 --format parquet --out hi\n  \
        flowtrace simulate --config world.toml --out world   (keys override the preset it names)"
    )]
    Simulate(SimulateArgs),
    /// Score a detector's predictions against a world's ground truth: minority-class precision,
    /// recall and F1 (at a threshold and at the best one), PR-AUC, recall per typology.
    #[command(
        after_help = "Predictions: a CSV with `row,score` (or `row,label`; row = 1-based data \
        row of the transactions file), a single `score` column with one value per row, or \
        `bank,account,score` for accounts.\n\nExamples:\n  \
        flowtrace eval world --predictions scores.csv\n  \
        flowtrace eval world --predictions scores.csv --split test --threshold 0.7 --json"
    )]
    Eval(EvalArgs),
    /// The main job, end to end: simulate a world with planted laundering and terrorist-
    /// financing flows, run every analysis flowtrace has on it, and write a report.
    #[command(
        after_help = "Writes DIR/report.html (open it in a browser), DIR/summary.json, \
        DIR/eval.json, DIR/rule-hits.jsonl, DIR/rule-scores.csv and the world in DIR/world/.\n\n\
        Example:\n  flowtrace demo\n  flowtrace demo --seed 7 --out /tmp/demo"
    )]
    Demo(DemoArgs),
    /// Screen names against watchlists (UN Consolidated List XML, OFAC SDN CSV, FtM JSON lines):
    /// one name, a queries CSV, the account holders of a transfer dataset, or a labelled set.
    #[command(
        after_help = "Output: CSV (or JSON lines with --json) query_id,entity_id,list,reference,\
        matched_name,score,explanation.\n\nExamples:\n  \
        flowtrace screen --list data/watchlists/un_consolidated.xml --name \"Saif al-Adel\"\n  \
        flowtrace screen --list un.xml --list ofac/sdn.csv --queries parties.csv --json\n  \
        flowtrace screen --list un.xml --transfers world/accounts.csv\n  \
        flowtrace screen --list tests/data/screen/entities.jsonl --eval tests/data/screen/pairs.csv"
    )]
    Screen(ScreenArgs),
    /// Graph features of an edge list as snapml's GraphFeaturePreprocessor computes them
    /// (fan, degree, vertex statistics and scatter-gather exact; cycles but for two snapml
    /// quirks).
    #[command(
        after_help = "IN: CSV EdgeID,source,target,timestamp[,numeric columns...], header \
        optional. --params: snapml's JSON keys unchanged. OUT: input columns then features, \
        input row order, as snapml's fit_transform; CSV with a header, or Parquet / Arrow IPC \
        when OUT ends in .parquet / .arrow.\n\nExamples:\n  \
        flowtrace features edges.csv --params gfp.json --out features.csv --threads 2\n  \
        flowtrace features edges.csv --params gfp.json --out features.parquet"
    )]
    Features(FeaturesArgs),
    /// Laundering and terrorist-financing structures in a transfers file, one instance a line:
    /// structuring runs, fans, temporal cycles, scatter-gather and gather-scatter, pass-through
    /// chains and crowdfunding, each with its rows, accounts, time span, money and why.
    #[command(
        after_help = "OUT: JSON lines {rule,score,rows,accounts,first,last,hours,paid,why}; rows \
        are 1-based data rows of IN. --scores writes row,score (each row's strongest instance, 0 \
        for none), which `flowtrace eval` reads.\n\nExamples:\n  \
        flowtrace patterns world/transactions.csv --out instances.jsonl\n  \
        flowtrace patterns world/transactions.csv --out i.jsonl --scores s.csv \
        && flowtrace eval world --predictions s.csv"
    )]
    Patterns(PatternsArgs),
    /// Follow the money from flagged accounts, forward (where it went) or backward (where it
    /// came from), hop by hop in time order, with the traced amount on every transfer.
    #[command(
        after_help = "Accounts are BANK:ACCOUNT, as in the transfers file. Policies: poison (any \
        contact taints all), haircut (traced share of the balance), fifo, lifo. Money rests at \
        most --window in an account before it counts as stopped; cash is not followed.\n\n\
        Examples:\n  flowtrace trace world/transactions.csv --from 0210:8000A1B2C\n  \
        flowtrace trace tx.csv --from 010:800,020:900 --direction both --policy fifo \
        --window 7d --max-hops 8 --out trace/"
    )]
    Trace(TraceArgs),
    /// The freeze plan: the cheapest accounts (or transfers) to freeze so that no
    /// time-respecting flow connects the sources to the sinks, or the best K to freeze.
    #[command(
        after_help = "Account files: one BANK:ACCOUNT (or BANK,ACCOUNT) per line; --costs lines \
        are BANK:ACCOUNT,COST. Exact for transfers; for accounts exact when the search finishes \
        (the plan says so).\n\nExamples:\n  flowtrace cut tx.csv --sources funders.txt --sinks \
        fighters.txt\n  flowtrace cut tx.csv --sources f.txt --sinks b.txt --budget 3 --json"
    )]
    Cut(CutArgs),
    /// Propaganda networks in social-media posts: coordinated accounts, their cells, the spread
    /// of one item, and the payment identifiers posts point at.
    #[command(
        subcommand,
        after_help = "POSTS: coordination-network-toolkit CSV (message_id,user_id,username,\
        repost_id,reply_id,message,timestamp,urls) or the same as JSON lines.\n\nExamples:\n  \
        flowtrace social coordinate posts.csv --network co-link --min-weight 2 --out edges.csv\n  \
        flowtrace social cells posts.csv --network co-retweet --out cells.csv\n  \
        flowtrace social cascade posts.csv --item https://vid.example/x1\n  \
        flowtrace social link --posts posts.csv --transfers world/transactions.csv"
    )]
    Social(SocialCommand),
    /// Known propaganda images: PDQ, MD5 and SHA-256 of files, hash banks (SQLite; HMA /
    /// ThreatExchange CSV) and matching files against them.
    #[command(
        subcommand,
        after_help = "Examples:\n  flowtrace media hash uploads/ --out hashes.csv\n  \
        flowtrace media bank create partner\n  \
        flowtrace media bank import partner partner-hashes.csv\n  \
        flowtrace media match uploads/ --bank partner --threshold 31 --min-quality 50"
    )]
    Media(crate::commands::media::MediaCommand),
    /// Known propaganda texts: bank them and find posts that repeat them, give or take some
    /// words (MinHash and LSH over word shingles).
    #[command(
        subcommand,
        after_help = "Examples:\n  flowtrace text add --bank known --input known-texts.jsonl\n  \
        flowtrace text match --bank known --input posts.jsonl --threshold 0.5"
    )]
    Text(crate::commands::text::TextCommand),
}

#[derive(Subcommand, Debug)]
pub enum SocialCommand {
    /// Coordination network: accounts that post the same link, repost, text or reply within a
    /// time window, as coordination-network-toolkit computes it.
    #[command(
        after_help = "Networks: co-link (same URL), co-retweet (same reposted post), co-tweet \
        (same normalised text), co-reply (reply to the same post), co-post (any posts). Edges \
        are directed, weight = distinct messages; output is the toolkit's edge CSV \
        (source,target,weight,edge_type).\n\nExample:\n  flowtrace social coordinate \
        posts.csv --network co-link --window 60 --min-weight 2 --out edges.csv"
    )]
    Coordinate(SocialCoordinateArgs),
    /// Cells: communities of the coordination network (seeded Louvain) ranked by size, density
    /// and activity, and each account's role (hub, bridge, member; seeder, amplifier).
    #[command(
        after_help = "Several networks separated by commas are taken together: weights and \
        leads are summed over them, so a cell that shares links in one burst and reposts in the \
        next is found whole.\n\nExamples:\n  flowtrace social cells posts.csv --network \
        co-retweet --min-weight 2 --out cells.csv --accounts-out accounts.csv\n  flowtrace \
        social cells posts.csv --network co-link,co-retweet,co-tweet --min-weight 2"
    )]
    Cells(SocialCellsArgs),
    /// Spread chain of one item (a post id, URL or media hash): who posted it first, who
    /// carried it (reposts, reposts of reposts, posts sharing the URL or hash), when, from
    /// which countries, and its reach hour by hour.
    #[command(
        after_help = "Countries come from --accounts (CSV with user_id and country columns); \
        without it every account's country is unknown.\n\nExamples:\n  flowtrace social \
        cascade posts.csv --item 1234567890\n  flowtrace social cascade posts.csv --item \
        9f86d081884c7d659a2feaa0c55ad015 --accounts online-accounts.csv --json"
    )]
    Cascade(SocialCascadeArgs),
    /// Payment identifiers in posts (IBAN, card, bank account, Bitcoin, Ethereum, phone),
    /// checksums verified, joined to the accounts of a transfer dataset so a trace can start
    /// there.
    #[command(
        after_help = "Bank accounts (BANK:ACCOUNT, or \"bank 0210 account 8000A1B2C\") join by \
        their key; other identifiers through --identifiers (CSV bank,account,identifier; \
        default: accounts.csv beside the transfers when it has an identifier column). An \
        identifier whose checksum fails is listed as invalid and never linked.\n\nOutput: CSV \
        (or JSON lines with --json) message_id,user_id,identifier,kind,check,account,\
        transfers_in,transfers_out,written.\n\nExample:\n  flowtrace social link --posts \
        posts.csv --transfers world/transactions.csv --linked-only"
    )]
    Link(SocialLinkArgs),
}

/// The posts file of a `social` command and what to do with its bad rows.
#[derive(Args, Debug)]
pub struct PostsArgs {
    /// Posts: coordination-network-toolkit CSV (.csv) or JSON lines (.jsonl, .json, .ndjson).
    #[arg(value_name = "POSTS")]
    pub posts: PathBuf,
    /// Posts format (default: from the file extension).
    #[arg(long = "posts-format", value_enum, value_name = "FORMAT")]
    pub format: Option<PostsFormat>,
    /// On a bad row: stop with its line and reason (fail), or set it aside and go on (skip).
    #[arg(long, value_enum, default_value_t = OnErrorArg::Fail)]
    pub on_error: OnErrorArg,
    /// With --on-error skip: write every rejected row, byte for byte, with its reason, here.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostsFormat {
    /// coordination-network-toolkit CSV.
    Csv,
    /// The same columns as JSON lines.
    Jsonl,
}

/// Which coordination network, and its window and threshold.
#[derive(Args, Debug)]
pub struct NetworkArgs {
    /// co-link, co-retweet, co-tweet, co-reply, co-post or co-similarity; for cells, several
    /// separated by commas (their union: co-link,co-retweet,co-tweet).
    #[arg(long, alias = "networks", value_name = "KIND")]
    pub network: String,
    /// Largest time between two coordinated posts, in seconds.
    #[arg(long, default_value_t = 60.0, value_name = "SECONDS")]
    pub window: f64,
    /// Smallest edge weight kept.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_weight: u32,
    /// co-similarity: the smallest Jaccard similarity of two posts' word sets that pairs them
    /// (above 0, at most 1; the toolkit's --similarity_threshold).
    #[arg(long, default_value_t = 0.8, value_name = "JACCARD", value_parser = jaccard)]
    pub similarity: f64,
}

fn jaccard(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if value > 0.0 && value <= 1.0 {
        Ok(value)
    } else {
        Err(format!(
            "{value} is not a Jaccard similarity above 0 and at most 1"
        ))
    }
}

#[derive(Args, Debug)]
pub struct SocialCoordinateArgs {
    #[command(flatten)]
    pub posts: PostsArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    /// Keep self-loops (an account paired with its own posts).
    #[arg(long)]
    pub loops: bool,
    /// Edge CSV (default: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct SocialCellsArgs {
    #[command(flatten)]
    pub posts: PostsArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    /// Louvain seed: the same seed gives the same cells.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Modularity resolution (above 1: more, smaller cells).
    #[arg(long, default_value_t = 1.0)]
    pub resolution: f64,
    /// Smallest community reported as a cell.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub min_size: usize,
    /// Cells CSV: rank,size,density,internal_weight,activity,hub,members (default: standard
    /// output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Also write every account's cell, role, timing and centrality here.
    #[arg(long, value_name = "FILE")]
    pub accounts_out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct SocialCascadeArgs {
    #[command(flatten)]
    pub posts: PostsArgs,
    /// The item: a post id, a URL or a media hash.
    #[arg(long, value_name = "ID")]
    pub item: String,
    /// Online accounts' countries: CSV with user_id (or user, account) and country columns.
    #[arg(long, value_name = "FILE")]
    pub accounts: Option<PathBuf>,
    /// Print the cascade as one JSON object instead of a summary.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct SocialLinkArgs {
    /// Posts: coordination-network-toolkit CSV (.csv) or JSON lines (.jsonl, .json, .ndjson).
    #[arg(long, value_name = "POSTS")]
    pub posts: PathBuf,
    /// Posts format (default: from the file extension).
    #[arg(long = "posts-format", value_enum, value_name = "FORMAT")]
    pub posts_format: Option<PostsFormat>,
    /// Transfers file (AMLworld CSV, Parquet, Arrow IPC, FtM JSON lines).
    #[arg(long, value_name = "FILE")]
    pub transfers: PathBuf,
    /// Transfers format (default: from the file extension; .csv is AMLworld CSV).
    #[arg(long = "transfers-format", value_enum, value_name = "FORMAT")]
    pub transfers_format: Option<Format>,
    /// Which identifier belongs to which account: CSV with bank, account and identifier columns.
    #[arg(long, value_name = "FILE")]
    pub identifiers: Option<PathBuf>,
    /// On a bad row (posts or transfers): stop (fail), or set it aside and go on (skip).
    #[arg(long, value_enum, default_value_t = OnErrorArg::Fail)]
    pub on_error: OnErrorArg,
    /// With --on-error skip: write rejected posts here.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// With --on-error skip: write rejected transfers here.
    #[arg(long, value_name = "FILE")]
    pub transfer_rejects: Option<PathBuf>,
    /// List only identifiers linked to an account.
    #[arg(long)]
    pub linked_only: bool,
    /// JSON lines instead of CSV.
    #[arg(long)]
    pub json: bool,
    /// Write the links here (default: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// The transfers file of `trace` and `cut` (whose `--from` names accounts, not a format).
#[derive(Args, Debug)]
pub struct GraphInputArgs {
    /// Transfers file.
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// Input format (default: from the file extension; .csv is AMLworld CSV).
    #[arg(long = "input-format", value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// On a bad row: stop (fail), or set it aside and go on (skip).
    #[arg(long, value_enum, default_value_t = OnErrorArg::Fail)]
    pub on_error: OnErrorArg,
    /// With --on-error skip: write every rejected row with its reason here.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Account details (a world's accounts.csv: bank,account,...,country,...), for totals by
    /// country and border crossings; default: accounts.csv beside IN when there is one.
    #[arg(long, value_name = "FILE")]
    pub accounts: Option<PathBuf>,
    /// Exchange rates, `currency,rate` in US dollars per unit (default: implied by the
    /// cross-currency transfers themselves).
    #[arg(long, value_name = "FILE")]
    pub rates: Option<PathBuf>,
    /// Ignore transfers before this time (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Ignore transfers after this time.
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
}

#[derive(Args, Debug)]
pub struct TraceArgs {
    #[command(flatten)]
    pub graph: GraphInputArgs,
    /// Accounts to trace from, BANK:ACCOUNT, comma-separated.
    #[arg(
        long = "from",
        value_name = "ACCOUNTS",
        value_delimiter = ',',
        required = true
    )]
    pub seeds: Vec<String>,
    /// forward (where the money went), backward (where it came from) or both.
    #[arg(long, default_value = "forward")]
    pub direction: String,
    /// Longest chain of transfers to follow.
    #[arg(long, default_value_t = 6)]
    pub max_hops: u32,
    /// How long money may rest in an account before it counts as stopped (90s, 30m, 12h, 7d).
    #[arg(long, value_name = "DURATION")]
    pub window: Option<String>,
    /// Do not follow transfers smaller than this (in the rates' currency).
    #[arg(long, default_value_t = 0.0)]
    pub min_amount: f64,
    /// poison, haircut, fifo or lifo.
    #[arg(long, default_value = "haircut")]
    pub policy: String,
    /// Write trace.json, trace.parquet, trace-<direction>.dot and trace.html into this directory.
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print the whole trace as JSON instead of a summary.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct CutArgs {
    #[command(flatten)]
    pub graph: GraphInputArgs,
    /// Accounts the money starts from (one per line).
    #[arg(long, value_name = "FILE")]
    pub sources: PathBuf,
    /// Accounts it must not reach (one per line).
    #[arg(long, value_name = "FILE")]
    pub sinks: PathBuf,
    /// Cost of freezing each account, BANK:ACCOUNT,COST per line (others cost 1).
    #[arg(long, value_name = "FILE")]
    pub costs: Option<PathBuf>,
    /// Stop single transfers instead of freezing accounts.
    #[arg(long)]
    pub transfers: bool,
    /// Freeze at most K accounts: those that stop the most money.
    #[arg(long, value_name = "K")]
    pub budget: Option<usize>,
    /// Write the plan as JSON here.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Print the plan as JSON instead of a summary.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct FeaturesArgs {
    /// Edge list CSV in snapml's layout (EdgeID,source,target,timestamp,...).
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// snapml GraphFeaturePreprocessor parameters, JSON with snapml's keys.
    #[arg(long, value_name = "FILE")]
    pub params: PathBuf,
    /// Output: CSV, or Parquet / Arrow IPC by extension (.parquet, .arrow).
    #[arg(long, short, value_name = "OUT")]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct PatternsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Instances, JSON lines.
    #[arg(long, short, value_name = "OUT")]
    pub out: PathBuf,
    /// Also write each input row's score (its strongest instance's) as CSV row,score.
    #[arg(long, value_name = "FILE")]
    pub scores: Option<PathBuf>,
    /// The rules' thresholds as JSON (the fields of flowtrace_patterns::RuleConfig, e.g.
    /// {"fan": {"min_counterparties": 4}}); missing fields keep their defaults.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["name", "queries", "transfers", "eval"])))]
pub struct ScreenArgs {
    /// A watchlist file (repeat for several); OFAC's alt/add files are found beside sdn.csv.
    #[arg(long = "list", value_name = "FILE", required = true)]
    pub lists: Vec<PathBuf>,
    /// One name to screen.
    #[arg(long)]
    pub name: Option<String>,
    /// CSV of queries: id,name[,schema,birth_date,nationality] with a header.
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,
    /// Screen every account holder of a transfer dataset: its accounts.csv, or the world
    /// directory holding it.
    #[arg(long, value_name = "FILE")]
    pub transfers: Option<PathBuf>,
    /// Score a labelled pairs file and print precision, recall and F1 per category.
    #[arg(long, value_name = "FILE")]
    pub eval: Option<PathBuf>,
    /// With --eval: another matcher's scores (CSV id,score) to evaluate side by side.
    #[arg(long, value_name = "FILE", requires = "eval")]
    pub peer_scores: Option<PathBuf>,
    /// Hits below this score are not reported (default: chosen on the labelled set).
    #[arg(long)]
    pub threshold: Option<f32>,
    /// At most this many hits per query, plus any further hit that ties with the last one (an
    /// exact name shared by several listed parties is never cut off halfway).
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// JSON lines instead of CSV.
    #[arg(long)]
    pub json: bool,
    /// On a bad queries row: stop (fail) or set it aside (skip).
    #[arg(long, value_enum, default_value_t = OnErrorArg::Fail)]
    pub on_error: OnErrorArg,
    /// With --on-error skip: write rejected rows here.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Output directory.
    #[arg(long, short, value_name = "DIR", default_value = "flowtrace-out")]
    pub out: PathBuf,
    /// World seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Transfers in the world (the `small` preset has 200,000).
    #[arg(long, value_name = "N")]
    pub transfers: Option<u64>,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// World directory written by `flowtrace simulate` (transactions, truth.csv), or an
    /// AMLworld transactions file whose `Is Laundering` column is the truth.
    #[arg(value_name = "WORLD")]
    pub world: PathBuf,
    /// Predictions file.
    #[arg(long, short, value_name = "FILE")]
    pub predictions: PathBuf,
    /// Scores at or above this count as flagged.
    #[arg(long, default_value_t = 0.5)]
    pub threshold: f64,
    /// Evaluate one part of AMLworld's temporal 60/20/20 split: train, validation, test or all.
    #[arg(long, default_value = "all")]
    pub split: String,
    /// Share of an instance's transfers that must be flagged for the instance to count as found
    /// (0: any one).
    #[arg(long, default_value_t = 0.0)]
    pub instance_share: f64,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// Starting configuration: small (~200k transfers, every typology), hi / li (AMLworld
    /// HI-Small / LI-Small illicit ratios, 5M transfers), tf (terrorist-financing heavy, 1M).
    #[arg(long, default_value = "small", value_parser = ["small", "hi", "li", "tf"])]
    pub preset: String,
    /// TOML world configuration; its keys override the preset it names (`preset = "hi"`).
    #[arg(long, value_name = "FILE", conflicts_with = "preset")]
    pub config: Option<PathBuf>,
    /// Seed (overrides the configuration's).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Number of transfers (overrides the configuration's).
    #[arg(long, value_name = "N")]
    pub transfers: Option<u64>,
    /// Output directory.
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Transactions file format.
    #[arg(long, value_enum, default_value_t = WorldFormat::Csv)]
    pub format: WorldFormat,
    /// UN Security Council Consolidated List (XML) naming the listed parties' accounts
    /// (default: the copy built into flowtrace, dated 2026-02-27).
    #[arg(long, value_name = "FILE")]
    pub listed: Option<PathBuf>,
    /// Also generate the online world (posts, cells, cascades, donation appeals pointing at
    /// this world's accounts) into OUT/online/ (on by itself when the configuration has an
    /// `[online]` table).
    #[arg(long)]
    pub online: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorldFormat {
    /// IBM AMLworld CSV.
    Csv,
    /// Parquet, flowtrace transfer schema.
    Parquet,
}

/// Where transfers come from and what to do with bad rows.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Transfers file.
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// Input format (default: from the file extension; .csv is AMLworld CSV).
    #[arg(long = "from", value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// On a bad row: stop with its line and reason (fail), or set it aside and go on (skip).
    #[arg(long, value_enum, default_value_t = OnErrorArg::Fail)]
    pub on_error: OnErrorArg,
    /// With --on-error skip: write every rejected row, byte for byte, with its reason, here.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ConvertArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output file.
    #[arg(long, short, value_name = "OUT")]
    pub out: PathBuf,
    /// Output format (default: from the extension of --out).
    #[arg(long = "to", value_enum, value_name = "FORMAT")]
    pub to: Option<Format>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnErrorArg {
    /// Stop at the first bad row.
    Fail,
    /// Set bad rows aside (needs --rejects) and continue.
    Skip,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// IBM AMLworld transactions CSV.
    Csv,
    /// Parquet, flowtrace transfer schema.
    Parquet,
    /// Arrow IPC file, flowtrace transfer schema.
    Arrow,
    /// FollowTheMoney entities, JSON lines.
    Ftm,
}

impl From<Format> for flowtrace_io::FileFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Csv => flowtrace_io::FileFormat::AmlworldCsv,
            Format::Parquet => flowtrace_io::FileFormat::Parquet,
            Format::Arrow => flowtrace_io::FileFormat::ArrowIpc,
            Format::Ftm => flowtrace_io::FileFormat::FtmJson,
        }
    }
}
