//! The word lists attribution uses, loaded once from `lexicons/`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::lexicon::{lines, rows};

/// What a role noun stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleClass {
    Person,
    Group,
    Document,
}

pub struct Lexicons {
    /// title (as written, no final period, possibly several words) → stated role (None for honorifics).
    pub titles: HashMap<&'static str, Option<&'static str>>,
    /// longest title in words
    pub max_title_words: usize,
    /// lowercase role noun (one or two words) → (class, plural)
    pub roles: HashMap<&'static str, (RoleClass, bool)>,
    /// demonym → country
    pub demonyms: HashMap<&'static str, &'static str>,
    pub countries: HashSet<&'static str>,
    pub non_names: HashSet<&'static str>,
    pub org_words: HashSet<&'static str>,
    /// Lemmas of cues whose content may be a to-infinitive ("declined to
    /// comment", "plans to run").
    pub infinitive_cues: HashSet<&'static str>,
    /// Lemmas of cues whose content may be a gerund clause ("proposes
    /// cutting the working week").
    pub gerund_cues: HashSet<&'static str>,
    /// Lemmas of cues that report only through a that-clause ("maintains
    /// that …", not "maintains a lead").
    pub that_cues: HashSet<&'static str>,
    /// Cue forms that are also nouns heading a compound ("talk show",
    /// "roll call").
    pub noun_forms: HashSet<&'static str>,
    /// Lemmas of cues whose content is mostly a noun-phrase object, which
    /// ends with its noun phrase ("denied the accusations through a spokeswoman").
    pub object_cues: HashSet<&'static str>,
    /// Lemmas of cues whose subject belongs to the content, which has no
    /// speaker ("The plan appears to have failed").
    pub raising_cues: HashSet<&'static str>,
    /// Lemmas of cues whose passive does the same ("The bank is expected
    /// to hold its rates").
    pub passive_raising_cues: HashSet<&'static str>,
    /// Lemmas of speech cues that take a quoted fragment, not a whole
    /// utterance ("called the plan “a disaster”").
    pub naming_cues: HashSet<&'static str>,
    /// Words announcing a title in quotation marks ("the book “…”").
    pub title_nouns: HashSet<&'static str>,
    /// Words ending in "-ly" that are no manner adverbs ("family", "rally").
    pub ly_nouns: HashSet<&'static str>,
    /// Connectives opening a sentence that are no part of its content
    /// ("Still, …", "But …").
    pub connectives: HashSet<&'static str>,
    /// Phrases after the head of an unnamed source that belong to it
    /// ("people familiar with the talks"), as lists of words.
    pub subject_postmodifiers: Vec<Vec<&'static str>>,
    /// speech nouns ("statement", "words") → lemma
    pub speech_nouns: HashMap<&'static str, &'static str>,
    /// First words of multi-word titles, roles and demonyms: only these need
    /// a two-word lookup.
    pub title_first_words: HashSet<&'static str>,
    pub role_first_words: HashSet<&'static str>,
    pub demonym_first_words: HashSet<&'static str>,
}

pub fn lexicons() -> &'static Lexicons {
    static L: OnceLock<Lexicons> = OnceLock::new();
    L.get_or_init(|| {
        let mut titles = HashMap::default();
        let mut max_title_words = 1;
        for r in rows(include_str!("../../lexicons/titles.tsv")) {
            let role = match r.get(1) {
                Some(&"-") | None => None,
                Some(x) => Some(*x),
            };
            max_title_words = max_title_words.max(r[0].split(' ').count());
            titles.insert(r[0], role);
        }
        let mut roles = HashMap::default();
        for r in rows(include_str!("../../lexicons/role_nouns.tsv")) {
            let class = match r.get(1) {
                Some(&"group") => RoleClass::Group,
                Some(&"document") => RoleClass::Document,
                _ => RoleClass::Person,
            };
            roles.insert(r[0], (class, r.get(2) == Some(&"pl")));
        }
        let mut demonyms = HashMap::default();
        let mut countries = HashSet::default();
        for r in rows(include_str!("../../lexicons/demonyms.tsv")) {
            if r.len() == 2 {
                demonyms.insert(r[0], r[1]);
                countries.insert(r[1]);
            }
        }
        let speech_nouns = rows(include_str!("../../lexicons/nominal_cues.tsv"))
            .filter(|r| r.len() == 2)
            .map(|r| (r[0], r[1]))
            .collect();
        let first_words = |keys: Vec<&'static str>| -> HashSet<&'static str> {
            keys.into_iter()
                .filter_map(|k| k.split_once(' ').map(|(a, _)| a))
                .collect()
        };
        let title_first_words = first_words(titles.keys().copied().collect());
        let role_first_words = first_words(roles.keys().copied().collect());
        let demonym_first_words = first_words(demonyms.keys().copied().collect());
        Lexicons {
            title_first_words,
            role_first_words,
            demonym_first_words,
            titles,
            max_title_words,
            roles,
            demonyms,
            countries,
            non_names: lines(include_str!("../../lexicons/non_names.txt")).collect(),
            org_words: lines(include_str!("../../lexicons/org_words.txt")).collect(),
            infinitive_cues: lines(include_str!("../../lexicons/infinitive_cues.txt")).collect(),
            gerund_cues: lines(include_str!("../../lexicons/gerund_cues.txt")).collect(),
            that_cues: lines(include_str!("../../lexicons/that_cues.txt")).collect(),
            noun_forms: lines(include_str!("../../lexicons/noun_forms.txt")).collect(),
            object_cues: lines(include_str!("../../lexicons/object_cues.txt")).collect(),
            raising_cues: lines(include_str!("../../lexicons/raising_cues.txt"))
                .filter(|l| !l.starts_with("passive "))
                .collect(),
            passive_raising_cues: lines(include_str!("../../lexicons/raising_cues.txt"))
                .filter_map(|l| l.strip_prefix("passive "))
                .collect(),
            naming_cues: lines(include_str!("../../lexicons/naming_cues.txt")).collect(),
            title_nouns: lines(include_str!("../../lexicons/title_nouns.txt")).collect(),
            ly_nouns: lines(include_str!("../../lexicons/ly_nouns.txt")).collect(),
            subject_postmodifiers: lines(include_str!("../../lexicons/subject_postmodifiers.txt"))
                .map(|l| l.split(' ').collect())
                .collect(),
            connectives: lines(include_str!("../../lexicons/connectives.txt")).collect(),
            speech_nouns,
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_lexicon_loads() {
        let l = super::lexicons();
        assert!(l.titles.len() > 50);
        assert_eq!(
            l.titles.get("Prime Minister"),
            Some(&Some("prime minister"))
        );
        assert_eq!(l.titles.get("Mr"), Some(&None));
        assert!(l.roles.len() > 80);
        assert_eq!(l.demonyms.get("Syrian"), Some(&"Syria"));
        assert!(l.non_names.contains("However"));
        assert!(l.org_words.contains("Ministry"));
        assert_eq!(l.speech_nouns.get("words"), Some(&"words"));
    }
}
