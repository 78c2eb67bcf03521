//! The docs as a site (`codegen site`), checked in a real browser: headless Chromium (Debian's `chromium`
//! and `chromium-driver`, which `.ci/run` installs) opens every page of the committed docs: no console
//! errors, nothing loaded from elsewhere, every internal link and anchor resolves; switching a Pulumi page to
//! Python shows the Python code and hides the others, and the next Pulumi page remembers it; the search box
//! finds a page. Screenshots of a resource page and a Pulumi page are written to `target/site-screenshots/`
//! for review.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tests::webdriver::Browser;

/// What a page holds that links resolve against.
const PAGE_FACTS: &str = r#"
const links = Array.from(document.querySelectorAll("a[href]")).map((a) => a.href);
const ids = Array.from(document.querySelectorAll("[id]")).map((element) => element.id);
const loaded = Array.from(document.querySelectorAll("[src], link[href]"))
  .map((element) => element.src || element.href);
return { links, ids, loaded };
"#;

fn url(file: &Path) -> String {
    format!("file://{}", file.display())
}

/// Every HTML page of the site, sorted.
fn pages(site: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![site.to_owned()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|extension| extension == "html") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Which language blocks of the open page are shown: (shown, hidden), by language.
fn shown_languages(browser: &Browser) -> (BTreeSet<String>, BTreeSet<String>) {
    let script = r#"
const blocks = Array.from(document.querySelectorAll("pulumi-choosable[type=language]"));
return blocks.map((block) => [block.getAttribute("values"), block.offsetParent !== null]);
"#;
    let mut shown = BTreeSet::new();
    let mut hidden = BTreeSet::new();
    for pair in browser.run(script, json!([])).as_array().unwrap() {
        let language = pair[0].as_str().unwrap().to_owned();
        if pair[1].as_bool().unwrap() {
            shown.insert(language)
        } else {
            hidden.insert(language)
        };
    }
    (shown, hidden)
}

#[test]
fn the_site_works_in_a_browser() {
    let Some(browser) = Browser::start_or_skip() else { return };
    let root = tests::workspace_root();
    let site_dir = tempfile::tempdir().unwrap();
    let site = std::fs::canonicalize(site_dir.path()).unwrap();
    codegen::site::build(&root.join("docs"), &site).unwrap();
    let pages = pages(&site);
    assert!(pages.len() >= 17, "{pages:?}");

    // Every page: no console error, nothing from elsewhere; its links and ids, for the check below.
    let mut facts: BTreeMap<String, (Vec<String>, BTreeSet<String>)> = BTreeMap::new();
    for page in &pages {
        browser.open(&url(page));
        let found = browser.run(PAGE_FACTS, json!([]));
        let errors = browser.console_errors();
        assert!(errors.is_empty(), "{}: console errors {errors:?}", page.display());
        for loaded in found["loaded"].as_array().unwrap() {
            let loaded = loaded.as_str().unwrap();
            assert!(loaded.starts_with("file://"), "{} loads {loaded} from elsewhere", page.display());
        }
        let strings = |key: &str| -> Vec<String> {
            found[key].as_array().unwrap().iter().map(|value| value.as_str().unwrap().to_owned()).collect()
        };
        facts.insert(url(page), (strings("links"), strings("ids").into_iter().collect()));
    }
    // Every internal link goes to a page of the site, and its anchor to an element of that page.
    let mut checked = 0;
    for (page, (links, _)) in &facts {
        for link in links.iter().filter(|link| link.starts_with("file://")) {
            let (target, anchor) =
                link.split_once('#').map_or((link.as_str(), None), |(target, anchor)| (target, Some(anchor)));
            let Some((_, ids)) = facts.get(target) else { panic!("{page} links to {link}, which is not a page") };
            if let Some(anchor) = anchor.filter(|anchor| !anchor.is_empty()) {
                assert!(ids.contains(anchor), "{page} links to {link}, whose page has no `{anchor}`");
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} internal links");

    // The Pulumi page's language tabs: TypeScript first; Python when chosen, remembered on the next page.
    let pulumi = site.join("konnect/pulumi/integration_instance_auth_credential.html");
    let tabs_ready = r#"return document.querySelector(".chooser button[aria-pressed=true]") !== null;"#;
    browser.open(&url(&pulumi));
    browser.wait_for(tabs_ready, json!([]), "the language tabs");
    let (shown, hidden) = shown_languages(&browser);
    assert_eq!(shown, BTreeSet::from(["typescript".to_owned()]));
    assert!(hidden.contains("python") && hidden.contains("go"), "{hidden:?}");
    browser.click("button[data-language=python]");
    let (shown, hidden) = shown_languages(&browser);
    assert_eq!(shown, BTreeSet::from(["python".to_owned()]));
    assert!(hidden.contains("typescript") && hidden.contains("yaml"), "{hidden:?}");
    let pressed =
        browser.run(r#"return document.querySelector("button[aria-pressed=true]").dataset.language;"#, json!([]));
    assert_eq!(pressed, "python");
    browser.click("button[data-language=hcl]");
    let (shown, hidden) = shown_languages(&browser);
    assert_eq!(shown, BTreeSet::from(["hcl".to_owned()]));
    assert!(hidden.contains("python") && hidden.contains("csharp"), "{hidden:?}");
    let import = browser.run(
        r#"return Array.from(document.querySelectorAll("pulumi-choosable[values=hcl] code")).map(code => code.textContent).join("\n");"#,
        json!([]),
    );
    assert!(
        import.as_str().is_some_and(|code| code.contains("to = konnect_integration_instance_auth_credential.example")),
        "the HCL tab's import block: {import}"
    );
    browser.click("button[data-language=python]");
    browser.screenshot(&root.join("target/site-screenshots/pulumi-page.png"));
    browser.open(&url(&site.join("fusionauth/pulumi/api_key.html")));
    browser.wait_for(tabs_ready, json!([]), "the language tabs");
    assert_eq!(shown_languages(&browser).0, BTreeSet::from(["python".to_owned()]), "the choice is remembered");

    // The search box finds the ephemeral resource's page.
    browser.open(&url(&site.join("konnect/index.html")));
    let script = r##"
const input = document.getElementById("search");
input.value = arguments[0];
input.dispatchEvent(new Event("input"));
return Array.from(document.querySelectorAll("#search-results a")).map((a) => a.getAttribute("href"));
"##;
    let results = browser.run(script, json!(["system account token"]));
    let results: Vec<&str> = results.as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert_eq!(results, ["../konnect/ephemeral-resources/system_account_access_token.html"]);

    // An attribute's anchor, as the Registry links nested schemas.
    let resource = site.join("konnect/resources/integration_instance_auth_credential.html");
    browser.open(&format!("{}#attr--multi_key_auth--config", url(&resource)));
    let script = r#"
const ids = Array.from(document.querySelectorAll("[id]")).map((element) => element.id);
return [document.getElementById("attr--multi_key_auth--config") !== null, ids.length === new Set(ids).size];
"#;
    assert_eq!(browser.run(script, json!([])), json!([true, true]), "the attribute's anchor, and no id twice");
    browser.open(&url(&resource));
    browser.screenshot(&root.join("target/site-screenshots/resource-page.png"));
    assert!(browser.console_errors().is_empty());
}
