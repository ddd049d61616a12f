//! Which sentences are worth tagging: one pass over the text for the
//! trigger words of the lexicon and for digits. A word counts only as a
//! whole word (`now` in `know`, `may` in `mayor` do not), and a number only
//! when it can be part of a date or time (a year, a clock time, a numeric
//! date); a number before a unit or after a month is found through that
//! word. So most sentences without a date, including those with prices and
//! percentages, are never tokenized.
//!
//! Every trigger word is ASCII letters, so a whole-word occurrence is a
//! whole run of alphanumeric characters: the pass looks up each run of
//! ASCII letters once, and jumps to the next sentence as soon as one is
//! flagged. (An Aho-Corasick DFA over every byte did the same at a few times
//! the cost: each byte waits for the table load of the one before.)

use super::lexicon;
use crate::text::Segments;

/// The character starting at byte `i` of `text` (not ASCII).
#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// A letter or digit, per [`char::is_alphanumeric`].
#[inline]
fn alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii() && !super::lex::general_punctuation(c) && c.is_alphanumeric())
}

/// Is the character ending at byte `i` of `text` alphanumeric?
fn alnum_before(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_some_and(alnum)
}

/// One flag per sentence of `seg` (does it hold a trigger?), into a vector
/// kept from one article to the next.
pub fn sentences_into(hit: &mut Vec<bool>, text: &str, seg: &Segments) {
    hit.clear();
    hit.resize(seg.sentences.len(), false);
    if hit.is_empty() {
        return;
    }
    let lex = lexicon::get();
    let b = text.as_bytes();
    let sentences = &seg.sentences;
    // the sentence of a flagged position, as `Segments::sentence_at` (the
    // positions flagged only grow)
    let mut k = 0;
    // Invariant: the byte before `i` is not alphanumeric, but after a jump
    // to a sentence start (`mid`).
    let mut i = 0;
    let mut mid = false;
    while i < b.len() {
        let flag = if mid {
            // finish the run the jump landed in, up to the next ASCII byte
            // that is no letter or digit
            let to = b[i..]
                .iter()
                .position(|&c| c < 0x80 && !c.is_ascii_alphanumeric())
                .map_or(b.len(), |n| i + n);
            let f = scalar(lex, text, i, to, true);
            i = to;
            mid = false;
            f
        } else {
            let (f, next) = block(lex, text, i);
            i = next;
            f
        };
        let Some(p) = flag else {
            continue;
        };
        while k + 1 < sentences.len() && sentences[k + 1].start <= p {
            k += 1;
        }
        hit[k] = true;
        // nothing more to learn about this sentence
        k += 1;
        let Some(next) = sentences.get(k) else {
            break;
        };
        i = next.start;
        while !text.is_char_boundary(i) {
            i += 1;
        }
        mid = i > 0 && alnum_before(text, i);
    }
}

/// Bytes read at once by [`block`].
const BLOCK: usize = 64;

