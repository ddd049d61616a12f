//! Properties of `sayso::extract` that hold for every input: no panic, spans
//! in bounds and on char boundaries, quote text rebuilt from its parts, kinds
//! and methods filled, deterministic output, and termination on pathological
//! inputs that a quadratic pass would not finish.
//!
//! Cases per property: `PROPTEST_CASES` (proptest's own variable; 256 when
//! unset). The bounded random run is `fuzz_extract` (ignored by default):
//!
//! ```text
//! SAYSO_FUZZ_SECS=10 cargo test --release --test tests -- --ignored fuzz_extract
//! ```
//!
//! It writes every input that panics or breaks an invariant to
//! `tests/data/crashers/`, and `replay_crashers` runs those files on every
//! `cargo test`. Inputs of bugs not yet fixed live in
//! `tests/data/crashers/open/` and are replayed by the ignored
//! `replay_open_crashers`.

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};
use sayso::{extract, Article, Extraction, Extractor, Kind, Span, Utterance};

// ---------------------------------------------------------------------------
// The invariants, as one checker shared by the properties, the fuzz harness
// and the crasher replay. It panics with the article text in the message so a
// failure can be reproduced from the log alone.

fn span_ok(text: &str, s: Span) -> Result<(), String> {
    if s.start > s.end {
        return Err(format!("span {s:?} starts after it ends"));
    }
    if s.end > text.len() {
        return Err(format!(
            "span {s:?} ends past the text ({} bytes)",
            text.len()
        ));
    }
    if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
        return Err(format!("span {s:?} is not on char boundaries"));
    }
    Ok(())
}

fn utterance_ok(text: &str, u: &Utterance, is_quote: bool) -> Result<(), String> {
    span_ok(text, u.span).map_err(|e| format!("span: {e}"))?;
    for (i, p) in u.parts.iter().enumerate() {
        span_ok(text, *p).map_err(|e| format!("part {i}: {e}"))?;
        if !p.within(&u.span) {
            return Err(format!("part {i} {p:?} outside span {:?}", u.span));
        }
    }
    for w in u.parts.windows(2) {
        if w[0].end > w[1].start {
            return Err(format!(
                "parts out of order or overlapping: {:?} then {:?}",
                w[0], w[1]
            ));
        }
    }
    for (i, m) in u.marks.iter().enumerate() {
        span_ok(text, *m).map_err(|e| format!("marks {i}: {e}"))?;
    }
    if let Some(m) = u.mention {
        span_ok(text, m).map_err(|e| format!("mention: {e}"))?;
    }
    if let Some(c) = u.cue {
        span_ok(text, c).map_err(|e| format!("cue: {e}"))?;
    }
    if u.method.is_empty() {
        return Err("empty method".into());
    }
    if !(0.0..=1.0).contains(&u.confidence) {
        return Err(format!("confidence {} outside [0, 1]", u.confidence));
    }
    if is_quote {
        if u.parts.is_empty() {
            return Err("quote without parts".into());
        }
        let joined = u
            .parts
            .iter()
            .map(|p| p.text(text))
            .collect::<Vec<_>>()
            .join(" ");
        if u.text != joined {
            return Err(format!(
                "text {:?} is not the parts joined by a space {joined:?}",
                u.text
            ));
        }
        if !matches!(u.kind, Kind::Direct | Kind::Mixed) {
            return Err(format!("quote of kind {}", u.kind.as_str()));
        }
    } else if !matches!(u.kind, Kind::Indirect | Kind::AccordingTo | Kind::Mixed) {
        return Err(format!("claim of kind {}", u.kind.as_str()));
    }
    Ok(())
}

