//! The JSON Schema of method and playbook files: `labkit schema`, and the copy kept in
//! `docs/method.schema.json` for editors and CI checks.
//!
//! schemars generates it from the raw serde types, so its shape cannot drift from what the
//! loader reads, and the `#[schemars]` attributes in `raw` carry the checks of `validate` that
//! concern one field (id patterns, durations, group sizes, `schema: 1`, non-empty lists). This
//! module adds the rules that span fields, taken from `validate`'s own tables: which fields each
//! question type takes and needs, the defaults each type accepts, the field types a `records`
//! question allows, question ids that are helper names, the two kinds of playbook block, and
//! the choice between a method and a playbook.
//!
//! The result must compile in any validator with its default options: it is draft-07 (the
//! default of Ajv, the validator most tools embed, and the draft editors' YAML support reads
//! best) and has no `format` keyword (schemars writes `uint32` and `double`, which are not
//! standard formats; Ajv's strict default refuses any format it does not know, and it knows none
//! without the ajv-formats plugin). Integer formats become the `minimum`/`maximum` they imply.
//!
//! It must never reject a file `validate` accepts. What it cannot say stays with `validate`:
//! references to earlier questions and methods, ids unique across a file, one field compared
//! with another (`min` ≤ `max`, labels inside the scale, days in order), templates and patterns
//! that compile, and the id matching the file name. This module does no I/O.

use schemars::generate::SchemaSettings;
use schemars::transform::{RemoveRefSiblings, Transform};
use serde_json::{Map, Value, json};

use super::raw::{QuestionType, RawDocument};
use super::validate::{
    METHOD_ID_PATTERN, RECORD_FIELD_TYPES, TEMPLATE_NAME_MAX_LEN, TEMPLATE_NAME_PATTERN,
    TYPED_FIELDS, allowed_fields, is_local_id,
};

/// The schema as pretty JSON with a final newline.
pub fn json() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema of a method or playbook file.
pub fn schema() -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<RawDocument>();
    {
        let root = schema.ensure_object();
        root.insert("title".into(), "labkit method or playbook".into());
        refine(root);
    }
    // Draft-07 ignores keywords beside `$ref`; what `refine` added stays valid either way.
    RemoveRefSiblings::default().transform(&mut schema);
    let mut value = schema.to_value();
    strip_formats(&mut value);
    value
}

fn refine(root: &mut Map<String, Value>) {
    let definition = |name: &str| format!("#/definitions/{name}");
    // `kind: playbook` decides, as it does in the loader; an `anyOf` of the two would report
    // every mistake twice, once against each.
    root.remove("anyOf");
    root.insert(
        "if".into(),
        json!({ "type": "object", "required": ["kind"], "properties": { "kind": { "const": "playbook" } } }),
    );
    root.insert("then".into(), json!({ "$ref": definition("RawPlaybook") }));
    root.insert("else".into(), json!({ "$ref": definition("RawMethod") }));

    let Some(Value::Object(defs)) = root.get_mut("definitions") else {
        return;
    };
    if let Some(question) = defs.get_mut("RawQuestion").and_then(Value::as_object_mut) {
        question.insert("allOf".into(), Value::Array(question_rules()));
        if let Some(fields) = property(question, "fields") {
            fields.insert(
                "items".into(),
                json!({ "allOf": [
                    { "$ref": definition("RawQuestion") },
                    { "type": "object", "properties": { "type": {
                        "description": "A field of a `records` question holds one value per row.",
                        "enum": RECORD_FIELD_TYPES.iter().map(|t| t.as_str()).collect::<Vec<_>>()
                    } } }
                ] }),
            );
        }
    }
    if let Some(questions) = defs
        .get_mut("RawStep")
        .and_then(Value::as_object_mut)
        .and_then(|step| property(step, "questions"))
    {
        // A question id that names a helper would be read as the helper in defaults,
        // conditions and computed values (fields of a `records` question are not named there).
        let helpers: Vec<&str> = crate::helpers::names()
            .iter()
            .map(String::as_str)
            .filter(|name| is_local_id(name))
            .collect();
        questions.insert(
            "items".into(),
            json!({ "allOf": [
                { "$ref": definition("RawQuestion") },
                { "type": "object", "properties": { "id": {
                    "description": "Not the name of a template helper.",
                    "not": { "enum": helpers }
                } } }
            ] }),
        );
    }
    if let Some(playbook) = defs.get_mut("RawPlaybook").and_then(Value::as_object_mut)
        && let Some(template) = property(playbook, "template")
    {
        template.remove("type");
        let name = json!({ "pattern": TEMPLATE_NAME_PATTERN });
        template.insert(
            "anyOf".into(),
            json!([
                { "type": "null" },
                { "type": "string", "allOf": [name], "maxLength": TEMPLATE_NAME_MAX_LEN },
                {
                    "type": "string",
                    "allOf": [name, { "pattern": "\\.md\\.hbs$" }],
                    "maxLength": TEMPLATE_NAME_MAX_LEN + ".md.hbs".len() as u32
                }
            ]),
        );
    }
    if let Some(entry) = defs
        .get_mut("RawPlaybookEntry")
        .and_then(Value::as_object_mut)
    {
        if let Some(items) = property(entry, "items") {
            // `method.question`, where `method` runs earlier in the playbook.
            let source = format!("{}\\.", METHOD_ID_PATTERN.trim_end_matches('$'));
            items.insert(
                "additionalProperties".into(),
                json!({ "type": "string", "pattern": source }),
            );
        }
        entry.insert(
            "anyOf".into(),
            json!([
                {
                    "description": "A method block.",
                    "required": ["method"],
                    "properties": { "method": { "type": "string" }, "break": { "type": "null" } }
                },
                {
                    "description": "A break: only `break` and `title`.",
                    "required": ["break"],
                    "properties": {
                        "break": { "type": "string" },
                        "method": { "type": "null" },
                        "defaults": { "type": "object", "maxProperties": 0 },
                        "items": { "type": "object", "maxProperties": 0 },
                        "top": { "type": "null" },
                        "day": { "type": "null" }
                    }
                }
            ]),
        );
    }
}

