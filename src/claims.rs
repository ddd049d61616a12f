//! Claims: reported speech without (full) quotation marks, found from the
//! same cues, mentions and coreference as quotations.
//!
//! Constructions, each with its `method` id:
//! - `claim_after`: `X said (that) <content>` / `X told Y (that) …` / `X urged Y to …`
//! - `claim_before`: `<content>, X said.` / `<content>, said X.`
//! - `according_to`: `According to X, <content>` / `<content>, according to X.`
//!
//! A claim whose content holds a quotation is `mixed`, and its quotation
//! becomes a `mixed` quote of the same speaker. A claim whose content is
//! (almost) all one quotation is that quotation, not a claim.

use crate::attribution::lexicons::{lexicons, RoleClass};
use crate::attribution::sieves::{
    is_punct, low, sentence_subject, speech_noun_at, subject_before, word,
};
use crate::attribution::subjects::NUMBER_WORDS;
use crate::attribution::time_words::{is_period, is_weekday};
use crate::attribution::{CueClass, Document, MentionKind};
use crate::model::{Kind, Span, Utterance};

/// Words after a cue that start its content clause (besides "that").
const CLAUSE_STARTERS_SKIP: &[&str] = &["that"];

/// Words that open an adverbial between a cue and its that-clause.
const ADVERBIAL_STARTS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "last",
    "this",
    "earlier",
    "later",
    "yesterday",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "repeatedly",
    "again",
    "also",
    "publicly",
    "privately",
    "recently",
    "previously",
    "late",
    "early",
    "separately",
    "over",
    "via",
    "through",
    "when",
];

/// Does `w` (lowercase) name a day that may stand bare between a cue and
/// its clause ("announced Sunday she would …") but never start the content?
fn is_day_word(w: &str) -> bool {
    is_weekday(w) || matches!(w, "yesterday" | "today" | "tonight")
}

/// The number of tokens of a time phrase at token `c` that may stand between
/// a cue and its clause: a day word ("Sunday", "late Sunday"), "this/last/next" and a unit
/// ("this month"), or "earlier/later this" and a unit; 0 when there is none.
fn time_phrase_len(doc: &Document, c: usize) -> usize {
    // a period or a season: "this week", "last spring"
    let unit = |k: usize| {
        let w = low(doc, k);
        is_period(w) || matches!(w, "spring" | "summer" | "fall" | "autumn" | "winter")
    };
    let first = low(doc, c);
    // "on Friday", "on Friday night": the preposition and a weekday
    if first == "on" && is_weekday(low(doc, c + 1)) {
        return 2 + part_of_day(doc, c + 2) as usize;
    }
    if is_day_word(first) {
        1 + (first != "tonight" && part_of_day(doc, c + 1)) as usize
    } else if matches!(first, "late" | "early") && is_day_word(low(doc, c + 1)) {
        // "late Thursday", "early Monday"
        2
    } else if matches!(first, "this" | "last" | "next") && unit(c + 1) {
        2
    } else if matches!(first, "earlier" | "later") && low(doc, c + 1) == "this" && unit(c + 2) {
        3
    } else {
        0
    }
}

/// Is token `j` a part of the day after a day word ("Friday night")?
fn part_of_day(doc: &Document, j: usize) -> bool {
    matches!(low(doc, j), "morning" | "afternoon" | "evening" | "night")
}

/// Is the cue at token `k` a noun of lexicons/noun_forms.txt heading a
/// compound or owned ("talk show", "roll call", "Lee's show")? The word
/// before is a possessive or a lowercase singular noun: no pronoun, no
/// function word, no adverb, no plural ("They call", "polls show").
fn compound_noun(doc: &Document, k: usize, cue: Span) -> bool {
    // pronouns, clause words and subjects without a plural -s ("people
    // say"); adverbs and auxiliaries are the words of `is_between`
    const NOT_NOUNS: &[&str] = &[
        "i", "we", "you", "they", "who", "that", "which", "to", "or", "but", "now", "do", "many",
        "some", "most", "few", "people", "police", "staff", "public", "media", "majority",
        "others", "percent",
    ];
    if !lexicons().noun_forms.contains(cue.text(doc.text)) {
        return false;
    }
    let prev = word(doc, k - 1);
    if prev.ends_with("'s") || prev.ends_with("’s") {
        return true;
    }
    // "documents from his tax return show": the subject stands before a
    // prepositional phrase whose noun ends right before the verb
    let after_preposition = || {
        (k.saturating_sub(6)..k - 1).any(|i| {
            matches!(
                low(doc, i),
                "from" | "of" | "in" | "by" | "for" | "at" | "on" | "about" | "over"
            )
        })
    };
    prev.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !prev.ends_with('s')
        && !crate::attribution::sieves::is_between(prev)
        && !NOT_NOUNS.contains(&prev)
        && !after_preposition()
}

/// Does a name, a pronoun or an organisation end right before token `k`?
fn named_before(doc: &Document, k: usize) -> bool {
    doc.mention_ending_at(k).is_some_and(|m| {
        matches!(
            doc.mentions[m].kind,
            MentionKind::Person | MentionKind::Pronoun { .. } | MentionKind::Org
        ) && !doc.mentions[m].possessive
    })
}

/// Does token `j` open a quantity that "about" makes approximate ("said
/// about half of the money was lost", "said about 40 people came")? Then
/// the adverb opens the content; otherwise "about" opens a topic ("said
/// about the plan that …").
fn approximate_quantity(doc: &Document, j: usize) -> bool {
    // besides the numbers one to ten: "about half", "about twenty",
    // "about hundreds"
    const QUANTITY_WORDS: &[&str] = &[
        "half",
        "twenty",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
    ];
    // "a third of", "a dozen", "a million"
    const A_QUANTITY: &[&str] = &[
        "third", "quarter", "fifth", "half", "dozen", "hundred", "thousand", "million", "billion",
    ];
    let w = low(doc, j);
    w.starts_with(|c: char| c.is_ascii_digit())
        || matches!(w, "$" | "£" | "€")
        || NUMBER_WORDS.contains(&w)
        || QUANTITY_WORDS.contains(&w)
        || w == "a" && A_QUANTITY.contains(&low(doc, j + 1))
}

/// Does a document ("the new poll", "a study": lexicons/role_nouns.tsv)
/// end right before token `k`? It makes "shows", "finds" a verb.
fn document_before(doc: &Document, k: usize) -> bool {
    doc.mention_ending_at(k).is_some_and(|m| {
        doc.mentions[m].kind == MentionKind::Role(RoleClass::Document)
            && !doc.mentions[m].possessive
    })
}

/// Does any mention, a role noun phrase too ("the developer"), end right
/// before token `k`?
fn mention_before(doc: &Document, k: usize) -> bool {
    doc.mention_ending_at(k)
        .is_some_and(|m| !doc.mentions[m].possessive)
}

/// Does the gerund at token `g` open the subject of the content clause
/// ("said bullying does harm", "said selling the plan to voters has been
/// hard")? Its phrase runs without punctuation into a finite verb. Asked
/// only when a mention (a name, a pronoun, a role noun phrase) stands right
/// before the cue, which makes the cue a verb (in "the tweets targeting her
/// were", "tweets" is a noun).
fn gerund_subject(doc: &Document, g: usize, end_tok: usize) -> bool {
    // "said having the rival treat him with respect is …": a gerund's
    // object and complement may run to ten words before the verb
    const MAX_GERUND_PHRASE: usize = 12;
    // "anything", "nothing": pronouns, not gerunds
    !low(doc, g).ends_with("thing")
        && (g + 1..(g + MAX_GERUND_PHRASE).min(end_tok))
            .take_while(|&j| !is_punct(doc, j))
            .any(|j| EXISTENTIAL_VERBS.contains(&low(doc, j)))
}

/// Verbs after "there" that make it the subject of an existential clause
/// ("said there was no evidence"), not the adverb of place ("said there").
const EXISTENTIAL_VERBS: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "has",
    "have",
    "had",
    "'s",
    "’s",
    "seems",
    "seemed",
    "appears",
    "appeared",
    "does",
    "did",
    "doesn't",
    "doesn’t",
    "didn't",
    "didn’t",
];

/// Third-person forms of cues that are never plural nouns, so "says that"
/// is a verb and its that-clause ("the claims that …" is a noun).
const VERB_ONLY_FORMS: &[&str] = &[
    "says",
    "tells",
    "adds",
    "explains",
    "insists",
    "argues",
    "believes",
    "thinks",
    "knows",
    "suggests",
    "writes",
    "admits",
    "acknowledges",
    "agrees",
    "announces",
    "asserts",
    "contends",
    "denies",
    "predicts",
    "recalls",
    "reveals",
    "warns",
    "wonders",
    "urges",
    "emphasizes",
    "stresses",
    "maintains",
    "concedes",
    "confirms",
    "hopes",
];

/// Verbs that open a second predicate of the speaker after "and"/"but"
/// ("but did not say", "and declined to comment"): rarely part of a content.
const NEW_PREDICATE_OPENERS: &[&str] = &["did", "didn't", "didn’t", "declined", "refused"];

