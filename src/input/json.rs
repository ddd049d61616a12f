//! Parsing one JSON object into the mapped article fields.
//!
//! This is the hot path of a large JSON Lines corpus, so it parses with a
//! `DeserializeSeed` that knows the field names: mapped fields are kept
//! (borrowed from the line when they have no escapes), every other field is
//! skipped with `IgnoredAny` and never allocated.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::fields::{Value, N_FIELDS};

/// What one line held.
// Not boxed: built and taken apart once per line, where an allocation per
// line would cost more than moving the fields.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Line<'a> {
    /// A JSON object: its mapped fields.
    Object([Value<'a>; N_FIELDS]),
    /// Any other JSON value, by its name (`an array`, `a number`).
    Other(&'static str),
}

/// Parse one line (already known to be UTF-8). The error is the reason,
/// without the line number.
pub(crate) fn parse_line<'a>(line: &'a str, names: &[&str; N_FIELDS]) -> Result<Line<'a>, String> {
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = LineSeed { names }
        .deserialize(&mut de)
        .and_then(|l| de.end().map(|()| l));
    parsed.map_err(|e| {
        // serde_json says "at line 1 column 7": within one line only the column helps.
        let msg = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let what = msg.strip_suffix(&suffix).unwrap_or(&msg);
        format!(
            "not valid JSON ({what} at column {}); each line must be one JSON object",
            e.column()
        )
    })
}

struct LineSeed<'n> {
    names: &'n [&'n str; N_FIELDS],
}

impl<'de> DeserializeSeed<'de> for LineSeed<'_> {
    type Value = Line<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Line<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LineSeed<'_> {
    type Value = Line<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Line<'de>, A::Error> {
        let mut values: [Value<'de>; N_FIELDS] = Default::default();
        while let Some(Key(key)) = map.next_key()? {
            match self.names.iter().position(|n| *n == key) {
                Some(i) => values[i] = map.next_value::<Field>()?.0,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Line::Object(values))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Line<'de>, A::Error> {
        // Consumed so that the parser reports real syntax errors, not "trailing characters".
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Line::Other("a JSON array"))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Line<'de>, E> {
        Ok(Line::Other("a JSON string"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Line<'de>, E> {
        Ok(Line::Other("a JSON number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Line<'de>, E> {
        Ok(Line::Other("a JSON number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Line<'de>, E> {
        Ok(Line::Other("a JSON number"))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Line<'de>, E> {
        Ok(Line::Other("a JSON boolean"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Line<'de>, E> {
        Ok(Line::Other("JSON null"))
    }
}

/// An object key, borrowed when it has no escapes (serde's own `Cow<str>`
/// always allocates).
struct Key<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(StrVisitor).map(Key)
    }
}

struct StrVisitor;

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// A mapped field's value, of any JSON type.
struct Field<'a>(Value<'a>);

impl<'de> de::Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FieldVisitor).map(Field)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Value<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Owned(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value<'de>, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value<'de>, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value<'de>, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::Other("an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Value::Other("an object"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::FieldMap;

    fn parse(line: &str) -> Result<Line<'_>, String> {
        let fields = Box::leak(Box::new(FieldMap::default()));
        parse_line(line, &fields.names())
    }

    #[test]
    fn borrows_plain_strings_and_skips_others() {
        let Ok(Line::Object(v)) =
            parse(r#"{"x": {"deep": [1, 2]}, "text": "plain", "id": 7, "title": "a\"b"}"#)
        else {
            panic!("expected an object")
        };
        assert!(matches!(&v[0], Value::Str(Cow::Borrowed("plain"))));
        assert_eq!(v[1], Value::Number("7".into()));
        assert_eq!(v[2], Value::Str("a\"b".into()));
        assert_eq!(v[3], Value::Missing);
    }

    #[test]
    fn syntax_errors_name_the_column() {
        let err = parse("{\"text\": }").err().unwrap();
        assert_eq!(
            err,
            "not valid JSON (expected value at column 10); each line must be one JSON object"
        );
        let err = parse("{\"text\": \"a\"} {}").err().unwrap();
        assert_eq!(
            err,
            "not valid JSON (trailing characters at column 15); each line must be one JSON object"
        );
    }

    #[test]
    fn other_values_are_named() {
        assert!(matches!(
            parse("[1, {\"text\": 2}]"),
            Ok(Line::Other("a JSON array"))
        ));
        assert!(matches!(parse("3.5"), Ok(Line::Other("a JSON number"))));
        assert!(matches!(parse("null"), Ok(Line::Other("JSON null"))));
    }
}
