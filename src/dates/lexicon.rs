//! The word lists of `lexicons/dates/`, compiled once: a word → class table
//! for the tagger, and a quick test of the shape of the trigger words that
//! make a sentence worth tagging.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

/// What a word can be in a temporal expression (one word may be several:
/// `second` is an ordinal and a unit, `may` a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Month(u32),
    Weekday(u32),
    Num(u32),
    Ord(u32),
    Unit(&'static str),
    Pod(&'static str),
    Season(&'static str),
    Deictic(i64),
    Ref(&'static str),
    Set(&'static str),
    /// A holiday: month and day, the day encoded as in `words.tsv`.
    Holiday(u32, u32),
    /// A holiday only as `<Word> Day` (`Election Day`).
    DayHoliday(u32, u32),
    Rel(i32),
    Mod(&'static str),
    Approx(&'static str),
    /// The first word of a year in words (`nineteen`, `thousand`): no
    /// meaning of its own, it only makes the sentence worth tagging.
    YearWord,
    /// A decade in words (`nineties` 9).
    DecadeWord(u32),
    /// A word the grammar reads by itself (`recent`, `noon`): it only makes
    /// the sentence worth tagging.
    Literal,
    /// A word that can start an expression without meaning anything by
    /// itself (`the`, `every`, `Mondays`); it does not make a sentence
    /// worth tagging.
    Starter,
}

impl Class {
    /// Classes that can anchor an expression by themselves; sentences
    /// without one of these (or a digit) are skipped.
    pub fn triggers(&self) -> bool {
        !matches!(
            self,
            Class::Num(_)
                | Class::Ord(_)
                | Class::Rel(_)
                | Class::Mod(_)
                | Class::Approx(_)
                | Class::Starter
        )
    }
}

/// The day code of Easter Sunday in a [`Class::Holiday`] (`E` in
/// `words.tsv`): no fixed day nor a weekday of the month, it is computed for
/// each year.
pub const EASTER: u32 = 99;

/// The parts of the day code `d` of a holiday on a weekday of its month
/// (`words.tsv`: `NWW` plus `K000`, K days after the N-th weekday WW, N 5
/// the last): `(K, N, WW)`.
pub fn weekday_code(d: u32) -> (u32, u32, u32) {
    (d / 1000, d % 1000 / 100, d % 100)
}

/// Direction a word gives to a bare weekday or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Past,
    Future,
}

/// What a word says about the tense of the clause around a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A tense marker.
    Tense(Dir),
    /// A marker that counts less than a verb (`until`, `soon`): it often
    /// qualifies something else than the date.
    Weak(Dir),
    /// Future before `to` only (`plans to`, `set to`, not `the plan`).
    BeforeTo,
    /// Like [`Rule::BeforeTo`], but a past form: only a date after it is
    /// in that future (`planned to leave on Friday`), a date before it is
    /// when the planning happened (`On Friday the team planned to leave`).
    PastBeforeTo,
    /// A verb of saying: past, but it tells when the words were said, not
    /// when the reported event happens, so any other marker wins over it.
    Report,
    /// A clause boundary (`that`, `;`, quotation marks): markers beyond it
    /// belong to another clause.
    Boundary,
    /// A passive or perfect auxiliary: the `-ed` participle after it is no
    /// past marker of its own (`will be named`).
    Aux,
    /// A determiner: an `-ed` word right after it is an adjective.
    Det,
    /// The end of a span right before the date (`loans through January`):
    /// a weak future marker there, nothing elsewhere (`ripped through a
    /// building Friday`).
    Deadline,
    /// A verb that moves a time ahead (`postponed`, `delayed`): before
    /// `until` or `till`, a date after it is in the future (`postponed
    /// until Tuesday`); elsewhere a past form like any other (`postponed
    /// the vote Tuesday`).
    Postpone,
}

pub struct Lexicon {
    words: HashMap<&'static str, Vec<Class>>,
    tense: HashMap<&'static str, Rule>,
    /// Nouns after which `today's` means "present-day" (`today's youth`).
    present_day: rustc_hash::FxHashSet<&'static str>,
    /// Modal verbs (`could`, `will`): `one day` after one is a vague future.
    modals: rustc_hash::FxHashSet<&'static str>,
    /// The shapes of the trigger words: bit `l` of `shapes[n][f]` is set
    /// when a trigger word has `n` letters, first letter `f` and last letter
    /// `l` (a, b, … as 0, 1, …). Most words of a text fail this test, and
    /// only the others are looked up.
    shapes: [[u32; 26]; TRIGGER_MAX + 1],
    /// The trigger words by [`packed`] form, each with whether all its
    /// classes are months (`may`, `march` trigger only when capitalised):
    /// the scan looks up every word of trigger shape, and a whole-integer
    /// key spares it the lowering into a buffer, the UTF-8 check and the
    /// hashing and comparing of a string.
    trigger_words: rustc_hash::FxHashMap<u128, bool>,
}

/// The ASCII word `w` (at most [`TRIGGER_MAX`] bytes) lowercased and packed
/// into an integer, byte `n` at bits `8n..`: no letter is a zero byte, so
/// words of different lengths differ.
#[inline]
fn packed(w: &[u8]) -> Option<u128> {
    if w.len() > TRIGGER_MAX {
        return None;
    }
    let mut k = 0u128;
    for (n, &c) in w.iter().enumerate() {
        k |= u128::from(c.to_ascii_lowercase()) << (8 * n);
    }
    Some(k)
}

/// The longest trigger word has at most this many bytes.
pub const TRIGGER_MAX: usize = 16;

/// `b` as a letter index (a, A → 0), when an ASCII letter.
fn letter(b: u8) -> Option<usize> {
    b.is_ascii_alphabetic()
        .then(|| (b.to_ascii_lowercase() - b'a') as usize)
}

impl Lexicon {
    /// The classes of a lowercased word.
    #[inline]
    pub fn classes(&self, lower: &str) -> &[Class] {
        self.words.get(lower).map_or(&[], Vec::as_slice)
    }

    /// Does this lowercased noun make `today's` before it "present-day"?
    pub fn present_day(&self, lower: &str) -> bool {
        self.present_day.contains(lower)
    }

    /// Is this lowercased word a modal verb (`lexicons/dates/modals.txt`)?
    pub fn modal(&self, lower: &str) -> bool {
        self.modals.contains(lower)
    }

    /// Can the word `w` (any case) be a trigger word, judging by its length
    /// and its first and last letters? False for all words that are not.
    #[inline]
    pub fn trigger_shape(&self, w: &[u8]) -> bool {
        let (Some(&f), Some(&l)) = (w.first(), w.last()) else {
            return false;
        };
        match (letter(f), letter(l)) {
            (Some(f), Some(l)) if w.len() <= TRIGGER_MAX => self.shapes[w.len()][f] >> l & 1 == 1,
            _ => false,
        }
    }

    /// Is the word `w` of ASCII letters (any case) a trigger word? `Some`
    /// when it is, with whether all of its classes are months.
    #[inline]
    pub fn trigger_word(&self, w: &[u8]) -> Option<bool> {
        self.trigger_words.get(&packed(w)?).copied()
    }

    /// What a lowercased word says about tense, if anything.
    pub fn rule(&self, lower: &str) -> Option<Rule> {
        self.tense.get(lower).copied()
    }
}

fn parse_class(class: &str, value: &'static str) -> Option<Class> {
    let n = || value.parse::<u32>().ok();
    Some(match class {
        "month" => Class::Month(n()?),
        "weekday" => Class::Weekday(n()?),
        "num" => Class::Num(n()?),
        "ord" => Class::Ord(n()?),
        "unit" => Class::Unit(value),
        "pod" => Class::Pod(value),
        "season" => Class::Season(value),
        "deictic" => Class::Deictic(value.parse().ok()?),
        "ref" => Class::Ref(value),
        "set" => Class::Set(value),
        "holiday" => {
            let (m, d) = value.split_once('-')?;
            let d = if d == "E" { EASTER } else { d.parse().ok()? };
            Class::Holiday(m.parse().ok()?, d)
        }
        "dayholiday" => {
            let (m, d) = value.split_once('-')?;
            Class::DayHoliday(m.parse().ok()?, d.parse().ok()?)
        }
        "rel" => Class::Rel(value.parse().ok()?),
        "mod" => Class::Mod(value),
        "approx" => Class::Approx(value),
        "yearword" => Class::YearWord,
        "literal" => Class::Literal,
        "starter" => Class::Starter,
        "decade" => Class::DecadeWord(n()?),
        _ => return None,
    })
}

/// The compiled lexicon (built on first use).
pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut words: HashMap<&'static str, Vec<Class>> = HashMap::default();
        // digits are found by their own scan (`triggers.rs`)
        let mut shapes = [[0u32; 26]; TRIGGER_MAX + 1];
        for row in crate::lexicon::rows(include_str!("../../lexicons/dates/words.tsv")) {
            if let [word, class, value] = row[..] {
                if let Some(c) = parse_class(class, value) {
                    if c.triggers() {
                        let b = word.as_bytes();
                        // the scan reads whole runs of ASCII letters
                        assert!(
                            !b.is_empty()
                                && b.len() <= TRIGGER_MAX
                                && b.iter().all(u8::is_ascii_lowercase),
                            "trigger word {word:?}: lowercase ASCII letters, at most {TRIGGER_MAX}"
                        );
                        let (f, l) = (b[0] - b'a', b[b.len() - 1] - b'a');
                        shapes[b.len()][f as usize] |= 1 << l;
                    }
                    words.entry(word).or_default().push(c);
                }
            }
        }
        let tense = crate::lexicon::rows(include_str!("../../lexicons/dates/rules.tsv"))
            .filter_map(|r| match r[..] {
                [w, "past"] => Some((w, Rule::Tense(Dir::Past))),
                [w, "future"] => Some((w, Rule::Tense(Dir::Future))),
                [w, "weak-past"] => Some((w, Rule::Weak(Dir::Past))),
                [w, "weak-future"] => Some((w, Rule::Weak(Dir::Future))),
                [w, "to"] => Some((w, Rule::BeforeTo)),
                [w, "past-to"] => Some((w, Rule::PastBeforeTo)),
                [w, "report"] => Some((w, Rule::Report)),
                [w, "boundary"] => Some((w, Rule::Boundary)),
                [w, "aux"] => Some((w, Rule::Aux)),
                [w, "det"] => Some((w, Rule::Det)),
                [w, "deadline"] => Some((w, Rule::Deadline)),
                [w, "postpone"] => Some((w, Rule::Postpone)),
                _ => None,
            })
            .collect();
        let present_day =
            crate::lexicon::lines(include_str!("../../lexicons/dates/present_day_nouns.txt"))
                .collect();
        let modals =
            crate::lexicon::lines(include_str!("../../lexicons/dates/modals.txt")).collect();
        let trigger_words = words
            .iter()
            .filter(|(_, classes)| classes.iter().any(Class::triggers))
            .filter_map(|(w, classes)| {
                let months = classes.iter().all(|c| matches!(c, Class::Month(_)));
                Some((packed(w.as_bytes())?, months))
            })
            .collect();
        Lexicon {
            words,
            tense,
            present_day,
            modals,
            shapes,
            trigger_words,
        }
    })
}