/// Words that open a contrasting clause after a comma (", while others …",
/// ", though …"): the reporter's narrative, not the speaker's content.
const CONTRAST_OPENERS: &[&str] = &["while", "whereas", "however", "though", "although"];

/// Sentence-initial words that open a subordinate clause ("Although …,",
/// "After …,"); the main clause follows the clause's comma.
const SUBORDINATORS: &[&str] = &[
    "although", "while", "as", "after", "since", "because", "if", "when", "though", "with",
    "before", "until", "whether", "once",
];

/// Does a new subject start at token `i`: a mention, a personal pronoun or
/// a definite noun phrase?
fn new_subject_at(doc: &Document, i: usize) -> bool {
    doc.mention_at_token(i).is_some()
        || matches!(
            low(doc, i),
            "he" | "she" | "they" | "we" | "i" | "it" | "the"
        )
}

/// The longest content, in tokens (news sentences are far shorter).
const MAX_CONTENT_TOKENS: usize = 150;

/// Tokens between a cue and its content that are not content:
/// "said on Monday that", "said in a statement that".
const MAX_GAP_TO_THAT: usize = 8;

/// Find the claims of an article; `quotes` may be changed to `mixed` when a
/// claim's content carries them, and take that claim's speaker.
pub fn find(doc: &Document, quotes: &mut [Utterance]) -> Vec<Utterance> {
    // claims hang on cues: room for about as many, instead of growing (and
    // moving) a vector of large rows a few times per article
    let mut out: Vec<Utterance> = Vec::with_capacity(doc.cues.len());
    for (si, s) in doc.seg.sentences.iter().enumerate() {
        let lo = doc.token_at(s.start);
        let hi = doc.token_at(s.end);
        if hi <= lo {
            continue;
        }
        // content ends before the final punctuation
        let mut end_tok = hi;
        while end_tok > lo && is_punct(doc, end_tok - 1) && !is_quote_mark(word(doc, end_tok - 1)) {
            end_tok -= 1;
        }
        // questions are not claims
        if doc.text[s.start..s.end]
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with('?')
        {
            continue;
        }
        // In a poll released Monday, <content>
        if word(doc, lo).eq_ignore_ascii_case("in") {
            if let Some(c) = in_source(doc, si, lo, end_tok) {
                out.push(c);
            }
        }
        // Lee: <content> (headlines, transcripts)
        if let Some(c) = colon_claim(doc, si, lo, end_tok) {
            out.push(c);
        }
        // As Lee noted, <content>
        if word(doc, lo).eq_ignore_ascii_case("as") {
            if let Some(c) = as_x_said(doc, si, lo, end_tok) {
                out.push(c);
            }
        }
        for k in lo..hi {
            // according to X (the length first: this is asked of every token)
            let t = doc.tokens[k];
            if t.end == t.start + "according".len()
                && word(doc, k).eq_ignore_ascii_case("according")
                && word(doc, k + 1) == "to"
            {
                if let Some(c) = according_to(doc, si, lo, end_tok, k) {
                    out.push(c);
                }
                continue;
            }
            let Some(cue) = doc.cue_at_token(k) else {
                continue;
            };
            if doc.in_quote(cue.span) {
                continue;
            }
            // "the said document": not a reporting use
            if k > lo
                && matches!(
                    low(doc, k - 1),
                    "the" | "a" | "an" | "this" | "that" | "his" | "her" | "their" | "its"
                )
            {
                continue;
            }
            // "talk show", "roll call", "the network's show": a noun heading
            // a compound (lexicons/noun_forms.txt)
            if k > lo && compound_noun(doc, k, cue.span) {
                continue;
            }
            let after = doc.token_at(cue.span.end);
            // a plural noun, not a verb: "Lee's comments came", "the claims were"
            let cue_word = cue.span.text(doc.text);
            // a name or pronoun right before makes it a verb ("Lee notes that")
            let named_subject = k > lo && (named_before(doc, k) || document_before(doc, k));
            if cue_word.ends_with('s')
                && !cue_word.contains(' ')
                && !named_subject
                && !VERB_ONLY_FORMS.contains(&crate::lexicon::lower(cue_word).as_ref())
            {
                let prev = if k > lo { word(doc, k - 1) } else { "" };
                let next = low(doc, after);
                if prev.ends_with("'s")
                    || prev.ends_with("’s")
                    || prev.ends_with('\'')
                    || prev.ends_with('’')
                    || matches!(
                        next,
                        "came"
                            | "were"
                            | "was"
                            | "are"
                            | "is"
                            | "have"
                            | "has"
                            | "had"
                            | "come"
                            | "drew"
                            | "sparked"
                            | "prompted"
                            | "about"
                            | "of"
                            | "by"
                            | "from"
                            | "that"
                            // a modal or "do" needs a subject: "the tax
                            // plans would cost", "the call did not say"
                            | "would"
                            | "will"
                            | "could"
                            | "can"
                            | "may"
                            | "might"
                            | "should"
                            | "must"
                            | "did"
                            | "do"
                            | "does"
                    )
                {
                    continue;
                }
            }
            if cue.lemma == "ask" {
                if let Some(c) = asked_question(doc, si, lo, end_tok, k, after, cue.span) {
                    out.push(c);
                    continue;
                }
            }
            if let Some(c) = passive_raising(doc, si, lo, end_tok, k, after, cue.lemma, cue.span) {
                out.push(c);
            } else if let Some(c) = claim_after(
                doc, si, lo, end_tok, k, after, cue.lemma, cue.class, cue.span,
            ) {
                out.push(c);
            } else if let Some(c) = claim_before(
                doc, si, lo, end_tok, k, after, cue.lemma, cue.class, cue.span,
            ) {
                out.push(c);
            }
        }
    }
    // one claim per content: overlapping claims keep the earlier-found longest
    out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    // filtered in place, here and below: claims are large rows, and a new
    // vector for the survivors was a large allocation and a copy of each
    let mut last: Option<Span> = None;
    out.retain(|c| {
        if let Some(last) = last {
            // the same content found twice (two cues of one attribution): keep one;
            // a claim nested in another ("X reports that …, according to Y") stays
            let o = overlap(c.span, last);
            if o * 10 >= c.span.len().max(last.len()) * 9 {
                return false;
            }
        }
        last = Some(c.span);
        true
    });
    // quotations inside claims: mixed, or the claim is the quotation
    out.retain_mut(|c| {
        // quotes are sorted by start: look only at those starting inside the claim
        let first = quotes.partition_point(|q| q.span.start < c.span.start);
        let inside: Vec<usize> = (first..quotes.len())
            .take_while(|&qi| quotes[qi].span.start < c.span.end)
            .filter(|&qi| quotes[qi].span.end <= c.span.end + 3)
            .collect();
        let quoted_len: usize = inside.iter().map(|&qi| quotes[qi].span.len()).sum();
        let content_len = c.span.len().max(1);
        if quoted_len * 10 >= content_len * 8 {
            // the content is a quotation: the quote row stands for it
            return false;
        }
        // a claim overlapping a quotation partly (content running into a quote) is cut there
        let straddling = quotes[first.saturating_sub(1)..]
            .iter()
            .take_while(|q| q.span.start < c.span.end)
            .find(|q| q.span.end > c.span.end);
        if let Some(q) = straddling {
            if q.marks.first().map_or(q.span.start, |m| m.start) > c.span.start + 1 {
                let cut = q.marks.first().map_or(q.span.start, |m| m.start);
                let s = doc.text[c.span.start..cut]
                    .trim_end()
                    .trim_end_matches([',', ':', ';'])
                    .trim_end();
                if s.split_whitespace().count() < 3 {
                    return false;
                }
                let kept = Span::new(c.span.start, c.span.start + s.len());
                c.set_parts(vec![kept], doc.text);
            } else {
                return false;
            }
        }
        if inside.is_empty() {
            // a term or a title in marks that is not speech of its own (a
            // scare quote) still makes the paraphrase one that quotes words;
            // the content may stop right before a closing mark (`in “Dust.”`)
            let mut end = (c.span.end + 4).min(doc.text.len());
            while !doc.text.is_char_boundary(end) {
                end -= 1;
            }
            if has_quoted_words(&doc.text[c.span.start..end]) {
                c.kind = Kind::Mixed;
            }
        } else {
            c.kind = Kind::Mixed;
            for &qi in &inside {
                let q = &mut quotes[qi];
                q.kind = Kind::Mixed;
                if q.speaker.is_none() || !q.method.starts_with("cue") {
                    q.speaker = c.speaker.clone();
                    q.mention = c.mention;
                    q.cue = c.cue;
                    q.cue_lemma = c.cue_lemma.clone();
                    q.method = "claim_fragment";
                }
            }
        }
        true
    });
    let mut result = out;
    drop_nested_claims(&mut result);
    // attributed mixed quotations that no claim covers: the paraphrase around
    // them is a mixed claim ("X called the plan “a betrayal” of voters")
    result.sort_by_key(|c| c.span.start);
    let mut extra = Vec::new();
    for q in quotes.iter() {
        if q.kind != Kind::Mixed || q.mention.is_none() || q.cue.is_none() {
            continue;
        }
        // claims starting before the quote, nearest first (a few suffice:
        // claims rarely nest deeper)
        let k = result.partition_point(|c| c.span.start <= q.span.start);
        if result[k.saturating_sub(4)..k]
            .iter()
            .any(|c| q.span.end <= c.span.end + 3)
        {
            continue;
        }
        if extra.last().is_some_and(|c: &Utterance| {
            q.span.start >= c.span.start && q.span.end <= c.span.end + 3
        }) {
            continue;
        }
        if let Some(c) = mixed_claim(doc, q) {
            extra.push(c);
        }
    }
    result.extend(extra);
    result.sort_by_key(|c| c.span.start);
    for c in result.iter_mut().filter(|c| c.kind == Kind::Mixed) {
        end_at_closed_fragment(doc, c, quotes);
    }
    result
}