/// Every invariant of one extraction; the first broken one, in words.
fn invariants(x: &Extraction) -> Result<(), String> {
    let text = x.article.text.as_str();
    for (i, q) in x.quotes.iter().enumerate() {
        utterance_ok(text, q, true).map_err(|e| format!("quote {i} ({:?}): {e}", q.method))?;
    }
    for (i, c) in x.claims.iter().enumerate() {
        utterance_ok(text, c, false).map_err(|e| format!("claim {i} ({:?}): {e}", c.method))?;
    }
    for (i, d) in x.dates.iter().enumerate() {
        span_ok(text, d.span).map_err(|e| format!("date {i}: {e}"))?;
    }
    for s in &x.speakers {
        if s.speaker_id.is_empty() || s.name.is_empty() {
            return Err(format!("speaker row with an empty id or name: {s:?}"));
        }
    }
    Ok(())
}

fn check(article: Article) -> Extraction {
    let text = article.text.clone();
    let x = extract(article);
    if let Err(e) = invariants(&x) {
        panic!("{e}\ninput: {text:?}");
    }
    x
}

// ---------------------------------------------------------------------------
// Generators. Tokens are invented words and names (no corpus text); the odd
// characters are the ones that break naive offset arithmetic: multi-byte
// marks, case mappings that change byte length (İ, ß), combining marks,
// joiners, direction marks, line separators, controls and NUL.

const MARKS: &[&str] = &[
    "\"", "“", "”", "„", "‟", "«", "»", "‹", "›", "‚", "‘", "’", "'", "``", "''", "＂", "「", "」",
];
const WORDS: &[&str] = &[
    "the",
    "plan",
    "will",
    "fail",
    "we",
    "won",
    "council",
    "budget",
    "on",
    "Monday",
    "November",
    "20",
    "2017",
    "last",
    "week",
    "yesterday",
    "that",
    "and",
    "a",
    "minister",
    "President",
    "Mr",
    "Dr.",
    "U.S.",
    "e.g.",
    "it's",
    "don't",
    "rock'n'roll",
    "'90s",
    "of",
    "to",
    "in",
    "not",
    "never",
    "again",
    "early",
    "December",
    "two",
    "years",
    "ago",
    "tonight",
    "1999",
    "11/20/2017",
    "2017-11-20",
];
const VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "told reporters",
    "added",
    "according to",
    "According to",
    "argued",
    "warned",
    "pointed out",
    "insisted",
    "claimed",
    "denied",
    "asked",
    "was quoted as saying",
    "said that",
    "told the paper that",
];
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "I", "we", "He", "She", "They", "his", "her",
];
const PUNCT: &[&str] = &[
    ",", ".", ";", ":", "?", "!", "—", "–", "-", "(", ")", "…", "...", ", ", ". ",
];
const ODD: &[&str] = &[
    "😀",
    "👩‍👩‍👧",
    "🇳🇴",
    "e\u{301}",
    "\u{301}",
    "\u{200F}",
    "\u{202E}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{7}",
    "\u{1b}",
    "\0",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{A0}",
    "\r",
    "İ",
    "İSTANBUL",
    "ß",
    "STRAßE",
    "ǅ",
    "ﬁ",
    "Σ",
    "ΌΣΟΣ",
    "ﾟ",
    "\u{10FFFF}",
    "ǈ",
    "ﬃ",
    "\u{E000}",
];
const SEPS: &[&str] = &[
    " ", " ", " ", " ", " ", "", "\n", "\n\n", "\r\n", "\t", "  ",
];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(list).prop_map(str::to_string)
}

fn name() -> impl Strategy<Value = String> {
    "[A-Z][a-zé]{1,8}( [A-Z][a-z]{1,8}){0,2}"
}

/// One token of a news-like soup.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => pick(WORDS),
        3 => name(),
        3 => pick(VERBS),
        2 => pick(PRONOUNS),
        4 => pick(MARKS),
        3 => pick(PUNCT),
        1 => pick(ODD),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Tokens glued by mostly spaces, sometimes nothing, newlines or blank lines.
fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec((token(), pick(SEPS)), 0..160)
        .prop_map(|ts| ts.into_iter().map(|(t, s)| t + &s).collect())
}

