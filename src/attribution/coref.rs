//! In-article coreference, deterministic: surnames join full names, role
//! nouns join the person who holds the role, pronouns join the most recent
//! compatible subject.

use super::lexicons::RoleClass;
use super::mentions::{Mention, MentionKind};
use crate::text::Segments;

/// One entity of the article: a person or organisation named in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical name: the longest full name seen (without titles).
    pub name: String,
    pub person: bool,
    /// Roles stated for it (titles, appositions, role nouns that joined it).
    pub roles: Vec<String>,
    /// Countries stated for it (demonyms).
    pub countries: Vec<&'static str>,
    /// Every surface form seen.
    pub aliases: Vec<String>,
    /// Indices of its mentions.
    pub mentions: Vec<usize>,
}

/// Role heads that name a head of state or government: "the Syrian leader"
/// may stand for a person introduced as "President".
const LEADER_ROLES: &[&str] = &[
    "president",
    "leader",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "head",
    "counterpart",
    "host",
    "guest",
    "emir",
    "sultan",
];
/// Role heads specific enough to join a named holder of the same role.
const RESOLVABLE_ROLES: &[&str] = &[
    "president",
    "leader",
    "prime minister",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "candidate",
    "nominee",
    "chairman",
    "chairwoman",
    "chair",
    "judge",
    "ambassador",
    "general",
    "king",
    "queen",
    "prince",
    "counterpart",
    "host",
    "guest",
    "head",
    "commander",
    "director",
    "vice president",
    "envoy",
    "congressman",
    "congresswoman",
    "representative",
    "chief",
    "professor",
    "coach",
    "speaker",
];

/// Role nouns resolve among the most recent entities only: a role refers
/// back to someone in the current stretch of narrative, and the bound keeps
/// huge articles linear.
const RECENT_ENTITIES: usize = 64;
/// Pronouns look back at most this many mentions within their sentence.
const PRONOUN_LOOKBACK_MENTIONS: usize = 24;
/// Pronouns look back at most this many sentences.
const PRONOUN_LOOKBACK: usize = 6;

/// Normalised name tokens (lowercase, without a final period or comma or an
/// Arabic article) as small integers: names are compared token by token,
/// and a per-article interner makes that an integer compare and the name
/// index a `Vec`, with one string per distinct token instead of one per
/// token of every mention (the strings were half of the resolver's time).
#[derive(Default)]
struct Interner {
    ids: rustc_hash::FxHashMap<String, u32>,
    /// Byte length and character count of each token.
    sizes: Vec<(usize, usize)>,
    buf: String,
}

impl Interner {
    /// The normalised tokens of name `s`, into `out`.
    fn name_tokens(&mut self, s: &str, out: &mut Vec<u32>) {
        out.clear();
        for w in s.split_whitespace() {
            let w = w.trim_end_matches(['.', ',']);
            self.buf.clear();
            if w.is_ascii() {
                // ASCII (nearly every name) lowers without decoding
                self.buf.push_str(w);
                self.buf.make_ascii_lowercase();
            } else {
                self.buf.push_str(&w.to_lowercase());
            }
            let mut t = self.buf.as_str();
            if let Some(p) = ["al-", "el-", "ad-", "as-", "an-"]
                .into_iter()
                .find(|p| t.starts_with(p))
            {
                t = &t[p.len()..];
            }
            if t.is_empty() {
                continue;
            }
            let id = match self.ids.get(t) {
                Some(&id) => id,
                None => {
                    let id = self.sizes.len() as u32;
                    self.ids.insert(t.to_string(), id);
                    self.sizes.push((t.len(), t.chars().count()));
                    id
                }
            };
            out.push(id);
        }
    }

    fn len(&self) -> usize {
        self.sizes.len()
    }

    /// Forget every token, keeping the memory.
    fn clear(&mut self) {
        self.ids.clear();
        self.sizes.clear();
    }

    fn bytes(&self, id: u32) -> usize {
        self.sizes[id as usize].0
    }

    fn chars(&self, id: u32) -> usize {
        self.sizes[id as usize].1
    }
}

