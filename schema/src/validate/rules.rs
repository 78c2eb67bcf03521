//! Checks that a schema's generated code compiles and behaves: names that meet once converted to Rust,
//! operations that cannot be called as written, defaults their own validators refuse, and provider names
//! taken by crates. Each rule is a function the [`Checker`] calls where it walks the part the rule is
//! about.

use std::collections::HashMap;

use crate::model::*;
use crate::names;

use super::{Checker, ObjectPaths, join, path};

/// Crates of this workspace and crates generated code names, which a provider's crate cannot be called.
const TAKEN_CRATE_NAMES: &[&str] = &[
    "alloc",
    "codegen",
    "core",
    "downstream",
    "fake_api",
    "macros",
    "openapi",
    "proc_macro",
    "runtime",
    "schema",
    "serde",
    "serde_json",
    "std",
    "test",
    "tests",
];

/// Reports the first of each group of `names` whose identifiers (from `ident`) are equal, at `at(name)`.
fn same_identifiers<'a>(
    checker: &mut Checker<'_>,
    names: impl Iterator<Item = &'a str>,
    ident: impl Fn(&str) -> String,
    what: &str,
    at: impl Fn(&'a str) -> Vec<&'a str>,
) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for name in names {
        let converted = ident(name);
        match seen.get(names::unraw(&converted)) {
            Some(first) => checker.issue(
                at(name),
                format!("{what} `{name}` and {what} `{first}` both become `{converted}` in generated Rust"),
                "rename one of them so their Rust names differ",
            ),
            None => {
                seen.insert(names::unraw(&converted).to_owned(), name);
            }
        }
    }
}

/// Two attributes of one object that become the same Rust field.
pub(super) fn field_names(checker: &mut Checker<'_>, object: &Object, paths: &ObjectPaths<'_>) {
    let base = paths.attributes.clone();
    same_identifiers(checker, object.attributes.keys().map(String::as_str), names::field, "attribute", |name| {
        join(&base, &[name])
    });
}

/// Named types, resource modules and client accessors that become the same Rust name.
pub(super) fn provider_names(checker: &mut Checker<'_>) {
    let provider = checker.provider;
    same_identifiers(checker, provider.types.keys().map(String::as_str), names::type_name, "type", |name| {
        path(&["types", name])
    });
    let sections = [
        ("resources", &provider.resources, "resource"),
        ("data_sources", &provider.data_sources, "data source"),
        ("ephemeral_resources", &provider.ephemeral_resources, "ephemeral resource"),
    ];
    for (section, items, kind) in sections {
        let shorts: Vec<&str> = items.keys().map(|type_name| provider.short_name(type_name)).collect();
        same_identifiers(checker, shorts.iter().copied(), names::module, kind, |name| path(&[section, name]));
        same_identifiers(checker, shorts.iter().copied(), names::type_name, kind, |name| path(&[section, name]));
    }
    // Resources, data sources and ephemeral resources share the client's accessors.
    let mut accessors: HashMap<String, String> = HashMap::new();
    let sections = [
        ("resources", &provider.resources, Some(false)),
        ("data_sources", &provider.data_sources, Some(true)),
        ("ephemeral_resources", &provider.ephemeral_resources, None),
    ];
    for (section, items, data_source) in sections {
        for type_name in items.keys() {
            let short = provider.short_name(type_name);
            let accessor = match data_source {
                Some(data_source) => names::accessor_among(provider, short, data_source),
                None => names::ephemeral_accessor(short),
            };
            if let Some(first) = accessors.insert(names::unraw(&accessor).to_owned(), type_name.clone()) {
                checker.issue(
                    path(&[section, short]),
                    format!("`{type_name}` and `{first}` both get the client accessor `{accessor}()`"),
                    "rename one of them",
                );
            }
        }
    }
}

/// A provider whose crate would take the name of a crate the workspace or generated code uses.
pub(super) fn provider_name(checker: &mut Checker<'_>) {
    let name = checker.provider.name.as_str();
    if TAKEN_CRATE_NAMES.contains(&name) {
        checker.issue(
            path(&["name"]),
            format!("provider name `{name}` is the name of a crate the generated code depends on or builds beside"),
            format!("choose another name, such as `{name}api`"),
        );
    }
}