/// A mixed paraphrase ends with a quoted fragment that closes on its own
/// punctuation when a capitalised word follows the closing mark: that word
/// opens the next sentence or names the next speaker (`called it “a
/// ruse,” Lee said as she left`), neither of which the paraphrase holds.
fn end_at_closed_fragment(doc: &Document, c: &mut Utterance, quotes: &[Utterance]) {
    if c.parts.len() != 1 {
        return;
    }
    let first = quotes.partition_point(|q| q.span.start < c.span.start);
    for q in quotes[first..]
        .iter()
        .take_while(|q| q.span.start < c.span.end)
    {
        // the last part with its marks: its end is after the closing mark
        let Some(outer) = q.marks.last() else {
            continue;
        };
        if outer.end >= c.span.end || q.span.end >= outer.end {
            continue;
        }
        let closed = doc.text[..q.span.end].ends_with([',', '.', '!', '?']);
        let next_capital = doc.text[outer.end..c.span.end]
            .trim_start()
            .starts_with(char::is_uppercase);
        if closed && next_capital {
            c.set_parts(vec![Span::new(c.span.start, outer.end)], doc.text);
            return;
        }
    }
}

/// How many claims before a claim, in start order, may hold it: claims nest
/// one or two deep, and a window keeps the check linear.
const NESTING_WINDOW: usize = 8;

/// Drop the `claim_after` rows whose cue stands inside the content of
/// another claim that holds theirs ("Lee said [she believes [the plan
/// failed]]"): the inner report is part of what the outer speaker says,
/// and annotators of reported speech rarely mark it apart (PolNeAR train:
/// 161 of 1,015 such rows matched). A mixed inner report goes too ("Lee
/// said [Kim called the plan “a ruse”]"): its quotation keeps its own
/// speaker in the quotes table. `claims` is sorted by start.
fn drop_nested_claims(claims: &mut Vec<Utterance>) {
    let nested: Vec<bool> = (0..claims.len())
        .map(|i| {
            let c = &claims[i];
            let inner = c.method == "claim_after";
            let Some(cue) = c.cue.filter(|_| inner) else {
                return false;
            };
            // claims starting at or before the cue, nearest first
            let upto = claims.partition_point(|d| d.span.start <= cue.start);
            claims[upto.saturating_sub(NESTING_WINDOW)..upto]
                .iter()
                .enumerate()
                .any(|(j, d)| {
                    j + upto.saturating_sub(NESTING_WINDOW) != i
                        && cue.start < d.span.end
                        && c.span.end <= d.span.end
                        && d.span != c.span
                })
        })
        .collect();
    let mut flags = nested.into_iter();
    claims.retain(|_| !flags.next().unwrap_or(false));
}

/// The paraphrase carrying an attributed mixed quotation: after its cue to the
/// end of the sentence, or from the sentence start to its attribution.
fn mixed_claim(doc: &Document, q: &Utterance) -> Option<Utterance> {
    let cue = q.cue?;
    let mention = q.mention?;
    let s = doc.seg.sentences[q.sentence];
    let last = doc.seg.sentences[doc.seg.sentence_at(q.span.end.saturating_sub(1))];
    let outer_start = q.marks.first().map_or(q.span.start, |m| m.start);
    let outer_end = q.marks.last().map_or(q.span.end, |m| m.end);
    let content = if cue.end <= outer_start {
        let mut start = doc.token_at(cue.end);
        // skip the addressee of a telling verb ("told Lee it was “a disaster”");
        // after "said" a name is the subject of the content ("said Lee is “…”")
        let telling = matches!(
            q.cue_lemma.as_deref(),
            Some("tell" | "inform" | "assure" | "warn" | "remind" | "urge" | "ask")
        );
        if let Some(m) = doc.mention_at_token(start).filter(|_| telling) {
            if doc.mentions[m].span.end <= outer_start {
                start = doc.mentions[m].end_token;
            }
        }
        // "said on Monday he “…”": the time of the act is not content
        let day = time_phrase_len(doc, start);
        if day > 0
            && doc.tokens.get(start + day)?.start <= outer_start
            && !is_punct(doc, start + day)
        {
            start += day;
        }
        // "said he “signed it,” and he said …": a clause with its own
        // subject after the fragment's closing comma is not this content
        let close = doc.token_at(outer_end);
        let own_clause = close >= 2
            && word(doc, close - 2) == ","
            && matches!(low(doc, close), "and" | "but")
            && clause_after_conjunction(doc, start, close - 2, close);
        let end_byte = if own_clause {
            outer_end
        } else {
            trim_final(doc, last.end).max(outer_end)
        };
        Span::new(doc.tokens.get(start)?.start.min(outer_start), end_byte)
    } else {
        let attr_start = mention.start.min(cue.start);
        if attr_start < outer_end {
            return None;
        }
        Span::new(s.start, attr_start)
    };
    let m = doc.mention_with_span(mention);
    let mut c = make(
        doc,
        q.sentence,
        content,
        m,
        cue,
        q.cue_lemma.as_deref().unwrap_or(""),
        Kind::Mixed,
        "mixed_claim",
    )?;
    c.speaker = q.speaker.clone();
    Some(c)
}

/// Whether `text` holds a pair of double quotation marks around some words.
/// Single marks are left out: ’ is also the apostrophe.
fn has_quoted_words(text: &str) -> bool {
    let paired = |open: char, close: char| {
        text.find(open)
            .is_some_and(|i| text[i + open.len_utf8()..].contains(close))
    };
    paired('“', '”')
        || paired('«', '»')
        || text.matches('"').nth(1).is_some()
        || text.matches("''").nth(1).is_some()
}

/// The end of a sentence without its final punctuation (a closing quotation
/// mark after it stays).
fn trim_final(doc: &Document, end: usize) -> usize {
    let t = doc.text[..end].trim_end();
    let trimmed = t.trim_end_matches(['.', '!', '?', ';', ':', ',']);
    if trimmed.len() < t.len() {
        trimmed.len()
    } else {
        t.len()
    }
}

