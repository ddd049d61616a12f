//! Tests: dates.

use chrono::NaiveDate;
use sayso::dates::{infer_published, tag, tag_inferring, utterance_date};
use sayso::text::segment;
use sayso::{Anchor, DateSource, Kind, Span, Timex, TimexType, Utterance};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Published on Tuesday 21 November 2017.
fn pubd() -> Option<NaiveDate> {
    Some(d(2017, 11, 21))
}

fn run(text: &str, published: Option<NaiveDate>) -> Vec<(String, Timex)> {
    let seg = segment(text);
    tag(text, &seg, published)
        .into_iter()
        .map(|t| (t.span.text(text).to_string(), t))
        .collect()
}

/// The single expression of `text` whose surface is `surface`.
fn one(text: &str, published: Option<NaiveDate>, surface: &str) -> Timex {
    let all = run(text, published);
    let found: Vec<&Timex> = all
        .iter()
        .filter(|(s, _)| s == surface)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{surface:?} in {text:?}: got {:?}",
        all.iter().map(|(s, t)| (s, &t.value)).collect::<Vec<_>>()
    );
    found[0].clone()
}

fn check(text: &str, surface: &str, typ: TimexType, value: &str) -> Timex {
    let t = one(text, pubd(), surface);
    assert_eq!(
        (t.typ, t.value.as_str()),
        (typ, value),
        "{surface:?} in {text:?}"
    );
    t
}

#[test]
fn absolute_dates_in_news_forms() {
    use TimexType::Date;
    for (text, surface, value) in [
        (
            "The vote was held on 20 November 2017 in the capital.",
            "20 November 2017",
            "2017-11-20",
        ),
        (
            "The vote was held on Nov. 20, 2017, officials said.",
            "Nov. 20, 2017",
            "2017-11-20",
        ),
        (
            "The form was signed 11/20/2017 by the clerk.",
            "11/20/2017",
            "2017-11-20",
        ),
        (
            "The filing is dated 2017-11-20 in the register.",
            "2017-11-20",
            "2017-11-20",
        ),
        ("The plant opened in 2015 near the river.", "2015", "2015"),
        (
            "Prices rose sharply in the 1990s across the region.",
            "the 1990s",
            "199",
        ),
        (
            "Sales fell in March 2016, the report said.",
            "March 2016",
            "2016-03",
        ),
    ] {
        let t = check(text, surface, Date, value);
        assert_eq!(t.anchor, Anchor::Absolute);
    }
    let t = check(
        "The plant opened in 2015 near the river.",
        "2015",
        Date,
        "2015",
    );
    assert_eq!(
        (t.begin, t.end_date),
        (Some(d(2015, 1, 1)), Some(d(2015, 12, 31)))
    );
}

#[test]
fn month_and_day_take_the_publication_year() {
    let t = check(
        "The summit was due to take place on 18 November.",
        "18 November",
        TimexType::Date,
        "2017-11-18",
    );
    assert_eq!(t.anchor, Anchor::Published);
    assert_eq!(
        (t.begin, t.end_date),
        (Some(d(2017, 11, 18)), Some(d(2017, 11, 18)))
    );
    // a past-tense January date in a November text is not next January
    check(
        "Talks began on January 9, the minister recalled.",
        "January 9",
        TimexType::Date,
        "2017-01-09",
    );
    // a December date in a January text told in the past is last year's
    let t = one(
        "The deal was signed on December 28, the firm said.",
        Some(d(2018, 1, 5)),
        "December 28",
    );
    assert_eq!(t.value, "2017-12-28");
}

#[test]
fn a_day_range_is_one_date_with_an_interval() {
    let t = check(
        "The delegates will gather on November 22-23 in the city.",
        "November 22-23",
        TimexType::Date,
        "2017-11-22",
    );
    assert_eq!(
        (t.begin, t.end_date),
        (Some(d(2017, 11, 22)), Some(d(2017, 11, 23)))
    );
}

#[test]
fn weekdays_follow_the_tense() {
    // past: the most recent Monday before publication
    let t = check(
        "The two leaders met on Monday in the resort.",
        "Monday",
        TimexType::Date,
        "2017-11-20",
    );
    assert_eq!(t.anchor, Anchor::Published);
    // future: the next Friday
    check(
        "The two leaders will meet on Friday in the resort.",
        "Friday",
        TimexType::Date,
        "2017-11-24",
    );
    // past: last Friday
    check(
        "The team arrived on Friday after a long trip.",
        "Friday",
        TimexType::Date,
        "2017-11-17",
    );
    // the publication weekday itself, both ways
    check(
        "The news was not revealed until Tuesday, officials said.",
        "Tuesday",
        TimexType::Date,
        "2017-11-21",
    );
    check(
        "A call is expected to take place on Tuesday.",
        "Tuesday",
        TimexType::Date,
        "2017-11-21",
    );
    check(
        "The board met last Friday to vote.",
        "last Friday",
        TimexType::Date,
        "2017-11-17",
    );
    check(
        "The board meets next Monday to vote.",
        "next Monday",
        TimexType::Date,
        "2017-11-27",
    );
    // a possessive names a known event: the past day, whatever the verb
    check(
        "The growers will challenge Friday's ruling in a higher court.",
        "Friday",
        TimexType::Date,
        "2017-11-17",
    );
    // a verb that moves a time ahead points past `until` to the future
    let t = check(
        "The council postponed until Thursday morning its vote on the new bridge.",
        "Thursday morning",
        TimexType::Time,
        "2017-11-23TMO",
    );
    assert_eq!(t.anchor, Anchor::Published);
    check(
        "The hearing was delayed until Friday, a clerk said.",
        "Friday",
        TimexType::Date,
        "2017-11-24",
    );
    // elsewhere it is a past form
    check(
        "The council postponed the vote on Thursday.",
        "Thursday",
        TimexType::Date,
        "2017-11-16",
    );
    // a modal before `have` looks back
    check(
        "The fire on Sunday may have started in the kitchen.",
        "Sunday",
        TimexType::Date,
        "2017-11-19",
    );
    check(
        "The parade on Saturday would have drawn more people without the rain.",
        "Saturday",
        TimexType::Date,
        "2017-11-18",
    );
}

#[test]
fn parts_of_day_are_times() {
    check(
        "On Monday night the minister flew home.",
        "Monday night",
        TimexType::Time,
        "2017-11-20TNI",
    );
    check(
        "The results came in yesterday morning.",
        "yesterday morning",
        TimexType::Time,
        "2017-11-20TMO",
    );
    check(
        "The markets closed at 4 p.m. Friday after a rally.",
        "4 p.m. Friday",
        TimexType::Time,
        "2017-11-17T16:00",
    );
    check(
        "He spoke last night on the radio.",
        "last night",
        TimexType::Time,
        "2017-11-20TNI",
    );
}

#[test]
fn relative_expressions() {
    use TimexType::Date;
    for (text, surface, value) in [
        (
            "The mayor resigned yesterday amid protests.",
            "yesterday",
            "2017-11-20",
        ),
        ("The mayor resigns today, aides say.", "today", "2017-11-21"),
        (
            "The mayor will resign tomorrow, aides say.",
            "tomorrow",
            "2017-11-22",
        ),
        (
            "Exports grew last week by a small margin.",
            "last week",
            "2017-W46",
        ),
        (
            "Exports will grow next month by a small margin.",
            "next month",
            "2017-12",
        ),
        (
            "Exports grew this year by a small margin.",
            "this year",
            "2017",
        ),
        (
            "The bridge collapsed two years ago in a storm.",
            "two years ago",
            "2015",
        ),
        (
            "The firm was sold earlier this month to a rival.",
            "earlier this month",
            "2017-11",
        ),
        (
            "Exports grew last year by a small margin.",
            "last year",
            "2016",
        ),
    ] {
        let t = check(text, surface, Date, value);
        assert_eq!(t.anchor, Anchor::Published, "{surface}");
    }
}

