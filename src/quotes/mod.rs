//! Quotation detection: pairing marks ([`marks`]), then refinement against
//! the cues of the article (interrupted quotations, scare quotes, kind).

pub mod marks;

use crate::model::{Kind, Span, Utterance};
use crate::text::Segments;

/// Find the quotations of an article. Rows come back unattributed, ordered
/// by start, with `sentence` and `paragraph` filled, `kind` Direct, and
/// `method` naming how the marks were paired.
pub fn detect(text: &str, seg: &Segments) -> Vec<Utterance> {
    let pairs = marks::pair(text, seg);
    // exactly as many rows as quotations: a collect through the filter
    // started at room for four, a block of over 1 KB, and every such request
    // makes glibc's malloc merge all its small free blocks first (some 2% of
    // extraction was that merging, once per article)
    let mut out = Vec::with_capacity(pairs.iter().filter(|q| !q.parts.is_empty()).count());
    out.extend(pairs.into_iter().filter(|q| !q.parts.is_empty()).map(|q| {
        let mut u = Utterance::new(q.parts, text, Kind::Direct, q.method);
        u.marks = q.outer;
        u.paragraph = seg.paragraph_at(u.span.start);
        u.sentence = seg.sentence_at(u.span.start);
        u
    }));
    out
}

/// Number of words in a span.
pub fn word_count(text: &str, span: Span) -> usize {
    span.text(text)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