/// The scan of the (up to) [`BLOCK`] bytes from `i`, whose byte before is no
/// alphanumeric: the first trigger position found, and where to go on. The
/// runs of letters, digits and non-ASCII bytes are found from bit masks
/// (which the compiler vectorizes), so a byte costs no branch; a run of
/// letters only is a word to look up, digits are tested as a date number,
/// and a run with a non-ASCII byte is read character by character.
#[inline]
fn block(lex: &lexicon::Lexicon, text: &str, i: usize) -> (Option<usize>, usize) {
    let b = text.as_bytes();
    let chunk = &b[i..b.len().min(i + BLOCK)];
    let (mut letters, mut digits, mut high) = (0u64, 0u64, 0u64);
    for (n, eight) in chunk.chunks(8).enumerate() {
        let x = match <[u8; 8]>::try_from(eight) {
            Ok(w) => u64::from_le_bytes(w),
            // the end of the text
            Err(_) => eight
                .iter()
                .rev()
                .fold(0u64, |x, &c| (x << 8) | u64::from(c)),
        };
        let (l, d, h) = classify(x);
        letters |= l << (8 * n);
        digits |= d << (8 * n);
        high |= h << (8 * n);
    }
    let any = letters | digits | high;
    let mut starts = any & !(any << 1);
    let ends = any & !(any >> 1);
    let full = chunk.len() == BLOCK;
    while starts != 0 {
        let s = starts.trailing_zeros() as usize;
        starts &= starts - 1;
        let e = (ends >> s).trailing_zeros() as usize + s;
        if full && e == BLOCK - 1 && i + BLOCK < b.len() {
            // the run may go on past the block
            if s > 0 {
                return (None, i + s);
            }
            // a run of a whole block: to its end, character by character
            let to = b[i..]
                .iter()
                .position(|&c| c < 0x80 && !c.is_ascii_alphanumeric())
                .map_or(b.len(), |n| i + n);
            return (scalar(lex, text, i, to, false), to);
        }
        let run = (u64::MAX >> (63 - e)) & (u64::MAX << s);
        let (rs, re) = (i + s, i + e + 1);
        let flag = if run & (digits | high) == 0 {
            // most words fail the shape test: only the others are looked up
            (lex.trigger_shape(&b[rs..re]) && trigger(lex, &text[rs..re])).then_some(rs)
        } else if run & high == 0 {
            // digit runs: each starts after a letter or the run's start
            let mut d = digits & run & !(digits << 1);
            let mut f = None;
            while d != 0 {
                let ds = d.trailing_zeros() as usize;
                d &= d - 1;
                // the byte after the run is no digit (or past the block)
                let de = (digits >> ds).trailing_ones() as usize + ds;
                if date_number(b, i + ds, i + de) {
                    f = Some(i + ds);
                    break;
                }
            }
            f
        } else {
            scalar(lex, text, rs, re, false)
        };
        if flag.is_some() {
            return (flag, re);
        }
    }
    (None, i + chunk.len())
}

