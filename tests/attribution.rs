//! Tests: attribution sieves and coreference (fixtures with invented people).

use sayso::{extract, Article};

/// (quote text, speaker, speaker mention, cue, method) of one quote row.
type Row = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    &'static str,
);

/// Every quote row of `text`.
fn rows(text: &str) -> Vec<Row> {
    let x = extract(Article::new(text));
    x.quotes
        .iter()
        .map(|q| {
            (
                q.text.clone(),
                q.speaker.clone(),
                q.mention.map(|m| text[m.start..m.end].to_string()),
                q.cue.map(|c| text[c.start..c.end].to_string()),
                q.method,
            )
        })
        .collect()
}

fn who(text: &str) -> Vec<(Option<String>, &'static str)> {
    rows(text).into_iter().map(|r| (r.1, r.4)).collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn cue_after_name_said() {
    assert_eq!(
        rows("“The river is rising fast,” Mara Quint said."),
        vec![(
            "The river is rising fast,".into(),
            s("Mara Quint"),
            s("Mara Quint"),
            s("said"),
            "cue_after"
        )]
    );
}

#[test]
fn cue_after_said_name() {
    assert_eq!(
        who("“The river is rising fast,” said Mara Quint, the town engineer."),
        vec![(s("Mara Quint"), "cue_after")]
    );
}

#[test]
fn phrasal_and_other_reporting_verbs() {
    for (verb, lemma) in [
        ("added", "add"),
        ("noted", "note"),
        ("pointed out", "point out"),
        ("stressed", "stress"),
        ("went on to say", "go on to say"),
    ] {
        let text = format!("“Nobody was hurt,” Mara Quint {verb}.");
        let x = extract(Article::new(text.clone()));
        assert_eq!(x.quotes.len(), 1, "{text}");
        assert_eq!(x.quotes[0].speaker.as_deref(), Some("Mara Quint"), "{text}");
        assert_eq!(x.quotes[0].cue_lemma.as_deref(), Some(lemma), "{text}");
    }
}

#[test]
fn cue_before_with_colon_and_addressee() {
    let text = "Mara Quint told Oskar Lind: “You will have the report by Friday.”";
    let x = extract(Article::new(text));
    assert_eq!(x.quotes.len(), 1);
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Mara Quint"));
    assert_eq!(x.quotes[0].addressee.as_deref(), Some("Oskar Lind"));
    assert_eq!(x.quotes[0].method, "cue_before");
}

#[test]
fn passive_and_nominal_cues() {
    assert_eq!(
        who("“We are nearly finished,” the mayor Oskar Lind is quoted as saying."),
        vec![(s("Oskar Lind"), "cue_after")]
    );
    assert_eq!(
        who("Oskar Lind spoke last. In Lind's words, “the work is nearly finished.”"),
        vec![(s("Oskar Lind"), "cue_before")]
    );
    assert_eq!(
        who("Oskar Lind left early. “Back to work,” was Lind's message to the crew."),
        vec![(s("Oskar Lind"), "cue_after")]
    );
    assert_eq!(
        who("According to Oskar Lind, “the crew worked through the night.”"),
        vec![(s("Oskar Lind"), "cue_before")]
    );
}

#[test]
fn speech_verb_elsewhere_in_the_sentence() {
    let text =
        "Mara Quint said the dam was safe and described the rumours as “pure invention” by rivals.";
    let x = extract(Article::new(text));
    assert_eq!(x.quotes.len(), 1);
    assert_eq!(x.quotes[0].kind.as_str(), "mixed");
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Mara Quint"));
}

#[test]
fn quote_only_paragraph_continues_the_previous_speaker() {
    // (a paragraph holding nothing but the quotation joins the one before:
    // here a sentence follows it)
    let text = "“The first phase is done,” Mara Quint said.\n\n“The second phase starts in spring and will take two years.” Funding is in place.";
    assert_eq!(
        who(text),
        vec![
            (s("Mara Quint"), "cue_after"),
            (s("Mara Quint"), "continuation")
        ]
    );
}

#[test]
fn nothing_supports_an_attribution_so_speaker_is_null() {
    let text =
        "The hall was quiet.\n\n“This will change everything for the valley and its farmers.”";
    assert_eq!(who(text), vec![(None, "unattributed")]);
}

#[test]
fn surname_joins_the_full_name() {
    let text = "Governor Mara Quint visited the dam on Monday.\n\n“It is safe,” Quint said.";
    let x = extract(Article::new(text));
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Mara Quint"));
    assert_eq!(x.quotes[0].speaker_id.as_deref(), Some("mara-quint"));
    let sp = &x.speakers[0];
    assert_eq!(sp.name, "Mara Quint");
    assert_eq!(
        sp.aliases,
        vec!["Governor Mara Quint".to_string(), "Quint".to_string()]
    );
    assert_eq!(sp.roles, vec!["governor".to_string()]);
}

#[test]
fn role_noun_joins_the_person_holding_the_role() {
    let text = "Norwegian Prime Minister Oskar Lind met Mara Quint in Oslo.\n\n“We agreed on the fishing quotas,” the Norwegian leader said.";
    let x = extract(Article::new(text));
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Oskar Lind"));
    assert_eq!(
        &text[x.quotes[0].mention.unwrap().start..x.quotes[0].mention.unwrap().end],
        "the Norwegian leader"
    );
}

#[test]
fn apposition_states_the_role() {
    let text = "The talks were led by the Danish minister Ida Holm.\n\n“We need more time,” the minister said.";
    assert_eq!(who(text), vec![(s("Ida Holm"), "cue_after")]);
}

#[test]
fn pronoun_joins_the_subject_of_the_paragraph() {
    let text = "Ida Holm thanked the volunteers who rebuilt the school. “Without you we would have nothing,” she said.";
    assert_eq!(who(text), vec![(s("Ida Holm"), "cue_after")]);
}

#[test]
fn unresolved_role_keeps_the_mention_without_a_speaker_id() {
    let text = "“The decision is final,” a ministry spokesman said.";
    let x = extract(Article::new(text));
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("a ministry spokesman"));
    assert_eq!(x.quotes[0].speaker_id, None);
}