/// A sentence shaped like reported speech, with random (often unmatched) marks.
fn sentence() -> impl Strategy<Value = String> {
    let words = || prop::collection::vec(pick(WORDS), 1..12).prop_map(|w| w.join(" "));
    (
        pick(MARKS),
        pick(MARKS),
        words(),
        words(),
        name(),
        pick(VERBS),
        pick(PRONOUNS),
        0..7u8,
    )
        .prop_map(
            |(open, close, w1, w2, who, verb, pron, shape)| match shape {
                0 => format!("{open}{w1},{close} {who} {verb}."),
                1 => format!("{who} {verb}: {open}{w1}.{close}"),
                2 => format!("{open}{w1},{close} {pron} {verb}, {open}{w2}.{close}"),
                3 => format!("According to {who}, {w1}."),
                4 => format!("{who} {verb} that {w1}."),
                5 => format!("{who} called it {open}{w1}{close} and {w2}."),
                _ => format!("{open}{w1}\n\n{open}{w2}.{close} {verb} {who}"),
            },
        )
}

fn story() -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(), pick(SEPS)), 0..24)
        .prop_map(|ss| ss.into_iter().map(|(t, s)| t + &s).collect())
}

/// `base` with odd characters inserted at (char boundary) positions.
fn sprinkled(base: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    (
        base,
        prop::collection::vec((any::<prop::sample::Index>(), pick(ODD)), 0..8),
    )
        .prop_map(|(s, ins)| {
            let mut s = s;
            for (at, odd) in ins {
                let bounds: Vec<usize> =
                    s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
                s.insert_str(bounds[at.index(bounds.len())], &odd);
            }
            s
        })
}

/// Any text the properties run on.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        1 => prop::collection::vec(any::<u8>(), 0..400).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        4 => sprinkled(soup()),
        4 => sprinkled(story()),
    ]
}

/// A short generated snippet repeated up to a few thousand times (at most
/// about 100 kB): the shape of input that exposes super-linear passes.
fn repeated() -> impl Strategy<Value = String> {
    (sprinkled(prop_oneof![soup(), story()]), 100usize..3000).prop_map(|(s, n)| {
        let n = n.min(100_000 / s.len().max(1));
        s.repeat(n)
    })
}

fn published() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (1i32..=9999, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
    )
}

fn article() -> impl Strategy<Value = Article> {
    (any_text(), published()).prop_map(|(text, published)| Article {
        published,
        ..Article::new(text)
    })
}

fn config() -> ProptestConfig {
    // Cases from PROPTEST_CASES (default 256). No regression file beside the
    // sources: a failing input goes to tests/data/crashers/ by hand or by
    // the fuzz harness, where `replay_crashers` keeps it.
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// 1, 2, 5: no panic; spans, parts and text; kinds and methods.

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode_never_panics_and_keeps_offsets(text in any::<String>()) {
        check(Article::new(text));
    }

    #[test]
    fn news_like_text_keeps_every_invariant(text in sprinkled(soup())) {
        check(Article::new(text));
    }

    #[test]
    fn reported_speech_keeps_every_invariant(text in sprinkled(story()), published in published()) {
        check(Article { published, ..Article::new(text) });
    }

    // 3: the same article gives the same extraction; another article
    // extracted before it changes nothing; a shared extractor on another
    // thread gives the same answer.
    #[test]
    fn extraction_is_deterministic_and_independent(a in article(), b in article()) {
        let alone = extract(a.clone());
        let again = extract(a.clone());
        prop_assert_eq!(&alone, &again);
        let ex = Extractor::new();
        let _ = ex.extract(b);
        prop_assert_eq!(&alone, &ex.extract(a.clone()));
        let threaded = std::thread::scope(|s| s.spawn(|| ex.extract(a)).join().unwrap());
        prop_assert_eq!(&alone, &threaded);
    }
}