fn is_quote_mark(w: &str) -> bool {
    matches!(
        w,
        "\"" | "”" | "“" | "'" | "’" | "‘" | "»" | "«" | "''" | "``"
    )
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

#[allow(clippy::too_many_arguments)]
fn make(
    doc: &Document,
    sentence: usize,
    content: Span,
    mention: Option<usize>,
    cue: Span,
    lemma: &str,
    kind: Kind,
    method: &'static str,
) -> Option<Utterance> {
    let raw = content.text(doc.text);
    // trim spaces, commas and a leading "that"
    let mut s = content.start + (raw.len() - raw.trim_start().len());
    let mut e = content.start + raw.trim_end().len();
    let t = &doc.text[s..e];
    if let Some(rest) = t.strip_prefix("that ") {
        s += t.len() - rest.len();
    }
    while e > s && doc.text[..e].ends_with([',', ';', ':', '—', '–']) {
        e -= doc.text[..e].chars().next_back().map_or(1, char::len_utf8);
        e = s + doc.text[s..e].trim_end().len();
    }
    if e <= s {
        return None;
    }
    let span = Span::new(s, e);
    // at least two words (finding the second one is enough to know it)
    doc.text[s..e].split_whitespace().nth(1)?;
    let mut u = Utterance::new(vec![span], doc.text, kind, method);
    u.sentence = sentence;
    u.paragraph = doc.seg.sentences[sentence].paragraph;
    u.cue = Some(cue);
    u.cue_lemma = Some(lemma.to_string());
    u.confidence = 0.7;
    if let Some(m) = mention {
        u.mention = Some(doc.mentions[m].span);
        u.speaker = doc.speaker_of(m);
        if matches!(doc.mentions[m].kind, MentionKind::Pronoun { .. }) && u.speaker.is_none() {
            u.confidence = 0.4;
        }
    }
    Some(u)
}

/// Headlines and interview transcripts without quotation marks: `Lee:
/// Tax cuts will pay for themselves.` A person or a role opens the sentence
/// (an organisation name there is more often a section label) and a colon
/// follows it directly; the clause after the colon (four words at least:
/// shorter ones are section headings) is what they said. With quotation
/// marks, the quotes sieve `headline_colon` attributes the quotation.
fn colon_claim(doc: &Document, si: usize, lo: usize, end_tok: usize) -> Option<Utterance> {
    let m = doc.mention_at_token(lo)?;
    let mention = &doc.mentions[m];
    if mention.first_token != lo
        || mention.in_quote
        || mention.possessive
        || !matches!(mention.kind, MentionKind::Person | MentionKind::Role(_))
    {
        return None;
    }
    let colon = mention.end_token;
    if word(doc, colon) != ":" || end_tok < colon + 5 {
        return None;
    }
    // a list of names after the colon (credits, delegations) is no statement
    if doc
        .mention_at_token(colon + 1)
        .is_some_and(|n| word(doc, doc.mentions[n].end_token) == ",")
    {
        return None;
    }
    // a label such as "Update:" or "BYLINE:" reads like a one-word name: the
    // speaker must be a full name, written here or earlier in the article
    if !doc.speaker_of(m).is_some_and(|s| s.contains(' ')) {
        return None;
    }
    let content = Span::new(doc.tokens[colon + 1].start, doc.tokens[end_tok - 1].end);
    let cue = Span::new(doc.tokens[colon].start, doc.tokens[colon].end);
    make(
        doc,
        si,
        content,
        Some(m),
        cue,
        ":",
        Kind::Indirect,
        "claim_colon",
    )
}

/// `X said (that) <content>`: the subject before the cue, the content after it.
#[allow(clippy::too_many_arguments)]
fn claim_after(
    doc: &Document,
    si: usize,
    lo: usize,
    end_tok: usize,
    k: usize,
    after: usize,
    lemma: &str,
    class: CueClass,
    cue: Span,
) -> Option<Utterance> {
    // "The voters, said Lee, want …": the attribution sits inside its content
    if k > lo + 2 && word(doc, k - 1) == "," {
        if let Some(m) = doc.mention_at_token(after) {
            let e = doc.mentions[m].end_token;
            // the content resumes with its verb ("…, said Lee, want …"), not
            // with an apposition or a new clause ("…, said Lee, director of …")
            let next = word(doc, e + 1);
            let resumes = next.starts_with(char::is_lowercase)
                && !matches!(
                    next,
                    "a" | "an"
                        | "the"
                        | "and"
                        | "but"
                        | "or"
                        | "while"
                        | "who"
                        | "which"
                        | "whose"
                        | "as"
                        | "in"
                        | "at"
                        | "of"
                        | "for"
                        | "with"
                        | "on"
                        | "adding"
                        | "saying"
                )
                && !lexicons().roles.contains_key(next);
            if word(doc, e) == "," && resumes && e + 2 < end_tok && !doc.mentions[m].in_quote {
                return claim_around(doc, si, lo, end_tok, k, m, lemma, cue);
            }
        }
    }
    // "called it “a ruse,” adding that …": a participle after a comma inside
    // closing quotation marks takes the sentence's subject too
    let after_closing_comma = k > lo + 1
        && word(doc, k - 2) == ","
        && matches!(word(doc, k - 1), "”" | "\"" | "’" | "'" | "''")
        && word(doc, k).ends_with("ing");
    let subject = if after_closing_comma {
        sentence_subject(doc, k)?
    } else {
        subject_before(doc, k)?
    };
    if doc.mentions[subject].in_quote {
        return None;
    }
    // "The plan appears to have failed": the subject is content, no speaker;
    // "appeared to concede that …" is the inner verb's claim
    let raising = lexicons().raising_cues.contains(lemma)
        && !(word(doc, after) == "to" && doc.cue_at_token(after + 1).is_some());
    let mut c = after;
    // addressee ("told reporters", "told the committee")
    if matches!(
        lemma,
        "tell" | "inform" | "assure" | "warn" | "remind" | "urge" | "call on"
    ) {
        // "told The New York Times": the article may stand outside the name
        let named = doc.mention_at_token(c).or_else(|| {
            DETERMINERS
                .contains(&low(doc, c))
                .then(|| doc.mention_at_token(c + 1))
                .flatten()
                .filter(|&m| doc.mentions[m].first_token == c + 1)
        });
        if let Some(m) = named {
            c = doc.mentions[m].end_token;
        } else if !matches!(word(doc, c), "that" | "," | "to") {
            // an unnamed addressee: "told reporters", "told the newspaper"
            let len = if DETERMINERS.contains(&low(doc, c)) {
                2
            } else {
                1
            };
            // "warned voters that …", "urged the board to wait"; but the
            // object of "warned the plan would fail", "urged a larger role"
            // is the content: only telling always has an addressee
            let addressed = matches!(lemma, "tell" | "inform" | "assure" | "remind")
                || matches!(low(doc, c + len), "that" | "to" | "," | "of" | "about");
            if addressed {
                c += len;
            }
        }
    }
    if c >= end_tok {
        return None;
    }
    // "spoke over boos", "spoke since December": speaking reports only
    // its topic ("spoke about the levy", "spoke of a betrayal", after a few
    // adverbs too: "spoke emotionally of …", "speaks more often about …")
    if lemma == "speak" {
        let topic = (c..(c + 3).min(end_tok)).find(|&j| {
            let w = low(doc, j);
            !(crate::attribution::sieves::is_between(w)
                || matches!(w, "more" | "most" | "frequently" | "openly"))
        });
        match topic {
            Some(j) if low(doc, j) == "of" => c = j + 1,
            Some(j) if low(doc, j) == "about" => c = j,
            _ => return None,
        }
    }
    // "asked about X", "talked about X": the topic is the content
    if word(doc, c) == "about"
        && matches!(
            lemma,
            "ask"
                | "talk"
                | "speak"
                | "write"
                | "comment"
                | "complain"
                | "warn"
                | "think"
                | "know"
                | "worry"
                | "joke"
                | "testify"
                | "tweet"
                | "post"
        )
    {
        c += 1;
        if c >= end_tok {
            return None;
        }
    }
    let w = low(doc, c);
    // the content: a that-clause, possibly after a short adverbial ("said on Monday that")
    // "that" right after the cue, or after a short adverbial that starts with
    // a preposition or a time word ("said on Monday that", "said in a statement that")
    let mut start = None;
    // after a telling verb the addressee may run on before its that-clause
    // ("told the Daily Planet newspaper of Springfield on Saturday that …")
    let adverbial = ADVERBIAL_STARTS.contains(&w)
        || matches!(lemma, "tell" | "inform" | "assure" | "remind") && c > after;
    for j in c..(c + MAX_GAP_TO_THAT).min(end_tok) {
        if CLAUSE_STARTERS_SKIP.contains(&low(doc, j)) {
            if j == c || adverbial {
                start = Some(j + 1);
            }
            break;
        }
        if is_punct(doc, j) && !matches!(word(doc, j), ",") {
            break;
        }
    }
    let start = match start {
        Some(s) => s,
        // "maintains a lead": without "that" no speech (lexicons/that_cues.txt)
        None if lexicons().that_cues.contains(lemma) => return None,
        None => {
            // a bare clause right after the cue: "said the plan failed"
            // "said, adding", "said addressing": a participle is not content
            // ("said bullying does harm": a gerund subject, then its verb)
            // ("proposes cutting the levy": a gerund object of a proposal or a
            // stance, lexicons/gerund_cues.txt, is the content)
            if w.ends_with("ing")
                && w.len() > 5
                && !(mention_before(doc, k) && gerund_subject(doc, c, end_tok))
                && !lexicons().gerund_cues.contains(lemma)
            {
                return None;
            }
            // "calls for $2 billion": an amount opens a noun phrase
            let opens_phrase = !is_punct(doc, c) || matches!(w, "$" | "£" | "€");
            let direct_clause = match class {
                CueClass::Directive => matches!(w, "to") || opens_phrase,
                // a clause or an object right after the cue is its content
                // ("said the plan failed", "called the plan a betrayal");
                // a preposition or a time word starts an adverbial instead
                _ => {
                    opens_phrase
                        && (w != "about" || approximate_quantity(doc, c + 1))
                        && !matches!(
                            w,
                            "in" | "on"
                                | "at"
                                | "during"
                                | "after"
                                | "before"
                                | "with"
                                | "to"
                                | "by"
                                | "for"
                                | "of"
                                | "from"
                                | "as"
                                | "so"
                                | "yes"
                                | "no"
                                | "and"
                                | "but"
                                | "or"
                                | "when"
                                | "while"
                                | "up"
                                | "out"
                                | "off"
                                | "back"
                                | "down"
                                | "last"
                                | "late"
                                | "early"
                                | "earlier"
                                | "later"
                                | "recently"
                                | "also"
                                | "then"
                                | "again"
                                | "there"
                                | "here"
                                | "not"
                        )
                        // "showed little evidence": a quantity is the object;
                        // "said much of it was lost" opens a clause
                        && !(matches!(w, "nothing" | "little" | "much")
                            && !(class == CueClass::Speech && low(doc, c + 1) == "of"))
                        && !is_day_word(w)
                }
            };
            // "said there was …": an existential clause, not the place
            let existential = w == "there" && EXISTENTIAL_VERBS.contains(&word(doc, c + 1));
            // "declined to comment", "plans to run": the intention is the content;
            // "appears to have failed": so is the judgement of a raising cue
            let infinitive = w == "to"
                && (lexicons().infinitive_cues.contains(lemma) || raising)
                && !is_punct(doc, c + 1)
                && doc.mention_at_token(c + 1).is_none();
            // "announced Sunday she would resign", "said this month it would":
            // a time phrase, then the clause
            let day_len = time_phrase_len(doc, c);
            let after_day = low(doc, c + day_len);
            let day_clause = day_len > 0
                && c + day_len < end_tok
                && !is_punct(doc, c + day_len)
                && !matches!(
                    after_day,
                    "that"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "for"
                        | "with"
                        | "by"
                        | "about"
                        | "night"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "and"
                        | "but"
                        | "after"
                        | "before"
                        | "during"
                        | "when"
                        | "while"
                        | "as"
                );
            if !direct_clause && !existential && !infinitive && !day_clause {
                return None;
            }
            if day_clause {
                c + day_len
            } else {
                c
            }
        }
    };
    if start >= end_tok {
        return None;
    }
    // "denied the accusations through a spokeswoman": an object ends with its
    // noun phrase (not a that-clause or a clause after a time phrase)
    let object = start == c && lexicons().object_cues.contains(lemma);
    // "the loopholes Lee cited are …": a verb of being right after an object
    // cue is the predicate of a clause holding the cue, not its object
    if object && matches!(low(doc, start), "is" | "are" | "was" | "were") {
        return None;
    }
    // "Lee, who said the toll would rise, has …": the cue is in a relative
    // clause of the sentence's subject
    let f = doc.mentions[subject].first_token;
    let relative = (f..k).any(|i| low(doc, i) == "who" && i > 0 && word(doc, i - 1) == ",");
    let e = content_end(doc, lo, start, end_tok, object, relative);
    // after a quoted fragment the participle's own quotation is mostly the
    // next sentence of that quote, attributed by the quote's own cue
    if after_closing_comma && (start..e).any(|j| is_quote_mark(word(doc, j))) {
        return None;
    }
    let content = Span::new(doc.tokens[start].start, doc.tokens[e - 1].end);
    if raising {
        return subject_claim(doc, si, doc.mentions[subject].span, content, cue, lemma);
    }
    make(
        doc,
        si,
        content,
        Some(subject),
        cue,
        lemma,
        Kind::Indirect,
        "claim_after",
    )
}

/// The end (exclusive token) of a content starting at token `start` after
/// its cue, in the sentence part `lo..end_tok`. `object`: the content is
/// the noun-phrase object of a cue of lexicons/object_cues.txt; `relative`:
/// the cue stands in a relative clause of the sentence's subject.
fn content_end(
    doc: &Document,
    lo: usize,
    start: usize,
    end_tok: usize,
    object: bool,
    relative: bool,
) -> usize {
    // the content ends where an inverted attribution or an according-to
    // begins, or where a second reporting verb of the same subject starts
    // its own claim ("said the plan failed and warned that …"); a content
    // longer than MAX_CONTENT_TOKENS is cut there (a run-on "sentence" of a
    // scraped page must not make the scan quadratic)
    let end_tok = end_tok.min(start + MAX_CONTENT_TOKENS);
    // "Although Lee said the plan failed, the board kept it": the cue sits in
    // an opening subordinate clause, whose comma ends the content
    let in_subordinate = SUBORDINATORS.contains(&low(doc, lo));
    let mut e = end_tok;
    for j in start + 1..end_tok {
        let w = word(doc, j);
        // a parenthesis holding a quotation or a short label stays: "cited
        // the verse (“…”)", "mocked Sen. Lee (D-Ore.) as …"; so does a word
        // inside quotation marks ("taxing “pass through” income")
        if object
            && !(w == "("
                && (is_quote_mark(word(doc, j + 1)) || (j + 2..j + 5).any(|i| word(doc, i) == ")")))
            && !doc.token_in_quote(j)
            && (OBJECT_ENDS.contains(&w)
                || OBJECT_ENDS.contains(&low(doc, j))
                || (w == ","
                    && (OBJECT_ENDS_AFTER_COMMA.contains(&low(doc, j + 1))
                        || PREDICATE_RESUMES.contains(&low(doc, j + 1))
                        || participle(low(doc, j + 1)))))
        {
            e = j;
            break;
        }
        if relative && w == "," && PREDICATE_RESUMES.contains(&low(doc, j + 1)) {
            e = j;
            break;
        }
        if matches!(w, "and" | "but") && subjectless_new_predicate(doc, j + 1) {
            e = if word(doc, j - 1) == "," { j - 1 } else { j };
            break;
        }
        if content_ends_at(doc, start, j, end_tok) {
            e = j;
            break;
        }
        if let Some(close) = fragment_then_new_verb(doc, start, j) {
            e = close;
            break;
        }
        // ", though culturally conservative, …": a parenthetical of one or
        // two words between commas stays in the content (looked for only
        // after a comma and a contrast word: this loop sees every token)
        let parenthetical = || (j + 3..j + 5).any(|k| word(doc, k) == ",");
        if w == ","
            && ((CONTRAST_OPENERS.contains(&low(doc, j + 1)) && !parenthetical())
                || (in_subordinate && new_subject_at(doc, j + 1)))
        {
            e = j;
            break;
        }
        if w == ","
            && (word(doc, j + 1).eq_ignore_ascii_case("according")
                || doc.cue_at_token(j + 1).is_some()
                || doc
                    .mention_at_token(j + 1)
                    .is_some_and(|m| doc.cue_at_token(doc.mentions[m].end_token).is_some()))
        {
            e = j;
            break;
        }
        // "…said he “sent a letter,” and he said …": after a quoted
        // fragment closed behind its comma, a clause with its own subject
        if w == ","
            && is_quote_mark(word(doc, j + 1))
            && matches!(low(doc, j + 2), "and" | "but")
            && clause_after_conjunction(doc, start, j, j + 2)
        {
            e = j + 2;
            break;
        }
        // American style closes a quoted fragment after its comma ("called
        // it “a ruse,” adding …"): the speaker's next act follows the closing
        // mark, which stays in the content
        if w == ","
            && j + 2 < end_tok
            && is_quote_mark(word(doc, j + 1))
            && doc.cue_at_token(j + 2).is_some()
        {
            e = j + 2;
            break;
        }
    }
    e
}

/// Tokens that end a noun-phrase content of a cue in
/// lexicons/object_cues.txt: punctuation, and words opening an adverbial of
/// the act ("denied the accusations through a spokeswoman", "endorsed the
/// bid, including …", "mentioned the wage as he spoke").
const OBJECT_ENDS: &[&str] = &[
    ";", "(", "—", "–", "--", "through", "during", "before", "after", "while", "when", "since",
    "despite", "amid", "via", "until",
];

/// Words after a comma that end a noun-phrase content there: a relative
/// clause, a participle or a new clause of the narrative, not the next item
/// of a list ("criticized the tax, the levy and the toll").
const OBJECT_ENDS_AFTER_COMMA: &[&str] = &[
    "including",
    "who",
    "whom",
    "which",
    "but",
    "while",
    "as",
    "and",
    "saying",
    "adding",
];

/// Words after a comma with which the predicate of a sentence resumes after
/// a clause inside its subject ("Lee, who denounced the plan, will …", "Lee,
/// who said the toll would rise, has …"): the clause's content ends there.
const PREDICATE_RESUMES: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "should", "must", "has", "have", "had", "is",
    "are", "was", "were",
];

