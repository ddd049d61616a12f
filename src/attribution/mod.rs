//! Attribution: which mention said each quotation. An ordered list of
//! sieves, most precise first ([`sieves::DEFAULT_SIEVES`]); each fills
//! `method` with its id, and a later sieve only fills what is still empty.

pub mod coref;
pub mod cues;
pub mod lexicons;
pub mod mentions;
pub mod sieves;
pub mod subjects;
pub mod time_words;

use crate::model::{Span, Utterance};
use crate::text::{tokenize, Segments, Token};

pub use coref::Entity;
pub use cues::{Cue, CueClass};
pub use mentions::{Mention, MentionKind};

/// An article prepared for attribution: tokens, cues, mentions, entities.
pub struct Document<'a> {
    pub text: &'a str,
    pub seg: &'a Segments,
    pub tokens: Vec<Token>,
    /// Sentence index of each token.
    pub token_sentence: Vec<usize>,
    pub cues: Vec<Cue>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// Outer spans (with marks) of the quotations, to tell what lies inside one.
    pub quoted: Vec<Span>,
    /// For each token, the cue starting at it (`NONE` if none): the sieves
    /// and claims ask this of every token, so it is a lookup, not a search.
    token_cue: Vec<u32>,
    /// For each token, the mention whose tokens start at it (`NONE` if none).
    token_mention: Vec<u32>,
    /// Lowercase forms and word-list flags of the tokens.
    words: mentions::Words,
}

const NONE: u32 = u32::MAX;

/// The per-token vectors of the last [`Document`] dropped on this thread,
/// emptied, for the next one to fill: articles are short, and allocating
/// (and growing) these afresh for each was a good part of the allocator's
/// time in a conversion. A thread keeps them only up to
/// [`SPARE_MAX_BYTES`], so one huge article does not pin its memory.
#[derive(Default)]
struct Spare {
    tokens: Vec<Token>,
    token_sentence: Vec<usize>,
    token_cue: Vec<u32>,
    token_mention: Vec<u32>,
    mentions: Vec<Mention>,
    quoted: Vec<Span>,
    words: mentions::Words,
}

const SPARE_MAX_BYTES: usize = 1 << 20;

thread_local! {
    static SPARE: std::cell::Cell<Spare> = std::cell::Cell::new(Spare::default());
}

impl Spare {
    fn bytes(&self) -> usize {
        use std::mem::size_of;
        self.tokens.capacity() * size_of::<Token>()
            + self.token_sentence.capacity() * size_of::<usize>()
            + (self.token_cue.capacity() + self.token_mention.capacity()) * size_of::<u32>()
            + self.mentions.capacity() * size_of::<Mention>()
            + self.quoted.capacity() * size_of::<Span>()
            + self.words.capacity_bytes()
    }
}

impl Drop for Document<'_> {
    fn drop(&mut self) {
        let mut spare = Spare {
            tokens: std::mem::take(&mut self.tokens),
            token_sentence: std::mem::take(&mut self.token_sentence),
            token_cue: std::mem::take(&mut self.token_cue),
            token_mention: std::mem::take(&mut self.token_mention),
            mentions: std::mem::take(&mut self.mentions),
            quoted: std::mem::take(&mut self.quoted),
            words: std::mem::take(&mut self.words),
        };
        if spare.bytes() > SPARE_MAX_BYTES {
            return;
        }
        spare.tokens.clear();
        spare.token_sentence.clear();
        spare.token_cue.clear();
        spare.token_mention.clear();
        spare.mentions.clear();
        spare.quoted.clear();
        crate::reuse::keep(&SPARE, spare);
    }
}