/// One `if type is … then …` per question type: the fields it takes (others must be absent
/// or null, as in `validate::allowed_fields`), the fields it needs, the counts that must be
/// whole numbers, and the defaults it accepts.
fn question_rules() -> Vec<Value> {
    QuestionType::ALL
        .iter()
        .map(|&kind| {
            use QuestionType as T;
            let allowed = allowed_fields(kind);
            let mut properties = Map::new();
            for field in TYPED_FIELDS.iter().filter(|f| !allowed.contains(f)) {
                properties.insert((*field).into(), json!({ "type": "null" }));
            }
            let needs: &[&str] = match kind {
                T::Select | T::Multiselect => &["choices"],
                T::Records => &["fields"],
                T::Vote | T::Rank => &["from"],
                T::Score => &["from", "criteria"],
                T::Computed => &["value"],
                _ => &[],
            };
            for field in needs {
                properties.insert((*field).into(), json!({ "not": { "type": "null" } }));
            }
            // Counts of entries or selections are whole numbers up to a million; a scale's
            // ends are whole numbers.
            let whole = match kind {
                T::Multiselect | T::List | T::Records => {
                    Some(json!({ "type": ["integer", "null"], "minimum": 0, "maximum": 1_000_000 }))
                }
                T::Scale => Some(json!({ "type": ["integer", "null"] })),
                _ => None,
            };
            if let Some(whole) = whole {
                properties.insert("min".into(), whole.clone());
                properties.insert("max".into(), whole);
            }
            properties.insert("default".into(), default_for(kind));
            let mut then = Map::new();
            then.insert("properties".into(), Value::Object(properties));
            if !needs.is_empty() {
                then.insert("required".into(), json!(needs));
            }
            if kind == T::Score {
                // Quadrants name the four corners of a 2×2 matrix: two criteria.
                then.insert(
                    "if".into(),
                    json!({
                        "required": ["quadrants"],
                        "properties": { "quadrants": { "type": "object" } }
                    }),
                );
                then.insert(
                    "then".into(),
                    json!({
                        "properties": { "criteria": { "type": "array", "minItems": 2, "maxItems": 2 } }
                    }),
                );
            }
            json!({
                "if": { "required": ["type"], "properties": { "type": { "const": kind.as_str() } } },
                "then": then
            })
        })
        .collect()
}

