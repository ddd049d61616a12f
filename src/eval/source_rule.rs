//! The source rule: is the predicted speaker of a matched pair the gold
//! source?
//!
//! Correct when the predicted mention span overlaps the gold source span,
//! or when the predicted speaker name or mention shares a capitalised token
//! of three or more letters with the gold source text (`Quint` in
//! "Mara Quint" and "Mrs. Quint’s campaign"), function words aside
//! (`lexicons/function_words.txt`). A gold attribution without a source
//! expects no speaker and no mention.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::overlap::{intersect, normalize};

static FUNCTION_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    crate::lexicon::lines(include_str!("../../lexicons/function_words.txt"))
        .map(str::to_lowercase)
        .collect()
});

/// Is `word` a function word (any case)?
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word.to_lowercase())
}

/// The identifying tokens of `s`, lowercased: maximal runs of letters and
/// digits that start with an uppercase letter, hold three or more letters
/// and are not function words. An apostrophe splits (`Quint’s` → `Quint`).
pub fn name_tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !is_function_word(w)
        })
        .map(str::to_lowercase)
        .collect()
}

/// Apply the source rule. `chars` is the article text; `gold_source` the gold
/// source ranges (code points) or `None`; `speaker` the predicted canonical
/// name and `mention` the predicted mention ranges (code points).
pub fn source_correct(
    chars: &[char],
    gold_source: Option<&[(usize, usize)]>,
    speaker: Option<&str>,
    mention: Option<&[(usize, usize)]>,
) -> bool {
    let Some(gold) = gold_source else {
        return speaker.is_none() && mention.is_none();
    };
    let gold = normalize(gold, chars.len());
    if let Some(m) = mention {
        if !intersect(&gold, &normalize(m, chars.len())).is_empty() {
            return true;
        }
    }
    let gold_tokens = name_tokens(&ranges_text(chars, &gold));
    if gold_tokens.is_empty() {
        return false;
    }
    let mention_text = mention.map(|m| ranges_text(chars, &normalize(m, chars.len())));
    let shares = [speaker, mention_text.as_deref()]
        .into_iter()
        .flatten()
        .any(|s| name_tokens(s).iter().any(|t| gold_tokens.contains(t)));
    shares
}

/// The text of normalised ranges, parts joined by a space.
pub fn ranges_text(chars: &[char], ranges: &[(usize, usize)]) -> String {
    let mut out = String::new();
    for (i, &(s, e)) in ranges.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(&chars[s.min(chars.len())..e.min(chars.len())]);
    }
    out
}
