//! Tests: claims (reported speech without quotation marks).

use sayso::{extract, Article};

/// (content, kind, speaker, method) of every claim row.
fn claims(text: &str) -> Vec<(String, &'static str, Option<String>, &'static str)> {
    let x = extract(Article::new(text));
    x.claims
        .iter()
        .map(|c| (c.text.clone(), c.kind.as_str(), c.speaker.clone(), c.method))
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn content_after_the_cue() {
    assert_eq!(
        claims("Mara Quint said that the bridge would reopen in June."),
        vec![(
            "the bridge would reopen in June".into(),
            "indirect",
            s("Mara Quint"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Oskar Lind told reporters the talks had collapsed."),
        vec![(
            "the talks had collapsed".into(),
            "indirect",
            s("Oskar Lind"),
            "claim_after"
        )]
    );
}

#[test]
fn content_before_the_cue() {
    assert_eq!(
        claims("The bridge would reopen in June, Mara Quint said."),
        vec![(
            "The bridge would reopen in June".into(),
            "indirect",
            s("Mara Quint"),
            "claim_before"
        )]
    );
    assert_eq!(
        claims("The bridge would reopen in June, said Mara Quint."),
        vec![(
            "The bridge would reopen in June".into(),
            "indirect",
            s("Mara Quint"),
            "claim_before"
        )]
    );
}

#[test]
fn according_to_on_both_sides() {
    assert_eq!(
        claims("According to Oskar Lind, the harbour will close for a month."),
        vec![(
            "the harbour will close for a month".into(),
            "according_to",
            s("Oskar Lind"),
            "according_to"
        )]
    );
    assert_eq!(
        claims("The harbour will close for a month, according to port officials."),
        vec![(
            "The harbour will close for a month".into(),
            "according_to",
            s("port officials"),
            "according_to"
        )]
    );
}

#[test]
fn organisation_and_unnamed_sources() {
    assert_eq!(
        claims("Acme Shipping Company said it would cut 200 jobs."),
        vec![(
            "it would cut 200 jobs".into(),
            "indirect",
            s("Acme Shipping Company"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Officials said the fire was under control."),
        vec![(
            "the fire was under control".into(),
            "indirect",
            s("Officials"),
            "claim_after"
        )]
    );
}

#[test]
fn mixed_claim_carries_its_quoted_fragment() {
    let text = "Mara Quint said the plan was “a gift to developers” and should be dropped.";
    let x = extract(Article::new(text));
    assert_eq!(x.claims.len(), 1);
    assert_eq!(x.claims[0].kind.as_str(), "mixed");
    assert_eq!(
        x.claims[0].text,
        "the plan was “a gift to developers” and should be dropped"
    );
    assert_eq!(x.quotes.len(), 1);
    assert_eq!(x.quotes[0].kind.as_str(), "mixed");
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Mara Quint"));
    assert!(x.quotes[0].span.within(&x.claims[0].span));
}

#[test]
fn questions_and_non_reporting_uses_are_not_claims() {
    assert_eq!(
        claims("Did Mara Quint say that the bridge would reopen?"),
        vec![]
    );
    assert_eq!(claims("The said agreement expired in 2019."), vec![]);
}

#[test]
fn existential_there_starts_the_content() {
    assert_eq!(
        claims("Ms. Ferro said there was no sign of the missing files."),
        vec![(
            "there was no sign of the missing files".into(),
            "indirect",
            s("Ferro"),
            "claim_after"
        )]
    );
    // "said there": the place, not a clause
    assert_eq!(
        claims("Ms. Ferro said there, in the hall, little else."),
        vec![]
    );
}

#[test]
fn subject_behind_an_apposition_with_commas() {
    assert_eq!(
        claims(
            "Pia Sorel, a Tulsa, Okla., teacher who leads the union, said the schools needed more staff."
        ),
        vec![(
            "the schools needed more staff".into(),
            "indirect",
            s("Pia Sorel"),
            "claim_after"
        )]
    );
}

#[test]
fn content_ends_before_a_new_clause_or_an_aside() {
    assert_eq!(
        claims("Ivo Marsh said the tax would pass, and the opposition promptly walked out."),
        vec![(
            "the tax would pass".into(),
            "indirect",
            s("Ivo Marsh"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Ivo Marsh said the tax would pass - a bold guess at best."),
        vec![(
            "the tax would pass".into(),
            "indirect",
            s("Ivo Marsh"),
            "claim_after"
        )]
    );
    // a list keeps its last item
    assert_eq!(
        claims("Ivo Marsh said rents, wages, and the prices of food had all risen."),
        vec![(
            "rents, wages, and the prices of food had all risen".into(),
            "indirect",
            s("Ivo Marsh"),
            "claim_after"
        )]
    );
}

#[test]
fn intentions_and_refusals_take_an_infinitive() {
    assert_eq!(
        claims("The port authority declined to comment."),
        vec![(
            "to comment".into(),
            "indirect",
            s("The port authority"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Councillor Ada Brook plans to run for mayor next year."),
        vec![(
            "to run for mayor next year".into(),
            "indirect",
            s("Ada Brook"),
            "claim_after"
        )]
    );
    // "said to": not an infinitive content of a saying verb
    assert_eq!(
        claims("Ada Brook said to the council members nothing."),
        vec![]
    );
}

#[test]
fn a_document_named_in_an_opening_phrase() {
    assert_eq!(
        claims("In a survey released by Halvorsen Research on Monday, most tenants favoured the rent cap."),
        vec![(
            "most tenants favoured the rent cap".into(),
            "indirect",
            s("Halvorsen Research"),
            "in_source"
        )]
    );
    // the content's own reporting verb takes over
    assert_eq!(
        claims("In an interview, Ada Brook said the rent cap would pass."),
        vec![(
            "the rent cap would pass".into(),
            "indirect",
            s("Ada Brook"),
            "claim_after"
        )]
    );
}

#[test]
fn content_keeps_paired_dashes_and_coordinated_that_clauses() {
    assert_eq!(
        claims("Ivo Marsh said the fleet - some forty ships in May - was too small."),
        vec![(
            "the fleet - some forty ships in May - was too small".into(),
            "indirect",
            s("Ivo Marsh"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Ivo Marsh said that the vote was close, but that the count was fair."),
        vec![(
            "the vote was close, but that the count was fair".into(),
            "indirect",
            s("Ivo Marsh"),
            "claim_after"
        )]
    );
}

#[test]
fn says_that_is_a_verb_and_its_clause() {
    assert_eq!(
        claims("Councillor Ada Brook says that the depot will close in May."),
        vec![(
            "the depot will close in May".into(),
            "indirect",
            s("Ada Brook"),
            "claim_after"
        )]
    );
    // a plural noun followed by "that" is not a reporting verb
    assert_eq!(
        claims("His claims that the depot will close were denied by nobody."),
        vec![]
    );
}

#[test]
fn inverted_attribution_before_an_apposition_or_a_clause() {
    assert_eq!(
        claims("The depot is too small, said Ada Brook, director of the transit board."),
        vec![(
            "The depot is too small".into(),
            "indirect",
            s("Ada Brook"),
            "claim_before"
        )]
    );
}

#[test]
fn attribution_inside_its_content_gives_two_parts() {
    let x = extract(Article::new(
        "The drivers, said Ada Brook, need longer breaks.",
    ));
    let c: Vec<_> = x
        .claims
        .iter()
        .filter(|c| c.method == "claim_around")
        .map(|c| (c.text.clone(), c.parts.len(), c.speaker.clone()))
        .collect();
    assert_eq!(
        c,
        vec![(
            "The drivers need longer breaks".to_string(),
            2,
            s("Ada Brook")
        )]
    );
}

#[test]
fn as_clauses_and_bare_days_before_the_content() {
    assert_eq!(
        claims("As Ada Brook put it, the depot was too small from the start."),
        vec![(
            "the depot was too small from the start".into(),
            "indirect",
            s("Ada Brook"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Ada Brook announced Sunday she would leave the board."),
        vec![(
            "she would leave the board".into(),
            "indirect",
            s("Ada Brook"),
            "claim_after"
        )]
    );
    for text in [
        "The ferry company said this month it would cut the night crossing.",
        "The ferry company said earlier this week it would cut the night crossing.",
    ] {
        assert_eq!(
            claims(text),
            vec![(
                "it would cut the night crossing".into(),
                "indirect",
                s("The ferry company"),
                "claim_after"
            )],
            "{text}"
        );
    }
    // an as-clause without a cue is no attribution
    assert_eq!(claims("As the drivers left, the depot went quiet."), vec![]);
}

#[test]
fn a_name_after_said_is_the_subject_of_the_mixed_content() {
    let x = extract(Article::new(
        "Ada Brook said Ivo Marsh is “selling a dream to tired voters.”",
    ));
    let c: Vec<_> = x
        .claims
        .iter()
        .map(|c| (c.text.clone(), c.kind.as_str(), c.speaker.clone()))
        .collect();
    assert_eq!(
        c,
        vec![(
            "Ivo Marsh is “selling a dream to tired voters.”".to_string(),
            "mixed",
            s("Ada Brook")
        )]
    );
}

#[test]
fn ratios_of_people_report() {
    assert_eq!(
        claims("Nearly two in three said the rent cap had helped them."),
        vec![(
            "the rent cap had helped them".into(),
            "indirect",
            s("Nearly two in three"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Nine out of 10 say the buses are late."),
        vec![(
            "the buses are late".into(),
            "indirect",
            s("Nine out of 10"),
            "claim_after"
        )]
    );
}

#[test]
fn an_unnamed_according_to_source_is_its_phrase() {
    let x = extract(Article::new(
        "According to federal housing statistics, rents rose by a third. \
         The depot will close, according to court filings from the union.",
    ));
    let c: Vec<_> = x
        .claims
        .iter()
        .map(|c| (c.text.clone(), c.speaker.clone(), c.speaker_id.clone()))
        .collect();
    assert_eq!(
        c,
        vec![
            (
                "rents rose by a third".to_string(),
                s("federal housing statistics"),
                None
            ),
            (
                "The depot will close".to_string(),
                s("court filings from the union"),
                None
            ),
        ]
    );
}

#[test]
fn the_subject_stands_before_a_time_phrase() {
    for text in [
        "Mara Quint on Tuesday said the ferry would stop at night.",
        "Mara Quint earlier this week said the ferry would stop at night.",
    ] {
        assert_eq!(
            claims(text),
            vec![(
                "the ferry would stop at night".into(),
                "indirect",
                s("Mara Quint"),
                "claim_after"
            )],
            "{text}"
        );
    }
}

#[test]
fn a_prepositional_phrase_is_no_subject_and_an_appositive_name_speaks() {
    assert_eq!(
        claims(
            "In a statement, one of the union's lawyers, Nadia Orr, said the strike would go on."
        ),
        vec![(
            "the strike would go on".into(),
            "indirect",
            s("Nadia Orr"),
            "claim_after"
        )]
    );
}

#[test]
fn a_second_verb_after_a_quoted_fragment_ends_the_content() {
    // "and" + a verb in the past after the fragment: the speaker's next act
    let text = "Mara Quint called the toll plan “a tax on nurses” and demanded a public vote.";
    let x = extract(Article::new(text));
    let texts: Vec<&str> = x.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts[0], "the toll plan “a tax on nurses”");
    assert_eq!(x.claims[0].kind.as_str(), "mixed");
    // a list of fragments stays one content
    assert_eq!(
        claims("Oskar Lind called the mayor “careless” and “a coward” on the radio."),
        vec![(
            "the mayor “careless” and “a coward” on the radio".into(),
            "mixed",
            s("Oskar Lind"),
            "claim_after"
        )]
    );
}

#[test]
fn a_spaced_horizontal_bar_ends_the_content() {
    assert_eq!(
        claims("Mara Quint said the ferry had never paid its way ― a claim the port disputes."),
        vec![(
            "the ferry had never paid its way".into(),
            "indirect",
            s("Mara Quint"),
            "claim_after"
        )]
    );
}

#[test]
fn a_contrasting_clause_ends_the_content() {
    assert_eq!(
        claims("Mara Quint said the depot would close in May, while the ferry keeps running until June."),
        vec![(
            "the depot would close in May".into(),
            "indirect",
            s("Mara Quint"),
            "claim_after"
        )]
    );
}

#[test]
fn the_main_clause_after_an_opening_subordinate_clause_is_not_content() {
    assert_eq!(
        claims("Although Oskar Lind said the tunnel was safe, the council closed it for a month."),
        vec![(
            "the tunnel was safe".into(),
            "indirect",
            s("Oskar Lind"),
            "claim_after"
        )]
    );
    // inside the content, a comma after an opening adverbial leads on to
    // its main clause
    assert_eq!(
        claims("Oskar Lind said that after the storm, the council had checked it twice."),
        vec![(
            "after the storm, the council had checked it twice".into(),
            "indirect",
            s("Oskar Lind"),
            "claim_after"
        )]
    );
}

#[test]
fn a_manner_adverb_may_stand_between_speaker_and_verb() {
    assert_eq!(
        claims("Ilse Varga calmly suggested that the vote be delayed."),
        vec![(
            "the vote be delayed".into(),
            "indirect",
            s("Ilse Varga"),
            "claim_after"
        )]
    );
    // a noun ending in "-ly" is no adverb: the family is the speaker
    assert_eq!(
        claims("The Orne family said the farm was not for sale."),
        vec![(
            "the farm was not for sale".into(),
            "indirect",
            s("The Orne family"),
            "claim_after"
        )]
    );
}

#[test]
fn a_name_before_a_third_person_verb_makes_it_a_verb() {
    // "notes that" after a name is the verb, not the plural noun
    assert_eq!(
        claims("Teodor Blum notes that the harbour fees doubled."),
        vec![(
            "the harbour fees doubled".into(),
            "indirect",
            s("Teodor Blum"),
            "claim_after"
        )]
    );
    // after an article it stays a noun
    assert_eq!(claims("The notes that Teodor Blum kept were lost."), vec![]);
}

#[test]
fn a_quantity_opening_the_clause_is_the_subject() {
    assert_eq!(
        claims("Most believe that the ferry will be cancelled."),
        vec![(
            "the ferry will be cancelled".into(),
            "indirect",
            s("Most"),
            "claim_after"
        )]
    );
}

#[test]
fn a_gerund_subject_opens_the_content() {
    assert_eq!(
        claims("Pia Oduya said smoking does harm to the young."),
        vec![(
            "smoking does harm to the young".into(),
            "indirect",
            s("Pia Oduya"),
            "claim_after"
        )]
    );
    // a participle after the cue is no content
    assert_eq!(
        claims("Pia Oduya said speaking slowly to the crowd."),
        vec![]
    );
}

#[test]
fn less_common_verbs_of_saying_report_claims() {
    assert_eq!(
        claims("Rafael Ortiz sniped that the mayor was asleep at the wheel."),
        vec![(
            "the mayor was asleep at the wheel".into(),
            "indirect",
            s("Rafael Ortiz"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Aiko Tanabe speculated that the plant would close."),
        vec![(
            "the plant would close".into(),
            "indirect",
            s("Aiko Tanabe"),
            "claim_after"
        )]
    );
}

#[test]
fn a_parenthetical_attribution_after_an_opening_adverbial() {
    assert_eq!(
        claims("In the long run, Nadia Petrov said, the tolls will pay for the road."),
        vec![(
            "the tolls will pay for the road".into(),
            "indirect",
            s("Nadia Petrov"),
            "claim_after"
        )]
    );
}

#[test]
fn a_parenthetical_attribution_inside_the_content() {
    let x = extract(Article::new(
        "The new toll, Nadia Petrov said, would hurt commuters most.",
    ));
    let rows: Vec<_> = x
        .claims
        .iter()
        .map(|c| {
            (
                c.text.as_str(),
                c.method,
                c.speaker.as_deref(),
                c.parts.len(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![(
            "The new toll would hurt commuters most",
            "claim_around",
            Some("Nadia Petrov"),
            2
        )]
    );
}

#[test]
fn an_opening_adverbial_alone_is_no_content() {
    assert_eq!(
        claims("At the council meeting, Nadia Petrov said: “We will not pay.”"),
        vec![]
    );
    // with a clause after its comma, the content is the whole opening
    assert_eq!(
        claims("In May, the tolls doubled, Nadia Petrov said."),
        vec![(
            "In May, the tolls doubled".into(),
            "indirect",
            s("Nadia Petrov"),
            "claim_before"
        )]
    );
}

#[test]
fn a_dateline_is_no_speaker() {
    let x = extract(Article::new(
        "HALDEN — Sen. Mara Quint defended the levy, saying the costs would fall.",
    ));
    let rows: Vec<_> = x
        .claims
        .iter()
        .filter(|c| c.cue_lemma.as_deref() == Some("say"))
        .map(|c| (c.text.as_str(), c.speaker.as_deref()))
        .collect();
    assert_eq!(rows, vec![("the costs would fall", Some("Mara Quint"))]);
}

#[test]
fn a_name_ending_in_a_cue_word_is_no_cue() {
    // "States" in "the United States" is part of a name, not "X states Y"
    assert_eq!(
        claims(
            "Ilse Varga suggested the United States should send more inspectors to the port.\n\n\
             The United States began inspections at the port in 2019, leading a small team."
        ),
        vec![(
            "the United States should send more inspectors to the port".into(),
            "indirect",
            s("Ilse Varga"),
            "claim_after"
        )]
    );
}

#[test]
fn a_no_break_space_separates_a_cue() {
    assert_eq!(
        claims("Mara Quint\u{a0}said the ferry would stop running in May."),
        vec![(
            "the ferry would stop running in May".into(),
            "indirect",
            s("Mara Quint"),
            "claim_after"
        )]
    );
}

#[test]
fn a_raising_cue_takes_its_subject_into_the_content() {
    // the writer's judgement of the subject: no speaker, two parts
    assert_eq!(
        claims("The new harbour levy appears to have failed in the rural districts."),
        vec![(
            "The new harbour levy to have failed in the rural districts".into(),
            "indirect",
            None,
            "claim_subject"
        )]
    );
    // a reporting verb after "to" is the claim, and its subject the speaker
    assert_eq!(
        claims("Oskar Lind appeared to concede that the levy had failed."),
        vec![(
            "the levy had failed".into(),
            "indirect",
            s("Oskar Lind"),
            "claim_after"
        )]
    );
}

#[test]
fn a_passive_raising_cue_takes_its_subject_into_the_content() {
    assert_eq!(
        claims("The harbour board is expected to approve the new levy next week."),
        vec![(
            "The harbour board to approve the new levy next week".into(),
            "indirect",
            None,
            "claim_subject"
        )]
    );
    assert_eq!(
        claims("Mara Quint is not expected to attend the vote."),
        vec![(
            "Mara Quint to attend the vote".into(),
            "indirect",
            None,
            "claim_subject"
        )]
    );
}

#[test]
fn a_report_inside_a_claim_is_part_of_it() {
    // "believes" is inside what Mara Quint said: one claim, hers
    assert_eq!(
        claims("Mara Quint said she believes the ferry will stop running in May."),
        vec![(
            "she believes the ferry will stop running in May".into(),
            "indirect",
            s("Mara Quint"),
            "claim_after"
        )]
    );
}

#[test]
fn a_judgement_verb_reports_its_object() {
    assert_eq!(
        claims("Lena Ortiz denounced the new ferry tolls."),
        vec![(
            "the new ferry tolls".into(),
            "indirect",
            s("Lena Ortiz"),
            "claim_after"
        )]
    );
}

#[test]
fn a_comma_inside_closing_quotation_marks_ends_the_content_before_a_new_cue() {
    assert_eq!(
        claims("Lena Ortiz called the ferry contract “a quiet scandal,” adding nothing more."),
        vec![(
            "the ferry contract “a quiet scandal,”".into(),
            "mixed",
            s("Lena Ortiz"),
            "claim_after"
        )]
    );
}

#[test]
fn a_participle_after_a_closing_quotation_mark_takes_the_sentence_subject() {
    assert_eq!(
        claims("Oskar Lind called the ferry plan “a fine idea,” saying the harbour needed it."),
        vec![
            (
                "the ferry plan “a fine idea,”".into(),
                "mixed",
                s("Oskar Lind"),
                "claim_after"
            ),
            (
                "the harbour needed it".into(),
                "indirect",
                s("Oskar Lind"),
                "claim_after"
            ),
        ]
    );
}

#[test]
fn a_mixed_paraphrase_ends_with_a_fragment_that_closes_before_a_capital() {
    // the capital after the closing mark names the next speaker
    assert_eq!(
        claims("Councillor Ivo Renk called the toll plan “a tax on nurses,” Dina Sorel said as she left the hall."),
        vec![(
            "the toll plan “a tax on nurses,”".into(),
            "mixed",
            s("Ivo Renk"),
            "claim_after"
        )]
    );
    // a fragment without its own punctuation goes on with the paraphrase
    assert_eq!(
        claims("Councillor Ivo Renk called the toll plan “a tax” on Vell nurses."),
        vec![(
            "the toll plan “a tax” on Vell nurses".into(),
            "mixed",
            s("Ivo Renk"),
            "claim_after"
        )]
    );
}

#[test]
fn a_negated_or_modal_auxiliary_stands_between_the_speaker_and_the_cue() {
    assert_eq!(
        claims("Tomas Brill hasn't said whether he will run for the board."),
        vec![(
            "whether he will run for the board".into(),
            "indirect",
            s("Tomas Brill"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Tomas Brill doesn’t think the depot can open this winter."),
        vec![(
            "the depot can open this winter".into(),
            "indirect",
            s("Tomas Brill"),
            "claim_after"
        )]
    );
}

#[test]
fn a_floating_quantifier_stands_between_the_speakers_and_the_cue() {
    assert_eq!(
        claims("Tomas Brill and Nadia Oyelaran have both argued that the depot is too small."),
        vec![(
            "the depot is too small".into(),
            "indirect",
            s("Nadia Oyelaran"),
            "claim_after"
        )]
    );
}

#[test]
fn a_gerund_is_the_content_of_a_proposal() {
    assert_eq!(
        claims("Nadia Oyelaran proposes closing the depot on Sundays."),
        vec![(
            "closing the depot on Sundays".into(),
            "indirect",
            s("Nadia Oyelaran"),
            "claim_after"
        )]
    );
    // a participle after a speech verb is the narrative, not its content
    assert_eq!(
        claims("Nadia Oyelaran spoke standing on a crate near the depot."),
        vec![]
    );
}

#[test]
fn an_amount_opens_the_content_of_a_call() {
    assert_eq!(
        claims("Nadia Oyelaran calls for $4 million to repair the depot roof."),
        vec![(
            "$4 million to repair the depot roof".into(),
            "indirect",
            s("Nadia Oyelaran"),
            "claim_after"
        )]
    );
}

#[test]
fn a_participle_after_a_preposition_takes_the_sentence_subject() {
    assert_eq!(
        claims("Nadia Oyelaran went further than her rivals by proposing that the depot close."),
        vec![(
            "the depot close".into(),
            "indirect",
            s("Nadia Oyelaran"),
            "claim_after"
        )]
    );
}

#[test]
fn a_warning_without_an_addressee_reports_its_object() {
    assert_eq!(
        claims("Tomas Brill warned the depot would close by spring."),
        vec![(
            "the depot would close by spring".into(),
            "indirect",
            s("Tomas Brill"),
            "claim_after"
        )]
    );
    // an addressee before "that" is skipped
    assert_eq!(
        claims("Tomas Brill warned commuters that the depot would close."),
        vec![(
            "the depot would close".into(),
            "indirect",
            s("Tomas Brill"),
            "claim_after"
        )]
    );
}

#[test]
fn a_noun_phrase_subject_may_stand_before_a_quantifier_or_a_negation() {
    assert_eq!(
        claims("The ferry commuters all agree that the channel is too shallow."),
        vec![(
            "the channel is too shallow".into(),
            "indirect",
            s("The ferry commuters"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("The ferry commuters still doubt that the channel will be dredged."),
        vec![(
            "the channel will be dredged".into(),
            "indirect",
            s("The ferry commuters"),
            "claim_after"
        )]
    );
}

#[test]
fn a_second_report_after_an_auxiliary_ends_the_first_content() {
    assert_eq!(
        claims("Nadia Oyelaran said the depot was safe and has added that it will reopen."),
        vec![
            (
                "the depot was safe".into(),
                "indirect",
                s("Nadia Oyelaran"),
                "claim_after"
            ),
            (
                "it will reopen".into(),
                "indirect",
                s("Nadia Oyelaran"),
                "claim_after"
            ),
        ]
    );
}

#[test]
fn a_short_concession_between_commas_stays_in_the_content() {
    assert_eq!(
        claims("Tomas Brill said the depot was a modest, though costly, success for the town."),
        vec![(
            "the depot was a modest, though costly, success for the town".into(),
            "indirect",
            s("Tomas Brill"),
            "claim_after"
        )]
    );
    // a concession with its own clause is the narrative's
    assert_eq!(
        claims("Tomas Brill said the depot was a success, though the town paid for most of it."),
        vec![(
            "the depot was a success".into(),
            "indirect",
            s("Tomas Brill"),
            "claim_after"
        )]
    );
}

#[test]
fn one_word_before_a_parenthetical_attribution_opens_the_content() {
    assert_eq!(
        claims("That, the planners say, will take a decade."),
        vec![(
            "That will take a decade".into(),
            "indirect",
            s("the planners"),
            "claim_around"
        )]
    );
}

#[test]
fn a_percentage_of_respondents_is_a_speaker() {
    assert_eq!(
        claims("Among tenants, 62% say the depot should stay open."),
        vec![(
            "the depot should stay open".into(),
            "indirect",
            s("62%"),
            "claim_after"
        )]
    );
}

#[test]
fn an_apposition_between_typed_double_hyphens_is_skipped() {
    assert_eq!(
        claims("Ilse Marten -- who runs the ferry line -- said the depot will close."),
        vec![(
            "the depot will close".into(),
            "indirect",
            s("Ilse Marten"),
            "claim_after"
        )]
    );
}

#[test]
fn a_name_and_a_colon_open_a_headline_claim() {
    assert_eq!(
        claims("Tomas Verhoeven: Harbour tolls will double next spring.\n\nThe port board met on Friday."),
        vec![(
            "Harbour tolls will double next spring".into(),
            "indirect",
            s("Tomas Verhoeven"),
            "claim_colon"
        )]
    );
    // a surname alone names the speaker when the full name is known
    assert_eq!(
        claims("Edda Kallio runs the ferry line.\n\nKallio: The new timetable is a mistake.")
            .into_iter()
            .filter(|c| c.3 == "claim_colon")
            .collect::<Vec<_>>(),
        vec![(
            "The new timetable is a mistake".into(),
            "indirect",
            s("Edda Kallio"),
            "claim_colon"
        )]
    );
}

#[test]
fn a_label_or_a_credit_line_before_a_colon_is_no_speaker() {
    // a one-word label, a short section heading, a list of names
    let rows: Vec<_> = [
        "Update: The ferry line resumed service on Friday.",
        "Edda Kallio: A slow start.",
        "Edda Kallio: Tomas Verhoeven, Ilse Marten and Oskar Lind.",
    ]
    .iter()
    .map(|t| claims(t))
    .collect();
    assert_eq!(rows, vec![vec![], vec![], vec![]]);
}

#[test]
fn a_gerund_subject_with_a_phrase_before_its_verb_opens_the_content() {
    assert_eq!(
        claims("Edda Kallio said widening the harbour road has been slow."),
        vec![(
            "widening the harbour road has been slow".into(),
            "indirect",
            s("Edda Kallio"),
            "claim_after"
        )]
    );
    // a participle with no verb of its own is no content
    assert_eq!(claims("Edda Kallio said, smiling at the crowd."), vec![]);
}

#[test]
fn a_plural_cue_noun_before_a_modal_reports_nothing() {
    assert_eq!(
        claims("The new ferry plans would double the fares."),
        vec![]
    );
    assert_eq!(
        claims("The union's warnings did not stop the merger."),
        vec![]
    );
}

#[test]
fn a_mixed_report_inside_another_is_part_of_the_outer_content() {
    let text = "Oskar Lind said Edda Kallio called the timetable “a small disaster.”";
    assert_eq!(
        claims(text),
        vec![(
            "Edda Kallio called the timetable “a small disaster.”".into(),
            "mixed",
            s("Oskar Lind"),
            "claim_after"
        )]
    );
    // the quoted words stay Kallio's in the quotes table
    let x = extract(Article::new(text));
    let quotes: Vec<_> = x
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.kind.as_str(), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        quotes,
        vec![("a small disaster.", "mixed", Some("Edda Kallio"))]
    );
}

#[test]
fn a_title_in_marks_makes_the_paraphrase_mixed_without_a_quote_row() {
    let text = "Ilse Marr said the novel “Salt Roads” had changed how she saw the coast.";
    assert_eq!(
        claims(text),
        vec![(
            "the novel “Salt Roads” had changed how she saw the coast".into(),
            "mixed",
            s("Ilse Marr"),
            "claim_after"
        )]
    );
    assert!(extract(Article::new(text)).quotes.is_empty());
}

#[test]
fn a_time_or_focus_adverb_before_the_cue_is_no_speaker() {
    assert_eq!(
        claims(
            "Ruth Olmo has always maintained that the levy was fair. \
             Pavel Dunst has nevertheless insisted that the bridge is safe."
        ),
        vec![
            (
                "the levy was fair".into(),
                "indirect",
                s("Ruth Olmo"),
                "claim_after"
            ),
            (
                "the bridge is safe".into(),
                "indirect",
                s("Pavel Dunst"),
                "claim_after"
            ),
        ]
    );
}

#[test]
fn an_inverted_attribution_may_end_with_the_circumstances_of_the_speech() {
    assert_eq!(
        claims("The ferry will stop running in March, Ilse Brandt said in an interview on Friday."),
        vec![(
            "The ferry will stop running in March".into(),
            "indirect",
            s("Ilse Brandt"),
            "claim_before"
        )]
    );
    assert_eq!(
        claims(
            "The ferry will stop running in March, Ilse Brandt told the paper earlier this week."
        ),
        vec![(
            "The ferry will stop running in March".into(),
            "indirect",
            s("Ilse Brandt"),
            "claim_before"
        )]
    );
    // a clause after the cue is content of its own, not a circumstance
    assert!(
        claims("The ferry stopped, Ilse Brandt said in March the line had failed.")
            .iter()
            .all(|c| c.0 != "The ferry stopped")
    );
}

#[test]
fn a_noun_phrase_object_ends_where_the_act_goes_on() {
    assert_eq!(
        claims("Petra Solvik denied the allegations through a lawyer on Monday."),
        vec![(
            "the allegations".into(),
            "indirect",
            s("Petra Solvik"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("The union endorsed the mayor's budget, including its cuts to the transit fund."),
        vec![(
            "the mayor's budget".into(),
            "indirect",
            s("The union"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("The council called for a new audit during its meeting in May."),
        vec![(
            "a new audit".into(),
            "indirect",
            s("The council"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Petra Solvik, who denounced the new tariff, will not attend the summit."),
        vec![(
            "the new tariff".into(),
            "indirect",
            s("Petra Solvik"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("The judge described the ruling, rooted in an old statute, to the panel."),
        vec![(
            "the ruling".into(),
            "indirect",
            s("The judge"),
            "claim_after"
        )]
    );
    // the predicate of a clause holding the cue is no object
    assert_eq!(
        claims("The three rules the auditor cited are strict limits on spending."),
        vec![]
    );
    // a that-clause after such a cue is read to its end
    assert_eq!(
        claims("Petra Solvik denied that the money went through a shell company."),
        vec![(
            "the money went through a shell company".into(),
            "indirect",
            s("Petra Solvik"),
            "claim_after"
        )]
    );
}

#[test]
fn a_relative_pronoun_speaks_for_its_antecedent() {
    // the speaker is the antecedent, and the content of a relative clause
    // ends where the sentence's predicate resumes
    assert_eq!(
        claims("Petra Solvik, who said the tariff would hurt farmers, will not attend."),
        vec![(
            "the tariff would hurt farmers".into(),
            "indirect",
            s("Petra Solvik"),
            "claim_after"
        )]
    );
}

#[test]
fn a_time_of_day_after_the_cue_is_no_content() {
    assert_eq!(
        claims("The ferry company cancelled the route, the Harbor Gazette reported late Thursday."),
        vec![(
            "The ferry company cancelled the route".into(),
            "indirect",
            s("Harbor Gazette"),
            "claim_before"
        )]
    );
    assert_eq!(
        claims("Ilse Brandt said late Thursday the ferry would stop running."),
        vec![(
            "the ferry would stop running".into(),
            "indirect",
            s("Ilse Brandt"),
            "claim_after"
        )]
    );
}

#[test]
fn a_group_owned_by_a_named_speaker_speaks() {
    // the possessive name and its noun are one subject phrase, with either
    // apostrophe
    assert_eq!(
        claims("Tomas Orvik's campaign says the rally will go ahead."),
        vec![(
            "the rally will go ahead".into(),
            "indirect",
            s("Tomas Orvik's campaign"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Orvik’s lawyers said the filing was late."),
        vec![(
            "the filing was late".into(),
            "indirect",
            s("Orvik’s lawyers"),
            "claim_after"
        )]
    );
}

#[test]
fn a_place_adverb_may_stand_between_subject_and_cue() {
    assert_eq!(
        claims("Her volunteers here said they had knocked on every door."),
        vec![(
            "they had knocked on every door".into(),
            "indirect",
            s("Her volunteers"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Brigit Sorensen there said the ferry was late again."),
        vec![(
            "the ferry was late again".into(),
            "indirect",
            s("Brigit Sorensen"),
            "claim_after"
        )]
    );
}

#[test]
fn a_question_put_to_the_subject_is_reported_by_whoever_asked() {
    // the asker is unknown unless named; the subject's answer is its own claim
    assert_eq!(
        claims("Asked whether the dam would hold, Ilse Varga said the engineers were confident."),
        vec![
            (
                "whether the dam would hold".into(),
                "indirect",
                None,
                "asked"
            ),
            (
                "the engineers were confident".into(),
                "indirect",
                s("Ilse Varga"),
                "claim_after"
            ),
        ]
    );
    assert_eq!(
        claims("When asked by Rosa Kemp about the harbour budget, the minister smiled."),
        vec![(
            "the harbour budget".into(),
            "indirect",
            s("Rosa Kemp"),
            "asked"
        )]
    );
    // a comma inside the closing quotation marks ends the question too
    assert_eq!(
        claims("Asked if the new toll is “fair,” most drivers shook their heads."),
        vec![("if the new toll is “fair,”".into(), "mixed", None, "asked")]
    );
    // an infinitive is a request, not a question: no claim from "asked" alone
    assert_eq!(claims("The council was asked to vote again."), vec![]);
}

#[test]
fn a_number_after_but_opens_a_new_clause() {
    assert_eq!(
        claims("Most riders said the fare was too high, but six in 10 said they would still ride."),
        vec![
            (
                "the fare was too high".into(),
                "indirect",
                s("Most riders"),
                "claim_after"
            ),
            (
                "they would still ride".into(),
                "indirect",
                s("six in 10"),
                "claim_after"
            ),
        ]
    );
}

#[test]
fn a_capital_opening_the_sentence_may_modify_the_subject_noun() {
    // sentence-initial capitals say nothing of a name: the whole noun
    // phrase is the subject
    assert_eq!(
        claims("Exit polling showed that the mayor won every district."),
        vec![(
            "the mayor won every district".into(),
            "indirect",
            s("Exit polling"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Harbour records show the ferry sailed twice that week."),
        vec![(
            "the ferry sailed twice that week".into(),
            "indirect",
            s("Harbour records"),
            "claim_after"
        )]
    );
}

#[test]
fn a_named_addressee_after_an_article_is_no_content() {
    // "The" outside the name of the addressee: nothing follows the name,
    // so the cue has no content after it
    assert_eq!(
        claims("Lena Hoff told The Northern Courier that the ferry would stop."),
        vec![(
            "the ferry would stop".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("The ferry was late again, Lena Hoff told The Northern Courier."),
        vec![(
            "The ferry was late again".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_before"
        )]
    );
}

#[test]
fn a_source_and_its_postmodifier_speak_as_one() {
    // "close to him": the pronoun inside the subject is not the speaker
    assert_eq!(
        claims("A person close to him said the ferry would stop."),
        vec![(
            "the ferry would stop".into(),
            "indirect",
            s("A person close to him"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("The ferry will stop in May, people familiar with the plan said."),
        vec![(
            "The ferry will stop in May".into(),
            "indirect",
            s("people familiar with the plan"),
            "claim_before"
        )]
    );
    // a three-word postmodifier whose preposition ("of") stops no phrase,
    // and a head noun that is a listed role
    assert_eq!(
        claims("Two officials with knowledge of the talks said the ferry would stop."),
        vec![(
            "the ferry would stop".into(),
            "indirect",
            s("Two officials with knowledge of the talks"),
            "claim_after"
        )]
    );
}

#[test]
fn a_connective_opening_the_sentence_is_no_content() {
    assert_eq!(
        claims("Still, the ferry will stop in May, Lena Hoff said."),
        vec![(
            "the ferry will stop in May".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_before"
        )]
    );
    // connectives alone before the attribution are no content at all (and
    // a word in -ing after it reads as a participle: no claim, not a guess)
    assert_eq!(
        claims("And yet, Lena Hoff said, housing remains her priority."),
        vec![]
    );
    assert_eq!(
        claims("But the ferry will stop in May, Lena Hoff said."),
        vec![(
            "the ferry will stop in May".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_before"
        )]
    );
}

#[test]
fn a_possessive_owner_belongs_to_a_parenthetical_attribution() {
    assert_eq!(
        claims("And yet, Lena Hoff's aides say, the ferry remains her priority."),
        vec![(
            "the ferry remains her priority".into(),
            "indirect",
            s("aides"),
            "claim_after"
        )]
    );
}

#[test]
fn a_quantity_of_something_opens_a_said_clause() {
    assert_eq!(
        claims("Lena Hoff said much of the ferry money was gone."),
        vec![(
            "much of the ferry money was gone".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_after"
        )]
    );
}

#[test]
fn a_statement_put_out_by_the_subject_speaks_for_it() {
    assert_eq!(
        claims("Lena Hoff issued a statement saying the ferry would stop."),
        vec![(
            "the ferry would stop".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_after"
        )]
    );
}

#[test]
fn an_opening_adverbial_holds_no_subject_for_a_participle() {
    // a participle with a lowercase object, an adverb in -ly, a town and
    // its state: none of them is the sentence's subject
    assert_eq!(
        claims(
            "Facing growing pressure from Tom Baird, Lena Hoff released a letter on Friday, \
             describing the ferry as a lifeline."
        ),
        vec![(
            "the ferry as a lifeline".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Essentially, Lena Hoff spoke for an hour, insisting that the ferry would run."),
        vec![(
            "the ferry would run".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims(
            "At a rally in Dunmore, Ohio, on Sunday, Lena Hoff spoke for an hour, \
             insisting that the ferry would run."
        ),
        vec![(
            "the ferry would run".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_after"
        )]
    );
}

#[test]
fn an_apposition_after_the_content_ends_it() {
    assert_eq!(
        claims("Lena Hoff said the ferry would stop in May, a decision the council had delayed."),
        vec![(
            "the ferry would stop in May".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_after"
        )]
    );
    // after an opening adverbial the comma leads to the main clause, and a
    // list goes on to its last item
    assert_eq!(
        claims("Lena Hoff said that after the long vote, the ferry would stop."),
        vec![(
            "after the long vote, the ferry would stop".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("Lena Hoff said the plan needs new boats, the repair of the pier, and lower fares."),
        vec![(
            "the plan needs new boats, the repair of the pier, and lower fares".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_after"
        )]
    );
}

#[test]
fn a_gerund_after_a_role_noun_subject_opens_the_content() {
    assert_eq!(
        claims("The harbour master says dredging the channel is costly."),
        vec![(
            "dredging the channel is costly".into(),
            "indirect",
            s("The harbour master"),
            "claim_after"
        )]
    );
}

#[test]
fn about_before_a_quantity_opens_the_content() {
    assert_eq!(
        claims("The port authority said about a third of the cranes were idle."),
        vec![(
            "about a third of the cranes were idle".into(),
            "indirect",
            s("The port authority"),
            "claim_after"
        )]
    );
}

#[test]
fn a_weekday_with_its_preposition_or_part_of_day_precedes_the_clause() {
    assert_eq!(
        claims("Mira Sohn said on Tuesday night she would not run again."),
        vec![(
            "she would not run again".into(),
            "indirect",
            s("Mira Sohn"),
            "claim_after"
        )]
    );
    // a preposition after the time phrase opens an adverbial, not content
    assert_eq!(
        claims("Mira Sohn spoke Monday night after the vote."),
        vec![]
    );
}

#[test]
fn a_new_clause_after_a_closed_quoted_fragment_ends_the_content() {
    assert_eq!(
        claims("Tom Reyes said he \"signed the order last week,\" and he said he expected a ruling soon."),
        vec![
            (
                "he \"signed the order last week,\"".into(),
                "mixed",
                s("Tom Reyes"),
                "mixed_claim"
            ),
            (
                "he expected a ruling soon".into(),
                "indirect",
                s("Tom Reyes"),
                "claim_after"
            ),
        ]
    );
}

#[test]
fn the_time_of_the_act_is_not_part_of_a_mixed_claim() {
    assert_eq!(
        claims("Tom Reyes said on Monday he \"signed the order last week.\""),
        vec![(
            "he \"signed the order last week.\"".into(),
            "mixed",
            s("Tom Reyes"),
            "mixed_claim"
        )]
    );
}

#[test]
fn the_addressee_of_a_telling_verb_runs_on_to_its_that_clause() {
    assert_eq!(
        claims("Ada Moll told the Riverside Gazette newspaper of Lakeview on Monday that she had voted for the levy."),
        vec![(
            "she had voted for the levy".into(),
            "indirect",
            s("Ada Moll"),
            "claim_after"
        )]
    );
}

#[test]
fn a_document_before_shows_makes_it_a_verb() {
    assert_eq!(
        claims("A new survey shows that the mayor leads by five points."),
        vec![(
            "the mayor leads by five points".into(),
            "indirect",
            s("A new survey"),
            "claim_after"
        )]
    );
    // footage and affidavits speak like reports (lexicons/role_nouns.tsv)
    assert_eq!(
        claims("The footage shows that the driver raised his hands. The affidavit says the clerk saw the ledger."),
        vec![
            (
                "the driver raised his hands".into(),
                "indirect",
                s("The footage"),
                "claim_after"
            ),
            (
                "the clerk saw the ledger".into(),
                "indirect",
                s("The affidavit"),
                "claim_after"
            ),
        ]
    );
    // a plural noun before "that" stays a noun
    assert_eq!(
        claims("The talk shows that aired on Sunday were dull."),
        vec![]
    );
}

#[test]
fn a_gerund_subject_may_run_long_before_its_verb() {
    assert_eq!(
        claims(
            "Ada Moll said having the rival council treat her staff with respect was a real gain."
        ),
        vec![(
            "having the rival council treat her staff with respect was a real gain".into(),
            "indirect",
            s("Ada Moll"),
            "claim_after"
        )]
    );
}

#[test]
fn an_emphatic_pronoun_or_a_poll_word_stands_between_subject_and_cue() {
    assert_eq!(
        claims("Nearly eight in 10 voters overall said they had made up their minds."),
        vec![(
            "they had made up their minds".into(),
            "indirect",
            s("voters"),
            "claim_after"
        )]
    );
    assert_eq!(
        claims("The mayor herself said the rules were unclear."),
        vec![(
            "the rules were unclear".into(),
            "indirect",
            s("The mayor"),
            "claim_after"
        )]
    );
}

#[test]
fn some_cues_report_only_through_a_that_clause() {
    // lexicons/that_cues.txt: "maintain", "state" with a bare object are no speech
    assert_eq!(
        claims("The council maintains a wide lead in the polls. The states reopened the ports."),
        vec![]
    );
    assert_eq!(
        claims("The council maintains that the bridge is safe."),
        vec![(
            "the bridge is safe".into(),
            "indirect",
            s("The council"),
            "claim_after"
        )]
    );
}

#[test]
fn a_cue_form_heading_a_compound_noun_is_no_verb() {
    // lexicons/noun_forms.txt: "talk show", "roll call"
    assert_eq!(
        claims("The late-night talk show featured the mayor. The roll call vote began at noon."),
        vec![]
    );
    // a plural subject, an adverb or a pronoun before it keeps the verb
    assert_eq!(
        claims("Polls there show the mayor ahead. They call the plan a disaster."),
        vec![
            (
                "the mayor ahead".into(),
                "indirect",
                s("Polls"),
                "claim_after"
            ),
            (
                "the plan a disaster".into(),
                "indirect",
                None,
                "claim_after"
            ),
        ]
    );
}

#[test]
fn speaking_reports_only_its_topic() {
    assert_eq!(
        claims("Lena Hoff spoke over the boos of the crowd. Lena Hoff spoke emotionally of the flood that took her farm."),
        vec![(
            "the flood that took her farm".into(),
            "indirect",
            s("Lena Hoff"),
            "claim_after"
        )]
    );
}