/// Does `role` match `entity_role`? `leader` is whether `role` is one of
/// [`LEADER_ROLES`], known once per role mention rather than per entity role.
fn role_matches(role: &str, leader: bool, entity_role: &str) -> bool {
    role == entity_role
        || entity_role.ends_with(role)
        || role.ends_with(entity_role)
        || (leader && LEADER_ROLES.contains(&entity_role))
}

/// What a role mention asks of one recent entity, worked out once: the
/// candidate search and the most-recent search both read it.
#[derive(Clone, Copy)]
struct RoleFit {
    /// A person named in the narrative, with a compatible country, one of
    /// whose roles matches.
    role_ok: bool,
    /// The same person and country, joined without a matching role (a
    /// leader role or counterpart with a stated country).
    loose_ok: bool,
}

/// Resolve every mention to an entity (or none). Mentions must be in text order.
pub fn resolve(text: &str, seg: &Segments, mentions: &mut [Mention]) -> Vec<Entity> {
    let mut scratch = crate::reuse::take(&SCRATCH);
    let ents = resolve_with(text, seg, mentions, &mut scratch);
    if scratch.reset() {
        crate::reuse::keep(&SCRATCH, scratch);
    }
    ents
}

/// The buffers of [`resolve`], kept per thread from one article to the
/// next, so that an article's name index and token lists reuse the memory
/// of the one before instead of allocating a vector per name token anew.
#[derive(Default)]
struct Scratch {
    interner: Interner,
    /// Normalised name token → entities whose name contains it (keeps
    /// lookups proportional to the candidates, not to every entity of a
    /// long article). Entries from `interner.len()` on are stale.
    index: Vec<Vec<usize>>,
    /// The normalised name tokens of each entity, kept beside the entities
    /// so the candidate checks do not re-split and re-lowercase names.
    /// Entries past the last entity are stale.
    ent_toks: Vec<Vec<u32>>,
    toks: Vec<u32>,
    cands: Vec<usize>,
    fits: Vec<RoleFit>,
}

/// Name tokens a thread keeps the buffers of [`resolve`] for: past that an
/// article's index is let go rather than pinned for the rest of the run.
const SCRATCH_MAX_TOKENS: usize = 1 << 14;

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

impl Scratch {
    /// Empty the buffers for the next article; false when they are too big
    /// to keep.
    fn reset(&mut self) -> bool {
        let used = self.interner.len();
        if used > SCRATCH_MAX_TOKENS || self.ent_toks.len() > SCRATCH_MAX_TOKENS {
            return false;
        }
        let n = used.min(self.index.len());
        for v in &mut self.index[..n] {
            v.clear();
        }
        self.interner.clear();
        true
    }
}