/// Is lowercase `w` a participle opening a clause of its own after a
/// comma ("…, rooted in", "…, citing")?
fn participle(w: &str) -> bool {
    w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed"))
}

/// Forms of "be" before a passive cue.
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Words before "be"/"been" in a passive ("will be expected", "has been said").
const PASSIVE_AUXILIARIES: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "must", "should", "has", "have", "had", "not",
    "n't",
];

/// Words that end a subject noun phrase on its left (it starts after them).
const SUBJECT_STOPS: &[&str] = &[
    "and", "but", "or", "that", "which", "who", "when", "where", "if", "while", "because", "as",
    "than", "so", "then", "although", "though", "since", "after", "before", "until", "is", "are",
    "was", "were", "has", "have", "had", "will", "would", "said", "says", "in", "on", "at", "for",
    "with", "from", "to", "by",
];

/// Words that open a subject noun phrase: included, then it ends.
const SUBJECT_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "many", "most", "some", "all", "both",
];

/// `The bank is expected to hold its rates`: the passive of a cue in
/// lexicons/raising_cues.txt before a to-infinitive reports a judgement
/// about its subject; the claim is the subject and the infinitive, with no
/// speaker (`claim_subject`).
#[allow(clippy::too_many_arguments)]
fn passive_raising(
    doc: &Document,
    si: usize,
    lo: usize,
    end_tok: usize,
    k: usize,
    after: usize,
    lemma: &str,
    cue: Span,
) -> Option<Utterance> {
    if !lexicons().passive_raising_cues.contains(lemma)
        || word(doc, after) != "to"
        || after + 2 >= end_tok
        || !word(doc, after + 1).starts_with(|c: char| c.is_lowercase())
    {
        return None;
    }
    // "is expected", "is not widely expected", "will be expected"
    let mut j = k;
    while j > lo + 1 && k - j < 2 && matches!(low(doc, j - 1), "not" | "n't" | "also" | "widely") {
        j -= 1;
    }
    if j <= lo || !BE_FORMS.contains(&low(doc, j - 1)) {
        return None;
    }
    j -= 1;
    if matches!(low(doc, j), "be" | "been") {
        while j > lo && PASSIVE_AUXILIARIES.contains(&low(doc, j - 1)) {
            j -= 1;
        }
    }
    let first = subject_start(doc, lo, j)?;
    let subject = Span::new(doc.tokens[first].start, doc.tokens[j - 1].end);
    let start = after;
    let e = content_end(doc, lo, start, end_tok, false, false);
    let rest = Span::new(doc.tokens[start].start, doc.tokens[e - 1].end);
    subject_claim(doc, si, subject, rest, cue, lemma)
}

