//! CSV: a header row names the columns, then one article per row.

use std::borrow::Cow;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use ::csv::{ErrorKind, Reader, ReaderBuilder, StringRecord};

use super::fields::{build_article, Value, N_FIELDS, TEXT};
use super::resolve::Source;
use super::{stream, FieldMap, Record, Records};

pub(crate) fn records(
    source: &Source,
    fields: &Arc<FieldMap>,
    counter: &Arc<AtomicU64>,
) -> Records {
    let reader = match stream::open(source, counter) {
        Ok(reader) => reader,
        Err(e) => {
            return Box::new(std::iter::once(Record::error(
                &source.label,
                format!("cannot open: {e}"),
            )))
        }
    };
    // Not flexible: a row with the wrong number of fields is an error record,
    // because its values would land in the wrong columns.
    let mut csv = ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(reader);
    let headers = match csv.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Box::new(std::iter::once(Record::error(
                &source.label,
                file_error(source, &e, "the header"),
            )))
        }
    };
    if headers.is_empty() {
        return Box::new(std::iter::empty());
    }
    let names = fields.names();
    let columns = names.map(|name| {
        headers.iter().enumerate().position(|(i, h)| {
            // A UTF-8 byte order mark sticks to the first header.
            let h = if i == 0 {
                h.trim_start_matches('\u{feff}')
            } else {
                h
            };
            h == name
        })
    });
    if columns[TEXT].is_none() {
        let listed: Vec<&str> = headers
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}'))
            .collect();
        let reason = format!(
            "no column \"{}\" in the header ({}); set --text-field if your text is in another column; no rows were read",
            names[TEXT],
            listed.join(", ")
        );
        return Box::new(std::iter::once(Record::error(&source.label, reason)));
    }
    Box::new(CsvRows {
        csv,
        source: source.clone(),
        fields: Arc::clone(fields),
        columns,
        row: StringRecord::new(),
        n: 0,
        done: false,
    })
}

struct CsvRows<R> {
    csv: Reader<R>,
    source: Source,
    fields: Arc<FieldMap>,
    /// Column index of each article field, when present.
    columns: [Option<usize>; N_FIELDS],
    /// Reused for every row.
    row: StringRecord,
    /// Data rows read so far (the 1-based number of the current row).
    n: u64,
    done: bool,
}

impl<R: std::io::Read> Iterator for CsvRows<R> {
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        match self.csv.read_record(&mut self.row) {
            Ok(false) => {
                self.done = true;
                None
            }
            Ok(true) => {
                self.n += 1;
                let values = self.columns.map(|c| match c.and_then(|c| self.row.get(c)) {
                    Some(v) => Value::Str(Cow::Borrowed(v)),
                    None => Value::Missing,
                });
                let location = self.location();
                Some(match build_article(values, &self.fields) {
                    Ok((article, warnings)) => Record {
                        location,
                        result: Ok(article),
                        warnings,
                    },
                    Err(reason) => Record::error(location, reason),
                })
            }
            Err(e) => match e.kind() {
                ErrorKind::UnequalLengths {
                    expected_len,
                    len,
                    pos,
                } => {
                    self.n += 1;
                    let line = pos
                        .as_ref()
                        .map_or(String::new(), |p| format!(" (line {})", p.line()));
                    let reason = format!(
                        "row has {len} fields, the header has {expected_len}{line}; quote fields that contain the delimiter"
                    );
                    Some(Record::error(self.location(), reason))
                }
                ErrorKind::Utf8 { err, .. } => {
                    self.n += 1;
                    let reason = format!(
                        "field {} is not valid UTF-8; CSV input must be UTF-8",
                        err.field() + 1
                    );
                    Some(Record::error(self.location(), reason))
                }
                _ => {
                    self.done = true;
                    let after = format!("row {}", self.n);
                    Some(Record::error(
                        &self.source.label,
                        file_error(&self.source, &e, &after),
                    ))
                }
            },
        }
    }
}

impl<R> CsvRows<R> {
    fn location(&self) -> String {
        format!("{}:{}", self.source.label, self.n)
    }
}

/// An error that ends the file (I/O, a truncated stream, a bad header).
fn file_error(source: &Source, e: &::csv::Error, after: &str) -> String {
    match e.kind() {
        ErrorKind::Io(io) => stream::read_error(source, io, after),
        ErrorKind::Utf8 { .. } => {
            format!("the header row is not valid UTF-8 ({e}); CSV input must be UTF-8")
        }
        _ => format!("cannot read the CSV ({e})"),
    }
}
