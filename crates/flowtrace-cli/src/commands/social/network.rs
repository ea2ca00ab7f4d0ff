//! `flowtrace social coordinate` and `flowtrace social cells`.

use anyhow::{bail, Context, Result};
use flowtrace_social::cells::{write_accounts_csv, write_cells_csv};
use flowtrace_social::coord::{write_edges_csv, SimilarityOptions};
use flowtrace_social::{
    coordinate as build, find_cells_in_union, CellOptions, Columns, CoordOptions, LoadedMessages,
    Network, NetworkKind,
};

use super::{load_posts, write_to, PostsInput};
use crate::args::{GlobalArgs, NetworkArgs, PostsArgs, SocialCellsArgs, SocialCoordinateArgs};
use crate::Outcome;

pub fn coordinate(global: &GlobalArgs, args: &SocialCoordinateArgs) -> Result<Outcome> {
    let (loaded, mut networks) =
        load_networks(global, &args.posts, &args.network, args.loops, false)?;
    if networks.len() != 1 {
        bail!("coordinate writes one network; give one --network (cells takes several)");
    }
    let network = networks.remove(0);
    write_to(args.out.as_deref(), |w| {
        write_edges_csv(&network, &loaded.messages, w)
    })?;
    if !global.quiet {
        eprintln!(
            "{}: {} edges among {} accounts",
            network.kind().name(),
            network.edges().len(),
            accounts_in(&network)
        );
    }
    Ok(Outcome {
        rejected_rows: loaded.report.rejected,
    })
}

pub fn cells(global: &GlobalArgs, args: &SocialCellsArgs) -> Result<Outcome> {
    if !(args.resolution.is_finite() && args.resolution > 0.0) {
        bail!("--resolution must be a positive number");
    }
    let (loaded, networks) = load_networks(global, &args.posts, &args.network, false, true)?;
    let options = CellOptions {
        seed: args.seed,
        resolution: args.resolution,
        min_size: args.min_size,
        ..CellOptions::default()
    };
    let cells = find_cells_in_union(&networks, &loaded.messages, &options);
    write_to(args.out.as_deref(), |w| {
        write_cells_csv(&cells, &loaded.messages, w)
    })?;
    if let Some(path) = &args.accounts_out {
        write_to(Some(path), |w| {
            write_accounts_csv(&cells, &loaded.messages, w)
        })?;
    }
    if !global.quiet {
        let kinds: Vec<&str> = networks.iter().map(|n| n.kind().name()).collect();
        eprintln!(
            "{}: {} cells, {} accounts in the network",
            kinds.join(" + "),
            cells.cells.len(),
            cells.accounts.len()
        );
    }
    Ok(Outcome {
        rejected_rows: loaded.report.rejected,
    })
}

/// Reads the posts and builds each network `--network` names (one, or several separated by
/// commas). Only the columns those networks read are kept, and the names when `names`.
fn load_networks(
    global: &GlobalArgs,
    posts: &PostsArgs,
    network: &NetworkArgs,
    loops: bool,
    names: bool,
) -> Result<(LoadedMessages, Vec<Network>)> {
    let kinds = network_kinds(&network.network)?;
    if !(network.window.is_finite() && network.window >= 0.0) {
        bail!("--window must be a number of seconds, 0 or more");
    }
    let input = PostsInput {
        path: &posts.posts,
        format: posts.format,
        on_error: posts.on_error,
        rejects: posts.rejects.as_deref(),
        keep_text: false,
        columns: Columns {
            usernames: names,
            ..Columns::for_networks(&kinds)
        },
    };
    let loaded = load_posts(global, &input)?;
    let options = CoordOptions {
        window_secs: network.window,
        min_weight: network.min_weight,
        loops,
        similarity: SimilarityOptions {
            threshold: network.similarity,
            ..SimilarityOptions::default()
        },
    };
    let built = kinds
        .into_iter()
        .map(|kind| build(&loaded.messages, kind, &options))
        .collect();
    Ok((loaded, built))
}

/// The kinds of `names`, comma-separated (`co-link,co-retweet`), each once.
fn network_kinds(names: &str) -> Result<Vec<NetworkKind>> {
    let mut kinds = Vec::new();
    for name in names.split(',').map(str::trim) {
        let kind = NetworkKind::from_name(name).with_context(|| {
            format!(
                "unknown network `{name}`; expected co-link, co-retweet, co-tweet, co-reply, \
                 co-post or co-similarity (several separated by commas)"
            )
        })?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(kinds)
}

fn accounts_in(network: &Network) -> usize {
    let mut users: Vec<u32> = network
        .edges()
        .iter()
        .flat_map(|e| [e.from, e.to])
        .collect();
    users.sort_unstable();
    users.dedup();
    users.len()
}
