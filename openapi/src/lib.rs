//! The OpenAPI importer: an OpenAPI 3.0 or 3.1 document (YAML or JSON, `$ref`s into other files
//! bundled, OpenAPI Overlays applied first) to the model, inferring resources and data sources as the
//! leading generator does from its `x-speakeasy-*` annotations, or by REST convention where a spec has
//! none. What the spec leaves open is decided explicitly and listed in the report.
//!
//! - [`document`]: reading and bundling files; positions for messages.
//! - [`overlay`]: OpenAPI Overlay 1.0.
//! - [`shape`]: a typed view of schemas (`$ref`, `allOf`, `oneOf`, `nullable`, recursion).
//! - [`entities`]: which operations make which resource.
//! - [`infer`]: a resource's or data source's attributes, from what [`fields`] gathers, decided by
//!   [`attributes`] with the text of [`describe`], and bound to [`operations`].
//! - [`names`]: snake_case as the leading generator splits words.

mod attributes;
mod convention;
mod describe;
mod document;
mod entities;
mod fields;
mod infer;
mod legal;
mod listing;
mod names;
mod objects;
mod operations;
mod overlay;
mod shape;

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde_json::Value;

use schema::diag::{Diagnostic, FileErrors, Pos};
use schema::model::{Attribute, Auth, Casing, Mode, Provider, Type};

/// What to import.
#[derive(Debug, Clone)]
pub struct Options {
    /// The spec files: one, or several merged in order (a later one's paths and components winning where
    /// two differ).
    pub specs: Vec<PathBuf>,
    /// Overlays applied in order before the import.
    pub overlays: Vec<PathBuf>,
    /// The provider name.
    pub name: String,
}

/// An imported provider.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The model.
    pub provider: Provider,
    /// Problems that did not stop the import (recursion cut, overlay actions that select nothing).
    pub warnings: Vec<String>,
    /// Decisions the spec left open and how they were taken.
    pub report: Vec<String>,
}

