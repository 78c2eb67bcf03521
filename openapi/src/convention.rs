//! Resources and data sources of a spec without annotations, by REST convention.
//!
//! An item path is one whose last segment is a single parameter (`/users/{userId}`,
//! `/orgs/{org}/teams/{team_slug}`); with a GET it is read. Its object is created by a POST on the
//! collection (the item path without its last segment), or, where there is none, by a PUT on the item
//! path itself (the client names the object: an upsert); it is changed by a PUT or PATCH on the item path
//! (the creating PUT where there is no other) and deleted by a DELETE there. An item path with a create
//! is a resource, one without a data source. Each is named after the collection's last literal segment
//! in the singular (`teams` gives `Team`), the literal segments before it added where two would meet
//! (`UserKey` beside `Key`). A resource's objects are listed by a GET on its collection ([`add_lists`]).
//! Every operation left out is listed in the report with why.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use crate::entities::{ApiOperation, Entity, Role};
use schema::model::{Method, OperationKind};

/// The entities of a spec by convention; what cannot be decided, and every operation left out, goes to
/// `report`.
pub fn entities<'d>(operations: &[ApiOperation<'d>], report: &mut Vec<String>) -> IndexMap<String, Entity<'d>> {
    let by_path = by_path(operations);
    let find = |method: Method, path: &str| by_path.get(&(method, path)).and_then(|found| found.first()).copied();
    let mut entities: IndexMap<String, Entity<'d>> = IndexMap::new();
    let mut taken: HashSet<String> = HashSet::new();
    for item in operations.iter().filter(|operation| operation.method == Method::Get) {
        let Some(collection) = collection_of(&item.path) else { continue };
        let name = entity_name(&item.path, &mut taken);
        let role = |operation: &ApiOperation<'d>, kind| Role {
            operation: operation.clone(),
            kind,
            order: 1,
            resource: true,
            data_source: true,
        };
        let mut entity = Entity::default();
        entity.roles.push(role(item, OperationKind::Read));
        let posted = find(Method::Post, collection);
        let put = find(Method::Put, &item.path);
        let patch = find(Method::Patch, &item.path);
        let create = posted.or(put);
        match create {
            Some(create) => {
                entity.roles.push(role(create, OperationKind::Create));
                // A PUT that creates also replaces; a PATCH changes in place where there is one.
                let update = if posted.is_some() { put.or(patch) } else { patch.or(put) };
                if let Some(update) = update {
                    entity.roles.push(role(update, OperationKind::Update));
                }
                match find(Method::Delete, &item.path) {
                    Some(delete) => entity.roles.push(role(delete, OperationKind::Delete)),
                    None => report.push(format!(
                        "{name}: `{} {}` creates objects but `{}` has no DELETE; imported as a resource whose \
                         destroy only forgets it",
                        create.method.as_str(),
                        create.path,
                        item.path
                    )),
                }
            }
            None => {
                for role in &mut entity.roles {
                    role.resource = false;
                }
                report.push(format!(
                    "{name}: neither `POST {collection}` nor `PUT {}` creates it; imported as a data source",
                    item.path
                ));
            }
        }
        entities.insert(name, entity);
    }
    add_lists(operations, &mut entities);
    let used: HashSet<&str> =
        entities.values().flat_map(|entity| entity.roles.iter().map(|role| role.operation.pointer.as_str())).collect();
    let read_collections: HashSet<&str> = operations
        .iter()
        .filter(|operation| operation.method == Method::Get)
        .filter_map(|operation| collection_of(&operation.path))
        .collect();
    for operation in operations.iter().filter(|operation| !used.contains(operation.pointer.as_str())) {
        let why = left_out(operation, &read_collections);
        report.push(format!("{} {}: {why}", operation.method.as_str(), operation.path));
    }
    entities
}

/// Gives each resource whose read is on an item path the GET on its collection as its `list`, where the
/// spec has one that is not already the entity's (`GET /users` beside `GET /users/{id}`).
pub fn add_lists<'d>(operations: &[ApiOperation<'d>], entities: &mut IndexMap<String, Entity<'d>>) {
    let by_path = by_path(operations);
    for entity in entities.values_mut() {
        let creates = entity.main(OperationKind::Create, false).is_some();
        let Some(read) = entity.main(OperationKind::Read, false).filter(|_| creates) else { continue };
        if entity.main(OperationKind::List, false).is_some() {
            continue;
        }
        let Some(collection) = collection_of(&read.operation.path) else { continue };
        let own =
            |operation: &ApiOperation<'_>| entity.roles.iter().any(|role| role.operation.pointer == operation.pointer);
        let gets = by_path.get(&(Method::Get, collection)).into_iter().flatten();
        let list = gets.copied().find(|operation| !own(operation));
        if let Some(list) = list {
            let role = Role {
                operation: list.clone(),
                kind: OperationKind::List,
                order: 1,
                resource: true,
                data_source: false,
            };
            entity.roles.push(role);
        }
    }
}

