//! Which sentences are worth tagging: one Aho-Corasick pass over the whole
//! text for the trigger words of the lexicon and for digits. A word counts
//! only as a whole word (`now` in `know`, `may` in `mayor` do not), so most
//! sentences without a date are never tokenized.

use aho_corasick::automaton::Automaton;
use aho_corasick::Input;

use super::lexicon;
use crate::text::Segments;

/// One flag per sentence of `seg`: does it hold a trigger?
pub fn sentences(text: &str, seg: &Segments) -> Vec<bool> {
    let mut hit = vec![false; seg.sentences.len()];
    if hit.is_empty() {
        return hit;
    }
    let b = text.as_bytes();
    let mut last = usize::MAX;
    // an unanchored DFA search cannot fail
    let Ok(matches) = lexicon::get().triggers.try_find_iter(Input::new(text)) else {
        return vec![true; hit.len()];
    };
    for m in matches {
        let (s, e) = (m.start(), m.end());
        let digit = b[s].is_ascii_digit();
        // letters on either side: part of a longer word
        if !digit
            && (text[..s].chars().next_back().is_some_and(char::is_alphanumeric)
                || text[e..].chars().next().is_some_and(char::is_alphanumeric))
        {
            continue;
        }
        let i = seg.sentence_at(s);
        if i != last {
            hit[i] = true;
            last = i;
        }
    }
    hit
}