/// The first token of the subject noun phrase ending before token `j` (not
/// before `lo`): a mention, a pronoun ("it", "who"), or a short phrase of
/// words up to its determiner ("the central bank", "many of the voters").
fn subject_start(doc: &Document, lo: usize, j: usize) -> Option<usize> {
    if j <= lo {
        return None;
    }
    if let Some(m) = doc.mention_ending_at(j).filter(|&m| {
        doc.mentions[m].first_token >= lo
            && !doc.mentions[m].in_quote
            && !doc.mentions[m].possessive
    }) {
        // "The Fed is expected": the article opens the phrase
        let first = doc.mentions[m].first_token;
        let det = first > lo && matches!(low(doc, first - 1), "the" | "a" | "an");
        return Some(if det { first - 1 } else { first });
    }
    if matches!(
        low(doc, j - 1),
        "it" | "who" | "which" | "that" | "they" | "he" | "she" | "we"
    ) {
        return Some(j - 1);
    }
    let mut f = j;
    while f > lo && j - f < 8 && !is_punct(doc, f - 1) {
        let w = low(doc, f - 1);
        if SUBJECT_STOPS.contains(&w) {
            break;
        }
        f -= 1;
        if SUBJECT_DETERMINERS.contains(&w) {
            break;
        }
    }
    (f < j).then_some(f)
}

/// A `claim_subject` row: the subject of a raising cue and what follows the
/// cue, two parts of one content with no speaker ("The plan" + "to have
/// failed" in "The plan appears to have failed").
fn subject_claim(
    doc: &Document,
    si: usize,
    subject: Span,
    rest: Span,
    cue: Span,
    lemma: &str,
) -> Option<Utterance> {
    let mut u = make(
        doc,
        si,
        rest,
        None,
        cue,
        lemma,
        Kind::Indirect,
        "claim_subject",
    )?;
    let rest = u.parts[0];
    u.set_parts(vec![subject, rest], doc.text);
    Some(u)
}

/// Does a predicate without its own subject start at token `i`, after "and"
/// or "but"? It is the speaker's second act ("said the plan failed but did
/// not say why", "… and urged the board to wait"), not the content's.
fn subjectless_new_predicate(doc: &Document, i: usize) -> bool {
    // a speech cue, right after "and"/"but" or after an auxiliary ("… and
    // has added that …"): a second report of the same speaker
    let cue = |k: usize| {
        doc.cue_at_token(k)
            .is_some_and(|c| c.class == CueClass::Speech)
    };
    if cue(i) || (matches!(low(doc, i), "has" | "have" | "had" | "also") && cue(i + 1)) {
        return true;
    }
    NEW_PREDICATE_OPENERS.contains(&low(doc, i))
}

/// Does the reported content that starts at token `start` end before token
/// `j`? A spaced dash or a semicolon opens an aside or a new sentence;
/// ", and"/", but" followed by a new subject
/// opens a coordinated clause of the narrative — unless the content is a
/// list ("A, B, and C").
fn content_ends_at(doc: &Document, start: usize, j: usize, end: usize) -> bool {
    let spaced_dash = |i: usize| spaced_dash(doc, i);
    // asked of every token of a content: most are words, decided by one match
    match word(doc, j) {
        ";" => return true,
        "," => {}
        "—" | "–" | "―" | "--" | "-" if spaced_dash(j) => {
            // a pair of dashes encloses an aside inside the content
            // ("troop strength - some 9,000 in May - lags"); a single one ends it
            return !(j + 1..end).any(spaced_dash) && !(start..j).any(spaced_dash);
        }
        _ => return false,
    }
    // "…, a move the board adopted", "…, the worst loss since 1990": an
    // apposition or a new clause after the content's noun phrase; after an
    // opening adverbial ("that after the vote, the board …") the main
    // clause starts there instead
    if matches!(low(doc, j + 1), "a" | "an" | "the")
        && j >= start + 4
        && !opens_with_adverbial(doc, start)
        && !(start..j).any(|i| word(doc, i) == ",")
        // a list goes on: "tax cuts, the closure of loopholes, and …"
        && !(j + 2..end).any(|i| word(doc, i) == "," && matches!(low(doc, i + 1), "and" | "or"))
    {
        return true;
    }
    matches!(low(doc, j + 1), "and" | "but") && clause_after_conjunction(doc, start, j, j + 1)
}

/// Does the conjunction at token `c`, after the comma at token `comma`, open
/// a clause with its own subject ("…, and the board agreed", "…, but he said
/// …") rather than go on with a list of the content (a comma before it)?
fn clause_after_conjunction(doc: &Document, start: usize, comma: usize, c: usize) -> bool {
    let list = (start..comma).any(|i| word(doc, i) == ",");
    let subject = word(doc, c + 1);
    let new_subject = subject.chars().next().is_some_and(char::is_uppercase)
        || matches!(
            low(doc, c + 1),
            "the"
                | "he"
                | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "this"
                | "there"
                | "others"
                | "many"
                | "some"
                | "most"
                | "more"
                | "half"
                | "none"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
        )
        || subject.chars().next().is_some_and(|c| c.is_ascii_digit());
    new_subject && !list
}

/// Is token `i` a dash that sets off an aside or a new clause: a dash
/// character, or a hyphen typed with a space before it ("the plan - which")?
fn spaced_dash(doc: &Document, i: usize) -> bool {
    matches!(word(doc, i), "—" | "–" | "―" | "--")
        || (word(doc, i) == "-" && i > 0 && doc.tokens[i].start > doc.tokens[i - 1].end)
}

/// Does a quoted fragment of the content close just before token `j`, with
/// `and`/`but` and a verb in the past there ("called the plan “a mistake”
/// and urged a vote")? Then the verb is a second act of the speaker, not
/// content: the content ends after the fragment's closing mark (returned
/// as the end token). A list of fragments ("“rude” and “a liar”") goes on.
fn fragment_then_new_verb(doc: &Document, start: usize, j: usize) -> Option<usize> {
    if !matches!(word(doc, j), "and" | "but") {
        return None;
    }
    let close = if word(doc, j - 1) == "," { j - 1 } else { j };
    if close <= start + 1 || !is_quote_mark(word(doc, close - 1)) {
        return None;
    }
    // the fragment must open inside the content: its mark is not the first
    if !(start..close - 1).any(|i| is_quote_mark(word(doc, i))) {
        return None;
    }
    let next = word(doc, j + 1);
    let past_verb = next.starts_with(char::is_lowercase)
        && (doc.cue_at_token(j + 1).is_some() || (next.len() > 4 && next.ends_with("ed")));
    past_verb.then_some(close)
}

/// Words before a subjectless "asked" that report a question put to the
/// sentence's subject: "When asked …", "was asked …", "after being asked …".
const ASKED_OPENERS: &[&str] = &[
    "when", "once", "if", "after", "before", "being", "was", "were", "is", "are", "been", ",",
];

/// Words that open the question an "asked" reports, indirectly.
const QUESTION_OPENERS: &[&str] = &[
    "if", "whether", "what", "why", "how", "who", "whom", "whose", "which", "where", "when",
    "about",
];

/// How many words of circumstance may stand between "asked" and its
/// question ("Asked during a debate last week why …").
const MAX_ASKED_GAP: usize = 8;