#[test]
fn dash_and_name_closing_the_paragraph() {
    let text = "Readers wrote in.\n\n“The new bus lines changed my whole week.” ― Lotte Varga\n\n“Nothing works on Sundays.” — Ben Okafor";
    assert_eq!(
        who(text),
        vec![
            (s("Lotte Varga"), "cue_after"),
            (s("Ben Okafor"), "cue_after")
        ]
    );
}

#[test]
fn headline_colon_and_colon_before_a_block_quote() {
    assert_eq!(
        who("Ida Holm: ‘We Will Rebuild Every Bridge in the Valley.’"),
        vec![(s("Ida Holm"), "cue_before")]
    );
    let text = "At the hearing, Oskar Lind said:\n\n“The budget is not enough for the repairs we need this year.”";
    assert_eq!(who(text), vec![(s("Oskar Lind"), "cue_before")]);
}

#[test]
fn descriptor_words_before_the_name_after_the_cue() {
    assert_eq!(
        who("“The river is rising fast,” said ferry captain Mara Quint."),
        vec![(s("Mara Quint"), "cue_after")]
    );
}

#[test]
fn a_paragraph_that_introduces_the_speaker() {
    let text = "Dr. Ida Holm spoke to reporters on Sunday.\n\n“The ward is full every night this week, and the nurses are exhausted.”";
    assert_eq!(who(text), vec![(s("Ida Holm"), "introduced")]);
}

#[test]
fn a_sentence_with_a_speech_verb_introduces_the_next_quotation() {
    // the quotation opens the sentence after the speaker's own, same paragraph
    let text = "The plan drew praise from the harbour board. Dr. Ida Holm agreed. \
                “The quay has waited thirty years for this, and it shows.”";
    assert_eq!(who(text), vec![(s("Ida Holm"), "previous_sentence")]);
    // a sentence without a speech verb introduces no one
    let text = "Dr. Ida Holm walked along the quay. “The quay has waited thirty years.”";
    assert_eq!(who(text), vec![(None, "unattributed")]);
}

