//! Every generated page is sound markdown: it parses, its in-page links have anchors, no heading is empty.
//! The seed pages come out byte for byte.

use std::path::{Path, PathBuf};

use codegen::docs::lint::check_page;

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|extension| extension == "md") {
            out.push(path);
        }
    }
}

#[test]
fn every_generated_page_is_sound() {
    let root = tests::workspace_root();
    let mut pages = Vec::new();
    markdown_files(&root.join("docs"), &mut pages);
    for case in [
        "gen-all-framework-types",
        "gen-nested-id-attribute",
        "gen-no-templates-single-example",
        "gen-no-templates-multiple-examples",
    ] {
        markdown_files(&root.join("../shared/conformance/tfplugindocs").join(case).join("expected/docs"), &mut pages);
    }
    assert!(pages.len() > 20, "{pages:?}");
    for page in pages {
        let problems = check_page(&std::fs::read_to_string(&page).unwrap());
        assert!(problems.is_empty(), "{}: {problems:#?}", page.display());
    }
}

#[test]
fn the_seed_pages_come_out_byte_for_byte() {
    let root = tests::workspace_root();
    let seeds = root.join("../shared/seeds");
    let config = codegen::Config::new(&root);
    let output = config.render().unwrap();
    let page = |path: &str| {
        let wanted = root.join(path);
        output
            .files()
            .find(|(file, _)| *file == wanted)
            .map(|(_, bytes)| bytes.to_vec())
            .unwrap_or_else(|| panic!("{path} not generated"))
    };
    assert_eq!(
        String::from_utf8(page("docs/konnect/resources/integration_instance_auth_credential.md")).unwrap(),
        std::fs::read_to_string(seeds.join("000_aa82ac83849216ed.txt")).unwrap()
    );
    assert_eq!(
        String::from_utf8(page("docs/infra/resources/access_key.md")).unwrap(),
        std::fs::read_to_string(seeds.join("003_918e28be1140e198.txt")).unwrap()
    );
}

/// A provider whose folder has no examples gets them from the schema: the product page of the storefront
/// fixture shows the store it references, the product, and its import from the `{store_id}/{id}` template;
/// the data source page reads a store.
#[test]
fn pages_without_written_examples_show_generated_ones() {
    let fixture = tests::workspace_root().join("tests/fixtures/good/shop");
    let loaded = schema::load_provider(&fixture).unwrap();
    let examples = codegen::docs::generated_examples(&loaded);
    let pages = codegen::docs::provider_docs(&loaded, &tests::workspace_root().join("templates"), &examples).unwrap();
    let page =
        |path: &str| pages.iter().find(|(file, _)| file == Path::new(path)).map(|(_, page)| page.clone()).unwrap();
    let product = page("resources/product.md");
    let usage = &product[product.find("## Example Usage").unwrap()..product.find("## Schema").unwrap()];
    insta::assert_snapshot!("shop_product_example_usage", usage);
    let import = &product[product.find("## Import").unwrap()..];
    insta::assert_snapshot!("shop_product_import", import);
    // Its import ID functions have pages as tfplugindocs writes them, with a generated example each.
    insta::assert_snapshot!("shop_product_id_function", page("functions/product_id.md"));
    insta::assert_snapshot!("shop_parse_product_id_function", page("functions/parse_product_id.md"));
    let data_source = page("data-sources/store.md");
    let usage = &data_source[data_source.find("## Example Usage").unwrap()..data_source.find("## Schema").unwrap()];
    insta::assert_snapshot!("shop_store_data_source_example_usage", usage);
    for (path, page) in &pages {
        let problems = check_page(page);
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
    }
}

/// A resource kept for users who have not moved yet says it is deprecated, in the Registry's warning
/// callout; the resource its objects move to says how, in a note; both reach Terraform's schema too.
#[test]
fn deprecated_and_moved_resources_say_so_on_their_pages() {
    let yaml = r#"
name: depot
description: Stores things.
resources:
  crate:
    description: A crate of the depot.
    deprecation: Use depot_box instead; existing crates move with a `moved` block.
    attributes:
      id: {type: string, read_only: true, description: The crate's ID.}
      label: {type: string, required: true, description: What the crate holds.}
    operations:
      create: {method: POST, path: /crates}
      read: {method: GET, path: "/crates/{id}"}
      update: {method: PATCH, path: "/crates/{id}"}
      delete: {method: DELETE, path: "/crates/{id}"}
  box:
    description: A box of the depot.
    moved_from: [depot_crate]
    attributes:
      id: {type: string, read_only: true, description: The box's ID.}
      label: {type: string, required: true, description: What the box holds.}
    operations:
      create: {method: POST, path: /crates}
      read: {method: GET, path: "/crates/{id}"}
      update: {method: PATCH, path: "/crates/{id}"}
      delete: {method: DELETE, path: "/crates/{id}"}
"#;
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("provider.yaml"), yaml).unwrap();
    let loaded = schema::load_provider(folder.path()).unwrap();
    let examples = codegen::docs::generated_examples(&loaded);
    let pages = codegen::docs::provider_docs(&loaded, &tests::workspace_root().join("templates"), &examples).unwrap();
    let page = |path: &str| {
        let page = pages.iter().find(|(file, _)| file == Path::new(path)).map(|(_, page)| page.clone()).unwrap();
        assert!(check_page(&page).is_empty(), "{path}: {:?}", check_page(&page));
        page[..page.find("## Example Usage").unwrap()].to_owned()
    };
    insta::assert_snapshot!("deprecated_resource_head", page("resources/crate.md"));
    insta::assert_snapshot!("moved_resource_head", page("resources/box.md"));
}
