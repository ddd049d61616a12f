//! The attribution sieves, most precise first. Each sieve looks at one
//! quotation and either attributes it (filling speaker, mention, cue and
//! `method` with the sieve's id) or leaves it to the next one.

use super::cues::CueClass;
use super::lexicons::RoleClass;
use super::mentions::MentionKind;
use super::time_words::{is_period, is_weekday};
use super::Document;
use crate::model::{Kind, Span, Utterance};
use crate::text::TokenKind;

/// The sieves, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sieve {
    /// `“…,” X said.` / `“…,” said X.` / `“…,” was X's message.`
    CueAfter,
    /// `X said: “…”` / `X told Y: “…”` / `according to X, “…”` / `in X's words, “…”`
    CueBefore,
    /// A speech verb elsewhere in the quote's sentence whose subject is a mention.
    SentenceCue,
    /// An earlier attributed quotation in the same paragraph.
    SameParagraph,
    /// A quote-only paragraph continues the speaker of the previous paragraph's quotation.
    Continuation,
    /// A paragraph opening with a quotation after a paragraph that introduces
    /// a speaker without quoting ("Dr. Lee spoke to reporters on Sunday.").
    Introduced,
    /// A quotation opening a sentence right after a sentence of the same
    /// paragraph whose speech verb has a subject and no quotation of its own
    /// ("Dr. Lee agreed. “The data are clear.”").
    PreviousSentence,
}

impl Sieve {
    /// The id written to `method`.
    pub fn id(&self) -> &'static str {
        match self {
            Sieve::CueAfter => "cue_after",
            Sieve::CueBefore => "cue_before",
            Sieve::SentenceCue => "sentence_cue",
            Sieve::SameParagraph => "same_paragraph",
            Sieve::Continuation => "continuation",
            Sieve::Introduced => "introduced",
            Sieve::PreviousSentence => "previous_sentence",
        }
    }
}

/// The default order: adjacent cues are right far more often than
/// sentence-level cues, which are more reliable than discourse flow.
pub const DEFAULT_SIEVES: &[Sieve] = &[
    Sieve::CueAfter,
    Sieve::CueBefore,
    Sieve::SentenceCue,
    Sieve::SameParagraph,
    Sieve::Continuation,
    Sieve::Introduced,
    Sieve::PreviousSentence,
];

/// Discourse sieves look back at most this many quotations (keeps articles
/// with thousands of stray marks linear).
const LOOKBACK_QUOTES: usize = 16;

/// What a sieve decided for one quotation.
enum Outcome {
    /// An attribution found in the text.
    Found(Found),
    /// The same speaker as the earlier quotation at this index.
    CopyFrom(usize),
}

/// What an attribution found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub mention: usize,
    pub cue: Span,
    pub lemma: &'static str,
    pub addressee: Option<usize>,
    /// Token index one past the attribution.
    pub end_token: usize,
    /// Token index where the attribution starts.
    pub start_token: usize,
}

/// Words that may stand between a subject and its cue ("Lee also said",
/// "Lee is quoted as saying", "Lee has repeatedly said").
const BETWEEN: &[&str] = &[
    // place adverbs: "Officials here say", "voters there said"
    "here",
    "there",
    "also",
    "has",
    "had",
    "have",
    "is",
    "was",
    "were",
    "are",
    "then",
    "later",
    "reportedly",
    "once",
    "again",
    "recently",
    "further",
    "simply",
    "just",
    "previously",
    "earlier",
    "ascribed",
    "quoted",
    "heard",
    "repeatedly",
    "would",
    "will",
    "could",
    "had",
    "even",
    "never",
    "only",
    "nevertheless",
    "always",
    "often",
    "publicly",
    "privately",
    "angrily",
    "quickly",
    "flatly",
    "in",
    "a",
    "statement",
    "an",
    "interview",
    "tweet",
    "then",
    "first",
    "and",
    "been",
    "being",
    "did",
    "does",
    "not",
    // negated and modal auxiliaries: "Lee hasn't said whether …" (the
    // common ones in NEGATED_AUXILIARIES), "Lee may argue that …"
    "hadn't",
    "hadn’t",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "can",
    "may",
    "might",
    "must",
    "should",
    // floating quantifiers and aspect adverbs: "the rivals all agree",
    // "Lee and Kim have both argued", "Lee still believes"
    "all",
    "both",
    "still",
    "already",
    // the respondents of a poll and the subject's own emphasis: "voters
    // polled said", "eight in 10 voters overall said", "Democrats and
    // Republicans alike say", "Lee himself said"
    "polled",
    "surveyed",
    "interviewed",
    "overall",
    "alike",
    "himself",
    "herself",
    "themselves",
    "itself",
];

/// Negated auxiliaries that may stand between a subject and its cue ("Lee
/// hasn't said", "the commuters don't think"), in both apostrophe styles.
pub(crate) const NEGATED_AUXILIARIES: &[&str] = &[
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "didn't",
    "didn’t",
];

/// Is `w` one of [`BETWEEN`] or [`NEGATED_AUXILIARIES`]? A set: it is asked of the words before
/// every cue, and a scan of the list compared each of them.
pub(crate) fn is_between(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| BETWEEN.iter().chain(NEGATED_AUXILIARIES).copied().collect())
        .contains(w)
        || is_manner_adverb(w)
}

/// A lowercase "-ly" adverb such as "calmly" or "gingerly": it may stand
/// between a speaker and the verb like the listed adverbs do.
pub(crate) fn is_manner_adverb(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ly")
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && !super::lexicons::lexicons().ly_nouns.contains(w)
}

pub(crate) fn is_punct(doc: &Document, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Punct)
}

pub(crate) fn word<'t>(doc: &Document<'t>, i: usize) -> &'t str {
    doc.tokens.get(i).map_or("", |t| t.text(doc.text))
}

/// Token `i` in lowercase ("" past the last token): the form the document
/// computed once, so a lookup allocates nothing.
pub(crate) fn low<'d>(doc: &'d Document, i: usize) -> &'d str {
    if i < doc.tokens.len() {
        doc.lower(i)
    } else {
        ""
    }
}

/// The lemma of the speech noun at token `i` ("statement", "survey"),
/// lexicons/nominal_cues.tsv.
pub(crate) fn speech_noun_at(doc: &Document, i: usize) -> Option<&'static str> {
    super::lexicons::lexicons()
        .speech_nouns
        .get(low(doc, i))
        .copied()
}

/// A cue starting at token `i` (speech or cognition class), and the token after it.
fn cue_at(doc: &Document, i: usize) -> Option<(Span, &'static str, usize)> {
    let c = doc.cue_at_token(i)?;
    if !matches!(c.class, CueClass::Speech | CueClass::Cognition) {
        return None;
    }
    Some((c.span, c.lemma, doc.token_at(c.span.end)))
}

/// A cue at token `i` after a quotation: [`cue_at`], or a directive verb
/// closing its clause (`“Vote today,” Lee urged.`, `demanded Lee.`): with
/// no object or infinitive after it, the quotation is what was urged.
fn cue_after_quote_at(doc: &Document, i: usize) -> Option<(Span, &'static str, usize)> {
    if let Some(found) = cue_at(doc, i) {
        return Some(found);
    }
    let c = doc.cue_at_token(i)?;
    if c.class != CueClass::Directive {
        return None;
    }
    let after = doc.token_at(c.span.end);
    let closes = after >= doc.tokens.len() || matches!(word(doc, after), "." | "," | "!" | ";");
    let named_after = doc
        .mention_at_token(after)
        .is_some_and(|m| !matches!(doc.mentions[m].kind, MentionKind::Pronoun { .. }));
    (closes || named_after).then_some((c.span, c.lemma, after))
}

fn usable_mention(doc: &Document, m: usize) -> bool {
    !doc.mentions[m].in_quote
}

