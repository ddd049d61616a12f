//! Tests: eval_polnear (the PolNeAR attribution evaluation).

use std::path::{Path, PathBuf};

use sayso::eval::brat::{parse_ann, Attribution};
use sayso::eval::overlap::{greedy_match, is_match, normalize, Counter};
use sayso::eval::polnear::{load, run, score, GoldArticle};
use sayso::eval::quoting::{classify, enclosed, GoldClass};
use sayso::eval::source_rule::{is_function_word, source_correct};
use sayso::{Article, Extraction, Kind, Span, Utterance};

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/polnear")
}

/// Code-point range of the `nth` occurrence of `needle` in `text`.
fn cp(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let b = text
        .match_indices(needle)
        .nth(nth)
        .expect("needle in text")
        .0;
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

/// Byte span of the `nth` occurrence of `needle` in `text`.
fn bs(text: &str, needle: &str, nth: usize) -> Span {
    let b = text
        .match_indices(needle)
        .nth(nth)
        .expect("needle in text")
        .0;
    Span::new(b, b + needle.len())
}

/// An extraction of `text` whose rows are exactly `quotes` and `claims`.
fn extraction(text: &str, quotes: Vec<Utterance>, claims: Vec<Utterance>) -> Extraction {
    let mut x = sayso::extract(Article::new(text));
    x.quotes = quotes;
    x.claims = claims;
    x
}

fn row(
    text: &str,
    parts: Vec<Span>,
    kind: Kind,
    method: &'static str,
    speaker: Option<&str>,
    mention: Option<Span>,
) -> Utterance {
    let mut u = Utterance::new(parts, text, kind, method);
    u.speaker = speaker.map(str::to_string);
    u.mention = mention;
    u
}

// ---- brat reader ----

#[test]
fn brat_discontinuous_missing_roles_and_order() {
    let ann = "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3 Content2:T5\n\
               T1\tSource 0 5\tAlice\n\
               T2\tCue 6 10\tsaid\n\
               T3\tContent 11 20;25 30\tpart one part two\n\
               T4\tAttribution 6 10\tsaid\n\
               T5\tContent 40 45\tmore\n\
               #1\tAnnotatorNotes T3\ta note\n\
               a span text continued on a second line\n\
               T6\tCue 50 55\tnoted\n\
               T7\tContent 56 70\tsomething\n\
               T8\tAttribution-no-source 50 55\tnoted\n\
               E2\tAttribution-no-source:T8 Cue:T6 Content:T7\n\
               T9\tDiscuss 0 70\tx\n\
               E3\tDiscuss:T9\n\
               E4\tAttribution:T4 Source:T1 Cue:T2\n\
               T10\tContent 90 80\tbackwards\n\
               E5\tAttribution:T4 Content:T10 Cue:T99\n\
               T11\tContent x y\tbad\n";
    let got = parse_ann(ann);
    assert_eq!(
        got,
        vec![
            Attribution {
                id: "E1".into(),
                content: vec![(11, 20), (25, 30), (40, 45)],
                source: Some(vec![(0, 5)]),
                cue: Some(vec![(6, 10)]),
            },
            Attribution {
                id: "E2".into(),
                content: vec![(56, 70)],
                source: None,
                cue: Some(vec![(50, 55)])
            },
        ]
    );
    assert_eq!(parse_ann(""), vec![]);
    assert_eq!(parse_ann("E1\tAttribution\n\t\t\nT1\n"), vec![]);
}

#[test]
fn first_annotation_file_metadata_and_name_fallback() {
    let (golds, unannotated) = load(&sample()).unwrap();
    assert_eq!(unannotated, 1);
    let names: Vec<&str> = golds.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "herald_2020-03-05_schools-change-menus",
            "wire_2020-03-02_council-approves-budget"
        ]
    );
    let (herald, wire) = (&golds[0], &golds[1]);
    // `_aaaa.ann` (three events), not `_bbbb.ann` (one)
    assert_eq!(wire.items.len(), 3);
    let third = &wire.items[2];
    assert_eq!(
        third.content,
        vec![cp(
            &wire.text,
            "the plan for a new bridge over the river “a gamble”",
            0
        )]
    );
    // metadata.tsv wins over the name
    assert_eq!(wire.source.as_deref(), Some("Wire Service"));
    assert_eq!(wire.published, chrono::NaiveDate::from_ymd_opt(2020, 3, 1));
    assert_eq!(herald.source.as_deref(), Some("herald"));
    assert_eq!(
        herald.published,
        chrono::NaiveDate::from_ymd_opt(2020, 3, 5)
    );
    let classes: Vec<GoldClass> = golds
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.class))
        .collect();
    use GoldClass::*;
    assert_eq!(
        classes,
        [Direct, Indirect, Indirect, Direct, Indirect, Mixed]
    );
    assert_eq!(herald.items[2].source, None);
}

