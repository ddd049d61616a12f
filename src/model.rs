//! What extraction produces for one article: plain Rust structs with byte
//! offsets into the article text. [`crate::table`] turns them into Arrow
//! record batches with code-point offsets (schema v1).

use chrono::NaiveDate;

use crate::article::Article;

/// A half-open byte span `[start, end)` of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The span's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    /// Does `self` lie wholly inside `other`?
    pub fn within(&self, other: &Span) -> bool {
        self.start >= other.start && self.end <= other.end
    }
    /// Do the two spans share at least one byte?
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The kind of a reported-speech row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Quotation marks hold a whole utterance.
    Direct,
    /// A quoted fragment inside a paraphrase (both a quotes row and a claims row).
    Mixed,
    /// Reported speech without quotation marks: "X said the plan failed".
    Indirect,
    /// "According to X, ...".
    AccordingTo,
}

impl Kind {
    /// The value written in the `kind` column.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
            Kind::AccordingTo => "according_to",
        }
    }
}

/// Where the `date` of a quote or claim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DateSource {
    /// A date expression in the text attached to the speech event or its narrative.
    Text,
    /// The article's publication date.
    Published,
    /// Nothing to go on.
    #[default]
    Unknown,
}

impl DateSource {
    pub fn as_str(&self) -> &'static str {
        match self {
            DateSource::Text => "text",
            DateSource::Published => "published",
            DateSource::Unknown => "unknown",
        }
    }
}

/// One quote (direct or mixed) or one claim (indirect, according-to, mixed).
#[derive(Debug, Clone, PartialEq)]
pub struct Utterance {
    /// Whole span of the content: for a quote, from the first quoted character
    /// to the last (inside the marks), covering all parts.
    pub span: Span,
    /// The parts of the content, in order (one for a plain quote; several for a
    /// quote interrupted by its attribution or continued over paragraphs).
    pub parts: Vec<Span>,
    /// The content text: the parts joined by a space.
    pub text: String,
    /// For quotes: each part with its quotation marks (internal; not a column).
    pub marks: Vec<Span>,
    pub kind: Kind,
    /// Canonical name of the speaker.
    pub speaker: Option<String>,
    /// Corpus-wide speaker key (see [`crate::speakers::speaker_id`]).
    pub speaker_id: Option<String>,
    /// The local mention that attributes it.
    pub mention: Option<Span>,
    /// The attribution cue as written.
    pub cue: Option<Span>,
    /// The cue's base form.
    pub cue_lemma: Option<String>,
    /// Who it was said to, when stated.
    pub addressee: Option<String>,
    /// Sentence index (of the span start) in the article.
    pub sentence: usize,
    /// Paragraph index (of the span start) in the article.
    pub paragraph: usize,
    pub date: Option<NaiveDate>,
    pub date_source: DateSource,
    /// The rule that produced the row (detection or attribution sieve).
    pub method: &'static str,
    pub confidence: f32,
    pub cluster_id: Option<String>,
}

/// The span from the first part to the last, and the parts' text joined
/// with single spaces.
fn span_and_text(parts: &[Span], text: &str) -> (Span, String) {
    let span = Span::new(
        parts.first().map_or(0, |p| p.start),
        parts.last().map_or(0, |p| p.end),
    );
    let joined = match parts {
        // most utterances are one part: no vector of pieces to join
        [one] => one.text(text).to_string(),
        _ => parts
            .iter()
            .map(|p| p.text(text))
            .collect::<Vec<_>>()
            .join(" "),
    };
    (span, joined)
}

impl Utterance {
    /// Replace the parts of the content; `span` and `text` follow them.
    pub fn set_parts(&mut self, parts: Vec<Span>, text: &str) {
        let (span, joined) = span_and_text(&parts, text);
        self.span = span;
        self.parts = parts;
        self.text = joined;
    }

    /// A row with the content only, not yet attributed.
    pub fn new(parts: Vec<Span>, text: &str, kind: Kind, method: &'static str) -> Utterance {
        let (span, joined) = span_and_text(&parts, text);
        Utterance {
            span,
            parts,
            text: joined,
            marks: Vec::new(),
            kind,
            speaker: None,
            speaker_id: None,
            mention: None,
            cue: None,
            cue_lemma: None,
            addressee: None,
            sentence: 0,
            paragraph: 0,
            date: None,
            date_source: DateSource::Unknown,
            method,
            confidence: 0.5,
            cluster_id: None,
        }
    }
}

/// One speaker of one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpeakerRow {
    pub speaker_id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub n_mentions: u32,
    pub n_quotes: u32,
    pub n_claims: u32,
}

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// What a relative expression was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The expression is complete by itself (`20 November 2017`, `P3D`).
    Absolute,
    /// Resolved against the publication date.
    Published,
    /// Resolved against a date the text established before it.
    Text,
}

impl Anchor {
    pub fn as_str(&self) -> &'static str {
        match self {
            Anchor::Absolute => "absolute",
            Anchor::Published => "published",
            Anchor::Text => "text",
        }
    }
}

/// One temporal expression, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub span: Span,
    pub typ: TimexType,
    /// TIMEX3 value (`2017-11-20`, `2017-11-20TNI`, `2017-12`, `P3D`, `XXXX-11-20`).
    pub value: String,
    /// TIMEX3 mod (`START`, `APPROX`, …).
    pub modifier: Option<&'static str>,
    /// The calendar interval of a DATE.
    pub begin: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub anchor: Anchor,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    pub article_id: String,
    pub article: Article,
    /// `article.published`, or the date inferred from the text.
    pub published: Option<NaiveDate>,
    pub published_inferred: bool,
    pub quotes: Vec<Utterance>,
    pub claims: Vec<Utterance>,
    pub speakers: Vec<SpeakerRow>,
    pub dates: Vec<Timex>,
}
