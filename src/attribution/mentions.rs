//! Mentions of who may speak: person and organisation names (with titles),
//! role nouns ("the Russian President", "officials") and pronouns.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::lexicons::{lexicons, RoleClass};
use crate::lexicon::lower;
use crate::model::Span;
use crate::text::{Lowered, Token, TokenKind};

/// What kind of mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A person's name ("Jane Doe", "Doe", "Mr. Doe").
    Person,
    /// An organisation or place name ("the Kremlin", "Acme Corp").
    Org,
    /// A role noun phrase; its class says whether it can be one person.
    Role(RoleClass),
    /// he / she (singular) or they (plural).
    Pronoun { plural: bool },
}

/// One mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The mention as written, with its title or determiner ("Mr. Doe", "the minister").
    pub span: Span,
    /// For names: the bare name without title, demonym or possessive ("Doe").
    pub name: Span,
    pub kind: MentionKind,
    /// Role stated by a title or role noun ("president", "foreign minister").
    pub role: Option<String>,
    /// Country stated by a demonym ("Syrian" → Syria).
    pub country: Option<&'static str>,
    /// Sentence index.
    pub sentence: usize,
    /// Index of the first token.
    pub first_token: usize,
    /// One past the last token.
    pub end_token: usize,
    /// Written as a possessive ("Doe's").
    pub possessive: bool,
    /// Lies inside a quotation (filled by the caller).
    pub in_quote: bool,
    /// Entity it refers to (filled by coreference).
    pub entity: Option<usize>,
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our", "one",
    "two", "three", "several", "some", "many", "other", "another", "senior", "top", "former",
];
/// Words that never modify a role noun (prepositions, conjunctions, auxiliaries).
const STOP: &[&str] = &[
    "to", "of", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "as", "than",
    "that", "which", "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
    "would", "not", "no", "if", "when", "while", "the", "a", "an", "this", "these", "those", "it",
    "its", "they", "them", "we", "us", "he", "she", "said", "says",
];
/// Generational suffixes after a surname.
const NAME_SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "de", "del", "della", "der", "van", "von", "da", "di", "du",
    "la", "le", "dos", "das", "ben", "af", "zu",
];

/// What a lowercase word is to the mention finder, one bit per word list:
/// a token is looked up once per article, not once per list and visit
/// (the role-phrase scan alone visits most tokens up to five times).
mod flag {
    pub const DETERMINER: u8 = 1;
    pub const STOP: u8 = 2;
    /// A one-word form of a reporting cue.
    pub const CUE: u8 = 4;
    /// A role noun (one- or two-word key).
    pub const ROLE: u8 = 8;
    /// The first word of a two-word role noun.
    pub const ROLE_FIRST: u8 = 16;
    /// The lowercase form of a demonym: only these need the (case-sensitive)
    /// demonym lookup.
    pub const DEMONYM: u8 = 32;
}

/// Word-list flags by lowercase word. Most words have at most 7 bytes: those
/// are keys packed into an integer (one multiply to hash, no string compare).
struct WordTable {
    short: FxHashMap<u64, u8>,
    long: FxHashMap<Box<str>, u8>,
}

/// `w` packed with its length when it has at most 7 bytes.
#[inline]
fn pack(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.len() > 7 {
        return None;
    }
    // byte `n` of the word at bits 8n.. (a short variable-length copy would
    // call memcpy): two overlapping loads of 4 bytes from 4 bytes on, three
    // single bytes below; overlapping bytes are the same, so OR joins them
    let n = b.len();
    let k = if n >= 4 {
        let word =
            |at: usize| u64::from(u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]));
        word(0) | word(n - 4) << (8 * (n - 4))
    } else if n > 0 {
        u64::from(b[0])
            | u64::from(b[n / 2]) << (8 * (n / 2))
            | u64::from(b[n - 1]) << (8 * (n - 1))
    } else {
        0
    };
    Some(k | (n as u64) << 56)
}