/// Imports a spec. Every error of every file is reported at once; nothing is returned on error.
pub fn import(options: &Options) -> Result<Imported, Vec<FileErrors>> {
    // The provider's name is the one name the user gives: a name the format refuses stops the import.
    let named = Provider { name: options.name.clone(), ..Provider::default() };
    let refused: Vec<Diagnostic> = schema::validate::validate(&named)
        .into_iter()
        .map(|issue| Diagnostic::new(Pos::START, format!("--name: {}", issue.message)).hint(issue.hint))
        .collect();
    let first = options.specs.first().cloned().unwrap_or_default();
    if !refused.is_empty() {
        return Err(vec![FileErrors::new(&first, refused)]);
    }
    let (mut document, mut warnings) = document::Document::load_all(&options.specs)?;
    let mut errors = Vec::new();
    for overlay in &options.overlays {
        match overlay::apply(overlay, &mut document.root) {
            Ok(found) => warnings.extend(found),
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let version = document.root.get("openapi").and_then(Value::as_str).unwrap_or_default().to_owned();
    if !(version.starts_with("3.0") || version.starts_with("3.1")) {
        let problem = ("/openapi".to_owned(), format!("`openapi: {version}` is not 3.0 or 3.1"));
        return Err(document.errors(&[problem], "import an OpenAPI 3.0 or 3.1 document (convert Swagger 2.0 first)"));
    }
    let root = &document.root;
    let mut report = Vec::new();
    // Operations no resource or data source uses are dropped before anything is read (most of a large
    // API's paths): the rest is found again in what remains, the same as before.
    let used: std::collections::HashSet<String> = {
        let (_, entities) = find_entities(&entities::operations(root), &mut report);
        entities.values().flat_map(|entity| entity.roles.iter().map(|role| role.operation.pointer.clone())).collect()
    };
    entities::keep_only(&mut document.root, &used);
    let root = &document.root;
    let operations = entities::operations(root);
    let (by_convention, entities) = find_entities(&operations, &mut Vec::new());
    let mut reader = shape::Reader::new(root);
    let mut inference = infer::Inference {
        reader: &mut reader,
        report: Vec::new(),
        objects: objects::Objects::default(),
        by_convention,
        bound: Default::default(),
        marked: Default::default(),
    };
    let mut provider = Provider { name: options.name.clone(), api_naming: Casing::Snake, ..Provider::default() };
    provider.docs.requires_replacement_note = None;
    provider.description = root.pointer("/info/description").and_then(Value::as_str).unwrap_or_default().to_owned();
    for (entity_name, entity) in &entities {
        let type_name = format!("{}_{}", options.name, names::legal(&names::snake(entity_name)));
        if let Some(resource) = inference.resource(entity_name, entity) {
            provider.resources.insert(type_name.clone(), resource);
        }
        if let Some(mut source) = inference.data_source(entity_name, entity) {
            source.description = format!("{} DataSource", infer::entity_title(entity_name));
            provider.data_sources.insert(type_name, source);
        }
    }
    report.append(&mut inference.report);
    std::mem::take(&mut inference.objects).finish(&mut provider);
    configure(&mut provider, root, &mut report);
    provider.api_naming = casing(&provider);
    legal::legalize(&mut provider, &mut report);
    let problems = std::mem::take(&mut reader.problems);
    warnings.extend(reader.warnings.iter().map(|(at, message)| format!("{message} (at {at})")));
    if !problems.is_empty() {
        return Err(document.errors(&problems, "fix the reference, or remove the schema that holds it"));
    }
    if by_convention {
        report.insert(0, "no x-speakeasy-entity-operation annotations: resources found by REST convention".to_owned());
    }
    drop(reader);
    // Freeing a large document's many small allocations takes as long as reading it: another core does.
    std::thread::spawn(move || drop(document));
    Ok(Imported { provider, warnings, report })
}

/// The entities of a document: those its annotations name, else those found by convention (then true,
/// with what that leaves open in `report`); each resource listed by its collection's GET where there is one.
fn find_entities<'d>(
    operations: &[entities::ApiOperation<'d>],
    report: &mut Vec<String>,
) -> (bool, IndexMap<String, entities::Entity<'d>>) {
    let mut annotated = entities::annotated(operations);
    let by_convention = annotated.is_empty();
    if by_convention {
        return (true, convention::entities(operations, report));
    }
    convention::add_lists(operations, &mut annotated);
    (false, annotated)
}

/// The provider block: `server_url` (default: the first server) and the credential the security scheme
/// names.
fn configure(provider: &mut Provider, root: &Value, report: &mut Vec<String>) {
    let env = |setting: &str| format!("{}_{}", provider.name.to_uppercase(), setting.to_uppercase());
    let mut server = Attribute::new(Type::String, Mode::Optional, "server_url");
    server.description = "Server URL (defaults to the API's first server)".to_owned();
    server.env = Some(env("server_url"));
    provider.default_server_url = root.pointer("/servers/0/url").and_then(Value::as_str).map(str::to_owned);
    let schemes = root.pointer("/components/securitySchemes").and_then(Value::as_object);
    let mut auth = None;
    for (name, scheme) in schemes.into_iter().flatten() {
        let kind = scheme.get("type").and_then(Value::as_str).unwrap_or_default();
        let found = match (kind, scheme.get("scheme").and_then(Value::as_str), scheme.get("in").and_then(Value::as_str))
        {
            ("http", Some(word), _) if word.eq_ignore_ascii_case("bearer") => {
                Some(Auth::Bearer { attribute: "token".to_owned() })
            }
            ("apiKey", _, Some("header")) => scheme
                .get("name")
                .and_then(Value::as_str)
                .map(|header| Auth::ApiKey { header: header.to_owned(), attribute: "token".to_owned() }),
            _ => None,
        };
        match (found, &auth) {
            (Some(found), None) => auth = Some(found),
            (Some(_), Some(_)) => {
                report.push(format!("security scheme `{name}`: only the first usable scheme is configured"))
            }
            (None, _) => report.push(format!(
                "security scheme `{name}` ({kind}) is not supported; requests carry no credential for it"
            )),
        }
    }
    let mut config = IndexMap::new();
    config.insert("server_url".to_owned(), server);
    if let Some(auth) = &auth {
        let mut token = Attribute::new(Type::String, Mode::Optional, "token");
        token.sensitive = true;
        token.description = "The credential the API's security scheme asks for".to_owned();
        token.env = Some(env("token"));
        config.insert(auth.attribute().to_owned(), token);
    }
    provider.config.attributes = config;
    provider.auth = auth;
}

/// The naming that needs the fewest explicit `api_name`s.
fn casing(provider: &Provider) -> Casing {
    let mut counts = [(Casing::Snake, 0usize), (Casing::Camel, 0)];
    let mut count = |object: &schema::model::Object| {
        for (name, attribute) in &object.attributes {
            for (casing, total) in counts.iter_mut() {
                *total += usize::from(casing.apply(name) == attribute.api_name);
            }
        }
    };
    for resource in provider.resources.values().chain(provider.data_sources.values()) {
        count(&resource.schema);
    }
    counts.iter().max_by_key(|(_, total)| *total).map_or(Casing::Snake, |(casing, _)| *casing)
}

/// Writes an imported provider's folder: `provider.yaml` (checked by loading it back, so what is
/// written is what `generate` accepts), and returns it as loaded. Nothing is written on error.
pub fn write_folder(imported: &Imported, out: &Path) -> Result<schema::LoadedProvider, Vec<FileErrors>> {
    let file = out.join(schema::PROVIDER_FILE);
    let yaml = schema::format::write::provider_yaml(&imported.provider).map_err(|error| {
        vec![FileErrors::whole_file(&file, error.to_string(), "the importer built a model the format cannot hold")]
    })?;
    let provider = schema::load_yaml_str(&yaml, &file).map_err(|errors| vec![errors])?;
    std::fs::create_dir_all(out)
        .map_err(|error| vec![FileErrors::whole_file(out, error.to_string(), "check the output folder")])?;
    let staged = out.join(format!(".{}.tmp", schema::PROVIDER_FILE));
    std::fs::write(&staged, yaml)
        .and_then(|()| std::fs::rename(&staged, &file))
        .map_err(|error| vec![FileErrors::whole_file(&file, error.to_string(), "check the output folder")])?;
    Ok(schema::LoadedProvider { dir: out.to_owned(), provider })
}
