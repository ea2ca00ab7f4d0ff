//! Posts as JSON lines: one object a line with the CSV's eight columns as properties.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde_json::{Map, Value};

use super::error::{Column, ReadError, RejectKind};
use super::fields::{add_row, cut, parse_timestamp, split_urls, Bad};
use super::lines::Lines;
use super::records::MAX_RECORD_BYTES;
use super::rejects::RejectHandler;
use super::{LoadedMessages, ReadOptions, PROGRESS_STEP};
use crate::messages::{KeyHashes, Messages, Post, Urls};

/// Reads posts as JSON lines at `path` (see the [module documentation](super)).
pub fn read(path: &Path, options: &ReadOptions) -> Result<LoadedMessages, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let mut lines = Lines::new(BufReader::with_capacity(1 << 16, file));
    let mut rejects = RejectHandler::new(path, &options.on_error)?;
    let mut messages = Messages::with_columns(options.keep_text, options.columns);
    let mut buf = Vec::new();
    let mut line = 0;
    let mut told = 0;
    while let Some(len) = lines.next_into(&mut buf, MAX_RECORD_BYTES).map_err(io)? {
        line += 1;
        let mut text = buf.as_slice();
        if line == 1 {
            text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        }
        if len == 0 || text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let object = parse_object(text, len, lines.had_break());
        let numbers = object.as_ref().map(numeric_ids).unwrap_or_default();
        let post = object
            .as_ref()
            .map_err(Bad::clone)
            .and_then(|m| to_post(m, &numbers));
        match post {
            Ok(post) => {
                let id = property("message_id");
                let at = (path, line, text);
                let urls = Urls::Listed(&post.urls);
                let hashes = KeyHashes::of(&post);
                add_row(&mut messages, (&post, urls, &hashes), id, at, &mut rejects)?;
            }
            Err(bad) => rejects.reject(bad.at(path, line), text)?,
        }
        if let Some(progress) = options.progress {
            if lines.consumed() - told >= PROGRESS_STEP {
                told = lines.consumed();
                progress(told);
            }
        }
    }
    if lines.consumed() == 0 {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    if let Some(progress) = options.progress {
        progress(lines.consumed());
    }
    Ok(LoadedMessages {
        messages,
        report: rejects.finish()?,
    })
}

fn property(name: &'static str) -> Column {
    Column { number: 0, name }
}

fn parse_object(text: &[u8], len: u64, terminated: bool) -> Result<Map<String, Value>, Bad> {
    if len > MAX_RECORD_BYTES as u64 {
        let detail = format!("line of {len} bytes, the limit is {MAX_RECORD_BYTES}");
        return Err(Bad::new(None, RejectKind::FieldTooLong, detail));
    }
    if let Err(e) = std::str::from_utf8(text) {
        let detail = format!("byte {} of the line is not UTF-8", e.valid_up_to() + 1);
        return Err(Bad::new(None, RejectKind::InvalidUtf8, detail));
    }
    match serde_json::from_slice::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(Bad::new(None, RejectKind::BadJson, "not a JSON object")),
        Err(e) if e.is_eof() && !terminated => Err(Bad::new(
            None,
            RejectKind::TruncatedLine,
            format!("the file ends inside this object ({e})"),
        )),
        Err(e) => Err(Bad::new(None, RejectKind::BadJson, e.to_string())),
    }
}

/// The id properties, in the order of [`ID_NAMES`].
const ID_NAMES: [&str; 4] = ["message_id", "user_id", "repost_id", "reply_id"];

/// Ids written as JSON integers, rendered as the decimal strings they stand for.
fn numeric_ids(map: &Map<String, Value>) -> [Option<String>; 4] {
    ID_NAMES.map(|name| match map.get(name) {
        Some(Value::Number(n)) if n.is_u64() || n.is_i64() => Some(n.to_string()),
        _ => None,
    })
}

fn to_post<'a>(
    map: &'a Map<String, Value>,
    numbers: &'a [Option<String>; 4],
) -> Result<Post<'a>, Bad> {
    let ids: [Option<&str>; 4] = [
        id(map, ID_NAMES[0], &numbers[0])?,
        id(map, ID_NAMES[1], &numbers[1])?,
        id(map, ID_NAMES[2], &numbers[2])?,
        id(map, ID_NAMES[3], &numbers[3])?,
    ];
    let message_id = ids[0].ok_or_else(|| missing("message_id"))?;
    let user_id = ids[1].ok_or_else(|| missing("user_id"))?;
    let timestamp = match map.get("timestamp") {
        None | Some(Value::Null) => return Err(missing("timestamp")),
        Some(Value::Number(n)) => parse_timestamp(&n.to_string()),
        Some(Value::String(s)) => parse_timestamp(s),
        Some(other) => Err(format!(
            "`{}` is not a number of seconds",
            cut(&other.to_string())
        )),
    }
    .map_err(|d| Bad::new(Some(property("timestamp")), RejectKind::BadTimestamp, d))?;
    Ok(Post {
        message_id,
        user_id,
        username: text(map, "username")?,
        repost_id: ids[2],
        reply_id: ids[3],
        message: text(map, "message")?,
        timestamp,
        urls: urls(map)?,
    })
}

fn missing(name: &'static str) -> Bad {
    let detail = format!("{name} is required");
    Bad::new(Some(property(name)), RejectKind::MissingField, detail)
}

fn wrong_type(name: &'static str, value: &Value, wanted: &str) -> Bad {
    let detail = format!("`{}` is not {wanted}", cut(&value.to_string()));
    Bad::new(Some(property(name)), RejectKind::BadJson, detail)
}

/// An id: a string, or an integer written as a JSON number (platform ids often are; they are
/// read exactly, as their decimal digits); `null`, missing and `""` are no id.
fn id<'a>(
    map: &'a Map<String, Value>,
    name: &'static str,
    number: &'a Option<String>,
) -> Result<Option<&'a str>, Bad> {
    match (map.get(name), number) {
        (_, Some(digits)) => Ok(Some(digits.as_str())),
        (None | Some(Value::Null), _) => Ok(None),
        (Some(Value::String(s)), _) => Ok(Some(s.as_str()).filter(|s| !s.is_empty())),
        (Some(other), _) => Err(wrong_type(name, other, "a string or integer id")),
    }
}

fn text<'a>(map: &'a Map<String, Value>, name: &'static str) -> Result<&'a str, Bad> {
    match map.get(name) {
        None | Some(Value::Null) => Ok(""),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(wrong_type(name, other, "a string")),
    }
}

/// `urls` is an array of strings, or one string of space-separated URLs as in the CSV.
fn urls(map: &Map<String, Value>) -> Result<Vec<&str>, Bad> {
    match map.get("urls") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(split_urls(s).collect()),
        Some(Value::Array(items)) => items
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| match v {
                Value::String(s) => Ok(s.as_str()),
                other => Err(wrong_type("urls", other, "a URL string")),
            })
            .filter(|u| u.as_ref().map_or(true, |u| !u.is_empty()))
            .collect(),
        Some(other) => Err(wrong_type("urls", other, "an array of URLs")),
    }
}
