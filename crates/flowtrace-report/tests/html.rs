//! The sample report, with every kind of block and hostile names, comes out as a well-formed,
//! deterministic page in which no data became markup.

mod common;

use common::{sample_report, HOSTILE, SECTIONS, SVG_COUNT};

/// Elements the report emits; anything else in the page would be data that escaped into markup.
const KNOWN: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "main",
    "footer",
    "nav",
    "section",
    "div",
    "p",
    "h1",
    "h2",
    "h3",
    "ol",
    "ul",
    "li",
    "a",
    "span",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "aside",
    "dl",
    "dt",
    "dd",
    "svg",
    "defs",
    "marker",
    "path",
    "g",
    "rect",
    "text",
    "tspan",
];
/// Elements with no closing tag in HTML.
const VOID: &[&str] = &["meta"];

/// A tag: its name and whether it closes an element.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    raw: String,
}

/// Splits a page into tags, skipping the style sheet (CSS uses `>` as a selector).
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let Some(len) = rest[start..].find('>') else {
            panic!("unclosed tag at {}", &rest[start..])
        };
        let raw = &rest[start + 1..start + len];
        rest = &rest[start + len + 1..];
        if raw.starts_with('!') {
            continue;
        }
        let closing = raw.starts_with('/');
        let body = raw.trim_start_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name == "style" && !closing {
            let end = rest.find("</style>").expect("style closes");
            rest = &rest[end..];
        }
        out.push(Tag {
            name,
            closing,
            self_closing: raw.ends_with('/'),
            raw: raw.to_string(),
        });
    }
    out
}

#[test]
fn tags_are_balanced_and_known() {
    let html = sample_report().to_html();
    let mut stack: Vec<String> = Vec::new();
    for tag in tags(&html) {
        assert!(
            KNOWN.contains(&tag.name.as_str()),
            "unexpected element <{}>",
            tag.raw
        );
        if tag.closing {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{}> closes nothing", tag.name));
            assert_eq!(open, tag.name, "</{}> closes <{open}>", tag.name);
        } else if !tag.self_closing && !VOID.contains(&tag.name.as_str()) {
            stack.push(tag.name);
        }
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
}

#[test]
fn attribute_values_are_quoted_and_never_hold_raw_quotes() {
    let html = sample_report().to_html();
    for tag in tags(&html).iter().filter(|t| !t.closing) {
        // Every `=` in a tag starts a quoted value, and quotes come in pairs.
        let quotes = tag.raw.matches('"').count();
        assert_eq!(quotes % 2, 0, "odd quotes in <{}>", tag.raw);
        for (i, _) in tag.raw.match_indices('=') {
            let inside = tag.raw[..i].matches('"').count() % 2 == 1;
            assert!(
                inside || tag.raw[i + 1..].starts_with('"'),
                "unquoted value in <{}>",
                tag.raw
            );
        }
    }
}

#[test]
fn data_never_becomes_markup() {
    let html = sample_report().to_html();
    assert!(!html.contains(HOSTILE));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"));
    assert!(html.contains("Planted cycle &lt;A → B → C → A&gt;"));
}

#[test]
fn the_page_declares_utf8_and_keeps_other_scripts() {
    let html = sample_report().to_html();
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
    );
    assert!(html.contains("جمعية الخير") && html.contains("Иван Петров"));
    assert!(html.contains("dir=\"auto\""));
}

#[test]
fn every_block_type_is_drawn() {
    let html = sample_report().to_html();
    assert_eq!(html.matches("<svg").count(), SVG_COUNT);
    assert_eq!(html.matches("<table>").count(), 1);
    assert_eq!(html.matches("<dl class=\"card kv\">").count(), 1);
    assert_eq!(html.matches("<aside class=\"note\"").count(), 1);
    assert_eq!(html.matches("class=\"card metric\"").count(), 4);
    assert!(html.contains("Showing 24 of 122 accounts"));
    assert!(html.contains("closes a cycle"));
    assert_eq!(html.matches("<figure class=\"card sankey\">").count(), 1);
    assert!(html.contains("4 smaller nodes are folded into “other”"));
}

#[test]
fn contents_link_to_every_section() {
    let html = sample_report().to_html();
    for n in 1..=SECTIONS {
        assert!(html.contains(&format!("href=\"#s{n}\"")), "link {n}");
        assert!(html.contains(&format!("id=\"s{n}\"")), "section {n}");
    }
}

#[test]
fn same_report_same_bytes() {
    assert_eq!(sample_report().to_html(), sample_report().to_html());
}

#[test]
fn write_puts_the_page_in_a_file() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-write-test.html");
    let report = sample_report();
    report.write(&path).expect("write the report");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read it back"),
        report.to_html()
    );
}
