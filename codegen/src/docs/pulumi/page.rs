//! The layout of a Pulumi Registry resource page: description, Example Usage, Create (constructor
//! syntax, parameters, constructor example), Resource Properties (inputs, outputs), Look up Existing,
//! Supporting Types, Import and Package Details, each language in a `pulumi-choosable` block as the
//! Registry's markdown has them.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use schema::LoadedProvider;

use super::package::{Package, Property, ResourceView};
use super::program::{self, Program};
use super::{Language, Parameter, Place, chooser_order, example_order, program_order, property_order};
use crate::docs::DocsError;
use crate::docs::pages::GeneratedFiles;

/// The sentence a required property or parameter carries.
const REQUIRED: &str = "This property is required.";
/// The sentence a property that replaces the resource carries.
const REPLACES: &str = "Changes to this property will trigger replacement.";

/// The Pulumi pages of a provider, as (path below `docs/<provider>/pulumi`, contents): one per resource
/// and the package's index. Examples come from the provider folder's `examples/resources/<type>/`, or
/// from `generated` where it holds none.
pub fn provider_pages(
    loaded: &LoadedProvider,
    generated: &GeneratedFiles,
) -> Result<Vec<(PathBuf, String)>, DocsError> {
    let provider = &loaded.provider;
    let package = Package::new(provider);
    let mut pages = Vec::new();
    let mut index = format!(
        "---\ntitle: {0} Package\nlayout: package\n---\n\n{1}\n\n## Resources\n\n",
        package.name,
        provider.description.trim()
    );
    for (type_name, resource) in &provider.resources {
        let view = ResourceView::new(&package, type_name, resource);
        let short = provider.short_name(type_name);
        let examples = Path::new("examples/resources").join(type_name);
        let read = |file: &str| {
            let path = examples.join(file);
            std::fs::read_to_string(loaded.dir.join(&path)).ok().or_else(|| generated.get(&path).cloned())
        };
        let example = read("resource.tf").and_then(|source| program::from_hcl(&package, &source).ok());
        // The bridge converts the import section the provider's own docs carry.
        let import = std::fs::read_to_string(loaded.dir.join(examples.join("import.sh"))).ok();
        let page = ResourcePage { package: &package, view: &view };
        pages.push((PathBuf::from(format!("{short}.md")), page.render(example.as_ref(), import.as_deref())));
        writeln!(index, "- [{}]({short}.md)", view.name).ok();
    }
    index.push('\n');
    index.push_str(&installation(&package));
    index.push_str(&package_details(&package));
    pages.push((PathBuf::from("index.md"), index));
    Ok(pages)
}

/// One resource's page.
struct ResourcePage<'a> {
    package: &'a Package<'a>,
    view: &'a ResourceView,
}