impl WordTable {
    fn new() -> WordTable {
        WordTable {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }

    fn add(&mut self, w: &str, f: u8) {
        match pack(w) {
            Some(k) => *self.short.entry(k).or_default() |= f,
            None => *self.long.entry(w.into()).or_default() |= f,
        }
    }

    fn get(&self, w: &str) -> u8 {
        match pack(w) {
            Some(k) => self.short.get(&k),
            None => self.long.get(w),
        }
        .copied()
        .unwrap_or(0)
    }
}

fn word_table() -> &'static WordTable {
    static T: OnceLock<WordTable> = OnceLock::new();
    T.get_or_init(|| {
        let lex = lexicons();
        let mut t = WordTable::new();
        let mut add = |w: &str, f: u8| t.add(w, f);
        DETERMINERS.iter().for_each(|w| add(w, flag::DETERMINER));
        STOP.iter().for_each(|w| add(w, flag::STOP));
        super::cues::cue_words().for_each(|w| add(w, flag::CUE));
        lex.roles.keys().for_each(|w| add(w, flag::ROLE));
        lex.role_first_words
            .iter()
            .for_each(|w| add(w, flag::ROLE_FIRST));
        lex.demonyms
            .keys()
            .for_each(|w| add(&w.to_lowercase(), flag::DEMONYM));
        t
    })
}

/// The flags of lowercase word `lw`.
fn word_flags(lw: &str) -> u8 {
    word_table().get(lw)
}

/// What a word as written is to the name finder, one bit per
/// case-sensitive word list: a name word is looked up once, not once per
/// list (a capitalised word asked up to eight of them).
mod exact {
    pub const NON_NAME: u8 = 1;
    /// A title key (one word or several).
    pub const TITLE: u8 = 2;
    pub const TITLE_FIRST: u8 = 4;
    /// A demonym key (one word or several).
    pub const DEMONYM: u8 = 8;
    pub const DEMONYM_FIRST: u8 = 16;
    pub const COUNTRY: u8 = 32;
    pub const ORG: u8 = 64;
}

/// The case-sensitive flags of word `w`.
fn exact_flags(w: &str) -> u8 {
    static T: OnceLock<WordTable> = OnceLock::new();
    T.get_or_init(|| {
        let lex = lexicons();
        let mut t = WordTable::new();
        let mut add = |w: &str, f: u8| t.add(w, f);
        lex.non_names.iter().for_each(|w| add(w, exact::NON_NAME));
        lex.titles.keys().for_each(|w| add(w, exact::TITLE));
        lex.title_first_words
            .iter()
            .for_each(|w| add(w, exact::TITLE_FIRST));
        lex.demonyms.keys().for_each(|w| add(w, exact::DEMONYM));
        lex.demonym_first_words
            .iter()
            .for_each(|w| add(w, exact::DEMONYM_FIRST));
        lex.countries.iter().for_each(|w| add(w, exact::COUNTRY));
        lex.org_words.iter().for_each(|w| add(w, exact::ORG));
        t
    })
    .get(w)
}

/// The tokens of an article as the mention finder reads them: lowercase
/// forms and word-list flags, computed once per token.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub lower: Lowered,
    flags: Vec<u8>,
}

impl Words {
    /// For tokens of `text`, with room for about `tokens` of them.
    pub fn new(text: &str, tokens: usize) -> Words {
        Words {
            lower: Lowered::new(text, tokens),
            flags: Vec::with_capacity(tokens),
        }
    }

    /// Start over for the tokens of `text`, keeping the buffers' memory.
    pub fn reset(&mut self, text: &str) {
        self.lower.reset(text);
        self.flags.clear();
    }

    /// Bytes held by the buffers.
    pub fn capacity_bytes(&self) -> usize {
        self.lower.capacity_bytes() + self.flags.capacity()
    }