#[test]
fn narrative_anchoring() {
    let text = "The plant opened in March 2010. A year earlier, the site was a field.";
    let t = one(text, pubd(), "A year earlier");
    assert_eq!((t.value.as_str(), t.anchor), ("2009", Anchor::Text));
    // a quarter sets the granularity of what follows
    let text = "Profit rose in the third quarter. A year ago, it fell.";
    assert_eq!(
        one(text, Some(d(1989, 11, 2)), "the third quarter").value,
        "1989-Q3"
    );
    assert_eq!(
        one(text, Some(d(1989, 11, 2)), "A year ago").value,
        "1988-Q3"
    );
    assert_eq!(
        one(
            "Revenue was flat in the quarter, analysts said.",
            Some(d(1989, 11, 2)),
            "the quarter"
        )
        .value,
        "1989-Q3"
    );
    assert_eq!(
        one(
            "Third-quarter profit doubled.",
            Some(d(1989, 11, 2)),
            "Third-quarter"
        )
        .value,
        "1989-Q3"
    );
}

#[test]
fn modified_periods() {
    let t = check(
        "The congress was rescheduled for early December in the city.",
        "early December",
        TimexType::Date,
        "2017-12",
    );
    assert_eq!(t.modifier, Some("START"));
    assert_eq!(
        (t.begin, t.end_date),
        (Some(d(2017, 12, 1)), Some(d(2017, 12, 10)))
    );
    let t = check(
        "The line will open by mid-2018, planners said.",
        "mid-2018",
        TimexType::Date,
        "2018",
    );
    assert_eq!(t.modifier, Some("MID"));
    let t = check(
        "The review ends at the end of the year as planned.",
        "the end of the year",
        TimexType::Date,
        "2017",
    );
    assert_eq!(t.modifier, Some("END"));
    assert_eq!(
        (t.begin, t.end_date),
        (Some(d(2017, 9, 2)), Some(d(2017, 12, 31)))
    );
    let t = check(
        "The strike lasted nearly three weeks in all.",
        "nearly three weeks",
        TimexType::Duration,
        "P3W",
    );
    assert_eq!(t.modifier, Some("APPROX"));
    let t = check(
        "The talks went on for more than four hours.",
        "more than four hours",
        TimexType::Duration,
        "PT4H",
    );
    assert_eq!(t.modifier, Some("MORE_THAN"));
}

#[test]
fn durations() {
    use TimexType::Duration;
    check(
        "The inquiry took three days to finish.",
        "three days",
        Duration,
        "P3D",
    );
    check(
        "The lease ran for 10 years without a dispute.",
        "10 years",
        Duration,
        "P10Y",
    );
    check(
        "The two-year campaign ended in a truce.",
        "two-year",
        Duration,
        "P2Y",
    );
    check(
        "Output fell over the past two months at the mill.",
        "the past two months",
        Duration,
        "P2M",
    );
    check(
        "Output fell in the first nine months at the mill.",
        "the first nine months",
        Duration,
        "P9M",
    );
    check(
        "The twenty four hours after the storm were calm.",
        "The twenty four hours",
        Duration,
        "PT24H",
    );
    check(
        "The pair stayed a few days in the port.",
        "a few days",
        Duration,
        "PXD",
    );
}

#[test]
fn sets_and_references() {
    check(
        "The ferry sails daily in summer.",
        "daily",
        TimexType::Set,
        "P1D",
    );
    check(
        "The council meets every week in the hall.",
        "every week",
        TimexType::Set,
        "P1W",
    );
    check(
        "The fee is paid annually by members.",
        "annually",
        TimexType::Set,
        "P1Y",
    );
    check(
        "The club meets each Thursday at the pub.",
        "each Thursday",
        TimexType::Set,
        "XXXX-WXX-4",
    );
    check(
        "The war is over now, he said.",
        "now",
        TimexType::Date,
        "PRESENT_REF",
    );
    // `Now,` opening a sentence is a discourse marker
    let text = "Now, the council wants a second bridge over the canal.";
    assert!(run(text, pubd()).is_empty(), "{:?}", run(text, pubd()));
    check(
        "The council now wants a second bridge.",
        "now",
        TimexType::Date,
        "PRESENT_REF",
    );
    check(
        "For now, the council wants a second bridge.",
        "now",
        TimexType::Date,
        "PRESENT_REF",
    );
    check(
        "The mayor recently moved house.",
        "recently",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "Rates may rise in the future, the bank warned.",
        "the future",
        TimexType::Date,
        "FUTURE_REF",
    );
}

#[test]
fn easter_is_computed_for_its_year() {
    // Easter Sunday moves: 16 April 2017, 1 April 2018, 23 April 2000
    check(
        "The chapel was full at Easter.",
        "Easter",
        TimexType::Date,
        "2017-04-16",
    );
    check(
        "The chapel will reopen at Easter.",
        "Easter",
        TimexType::Date,
        "2018-04-01",
    );
    check(
        "The parish remembers Easter 2000 well.",
        "Easter 2000",
        TimexType::Date,
        "2000-04-23",
    );
    check(
        "The bakery closed last Easter.",
        "last Easter",
        TimexType::Date,
        "2017-04-16",
    );
    // the weekday a holiday is always on belongs to it
    check(
        "Crowds gathered on Easter Sunday.",
        "Easter Sunday",
        TimexType::Date,
        "2017-04-16",
    );
    check(
        "Stores open early on Thanksgiving Thursday.",
        "Thanksgiving Thursday",
        TimexType::Date,
        "2017-11-23",
    );
    // a capitalised word that is no date word makes a name
    let text = "Tourists flew to Easter Island and Christmas Island.";
    assert!(run(text, pubd()).is_empty(), "{:?}", run(text, pubd()));
    // a holiday's week is the calendar week holding it
    check(
        "The choir will tour during Easter week.",
        "Easter week",
        TimexType::Date,
        "2018-W13",
    );
    check(
        "Flights were full in Thanksgiving week.",
        "Thanksgiving week",
        TimexType::Date,
        "2017-W47",
    );
}

#[test]
fn one_day_after_a_modal_is_a_vague_future() {
    // after a modal verb: some time ahead, not a day's length
    let t = check(
        "The harbour town could one day host the regatta.",
        "one day",
        TimexType::Date,
        "FUTURE_REF",
    );
    assert_eq!(t.modifier, None);
    check(
        "She hopes the orchard will some day feed the village.",
        "some day",
        TimexType::Date,
        "FUTURE_REF",
    );
    // elsewhere a duration, as before
    check(
        "The festival lasted one day in the rain.",
        "one day",
        TimexType::Duration,
        "P1D",
    );
}