#[test]
fn edge_texts_keep_every_invariant() {
    for text in [
        "",
        " ",
        "\n",
        "\n\n\n",
        "\0",
        "\"",
        "“",
        "”",
        "''",
        "``",
        "'",
        "\u{FEFF}",
        "\u{301}",
        "\u{200F}",
        "\"\"",
        "“”",
        "« »",
        "``''",
        "\" \"",
        "said",
        "according to",
        "According to",
        "he said",
        "“\n”",
        "“a\n\n”b",
        "İ said “x”.",
        "\r\n\r\n“a”\r\n",
        "a\u{2028}“b”\u{2029}c said.",
    ] {
        check(Article::new(text));
    }
}

#[test]
fn published_dates_at_the_calendar_edges_keep_every_invariant() {
    for (y, m, d) in [(1, 1, 1), (9999, 12, 31), (2000, 2, 29), (1970, 1, 1)] {
        let published = NaiveDate::from_ymd_opt(y, m, d);
        check(Article {
            published,
            ..Article::new("“We start today,” Ana Veld said on Monday, two years after 2015.")
        });
    }
}

// ---------------------------------------------------------------------------
// 4: pathological inputs finish. Sizes are what a debug build handles in
// about a second or less when every pass is linear; a quadratic pass over
// any of them would run for minutes.

fn finishes(text: String) -> Extraction {
    check(Article::new(text))
}

#[test]
fn many_straight_quotation_marks_finish() {
    finishes("\"".repeat(200_000));
}

#[test]
fn many_curly_quotation_marks_finish() {
    finishes("“".repeat(100_000));
    finishes("”“".repeat(50_000));
}

#[test]
fn deeply_nested_quotes_finish() {
    let depth = 5_000;
    let mut s = String::new();
    for i in 0..depth {
        s.push_str(if i % 2 == 0 { "“a " } else { "‘b " });
    }
    for i in (0..depth).rev() {
        s.push_str(if i % 2 == 0 { "c” " } else { "d’ " });
    }
    s.push_str("she said.");
    finishes(s);
}

#[test]
fn two_megabytes_without_spaces_finish() {
    finishes("a".repeat(2_000_000));
}

#[test]
fn many_short_sentences_finish() {
    finishes("He said. ".repeat(50_000));
    finishes("“a,” he said. ".repeat(20_000));
    finishes("\n".repeat(200_000));
}

#[test]
fn many_names_and_that_clauses_finish() {
    finishes("Ana Veld ".repeat(50_000));
    finishes("said that ".repeat(50_000));
}

// The four below are quadratic today (debug build, time doubling the input
// -> about 4x): they are the regression tests of those bugs.

/// Bug: one sentence of repeated "he said" is quadratic. Debug build:
/// 1k repeats 0.40 s, 2k 1.4 s, 4k 5.7 s, 8k 22 s; 100k would take about an hour.
/// A profile puts 94% of the time in `claims::claim_after` (via `claims::make`).
/// Bug: every quote and claim was dated by scanning every date expression
/// of the article, so an article with thousands of both was quadratic
/// (debug build, 400 kB of one dated reported sentence: 93 s).
#[test]
fn many_dated_claims_finish() {
    let mut a = Article::new("The board said on Monday that the plan was late. ".repeat(8_000));
    a.published = NaiveDate::from_ymd_opt(2024, 5, 10);
    let x = check(a);
    assert_eq!(x.claims.len(), 8_000);
}

#[test]
fn many_he_said_finish() {
    finishes("he said ".repeat(100_000));
}

/// Bug: a long run of unpaired mixed quotation marks is quadratic. Debug:
/// 500 repeats 0.35 s, 1k 1.4 s, 2k 4.1 s, 4k 16 s (no quotes found).
/// A profile puts 99% in `attribution::sieves::run` (`classify`, `sentence_cue`).
#[test]
fn many_mixed_quotation_marks_finish() {
    finishes("« ‹ „ ‚ ‘ ' `` ".repeat(20_000));
}