/// Which of the 8 bytes of `x` (little-endian) are ASCII letters, ASCII
/// digits and non-ASCII bytes, one bit per byte: byte arithmetic on the
/// low 7 bits of each byte, which never carries into the next byte.
#[inline]
fn classify(x: u64) -> (u64, u64, u64) {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const TOP: u64 = 0x8080_8080_8080_8080;
    const fn each(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    let h = x & TOP;
    let x7 = x & LOW7;
    // the top bit of byte + (0x80 - c) is set when byte >= c
    let ge = |c: u8| (x7 + each(0x80 - c)) & TOP;
    let folded = (x | each(0x20)) & LOW7;
    let ge_folded = |c: u8| (folded + each(0x80 - c)) & TOP;
    let letter = ge_folded(b'a') & !ge_folded(b'z' + 1) & !h;
    let digit = ge(b'0') & !ge(b'9' + 1) & !h;
    (bits(letter), bits(digit), bits(h))
}

/// The top bits of the 8 bytes of `x` (the others clear) as 8 bits.
#[inline]
fn bits(x: u64) -> u64 {
    ((x >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The character-by-character scan of `text[from..to]`, which starts a run
/// of alphanumerics unless `mid` (a jump landed inside a run) and ends before
/// an ASCII byte that is no letter or digit (or at the end): the first
/// trigger position found.
fn scalar(lex: &lexicon::Lexicon, text: &str, from: usize, to: usize, mid: bool) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    let mut mid = mid;
    while i < to {
        let c = b[i];
        let word = if c < 0x80 {
            c.is_ascii_alphanumeric()
        } else {
            alnum(char_at(text, i))
        };
        if !word {
            i += if c < 0x80 {
                1
            } else {
                char_at(text, i).len_utf8()
            };
            mid = false;
            continue;
        }
        // one run of alphanumerics, b[i..j]
        let whole = !mid;
        // a digit run cut by the jump belongs to the sentence before
        let mut skip_digits = mid && b[i - 1].is_ascii_digit();
        mid = false;
        let mut letters = true;
        let mut j = i;
        while j < to {
            let d = b[j];
            if d.is_ascii_alphabetic() {
                j += 1;
            } else if d.is_ascii_digit() {
                letters = false;
                let mut e = j + 1;
                while e < b.len() && b[e].is_ascii_digit() {
                    e += 1;
                }
                if !skip_digits && date_number(b, j, e) {
                    return Some(j);
                }
                j = e;
            } else if d < 0x80 {
                break;
            } else {
                let ch = char_at(text, j);
                if !alnum(ch) {
                    break;
                }
                letters = false;
                j += ch.len_utf8();
            }
            skip_digits = false;
        }
        if whole && letters && lex.trigger_shape(&b[i..j]) && trigger(lex, &text[i..j]) {
            return Some(i);
        }
        i = j;
    }
    None
}

/// Is the whole word `w` (ASCII letters, with the shape of a trigger word)
/// a trigger word, in any case, but for a month name in lowercase?
fn trigger(lex: &lexicon::Lexicon, w: &str) -> bool {
    // a month name in lowercase (`may`, `march`) is the modal or the verb:
    // the grammar reads month names only when capitalised
    match lex.trigger_word(w.as_bytes()) {
        Some(months) => !(months && w.starts_with(|c: char| c.is_ascii_lowercase())),
        None => false,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{dfa::DFA, MatchKind};
    use proptest::prelude::*;

    /// A month name in lowercase (`may`, `march`): the grammar reads month
    /// names only when capitalised, and these are the modal and the verb.
    /// `classes` are those of `word`.
    fn lowercase_month(word: &str, classes: &[lexicon::Class]) -> bool {
        word.starts_with(|c: char| c.is_ascii_lowercase())
            && !classes.is_empty()
            && classes
                .iter()
                .all(|c| matches!(c, lexicon::Class::Month(_)))
    }

    /// The definition the scan follows: every leftmost-longest match of the
    /// trigger words, case-insensitive, that is a whole word, and every
    /// digit run that can be a date.
    fn reference(text: &str, seg: &Segments) -> Vec<bool> {
        let lex = lexicon::get();
        let words: Vec<&str> = crate::lexicon::rows(include_str!("../../lexicons/dates/words.tsv"))
            .filter(|r| r.len() == 3 && !lex.classes(r[0]).is_empty())
            .filter(|r| lex.classes(r[0]).iter().any(lexicon::Class::triggers))
            .map(|r| r[0])
            .collect();
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .unwrap();
        let mut hit = vec![false; seg.sentences.len()];
        if hit.is_empty() {
            return hit;
        }
        use aho_corasick::automaton::Automaton;
        for m in dfa.try_find_iter(aho_corasick::Input::new(text)).unwrap() {
            let (s, e) = (m.start(), m.end());
            let inside = alnum_before(text, s)
                || text[e..].chars().next().is_some_and(char::is_alphanumeric);
            let w = &text[s..e];
            let low = w.to_ascii_lowercase();
            if !inside && !lowercase_month(w, lex.classes(&low)) {
                hit[seg.sentence_at(s)] = true;
            }
        }
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < b.len() && b[e].is_ascii_digit() {
                e += 1;
            }
            if date_number(b, i, e) {
                hit[seg.sentence_at(i)] = true;
            }
            i = e;
        }
        hit
    }

    fn check(text: &str) {
        let mut seg = Segments::default();
        crate::text::segment_into(text, &mut seg);
        let mut hit = Vec::new();
        sentences_into(&mut hit, text, &seg);
        assert_eq!(hit, reference(text, &seg), "{text:?}");
    }

    #[test]
    fn whole_words_and_date_numbers() {
        for text in [
            "I know the mayor. He may come. In May we met.",
            "It rained Mondays.Tuesday it did not. On tuesday2 no.",
            "FY2019 results. Price $2019. The '90s, 10:30 and 3 p.m. were fine.",
            "Daysé later. éday. Today! Nowadays. 12/3 and 10am, 11 amigos.",
            "A.B.C. mid-March, day-to-day, week’s end, Christmas\u{a0}Eve.",
            "",
            "  \n  ",
        ] {
            check(text);
        }
    }

    proptest! {
        #[test]
        fn same_as_whole_word_matches(pieces in prop::collection::vec(prop::sample::select(vec![
            "day", "Days", "may", "May", "mayor", "now", "know", "2019", "$2019", "10", ":", "30",
            "/", "3", "pm", "p.m.", "am", "'", "s", "90", "é", "\u{a0}", " ", " ", ". ", "\n",
            "-", "x", "Monday", "tonight", "nights", "March", "march", "’", "Q", "1999", "today",
        ]), 0..40)) {
            check(&pieces.concat());
        }
    }
}
