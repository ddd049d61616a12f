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

/// Timexes looked at before the utterance when the paragraph's narrative
/// date is sought: enough for any news paragraph, and a bound that keeps a
/// one-paragraph run-on text linear.
const NARRATIVE_LOOKBACK: usize = 64;

/// The date of `u`; `timexes` are ordered by start (as `tag` returns them),
/// so each utterance looks only at the timexes of its own sentences and
/// paragraph: linear time over an article.
pub fn date(
    timexes: &[Timex],
    seg: &Segments,
    u: &Utterance,
    published: Option<NaiveDate>,
) -> (Option<NaiveDate>, DateSource) {
    // the timexes starting in byte range [from, to)
    let range = |from: usize, to: usize| {
        let a = timexes.partition_point(|t| t.span.start < from);
        let b = timexes.partition_point(|t| t.span.start < to);
        &timexes[a..b.max(a)]
    };
    // 1. a date in the sentence of the speech event, nearest to the cue
    let at = u.cue.unwrap_or(Span::new(u.span.start, u.span.start));
    let cue_sentence = seg.sentence_at(at.start);
    let (a, b) = (cue_sentence.min(u.sentence), cue_sentence.max(u.sentence));
    let mut in_event: Option<(usize, NaiveDate)> = None;
    for si in std::iter::once(a).chain((b != a).then_some(b)) {
        let Some(sent) = seg.sentences.get(si) else {
            continue;
        };
        for t in range(sent.start, sent.end).iter().filter(|t| outside(t, u)) {
            if let Some(d) = day_of(t, published) {
                let dist = t.span.start.abs_diff(at.start);
                if in_event.is_none_or(|(best, _)| dist < best) {
                    in_event = Some((dist, d));
                }
            }
        }
    }
    if let Some((_, d)) = in_event {
        return (Some(d), DateSource::Text);
    }
    // 2. the date the paragraph's narrative established before the utterance
    if let Some(par) = seg.paragraphs.get(u.paragraph) {
        let limit = u.span.start.max(at.start);
        let before = range(par.start, limit)
            .iter()
            .rev()
            .take(NARRATIVE_LOOKBACK)
            .filter(|t| t.span.end <= limit && outside(t, u))
            .find_map(|t| day_of(t, published));
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
