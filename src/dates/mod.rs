//! Temporal expressions: recognition, TIMEX3 normalisation, anchoring on the
//! publication date, and the date of each quote or claim.
//!
//! The flow: one scan of the text for the trigger words of
//! `lexicons/dates/words.tsv` (months, weekdays, units, …, as whole words)
//! and for numbers that can be dates picks the sentences worth
//! tagging ([`triggers`]); those are tokenized ([`lex`]), matched by a
//! leftmost-longest grammar ([`grammar`]) and normalised ([`resolve`]) in
//! text order, so that `a year earlier` can lean on the date stated just
//! before. The tense around an expression ([`tense`]) is read only for the
//! expressions whose year or week it decides (`on Monday`, `in March`).
//!
//! Conventions beyond TIMEX3:
//! - A day range (`November 22-23`) is one DATE whose value is its first day
//!   (TIMEX3 values have no ranges) and whose `begin`..`end_date` is the
//!   whole range.
//! - `begin`/`end_date` of a modified period: START, MID and END are its
//!   first, middle and last third (`early December` → 1–10 December).
//! - Seasons are meteorological (summer = June–August).
//! - Easter is computed for each year (Gregorian); `Easter week`,
//!   `Thanksgiving week` are the ISO week holding the holiday, and the
//!   weekday a holiday is always on belongs to it (`Easter Sunday`).
//! - Without a publication date, relative expressions keep X for what is
//!   unknown (`XXXX-11-20`, `XXXX-WXX-1`) and have no interval.
//!
//! TimeML conventions followed (checked on TimeBank and AQUAINT):
//! - A half unit is written with the next smaller unit (`2 1/2 years` →
//!   P2Y6M, `a minute and a half` → PT1M30S).
//! - A unit right after an amount is a rate, a SET (`$2 million a year` →
//!   P1Y); ages (`52 years old`), titles (`"This Week"`), fractions (`a
//!   quarter of the market`) and `recent` before a noun are no times.
//! - In a report on a quarter, `the 1988 period` and `the quarter a year
//!   ago` are that quarter of the year named or before; a quarter before
//!   the one reported on (`after a flat second quarter`) or one not over at
//!   publication does not replace it.
//! - A frequency adverb right after a counted amount (`grow 8% annually`)
//!   is the rate of that amount, and a count that fills the unit it is
//!   given per (`24 hours a day`) means always: neither is a time.
//! - Approximations belong to the span (`around Nov. 1`, `a week or so
//!   ago`, `sometime next year`), except `about` before a counted amount or
//!   a clock time (`about five hours`, `about 10:35 a.m.`: mod APPROX on
//!   `five hours`); a vague count before `ago` is PAST_REF.
//! - `earlier` / `later` before the current period (`earlier this month`,
//!   `later today`) are mod START / END, as in TimeBank, and the interval is
//!   the part of the period before / after publication.
//! - `one day` / `some day` right after a modal verb (`could one day host`)
//!   is FUTURE_REF, as in TimeBank; elsewhere it is a one-day duration.

mod calendar;
mod expr;
mod grammar;
mod lex;
mod lexicon;
mod published;
mod resolve;
mod tense;
mod triggers;
mod utterance;

use chrono::NaiveDate;

use crate::model::{DateSource, Span, Timex, Utterance};
use crate::text::Segments;

/// The buffers of [`tag`], kept per thread from one article to the next:
/// articles are short, and allocating them afresh for each (the token
/// vector has room for a long sentence) cost more than tagging many an
/// article. A thread keeps them only up to [`SCRATCH_MAX_BYTES`].
#[derive(Default)]
struct Scratch {
    hits: Vec<bool>,
    lower: String,
    /// Always empty between articles: only its memory is kept.
    toks: Vec<lex::Tok<'static>>,
    rules: Vec<Option<lexicon::Rule>>,
    items: Vec<expr::Item>,
    sentences: Vec<Tagged>,
}

/// One tagged sentence: its ranges in the token and expression vectors of
/// the article.
struct Tagged {
    toks: std::ops::Range<usize>,
    items: std::ops::Range<usize>,
}

const SCRATCH_MAX_BYTES: usize = 1 << 20;

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// An empty vector of tokens with the memory of `v` (of another lifetime):
/// a collect from a `Vec` into one of the same layout reuses its buffer.
fn recycle<'b>(mut v: Vec<lex::Tok<'_>>) -> Vec<lex::Tok<'b>> {
    v.clear();
    v.into_iter().map(|_| unreachable!("emptied")).collect()
}

