//! Terraform Registry documentation, byte-identical to what tfplugindocs v0.25 writes.
//!
//! [`schemamd`] writes the schema section, [`functionmd`] a function's signature and arguments,
//! [`plain`] the plain-text frontmatter description; page layouts are Handlebars templates
//! ([`templates`]) fed with [`pages::PageData`]. [`provider_docs`] renders a YAML provider's pages;
//! [`tfplugindocs`] is the drop-in for `tfplugindocs generate`.

pub mod cli;
pub mod client_pages;
pub mod functionmd;
pub mod gotemplate;
pub mod lint;
pub mod pages;
pub mod plain;
pub mod pulumi;
pub mod schemamd;
pub mod templates;
pub mod tfplugindocs;
pub mod validate;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use schema::LoadedProvider;

use pages::{Names, PageData, PageKind};

/// Why documentation could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocsError {
    message: String,
}

impl DocsError {
    /// An error with a message.
    pub fn new(message: impl Into<String>) -> Self {
        DocsError { message: message.into() }
    }
}

impl fmt::Display for DocsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DocsError {}

/// Runs `codegen docs` with its parsed flags: relative paths are resolved against `cwd`, the log goes to
/// `log` and warnings to `warnings`.
pub fn run(args: cli::DocsArgs, cwd: &Path, log: &mut dyn Write, warnings: &mut dyn Write) -> Result<(), DocsError> {
    use tfplugindocs::{Options, generate};
    match args.command {
        Some(cli::DocsCommand::Validate(args)) => validate::run(args, cwd, log),
        Some(cli::DocsCommand::Generate(flags)) => generate(&Options::from_args(flags, cwd), log, warnings),
        None => generate(&Options::from_args(args.generate, cwd), log, warnings),
    }
}

/// The pages of a provider loaded from YAML, as (path below `docs_dir/<provider>`, contents).
///
/// Template overrides are looked up in `templates_dir/<provider>/`: `<kind dir>/<name>.md.hbs` for one page,
/// `<kind dir>.md.hbs` for every page of a kind, `index.md.hbs` for the index page. Examples are read from
/// the provider folder's `examples/`, laid out as tfplugindocs expects; where a resource or data source has
/// none, the one worked out from the schema (`generated`, from [`generated_examples`]) is shown, and a
/// resource's import examples come from its import ID template.
pub fn provider_docs(
    loaded: &LoadedProvider,
    templates_dir: &Path,
    generated: &pages::GeneratedFiles,
) -> Result<Vec<(PathBuf, String)>, DocsError> {
    let provider = &loaded.provider;
    let names = Names::new(&format!("terraform-provider-{}", provider.name), None);
    let overrides = templates_dir.join(&provider.name);
    let examples = pages::Examples { base_dir: &loaded.dir, dir: Path::new("examples"), generated };
    let mut registry = templates::registry(&loaded.dir, generated)?;
    let mut pages = Vec::new();

    let index = PageData::provider(provider, &names, &examples)?;
    let template = choose_template(&mut registry, &[overrides.join("index.md.hbs")], "provider")?;
    pages.push((PathBuf::from("index.md"), templates::render(&registry, &template, &index)?));

    let lists = schema::listing::list_resources(provider);
    let kinds = [PageKind::Resource, PageKind::DataSource, PageKind::EphemeralResource, PageKind::ListResource];
    for kind in kinds {
        // A YAML provider's list resources are derived from its resources' list operations.
        let resources = if kind == PageKind::ListResource { Some(&lists) } else { kind.resources(provider) };
        let Some(resources) = resources else { continue };
        for (name, resource) in resources {
            let short = provider.short_name(name);
            let data = PageData::resource(provider, kind, name, resource, &names, &examples)?;
            let candidates = [
                overrides.join(kind.dir()).join(format!("{short}.md.hbs")),
                overrides.join(format!("{}.md.hbs", kind.dir())),
            ];
            let template = choose_template(&mut registry, &candidates, kind.default_template())?;
            let page = templates::render(&registry, &template, &data)?;
            pages.push((Path::new(kind.dir()).join(format!("{short}.md")), page));
        }
    }
    // The import ID functions the provider offers, as tfplugindocs lays out function pages.
    for (name, id_function) in &schema::functions::id_functions(provider) {
        let data = PageData::function(name, &id_function.function, &names, &examples)?;
        let candidates = [overrides.join("functions").join(format!("{name}.md.hbs"))];
        let template = choose_template(&mut registry, &candidates, "function")?;
        pages
            .push((Path::new("functions").join(format!("{name}.md")), templates::render(&registry, &template, &data)?));
    }
    for (name, resource) in &provider.resources {
        let page = client_pages::resource_page(provider, name, resource)?;
        pages.push((Path::new("sdk").join(format!("{}.md", provider.short_name(name))), page));
    }
    Ok(pages)
}

