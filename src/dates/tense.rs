//! The direction a bare weekday or month points to, from the verbs around it:
//! `on Monday` in a past-tense sentence is the Monday before the publication
//! date; `will meet on Tuesday` is the next one.
//!
//! Each marker of the sentence (`lexicons/dates/rules.tsv`, modals, `-ed`
//! verbs) costs its distance to the expression, more when a clause boundary
//! lies between them (`Bush told reporters on Tuesday that talks might…`:
//! `told` governs Tuesday, `might` another clause) or when it is a verb of
//! saying (`"He will leave Thursday," Castro said`: the quote is what
//! happens on Thursday). The cheapest marker decides.

use super::lex::{Kind, Tok};
use super::lexicon::{self, Dir, Rule};

/// Extra cost of a marker for each clause boundary crossed.
const BOUNDARY: usize = 10;
/// Extra cost of a verb of saying.
const REPORT: usize = 3;
/// How far from a deadline (`by Wednesday`) a `had` makes it past: the
/// verb phrase next to it, not an earlier clause.
const PERFECT_REACH: usize = 6;

/// What token `i` says: a direction, or that it is a clause boundary.
enum Mark {
    Dir(Dir, Strength),
    Boundary,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Strength {
    Full,
    /// A verb of saying or a weak marker: costs [`REPORT`] more.
    Weak,
    /// `planned to`: the future of what follows the verb, so only for a
    /// date after it (`On Friday the team planned to leave` is the Friday
    /// the planning happened).
    Ahead,
}

/// What each token of a sentence says about tense (`rules[i]` for
/// `toks[i]`), looked up once per sentence: [`mark`] asks it of a token and
/// of its neighbours, for every expression of the sentence that needs a
/// direction, and each ask was a hash of the word.
pub fn rules_into(toks: &[Tok<'_>], rules: &mut Vec<Option<Rule>>) {
    let lex = lexicon::get();
    rules.clear();
    rules.extend(toks.iter().map(|t| lex.rule(t.low)));
}

fn mark(toks: &[Tok<'_>], rules: &[Option<Rule>], i: usize) -> Option<Mark> {
    let rule = |k: usize| rules[k];
    let t = &toks[i];
    let prev = i.checked_sub(1).map(|k| &toks[k]);
    if t.kind == Kind::Punct {
        // a double quote typed as two single ones
        if t.low == "'"
            && (prev.is_some_and(|p| p.low == "'" && t.glued)
                || toks.get(i + 1).is_some_and(|n| n.low == "'" && n.glued))
        {
            return Some(Mark::Boundary);
        }
        return matches!(rule(i), Some(Rule::Boundary)).then_some(Mark::Boundary);
    }
    if t.kind != Kind::Word {
        return None;
    }
    if t.low == "ll" && prev.is_some_and(|p| p.low == "'") && t.glued {
        return Some(Mark::Dir(Dir::Future, Strength::Full));
    }
    // a modal before `have` looks back (`may have been`, `would have
    // required`): a past event, not a future one
    let modal = matches!(t.low, "might" | "would") || (t.low == "may" && !t.cap);
    if modal && toks.get(i + 1).is_some_and(|n| n.low == "have") {
        return Some(Mark::Dir(Dir::Past, Strength::Full));
    }
    // the modal, not the month (months are capitalised)
    if t.low == "may" && !t.cap {
        return Some(Mark::Dir(Dir::Future, Strength::Full));
    }
    // a participle after `be`, `been`: its auxiliary tells the tense
    let aux = i > 0 && matches!(rule(i - 1), Some(Rule::Aux));
    // `was due`, `had been scheduled`: a plan told in the past, for a time
    // that is past by now
    let past_aux = |k: usize| {
        let k = match toks.get(k) {
            Some(p) if p.low == "been" => k.checked_sub(1),
            Some(_) => Some(k),
            None => None,
        };
        k.is_some_and(|k| matches!(toks[k].low, "was" | "were" | "had"))
    };
    let planned_before = i > 0 && past_aux(i - 1);
    // `were planning to drive`: the plan, not the auxiliary, tells the time
    let plans_ahead = || {
        toks.get(i + 2).is_some_and(|n| n.low == "to")
            && matches!(rules.get(i + 1), Some(Some(Rule::BeforeTo)))
    };
    match rule(i) {
        // `will be held`: the participle is no past tense
        Some(Rule::Tense(Dir::Past)) if aux || plans_ahead() => return None,
        Some(Rule::Tense(Dir::Future)) if planned_before => {
            return Some(Mark::Dir(Dir::Past, Strength::Full))
        }
        Some(Rule::Tense(d)) => return Some(Mark::Dir(d, Strength::Full)),
        Some(Rule::Weak(d)) => return Some(Mark::Dir(d, Strength::Weak)),
        Some(Rule::BeforeTo) if toks.get(i + 1).is_some_and(|n| n.low == "to") => {
            return Some(Mark::Dir(Dir::Future, Strength::Full))
        }
        // `planned to leave on Friday`, `planned a rally on Saturday`
        Some(Rule::PastBeforeTo) => return Some(Mark::Dir(Dir::Future, Strength::Ahead)),
        Some(Rule::BeforeTo) => return None,
        Some(Rule::Report) => return Some(Mark::Dir(Dir::Past, Strength::Weak)),
        Some(Rule::Boundary) => return Some(Mark::Boundary),
        // only right before the date, see `direction`
        Some(Rule::Deadline) => return None,
        // `postponed until Tuesday`: the new time, ahead of the verb
        Some(Rule::Postpone)
            if toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.low, "until" | "till")) =>
        {
            return Some(Mark::Dir(Dir::Future, Strength::Ahead))
        }
        Some(Rule::Postpone) | Some(Rule::Aux) | Some(Rule::Det) | None => {}
    }
    // an -ed word right after a determiner is an adjective (`a still
    // unspecified date`, `the revised plan`), not a past tense
    let det = (1..=2).any(|k| {
        i.checked_sub(k)
            .is_some_and(|j| matches!(rule(j), Some(Rule::Det)))
    });
    // an -ed word before `by` is a participle (`markets untouched by the
    // crisis`), the tense is elsewhere
    let agent = toks.get(i + 1).is_some_and(|n| n.low == "by");
    (t.low.len() > 4 && t.low.ends_with("ed") && !aux && !det && !agent)
        .then_some(Mark::Dir(Dir::Past, Strength::Full))
}

/// The cheapest marker around tokens `start..end` of the sentence decides;
/// `None` when there is none. `rules` are the sentence's [`rules_into`].
pub fn direction(
    toks: &[Tok<'_>],
    rules: &[Option<Rule>],
    start: usize,
    end: usize,
) -> Option<Dir> {
    // a possessive (`Wednesday's ruling`) names an event already known:
    // the day before publication, whatever the verbs say
    let glued = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.glued && t.low == w);
    if glued(end, "'") && glued(end + 1, "s") {
        return Some(Dir::Past);
    }
    let mut best: Option<(usize, Dir)> = None;
    let mut consider = |cost: usize, d: Dir| {
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, d));
        }
    };
    // `through January`: the end of a span, ahead unless a verb says otherwise
    let lex = lexicon::get();
    // `had filed reports by Wednesday`, `By March, prices had doubled`: a
    // past perfect next to the deadline puts the deadline itself in the past
    let had = |t: &Tok<'_>| t.low == "had";
    let clause = |t: &&Tok<'_>| !matches!(lex.rule(t.low), Some(Rule::Boundary));
    let perfect = || {
        toks[..start]
            .iter()
            .rev()
            .take(PERFECT_REACH)
            .take_while(clause)
            .any(had)
            || toks[end.min(toks.len())..]
                .iter()
                .take(PERFECT_REACH)
                .take_while(clause)
                .any(had)
    };
    if start > 0 && matches!(lex.rule(toks[start - 1].low), Some(Rule::Deadline)) && !perfect() {
        consider(1 + REPORT, Dir::Future);
    }
    // before the expression, then after it (ties go to the earlier side)
    let mut crossed = 0;
    let weak = |s: Strength| if s == Strength::Weak { REPORT } else { 0 };
    for (dist, k) in (0..start.min(toks.len())).rev().enumerate() {
        match mark(toks, rules, k) {
            Some(Mark::Dir(d, s)) => consider(dist + 1 + BOUNDARY * crossed + weak(s), d),
            Some(Mark::Boundary) => crossed += 1,
            None => {}
        }
    }
    let mut crossed = 0;
    for (dist, k) in (end..toks.len()).enumerate() {
        match mark(toks, rules, k) {
            Some(Mark::Dir(_, Strength::Ahead)) => {}
            Some(Mark::Dir(d, s)) => consider(dist + 1 + BOUNDARY * crossed + weak(s), d),
            Some(Mark::Boundary) => crossed += 1,
            None => {}
        }
    }
    best.map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_of(text: &str, word: &str) -> Option<Dir> {
        let lower = text.to_ascii_lowercase();
        let toks = crate::dates::lex::tokens(text, &lower, 0, text.len());
        let i = toks.iter().position(|t| t.low == word).unwrap();
        let mut rules = Vec::new();
        rules_into(&toks, &mut rules);
        direction(&toks, &rules, i, i + 1)
    }

    #[test]
    fn markers() {
        assert_eq!(
            dir_of(
                "On Monday the minister said the plan would start on Friday.",
                "monday"
            ),
            Some(Dir::Past)
        );
        assert_eq!(
            dir_of(
                "On Monday the minister said the plan would start on Friday.",
                "friday"
            ),
            Some(Dir::Future)
        );
        // the quotation mark separates the verb of saying from the quote
        assert_eq!(
            dir_of(
                "\"She will leave at dawn on Thursday,\" the aide said.",
                "thursday"
            ),
            Some(Dir::Future)
        );
        // `that` separates the clauses
        assert_eq!(
            dir_of(
                "He told reporters on Tuesday that the deal might be extended.",
                "tuesday"
            ),
            Some(Dir::Past)
        );
        // a participle after `be` is no past tense
        assert_eq!(
            dir_of("She will be named captain in December.", "december"),
            Some(Dir::Future)
        );
        assert_eq!(dir_of("Nothing here on Sunday.", "sunday"), None);
        // a modal perfect is past
        assert_eq!(
            dir_of("The storm on Monday might have cut the line.", "monday"),
            Some(Dir::Past)
        );
        // a possessive is past
        assert_eq!(
            dir_of("They will appeal Monday's verdict.", "monday"),
            Some(Dir::Past)
        );
    }
}
