//! `codegen docs validate`: the checks of `tfplugindocs validate` over a provider's published docs, for
//! the registry layout (`docs/`) and the legacy one (`website/docs/`): one layout only, known folders,
//! file extensions and sizes, frontmatter keys, and one page per schema item and no page without one.

use std::io::Write;
use std::path::{Path, PathBuf};

use schema::Provider;
use schema::yaml::{NodeValue, Scalar};

use super::DocsError;
use super::cli::ValidateArgs;
use super::pages::PageKind;

/// The Registry's limit on one page.
const MAX_FILE_BYTES: u64 = 500_000;
/// Kind folders of the registry layout.
const REGISTRY_DIRS: [&str; 8] = super::cli::MANAGED_DIRS;
/// Kind folders of the legacy layout.
const LEGACY_DIRS: [&str; 8] =
    ["d", "guides", "r", "functions", "ephemeral-resources", "actions", "list-resources", "state-stores"];
const CDKTF_LANGUAGES: [&str; 5] = ["csharp", "go", "java", "python", "typescript"];

/// Runs `validate` with its flags, relative paths resolved against `cwd`; log lines go to `log`.
pub fn run(args: ValidateArgs, cwd: &Path, log: &mut dyn Write) -> Result<(), DocsError> {
    let args = args.provider;
    let provider_dir = cwd.join(args.provider_dir.unwrap_or_default());
    let provider_name = match args.provider_name {
        Some(name) => name,
        None => std::path::absolute(&provider_dir)
            .ok()
            .and_then(|dir| dir.file_name().map(|name| name.to_string_lossy().into_owned()))
            .unwrap_or_default(),
    };
    let short_name = provider_name.strip_prefix("terraform-provider-").unwrap_or(&provider_name);
    let Some(schema_file) = args.providers_schema else {
        return Err(DocsError::new(
            "building the provider needs Go and Terraform; pass --providers-schema with the output of `terraform providers schema -json`",
        ));
    };
    writeln!(log, "exporting schema from JSON file\ngetting provider schema")
        .map_err(|error| DocsError::new(error.to_string()))?;
    let provider = schema::tfjson::load(&cwd.join(schema_file), short_name)
        .map_err(|errors| DocsError::new(errors.to_string()))?;
    validate(&provider_dir, &provider, log)
}

/// Validates the docs below `provider_dir` against `provider`; log lines go to `log`.
pub fn validate(provider_dir: &Path, provider: &Provider, log: &mut dyn Write) -> Result<(), DocsError> {
    let mut say =
        |line: &str| writeln!(log, "{line}").map_err(|error| DocsError::new(format!("writing the log: {error}")));
    let mut errors = Vec::new();
    let files = documentation_files(provider_dir);
    say("running mixed directories check")?;
    let dirs: Vec<String> = files.iter().map(|file| parent(file)).collect();
    let registry = dirs.iter().any(|dir| dir != "docs" && is_registry_dir(dir));
    let legacy = dirs.iter().any(|dir| is_legacy_dir(dir));
    if registry && legacy {
        errors.push(
            "mixed Terraform Provider documentation directory layouts found, must use only legacy or registry layout"
                .to_owned(),
        );
    }
    for (root, legacy) in [("docs", false), ("website/docs", true)] {
        if !provider_dir.join(root).is_dir() {
            continue;
        }
        say(if legacy {
            "detected legacy website directory, running checks"
        } else {
            "detected static docs directory, running checks"
        })?;
        let mut entries = Vec::new();
        walk(provider_dir, Path::new(root), &mut entries);
        for (rel, is_dir) in entries {
            if is_dir {
                if is_documentation_dir(&rel) {
                    say(&format!("running invalid directories check on {rel}"))?;
                    if !(is_registry_dir(&rel) || is_legacy_dir(&rel) || is_cdktf_dir(&rel)) {
                        errors.push(format!("invalid Terraform Provider documentation directory found: {rel}"));
                    }
                }
            } else if is_documentation_file(&rel) {
                say(&format!("running file checks on {rel}"))?;
                errors.extend(file_problems(&provider_dir.join(&rel), &rel, legacy));
            }
        }
        say("running file mismatch check")?;
        errors.extend(mismatches(&provider_dir.join(root), provider, legacy));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DocsError::new(format!("validation errors found: \n{}", errors.join("\n"))))
    }
}

/// Paths (relative, with `/`) of the files tfplugindocs considers documentation.
fn documentation_files(provider_dir: &Path) -> Vec<String> {
    let mut entries = Vec::new();
    for root in ["docs", "website/docs"] {
        walk(provider_dir, Path::new(root), &mut entries);
    }
    entries.into_iter().filter(|(rel, is_dir)| !is_dir && is_documentation_file(rel)).map(|(rel, _)| rel).collect()
}

/// Every entry below `rel` (relative to `base`), in Go's `WalkDir` order, as (path, is a folder).
fn walk(base: &Path, rel: &Path, out: &mut Vec<(String, bool)>) {
    let Ok(entries) = std::fs::read_dir(base.join(rel)) else { return };
    let mut names: Vec<PathBuf> = entries.filter_map(Result::ok).map(|entry| rel.join(entry.file_name())).collect();
    names.sort();
    for path in names {
        let is_dir = base.join(&path).is_dir();
        out.push((path.to_string_lossy().replace('\\', "/"), is_dir));
        if is_dir {
            walk(base, &path, out);
        }
    }
}

fn parent(rel: &str) -> String {
    rel.rsplit_once('/').map_or(String::new(), |(dir, _)| dir.to_owned())
}

