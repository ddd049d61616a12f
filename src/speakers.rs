//! Speakers: canonical names, aliases, roles, and the corpus-wide key.

use std::collections::BTreeMap;

use crate::attribution::Document;
use crate::model::{SpeakerRow, Utterance};

/// The corpus-wide key of a canonical name: lowercase ASCII-folded words
/// joined by `-` (`Vladimir Putin` → `vladimir-putin`). Titles are not part
/// of a canonical name, so the same person gets one key in every article.
pub fn speaker_id(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                out.push(l);
            }
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' && c != '’' && c != '.' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Fill `speaker_id` of quotes and claims and build the speakers table.
pub fn resolve(doc: &Document, quotes: &mut [Utterance], claims: &mut [Utterance]) -> Vec<SpeakerRow> {
    let mut rows: BTreeMap<String, SpeakerRow> = BTreeMap::new();
    for (is_quote, u) in quotes.iter_mut().map(|u| (true, u)).chain(claims.iter_mut().map(|u| (false, u))) {
        let Some(name) = u.speaker.clone() else { continue };
        let id = speaker_id(&name);
        u.speaker_id = Some(id.clone());
        let row = rows.entry(id.clone()).or_insert_with(|| SpeakerRow { speaker_id: id, name: name.clone(), ..SpeakerRow::default() });
        if let Some(m) = u.mention {
            let alias = m.text(doc.text).to_string();
            if !row.aliases.contains(&alias) {
                row.aliases.push(alias);
            }
            row.n_mentions += 1;
        }
        if is_quote {
            row.n_quotes += 1;
        } else {
            row.n_claims += 1;
        }
    }
    rows.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn ids() {
        assert_eq!(speaker_id("Vladimir Putin"), "vladimir-putin");
        assert_eq!(speaker_id("Bashar al-Assad"), "bashar-al-assad");
        assert_eq!(speaker_id("Beto O’Rourke"), "beto-orourke");
        assert_eq!(speaker_id("José  Núñez"), "josé-núñez");
    }
}