/// After token `i` (the first token after a closing mark): `, X said`,
/// `, said X`, `, X is quoted as saying`, `, was X's message`.
pub fn attribution_after(doc: &Document, mut i: usize, sentence: usize) -> Option<Found> {
    let start = i;
    let n = doc.tokens.len();
    let mut dash: Option<Span> = None;
    while i < n
        && is_punct(doc, i)
        && matches!(word(doc, i), "," | "—" | "–" | "―" | "-" | "(" | ":")
        && i < start + 2
    {
        // a hyphen typed for a dash counts too ("“…”¶- Jane Doe."): the
        // name closing the paragraph still has to follow it
        if matches!(word(doc, i), "—" | "–" | "―" | "-") {
            dash = Some(Span::new(doc.tokens[i].start, doc.tokens[i].end));
        }
        i += 1;
    }
    // "“…” ― Jane Doe": a dash and a name closing the paragraph (epigraphs,
    // reader comments, lists of reactions)
    if let Some(d) = dash {
        if let Some(m) = doc
            .mention_at_token(i)
            .filter(|&m| matches!(doc.mentions[m].kind, MentionKind::Person | MentionKind::Org))
        {
            let end = doc.mentions[m].end_token;
            let para = doc.seg.paragraph_at(doc.tokens[i].start);
            let closes = doc.tokens.get(end).is_none_or(|t| {
                doc.seg.paragraph_at(t.start) != para
                    || t.kind == TokenKind::Punct
                        && doc
                            .tokens
                            .get(end + 1)
                            .is_none_or(|u| doc.seg.paragraph_at(u.start) != para)
            });
            if closes {
                return Some(Found {
                    mention: m,
                    cue: d,
                    lemma: "—",
                    addressee: None,
                    end_token: end,
                    start_token: start,
                });
            }
        }
    }
    if i >= n || doc.token_sentence[i] != sentence && doc.token_sentence[i] != sentence + 1 {
        return None;
    }
    // a new paragraph opens its own statement: "“…”¶According to Lee, “…”"
    // and "“…”¶Lee said …" speak of what follows, not of the quotation before
    if start > 0
        && doc.seg.paragraph_at(doc.tokens[i].start)
            != doc.seg.paragraph_at(doc.tokens[start - 1].start)
    {
        return None;
    }
    // "“…,” according to Lee.": the source named within a few words
    if low(doc, i) == "according" && word(doc, i + 1) == "to" {
        let m = (i + 2..(i + 6).min(n))
            .take_while(|&j| !is_punct(doc, j))
            .find_map(|j| doc.mention_at_token(j))
            .filter(|&m| usable_mention(doc, m))?;
        return Some(Found {
            mention: m,
            cue: Span::new(doc.tokens[i].start, doc.tokens[i + 1].end),
            lemma: "according to",
            addressee: None,
            end_token: doc.mentions[m].end_token,
            start_token: start,
        });
    }
    // said X / told Y, X said? -> cue then mention
    if let Some((cue, lemma, after)) = cue_after_quote_at(doc, i) {
        // "said coach Jane Doe", "said café owner Jane Doe": up to two
        // lowercase descriptor words before the name
        let named_after = |k: usize| {
            (0..=2).find_map(|skip| {
                let j = k + skip;
                if skip > 0
                    && !(doc
                        .tokens
                        .get(j - 1)
                        .is_some_and(|t| t.kind == TokenKind::Word)
                        && word(doc, j - 1)
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase))
                {
                    return None;
                }
                doc.mention_at_token(j)
                    .filter(|&m| skip == 0 || doc.mentions[m].kind == MentionKind::Person)
            })
        };
        if let Some(mut m) = named_after(after).filter(|&m| usable_mention(doc, m)) {
            // "said a leading expert, Jane Doe of …": the name in apposition speaks
            if matches!(doc.mentions[m].kind, MentionKind::Role(_))
                && word(doc, doc.mentions[m].end_token) == ","
            {
                if let Some(p) = doc
                    .mention_at_token(doc.mentions[m].end_token + 1)
                    .filter(|&p| doc.mentions[p].kind == MentionKind::Person)
                {
                    m = p;
                }
            }
            let mut end = doc.mentions[m].end_token;
            let addressee = addressee_after(doc, lemma, end);
            if let Some(a) = addressee {
                end = doc.mentions[a].end_token;
            }
            return Some(Found {
                mention: m,
                cue,
                lemma,
                addressee,
                end_token: end,
                start_token: start,
            });
        }
        return None;
    }
    // was X's message
    if matches!(word(doc, i), "was" | "is" | "were" | "came") {
        if let Some(m) = doc
            .mention_at_token(i + 1)
            .filter(|&m| doc.mentions[m].possessive)
        {
            let noun_tok = doc.mentions[m].end_token;
            if let Some(lemma) = speech_noun_at(doc, noun_tok) {
                let t = doc.tokens[noun_tok];
                return Some(Found {
                    mention: m,
                    cue: Span::new(t.start, t.end),
                    lemma,
                    addressee: None,
                    end_token: noun_tok + 1,
                    start_token: start,
                });
            }
        }
        return None;
    }
    // X [also/has/is ascribed as] said
    let mut m = doc
        .mention_at_token(i)
        .or_else(|| described_name(doc, i))
        .filter(|&m| usable_mention(doc, m))?;
    // "the mayor Jane Doe said": the name of an apposition speaks
    if let Some(n) = doc.mention_at_token(doc.mentions[m].end_token) {
        if doc.mentions[n].kind == MentionKind::Person {
            m = n;
        }
    }
    let mut k = doc.mentions[m].end_token;
    // "“…,” Lee, who chairs the board, said": a relative clause between
    // commas describes the subject; the cue follows it (in the quotation's
    // own sentence: a new sentence "Lee, who …, tweeted" tells of more)
    if k + 1 < n
        && doc.token_sentence[i] == sentence
        && word(doc, k) == ","
        && low(doc, k + 1) == "who"
    {
        if let Some(close) = (k + 2..(k + 16).min(n))
            .take_while(|&j| doc.token_sentence[j] == doc.token_sentence[k])
            .find(|&j| word(doc, j) == ",")
        {
            k = close + 1;
        }
    }
    let mut skipped = 0;
    while k < n && skipped <= 3 {
        if let Some((cue, lemma, after)) = cue_after_quote_at(doc, k) {
            let addressee = addressee_after(doc, lemma, after);
            let end = addressee.map_or(after, |a| doc.mentions[a].end_token);
            // in the next sentence ("“Stop!” Lee shouted.") the attribution
            // is the whole sentence, with at most a circumstance after the
            // cue ("Lee said to the radio", "Lee said Tuesday"); "Lee
            // repeated it" is a new statement
            if doc.token_sentence[i] != sentence
                && end < n
                && !is_punct(doc, end)
                && !short_circumstance(doc, end)
            {
                return None;
            }
            return Some(Found {
                mention: m,
                cue,
                lemma,
                addressee,
                end_token: end,
                start_token: start,
            });
        }
        if !is_between(low(doc, k)) {
            break;
        }
        k += 1;
        skipped += 1;
    }
    // X's message/statement (after a quotation: "“…” — Lee's message")
    if doc.mentions[m].possessive {
        let nt = doc.mentions[m].end_token;
        if let Some(lemma) = speech_noun_at(doc, nt) {
            let t = doc.tokens[nt];
            return Some(Found {
                mention: m,
                cue: Span::new(t.start, t.end),
                lemma,
                addressee: None,
                end_token: nt + 1,
                start_token: start,
            });
        }
    }
    None
}

/// `“…,” campaign spokesman Jane Doe said`: a name after a bare
/// description (lowercase words ending in a role noun of a person,
/// lexicons/role_nouns.tsv) that no mention covers; the name at `i` + up
/// to three words.
fn described_name(doc: &Document, i: usize) -> Option<usize> {
    let lex = super::lexicons::lexicons();
    for k in i + 1..=i + 3 {
        let prev = k - 1;
        let lowercase_word = doc.tokens.get(prev).is_some_and(|t| {
            t.kind == TokenKind::Word
                && word(doc, prev)
                    .chars()
                    .all(|c| c.is_lowercase() || c == '-')
        });
        if !lowercase_word {
            return None;
        }
        let role = lex
            .roles
            .get(low(doc, prev))
            .is_some_and(|(class, plural)| *class == super::lexicons::RoleClass::Person && !plural);
        if role {
            return doc
                .mention_at_token(k)
                .filter(|&m| doc.mentions[m].kind == MentionKind::Person);
        }
    }
    None
}