#[test]
fn quarters_seasons_holidays() {
    check(
        "Profit rose in the second quarter of 2016 at the bank.",
        "the second quarter of 2016",
        TimexType::Date,
        "2016-Q2",
    );
    check(
        "The dam was finished last summer by the army.",
        "last summer",
        TimexType::Date,
        "2017-SU",
    );
    check(
        "The shops stayed open on Christmas Day for the first time.",
        "Christmas Day",
        TimexType::Date,
        "2017-12-25",
    );
}

#[test]
fn no_publication_date_keeps_unknown_parts() {
    let t = one("The summit took place on 18 November.", None, "18 November");
    assert_eq!(t.value, "XXXX-11-18");
    assert_eq!((t.begin, t.end_date), (None, None));
    let t = one("The summit took place on Monday.", None, "Monday");
    assert_eq!(t.value, "XXXX-WXX-1");
    let t = one("The summit took place yesterday.", None, "yesterday");
    assert_eq!(t.value, "XXXX-XX-XX");
}

#[test]
fn not_dates() {
    for text in [
        "The firm paid $2015 for 1,500 shares.",
        "She may march with the others.",
        "The pair talked about the fall of the wall.",
        "Turnout rose 12% in the poll.",
    ] {
        assert!(
            run(text, pubd()).is_empty(),
            "{text}: {:?}",
            run(text, pubd())
                .iter()
                .map(|(s, _)| s.clone())
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn arbitrary_text_does_not_panic_and_offsets_are_in_bounds() {
    for text in [
        "",
        "—",
        "Ünïcödé 2017-13-45 99/99/9999 Feb. 30, 2017 ’90s",
        "on 31 February",
        "5:99 p.m.",
        "Monday\n\nnight 2017-",
    ] {
        for (_, t) in run(text, pubd()).iter().chain(run(text, None).iter()) {
            assert!(
                t.span.end <= text.len()
                    && text.is_char_boundary(t.span.start)
                    && text.is_char_boundary(t.span.end)
            );
        }
    }
}

fn utterance(text: &str, content: &str, cue: &str) -> Utterance {
    let s = text.find(content).unwrap();
    let mut u = Utterance::new(
        vec![Span::new(s, s + content.len())],
        text,
        Kind::Indirect,
        "test",
    );
    let c = text.find(cue).unwrap();
    u.cue = Some(Span::new(c, c + cue.len()));
    let seg = segment(text);
    u.sentence = seg.sentence_at(s);
    u.paragraph = seg.paragraph_at(s);
    u
}

#[test]
fn utterance_dates() {
    let p = pubd();
    // a date attached to the speech event
    let text = "On Monday the minister said the plan would start on Friday.";
    let seg = segment(text);
    let tx = tag(text, &seg, p);
    let u = utterance(text, "the plan would start on Friday", "said");
    assert_eq!(
        utterance_date(&tx, &seg, &u, p),
        (Some(d(2017, 11, 20)), DateSource::Text)
    );
    // the narrative date of the paragraph
    let text = "The leaders met in the city on Sunday. Later the host said the talks went well.";
    let seg = segment(text);
    let tx = tag(text, &seg, p);
    let u = utterance(text, "the talks went well", "said");
    assert_eq!(
        utterance_date(&tx, &seg, &u, p),
        (Some(d(2017, 11, 19)), DateSource::Text)
    );
    // nothing stated: the publication date
    let text = "The host said the talks went well.";
    let seg = segment(text);
    let tx = tag(text, &seg, p);
    let u = utterance(text, "the talks went well", "said");
    assert_eq!(utterance_date(&tx, &seg, &u, p), (p, DateSource::Published));
    assert_eq!(
        utterance_date(&tx, &seg, &u, None),
        (None, DateSource::Unknown)
    );
}

#[test]
fn published_from_evidence_only() {
    let text = "LONDON, March 3, 2016 - The bank raised rates.\nIt was the first rise in years.";
    assert_eq!(infer_published(text, &segment(text)), Some(d(2016, 3, 3)));
    let text = "The council voted in 2019. Today, November 21, the works begin.";
    assert_eq!(infer_published(text, &segment(text)), Some(d(2019, 11, 21)));
    let text = "The bank raised rates on Monday, officials said.";
    assert_eq!(infer_published(text, &segment(text)), None);
    // a date the first sentence opens with is when something happened, and
    // the year mentioned later is history: no publication date
    let text = "On June 4, the mayor of Tarn opened the new bridge.\n\
                The old one had collapsed in 2009, she said.";
    assert_eq!(infer_published(text, &segment(text)), None);
    let text = "Since May 2, 2021, the strike has closed the port of Vell.";
    assert_eq!(infer_published(text, &segment(text)), None);
}

#[test]
fn tagging_infers_the_publication_date_from_its_own_expressions() {
    // the dateline gives the publication date, which anchors `on Monday`
    // and `next month` of the same pass
    let text = "VELLMORE, March 3, 2016 - The bank of Vellmore raised rates on Monday.\n\
                It will review them next month, a spokesman said.";
    let seg = segment(text);
    let (published, inferred, timexes) = tag_inferring(text, &seg, None);
    assert_eq!((published, inferred), (Some(d(2016, 3, 3)), true));
    let got: Vec<(&str, &str)> = timexes
        .iter()
        .map(|t| (t.span.text(text), t.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("March 3, 2016", "2016-03-03"),
            ("Monday", "2016-02-29"),
            ("next month", "2016-04")
        ]
    );
    assert_eq!(timexes, tag(text, &seg, published));
    // a date given is kept, not inferred
    let (published, inferred, timexes) = tag_inferring(text, &seg, Some(d(2016, 3, 4)));
    assert_eq!((published, inferred), (Some(d(2016, 3, 4)), false));
    assert_eq!(timexes, tag(text, &seg, published));
    // no evidence: no date, and the expressions stay unanchored
    let text = "The bank of Vellmore raised rates on Monday, officials said.";
    let seg = segment(text);
    let (published, inferred, timexes) = tag_inferring(text, &seg, None);
    assert_eq!((published, inferred), (None, false));
    let got: Vec<(&str, &str)> = timexes
        .iter()
        .map(|t| (t.span.text(text), t.value.as_str()))
        .collect();
    assert_eq!(got, [("Monday", "XXXX-WXX-1")]);
}

#[test]
fn seeds_dates() {
    let Some(shared) = crate::util::shared() else {
        return;
    };
    let dir = shared.join("seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no seeds in {}", dir.display());
        return;
    };
    let mut all = Vec::new();
    for f in rd.flatten() {
        let text = std::fs::read_to_string(f.path()).unwrap();
        for (s, t) in run(&text, pubd()) {
            all.push((s, t.value));
        }
    }
    let has = |s: &str, v: &str| all.iter().any(|(a, b)| a == s && b == v);
    for (s, v) in [
        ("Monday", "2017-11-20"),
        ("November 22-23", "2017-11-22"),
        ("early December", "2017-12"),
        ("18 November", "2017-11-18"),
        ("November 20", "2017-11-20"),
        ("2015", "2015"),
        ("Monday night", "2017-11-20TNI"),
    ] {
        assert!(has(s, v), "{s} → {v}; got {all:?}");
    }
}

#[test]
fn timeml_eval_on_a_small_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timeml");
    let r = sayso::eval::timeml::run(&dir).unwrap();
    let t = &r.total;
    assert_eq!((t.files, t.gold, t.predicted), (1, 4, 4));
    // `Friday` exact; `this week` predicted as `earlier this week` (relaxed
    // only); `three days` right; `the new season` gold missed, `2001` spurious
    assert_eq!(t.strict.precision, 0.5);
    assert_eq!(t.relaxed.recall, 0.75);
    assert_eq!(t.value.recall, 0.75);
    assert_eq!(t.missed.len(), 1);
    assert_eq!(t.missed[0].text, "the new season");
    assert_eq!(t.spurious[0].text, "2001");
    assert!(r.render().contains("timeml"));
    assert!(serde_json::to_string_pretty(&r)
        .unwrap()
        .contains("\"value\""));
}

/// Prints the report on the TimeML corpora when they are present:
/// `cargo test --test tests dates::timeml_corpora -- --ignored --nocapture`.
#[test]
#[ignore]
fn timeml_corpora() {
    let Some(shared) = crate::util::shared() else {
        return;
    };
    for sub in ["timebank/TimeBank", "timebank/AQUAINT"] {
        let r = sayso::eval::timeml::run(&shared.join(sub)).unwrap();
        println!("{}", r.render());
    }
}

/// Tagger throughput on the PolNeAR training texts (segmentation included,
/// as in the pipeline):
/// `cargo test --release --test tests dates::tagger_speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn tagger_speed() {
    let Some(shared) = crate::util::shared() else {
        return;
    };
    let dir = shared.join("polnear/train/text");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: no {}", dir.display());
        return;
    };
    let texts: Vec<String> = rd
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let segs: Vec<_> = texts.iter().map(|t| segment(t)).collect();
    let t0 = std::time::Instant::now();
    let seg_time = {
        let s = std::time::Instant::now();
        for t in &texts {
            std::hint::black_box(segment(t));
        }
        s.elapsed()
    };
    let s = std::time::Instant::now();
    let mut n = 0;
    for (t, seg) in texts.iter().zip(&segs) {
        n += tag(t, seg, pubd()).len();
    }
    let tag_time = s.elapsed();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} texts, {:.2} MB, {n} timexes: tagging {:.1} MB/s ({:.3} s), segmentation {:.1} MB/s ({:.3} s), total {:.3} s",
        texts.len(),
        mb,
        mb / tag_time.as_secs_f64(),
        tag_time.as_secs_f64(),
        mb / seg_time.as_secs_f64(),
        seg_time.as_secs_f64(),
        t0.elapsed().as_secs_f64()
    );
}