#[test]
fn a_generational_suffix_closes_the_name() {
    assert_eq!(
        rows("“The harbour will stay open,” Peter K. Lamb Jr., the port director, said on Friday."),
        vec![(
            "The harbour will stay open,".to_string(),
            Some("Peter K. Lamb".to_string()),
            Some("Peter K. Lamb".to_string()),
            Some("said".to_string()),
            "sentence_cue"
        )]
    );
}

#[test]
fn the_name_in_apposition_to_a_role_speaks() {
    assert_eq!(
        rows("“The odds favour a delay,” said a veteran rail analyst, Hugo N. Vale of Vale Partners."),
        vec![(
            "The odds favour a delay,".to_string(),
            Some("Hugo N. Vale".to_string()),
            Some("Hugo N. Vale".to_string()),
            Some("said".to_string()),
            "cue_after"
        )]
    );
}

#[test]
fn a_speech_noun_before_a_colon_takes_the_sentence_subject() {
    assert_eq!(
        rows("Governor Ilse Brandt sent a blunt message to the unions: “Stop the strike now.”"),
        vec![(
            "Stop the strike now.".to_string(),
            Some("Ilse Brandt".to_string()),
            Some("Governor Ilse Brandt".to_string()),
            Some("message".to_string()),
            "cue_before"
        )]
    );
    // a colon after a non-speech noun: no speaker
    assert_eq!(
        who("Governor Ilse Brandt listed the new judges: “Arno Weiss will lead the court, and Bea Lund will serve as his deputy.”"),
        vec![(None, "unattributed")]
    );
}

#[test]
fn an_inverted_said_opens_the_sentence() {
    assert_eq!(
        rows("The mill became a museum. Said Rosa Diaz, who grew up nearby, “We are proud of it.”"),
        vec![(
            "We are proud of it.".to_string(),
            Some("Rosa Diaz".to_string()),
            Some("Rosa Diaz".to_string()),
            Some("Said".to_string()),
            "cue_before"
        )]
    );
}

#[test]
fn name_with_an_apostrophe_before_a_capital() {
    assert_eq!(
        who("“The dam held through the night,” said Fenna O'Dowd, on her first day in charge."),
        vec![(s("Fenna O'Dowd"), "cue_after")]
    );
}

#[test]
fn party_and_state_label_after_a_name() {
    assert_eq!(
        rows("“We will fund the bridge,” Sen. Lina Broek (D-Ore.) said Tuesday."),
        vec![(
            "We will fund the bridge,".into(),
            s("Lina Broek"),
            s("Sen. Lina Broek (D-Ore.)"),
            s("said"),
            "cue_after"
        )]
    );
}

#[test]
fn a_quotation_before_a_speech_verb_is_kept_even_without_a_named_speaker() {
    // no mention names the speaker: the row stays, honestly unattributed
    assert_eq!(
        rows("\"The gate stays shut tonight,\" said the man at the gate."),
        vec![(
            "The gate stays shut tonight,".into(),
            None,
            None,
            None,
            "unattributed"
        )]
    );
    // an occupation noun is a role mention
    assert_eq!(
        who("Rain fell.\n\"We rebuilt it once,\" said the engineer. \"Not twice.\""),
        vec![(s("the engineer"), "cue_inside")]
    );
}

#[test]
fn remembered_reports_speech() {
    assert_eq!(
        who("Ice closed the pass.\n\"Nobody heeded the warnings,\" remembered Tove Berg, the former warden."),
        vec![(s("Tove Berg"), "cue_after")]
    );
}

