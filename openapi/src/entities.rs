//! Which operations make which resource and data source: `x-speakeasy-entity-operation` on operations
//! (`Entity#create`, `Entity#read#2`, lists of them, or the object form naming the resource and data
//! source separately); for specs without it, see [`crate::convention`].

use indexmap::IndexMap;
use serde_json::Value;

use schema::model::{Method, OperationKind};

/// One operation of the spec.
#[derive(Debug, Clone)]
pub struct ApiOperation<'d> {
    /// Its method.
    pub method: Method,
    /// Its path template.
    pub path: String,
    /// Its JSON pointer, for messages.
    pub pointer: String,
    /// The operation object.
    pub value: &'d Value,
    /// The path item's shared parameters.
    pub shared_parameters: Vec<&'d Value>,
}

/// An operation's part in an entity's life.
#[derive(Debug, Clone)]
pub struct Role<'d> {
    /// The operation.
    pub operation: ApiOperation<'d>,
    /// What it does for the entity.
    pub kind: OperationKind,
    /// Its place among several operations of the same kind (`#2`): 1 is the main one.
    pub order: u32,
    /// It serves the resource.
    pub resource: bool,
    /// It serves the data source.
    pub data_source: bool,
}

/// The operations of one entity, by kind, in order.
#[derive(Debug, Clone, Default)]
pub struct Entity<'d> {
    /// Its roles.
    pub roles: Vec<Role<'d>>,
}

impl<'d> Entity<'d> {
    /// The main operation of `kind` serving the resource (or the data source when `data_source`).
    pub fn main(&self, kind: OperationKind, data_source: bool) -> Option<&Role<'d>> {
        self.all(kind, data_source).next()
    }

    /// Every operation of `kind` serving the resource (or the data source), main one first.
    pub fn all(&self, kind: OperationKind, data_source: bool) -> impl Iterator<Item = &Role<'d>> {
        let mut roles: Vec<&Role<'d>> = self
            .roles
            .iter()
            .filter(move |role| role.kind == kind && if data_source { role.data_source } else { role.resource })
            .collect();
        roles.sort_by_key(|role| role.order);
        roles.into_iter()
    }
}

/// The operations of a path item, by the key that holds them.
const METHODS: [(&str, Method); 5] = [
    ("get", Method::Get),
    ("post", Method::Post),
    ("put", Method::Put),
    ("patch", Method::Patch),
    ("delete", Method::Delete),
];

/// Every operation of the document.
pub fn operations(root: &Value) -> Vec<ApiOperation<'_>> {
    let mut found = Vec::new();
    let Some(Value::Object(paths)) = root.get("paths") else { return found };
    for (path, item) in paths {
        let Value::Object(item) = item else { continue };
        let shared: Vec<&Value> =
            item.get("parameters").and_then(Value::as_array).map(|list| list.iter().collect()).unwrap_or_default();
        for (word, method) in METHODS {
            if let Some(value) = item.get(word) {
                // A `#fragment` path key carries a second operation on the same path.
                let path = path.split('#').next().unwrap_or(path).to_owned();
                let pointer = format!("/paths/{}/{word}", crate::document::escape(&path));
                found.push(ApiOperation { method, path, pointer, value, shared_parameters: shared.clone() });
            }
        }
    }
    found
}

/// Drops from `root` every operation whose pointer `used` does not hold, but those a `$ref` points into.
pub fn keep_only(root: &mut Value, used: &std::collections::HashSet<String>) {
    let mut referenced = std::collections::HashSet::new();
    operations_referenced(root, &mut referenced);
    let Some(Value::Object(paths)) = root.get_mut("paths") else { return };
    for (key, item) in paths.iter_mut() {
        let Value::Object(item) = item else { continue };
        let path = key.split('#').next().unwrap_or(key);
        item.retain(|word, _| {
            let method = METHODS.iter().any(|(name, _)| name == word);
            let pointer = |path: &str| format!("/paths/{}/{word}", crate::document::escape(path));
            !method || used.contains(&pointer(path)) || referenced.contains(&pointer(key))
        });
    }
}

/// Adds to `found` the operation (`/paths/<path>/<method>`) of every `$ref` that points into one.
fn operations_referenced(value: &Value, found: &mut std::collections::HashSet<String>) {
    match value {
        Value::Object(entries) => {
            if let Some(Value::String(reference)) = entries.get("$ref") {
                let fragment = reference.strip_prefix('#').unwrap_or_default();
                let decoded = percent_encoding::percent_decode_str(fragment).decode_utf8_lossy();
                let segments: Vec<&str> = decoded.split('/').collect();
                if let ["", "paths", path, method, ..] = segments.as_slice() {
                    found.insert(format!("/paths/{path}/{method}"));
                }
            }
            entries.values().for_each(|child| operations_referenced(child, found));
        }
        Value::Array(items) => items.iter().for_each(|item| operations_referenced(item, found)),
        _ => {}
    }
}

/// The entities named by `x-speakeasy-entity-operation`, in the order first named.
pub fn annotated<'d>(operations: &[ApiOperation<'d>]) -> IndexMap<String, Entity<'d>> {
    let mut entities: IndexMap<String, Entity<'d>> = IndexMap::new();
    for operation in operations {
        let Some(annotation) = operation.value.get("x-speakeasy-entity-operation") else { continue };
        let mut add = |text: &str, resource: bool, data_source: bool| {
            let mut parts = text.split('#');
            let entity = parts.next().unwrap_or_default().trim().to_owned();
            let kinds = parts.next().unwrap_or_default();
            let order = parts.next().and_then(|order| order.trim().parse().ok()).unwrap_or(1);
            for kind in kinds.split(',') {
                let kind = match kind.trim() {
                    "create" => OperationKind::Create,
                    "read" | "get" => OperationKind::Read,
                    "update" => OperationKind::Update,
                    "delete" => OperationKind::Delete,
                    _ => continue,
                };
                entities.entry(entity.clone()).or_default().roles.push(Role {
                    operation: operation.clone(),
                    kind,
                    order,
                    resource,
                    data_source,
                });
            }
        };
        match annotation {
            Value::String(text) => add(text, true, true),
            Value::Array(items) => items.iter().filter_map(Value::as_str).for_each(|text| add(text, true, true)),
            Value::Object(forms) => {
                for (key, resource, data_source) in
                    [("terraform-resource", true, false), ("terraform-datasource", false, true)]
                {
                    match forms.get(key) {
                        Some(Value::String(text)) => add(text, resource, data_source),
                        Some(Value::Array(items)) => {
                            items.iter().filter_map(Value::as_str).for_each(|text| add(text, resource, data_source))
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    entities
}