#[test]
fn years_in_words_and_relative_years() {
    use TimexType::Date;
    for (text, surface, value) in [
        (
            "The tower was finished in nineteen ninety-six after delays.",
            "nineteen ninety-six",
            "1996",
        ),
        (
            "Plans for the year two thousand were drawn up early.",
            "the year two thousand",
            "2000",
        ),
        (
            "The winter of nineteen eighty-four was harsh.",
            "The winter of nineteen eighty-four",
            "1984-WI",
        ),
        (
            "Prices peaked in January this year, traders said.",
            "January this year",
            "2017-01",
        ),
        (
            "The dam burst on July 4 last year near the town.",
            "July 4 last year",
            "2016-07-04",
        ),
        (
            "Output will rise in next year's first quarter.",
            "next year's first quarter",
            "2018-Q1",
        ),
        (
            "Margins narrowed in this year's third quarter.",
            "this year's third quarter",
            "2017-Q3",
        ),
    ] {
        check(text, surface, Date, value);
    }
    // an approximation belongs to the shift it qualifies
    let t = check(
        "The plant closed about two years ago after a fire.",
        "about two years ago",
        Date,
        "2015",
    );
    assert_eq!(t.modifier, Some("APPROX"));
    // no year in words without a second number word
    assert!(run("Nineteen people were hurt.", pubd()).is_empty());
}

#[test]
fn tense_by_clause() {
    use TimexType::Date;
    // the quotation mark keeps the verb of saying out of the quote
    check(
        "\"The envoy will leave on Thursday,\" an aide said.",
        "Thursday",
        Date,
        "2017-11-23",
    );
    // `that` starts another clause: `told` governs Tuesday
    check(
        "The minister told reporters on Tuesday that the talks might resume.",
        "Tuesday",
        Date,
        "2017-11-21",
    );
    check(
        "The minister told reporters on Monday that the talks might resume.",
        "Monday",
        Date,
        "2017-11-20",
    );
    // a participle after `be` is no past tense: the modal decides
    check(
        "A new captain will be named in March for the tour.",
        "March",
        Date,
        "2018-03",
    );
    // `plan` is future only before `to`
    check(
        "The plan was approved on Friday by the board.",
        "Friday",
        Date,
        "2017-11-17",
    );
    check(
        "The board plans to vote on Friday.",
        "Friday",
        Date,
        "2017-11-24",
    );
}

#[test]
fn tense_markers_weak_and_ahead() {
    use TimexType::Date;
    // a participle listed as a past form is no past tense after `be`
    check(
        "The ceremony would still be held at the harbour on March 14.",
        "March 14",
        Date,
        "2018-03-14",
    );
    // an -ed word after a determiner is an adjective
    check(
        "The bonus would be paid on a still unannounced date in January.",
        "January",
        Date,
        "2018-01",
    );
    // a participle before `by` is no past tense
    check(
        "The airline will add flights by June in regions untouched by the slump.",
        "June",
        Date,
        "2018-06",
    );
    // `payable`, `effective` look ahead
    check(
        "The dividend is payable Jan. 5 to holders of record.",
        "Jan. 5",
        Date,
        "2018-01-05",
    );
    check(
        "The new fee schedule takes hold, effective Feb. 2.",
        "Feb. 2",
        Date,
        "2018-02-02",
    );
    // `planned to`: a date after it is in that future, a date before it is
    // when the planning happened
    check(
        "The crew planned to sail from the port on Thursday.",
        "Thursday",
        Date,
        "2017-11-23",
    );
    check(
        "On Friday, the council planned to reopen the bridge.",
        "Friday",
        Date,
        "2017-11-17",
    );
    // `as soon as` looks ahead; a weak `until` loses to a nearby verb
    check(
        "The convoy might reach the border as soon as Thursday, aides said.",
        "Thursday",
        Date,
        "2017-11-23",
    );
    check(
        "Until Friday, clerks had kept the ledger closed.",
        "Friday",
        Date,
        "2017-11-17",
    );
}

#[test]
fn the_year_is_a_date_unless_it_is_a_span() {
    use TimexType::{Date, Duration};
    check(
        "Shares of the miner hit a high for the year in June.",
        "the year",
        Date,
        "2017",
    );
    check(
        "The brewer forecast higher sales for the full year.",
        "the full year",
        Date,
        "2017",
    );
    check(
        "For the year ended June 30, the brewer earned $4 million.",
        "the year",
        Duration,
        "P1Y",
    );
    check(
        "Margins should widen throughout the fiscal year.",
        "the fiscal year",
        Duration,
        "P1Y",
    );
}

#[test]
fn a_year_earlier_after_nine_months_is_the_year() {
    use TimexType::Date;
    let text = "The miner earned $5 million in the third quarter. For the nine months, \
                it earned $12 million, up from $9 million a year earlier.";
    let t = one(text, pubd(), "a year earlier");
    assert_eq!((t.typ, t.value.as_str()), (Date, "2016"));
    // without the longer period, the quarter a year before
    let text =
        "The miner earned $5 million in the third quarter, up from $4 million a year earlier.";
    let t = one(text, pubd(), "a year earlier");
    assert_eq!((t.typ, t.value.as_str()), (Date, "2016-Q3"));
}

