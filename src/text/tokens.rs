//! Word and punctuation tokens with byte offsets.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods (`don't`,
    /// `al-Rashid`, `U.S.`).
    Word,
    /// Digits, possibly with inner `.,:/-` (`3.5`, `11/20/2017`).
    Number,
    /// Any other single non-space character.
    Punct,
}

/// A token: a byte span of the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// ASCII letters and digits, by byte: one load per byte in the word loop
/// (non-ASCII bytes are false and take the decoding path).
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The non-ASCII punctuation of news text (curly quotes, dashes, the
/// ellipsis, guillemets): neither space nor letter nor digit. Asked before
/// the Unicode tables, whose look-up of a character outside ASCII is a
/// search (curly quotes and apostrophes are in most paragraphs).
#[inline]
fn is_common_punct(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '—' | '–' | '…' | '«' | '»')
}

fn is_inner_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‐')
}

/// The character at byte `i` of `s` and its length; ASCII without decoding
/// (almost all bytes of English news).
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
        (c, c.len_utf8())
    }
}

/// Tokenize `text[start..end]`, appending to `out`.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    let bytes = s.as_bytes();
    let n = s.len();
    let mut i = 0;
    while i < n {
        // ASCII spaces (`char::is_whitespace` below says the same) without decoding
        if matches!(bytes[i], b' ' | b'\t'..=b'\r') {
            i += 1;
            continue;
        }
        let (c, cl) = char_at(s, i);
        if cl > 1 && is_common_punct(c) {
            out.push(Token {
                start: start + i,
                end: start + i + cl,
                kind: TokenKind::Punct,
            });
            i += cl;
            continue;
        }
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if c.is_alphabetic() || c.is_ascii_digit() {
            let numeric = c.is_ascii_digit();
            let mut j = i + cl;
            while j < n {
                // ASCII letters and digits, the bulk of a word, skip the
                // decoding and the inner-character rules
                if ASCII_ALNUM[bytes[j] as usize] {
                    j += 1;
                    continue;
                }
                let (d, dl) = char_at(s, j);
                if !is_common_punct(d) && d.is_alphanumeric() {
                    j += dl;
                    continue;
                }
                let inner = if numeric {
                    matches!(d, '.' | ',' | ':' | '/' | '-')
                } else {
                    is_inner_word(d)
                };
                if inner {
                    // only when followed by a letter/digit: "don't" yes, "said." no
                    // (except the period of an abbreviation like "U.S.", kept when the
                    // token so far is letter.letter)
                    if j + dl < n && char_at(s, j + dl).0.is_alphanumeric() {
                        j += dl;
                        continue;
                    }
                    if d == '.' && !numeric && s[i..j].contains('.') {
                        j += 1;
                    }
                }
                break;
            }
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                start: start + i,
                end: start + j,
                kind,
            });
            i = j;
        } else {
            out.push(Token {
                start: start + i,
                end: start + i + cl,
                kind: TokenKind::Punct,
            });
            i += cl;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_and_dashes_are_punctuation() {
        let text = "“Hi,” she said — O’Neil’s… «non»";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let got: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            got,
            vec![
                "“",
                "Hi",
                ",",
                "”",
                "she",
                "said",
                "—",
                "O’Neil’s",
                "…",
                "«",
                "non",
                "»"
            ]
        );
        assert!(toks
            .iter()
            .filter(|t| t.kind == TokenKind::Punct)
            .all(|t| !t.text(text).chars().any(char::is_alphanumeric)));
    }

    #[test]
    fn words_and_punct() {
        let text = "Don't say \"al-Rashid's\" U.S. plan cost $3.5m, he said.";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let got: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            got,
            vec![
                "Don't",
                "say",
                "\"",
                "al-Rashid's",
                "\"",
                "U.S.",
                "plan",
                "cost",
                "$",
                "3.5m",
                ",",
                "he",
                "said",
                "."
            ]
        );
    }
}
