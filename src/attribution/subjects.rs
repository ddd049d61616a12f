//! Subjects of reporting cues that are not names or listed roles: "The bank
//! said", "Several cast members said", "Federal and state officials say",
//! "It says". The noun phrase right before the cue becomes a mention (a group
//! without an entity), so the cue has a speaker to report.

use super::cues::Cue;
use super::lexicons::RoleClass;
use super::mentions::{Mention, MentionKind};
use crate::model::Span;
use crate::text::{Lowered, Token, TokenKind};

/// Words that close a noun phrase on its left: it stops before them.
const STOP: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "can", "may", "might", "should", "must", "do", "does", "did", "that", "which", "who",
    "whom", "when", "where", "if", "but", "because", "while", "than", "so", "then", "as", "after",
    "before", "since", "until", "although", "though", "also", "not", "never", "to", "in", "on",
    "at", "by", "for", "with", "from", "into", "about", "against", "over", "under", "said", "says",
    "say", "told", "there", "here", "yet", "or", "nor", "how", "what", "why", "cannot", "can't",
    "can’t", "won't", "won’t",
];
/// Words that open a noun phrase: included, then the phrase ends.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "some", "many", "most", "all", "several", "both", "each", "every", "other", "few", "no",
];
/// Pronoun subjects that may report (he/she/they are mentions already).
const PRONOUNS: &[&str] = &[
    "it", "It", "we", "We", "I", "you", "You", "one", "One", "who",
];
/// Quantities that can head a subject on their own ("half said", "Most said").
const QUANTITY_HEADS: &[&str] = &[
    "half",
    "percent",
    "majority",
    "most",
    "many",
    "some",
    "others",
    "both",
    "all",
    "none",
    "few",
    "third",
    "quarter",
    "minority",
    "plurality",
];
/// Adverbs that may stand between a subject and its cue.
const BETWEEN: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "previously",
    "recently",
    "later",
    "repeatedly",
    "often",
    "once",
    "then",
    "reportedly",
    // auxiliaries, negations and floating quantifiers: "Economists all
    // agree", "Farm groups did not say", "Voters still believe" (not
    // modals: "it would tell a story" is no report)
    "did",
    "does",
    "do",
    "not",
    "never",
    "still",
    "already",
    "all",
    "both",
    "even",
    // time and focus adverbs: "has always said", "once again argued"
    "always",
    "again",
    "just",
    "nevertheless",
    // place adverbs: "Officials here say", "voters there said"
    "here",
    "there",
];

/// Number words that make a ratio subject ("two in three").
pub(crate) const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];
/// Hedges before a ratio ("nearly two in three").
const RATIO_HEDGES: &[&str] = &[
    "nearly", "almost", "about", "roughly", "only", "just", "some", "around", "over",
];

/// The first token of a ratio subject ending before token `e` ("two in
/// three", "nine out of 10", with a hedge such as "nearly"), if there is one.
fn ratio_start(
    low: &Lowered,
    toks: &[Token],
    tok_sentence: &[usize],
    e: usize,
    sentence: usize,
) -> Option<usize> {
    let number = |i: usize| toks[i].kind == TokenKind::Number || NUMBER_WORDS.contains(&low.get(i));
    let word = |i: usize| low.get(i);
    if e < 3 || !number(e - 1) {
        return None;
    }
    let mut f = if word(e - 2) == "in" && number(e - 3) {
        e - 3
    } else if e >= 4 && word(e - 2) == "of" && word(e - 3) == "out" && number(e - 4) {
        e - 4
    } else {
        return None;
    };
    if f > 0 && tok_sentence[f - 1] == sentence && RATIO_HEDGES.contains(&word(f - 1)) {
        f -= 1;
    }
    (tok_sentence[f] == sentence).then_some(f)
}