#[test]
fn counted_decades_and_centuries_are_years() {
    use TimexType::Duration;
    check(
        "The dam has stood for two decades above the valley.",
        "two decades",
        Duration,
        "P20Y",
    );
    check(
        "The abbey was a ruin for three centuries.",
        "three centuries",
        Duration,
        "P300Y",
    );
    // a vague number keeps its unit
    check(
        "The feud went on for decades in the valley.",
        "decades",
        Duration,
        "PXDE",
    );
}

#[test]
fn the_current_quarter_is_the_publication_quarter() {
    use TimexType::Date;
    let text = "The chain earned $3 million in the third quarter. \
                It expects the current quarter to be stronger.";
    let t = one(text, pubd(), "the current quarter");
    assert_eq!((t.typ, t.value.as_str()), (Date, "2017-Q4"));
    let t = one(text, pubd(), "the third quarter");
    assert_eq!((t.typ, t.value.as_str()), (Date, "2017-Q3"));
}

#[test]
fn numbers_that_make_a_sentence_worth_tagging() {
    use TimexType::{Date, Time};
    // no trigger word: the number alone must be found as a time or date
    check(
        "Doors open at 3 p.m. sharp.",
        "3 p.m.",
        Time,
        "2017-11-21T15:00",
    );
    check(
        "Doors open at 10:30 sharp.",
        "10:30",
        Time,
        "2017-11-21T10:30",
    );
    check("It was a hit in the '90s.", "the '90s", Date, "199");
    check(
        "The form was signed 11/20/17 by the clerk.",
        "11/20/17",
        Date,
        "2017-11-20",
    );
    check(
        "The plant opened in 1998 near the river.",
        "1998",
        Date,
        "1998",
    );
    // amounts and counts alone start nothing
    assert!(run("The bill was $2017 and 45% of 300 people paid.", pubd()).is_empty());
    // `the past`, `the latest period` have no other trigger
    check(
        "In the past, the firm paid in cash.",
        "the past",
        Date,
        "PAST_REF",
    );
}

#[test]
fn a_plan_told_in_the_past_points_back() {
    use TimexType::Time;
    // published on a Tuesday: the Friday the offer was due is the last one
    check(
        "The offer had been due to expire Friday evening.",
        "Friday evening",
        Time,
        "2017-11-17TEV",
    );
    check(
        "The vote was scheduled for Friday evening.",
        "Friday evening",
        Time,
        "2017-11-17TEV",
    );
    check(
        "The vote is scheduled for Friday evening.",
        "Friday evening",
        Time,
        "2017-11-24TEV",
    );
}

#[test]
fn days_later_is_a_duration() {
    use TimexType::{Date, Duration};
    // TimeML marks the span alone: `three days` is the duration, `later` a signal
    check(
        "The ship sank on May 2. Three days later, divers found it.",
        "Three days",
        Duration,
        "P3D",
    );
    check(
        "A few hours later, the road reopened.",
        "A few hours",
        Duration,
        "PTXH",
    );
    // a year earlier stays a date
    let text = "The plant opened in March 2010. Two years later, it closed.";
    let t = one(text, pubd(), "Two years later");
    assert_eq!((t.typ, t.value.as_str()), (Date, "2012"));
}

#[test]
fn year_end_and_decades_in_words() {
    use TimexType::Date;
    check(
        "The bank expects to close the sale by year-end.",
        "year-end",
        Date,
        "2017-12-31",
    );
    check(
        "The index has risen 12% since year-end.",
        "year-end",
        Date,
        "2016-12-31",
    );
    check(
        "Crime fell steadily through the nineties in the city.",
        "the nineties",
        Date,
        "199",
    );
}

#[test]
fn the_latest_quarter_is_over() {
    use TimexType::Date;
    let text = "The chain expects a loss in the fourth quarter. \
                In the latest quarter, it earned $3 million.";
    let t = one(text, pubd(), "the latest quarter");
    assert_eq!((t.typ, t.value.as_str()), (Date, "2017-Q3"));
    // a quarter the text already reported stays
    let text = "The chain earned $3 million in the second quarter. \
                Sales in the latest quarter rose 4%.";
    let t = one(text, pubd(), "the latest quarter");
    assert_eq!((t.typ, t.value.as_str()), (Date, "2017-Q2"));
}

#[test]
fn that_year_and_the_next_day_lean_on_the_story() {
    use TimexType::Date;
    let text = "The mill closed in 2009. Later that year, the town lost its school.";
    let t = one(text, pubd(), "Later that year");
    assert_eq!(
        (t.typ, t.value.as_str(), t.anchor),
        (Date, "2009", Anchor::Text)
    );
    let text = "The ferry sank on March 3, 2015. The next day, divers reached it.";
    let t = one(text, pubd(), "The next day");
    assert_eq!(
        (t.typ, t.value.as_str(), t.anchor),
        (Date, "2015-03-04", Anchor::Text)
    );
    // without `the`, next counts from publication
    let t = one("The board meets next week.", pubd(), "next week");
    assert_eq!(
        (t.typ, t.value.as_str(), t.anchor),
        (Date, "2017-W48", Anchor::Published)
    );
    // `the next year` in a text about a quarter is a year
    let text = "The chain earned $3 million in the third quarter. \
                It will close ten stores over the next year.";
    let t = one(text, pubd(), "the next year");
    assert_eq!((t.typ, t.value.as_str()), (Date, "2018"));
}

#[test]
fn half_units_are_written_with_the_next_smaller_unit() {
    use TimexType::Duration;
    for (text, surface, value) in [
        (
            "The crew waited 2 1/2 years for the spare parts.",
            "2 1/2 years",
            "P2Y6M",
        ),
        (
            "The alarm rang for a minute and a half before it stopped.",
            "a minute and a half",
            "PT1M30S",
        ),
        (
            "The ferry crossing takes half an hour in calm weather.",
            "half an hour",
            "PT30M",
        ),
        (
            "The ministers met for 3 1/2 hours behind closed doors.",
            "3 1/2 hours",
            "PT3H30M",
        ),
    ] {
        check(text, surface, Duration, value);
    }
}

#[test]
fn approximations_belong_to_the_span() {
    let t = check(
        "The sale should close around Dec. 3, the broker said.",
        "around Dec. 3",
        TimexType::Date,
        "2017-12-03",
    );
    assert_eq!(t.modifier, Some("APPROX"));
    let t = check(
        "The survey should be finished sometime next year.",
        "sometime next year",
        TimexType::Date,
        "2018",
    );
    assert_eq!(t.modifier, None);
    check(
        "Then, a week or so ago, the board changed its mind.",
        "a week or so ago",
        TimexType::Date,
        "2017-W46",
    );
    let t = check(
        "The trial is expected to last over a week in the capital.",
        "over a week",
        TimexType::Duration,
        "P1W",
    );
    assert_eq!(t.modifier, Some("MORE_THAN"));
    // the span something is spread over is no `more than`
    check(
        "The grant can be spent over three years on new wells.",
        "three years",
        TimexType::Duration,
        "P3Y",
    );
}

