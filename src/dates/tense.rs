//! The direction a bare weekday or month points to, from the verbs around it:
//! `on Monday` in a past-tense sentence is the Monday before the publication
//! date; `will meet on Tuesday` is the next one.

use super::lex::{Kind, Tok};
use super::lexicon::{self, Dir};

/// The tense marker nearest to tokens `start..end` of the sentence decides;
/// `None` when there is none.
pub fn direction(toks: &[Tok], start: usize, end: usize) -> Option<Dir> {
    let lex = lexicon::get();
    let marker = |t: &Tok, prev: Option<&Tok>| -> Option<Dir> {
        if t.kind != Kind::Word {
            return None;
        }
        if t.low == "ll" && prev.is_some_and(|p| p.low == "'") && t.glued {
            return Some(Dir::Future);
        }
        if let Some(d) = lex.tense(&t.low) {
            return Some(d);
        }
        (t.low.len() > 4 && t.low.ends_with("ed")).then_some(Dir::Past)
    };
    let n = toks.len();
    for dist in 1..n.max(1) {
        let after = end + dist - 1;
        let before = start.checked_sub(dist);
        if let Some(b) = before {
            if let Some(d) = marker(&toks[b], b.checked_sub(1).map(|k| &toks[k])) {
                return Some(d);
            }
        }
        if after < n {
            if let Some(d) = marker(&toks[after], after.checked_sub(1).map(|k| &toks[k])) {
                return Some(d);
            }
        }
        if before.is_none() && after >= n {
            break;
        }
    }
    None
}