/// Example files for the resources and data sources whose folder below `examples/` holds none of that
/// kind: `resource.tf` (with the resources it references), `import.sh` and `import-by-string-id.tf` (from
/// the import ID template), `data-source.tf`, `ephemeral-resource.tf`, `list-resource.tfquery.hcl`. A resource no
/// configuration can set is left without.
pub fn generated_examples(loaded: &LoadedProvider) -> pages::GeneratedFiles {
    use crate::examples::{Examples, NAME, hcl};
    let provider = &loaded.provider;
    let examples = Examples::new(provider);
    let mut files = pages::GeneratedFiles::new();
    let has = |dir: &Path, wanted: &dyn Fn(&str) -> bool| holds(&loaded.dir.join(dir), wanted);
    for type_name in provider.resources.keys() {
        let dir = Path::new("examples").join(PageKind::Resource.dir()).join(type_name);
        if !has(&dir, &|name| name.starts_with("resource") && name.ends_with(".tf")) {
            if let Ok(file) = examples.resource_file(type_name) {
                files.insert(dir.join("resource.tf"), file);
            }
        }
        let is_import = |name: &str| name == "import.sh" || name == "import-by-string-id.tf";
        if let (false, Some(id)) = (has(&dir, &is_import), examples.import_id(type_name)) {
            let address = format!("{type_name}.{NAME}");
            files.insert(dir.join("import.sh"), format!("terraform import {address} {}\n", hcl::quoted(&id)));
            let block = format!("import {{\n  to = {address}\n  id = {}\n}}\n", hcl::quoted(&id));
            files.insert(dir.join("import-by-string-id.tf"), block);
        }
    }
    // Each import ID function in an output: the builder given the parts of the example's ID, the parser
    // given that ID.
    for (name, id_function) in &schema::functions::id_functions(provider) {
        let dir = Path::new("examples").join("functions").join(name);
        let Some(id) = examples.import_id(&id_function.resource) else { continue };
        if has(&dir, &|file| file.ends_with(".tf")) {
            continue;
        }
        let arguments = match id_function.kind {
            schema::functions::IdFunctionKind::Build => {
                let parts = schema::template::match_text(&id_function.template, &id, None).unwrap_or_default();
                let part = |name: &String| hcl::quoted(parts.get(name).map_or("", String::as_str));
                id_function.parts.iter().map(part).collect::<Vec<_>>().join(", ")
            }
            schema::functions::IdFunctionKind::Parse => hcl::quoted(&id),
        };
        let call = format!("provider::{}::{name}({arguments})", provider.name);
        files.insert(dir.join("function.tf"), format!("output \"{name}\" {{\n  value = {call}\n}}\n"));
    }
    for type_name in provider.data_sources.keys() {
        if let Ok(block) = examples.data_source(type_name) {
            add_example(&mut files, &loaded.dir, PageKind::DataSource, type_name, block);
        }
    }
    for type_name in provider.ephemeral_resources.keys() {
        if let Ok(block) = examples.ephemeral_resource(type_name) {
            add_example(&mut files, &loaded.dir, PageKind::EphemeralResource, type_name, block);
        }
    }
    for type_name in schema::listing::list_resources(provider).keys() {
        if let Ok(block) = examples.list_resource(type_name) {
            add_example(&mut files, &loaded.dir, PageKind::ListResource, type_name, block);
        }
    }
    files
}

/// Whether the folder `dir` holds a file whose name is `wanted`.
fn holds(dir: &Path, wanted: &dyn Fn(&str) -> bool) -> bool {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .any(|entry| wanted(&entry.file_name().to_string_lossy()))
}

/// Adds `block` as the example file of `type_name`'s page of `kind` (`data-source.tf`), unless the
/// provider folder `base` holds one.
fn add_example(
    files: &mut pages::GeneratedFiles,
    base: &Path,
    kind: PageKind,
    type_name: &str,
    block: crate::examples::hcl::Block,
) {
    let (stem, extension) = kind.example_name();
    let dir = Path::new("examples").join(kind.dir()).join(type_name);
    if !holds(&base.join(&dir), &|name| name.starts_with(stem) && name.ends_with(extension)) {
        files.insert(dir.join(format!("{stem}{extension}")), crate::examples::hcl::file(&[block]));
    }
}

/// The Pulumi Registry pages of a provider loaded from YAML, as (path below `docs_dir/<provider>`,
/// contents): `pulumi/<resource>.md` and `pulumi/index.md`, their examples converted from the same example
/// files the Registry pages show (the provider folder's, else `generated`, from [`generated_examples`]).
pub fn pulumi_docs(
    loaded: &LoadedProvider,
    generated: &pages::GeneratedFiles,
) -> Result<Vec<(PathBuf, String)>, DocsError> {
    let pages = pulumi::provider_pages(loaded, generated)?;
    Ok(pages.into_iter().map(|(path, page)| (Path::new("pulumi").join(path), page)).collect())
}

/// Registers the first candidate file that exists and returns its name, or the default template's name.
fn choose_template(
    registry: &mut handlebars::Handlebars<'static>,
    candidates: &[PathBuf],
    default: &str,
) -> Result<String, DocsError> {
    for candidate in candidates {
        if candidate.is_file() {
            let name = candidate.display().to_string();
            if !registry.has_template(&name) {
                templates::register_file(registry, &name, candidate)?;
            }
            return Ok(name);
        }
    }
    Ok(default.to_owned())
}
