//! The kinds of documentation page and the data each page's template sees (the fields tfplugindocs gives
//! its templates, under the same names).

use std::path::{Path, PathBuf};

use schema::{Function, Provider, Resource};
use serde::Serialize;

use super::DocsError;
use super::functionmd;
use super::schemamd::SchemaMarkdown;

/// A kind of page, in the order tfplugindocs generates them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// A managed resource.
    Resource,
    /// A data source.
    DataSource,
    /// A provider function.
    Function,
    /// An ephemeral resource.
    EphemeralResource,
    /// An action.
    Action,
    /// A list resource.
    ListResource,
    /// A state store.
    StateStore,
}

impl PageKind {
    /// Every kind, in generation order.
    pub const ALL: [PageKind; 7] = [
        PageKind::Resource,
        PageKind::DataSource,
        PageKind::Function,
        PageKind::EphemeralResource,
        PageKind::Action,
        PageKind::ListResource,
        PageKind::StateStore,
    ];

    /// The docs folder of the kind (`resources`).
    pub fn dir(self) -> &'static str {
        match self {
            PageKind::Resource => "resources",
            PageKind::DataSource => "data-sources",
            PageKind::Function => "functions",
            PageKind::EphemeralResource => "ephemeral-resources",
            PageKind::Action => "actions",
            PageKind::ListResource => "list-resources",
            PageKind::StateStore => "state-stores",
        }
    }

    /// The `.Type` shown in titles.
    pub fn type_word(self) -> &'static str {
        match self {
            PageKind::Resource => "Resource",
            PageKind::DataSource => "Data Source",
            PageKind::Function => "function",
            PageKind::EphemeralResource => "Ephemeral Resource",
            PageKind::Action => "Action",
            PageKind::ListResource => "List Resource",
            PageKind::StateStore => "State Store",
        }
    }

    /// The example file name: stem and extension (`resource`, `.tf`).
    pub fn example_name(self) -> (&'static str, &'static str) {
        match self {
            PageKind::Resource => ("resource", ".tf"),
            PageKind::DataSource => ("data-source", ".tf"),
            PageKind::Function => ("function", ".tf"),
            PageKind::EphemeralResource => ("ephemeral-resource", ".tf"),
            PageKind::Action => ("action", ".tf"),
            PageKind::ListResource => ("list-resource", ".tfquery.hcl"),
            PageKind::StateStore => ("state-store", ".tf"),
        }
    }

    /// The default template's name.
    pub fn default_template(self) -> &'static str {
        match self {
            PageKind::Action => "action",
            PageKind::Function => "function",
            _ => "resource",
        }
    }

    /// The resources of this kind in a provider (functions have their own map).
    pub fn resources(self, provider: &Provider) -> Option<&indexmap::IndexMap<String, Resource>> {
        match self {
            PageKind::Resource => Some(&provider.resources),
            PageKind::DataSource => Some(&provider.data_sources),
            PageKind::EphemeralResource => Some(&provider.ephemeral_resources),
            PageKind::Action => Some(&provider.actions),
            PageKind::ListResource => Some(&provider.list_resources),
            PageKind::StateStore => Some(&provider.state_stores),
            PageKind::Function => None,
        }
    }
}

/// The provider's names as pages show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    /// `terraform-provider-konnect`.
    pub provider_name: String,
    /// The name in page titles (defaults to `provider_name`).
    pub rendered_provider_name: String,
    /// The rendered name without `terraform-provider-`, the provider page's title.
    pub provider_short_name: String,
}

impl Names {
    /// Names for a provider called `provider_name`, rendered as `rendered` (or as itself).
    pub fn new(provider_name: &str, rendered: Option<&str>) -> Self {
        let rendered = rendered.unwrap_or(provider_name).to_owned();
        Names {
            provider_name: provider_name.to_owned(),
            provider_short_name: rendered.strip_prefix("terraform-provider-").unwrap_or(&rendered).to_owned(),
            rendered_provider_name: rendered,
        }
    }
}

/// Where example and import files are: `dir` as pages name it, resolved against `base_dir` (the
/// provider folder, which the file helpers also resolve against), and the files generated where the
/// author wrote none.
#[derive(Debug, Clone, Copy)]
pub struct Examples<'a> {
    /// The provider folder.
    pub base_dir: &'a Path,
    /// The examples folder as templates see it (`examples`, or an absolute path).
    pub dir: &'a Path,
    /// Generated files, by their path as pages name it.
    pub generated: &'a GeneratedFiles,
}

/// Files that stand in for example files an author did not write, by path relative to the provider folder.
pub type GeneratedFiles = std::collections::BTreeMap<PathBuf, String>;

impl Examples<'_> {
    /// Whether the file `path` (as pages name it) is on disk or generated.
    fn exists(&self, path: &Path) -> bool {
        self.base_dir.join(path).is_file() || self.generated.contains_key(path)
    }
}

/// Text for a double-quoted front matter value: quotes and backslashes escaped, line breaks and other
/// control characters as spaces, so no subcategory can end the value or the front matter early.
fn front_matter_text(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
}

/// What a page template sees.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PageData {
    name: String,
    #[serde(rename = "Type")]
    kind: String,
    description: String,
    subcategory: String,
    has_example: bool,
    example_file: String,
    has_examples: bool,
    example_files: Vec<String>,
    has_import: bool,
    import_file: String,
    #[serde(rename = "HasImportIDConfig")]
    has_import_id_config: bool,
    #[serde(rename = "ImportIDConfigFile")]
    import_id_config_file: String,
    has_import_identity_config: bool,
    import_identity_config_file: String,
    identity_schema_markdown: String,
    provider_name: String,
    provider_short_name: String,
    rendered_provider_name: String,
    schema_markdown: String,
    summary: String,
    function_signature_markdown: String,
    function_arguments_markdown: String,
    has_variadic: bool,
    function_variadic_argument_markdown: String,
}