#[test]
fn missing_directory_is_an_error() {
    assert!(run(Path::new("/nonexistent/polnear"), 3).is_err());
}

// ---- classes ----

#[test]
fn class_definition() {
    use GoldClass::*;
    let cases: &[(&str, &str, GoldClass)] = &[
        // content inside curly marks, marks outside the content
        ("“We will win,” she said.", "We will win,", Direct),
        // marks inside the content count neither way
        ("“We will win,” she said.", "“We will win,”", Direct),
        // straight marks toggle
        ("He said \"we will win\" twice.", "we will win", Direct),
        ("« Nous gagnerons » dit-elle.", "Nous gagnerons", Direct),
        // half quoted: 6 of 12 counted characters → direct (at least half)
        ("He said abcdef “ghijkl”.", "abcdef “ghijkl”", Direct),
        // a quoted fragment in a paraphrase
        (
            "She called the long plan “a gamble”.",
            "the long plan “a gamble”",
            Mixed,
        ),
        // a quotation mark alone makes it mixed
        (
            "She said the plan was a “bad idea.",
            "the plan was a “bad",
            Mixed,
        ),
        (
            "She said the plan would fail.",
            "the plan would fail",
            Indirect,
        ),
        // pairs do not run across paragraphs
        (
            "“He will go\nthen he came back” she said.",
            "then he came back",
            Indirect,
        ),
        // an opening mark reopens: only the last “ pairs with ”
        ("“one “two three” four", "one", Indirect),
        // typewriter marks: a doubled apostrophe pairs with the next one,
        // `` opens; a single apostrophe is not a mark
        (
            "''The bridge stays shut,'' the engineer said.",
            "The bridge stays shut,",
            Direct,
        ),
        (
            "``Not before spring,'' she wrote, ''if the steel arrives.''",
            "if the steel arrives.",
            Direct,
        ),
        (
            "He called the deal ''a rescue'' for the port.",
            "the deal ''a rescue'' for the port",
            Mixed,
        ),
        (
            "The engineer's view was that it stays shut.",
            "it stays shut",
            Indirect,
        ),
    ];
    for &(text, content, want) in cases {
        let chars: Vec<char> = text.chars().collect();
        let enc = enclosed(&chars);
        let got = classify(&chars, &enc, &[cp(text, content, 0)]);
        assert_eq!(got, want, "{content:?} in {text:?}");
    }
}

// ---- matching ----

#[test]
fn overlap_threshold_is_half_of_each_side() {
    assert!(is_match(50, 100, 100));
    assert!(!is_match(49, 100, 49 + 60));
    assert!(is_match(51, 100, 51));
    assert!(!is_match(49, 100, 49));
    assert!(!is_match(50, 100, 101));
    assert!(!is_match(0, 0, 0));
}

#[test]
fn match_49_vs_51_percent() {
    // 100 counted characters of gold; whitespace and marks do not count
    let words = "abcdefghij ".repeat(10);
    let text = format!("“{}”", words.trim_end());
    let chars: Vec<char> = text.chars().collect();
    let counter = Counter::new(&chars);
    let gold = vec![normalize(&[(0, chars.len())], chars.len())];
    assert_eq!(counter.count(&gold[0]), 100);
    // first 51 and first 49 letters (after the mark), spaces in between
    let upto = |letters: usize| {
        let end = 1 + letters + letters / 10;
        vec![normalize(&[(1, end)], chars.len())]
    };
    assert_eq!(counter.count(&upto(51)[0]), 51);
    assert_eq!(greedy_match(&counter, &gold, &upto(51)), vec![(0, 0)]);
    assert_eq!(counter.count(&upto(49)[0]), 49);
    assert_eq!(greedy_match(&counter, &gold, &upto(49)), vec![]);
}