fn addressee_after(doc: &Document, lemma: &str, tok: usize) -> Option<usize> {
    if !matches!(
        lemma,
        "tell" | "ask" | "inform" | "assure" | "greet" | "thank" | "warn" | "urge"
    ) {
        return None;
    }
    doc.mention_at_token(tok).filter(|&m| {
        !matches!(doc.mentions[m].kind, MentionKind::Pronoun { .. }) || word(doc, tok) != "he"
    })
}

/// Before token `open` (the first token of a quotation's opening mark),
/// in the same sentence: `X said: “`, `X told Y: “`, `X said that “`,
/// `according to X, “`, `in X's words, “`, `X's statement read: “`.
pub fn attribution_before(doc: &Document, open: usize) -> Option<Found> {
    if open == 0 {
        return None;
    }
    let sentence = doc.token_sentence.get(open).copied().unwrap_or(usize::MAX);
    let mut j = open; // exclusive end of the stretch before the mark
                      // skip ":" "," "that" right before the mark
    while j > 0
        && (matches!(word(doc, j - 1), ":" | "," | "—" | "–")
            || word(doc, j - 1).eq_ignore_ascii_case("that"))
        && open - j < 2
    {
        j -= 1;
    }
    let lo = open.saturating_sub(14);
    // according to X ,
    for k in (lo..j).rev() {
        if doc.token_sentence[k] != sentence {
            break;
        }
        let w = low(doc, k);
        if w == "according" && word(doc, k + 1) == "to" {
            if let Some(m) = doc.mention_at_token(k + 2) {
                let t0 = doc.tokens[k];
                let t1 = doc.tokens[k + 1];
                return Some(Found {
                    mention: m,
                    cue: Span::new(t0.start, t1.end),
                    lemma: "according to",
                    addressee: None,
                    end_token: doc.mentions[m].end_token,
                    start_token: k,
                });
            }
        }
        // in X's words / in the words of X
        if w == "in" {
            if let Some(m) = doc
                .mention_at_token(k + 1)
                .filter(|&m| doc.mentions[m].possessive)
            {
                let nt = doc.mentions[m].end_token;
                if word(doc, nt).eq_ignore_ascii_case("words")
                    || word(doc, nt).eq_ignore_ascii_case("view")
                {
                    let t = doc.tokens[nt];
                    return Some(Found {
                        mention: m,
                        cue: Span::new(doc.tokens[k].start, t.end),
                        lemma: "in the words of",
                        addressee: None,
                        end_token: nt + 1,
                        start_token: k,
                    });
                }
            }
        }
    }
    // the nearest cue before the mark, with nothing but an addressee (or a
    // short adverbial) between it and the mark
    for k in (lo..j).rev() {
        if doc.token_sentence[k] != sentence {
            break;
        }
        // X's statement read: / X's message said: (the distance first, a
        // word-list lookup for every token before the mark cost more)
        if k > 0 && j - k <= 3 {
            if let Some(lemma) = speech_noun_at(doc, k) {
                if let Some(m) = doc
                    .mention_ending_at(k)
                    .filter(|&m| doc.mentions[m].possessive && !doc.mentions[m].in_quote)
                {
                    let t = doc.tokens[k];
                    return Some(Found {
                        mention: m,
                        cue: Span::new(t.start, t.end),
                        lemma,
                        addressee: None,
                        end_token: k + 1,
                        start_token: doc.mentions[m].first_token,
                    });
                }
            }
        }
        let Some((cue, lemma, after)) = cue_at(doc, k) else {
            continue;
        };
        // between the cue and the mark: at most an addressee and 4 words
        let addressee = addressee_after(doc, lemma, after);
        let gap_start = addressee.map_or(after, |a| doc.mentions[a].end_token);
        if j.saturating_sub(gap_start) > 4 {
            return None;
        }
        let subject = subject_before(doc, k)?;
        return Some(Found {
            mention: subject,
            cue,
            lemma,
            addressee,
            end_token: j,
            start_token: doc.mentions[subject].first_token,
        });
    }
    None
}

/// An attribution whose cue is the colon at token `colon`, said by mention
/// `m`, starting at token `first`.
fn colon_found(doc: &Document, m: usize, colon: usize, first: usize) -> Found {
    let t = doc.tokens[colon];
    Found {
        mention: m,
        cue: Span::new(t.start, t.end),
        lemma: ":",
        addressee: None,
        end_token: colon + 1,
        start_token: first,
    }
}

/// Headlines and transcripts: `Lee: “…”` or `Lee: The plan ‘will fail’`: a
/// mention opening the sentence, then a colon, then at most a few words
/// before the mark.
fn headline_colon(doc: &Document, open: usize) -> Option<Found> {
    let sentence = *doc.token_sentence.get(open)?;
    let s = doc.seg.sentences[sentence];
    let first = doc.token_at(s.start);
    let colon = (first.max(open.saturating_sub(7))..open).find(|&k| word(doc, k) == ":")?;
    if open - colon > 6 {
        return None;
    }
    // the name opens the sentence, or follows a dash that closes a heading
    // ("Turnout was high - Jane Doe: “…”")
    let m = doc.mention_ending_at(colon).filter(|&m| {
        let start = doc.mentions[m].first_token;
        (start == first || start > first && matches!(word(doc, start - 1), "-" | "—" | "–"))
            && !doc.mentions[m].in_quote
    })?;
    if !matches!(
        doc.mentions[m].kind,
        MentionKind::Person | MentionKind::Org | MentionKind::Role(_)
    ) {
        return None;
    }
    Some(colon_found(doc, m, colon, doc.mentions[m].first_token))
}

/// `Lee sent a blunt message to the board: “…”`: a quotation after a
/// colon, in a sentence whose subject (a person, role or organisation
/// opening it) does something with a speech noun (message, statement,
/// warning, lexicons/nominal_cues.tsv) just before the colon; or right
/// before a comma (`Lee issued a statement, “…”`).
fn subject_colon(doc: &Document, open: usize) -> Option<Found> {
    if open == 0 || !matches!(word(doc, open - 1), ":" | ",") {
        return None;
    }
    let colon = open - 1;
    let sentence = *doc.token_sentence.get(open)?;
    let first = doc.token_at(doc.seg.sentences[sentence].start);
    // after a comma, the speech noun closes the clause ("issued a
    // statement, “…”"); a colon may follow a longer phrase
    let reach = if word(doc, colon) == "," { 1 } else { 6 };
    let (noun, lemma) = (colon.saturating_sub(reach).max(first)..colon)
        .find_map(|k| speech_noun_at(doc, k).map(|l| (k, l)))?;
    let m = doc.mention_at_token(first).filter(|&m| {
        !doc.mentions[m].in_quote
            && !doc.mentions[m].possessive
            && doc.mentions[m].end_token < noun
            && matches!(
                doc.mentions[m].kind,
                MentionKind::Person | MentionKind::Org | MentionKind::Role(_)
            )
    })?;
    let t = doc.tokens[noun];
    Some(Found {
        mention: m,
        cue: Span::new(t.start, t.end),
        lemma,
        addressee: None,
        end_token: colon + 1,
        start_token: first,
    })
}

/// `Lee shrugged: “…”`, `And the mayor just grinned: “…”`: a quotation
/// right after a colon that closes a short clause (a person, role or
/// organisation, then at most three lowercase words: a verb of any kind, an
/// adverb) in which no other name stands. Verbs of the cue lexicon are
/// found before, by `attribution_before`.
fn subject_verb_colon(doc: &Document, open: usize) -> Option<Found> {
    if open == 0 || word(doc, open - 1) != ":" {
        return None;
    }
    let colon = open - 1;
    let sentence = *doc.token_sentence.get(open)?;
    let mut first = doc.token_at(doc.seg.sentences[sentence].start);
    if matches!(low(doc, first), "and" | "but" | "then" | "so") {
        first += 1;
    }
    let m = doc.mention_at_token(first).filter(|&m| {
        let mention = &doc.mentions[m];
        mention.first_token == first
            && !mention.in_quote
            && !mention.possessive
            && matches!(
                mention.kind,
                MentionKind::Person | MentionKind::Org | MentionKind::Role(_)
            )
    })?;
    let verb_start = doc.mentions[m].end_token;
    if colon <= verb_start
        || colon - verb_start > 3
        || !(verb_start..colon).all(|k| {
            word(doc, k).starts_with(|c: char| c.is_ascii_lowercase())
                && doc.mention_at_token(k).is_none()
        })
    {
        return None;
    }
    Some(colon_found(doc, m, colon, first))
}