fn resolve_with(
    text: &str,
    seg: &Segments,
    mentions: &mut [Mention],
    scratch: &mut Scratch,
) -> Vec<Entity> {
    let mut ents: Vec<Entity> = Vec::new();
    let Scratch {
        interner,
        index,
        ent_toks,
        toks,
        cands,
        fits,
    } = scratch;
    // apposition: "the Russian leader Jane Doe", "Jane Doe, the Russian leader,"
    let n = mentions.len();
    for i in 0..n {
        let kind = mentions[i].kind;
        match kind {
            MentionKind::Person | MentionKind::Org => {
                let name = mentions[i].name.text(text);
                interner.name_tokens(name, toks);
                let Some(&last) = toks.last() else {
                    continue;
                };
                if index.len() < interner.len() {
                    index.resize_with(interner.len(), Vec::new);
                }
                let person = kind == MentionKind::Person;
                // candidates share the last token, or contain a single-token name
                cands.clear();
                cands.extend_from_slice(&index[last as usize]);
                if toks.len() > 1 {
                    for &t in toks.iter() {
                        let v = &index[t as usize];
                        cands.extend(v.iter().filter(|&&e| ent_toks[e].len() == 1));
                    }
                }
                cands.sort_unstable();
                cands.dedup();
                let found = cands.iter().rev().copied().find(|&ei| {
                    let e = &ents[ei];
                    let et = &ent_toks[ei];
                    if e.name == name {
                        return true;
                    }
                    if toks.len() == 1 {
                        // a surname or a single name joins a fuller name containing it
                        et.iter().any(|t| *t == toks[0])
                            && (et.last() == Some(&toks[0]) || interner.bytes(toks[0]) >= 3)
                    } else if et.len() == 1 {
                        toks.contains(&et[0])
                    } else {
                        et.last() == toks.last()
                            && (et[0] == toks[0]
                                || interner.chars(et[0]) <= 2
                                || interner.chars(toks[0]) <= 2)
                    }
                });
                let (ei, longer) = match found {
                    Some(ei) => (ei, toks.len() > ent_toks[ei].len()),
                    None => {
                        ents.push(Entity {
                            name: name.to_string(),
                            person,
                            roles: vec![],
                            countries: vec![],
                            aliases: vec![],
                            mentions: vec![],
                        });
                        // filled with `toks` below
                        match ent_toks.get_mut(ents.len() - 1) {
                            Some(stale) => stale.clear(),
                            None => ent_toks.push(Vec::new()),
                        }
                        (ents.len() - 1, true)
                    }
                };
                for &t in toks.iter() {
                    let v = &mut index[t as usize];
                    if v.last() != Some(&ei) && !v.contains(&ei) {
                        v.push(ei);
                    }
                }
                let e = &mut ents[ei];
                if longer {
                    if found.is_some() {
                        e.name = name.to_string();
                    }
                    ent_toks[ei].clone_from(toks);
                }
                e.person |= person;
                mentions[i].entity = Some(ei);
                add_info(e, &mentions[i], text);
                // apposition before: a role mention ending right before this name
                if i > 0
                    && matches!(mentions[i - 1].kind, MentionKind::Role(RoleClass::Person))
                    && mentions[i - 1].end_token == mentions[i].first_token
                {
                    mentions[i - 1].entity = Some(ei);
                    add_info(&mut ents[ei], &mentions[i - 1], text);
                }
            }
            MentionKind::Role(class) => {
                // apposition after: "Jane Doe, the Russian leader"
                if i > 0
                    && class == RoleClass::Person
                    && mentions[i - 1].entity.is_some()
                    && mentions[i - 1].kind == MentionKind::Person
                    && mentions[i - 1].end_token + 1 == mentions[i].first_token
                    && comma_between(text, &mentions[i - 1], &mentions[i])
                {
                    let ei = mentions[i - 1].entity.unwrap();
                    mentions[i].entity = Some(ei);
                    add_info(&mut ents[ei], &mentions[i], text);
                    continue;
                }
                if class != RoleClass::Person {
                    continue;
                }
                // will be joined by the next name if it is an apposition; else resolve
                if i + 1 < n
                    && mentions[i + 1].first_token == mentions[i].end_token
                    && matches!(mentions[i + 1].kind, MentionKind::Person)
                {
                    continue;
                }
                let Some(role) = mentions[i].role.as_deref() else {
                    continue;
                };
                if !RESOLVABLE_ROLES.contains(&role)
                    && !RESOLVABLE_ROLES.iter().any(|r| role.ends_with(r))
                {
                    continue;
                }
                let leader = LEADER_ROLES.contains(&role);
                let counterpart = ["counterpart", "host", "guest"].contains(&role);
                let country = mentions[i].country;
                // a stated country must agree; when no entity has that country
                // yet, an entity without any country may take it
                let country_known =
                    country.is_some_and(|c| ents.iter().any(|e| e.countries.contains(&c)));
                // only entities named outside quotations hold roles in the narrative
                // (the first mention decides: an entity first named in the
                // narrative has a narrated mention; checking all would be quadratic)
                let narrated = |e: &Entity| {
                    e.person && e.mentions.iter().take(8).any(|&k| !mentions[k].in_quote)
                };
                let recent = ents.len().saturating_sub(RECENT_ENTITIES);
                fits.clear();
                fits.extend(ents[recent..].iter().map(|e| {
                    let country_ok = match country {
                        Some(c) => {
                            e.countries.contains(&c) || (!country_known && e.countries.is_empty())
                        }
                        None => true,
                    };
                    let eligible = country_ok && narrated(e);
                    let role_ok = eligible && e.roles.iter().any(|r| role_matches(role, leader, r));
                    let loose_ok = eligible
                        && country.is_some()
                        && ((leader && e.roles.is_empty()) || counterpart);
                    RoleFit { role_ok, loose_ok }
                }));
                // the most recently created fitting entity…
                let cand = fits.iter().rposition(|f| f.role_ok || f.loose_ok);
                // …then the most recent by last mention, not by creation
                let best = cand.map(|first| {
                    let mut best = first;
                    let mut best_pos = ents[recent + first].mentions.last().copied();
                    for (k, f) in fits.iter().enumerate() {
                        if k == first || !f.role_ok {
                            continue;
                        }
                        let pos = ents[recent + k].mentions.last().copied();
                        if pos > best_pos {
                            best = k;
                            best_pos = pos;
                        }
                    }
                    recent + best
                });
                if let Some(ei) = best {
                    let m = &mentions[i];
                    let e = &mut ents[ei];
                    e.mentions.push(i);
                    if let Some(c) = m.country {
                        if !e.countries.contains(&c) {
                            e.countries.push(c);
                        }
                    }
                    let alias = m.span.text(text);
                    if !e.aliases.iter().any(|a| a == alias) {
                        e.aliases.push(alias.to_string());
                    }
                    mentions[i].entity = Some(ei);
                }
            }
            MentionKind::Pronoun { plural } => {
                if plural || mentions[i].in_quote {
                    continue;
                }
                if let Some(ei) = pronoun_antecedent(seg, mentions, i, &ents) {
                    mentions[i].entity = Some(ei);
                    ents[ei].mentions.push(i);
                }
            }
        }
        if let Some(ei) = mentions[i].entity {
            if ents[ei].mentions.last() != Some(&i) {
                ents[ei].mentions.push(i);
            }
        }
    }
    ents
}

