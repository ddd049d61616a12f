//! The input model: one news article, as every reader yields it.

use chrono::NaiveDate;

/// One input article. Only `text` is required; every other field is optional
/// metadata carried through to the `articles` table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The caller's id; when `None`, a stable hash of the text is used.
    pub id: Option<String>,
    /// The article body; paragraphs separated by newlines.
    pub text: String,
    /// Headline.
    pub title: Option<String>,
    /// Publisher or outlet.
    pub source: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Publication date (a datetime is truncated to its date).
    pub published: Option<NaiveDate>,
    /// ISO 639-1 language code; `en` when unknown.
    pub language: Option<String>,
}

impl Article {
    /// An article with only a body.
    pub fn new(text: impl Into<String>) -> Article {
        Article {
            text: text.into(),
            ..Article::default()
        }
    }

    /// The article id used in every table: the caller's id, or a stable hash
    /// of the text (`h` + 16 hex digits of FNV-1a 64) so the same text gets
    /// the same id on every run and machine.
    pub fn article_id(&self) -> String {
        match &self.id {
            Some(id) => id.clone(),
            None => format!("h{:016x}", fnv1a64(self.text.as_bytes())),
        }
    }
}

/// FNV-1a, 64 bit. Chosen because it is fixed by its definition (std's
/// hasher is explicitly allowed to change between releases).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Parse an ISO 8601 date or datetime (`2017-11-21`, `2017-11-21T09:30:00Z`,
/// `2017-11-21 09:30`), keeping its calendar date. `None` when unparseable.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() < 10 || !s.is_char_boundary(10) {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    }
    let (date, rest) = s.split_at(10);
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_forms() {
        let d = NaiveDate::from_ymd_opt(2017, 11, 21);
        assert_eq!(parse_published("2017-11-21"), d);
        assert_eq!(parse_published("2017-11-21T09:30:00Z"), d);
        assert_eq!(parse_published(" 2017-11-21 09:30"), d);
        assert_eq!(parse_published("21/11/2017"), None);
        assert_eq!(parse_published("2017-13-01"), None);
        assert_eq!(parse_published("2017-11-21x"), None);
    }

    #[test]
    fn stable_id() {
        assert_eq!(Article::new("abc").article_id(), "he71fa2190541574b");
        let a = Article {
            id: Some("x1".into()),
            ..Article::new("abc")
        };
        assert_eq!(a.article_id(), "x1");
    }
}