/// `Said Lee, who grew up nearby, “…”`: a sentence opening with the cue
/// and the speaker, the quotation after them.
fn inverted_said(doc: &Document, open: usize) -> Option<Found> {
    let sentence = *doc.token_sentence.get(open)?;
    let first = doc.token_at(doc.seg.sentences[sentence].start);
    if open <= first + 1 || open - first > 30 {
        return None;
    }
    let (cue, lemma, after) = cue_at(doc, first)?;
    if !word(doc, first).starts_with(char::is_uppercase) {
        return None;
    }
    let m = doc
        .mention_at_token(after)
        .filter(|&m| usable_mention(doc, m) && doc.mentions[m].kind == MentionKind::Person)?;
    // only the speaker's apposition between the name and the mark
    if (doc.mentions[m].end_token..open).any(|k| doc.cue_at_token(k).is_some()) {
        return None;
    }
    Some(Found {
        mention: m,
        cue,
        lemma,
        addressee: None,
        end_token: doc.mentions[m].end_token,
        start_token: first,
    })
}

/// The subject of the cue at token `k`: a mention ending at most 3 words
/// before it (`Lee also said`, `Lee has repeatedly said`), outside quotations.
pub(crate) fn subject_before(doc: &Document, k: usize) -> Option<usize> {
    let sentence = doc.token_sentence[k];
    // ", adding/presenting/saying …": a participle takes the sentence's subject
    // "…, adding …" and "… and described …": the sentence's subject
    // "… went further by proposing …", "… while insisting …": so does a
    // participle after a preposition or a subordinator
    if k > 0
        && ((matches!(
            low(doc, k - 1),
            "," | "by" | "while" | "when" | "without" | "in" | "after" | "before"
        ) && word(doc, k).ends_with("ing"))
            || matches!(word(doc, k - 1), "and" | "but"))
    {
        return sentence_subject(doc, k);
    }
    // "Lee issued a statement saying …", "Lee sent an email to supporters
    // saying …": a document or medium the subject put out speaks for it
    if word(doc, k).ends_with("ing") {
        if let Some(d) = doc.mention_ending_at(k).filter(|&d| {
            let m = &doc.mentions[d];
            matches!(m.kind, MentionKind::Role(RoleClass::Document)) && !m.in_quote
        }) {
            return sentence_subject(doc, doc.mentions[d].first_token).or(Some(d));
        }
    }
    // "… and has added …", "… and later said …": so does a coordinated verb
    // after an auxiliary or an adverb
    if k > 1
        && matches!(
            low(doc, k - 1),
            "has" | "have" | "had" | "also" | "later" | "then"
        )
        && matches!(word(doc, k - 2), "and" | "but")
    {
        return sentence_subject(doc, k);
    }
    // "Lee on Tuesday said", "the bank this week said": the subject stands
    // before the time phrase (which is no speaker); without one there, the
    // phrase is read as before
    let t = time_phrase_start(doc, k, sentence);
    if t < k {
        if let Some(m) = subject_from(doc, t, k, sentence) {
            return Some(m);
        }
    }
    subject_from(doc, k, k, sentence)
}

/// The subject of the sentence of token `k` for a participle or a
/// coordinated verb there ("…, adding …", "… and described …"): its first
/// person, organisation, singular pronoun or role mention before `k`.
pub(crate) fn sentence_subject(doc: &Document, k: usize) -> Option<usize> {
    first_subject_before(doc, k, true)
}

/// The first mention of the sentence of token `k` before `k`, outside
/// quotations and datelines, that can speak: a person, a singular pronoun
/// or a role, and an organisation when `orgs`.
fn first_subject_before(doc: &Document, k: usize, orgs: bool) -> Option<usize> {
    let sentence = doc.token_sentence[k];
    let r = doc.mentions_in_sentence(sentence);
    let base = r.start;
    let can_speak = |m: &super::mentions::Mention, from: usize| {
        !m.in_quote
            && !is_dateline(doc, m)
            && m.first_token >= from
            && m.first_token < k
            && match m.kind {
                MentionKind::Person
                | MentionKind::Pronoun { plural: false }
                | MentionKind::Role(_) => true,
                MentionKind::Org => orgs,
                _ => false,
            }
    };
    // "Facing criticism from Democrats, Lee issued …", "Shortly after Kim's
    // death, Lee said …": an opening adverbial holds no subject; the
    // subject follows its comma (when no mention there can speak, the
    // first one of the sentence is taken as before)
    let first = doc.token_at(doc.seg.sentences[sentence].start);
    if opens_adverbial(low(doc, first)) {
        if let Some(comma) = (first + 1..k).find(|&i| word(doc, i) == ",") {
            // "In Ames, Iowa, Lee said": a state after its town is no subject
            let place_of_name = |m: &super::mentions::Mention| {
                word(doc, m.end_token) == ","
                    && m.first_token >= 2
                    && word(doc, m.first_token - 1) == ","
                    && doc.mention_ending_at(m.first_token - 1).is_some_and(|p| {
                        matches!(doc.mentions[p].kind, MentionKind::Person | MentionKind::Org)
                    })
            };
            if let Some(i) = doc.mentions[r.clone()]
                .iter()
                .position(|m| can_speak(m, comma + 1) && !place_of_name(m))
            {
                return Some(base + i);
            }
        }
    }
    doc.mentions[r]
        .iter()
        .position(|m| can_speak(m, 0))
        .map(|i| base + i)
}

/// Does a sentence opening with `w` (lowercase) open with an adverbial: a
/// preposition, a subordinator, a participle, an adverb in -ly or a span of
/// time ("Minutes later, …")?
fn opens_adverbial(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "despite"
            | "amid"
            | "with"
            | "without"
            | "following"
            | "under"
            | "since"
            | "when"
            | "while"
            | "as"
            | "if"
            | "although"
            | "though"
            | "because"
            | "once"
            | "until"
            | "upon"
            | "minutes"
            | "hours"
            | "days"
            | "weeks"
            | "moments"
    ) || (w.len() > 5 && (w.ends_with("ing") || w.ends_with("ly")))
}

/// Is mention `m` the place of a dateline ("WASHINGTON —", "PARIS (AP) -")
/// opening its paragraph? Written in capitals and followed by a dash, a
/// bracket or a comma, it names where the story was filed, not a speaker.
pub(crate) fn is_dateline(doc: &Document, m: &super::mentions::Mention) -> bool {
    let paragraph = doc.seg.sentences[m.sentence].paragraph;
    let opens_paragraph = doc.tokens[m.first_token].start <= doc.seg.paragraphs[paragraph].start;
    let name = m.span.text(doc.text);
    opens_paragraph
        && name.chars().any(char::is_alphabetic)
        && !name.chars().any(char::is_lowercase)
        && matches!(
            word(doc, m.end_token),
            "—" | "–" | "―" | "-" | "--" | "(" | ","
        )
}

/// A name ending right before the comma at token `comma` ("…, one of the
/// lawyers, Ann Lee, said"): the speaker when no subject stands before the
/// apposition.
fn appositive_name(doc: &Document, comma: usize, sentence: usize) -> Option<usize> {
    doc.mention_ending_at(comma).filter(|&m| {
        let x = &doc.mentions[m];
        x.sentence == sentence && !x.in_quote && x.kind == MentionKind::Person
    })
}

/// Words that may open a time phrase before a cue ("on Tuesday", "earlier
/// this week", "last month").
const TIME_PHRASE_OPENERS: &[&str] = &[
    "on", "this", "last", "next", "earlier", "later", "late", "early", "in",
];

/// Does a time phrase end with `w` (lowercase)?
fn is_time_phrase_head(w: &str) -> bool {
    is_weekday(w) || is_period(w) || matches!(w, "night" | "yesterday" | "today")
}