/// Add a mention for the noun phrase before each cue that has none. Runs
/// before mentions are marked as quoted (`in_quote` is still false here).
pub fn add_noun_phrase_subjects(
    text: &str,
    toks: &[Token],
    low: &Lowered,
    tok_sentence: &[usize],
    cues: &[Cue],
    mentions: &mut Vec<Mention>,
) {
    let ends: rustc_hash::FxHashSet<usize> = mentions.iter().map(|m| m.end_token).collect();
    let mut added = Vec::new();
    // first tokens of mentions that an added phrase takes in (a possessive
    // owner, a capitalised word opening the sentence)
    let mut owned = Vec::new();
    for cue in cues {
        let k = toks.partition_point(|t| t.start < cue.span.start);
        if k == 0 || k >= toks.len() || toks[k].start != cue.span.start {
            continue;
        }
        let sentence = tok_sentence[k];
        // skip adverbs and auxiliaries between subject and cue
        let mut e = k;
        while e > 0
            && (BETWEEN.contains(&toks[e - 1].text(text))
                || super::sieves::NEGATED_AUXILIARIES.contains(&toks[e - 1].text(text))
                || super::sieves::is_manner_adverb(toks[e - 1].text(text)))
            && k - e < 3
        {
            e -= 1;
        }
        if e == 0 || tok_sentence[e - 1] != sentence {
            continue;
        }
        // "people familiar with the talks said": the source and what it
        // knows are one subject (a mention inside it, "close to him", is
        // no speaker)
        if let Some((f, head)) = postmodified_subject(text, toks, low, tok_sentence, e, mentions) {
            owned.extend(head);
            added.push(group(toks, f, e, sentence));
            continue;
        }
        if ends.contains(&e) {
            continue;
        }
        // "Two in three said", "nearly nine out of 10 say": a ratio of people
        if let Some(f) = ratio_start(low, toks, tok_sentence, e, sentence) {
            added.push(group(toks, f, e, sentence));
            continue;
        }
        // "47% say": a percentage of people, as "47 percent say" is
        if e >= 2
            && toks[e - 1].text(text) == "%"
            && toks[e - 2].kind == TokenKind::Number
            && tok_sentence[e - 2] == sentence
        {
            added.push(group(toks, e - 2, e, sentence));
            continue;
        }
        if toks[e - 1].kind != TokenKind::Word {
            continue;
        }
        let last = toks[e - 1].text(text);
        if PRONOUNS.contains(&last) {
            added.push(group(toks, e - 1, e, sentence));
            continue;
        }
        // "Most believe", "Many say": a quantity opening its clause is the
        // whole subject (after a word it is a determiner: "the most said")
        let opens_clause = e == 1
            || tok_sentence[e - 2] != sentence
            || toks[e - 2].kind == TokenKind::Punct
            || matches!(low.get(e - 2), "and" | "but" | "while" | "whereas");
        if QUANTITY_HEADS.contains(&low.get(e - 1)) && opens_clause {
            added.push(group(toks, e - 1, e, sentence));
            continue;
        }
        // "… and described": a coordinated verb shares the sentence's subject
        if matches!(last, "and" | "but" | "or")
            || super::sieves::is_manner_adverb(last)
            || STOP.contains(&low.get(e - 1))
            || DETERMINERS.contains(&low.get(e - 1))
        {
            continue;
        }
        let mut f = e - 1;
        let mut n = 1;
        while f > 0
            && n < 6
            && tok_sentence[f - 1] == sentence
            && matches!(toks[f - 1].kind, TokenKind::Word | TokenKind::Number)
        {
            let lw = low.get(f - 1);
            if STOP.contains(&lw) || ends.contains(&f) {
                break;
            }
            f -= 1;
            n += 1;
            if DETERMINERS.contains(&lw) {
                break;
            }
        }
        // "The Orne family said", "a Senate aide said": a name modifying a
        // common noun, after an article, belongs to the subject phrase
        if ends.contains(&f) && last.starts_with(|c: char| c.is_ascii_lowercase()) {
            if let Some(m) = mentions.iter().find(|m| m.end_token == f) {
                let first = m.first_token;
                if first > 0
                    && tok_sentence[first - 1] == sentence
                    && !m.possessive
                    && matches!(low.get(first - 1), "the" | "a" | "an")
                {
                    f = first - 1;
                    n += 2;
                } else if m.possessive
                    || (m.end_token == first + 1
                        && (first == 0 || tok_sentence[first - 1] != sentence))
                {
                    // "Lee's campaign says": the owner's group speaks;
                    // "Exit polling showed": a capital opening the sentence
                    // says nothing of a name, before a common noun it is
                    // that noun's modifier. The phrase takes the mention's
                    // place among the mentions.
                    owned.push(first);
                    f = first;
                    n += 1;
                }
            }
        }
        // a lone lowercase word that is no determiner phrase and no plural is
        // too weak ("then said", "largely said")
        if n == 1
            && !last.ends_with('s')
            && !last.chars().next().is_some_and(char::is_uppercase)
            && !QUANTITY_HEADS.contains(&low.get(e - 1))
        {
            continue;
        }
        added.push(group(toks, f, e, sentence));
    }
    if added.is_empty() {
        return;
    }
    if !owned.is_empty() {
        mentions.retain(|m| !owned.contains(&m.first_token));
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.first_token, m.end_token));
    // two mentions over the same tokens: keep the first (the richer one)
    mentions.dedup_by(|b, a| a.first_token == b.first_token || b.first_token < a.end_token);
}

