//! Reporting cues from `lexicons/cues.tsv`, found in one aho-corasick pass.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::model::Span;

/// The semantic class of a cue (column 2 of the lexicon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Verbs of saying: introduce direct quotes and that-clauses.
    Speech,
    /// Believing, feeling: claims only.
    Cognition,
    /// A document shows/finds: claims only.
    Evidence,
    /// urge, call for: claims whose content is an infinitive or a noun phrase.
    Directive,
    /// denounce, deem: a judgement of a matter (claims only: a quotation
    /// after these verbs is mostly a label, "deemed “top secret”", not the
    /// subject's words).
    Judgement,
}

/// One cue occurrence in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub lemma: &'static str,
    pub class: CueClass,
}

struct Lexicon {
    ac: AhoCorasick,
    entries: Vec<(&'static str, CueClass)>,
    /// One-word forms, lowercase, for quick "is this word a cue" checks.
    words: rustc_hash::FxHashSet<&'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        let mut words = rustc_hash::FxHashSet::default();
        for row in crate::lexicon::rows(include_str!("../../lexicons/cues.tsv")) {
            let (lemma, class, forms) = match row.as_slice() {
                [l, c, f] => (*l, *c, *f),
                _ => panic!("lexicons/cues.tsv: expected 3 tab-separated fields in {row:?}"),
            };
            let class = match class {
                "speech" => CueClass::Speech,
                "cognition" => CueClass::Cognition,
                "evidence" => CueClass::Evidence,
                "directive" => CueClass::Directive,
                "judgement" => CueClass::Judgement,
                other => panic!("lexicons/cues.tsv: unknown class {other:?}"),
            };
            for form in forms.split('|') {
                patterns.push(form.to_string());
                entries.push((lemma, class));
                if !form.contains(' ') {
                    words.insert(form);
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // a few hundred patterns: a DFA is small and the fastest scan
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("cue lexicon compiles");
        Lexicon { ac, entries, words }
    })
}

/// The one-word forms of the reporting cues, as written in the lexicon.
pub fn cue_words() -> impl Iterator<Item = &'static str> {
    lexicon().words.iter().copied()
}

/// Is `w` (one word, any case) a form of a reporting cue?
pub fn is_cue_word(w: &str) -> bool {
    lexicon().words.contains(crate::lexicon::lower(w).as_ref())
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80
}

/// Does the character before byte `s` (or from byte `e`) of `text` glue onto
/// a cue, making it part of another word? ASCII letters, digits and the
/// hyphen do, and non-ASCII characters but spaces: a no-break space
/// ("Lee\u{a0}said", common in pasted web text) separates words.
fn glued_before(text: &str, s: usize) -> bool {
    let b = text.as_bytes()[s - 1];
    if b < 0x80 {
        return is_word_byte(b);
    }
    !text[..s]
        .chars()
        .next_back()
        .is_some_and(char::is_whitespace)
}

fn glued_after(text: &str, e: usize) -> bool {
    let b = text.as_bytes()[e];
    if b < 0x80 {
        return is_word_byte(b);
    }
    !text[e..].chars().next().is_some_and(char::is_whitespace)
}

/// Every cue in `text`, in order, on word boundaries.
pub fn find_cues(text: &str) -> Vec<Cue> {
    let lex = lexicon();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(m) = lex
        .ac
        .find(aho_corasick::Input::new(text).span(at..bytes.len()))
    {
        let (s, e) = (m.start(), m.end());
        // a match glued to another word ("as saying" inside "was saying",
        // "said" inside "unsaid") is rejected, and the scan resumes just
        // after its start: a match it overlapped may still stand on word
        // boundaries ("saying")
        if (s > 0 && glued_before(text, s)) || (e < bytes.len() && glued_after(text, e)) {
            at = s + 1;
            continue;
        }
        at = e;
        let (lemma, class) = lex.entries[m.pattern().as_usize()];
        out.push(Cue {
            span: Span::new(s, e),
            lemma,
            class,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inflections_and_phrasal_forms() {
        let text = "She pointed out that he said so; so-called experts, Saying goes, re-told.";
        let cues = find_cues(text);
        let got: Vec<(&str, &str)> = cues.iter().map(|c| (c.span.text(text), c.lemma)).collect();
        assert_eq!(
            got,
            vec![
                ("pointed out", "point out"),
                ("said", "say"),
                ("Saying", "say")
            ]
        );
    }

    #[test]
    fn a_match_inside_a_longer_word_does_not_hide_the_cue_after_it() {
        // "as saying" is a form ("quoted as saying"); inside "was saying"
        // it is glued to "w", and "saying" is the cue
        let text = "The mayor was saying that it rained.";
        let got: Vec<&str> = find_cues(text).iter().map(|c| c.span.text(text)).collect();
        assert_eq!(got, vec!["saying"]);
    }

    #[test]
    fn lexicon_loads_every_line() {
        // every data line of the file gives at least one pattern
        let lex = lexicon();
        let lines = crate::lexicon::lines(include_str!("../../lexicons/cues.tsv")).count();
        assert!(lex.entries.len() >= lines);
    }
}
