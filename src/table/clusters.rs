//! The bridge between written tables and the corpus-wide clustering pass:
//! what clustering needs of each quotes row, and the `cluster_id` column
//! filled in afterwards.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::Int32Type;
use arrow_array::{
    Array, ArrayAccessor, ArrayRef, Date32Array, Int32Array, RecordBatch, StringArray,
};
use chrono::NaiveDate;

use super::schema;
use crate::clusters::{content_words, ArticleSketch, QuoteSketch};
use crate::error::{Error, Result};

/// `date32` (days since 1970-01-01) back to a date.
fn date_of(days: i32) -> Option<NaiveDate> {
    // 719_163 = days from 0001-01-01 (CE day 1) to 1970-01-01
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(719_163)?)
}

pub(crate) fn strings<'a>(b: &'a RecordBatch, name: &str) -> Result<&'a StringArray> {
    b.column_by_name(name)
        .and_then(|c| c.as_any().downcast_ref::<StringArray>())
        .ok_or_else(|| Error::Output(format!("{name} is not a string column of this table")))
}

fn opt(a: &StringArray, i: usize) -> Option<String> {
    a.is_valid(i).then(|| a.value(i).to_string())
}

/// The values of a dictionary-encoded string column.
pub(crate) fn dictionary_strings<'a>(
    b: &'a RecordBatch,
    name: &str,
) -> Result<arrow_array::TypedDictionaryArray<'a, Int32Type, StringArray>> {
    b.column_by_name(name)
        .and_then(|c| c.as_dictionary_opt::<Int32Type>())
        .and_then(|d| d.downcast_dict::<StringArray>())
        .ok_or_else(|| Error::Output(format!("{name} is not a dictionary of strings")))
}

/// What clustering needs of every row of a `quotes` batch, grouped by
/// article in row order (quotes rows of an article are contiguous). The
/// outlet comes from the `articles` batch of the same extraction batch.
pub fn sketches(quotes: &RecordBatch, articles: &RecordBatch) -> Result<Vec<ArticleSketch>> {
    let ids = strings(articles, "article_id")?;
    let sources = dictionary_strings(articles, "source")?;
    // articles rows are in the same order as the quotes: walk them along
    let mut next = 0usize;
    sketches_with(quotes, |a| {
        while next < ids.len() && ids.value(next) != a {
            next += 1;
        }
        (next < ids.len() && sources.is_valid(next)).then(|| sources.value(next).to_string())
    })
}

/// Like [`sketches`], with the outlet of each article given by `source_of`
/// (called once per article, in row order). Needs the columns `article_id`,
/// `text`, `start`, `speaker`, `speaker_id` and `date` only.
pub fn sketches_with(
    quotes: &RecordBatch,
    mut source_of: impl FnMut(&str) -> Option<String>,
) -> Result<Vec<ArticleSketch>> {
    let (aid, text) = (strings(quotes, "article_id")?, strings(quotes, "text")?);
    let (speaker, speaker_id) = (strings(quotes, "speaker")?, strings(quotes, "speaker_id")?);
    let start = quotes
        .column_by_name("start")
        .and_then(|c| c.as_any().downcast_ref::<Int32Array>())
        .ok_or_else(|| Error::Output("quotes.start is not an int32 column".into()))?;
    let date = quotes
        .column_by_name("date")
        .and_then(|c| c.as_any().downcast_ref::<Date32Array>())
        .ok_or_else(|| Error::Output("quotes.date is not a date32 column".into()))?;
    let mut out: Vec<ArticleSketch> = Vec::new();
    for i in 0..quotes.num_rows() {
        let a = aid.value(i);
        if !matches!(out.last(), Some(s) if s.article_id == a) {
            out.push(ArticleSketch {
                article_id: a.to_string(),
                source: source_of(a),
                quotes: Vec::new(),
            });
        }
        let t = text.value(i);
        out.last_mut()
            .expect("pushed above")
            .quotes
            .push(QuoteSketch {
                start: u32::try_from(start.value(i)).unwrap_or(0),
                text_len: u32::try_from(t.len()).unwrap_or(u32::MAX),
                words: content_words(t),
                speaker_id: opt(speaker_id, i),
                speaker: opt(speaker, i),
                date: if date.is_valid(i) {
                    date_of(date.value(i))
                } else {
                    None
                },
            });
    }
    Ok(out)
}

/// `batch` (of `quotes`) with its `cluster_id` column replaced by `ids`
/// (one per row, in row order).
pub fn with_cluster_ids<'a>(
    batch: RecordBatch,
    ids: impl IntoIterator<Item = Option<&'a str>>,
) -> Result<RecordBatch> {
    let column: StringArray = ids.into_iter().collect();
    if column.len() != batch.num_rows() {
        return Err(Error::Output(format!(
            "{} cluster ids for {} quotes rows",
            column.len(),
            batch.num_rows()
        )));
    }
    let at = batch
        .schema()
        .index_of("cluster_id")
        .map_err(|e| Error::Output(e.to_string()))?;
    let mut columns: Vec<ArrayRef> = batch.columns().to_vec();
    columns[at] = Arc::new(column);
    Ok(RecordBatch::try_new(
        schema("quotes").expect("known table"),
        columns,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Extraction, Kind, Span, Utterance};
    use crate::Article;

    fn extraction(id: &str, source: &str, text: &str, speaker: &str) -> Extraction {
        let article = Article {
            id: Some(id.into()),
            source: Some(source.into()),
            ..Article::new(text)
        };
        let s = text.find('“').unwrap() + '“'.len_utf8();
        let e = text.find('”').unwrap();
        let mut u = Utterance::new(vec![Span::new(s, e)], text, Kind::Direct, "test");
        u.speaker = Some(speaker.into());
        u.speaker_id = Some(crate::speakers::speaker_id(speaker));
        u.date = NaiveDate::from_ymd_opt(2023, 7, 14);
        Extraction {
            article_id: id.into(),
            article,
            published: None,
            published_inferred: false,
            quotes: vec![u],
            claims: vec![],
            speakers: vec![],
            dates: vec![],
        }
    }

    #[test]
    fn keys_then_ids_round_trip() {
        let xs = [
            extraction(
                "a",
                "Lakeside Post",
                "Tove Arne said: “The ferry runs again tomorrow.”",
                "Tove Arne",
            ),
            extraction(
                "b",
                "Hill Gazette",
                "“Nothing changes,” Bo Ek said.",
                "Bo Ek",
            ),
        ];
        let t = super::super::build(&xs, &[]).unwrap();
        let sk = sketches(&t.quotes, &t.articles).unwrap();
        assert_eq!(sk.len(), 2);
        assert_eq!(sk[0].article_id, "a");
        assert_eq!(sk[0].source.as_deref(), Some("Lakeside Post"));
        assert_eq!(sk[0].quotes[0].start, 17);
        assert_eq!(sk[1].quotes[0].text_len, "Nothing changes,".len() as u32);
        assert_eq!(sk[1].quotes[0].words, content_words("Nothing changes,"));
        assert_eq!(sk[1].quotes[0].speaker_id.as_deref(), Some("bo-ek"));
        assert_eq!(sk[1].quotes[0].date, NaiveDate::from_ymd_opt(2023, 7, 14));
        let b = with_cluster_ids(t.quotes.clone(), [Some("k1"), None]).unwrap();
        let c = b.column_by_name("cluster_id").unwrap().as_string::<i32>();
        assert_eq!((c.value(0), c.is_null(1)), ("k1", true));
        assert!(with_cluster_ids(t.quotes, [Some("k1")]).is_err());
    }
}
