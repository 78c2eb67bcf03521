//! `codegen docs`: a drop-in for `tfplugindocs generate` that reads the provider schema from
//! `terraform providers schema -json` output, with the same flags, inputs, outputs and log.
//!
//! The website source folder is read into a tree of templates and static files; missing templates are
//! added to that tree (tfplugindocs writes them to a temporary copy); then the tree is walked in Go's
//! `WalkDir` order, copying static files and rendering templates into the website folder.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use schema::{Provider, Resource};

use super::DocsError;
use super::cli::{self, GenerateArgs};
use super::gotemplate::{self, go_quote};
use super::pages::{Examples, GeneratedFiles, Names, PageData, PageKind};
use super::templates;

/// The flags of `tfplugindocs generate`, with its defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The provider's folder; every other folder is relative to it.
    pub provider_dir: PathBuf,
    /// `terraform-provider-<name>`; default: the provider folder's name.
    pub provider_name: Option<String>,
    /// The name in page titles; default: the provider name.
    pub rendered_provider_name: Option<String>,
    /// The output of `terraform providers schema -json`.
    pub providers_schema: Option<PathBuf>,
    /// Output folder, relative to the provider folder.
    pub rendered_website_dir: PathBuf,
    /// Examples folder, relative to the provider folder.
    pub examples_dir: PathBuf,
    /// Templates and static files, relative to the provider folder.
    pub website_source_dir: PathBuf,
    /// A folder to use (emptied first) for the copy of the templates; default: a temporary one.
    pub website_temp_dir: Option<PathBuf>,
    /// Generate no template for deprecated items.
    pub ignore_deprecated: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            provider_dir: PathBuf::from("."),
            provider_name: None,
            rendered_provider_name: None,
            providers_schema: None,
            rendered_website_dir: PathBuf::from("docs"),
            examples_dir: PathBuf::from("examples"),
            website_source_dir: PathBuf::from("templates"),
            website_temp_dir: None,
            ignore_deprecated: false,
        }
    }
}

/// Root-level generic templates, which are copied per item and never rendered themselves.
const GENERIC_TEMPLATES: [&str; 7] = [
    "resources.md.tmpl",
    "data-sources.md.tmpl",
    "functions.md.tmpl",
    "ephemeral-resources.md.tmpl",
    "actions.md.tmpl",
    "list-resources.md.tmpl",
    "state-stores.md.tmpl",
];

const STATIC_EXTENSIONS: [&str; 4] = [".md", ".markdown", ".html.markdown", ".html.md"];

/// One file of the website source tree.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    /// A file of the provider author's (a Go template when it ends in `.tmpl`).
    File(PathBuf),
    /// The default template of a kind of page.
    Default(DefaultPage),
}

/// Which default layout a generated template uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DefaultPage {
    Item(PageKind),
    Provider,
}

/// The website source tree, ordered the way Go's `WalkDir` visits it.
type Tree = BTreeMap<Vec<String>, Entry>;

impl Options {
    /// The options `generate`'s flags give, with relative paths resolved against `cwd` as a shell would.
    pub fn from_args(args: GenerateArgs, cwd: &Path) -> Options {
        Options {
            provider_dir: cwd.join(args.provider.provider_dir.unwrap_or_default()),
            provider_name: args.provider.provider_name,
            rendered_provider_name: args.rendered_provider_name,
            providers_schema: args.provider.providers_schema.map(|file| cwd.join(file)),
            rendered_website_dir: args.rendered_website_dir,
            examples_dir: args.examples_dir,
            website_source_dir: args.website_source_dir,
            website_temp_dir: args.website_temp_dir,
            ignore_deprecated: args.ignore_deprecated.unwrap_or(false),
        }
    }
}