    /// Append `tokens` (the next tokens of `text`).
    pub fn extend(&mut self, text: &str, tokens: &[Token]) {
        let from = self.lower.len();
        self.lower.extend(text, tokens);
        // numbers and punctuation are in no word list (checked in the tests)
        for (i, t) in (from..).zip(tokens) {
            let f = match t.kind {
                TokenKind::Word => word_flags(self.lower.get(i)),
                _ => 0,
            };
            self.flags.push(f);
        }
    }

    #[inline]
    fn low(&self, i: usize) -> &str {
        self.lower.get(i)
    }

    #[inline]
    fn flags(&self, i: usize) -> u8 {
        self.flags[i]
    }

    #[inline]
    fn has(&self, i: usize, f: u8) -> bool {
        self.flags[i] & f != 0
    }
}

fn is_cap(w: &str) -> bool {
    match w.as_bytes().first() {
        // ASCII without decoding: `char::is_uppercase` is A-Z there
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(|c| c.is_uppercase()),
    }
}

/// Does the capitalised word at token `i` open a sentence-initial participle
/// clause ("Speaking to reporters, she …", "Growing up in Ohio, Lee …")?
/// Such a word is no name: it is a participle in -ing right at the start of
/// the sentence, followed by a preposition or a determiner, with the clause
/// closed by a comma soon after. A name in -ing that speaks ("Beijing said",
/// "Manning on Monday denied it") fails one of these tests.
fn opens_participle_clause(
    text: &str,
    toks: &[Token],
    i: usize,
    sent_from: usize,
    to: usize,
) -> bool {
    let w = toks[i].text(text);
    if i != sent_from || w.len() < 6 || !w.ends_with("ing") || i + 1 >= to {
        return false;
    }
    let next = toks[i + 1].text(text);
    let function_word = matches!(
        next,
        "to" | "up"
            | "in"
            | "at"
            | "on"
            | "out"
            | "with"
            | "about"
            | "from"
            | "for"
            | "into"
            | "through"
            | "over"
            | "after"
            | "back"
            | "down"
            | "off"
            | "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "this"
            | "that"
            | "these"
            | "those"
    );
    // "Facing mounting criticism, Lee …": a lowercase word may start the
    // participle's object too, unless it is a verb of the name ("Manning
    // said", "Golding has")
    let object_word = next.starts_with(|c: char| c.is_ascii_lowercase())
        && next.len() > 3
        && !next.ends_with("ly")
        && !matches!(
            next,
            "said"
                | "says"
                | "told"
                | "added"
                | "wrote"
                | "will"
                | "would"
                | "could"
                | "should"
                | "also"
                | "then"
        )
        && !next.ends_with("ed");
    (function_word || object_word) && (i + 2..to.min(i + 14)).any(|k| toks[k].text(text) == ",")
}

fn strip_possessive(w: &str) -> (&str, bool) {
    // every ending below ends in `s`, `'` or the last byte of `’`: most
    // words end otherwise and need no suffix test
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return (w, false);
    }
    for suf in ["'s", "’s", "'", "’"] {
        if let Some(s) = w.strip_suffix(suf) {
            if !s.is_empty() {
                return (s, true);
            }
        }
    }
    (w, false)
}

