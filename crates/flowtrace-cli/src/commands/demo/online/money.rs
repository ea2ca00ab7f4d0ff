//! Donation appeals of the online world joined to the money graph: payment identifiers found in
//! posts (checksums verified), linked to accounts through the money world's `accounts.csv`, and
//! the money of one advertised account traced forward.

use std::path::Path;

use anyhow::{anyhow, Result};
use flowtrace_graph::{AccountId, TemporalGraph};
use flowtrace_report::{Block, Cell, Section, Table};
use flowtrace_social::link::{link_messages, write_links_csv, AccountIndex, Check, IdKind, Link};
use flowtrace_social::Messages;
use flowtrace_trace::{export, Rates, Trace, TraceQuery};

use super::truth::{donations, score_links, LinkScore};
use crate::commands::demo::tracing;

/// Posts listed in the report's table of links.
const LISTED: usize = 12;

pub struct Linked<'g> {
    index: AccountIndex<'g>,
    links: Vec<Link>,
    score: LinkScore,
    traced: Option<Traced>,
}

/// The appeal whose account is traced.
struct Traced {
    link: usize,
    query: TraceQuery,
    rates: Rates,
    trace: Trace,
}

pub fn follow<'g>(
    messages: &Messages,
    graph: &'g TemporalGraph,
    world_dir: &Path,
    dir: &Path,
) -> Result<Linked<'g>> {
    let mut index = AccountIndex::new(graph.accounts(), graph.transfers());
    index
        .read_mapping(&world_dir.join("accounts.csv"))
        .map_err(|e| anyhow!("{e}"))?;
    let links = link_messages(messages, &index);
    let planted = donations(dir, graph.accounts())?;
    let score = score_links(&links, messages, &planted);
    let appeals: Vec<&str> = planted
        .iter()
        .filter(|d| d.kind == "appeal")
        .map(|d| d.message_id.as_str())
        .collect();
    // An identifier whose checksum holds (IBAN, card) rather than a bare account number, then
    // the advertised scheme account that paid out most often: the richest trace.
    let chosen = links
        .iter()
        .enumerate()
        .filter(|(_, l)| appeals.contains(&messages.message_key(l.message)))
        .filter_map(|(k, l)| Some((k, l.account?, l.identifier.check == Check::Valid)))
        .max_by_key(|&(k, a, valid)| (valid, index.transfers_out(a), std::cmp::Reverse(k)))
        .map(|(k, a, _)| (k, a));
    let traced = match chosen {
        Some((link, account)) => {
            let (query, rates, trace) = tracing::forward(graph, vec![account])?;
            Some(Traced {
                link,
                query,
                rates,
                trace,
            })
        }
        None => None,
    };
    Ok(Linked {
        index,
        links,
        score,
        traced,
    })
}

fn account_name(graph: &TemporalGraph, a: AccountId) -> String {
    let accounts = graph.accounts();
    let key = format!("{}:{}", accounts.bank(a), accounts.number(a));
    match accounts.info(a).and_then(|i| i.name.as_deref()) {
        Some(name) => format!("{name} ({key})"),
        None => key,
    }
}

impl Linked<'_> {
    pub fn csv(&self, messages: &Messages) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        write_links_csv(&self.links, messages, &self.index, &mut out)?;
        Ok(out)
    }

    pub fn note(&self) -> String {
        let s = &self.score;
        format!(
            "money links: {} of {} planted donation links found, {} false; {} of {} mistyped identifiers linked",
            s.found, s.planted, s.false_links, s.invalid_linked, s.invalid_planted
        )
    }

    pub fn sections(&self, messages: &Messages, graph: &TemporalGraph) -> Vec<Section> {
        let mut sections = vec![self.links_section(messages, graph)];
        if let Some(t) = &self.traced {
            let mut traced = export::trace_section(graph, &t.query, &t.rates, &t.trace, None);
            if let Some(first) = traced.first_mut() {
                let link = &self.links[t.link];
                let text = messages.raw_text(link.message).unwrap_or("");
                first.heading = "Online: a donation appeal followed into the money".into();
                first.intro = Some(format!(
                    "{} posted \u{201c}{}\u{201d}. Its {} is the account {} of the money world; \
                     from there the money is traced forward (fifo, 14-day window).",
                    messages.username(link.user),
                    text,
                    match link.identifier.kind {
                        IdKind::Iban => "IBAN",
                        IdKind::Card => "card number",
                        IdKind::BankAccount => "bank and account number",
                        _ => "identifier",
                    },
                    link.account
                        .map_or(String::new(), |a| account_name(graph, a)),
                ));
            }
            sections.extend(traced);
        }
        sections
    }

    fn links_section(&self, messages: &Messages, graph: &TemporalGraph) -> Section {
        let s = &self.score;
        let count = |check: Check| {
            self.links
                .iter()
                .filter(|l| l.identifier.check == check)
                .count()
        };
        let linked: Vec<usize> = (0..self.links.len())
            .filter(|&k| self.links[k].account.is_some())
            .collect();
        let mut table = Table::new([
            "post",
            "online account",
            "identifier",
            "check",
            "money account",
            "transfers in / out",
        ])
        .caption(
            "Posts whose identifier links to an account of the money graph; the traced one first.",
        );
        let first = self.traced.as_ref().map(|t| t.link);
        let order = first
            .into_iter()
            .chain(linked.iter().copied().filter(|&k| Some(k) != first));
        for k in order.take(LISTED) {
            let l = &self.links[k];
            let Some(a) = l.account else { continue };
            table = table.row([
                Cell::new(messages.message_key(l.message)),
                Cell::new(messages.username(l.user)),
                Cell::new(l.identifier.written.clone()),
                Cell::new(l.identifier.check.name()),
                Cell::new(account_name(graph, a)),
                Cell::new(format!(
                    "{} / {}",
                    self.index.transfers_in(a),
                    self.index.transfers_out(a)
                )),
            ]);
        }
        let found = if s.found == s.planted {
            Cell::found(format!("{} of {}", s.found, s.planted))
        } else {
            Cell::missed(format!("{} of {}", s.found, s.planted))
        };
        let false_links = if s.false_links == 0 {
            Cell::found("0")
        } else {
            Cell::missed(s.false_links.to_string())
        };
        Section::new("Online: donation appeals linked to the money")
            .intro(
                "Posts that ask for donations give an IBAN, a card number or a bank and account number. \
                 flowtrace finds them in the text, checks their checksums (mod 97, Luhn) and joins them to \
                 the money graph through the identifiers in the money world's accounts.csv. An identifier \
                 whose checksum fails is never linked.",
            )
            .block(Block::key_values([
                ("identifiers found", self.links.len().to_string()),
                ("checksum-valid", count(Check::Valid).to_string()),
                ("checksum fails (never linked)", count(Check::Invalid).to_string()),
                ("no checksum (bank and account)", count(Check::NotApplicable).to_string()),
                ("linked to a money account", linked.len().to_string()),
            ]))
            .block(
                Table::new(["planted links found", "false links", "mistyped identifiers linked"]).row([
                    found,
                    false_links,
                    Cell::new(format!("{} of {}", s.invalid_linked, s.invalid_planted)),
                ]),
            )
            .block(table)
    }
}