#[test]
fn one_to_one_greedy_by_overlap() {
    let text = "abcdefghijklmnopqrst";
    let chars: Vec<char> = text.chars().collect();
    let counter = Counter::new(&chars);
    let gold = vec![vec![(0, 7)], vec![(5, 10)]];
    // p0 matches both golds (overlap 7 and 5): it takes the larger, A;
    // p1 is then left for B
    let pred = vec![vec![(0, 10)], vec![(5, 10)]];
    assert_eq!(greedy_match(&counter, &gold, &pred), vec![(0, 0), (1, 1)]);
    // one prediction cannot match two gold items
    assert_eq!(greedy_match(&counter, &gold, &pred[..1]), vec![(0, 0)]);
    // equal overlaps: earlier gold first
    let gold = vec![vec![(0, 5)], vec![(5, 10)]];
    assert_eq!(
        greedy_match(&counter, &gold, &[vec![(0, 10)]]),
        vec![(0, 0)]
    );
}

#[test]
fn quote_inside_claim_is_not_scored() {
    let text = "She called the long plan for the city “a bad gamble” on Monday.";
    let content = "the long plan for the city “a bad gamble”";
    let gold = GoldArticle::new(
        "t",
        text,
        &[Attribution {
            id: "E1".into(),
            content: vec![cp(text, content, 0)],
            source: Some(vec![cp(text, "She", 0)]),
            cue: None,
        }],
    );
    assert_eq!(gold.items[0].class, GoldClass::Mixed);
    let she = Some(bs(text, "She", 0));
    let claim = row(
        text,
        vec![bs(text, content, 0)],
        Kind::Mixed,
        "test_claim",
        None,
        she,
    );
    let fragment = row(
        text,
        vec![bs(text, "a bad gamble", 0)],
        Kind::Mixed,
        "test_quote",
        None,
        she,
    );
    let r = score(&[(gold, extraction(text, vec![fragment], vec![claim]))], 5);
    assert_eq!(r.predictions.total, 1);
    assert_eq!(r.predictions.quotes_inside_claims, 1);
    assert_eq!(r.predictions.mixed, 1);
    assert_eq!(
        (r.content.tp, r.content.predicted, r.content.gold),
        (1, 1, 1)
    );
    // the mixed claim is the quote-kind prediction
    assert_eq!((r.quote.tp, r.quote.predicted, r.quote.gold), (1, 1, 1));
    assert!(r.spurious.is_empty());
    assert!(!r.by_method.contains_key("test_quote"));
}

// ---- source rule ----

#[test]
fn source_rule() {
    let text =
        "The committee chair Ann Roe said it. The senator Ed Lu agreed. Mr. Roe’s office said so.";
    let chars: Vec<char> = text.chars().collect();
    let gold = [cp(text, "The committee chair Ann Roe", 0)];
    let g = Some(&gold[..]);
    // the mention overlaps the gold source
    assert!(source_correct(
        &chars,
        g,
        None,
        Some(&[cp(text, "Ann Roe", 0)])
    ));
    // no overlap, but a shared capitalised name (also through a possessive)
    assert!(source_correct(
        &chars,
        g,
        None,
        Some(&[cp(text, "Mr. Roe’s office", 0)])
    ));
    assert!(source_correct(&chars, g, Some("Ann Roe"), None));
    // `The` is a function word; `Ed`, `Lu` are too short to count
    assert!(!source_correct(
        &chars,
        g,
        None,
        Some(&[cp(text, "The senator", 0)])
    ));
    let lu = [cp(text, "The senator Ed Lu", 0)];
    assert!(!source_correct(&chars, Some(&lu[..]), Some("Ed Lu"), None));
    assert!(!source_correct(
        &chars,
        Some(&lu[..]),
        Some("Edna Lu"),
        None
    ));
    assert!(source_correct(
        &chars,
        Some(&lu[..]),
        None,
        Some(&[cp(text, "Ed Lu", 0)])
    ));
    // a prediction without a speaker is wrong when gold has a source
    assert!(!source_correct(&chars, g, None, None));
    // no gold source: a null speaker is expected
    assert!(source_correct(&chars, None, None, None));
    assert!(!source_correct(&chars, None, Some("Ann Roe"), None));
    assert!(!source_correct(
        &chars,
        None,
        None,
        Some(&[cp(text, "Ann Roe", 0)])
    ));
    assert!(is_function_word("They") && is_function_word("his") && !is_function_word("Senate"));
}