/// `Asked whether <question>, Lee said …`, `When asked about <topic>, …`,
/// `Lee was asked if <question>`: the question put to the sentence's
/// subject, up to the comma that closes it. Whoever asked is the speaker
/// when the text names them (`asked by Lee whether …`), else unknown: the
/// answer that follows is the subject's own report.
fn asked_question(
    doc: &Document,
    si: usize,
    lo: usize,
    end_tok: usize,
    k: usize,
    after: usize,
    cue: Span,
) -> Option<Utterance> {
    if !cue.text(doc.text).eq_ignore_ascii_case("asked")
        || !(k == lo || ASKED_OPENERS.contains(&low(doc, k - 1)))
    {
        return None;
    }
    let mut c = after;
    let mut asker = None;
    if low(doc, c) == "by" {
        let m = doc.mention_at_token(c + 1)?;
        asker = Some(m);
        c = doc.mentions[m].end_token;
    }
    let opener = (c..(c + MAX_ASKED_GAP).min(end_tok))
        .take_while(|&j| !is_punct(doc, j))
        .find(|&j| QUESTION_OPENERS.contains(&low(doc, j)))?;
    let start = if low(doc, opener) == "about" {
        opener + 1
    } else {
        opener
    };
    // the question closes at a comma, also one inside a quotation that the
    // question ends with (`Asked if the plan is “fair,” most said no`), or
    // at a dash or semicolon
    let mut end = end_tok;
    for j in start..end_tok {
        let w = word(doc, j);
        if w == ";" || spaced_dash(doc, j) {
            end = j;
            break;
        }
        if w == "," {
            if !doc.token_in_quote(j) {
                end = j;
                break;
            }
            if is_quote_mark(word(doc, j + 1)) {
                end = j + 2;
                break;
            }
        }
    }
    if end <= start + 1 {
        return None;
    }
    let content = Span::new(doc.tokens[start].start, doc.tokens[end - 1].end);
    make(doc, si, content, asker, cue, "ask", Kind::Indirect, "asked")
}

/// `As Lee noted, <content>` / `As a study found, <content>`: a cue closing
/// an opening "as"-clause reports the content after its comma.
fn as_x_said(doc: &Document, si: usize, lo: usize, end_tok: usize) -> Option<Utterance> {
    let comma = (lo + 2..(lo + 14).min(end_tok)).find(|&j| word(doc, j) == ",")?;
    let k = comma - 1;
    // the cue ends the clause ("As Lee noted,"), or "put it" does
    let (cue_tok, cue_span, lemma) =
        if word(doc, k).eq_ignore_ascii_case("it") && word(doc, k - 1) == "put" {
            let span = Span::new(doc.tokens[k - 1].start, doc.tokens[k].end);
            (k - 1, span, "put")
        } else {
            let c = doc.cue_at_token(k)?;
            if c.span.end != doc.tokens[k].end {
                return None;
            }
            (k, c.span, c.lemma)
        };
    let subject = subject_before(doc, cue_tok)?;
    if doc.mentions[subject].first_token <= lo {
        return None;
    }
    let start = comma + 1;
    if start + 2 >= end_tok {
        return None;
    }
    let content = Span::new(doc.tokens[start].start, doc.tokens[end_tok - 1].end);
    make(
        doc,
        si,
        content,
        Some(subject),
        cue_span,
        lemma,
        Kind::Indirect,
        "claim_after",
    )
}

/// `In <source>, <content>`: a sentence opening with "In" and a noun phrase
/// naming a document or a speech event ("In a survey published Monday",
/// "In her statement") reports its content; the speaker is the first
/// mention of the phrase (the pollster, the author), else unknown. When the
/// content has a reporting verb of its own ("In an interview, Lee said …"),
/// that verb's claim stands instead.
fn in_source(doc: &Document, si: usize, lo: usize, end_tok: usize) -> Option<Utterance> {
    let comma = (lo + 1..(lo + 16).min(end_tok)).find(|&j| word(doc, j) == ",")?;
    let (noun, lemma) = (lo + 1..comma).find_map(|j| speech_noun_at(doc, j).map(|l| (j, l)))?;
    let start = comma + 1;
    if start + 2 >= end_tok || (start..end_tok).any(|j| doc.cue_at_token(j).is_some()) {
        return None;
    }
    // a name (the pollster, the author) before a descriptive phrase ("a survey")
    let in_phrase = |j: usize| {
        doc.mention_at_token(j)
            .filter(|&m| !doc.mentions[m].in_quote && doc.mentions[m].end_token <= comma)
    };
    let mention = (lo + 1..comma)
        .filter_map(in_phrase)
        .find(|&m| matches!(doc.mentions[m].kind, MentionKind::Person | MentionKind::Org))
        .or_else(|| (lo + 1..comma).find_map(in_phrase));
    let t = doc.tokens[noun];
    let content = Span::new(doc.tokens[start].start, doc.tokens[end_tok - 1].end);
    make(
        doc,
        si,
        content,
        mention,
        Span::new(t.start, t.end),
        lemma,
        Kind::Indirect,
        "in_source",
    )
}

/// `<content…>, said X, <…content>`: an attribution inside its content; the
/// claim has two parts, before and after it.
#[allow(clippy::too_many_arguments)]
fn claim_around(
    doc: &Document,
    si: usize,
    lo: usize,
    end_tok: usize,
    k: usize,
    mention: usize,
    lemma: &str,
    cue: Span,
) -> Option<Utterance> {
    let before = Span::new(doc.tokens[lo].start, doc.tokens[k - 2].end);
    let resume = doc.mentions[mention].end_token + 1;
    let after = Span::new(doc.tokens[resume].start, doc.tokens[end_tok - 1].end);
    two_part_claim(doc, si, before, after, mention, lemma, cue)
}

/// A `claim_around` row: a content in two parts around its attribution.
fn two_part_claim(
    doc: &Document,
    si: usize,
    before: Span,
    after: Span,
    mention: usize,
    lemma: &str,
    cue: Span,
) -> Option<Utterance> {
    let mut u = make(
        doc,
        si,
        Span::new(before.start, after.end),
        Some(mention),
        cue,
        lemma,
        Kind::Indirect,
        "claim_around",
    )?;
    // `make` trims the whole; the parts follow its ends
    if u.span.start >= before.end || u.span.end <= after.start {
        return None;
    }
    let parts = vec![
        Span::new(u.span.start, before.end),
        Span::new(after.start, u.span.end),
    ];
    u.set_parts(parts, doc.text);
    Some(u)
}

/// `<content>, X said.` / `<content>, said X.`: the cue and its subject end the sentence.
#[allow(clippy::too_many_arguments)]
fn claim_before(
    doc: &Document,
    si: usize,
    lo: usize,
    end_tok: usize,
    k: usize,
    after: usize,
    lemma: &str,
    class: CueClass,
    cue: Span,
) -> Option<Utterance> {
    // "…, said X." : cue then mention to the sentence end
    let (mention, attr_start) = if let Some(m) = doc.mention_at_token(after).filter(|&m| {
        let e = doc.mentions[m].end_token;
        // the attribution ends the sentence, or an apposition or a new
        // clause follows it ("…, said Lee, director of …", "…, said Lee, but …")
        e + 3 >= end_tok || word(doc, e) == ","
    }) {
        (m, k)
    } else {
        // "…, X said." : mention then cue at the sentence end (a few words may follow: "on Monday")
        let m = subject_before(doc, k)?;
        // the attribution closes the sentence, or a clause: "…, he said, and …";
        // or an adverbial of the speech event follows ("…, he said in an
        // interview on Saturday")
        if after + 4 < end_tok
            && !(word(doc, after) == "," || word(doc, after) == ";")
            && !(class == CueClass::Speech
                && doc.mentions[m].end_token == k
                && adverbial_tail(doc, after, end_tok, lemma))
        {
            return None;
        }
        // "…, Lee's aides said": the owner belongs to the attribution
        let mut first = doc.mentions[m].first_token;
        if let Some(owner) = doc
            .mention_ending_at(first)
            .filter(|&o| doc.mentions[o].possessive && !doc.mentions[o].in_quote)
        {
            first = doc.mentions[owner].first_token;
        }
        (m, first)
    };
    if doc.mentions[mention].in_quote {
        return None;
    }
    // a comma (or dash) right before the attribution
    // ("That, they say, will be easy": one word before a parenthetical
    // attribution is enough, the content goes on after it)
    let parenthetical_after = attr_start != k && word(doc, after) == ",";
    if attr_start == 0
        || attr_start <= lo + if parenthetical_after { 1 } else { 2 }
        || !matches!(word(doc, attr_start - 1), "," | "—" | "–")
    {
        return None;
    }
    let from = lo.max(attr_start.saturating_sub(MAX_CONTENT_TOKENS));
    // "In the end, Lee said, voters stay home." / "The move, Lee said, was
    // a mistake.": a parenthetical attribution; the content goes on after it
    if parenthetical_after {
        if let Some(c) = parenthetical(
            doc,
            si,
            from,
            attr_start,
            after + 1,
            end_tok,
            mention,
            lemma,
            cue,
        ) {
            return Some(c);
        }
    }
    // "At the hearing, Lee said: “…”": an opening adverbial alone is no
    // content (with a clause after its comma it is: "In May, the plan
    // failed, Lee said")
    if opens_with_phrase_or_subordinate(doc, from)
        && !(from..attr_start - 1).any(|i| word(doc, i) == ",")
    {
        return None;
    }
    let from = skip_connectives(doc, from, attr_start - 1);
    if from + 1 >= attr_start {
        // "And yet, Lee said": nothing but connectives before the attribution
        return None;
    }
    let content = Span::new(doc.tokens[from].start, doc.tokens[attr_start - 2].end);
    make(
        doc,
        si,
        content,
        Some(mention),
        cue,
        lemma,
        Kind::Indirect,
        "claim_before",
    )
}

