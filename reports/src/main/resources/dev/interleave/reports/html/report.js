(function () {
  "use strict";
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = document.getElementById(button.getAttribute("data-copy")).textContent;
      var done = function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
      } else {
        var area = document.createElement("textarea");
        area.value = text;
        document.body.appendChild(area);
        area.select();
        document.execCommand("copy");
        area.remove();
        done();
      }
    });
  });
  var table = document.getElementById("tests");
  if (!table) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById("filter");
  var verdict = document.getElementById("verdict-filter");
  var shown = document.getElementById("shown");
  document.querySelector(".controls").hidden = false;
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  function apply() {
    var words = filter.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
    var wanted = verdict.value;
    var count = 0;
    rows.forEach(function (row, i) {
      var ok = (!wanted || row.classList.contains(wanted))
        && words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) { count++; }
    });
    shown.textContent = count + " of " + rows.length + " tests shown";
  }
  filter.addEventListener("input", apply);
  verdict.addEventListener("change", apply);
  var order = { key: null, up: true };
  table.querySelectorAll("th[data-sort]").forEach(function (th) {
    th.classList.add("sortable");
    th.tabIndex = 0;
    var sort = function () {
      var key = th.getAttribute("data-sort");
      order.up = order.key === key ? !order.up : true;
      order.key = key;
      var numeric = key === "verdict" || key === "schedules" || key === "time";
      var value = function (row) {
        var v = row.getAttribute("data-" + key);
        if (v === null) { v = row.cells[th.cellIndex] ? row.cells[th.cellIndex].textContent : ""; }
        return numeric ? Number(v) : v.toLowerCase();
      };
      var sorted = rows.slice().sort(function (a, b) {
        var x = value(a), y = value(b);
        var c = x < y ? -1 : x > y ? 1 : 0;
        return order.up ? c : -c;
      });
      var fragment = document.createDocumentFragment();
      sorted.forEach(function (row) { fragment.appendChild(row); });
      body.appendChild(fragment);
      table.querySelectorAll("th[data-sort]").forEach(function (h) {
        h.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", order.up ? "ascending" : "descending");
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); }
    });
  });
  apply();
})();
