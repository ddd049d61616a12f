//! Temporal expressions: recognition, TIMEX3 normalisation, anchoring on the
//! publication date, and the date of each quote or claim.

use chrono::NaiveDate;

use crate::model::{DateSource, Timex, Utterance};
use crate::text::Segments;

/// Find and normalise the temporal expressions of an article, ordered by start.
pub fn tag(_text: &str, _seg: &Segments, _published: Option<NaiveDate>) -> Vec<Timex> {
    Vec::new()
}

/// Infer the publication date from evidence in the text, or `None`.
pub fn infer_published(_text: &str, _seg: &Segments) -> Option<NaiveDate> {
    None
}

/// When the words of `u` were said, and where that date comes from.
pub fn utterance_date(
    _timexes: &[Timex],
    _seg: &Segments,
    _u: &Utterance,
    published: Option<NaiveDate>,
) -> (Option<NaiveDate>, DateSource) {
    (published, DateSource::Published)
}
