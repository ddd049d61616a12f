//! Readers: JSON Lines (plain, .gz, .zst), .txt files (a directory or glob),
//! Parquet, CSV and standard input. Each yields [`Record`]s one at a time;
//! no reader holds a whole corpus in memory (JSONL and CSV go line by line /
//! row by row, Parquet batch by batch, a .txt file is one article).
//!
//! What each format does with bad input (every case has a test in
//! `tests/input.rs`):
//!
//! - A spec that matches nothing (no such file, a glob or directory without
//!   a supported file) makes [`open`] fail; nothing else does.
//! - JSON Lines: blank lines are skipped; a line that is not UTF-8, not JSON,
//!   or not an object is an error record for that line and reading goes on.
//!   A UTF-8 byte order mark on the first line is dropped.
//! - `.gz` / `.zst` (JSONL, CSV or txt inside): a stream that ends early keeps
//!   every complete line read, then adds one error record for the file.
//! - .txt: one article per file, id = file stem, even when the file is empty
//!   (an empty `.txt.gz` is not a gzip stream: one error record).
//!   A file that is not UTF-8 is decoded as UTF-16 (when it has a UTF-16 byte
//!   order mark) or Windows-1252 (Latin-1), with a warning.
//! - CSV / Parquet: a file without the text column gives ONE error record for
//!   the file (its rows are not read); a row with the wrong number of fields
//!   is an error record for that row. A file that is not Parquet, or a
//!   damaged one (even one that makes the Parquet decoder panic), is one
//!   error record after the rows read before the damage.
//! - Every format: an empty file gives no records and no error (except .txt,
//!   above); missing, null or non-string text is an error record; empty text
//!   is an article; a `published` that is not an ISO 8601 date, or not a
//!   string, leaves the article without a date and adds a warning; a numeric
//!   id keeps its written form; other optional fields of the wrong type are
//!   left empty with a warning. Text is never normalised.

mod csv;
mod fields;
mod guard;
mod json;
mod jsonl;
mod parquet;
mod resolve;
mod stream;
mod txt;

use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use crate::article::Article;
use crate::error::Result;

/// Input format; `Auto` decides by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Auto,
    Jsonl,
    Txt,
    Parquet,
    Csv,
}

/// Names of the article fields in the input (`--text-field body` …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    pub text: String,
    pub id: String,
    pub title: String,
    pub source: String,
    pub url: String,
    pub published: String,
    pub language: String,
}

impl Default for FieldMap {
    fn default() -> FieldMap {
        FieldMap {
            text: "text".into(),
            id: "id".into(),
            title: "title".into(),
            source: "source".into(),
            url: "url".into(),
            published: "published".into(),
            language: "language".into(),
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputOptions {
    pub format: Format,
    pub fields: FieldMap,
}

/// One input record: an article (possibly with warnings, e.g. an
/// unparseable `published` that was nulled), or an error for a record that
/// could not become an article. Every record of every input becomes exactly
/// one `Record`, and a truncated or unreadable stream adds one error record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Where it came from: `path:line` (JSONL), `path:row` (CSV/Parquet), `path` (txt), `-:line` (stdin).
    pub location: String,
    /// The article, or why there is none, in words a user can act on.
    pub result: std::result::Result<Article, String>,
    /// Problems that did not stop the article (each becomes an `errors` row).
    pub warnings: Vec<String>,
}

/// An opened set of inputs: an iterator of records.
pub struct Inputs {
    iter: Box<dyn Iterator<Item = Record> + Send>,
    /// Total size in bytes of the input files, when known (for progress and MB/s).
    pub total_bytes: Option<u64>,
    /// The resolved input paths (for the manifest).
    pub paths: Vec<String>,
    /// Bytes of the input files consumed so far (compressed bytes for .gz /
    /// .zst, so it compares with `total_bytes`). Clone it before handing
    /// `Inputs` to a reader thread and read it from a progress bar for an
    /// ETA; it advances as the records are pulled.
    pub bytes_read: Arc<AtomicU64>,
}

impl Iterator for Inputs {
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        self.iter.next()
    }
}

impl Inputs {
    /// Wrap any iterator of records.
    pub fn from_iter(
        iter: impl Iterator<Item = Record> + Send + 'static,
        total_bytes: Option<u64>,
        paths: Vec<String>,
    ) -> Inputs {
        Inputs {
            iter: Box::new(iter),
            total_bytes,
            paths,
            bytes_read: Arc::default(),
        }
    }
}

/// Open inputs: files, directories, globs, or `-` for standard input.
/// Fails only when an input cannot be found at all; problems inside an input
/// become error records.
pub fn open(specs: &[String], opts: &InputOptions) -> Result<Inputs> {
    let sources = resolve::resolve(specs, opts.format)?;
    let total_bytes = sources.iter().map(|s| s.size).sum::<Option<u64>>();
    let paths = sources.iter().map(|s| s.label.clone()).collect();
    let bytes_read = Arc::new(AtomicU64::new(0));
    let chain = Chain {
        sources: sources.into_iter(),
        current: None,
        fields: Arc::new(opts.fields.clone()),
        bytes_read: Arc::clone(&bytes_read),
    };
    Ok(Inputs {
        iter: Box::new(chain),
        total_bytes,
        paths,
        bytes_read,
    })
}

type Records = Box<dyn Iterator<Item = Record> + Send>;

/// The sources one after the other, each opened only when the one before is
/// exhausted (so a thousand files never hold a thousand open handles).
struct Chain {
    sources: std::vec::IntoIter<resolve::Source>,
    current: Option<Records>,
    fields: Arc<FieldMap>,
    bytes_read: Arc<AtomicU64>,
}

impl Iterator for Chain {
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(record) = self.current.as_mut().and_then(Iterator::next) {
                return Some(record);
            }
            let source = self.sources.next()?;
            self.current = Some(source.records(&self.fields, &self.bytes_read));
        }
    }
}

/// The records of an Arrow batch already in memory (one article per row,
/// columns named as in `fields`), read exactly as a Parquet file's rows are.
/// Row `i` is located at `{label}:{first_row + i + 1}`.
pub fn batch_records(
    batch: &arrow_array::RecordBatch,
    label: &str,
    first_row: u64,
    fields: &FieldMap,
) -> Vec<Record> {
    (0..batch.num_rows())
        .map(|i| {
            let location = format!("{label}:{}", first_row + i as u64 + 1);
            parquet::row(batch, i, location, fields)
        })
        .collect()
}

impl Record {
    /// An error record.
    pub(crate) fn error(location: impl Into<String>, reason: impl Into<String>) -> Record {
        Record {
            location: location.into(),
            result: Err(reason.into()),
            warnings: Vec::new(),
        }
    }
}