/// The operations by method and path, in the document's order (a `#fragment` path key gives a path a second
/// operation of a method).
fn by_path<'o, 'd>(operations: &'o [ApiOperation<'d>]) -> HashMap<(Method, &'o str), Vec<&'o ApiOperation<'d>>> {
    let mut found: HashMap<(Method, &str), Vec<&ApiOperation<'d>>> = HashMap::new();
    for operation in operations {
        found.entry((operation.method, operation.path.as_str())).or_default().push(operation);
    }
    found
}

/// The collection of an item path (`/users` for `/users/{id}`); `None` when the path names no item.
fn collection_of(path: &str) -> Option<&str> {
    let (collection, last) = path.rsplit_once('/')?;
    let parameter = last.strip_prefix('{')?.strip_suffix('}')?;
    (!parameter.is_empty() && !parameter.contains(['{', '}'])).then_some(collection)
}

/// The literal segments of a path, in order (`users`, `keys` for `/users/{id}/keys/{key}`).
fn literal_segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|segment| !segment.is_empty() && !segment.contains('{')).collect()
}

/// An item path's entity name: the last literal segment of its collection in the singular, in
/// PascalCase, with the segments before it (also in the singular) in front while the name is taken, then
/// a number.
fn entity_name(item: &str, taken: &mut HashSet<String>) -> String {
    let segments = literal_segments(item);
    let words: Vec<String> = segments
        .iter()
        .rev()
        .map(|segment| heck::ToUpperCamelCase::to_upper_camel_case(singular(segment).as_str()))
        .filter(|word| !word.is_empty())
        .collect();
    let mut candidates: Vec<String> =
        (1..=words.len()).map(|count| words[..count].iter().rev().cloned().collect()).collect();
    if candidates.is_empty() {
        candidates.push("Item".to_owned());
    }
    let base = candidates[0].clone();
    let name = candidates
        .into_iter()
        .find(|name| !taken.contains(&name.to_lowercase()))
        .or_else(|| (2..).map(|number| format!("{base}{number}")).find(|name| !taken.contains(&name.to_lowercase())))
        .unwrap_or(base);
    taken.insert(name.to_lowercase());
    name
}

/// Why an operation is no part of a resource or data source; `read_collections` are the collections of
/// the item paths a GET reads.
fn left_out(operation: &ApiOperation<'_>, read_collections: &HashSet<&str>) -> &'static str {
    let is_item = collection_of(&operation.path).is_some();
    let items_below = read_collections.contains(operation.path.as_str());
    match (operation.method, is_item, items_below) {
        (Method::Get, false, true) => {
            "lists the objects of an item path no resource is made by; only resources are listed"
        }
        (Method::Get, false, false) => "reads no item path (the path does not end in a parameter)",
        (Method::Post, false, false) => "an action, not a collection: no item path below it is read",
        (Method::Post, true, _) => "an action on an item, not part of its life",
        (_, false, _) => "the path names no item (it does not end in a parameter)",
        (_, true, _) => "its item path has no GET to read the object",
    }
}

/// `pets` as `pet`, `categories` as `category`, `addresses` as `address`.
pub(crate) fn singular(word: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_paths_and_their_names() {
        assert_eq!(collection_of("/users/{userId}"), Some("/users"));
        assert_eq!(collection_of("/orgs/{org}/teams/{team_slug}"), Some("/orgs/{org}/teams"));
        assert_eq!(collection_of("/users/{id}:cancel"), None);
        assert_eq!(collection_of("/v1/{name}"), Some("/v1"));
        let mut taken = HashSet::new();
        assert_eq!(entity_name("/keys/{key}", &mut taken), "Key");
        assert_eq!(entity_name("/users/{id}/keys/{key}", &mut taken), "UserKey");
        assert_eq!(entity_name("/orgs/{org}/teams/{team_slug}", &mut taken), "Team");
        assert_eq!(entity_name("/teams/{team}", &mut taken), "Team2");
        assert_eq!(entity_name("/{Bucket}/{Key}", &mut taken), "Item");
    }
}