/// The first token of a time phrase ending right before token `k` in
/// `sentence` (`k` when there is none).
fn time_phrase_start(doc: &Document, k: usize, sentence: usize) -> usize {
    if k == 0 || doc.token_sentence[k - 1] != sentence || !is_time_phrase_head(low(doc, k - 1)) {
        return k;
    }
    let mut f = k - 1;
    while f > 0
        && k - f < 4
        && doc.token_sentence[f - 1] == sentence
        && TIME_PHRASE_OPENERS.contains(&low(doc, f - 1))
    {
        f -= 1;
    }
    f
}

/// The subject mention ending at token `e` (or a few adverbs, a relative
/// pronoun or an apposition before it) of the cue at token `k`.
fn subject_from(doc: &Document, e: usize, k: usize, sentence: usize) -> Option<usize> {
    let mut e = e;
    // "the plan was revealed": a passive cue has no speaker as its subject,
    // unless it reports speech ("is quoted as saying")
    let cue_text = doc.cue_at_token(k).map_or("", |c| c.span.text(doc.text));
    let passive_ok = cue_text.ends_with("saying");
    for _ in 0..=3 {
        if let Some(m) = doc
            .mention_ending_at(e)
            .filter(|&m| !doc.mentions[m].in_quote && doc.mentions[m].sentence == sentence)
        {
            return Some(m);
        }
        if e > 0
            && !passive_ok
            && matches!(
                low(doc, e - 1),
                "is" | "was" | "were" | "are" | "been" | "being"
            )
            && cue_text.ends_with("ed")
        {
            return None;
        }
        // "…, who said": the relative pronoun stands for the mention before its comma
        if e >= 2 && matches!(word(doc, e - 1), "who" | "which") && word(doc, e - 2) == "," {
            if let Some(m) = doc
                .mention_ending_at(e - 2)
                .filter(|&m| doc.mentions[m].sentence == sentence && !doc.mentions[m].in_quote)
            {
                return Some(m);
            }
        }
        if e == 0 || !is_between(low(doc, e - 1)) {
            // a comma-delimited apposition: "Lee, the minister of finance since 2019, said"
            // ("Lee, a Dover, Del., nurse, said": up to three commas back)
            // a dash-enclosed one too: "Lee — who chairs the board — said"
            // (a typed double hyphen is two "-" tokens: "Lee -- who … -- said")
            let double_hyphen = |i: usize| {
                word(doc, i) == "-"
                    && (word(doc, i + 1) == "-" || (i > 0 && word(doc, i - 1) == "-"))
            };
            if e > 0 && (matches!(word(doc, e - 1), "," | "—" | "–") || double_hyphen(e - 1)) {
                let lo = e.saturating_sub(40);
                let mut j = e - 1;
                let mut commas = 0;
                while j > lo && doc.token_sentence[j - 1] == sentence {
                    j -= 1;
                    if matches!(word(doc, j), "," | "(" | "—" | "–") || double_hyphen(j) {
                        // a place inside the apposition ("a Dover, Del., nurse")
                        // follows its article: not the subject
                        let m = doc.mention_ending_at(j).filter(|&m| {
                            let first = doc.mentions[m].first_token;
                            doc.mentions[m].sentence == sentence
                                && !doc.mentions[m].in_quote
                                && !(first > 0 && matches!(low(doc, first - 1), "a" | "an" | "the"))
                        });
                        // "In a statement, …": a prepositional phrase is no subject
                        let m = m.filter(|&m| {
                            let first = doc.mentions[m].first_token;
                            !(first > 0
                                && matches!(
                                    low(doc, first - 1),
                                    "in" | "on" | "at" | "from" | "with" | "by" | "to" | "for"
                                ))
                        });
                        commas += 1;
                        if m.is_some() || commas == 3 || word(doc, j) == "(" {
                            // "one of the lawyers, Ann Lee, said": the name of a role speaks
                            let role = m.is_none_or(|m| {
                                matches!(doc.mentions[m].kind, MentionKind::Role(_))
                            });
                            if role {
                                if let Some(n) = appositive_name(doc, e - 1, sentence) {
                                    return Some(n);
                                }
                            }
                            return m;
                        }
                    }
                }
                return appositive_name(doc, e - 1, sentence);
            }
            return None;
        }
        e -= 1;
    }
    None
}

/// A speech cue in sentence `sentence` outside quotations with a mention as
/// its subject; the one nearest to byte `near`.
pub fn sentence_cue(doc: &Document, sentence: usize, near: usize) -> Option<Found> {
    let s = doc.seg.sentences.get(sentence)?;
    // look at most 60 tokens either side of the quotation (linear time on
    // run-on text; news sentences are shorter)
    let centre = doc.token_at(near);
    let lo = doc.token_at(s.start).max(centre.saturating_sub(60));
    let hi = doc.token_at(s.end).min(centre + 60);
    let mut best: Option<(usize, Found)> = None;
    for k in lo..hi {
        let Some((cue, lemma, after)) = cue_at(doc, k) else {
            continue;
        };
        if doc.in_quote(cue) {
            continue;
        }
        // ", adding/presenting/saying …": a participle takes the sentence's subject
        let participle =
            k > lo && word(doc, k - 1) == "," && doc.tokens[k].text(doc.text).ends_with("ing");
        let sentence_subject = || first_subject_before(doc, k, false);
        let found = subject_before(doc, k)
            .or_else(|| if participle { sentence_subject() } else { None })
            .map(|m| (m, doc.mentions[m].first_token))
            .or_else(|| {
                // `“…,” said Lee, a nurse who called it “a mess”`: an inverted
                // cue right after a quotation is that quotation's; a later
                // fragment sits in the speaker's apposition
                let taken = near > cue.start && closes_quotation(&doc.text[..cue.start]);
                doc.mention_at_token(after)
                    .filter(|&m| !doc.mentions[m].in_quote && lemma != "tell" && !taken)
                    .map(|m| (m, k))
            });
        if let Some((m, st)) = found {
            let d = cue.start.abs_diff(near);
            let f = Found {
                mention: m,
                cue,
                lemma,
                addressee: addressee_after(doc, lemma, after),
                end_token: after,
                start_token: st,
            };
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, f));
            }
        }
    }
    best.map(|(_, f)| f)
}

/// Whether `before` ends with a closing quotation mark, with a comma before
/// or after it (`…,”` or `…”,`) or with the question or exclamation mark
/// inside it: the words after it are that quotation's attribution.
fn closes_quotation(before: &str) -> bool {
    let t = before.trim_end();
    let t = t.strip_suffix(',').unwrap_or(t).trim_end();
    let Some(inner) = t
        .strip_suffix(['”', '"', '’', '»'])
        .or_else(|| t.strip_suffix("''"))
    else {
        return false;
    };
    inner.ends_with([',', '?', '!']) || before.trim_end().ends_with(',')
}

fn apply(doc: &Document, q: &mut Utterance, f: &Found, method: &'static str) {
    let m = &doc.mentions[f.mention];
    q.mention = Some(m.span);
    q.speaker = doc.speaker_of(f.mention);
    q.cue = Some(f.cue);
    q.cue_lemma = Some(f.lemma.to_string());
    q.addressee = f.addressee.and_then(|a| doc.speaker_of(a));
    q.method = method;
    q.confidence = match method {
        "cue_after" | "cue_before" | "cue_inside" => 0.9,
        "sentence_cue" => 0.75,
        _ => 0.6,
    };
    if matches!(m.kind, MentionKind::Pronoun { .. }) && q.speaker.is_none() {
        q.confidence = 0.3;
    }
}

fn first_token_of(doc: &Document, q: &Utterance) -> usize {
    doc.token_at(q.marks.first().map_or(q.span.start, |m| m.start))
}

fn after_token_of(doc: &Document, q: &Utterance) -> usize {
    doc.token_at(q.marks.last().map_or(q.span.end, |m| m.end))
}

