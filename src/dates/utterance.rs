//! The date of a quote or claim: when the words were said.

use chrono::NaiveDate;

use crate::model::{DateSource, Span, Timex, TimexType, Utterance};
use crate::text::Segments;

/// A single day the timex stands for, not later than publication (words
/// cannot be reported before they are said).
fn day_of(t: &Timex, published: Option<NaiveDate>) -> Option<NaiveDate> {
    if !matches!(t.typ, TimexType::Date | TimexType::Time) || t.modifier.is_some() {
        return None;
    }
    let (b, e) = (t.begin?, t.end_date?);
    if b != e || published.is_some_and(|p| b > p) {
        return None;
    }
    Some(b)
}

/// Outside the reported words: a date inside them is what was talked about.
fn outside(t: &Timex, u: &Utterance) -> bool {
    !t.span.overlaps(&u.span) && !u.parts.iter().any(|p| t.span.overlaps(p))
}

pub fn date(
    timexes: &[Timex],
    seg: &Segments,
    u: &Utterance,
    published: Option<NaiveDate>,
) -> (Option<NaiveDate>, DateSource) {
    // 1. a date in the sentence of the speech event, nearest to the cue
    let at = u.cue.unwrap_or(Span::new(u.span.start, u.span.start));
    let sentences = [seg.sentence_at(at.start), u.sentence];
    let in_event = timexes
        .iter()
        .filter(|t| sentences.contains(&seg.sentence_at(t.span.start)) && outside(t, u))
        .filter_map(|t| day_of(t, published).map(|d| (t.span.start.abs_diff(at.start), d)))
        .min_by_key(|(dist, _)| *dist);
    if let Some((_, d)) = in_event {
        return (Some(d), DateSource::Text);
    }
    // 2. the date the paragraph's narrative established before the utterance
    if let Some(par) = seg.paragraphs.get(u.paragraph) {
        let before = timexes
            .iter()
            .filter(|t| {
                t.span.start >= par.start
                    && t.span.end <= u.span.start.max(at.start)
                    && outside(t, u)
            })
            .filter_map(|t| day_of(t, published))
            .next_back();
        if let Some(d) = before {
            return (Some(d), DateSource::Text);
        }
    }
    // 3. the publication date
    match published {
        Some(p) => (Some(p), DateSource::Published),
        None => (None, DateSource::Unknown),
    }
}
