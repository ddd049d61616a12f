//! The Arrow schemas of schema v1 (`SCHEMA.md`), with each column's meaning
//! kept in the field metadata (`description`) so that `sayso schema` and any
//! Parquet reader can show it.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use arrow_schema::{DataType, Field, Schema, SchemaRef};

/// One column: name, type, nullable, meaning.
type Col = (&'static str, DataType, bool, &'static str);

fn utf8() -> DataType {
    DataType::Utf8
}
fn int() -> DataType {
    DataType::Int32
}
fn date() -> DataType {
    DataType::Date32
}
/// Low-cardinality strings: dictionary-encoded so a column of a million
/// `direct` values costs a few bytes per row in memory too, not only on disk.
fn dict() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}
/// `list<string>`, item field named `item` and nullable (Arrow's default,
/// what pyarrow and polars produce).
pub(crate) fn str_list() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

fn articles() -> Vec<Col> {
    vec![
        (
            "article_id",
            utf8(),
            false,
            "caller's id or stable hash of the text",
        ),
        ("source", dict(), true, "publisher / outlet"),
        ("url", utf8(), true, "where it was published"),
        ("title", utf8(), true, "headline"),
        (
            "published",
            date(),
            true,
            "publication date as given, or inferred",
        ),
        (
            "published_inferred",
            DataType::Boolean,
            false,
            "true when `published` was inferred from the text",
        ),
        ("language", dict(), false, "ISO 639-1 code (`en`)"),
        (
            "text",
            DataType::LargeUtf8,
            false,
            "the full text, as given; every offset points into it (code points)",
        ),
        ("n_quotes", int(), false, "quotes rows of this article"),
        ("n_claims", int(), false, "claims rows of this article"),
        ("n_dates", int(), false, "dates rows of this article"),
    ]
}

/// quotes and claims share their columns; only the id column differs.
fn utterances(id: &'static str, id_doc: &'static str, kind_doc: &'static str) -> Vec<Col> {
    vec![
        (id, utf8(), false, id_doc),
        ("article_id", utf8(), false, "the article it comes from"),
        (
            "text",
            utf8(),
            false,
            "the reported words; parts of an interrupted quote joined by a space",
        ),
        (
            "start",
            int(),
            false,
            "start of the span in articles.text (code points)",
        ),
        (
            "end",
            int(),
            false,
            "end of the span in articles.text (code points, exclusive)",
        ),
        ("kind", dict(), false, kind_doc),
        (
            "speaker",
            utf8(),
            true,
            "canonical name of who said it; null when unknown",
        ),
        ("speaker_id", utf8(), true, "corpus-wide speaker key"),
        (
            "speaker_mention",
            utf8(),
            true,
            "the local mention that attributes it (`he`, `the minister`)",
        ),
        (
            "speaker_start",
            int(),
            true,
            "start of that mention (code points)",
        ),
        (
            "speaker_end",
            int(),
            true,
            "end of that mention (code points)",
        ),
        (
            "cue",
            utf8(),
            true,
            "the attribution cue as written (`pointed out`)",
        ),
        (
            "cue_lemma",
            dict(),
            true,
            "the cue's base form (`point out`)",
        ),
        ("cue_start", int(), true, "start of the cue (code points)"),
        ("cue_end", int(), true, "end of the cue (code points)"),
        ("addressee", utf8(), true, "who it was said to, when stated"),
        ("sentence", int(), false, "sentence index in the article"),
        ("paragraph", int(), false, "paragraph index in the article"),
        (
            "date",
            date(),
            true,
            "when it was said: a date stated in the text, else the publication date",
        ),
        (
            "date_source",
            dict(),
            false,
            "`text`, `published` or `unknown`",
        ),
        ("method", dict(), false, "the rule that produced the row"),
        ("confidence", DataType::Float32, false, "in [0, 1]"),
        ("cluster_id", utf8(), true, "id in clusters.parquet"),
    ]
}

fn quotes() -> Vec<Col> {
    utterances(
        "quote_id",
        "`{article_id}:q:{start}`",
        "`direct` or `mixed`",
    )
}

fn claims() -> Vec<Col> {
    utterances(
        "claim_id",
        "`{article_id}:c:{start}`",
        "`indirect`, `according_to` or `mixed`",
    )
}