/// Run detection refinement and the sieves over the quotations of one article.
pub fn run(doc: &Document, quotes: &mut Vec<Utterance>) {
    merge_interrupted(doc, quotes);
    transcript_speakers(doc, quotes);
    let detected: Vec<&'static str> = quotes.iter().map(|q| q.method).collect();
    for qi in 0..quotes.len() {
        if quotes[qi].speaker.is_some() || quotes[qi].mention.is_some() {
            continue;
        }
        for sieve in DEFAULT_SIEVES {
            let found = match sieve {
                Sieve::CueAfter => {
                    let q = &quotes[qi];
                    let last_sentence = doc.seg.sentence_at(q.span.end.saturating_sub(1));
                    attribution_after(doc, after_token_of(doc, q), last_sentence)
                        .map(Outcome::Found)
                }
                Sieve::CueBefore => {
                    let first = first_token_of(doc, &quotes[qi]);
                    attribution_before(doc, first)
                        .or_else(|| headline_colon(doc, first))
                        .or_else(|| subject_colon(doc, first))
                        .or_else(|| inverted_said(doc, first))
                        .or_else(|| subject_verb_colon(doc, first))
                        .or_else(|| {
                            // "Lee said:¶“…”": the attribution ends the paragraph before
                            let q = &quotes[qi];
                            let p = doc.seg.paragraphs[q.paragraph];
                            let starts = q.marks.first().is_some_and(|m| m.start == p.start);
                            (starts && first > 0 && word(doc, first - 1) == ":")
                                .then(|| attribution_before(doc, first - 1))
                                .flatten()
                        })
                        .map(Outcome::Found)
                }
                Sieve::SentenceCue => {
                    let q = &quotes[qi];
                    sentence_cue(doc, q.sentence, q.span.start).map(Outcome::Found)
                }
                Sieve::SameParagraph => {
                    // a fragment in the sentence of the quotation before sits
                    // in its attribution (`“…,” said Lee, who called it “a
                    // mess”`) and has no cue of its own
                    let (p, s) = (quotes[qi].paragraph, quotes[qi].sentence);
                    let first = first_token_of(doc, &quotes[qi]);
                    let fragment = first > 0 && doc.tokens[first - 1].kind == TokenKind::Word;
                    (0..qi)
                        .rev()
                        .take(LOOKBACK_QUOTES)
                        .take_while(|&k| quotes[k].paragraph == p)
                        .find(|&k| quotes[k].speaker.is_some())
                        .filter(|&k| {
                            !fragment
                                || doc.seg.sentence_at(quotes[k].span.end.saturating_sub(1)) < s
                        })
                        .map(Outcome::CopyFrom)
                }
                Sieve::Introduced => {
                    let q = &quotes[qi];
                    let p = doc.seg.paragraphs[q.paragraph];
                    let starts_paragraph = q.marks.first().is_some_and(|m| m.start == p.start);
                    let prev_has_quote = qi > 0 && quotes[qi - 1].paragraph + 1 == q.paragraph;
                    match q.paragraph.checked_sub(1) {
                        Some(pp) if starts_paragraph && !prev_has_quote => {
                            let prev = doc.seg.paragraphs[pp];
                            (prev.end_sentence > prev.first_sentence)
                                .then(|| sentence_cue(doc, prev.end_sentence - 1, prev.end))
                                .flatten()
                                .map(Outcome::Found)
                        }
                        _ => None,
                    }
                }
                Sieve::PreviousSentence => {
                    let q = &quotes[qi];
                    let opens_sentence = q
                        .marks
                        .first()
                        .is_some_and(|m| m.start == doc.seg.sentences[q.sentence].start);
                    let prev = q.sentence.checked_sub(1);
                    // the sentence before holds no quotation (its own would be the
                    // antecedent, and that is the Continuation's business)
                    let prev_quoted = qi > 0
                        && prev
                            .is_some_and(|p| quotes[qi - 1].span.end > doc.seg.sentences[p].start);
                    match prev {
                        Some(ps)
                            if opens_sentence
                                && !prev_quoted
                                && doc.seg.sentences[ps].paragraph == q.paragraph =>
                        {
                            sentence_cue(doc, ps, doc.seg.sentences[ps].end).map(Outcome::Found)
                        }
                        _ => None,
                    }
                }
                Sieve::Continuation => {
                    let q = &quotes[qi];
                    let p = doc.seg.paragraphs[q.paragraph];
                    let starts_paragraph = q.marks.first().is_some_and(|m| m.start == p.start);
                    let prev_para = q.paragraph.checked_sub(1);
                    match (starts_paragraph, prev_para) {
                        (true, Some(pp)) => (0..qi)
                            .rev()
                            .take(LOOKBACK_QUOTES)
                            .take_while(|&k| quotes[k].paragraph >= pp)
                            .find(|&k| quotes[k].paragraph == pp && quotes[k].speaker.is_some())
                            .map(Outcome::CopyFrom),
                        _ => None,
                    }
                }
            };
            if let Some(outcome) = found {
                match outcome {
                    Outcome::CopyFrom(k) => {
                        let src = quotes[k].clone();
                        let q = &mut quotes[qi];
                        q.speaker = src.speaker;
                        q.mention = src.mention;
                        q.addressee = None;
                        q.method = sieve.id();
                        q.confidence = 0.6;
                    }
                    Outcome::Found(f) => apply(doc, &mut quotes[qi], &f, sieve.id()),
                }
                break;
            }
        }
    }
    // keep how the marks were paired visible when they were repaired
    for (q, d) in quotes.iter_mut().zip(detected) {
        if d != "marks" && d != "marks_multi_paragraph" && !q.method.ends_with(d) {
            if q.method.starts_with("marks") {
                q.method = d;
            } else {
                q.method = match (q.method, d) {
                    (m, "marks_unclosed") => unclosed_variant(m),
                    (m, "marks_unopened") => unopened_variant(m),
                    (m, _) => m,
                };
            }
        } else if q.speaker.is_none() && q.mention.is_none() && q.method.starts_with("marks") {
            q.method = if d == "marks" { "unattributed" } else { d };
        }
    }
    merge_same_speaker_runs(doc, quotes);
    classify(doc, quotes);
    merge_continued_paragraphs(doc, quotes);
}

/// `“A,” Lee said.¶“B.”`: a paragraph that is nothing but a quotation
/// continuing the speaker of the quotation just before it, at the end of the
/// previous paragraph, goes on with the same utterance; it joins it as
/// another part (annotated corpora mostly give the pair one content). Only
/// whole utterances join: a fragment of paraphrase before is its own claim.
fn merge_continued_paragraphs(doc: &Document, quotes: &mut Vec<Utterance>) {
    // the paragraph of the last part joined to the run (a run of them chains)
    let mut last_paragraph = quotes.first().map_or(0, |q| q.paragraph);
    merge_runs(doc, quotes, |a, b| {
        let para_end = doc.seg.paragraphs[b.paragraph].end;
        let fills_paragraph = b.marks.last().is_some_and(|m| {
            m.end <= para_end
                && doc.text[m.end..para_end]
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ')'))
        });
        let joinable = b.method == "continuation"
            && fills_paragraph
            && last_paragraph + 1 == b.paragraph
            && a.kind == Kind::Direct
            && b.kind == Kind::Direct
            && a.speaker == b.speaker
            && a.mention.is_some();
        last_paragraph = b.paragraph;
        if joinable {
            Run::Join
        } else {
            Run::Start
        }
    });
}

/// `“A,” said Lee, an economist who … . “B.”`: a quotation with no cue of its
/// own that follows an attributed one in the same paragraph continues the
/// same utterance; it joins it as another part (annotated corpora treat the
/// pair as one content).
fn merge_same_speaker_runs(doc: &Document, quotes: &mut Vec<Utterance>) {
    merge_runs(doc, quotes, |a, b| {
        // a title between two quotations ("said on the network's “Morning
        // Hour”. “…”") is dropped later by `classify`: it neither joins nor
        // takes the following quotation
        if word_count_upto(doc.text, b.span, CLASSIFY_WORDS) <= 8
            && is_title(doc, b, first_token_of(doc, b))
        {
            return Run::Skip;
        }
        // a fragment inside a sentence of paraphrase ("his criticism of
        // “New York values.”") is a label of its own, not more of the speech
        let first = first_token_of(doc, b);
        let fragment = first > 0
            && doc.tokens[first - 1].kind == TokenKind::Word
            && doc.token_sentence[first - 1] == doc.token_sentence[first];
        let joinable = b.method == "same_paragraph"
            && !fragment
            && a.paragraph == b.paragraph
            && a.speaker == b.speaker
            && a.parts.len() + b.parts.len() <= 4;
        if joinable {
            Run::Join
        } else {
            Run::Start
        }
    });
}

