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

/// Tokenize `text[start..end]`.
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
    let lex = lexicon::get();
    let s = &text[start..end];
    let mut out: Vec<Tok> = Vec::new();
    let mut prev_end = usize::MAX;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut j = i + c.len_utf8();
        let kind = if c.is_alphabetic() {
            while let Some(&(k, d)) = it.peek() {
                if d.is_alphabetic() {
                    j = k + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // a one-letter abbreviation chain: a.m., p.m.
            if j - i == 1 && s[j..].starts_with('.') {
                let b = s.as_bytes();
                if b.len() > j + 2 && b[j + 1].is_ascii_alphabetic() && b[j + 2] == b'.' {
                    j += 3;
                    while it.peek().is_some_and(|&(k, _)| k < j) {
                        it.next();
                    }
                }
            }
            Kind::Word
        } else if c.is_ascii_digit() {
            while let Some(&(k, d)) = it.peek() {
                if d.is_ascii_digit() {
                    j = k + 1;
                    it.next();
                } else {
                    break;
                }
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
    }
    out
}