#[test]
fn a_sentence_initial_participle_is_no_name() {
    let text = "Mara Quint spent the morning at the depot.\n\n\
                Speaking to workers on the night shift, she promised new rules. \
                “We will fix the rota,” she said.\n\n\
                Growing up in a mining town, Oskar Lind learned to distrust promises. \
                “Nobody keeps them,” he said.";
    assert_eq!(
        who(text),
        vec![
            (s("Mara Quint"), "cue_after"),
            (s("Oskar Lind"), "cue_after")
        ]
    );
    // a name in -ing that speaks stays a name
    assert_eq!(
        who("“The talks are over,” Beijing said on Monday."),
        vec![(s("Beijing"), "cue_after")]
    );
}

#[test]
fn a_statement_in_the_next_sentence_does_not_attribute_a_closed_quotation() {
    // "Lind repeated it …" is a sentence of its own, not "“…” Lind said."
    let text = "Mara Quint opened the meeting at noon. “We will rebuild the pier before winter.” \
                Oskar Lind repeated it at the harbour.";
    assert_eq!(
        rows(text),
        vec![(
            "We will rebuild the pier before winter.".into(),
            None,
            None,
            None,
            "unattributed"
        )]
    );
    // the attribution alone in the next sentence still counts
    assert_eq!(
        who("“Stop the vote!” Mara Quint shouted."),
        vec![(s("Mara Quint"), "cue_after")]
    );
}

#[test]
fn a_quotation_right_after_a_verb_of_saying_is_direct() {
    let kinds = |text: &str| -> Vec<(String, &'static str, &'static str)> {
        extract(Article::new(text))
            .quotes
            .iter()
            .map(|q| (q.text.clone(), q.kind.as_str(), q.method))
            .collect()
    };
    assert_eq!(
        kinds("Oskar Lind declared “What a night for the club!” and left the stage."),
        vec![("What a night for the club!".into(), "direct", "cue_before")]
    );
    assert_eq!(
        kinds("Oskar Lind had said, “We’ll see,” when asked whether he would run."),
        vec![("We’ll see,".into(), "direct", "cue_before")]
    );
    // a naming verb takes a fragment: still mixed
    assert_eq!(
        kinds("Oskar Lind called the plan “a quiet disaster” for the harbour."),
        vec![("a quiet disaster".into(), "mixed", "cue_before")]
    );
}

#[test]
fn a_sentence_opening_preposition_is_no_name() {
    let text = "Mara Quint toured the port on Friday.\n\n\
                Amid the protests she said the fees would stay. “Nobody likes them,” she said.";
    assert_eq!(who(text), vec![(s("Mara Quint"), "cue_after")]);
}

#[test]
fn a_name_after_a_preposition_in_an_interrupting_attribution_is_no_second_speaker() {
    let text = "“Word is,” Kallio said last week on Channel Nine, “that the ferry company will cancel the deal.”";
    assert_eq!(
        rows(text),
        vec![(
            "Word is, that the ferry company will cancel the deal.".to_string(),
            s("Kallio"),
            s("Kallio"),
            s("said"),
            "cue_inside"
        )]
    );
}

#[test]
fn a_title_between_two_quotations_of_one_speaker_is_skipped_when_they_join() {
    let text = "“We will publish the audit,” Lind said on the network’s “Morning Hour” on Sunday. “There is nothing to hide.”";
    let x = extract(Article::new(text));
    let quotes: Vec<_> = x
        .quotes
        .iter()
        .map(|q| {
            (
                q.text.as_str(),
                q.parts.len(),
                q.speaker.as_deref(),
                q.method,
            )
        })
        .collect();
    assert_eq!(
        quotes,
        vec![(
            "We will publish the audit, There is nothing to hide.",
            2,
            Some("Lind"),
            "cue_after"
        )]
    );
    // no claim is made of the words around the title
    assert_eq!(x.claims.len(), 0);
}

#[test]
fn a_short_clause_of_a_speaker_before_a_colon_attributes_the_quotation() {
    assert_eq!(
        rows("And Ms. Verhoeven just shrugged: “Nobody in this town reads those reports.”"),
        vec![(
            "Nobody in this town reads those reports.".to_string(),
            s("Verhoeven"),
            s("Ms. Verhoeven"),
            s(":"),
            "cue_before"
        )]
    );
    // another name in the clause: not the speaker's own words
    assert_eq!(
        who("Ms. Verhoeven shrugged at Lind: “Nobody in this town reads those reports.”"),
        vec![(None, "unattributed")]
    );
}

