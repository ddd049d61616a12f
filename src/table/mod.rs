//! Arrow schemas (schema v1) and builders: [`Extraction`]s → `RecordBatch`es.
//!
//! Offsets become code points here, once per article ([`crate::text::OffsetMap`]).

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

use crate::error::Result;
use crate::model::Extraction;

/// The tables of an output directory, in the order they are written.
pub const TABLE_NAMES: [&str; 7] = ["articles", "quotes", "claims", "speakers", "dates", "clusters", "errors"];

/// One row of the `errors` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRow {
    /// File (and line/row) that failed.
    pub input: String,
    pub article_id: Option<String>,
    /// What was wrong, in words a user can act on.
    pub error: String,
}

/// The Arrow schema of table `name` (one of [`TABLE_NAMES`]).
pub fn schema(name: &str) -> Option<SchemaRef> {
    let _ = name;
    None
}

/// One record batch per table.
#[derive(Debug, Clone)]
pub struct Tables {
    pub articles: RecordBatch,
    pub quotes: RecordBatch,
    pub claims: RecordBatch,
    pub speakers: RecordBatch,
    pub dates: RecordBatch,
    pub clusters: RecordBatch,
    pub errors: RecordBatch,
}

impl Tables {
    /// The batch of table `name`.
    pub fn get(&self, name: &str) -> Option<&RecordBatch> {
        Some(match name {
            "articles" => &self.articles,
            "quotes" => &self.quotes,
            "claims" => &self.claims,
            "speakers" => &self.speakers,
            "dates" => &self.dates,
            "clusters" => &self.clusters,
            "errors" => &self.errors,
            _ => return None,
        })
    }
}

/// Build all tables for a batch of extractions and error rows (clusters stay
/// empty here: they are a corpus-wide pass).
pub fn build(extractions: &[Extraction], errors: &[ErrorRow]) -> Result<Tables> {
    let _ = (extractions, errors);
    Err(crate::Error::Output("table builders not yet implemented".into()))
}
