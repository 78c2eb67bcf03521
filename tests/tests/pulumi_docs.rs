//! The Pulumi Registry pages against the two seed pages (`../shared/seeds/001_*` konnect, `004_*`
//! fusionauth): the text of each generated page, extracted as a reader sees it, matches the seed's text
//! line for line from the resource description to the end.
//!
//! Text extraction: markdown rendered with pulldown-cmark, text and code in document order, each line
//! trimmed, blank lines dropped; HTML (the language choosers, icon indicators) shows no text. The seeds'
//! site chrome (breadcrumbs, the "published on" line, "Explore with Pulumi AI", the logo line) and the
//! copy buttons' "Copy" lines are not page text.
//!
//! The seeds were taken before the Registry's pages carried Pulumi HCL (out of preview in August 2026), so
//! their text has no HCL tab: the comparison sets the HCL tabs aside, and the `hcl` module below checks
//! them against the Registry's rules for the language.

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text lines of a markdown page.
fn page_text(markdown: &str) -> Vec<String> {
    let mut text = String::new();
    let mut in_metadata = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(part) | Event::Code(part) if !in_metadata => text.push_str(&part),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::Start(Tag::Item) => text.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock | TagEnd::BlockQuote(_),
            ) => text.push('\n'),
            _ => {}
        }
    }
    lines(&text)
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

/// The seed page's text from the resource description on, without the site's chrome.
fn seed_text(file: &str, package: &str) -> Vec<String> {
    let seeds = tests::workspace_root().join("../shared/seeds");
    let path = std::fs::read_dir(&seeds)
        .unwrap_or_else(|error| panic!("{}: {error}", seeds.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with(file)))
        .unwrap_or_else(|| panic!("no seed {file}_*"));
    let all = lines(&std::fs::read_to_string(path).unwrap());
    let start = all.iter().position(|line| line == "Explore with Pulumi AI").expect("the seed's chrome") + 1;
    all[start..]
        .iter()
        .filter(|line| *line != "Copy" && **line != format!("{package} logo") && !line.contains(" published on "))
        .cloned()
        .collect()
}

/// A provider of `tests/fixtures/pulumi/`.
fn fixture(name: &str) -> schema::LoadedProvider {
    schema::load_provider(&tests::workspace_root().join("tests/fixtures/pulumi").join(name)).unwrap()
}