impl ResourcePage<'_> {
    fn render(&self, example: Option<&Program>, import: Option<&str>) -> String {
        let (package, view) = (self.package, self.view);
        let mut out = format!("---\ntitle: {}.{}\nlayout: api\n---\n\n", package.name, view.name);
        out.push_str(&description(&view.description));
        out.push_str("\n\n");
        if let Some(example) = example {
            out.push_str("## Example Usage\n\n");
            out.push_str(&chooser());
            for language in program_order() {
                choosable(&mut out, language, &fence(language, &language.program(package, example)));
            }
        }
        self.create(&mut out);
        self.properties(&mut out);
        self.lookup(&mut out);
        self.supporting_types(&mut out);
        if let Some(import) = import {
            out.push_str("## Import\n\n");
            out.push_str(&fence_with("sh", &pulumi_import(package, view, import)));
            out.push_str("\nTo learn more about importing existing cloud resources, see [Importing resources](/docs/using-pulumi/adopting-infrastructure/).\n\n");
        }
        out.push_str(&package_details(package));
        out
    }

    fn create(&self, out: &mut String) {
        let (package, view) = (self.package, self.view);
        let _ = write!(
            out,
            "## Create {} Resource\n\nResources are created with functions called constructors. To learn more about declaring and configuring resources, see [Resources](/docs/concepts/resources/).\n\n### Constructor syntax\n\n",
            view.name
        );
        out.push_str(&chooser());
        for language in program_order() {
            choosable(out, language, &fence(language, &language.constructor(package, view)));
        }
        out.push_str("#### Parameters\n\n");
        for language in program_order() {
            let parameters = language.parameters(view);
            if !parameters.is_empty() {
                choosable(out, language, &self.parameter_list(&parameters));
            }
        }
        out.push_str("### Constructor example\n\nThe following reference example uses placeholder values for all input properties.\n\n");
        let placeholders = program::placeholders(view);
        out.push_str(&chooser());
        for language in example_order() {
            choosable(out, language, &fence(language, &language.declaration(package, &placeholders)));
        }
    }

    fn properties(&self, out: &mut String) {
        let view = self.view;
        let _ = write!(
            out,
            "## {0} Resource Properties\n\nTo learn more about resource properties and how to use them, see [Inputs and Outputs](/docs/intro/concepts/inputs-outputs) in the Architecture and Concepts docs.\n\n### Inputs\n\n",
            view.name
        );
        if view.has_object_inputs() {
            out.push_str("In Python, inputs that are objects can be passed either as argument classes or as dictionary literals.\n\n");
        }
        let _ = write!(out, "The {} resource accepts the following input properties:\n\n", view.name);
        self.property_lists(out, &view.inputs(), Place::Input);
        let _ = write!(
            out,
            "### Outputs\n\nAll input properties are implicitly available as output properties. Additionally, the {} resource produces the following output properties:\n\n",
            view.name
        );
        let outputs = view.outputs();
        self.property_lists(out, &outputs.iter().collect::<Vec<_>>(), Place::Output);
    }

    fn lookup(&self, out: &mut String) {
        let (package, view) = (self.package, self.view);
        let _ = write!(
            out,
            "## Look up Existing {0} Resource\n\nGet an existing {0} resource’s state with the given name, ID, and optional extra properties used to qualify the lookup.\n\n",
            view.name
        );
        out.push_str(&chooser());
        for language in program_order() {
            let signature = language.lookup(package, view);
            if language.id() == "yaml" {
                choosable(out, language, &format!("`{signature}`\n"));
            } else {
                choosable(out, language, &fence(language, &signature));
            }
        }
        for language in program_order() {
            let parameters = language.lookup_parameters();
            if !parameters.is_empty() {
                choosable(out, language, &self.parameter_list(&parameters));
            }
        }
        out.push_str("The following state arguments are supported:\n\n");
        self.property_lists(out, &view.state(), Place::Input);
    }

    fn supporting_types(&self, out: &mut String) {
        let view = self.view;
        if view.types.is_empty() {
            return;
        }
        out.push_str("## Supporting Types\n\n");
        for name in view.types.keys() {
            if self.package.text_indicators {
                let _ = write!(out, "#### {name}\n\n, {name}Args\n\n");
            } else {
                let _ = write!(out, "#### {name}, {name}Args\n\n");
            }
            self.property_lists(out, &view.type_properties(name), Place::Nested);
        }
    }

    /// The properties, once per language.
    fn property_lists(&self, out: &mut String, properties: &[&Property], place: Place) {
        if properties.is_empty() {
            return;
        }
        out.push_str(&chooser());
        for language in property_order() {
            let mut list = String::new();
            for property in properties {
                let mut indicators = Vec::new();
                if property.required && place != Place::Output {
                    indicators.push(REQUIRED);
                }
                if property.replaces {
                    indicators.push(REPLACES);
                }
                let name = language.property_name(&property.name);
                let type_name = language.type_string(self.package, &property.kind, place);
                let description = match &property.deprecation {
                    Some(message) if !message.is_empty() => {
                        format!("{}\n\nDeprecated: {message}", property.description)
                    }
                    Some(_) => format!("{}\n\nDeprecated.", property.description),
                    None => property.description.clone(),
                };
                list.push_str(&self.item(&name, &indicators, &type_name, description.trim()));
            }
            choosable(out, language, &list);
        }
    }

    fn parameter_list(&self, parameters: &[Parameter]) -> String {
        parameters
            .iter()
            .map(|parameter| {
                let indicators: &[&str] = if parameter.required { &[REQUIRED] } else { &[] };
                self.item(&parameter.name, indicators, &parameter.type_name, parameter.description)
            })
            .collect()
    }

    /// One list item: the name, its indicators, the type, and the description below.
    fn item(&self, name: &str, indicators: &[&str], type_name: &str, description: &str) -> String {
        let mut line = format!("- `{name}`");
        for indicator in indicators {
            if self.package.text_indicators {
                let _ = write!(line, " *{indicator}*");
            } else {
                let _ = write!(line, "<span class=\"property-indicator\" title=\"{indicator}\"></span>");
            }
        }
        if !type_name.is_empty() {
            let _ = write!(line, " `{type_name}`");
        }
        line.push('\n');
        if !description.is_empty() {
            line.push('\n');
            for text in description.lines() {
                if text.is_empty() {
                    line.push('\n');
                } else {
                    let _ = writeln!(line, "  {}", escape_line_start(text));
                }
            }
        }
        line.push('\n');
        line
    }
}

