//! JSON Lines: one article object per line, plain or compressed, from a file
//! or standard input.

use std::fmt::Write as _;
use std::io::BufRead;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use super::fields::build_article;
use super::json::{parse_line, Line};
use super::resolve::Source;
use super::{stream, FieldMap, Record, Records};

pub(crate) fn records(
    source: &Source,
    fields: &Arc<FieldMap>,
    counter: &Arc<AtomicU64>,
) -> Records {
    match stream::open(source, counter) {
        Ok(reader) => Box::new(JsonLines::new(reader, source.clone(), Arc::clone(fields))),
        Err(e) => Box::new(std::iter::once(Record::error(
            &source.label,
            format!("cannot open: {e}"),
        ))),
    }
}

/// The records of one JSON Lines stream, read line by line into one reused buffer.
pub(crate) struct JsonLines<R> {
    reader: R,
    source: Source,
    fields: Arc<FieldMap>,
    buf: Vec<u8>,
    /// Lines read so far (the 1-based number of the current line).
    line: u64,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(reader: R, source: Source, fields: Arc<FieldMap>) -> JsonLines<R> {
        JsonLines {
            reader,
            source,
            fields,
            buf: Vec::new(),
            line: 0,
            done: false,
        }
    }

    fn record(&self, bytes: &[u8]) -> Record {
        // pieced together rather than `format!`ed: this runs once per line
        let mut location = String::with_capacity(self.source.label.len() + 21);
        location.push_str(&self.source.label);
        location.push(':');
        let _ = write!(location, "{}", self.line);
        let line = match std::str::from_utf8(bytes) {
            Ok(line) => line,
            Err(e) => {
                let at = e.valid_up_to();
                let reason = format!(
                    "line {}: not valid UTF-8 (byte 0x{:02X} at byte {} of the line); JSON Lines input must be UTF-8",
                    self.line,
                    bytes[at],
                    at + 1
                );
                return Record::error(location, reason);
            }
        };
        let result = match parse_line(line, &self.fields.names()) {
            Err(reason) => Err(format!("line {}: {reason}", self.line)),
            Ok(Line::Other(kind)) => Err(format!(
                "line {}: {kind}, expected a JSON object (one article per line)",
                self.line
            )),
            Ok(Line::Object(values)) => build_article(values, &self.fields),
        };
        match result {
            Ok((article, warnings)) => Record {
                location,
                result: Ok(article),
                warnings,
            },
            Err(reason) => Record::error(location, reason),
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        while !self.done {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    let bytes = trim_line(&self.buf, self.line);
                    // Stops at the first non-blank byte, so it costs nothing on a real line.
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.record(bytes));
                }
                Err(e) => {
                    // A partial last line (cut by the truncation) is not a record.
                    self.done = true;
                    let after = format!("line {}", self.line);
                    return Some(Record::error(
                        &self.source.label,
                        stream::read_error(&self.source, &e, &after),
                    ));
                }
            }
        }
        None
    }
}

/// The line without its end (`\n` or `\r\n`), and without a UTF-8 byte
/// order mark on the first line (some editors write one; JSON forbids it).
fn trim_line(buf: &[u8], line: u64) -> &[u8] {
    let bytes = buf.strip_suffix(b"\n").unwrap_or(buf);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    if line == 1 {
        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
    } else {
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::stream::Compression;
    use crate::input::Format;

    #[test]
    fn standard_input_locations() {
        let stdin = Source {
            label: "-".into(),
            path: None,
            format: Format::Jsonl,
            compression: Compression::None,
            size: None,
        };
        let data: &[u8] = b"{\"text\": \"a\"}\n\n{\"text\": 1}\n";
        let got: Vec<Record> = JsonLines::new(data, stdin, Arc::default()).collect();
        let locations: Vec<&str> = got.iter().map(|r| r.location.as_str()).collect();
        assert_eq!(locations, ["-:1", "-:3"]);
        assert_eq!(got[0].result.as_ref().unwrap().text, "a");
        assert_eq!(
            got[1].result,
            Err("field \"text\" is a number, expected a string".into())
        );
    }
}