/// What is wrong with an operation's path, if anything: braces that do not pair, an empty or nested
/// placeholder, or a query string or fragment written into it.
fn path_problem(path: &str) -> Option<String> {
    let mut open = false;
    let mut name = String::new();
    for character in path.chars() {
        match (character, open) {
            ('{', true) => return Some("a `{` inside a placeholder".to_owned()),
            ('{', false) => {
                open = true;
                name.clear();
            }
            ('}', false) => return Some("a `}` without its `{`".to_owned()),
            ('}', true) if name.is_empty() => return Some("an empty placeholder `{}`".to_owned()),
            ('}', true) => open = false,
            ('?' | '#', _) => {
                return Some(format!("a `{character}`: query parameters go under `query`, not into the path"));
            }
            (c, _) if c.is_whitespace() => return Some("white space".to_owned()),
            (c, true) => name.push(c),
            _ => {}
        }
    }
    open.then(|| "a `{` that is never closed".to_owned())
}

/// An operation that cannot be sent as written.
pub(super) fn operation(
    checker: &mut Checker<'_>,
    at: &[&str],
    kind: OperationKind,
    operation: &Operation,
    resource: &Resource,
) {
    let attributes = &resource.schema.attributes;
    if let Some(problem) = path_problem(&operation.path) {
        checker.issue(
            join(at, &["path"]),
            format!("path `{}` has {problem}", operation.path),
            "write the path as `/segments/{param}`, each placeholder a name in braces",
        );
    }
    for param in &operation.path_params {
        if operation.query.contains(&param.attribute) {
            checker.issue(
                join(at, &["query"]),
                format!("attribute `{}` is both a path parameter and a query parameter", param.attribute),
                "send it in one place: remove it from `query`",
            );
        }
        let Some(attribute) = attributes.get(&param.attribute) else { continue };
        let unknown_before_create =
            matches!(kind, OperationKind::Create | OperationKind::Open) && attribute.mode == Mode::ReadOnly;
        if attribute.mode == Mode::Optional || unknown_before_create {
            let why = if unknown_before_create { "only the API sets it, after the create" } else { "it may be unset" };
            checker.issue(
                join(at, &["path"]),
                format!("path parameter `{{{}}}` is bound to `{}`, but {why}", param.name, param.attribute),
                "bind path parameters to required attributes, or to ones the API sets (read_only) outside create",
            );
        }
    }
    if let (Some(_), Method::Get | Method::Delete) = (&operation.body, operation.method) {
        checker.issue(
            join(at, &["body"]),
            format!("a {} request has a body", operation.method.as_str()),
            "GET and DELETE send no body: remove `body`, or send the attributes as `query`",
        );
    }
    // An update whose path names no object addresses it in the body, by what addresses it in the read
    // (or, without one, the delete).
    let addressing = resource.operations.read.as_ref().or(resource.operations.delete.as_ref());
    let address = |name: &str| {
        kind == OperationKind::Update
            && operation.path_params.is_empty()
            && addressing.iter().flat_map(|other| &other.path_params).any(|param| param.attribute == name)
    };
    for (index, name) in operation.body.iter().flatten().enumerate() {
        if attributes.get(name).is_some_and(|attribute| attribute.mode == Mode::ReadOnly) && !address(name) {
            checker.issue(
                join(at, &["body", &index.to_string()]),
                format!("read-only attribute `{name}` is in the body"),
                "only the configuration's values are sent; remove it from `body`",
            );
        }
    }
}