/// The resource description, its headings kept as text: the page's own headings give its structure.
fn description(text: &str) -> String {
    text.trim().lines().map(escape_line_start).collect::<Vec<_>>().join("\n")
}

/// A line that would start a heading or quote, or a Terraform Registry note (`->`, `~>`, `!>`), shown
/// as written.
fn escape_line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let note = ["->", "~>", "!>"].iter().any(|marker| trimmed.starts_with(marker));
    if trimmed.starts_with('#') || trimmed.starts_with('>') || note { format!("\\{trimmed}") } else { line.to_owned() }
}

/// The language chooser above a group of tabs.
fn chooser() -> String {
    let ids: Vec<&str> = chooser_order().iter().map(|language| language.id()).collect();
    format!("<pulumi-chooser type=\"language\" options=\"{}\"></pulumi-chooser>\n\n", ids.join(","))
}

/// One language's content.
fn choosable(out: &mut String, language: &dyn Language, content: &str) {
    let _ = write!(
        out,
        "<pulumi-choosable type=\"language\" values=\"{}\">\n\n{content}\n</pulumi-choosable>\n\n",
        language.id()
    );
}

fn fence(language: &dyn Language, code: &str) -> String {
    fence_with(language.id(), code)
}

/// A fenced code block, its fence longer than any backtick run inside.
fn fence_with(info: &str, code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest.max(2) + 1);
    let code = code.trim_end_matches('\n');
    format!("{ticks}{info}\n{code}\n{ticks}\n")
}

/// `terraform import <type>.<name> <id>` lines rewritten as `pulumi import`; other lines kept.
fn pulumi_import(package: &Package<'_>, view: &ResourceView, script: &str) -> String {
    let token = package.token(&view.name);
    let mut out = String::new();
    for line in script.lines() {
        let rewritten = line.strip_prefix("terraform import ").and_then(|rest| {
            let (address, id) = rest.split_once(' ')?;
            let name = address.strip_prefix(&format!("{}.", view.type_name))?;
            Some(format!("$ pulumi import {token} {name} {id}"))
        });
        out.push_str(rewritten.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out
}

/// The package's name in each language's package manager or namespace.
fn installation(package: &Package<'_>) -> String {
    format!(
        "## Installation\n\n| Language | Package |\n|---|---|\n| TypeScript | `{}` |\n| Python | `{}` |\n| Go | `{}` |\n| C# | `{}` |\n| Java | `{}` |\n| Pulumi HCL | `{}/{}` |\n\n",
        package.nodejs, package.python, package.go, package.csharp, package.java, package.namespace, package.name
    )
}

/// Package Details: repository, license and the note naming the Terraform provider.
fn package_details(package: &Package<'_>) -> String {
    let mut out = String::from("## Package Details\n\n- **Repository**\n\n");
    if let Some(url) = &package.repository {
        let path = url.trim_end_matches('/').strip_prefix("https://github.com/").unwrap_or(url);
        let _ = writeln!(out, "  [{} {path}]({url})\n", package.name);
    }
    out.push_str("- **License**\n\n");
    if let Some(license) = &package.license {
        let _ = writeln!(out, "  {license}\n");
    }
    let _ = writeln!(
        out,
        "- **Notes**\n\n  This Pulumi package is based on the [`{}` Terraform Provider]({}).",
        package.terraform_provider,
        package.repository.as_deref().unwrap_or("https://registry.terraform.io/")
    );
    out
}