/// The defaults a question type accepts (`validate::check_default`): a template (a string with
/// `{{`) for every type, else a value of the answer's kind.
fn default_for(kind: QuestionType) -> Value {
    use QuestionType as T;
    let mut any_of = vec![
        json!({ "type": "null" }),
        json!({ "type": "string", "pattern": "\\{\\{" }),
    ];
    let strings = json!({ "type": "array", "items": { "type": "string" } });
    match kind {
        T::Text | T::Longtext | T::Date | T::Select => any_of.push(json!({ "type": "string" })),
        T::Number => any_of.push(json!({ "type": "number" })),
        T::Scale => any_of.push(json!({ "type": "integer" })),
        T::Confirm => any_of.push(json!({ "type": "boolean" })),
        T::Multiselect | T::List => any_of.push(strings),
        T::Records | T::Vote | T::Score | T::Rank | T::Computed => {}
    }
    json!({ "anyOf": any_of })
}

/// The schema of a property of an object schema, to refine it in place.
fn property<'a>(
    object: &'a mut Map<String, Value>,
    name: &str,
) -> Option<&'a mut Map<String, Value>> {
    object.get_mut("properties")?.get_mut(name)?.as_object_mut()
}

/// Removes every `format`, keeping the bounds an integer format implies.
fn strip_formats(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(format)) = object.remove("format") {
                let bounds: Option<(Value, Value)> = match format.as_str() {
                    "uint8" => Some((0.into(), u8::MAX.into())),
                    "uint16" => Some((0.into(), u16::MAX.into())),
                    "uint32" => Some((0.into(), u32::MAX.into())),
                    "uint64" | "uint" => Some((0.into(), u64::MAX.into())),
                    "int8" => Some((i8::MIN.into(), i8::MAX.into())),
                    "int16" => Some((i16::MIN.into(), i16::MAX.into())),
                    "int32" => Some((i32::MIN.into(), i32::MAX.into())),
                    "int64" | "int" => Some((i64::MIN.into(), i64::MAX.into())),
                    _ => None,
                };
                if let Some((min, max)) = bounds {
                    // An attribute's own range (e.g. `minimum: 1`) is the tighter one.
                    object.entry("minimum").or_insert(min);
                    object.entry("maximum").or_insert(max);
                }
            }
            object.values_mut().for_each(strip_formats);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_formats),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk<'a>(value: &'a Value, out: &mut Vec<(&'a str, &'a Value)>) {
        match value {
            Value::Object(object) => {
                for (key, inner) in object {
                    out.push((key.as_str(), inner));
                    walk(inner, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }

    #[test]
    fn no_format_and_no_ref_with_siblings() {
        let schema = schema();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        let mut keys = Vec::new();
        walk(&schema, &mut keys);
        assert!(keys.len() > 200, "the schema is too small to be real");
        for (key, value) in &keys {
            assert_ne!(*key, "format", "a `format` is left: {value}");
            assert_ne!(*key, "$defs", "a 2020-12 keyword is left");
            if let Value::Object(object) = value
                && object.contains_key("$ref")
            {
                assert_eq!(
                    object.len(),
                    1,
                    "`$ref` with siblings under `{key}`: {value}"
                );
            }
        }
    }

    #[test]
    fn integer_formats_become_bounds() {
        let schema = schema();
        let version = &schema["definitions"]["RawMethod"]["properties"]["version"];
        assert_eq!(version["minimum"], 1, "{version}");
        assert_eq!(version["maximum"], u32::MAX, "{version}");
    }

    /// Every refinement landed: a renamed type or field would silently drop one.
    #[test]
    fn every_refinement_landed() {
        let schema = schema();
        let defs = &schema["definitions"];
        assert_eq!(
            defs["RawQuestion"]["allOf"].as_array().map(Vec::len),
            Some(QuestionType::ALL.len())
        );
        assert!(defs["RawQuestion"]["properties"]["fields"]["items"]["allOf"].is_array());
        assert!(defs["RawStep"]["properties"]["questions"]["items"]["allOf"].is_array());
        assert!(defs["RawPlaybook"]["properties"]["template"]["anyOf"].is_array());
        assert!(defs["RawPlaybookEntry"]["anyOf"].is_array());
        assert!(
            defs["RawPlaybookEntry"]["properties"]["items"]["additionalProperties"]["pattern"]
                .is_string()
        );
        assert!(schema["if"].is_object() && schema.get("anyOf").is_none());
        // `QuestionType::ALL` lists every variant serde knows.
        assert_eq!(
            defs["QuestionType"]["enum"].as_array().map(Vec::len),
            Some(QuestionType::ALL.len())
        );
    }
}