/// Find the mentions in the tokens `toks[from..to]` of one sentence;
/// `words` covers at least the tokens up to `to`. `scratch` is kept from
/// one sentence to the next.
#[allow(clippy::too_many_arguments)]
pub fn find_in_sentence<'t>(
    text: &'t str,
    toks: &[Token],
    words: &Words,
    from: usize,
    to: usize,
    sentence: usize,
    scratch: &mut NameScratch<'t>,
    out: &mut Vec<Mention>,
) {
    let lex = lexicons();
    let is_word = |i: usize| i < to && toks[i].kind == TokenKind::Word;
    let mut i = from;
    while i < to {
        let t = toks[i];
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let w = t.text(text);
        // pronouns
        match w {
            "he" | "He" | "she" | "She" | "they" | "They" => {
                out.push(Mention {
                    span: Span::new(t.start, t.end),
                    name: Span::new(t.start, t.end),
                    kind: MentionKind::Pronoun {
                        plural: w.eq_ignore_ascii_case("they"),
                    },
                    role: None,
                    country: None,
                    sentence,
                    first_token: i,
                    end_token: i + 1,
                    possessive: false,
                    in_quote: false,
                    entity: None,
                });
                i += 1;
                continue;
            }
            _ => {}
        }
        // a determiner opens a possible role phrase: the [modifiers] ROLE
        let lw = words.low(i);
        let fl = words.flags(i);
        if fl & flag::DETERMINER != 0 || (is_cap(w) && strip_possessive(w).1) {
            if let Some((m, next)) = role_phrase(text, toks, words, i, to, sentence) {
                out.push(m);
                i = next;
                continue;
            }
        }
        // contractions (We’re, I'll, Don't) are never names; an apostrophe
        // before a capital is part of one (O'Neal, D’Souza)
        let contraction = || {
            (w.contains('\'') || w.contains('’'))
                && !strip_possessive(w).1
                && !w
                    .split(['\'', '’'])
                    .nth(1)
                    .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        };
        if (is_cap(w) || (fl & flag::DEMONYM != 0 && lex.demonyms.contains_key(w)))
            && !contraction()
        {
            let (m, next) = name_sequence(text, toks, words, i, to, sentence, from, scratch);
            if let Some(m) = m {
                out.push(m);
            }
            i = next.max(i + 1);
            continue;
        }
        // bare plural role ("officials said", "analysts say")
        let role = match fl & flag::ROLE {
            0 => None,
            _ => lex.roles.get(lw),
        };
        if let Some(&(class, plural)) = role {
            if plural && !(i + 1 < to && is_word(i + 1) && words.has(i + 1, flag::ROLE)) {
                // lowercase modifiers before the noun belong to it ("port officials", "senior aides")
                let mut first = i;
                while first > from && i - first < 2 && toks[first - 1].kind == TokenKind::Word {
                    let pw = toks[first - 1].text(text);
                    if is_cap(pw) || words.has(first - 1, flag::STOP | flag::CUE) {
                        break;
                    }
                    first -= 1;
                }
                let start = toks[first].start;
                out.push(Mention {
                    span: Span::new(start, t.end),
                    name: Span::new(start, t.end),
                    kind: MentionKind::Role(class),
                    role: Some(lw.to_string()),
                    country: None,
                    sentence,
                    first_token: first,
                    end_token: i + 1,
                    possessive: false,
                    in_quote: false,
                    entity: None,
                });
            }
        }
        i += 1;
    }
}

