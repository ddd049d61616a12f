//! Which sentences are worth tagging: one Aho-Corasick pass over the whole
//! text for the trigger words of the lexicon, and one pass for digits. A word
//! counts only as a whole word (`now` in `know`, `may` in `mayor` do not),
//! and a number only when it can be part of a date or time (a year, a clock
//! time, a numeric date); a number before a unit or after a month is found
//! through that word. So most sentences without a date, including those
//! with prices and percentages, are never tokenized.

use aho_corasick::automaton::Automaton;
use aho_corasick::Input;

use super::lexicon;
use crate::text::Segments;

/// One flag per sentence of `seg`: does it hold a trigger?
pub fn sentences(text: &str, seg: &Segments) -> Vec<bool> {
    let mut hit = Vec::new();
    sentences_into(&mut hit, text, seg);
    hit
}

/// [`sentences`] into a vector kept from one article to the next.
pub fn sentences_into(hit: &mut Vec<bool>, text: &str, seg: &Segments) {
    hit.clear();
    hit.resize(seg.sentences.len(), false);
    if hit.is_empty() {
        return;
    }
    let mut flag = |pos: usize| {
        let i = seg.sentence_at(pos);
        hit[i] = true;
    };
    // an unanchored DFA search cannot fail
    if let Ok(matches) = lexicon::get().triggers.try_find_iter(Input::new(text)) {
        for m in matches {
            let (s, e) = (m.start(), m.end());
            // letters on either side: part of a longer word
            let inside = text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                || text[e..].chars().next().is_some_and(char::is_alphanumeric);
            if !inside && !lowercase_month(&text[s..e]) {
                flag(s);
            }
        }
    }
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // skip blocks without a digit: a test the compiler can vectorize
        if b.len() - i >= BLOCK
            && !b[i..i + BLOCK]
                .iter()
                .fold(false, |a, c| a | c.is_ascii_digit())
        {
            i += BLOCK;
            continue;
        }
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        if date_number(b, i, e) {
            flag(i);
        }
        i = e;
    }
}

/// Bytes tested at once for a digit.
const BLOCK: usize = 32;

/// A month name in lowercase (`may`, `march`): the grammar reads month names
/// only when capitalised, and these are the modal and the verb.
fn lowercase_month(word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_ascii_lowercase()) || word.len() > 16 {
        return false;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf[..word.len()].make_ascii_lowercase();
    let Ok(low) = std::str::from_utf8(&buf[..word.len()]) else {
        return false;
    };
    let classes = lexicon::get().classes(low);
    !classes.is_empty()
        && classes
            .iter()
            .all(|c| matches!(c, lexicon::Class::Month(_)))
}

/// Can the digit run `b[s..e]` be part of a date or time by itself?
fn date_number(b: &[u8], s: usize, e: usize) -> bool {
    let at = |k: usize| b.get(k).copied().unwrap_or(b' ');
    let len = e - s;
    // a year (not an amount of money)
    if len == 4 && matches!(b[s], b'1' | b'2') && at(s.wrapping_sub(1)) != b'$' {
        return true;
    }
    // 10:30
    if at(e) == b':' && at(e + 1).is_ascii_digit() {
        return true;
    }
    // 11/20/17
    if at(e) == b'/' && at(e + 1).is_ascii_digit() {
        return true;
    }
    // the '90s
    if len == 2 && s > 0 && matches!(at(s - 1), b'\'' | 0x99) && at(e) == b's' {
        return true;
    }
    // 3 p.m., 10am
    let k = if at(e) == b' ' { e + 1 } else { e };
    matches!(at(k).to_ascii_lowercase(), b'a' | b'p')
        && (at(k + 1).eq_ignore_ascii_case(&b'm')
            || (at(k + 1) == b'.' && at(k + 2).eq_ignore_ascii_case(&b'm')))
        && !at(k + if at(k + 1) == b'.' { 3 } else { 2 }).is_ascii_alphabetic()
}
