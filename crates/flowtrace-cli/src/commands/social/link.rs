//! `flowtrace social link`: payment identifiers in posts, joined to a transfer dataset.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Result};
use flowtrace_social::link::{
    link_messages, link_to_json, write_links_csv, AccountIndex, LinkSummary,
};

use flowtrace_social::Columns;

use super::{load_posts, write_to, PostsInput};
use crate::args::{GlobalArgs, InputArgs, OnErrorArg, SocialLinkArgs};
use crate::{input, Outcome};

pub fn run(global: &GlobalArgs, args: &SocialLinkArgs) -> Result<Outcome> {
    if args.on_error == OnErrorArg::Skip && args.transfer_rejects.is_none() {
        bail!("--on-error skip needs --transfer-rejects FILE too, so that no rejected transfer is lost");
    }
    if args.on_error == OnErrorArg::Fail && args.transfer_rejects.is_some() {
        bail!("--transfer-rejects needs --on-error skip");
    }
    let posts = PostsInput {
        path: &args.posts,
        format: args.posts_format,
        on_error: args.on_error,
        rejects: args.rejects.as_deref(),
        keep_text: true,
        columns: Columns::default(),
    };
    let loaded_posts = load_posts(global, &posts)?;
    let transfers = InputArgs {
        input: args.transfers.clone(),
        format: args.transfers_format,
        on_error: args.on_error,
        rejects: args.transfer_rejects.clone(),
    };
    let money = input::load(global, &transfers)?;
    let mut index = AccountIndex::new(&money.accounts, &money.transfers);
    if let Some(path) = mapping_file(args) {
        let report = index.read_mapping(&path).map_err(|e| anyhow!("{e}"))?;
        if !global.quiet {
            eprintln!(
                "{}: {} identifiers mapped to accounts ({} of accounts not in the transfers, {} conflicting)",
                path.display(),
                report.mapped,
                report.unknown_accounts,
                report.conflicts
            );
        }
    }
    let messages = &loaded_posts.messages;
    let mut links = link_messages(messages, &index);
    if args.linked_only {
        links.retain(|l| l.account.is_some());
    }
    write_to(args.out.as_deref(), |w| {
        if args.json {
            for link in &links {
                writeln!(w, "{}", link_to_json(link, messages, &index))?;
            }
            Ok(())
        } else {
            write_links_csv(&links, messages, &index, w)
        }
    })?;
    if !global.quiet {
        let s = LinkSummary::of(&links);
        eprintln!(
            "{} identifiers in {} posts ({} checksum-valid, {} invalid); {} linked to {} accounts of the transfers, from {} online accounts",
            s.identifiers, s.posts, s.valid, s.invalid, s.linked, s.accounts, s.users
        );
    }
    Ok(Outcome {
        rejected_rows: loaded_posts.report.rejected + money.report.rejected,
    })
}

/// `--identifiers`, or else `accounts.csv` beside the transfers when its header names an
/// `identifier` column.
fn mapping_file(args: &SocialLinkArgs) -> Option<PathBuf> {
    if let Some(path) = &args.identifiers {
        return Some(path.clone());
    }
    let beside = args.transfers.parent()?.join("accounts.csv");
    has_identifier_column(&beside).then_some(beside)
}

fn has_identifier_column(path: &Path) -> bool {
    let Ok(text) = std::fs::File::open(path) else {
        return false;
    };
    let mut first = String::new();
    let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(text), &mut first);
    first
        .trim()
        .split(',')
        .any(|h| matches!(h.trim().trim_matches('"'), "identifier" | "identifiers"))
}
