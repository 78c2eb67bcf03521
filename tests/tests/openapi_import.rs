//! The OpenAPI importer measured on three public providers the leading generator made from their specs
//! (`../shared/corpora/`): each spec (with its overlay) is imported, the provider's docs are rendered with
//! the corpus's own example files, and every generated page is compared with the corpus page: its schema
//! section (from `## Schema` to the end) and the whole page. The figures are printed; the counts asserted
//! are the floor reached so far, so a change that loses pages fails. `CORPUS_PAGES_OUT=DIR` keeps our pages
//! in `DIR/<corpus>/` to diff.

use std::path::{Path, PathBuf};

use tests::vendor_templates::{self, ExampleFile};

struct Corpus {
    name: &'static str,
    /// The input specs, merged in order.
    specs: &'static [&'static str],
    overlays: &'static [&'static str],
    /// Pages expected to match: all of `docs/`, or the list in this file.
    generated_list: Option<&'static str>,
}

const CORPORA: [Corpus; 3] = [
    Corpus { name: "opal", specs: &["openapi.yaml"], overlays: &[], generated_list: None },
    Corpus {
        name: "conductorone",
        specs: &["openapi.yaml"],
        overlays: &["overlay.yaml"],
        generated_list: Some("SPEAKEASY_GENERATED.txt"),
    },
    Corpus {
        name: "criblio",
        specs: &["openapi.yml", "openapi-mgmt.yml"],
        overlays: &["entity-mapping-overlay.yml"],
        generated_list: Some("SPEAKEASY_GENERATED.txt"),
    },
];

/// The corpus pages expected to match, as paths below `docs/`.
fn expected_pages(dir: &Path, corpus: &Corpus) -> Vec<String> {
    if let Some(list) = corpus.generated_list {
        let text = std::fs::read_to_string(dir.join(list)).unwrap();
        return text.lines().filter(|line| line.ends_with(".md")).map(str::to_owned).collect();
    }
    let mut pages = Vec::new();
    for kind in ["resources", "data-sources"] {
        for entry in std::fs::read_dir(dir.join("docs").join(kind)).unwrap() {
            pages.push(format!("{kind}/{}", entry.unwrap().file_name().to_string_lossy()));
        }
    }
    pages.sort();
    pages
}

/// Runs the generated acceptance tests on an imported provider (only `resource`, when given); `None` after
/// the SKIP line when there is no terraform.
fn acceptance(loaded: schema::LoadedProvider, resource: Option<&str>) -> Option<codegen::acceptance::Report> {
    let terraform = tests::terraform::terraform_or_skip()?;
    let work = tempfile::tempdir().unwrap();
    let mut runner = codegen::acceptance::Runner::new(tests::workspace_root());
    runner
        .terraform(terraform)
        .work_dir(work.path())
        .jobs(2)
        .fake_api_binary(env!("CARGO_BIN_EXE_e2e-fake-api"))
        .provider(loaded);
    if let Some(resource) = resource {
        runner.resource(resource);
    }
    let report = runner.run(&|line| println!("{line}")).unwrap();
    println!("{}", report.table());
    Some(report)
}

/// The first line where two texts differ: (line number, ours, theirs).
fn first_difference(ours: &str, theirs: &str) -> (usize, String, String) {
    let mut ours_lines = ours.lines();
    let mut theirs_lines = theirs.lines();
    let mut number = 1;
    loop {
        match (ours_lines.next(), theirs_lines.next()) {
            (Some(a), Some(b)) if a == b => number += 1,
            (a, b) => return (number, a.unwrap_or("<end>").to_owned(), b.unwrap_or("<end>").to_owned()),
        }
    }
}

fn schema_section(page: &str) -> &str {
    page.find("## Schema").map_or("", |at| &page[at..])
}

