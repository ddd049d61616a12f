//! The lowercase form of every token, computed once per article.
//!
//! Word lists are lowercase; lowering a word at each lookup allocated a
//! `String` for every capitalised word, several times per token (a profile
//! of the mention finder put a third of its instructions in `to_lowercase`
//! and the allocator). One buffer holds them all instead.

use super::Token;

/// Lowercase forms of the tokens of one text.
#[derive(Debug, Clone, Default)]
pub struct Lowered {
    /// The text with ASCII letters lowered (an ASCII token is at its own
    /// offsets), then the lowercase forms of the other tokens.
    buf: String,
    /// Token `i` is `buf[spans[i].0..spans[i].1]`.
    spans: Vec<(u32, u32)>,
    /// The first non-ASCII byte of the text at or after the last token
    /// start that needed it: tokens ending before it are ASCII, without a
    /// test per token.
    next_non_ascii: usize,
}

impl Lowered {
    /// Lowercase forms for tokens of `text`, with room for about `tokens`.
    pub fn new(text: &str, tokens: usize) -> Lowered {
        Lowered {
            buf: text.to_ascii_lowercase(),
            spans: Vec::with_capacity(tokens),
            next_non_ascii: non_ascii_from(text, 0),
        }
    }

    /// Start over for the tokens of `text`, keeping the buffers' memory.
    pub fn reset(&mut self, text: &str) {
        self.buf.clear();
        self.buf.push_str(text);
        self.buf.make_ascii_lowercase();
        self.spans.clear();
        self.next_non_ascii = non_ascii_from(text, 0);
    }

    /// Bytes held by the buffers.
    pub fn capacity_bytes(&self) -> usize {
        self.buf.capacity() + self.spans.capacity() * std::mem::size_of::<(u32, u32)>()
    }

    /// Append the lowercase forms of `tokens` (tokens of the text given to
    /// [`Lowered::new`]).
    pub fn extend(&mut self, text: &str, tokens: &[Token]) {
        // offsets fit: the readers cut an article long before 4 GiB
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        for t in tokens {
            if self.next_non_ascii < t.start {
                self.next_non_ascii = non_ascii_from(text, t.start);
            }
            if t.end <= self.next_non_ascii || caseless_beyond_ascii(&text[t.start..t.end]) {
                // ASCII lowercase is `to_lowercase` for ASCII, and the text
                // keeps the other characters as they are
                self.spans.push((at(t.start), at(t.end)));
            } else {
                // the whole token at once: a final sigma depends on its neighbours
                let from = self.buf.len();
                self.buf.push_str(&text[t.start..t.end].to_lowercase());
                self.spans.push((at(from), at(self.buf.len())));
            }
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// No tokens.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The lowercase form of token `i` (`w.to_lowercase()` of its text `w`).
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        let (a, b) = self.spans[i];
        &self.buf[a as usize..b as usize]
    }
}

/// Do the non-ASCII characters of `w` lowercase to themselves (curly
/// quotes and apostrophes, most of the non-ASCII tokens)? Then `w` with its
/// ASCII lowered is `w.to_lowercase()`: only a character that changes
/// (such as a final sigma) depends on its neighbours.
fn caseless_beyond_ascii(w: &str) -> bool {
    w.chars().filter(|c| !c.is_ascii()).all(|c| {
        let mut l = c.to_lowercase();
        l.next() == Some(c) && l.next().is_none()
    })
}

/// Offset of the first non-ASCII byte of `text` at or after `from` (the
/// text length if none).
fn non_ascii_from(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let Some(rest) = b.get(from..) else {
        return b.len();
    };
    // whole chunks first: `is_ascii` tests a word at a time
    let mut k = 0;
    for chunk in rest.chunks(16) {
        if !chunk.is_ascii() {
            break;
        }
        k += chunk.len();
    }
    rest[k..]
        .iter()
        .position(|c| !c.is_ascii())
        .map_or(b.len(), |p| from + k + p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn every_token_as_to_lowercase() {
        let text = "The ÉLYSÉE said ΟΔΟΣ's MacDonald, “3.5” OK’d ΟΔΟΣ İstanbul ß.";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let mut low = Lowered::new(text, toks.len());
        low.extend(text, &toks[..3]);
        low.extend(text, &toks[3..]);
        assert_eq!(low.len(), toks.len());
        let got: Vec<&str> = (0..low.len()).map(|i| low.get(i)).collect();
        let want: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
        assert_eq!(got, want);
        assert_eq!(got[1], "élysée");
        assert_eq!(got[3], "οδοσ's");
    }
}
