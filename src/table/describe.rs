//! The schema as text and JSON (`sayso schema`), generated from the Arrow
//! schemas themselves so the help can never drift from the files.

use super::{schema, type_name, TABLE_NAMES};

fn description(f: &arrow_schema::Field) -> &str {
    f.metadata()
        .get("description")
        .map(String::as_str)
        .unwrap_or("")
}

/// Every table and column, aligned, one column per line.
pub fn describe_text() -> String {
    let mut out = format!("sayso output schema v{}\n", crate::SCHEMA_VERSION);
    for name in TABLE_NAMES {
        let s = schema(name).expect("known table");
        out.push_str(&format!("\n{name}.parquet\n"));
        for f in s.fields() {
            let ty = format!(
                "{}{}",
                type_name(f.data_type()),
                if f.is_nullable() { "?" } else { "" }
            );
            out.push_str(&format!(
                "  {:<20} {:<20} {}\n",
                f.name(),
                ty,
                description(f)
            ));
        }
    }
    out
}

/// `{"schema_version": 1, "tables": {"articles": [{"name", "type", "nullable", "description"}, …], …}}`.
pub fn describe_json() -> serde_json::Value {
    let mut tables = serde_json::Map::new();
    for name in TABLE_NAMES {
        let s = schema(name).expect("known table");
        let cols: Vec<serde_json::Value> = s
            .fields()
            .iter()
            .map(|f| {
                serde_json::json!({
                    "name": f.name(),
                    "type": type_name(f.data_type()),
                    "nullable": f.is_nullable(),
                    "description": description(f),
                })
            })
            .collect();
        tables.insert(name.to_string(), serde_json::Value::Array(cols));
    }
    serde_json::json!({ "schema_version": crate::SCHEMA_VERSION, "tables": tables })
}
