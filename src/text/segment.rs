//! Paragraphs (non-empty lines) and sentences, as byte spans.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use crate::lexicon::lines;

/// A paragraph: one non-blank line of the article, trimmed of surrounding
/// whitespace. `start..end` are byte offsets into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// Index of the first sentence of this paragraph in [`Segments::sentences`].
    pub first_sentence: usize,
    /// One past the last sentence of this paragraph.
    pub end_sentence: usize,
}

/// A sentence, as a byte span trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// The paragraphs and sentences of one article.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Segments {
    /// Index of the sentence containing byte `pos` (or the nearest one before it).
    pub fn sentence_at(&self, pos: usize) -> usize {
        match self.sentences.binary_search_by(|s| s.start.cmp(&pos)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }

    /// Index of the paragraph containing byte `pos` (or the nearest one before it).
    pub fn paragraph_at(&self, pos: usize) -> usize {
        match self.paragraphs.binary_search_by(|p| p.start.cmp(&pos)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }
}

/// Word lists of sentence splitting, each loaded once.
static ABBREVIATIONS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| lines(include_str!("../../lexicons/abbreviations.txt")).collect());
static SENTENCE_FINAL_ABBREVIATIONS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    lines(include_str!(
        "../../lexicons/sentence_final_abbreviations.txt"
    ))
    .collect()
});
static SENTENCE_OPENERS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| lines(include_str!("../../lexicons/sentence_openers.txt")).collect());

/// Split `text` into paragraphs (non-blank lines) and sentences.
pub fn segment(text: &str) -> Segments {
    let mut seg = Segments::default();
    segment_into(text, &mut seg);
    seg
}

/// [`segment`] into `seg`, whose vectors (emptied first) keep their memory:
/// the extractor reuses one per thread from article to article.
pub fn segment_into(text: &str, seg: &mut Segments) {
    seg.paragraphs.clear();
    seg.sentences.clear();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let trimmed_start = line_start + (line.len() - line.trim_start().len());
        let trimmed_end = line_start + line.trim_end().len();
        if trimmed_end > trimmed_start {
            let pi = seg.paragraphs.len();
            let first = seg.sentences.len();
            split_sentences(text, trimmed_start, trimmed_end, pi, &mut seg.sentences);
            seg.paragraphs.push(Paragraph {
                start: trimmed_start,
                end: trimmed_end,
                first_sentence: first,
                end_sentence: seg.sentences.len(),
            });
        }
        line_start = line_end;
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '‚' | '‟'
    )
}

/// The bytes a sentence terminal can start with, by byte: one load per
/// byte in the scan of [`split_sentences`].
const TERMINAL_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    // `…` is E2 80 A6
    t[0xE2] = true;
    t
};

/// Sentence boundaries: `.`, `!`, `?` or `…` (with any closing quotes and
/// brackets after it), then whitespace, then an uppercase letter, a digit or
/// an opening quote. A period after a listed abbreviation or a single capital
/// (an initial) is not a boundary.
fn split_sentences(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let para = &text[start..end];
    let bytes = para.as_bytes();
    let mut sent_start = 0usize;
    let char_at = |k: usize| para[k..].chars().next();
    // a terminal is `.`, `!`, `?` or `…` (which starts with byte E2, only
    // ever a lead byte): a byte scan skips to the candidates instead of
    // decoding every character
    let mut at = 0;
    while let Some(k) = bytes[at..].iter().position(|&b| TERMINAL_LEAD[b as usize]) {
        let i = at + k;
        let c = char_at(i).unwrap_or('\u{FFFD}');
        at = i + c.len_utf8();
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // absorb runs of terminal punctuation and closers
        let mut j = at;
        while let Some(d) = char_at(j) {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                j += d.len_utf8();
            } else {
                break;
            }
        }
        at = j;
        // must be followed by whitespace, then a sentence opener
        let rest = &para[j..];
        let ws = rest.len() - rest.trim_start().len();
        if ws == 0 {
            continue;
        }
        let next = match rest[ws..].chars().next() {
            Some(n) => n,
            None => continue,
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || is_opener(next)) {
            continue;
        }
        if c == '.' && is_abbreviation(para, i) && !ends_sentence_anyway(para, i, &rest[ws..]) {
            continue;
        }
        push_trimmed(para, start, sent_start, j, paragraph, out);
        sent_start = j + ws;
    }
    push_trimmed(para, start, sent_start, para.len(), paragraph, out);
}

fn push_trimmed(
    para: &str,
    base: usize,
    s: usize,
    e: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let piece = &para[s..e];
    let ls = piece.len() - piece.trim_start().len();
    let te = piece.trim_end().len();
    if te > ls {
        out.push(Sentence {
            start: base + s + ls,
            end: base + s + te,
            paragraph,
        });
    }
}

/// An abbreviation that may end a sentence ("the U.S.", "Acme Inc.")
/// followed by a word that opens one ("He", "The").
fn ends_sentence_anyway(para: &str, dot: usize, next: &str) -> bool {
    let before = &para[..dot];
    let word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '.'))
        .next()
        .unwrap_or("");
    if !SENTENCE_FINAL_ABBREVIATIONS.contains(word) {
        return false;
    }
    let opener = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    SENTENCE_OPENERS.contains(opener)
}

/// Is the period at byte `dot` of `para` the end of an abbreviation?
fn is_abbreviation(para: &str, dot: usize) -> bool {
    let before = &para[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(k, c)| k + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    // an initial: "J. Smith", or the last part of "U.S."
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    ABBREVIATIONS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn paragraphs_are_nonblank_lines() {
        let text = "First para.\n\n  Second para. \n\n\nThird.";
        let seg = segment(text);
        let paras: Vec<&str> = seg
            .paragraphs
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect();
        assert_eq!(paras, vec!["First para.", "Second para.", "Third."]);
    }

    #[test]
    fn sentence_splits() {
        assert_eq!(
            sentences(
                "Mr. Lee met Dr. Ruiz in the U.S. Capitol. They talked! Then J. K. Doe left."
            ),
            vec![
                "Mr. Lee met Dr. Ruiz in the U.S. Capitol.",
                "They talked!",
                "Then J. K. Doe left."
            ]
        );
        assert_eq!(
            sentences("“We are done.” She left. “Really?” he asked."),
            vec!["“We are done.”", "She left.", "“Really?” he asked."]
        );
        assert_eq!(
            sentences("It cost 3.5 million. 2019 was worse."),
            vec!["It cost 3.5 million.", "2019 was worse."]
        );
        // an abbreviation that may end a sentence, before a sentence opener
        assert_eq!(
            sentences(
                "The plant moved to the U.S. They hired 40 people at Acme Inc. The rest left."
            ),
            vec![
                "The plant moved to the U.S.",
                "They hired 40 people at Acme Inc.",
                "The rest left."
            ]
        );
        // but not before a name, nor after a title
        assert_eq!(
            sentences("The U.S. Navy sent Gen. He Lin and Acme Inc. Chief Ito."),
            vec!["The U.S. Navy sent Gen. He Lin and Acme Inc. Chief Ito."]
        );
    }

    #[test]
    fn sentence_lookup() {
        let text = "One. Two.\nThree.";
        let seg = segment(text);
        assert_eq!(seg.sentence_at(0), 0);
        assert_eq!(seg.sentence_at(6), 1);
        assert_eq!(seg.sentence_at(11), 2);
        assert_eq!(seg.paragraph_at(11), 1);
    }
}