/// `the [modifiers] ROLE [Name]` starting at determiner token `i`.
/// Returns the mention and the next token index.
fn role_phrase(
    text: &str,
    toks: &[Token],
    words: &Words,
    i: usize,
    to: usize,
    sentence: usize,
) -> Option<(Mention, usize)> {
    let lex = lexicons();
    let mut country = None;
    let mut j = i + 1;
    let mut head: Option<(usize, usize, RoleClass, String)> = None; // (first tok, end tok, class, role)
    while j < to && j <= i + 5 {
        let t = toks[j];
        if t.kind != TokenKind::Word {
            if t.text(text) == "-" {
                j += 1;
                continue;
            }
            break;
        }
        let w = t.text(text);
        let (bare, poss) = strip_possessive(w);
        // the lowercase bare word and its flags; a possessive is rare enough
        // to be lowered and looked up here
        let (lw, fl): (Cow<str>, u8) = if poss {
            let l = lower(bare);
            let f = word_flags(&l);
            (l, f)
        } else {
            (Cow::Borrowed(words.low(j)), words.flags(j))
        };
        // two-word roles first ("prime minister", "vice president")
        if j + 1 < to && toks[j + 1].kind == TokenKind::Word && fl & flag::ROLE_FIRST != 0 {
            let two = format!("{} {}", lw, words.low(j + 1));
            if let Some(&(class, _)) = lex.roles.get(two.as_str()) {
                head = Some((j, j + 2, class, two));
                j += 2;
                continue;
            }
        }
        if fl & flag::ROLE != 0 {
            if let Some(&(class, _)) = lex.roles.get(lw.as_ref()) {
                head = Some((j, j + 1, class, lw.into_owned()));
                j += 1;
                // a role noun followed by another role noun: the later one is the head
                continue;
            }
        }
        if head.is_some() {
            break;
        }
        if fl & flag::DEMONYM != 0 {
            if let Some(c) = lex.demonyms.get(bare) {
                country = Some(*c);
            }
        }
        if !is_cap(w) && words.has(j, flag::CUE) {
            break;
        }
        j += 1;
    }
    let (_, end_tok, class, role) = head?;
    let first = toks[i];
    let last = toks[end_tok - 1];
    let (last_text, possessive) = strip_possessive(last.text(text));
    let end_byte = last.start + last_text.len();
    // "of Syria" after the head states the country
    if country.is_none() && end_tok + 1 < to && toks[end_tok].text(text) == "of" {
        let mut k = end_tok + 1;
        if k < to && toks[k].text(text).eq_ignore_ascii_case("the") {
            k += 1;
        }
        if k < to {
            let w = toks[k].text(text);
            if lex.countries.contains(w) {
                country = lex.countries.get(w).copied();
            } else if let Some(c) = lex.demonyms.get(w) {
                country = Some(*c);
            }
        }
    }
    let span = Span::new(first.start, end_byte);
    Some((
        Mention {
            span,
            name: span,
            kind: MentionKind::Role(class),
            role: Some(role),
            country,
            sentence,
            first_token: i,
            end_token: end_tok,
            possessive,
            in_quote: false,
            entity: None,
        },
        end_tok,
    ))
}

/// A short parenthesised label made of capitalised words, initials and
/// punctuation right at token `i` ("(D-Ore.)", "(R)"): the token after its
/// closing bracket.
fn name_label(text: &str, toks: &[Token], i: usize, to: usize) -> Option<usize> {
    if i >= to || toks[i].text(text) != "(" {
        return None;
    }
    for (k, t) in toks.iter().enumerate().take(to.min(i + 8)).skip(i + 1) {
        let w = t.text(text);
        if w == ")" {
            return (k > i + 1).then_some(k + 1);
        }
        let ok = match t.kind {
            TokenKind::Word => is_cap(w),
            _ => matches!(w, "-" | "." | "," | "–"),
        };
        if !ok {
            return None;
        }
    }
    None
}

/// Buffers of the name finder, reused across the capitalised words of an
/// article: one allocation per article rather than per word or sentence.
#[derive(Default)]
pub struct NameScratch<'t> {
    /// Token indices of the name words.
    words: Vec<usize>,
    /// Their text without a possessive ending.
    bares: Vec<&'t str>,
    /// The [`exact`] flags of each bare word.
    exacts: Vec<u8>,
}

