// Sortable columns and a filter for every answer table (table.answer): no framework, no other host.
// A column heading is a button: pressing it sorts the rows by that column (again: the other way), and
// aria-sort tells assistive technology. Above the table, a text box keeps the rows that contain its words,
// and each column with a few distinct values gets a select (a facet) that keeps the rows with that value.
(function () {
  "use strict";
  var zh = document.documentElement.lang !== "en";
  var words = zh
    ? { filter: "筛选", all: "全部", shown: "显示 {n} / {t} 行" }
    : { filter: "Filter", all: "All", shown: "{n} of {t} rows shown" };

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y) && String(x) === a.replace(/\.0+$/, "") && String(y) === b.replace(/\.0+$/, "")) {
      return x - y;
    }
    return a.localeCompare(b, zh ? "zh-Hans-CN" : "en");
  }

  function setUp(table, number) {
    var rows = Array.prototype.slice.call(table.rows);
    if (rows.length < 3) return;
    var head = rows[0], body = rows.slice(1), headings = Array.prototype.slice.call(head.cells);
    var tbody = body[0].parentNode;
    var facets = [], text = "";

    var bar = document.createElement("div");
    bar.className = "table-tools";
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = "filter-" + number;
    label.htmlFor = input.id;
    label.textContent = words.filter + " ";
    bar.appendChild(label);
    bar.appendChild(input);
    var status = document.createElement("span");
    status.className = "muted";
    status.setAttribute("role", "status");

    headings.forEach(function (th, index) {
      var values = {};
      body.forEach(function (row) { values[cellText(row, index)] = true; });
      var distinct = Object.keys(values).filter(function (v) { return v; });
      if (distinct.length >= 2 && distinct.length <= 12 && distinct.length < body.length) {
        var select = document.createElement("select");
        select.id = "facet-" + number + "-" + index;
        select.setAttribute("aria-label", th.textContent.trim());
        var any = document.createElement("option");
        any.value = "";
        any.textContent = th.textContent.trim() + ": " + words.all;
        select.appendChild(any);
        distinct.sort(compare).forEach(function (v) {
          var option = document.createElement("option");
          option.value = v;
          option.textContent = v;
          select.appendChild(option);
        });
        select.addEventListener("change", apply);
        facets.push({ index: index, select: select });
        bar.appendChild(select);
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headings.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        body.sort(function (r1, r2) {
          var order = compare(cellText(r1, index), cellText(r2, index));
          return ascending ? order : -order;
        });
        body.forEach(function (row) { tbody.appendChild(row); });
      });
    });
    bar.appendChild(status);
    var holder = table.parentNode.classList.contains("scroll") ? table.parentNode : table;
    holder.parentNode.insertBefore(bar, holder);

    function apply() {
      text = input.value.trim().toLowerCase();
      var shown = 0;
      body.forEach(function (row) {
        var keep = !text || row.textContent.toLowerCase().indexOf(text) !== -1;
        facets.forEach(function (facet) {
          if (facet.select.value && cellText(row, facet.index) !== facet.select.value) keep = false;
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      status.textContent = words.shown.replace("{n}", shown).replace("{t}", body.length);
    }
    input.addEventListener("input", apply);
    apply();
  }

  document.querySelectorAll("table.answer").forEach(setUp);
})();
