// The SPARQL editor: CodeMirror 6 with its SPARQL mode (static/vendor/codemirror-sparql.*.js defines the global
// CodeMirrorSPARQL; tools/editor-bundle builds it), completing prefixes, keywords, variables and the classes and
// properties the graph uses (#vocabulary-data, written by the server: nothing comes from another host); the
// examples; Run (or Ctrl/Cmd-Enter) on /sparql; the results as a sortable table and a CSV file; the page's URL
// kept as ?edit=<query> (history.replaceState), so that a query can be shared and reopened as it was.
// Without the bundle the text area stays where it is and all the rest works on it.
(function () {
  "use strict";
  var CM = window.CodeMirrorSPARQL;
  var holder = document.getElementById("editor");
  var area = document.getElementById("query");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var download = document.getElementById("download-csv");
  var permalink = document.getElementById("permalink");
  var examples = data("example-data"), vocabulary = data("vocabulary-data"), words = data("editor-words");
  var base = holder.getAttribute("data-base") || "";  // the IRIs served here as pages of their own
  var lang = document.documentElement.lang === "en" ? "en" : "zh";
  var view = null;  // the CodeMirror editor, once mounted
  var answer = null;  // the table shown: {columns, rows, order}
  var pending = null;

  var KEYWORDS = ["SELECT", "DISTINCT", "REDUCED", "WHERE", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH",
    "PREFIX", "BASE", "ORDER BY", "GROUP BY", "ASC", "DESC", "LIMIT", "OFFSET", "HAVING", "VALUES", "BIND", "AS",
    "ASK", "CONSTRUCT", "DESCRIBE", "FROM", "FROM NAMED", "NOT EXISTS", "EXISTS", "NOT IN", "IN", "UNDEF",
    "SEPARATOR", "true", "false"];
  var FUNCTIONS = ["COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT", "STR", "LANG", "LANGMATCHES",
    "DATATYPE", "BOUND", "IRI", "BNODE", "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER", "STRLEN",
    "SUBSTR", "UCASE", "LCASE", "CONCAT", "REPLACE", "REGEX", "COALESCE", "IF", "ISIRI", "ISBLANK", "ISLITERAL",
    "ISNUMERIC", "SAMETERM", "YEAR", "MONTH", "DAY", "NOW", "ABS", "ROUND", "CEIL", "FLOOR"];
  var LOCAL_NAME = /^[A-Za-z_][\w-]*$/;  // the local names completed (the vocabulary's are all of this form)
  var NUMERIC = /#(integer|decimal|double|float|int|long|short|byte|(non)?(Negative|Positive)Integer|unsigned\w+)$/;

  function data(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  function say(key, values) {
    return words[key].replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }

  function text() {
    return view ? view.state.doc.toString() : area.value;
  }

  function setText(value) {
    if (view) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    } else {
      area.value = value;
      remember();
    }
  }

  // ---- the URL is the state -----------------------------------------------------------------------------------

  function remember() {
    pending = null;
    var params = new URLSearchParams({ edit: text() });
    if (lang === "en") params.set("lang", "en");
    var url = "/sparql?" + params.toString();
    if (url.length > 60000) return;  // longer than a URL this server reads: the link stays on the last that fit
    permalink.href = url;
    history.replaceState(null, "", url);
    var other = document.getElementById("lang-switch");
    if (other) {
      params.set("lang", lang === "en" ? "zh" : "en");
      other.href = "/sparql?" + params.toString();
    }
  }

  function later() {
    if (pending) clearTimeout(pending);
    pending = setTimeout(remember, 400);
  }

  // ---- completion ---------------------------------------------------------------------------------------------

  function declared(doc) {
    var found = {}, pattern = /\bPREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]*)>/gi, m;
    while ((m = pattern.exec(doc)) !== null) found[m[1] || ""] = m[2];
    return found;
  }

  function afterDeclarations(doc) {
    var pattern = /^\s*(?:PREFIX|BASE)\b[^\n]*$/gim, m, end = 0;
    while ((m = pattern.exec(doc)) !== null) end = m.index + m[0].length + 1;
    return Math.min(end, doc.length);
  }

  // The name chosen, and PREFIX p: <…> at the top when the query has no such line yet.
  function withDeclaration(prefix, namespace, then) {
    return function (target, completion, from, to) {
      var doc = target.state.doc.toString(), changes = [], shift = 0, added = !(prefix in declared(doc));
      if (added) {
        var at = afterDeclarations(doc);
        var line = (at > 0 && doc.charAt(at - 1) !== "\n" ? "\n" : "") + "PREFIX " + prefix + ": <" + namespace + ">\n";
        changes.push({ from: at, insert: line });
        if (at <= from) shift = line.length;
      }
      changes.push({ from: from, to: to, insert: completion.label });
      target.dispatch({
        changes: changes,
        selection: { anchor: from + shift + completion.label.length },
        userEvent: "input.complete"
      });
      if (added) status.textContent = say("prefix_added", { prefix: prefix });
      if (then) CM.startCompletion(target);
    };
  }

  function termOptions(prefix, namespace) {
    var options = [];
    vocabulary.terms.forEach(function (term) {
      var local = term.iri.slice(namespace.length);
      if (term.iri.indexOf(namespace) !== 0 || !LOCAL_NAME.test(local)) return;
      var label = term[lang] || term[lang === "en" ? "zh" : "en"];
      options.push({
        label: prefix + ":" + local,
        type: term.kind === "class" ? "class" : "property",
        detail: (label ? label + " · " : "") + words[term.kind],
        info: term.iri + "\n" + say("uses", { n: term.uses }),
        boost: Math.min(99, Math.round(20 * Math.log10(term.uses + 1))),
        apply: withDeclaration(prefix, namespace, false)
      });
    });
    return options;
  }

  function prefixOptions(chain) {
    return Object.keys(vocabulary.prefixes).map(function (prefix) {
      return {
        label: prefix + ":",
        type: "namespace",
        detail: vocabulary.prefixes[prefix],
        boost: prefix === "skg" ? 5 : 0,
        apply: withDeclaration(prefix, vocabulary.prefixes[prefix], chain)
      };
    });
  }

  function complete(context) {
    var token = CM.syntaxTree(context.state).resolveInner(context.pos, -1).type.name;
    if (/string|comment|atom/.test(token)) return null;  // in a literal, a comment or an <IRI>
    var doc = context.state.doc.toString();
    var declaration = context.matchBefore(/\bPREFIX\s+[\w.-]*:?/i);
    if (declaration) {  // PREFIX sk| → skg: <https://w3id.org/safetykg/ontology#>
      var name = declaration.text.replace(/^PREFIX\s+/i, "");
      return {
        from: declaration.to - name.length,
        options: Object.keys(vocabulary.prefixes).map(function (prefix) {
          return { label: prefix + ": <" + vocabulary.prefixes[prefix] + ">", type: "namespace" };
        })
      };
    }
    var variable = context.matchBefore(/[?$][\w\u00B7\u00C0-\uFFFF]*/);
    if (variable) {
      var seen = {};
      (doc.match(/[?$][A-Za-z_\u00C0-\uFFFF][\w\u00B7\u00C0-\uFFFF]*/g) || []).forEach(function (v) {
        if (v !== variable.text) seen["?" + v.slice(1)] = true;
      });
      return { from: variable.from, options: Object.keys(seen).map(function (v) {
        return { label: v, type: "variable" };
      }), validFor: /^[?$][\w\u00B7\u00C0-\uFFFF]*$/ };
    }
    var prefixed = context.matchBefore(/(?:[A-Za-z][\w.-]*)?:[\w-]*/);
    if (prefixed) {  // skg:be| → skg:bearer, with its label
      var prefix = prefixed.text.slice(0, prefixed.text.indexOf(":"));
      var namespace = declared(doc)[prefix] || vocabulary.prefixes[prefix];
      if (!namespace) return null;
      return { from: prefixed.from, options: termOptions(prefix, namespace), validFor: /^[\w.-]*:[\w-]*$/ };
    }
    var word = context.matchBefore(/[A-Za-z_][\w-]*/);
    if (!word && !context.explicit) return null;
    var options = prefixOptions(true);
    KEYWORDS.forEach(function (k) { options.push({ label: k, type: "keyword" }); });
    FUNCTIONS.forEach(function (f) { options.push({ label: f, type: "function" }); });
    Object.keys(vocabulary.prefixes).forEach(function (prefix) {  // bearer| → skg:bearer
      options = options.concat(termOptions(prefix, vocabulary.prefixes[prefix]));
    });
    return { from: word ? word.from : context.pos, options: options, validFor: /^[\w-]*$/ };
  }

  // ---- the editor ---------------------------------------------------------------------------------------------

  function mount() {
    var mode = CM.sparql;
    var language = CM.StreamLanguage.define(Object.assign({}, mode, {
      token: function (stream, state) {  // a prefixed name (skg:text) apart from an <IRI>: both are "atom"
        var style = mode.token(stream, state);
        return style === "atom" && stream.current().charAt(0) !== "<" ? "propertyName" : style;
      }
    }));
    var t = CM.tags;
    // the tokens' classes; their colours are in ui.css, checked for contrast by tests/test_ui_editor.py
    var highlighter = CM.tagHighlighter([
      { tag: [t.keyword, t.standard(t.variableName)], class: "kw" },
      { tag: t.local(t.variableName), class: "var" },
      { tag: t.atom, class: "iri" },
      { tag: t.propertyName, class: "pn" },
      { tag: t.string, class: "str" },
      { tag: t.comment, class: "cm" }
    ]);
    var runKey = { key: "Mod-Enter", run: function () { run(); return true; }, preventDefault: true };
    view = new CM.EditorView({
      parent: holder,
      state: CM.EditorState.create({
        doc: area.value,
        extensions: [
          CM.lineNumbers(),
          CM.highlightSpecialChars(),
          CM.history(),
          CM.drawSelection(),
          CM.indentOnInput(),
          CM.bracketMatching(),
          CM.closeBrackets(),
          language,
          CM.syntaxHighlighting(highlighter),
          // ten options at a time, paged with the arrows (or a click on ···), none scrolled: the list is reached
          // through the editor (aria-activedescendant), never focused itself, so it must not need scrolling
          CM.autocompletion({ override: [complete], maxRenderedOptions: 10 }),
          CM.keymap.of([runKey].concat(CM.closeBracketsKeymap, CM.defaultKeymap, CM.historyKeymap)),
          CM.EditorView.lineWrapping,
          CM.EditorView.cspNonce.of(holder.getAttribute("data-nonce") || ""),
          CM.EditorView.contentAttributes.of({ id: "query", "aria-labelledby": "query-label" }),
          CM.EditorView.updateListener.of(function (update) { if (update.docChanged) later(); })
        ]
      })
    });
    area.remove();
  }

  // ---- running and the results --------------------------------------------------------------------------------

  function localHref(value) {
    if (!base || value.indexOf(base) !== 0) return null;
    return "/" + value.slice(base.length) + (lang === "en" ? (value.indexOf("?") < 0 ? "?" : "&") + "lang=en" : "");
  }

  function cell(term, column) {
    var td = document.createElement("td");
    td.setAttribute("data-label", column);
    if (!term) return td;
    var href = term.type === "uri" ? localHref(term.value) : null;
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = term.value.slice(base.length);
      td.appendChild(link);
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) td.lang = term["xml:lang"];
    }
    return td;
  }

  function compareTerms(a, b) {
    if (!a || !b) return a ? -1 : b ? 1 : 0;  // unbound last
    if (NUMERIC.test(a.datatype || "") && NUMERIC.test(b.datatype || "")) return Number(a.value) - Number(b.value);
    return a.value.localeCompare(b.value, lang === "en" ? "en" : "zh-Hans-CN", { numeric: true });
  }

  function show(data, truncated) {
    results.textContent = "";
    if (typeof data.boolean === "boolean") {
      status.textContent = words[data.boolean ? "answer_true" : "answer_false"];
      return;
    }
    var columns = data.head.vars, rows = data.results.bindings;
    var table = document.createElement("table");
    table.id = "result-table";
    table.className = "stack";  // on a phone each cell shows its column's name (ui.css), the head row hidden
    var head = table.createTHead().insertRow(), body = table.createTBody(), headings = [];
    var lines = rows.map(function (row) {
      var tr = document.createElement("tr");
      tr.className = "result-row";
      columns.forEach(function (column) { tr.appendChild(cell(row[column], column)); });
      return tr;
    });
    answer = { columns: columns, rows: rows, order: rows.map(function (_, i) { return i; }) };
    columns.forEach(function (column) {
      var th = document.createElement("th"), button = document.createElement("button");
      th.scope = "col";
      th.setAttribute("aria-sort", "none");
      button.type = "button";
      button.className = "sort";
      button.textContent = column;
      button.addEventListener("click", function () {  // sort by this column; again: the other way
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headings.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        answer.order.sort(function (i, j) {
          var order = compareTerms(rows[i][column], rows[j][column]);
          return ascending ? order : -order;
        });
        answer.order.forEach(function (i) { body.appendChild(lines[i]); });
      });
      th.appendChild(button);
      head.appendChild(th);
      headings.push(th);
    });
    lines.forEach(function (tr) { body.appendChild(tr); });
    results.appendChild(table);
    download.disabled = false;
    status.textContent = say(truncated ? "truncated" : "rows", { n: rows.length });
  }

  function showGraph(body) {  // CONSTRUCT and DESCRIBE: their triples as N-Triples
    results.textContent = "";
    var pre = document.createElement("pre");
    pre.id = "result-graph";
    pre.textContent = body;
    results.appendChild(pre);
    status.textContent = say("rows", { n: body.split("\n").filter(function (l) { return l.trim(); }).length });
  }

  function run() {
    status.textContent = words.running;
    download.disabled = true;
    answer = null;
    remember();
    fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/sparql-results+json, application/n-triples;q=0.9"
      },
      body: new URLSearchParams({ query: text() }).toString()
    }).then(function (response) {
      return response.text().then(function (body) {
        if (!response.ok) throw new Error(response.status + ": " + body);
        var truncated = response.headers.get("SafetyKG-Truncated") === "true";
        if ((response.headers.get("Content-Type") || "").indexOf("json") >= 0) show(JSON.parse(body), truncated);
        else showGraph(body);
      });
    }).catch(function (err) {
      results.textContent = "";
      var pre = document.createElement("pre");
      pre.className = "alert";
      pre.setAttribute("role", "alert");
      pre.textContent = String(err.message || err);
      results.appendChild(pre);
      status.textContent = "✗";
    });
  }

  function csvField(value) {
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  // The table as shown (in its order), as a CSV file with a byte-order mark: Excel then reads it as UTF-8.
  function downloadCsv() {
    if (!answer) return;
    var lines = [answer.columns.map(csvField).join(",")].concat(answer.order.map(function (i) {
      var row = answer.rows[i];
      return answer.columns.map(function (c) { return csvField(row[c] ? row[c].value : ""); }).join(",");
    }));
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob), link = document.createElement("a");
    link.href = url;
    link.download = "sparql-results.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  if (CM) {
    mount();
  } else {
    area.addEventListener("input", later);
    area.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
    });
  }
  document.getElementById("run").addEventListener("click", run);
  download.addEventListener("click", downloadCsv);
  document.getElementById("examples").addEventListener("change", function (event) {
    var chosen = examples[event.target.value];
    if (chosen) setText(chosen.query);
  });
})();