/// Bug: a 2 MB single line of reported speech is quadratic. Debug: 500
/// repeats of the 86-byte chunk 0.21 s, 1k 0.69 s, 2k 2.5 s, 4k (344 kB) 9.7 s.
/// A profile puts 91% in `attribution::sieves::classify` (`word`).
#[test]
fn two_megabyte_single_line_finishes() {
    let chunk =
        "the council said “the plan will fail” and Ana Veld told reporters that it was late, ";
    let line: String = chunk.repeat(2_000_000 / chunk.len() + 1);
    let x = finishes(line);
    assert!(!x.quotes.is_empty());
}

/// Bug: repeated "According to " is quadratic. Debug: 4k repeats 0.20 s,
/// 25k 4.4 s, 50k 16 s. A profile puts 85% in `attribution::coref::resolve`.
#[test]
fn many_according_to_finish() {
    finishes("According to ".repeat(50_000));
}

// ---------------------------------------------------------------------------
// Crashers: every file under tests/data/crashers/ is an input that once broke
// an invariant. The fixed ones are replayed on every run; the open ones (bugs
// not fixed yet) only with --ignored.

fn crashers_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/crashers")
}

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
}

fn replay(dir: &Path) -> usize {
    let files = inputs(dir);
    for f in &files {
        let bytes = fs::read(f).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let r = panic::catch_unwind(|| check(Article::new(text)));
        assert!(r.is_ok(), "crasher {} still fails", f.display());
    }
    files.len()
}

#[test]
fn replay_crashers() {
    let n = replay(&crashers_dir());
    eprintln!("replayed {n} crasher inputs");
}

#[test]
fn replay_open_crashers() {
    replay(&crashers_dir().join("open"));
}

// ---------------------------------------------------------------------------
// The bounded fuzz run (stable toolchain: proptest's generators as the input
// source, catch_unwind as the oracle).

/// Runs random inputs for `SAYSO_FUZZ_SECS` seconds (default 10). An input that
/// panics or breaks an invariant is written to tests/data/crashers/; one that
/// takes longer than `SAYSO_FUZZ_SLOW_MS` (default 2000) is written there as
/// `slow-*.txt`. Fails when it found anything.
#[test]
#[ignore = "bounded fuzz run; use --release and SAYSO_FUZZ_SECS"]
fn fuzz_extract() {
    let secs: u64 = std::env::var("SAYSO_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let slow_ms: u128 = std::env::var("SAYSO_FUZZ_SLOW_MS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let dir = crashers_dir();
    let strategy = prop_oneof![
        19 => article(),
        1 => (repeated(), published()).prop_map(|(text, published)| Article { published, ..Article::new(text) }),
    ];
    let mut runner = TestRunner::new(config());
    let (mut runs, mut found) = (0u64, Vec::new());
    // The panic hook would print every caught panic; the written files say it.
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        let a = strategy.new_tree(&mut runner).expect("generator").current();
        let text = a.text.clone();
        let t0 = Instant::now();
        let r = panic::catch_unwind(AssertUnwindSafe(|| check(a)));
        let slow = t0.elapsed().as_millis() > slow_ms;
        runs += 1;
        if r.is_err() || slow {
            let prefix = if slow { "slow-" } else { "" };
            let name = format!(
                "{prefix}{:016x}.txt",
                sayso::article::fnv1a64(text.as_bytes())
            );
            fs::create_dir_all(&dir).unwrap();
            fs::write(dir.join(&name), &text).unwrap();
            found.push(name);
        }
    }
    panic::set_hook(hook);
    eprintln!(
        "fuzz_extract: {runs} inputs in {secs} s, {} written to {}",
        found.len(),
        dir.display()
    );
    assert!(found.is_empty(), "inputs that fail: {found:?}");
}
