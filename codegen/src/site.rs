//! `codegen site`: the docs folder as a static HTML site — every provider's Registry pages, Pulumi pages
//! and Rust client pages rendered with pulldown-cmark into one layout (`templates/site/`): a navigation
//! tree per provider and kind, an anchor on every heading and every attribute (named by its path as the
//! Registry names nested schemas: `attr--spec--size` beside `nestedatt--spec`), links between pages made `.html`, working Pulumi language
//! tabs that remember the choice, and a search index. Nothing on a page loads from elsewhere.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use serde_json::json;

/// The kinds of page, by folder below a provider's docs, with the title the navigation gives them; the
/// provider's index page stands first.
const SECTIONS: [(&str, &str); 7] = [
    ("resources", "Resources"),
    ("data-sources", "Data Sources"),
    ("ephemeral-resources", "Ephemeral Resources"),
    ("list-resources", "List Resources"),
    ("functions", "Functions"),
    ("pulumi", "Pulumi"),
    ("sdk", "Rust client"),
];

const LAYOUT: &str = include_str!("../../templates/site/page.html.hbs");
const STYLE: &str = include_str!("../../templates/site/site.css");
const SCRIPT: &str = include_str!("../../templates/site/site.js");

/// One page of the docs folder.
#[derive(Debug, Clone)]
struct Page {
    provider: String,
    /// Its folder below the provider's (`resources`), empty for the provider's index page.
    section: String,
    /// Its path below the site's root, `.html`.
    url: String,
    /// What the window's title says.
    title: String,
    /// What the navigation calls it.
    label: String,
    markdown: String,
}

/// What a page renders to.
pub struct Rendered {
    /// The page's HTML (its body).
    pub html: String,
    /// Its text, for the search index.
    pub text: String,
}

/// Writes the site of the docs in `docs` (one folder per provider) into `out`; the files written.
pub fn build(docs: &Path, out: &Path) -> Result<Vec<PathBuf>, String> {
    let pages = read_pages(docs)?;
    if pages.is_empty() {
        return Err(format!("{}: no provider's pages to build a site of", docs.display()));
    }
    let mut registry = handlebars::Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_template_string("page", LAYOUT).map_err(|error| format!("the site layout: {error}"))?;
    let mut written = Vec::new();
    let mut index = Vec::new();
    for page in &pages {
        let rendered = render(&page.markdown, origin(&page.section));
        let depth = page.url.matches('/').count();
        let data = json!({
            "title": page.title,
            "root": "../".repeat(depth),
            "content": rendered.html,
            "providers": navigation(&pages, page),
        });
        let html = registry.render("page", &data).map_err(|error| format!("{}: {error}", page.url))?;
        written.push(write(&out.join(&page.url), &html)?);
        let text: String = rendered.text.chars().take(300).collect();
        index.push(json!({"title": page.label, "url": page.url, "provider": page.provider, "text": text}));
    }
    let providers: Vec<&str> =
        pages.iter().filter(|page| page.section.is_empty()).map(|page| page.provider.as_str()).collect();
    let links: String =
        providers.iter().map(|name| format!("<li><a href=\"{name}/index.html\">{name}</a></li>\n")).collect();
    let home = format!("<h1>Provider docs</h1>\n<ul>\n{links}</ul>\n");
    let data =
        json!({"title": "Provider docs", "root": "", "content": home, "providers": navigation(&pages, &pages[0])});
    let html = registry.render("page", &data).map_err(|error| format!("index.html: {error}"))?;
    written.push(write(&out.join("index.html"), &html)?);
    let index = serde_json::to_string(&index).map_err(|error| error.to_string())?;
    written.push(write(&out.join("search-index.js"), &format!("window.SEARCH_INDEX = {index};\n"))?);
    written.push(write(&out.join("site.css"), STYLE)?);
    written.push(write(&out.join("site.js"), SCRIPT)?);
    Ok(written)
}