impl PageData {
    fn with_names(names: &Names) -> Self {
        PageData {
            provider_name: names.provider_name.clone(),
            provider_short_name: names.provider_short_name.clone(),
            rendered_provider_name: names.rendered_provider_name.clone(),
            ..PageData::default()
        }
    }

    fn with_examples(mut self, examples: &Examples<'_>, dir: &Path, stem: &str, extension: &str) -> Self {
        let files = example_files(examples, dir, stem, extension);
        let exact = dir.join(format!("{stem}{extension}"));
        self.has_example = examples.exists(&exact);
        self.example_file = exact.display().to_string();
        self.has_examples = !files.is_empty();
        self.example_files = files.iter().map(|file| file.display().to_string()).collect();
        self
    }

    /// Data for the page of a resource-like item named `name` (its full type name).
    pub fn resource(
        provider: &Provider,
        kind: PageKind,
        name: &str,
        resource: &Resource,
        names: &Names,
        examples: &Examples<'_>,
    ) -> Result<Self, DocsError> {
        let renderer = SchemaMarkdown::new(provider);
        let comment = if kind == PageKind::Action { "action schema" } else { "schema" };
        let mut data = PageData::with_names(names);
        data.name = name.to_owned();
        data.kind = kind.type_word().to_owned();
        data.description = resource.documented_description(name);
        data.subcategory = front_matter_text(resource.subcategory.as_deref().unwrap_or_default());
        data.schema_markdown =
            format!("<!-- {comment} generated by tfplugindocs -->\n{}", renderer.render(&resource.terraform_schema())?);
        let (stem, extension) = kind.example_name();
        let dir = examples.dir.join(kind.dir()).join(name);
        data = data.with_examples(examples, &dir, stem, extension);
        if let Some(identity) = &resource.identity {
            data.identity_schema_markdown =
                format!("<!-- schema generated by tfplugindocs -->\n{}", renderer.render_identity(identity)?);
        }
        if kind == PageKind::Resource {
            let import = dir.join("import.sh");
            let by_id = dir.join("import-by-string-id.tf");
            let by_identity = dir.join("import-by-identity.tf");
            data.has_import = examples.exists(&import);
            data.has_import_id_config = examples.exists(&by_id);
            data.has_import_identity_config = examples.exists(&by_identity);
            if data.has_import_identity_config && resource.identity.is_none() {
                return Err(DocsError::new(format!(
                    "unable to render: an identity import example (\"{}\") was provided for a resource (\"{name}\") that does not support resource identity",
                    by_identity.display()
                )));
            }
            data.import_file = import.display().to_string();
            data.import_id_config_file = by_id.display().to_string();
            data.import_identity_config_file = by_identity.display().to_string();
        }
        Ok(data)
    }

    /// Data for the provider's index page.
    pub fn provider(provider: &Provider, names: &Names, examples: &Examples<'_>) -> Result<Self, DocsError> {
        let mut data = PageData::with_names(names);
        data.description = provider.description.clone();
        data.schema_markdown = format!(
            "<!-- schema generated by tfplugindocs -->\n{}",
            SchemaMarkdown::new(provider).render(&provider.config)?
        );
        Ok(data.with_examples(examples, &examples.dir.join("provider"), "provider", ".tf"))
    }

    /// Data for a function's page.
    pub fn function(
        name: &str,
        function: &Function,
        names: &Names,
        examples: &Examples<'_>,
    ) -> Result<Self, DocsError> {
        let mut data = PageData::with_names(names);
        data.name = name.to_owned();
        data.kind = PageKind::Function.type_word().to_owned();
        data.description = function.description.clone();
        data.summary = function.summary.clone();
        data.function_signature_markdown =
            format!("<!-- signature generated by tfplugindocs -->\n{}", functionmd::signature(name, function));
        data.function_arguments_markdown =
            format!("<!-- arguments generated by tfplugindocs -->\n{}", functionmd::arguments(function)?);
        if let Some(variadic) = functionmd::variadic_argument(function)? {
            data.has_variadic = true;
            data.function_variadic_argument_markdown =
                format!("<!-- variadic argument generated by tfplugindocs -->\n{variadic}");
        }
        let (stem, extension) = PageKind::Function.example_name();
        Ok(data.with_examples(examples, &examples.dir.join("functions").join(name), stem, extension))
    }
}

/// Files `<dir>/<stem>*<extension>` (`dir` relative to the provider folder), on disk or generated,
/// sorted bytewise by path like Go's `filepath.Glob`.
fn example_files(examples: &Examples<'_>, dir: &Path, stem: &str, extension: &str) -> Vec<PathBuf> {
    let matches =
        |name: &str| name.len() >= stem.len() + extension.len() && name.starts_with(stem) && name.ends_with(extension);
    let on_disk = std::fs::read_dir(examples.base_dir.join(dir))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|entry| matches(&entry.file_name().to_string_lossy()))
        .map(|entry| dir.join(entry.file_name()));
    let generated = examples
        .generated
        .keys()
        .filter(|path| {
            path.parent() == Some(dir) && path.file_name().is_some_and(|name| matches(&name.to_string_lossy()))
        })
        .cloned();
    let mut files: Vec<PathBuf> = on_disk.chain(generated).collect();
    files.sort_by(|a, b| a.as_os_str().as_encoded_bytes().cmp(b.as_os_str().as_encoded_bytes()));
    files.dedup();
    files
}
