//! Claims: reported speech without full quotation marks.

use crate::attribution::Document;
use crate::model::Utterance;

/// Find the claims of an article (not yet implemented: none are produced).
pub fn find(_doc: &Document, _quotes: &[Utterance]) -> Vec<Utterance> {
    Vec::new()
}