/// A default the attribute's own validators refuse.
/// An operation's `wait`: on a main create, update or delete of a resource that can read its object; a
/// create or an update reads a read-only primitive attribute at the root, whose ready and failed values fit
/// its type and differ; a delete waits for the object to be gone.
pub(super) fn wait(
    checker: &mut Checker<'_>,
    at: &[&str],
    kind: OperationKind,
    wait: &Wait,
    resource: &Resource,
    main: bool,
) {
    if !main {
        checker.issue(at.to_vec(), "a further step cannot wait", "put `wait` on the operation the step belongs to");
        return;
    }
    if matches!(kind, OperationKind::Read | OperationKind::List) {
        checker.issue(
            at.to_vec(),
            format!("a {} does not wait", kind.key()),
            "only a create, an update or a delete waits for the API to finish: remove `wait`",
        );
        return;
    }
    let reads = !matches!((&wait.until, kind), (Until::Operation { .. }, OperationKind::Delete));
    if reads && resource.operations.read.is_none() {
        checker.issue(
            at.to_vec(),
            format!("the {} waits by reading the object, but there is no `read` operation", kind.key()),
            "add a `read` operation, or remove `wait`",
        );
    }
    match (&wait.until, kind) {
        (Until::Gone, OperationKind::Delete) => {}
        (Until::Gone, _) => checker.issue(
            join(at, &["gone"]),
            format!("a {} cannot wait for the object to be gone", kind.key()),
            "name the `attribute` that says how far the object is, and its `ready` values",
        ),
        (Until::Value { .. }, OperationKind::Delete) => checker.issue(
            join(at, &["attribute"]),
            "a delete waits until the object is gone, not for a value",
            "write `gone: true` instead of `attribute`, `ready` and `failed`",
        ),
        (Until::Operation { follow, status, ready, failed }, _) => {
            let fields = [
                ("status", Some(status.as_str())),
                (
                    "follow",
                    match follow {
                        Follow::Location => None,
                        Follow::Field(field) => Some(field.as_str()),
                    },
                ),
            ];
            for (key, path) in fields {
                if let Some(path) = path.filter(|path| path.split('.').any(str::is_empty)) {
                    checker.issue(
                        join(at, &[key]),
                        format!("`{path}` is not a path of fields"),
                        "write field names joined by dots: `metadata.state`",
                    );
                }
            }
            if ready.is_empty() {
                checker.issue(
                    at.to_vec(),
                    format!("`wait` names no value of the operation's `{status}` that means it is done"),
                    "list them: `ready: [succeeded]`",
                );
            }
            if let Some(both) = failed.iter().find(|value| ready.contains(value)) {
                checker.issue(
                    join(at, &["failed"]),
                    format!("`wait` lists {} as both ready and failed", super::describe(both)),
                    "keep it in one of the two lists",
                );
            }
        }
        (Until::Value { attribute, ready, failed }, _) => {
            let attributes = &resource.schema.attributes;
            let Some(found) = attributes.get(attribute) else {
                checker.unknown_attribute(join(at, &["attribute"]), attribute, attributes, "`wait`");
                return;
            };
            let primitive = matches!(found.ty, Type::String | Type::Int64 | Type::Float64 | Type::Number | Type::Bool);
            if found.mode != Mode::ReadOnly || !primitive {
                checker.issue(
                    join(at, &["attribute"]),
                    format!("`wait` reads `{attribute}`, which is not a read-only string, number or bool"),
                    "wait on the attribute only the API sets that says how far the object is (its status)",
                );
                return;
            }
            if ready.is_empty() {
                checker.issue(
                    at.to_vec(),
                    format!("`wait` names no value of `{attribute}` that means the {} is done", kind.key()),
                    "list them: `ready: [running]`",
                );
            }
            for (key, values) in [("ready", ready), ("failed", failed)] {
                for (index, value) in values.iter().enumerate() {
                    if let Err(problem) = checker.check_value(value, &found.ty) {
                        checker.issue(
                            join(at, &[key, &index.to_string()]),
                            format!("`{key}` value of `{attribute}` does not fit its type: {problem}"),
                            "write values of the attribute's type (quote strings)",
                        );
                    } else if key == "failed" && ready.contains(value) {
                        checker.issue(
                            join(at, &[key, &index.to_string()]),
                            format!("`wait` lists {} as both ready and failed", super::describe(value)),
                            "keep it in one of the two lists",
                        );
                    }
                }
            }
        }
    }
}

/// A create's `adopt`: on a main create of a resource with a `list` operation, matching on configurable
/// attributes.
pub(super) fn adopt(
    checker: &mut Checker<'_>,
    at: &[&str],
    kind: OperationKind,
    adopt: &Adopt,
    resource: &Resource,
    main: bool,
) {
    if kind != OperationKind::Create || !main {
        checker.issue(at.to_vec(), "only a create adopts what it made", "remove `adopt`");
        return;
    }
    if resource.operations.list.is_none() {
        checker.issue(
            at.to_vec(),
            "`adopt` finds the object by listing, but there is no `list` operation",
            "add `list: {method: GET, path: ...}` under `operations`",
        );
    }
    if adopt.matching.is_empty() {
        checker.issue(at.to_vec(), "`adopt` matches on no attribute", "name the attributes that tell objects apart");
    }
    let attributes = &resource.schema.attributes;
    for (index, name) in adopt.matching.iter().enumerate() {
        let index = index.to_string();
        let at = join(at, &["match", &index]);
        match attributes.get(name) {
            None => checker.unknown_attribute(at, name, attributes, "`adopt`"),
            Some(attribute) if !attribute.mode.is_configurable() || attribute.write_only || attribute.not_returned => {
                checker.issue(
                    at,
                    format!("`adopt` matches on `{name}`, which the configuration does not give the API to hold"),
                    "match on configurable attributes the API answers (a name, an email)",
                )
            }
            Some(_) => {}
        }
    }
}

