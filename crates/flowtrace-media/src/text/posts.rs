//! Posts to match against a text bank, read from JSON lines: one object a line with an id
//! (`id`, or `message_id` as the coordination-network-toolkit's JSON lines call it; a string
//! or an integer) and a text (`text`, or `message`; a string), and optionally `labels`, an
//! array of strings (as `flowtrace text export` writes them). Other properties are ignored;
//! blank lines are not rows. Like the transfer readers, every row is accepted or rejected
//! with its file, line and reason, a bad row stops the read ([`OnError::Fail`]) or goes to a
//! rejects file byte for byte ([`OnError::Skip`]), and the read reconciles (read = accepted +
//! rejected).

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use flowtrace_rejects::RejectsError;
use flowtrace_rejects::{Books, LoadReport, OnError, Refusal, RejectRecord, RejectedRow};

/// One post: its id, its text and the line it was on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    /// The post's id as written (an integer id in its decimal form).
    pub id: String,
    /// The text.
    pub text: String,
    /// Labels the line carries in an optional `labels` array of strings (what `flowtrace text
    /// export` writes after the id), empty without one.
    pub labels: Vec<String>,
    /// 1-based line number.
    pub line: u64,
}

/// A rejected row: where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: u64,
    /// The property at fault, if one is.
    pub property: Option<&'static str>,
    /// What kind of fault: `invalid UTF-8`, `bad JSON`, `missing field` or `wrong type`.
    pub kind: &'static str,
    /// Specifics.
    pub reason: String,
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: line {}", self.file.display(), self.line)?;
        if let Some(p) = self.property {
            write!(f, ", {p}")?;
        }
        write!(f, ": {}: {}", self.kind, self.reason)
    }
}

impl RejectedRow for BadRow {
    type Kind = &'static str;

    fn kind(&self) -> &'static str {
        self.kind
    }

    fn record(&self) -> RejectRecord<'_> {
        RejectRecord {
            file: &self.file,
            location: format!("line {}", self.line),
            column: self.property.unwrap_or(""),
            kind: self.kind,
            detail: &self.reason,
        }
    }
}

/// The books of a read: rows read = accepted + rejected.
pub type PostsReport = LoadReport<BadRow>;

/// A read that could not go on.
#[derive(Debug, thiserror::Error)]
pub enum PostsError {
    /// The file could not be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// A bad row, in fail mode.
    #[error("{0}")]
    Row(BadRow),
    /// The rejects file could not be written.
    #[error(transparent)]
    Rejects(#[from] RejectsError),
}

/// Reads posts from JSON lines (see the [module docs](self)).
pub fn read_posts_jsonl(
    path: &Path,
    on_bad: &OnError,
) -> Result<(Vec<Post>, PostsReport), PostsError> {
    let io_error = |source| PostsError::Io {
        path: path.to_owned(),
        source,
    };
    let mut input = BufReader::new(File::open(path).map_err(io_error)?);
    let mut books = Books::new(path, on_bad)?;
    let (mut posts, mut buf, mut line) = (Vec::new(), Vec::new(), 0u64);
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf).map_err(io_error)? == 0 {
            break;
        }
        line += 1;
        let raw = trim_line_end(&buf);
        let raw = if line == 1 {
            raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
        } else {
            raw
        };
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_post(raw, line) {
            Ok(post) => {
                books.accept();
                posts.push(post);
            }
            Err((property, kind, reason)) => {
                let bad = BadRow {
                    file: path.to_owned(),
                    line,
                    property,
                    kind,
                    reason,
                };
                books.reject(bad, raw).map_err(|refusal| match refusal {
                    Refusal::Stop(bad) => PostsError::Row(bad),
                    Refusal::Rejects(e) => PostsError::Rejects(e),
                })?;
            }
        }
    }
    Ok((posts, books.finish()?))
}

fn trim_line_end(buf: &[u8]) -> &[u8] {
    let buf = buf.strip_suffix(b"\n").unwrap_or(buf);
    buf.strip_suffix(b"\r").unwrap_or(buf)
}

/// The property at fault, the kind of fault, the specifics.
type Bad = (Option<&'static str>, &'static str, String);

fn parse_post(raw: &[u8], line: u64) -> Result<Post, Bad> {
    let text = std::str::from_utf8(raw).map_err(|e| {
        let at = e.valid_up_to() + 1;
        (None, "invalid UTF-8", format!("byte {at} of the line"))
    })?;
    let object = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return Err((None, "bad JSON", "not a JSON object".into())),
        Err(e) => return Err((None, "bad JSON", e.to_string())),
    };
    let (id_name, id) = property(&object, ["id", "message_id"])?;
    let id = match id {
        Value::String(s) if !s.trim().is_empty() => s.clone(),
        Value::Number(n) if n.is_u64() || n.is_i64() => n.to_string(),
        other => {
            let why = format!("expected a non-empty string or an integer, found {other}");
            return Err((Some(id_name), "wrong type", why));
        }
    };
    let (text_name, text) = property(&object, ["text", "message"])?;
    let Value::String(text) = text else {
        let why = format!("expected a string, found {text}");
        return Err((Some(text_name), "wrong type", why));
    };
    let labels = match object.get("labels") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| {
                let why = "expected an array of strings".to_owned();
                (Some("labels"), "wrong type", why)
            })?,
        Some(other) => {
            let why = format!("expected an array of strings, found {other}");
            return Err((Some("labels"), "wrong type", why));
        }
    };
    Ok(Post {
        id,
        text: text.clone(),
        labels,
        line,
    })
}

/// The first of `names` the object has (not null), with its name.
fn property<'a>(
    object: &'a Map<String, Value>,
    names: [&'static str; 2],
) -> Result<(&'static str, &'a Value), Bad> {
    names
        .iter()
        .find_map(|&n| object.get(n).filter(|v| !v.is_null()).map(|v| (n, v)))
        .ok_or_else(|| {
            let why = format!("neither {:?} nor {:?}", names[0], names[1]);
            (Some(names[0]), "missing field", why)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_rows_are_read_and_bad_ones_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("posts.jsonl");
        let lines = [
            r#"{"id": "a1", "text": "join us"}"#,
            "",
            r#"{"message_id": 7, "message": "donate now", "user_id": "u"}"#,
            r#"{"id": "a3"}"#,
            r#"not json"#,
            r#"{"id": 1.5, "text": "x"}"#,
            r#"{"id": "a6", "text": ["x"]}"#,
        ];
        std::fs::write(&path, lines.join("\n")).unwrap();
        let err = read_posts_jsonl(&path, &OnError::Fail)
            .unwrap_err()
            .to_string();
        let want = r#"posts.jsonl: line 4, text: missing field: neither "text" nor "message""#;
        assert!(err.ends_with(want), "{err}");

        let rejects = dir.path().join("rejects.csv");
        let skip = OnError::Skip {
            rejects: Some(rejects.clone()),
        };
        let (posts, report) = read_posts_jsonl(&path, &skip).unwrap();
        assert_eq!(posts.len(), 2);
        assert_eq!((posts[1].id.as_str(), posts[1].line), ("7", 3));
        assert_eq!(
            (report.rows_read, report.accepted, report.rejected),
            (6, 2, 4)
        );
        let lines: Vec<u64> = report.first_errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 5, 6, 7]);
        let written = std::fs::read_to_string(&rejects).unwrap();
        assert_eq!(written.lines().count(), 5, "{written}");
        assert!(written.contains(r#""{""id"": ""a3""}""#), "{written}");
    }
}