/// Every page of every provider folder in `docs`, in the navigation's order.
fn read_pages(docs: &Path) -> Result<Vec<Page>, String> {
    let mut pages = Vec::new();
    for provider in sorted_entries(docs)? {
        let Some(name) = provider.file_name().map(|name| name.to_string_lossy().into_owned()) else { continue };
        if !provider.is_dir() {
            continue;
        }
        let index = provider.join("index.md");
        if index.is_file() {
            pages.push(page(&name, "", &index)?);
        }
        for (section, _) in SECTIONS {
            let dir = provider.join(section);
            if !dir.is_dir() {
                continue;
            }
            // A section's own index (the Pulumi package page) stands first among its pages.
            for file in sorted_entries(&dir)? {
                if file.extension().is_some_and(|extension| extension == "md") {
                    pages.push(page(&name, section, &file)?);
                }
            }
        }
    }
    Ok(pages)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|error| format!("{}: {error}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
    paths.sort_by_key(|path| (path.file_stem().is_none_or(|stem| stem != "index"), path.clone()));
    Ok(paths)
}

fn page(provider: &str, section: &str, file: &Path) -> Result<Page, String> {
    let text = std::fs::read_to_string(file).map_err(|error| format!("{}: {error}", file.display()))?;
    let (front, markdown) = front_matter(&text);
    let stem = file.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
    // The page's own heading names it in the navigation; the front matter's title, in the window.
    let first = markdown.lines().find(|line| !line.trim().is_empty()).unwrap_or_default();
    let heading = first.strip_prefix("# ").map(str::to_owned);
    let titled = front.get("page_title").or_else(|| front.get("title")).cloned();
    let label = heading.clone().or_else(|| titled.clone()).unwrap_or_else(|| stem.clone());
    let title = titled.or_else(|| heading.clone()).unwrap_or_else(|| stem.clone());
    // A page without a heading of its own (the Pulumi pages) shows its title as one.
    let markdown = match heading {
        Some(_) => markdown.to_owned(),
        None => format!("# {label}\n{markdown}"),
    };
    let url = match section {
        "" => format!("{provider}/{stem}.html"),
        section => format!("{provider}/{section}/{stem}.html"),
    };
    Ok(Page { provider: provider.to_owned(), section: section.to_owned(), url, title, label, markdown })
}

/// A page's front matter (`---` lines around `key: value` lines; a quoted value unquoted) and the rest.
fn front_matter(text: &str) -> (BTreeMap<String, String>, &str) {
    let mut fields = BTreeMap::new();
    let Some(rest) = text.strip_prefix("---\n") else { return (fields, text) };
    let Some(end) = rest.find("\n---\n") else { return (fields, text) };
    for line in rest[..end].lines() {
        if let Some((key, value)) = line.split_once(": ") {
            if !key.starts_with(' ') {
                fields.insert(key.to_owned(), value.trim().trim_matches('"').to_owned());
            }
        }
    }
    (fields, &rest[end + "\n---\n".len()..])
}

/// The navigation tree: each provider with its sections and pages, the current page's provider open.
fn navigation(pages: &[Page], current: &Page) -> serde_json::Value {
    let mut providers: Vec<serde_json::Value> = Vec::new();
    let names: Vec<&str> = pages.iter().map(|page| page.provider.as_str()).fold(Vec::new(), |mut names, name| {
        if !names.contains(&name) {
            names.push(name);
        }
        names
    });
    for name in names {
        let sections: Vec<serde_json::Value> = SECTIONS
            .iter()
            .filter_map(|(section, title)| {
                let listed: Vec<serde_json::Value> = pages
                    .iter()
                    .filter(|page| page.provider == name && page.section == *section)
                    .map(|page| json!({"title": page.label, "url": page.url, "current": page.url == current.url}))
                    .collect();
                (!listed.is_empty()).then(|| json!({"title": title, "pages": listed}))
            })
            .collect();
        providers.push(json!({
            "name": name,
            "index": format!("{name}/index.html"),
            "current": name == current.provider,
            "sections": sections,
        }));
    }
    serde_json::Value::Array(providers)
}

/// The site a section's pages were written for, which their links from the root (`/docs/...`) belong to.
fn origin(section: &str) -> &'static str {
    match section {
        "pulumi" => "https://www.pulumi.com",
        _ => "https://registry.terraform.io",
    }
}