#[test]
fn a_speech_noun_before_a_comma_introduces_the_quotation() {
    assert_eq!(
        who("Edda Kallio issued a statement, “We regret the delays of this week.”"),
        vec![(s("Edda Kallio"), "cue_before")]
    );
}

#[test]
fn a_capitalised_adverb_opening_the_sentence_is_no_speaker() {
    assert_eq!(
        who("Soon after, the ferry line issued a statement: “We regret the delays of this week.”"),
        vec![(None, "unattributed")]
    );
}

#[test]
fn a_fragment_in_the_apposition_of_an_inverted_speaker_is_not_their_quotation() {
    let text = "“It was a disgrace,” said Mara Velden, 41, a teacher who stood in an \
                “endless and badly managed line” for three hours with her son.";
    assert_eq!(who(text), vec![(s("Mara Velden"), "cue_after")]);
    let x = extract(Article::new(text));
    assert!(x.claims.is_empty(), "{:?}", x.claims);
}

#[test]
fn an_attribution_sentence_after_an_exclamation_may_end_with_a_circumstance() {
    assert_eq!(
        who(
            "“Stop it right now, all of you!” Lena Frosk repeated the warning to the crowd and left.\n\n\
             “Old sailors need the sea!” Marta Quell said to the harbour radio.\n\n\
             “Never again!” Ivo Brandt shouted on Friday."
        ),
        vec![
            (None, "unattributed"),
            (s("Marta Quell"), "cue_after"),
            (s("Ivo Brandt"), "cue_after"),
        ]
    );
}

#[test]
fn manner_of_speaking_verbs_attribute_quotations() {
    assert_eq!(
        who(
            "Pell waved to the crowd, then leaned in and boomed: “Let’s win this in spring.”\n\n\
             “Nobody reads the small print anymore,” Ana Ruiz muttered."
        ),
        vec![(s("Pell"), "cue_before"), (s("Ana Ruiz"), "cue_after")]
    );
}

#[test]
fn a_quotation_paragraph_continuing_the_quotation_before_joins_it() {
    let text = "“The bridge will open in May,” Oskar Leml said at the depot.\n\n\
                “After that, the ferries stop for good.”\n\n\
                “We owe the islanders a faster crossing.”\n\n\
                “Nobody here believes the date,” Vera Tamm said.\n\n\
                “It will be late,” she added.";
    assert_eq!(
        rows(text),
        vec![
            (
                "The bridge will open in May, After that, the ferries stop for good. \
                 We owe the islanders a faster crossing."
                    .into(),
                s("Oskar Leml"),
                s("Oskar Leml"),
                s("said"),
                "cue_after"
            ),
            (
                "Nobody here believes the date,".into(),
                s("Vera Tamm"),
                s("Vera Tamm"),
                s("said"),
                "cue_after"
            ),
            (
                "It will be late,".into(),
                s("Vera Tamm"),
                s("she"),
                s("added"),
                "cue_after"
            ),
        ]
    );
}

#[test]
fn a_hyphen_typed_for_a_dash_before_a_closing_name_attributes_the_quotation() {
    assert_eq!(
        rows("The claims of the week, checked.\n\n“Our county pays more for water than any other.”\n\n- Lina Varga."),
        vec![(
            "Our county pays more for water than any other.".into(),
            s("Lina Varga"),
            s("Lina Varga"),
            s("-"),
            "cue_after"
        )]
    );
}

#[test]
fn according_to_after_a_quotation_names_its_source() {
    assert_eq!(
        rows("The report was short. “The council has ignored the warnings for years,” according to Tomas Rell."),
        vec![(
            "The council has ignored the warnings for years,".into(),
            s("Tomas Rell"),
            s("Tomas Rell"),
            s("according to"),
            "cue_after"
        )]
    );
}

