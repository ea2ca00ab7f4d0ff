//! `flowtrace social`: coordination networks, cells, cascades and money links over posts.

mod cascade;
mod link;
mod network;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use flowtrace_social::{read_messages, Columns, LoadedMessages, MessageFormat, ReadOptions};

use crate::args::{GlobalArgs, OnErrorArg, PostsFormat, SocialCommand};
use crate::{memory, progress, Outcome};

pub fn run(global: &GlobalArgs, command: &SocialCommand) -> Result<Outcome> {
    match command {
        SocialCommand::Coordinate(args) => network::coordinate(global, args),
        SocialCommand::Cells(args) => network::cells(global, args),
        SocialCommand::Cascade(args) => cascade::run(global, args),
        SocialCommand::Link(args) => link::run(global, args),
    }
}

/// Where the posts are and what to do with their bad rows.
pub struct PostsInput<'a> {
    pub path: &'a Path,
    pub format: Option<PostsFormat>,
    pub on_error: OnErrorArg,
    pub rejects: Option<&'a Path>,
    /// Keep every post's text (cascades and payment identifiers read it).
    pub keep_text: bool,
    /// The columns to keep (every row is checked whole either way).
    pub columns: Columns,
}

/// Reads the posts, drawing progress and printing the reconciliation line on stderr.
pub fn load_posts(global: &GlobalArgs, input: &PostsInput) -> Result<LoadedMessages> {
    let format = match input.format {
        Some(PostsFormat::Csv) => MessageFormat::ToolkitCsv,
        Some(PostsFormat::Jsonl) => MessageFormat::JsonLines,
        None => MessageFormat::from_path(input.path).with_context(|| {
            format!(
                "cannot tell the format of {} from its extension; say --posts-format csv|jsonl",
                input.path.display()
            )
        })?,
    };
    let on_error = crate::input::on_error(input.on_error, input.rejects)?;
    let size = std::fs::metadata(input.path).map(|m| m.len()).unwrap_or(0);
    let bar = progress::bytes_bar(size, global.quiet, "reading posts");
    let tick = |bytes: u64| bar.set_position(bytes);
    let options = ReadOptions {
        on_error,
        progress: Some(&tick),
        keep_text: input.keep_text,
        columns: input.columns,
    };
    let loaded = read_messages(input.path, format, &options);
    bar.finish_and_clear();
    let loaded = loaded?;
    memory::release_free_memory();
    crate::input::print_reconciliation(
        global,
        &loaded.report,
        &loaded.report.first_errors,
        loaded.report.rejected,
    );
    Ok(loaded)
}

/// Runs `write` on the file `out`, or on standard output.
pub fn write_to(
    out: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match out {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
            let mut w = BufWriter::new(file);
            write(&mut w)
                .and_then(|_| w.flush())
                .with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            let mut w = BufWriter::new(io::stdout().lock());
            write(&mut w)?;
            w.flush()?;
            Ok(())
        }
    }
}
