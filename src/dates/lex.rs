//! Tokens for the date grammar: letter runs, digit runs and single
//! punctuation marks, each with its lowercase form and whether it touches
//! the token before (`1990s`, `22-23`, `mid-2018`).

use std::borrow::Cow;

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
    /// Lowercased text: borrowed from the text when it is lowercase already
    /// (most tokens), so that tokenizing allocates only for capitals.
    pub low: Cow<'a, str>,
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

/// Tokenize `text[start..end]`. ASCII, the bulk of news text, is read byte
/// by byte; other characters are decoded where they occur.
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
    let lex = lexicon::get();
    let s = &text[start..end];
    let b = s.as_bytes();
    let char_at = |k: usize| -> char {
        if b[k] < 0x80 {
            b[k] as char
        } else {
            s[k..].chars().next().unwrap_or(' ')
        }
    };
    // about one token per five bytes
    let mut out: Vec<Tok> = Vec::with_capacity(s.len() / 5 + 4);
    let mut prev_end = usize::MAX;
    let mut i = 0;
    while i < b.len() {
        let c = char_at(i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut j = i + c.len_utf8();
        let kind = if c.is_alphabetic() {
            while j < b.len() {
                let d = char_at(j);
                if !d.is_alphabetic() {
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
        let raw = &s[i..j];
        let low: Cow<'_, str> = if kind == Kind::Punct && raw == "’" {
            Cow::Borrowed("'")
        } else if raw.bytes().any(|b| b.is_ascii_uppercase()) || !raw.is_ascii() {
            // non-ASCII letters may change case (and length) in other ways
            match raw.to_lowercase() {
                l if l == raw => Cow::Borrowed(raw),
                l => Cow::Owned(l),
            }
        } else {
            Cow::Borrowed(raw)
        };
        let classes = if kind == Kind::Word && low.len() <= 16 {
            lex.classes(&low)
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
    out
}