#[test]
fn a_bare_description_before_the_name_after_a_quotation_attributes_it() {
    let text = "“We will fix the road before the first snow,” county spokesman Elio Varn said.";
    assert_eq!(
        rows(text),
        vec![(
            "We will fix the road before the first snow,".into(),
            s("Elio Varn"),
            s("Elio Varn"),
            s("said"),
            "cue_after"
        )]
    );
    let x = extract(Article::new(text));
    assert_eq!(x.quotes[0].kind.as_str(), "direct");
    assert!(x.claims.is_empty(), "{:?}", x.claims);
}

#[test]
fn a_quotation_set_off_by_a_byline_is_a_title() {
    let text = "Weekend reading: “The last ferry to Brennick Island is leaving the harbour,” \
                by the Harbour Gazette’s Tova Lind.\n\n\
                “We will keep the crossing open all winter,” Ansel Mork said.";
    assert_eq!(who(text), vec![(s("Ansel Mork"), "cue_after")]);
}

#[test]
fn a_relative_clause_between_the_speaker_and_the_cue_after_a_quotation_is_skipped() {
    assert_eq!(
        rows("“The vote will be close in every ward,” Petra Holm, who has not endorsed a candidate, told reporters."),
        vec![(
            "The vote will be close in every ward,".into(),
            s("Petra Holm"),
            s("Petra Holm"),
            s("told"),
            "cue_after"
        )]
    );
}

#[test]
fn a_new_paragraph_does_not_attribute_the_quotation_closing_the_one_before() {
    // "According to Pell" opens the next paragraph and its own quotation: the
    // second quotation of the first paragraph goes on with Orrin Dask's words
    let text = "“The bridge needs work,” Orrin Dask told the members of the county board at their meeting in Ashby. “We have asked for the money twice.”\n\nAccording to Mira Pell, “The money was never in the budget.”";
    assert_eq!(
        who(text),
        vec![
            (s("Orrin Dask"), "cue_after"),
            (s("Mira Pell"), "cue_before"),
        ]
    );
    assert_eq!(
        rows(text)[0].0,
        "The bridge needs work, We have asked for the money twice."
    );
}

#[test]
fn a_name_after_said_of_is_the_topic_of_an_interrupted_quotation() {
    // "of Brenna Hale" says whom the words are about: the two quotations
    // around the attribution are one utterance of Tavi Roon
    let text = "“You need patience,” Tavi Roon said of Brenna Hale, “and she has plenty of it.”";
    assert_eq!(who(text), vec![(s("Tavi Roon"), "cue_inside")]);
}

#[test]
fn cue_after_directive_verb_closing_the_clause() {
    assert_eq!(
        rows("“Vote for the bridge on Tuesday,” Mara Quint urged. “It will not wait.”"),
        vec![(
            "Vote for the bridge on Tuesday, It will not wait.".into(),
            s("Mara Quint"),
            s("Mara Quint"),
            s("urged"),
            "cue_inside"
        )]
    );
    assert_eq!(
        who("“Open the gates now,” demanded Oskar Lind, the harbour master."),
        vec![(s("Oskar Lind"), "cue_after")]
    );
    // an infinitive after the verb is a claim of its own, not this quotation's cue
    assert_eq!(
        who("“The gates are shut,” Mara Quint said. Oskar Lind urged the council to act."),
        vec![(s("Mara Quint"), "cue_after")]
    );
}

#[test]
fn cue_after_in_next_sentence_with_time_clause() {
    // "…!" ends the sentence: the attribution after it is a sentence of its
    // own, which may end in a clause telling when it was said
    assert_eq!(
        rows("“The harbour town of Elmore is proud to open its gates!” Mara Quint said as she opened the session."),
        vec![(
            "The harbour town of Elmore is proud to open its gates!".into(),
            s("Mara Quint"),
            s("Mara Quint"),
            s("said"),
            "cue_after"
        )]
    );
}

