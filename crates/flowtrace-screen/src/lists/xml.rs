//! A streaming reader of record-shaped XML (the UN consolidated list): it hands over one record
//! at a time as flat fields and one level of groups, so the whole document is never held, and it
//! turns every way the file can be bad into a [`ListError`] that names the record.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use quick_xml::events::{BytesRef, Event};
use quick_xml::Reader;

use super::limit::{is_run_too_long, RunLimit};
use super::MAX_FIELD_BYTES;
use crate::error::{ListError, Location, Problem};

/// One record element: its direct text children as fields, and its children that have children
/// (an alias, a date of birth) as groups, in document order.
#[derive(Debug, Default)]
pub(crate) struct RawRecord {
    /// The record element's name (`INDIVIDUAL`, `ENTITY`).
    pub tag: String,
    /// 1-based number of the record in the file.
    pub index: u64,
    /// Byte offset of the record's start tag.
    pub offset: u64,
    /// Text children: (element name, text).
    pub fields: Vec<(String, String)>,
    /// Children with children of their own.
    pub groups: Vec<RawGroup>,
}

/// A child of a record with children of its own; deeper levels are flattened into it.
#[derive(Debug, Default)]
pub(crate) struct RawGroup {
    /// The group element's name (`INDIVIDUAL_ALIAS`).
    pub tag: String,
    /// Its text descendants: (element name, text).
    pub fields: Vec<(String, String)>,
}

impl RawRecord {
    /// The text of the first field with this name.
    pub fn field(&self, name: &str) -> Option<&str> {
        field(&self.fields, name)
    }

    /// What identifies the record in an error message: the fields named in `keys` it has.
    pub fn key(&self, keys: &[&str]) -> Option<String> {
        let found: Vec<String> = keys
            .iter()
            .filter_map(|k| self.field(k).map(|v| format!("{k} {}", v.trim())))
            .collect();
        (!found.is_empty()).then(|| found.join(", "))
    }
}

impl RawGroup {
    /// The text of the first field with this name.
    pub fn field(&self, name: &str) -> Option<&str> {
        field(&self.fields, name)
    }
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// What the scanner needs to know about the document it reads.
pub(crate) struct Shape<'a> {
    /// The root element the document must have.
    pub root: &'a str,
    /// Elements that are records.
    pub records: &'a [&'a str],
    /// Fields that identify a record in error messages.
    pub keys: &'a [&'a str],
}

/// Reads `path`, calling `each` with every record in document order.
pub(crate) fn for_each_record(
    path: &Path,
    shape: &Shape<'_>,
    mut each: impl FnMut(RawRecord) -> Result<(), ListError>,
) -> Result<(), ListError> {
    let file = File::open(path).map_err(|e| ListError::io(path, e))?;
    let input = BufReader::new(RunLimit::new(file, b"<>"));
    let mut scan = Scan {
        reader: Reader::from_reader(input),
        path,
        shape,
        stack: Vec::new(),
        record: None,
        group: None,
        text: String::new(),
        records: 0,
        seen_root: false,
        last_closed: 0,
    };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = scan.reader.read_event_into(&mut buf);
        let event = event.map_err(|e| scan.xml_error(e))?;
        if matches!(event, Event::Eof) {
            return scan.finish();
        }
        if let Some(record) = scan.handle(event)? {
            each(record)?;
        }
    }
}

/// The scanner's state between events.
struct Scan<'a, R> {
    reader: Reader<R>,
    path: &'a Path,
    shape: &'a Shape<'a>,
    /// Names of the open elements, root first.
    stack: Vec<String>,
    /// The record being read and the depth of its element in `stack`.
    record: Option<(RawRecord, usize)>,
    /// The group being read, once a child of the record turned out to have children.
    group: Option<RawGroup>,
    /// Text of the innermost open element.
    text: String,
    records: u64,
    seen_root: bool,
    /// Depth of the element closed last.
    last_closed: usize,
}

