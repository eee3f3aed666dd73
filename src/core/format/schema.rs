//! The JSON Schema of the plan format, generated from the model types (native only; the
//! committed copy is `public/plan.schema.json`, kept equal by a test).

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::core::model::Plan;
use crate::core::period::YearMonth;

/// A month, as written in plans: `YYYY-MM`.
impl JsonSchema for YearMonth {
    fn schema_name() -> Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar month, written YYYY-MM (years 1000–9999).",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"
        })
    }
}

/// Decimals are read from strings only (rust_decimal's `serde-str`), written as plain digits;
/// schemars' own decimal schema also allows JSON numbers and exponents. (An optional decimal
/// may also be `null`.)
fn strings_for_decimals(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            let string = match map.get("type") {
                Some(t) if t == &json!(["string", "number"]) => Some(json!("string")),
                Some(t) if t == &json!(["string", "number", "null"]) => {
                    Some(json!(["string", "null"]))
                }
                _ => None,
            };
            if let Some(string) = string {
                map.insert("type".into(), string);
                map.insert("pattern".into(), DECIMAL_PATTERN.into());
            }
            map.values_mut().for_each(strings_for_decimals);
        }
        Value::Array(items) => items.iter_mut().for_each(strings_for_decimals),
        _ => {}
    }
}

/// A decimal as the format writes it: digits, an optional fraction, an optional minus sign.
const DECIMAL_PATTERN: &str = "^-?[0-9]+(\\.[0-9]+)?$";

/// The schema of a plan file (JSON Schema 2020-12), as pretty JSON ending in a line feed.
pub fn plan_schema() -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<Plan>();
    schema.insert(
        "$comment".into(),
        "Generated from the Rust types by `planner schema`; see docs/FORMAT.md.".into(),
    );
    let mut value = serde_json::to_value(&schema).expect("a schema is JSON");
    strings_for_decimals(&mut value);
    let mut text = serde_json::to_string_pretty(&value).expect("a schema serialises");
    text.push('\n');
    text
}