/// Find and normalise the temporal expressions of an article, ordered by start.
pub fn tag(text: &str, seg: &Segments, published: Option<NaiveDate>) -> Vec<Timex> {
    tag_inner(text, seg, published, false).1
}

/// The publication date and the temporal expressions of an article:
/// `published` when given, else the date [`infer_published`] finds, with
/// whether it was inferred. The same as calling both, from one recognition
/// pass (inferring alone recognised every expression of the text a second
/// time).
pub fn tag_inferring(
    text: &str,
    seg: &Segments,
    published: Option<NaiveDate>,
) -> (Option<NaiveDate>, bool, Vec<Timex>) {
    match published {
        Some(d) => (Some(d), false, tag(text, seg, Some(d))),
        None => {
            let (published, timexes) = tag_inner(text, seg, None, true);
            (published, published.is_some(), timexes)
        }
    }
}

/// [`tag`], with the publication date inferred first when `infer`: the
/// expressions of all tagged sentences are recognised, then (the date known)
/// resolved in text order.
fn tag_inner(
    text: &str,
    seg: &Segments,
    published: Option<NaiveDate>,
    infer: bool,
) -> (Option<NaiveDate>, Vec<Timex>) {
    let mut out = Vec::new();
    let Scratch {
        mut hits,
        mut lower,
        toks,
        mut rules,
        mut items,
        mut sentences,
    } = crate::reuse::take(&SCRATCH);
    triggers::sentences_into(&mut hits, text, seg);
    // room for a long sentence from the start: no growing per article
    let mut toks = recycle(toks);
    toks.reserve(64);
    rules.reserve(64);
    let mut published = published;
    if hits.contains(&true) {
        // one lowercased copy of the text and one token vector for the
        // whole article: no allocation per token or per sentence
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        let mut evidence = published::Evidence::default();
        for (s, _) in seg.sentences.iter().zip(&hits).filter(|(_, h)| **h) {
            let Some(low) = lower.get(s.start..s.end) else {
                continue;
            };
            let (t0, i0) = (toks.len(), items.len());
            lex::append_tokens(&mut toks, text, low, s.start, s.end);
            items.extend(grammar::recognise(&toks[t0..]));
            if infer {
                evidence.sentence(s, &toks[t0..], &items[i0..]);
            }
            sentences.push(Tagged {
                toks: t0..toks.len(),
                items: i0..items.len(),
            });
        }
        if infer {
            published = evidence.date();
        }
        let mut ctx = resolve::Ctx {
            published,
            ..Default::default()
        };
        for tagged in &sentences {
            let toks = &toks[tagged.toks.clone()];
            rules.clear();
            for item in &items[tagged.items.clone()] {
                let span = Span::new(toks[item.start].start, toks[item.end - 1].end);
                let dir = if resolve::uses_tense(&item.expr, &ctx) {
                    if rules.is_empty() {
                        tense::rules_into(toks, &mut rules);
                    }
                    tense::direction(toks, &rules, item.start, item.end)
                } else {
                    None
                };
                if let Some(t) = resolve::resolve(item, span, dir, &mut ctx) {
                    out.push(t);
                }
            }
        }
    } else if infer {
        // no sentence to tag, no evidence
        published = None;
    }
    let toks = recycle(toks);
    rules.clear();
    items.clear();
    sentences.clear();
    let bytes = hits.capacity()
        + lower.capacity()
        + toks.capacity() * std::mem::size_of::<lex::Tok<'static>>()
        + rules.capacity() * std::mem::size_of::<Option<lexicon::Rule>>()
        + items.capacity() * std::mem::size_of::<expr::Item>()
        + sentences.capacity() * std::mem::size_of::<Tagged>();
    if bytes <= SCRATCH_MAX_BYTES {
        let scratch = Scratch {
            hits,
            lower,
            toks,
            rules,
            items,
            sentences,
        };
        crate::reuse::keep(&SCRATCH, scratch);
    }
    (published, out)
}

/// Infer the publication date from evidence in the text, or `None` (the
/// recognition pass of [`tag_inferring`]).
pub fn infer_published(text: &str, seg: &Segments) -> Option<NaiveDate> {
    tag_inner(text, seg, None, true).0
}

/// When the words of `u` were said, and where that date comes from.
pub fn utterance_date(
    timexes: &[Timex],
    seg: &Segments,
    u: &Utterance,
    published: Option<NaiveDate>,
) -> (Option<NaiveDate>, DateSource) {
    utterance::date(timexes, seg, u, published)
}