/// What a merge pass does with a quotation, given the row that heads the
/// current run.
enum Run {
    /// Join the run as another part.
    Join,
    /// Head a new run.
    Start,
    /// Neither: leave it alone, the run goes on after it.
    Skip,
}

/// Join runs of quotations into the row heading each, as `decide` says for
/// each quotation after the head; rows are removed once at the end, so long
/// runs stay linear.
fn merge_runs(
    doc: &Document,
    quotes: &mut Vec<Utterance>,
    mut decide: impl FnMut(&Utterance, &Utterance) -> Run,
) {
    if quotes.len() < 2 {
        return;
    }
    let mut keep = vec![true; quotes.len()];
    let mut prev = 0;
    for i in 1..quotes.len() {
        match decide(&quotes[prev], &quotes[i]) {
            Run::Join => {
                let (head, tail) = quotes.split_at_mut(i);
                join(doc, &mut head[prev], &mut tail[0]);
                keep[i] = false;
            }
            Run::Start => prev = i,
            Run::Skip => {}
        }
    }
    let mut k = keep.iter();
    quotes.retain(|_| *k.next().unwrap_or(&true));
}

/// Move the parts of `b` to the end of `a`.
fn join(doc: &Document, a: &mut Utterance, b: &mut Utterance) {
    a.parts.append(&mut b.parts);
    a.marks.append(&mut b.marks);
    a.span.end = b.span.end;
    a.text = a
        .parts
        .iter()
        .map(|p| p.text(doc.text))
        .collect::<Vec<_>>()
        .join(" ");
}