/// Runs the drop-in: renders `options.provider_dir`'s docs and writes the log lines to `log`, warnings to
/// `warnings`.
pub fn generate(options: &Options, log: &mut dyn Write, warnings: &mut dyn Write) -> Result<(), DocsError> {
    let provider_dir = std::path::absolute(&options.provider_dir)
        .map_err(|error| DocsError::new(format!("unable to resolve the provider folder: {error}")))?;
    let provider_name = match &options.provider_name {
        Some(name) => name.clone(),
        None => provider_dir.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default(),
    };
    let short_name = provider_name.strip_prefix("terraform-provider-").unwrap_or(&provider_name).to_owned();
    let names = Names::new(&provider_name, options.rendered_provider_name.as_deref());
    let mut say =
        |line: String| writeln!(log, "{line}").map_err(|error| DocsError::new(format!("writing the log: {error}")));

    say(format!(
        "rendering website for provider {} (as {})",
        go_quote(&provider_name),
        go_quote(&names.rendered_provider_name)
    ))?;
    if let Some(temp) = &options.website_temp_dir {
        if temp.exists() {
            say(format!("cleaning tmp dir {}", go_quote(&temp.display().to_string())))?;
            std::fs::remove_dir_all(temp).map_err(|error| io_error(temp, error))?;
        } else {
            say(format!("creating tmp dir {}", go_quote(&temp.display().to_string())))?;
        }
        std::fs::create_dir_all(temp).map_err(|error| io_error(temp, error))?;
    }
    let source_dir = provider_dir.join(&options.website_source_dir);
    let mut tree = Tree::new();
    if source_dir.is_dir() {
        say("copying any existing content to tmp dir".to_owned())?;
        read_tree(&source_dir, &mut Vec::new(), &mut tree)?;
        if let Some(temp) = &options.website_temp_dir {
            copy_tree(&tree, &temp.join("templates"))?;
        }
    }
    let Some(schema_file) = &options.providers_schema else {
        return Err(DocsError::new(
            "building the provider needs Go and Terraform; pass --providers-schema with the output of `terraform providers schema -json`",
        ));
    };
    say("exporting schema from JSON file".to_owned())?;
    say("getting provider schema".to_owned())?;
    let provider =
        schema::tfjson::load(schema_file, &short_name).map_err(|errors| DocsError::new(errors.to_string()))?;

    say("generating missing templates".to_owned())?;
    for kind in PageKind::ALL {
        say(format!("generating missing {} content", log_noun(kind)))?;
        for name in item_names(&provider, kind) {
            let deprecated = is_deprecated(&provider, kind, &name);
            let line = add_item_template(&mut tree, &provider, kind, &name, options.ignore_deprecated && deprecated);
            if let Some(line) = line {
                say(line)?;
            }
        }
    }
    say("generating missing provider content".to_owned())?;
    say(add_provider_template(&mut tree, &provider_name))?;

    // Everything is rendered in memory first, so a failing template leaves the website folder untouched.
    say("rendering static website".to_owned())?;
    let website_dir = provider_dir.join(&options.rendered_website_dir);
    say("cleaning rendered website dir".to_owned())?;
    let stale = managed_entries(&website_dir);
    for path in &stale {
        let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let what = if path.is_dir() { "directory" } else { "file" };
        say(format!("removing {what}: {}", go_quote(&name)))?;
    }
    say("rendering templated website to static markdown".to_owned())?;
    let examples_dir = provider_dir.join(&options.examples_dir);
    let generated = GeneratedFiles::new();
    let examples = Examples { base_dir: &provider_dir, dir: &examples_dir, generated: &generated };
    let registry = templates::registry(&provider_dir, &generated)?;
    let renderer = Renderer { provider: &provider, names: &names, examples, short_name: &short_name, registry };
    let mut copies = Vec::new();
    let mut pages = Vec::new();
    for (components, entry) in &tree {
        let rel = components.join("/");
        if components.len() == 1 && GENERIC_TEMPLATES.contains(&rel.as_str()) {
            continue;
        }
        let Some(target) = rel.strip_suffix(".tmpl") else {
            say(format!("copying non-template file: {}", go_quote(&rel)))?;
            if let Entry::File(source) = entry {
                copies.push((source.clone(), website_dir.join(&rel)));
            }
            continue;
        };
        say(format!("rendering {}", go_quote(&rel)))?;
        pages.push((website_dir.join(target), renderer.render(components, entry, warnings)?));
    }
    for path in stale {
        let removed = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
        removed.map_err(|error| io_error(&path, error))?;
    }
    for (source, destination) in copies {
        copy_exclusive(&source, &destination)?;
    }
    for (destination, page) in pages {
        if let Some(parent) = destination.parent() {
            std::fs::create_dir_all(parent).map_err(|error| io_error(parent, error))?;
        }
        std::fs::write(&destination, page).map_err(|error| io_error(&destination, error))?;
    }
    Ok(())
}

/// What every template of a run needs to render.
struct Renderer<'r> {
    provider: &'r Provider,
    names: &'r Names,
    examples: Examples<'r>,
    short_name: &'r str,
    registry: handlebars::Handlebars<'static>,
}