fn add_info(e: &mut Entity, m: &Mention, text: &str) {
    if let Some(r) = &m.role {
        if !e.roles.contains(r) {
            e.roles.push(r.clone());
        }
    }
    if let Some(c) = m.country {
        if !e.countries.contains(&c) {
            e.countries.push(c);
        }
    }
    let alias = m.span.text(text);
    if !e.aliases.iter().any(|a| a == alias) {
        e.aliases.push(alias.to_string());
    }
}

/// he/she: the subject (first person mention outside quotes) of the nearest
/// earlier sentence in this or the previous paragraph that has one; else the
/// nearest person mention.
fn pronoun_antecedent(
    seg: &Segments,
    mentions: &[Mention],
    i: usize,
    ents: &[Entity],
) -> Option<usize> {
    let me = &mentions[i];
    let para = seg.sentences.get(me.sentence).map_or(0, |s| s.paragraph);
    let is_person = |m: &Mention| {
        m.entity.is_some_and(|e| ents[e].person)
            && !m.in_quote
            && !matches!(m.kind, MentionKind::Pronoun { .. })
    };
    // same sentence, before the pronoun
    if let Some(m) = mentions[..i]
        .iter()
        .rev()
        .take(PRONOUN_LOOKBACK_MENTIONS)
        .take_while(|m| m.sentence == me.sentence)
        .filter(|m| is_person(m))
        .last()
    {
        return m.entity;
    }
    let mut sent = me.sentence;
    let mut steps = 0;
    while sent > 0 && steps < PRONOUN_LOOKBACK {
        sent -= 1;
        steps += 1;
        let p = seg.sentences[sent].paragraph;
        if p + 1 < para {
            break;
        }
        let a = mentions[..i].partition_point(|m| m.sentence < sent);
        let b = mentions[..i].partition_point(|m| m.sentence <= sent);
        let in_sentence = &mentions[a..b];
        if let Some(m) = in_sentence.iter().find(|m| is_person(m)) {
            return m.entity;
        }
        // a pronoun subject already resolved carries its entity on
        if let Some(m) = in_sentence.iter().find(|m| {
            matches!(m.kind, MentionKind::Pronoun { plural: false })
                && m.entity.is_some()
                && !m.in_quote
        }) {
            return m.entity;
        }
    }
    None
}

/// Is the only thing between two adjacent mentions a comma ("Jane Doe, the minister")?
fn comma_between(text: &str, a: &Mention, b: &Mention) -> bool {
    a.span.end <= b.span.start && text[a.span.end..b.span.start].trim() == ","
}
