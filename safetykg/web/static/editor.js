// The SPARQL editor: a textarea with a highlighted overlay, examples, and a results table.
// Written for safetykg; it loads nothing from other hosts.
(function () {
  "use strict";
  var KEYWORDS = /^(SELECT|DISTINCT|REDUCED|WHERE|FILTER|OPTIONAL|UNION|MINUS|GRAPH|PREFIX|BASE|ORDER|BY|ASC|DESC|LIMIT|OFFSET|GROUP|HAVING|VALUES|BIND|AS|ASK|CONSTRUCT|DESCRIBE|FROM|NAMED|NOT|EXISTS|IN|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT|SEPARATOR|STR|LANG|LANGMATCHES|CONTAINS|STRSTARTS|STRENDS|REGEX|COALESCE|IF|BOUND|a|true|false)$/i;
  var TOKEN = /(#[^\n]*)|(<[^<>\s]*>)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|([?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)|([A-Za-z][A-Za-z0-9_-]*:[A-Za-z0-9_\-.]*|:[A-Za-z0-9_\-.]+)|([A-Za-z_]+)/g;

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function highlight(text) {
    var out = "", last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      out += escapeHtml(text.slice(last, m.index));
      var cls = m[1] ? "cm" : m[2] ? "iri" : m[3] ? "str" : m[4] ? "var" : m[5] ? "pn" : KEYWORDS.test(m[6]) ? "kw" : "";
      out += cls ? '<span class="' + cls + '">' + escapeHtml(m[0]) + "</span>" : escapeHtml(m[0]);
      last = TOKEN.lastIndex;
    }
    return out + escapeHtml(text.slice(last)) + "\n";
  }

  var area = document.getElementById("query");
  var overlay = document.getElementById("highlight");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var examples = JSON.parse(document.getElementById("example-data").textContent);
  var base = area.parentNode.getAttribute("data-base") || "";  // the IRIs served here as local pages

  function refresh() {
    overlay.innerHTML = highlight(area.value);
    area.style.height = "auto";
    area.style.height = Math.max(area.scrollHeight, 224) + "px";
  }

  function localHref(value) {
    return base && value.indexOf(base) === 0 ? "/" + value.slice(base.length) : null;
  }

  function cell(term) {
    var td = document.createElement("td");
    if (!term) return td;
    var href = term.type === "uri" ? localHref(term.value) : null;
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = term.value.slice(base.length);
      td.appendChild(link);
    } else {
      td.textContent = term.value;
    }
    return td;
  }

  function show(data) {
    results.textContent = "";
    var table = document.createElement("table");
    table.id = "result-table";
    table.className = "stack";
    if (typeof data.boolean === "boolean") {
      status.textContent = "ASK: " + data.boolean;
      return;
    }
    var vars = data.head.vars, head = document.createElement("tr");
    vars.forEach(function (v) {
      var th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    });
    table.appendChild(head);
    data.results.bindings.forEach(function (row) {
      var tr = document.createElement("tr");
      tr.className = "result-row";
      vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
      table.appendChild(tr);
    });
    results.appendChild(table);
    status.textContent = data.results.bindings.length + (data.truncated ? "+ (truncated)" : "") + " rows";
  }

  function run() {
    status.textContent = "…";
    fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
      body: new URLSearchParams({ query: area.value }).toString()
    }).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) { throw new Error(response.status + ": " + text); });
      }
      return response.json();
    }).then(show).catch(function (err) {
      results.textContent = "";
      status.textContent = String(err.message || err);
    });
  }

  area.addEventListener("input", refresh);
  area.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  });
  document.getElementById("run").addEventListener("click", run);
  document.getElementById("examples").addEventListener("change", function (event) {
    var chosen = examples[event.target.value];
    if (chosen) { area.value = chosen.query; refresh(); }
  });
  refresh();
})();