#[test]
fn ages_titles_and_ordinals_are_not_times() {
    for text in [
        "Mr. Blom, 58 years old, will retire from the board.",
        "The minister spoke on the \"Seven Days\" programme last night.",
        "Voters rejected the plan, and a second vote is planned.",
    ] {
        let all = run(text, pubd());
        assert!(
            all.iter().all(|(_, t)| t.typ != TimexType::Duration),
            "{text:?}: {:?}",
            all.iter().map(|(s, t)| (s, &t.value)).collect::<Vec<_>>()
        );
    }
    assert!(run("He appeared on \"This Week\" with the host.", pubd()).is_empty());
}

#[test]
fn quarters_of_a_compared_year() {
    // a report on the third quarter: `the 2016 period` is that quarter of 2016
    let text = "Net income rose in the third quarter. In the 2016 period, the firm lost money. \
                Sales in the 2016 quarter were flat. For the quarter a year ago, it earned less. \
                Sales fell from the corresponding period last year.";
    let all = run(text, pubd());
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|(s, t)| (s.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("the third quarter", "2017-Q3"),
            ("the 2016 period", "2016-Q3"),
            ("the 2016 quarter", "2016-Q3"),
            ("the quarter a year ago", "2016-Q3"),
            ("the corresponding period last year", "2016-Q3"),
        ]
    );
}

#[test]
fn half_years_weeks_of_a_day_and_new_sets() {
    check(
        "Profits will be lower in the second half of 2018, the group warned.",
        "the second half of 2018",
        TimexType::Date,
        "2018-H2",
    );
    check(
        "Sales slowed in the first half, the retailer said on Monday.",
        "the first half",
        TimexType::Date,
        "2017-H1",
    );
    // a half of a decade is left to the decade
    check(
        "Prices were flat in the last half of the 1990s.",
        "the 1990s",
        TimexType::Date,
        "199",
    );
    let t = check(
        "A hearing may be held the week of Dec. 4, lawyers said.",
        "the week of Dec. 4",
        TimexType::Date,
        "2017-W49",
    );
    assert_eq!(t.anchor, Anchor::Published);
    check(
        "Pilgrims gather at the shrine each August for a feast.",
        "each August",
        TimexType::Set,
        "XXXX-08",
    );
    check(
        "The new flights leave on Friday nights from March.",
        "Friday nights",
        TimexType::Set,
        "XXXX-WXX-5TNI",
    );
}

#[test]
fn a_plan_without_to_points_ahead() {
    // published on Tuesday 21 November 2017
    check(
        "Farmers planned a march through the town on Saturday.",
        "Saturday",
        TimexType::Date,
        "2017-11-25",
    );
    // `were planning to`: the plan, not the auxiliary, sets the direction
    check(
        "Growers called a blockade on Saturday and were planning to march on the capital.",
        "Saturday",
        TimexType::Date,
        "2017-11-25",
    );
    check(
        "Growers held a blockade on Saturday, the police said.",
        "Saturday",
        TimexType::Date,
        "2017-11-18",
    );
}

#[test]
fn vague_ago_counts_and_extra_units() {
    check(
        "The mill was closed a few years ago after a fire.",
        "a few years ago",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "The pier will stay open for two more weeks this season.",
        "two more weeks",
        TimexType::Duration,
        "P2W",
    );
    check(
        "The lease may run for an additional year at the same rent.",
        "an additional year",
        TimexType::Duration,
        "P1Y",
    );
    check(
        "Over the next couple of years the plant will double output.",
        "the next couple of years",
        TimexType::Duration,
        "P2Y",
    );
    check(
        "Traders expect more selling in the weeks ahead at the exchange.",
        "the weeks ahead",
        TimexType::Duration,
        "PXW",
    );
    // fractions are not quarters of a year
    assert!(run("Farmers own a quarter of the land in the valley.", pubd()).is_empty());
    check(
        "The firm made money after several quarters of losses.",
        "several quarters",
        TimexType::Duration,
        "PXQ",
    );
}

#[test]
fn fiscal_years_year_end_seasons_and_centuries() {
    check(
        "Sales in the current fiscal year should rise slightly.",
        "the current fiscal year",
        TimexType::Date,
        "2017",
    );
    check(
        "The chain had record sales in the latest fiscal year.",
        "the latest fiscal year",
        TimexType::Date,
        "2016",
    );
    let t = check(
        "New rules should be in place by year's end, the regulator said.",
        "year's end",
        TimexType::Date,
        "2017",
    );
    assert_eq!(t.modifier, Some("END"));
    check(
        "Demand for fans stayed strong well into the summer last season.",
        "the summer",
        TimexType::Date,
        "2017-SU",
    );
    check(
        "The chapel holds a 12th century fresco of the harvest.",
        "12th century",
        TimexType::Date,
        "11",
    );
    check(
        "It was among the great inventions of the twentieth century, he said.",
        "the twentieth century",
        TimexType::Date,
        "19",
    );
}

#[test]
fn a_modified_part_of_day_is_a_time() {
    let t = check(
        "By mid-afternoon yesterday, the index had recovered.",
        "mid-afternoon yesterday",
        TimexType::Time,
        "2017-11-20TAF",
    );
    assert_eq!(t.modifier, Some("MID"));
    let t = check(
        "By mid afternoon, rescuers had reached the village.",
        "mid afternoon",
        TimexType::Time,
        "2017-11-21TAF",
    );
    assert_eq!(t.modifier, Some("MID"));
}

#[test]
fn or_so_and_the_near_future() {
    check(
        "The depot will be closed over the next year or so, the owner said.",
        "the next year or so",
        TimexType::Date,
        "2018",
    );
    check(
        "The bank may list its shares in the near future.",
        "the near future",
        TimexType::Date,
        "FUTURE_REF",
    );
}

#[test]
fn an_amount_per_unit_is_a_set() {
    check(
        "The plant saves $40 million a year in fuel costs.",
        "a year",
        TimexType::Set,
        "P1Y",
    );
    check(
        "The line now runs twelve ferries a week to the island.",
        "a week",
        TimexType::Set,
        "P1W",
    );
    // not after an amount: a duration
    check(
        "The repairs took a week, the owner said.",
        "a week",
        TimexType::Duration,
        "P1W",
    );
}

#[test]
fn a_relative_month_with_a_day_is_that_day() {
    check(
        "The mill burned down last Oct. 23 after a storm.",
        "Oct. 23",
        TimexType::Date,
        "2017-10-23",
    );
}

#[test]
fn recent_as_an_adjective_is_no_time() {
    assert!(run("The recent floods closed the road to the farm.", pubd()).is_empty());
    check(
        "Rents have doubled in recent years in the old town.",
        "recent years",
        TimexType::Date,
        "PAST_REF",
    );
}

#[test]
fn irregular_past_verbs_set_the_direction() {
    // published on Tuesday 21 November 2017: without the verb, a bare
    // January this far ahead would be the coming one
    check(
        "In January, the club brought in a new coach.",
        "January",
        TimexType::Date,
        "2017-01",
    );
}

#[test]
fn a_year_ago_quarter_does_not_move_the_story() {
    let text = "Profit rose in the third quarter from the year-ago quarter. \
                The year-ago results included a charge.";
    let all = run(text, pubd());
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|(s, t)| (s.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("the third quarter", "2017-Q3"),
            ("the year-ago quarter", "2016-Q3"),
            ("year-ago", "2016-Q3"),
        ]
    );
}

#[test]
fn a_unit_long_compound_is_a_duration() {
    let t = check(
        "The mayor ended the week-long strike of the bus drivers.",
        "week-long",
        TimexType::Duration,
        "P1W",
    );
    assert_eq!(t.modifier, None);
    check(
        "The two villages settled their decades-long feud over the well.",
        "decades-long",
        TimexType::Duration,
        "PXDE",
    );
}