fn unclosed_variant(m: &'static str) -> &'static str {
    match m {
        "cue_after" => "cue_after+unclosed",
        "cue_before" => "cue_before+unclosed",
        "cue_inside" => "cue_inside+unclosed",
        "sentence_cue" => "sentence_cue+unclosed",
        "same_paragraph" => "same_paragraph+unclosed",
        "continuation" => "continuation+unclosed",
        "introduced" => "introduced+unclosed",
        _ => "marks_unclosed",
    }
}

fn unopened_variant(m: &'static str) -> &'static str {
    match m {
        "cue_after" => "cue_after+unopened",
        "cue_before" => "cue_before+unopened",
        "sentence_cue" => "sentence_cue+unopened",
        "same_paragraph" => "same_paragraph+unopened",
        "continuation" => "continuation+unopened",
        "introduced" => "introduced+unopened",
        _ => "marks_unopened",
    }
}

/// Transcripts: a quotation that opens with `NAME:` in capitals
/// (`“LEE: We are ready.”`) is said by NAME; the content starts after the colon.
fn transcript_speakers(doc: &Document, quotes: &mut [Utterance]) {
    for q in quotes.iter_mut() {
        if q.parts.len() != 1 || q.mention.is_some() {
            continue;
        }
        let part = q.parts[0];
        let t = part.text(doc.text);
        let Some(colon) = t.find(':') else { continue };
        let head = &t[..colon];
        let words: Vec<&str> = head.split_whitespace().collect();
        let caps = !words.is_empty()
            && words.len() <= 3
            && words.iter().all(|w| {
                w.chars().any(char::is_alphabetic)
                    && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
                    && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            });
        if !caps {
            continue;
        }
        let name_span = Span::new(part.start, part.start + head.trim_end().len());
        let Some(m) = doc.mention_with_span(name_span).or_else(|| {
            let k = doc
                .mentions
                .partition_point(|m| m.span.start < name_span.start);
            doc.mentions
                .get(k)
                .filter(|m| m.span.start == name_span.start && m.span.end <= name_span.end)
                .map(|_| k)
        }) else {
            continue;
        };
        let rest = &t[colon + 1..];
        let content_start = part.start + colon + 1 + (rest.len() - rest.trim_start().len());
        if content_start >= part.end {
            continue;
        }
        q.parts[0].start = content_start;
        q.span.start = content_start;
        q.text = Span::new(content_start, part.end)
            .text(doc.text)
            .to_string();
        q.mention = Some(doc.mentions[m].span);
        q.speaker = doc.speaker_of(m);
        q.cue = Some(Span::new(part.start + colon, part.start + colon + 1));
        q.cue_lemma = Some(":".to_string());
        q.method = "transcript";
        q.confidence = 0.8;
    }
}

/// Words that open a circumstance of a saying after its cue: "said to
/// reporters", "said in an interview", "shouted as she left".
const CIRCUMSTANCE_OPENERS: &[&str] = &[
    "to", "in", "on", "at", "from", "with", "during", "after", "before", "as", "while", "when",
    "through", "via", "outside", "inside",
];

/// Whether the words from token `k` to the end of its sentence are a short
/// circumstance of a saying (`to the radio.`, `on Tuesday.`), not a
/// statement of their own: four words at most, opened by a preposition or a
/// weekday, with no word of a new clause or quotation in them.
fn short_circumstance(doc: &Document, k: usize) -> bool {
    let opener = low(doc, k);
    if !CIRCUMSTANCE_OPENERS.contains(&opener) && !is_weekday(opener) {
        return false;
    }
    let sentence = doc.token_sentence[k];
    // a time clause with its own subject ("as she opened the session",
    // "while the crowd cheered") tells when it was said: a little longer
    let limit = if matches!(opener, "as" | "while" | "when")
        && doc
            .mention_at_token(k + 1)
            .is_some_and(|m| !doc.mentions[m].possessive)
    {
        8
    } else {
        4
    };
    let mut words = 0;
    for j in k..doc.tokens.len() {
        if doc.token_sentence[j] != sentence {
            return true;
        }
        let w = word(doc, j);
        if is_punct(doc, j) {
            if matches!(w, "." | "!" | "?") {
                return true;
            }
            continue;
        }
        words += 1;
        if words > limit || matches!(w, "that" | "and" | "but") {
            return false;
        }
    }
    true
}

/// Prepositions that put a name in the circumstances of an attribution
/// ("on Channel 4", "to the council", "at Harbour Hall") or in its topic
/// ("said of Lee", "said about Lee"), not in its subject.
const MEDIUM_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "to", "from", "with", "during", "of", "about",
];

/// `“We won,” she said, “and we will win again.”`: two quotations separated
/// only by their attribution become one row with two parts.
fn merge_interrupted(doc: &Document, quotes: &mut Vec<Utterance>) {
    let mut keep = vec![true; quotes.len()];
    let mut i = 0;
    while i + 1 < quotes.len() {
        let (a, b) = (&quotes[i], &quotes[i + 1]);
        if a.paragraph != b.paragraph {
            i += 1;
            continue;
        }
        let after_a = after_token_of(doc, a);
        let open_b = first_token_of(doc, b);
        let last_sentence = doc.seg.sentence_at(a.span.end.saturating_sub(1));
        if let Some(f) = attribution_after(doc, after_a, last_sentence) {
            // between the attribution and the next mark: punctuation and at most
            // a short phrase without a cue or another speaker ("she said, clapping.");
            // a name after a preposition is a place or a medium, not a
            // speaker ("she said on Channel 4, “…”")
            let rest_ok = open_b >= f.end_token
                && open_b - f.end_token <= 7
                && (f.end_token..open_b).all(|k| {
                    doc.cue_at_token(k).is_none()
                        && doc.mention_at_token(k).is_none_or(|m| {
                            let first = doc.mentions[m].first_token;
                            matches!(doc.mentions[m].kind, MentionKind::Role(_))
                                || (first > f.end_token
                                    && MEDIUM_PREPOSITIONS.contains(&low(doc, first - 1)))
                        })
                });
            // the second quotation must stand alone, not open a paraphrase
            // ("“…,” Lee said. “Cut costs” to survive, she argued.")
            let after_b = after_token_of(doc, &quotes[i + 1]);
            let b_embedded = doc.tokens.get(after_b).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.text(doc.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
            }) && doc.token_sentence.get(after_b)
                == doc.token_sentence.get(open_b)
                && attribution_after(doc, after_b, doc.token_sentence[after_b]).is_none();
            // the second quotation has an attribution of its own ("“…,” Lee
            // said. “…,” Kim added."): a second utterance
            let b_attributed = || {
                let b_last = doc
                    .seg
                    .sentence_at(quotes[i + 1].span.end.saturating_sub(1));
                attribution_after(doc, after_b, b_last).is_some()
            };
            if rest_ok && !b_embedded && !b_attributed() {
                let (head, tail) = quotes.split_at_mut(i + 1);
                join(doc, &mut head[i], &mut tail[0]);
                apply(doc, &mut head[i], &f, "cue_inside");
                keep[i + 1] = false;
                // one interruption per utterance: the next pair starts after b
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    let mut k = keep.iter();
    quotes.retain(|_| *k.next().unwrap_or(&true));
}

/// A name of a work in quotation marks: its words are capitalised and it
/// follows a possessive ("the network's “Evening Hour”") or a word that
/// announces a title ("the book “Rivers of Salt”"), lexicons/title_nouns.txt.
fn is_title(doc: &Document, q: &Utterance, first: usize) -> bool {
    if first == 0 {
        return false;
    }
    let before = word(doc, first - 1);
    let announced = before.ends_with("'s")
        || before.ends_with("’s")
        || super::lexicons::lexicons()
            .title_nouns
            .contains(low(doc, first - 1));
    if !announced {
        return false;
    }
    // every word of four letters or more is capitalised (short function
    // words are not: "Rivers of Salt")
    let mut words = q
        .text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty());
    let Some(head) = words.next() else {
        return false;
    };
    head.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && words.all(|w| {
            w.chars().count() < 4
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// The tests of [`classify`] tell quotations of up to 8 words apart: a
/// count stopping at 9 decides the same as the full one.
const CLASSIFY_WORDS: usize = 9;

/// [`crate::quotes::word_count`] of `span`, stopping at `cap`: counting
/// every word of every long quotation was most of the cost of [`classify`].
fn word_count_upto(text: &str, span: Span, cap: usize) -> usize {
    let s = span.text(text);
    if !s.is_ascii() {
        return s
            .split_whitespace()
            // ASCII letters and digits without decoding; other words are decoded
            .filter(|w| {
                w.bytes().any(|b| b.is_ascii_alphanumeric())
                    || (!w.is_ascii() && w.chars().any(char::is_alphanumeric))
            })
            .take(cap)
            .count();
    }
    // ASCII (most quotations): the same count byte by byte, where
    // `split_whitespace` decodes every character
    let mut n = 0;
    let mut alnum = false;
    for &b in s.as_bytes() {
        if b.is_ascii_whitespace() || b == 0x0b {
            if alnum {
                n += 1;
                if n == cap {
                    return n;
                }
            }
            alnum = false;
        } else if b.is_ascii_alphanumeric() {
            alnum = true;
        }
    }
    (n + usize::from(alnum)).min(cap)
}

/// Does a verb of saying that takes a quotation as its object end at token
/// `k` ("declared", "by saying")? Naming verbs ("called", "described";
/// `lexicons/naming_cues.txt`) take a fragment instead and do not count.
fn cue_ends_at(doc: &Document, k: usize) -> bool {
    // a cue is a few words long: look at the cues starting just before `k`
    (k.saturating_sub(3)..=k)
        .filter_map(|i| doc.cue_at_token(i))
        .any(|c| {
            c.class == CueClass::Speech
                && c.span.end == doc.tokens[k].end
                && !super::lexicons::lexicons().naming_cues.contains(c.lemma)
        })
}

/// Does a byline start at token `k` (`, by Jane Doe`, `by the Post's Jane
/// Doe`): an optional comma, then "by" and a capitalised word?
fn followed_by_byline(doc: &Document, k: usize) -> bool {
    let k = if k < doc.tokens.len() && word(doc, k) == "," {
        k + 1
    } else {
        k
    };
    let capitalised =
        |j: usize| j < doc.tokens.len() && word(doc, j).starts_with(char::is_uppercase);
    k + 1 < doc.tokens.len()
        && word(doc, k) == "by"
        && ((doc.token_sentence[k] == doc.token_sentence[k - 1] && capitalised(k + 1))
            || (low(doc, k + 1) == "the" && capitalised(k + 2)))
}

/// Kind (direct or mixed) and scare quotes: a short quotation that is not a
/// sentence and that no cue attributes is a term or a title, not speech.
fn classify(doc: &Document, quotes: &mut Vec<Utterance>) {
    quotes.retain_mut(|q| {
        let words = word_count_upto(doc.text, q.span, CLASSIFY_WORDS);
        // American style puts a period inside the marks even after a single
        // word ("true."), so final punctuation alone does not make a sentence
        let sentence_like = q
            .text
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with(['.', '!', '?', ',', '…', ':', ';'])
            && words >= 5;
        let attributed = q.mention.is_some();
        let first = first_token_of(doc, q);
        let after = after_token_of(doc, q);
        let s = doc.seg.sentences[q.sentence];
        // a window of the sentence is enough to judge the context, and keeps
        // a huge run-on sentence with many quotations linear
        let sent_first = doc.token_at(s.start).max(first.saturating_sub(40));
        // the text before the opening mark in the same sentence
        let left_empty =
            (sent_first..first).all(|k| word(doc, k).chars().all(|c| !c.is_alphanumeric()));
        let left_intro =
            sent_first < first && matches!(word(doc, first - 1), ":" | "," | "—" | "–");
        let sent_end = doc.token_at(s.end);
        let last_end = doc.seg.sentences[doc.seg.sentence_at(q.span.end.saturating_sub(1))].end;
        let right_end = doc.token_at(last_end).max(sent_end);
        // a speech verb right after the quotation attributes it, even to a
        // speaker no mention names ("“…,” said the man at the gate.")
        let right_continues = after < right_end
            && !is_punct(doc, after)
            && !matches!(q.method, "cue_after" | "cue_inside")
            && doc
                .cue_at_token(after)
                .is_none_or(|c| c.class != CueClass::Speech)
            && word(doc, after)
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase())
            && attribution_after(
                doc,
                after,
                doc.token_sentence.get(after).copied().unwrap_or(0),
            )
            .is_none();
        // "she declared “What a night!”", "ended by saying “Never again.”": a
        // verb of saying right before the marks takes the quotation as its
        // object, so it is the whole utterance, not a fragment of paraphrase
        let left_speech = first > sent_first && {
            let k = if matches!(word(doc, first - 1), "," | ":") {
                first - 1
            } else {
                first
            };
            k > sent_first && cue_ends_at(doc, k - 1)
        };
        // "said, “We’ll see,” when asked …": an introduced quotation closed
        // by its own punctuation is whole; what follows tells of the saying
        let closed = q
            .text
            .trim_end_matches(['"', '\'', '”', '’'])
            .ends_with(['.', '!', '?', ',']);
        let introduced = left_intro || left_speech;
        let mixed = (!left_empty && !introduced) || (right_continues && !(introduced && closed));
        // "so-called" marks a term, whoever used it
        if words <= 4 && first > 0 && word(doc, first - 1).eq_ignore_ascii_case("so-called") {
            return false;
        }
        // "“Rivers of Salt,” by Jane Doe": a byline names the author of a
        // work, so the quotation is its title (a headline, a book), not speech;
        // the comma sets the byline off ("“…” by the council" is an agent)
        let comma_before = q
            .text
            .trim_end_matches(['"', '\'', '”', '’'])
            .ends_with(',')
            || (after < doc.tokens.len() && word(doc, after) == ",");
        if comma_before && followed_by_byline(doc, after) {
            return false;
        }
        if words <= 8 && is_title(doc, q, first) {
            return false;
        }
        if words <= 4
            && !sentence_like
            && !(attributed && (q.method == "sentence_cue" || q.method.starts_with("cue")))
        {
            return false; // scare quote, title or term
        }
        if mixed && !attributed && words <= 8 {
            return false;
        }
        // a quotation left open and attributed to nobody is more often a
        // stray mark than speech
        if !attributed && q.method.contains("unclosed") {
            return false;
        }
        q.kind = if mixed { Kind::Mixed } else { Kind::Direct };
        true
    });
}