/// Writes, below `templates`, the template of every expected page the vendor rendered from its own template
/// (which the corpus does not hold), recovered from the page; returns how many.
fn recover_vendor_templates(dir: &Path, provider: &str, expected: &[String], templates: &Path) -> usize {
    let mut recovered = 0;
    for page in expected {
        let text = std::fs::read_to_string(dir.join("docs").join(page)).unwrap();
        if !vendor_templates::is_vendor_rendered(&text) {
            continue;
        }
        let (kind, file) = page.split_once('/').unwrap();
        let short = file.trim_end_matches(".md");
        let folder = format!("examples/{kind}/{provider}_{short}");
        let mut examples = Vec::new();
        for entry in std::fs::read_dir(dir.join(&folder)).into_iter().flatten() {
            let entry = entry.unwrap();
            let path = format!("{folder}/{}", entry.file_name().to_string_lossy());
            examples.push(ExampleFile { contents: std::fs::read_to_string(entry.path()).unwrap(), path });
        }
        examples.sort_by(|a, b| a.path.cmp(&b.path));
        let template = vendor_templates::recover(&text, &examples).unwrap_or_else(|error| panic!("{page}: {error}"));
        let target = templates.join(provider).join(kind).join(format!("{short}.md.hbs"));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, template).unwrap();
        recovered += 1;
    }
    recovered
}

