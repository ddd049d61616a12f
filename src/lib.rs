//! sayso turns news articles into a research dataset of who said what, to
//! whom, and when: quotes, claims, speakers and dates, as Arrow tables and
//! Parquet files (schema v1, see `SCHEMA.md`).
//!
//! ```
//! let article = sayso::Article::new("“We will win,” Maria Lopez said on Monday.");
//! let x = sayso::extract(article);
//! assert_eq!(x.quotes.len(), 1);
//! let q = &x.quotes[0];
//! assert_eq!(q.text, "We will win,");
//! assert_eq!(q.speaker.as_deref(), Some("Maria Lopez"));
//! ```
//!
//! The flow is one-way: readers ([`input`]) → segmentation ([`text`]) →
//! detection ([`quotes`], [`dates`]) → attribution ([`attribution`],
//! [`claims`]) → coreference and speakers ([`speakers`]) → [`Extraction`] →
//! Arrow tables ([`table`]) → Parquet ([`output`]). Extraction of one article
//! is a pure function, so articles can be processed in any order, on any
//! number of threads, or inside a Spark executor.

pub mod article;
pub mod attribution;
pub mod claims;
pub mod clusters;
pub mod dates;
pub mod error;
pub mod eval;
pub mod extract;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod quotes;
mod reuse;
pub mod speakers;
pub mod table;
pub mod text;

#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "python")]
mod python;

pub use article::Article;
pub use error::Error;
pub use extract::{extract, Extractor};
pub use model::{
    Anchor, DateSource, Extraction, Kind, Span, SpeakerRow, Timex, TimexType, Utterance,
};

/// Version of this crate (also written to `_manifest.json`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// Version of the output contract (`SCHEMA.md`).
pub const SCHEMA_VERSION: u32 = 1;

#[cfg(test)]
mod testoibits {
    fn assert_send_sync<T: Send + Sync>() {}
    #[test]
    fn public_types_are_send_sync() {
        assert_send_sync::<crate::Extractor>();
        assert_send_sync::<crate::Extraction>();
        assert_send_sync::<crate::Article>();
    }
}
