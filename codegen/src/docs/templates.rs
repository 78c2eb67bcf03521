//! Handlebars templates for pages: the defaults that reproduce tfplugindocs' layouts, the helpers
//! tfplugindocs gives its templates, and loading of a provider author's overrides.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use handlebars::{Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason, ScopedJson};
use serde_json::Value;

use super::DocsError;
use super::pages::GeneratedFiles;

/// The default page layouts, embedded from `templates/default/`.
pub const DEFAULT_TEMPLATES: [(&str, &str); 4] = [
    ("resource", include_str!("../../../templates/default/resource.md.hbs")),
    ("action", include_str!("../../../templates/default/action.md.hbs")),
    ("provider", include_str!("../../../templates/default/provider.md.hbs")),
    ("function", include_str!("../../../templates/default/function.md.hbs")),
];

/// A template registry whose file helpers read paths relative to `base_dir` (the provider folder), or
/// from `generated` where no such file exists.
pub fn registry(base_dir: &Path, generated: &GeneratedFiles) -> Result<Handlebars<'static>, DocsError> {
    let mut registry = Handlebars::new();
    registry.register_escape_fn(handlebars::no_escape);
    let files = Arc::new(Files { base_dir: base_dir.to_owned(), generated: generated.clone() });
    registry.register_helper("codefile", Box::new(CodeFile { files: files.clone(), language: None }));
    registry.register_helper("tffile", Box::new(CodeFile { files, language: Some("terraform") }));
    registry.register_helper("plainmarkdown", Box::new(helpers::plainmarkdown));
    registry.register_helper("prefixlines", Box::new(helpers::prefixlines));
    registry.register_helper("trimspace", Box::new(helpers::trimspace));
    registry.register_helper("lower", Box::new(helpers::lower));
    registry.register_helper("upper", Box::new(helpers::upper));
    registry.register_helper("title", Box::new(helpers::title));
    registry.register_helper("split", Box::new(helpers::split));
    for (name, text) in DEFAULT_TEMPLATES {
        registry
            .register_template_string(name, text)
            .map_err(|error| DocsError::new(format!("the default template {name} does not parse: {error}")))?;
    }
    Ok(registry)
}

/// Adds a template read from a file, naming the file in errors.
pub fn register_file(registry: &mut Handlebars<'static>, name: &str, file: &Path) -> Result<(), DocsError> {
    let text = std::fs::read_to_string(file)
        .map_err(|error| DocsError::new(format!("cannot read template {}: {error}", file.display())))?;
    registry
        .register_template_string(name, text)
        .map_err(|error| DocsError::new(format!("template {} does not parse: {error}", file.display())))
}

/// Renders a registered template with page data.
pub fn render(registry: &Handlebars<'static>, name: &str, data: &impl serde::Serialize) -> Result<String, DocsError> {
    registry.render(name, data).map_err(|error| DocsError::new(format!("rendering {name}: {error}")))
}

/// The string helpers, as Handlebars helper types.
mod helpers {
    use handlebars::handlebars_helper;
    use serde_json::Value;

    use super::{prefix_lines, title_case};
    use crate::docs::plain::plain_markdown;

    handlebars_helper!(plainmarkdown: |text: str| plain_markdown(text));
    handlebars_helper!(trimspace: |text: str| text.trim().to_owned());
    handlebars_helper!(lower: |text: str| text.to_lowercase());
    handlebars_helper!(upper: |text: str| text.to_uppercase());
    handlebars_helper!(split: |text: str, separator: str| {
        text.split(separator).map(|part| Value::String(part.to_owned())).collect::<Vec<_>>()
    });
    handlebars_helper!(prefixlines: |prefix: str, text: str| prefix_lines(prefix, text));
    handlebars_helper!(title: |text: str| title_case(text));
}

/// Puts `prefix` before every line, empty ones included.
pub fn prefix_lines(prefix: &str, text: &str) -> String {
    text.split('\n').map(|line| format!("{prefix}{line}")).collect::<Vec<_>>().join("\n")
}

/// Upper-cases the first letter of every word and lower-cases the rest; `-` and spaces split words.
pub fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at_word_start = true;
    for c in text.chars() {
        if c.is_alphanumeric() || c == '\'' {
            if at_word_start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            at_word_start = false;
        } else {
            out.push(c);
            at_word_start = true;
        }
    }
    out
}

/// `codefile LANGUAGE PATH` and `tffile PATH`: the file, trimmed, in a fenced code block.
struct CodeFile {
    files: Arc<Files>,
    language: Option<&'static str>,
}

/// The files the helpers read: below the provider folder, else generated.
struct Files {
    base_dir: PathBuf,
    generated: GeneratedFiles,
}

impl HelperDef for CodeFile {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        helper: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let param = |index: usize| {
            helper
                .param(index)
                .and_then(|param| param.value().as_str())
                .map(str::to_owned)
                .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex("codefile", index))
        };
        let (language, path) = match self.language {
            Some(language) => (language.to_owned(), param(0)?),
            None => (param(0)?, param(1)?),
        };
        Ok(ScopedJson::Derived(Value::String(
            code_block(&self.files.base_dir, &self.files.generated, &language, &path)
                .map_err(|error| RenderErrorReason::Other(error.to_string()))?,
        )))
    }
}

/// A file's trimmed contents fenced as `language` (a generated file's where none is on disk); an empty file
/// is an error, as in tfplugindocs.
pub fn code_block(
    base_dir: &Path,
    generated: &GeneratedFiles,
    language: &str,
    path: &str,
) -> Result<String, DocsError> {
    let full = base_dir.join(path);
    let contents = match (std::fs::read_to_string(&full), generated.get(Path::new(path))) {
        (Ok(contents), _) => contents,
        (Err(_), Some(contents)) => contents.clone(),
        (Err(error), None) => return Err(DocsError::new(format!("unable to read {}: {error}", full.display()))),
    };
    let trimmed = contents.trim();
    if trimmed.is_empty() {
        return Err(DocsError::new(format!("no file content in {:?}", full.display().to_string())));
    }
    Ok(format!("```{language}\n{trimmed}\n```"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_splits_on_dashes() {
        assert_eq!(title_case("terraform-provider-x"), "Terraform-Provider-X");
        assert_eq!(title_case("hello WORLD"), "Hello World");
    }

    #[test]
    fn prefix_lines_prefixes_empty_lines_too() {
        assert_eq!(prefix_lines("  ", "a\n\nb"), "  a\n  \n  b");
    }
}