#[test]
fn an_hour_with_its_part_of_day_is_a_clock_time() {
    check(
        "The ferry will leave at 5 in the morning, the captain said.",
        "5 in the morning",
        TimexType::Time,
        "2017-11-21T05:00",
    );
    check(
        "The guards changed at 11 at night and again at 3 in the afternoon.",
        "11 at night",
        TimexType::Time,
        "2017-11-21T23:00",
    );
    check(
        "The guards changed at 11 at night and again at 3 in the afternoon.",
        "3 in the afternoon",
        TimexType::Time,
        "2017-11-21T15:00",
    );
}

#[test]
fn a_second_day_after_and_is_a_date_of_its_own() {
    check(
        "The talks will be held on March 8 and 9, the ministry said.",
        "9",
        TimexType::Date,
        "2018-03-09",
    );
    check(
        "The fair ran on June 3 and 4, 2015, in the old market.",
        "June 3",
        TimexType::Date,
        "2015-06-03",
    );
    check(
        "The fair ran on June 3 and 4, 2015, in the old market.",
        "4, 2015",
        TimexType::Date,
        "2015-06-04",
    );
    // a count after the day is no date
    let all = run(
        "Sales rose on March 8 and 19 percent of shops closed.",
        pubd(),
    );
    assert_eq!(all.len(), 1, "{all:?}");
}

#[test]
fn a_relative_holiday_is_the_one_before_or_after_publication() {
    // published on 21 November 2017, two days before Thanksgiving
    check(
        "The boy was rescued at sea last Thanksgiving, his family said.",
        "last Thanksgiving",
        TimexType::Date,
        "2016-11-24",
    );
    check(
        "The shop expects record sales next Christmas, the owner said.",
        "next Christmas",
        TimexType::Date,
        "2017-12-25",
    );
}

#[test]
fn this_before_past_or_coming_is_part_of_the_expression() {
    check(
        "The club sold its old stadium this past spring, the mayor said.",
        "this past spring",
        TimexType::Date,
        "2017-SP",
    );
    check(
        "The vote is this coming Sunday, officials said.",
        "this coming Sunday",
        TimexType::Date,
        "2017-11-26",
    );
}

#[test]
fn fiscal_belongs_to_a_hyphenated_quarter() {
    check(
        "The mill posted a loss for the fiscal second-quarter, the company said.",
        "fiscal second-quarter",
        TimexType::Date,
        "2017-Q2",
    );
    check(
        "The mill posted a loss for the fiscal-first quarter, the company said.",
        "the fiscal-first quarter",
        TimexType::Date,
        "2017-Q1",
    );
}

#[test]
fn an_open_end_after_a_date_is_its_mod() {
    let t = check(
        "The plant will not turn a profit until 2019 or later, analysts said.",
        "2019 or later",
        TimexType::Date,
        "2019",
    );
    assert_eq!(t.modifier, Some("ON_OR_AFTER"));
    let t = check(
        "The fund has enough cash for 2018 and beyond.",
        "2018 and beyond",
        TimexType::Date,
        "2018",
    );
    assert_eq!(t.modifier, Some("ON_OR_AFTER"));
    // a second event, not an open end
    let t = check(
        "He joined the board in 2009 and later sold his stake.",
        "2009",
        TimexType::Date,
        "2009",
    );
    assert_eq!(t.modifier, None);
}

#[test]
fn year_end_in_two_words_is_the_end_of_the_year() {
    let t = check(
        "The mine will close by year end, the owners said.",
        "year end",
        TimexType::Date,
        "2017",
    );
    assert_eq!(t.modifier, Some("END"));
    // the compound stays the closing day
    check(
        "The mine will close by year-end, the owners said.",
        "year-end",
        TimexType::Date,
        "2017-12-31",
    );
}

#[test]
fn the_foreseeable_future_is_no_time() {
    assert!(run(
        "The base will stay open for the foreseeable future, the army said.",
        pubd()
    )
    .is_empty());
    check(
        "The base may close in the near future, the army said.",
        "the near future",
        TimexType::Date,
        "FUTURE_REF",
    );
}

#[test]
fn the_day_before_or_after_a_date_is_that_day_moved() {
    // published on Tuesday 21 November 2017: last Tuesday is 14 November
    check(
        "The day before last Tuesday's hearing, the uncle went to court.",
        "day before last Tuesday",
        TimexType::Date,
        "2017-11-13",
    );
    check(
        "The shop will reopen the day after Christmas, the owner said.",
        "day after Christmas",
        TimexType::Date,
        "2017-12-26",
    );
}

#[test]
fn a_range_of_counts_is_a_vague_duration() {
    check(
        "The firm will buy more shops during the next 12 to 18 months, it said.",
        "the next 12 to 18 months",
        TimexType::Duration,
        "PXM",
    );
    check(
        "Deliveries will resume within two to three weeks, the airline said.",
        "two to three weeks",
        TimexType::Duration,
        "PXW",
    );
}

#[test]
fn todays_before_a_present_day_noun_is_no_date() {
    assert!(run(
        "The old songs still speak to today's youth, the singer said.",
        pubd()
    )
    .is_empty());
    assert!(run(
        "Most of today's personal computers run on batteries.",
        pubd()
    )
    .is_empty());
    check(
        "Today's vote on the budget was close, the clerk said.",
        "Today",
        TimexType::Date,
        "2017-11-21",
    );
}

#[test]
fn no_more_than_is_an_upper_bound() {
    let t = check(
        "The inspectors may stay for no more than sixty days, the envoy said.",
        "no more than sixty days",
        TimexType::Duration,
        "P60D",
    );
    assert_eq!(t.modifier, Some("EQUAL_OR_LESS"));
}

#[test]
fn the_latest_and_the_year_earlier_months_are_reporting_periods() {
    let text = "Sales in the latest nine months rose, but net for the year-earlier nine months included a gain.";
    check(text, "the latest nine months", TimexType::Duration, "P9M");
    check(
        text,
        "the year-earlier nine months",
        TimexType::Duration,
        "P9M",
    );
}

#[test]
fn the_previous_weekday_counts_from_the_story_day() {
    // published on Tuesday 21 November 2017: `Friday` is 17 November, the
    // Friday before it 10 November (not the last Friday before publication)
    check(
        "Shares closed at 82.1 on Friday, down 4.5% from the previous Friday.",
        "the previous Friday",
        TimexType::Date,
        "2017-11-10",
    );
    check(
        "The plant opened in 1990. The preceding year, the firm had lost money.",
        "The preceding year",
        TimexType::Date,
        "1989",
    );
}

#[test]
fn through_right_before_a_month_is_the_end_of_a_span_ahead() {
    // published in November 2017: the January the credit line runs to is
    // the coming one
    check(
        "The bank extended its credit line through January, officials said.",
        "January",
        TimexType::Date,
        "2018-01",
    );
    // `through` elsewhere in the clause says nothing about the date
    check(
        "A bomb ripped through the hall Friday morning, police said.",
        "Friday morning",
        TimexType::Time,
        "2017-11-17TMO",
    );
}

