//! Turning the mapped fields of one input record into an [`Article`].
//!
//! Every reader (JSON, CSV, Parquet) reduces a record to one [`Value`] per
//! article field, so the rules below — what is an error, what is only a
//! warning — are the same whatever the input format.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::FieldMap;
use crate::article::{parse_published, Article};

/// The article fields, in the order of [`FieldMap::names`].
pub(crate) const TEXT: usize = 0;
pub(crate) const ID: usize = 1;
pub(crate) const TITLE: usize = 2;
pub(crate) const SOURCE: usize = 3;
pub(crate) const URL: usize = 4;
pub(crate) const PUBLISHED: usize = 5;
pub(crate) const LANGUAGE: usize = 6;
pub(crate) const N_FIELDS: usize = 7;

/// The command line flag that maps each field (named in error messages so
/// the user knows what to change).
const FLAGS: [&str; N_FIELDS] = [
    "--text-field",
    "--id-field",
    "--title-field",
    "--source-field",
    "--url-field",
    "--published-field",
    "--language-field",
];

impl FieldMap {
    /// The input field names, indexed by the constants of this module.
    pub(crate) fn names(&self) -> [&str; N_FIELDS] {
        [
            &self.text,
            &self.id,
            &self.title,
            &self.source,
            &self.url,
            &self.published,
            &self.language,
        ]
    }
}

/// One field of one input record, as the reader found it.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Value<'a> {
    /// The record has no such field (or column).
    #[default]
    Missing,
    Null,
    Str(Cow<'a, str>),
    /// A number, in its written form (`42`, `1.5`).
    Number(String),
    Bool(bool),
    /// A calendar date from a typed column (Parquet date or timestamp).
    Date(NaiveDate),
    /// Any other type, by its name for messages (`an array`, `an object`).
    Other(&'static str),
}

impl Value<'_> {
    /// The type, as a message names it.
    fn kind(&self) -> &'static str {
        match self {
            Value::Missing => "missing",
            Value::Null => "null",
            Value::Str(_) => "a string",
            Value::Number(_) => "a number",
            Value::Bool(_) => "a boolean",
            Value::Date(_) => "a date",
            Value::Other(kind) => kind,
        }
    }
}

/// Build an article from its fields (`values` indexed as [`FieldMap::names`]).
/// `Err` when there is no usable text; problems with optional fields only add
/// warnings, and the field is left empty.
pub(crate) fn build_article(
    values: [Value<'_>; N_FIELDS],
    fields: &FieldMap,
) -> Result<(Article, Vec<String>), String> {
    let names = fields.names();
    let [text, id, title, source, url, published, language] = values;
    let text = match text {
        Value::Str(s) => s.into_owned(),
        Value::Missing => {
            return Err(format!(
                "missing field \"{}\" (set {} if your text is in another field)",
                names[TEXT], FLAGS[TEXT]
            ))
        }
        other => {
            return Err(format!(
                "field \"{}\" is {}, expected a string",
                names[TEXT],
                other.kind()
            ))
        }
    };
    let mut warnings = Vec::new();
    let id = match id {
        Value::Str(s) if !s.is_empty() => Some(s.into_owned()),
        // A numeric id (common in database dumps) keeps its written form.
        Value::Number(n) => Some(n),
        Value::Missing | Value::Null | Value::Str(_) => None,
        other => {
            warnings.push(format!(
                "field \"{}\" is {}, expected a string or a number; the article id is a hash of the text",
                names[ID],
                other.kind()
            ));
            None
        }
    };
    let mut optional = |value: Value<'_>, i: usize| match value {
        Value::Str(s) if !s.is_empty() => Some(s.into_owned()),
        Value::Missing | Value::Null | Value::Str(_) => None,
        other => {
            warnings.push(format!(
                "field \"{}\" is {}, expected a string; left empty",
                names[i],
                other.kind()
            ));
            None
        }
    };
    let title = optional(title, TITLE);
    let source = optional(source, SOURCE);
    let url = optional(url, URL);
    let language = optional(language, LANGUAGE);
    let published = match published {
        Value::Date(d) => Some(d),
        Value::Missing | Value::Null => None,
        Value::Str(s) if s.trim().is_empty() => None,
        Value::Str(s) => {
            let d = parse_published(&s);
            if d.is_none() {
                warnings.push(format!(
                    "{} \"{}\" is not an ISO 8601 date; kept the article without a date",
                    names[PUBLISHED],
                    clip(&s)
                ));
            }
            d
        }
        Value::Number(n) => {
            warnings.push(format!(
                "{} is a number ({}), expected an ISO 8601 date string; kept the article without a date",
                names[PUBLISHED], n
            ));
            None
        }
        other => {
            warnings.push(format!(
                "{} is {}, expected an ISO 8601 date string; kept the article without a date",
                names[PUBLISHED],
                other.kind()
            ));
            None
        }
    };
    Ok((
        Article {
            id,
            text,
            title,
            source,
            url,
            published,
            language,
        },
        warnings,
    ))
}

/// A value quoted in a message, cut short so a stray article body in a date
/// column does not flood the errors table.
fn clip(s: &str) -> Cow<'_, str> {
    const MAX: usize = 60;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => Cow::Owned(format!("{}…", &s[..i])),
        None => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: Value<'static>) -> [Value<'static>; N_FIELDS] {
        let mut v: [Value<'static>; N_FIELDS] = Default::default();
        v[TEXT] = text;
        v
    }

    #[test]
    fn missing_text_names_the_flag() {
        let err = build_article(values(Value::Missing), &FieldMap::default()).unwrap_err();
        assert_eq!(
            err,
            "missing field \"text\" (set --text-field if your text is in another field)"
        );
    }

    #[test]
    fn long_values_are_clipped() {
        let long = "x".repeat(100);
        let mut v = values(Value::Str("t".into()));
        v[PUBLISHED] = Value::Str(long.into());
        let (_, w) = build_article(v, &FieldMap::default()).unwrap();
        assert_eq!(w.len(), 1);
        assert!(
            w[0].starts_with(&format!("published \"{}…\" is not", "x".repeat(60))),
            "{}",
            w[0]
        );
    }
}
