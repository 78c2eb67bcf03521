//! Which operations make which resource and data source: `x-speakeasy-entity-operation` on operations
//! (`Entity#create`, `Entity#read#2`, lists of them, or the object form naming the resource and data
//! source separately), and for specs without it, REST conventions (a collection `POST /things` with an
//! item path `/things/{id}` makes a resource; a GET-only item path a data source).

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

/// Every operation of the document.
pub fn operations(root: &Value) -> Vec<ApiOperation<'_>> {
    let mut found = Vec::new();
    let Some(Value::Object(paths)) = root.get("paths") else { return found };
    for (path, item) in paths {
        let Value::Object(item) = item else { continue };
        let shared: Vec<&Value> =
            item.get("parameters").and_then(Value::as_array).map(|list| list.iter().collect()).unwrap_or_default();
        for (word, method) in [
            ("get", Method::Get),
            ("post", Method::Post),
            ("put", Method::Put),
            ("patch", Method::Patch),
            ("delete", Method::Delete),
        ] {
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

/// Entities by REST convention, for a spec without annotations: `POST /things` with `/things/{id}`
/// (GET, and PUT or PATCH, and DELETE) is a resource named after the last literal segment; a GET-only
/// item path is a data source. What cannot be decided goes to `report`.
pub fn conventional<'d>(operations: &[ApiOperation<'d>], report: &mut Vec<String>) -> IndexMap<String, Entity<'d>> {
    let mut entities: IndexMap<String, Entity<'d>> = IndexMap::new();
    let find = |method: Method, path: &str| {
        operations.iter().find(|operation| operation.method == method && operation.path == path)
    };
    for item in operations.iter().filter(|operation| operation.method == Method::Get) {
        let Some((collection, last)) = item.path.rsplit_once('/') else { continue };
        if !(last.starts_with('{') && last.ends_with('}')) || collection.is_empty() {
            continue;
        }
        let name = collection.rsplit('/').find(|segment| !segment.starts_with('{')).unwrap_or("item");
        let name = heck::ToUpperCamelCase::to_upper_camel_case(singular(name).as_str());
        let role = |operation: &ApiOperation<'d>, kind| Role {
            operation: operation.clone(),
            kind,
            order: 1,
            resource: true,
            data_source: true,
        };
        let mut entity = Entity::default();
        entity.roles.push(role(item, OperationKind::Read));
        match find(Method::Post, collection) {
            Some(create) => {
                entity.roles.push(role(create, OperationKind::Create));
                if let Some(update) = find(Method::Put, &item.path).or_else(|| find(Method::Patch, &item.path)) {
                    entity.roles.push(role(update, OperationKind::Update));
                }
                match find(Method::Delete, &item.path) {
                    Some(delete) => entity.roles.push(role(delete, OperationKind::Delete)),
                    None => report.push(format!(
                        "{}: `POST {collection}` creates objects but `{}` has no DELETE; imported as a resource whose destroy only forgets it",
                        name, item.path
                    )),
                }
            }
            None => {
                for role in &mut entity.roles {
                    role.resource = false;
                }
                report.push(format!(
                    "{name}: `GET {}` has no create operation beside it; imported as a data source",
                    item.path
                ));
            }
        }
        entities.insert(name, entity);
    }
    for operation in operations {
        let used =
            entities.values().any(|entity| entity.roles.iter().any(|role| role.operation.pointer == operation.pointer));
        if !used {
            report.push(format!(
                "{} {}: no resource or data source uses it",
                operation.method.as_str(),
                operation.path
            ));
        }
    }
    entities
}

/// `pets` as `pet`, `categories` as `category`, `addresses` as `address`.
fn singular(word: &str) -> String {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if ["species", "series", "news", "status"].contains(&word) || word.ends_with("ss") || word.ends_with("us") {
        return word.to_owned();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if word.ends_with("sses") || word.ends_with("xes") || word.ends_with("ches") || word.ends_with("shes") {
        word[..word.len() - 2].to_owned()
    } else if let Some(stem) = word.strip_suffix('s').filter(|stem| !stem.ends_with('s')) {
        stem.to_owned()
    } else {
        word.to_owned()
    }
}
