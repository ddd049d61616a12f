//! Tokens for the date grammar: letter runs, digit runs and single
//! punctuation marks, each with its lowercase form and whether it touches
//! the token before (`1990s`, `22-23`, `mid-2018`).

use super::lexicon::{self, Class};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Digits,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lowercased text (ASCII letters only: every word of the lexicon is
    /// ASCII), borrowed from the lowercased sentence.
    pub low: &'a str,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// No whitespace between this token and the one before.
    pub glued: bool,
    pub classes: &'static [Class],
}

impl Tok<'_> {
    pub fn is(&self, w: &str) -> bool {
        self.low == w
    }
    /// Numeric value of a digit run.
    pub fn number(&self) -> Option<u32> {
        if self.kind == Kind::Digits && self.low.len() <= 9 {
            self.low.parse().ok()
        } else {
            None
        }
    }
}

/// A character of the General Punctuation block (curly quotes and
/// apostrophes, dashes, spaces, …), none of them a letter or digit: in most
/// paragraphs, and a test here spares the search of the Unicode tables.
#[inline]
pub(super) fn general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c)
}

/// A letter, per [`char::is_alphabetic`].
#[inline]
fn alphabetic(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && !general_punctuation(c) && c.is_alphabetic())
}

/// [`append_tokens`] into a new vector (for tests).
#[cfg(test)]
pub fn tokens<'a>(text: &str, lower: &'a str, start: usize, end: usize) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    append_tokens(&mut out, text, lower, start, end);
    out
}

/// Tokenize the sentence `text[start..end]`, whose copy with ASCII letters
/// lowercased is `lower` (same length, so offsets carry over), appending to
/// `out` after the tokens of other sentences: one vector holds all the
/// tagged sentences of an article while their expressions wait for the
/// publication date. ASCII, the bulk of news text, is read byte by byte;
/// other characters are decoded where they occur.
pub fn append_tokens<'a>(
    out: &mut Vec<Tok<'a>>,
    text: &str,
    lower: &'a str,
    start: usize,
    end: usize,
) {
    let lex = lexicon::get();
    let s = &text[start..end];
    debug_assert_eq!(s.len(), lower.len());
    let b = s.as_bytes();
    let char_at = |k: usize| -> char {
        if b[k] < 0x80 {
            b[k] as char
        } else {
            s[k..].chars().next().unwrap_or(' ')
        }
    };
    let mut prev_end = usize::MAX;
    let mut i = 0;
    while i < b.len() {
        let c = char_at(i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut j = i + c.len_utf8();
        let kind = if alphabetic(c) {
            while j < b.len() {
                let d = char_at(j);
                if !alphabetic(d) {
                    break;
                }
                j += d.len_utf8();
            }
            // a one-letter abbreviation chain: a.m., p.m.
            if j - i == 1
                && b.len() > j + 2
                && b[j] == b'.'
                && b[j + 1].is_ascii_alphabetic()
                && b[j + 2] == b'.'
            {
                j += 3;
            }
            Kind::Word
        } else if c.is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            Kind::Digits
        } else {
            Kind::Punct
        };
        let low = match lower.get(i..j) {
            Some("’") => "'",
            Some(l) => l,
            None => "",
        };
        let classes = if kind == Kind::Word && low.len() <= 16 {
            lex.classes(low)
        } else {
            &[]
        };
        out.push(Tok {
            start: start + i,
            end: start + j,
            kind,
            cap: c.is_uppercase(),
            glued: prev_end == i,
            low,
            classes,
        });
        prev_end = j;
        i = j;
    }
}