/// Imports a corpus and compares its pages: (pages, schema sections identical, whole pages identical).
fn measure(corpus: &Corpus) -> (usize, usize, usize) {
    let dir = tests::workspace_root().join("../shared/corpora").join(corpus.name);
    let options = openapi::Options {
        specs: corpus.specs.iter().map(|spec| dir.join(spec)).collect(),
        overlays: corpus.overlays.iter().map(|overlay| dir.join(overlay)).collect(),
        name: corpus.name.to_owned(),
    };
    let imported = openapi::import(&options)
        .unwrap_or_else(|errors| panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    let out = tempfile::tempdir().unwrap();
    let mut loaded = openapi::write_folder(&imported, out.path())
        .unwrap_or_else(|errors| panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    // The vendor's providers have no `timeouts` block, which ours give every resource: the comparison is
    // of what both describe.
    for resource in loaded.provider.resources.values_mut().chain(loaded.provider.data_sources.values_mut()) {
        resource.timeouts.block = false;
    }
    tests::copy_dir(&dir.join("examples"), &out.path().join("examples"));
    let expected = expected_pages(&dir, corpus);
    let templates = tempfile::tempdir().unwrap();
    let vendor_rendered = recover_vendor_templates(&dir, corpus.name, &expected, templates.path());
    let examples = codegen::docs::generated_examples(&loaded);
    let pages = codegen::docs::provider_docs(&loaded, templates.path(), &examples).unwrap();
    if let Some(keep) = std::env::var_os("CORPUS_PAGES_OUT") {
        for (path, text) in &pages {
            let target = Path::new(&keep).join(corpus.name).join(path);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::write(target, text).unwrap();
        }
    }
    let (mut schemas, mut whole) = (0, 0);
    let mut differing = Vec::new();
    for page in &expected {
        let theirs = std::fs::read_to_string(dir.join("docs").join(page)).unwrap();
        let ours = pages.iter().find(|(path, _)| path == &PathBuf::from(page)).map(|(_, text)| text.as_str());
        let Some(ours) = ours else {
            differing.push(format!("  {page}: not generated"));
            continue;
        };
        whole += usize::from(ours == theirs);
        if schema_section(ours) == schema_section(&theirs) {
            schemas += 1;
        } else {
            let (line, a, b) = first_difference(schema_section(ours), schema_section(&theirs));
            differing.push(format!("  {page}:{line}:\n    ours:   {a}\n    theirs: {b}"));
        }
    }
    println!(
        "openapi import {}: {} pages ({vendor_rendered} through the vendor's recovered templates); schema sections \
         identical: {schemas}; whole pages identical: {whole}",
        corpus.name,
        expected.len()
    );
    for line in &differing {
        println!("{line}");
    }
    (expected.len(), schemas, whole)
}

#[test]
fn corpus_pages_come_out_as_the_leading_generator_wrote_them() {
    let mut totals = (0, 0, 0);
    for corpus in &CORPORA {
        let (pages, schemas, whole) = measure(corpus);
        assert!(
            10 * schemas >= 9 * pages,
            "{}: {schemas} of {pages} schema sections identical, under 90%",
            corpus.name
        );
        totals = (totals.0 + pages, totals.1 + schemas, totals.2 + whole);
    }
    println!(
        "openapi import: {} of {} schema sections identical ({:.0}%), {} whole pages ({:.0}%)",
        totals.1,
        totals.0,
        100.0 * totals.1 as f64 / totals.0 as f64,
        totals.2,
        100.0 * totals.2 as f64 / totals.0 as f64
    );
    assert_eq!(totals.0, 208, "the corpora's generated pages");
    assert!(totals.1 >= 193, "schema sections identical: {} (the floor reached so far)", totals.1);
    assert!(totals.2 >= 186, "whole pages identical: {} (the floor reached so far)", totals.2);
}

/// The pet store spec has no annotations: it imports by REST convention (schemas shared from another file,
/// allOf, a oneOf with a discriminator, nullable values, enums and defaults), the decisions it leaves open
/// are reported, and its provider lives every resource's and data source's whole life against the fake API.
#[test]
fn an_unannotated_spec_imports_by_convention_and_passes_acceptance() {
    let spec = tests::workspace_root().join("tests/fixtures/openapi/petstore/openapi.yaml");
    let options = openapi::Options { specs: vec![spec], overlays: Vec::new(), name: "petstore".to_owned() };
    let imported = openapi::import(&options).unwrap();
    let folders = tempfile::tempdir().unwrap();
    let loaded = openapi::write_folder(&imported, &folders.path().join("petstore")).unwrap();
    let yaml = std::fs::read_to_string(loaded.dir.join(schema::PROVIDER_FILE)).unwrap();
    insta::assert_snapshot!("petstore_provider_yaml", yaml);
    insta::assert_snapshot!("petstore_report", imported.report.join("\n"));
    let Some(report) = acceptance(loaded, None) else { return };
    assert!(report.passed(), "{:#?}", report.failures());
    assert_eq!(report.subjects.len(), 5, "2 resources, 3 data sources");
}

/// Answers of the shapes real APIs give (`tests/fixtures/openapi/answers/openapi.yaml`): a read that
/// answers `204` only says the object exists; a path parameter that takes one value holds the body field
/// bound to it to that value; `type: number` IDs address their objects; what only answers carry is
/// typed as the read answers it. Every resource lives its whole life under the real terraform.
#[test]
fn answers_of_every_shape_import_and_pass_acceptance() {
    let spec = tests::workspace_root().join("tests/fixtures/openapi/answers/openapi.yaml");
    let options = openapi::Options { specs: vec![spec], overlays: Vec::new(), name: "answers".to_owned() };
    let imported = openapi::import(&options).unwrap();
    let resources = &imported.provider.resources;
    let read = |name: &str| resources[name].operations.read.as_ref().unwrap();
    assert!(read("answers_member").empty_answer, "a read that answers 204 answers nothing");
    assert!(!read("answers_config").empty_answer);
    let name = &resources["answers_config"].schema.attributes["name"];
    assert_eq!(
        name.validators,
        vec![schema::model::Validator::Enum(vec![schema::model::Value::String("$default".to_owned())])],
        "`{{config_name}}` takes one value, so `name` does"
    );
    let data = &resources["answers_note"].schema.attributes["data"];
    assert!(
        data.ty.as_nested().is_some_and(|nested| nested.mode == schema::model::NestingMode::Single),
        "the read answers one note, though the update answers a list: {:?}",
        data.ty
    );
    assert_eq!(resources["answers_group"].schema.attributes["id"].ty, schema::model::Type::Number);
    let commit = &resources["answers_commit"];
    let create = commit.operations.create.as_ref().unwrap();
    assert_eq!(create.path_params[0].attribute, "owner_name", "`{{owner}}` is text, the answer's `owner` an object");
    assert!(commit.schema.attributes["owner"].mode == schema::model::Mode::ReadOnly);
    let tree = &commit.schema.attributes["tree"];
    assert_eq!(tree.ty, schema::model::Type::String, "the tree is sent as a SHA");
    assert!(tree.not_returned, "the answer's `tree` is an object, not the SHA that was sent");
    let folders = tempfile::tempdir().unwrap();
    let loaded = openapi::write_folder(&imported, &folders.path().join("answers")).unwrap();
    let Some(report) = acceptance(loaded, None) else { return };
    assert!(report.passed(), "{:#?}", report.failures());
    assert_eq!(report.subjects.len(), 10, "5 resources, 5 data sources");
}

/// An API that updates in bulk (`PUT /teams` with `{"teams": [...]}`, each object naming itself in the
/// body) and takes some values at creation only through that update: the operations wrap the object in
/// a one-element list and send its ID in the body; a field the create names otherwise than answers is
/// sent and read under each name; the provider lives its whole life.
#[test]
fn bulk_updates_addressed_in_the_body_import_and_pass_acceptance() {
    let spec = tests::workspace_root().join("tests/fixtures/openapi/bulk/openapi.yaml");
    let options = openapi::Options { specs: vec![spec], overlays: Vec::new(), name: "bulk".to_owned() };
    let imported = openapi::import(&options).unwrap();
    assert!(imported.report.is_empty(), "{:?}", imported.report);
    let team = &imported.provider.resources["bulk_team"];
    let update = team.operations.update.as_ref().unwrap();
    assert_eq!((update.path.as_str(), update.body_field.as_deref()), ("/teams", Some("teams[]")));
    assert!(update.body.as_ref().unwrap().contains(&"id".to_owned()), "the update names the team in its body");
    let create = team.operations.create.as_ref().unwrap();
    assert_eq!(create.then.len(), 1, "the bulk update completes the create");
    let kind = &team.schema.attributes["kind"];
    assert!(kind.requires_replacement, "the update cannot send `kind`");
    assert_eq!(
        (kind.api_name.as_str(), kind.answered_as()),
        ("team_kind", "kind"),
        "sent as one name, answered as another"
    );
    let folders = tempfile::tempdir().unwrap();
    let loaded = openapi::write_folder(&imported, &folders.path().join("bulk")).unwrap();
    let Some(report) = acceptance(loaded, None) else { return };
    assert!(report.passed(), "{:#?}", report.failures());
    assert_eq!(report.subjects.len(), 2, "a resource and a data source");
}

/// Collections listed in the ways real APIs list them (`tests/fixtures/openapi/lists/openapi.yaml`): each
/// resource's `list` is the GET on its collection, with where its answer keeps the objects (the answer
/// itself, an envelope's field, one level down) and how it pages (`x-speakeasy-pagination`'s next-page
/// URL or offset, a cursor named after its query parameter or a `next` described as one, a next-page
/// URI, a page number); a list that pages by what the spec does not name is read to its first page and
/// reported; an answer of two lists, or of objects that wrap the resource's, is no list. The listings
/// read every page from the fake API through the runtime's pager, and every resource lives its whole life.
#[test]
fn collections_import_as_lists_read_page_after_page() {
    use schema::model::Paging;

    let spec = tests::workspace_root().join("tests/fixtures/openapi/lists/openapi.yaml");
    let options = openapi::Options { specs: vec![spec], overlays: Vec::new(), name: "lists".to_owned() };
    let imported = openapi::import(&options).unwrap();
    let resources = &imported.provider.resources;
    let list = |name: &str| resources[&format!("lists_{name}")].operations.list.clone();
    let cursor = |cursor: &str, param: &str| Some(Paging::Cursor { cursor: cursor.into(), param: param.into() });
    let link = |link: &str| Some(Paging::Link { link: link.into() });
    let expected = [
        ("widget", "/widgets", None, None),
        ("team", "/teams", Some("items"), link("links.next")),
        ("member", "/teams/{team_id}/members", Some("data"), cursor("next_cursor", "cursor")),
        ("project", "/projects", Some("result.projects"), cursor("nextPageToken", "pageToken")),
        ("tag", "/tags", Some("tags"), link("meta.next")),
        ("report", "/reports", Some("results"), Some(Paging::Offset { offset: "offset".into() })),
        ("note", "/notes", None, Some(Paging::Page { page: "page".into(), first: 1 })),
        ("alert", "/alerts", Some("data"), None),
        ("event", "/events", Some("results"), cursor("next", "cursor")),
    ];
    for (name, path, field, paging) in &expected {
        let operation = list(name).unwrap_or_else(|| panic!("{name} has no list"));
        assert_eq!(
            (operation.path.as_str(), operation.answer_field.as_deref(), &operation.paging),
            (*path, *field, paging),
            "{name}"
        );
    }
    assert_eq!(list("member").unwrap().query, ["role"], "a filter the object holds");
    assert!(list("folder").is_none(), "two lists: which holds the folders is not known");
    assert!(list("group").is_none(), "the objects listed wrap the group");
    let reported = |text: &str| imported.report.iter().any(|line| line.contains(text));
    assert!(reported("`GET /alerts` seems to page (starting_after)"), "{:#?}", imported.report);
    assert!(reported("`GET /folders` answers no single list of objects"), "{:#?}", imported.report);
    assert!(reported("the objects `GET /groups` lists hold no `id` at their top"), "{:#?}", imported.report);
    let folders = tempfile::tempdir().unwrap();
    let loaded = openapi::write_folder(&imported, &folders.path().join("lists")).unwrap();
    assert_eq!(schema::listing::list_resources(&loaded.provider).len(), 9, "each listed resource is a list resource");

    // Every page of each listing, from the fake API that pages as the imported schema says.
    let model = loaded.provider.clone();
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async move {
        let token = Some("t0ken".to_owned());
        let api = fake_api::FakeApi::start(model.clone(), "127.0.0.1:0".parse().unwrap(), token, Default::default())
            .await
            .unwrap();
        let mut config = runtime::ClientConfig::new(&api.url);
        config.auth = Some(runtime::Auth::Bearer(runtime::Secret::new("t0ken")));
        let transport = runtime::Transport::new::<tests::NoErrors>(config).unwrap();
        let create = |path: &'static str, team: Option<String>, body: serde_json::Value| {
            let transport = &transport;
            async move {
                let mut request = runtime::Request::new(runtime::Method::Post, path);
                request.path_params.extend(team.map(|team| ("team_id", team)));
                request.body = Some(body);
                let answer = transport.send::<tests::NoErrors>(&request).await.unwrap();
                serde_json::from_slice::<serde_json::Value>(&answer.body).unwrap()["id"].as_str().unwrap().to_owned()
            }
        };
        let team = create("/teams", None, serde_json::json!({"name": "red"})).await;
        let other = create("/teams", None, serde_json::json!({"name": "blue"})).await;
        let mut made: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
        for number in 0..5 {
            let widget = create("/widgets", None, serde_json::json!({"name": format!("w{number}")})).await;
            made.entry("widget").or_default().push(widget);
            let member =
                serde_json::json!({"team_id": team, "email": format!("m{number}@example.com"), "role": "editor"});
            made.entry("member")
                .or_default()
                .push(create("/teams/{team_id}/members", Some(team.clone()), member).await);
            let project = create("/projects", None, serde_json::json!({"title": format!("p{number}")})).await;
            made.entry("project").or_default().push(project);
            made.entry("tag")
                .or_default()
                .push(create("/tags", None, serde_json::json!({"label": format!("t{number}")})).await);
            let report = create("/reports", None, serde_json::json!({"query": format!("q{number}")})).await;
            made.entry("report").or_default().push(report);
            let note = create("/notes", None, serde_json::json!({"text": format!("n{number}")})).await;
            made.entry("note").or_default().push(note);
            let event = create("/events", None, serde_json::json!({"kind": format!("k{number}")})).await;
            made.entry("event").or_default().push(event);
        }
        let elsewhere = serde_json::json!({"team_id": other, "email": "x@example.com", "role": "viewer"});
        create("/teams/{team_id}/members", Some(other.clone()), elsewhere).await;
        made.insert("team", vec![team.clone(), other]);
        for (name, ids) in &made {
            let resource = &model.resources[&format!("lists_{name}")];
            let operation = resource.operations.list.as_ref().unwrap();
            let mut request = runtime::Request::new(runtime::Method::Get, "");
            request.path = &operation.path;
            if operation.path.contains("{team_id}") {
                request.path_params.push(("team_id", team.clone()));
            }
            let pages = runtime::paging::Pages::new(&transport, request, runtime::paging::Listing::of(operation));
            let mut listed: Vec<String> = pages
                .all::<tests::NoErrors>()
                .await
                .unwrap_or_else(|error| panic!("{name}: {error}"))
                .iter()
                .map(|object| object["id"].as_str().unwrap().to_owned())
                .collect();
            listed.sort();
            let mut ids = ids.clone();
            ids.sort();
            assert_eq!(listed, ids, "{name}");
        }
    });

    let Some(report) = acceptance(loaded, None) else { return };
    assert!(report.passed(), "{:#?}", report.failures());
    assert_eq!(report.subjects.len(), 22, "11 resources, 11 data sources");
}