#[test]
fn unit_to_unit_compounds_and_titles_with_today_are_no_times() {
    assert!(run(
        "The quarter-to-quarter comparison was weak, the bank said.",
        pubd()
    )
    .is_empty());
    assert!(run(
        "She has written for USA Today since the spring of 2009.",
        pubd()
    )
    .iter()
    .all(|(s, _)| s != "Today"));
    check(
        "He writes for a weekly. Today the vote begins.",
        "Today",
        TimexType::Date,
        "2017-11-21",
    );
}

#[test]
fn post_and_pre_before_a_year_are_part_of_it() {
    let t = check(
        "The post-1990 economy grew fast, the report said.",
        "post-1990",
        TimexType::Date,
        "1990",
    );
    assert_eq!(t.modifier, Some("AFTER"));
    let t = check(
        "Most pre-1950 records were lost in the fire.",
        "pre-1950",
        TimexType::Date,
        "1950",
    );
    assert_eq!(t.modifier, Some("BEFORE"));
}

#[test]
fn holidays_on_a_weekday_of_the_month() {
    check(
        "Polls open at dawn on Election Day, the clerk said.",
        "Election Day",
        TimexType::Date,
        "2017-11-07",
    );
    check(
        "The shop closed on Labor Day, the owner said.",
        "Labor Day",
        TimexType::Date,
        "2017-09-04",
    );
    // without a capitalised `Day` it is no holiday
    assert!(run("The election was close, the clerk said.", pubd()).is_empty());
}

#[test]
fn a_frequency_adverb_after_an_amount_is_a_rate_not_a_time() {
    // the rate of the amount before it: no expression
    for text in [
        "The miller expects output to grow 6% annually, he said.",
        "The new kiln will fire about 4,000 bricks daily, the foreman said.",
    ] {
        let all = run(text, pubd());
        assert!(
            all.is_empty(),
            "{text:?}: {:?}",
            all.iter().map(|(s, t)| (s, &t.value)).collect::<Vec<_>>()
        );
    }
    // after a verb it is still a set
    check(
        "The fair is held annually in the old market.",
        "annually",
        TimexType::Set,
        "P1Y",
    );
}

#[test]
fn then_current_is_the_present_of_a_past_moment() {
    for (text, surface) in [
        (
            "Holders could buy shares at 40% of the then current price, the filing said.",
            "then current",
        ),
        (
            "The mill was sold by its then-current owner in 1998.",
            "then-current",
        ),
    ] {
        let t = check(text, surface, TimexType::Date, "PAST_REF");
        assert_eq!(t.modifier, None, "{text:?}");
    }
}

#[test]
fn the_quarter_reported_on_is_not_one_looked_back_on_or_forecast() {
    // published on 21 November 2017: the third quarter is the one reported
    // on; a quarter before it is a look back
    let text = "Net income rose 12% in the third quarter. After a weak second quarter, \
                sales recovered. In the year-earlier period, the company lost money.";
    check(text, "the third quarter", TimexType::Date, "2017-Q3");
    check(text, "second quarter", TimexType::Date, "2017-Q2");
    check(text, "the year-earlier period", TimexType::Date, "2016-Q3");
    // the fourth quarter is not over in November: a forecast
    let text = "Profit rose in the third quarter, and the miller expects a loss in the \
                fourth quarter. Sales in the year-ago quarter were flat.";
    check(text, "the fourth quarter", TimexType::Date, "2017-Q4");
    check(text, "the year-ago quarter", TimexType::Date, "2016-Q3");
}

#[test]
fn a_count_that_fills_the_unit_it_is_given_per_means_always() {
    // `24 hours a day`, `seven days a week`: no time at all
    for text in [
        "Guards watch the gate 24 hours a day, seven days a week.",
        "The bakery runs sixty minutes an hour, the owner joked.",
    ] {
        let all = run(text, pubd());
        assert!(
            all.is_empty(),
            "{text:?}: {:?}",
            all.iter().map(|(s, t)| (s, &t.value)).collect::<Vec<_>>()
        );
    }
    // a part of the unit is still a duration
    check(
        "The crew worked 12 hours a day on the hull.",
        "12 hours",
        TimexType::Duration,
        "PT12H",
    );
}

#[test]
fn about_before_a_counted_amount_or_a_clock_time_stays_out_of_the_span() {
    // the approximation is kept as the modifier
    for (text, surface, typ, value) in [
        (
            "The strike lasted about three weeks in all.",
            "three weeks",
            TimexType::Duration,
            "P3W",
        ),
        (
            "The ferry spent about 4 1/2 hours at the pier.",
            "4 1/2 hours",
            TimexType::Duration,
            "PT4H30M",
        ),
        (
            "The dam gave way at about 6:40 a.m. Monday, the mayor said.",
            "6:40 a.m. Monday",
            TimexType::Time,
            "2017-11-20T06:40",
        ),
    ] {
        let t = check(text, surface, typ, value);
        assert_eq!(t.modifier, Some("APPROX"), "{text:?}");
    }
    // `about a decade` and `about ... ago` keep it in the span
    let t = check(
        "The mill stood idle for about a decade before the sale.",
        "about a decade",
        TimexType::Duration,
        "P10Y",
    );
    assert_eq!(t.modifier, Some("APPROX"));
    check(
        "The mill closed about two years ago after a fire.",
        "about two years ago",
        TimexType::Date,
        "2015",
    );
}

#[test]
fn by_right_before_a_date_is_a_deadline_unless_a_past_perfect_governs_it() {
    // `agreed` is past, but the repayment is due by March: next March
    check(
        "The lender said the firm agreed to repay the loan by March.",
        "March",
        TimexType::Date,
        "2018-03",
    );
    // `had filed ... by Monday`: the deadline has passed
    check(
        "Most members had filed their reports by Monday, the panel said.",
        "Monday",
        TimexType::Date,
        "2017-11-20",
    );
    check(
        "By March, the two firms had merged their sales teams.",
        "March",
        TimexType::Date,
        "2017-03",
    );
}

#[test]
fn earlier_and_later_in_the_current_period_are_its_start_and_end() {
    // published on Tuesday 21 November 2017
    let t = check(
        "The board met earlier this month to weigh the offer.",
        "earlier this month",
        TimexType::Date,
        "2017-11",
    );
    assert_eq!(t.modifier, Some("START"));
    assert_eq!(
        (t.begin, t.end_date),
        (Some(d(2017, 11, 1)), Some(d(2017, 11, 20)))
    );
    let t = check(
        "The ministers will sign the pact later this week.",
        "later this week",
        TimexType::Date,
        "2017-W47",
    );
    assert_eq!(t.modifier, Some("END"));
    assert_eq!(
        (t.begin, t.end_date),
        (Some(d(2017, 11, 22)), Some(d(2017, 11, 26)))
    );
    let t = check(
        "The mayor spoke earlier today at the depot.",
        "earlier today",
        TimexType::Date,
        "2017-11-21",
    );
    assert_eq!(t.modifier, Some("START"));
    assert_eq!(
        (t.begin, t.end_date),
        (Some(d(2017, 11, 21)), Some(d(2017, 11, 21)))
    );
    // `later that year` is late in the year of the story, publication or not
    let t = check(
        "In June the club sold its ground. Later that year it moved away.",
        "Later that year",
        TimexType::Date,
        "2017",
    );
    assert_eq!(t.modifier, Some("END"));
    assert_eq!(
        (t.begin, t.end_date),
        (Some(d(2017, 9, 2)), Some(d(2017, 12, 31)))
    );
}