/// Renders a page's Markdown: headings and attributes get anchors, links to `.md` pages go to `.html`, and
/// links from the root go to `origin`, the site the page was written for.
pub fn render(markdown: &str, origin: &str) -> Rendered {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options).collect();
    let mut ids = Ids::default();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut text = String::new();
    // The nested schema the attributes listed now belong to (`nestedatt--spec`), from the anchor before it.
    let mut schema_anchor = String::new();
    let mut index = 0;
    while index < events.len() {
        let event = &events[index];
        match event {
            Event::Start(Tag::Heading { level, classes, attrs, .. }) => {
                let end = events[index..].iter().position(|event| matches!(event, Event::End(TagEnd::Heading(_))));
                let end = index + end.unwrap_or(0);
                let words: String = events[index + 1..end].iter().filter_map(event_text).collect();
                let id = ids.unique(&slug(&words));
                if *level <= pulldown_cmark::HeadingLevel::H2 {
                    schema_anchor.clear();
                }
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(id.clone())),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
                out.push(Event::InlineHtml(CowStr::from(format!("<a class=\"anchor\" href=\"#{id}\">#</a>"))));
            }
            Event::Start(Tag::Item) => {
                // `- `name` (Type) ...`: the attribute's anchor, inside the nested schema it is listed in.
                let named = events[index + 1..].iter().find(|event| !matches!(event, Event::Start(Tag::Paragraph)));
                match named {
                    Some(Event::Code(name)) => {
                        // `attr--` and the attribute's path, as the nested schema anchors name theirs
                        // (`nestedatt--spec` holds `attr--spec--size`).
                        let base = match schema_anchor.split_once("--") {
                            Some((_, path)) => format!("attr--{path}--{name}"),
                            None => format!("attr--{name}"),
                        };
                        let id = ids.unique(&base);
                        out.push(Event::Html(CowStr::from(format!(
                            "<li id=\"{id}\"><a class=\"anchor\" href=\"#{id}\">#</a>"
                        ))));
                        // The item's end tag is written as pulldown-cmark writes it.
                        index += 1;
                        continue;
                    }
                    _ => out.push(event.clone()),
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(anchor) = html.trim().strip_prefix("<a id=\"").and_then(|rest| rest.split('"').next()) {
                    schema_anchor = anchor.to_owned();
                    ids.taken.insert(anchor.to_owned());
                }
                out.push(event.clone());
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: CowStr::from(local_link(dest_url, origin)),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Text(words) | Event::Code(words) => {
                text.push_str(words);
                text.push(' ');
                out.push(event.clone());
            }
            _ => out.push(event.clone()),
        }
        index += 1;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Rendered { html, text: text.split_whitespace().collect::<Vec<_>>().join(" ") }
}

/// The text an inline event shows.
fn event_text<'e>(event: &'e Event<'_>) -> Option<&'e str> {
    match event {
        Event::Text(words) | Event::Code(words) => Some(words),
        _ => None,
    }
}

/// A link as the site has it: a relative link to a Markdown page goes to its HTML page, a link from the
/// root to `origin`.
fn local_link(url: &str, origin: &str) -> String {
    if url.starts_with('/') && !url.starts_with("//") {
        return format!("{origin}{url}");
    }
    if url.contains(':') || url.starts_with('#') || url.starts_with("//") {
        return url.to_owned();
    }
    let (path, fragment) = url.split_once('#').map_or((url, None), |(path, fragment)| (path, Some(fragment)));
    let path = path.strip_suffix(".md").map_or_else(|| path.to_owned(), |stem| format!("{stem}.html"));
    match fragment {
        Some(fragment) => format!("{path}#{fragment}"),
        None => path,
    }
}

/// A heading's anchor: lower case, words joined by `-`, as the Registry and GitHub make them.
fn slug(words: &str) -> String {
    let mut slug = String::new();
    for c in words.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            slug.push(c);
        } else if c.is_whitespace() {
            slug.push('-');
        }
    }
    if slug.is_empty() { "section".to_owned() } else { slug }
}

/// The ids a page has given out.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// `base`, or `base-2`, `base-3`... where it is taken.
    fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let mut number = 1;
        while self.taken.contains(&id) {
            number += 1;
            id = format!("{base}-{number}");
        }
        self.taken.insert(id.clone());
        id
    }
}

fn write(path: &Path, text: &str) -> Result<PathBuf, String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|error| format!("{}: {error}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))?;
    Ok(path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_get_anchors_inside_their_nested_schema_and_links_go_to_html() {
        let markdown = "## Schema\n\n### Required\n\n- `name` (String) The name. (see [below](#nestedatt--spec))\n\n\
                        <a id=\"nestedatt--spec\"></a>\n### Nested Schema for `spec`\n\nRequired:\n\n- `name` (String) Its name.\n\n\
                        See [the store](../resources/store.md#schema), [Terraform](https://developer.hashicorp.com/terraform) \
                        and [the docs](/docs/concepts).\n";
        let rendered = render(markdown, "https://registry.terraform.io");
        assert!(rendered.html.contains("<li id=\"attr--name\">"), "{}", rendered.html);
        assert!(rendered.html.contains("<li id=\"attr--spec--name\">"), "{}", rendered.html);
        assert!(rendered.html.contains("<h2 id=\"schema\">"), "{}", rendered.html);
        assert!(rendered.html.contains("href=\"../resources/store.html#schema\""), "{}", rendered.html);
        assert!(rendered.html.contains("href=\"https://developer.hashicorp.com/terraform\""));
        assert!(rendered.html.contains("href=\"https://registry.terraform.io/docs/concepts\""), "{}", rendered.html);
        assert!(rendered.html.contains("<a id=\"nestedatt--spec\"></a>"), "{}", rendered.html);
        assert!(rendered.html.contains("<h3 id=\"nested-schema-for-spec\">"), "{}", rendered.html);
    }

    #[test]
    fn front_matter_gives_the_title_and_stays_off_the_page() {
        let (fields, rest) = front_matter(
            "---\npage_title: \"acme_thing Resource - acme\"\ndescription: |-\n  A thing.\n---\n\n# acme_thing\n",
        );
        assert_eq!(fields["page_title"], "acme_thing Resource - acme");
        assert_eq!(rest, "\n# acme_thing\n");
    }
}
