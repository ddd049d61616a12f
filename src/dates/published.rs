//! The publication date, inferred only from explicit evidence in the text:
//! a dateline (a full date opening the article) or `today, November 21[, 2017]`.
//! A month and day without a year take the latest year the text states;
//! with no year anywhere, nothing is inferred.

use chrono::{Datelike, NaiveDate};

use super::expr::{Expr, Item};
use super::lex::Tok;
use crate::text::Sentence;

/// How far into the article a dateline may start (bytes).
const DATELINE: usize = 120;

/// Words that make a following date part of the sentence ("on November 20",
/// "since March 3"), not a dateline.
const DATE_PREPOSITIONS: [&str; 10] = [
    "on", "by", "since", "until", "till", "before", "after", "from", "through", "in",
];

/// What the sentences seen so far tell of the publication date: fed the
/// expressions of each tagged sentence in text order, so that the tagger
/// infers the date from the expressions it recognises anyway.
#[derive(Default)]
pub(super) struct Evidence {
    latest_year: Option<i32>,
    found: Option<(Option<i32>, u32, u32)>,
}

impl Evidence {
    /// Sentence `s`, its tokens and the expressions recognised in them.
    pub(super) fn sentence(&mut self, s: &Sentence, toks: &[Tok<'_>], items: &[Item]) {
        for item in items {
            let y = match item.expr {
                Expr::Year(y) | Expr::Cal { y: Some(y), .. } => Some(y),
                _ => None,
            };
            if let Some(y) = y {
                self.latest_year = Some(self.latest_year.map_or(y, |l: i32| l.max(y)));
            }
            let Expr::Cal {
                y,
                m,
                d: Some(d),
                d2: None,
            } = item.expr
            else {
                continue;
            };
            let start = toks[item.start].start;
            // "On November 20, the leaders met": a date inside a phrase of the
            // sentence is when something happened, not the dateline
            let in_phrase =
                item.start >= 1 && DATE_PREPOSITIONS.iter().any(|p| toks[item.start - 1].is(p));
            let dateline = start < DATELINE && s.paragraph == 0 && item.start <= 4 && !in_phrase;
            // `today, November 21` / `today (November 21)`
            let today = (1..=2).any(|k| item.start >= k && toks[item.start - k].is("today"));
            if self.found.is_none() && (dateline || today) {
                self.found = Some((y, m, d));
            }
        }
    }

    /// The date inferred, if any.
    pub(super) fn date(self) -> Option<NaiveDate> {
        let (y, m, d) = self.found?;
        let y = y.or(self.latest_year)?;
        NaiveDate::from_ymd_opt(y, m, d).filter(|date| date.year() == y)
    }
}
