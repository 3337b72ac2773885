//! The JSON Schema of `documents/<id>.json`, generated from the model types.

use model::Document;

/// Where the schema is committed in the repository, relative to its root.
pub const DOCUMENT_SCHEMA_PATH: &str = "schema/document.schema.json";

/// The JSON Schema (draft 2020-12) that every `documents/<id>.json` satisfies, pretty-printed
/// with a final newline.
pub fn document_schema() -> String {
    let schema = schemars::schema_for!(Document);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// Fails when the model changed but the committed schema was not regenerated.
    /// `UPDATE_SCHEMA=1 cargo test -p export` (or `bitextract schema`) regenerates it.
    #[test]
    fn the_committed_schema_is_up_to_date() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(DOCUMENT_SCHEMA_PATH);
        let generated = document_schema();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).expect("schema written");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is stale: regenerate it with `UPDATE_SCHEMA=1 cargo test -p export`",
            path.display()
        );
    }

    #[test]
    fn the_schema_names_the_contract_fields() {
        let schema: serde_json::Value =
            serde_json::from_str(&document_schema()).expect("the schema is JSON");
        let required = schema["required"].as_array().expect("required fields");
        for field in ["id", "sources", "status", "errors", "warnings", "sections"] {
            assert!(required.iter().any(|f| f == field), "{field} is required");
        }
        let status = &schema["$defs"]["Status"];
        assert!(status.to_string().contains("partial"), "{status}");
    }
}
