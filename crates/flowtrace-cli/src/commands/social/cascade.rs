//! `flowtrace social cascade`: the spread chain of one item.

use anyhow::{anyhow, bail, Result};
use flowtrace_social::cascade::{cascade, cascade_summary, cascade_to_json, Countries};

use flowtrace_social::Columns;

use super::{load_posts, PostsInput};
use crate::args::{GlobalArgs, SocialCascadeArgs};
use crate::{output, Outcome};

pub fn run(global: &GlobalArgs, args: &SocialCascadeArgs) -> Result<Outcome> {
    let item = args.item.trim();
    if item.is_empty() {
        bail!("--item is empty; give a post id, a URL or a media hash");
    }
    let input = PostsInput {
        path: &args.posts.posts,
        format: args.posts.format,
        on_error: args.posts.on_error,
        rejects: args.posts.rejects.as_deref(),
        keep_text: true,
        columns: Columns::default(),
    };
    let loaded = load_posts(global, &input)?;
    let countries = match &args.accounts {
        Some(path) => Some(
            Countries::read(path, &loaded.messages)
                .map_err(|e| anyhow!("{e}"))?
                .0,
        ),
        None => None,
    };
    let Some(found) = cascade(&loaded.messages, item, countries.as_ref()) else {
        bail!(
            "no post in {} carries `{item}` (as a post id, a URL, or a token in a text or URL)",
            args.posts.posts.display()
        );
    };
    let text = if args.json {
        format!("{:#}\n", cascade_to_json(&found, &loaded.messages))
    } else {
        cascade_summary(&found, &loaded.messages)
    };
    output::print(&text)?;
    Ok(Outcome {
        rejected_rows: loaded.report.rejected,
    })
}