/// A capitalised sequence starting at token `i`: demonyms, titles, then a name.
#[allow(clippy::too_many_arguments)]
fn name_sequence<'t>(
    text: &'t str,
    toks: &[Token],
    words_of: &Words,
    i: usize,
    to: usize,
    sentence: usize,
    sent_from: usize,
    scratch: &mut NameScratch<'t>,
) -> (Option<Mention>, usize) {
    let lex = lexicons();
    // collect the sequence: cap words, particles between cap words, periods after titles/initials
    let mut j = i;
    let NameScratch {
        words,
        bares,
        exacts,
    } = scratch;
    words.clear();
    bares.clear();
    exacts.clear();
    let mut possessive = false;
    while j < to {
        let t = toks[j];
        let w = t.text(text);
        if t.kind == TokenKind::Word {
            let (bare, poss) = strip_possessive(w);
            // "Jr." / "III" close the name without being part of it (the
            // surname stays the last name word); the mention covers them
            if !words.is_empty() && NAME_SUFFIXES.contains(&bare) {
                j += 1;
                if j < to && toks[j].text(text) == "." && bare.ends_with('r') {
                    j += 1;
                }
                if poss {
                    possessive = true;
                }
                break;
            }
            // only a lowercase word needs the particle lists
            let lower_particle = || {
                PARTICLES.contains(&bare)
                    || bare
                        .split_once('-')
                        .is_some_and(|(p, _)| PARTICLES.contains(&p))
            };
            if is_cap(bare)
                || (lower_particle()
                    && !words.is_empty()
                    && j + 1 < to
                    && is_cap(toks[j + 1].text(text)))
                || (lower_particle() && bare.contains('-') && !words.is_empty())
            {
                words.push(j);
                bares.push(bare);
                exacts.push(exact_flags(bare));
                j += 1;
                if poss {
                    possessive = true;
                    break;
                }
                continue;
            }
            break;
        } else if w == "." && !words.is_empty() {
            // "Mr." / "J." inside a name
            let prev = toks[words[words.len() - 1]].text(text);
            if (lex.titles.contains_key(prev) || (prev.chars().count() == 1 && is_cap(prev)))
                && j + 1 < to
                && is_cap(toks[j + 1].text(text))
            {
                j += 1;
                continue;
            }
            break;
        } else {
            break;
        }
    }
    let next = j;
    if words.is_empty() {
        return (None, i + 1);
    }
    let wtext = |k: usize| bares[k];
    let has = |k: usize, f: u8| exacts[k] & f != 0;
    // leading non-name words ("However", "The", "In")
    let mut lead = 0;
    while lead < words.len() && has(lead, exact::NON_NAME) && !has(lead, exact::TITLE) {
        lead += 1;
    }
    if lead == 0 && words.len() == 1 && opens_participle_clause(text, toks, words[0], sent_from, to)
    {
        return (None, next);
    }
    if lead == words.len() {
        return (None, next);
    }
    let after_the = (lead > 0 && wtext(lead - 1).eq_ignore_ascii_case("the"))
        || (lead == 0
            && words[0] > sent_from
            && toks[words[0] - 1].text(text).eq_ignore_ascii_case("the"));
    let mut a = lead;
    // demonyms
    let mut country = None;
    while a < words.len() {
        if a + 1 < words.len() && has(a, exact::DEMONYM_FIRST) {
            let two = format!("{} {}", wtext(a), wtext(a + 1));
            if let Some(c) = lex.demonyms.get(two.as_str()) {
                country = Some(*c);
                a += 2;
                continue;
            }
        }
        let one = match has(a, exact::DEMONYM) {
            true => lex.demonyms.get(wtext(a)),
            false => None,
        };
        match one {
            Some(c) if a + 1 < words.len() => {
                country = Some(*c);
                a += 1;
            }
            _ => break,
        }
    }
    // titles (longest first)
    let mut role: Option<String> = None;
    let mut had_title = false;
    let mut cand = String::new();
    'titles: while a < words.len() {
        let longest = if has(a, exact::TITLE_FIRST) {
            lex.max_title_words
        } else {
            1
        };
        for n in (1..=longest.min(words.len() - a)).rev() {
            // one word (most candidates) is looked up as it is, when a title
            let key = if n == 1 {
                if !has(a, exact::TITLE) {
                    continue;
                }
                wtext(a)
            } else {
                cand.clear();
                for k in a..a + n {
                    if k > a {
                        cand.push(' ');
                    }
                    cand.push_str(wtext(k));
                }
                cand.as_str()
            };
            if let Some(r) = lex.titles.get(key) {
                if let Some(r) = r {
                    role = Some(r.to_string());
                }
                had_title = true;
                a += n;
                continue 'titles;
            }
        }
        break;
    }
    // "President of [the] Republic-of-X Jane Doe": title, of, a place, then the person
    if a == words.len() && had_title && next + 1 < to && toks[next].text(text) == "of" {
        let mut k = next + 1;
        if k < to && toks[k].text(text).eq_ignore_ascii_case("the") {
            k += 1;
        }
        if k < to && is_cap(toks[k].text(text)) {
            let (place, after) = name_sequence(
                text,
                toks,
                words_of,
                k,
                to,
                sentence,
                sent_from,
                &mut NameScratch::default(),
            );
            if let Some(place) = place {
                let place_words: Vec<&str> = place.name.text(text).split(' ').collect();
                // the place part ends at its last organisation/place word; the rest is a person
                if let Some(cut) = place_words.iter().rposition(|w| lex.org_words.contains(w)) {
                    if cut + 1 < place_words.len() {
                        let place_country = place_words[..=cut].iter().find_map(|w| {
                            lex.demonyms
                                .get(*w)
                                .copied()
                                .or_else(|| lex.countries.get(*w).copied())
                        });
                        let offset: usize = place_words[..=cut].iter().map(|w| w.len() + 1).sum();
                        let pstart = place.name.start + offset;
                        let person = Span::new(pstart, place.name.end);
                        let ft = toks.partition_point(|t| t.start < pstart);
                        return (
                            Some(Mention {
                                span: person,
                                name: person,
                                kind: MentionKind::Person,
                                role: role.clone().or(Some("president".into())),
                                country: place_country.or(place.country).or(country),
                                sentence,
                                first_token: ft,
                                end_token: after,
                                possessive: place.possessive,
                                in_quote: false,
                                entity: None,
                            }),
                            after,
                        );
                    }
                }
            }
        }
    }
    let rest: &[usize] = &words[a..];
    let first_tok = words[lead];
    let last_tok = toks[*words.last().unwrap()];
    let (last_bare, _) = strip_possessive(last_tok.text(text));
    let end_byte = last_tok.start + last_bare.len();

    if rest.is_empty() {
        // "the Russian President" / "President" alone: a role mention
        if let Some(r) = role.clone() {
            let det = if first_tok > sent_from && words_of.has(first_tok - 1, flag::DETERMINER) {
                first_tok - 1
            } else {
                first_tok
            };
            let span = Span::new(toks[det].start, end_byte);
            return (
                Some(Mention {
                    span,
                    name: span,
                    kind: MentionKind::Role(RoleClass::Person),
                    role: Some(r),
                    country,
                    sentence,
                    first_token: det,
                    end_token: next,
                    possessive,
                    in_quote: false,
                    entity: None,
                }),
                next,
            );
        }
        return (None, next);
    }
    // a name directly followed by a lowercase role noun is a modifier ("Kremlin spokesman")
    if next < to && toks[next].kind == TokenKind::Word && !possessive {
        let nw = toks[next].text(text);
        if lex.roles.contains_key(strip_possessive(nw).0) && !is_cap(nw) {
            if let Some((mut m, n2)) = role_phrase(text, toks, words_of, next - 1, to, sentence) {
                let det = if first_tok > sent_from && words_of.has(first_tok - 1, flag::DETERMINER)
                {
                    first_tok - 1
                } else {
                    first_tok
                };
                m.span.start = toks[det].start;
                m.name.start = toks[det].start;
                m.first_token = det;
                if m.country.is_none() {
                    m.country =
                        country.or_else(|| lex.countries.get(toks[rest[0]].text(text)).copied());
                }
                return (Some(m), n2);
            }
        }
    }
    // "in Virginia", "at Lakeside": after a locative preposition a bare name is a place
    let after_locative = !had_title
        && words[lead] > sent_from
        && matches!(
            toks[words[lead] - 1].text(text),
            "in" | "at" | "near" | "across" | "throughout" | "outside" | "inside" | "into"
        );
    // `rest` is `words[a..]`: its bare words and flags are from `a` on
    let place = has(a, exact::COUNTRY) && rest.len() == 1;
    let org = (a..words.len()).any(|k| has(k, exact::ORG))
        || (after_the && !had_title)
        || after_locative
        || place;
    let name = Span::new(toks[rest[0]].start, end_byte);
    if rest.len() == 1 && !had_title && name.text(text).chars().count() < 2 {
        return (None, next);
    }
    let kind = if org {
        MentionKind::Org
    } else {
        MentionKind::Person
    };
    let mut span = Span::new(
        toks[if had_title || country.is_some() {
            words[lead]
        } else {
            rest[0]
        }]
        .start,
        end_byte,
    );
    // a party and state label after a person's name belongs to the mention
    // ("Ann Lowe (D-Ore.) said"): the cue then follows it directly
    let mut next = next;
    if kind == MentionKind::Person && !possessive {
        if let Some(after) = name_label(text, toks, next, to) {
            span.end = toks[after - 1].end;
            next = after;
        }
    }
    let mut first_tok = first_tok;
    // "the Kremlin": the written mention keeps its article, the name does not
    if org
        && lead == 0
        && words[0] > sent_from
        && toks[words[0] - 1].text(text).eq_ignore_ascii_case("the")
    {
        span.start = toks[words[0] - 1].start;
        first_tok = words[0] - 1;
    }
    (
        Some(Mention {
            span,
            name,
            kind,
            role,
            country,
            sentence,
            first_token: first_tok,
            end_token: next,
            possessive,
            in_quote: false,
            entity: None,
        }),
        next,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_puts_each_byte_in_its_place() {
        for w in [
            "", "a", "of", "the", "said", "Jones", "quoted", "reports", "’s", "élysée", "minister",
        ] {
            let b = w.as_bytes();
            let want = (b.len() <= 7).then(|| {
                b.iter()
                    .enumerate()
                    .fold((b.len() as u64) << 56, |k, (n, &c)| {
                        k | (c as u64) << (8 * n)
                    })
            });
            assert_eq!(pack(w), want, "{w:?}");
        }
    }

    #[test]
    fn word_lists_hold_only_words() {
        // `Words` looks up word tokens only: a number starts with a digit and
        // punctuation is one non-letter, so neither can be a key that starts
        // with a letter
        let lex = lexicons();
        let keys = DETERMINERS
            .iter()
            .chain(STOP)
            .copied()
            .chain(super::super::cues::cue_words())
            .chain(lex.roles.keys().copied())
            .chain(lex.role_first_words.iter().copied())
            .chain(lex.demonyms.keys().copied());
        for k in keys {
            assert!(
                k.chars().next().is_some_and(char::is_alphabetic),
                "{k:?} does not start with a letter"
            );
        }
    }

    #[test]
    fn flags_by_lowercase_word() {
        assert_eq!(word_flags("the"), flag::DETERMINER | flag::STOP);
        assert_eq!(word_flags("The"), 0);
        assert_ne!(word_flags("said") & flag::CUE, 0);
        assert_ne!(word_flags("officials") & flag::ROLE, 0);
        assert_ne!(word_flags("prime") & flag::ROLE_FIRST, 0);
        assert_ne!(word_flags("syrian") & flag::DEMONYM, 0);
        assert_eq!(word_flags("xylophone"), 0);
        assert_ne!(exact_flags("Mr") & exact::TITLE, 0);
        assert_ne!(exact_flags("Prime") & exact::TITLE_FIRST, 0);
        assert_ne!(exact_flags("Syrian") & exact::DEMONYM, 0);
        assert_eq!(exact_flags("syrian"), 0);
        assert_ne!(exact_flags("However") & exact::NON_NAME, 0);
        assert_ne!(exact_flags("Ministry") & exact::ORG, 0);
        assert_ne!(exact_flags("Syria") & exact::COUNTRY, 0);
        assert_eq!(pack("abcdefgh"), None);
        assert_ne!(pack("a"), pack("a\0"));
    }
}