/// A resource's `version` and `upgrades`: one step from each older version, none from another, and
/// moves at well-formed paths.
pub(super) fn upgrades(checker: &mut Checker<'_>, base: &[&str], name: &str, resource: &Resource) {
    for version in 0..resource.version {
        if !resource.upgrades.iter().any(|step| step.from == version) {
            checker.issue(
                join(base, &["version"]),
                format!(
                    "resource `{name}` is at version {} with no upgrade step from version {version}",
                    resource.version
                ),
                format!("add `{{from: {version}, moves: [...]}}` to `upgrades`, saying how its state changes shape"),
            );
        }
    }
    let numbers: Vec<String> = (0..resource.upgrades.len()).map(|index| index.to_string()).collect();
    for (index, step) in resource.upgrades.iter().enumerate() {
        let at = join(base, &["upgrades", &numbers[index]]);
        if step.from >= resource.version {
            checker.issue(
                join(&at, &["from"]),
                format!(
                    "an upgrade step from version {}, but resource `{name}` is at version {}",
                    step.from, resource.version
                ),
                format!("raise `version` to {}, or remove the step", step.from + 1),
            );
        } else if resource.upgrades[..index].iter().any(|earlier| earlier.from == step.from) {
            checker.issue(
                join(&at, &["from"]),
                format!("a second upgrade step from version {}", step.from),
                "put every move of one version into one step",
            );
        }
        move_paths(checker, &at, &step.moves);
    }
}

/// Moves whose paths are attribute names joined by dots.
fn move_paths(checker: &mut Checker<'_>, at: &[&str], moves: &[Move]) {
    for (place, step) in moves.iter().enumerate() {
        let paths: Vec<&str> = match step {
            Move::Rename { from, to } => vec![from, to],
            Move::Convert { attribute, .. } | Move::Default { attribute, .. } | Move::Drop { attribute } => {
                vec![attribute]
            }
        };
        if let Some(bad) = paths.into_iter().find(|path| path.split('.').any(str::is_empty)) {
            checker.issue(
                join(at, &["moves", &place.to_string()]),
                format!("`{bad}` is not a path of attributes"),
                "write attribute names joined by dots: `spec.size`",
            );
        }
    }
}

/// A resource's `moved_from`: full type names of other resources, each claimed once in the provider, a
/// type this provider still declares deprecated (users are told to move), and moves at well-formed paths.
pub(super) fn moved_from(checker: &mut Checker<'_>, base: &[&str], type_name: &str, resource: &Resource) {
    let provider = checker.provider;
    let numbers: Vec<String> = (0..resource.moved_from.len()).map(|index| index.to_string()).collect();
    for (index, moved) in resource.moved_from.iter().enumerate() {
        let at = join(base, &["moved_from", &numbers[index]]);
        let old = moved.type_name.as_str();
        let short = provider.short_name(type_name);
        let snake = old.starts_with(|c: char| c.is_ascii_lowercase())
            && old.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !old.contains('_') || !snake {
            let hint = match provider.resources.contains_key(&format!("{}_{old}", provider.name)) {
                true => format!("write the full type name a `moved` block names: `{}_{old}`", provider.name),
                false => "write the full Terraform type name the objects had, e.g. `<provider>_<name>`".to_owned(),
            };
            checker.issue(at, format!("`{old}` is not a Terraform resource type name"), hint);
            continue;
        }
        if old == type_name {
            checker.issue(at, format!("resource `{short}` names itself in `moved_from`"), "remove the entry");
            continue;
        }
        let claimed = provider
            .resources
            .iter()
            .take_while(|(name, _)| *name != type_name)
            .find(|(_, other)| other.moved_from.iter().any(|earlier| earlier.type_name == old));
        if let Some((other, _)) = claimed {
            checker.issue(
                at.clone(),
                format!("`{old}` moves to `{other}` already"),
                "objects of one type can move to one resource only: remove one of the entries",
            );
        }
        if provider.resources.get(old).is_some_and(|kept| kept.deprecation.is_none()) {
            checker.issue(
                path(&["resources", provider.short_name(old)]),
                format!("resource `{}` is kept, but its objects move to `{type_name}`", provider.short_name(old)),
                format!("add `deprecation: \"Use {type_name} instead, with a moved block.\"`, or remove the resource"),
            );
        }
        move_paths(checker, &at, &moved.moves);
    }
}

