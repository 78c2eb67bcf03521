// Language tabs of the Pulumi pages (the choice is remembered, as the Pulumi Registry remembers it) and
// the search box over every page's title and text. No request leaves the site.
(function () {
  "use strict";
  var KEY = "pulumi-language";
  // The language shown until the reader picks one, as on the Pulumi Registry.
  var FIRST = "typescript";
  var LABELS = {
    csharp: "C#", go: "Go", typescript: "TypeScript", python: "Python", yaml: "YAML", java: "Java", hcl: "HCL"
  };

  function choose(language) {
    document.querySelectorAll("pulumi-choosable[type=language]").forEach(function (block) {
      var values = (block.getAttribute("values") || "").split(",");
      block.hidden = values.indexOf(language) < 0;
    });
    document.querySelectorAll(".chooser button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.language === language));
    });
  }

  function chooser() {
    var choosers = document.querySelectorAll("pulumi-chooser[type=language]");
    if (!choosers.length) return;
    var options = (choosers[0].getAttribute("options") || "").split(",").filter(Boolean);
    choosers.forEach(function (element) {
      var bar = document.createElement("div");
      bar.className = "chooser";
      bar.setAttribute("role", "group");
      options.forEach(function (language) {
        var button = document.createElement("button");
        button.type = "button";
        button.dataset.language = language;
        button.textContent = LABELS[language] || language;
        button.addEventListener("click", function () {
          try { window.localStorage.setItem(KEY, language); } catch (error) { /* storage may be off */ }
          choose(language);
        });
        bar.appendChild(button);
      });
      element.appendChild(bar);
    });
    var stored = null;
    try { stored = window.localStorage.getItem(KEY); } catch (error) { stored = null; }
    var first = options.indexOf(FIRST) >= 0 ? FIRST : options[0];
    choose(options.indexOf(stored) >= 0 ? stored : first);
  }

  function search() {
    var input = document.getElementById("search");
    var results = document.getElementById("search-results");
    var root = document.querySelector("link[rel=stylesheet]").getAttribute("href").replace(/site\.css$/, "");
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      results.textContent = "";
      if (!words.length) { results.hidden = true; return; }
      (window.SEARCH_INDEX || []).filter(function (page) {
        var text = (page.title + " " + page.text).toLowerCase();
        return words.every(function (word) { return text.indexOf(word) >= 0; });
      }).slice(0, 20).forEach(function (page) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + page.url;
        link.textContent = page.title;
        item.appendChild(link);
        results.appendChild(item);
      });
      results.hidden = !results.children.length;
    });
  }

  chooser();
  search();
})();
