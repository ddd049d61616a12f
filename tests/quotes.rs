//! Tests: quotation detection through `sayso::extract` (fixtures written for
//! each phenomenon; names and events are invented).

use sayso::{extract, Article};

/// (quoted text, kind, method) of every quote row.
fn rows(text: &str) -> Vec<(String, &'static str, &'static str)> {
    let x = extract(Article::new(text));
    x.quotes
        .iter()
        .map(|q| (q.text.clone(), q.kind.as_str(), q.method))
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    rows(text).into_iter().map(|r| r.0).collect()
}

#[test]
fn every_mark_style_gives_one_quote() {
    for (text, want) in [
        (
            "“The bridge opens in May,” Tomas Berg said.",
            "The bridge opens in May,",
        ),
        (
            "\"The bridge opens in May,\" Tomas Berg said.",
            "The bridge opens in May,",
        ),
        (
            "„The bridge opens in May“, Tomas Berg said.",
            "The bridge opens in May",
        ),
        (
            "«The bridge opens in May», Tomas Berg said.",
            "The bridge opens in May",
        ),
        (
            "‹The bridge opens in May›, Tomas Berg said.",
            "The bridge opens in May",
        ),
        (
            "‘The bridge opens in May,’ Tomas Berg said.",
            "The bridge opens in May,",
        ),
        (
            "'The bridge opens in May,' Tomas Berg said.",
            "The bridge opens in May,",
        ),
        (
            "``The bridge opens in May,'' Tomas Berg said.",
            "The bridge opens in May,",
        ),
        (
            "‟The bridge opens in May,” Tomas Berg said.",
            "The bridge opens in May,",
        ),
    ] {
        assert_eq!(texts(text), vec![want.to_string()], "{text}");
    }
}

#[test]
fn nested_quote_stays_inside_its_outer_quote() {
    assert_eq!(
        texts("“My father always said ‘never sell the farm’ and I listened,” Ines Marlow said."),
        vec!["My father always said ‘never sell the farm’ and I listened,"]
    );
}

#[test]
fn apostrophes_are_not_quotation_marks() {
    assert_eq!(
        texts("The '80s were kind to Marlow's shop, and it wasn't the owners' fault."),
        Vec::<String>::new()
    );
}

#[test]
fn quote_interrupted_by_its_attribution_is_one_row() {
    let text = "“We lost the vote,” Ines Marlow said, “but we will be back next year.”";
    let x = extract(Article::new(text));
    assert_eq!(x.quotes.len(), 1);
    let q = &x.quotes[0];
    assert_eq!(q.text, "We lost the vote, but we will be back next year.");
    assert_eq!(q.parts.len(), 2);
    assert_eq!(
        &text[q.span.start..q.span.end],
        "We lost the vote,” Ines Marlow said, “but we will be back next year."
    );
    assert_eq!(q.method, "cue_inside");
    assert_eq!(q.speaker.as_deref(), Some("Ines Marlow"));
}

#[test]
fn multi_paragraph_quote_is_one_row() {
    let text = "Ines Marlow said: “The harvest was the worst in a decade.\n\n“Prices will rise before winter, and families will feel it first.”\n\nThe market closed early.";
    assert_eq!(
        rows(text),
        vec![(
            "The harvest was the worst in a decade. Prices will rise before winter, and families will feel it first.".to_string(),
            "direct",
            "cue_before"
        )]
    );
}

#[test]
fn multi_paragraph_quote_closed_in_a_later_paragraph() {
    let text = "Ines Marlow said: “The harvest was the worst in a decade.\nPrices will rise before winter.\nFamilies will feel it first”.\nThe market closed early.";
    let x = extract(Article::new(text));
    assert_eq!(x.quotes.len(), 1);
    assert_eq!(x.quotes[0].parts.len(), 3);
    assert_eq!(x.quotes[0].text, "The harvest was the worst in a decade. Prices will rise before winter. Families will feel it first");
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Ines Marlow"));
}

#[test]
fn unclosed_quote_stops_at_the_paragraph_end() {
    let text = "Tomas Berg said: “The council has failed us again.\n\nThe council meets again next week to discuss the budget and the new roads.";
    assert_eq!(
        rows(text),
        vec![(
            "The council has failed us again.".to_string(),
            "direct",
            "cue_before+unclosed"
        )]
    );
}

#[test]
fn scare_quotes_and_titles_are_not_speech() {
    assert_eq!(
        texts("The ministry defended its so-called “green corridor” plan on Monday."),
        Vec::<String>::new()
    );
    assert_eq!(
        texts("Critics of the “smart city” idea gathered outside the hall."),
        Vec::<String>::new()
    );
    assert_eq!(
        texts("The couple watched “The Long Night” at the old cinema."),
        Vec::<String>::new()
    );
}

#[test]
fn short_fragment_attributed_by_a_cue_is_a_mixed_quote() {
    let text = "Tomas Berg called the budget “a betrayal” of rural voters.";
    let x = extract(Article::new(text));
    assert_eq!(x.quotes.len(), 1);
    assert_eq!(x.quotes[0].text, "a betrayal");
    assert_eq!(x.quotes[0].kind.as_str(), "mixed");
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Tomas Berg"));
}

#[test]
fn offsets_are_exact_for_non_ascii_text() {
    let text = "😀 Café news. Анна Петрова said: “Привет, мир — we won the final at last! 😀”";
    let x = extract(Article::new(text));
    let q = &x.quotes[0];
    assert_eq!(
        &text[q.span.start..q.span.end],
        "Привет, мир — we won the final at last! 😀"
    );
    assert_eq!(q.text, "Привет, мир — we won the final at last! 😀");
    assert_eq!(q.speaker.as_deref(), Some("Анна Петрова"));
}

#[test]
fn pathological_marks_finish_and_stay_in_bounds() {
    let text = format!("{}\n{}", "“".repeat(20_000), "” x ".repeat(20_000));
    let x = extract(Article::new(text.clone()));
    for q in &x.quotes {
        assert!(q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
    }
}

#[test]
fn a_titled_work_near_a_speech_cue_is_not_a_quote() {
    // a cue in the sentence does not make a programme's or a book's name speech
    assert_eq!(
        texts("Senator Ruth Avila said on the network's “Evening Round Table” that she would run."),
        Vec::<String>::new()
    );
    assert_eq!(
        texts(
            "Ruth Avila, who wrote the book “Rivers of Salt and Stone,” said the river was dying."
        ),
        Vec::<String>::new()
    );
    // a capitalised fragment without a title word stays a mixed quote
    assert_eq!(
        rows("Ruth Avila called the plan “Big Trouble” for the region."),
        vec![("Big Trouble".to_string(), "mixed", "cue_before")]
    );
}
