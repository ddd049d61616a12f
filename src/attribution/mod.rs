//! Attribution: which mention said each quotation (first version: a
//! reporting verb and a capitalised name right after the closing mark).

use crate::model::{Span, Utterance};
use crate::text::{tokenize, Segments, Token, TokenKind};

/// An article prepared for attribution: text, segments and tokens.
pub struct Document<'a> {
    pub text: &'a str,
    pub seg: &'a Segments,
    pub tokens: Vec<Token>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str, seg: &'a Segments) -> Document<'a> {
        let mut tokens = Vec::new();
        for p in &seg.paragraphs {
            tokenize(text, p.start, p.end, &mut tokens);
        }
        Document { text, seg, tokens }
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }
}

const VERBS: &[&str] = &["said", "says", "told", "added"];

/// Attribute each quotation in place.
pub fn attribute(doc: &Document, quotes: &mut [Utterance]) {
    for q in quotes.iter_mut() {
        let i = doc.token_at(q.span.end);
        let toks = &doc.tokens[i..];
        let words: Vec<&Token> = toks.iter().filter(|t| t.kind != TokenKind::Punct).take(3).collect();
        if words.len() < 2 {
            continue;
        }
        let w0 = words[0].text(doc.text);
        let (verb, name): (&Token, Vec<&Token>) = if VERBS.contains(&w0) {
            (words[0], words[1..].iter().copied().take_while(|t| is_cap(t.text(doc.text))).collect())
        } else {
            let names: Vec<&Token> = words.iter().copied().take_while(|t| is_cap(t.text(doc.text))).collect();
            match words.get(names.len()) {
                Some(v) if VERBS.contains(&v.text(doc.text)) => (*v, names),
                _ => continue,
            }
        };
        if name.is_empty() {
            continue;
        }
        let mention = Span::new(name[0].start, name[name.len() - 1].end);
        q.mention = Some(mention);
        q.speaker = Some(mention.text(doc.text).to_string());
        q.cue = Some(Span::new(verb.start, verb.end));
        q.method = "adjacent_cue";
    }
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}