/// Is cue `c` the last word of a capitalised name ("the United States"):
/// a capitalised organisation word (`lexicons/org_words.txt`) right after a
/// capitalised word of the same sentence? A headline verb ("Lee Says") is
/// no organisation word, so it stays a cue.
fn ends_a_name(text: &str, tokens: &[Token], token_sentence: &[usize], c: &Cue) -> bool {
    let w = c.span.text(text);
    if !w.starts_with(|ch: char| ch.is_ascii_uppercase())
        || !lexicons::lexicons().org_words.contains(w)
    {
        return false;
    }
    let k = tokens.partition_point(|t| t.start < c.span.start);
    k > 0
        && k < tokens.len()
        && token_sentence[k - 1] == token_sentence[k]
        && tokens[k - 1]
            .text(text)
            .starts_with(|ch: char| ch.is_uppercase())
}

impl<'a> Document<'a> {
    /// Tokenize, find cues and mentions; `quoted` are the outer spans of the
    /// quotations (mentions inside them are not antecedents of pronouns).
    pub fn new(text: &'a str, seg: &'a Segments, quoted: Vec<Span>) -> Document<'a> {
        Document::with_quoted(text, seg, quoted)
    }

    /// [`Document::new`] with the quotation spans given one by one, copied
    /// into a vector the thread reuses from article to article.
    pub fn with_quoted(
        text: &'a str,
        seg: &'a Segments,
        quoted: impl IntoIterator<Item = Span>,
    ) -> Document<'a> {
        let Spare {
            mut tokens,
            mut token_sentence,
            mut token_cue,
            mut token_mention,
            mut mentions,
            quoted: mut quoted_buf,
            mut words,
        } = crate::reuse::take(&SPARE);
        tokens.reserve(text.len() / 5);
        token_sentence.reserve(text.len() / 5);
        words.reset(text);
        let mut scratch = mentions::NameScratch::default();
        for (si, s) in seg.sentences.iter().enumerate() {
            let from = tokens.len();
            tokenize(text, s.start, s.end, &mut tokens);
            token_sentence.resize(tokens.len(), si);
            words.extend(text, &tokens[from..]);
            let to = tokens.len();
            mentions::find_in_sentence(
                text,
                &tokens,
                &words,
                from,
                to,
                si,
                &mut scratch,
                &mut mentions,
            );
        }
        quoted_buf.extend(quoted);
        let mut quoted = quoted_buf;
        quoted.sort();
        let mut cues = cues::find_cues(text);
        cues.retain(|c| !ends_a_name(text, &tokens, &token_sentence, c));
        subjects::add_noun_phrase_subjects(
            text,
            &tokens,
            &words.lower,
            &token_sentence,
            &cues,
            &mut mentions,
        );
        for m in mentions.iter_mut() {
            m.in_quote = inside_any(&quoted, m.span);
        }
        let entities = coref::resolve(text, seg, &mut mentions);
        token_cue.resize(tokens.len(), NONE);
        let mut t = 0;
        for (ci, c) in cues.iter().enumerate() {
            while t < tokens.len() && tokens[t].start < c.span.start {
                t += 1;
            }
            if t < tokens.len() && tokens[t].start == c.span.start {
                token_cue[t] = ci as u32;
            }
        }
        token_mention.resize(tokens.len(), NONE);
        // the first mention starting at a token, as the binary search found it
        for (mi, m) in mentions.iter().enumerate().rev() {
            if let Some(slot) = token_mention.get_mut(m.first_token) {
                *slot = mi as u32;
            }
        }
        Document {
            text,
            seg,
            tokens,
            token_sentence,
            cues,
            mentions,
            entities,
            quoted,
            token_cue,
            token_mention,
            words,
        }
    }

    /// Token `i` in lowercase (`to_lowercase` of its text), computed once
    /// per article: cheaper than lowering the token again.
    pub fn lower(&self, i: usize) -> &str {
        self.words.lower.get(i)
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// The cue starting exactly at token `i`, if any.
    pub fn cue_at_token(&self, i: usize) -> Option<&Cue> {
        let k = *self.token_cue.get(i)?;
        (k != NONE).then(|| &self.cues[k as usize])
    }

    /// The mention whose tokens start at token `i`.
    pub fn mention_at_token(&self, i: usize) -> Option<usize> {
        let k = *self.token_mention.get(i)?;
        (k != NONE).then_some(k as usize)
    }

    /// The mention whose tokens end at token `end` (exclusive). Mentions do
    /// not overlap, so their end tokens are sorted like their starts.
    pub fn mention_ending_at(&self, end: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.end_token < end);
        (k < self.mentions.len() && self.mentions[k].end_token == end).then_some(k)
    }

    /// The mention whose written span is exactly `span`.
    pub fn mention_with_span(&self, span: Span) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions[k..]
            .iter()
            .take_while(|m| m.span.start == span.start)
            .position(|m| m.span == span)
            .map(|i| k + i)
    }

    /// The mentions of sentence `sentence`, as an index range.
    pub fn mentions_in_sentence(&self, sentence: usize) -> std::ops::Range<usize> {
        let a = self.mentions.partition_point(|m| m.sentence < sentence);
        let b = self.mentions.partition_point(|m| m.sentence <= sentence);
        a..b
    }

    /// Is byte span `s` inside a quotation?
    pub fn in_quote(&self, s: Span) -> bool {
        inside_any(&self.quoted, s)
    }

    /// Does token `i` stand inside quotation marks?
    pub fn token_in_quote(&self, i: usize) -> bool {
        let t = self.tokens[i];
        self.in_quote(Span::new(t.start, t.end))
    }

    /// Canonical speaker for mention `m`: its entity's name, else the mention
    /// text for role and organisation mentions (pronouns without an antecedent
    /// give none).
    pub fn speaker_of(&self, m: usize) -> Option<String> {
        let me = &self.mentions[m];
        if me.entity.is_none() && self.is_relative_pronoun(m) {
            // "Lee, who said …": the speaker is the antecedent; without one
            // in view, none (the relative pronoun names nobody)
            return self
                .antecedent_of_relative(m)
                .and_then(|a| self.speaker_of(a));
        }
        match me.entity {
            Some(e) => Some(self.entities[e].name.clone()),
            None => match me.kind {
                MentionKind::Pronoun { .. } => None,
                _ => Some(me.span.text(self.text).to_string()),
            },
        }
    }
}