/// Two resources whose import ID functions would have one name (`parse_y_id` of `y` and of `parse_y`).
/// `renew_every` goes with a `renew` operation, which only an ephemeral resource has; an ephemeral
/// resource keeps no state, so it has no versions to upgrade.
pub(super) fn renewal(checker: &mut Checker<'_>, base: &[&str], name: &str, resource: &Resource, ephemeral: bool) {
    match (resource.operations.renew.is_some(), resource.renew_every.is_some()) {
        (true, false) => checker.issue(
            join(base, &["operations", "renew"]),
            format!("ephemeral resource `{name}` has a `renew` operation but no `renew_every`"),
            "say how long an opened object lasts before it needs renewing: `renew_every: 10m`",
        ),
        (false, true) => checker.issue(
            join(base, &["renew_every"]),
            format!("`{name}` has `renew_every` but no `renew` operation"),
            "add the `renew` operation of the ephemeral resource, or remove `renew_every`",
        ),
        _ => {}
    }
    if ephemeral && (resource.version != 0 || !resource.upgrades.is_empty()) {
        let key = if resource.upgrades.is_empty() { "version" } else { "upgrades" };
        checker.issue(
            join(base, &[key]),
            format!("ephemeral resource `{name}` has a `{key}`, but it keeps no state to upgrade"),
            format!("remove `{key}`"),
        );
    }
}

pub(super) fn function_names(checker: &mut Checker<'_>) {
    let provider = checker.provider;
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (type_name, _, names) in crate::functions::function_names(provider) {
        for name in names {
            if let Some(first) = seen.insert(name.clone(), type_name) {
                checker.issue(
                    path(&["resources", provider.short_name(type_name), "import_id"]),
                    format!("the import ID functions of `{type_name}` and `{first}` would both be called `{name}`"),
                    "rename one of the resources",
                );
            }
        }
    }
}

pub(super) fn default_passes_validators(checker: &mut Checker<'_>, at: &[&str], name: &str, attribute: &Attribute) {
    let Some(default) = &attribute.default else { return };
    for validator in &attribute.validators {
        let (refused, rule) = (!validator.accepts(default), validator.rule());
        if refused {
            checker.issue(
                join(at, &["default"]),
                format!("the default of `{name}` {rule}"),
                "change the default, or the validator, so the default is a value the attribute accepts",
            );
            return;
        }
    }
}

/// A discriminator that is also the API name of one of the object's own attributes.
pub(super) fn discriminator_name(checker: &mut Checker<'_>, at: &[&str], group: &str, one_of: &OneOf, object: &Object) {
    let Some(discriminator) = &one_of.discriminator else { return };
    if let Some((name, _)) = object.attributes.iter().find(|(_, attribute)| &attribute.api_name == discriminator) {
        checker.issue(
            join(at, &["discriminator"]),
            format!("the discriminator `{discriminator}` of `{group}` is also the API field of attribute `{name}`"),
            "the API field names the variant, so no attribute may use it: rename one of them",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::path_problem;

    #[test]
    fn malformed_paths_are_named() {
        assert_eq!(path_problem("/things/{id}/parts"), None);
        assert_eq!(path_problem("/things/{id").as_deref(), Some("a `{` that is never closed"));
        assert!(path_problem("/things?x=1").is_some_and(|problem| problem.contains("query")));
        assert_eq!(path_problem("/things/{}").as_deref(), Some("an empty placeholder `{}`"));
        assert_eq!(path_problem("/things/id}").as_deref(), Some("a `}` without its `{`"));
        assert_eq!(path_problem("/a/{b{c}}").as_deref(), Some("a `{` inside a placeholder"));
    }
}