fn speakers() -> Vec<Col> {
    vec![
        (
            "speaker_id",
            utf8(),
            false,
            "corpus-wide key, derived from the canonical name",
        ),
        ("article_id", utf8(), false, "the article"),
        (
            "name",
            utf8(),
            false,
            "canonical name as best written in the article",
        ),
        ("aliases", str_list(), false, "every surface form seen"),
        ("roles", str_list(), false, "titles and roles stated"),
        ("n_mentions", int(), false, "mentions in the article"),
        ("n_quotes", int(), false, "quotes attributed to the speaker"),
        ("n_claims", int(), false, "claims attributed to the speaker"),
    ]
}

fn dates() -> Vec<Col> {
    vec![
        ("date_id", utf8(), false, "`{article_id}:d:{start}`"),
        ("article_id", utf8(), false, "the article"),
        (
            "text",
            utf8(),
            false,
            "surface form (`Monday night`, `early December`)",
        ),
        (
            "start",
            int(),
            false,
            "start in articles.text (code points)",
        ),
        (
            "end",
            int(),
            false,
            "end in articles.text (code points, exclusive)",
        ),
        (
            "type",
            dict(),
            false,
            "TIMEX3 type: DATE, TIME, DURATION, SET",
        ),
        (
            "value",
            utf8(),
            false,
            "TIMEX3 value (`2017-11-20`, `P2Y`, `XXXX-11-20`)",
        ),
        ("mod", dict(), true, "TIMEX3 mod (`START`, `APPROX`)"),
        ("begin", date(), true, "first day of the resolved interval"),
        (
            "end_date",
            date(),
            true,
            "last day of the resolved interval",
        ),
        (
            "anchor",
            dict(),
            false,
            "what it was resolved against: absolute, published, text",
        ),
    ]
}

fn clusters() -> Vec<Col> {
    vec![
        ("cluster_id", utf8(), false, "stable id of one utterance"),
        ("text", utf8(), false, "representative wording"),
        ("speaker", utf8(), true, "majority speaker"),
        ("speaker_id", utf8(), true, "majority speaker's key"),
        ("n_articles", int(), false, "articles reporting it"),
        ("n_sources", int(), false, "distinct sources reporting it"),
        ("first_date", date(), true, "earliest date it was reported"),
        (
            "quote_ids",
            str_list(),
            false,
            "every quotes row in the cluster",
        ),
    ]
}

fn errors() -> Vec<Col> {
    vec![
        ("input", utf8(), false, "file (and line/row) that failed"),
        ("article_id", utf8(), true, "the article, when known"),
        (
            "error",
            utf8(),
            false,
            "what was wrong, in words a user can act on",
        ),
    ]
}

/// The columns of table `name`.
fn columns(name: &str) -> Option<Vec<Col>> {
    Some(match name {
        "articles" => articles(),
        "quotes" => quotes(),
        "claims" => claims(),
        "speakers" => speakers(),
        "dates" => dates(),
        "clusters" => clusters(),
        "errors" => errors(),
        _ => return None,
    })
}

fn to_schema(cols: Vec<Col>) -> SchemaRef {
    let fields: Vec<Field> = cols
        .into_iter()
        .map(|(name, dt, nullable, doc)| {
            Field::new(name, dt, nullable).with_metadata(HashMap::from([(
                "description".to_string(),
                doc.to_string(),
            )]))
        })
        .collect();
    let meta = HashMap::from([(
        "sayso.schema_version".to_string(),
        crate::SCHEMA_VERSION.to_string(),
    )]);
    Arc::new(Schema::new_with_metadata(fields, meta))
}

/// The Arrow schema of table `name`, built once per process.
pub fn schema(name: &str) -> Option<SchemaRef> {
    static SCHEMAS: OnceLock<Vec<SchemaRef>> = OnceLock::new();
    let all = SCHEMAS.get_or_init(|| {
        super::TABLE_NAMES
            .iter()
            .map(|n| to_schema(columns(n).expect("every table has columns")))
            .collect()
    });
    let i = super::TABLE_NAMES.iter().position(|n| *n == name)?;
    Some(all[i].clone())
}

/// Short type names as used in `SCHEMA.md` (`string`, `int32`, `date32`, …).
pub fn type_name(dt: &DataType) -> String {
    match dt {
        DataType::Utf8 => "string".into(),
        DataType::LargeUtf8 => "large_string".into(),
        DataType::Int32 => "int32".into(),
        DataType::Float32 => "float32".into(),
        DataType::Boolean => "bool".into(),
        DataType::Date32 => "date32".into(),
        DataType::Dictionary(_, v) => format!("dictionary<{}>", type_name(v)),
        DataType::List(f) => format!("list<{}>", type_name(f.data_type())),
        other => format!("{other}"),
    }
}