impl Document<'_> {
    /// Is mention `m` the relative pronoun "who" standing as a subject?
    fn is_relative_pronoun(&self, m: usize) -> bool {
        let me = &self.mentions[m];
        me.end_token == me.first_token + 1
            && self.tokens[me.first_token]
                .text(self.text)
                .eq_ignore_ascii_case("who")
    }

    /// The mention a relative pronoun refers to: the one ending right before
    /// it ("officials who said") or before its comma ("Lee, who said").
    fn antecedent_of_relative(&self, m: usize) -> Option<usize> {
        let f = self.mentions[m].first_token;
        let end = if f > 0 && self.tokens[f - 1].text(self.text) == "," {
            f - 1
        } else {
            f
        };
        self.mention_ending_at(end).filter(|&a| {
            a != m
                && self.mentions[a].sentence == self.mentions[m].sentence
                && !self.mentions[a].possessive
                && !self.is_relative_pronoun(a)
        })
    }
}

fn inside_any(sorted: &[Span], s: Span) -> bool {
    let k = sorted.partition_point(|q| q.start <= s.start);
    k > 0 && sorted[k - 1].end >= s.end
}

/// Attribute each quotation in place (see [`sieves`]).
pub fn attribute(doc: &Document, quotes: &mut Vec<Utterance>) {
    sieves::run(doc, quotes);
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_in_lowercase() {
        let text = "The Minister SAID it.\nÉLYSÉE ’90s";
        let seg = crate::text::segment(text);
        let doc = super::Document::new(text, &seg, vec![]);
        let got: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.lower(i)).collect();
        assert_eq!(
            got,
            ["the", "minister", "said", "it", ".", "élysée", "’", "90s"]
        );
    }
}