/// A broken `$ref` is reported with its JSON pointer and its line and column, every one at once, and
/// nothing is written.
#[test]
fn broken_references_are_reported_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("openapi.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /things:\n    post:\n      x-speakeasy-entity-operation: Thing#create\n      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/Missing'\n      responses:\n        '201':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/AlsoMissing'}\n",
    )
    .unwrap();
    let options = openapi::Options { specs: vec![spec], overlays: Vec::new(), name: "broken".to_owned() };
    let errors = openapi::import(&options).unwrap_err();
    let text = errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    let text = text.replace(&dir.path().display().to_string(), "<dir>");
    insta::assert_snapshot!("broken_references", text);
}

/// An entity whose operations are chained (`Bundle#create#2` puts its visibility at another path, and
/// `Bundle#read#2` reads it back there) imports as operations with further steps, and the provider makes
/// every step: the bundle lives its whole life, and its data source reads what it created.
#[test]
fn chained_operations_are_made_in_order() {
    let dir = tests::workspace_root().join("../shared/corpora/opal");
    let options =
        openapi::Options { specs: vec![dir.join("openapi.yaml")], overlays: Vec::new(), name: "opal".to_owned() };
    let imported = openapi::import(&options).unwrap();
    let bundle = &imported.provider.resources["opal_bundle"];
    let create = bundle.operations.create.as_ref().unwrap();
    assert_eq!(
        create.then.iter().map(|step| step.path.as_str()).collect::<Vec<_>>(),
        ["/bundles/{bundle_id}/visibility"]
    );
    assert_eq!(bundle.operations.read.as_ref().unwrap().then.len(), 1);
    let folders = tempfile::tempdir().unwrap();
    let loaded = openapi::write_folder(&imported, &folders.path().join("opal")).unwrap();
    let Some(report) = acceptance(loaded, Some("opal_bundle")) else { return };
    assert!(report.passed(), "{:#?}", report.failures());
    assert_eq!(report.subjects.len(), 2, "the resource and its data source");
}