/// The first token of a content opening at `from` after its sentence's
/// connectives ("Still, the vote will wait", "But the vote …",
/// lexicons/connectives.txt): they tie the sentence to the narrative and
/// are no part of what was said. Stops at `end`.
fn skip_connectives(doc: &Document, from: usize, end: usize) -> usize {
    let mut f = from;
    while f < end && lexicons().connectives.contains(low(doc, f)) {
        if word(doc, f + 1) == "," {
            f += 2;
        } else if matches!(low(doc, f), "and" | "but" | "yet") {
            f += 1;
        } else {
            break;
        }
    }
    f
}

/// Determiners of an unnamed addressee ("told the paper").
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its"];

/// The longest adverbial of the speech event that may follow an inverted
/// attribution at the end of its sentence, in tokens.
const MAX_ADVERBIAL_TAIL: usize = 12;

/// Is `after..end_tok`, right after the cue of `<content>, X said …`, only
/// the circumstances of the speech event: an addressee of a telling cue,
/// then a prepositional or time phrase ("told the paper earlier this week",
/// "said in an interview on Saturday")? A clause there ("…, he said the
/// plan failed") is content of its own, so no finite verb, no "that" and no
/// comma may stand in it.
fn adverbial_tail(doc: &Document, after: usize, end_tok: usize, lemma: &str) -> bool {
    let mut j = after;
    if matches!(lemma, "tell" | "inform" | "assure" | "remind") {
        if let Some(m) = doc.mention_at_token(j) {
            j = doc.mentions[m].end_token;
        } else if DETERMINERS.contains(&low(doc, j)) {
            // an unnamed addressee: "told the paper"
            j += 2;
        } else {
            // "told reporters"
            j += 1;
        }
    }
    if j >= end_tok || end_tok - j > MAX_ADVERBIAL_TAIL {
        return false;
    }
    // "to" opens an infinitive as often as an addressee
    let first = low(doc, j);
    (ADVERBIAL_STARTS.contains(&first) && first != "to" || time_phrase_len(doc, j) > 0)
        && (j..end_tok).all(|i| {
            let w = low(doc, i);
            // no verb: neither a finite or modal form nor a participle
            !is_punct(doc, i)
                && !CLAUSE_STARTERS_SKIP.contains(&w)
                && !EXISTENTIAL_VERBS.contains(&w)
                && !participle(w)
                && doc.cue_at_token(i).is_none()
        })
}

/// Words that open a sentence with an adverbial, not with the subject of
/// the content: before a parenthetical attribution ("In the end, Lee said,
/// …") the content is what follows it.
const ADVERBIAL_OPENERS: &[&str] = &[
    "but",
    "and",
    "yet",
    "still",
    "so",
    "then",
    "now",
    "for",
    "with",
    "without",
    "amid",
    "despite",
    "as",
    "if",
    "of",
    "because",
    "since",
    "by",
    "from",
    "under",
    "instead",
    "meanwhile",
    "indeed",
    "ultimately",
    "finally",
    "first",
    "second",
    "overall",
];

/// Does the sentence part starting at token `from` open with an adverbial
/// ("In the end", "While …", "Asked about it") rather than a subject?
fn opens_with_adverbial(doc: &Document, from: usize) -> bool {
    let first = low(doc, from);
    ADVERBIAL_STARTS.contains(&first)
        || SUBORDINATORS.contains(&first)
        || ADVERBIAL_OPENERS.contains(&first)
        || opens_with_participle(doc, from)
}

/// Does token `from` open a participle clause ("Asked about it", "Holding
/// a book"): a word in -ed or -ing that is no name?
fn opens_with_participle(doc: &Document, from: usize) -> bool {
    let first = low(doc, from);
    (first.ends_with("ed") || first.ends_with("ing")) && doc.mention_at_token(from).is_none()
}

/// Prepositions that open an adverbial phrase at the start of a sentence.
const OPENING_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "over",
    "via",
    "through",
    "with",
    "without",
    "amid",
    "despite",
    "by",
    "from",
    "under",
    "of",
    "for",
    "upon",
    "following",
];

/// Does the sentence part starting at token `from` open with a prepositional
/// phrase, a subordinate clause or a participle ("At the hearing", "If the
/// plan fails", "Asked about it")? Unlike [`opens_with_adverbial`], a
/// conjunction ("But the plan …") opens a clause that may be content.
fn opens_with_phrase_or_subordinate(doc: &Document, from: usize) -> bool {
    let first = low(doc, from);
    OPENING_PREPOSITIONS.contains(&first)
        || SUBORDINATORS.contains(&first)
        || opens_with_participle(doc, from)
}

/// `<opener>, X said, <content>` or `<subject>, X said, <rest of content>`:
/// the attribution (tokens `attr_start..resume - 1`) stands inside the
/// sentence. An adverbial opener is no content; anything else before it is
/// the first part of the content. `None` when the sentence goes on with
/// something else ("…, Lee said, adding …", "…, Lee said, and …").
#[allow(clippy::too_many_arguments)]
fn parenthetical(
    doc: &Document,
    si: usize,
    from: usize,
    attr_start: usize,
    resume: usize,
    end_tok: usize,
    mention: usize,
    lemma: &str,
    cue: Span,
) -> Option<Utterance> {
    if resume + 3 > end_tok {
        return None;
    }
    let next = word(doc, resume);
    let resumes = next.starts_with(char::is_alphabetic)
        && !matches!(
            low(doc, resume),
            "and" | "but" | "or" | "while" | "who" | "which" | "whose" | "according" | "as"
        )
        && !next.ends_with("ing")
        && doc.cue_at_token(resume).is_none();
    if !resumes {
        return None;
    }
    let adverbial = opens_with_adverbial(doc, from);
    let after = Span::new(doc.tokens[resume].start, doc.tokens[end_tok - 1].end);
    if adverbial {
        return make(
            doc,
            si,
            after,
            Some(mention),
            cue,
            lemma,
            Kind::Indirect,
            "claim_after",
        );
    }
    // a subject ("The move, Lee said, was …") or a whole clause whose
    // sentence goes on ("The plan, Lee said, is dead, and the board knows
    // it"): both parts, as annotators of reported speech mark it
    let before = Span::new(doc.tokens[from].start, doc.tokens[attr_start - 2].end);
    two_part_claim(doc, si, before, after, mention, lemma, cue)
}

/// `According to X, <content>` / `<content>, according to X.`
fn according_to(
    doc: &Document,
    si: usize,
    lo: usize,
    end_tok: usize,
    k: usize,
) -> Option<Utterance> {
    let cue = Span::new(doc.tokens[k].start, doc.tokens[k + 1].end);
    // the source: the first mention within a few words ("according to port officials")
    let m = (k + 2..(k + 6).min(end_tok))
        .take_while(|&j| word(doc, j) != ",")
        .find_map(|j| doc.mention_at_token(j));
    let src_end = m.map_or_else(
        || {
            (k + 2..end_tok)
                .find(|&j| word(doc, j) == ",")
                .unwrap_or(end_tok)
        },
        |m| doc.mentions[m].end_token,
    );
    let content = if k <= lo + 1 {
        // According to X, content.
        let mut start = src_end;
        while start < end_tok && word(doc, start) != "," {
            start += 1;
        }
        start += 1;
        if start >= end_tok {
            return None;
        }
        Span::new(doc.tokens[start].start, doc.tokens[end_tok - 1].end)
    } else {
        // content, according to X.
        if word(doc, k - 1) != "," {
            return None;
        }
        Span::new(doc.tokens[lo].start, doc.tokens[k - 2].end)
    };
    let u = make(
        doc,
        si,
        content,
        m,
        cue,
        "according to",
        Kind::AccordingTo,
        "according_to",
    );
    with_phrase_source(doc, u, m, k + 2, src_end)
}

/// The longest noun phrase after "according to" that may stand for a
/// source without a name ("according to federal statistics", "according to
/// attorneys for the family"), in tokens.
const MAX_SOURCE_PHRASE: usize = 10;

/// When no mention names the source of an according-to claim, its noun
/// phrase (tokens `from..to`) is the speaker as written, with no corpus key:
/// like a noun-phrase subject, the same words elsewhere are not the same
/// source.
fn with_phrase_source(
    doc: &Document,
    u: Option<Utterance>,
    m: Option<usize>,
    from: usize,
    to: usize,
) -> Option<Utterance> {
    let mut u = u?;
    if m.is_some() || to <= from || to - from > MAX_SOURCE_PHRASE {
        return Some(u);
    }
    let mut e = to;
    while e > from && is_punct(doc, e - 1) {
        e -= 1;
    }
    if e <= from || (from..e).any(|j| doc.token_in_quote(j)) {
        return Some(u);
    }
    let span = Span::new(doc.tokens[from].start, doc.tokens[e - 1].end);
    u.mention = Some(span);
    u.speaker = Some(span.text(doc.text).to_string());
    Some(u)
}