impl<R: io::BufRead> Scan<'_, R> {
    fn handle(&mut self, event: Event<'_>) -> Result<Option<RawRecord>, ListError> {
        match event {
            Event::Start(start) => self.open(start.name().as_ref())?,
            Event::Empty(start) => {
                self.open(start.name().as_ref())?;
                return Ok(self.close());
            }
            Event::End(_) => return Ok(self.close()),
            Event::Text(text) => self.add_text(&text.xml10_content())?,
            Event::CData(data) => self.add_text(&data)?,
            Event::GeneralRef(reference) => {
                let c = self.resolve(&reference)?;
                self.add_text(c.encode_utf8(&mut [0; 4]))?;
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            Event::Eof => {}
        }
        Ok(None)
    }

    fn open(&mut self, name: &str) -> Result<(), ListError> {
        if !self.seen_root {
            if name != self.shape.root {
                let detail = format!("<{name}>, expected <{}>", self.shape.root);
                return Err(self.error(Problem::WrongRoot, detail));
            }
            self.seen_root = true;
        } else if self.stack.is_empty() {
            let detail = format!("a second root element <{name}>");
            return Err(self.error(Problem::BadXml, detail));
        }
        self.text.clear();
        self.stack.push(name.to_owned());
        let depth = self.stack.len();
        match &mut self.record {
            None if self.shape.records.contains(&name) => {
                self.records += 1;
                let record = RawRecord {
                    tag: name.to_owned(),
                    index: self.records,
                    offset: self.reader.buffer_position(),
                    ..RawRecord::default()
                };
                self.record = Some((record, depth));
            }
            // A child of a record's child: that child is a group.
            Some((_, at)) if depth == *at + 2 && self.group.is_none() => {
                let tag = self.stack[depth - 2].clone();
                self.group = Some(RawGroup {
                    tag,
                    fields: Vec::new(),
                });
            }
            _ => {}
        }
        Ok(())
    }

    /// Closes the innermost element; returns the record when it was one.
    fn close(&mut self) -> Option<RawRecord> {
        let name = self.stack.pop().unwrap_or_default();
        let depth = self.stack.len() + 1;
        // An element closing right after a child of its own is a container, not a text field.
        let container = std::mem::replace(&mut self.last_closed, depth) == depth + 1;
        let text = std::mem::take(&mut self.text);
        let (record, at) = self.record.as_mut()?;
        let at = *at;
        if depth == at {
            return self.record.take().map(|(record, _)| record);
        }
        if depth == at + 1 {
            match self.group.take() {
                Some(group) => record.groups.push(group),
                None => record.fields.push((name, text)),
            }
        } else if let (Some(group), false) = (&mut self.group, container) {
            group.fields.push((name, text));
        }
        None
    }

    fn add_text(&mut self, text: &str) -> Result<(), ListError> {
        if self.stack.is_empty() && !text.trim().is_empty() {
            let start: String = text.trim().chars().take(20).collect();
            return Err(self.error(
                Problem::NotXml,
                format!("text outside the root element: {start:?}"),
            ));
        }
        if self.text.len() + text.len() > MAX_FIELD_BYTES {
            return Err(self.too_long());
        }
        self.text.push_str(text);
        Ok(())
    }

    fn resolve(&self, reference: &BytesRef<'_>) -> Result<char, ListError> {
        if reference.is_char_ref() {
            if let Ok(Some(c)) = reference.resolve_char_ref() {
                return Ok(c);
            }
        }
        let name: &str = reference;
        match name {
            "amp" => Ok('&'),
            "lt" => Ok('<'),
            "gt" => Ok('>'),
            "apos" => Ok('\''),
            "quot" => Ok('"'),
            _ => Err(self.error(Problem::BadXml, format!("unknown entity &{name};"))),
        }
    }

    /// At the end of the input: a document that is still open was cut short.
    fn finish(self) -> Result<(), ListError> {
        if !self.seen_root {
            return Err(self.error(Problem::NotXml, "no XML element in the file"));
        }
        match self.stack.last() {
            Some(open) => {
                let detail = format!("the file ends inside <{open}>");
                Err(self.error(Problem::Truncated, detail))
            }
            None => Ok(()),
        }
    }

    fn too_long(&self) -> ListError {
        let detail = format!("more than {MAX_FIELD_BYTES} bytes without markup");
        self.error(Problem::FieldTooLong, detail)
    }

    fn xml_error(&self, error: quick_xml::Error) -> ListError {
        use quick_xml::Error as X;
        let problem = match &error {
            X::Io(io) if is_run_too_long(io) => return self.too_long(),
            X::Io(io) => return ListError::io(self.path, io::Error::new(io.kind(), io.clone())),
            X::Encoding(_) => Problem::NotUtf8,
            X::Syntax(_) if !self.seen_root => Problem::NotXml,
            X::Syntax(_) => Problem::Truncated,
            X::IllFormed(quick_xml::errors::IllFormedError::MissingEndTag(_)) => Problem::Truncated,
            _ => Problem::BadXml,
        };
        let mut at = self.location();
        at.byte = Some(self.reader.error_position());
        at.line = line_at(self.path, self.reader.error_position());
        ListError::invalid(self.path, at, problem, error.to_string())
    }

    fn error(&self, problem: Problem, detail: impl Into<String>) -> ListError {
        let mut at = self.location();
        at.line = line_at(self.path, self.reader.buffer_position());
        ListError::invalid(self.path, at, problem, detail)
    }

    /// The record being read, if any, and the reader's position.
    fn location(&self) -> Location {
        let record = self.record.as_ref().map(|(r, _)| r);
        Location {
            record: record.map(|r| r.index),
            key: record.and_then(|r| r.key(self.shape.keys)),
            line: None,
            byte: Some(self.reader.buffer_position()),
        }
    }
}

/// The 1-based line of a byte offset, found by reading the file again: errors are rare, so the
/// happy path does not pay for counting lines.
pub(crate) fn line_at(path: &Path, offset: u64) -> Option<u64> {
    let mut input = File::open(path).ok()?.take(offset);
    let mut buf = vec![0u8; 64 * 1024];
    let mut lines = 1;
    loop {
        let n = input.read(&mut buf).ok()?;
        if n == 0 {
            return Some(lines);
        }
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
    }
}
