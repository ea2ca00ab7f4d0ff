//! `flowtrace social coordinate` and `flowtrace social cells`.

use anyhow::{bail, Context, Result};
use flowtrace_social::cells::{write_accounts_csv, write_cells_csv};
use flowtrace_social::coord::write_edges_csv;
use flowtrace_social::{
    coordinate as build, find_cells, CellOptions, CoordOptions, LoadedMessages, Network,
    NetworkKind,
};

use super::{load_posts, write_to, PostsInput};
use crate::args::{GlobalArgs, NetworkArgs, PostsArgs, SocialCellsArgs, SocialCoordinateArgs};
use crate::Outcome;

pub fn coordinate(global: &GlobalArgs, args: &SocialCoordinateArgs) -> Result<Outcome> {
    let (loaded, network) = load_network(global, &args.posts, &args.network, args.loops)?;
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
    let (loaded, network) = load_network(global, &args.posts, &args.network, false)?;
    let options = CellOptions {
        seed: args.seed,
        resolution: args.resolution,
        min_size: args.min_size,
        ..CellOptions::default()
    };
    let cells = find_cells(&network, &loaded.messages, &options);
    write_to(args.out.as_deref(), |w| {
        write_cells_csv(&cells, &loaded.messages, w)
    })?;
    if let Some(path) = &args.accounts_out {
        write_to(Some(path), |w| {
            write_accounts_csv(&cells, &loaded.messages, w)
        })?;
    }
    if !global.quiet {
        eprintln!(
            "{}: {} cells, {} accounts in the network",
            network.kind().name(),
            cells.cells.len(),
            cells.accounts.len()
        );
    }
    Ok(Outcome {
        rejected_rows: loaded.report.rejected,
    })
}

fn load_network(
    global: &GlobalArgs,
    posts: &PostsArgs,
    network: &NetworkArgs,
    loops: bool,
) -> Result<(LoadedMessages, Network)> {
    let kind = NetworkKind::from_name(&network.network).with_context(|| {
        format!(
            "unknown network `{}`; expected co-link, co-retweet, co-tweet, co-reply or co-post",
            network.network
        )
    })?;
    if !(network.window.is_finite() && network.window >= 0.0) {
        bail!("--window must be a number of seconds, 0 or more");
    }
    let input = PostsInput {
        path: &posts.posts,
        format: posts.format,
        on_error: posts.on_error,
        rejects: posts.rejects.as_deref(),
        keep_text: false,
    };
    let loaded = load_posts(global, &input)?;
    let options = CoordOptions {
        window_secs: network.window,
        min_weight: network.min_weight,
        loops,
    };
    let built = build(&loaded.messages, kind, &options);
    Ok((loaded, built))
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
