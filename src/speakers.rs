//! Speakers: canonical names, aliases, roles, and the corpus-wide key.

use crate::attribution::{Document, Entity, MentionKind};
use crate::model::{SpeakerRow, Utterance};

/// The corpus-wide key of a canonical name: lowercase words joined by `-`
/// (`Mara Quint` → `mara-quint`), apostrophes and periods dropped.
/// Titles are not part of a canonical name, so the same person gets one key
/// in every article.
pub fn speaker_id(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            // most names: no case tables
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' && c != '’' && c != '.' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Fill `speaker_id` of quotes and claims and build the speakers table: one
/// row per entity that said something. A speaker known only by a role
/// ("a ministry spokesman") keeps its mention as `speaker` but gets no
/// `speaker_id`: the same words in another article are not the same person.
pub fn resolve(
    doc: &Document,
    quotes: &mut [Utterance],
    claims: &mut [Utterance],
) -> Vec<SpeakerRow> {
    // the rows by entity: a vector and each entity's place in it, where a
    // map keyed by entity allocated a node of over 1 KB per article (and
    // each such request makes glibc's malloc merge its small free blocks)
    let mut rows: Vec<(usize, SpeakerRow)> = Vec::new();
    let mut slot: Vec<u32> = vec![u32::MAX; doc.entities.len()];
    for (is_quote, u) in quotes
        .iter_mut()
        .map(|u| (true, u))
        .chain(claims.iter_mut().map(|u| (false, u)))
    {
        let Some(span) = u.mention else { continue };
        let entity = doc
            .mention_with_span(span)
            .and_then(|m| doc.mentions[m].entity)
            .or_else(|| {
                // copied attributions (same paragraph, continuation) carry the speaker name
                let name = u.speaker.as_deref()?;
                doc.entities.iter().position(|e| e.name == name)
            });
        let Some(ei) = entity else {
            u.speaker_id = None;
            continue;
        };
        let e = &doc.entities[ei];
        // the id is made once per entity: a later utterance of the same
        // entity copies it from the row
        let row = match slot[ei] {
            u32::MAX => {
                let id = speaker_id(&e.name);
                if id.is_empty() {
                    continue;
                }
                slot[ei] = rows.len() as u32;
                rows.push((ei, new_row(doc, e, id)));
                &mut rows.last_mut().expect("pushed above").1
            }
            r => &mut rows[r as usize].1,
        };
        // most utterances hold the name already (attribution names the
        // entity): only another or no name is replaced
        if u.speaker.as_deref() != Some(e.name.as_str()) {
            u.speaker = Some(e.name.clone());
        }
        u.speaker_id = Some(row.speaker_id.clone());
        if is_quote {
            row.n_quotes += 1;
        } else {
            row.n_claims += 1;
        }
    }
    // in entity order, as before the sort by id (which keeps that order
    // among equal ids)
    rows.sort_unstable_by_key(|&(ei, _)| ei);
    let mut out: Vec<SpeakerRow> = rows.into_iter().map(|(_, row)| row).collect();
    // two entities with one key (rare: "Lee" and "LEE") make one row
    out.sort_by(|a, b| a.speaker_id.cmp(&b.speaker_id));
    out.dedup_by(|b, a| {
        if a.speaker_id == b.speaker_id {
            a.n_quotes += b.n_quotes;
            a.n_claims += b.n_claims;
            a.n_mentions += b.n_mentions;
            true
        } else {
            false
        }
    });
    out
}

/// The speakers row of entity `e`, before any utterance is counted.
fn new_row(doc: &Document, e: &Entity, id: String) -> SpeakerRow {
    SpeakerRow {
        speaker_id: id,
        name: e.name.clone(),
        aliases: e
            .mentions
            .iter()
            .filter(|&&m| !matches!(doc.mentions[m].kind, MentionKind::Pronoun { .. }))
            .map(|&m| doc.mentions[m].span.text(doc.text))
            // a String only for each distinct alias, not for every mention
            .fold(Vec::new(), |mut v: Vec<String>, a| {
                if !v.iter().any(|x| x == a) {
                    v.push(a.to_string());
                }
                v
            }),
        roles: e.roles.clone(),
        n_mentions: e.mentions.len() as u32,
        ..SpeakerRow::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn ids() {
        assert_eq!(speaker_id("Mara Quint"), "mara-quint");
        assert_eq!(speaker_id("Omar al-Rashid"), "omar-al-rashid");
        assert_eq!(speaker_id("Beto O’Rourke"), "beto-orourke");
        assert_eq!(speaker_id("José  Núñez"), "josé-núñez");
    }
}
