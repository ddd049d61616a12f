//! Arrow schemas (schema v1) and builders: [`Extraction`]s → `RecordBatch`es.
//!
//! Offsets become code points here, once per article ([`crate::text::OffsetMap`]).

mod build;
mod clusters;
mod describe;
mod schema;

use arrow_array::RecordBatch;

pub use build::{date32, ClusterRow, ClustersBuilder};
pub(crate) use clusters::{dictionary_strings, strings};
pub use clusters::{sketches, sketches_with, with_cluster_ids};
pub use describe::{describe_json, describe_text};
pub use schema::{schema, type_name};

use crate::error::Result;
use crate::model::Extraction;

/// The tables of an output directory, in the order they are written.
pub const TABLE_NAMES: [&str; 7] = [
    "articles", "quotes", "claims", "speakers", "dates", "clusters", "errors",
];

/// One row of the `errors` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRow {
    /// File (and line/row) that failed.
    pub input: String,
    pub article_id: Option<String>,
    /// What was wrong, in words a user can act on.
    pub error: String,
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

    /// `(name, batch)` for every table, in [`TABLE_NAMES`] order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &RecordBatch)> {
        TABLE_NAMES
            .iter()
            .map(move |n| (*n, self.get(n).expect("every table name has a batch")))
    }
}

/// Build all tables for a batch of extractions and error rows (clusters stay
/// empty here: they are a corpus-wide pass).
pub fn build(extractions: &[Extraction], errors: &[ErrorRow]) -> Result<Tables> {
    let maps = build::offset_maps(extractions);
    let (quotes, claims) = build::utterances(extractions, &maps)?;
    Ok(Tables {
        articles: build::articles(extractions)?,
        quotes,
        claims,
        speakers: build::speakers(extractions)?,
        dates: build::dates(extractions, &maps)?,
        clusters: empty("clusters"),
        errors: if errors.is_empty() {
            empty("errors")
        } else {
            build::errors(errors)?
        },
    })
}

/// Table `name` without rows: no builders to set up and finish for the
/// tables most chunks leave empty (clusters always, errors nearly always).
fn empty(name: &str) -> RecordBatch {
    RecordBatch::new_empty(schema(name).expect("known table"))
}

/// The `clusters` table from rows of a corpus-wide pass.
pub fn build_clusters(rows: &[ClusterRow]) -> Result<RecordBatch> {
    build::clusters(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Span, Utterance};
    use crate::Article;
    use arrow_array::{Array, Int32Array, StringArray};

    fn extraction(text: &str, quote: Span) -> Extraction {
        let article = Article {
            id: Some("a1".into()),
            ..Article::new(text)
        };
        let mut u = Utterance::new(vec![quote], text, Kind::Direct, "test");
        u.mention = Some(Span::new(0, text.find(' ').unwrap()));
        Extraction {
            article_id: "a1".into(),
            article,
            published: None,
            published_inferred: false,
            quotes: vec![u],
            claims: vec![],
            speakers: vec![],
            dates: vec![],
        }
    }

    #[test]
    fn every_table_has_a_schema() {
        for n in TABLE_NAMES {
            assert!(schema(n).is_some(), "{n}");
        }
        assert!(schema("nope").is_none());
    }

    #[test]
    fn code_point_offsets() {
        // "Zoë" is 4 bytes, 3 code points; the quote starts at byte 11, code point 10
        let text = "Zoë said: «oui» 😀";
        let s = text.find("oui").unwrap();
        let t = build(&[extraction(text, Span::new(s, s + 3))], &[]).unwrap();
        assert_eq!(t.quotes.num_rows(), 1);
        let col = |n: &str| t.quotes.column_by_name(n).unwrap().clone();
        let ids = col("quote_id");
        let ids = ids.as_any().downcast_ref::<StringArray>().unwrap();
        assert_eq!(ids.value(0), "a1:q:11");
        let start = col("start");
        let start = start.as_any().downcast_ref::<Int32Array>().unwrap();
        assert_eq!(start.value(0), 11);
        let m = col("speaker_mention");
        assert_eq!(
            m.as_any().downcast_ref::<StringArray>().unwrap().value(0),
            "Zoë"
        );
        assert_eq!(t.articles.num_rows(), 1);
        assert_eq!(t.errors.num_rows(), 0);
        assert!(col("speaker").is_null(0));
    }

    #[test]
    fn bad_span_does_not_panic() {
        let text = "é abc";
        let mut x = extraction(text, Span::new(3, 6));
        x.quotes[0].span = Span::new(1, 99);
        x.quotes[0].mention = Some(Span::new(1, 2));
        let t = build(&[x], &[]).unwrap();
        assert_eq!(t.quotes.num_rows(), 1);
    }
}