/// `docs/index.md`, files below a kind folder of `docs/` or `docs/cdktf/`, and anything below `website/docs/`.
fn is_documentation_file(rel: &str) -> bool {
    if rel == "docs/index.md" || rel.starts_with("website/docs/") {
        return true;
    }
    let rest = rel.strip_prefix("docs/").map(|rest| rest.strip_prefix("cdktf/").unwrap_or(rest));
    rest.is_some_and(|rest| REGISTRY_DIRS.iter().any(|dir| rest.starts_with(&format!("{dir}/"))))
}

/// Kind folders of `docs/` (or `docs/cdktf/`) and their direct subfolders, and anything below `website/docs/`.
fn is_documentation_dir(rel: &str) -> bool {
    if rel.starts_with("website/docs/") {
        return true;
    }
    let Some(rest) = rel.strip_prefix("docs/") else { return false };
    let rest = rest.strip_prefix("cdktf/").unwrap_or(rest);
    REGISTRY_DIRS.iter().any(|dir| {
        rest == *dir || rest.strip_prefix(dir).is_some_and(|sub| sub.starts_with('/') && !sub[1..].contains('/'))
    })
}

fn is_registry_dir(dir: &str) -> bool {
    dir == "docs" || dir.strip_prefix("docs/").is_some_and(|rest| REGISTRY_DIRS.contains(&rest))
}

fn is_legacy_dir(dir: &str) -> bool {
    dir == "website/docs" || dir.strip_prefix("website/docs/").is_some_and(|rest| LEGACY_DIRS.contains(&rest))
}

fn is_cdktf_dir(dir: &str) -> bool {
    ["docs/cdktf", "website/docs/cdktf"].iter().any(|root| {
        let Some(rest) = dir.strip_prefix(root) else { return false };
        let mut parts = rest.split('/').skip(1);
        match (parts.next(), parts.next(), parts.next()) {
            (None, ..) => rest.is_empty(),
            (Some(language), None, _) => CDKTF_LANGUAGES.contains(&language),
            (Some(language), Some(kind), None) => {
                CDKTF_LANGUAGES.contains(&language) && (REGISTRY_DIRS.contains(&kind) || LEGACY_DIRS.contains(&kind))
            }
            _ => false,
        }
    })
}

/// Extension, size and frontmatter problems of one page.
fn file_problems(path: &Path, rel: &str, legacy: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let extensions: &[&str] = if legacy { &[".html.markdown", ".html.md", ".markdown", ".md"] } else { &[".md"] };
    if !extensions.iter().any(|extension| name.ends_with(extension)) {
        problems.push(format!("{rel}: invalid file extension, expected one of {}", extensions.join(", ")));
    }
    let size = std::fs::metadata(path).map(|metadata| metadata.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        problems.push(format!("{rel}: exceeded maximum ({MAX_FILE_BYTES}) length of documentation file: {size}"));
    }
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let Some(frontmatter) =
        text.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---").map(|(front, _)| front))
    else {
        return problems;
    };
    let keys: Vec<String> = match schema::yaml::parse(frontmatter) {
        Ok(node) => match node.value {
            NodeValue::Map(entries) => entries.into_iter().map(|(key, _)| key.text).collect(),
            NodeValue::Scalar(Scalar::Null) => Vec::new(),
            _ => {
                problems.push(format!("{rel}: error parsing YAML frontmatter: not a mapping"));
                return problems;
            }
        },
        Err(error) => {
            problems.push(format!("{rel}: error parsing YAML frontmatter: {}", error.message));
            return problems;
        }
    };
    let has = |key: &str| keys.iter().any(|present| present == key);
    let index = name.starts_with("index.");
    let guide = rel.contains("/guides/");
    if has("sidebar_current") {
        problems.push(format!("{rel}: YAML frontmatter should not contain sidebar_current"));
    }
    if index && has("subcategory") {
        problems.push(format!("{rel}: YAML frontmatter should not contain subcategory"));
    }
    if legacy {
        for required in ["description", "layout", "page_title"] {
            if !has(required) {
                problems.push(format!("{rel}: YAML frontmatter missing required {required}"));
            }
        }
    } else {
        if has("layout") {
            problems.push(format!("{rel}: YAML frontmatter should not contain layout"));
        }
        if guide && !has("page_title") {
            problems.push(format!("{rel}: YAML frontmatter missing required page_title"));
        }
    }
    problems
}

/// Pages without a schema item and schema items without a page, for every kind folder that exists.
fn mismatches(root: &Path, provider: &Provider, legacy: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for kind in PageKind::ALL {
        let dir = match (legacy, kind) {
            (true, PageKind::Resource) => "r",
            (true, PageKind::DataSource) => "d",
            _ => kind.dir(),
        };
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut files: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_file())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let noun = match kind {
            PageKind::DataSource => "datasource",
            other => other.type_word(),
        }
        .to_lowercase();
        let items: Vec<String> = match kind.resources(provider) {
            Some(resources) => resources.keys().cloned().collect(),
            None => provider.functions.keys().cloned().collect(),
        };
        let item_of = |file: &str| {
            let stem = file.split('.').next().unwrap_or(file);
            if kind == PageKind::Function { stem.to_owned() } else { format!("{}_{stem}", provider.name) }
        };
        for file in &files {
            if !items.contains(&item_of(file)) {
                problems.push(format!(
                    "matching {noun} for documentation file ({file}) not found, file is extraneous or incorrectly named"
                ));
            }
        }
        for item in &items {
            if !files.iter().any(|file| item_of(file) == *item) {
                problems.push(format!("missing documentation file for {noun}: {item}"));
            }
        }
    }
    problems
}