// ---- whole runs ----

/// The sample corpus with hand-made predictions: every figure is known.
#[test]
fn score_sample_exact() {
    let (golds, _) = load(&sample()).unwrap();
    let (herald, wire) = (&golds[0], &golds[1]);
    let w = wire.text.as_str();
    let wire_x = extraction(
        w,
        vec![
            row(
                w,
                vec![bs(w, "We will finish the bridge before winter,", 0)],
                Kind::Direct,
                "test_quote",
                Some("Ana Duarte"),
                Some(bs(w, "Mayor Ana Duarte", 0)),
            ),
            row(
                w,
                vec![bs(w, "a gamble", 0)],
                Kind::Mixed,
                "test_fragment",
                None,
                None,
            ),
        ],
        vec![
            // a partial content (26 of 35 characters) still matches; the
            // source is right by the shared name `Duarte`
            row(
                w,
                vec![bs(w, "the council had found the money", 0)],
                Kind::Indirect,
                "test_claim",
                Some("Ana Duarte"),
                None,
            ),
            // right content, no speaker: wrong source
            row(
                w,
                vec![bs(
                    w,
                    "the plan for a new bridge over the river “a gamble”",
                    0,
                )],
                Kind::Mixed,
                "test_mixed",
                None,
                None,
            ),
        ],
    );
    let h = herald.text.as_str();
    let herald_x = extraction(
        h,
        vec![row(
            h,
            vec![
                bs(h, "The new menu is healthier,", 0),
                bs(h, "and the children like it.", 0),
            ],
            Kind::Direct,
            "test_quote",
            Some("Principal"),
            Some(bs(h, "the principal", 0)),
        )],
        vec![
            row(
                h,
                vec![bs(h, "Schools change lunch menus", 0)],
                Kind::Indirect,
                "test_spurious",
                None,
                None,
            ),
            row(
                h,
                vec![bs(h, "the kitchen will close in June", 0)],
                Kind::Indirect,
                "test_claim",
                None,
                None,
            ),
        ],
    );
    let r = score(&[(herald.clone(), herald_x), (wire.clone(), wire_x)], 10);
    assert_eq!(r.articles, 2);
    assert_eq!(
        (r.gold.direct, r.gold.mixed, r.gold.indirect, r.gold.total),
        (2, 1, 3, 6)
    );
    let p = r.predictions;
    assert_eq!(
        (
            p.direct,
            p.mixed,
            p.indirect,
            p.according_to,
            p.quotes_inside_claims,
            p.total
        ),
        (2, 1, 3, 0, 1, 6)
    );
    assert_eq!(
        (r.content.tp, r.content.predicted, r.content.gold),
        (5, 6, 6)
    );
    assert!((r.content.f1 - 5.0 / 6.0).abs() < 1e-9);
    assert_eq!((r.quote.tp, r.quote.predicted, r.quote.gold), (3, 3, 3));
    assert_eq!(
        (r.end_to_end.tp, r.end_to_end.predicted, r.end_to_end.gold),
        (4, 6, 6)
    );
    assert_eq!((r.source_accuracy.hits, r.source_accuracy.total), (4, 5));
    assert_eq!(
        (r.quote_source_accuracy.hits, r.quote_source_accuracy.total),
        (2, 3)
    );
    let c = r.recall_by_class;
    assert_eq!(
        (
            c.direct.hits,
            c.direct.total,
            c.mixed.hits,
            c.mixed.total,
            c.indirect.hits,
            c.indirect.total
        ),
        (2, 2, 1, 1, 2, 3)
    );
    assert_eq!(r.missed.len(), 1);
    assert_eq!(r.missed[0].content, "The change was expected to save money");
    assert_eq!(r.missed[0].source.as_deref(), Some("officials"));
    assert_eq!(r.missed[0].cue.as_deref(), Some("said"));
    assert_eq!(r.missed[0].class, GoldClass::Indirect);
    assert_eq!(r.spurious.len(), 1);
    assert_eq!(
        (r.spurious[0].kind.as_str(), r.spurious[0].method.as_str()),
        ("indirect", "test_spurious")
    );
    assert_eq!(r.wrong_sources.len(), 1);
    assert_eq!(r.wrong_sources[0].gold_source.as_deref(), Some("Critics"));
    assert_eq!(r.wrong_sources[0].method, "test_mixed");
    let m = &r.by_method;
    assert_eq!(
        m.keys().map(String::as_str).collect::<Vec<_>>(),
        ["test_claim", "test_mixed", "test_quote", "test_spurious"]
    );
    assert_eq!(
        (
            m["test_claim"].predictions,
            m["test_claim"].matched,
            m["test_claim"].spurious
        ),
        (2, 2, 0)
    );
    assert_eq!(m["test_mixed"].wrong_source, 1);
    assert_eq!(m["test_spurious"].spurious, 1);
    // examples are capped
    let capped = score(&[(herald.clone(), extraction(h, vec![], vec![]))], 0);
    assert!(capped.missed.is_empty() && capped.gold.total == 3 && capped.content.recall == 0.0);
    // the table names every figure
    let table = r.render();
    assert!(
        table.contains("content") && table.contains("0.833") && table.contains("test_spurious"),
        "{table}"
    );
}