/// The longest object a subject's postmodifier may take ("the talks",
/// "the mayor's reelection campaign"), in words.
const MAX_POSTMODIFIER_OBJECT: usize = 5;

/// The first token of a subject ending before token `e` whose head noun is
/// followed by a postmodifier from lexicons/subject_postmodifiers.txt and
/// its object ("people familiar with the talks", "a source close to him"),
/// with the first token of the mention that was the head, if one was
/// ("officials" in "officials briefed on the plan"): the phrase replaces it.
fn postmodified_subject(
    text: &str,
    toks: &[Token],
    low: &Lowered,
    tok_sentence: &[usize],
    e: usize,
    mentions: &[Mention],
) -> Option<(usize, Option<usize>)> {
    let sentence = tok_sentence[e - 1];
    let word_at = |i: usize| {
        tok_sentence[i] == sentence && matches!(toks[i].kind, TokenKind::Word | TokenKind::Number)
    };
    // the object: a few words, no verb or clause word among them, ending
    // in a noun ("familiar with the talks said", not the noun "talks" after
    // its article)
    if DETERMINERS.contains(&low.get(e - 1)) {
        return None;
    }
    // the postmodifier right before the object, its longest form first
    let mut o = e;
    let p = loop {
        if o == 0 || e - o == MAX_POSTMODIFIER_OBJECT || !word_at(o - 1) {
            return None;
        }
        o -= 1;
        let found = super::lexicons::lexicons()
            .subject_postmodifiers
            .iter()
            .filter(|p| p.len() <= o)
            .find(|p| {
                (0..p.len()).all(|i| low.get(o - p.len() + i) == p[i] && word_at(o - p.len() + i))
            });
        if let Some(phrase) = found {
            break o - phrase.len();
        }
        if o == 0 || STOP.contains(&low.get(o - 1)) {
            // a clause word inside the object: no postmodified subject
            return None;
        }
    };
    if p == 0 || !word_at(p - 1) || STOP.contains(&low.get(p - 1)) {
        return None;
    }
    // the head: a mention ending there ("officials", "a Kremlin aide"), or
    // a noun phrase up to its determiner ("two people", "a person")
    if let Some(m) = mentions.iter().find(|m| m.end_token == p) {
        return Some((m.first_token, Some(m.first_token)));
    }
    let mut f = p - 1;
    while f > 0
        && p - f < 4
        && !DETERMINERS.contains(&low.get(f))
        && word_at(f - 1)
        && !STOP.contains(&low.get(f - 1))
    {
        f -= 1;
    }
    // a lone lowercase word must name people ("people", "sources"), a
    // plural, or follow its determiner
    let head = toks[p - 1].text(text);
    (p - f > 1 || head.ends_with('s') || head == "people").then_some((f, None))
}

fn group(toks: &[Token], first: usize, end: usize, sentence: usize) -> Mention {
    let span = Span::new(toks[first].start, toks[end - 1].end);
    Mention {
        span,
        name: span,
        kind: MentionKind::Role(RoleClass::Group),
        role: None,
        country: None,
        sentence,
        first_token: first,
        end_token: end,
        possessive: false,
        in_quote: false,
        entity: None,
    }
}
