//! `flowtrace text`: bank known propaganda texts and find posts that repeat them, give or take
//! some words. The matching is `flowtrace-media`'s (MinHash and LSH); this module reads the
//! posts with the other readers' bad-row rules and prints.

mod args;

use std::io::Write;

use anyhow::{bail, Result};
use flowtrace_media::bank::TextEntry;
use flowtrace_media::text::{read_posts_jsonl, MinHashOptions};

pub use args::TextCommand;
use args::{TextAddArgs, TextExportArgs, TextFormat, TextInputArgs, TextMatchArgs};

use crate::args::{GlobalArgs, PostsFormat};
use crate::commands::media::{open_store, require_bank};
use crate::commands::social::{load_posts, write_to, PostsInput};
use crate::Outcome;

pub fn run(global: &GlobalArgs, command: &TextCommand) -> Result<Outcome> {
    match command {
        TextCommand::Add(args) => add(global, args),
        TextCommand::Match(args) => matches(global, args),
        TextCommand::Export(args) => export(global, args),
    }
}

/// Posts read from the input: (id, text, labels), and how many rows were set aside.
struct Posts {
    posts: Vec<(String, String, Vec<String>)>,
    rejected: u64,
}

fn format_of(input: &TextInputArgs) -> Result<TextFormat> {
    if let Some(format) = input.format {
        return Ok(format);
    }
    let ext = input
        .input
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("jsonl" | "json" | "ndjson") => Ok(TextFormat::Jsonl),
        Some("csv") => Ok(TextFormat::Csv),
        _ => bail!(
            "cannot tell the format of {} from its extension; say --input-format jsonl|csv",
            input.input.display()
        ),
    }
}

/// Reads the posts, printing the reconciliation line (and the first bad rows) on stderr.
fn read_posts(global: &GlobalArgs, input: &TextInputArgs) -> Result<Posts> {
    let format = format_of(input)?;
    if format == TextFormat::Csv {
        let loaded = load_posts(
            global,
            &PostsInput {
                path: &input.input,
                format: Some(PostsFormat::Csv),
                on_error: input.on_error,
                rejects: input.rejects.as_deref(),
                keep_text: true,
                columns: flowtrace_social::Columns::default(),
            },
        )?;
        let m = &loaded.messages;
        let posts = (0..m.len())
            .map(|i| {
                let text = m.raw_text(i).unwrap_or_default();
                (m.message_key(i).to_owned(), text.to_owned(), Vec::new())
            })
            .collect();
        return Ok(Posts {
            posts,
            rejected: loaded.report.rejected,
        });
    }
    let on_bad = crate::input::on_error(input.on_error, input.rejects.as_deref())?;
    let (posts, report) = read_posts_jsonl(&input.input, &on_bad)?;
    crate::input::print_reconciliation(global, &report, &report.first_errors, report.rejected);
    Ok(Posts {
        posts: posts
            .into_iter()
            .map(|p| (p.id, p.text, p.labels))
            .collect(),
        rejected: report.rejected,
    })
}

fn add(global: &GlobalArgs, args: &TextAddArgs) -> Result<Outcome> {
    let mut store = open_store(&args.db.db, false)?;
    require_bank(&store, &args.bank)?;
    let read = read_posts(global, &args.input)?;
    let entries: Vec<TextEntry> = read
        .posts
        .into_iter()
        .filter(|(_, text, _)| !text.trim().is_empty())
        .map(|(id, text, labels)| TextEntry {
            text,
            labels: std::iter::once(id)
                .chain(labels)
                .chain(args.labels.clone())
                .collect(),
        })
        .collect();
    let added = store.add_texts(&args.bank, &entries)?;
    if !global.quiet {
        eprintln!(
            "bank {:?}: {added} texts added, {} already there",
            args.bank,
            entries.len() as u64 - added
        );
    }
    Ok(Outcome {
        rejected_rows: read.rejected,
    })
}

fn matches(global: &GlobalArgs, args: &TextMatchArgs) -> Result<Outcome> {
    if !(0.0..=1.0).contains(&args.threshold) {
        bail!(
            "--threshold must be between 0 and 1, not {}",
            args.threshold
        );
    }
    let store = open_store(&args.db.db, false)?;
    require_bank(&store, &args.bank)?;
    let bank = store.text_bank(&args.bank, args.threshold, MinHashOptions::default())?;
    if bank.entries.is_empty() && !global.quiet {
        eprintln!(
            "note: bank {:?} holds no texts (add some with `flowtrace text add`)",
            args.bank
        );
    }
    let read = read_posts(global, &args.input)?;
    let mut matched = 0usize;
    write_to(args.out.as_deref(), |w| {
        if !args.json {
            writeln!(w, "post_id,bank,item,labels,jaccard")?;
        }
        for (id, text, _) in &read.posts {
            let found = bank.matches(text);
            matched += usize::from(!found.is_empty());
            for m in found {
                write_match(w, args, id, m.entry, m.jaccard)?;
            }
        }
        Ok(())
    })?;
    if !global.quiet {
        eprintln!(
            "{matched} of {} posts repeat one of the {} texts of bank {:?} (estimated Jaccard >= {})",
            read.posts.len(),
            bank.entries.len(),
            args.bank,
            args.threshold
        );
    }
    Ok(Outcome {
        rejected_rows: read.rejected,
    })
}

fn write_match(
    w: &mut dyn Write,
    args: &TextMatchArgs,
    post_id: &str,
    entry: &TextEntry,
    jaccard: f64,
) -> std::io::Result<()> {
    let item = entry.labels.first().map_or("", String::as_str);
    let labels = entry.labels.get(1..).unwrap_or_default();
    if args.json {
        let line = serde_json::json!({
            "post_id": post_id, "bank": args.bank, "item": item, "labels": labels,
            "jaccard": (jaccard * 1000.0).round() / 1000.0,
        });
        return writeln!(w, "{line}");
    }
    let mut csv = csv::WriterBuilder::new().has_headers(false).from_writer(w);
    let jaccard = format!("{jaccard:.3}");
    csv.write_record([post_id, &args.bank, item, &labels.join(";"), &jaccard])?;
    csv.flush()
}

fn export(global: &GlobalArgs, args: &TextExportArgs) -> Result<Outcome> {
    let store = open_store(&args.db.db, false)?;
    require_bank(&store, &args.bank)?;
    let texts = store.texts(&args.bank)?;
    write_to(args.out.as_deref(), |w| {
        for entry in &texts {
            let (id, labels) = entry
                .labels
                .split_first()
                .map_or(("", &[][..]), |(id, rest)| (id.as_str(), rest));
            let line = serde_json::json!({"id": id, "text": entry.text, "labels": labels});
            writeln!(w, "{line}")?;
        }
        Ok(())
    })?;
    if !global.quiet {
        eprintln!("bank {:?}: {} texts exported", args.bank, texts.len());
    }
    Ok(Outcome::default())
}