impl Renderer<'_> {
    /// Renders the template at `components` with the data its folder selects.
    fn render(&self, components: &[String], entry: &Entry, warnings: &mut dyn Write) -> Result<String, DocsError> {
        let rel_dir = components[..components.len() - 1].join("/");
        let file_name = components.last().map(String::as_str).unwrap_or_default();
        let base = file_name.split('.').next().unwrap_or_default();
        let data = if let Some(kind) = PageKind::ALL.iter().copied().find(|kind| kind.dir() == rel_dir) {
            if kind == PageKind::Function {
                self.provider
                    .functions
                    .get(base)
                    .map(|function| PageData::function(base, function, self.names, &self.examples))
                    .transpose()?
            } else {
                self.item_data(kind, base, warnings)?
            }
        } else if rel_dir.is_empty() && file_name == "index.md.tmpl" {
            Some(PageData::provider(self.provider, self.names, &self.examples)?)
        } else {
            None
        };
        match entry {
            Entry::Default(page) => {
                let name = match page {
                    DefaultPage::Provider => "provider",
                    DefaultPage::Item(kind) => kind.default_template(),
                };
                templates::render(&self.registry, name, &data)
            }
            Entry::File(path) => {
                let text = std::fs::read_to_string(path).map_err(|error| io_error(path, error))?;
                let data = serde_json::to_value(&data).map_err(|error| DocsError::new(error.to_string()))?;
                gotemplate::render(&text, &data, self.examples.base_dir).map_err(|error| {
                    DocsError::new(format!("unable to render template {:?}: {error}", components.join("/")))
                })
            }
        }
    }

    /// The data of a resource-like page: the schema `<provider>_<base>`, else one named like the provider.
    fn item_data(&self, kind: PageKind, base: &str, warnings: &mut dyn Write) -> Result<Option<PageData>, DocsError> {
        let resources = kind.resources(self.provider).map(|map| map.iter());
        let full = format!("{}_{base}", self.short_name);
        let found: Option<(&String, &Resource)> = resources
            .clone()
            .and_then(|mut items| items.find(|(name, _)| **name == full))
            .or_else(|| resources.and_then(|mut items| items.find(|(name, _)| name.as_str() == self.short_name)));
        match found {
            Some((name, resource)) => {
                Ok(Some(PageData::resource(self.provider, kind, name, resource, self.names, &self.examples)?))
            }
            None => {
                writeln!(
                    warnings,
                    "{} entitled {}, or {} does not exist",
                    kind.type_word().to_lowercase(),
                    go_quote(self.short_name),
                    go_quote(&full)
                )
                .ok();
                Ok(None)
            }
        }
    }
}

/// The names of a kind's items, sorted bytewise.
fn item_names(provider: &Provider, kind: PageKind) -> Vec<String> {
    let mut names: Vec<String> = match kind.resources(provider) {
        Some(resources) => resources.keys().cloned().collect(),
        None => provider.functions.keys().cloned().collect(),
    };
    names.sort();
    names
}

fn is_deprecated(provider: &Provider, kind: PageKind, name: &str) -> bool {
    match kind.resources(provider) {
        Some(resources) => resources.get(name).is_some_and(|resource| resource.deprecation.is_some()),
        None => provider.functions.get(name).is_some_and(|function| function.deprecation.is_some()),
    }
}

