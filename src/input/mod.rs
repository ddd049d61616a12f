//! Readers: JSON Lines (plain, .gz, .zst), .txt files (a directory or glob),
//! Parquet, CSV and standard input. Each yields [`Record`]s one at a time;
//! no reader holds a whole corpus in memory.

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
}

impl Iterator for Inputs {
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        self.iter.next()
    }
}

impl Inputs {
    /// Wrap any iterator of records.
    pub fn from_iter(iter: impl Iterator<Item = Record> + Send + 'static, total_bytes: Option<u64>, paths: Vec<String>) -> Inputs {
        Inputs { iter: Box::new(iter), total_bytes, paths }
    }
}

/// Open inputs: files, directories, globs, or `-` for standard input.
/// Fails only when an input cannot be found at all; problems inside an input
/// become error records.
pub fn open(specs: &[String], opts: &InputOptions) -> Result<Inputs> {
    let _ = (specs, opts);
    Err(crate::Error::Input("readers not yet implemented".into()))
}