/// A committed Pulumi page's markdown.
fn page_markdown(provider: &str, page: &str) -> String {
    let path: PathBuf = tests::workspace_root().join("docs").join(provider).join("pulumi").join(page);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The text of a committed page without its Pulumi HCL tabs, which the seeds predate.
fn generated_page(provider: &str, page: &str) -> Vec<String> {
    let markdown = page_markdown(provider, page);
    let open = "<pulumi-choosable type=\"language\" values=\"hcl\">";
    let close = "</pulumi-choosable>";
    let mut kept = String::with_capacity(markdown.len());
    let mut rest = markdown.as_str();
    while let Some(start) = rest.find(open) {
        kept.push_str(&rest[..start]);
        let end = rest[start..].find(close).expect("an HCL tab's end") + start + close.len();
        rest = &rest[end..];
    }
    kept.push_str(rest);
    page_text(&kept)
}

/// Compares line by line; returns how many matched, panicking at the first difference with context.
fn compare(name: &str, generated: &[String], seed: &[String]) -> usize {
    for (index, (ours, theirs)) in generated.iter().zip(seed).enumerate() {
        if ours != theirs {
            let from = index.saturating_sub(3);
            panic!(
                "{name}: line {} differs\n  seed:      {theirs}\n  generated: {ours}\ncontext (generated):\n{}",
                index + 1,
                generated[from..(index + 4).min(generated.len())].join("\n")
            );
        }
    }
    generated.len().min(seed.len())
}

#[test]
fn konnect_page_matches_the_seed() {
    let mut generated = generated_page("konnect", "integration_instance_auth_credential.md");
    let seed = seed_text("001_", "konnect");
    // The seed's extract of the MultiKeyAuth supporting type kept only the YAML tab's lines; the other
    // five tabs, which the page has, are checked here and then set aside.
    let heading = "IntegrationInstanceAuthCredentialMultiKeyAuth, IntegrationInstanceAuthCredentialMultiKeyAuthArgs";
    let at = generated.iter().position(|line| line == heading).expect("the MultiKeyAuth type") + 1;
    let other_tabs: Vec<String> = generated.drain(at..at + 10).collect();
    let config = "IntegrationInstanceAuthCredentialMultiKeyAuthConfig";
    let note = "Requires replacement if changed.";
    let expected: Vec<String> = ["Config", "Config", "config", "config", "config"]
        .iter()
        .zip([config.to_owned(), config.to_owned(), config.to_owned(), config.to_owned(), config.to_owned()])
        .flat_map(|(name, ty)| [format!("{name} {ty}"), note.to_owned()])
        .collect();
    assert_eq!(other_tabs, expected);
    let matched = compare("konnect", &generated, &seed);
    println!("konnect: {matched} of {} seed lines matched", seed.len());
    assert_eq!(generated.len(), seed.len(), "konnect: the page has {} lines, the seed {}", generated.len(), seed.len());
}

#[test]
fn fusionauth_page_matches_the_seed() {
    let generated = generated_page("fusionauth", "api_key.md");
    let seed = seed_text("004_", "fusionauth");
    let matched = compare("fusionauth", &generated, &seed);
    println!("fusionauth: {matched} of {} seed lines matched", seed.len());
    assert_eq!(
        generated.len(),
        seed.len(),
        "fusionauth: the page has {} lines, the seed {}",
        generated.len(),
        seed.len()
    );
}

#[test]
fn every_provider_has_pulumi_pages_of_the_same_shape() {
    for dir in tests::sample_provider_dirs() {
        let loaded = schema::load_provider(&dir).unwrap();
        let provider = &loaded.provider;
        for type_name in provider.resources.keys() {
            let page = Path::new(&provider.name).join("pulumi").join(format!("{}.md", provider.short_name(type_name)));
            let text = generated_page(&provider.name, &format!("{}.md", provider.short_name(type_name)));
            for section in [
                "Create",
                "Constructor syntax",
                "Parameters",
                "Constructor example",
                "Inputs",
                "Outputs",
                "The following state arguments are supported:",
                "Package Details",
            ] {
                assert!(
                    text.iter().any(|line| line == section || line.starts_with(&format!("{section} "))),
                    "{}: no `{section}`",
                    page.display()
                );
            }
        }
    }
}

/// The example converter over one program with nested objects, lists of objects, maps, numbers,
/// booleans, references between resources and comments, printed in every language.
mod converter {
    use codegen::docs::pulumi::package::Package;
    use codegen::docs::pulumi::program::{Value, from_hcl};
    use codegen::docs::pulumi::program_order;

    const EXAMPLE: &str = r#"
# A raised bed
resource "garden_bed" "main_bed" {
  name   = "north"
  area   = 12.5
  plants = 40
  tags = {
    sun          = "full"
    "water-need" = "high"
  }
  soil = {
    ph      = 6.5
    organic = true
  }
  rows = [
    { crop = "kale", spacing = 30 },
    {
      # leeks need room
      crop    = "leek"
      spacing = -15
    },
  ]
}

resource "garden_sensor" "probe" {
  // placed in the first bed
  bed_id = garden_bed.main_bed.id
  zone   = garden_bed.main_bed.name
  labels = ["soil", "moisture"]
}

resource "other_thing" "ignored" {
  name = "another provider's resource is left out"
}
"#;

    #[test]
    fn values_are_typed_through_the_schema() {
        let loaded = super::fixture("garden");
        let package = Package::new(&loaded.provider);
        let program = from_hcl(&package, EXAMPLE).unwrap();
        let names: Vec<&str> = program.declarations.iter().map(|declaration| declaration.variable.as_str()).collect();
        assert_eq!(names, ["mainBed", "probe"]);
        let bed = &program.declarations[0];
        assert_eq!(bed.comments, ["A raised bed"]);
        let fields: Vec<&str> = bed.fields.iter().map(|field| field.name.as_str()).collect();
        assert_eq!(fields, ["area", "name", "plants", "rows", "soil", "tags"]);
        let Value::List(rows) = &bed.fields[3].value else { panic!("rows: {:?}", bed.fields[3].value) };
        assert!(
            matches!(&rows[1], Value::Object(name, fields) if name == "BedRow" && fields[0].comments == ["leeks need room"])
        );
        let sensor = &program.declarations[1];
        let bed = |property: Option<&str>| Value::Reference {
            resource: "Bed".to_owned(),
            variable: "mainBed".to_owned(),
            property: property.map(str::to_owned),
        };
        assert_eq!(sensor.fields[0].value, bed(None));
        assert_eq!(sensor.fields[2].value, bed(Some("name")));
        assert_eq!(sensor.comments, Vec::<String>::new());
        assert_eq!(sensor.fields[0].comments, ["placed in the first bed"]);
    }

    #[test]
    fn programs_in_every_language() {
        let loaded = super::fixture("garden");
        let package = Package::new(&loaded.provider);
        let program = from_hcl(&package, EXAMPLE).unwrap();
        for language in program_order() {
            insta::assert_snapshot!(format!("garden_{}", language.id()), language.program(&package, &program));
        }
    }

    #[test]
    fn a_reference_to_something_left_out_fails_the_conversion() {
        let loaded = super::fixture("garden");
        let package = Package::new(&loaded.provider);
        let error =
            from_hcl(&package, "resource \"garden_sensor\" \"s\" {\n  bed_id = other_thing.x.id\n}\n").unwrap_err();
        assert!(error.0.contains("other_thing"), "{error:?}");
        let error = from_hcl(&package, "resource \"garden_sensor\" \"s\" {\n  colour = \"red\"\n}\n").unwrap_err();
        assert!(error.0.contains("colour"), "{error:?}");
    }
}

/// The Pulumi HCL tabs, against what the Registry's page generator writes for the language: resource
/// types as `<package>_<type name in snake_case>`, snake_case properties, HCL's type names, the
/// constructor and lookup forms, and programs laid out as `terraform fmt` lays them out.
mod hcl {
    use codegen::docs::pulumi::hcl::Hcl;
    use codegen::docs::pulumi::package::{Package, ResourceView};
    use codegen::docs::pulumi::{Language, Place, program};

    use super::page_markdown;

    /// The HCL code blocks of a page, each with the heading it is under.
    fn hcl_blocks(markdown: &str) -> Vec<(String, String)> {
        let mut blocks = Vec::new();
        let mut heading = String::new();
        let mut lines = markdown.lines();
        while let Some(line) = lines.next() {
            if line.starts_with('#') {
                heading = line.trim_start_matches('#').trim().to_owned();
            } else if line == "```hcl" {
                let code: Vec<&str> = lines.by_ref().take_while(|line| *line != "```").collect();
                blocks.push((heading.clone(), code.join("\n") + "\n"));
            }
        }
        blocks
    }

    /// The Registry's constructor examples of the random provider's `RandomInteger` and `RandomPassword`.
    #[test]
    fn constructor_examples_are_the_registrys() {
        let loaded = super::fixture("random");
        let package = Package::new(&loaded.provider);
        let example = |type_name: &str| {
            let view = ResourceView::new(&package, type_name, &loaded.provider.resources[type_name]);
            Hcl.declaration(&package, &program::placeholders(&view))
        };
        assert_eq!(
            example("random_integer"),
            r#"resource "random_random_integer" "randomIntegerResource" {
  lifecycle {
    create_before_destroy = true
  }
  max = 0
  min = 0
  keepers = {
    "string" = "string"
  }
  seed = "string"
}
"#
        );
        assert_eq!(
            example("random_password"),
            r#"resource "random_random_password" "randomPasswordResource" {
  lifecycle {
    create_before_destroy = true
  }
  length = 0
  keepers = {
    "string" = "string"
  }
  lower            = false
  min_lower        = 0
  min_numeric      = 0
  min_special      = 0
  min_upper        = 0
  numeric          = false
  override_special = "string"
  special          = false
  upper            = false
}
"#
        );
    }

    #[test]
    fn constructor_lookup_and_property_names_are_the_registrys() {
        let loaded = super::fixture("random");
        let package = Package::new(&loaded.provider);
        let view = ResourceView::new(&package, "random_integer", &loaded.provider.resources["random_integer"]);
        assert_eq!(
            Hcl.constructor(&package, &view),
            "resource \"random_random_integer\" \"name\" {\n    # resource properties\n}\n"
        );
        assert_eq!(
            Hcl.lookup(&package, &view),
            "import {\n  to = random_random_integer.example\n  id = \"${id}\"\n}\n"
        );
        assert!(Hcl.parameters(&view).is_empty() && Hcl.lookup_parameters().is_empty());
        let listed: Vec<(String, String)> = view
            .inputs()
            .iter()
            .map(|property| {
                (Hcl.property_name(&property.name), Hcl.type_string(&package, &property.kind, Place::Input))
            })
            .collect();
        let expected = [("max", "number"), ("min", "number"), ("keepers", "map(string)"), ("seed", "string")];
        assert_eq!(listed, expected.map(|(name, kind)| (name.to_owned(), kind.to_owned())));
    }

    /// Every committed Pulumi page has an HCL tab wherever the other languages have one: the example,
    /// the constructor, its example, the lookup and each property list.
    #[test]
    fn every_page_has_hcl_tabs() {
        for dir in tests::sample_provider_dirs() {
            let loaded = schema::load_provider(&dir).unwrap();
            let provider = &loaded.provider;
            for type_name in provider.resources.keys() {
                let page = format!("{}.md", provider.short_name(type_name));
                let markdown = page_markdown(&provider.name, &page);
                let tabs = markdown.matches("values=\"hcl\"").count();
                let typescript = markdown.matches("values=\"typescript\"").count();
                // TypeScript also has the constructor's and the lookup's parameter lists, which HCL has not.
                assert_eq!(tabs, typescript - 2, "{page}: {tabs} HCL tabs, {typescript} TypeScript tabs");
                let headings: Vec<String> = hcl_blocks(&markdown).into_iter().map(|(heading, _)| heading).collect();
                for heading in ["Constructor syntax", "Constructor example"] {
                    assert!(headings.iter().any(|found| found == heading), "{page}: no HCL under {heading}");
                }
                assert!(headings.iter().any(|found| found.starts_with("Look up Existing")), "{page}: no HCL lookup");
            }
        }
    }

    /// The programs (Example Usage, Constructor example) of every committed page are what `terraform fmt`
    /// leaves as they are: valid HCL, laid out as HCL's formatter lays it out.
    #[test]
    fn programs_are_as_terraform_fmt_writes_them() {
        let Some(terraform) = tests::terraform::terraform_or_skip() else { return };
        let work = tempfile::tempdir().unwrap();
        let mut written = 0;
        for provider in std::fs::read_dir(tests::workspace_root().join("docs")).unwrap().filter_map(Result::ok) {
            let Ok(pages) = std::fs::read_dir(provider.path().join("pulumi")) else { continue };
            for page in pages.filter_map(Result::ok) {
                let markdown = std::fs::read_to_string(page.path()).unwrap();
                for (heading, code) in hcl_blocks(&markdown) {
                    if heading == "Example Usage" || heading == "Constructor example" {
                        written += 1;
                        std::fs::write(work.path().join(format!("program{written}.tf")), code).unwrap();
                    }
                }
            }
        }
        assert!(written >= 4, "only {written} HCL programs");
        let output = std::process::Command::new(terraform)
            .args(["fmt", "-check", "-diff"])
            .current_dir(work.path())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "terraform fmt would change these programs:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