/// `run` on the sample: the gold side is fixed; the prediction side is what
/// the extractor gives today, checked for consistency with its rows.
#[test]
fn run_sample() {
    let r = run(&sample(), 2).unwrap();
    assert_eq!((r.articles, r.unannotated), (2, 1));
    assert_eq!(
        (r.gold.direct, r.gold.mixed, r.gold.indirect, r.gold.total),
        (2, 1, 3, 6)
    );
    let (golds, _) = load(&sample()).unwrap();
    let rows: usize = golds
        .iter()
        .map(|g| {
            let x = sayso::extract(g.article());
            x.quotes.len() + x.claims.len()
        })
        .sum();
    assert_eq!(
        r.predictions.total + r.predictions.quotes_inside_claims,
        rows
    );
    assert!(r.content.tp <= r.content.predicted.min(r.content.gold));
    assert!(r.end_to_end.tp <= r.content.tp);
    assert!(r.missed.len() <= 2 && r.spurious.len() <= 2 && r.wrong_sources.len() <= 2);
    assert_eq!(serde_json::to_value(&r).unwrap()["gold"]["total"], 6);
}

/// On the real dev split, the class counts of the gold items.
#[test]
fn polnear_dev_gold_classes() {
    let Some(shared) = crate::util::shared() else {
        return;
    };
    let dir = shared.join("polnear/dev");
    if !dir.is_dir() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let (golds, _) = load(&dir).unwrap();
    assert_eq!(golds.len(), 84);
    let total: usize = golds.iter().map(|g| g.items.len()).sum();
    assert_eq!(total, 2192);
    let n = |c| {
        golds
            .iter()
            .flat_map(|g| &g.items)
            .filter(|i| i.class == c)
            .count()
    };
    assert_eq!(
        (
            n(GoldClass::Direct),
            n(GoldClass::Mixed),
            n(GoldClass::Indirect)
        ),
        (527, 183, 1482)
    );
    // the span texts of the first annotation agree with the code-point offsets
    let first = &golds[0];
    let chars: Vec<char> = first.text.chars().collect();
    let source = first.items[0].source.as_ref().unwrap();
    let s: String = chars[source[0].0..source[0].1].iter().collect();
    assert!(!s.trim().is_empty());
}

/// The full report on the dev split, for humans:
/// `cargo test --release --test tests -- --ignored polnear_dev --nocapture`.
#[test]
#[ignore]
fn polnear_dev() {
    let Some(shared) = crate::util::shared() else {
        return;
    };
    let r = run(&shared.join("polnear/dev"), 10).unwrap();
    println!("{}", r.render());
}