/// Adds the template of one item if it has none (rules a to d of tfplugindocs); returns the log line.
fn add_item_template(
    tree: &mut Tree,
    provider: &Provider,
    kind: PageKind,
    name: &str,
    skip_new: bool,
) -> Option<String> {
    let short = if kind == PageKind::Function { name } else { provider.short_name(name) };
    let dir = kind.dir().to_owned();
    let noun = item_noun(kind);
    let key = vec![dir.clone(), format!("{short}.md.tmpl")];
    if tree.contains_key(&key) {
        return Some(format!("{noun} {} template exists, skipping", go_quote(name)));
    }
    let generic = vec![format!("{dir}.md.tmpl")];
    if let Some(entry) = tree.get(&generic).cloned() {
        if skip_new {
            return None;
        }
        tree.insert(key, entry);
        return Some(format!("{noun} {} fallback template exists, creating template", go_quote(name)));
    }
    let mut statics: Vec<Vec<String>> =
        STATIC_EXTENSIONS.iter().map(|extension| vec![dir.clone(), format!("{short}{extension}")]).collect();
    let legacy = match kind {
        PageKind::Resource => Some("r"),
        PageKind::DataSource => Some("d"),
        _ => None,
    };
    if let Some(legacy) = legacy {
        statics
            .extend(STATIC_EXTENSIONS.iter().map(|extension| vec![legacy.to_owned(), format!("{short}{extension}")]));
    }
    if statics.iter().any(|candidate| tree.contains_key(candidate)) {
        return Some(format!("{noun} {} static file exists, skipping", go_quote(name)));
    }
    if skip_new {
        return None;
    }
    tree.insert(key, Entry::Default(DefaultPage::Item(kind)));
    Some(match kind {
        PageKind::DataSource => format!("generating new template for data-source {}", go_quote(name)),
        PageKind::Function => format!("generating new template for function {}", go_quote(name)),
        _ => format!("generating new template for {}", go_quote(name)),
    })
}

/// Adds the provider page's template if it has none; returns the log line.
fn add_provider_template(tree: &mut Tree, provider_name: &str) -> String {
    if tree.contains_key(&vec!["index.md.tmpl".to_owned()]) {
        return format!("provider {} template exists, skipping", go_quote(provider_name));
    }
    if STATIC_EXTENSIONS.iter().any(|extension| tree.contains_key(&vec![format!("index{extension}")])) {
        return format!("provider {} static file exists, skipping", go_quote(provider_name));
    }
    tree.insert(vec!["index.md.tmpl".to_owned()], Entry::Default(DefaultPage::Provider));
    format!("generating new template for {}", go_quote(provider_name))
}

/// The noun of per-item log lines.
fn item_noun(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Resource => "resource",
        PageKind::DataSource => "data-source",
        PageKind::Function => "function",
        PageKind::EphemeralResource => "ephemeral resource",
        PageKind::Action => "action",
        PageKind::ListResource => "list resource",
        PageKind::StateStore => "state store",
    }
}

/// The noun of "generating missing ... content" lines.
fn log_noun(kind: PageKind) -> &'static str {
    match kind {
        PageKind::DataSource => "data source",
        other => item_noun(other),
    }
}

/// Reads the files below `dir` into `tree`.
fn read_tree(dir: &Path, prefix: &mut Vec<String>, tree: &mut Tree) -> Result<(), DocsError> {
    let entries = std::fs::read_dir(dir).map_err(|error| io_error(dir, error))?;
    for entry in entries {
        let entry = entry.map_err(|error| io_error(dir, error))?;
        prefix.push(entry.file_name().to_string_lossy().into_owned());
        if entry.path().is_dir() {
            read_tree(&entry.path(), prefix, tree)?;
        } else {
            tree.insert(prefix.clone(), Entry::File(entry.path()));
        }
        prefix.pop();
    }
    Ok(())
}

/// Copies the author's files of the tree below `dir`.
fn copy_tree(tree: &Tree, dir: &Path) -> Result<(), DocsError> {
    for (components, entry) in tree {
        if let Entry::File(source) = entry {
            let destination = components.iter().fold(dir.to_owned(), |path, part| path.join(part));
            if let Some(parent) = destination.parent() {
                std::fs::create_dir_all(parent).map_err(|error| io_error(parent, error))?;
            }
            std::fs::copy(source, &destination).map_err(|error| io_error(&destination, error))?;
        }
    }
    Ok(())
}

/// The managed folders and `index.md` of the website folder, which a run replaces, sorted by name.
fn managed_entries(website_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(website_dir) else { return Vec::new() };
    let mut stale: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
            if path.is_dir() { cli::MANAGED_DIRS.contains(&name.as_str()) } else { name == "index.md" }
        })
        .collect();
    stale.sort();
    stale
}

/// Copies a static file unless the destination exists already.
fn copy_exclusive(source: &Path, destination: &Path) -> Result<(), DocsError> {
    if destination.exists() {
        return Ok(());
    }
    if let Some(parent) = destination.parent() {
        std::fs::create_dir_all(parent).map_err(|error| io_error(parent, error))?;
    }
    std::fs::copy(source, destination).map(drop).map_err(|error| io_error(destination, error))
}

fn io_error(path: &Path, error: std::io::Error) -> DocsError {
    DocsError::new(format!("{}: {error}", path.display()))
}