#[test]
fn fragment_in_a_later_sentence_does_not_join_the_quotation() {
    // the second fragment sits in a sentence of paraphrase about something
    // else: it is not more of the first quotation
    assert_eq!(
        rows("The council met on Tuesday.\n\nMara Quint blamed the delay on “careless harbour planners.” Her remarks followed a long week of debate over “river town values.”"),
        vec![(
            "careless harbour planners.".into(),
            s("Mara Quint"),
            s("Mara Quint"),
            s("blamed"),
            "cue_before"
        )]
    );
}

#[test]
fn as_x_put_it_introduces_a_quotation() {
    assert_eq!(
        rows("The council met on Tuesday.\n\nOr, as Mara Quint, the harbour master, put it: “The harbour is our future and our past.”\n\nAs Oskar Lind puts it, “Nobody builds a bridge for one winter.”"),
        vec![
            (
                "The harbour is our future and our past.".into(),
                s("Mara Quint"),
                s("Mara Quint"),
                s("put it"),
                "cue_before"
            ),
            (
                "Nobody builds a bridge for one winter.".into(),
                s("Oskar Lind"),
                s("Oskar Lind"),
                s("puts it"),
                "cue_before"
            ),
        ]
    );
}

#[test]
fn name_and_colon_after_a_dash() {
    assert_eq!(
        rows("Turnout was high in the river towns - Mara Quint: “We counted every vote twice and found nothing wrong.”"),
        vec![(
            "We counted every vote twice and found nothing wrong.".into(),
            s("Mara Quint"),
            s("Mara Quint"),
            s(":"),
            "cue_before"
        )]
    );
}

#[test]
fn interrupted_quotation_joins_only_without_its_own_attribution() {
    // the second quotation has its own cue: two utterances
    assert_eq!(
        rows("“The gates are shut,” Mara Quint said. “The river is too high for the ferry,” Oskar Lind added."),
        vec![
            (
                "The gates are shut,".into(),
                s("Mara Quint"),
                s("Mara Quint"),
                s("said"),
                "cue_after"
            ),
            (
                "The river is too high for the ferry,".into(),
                s("Oskar Lind"),
                s("Oskar Lind"),
                s("added"),
                "cue_after"
            ),
        ]
    );
    // without one, the second continues the first
    assert_eq!(
        rows("“The gates are shut,” Mara Quint said. “The river is too high for the ferry.”"),
        vec![(
            "The gates are shut, The river is too high for the ferry.".into(),
            s("Mara Quint"),
            s("Mara Quint"),
            s("said"),
            "cue_inside"
        )]
    );
}

#[test]
fn cue_after_with_an_unnamed_person_or_commenter() {
    assert_eq!(
        rows("The council met on Tuesday.\n\n“The ferry will not run before the spring floods end,” said a person close to the harbour board.\n\n“We waited all night for a boat that never came,” wrote one commenter."),
        vec![
            (
                "The ferry will not run before the spring floods end,".into(),
                s("a person"),
                s("a person"),
                s("said"),
                "cue_after"
            ),
            (
                "We waited all night for a boat that never came,".into(),
                s("one commenter"),
                s("one commenter"),
                s("wrote"),
                "cue_after"
            ),
        ]
    );
}

#[test]
fn participle_cue_after_a_document_takes_the_sentence_subject() {
    assert_eq!(
        rows("The council met on Tuesday.\n\nMara Quint published a statement saying: “The ferry will run again in May.”"),
        vec![(
            "The ferry will run again in May.".into(),
            s("Mara Quint"),
            s("Mara Quint"),
            s("saying"),
            "cue_before"
        )]
    );
}

#[test]
fn capitalised_time_words_opening_a_sentence_are_no_speakers() {
    assert_eq!(
        who("The council met on Tuesday.\n\nHours later, Mara Quint left the hall, adding: “We lost fair and square.”\n\nImmediately after the vote, Oskar Lind walked out, saying: “This is not over.”"),
        vec![(s("Mara Quint"), "cue_before"), (s("Oskar Lind"), "cue_before")]
    );
}
