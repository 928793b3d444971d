// The states × indicators matrix (compare/index.html): filter states by a value, sort by
// state or by value, choose the columns. Every choice lives in the address
// (?opt-out=yes&sort=court-order&show=opt-out,court-order), so a view can be linked and
// reloads the same, from file:// as well as from a server; the data is the table itself.
// Without JavaScript the whole table shows and the controls stay hidden.
(function () {
  "use strict";

  var form = document.querySelector("[data-matrix-controls]");
  var table = document.querySelector("[data-ind-matrix]");
  if (!form || !table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells, 1);
  var ids = heads.map(function (th) {
    return th.getAttribute("data-indicator");
  });
  var filters = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="show"]'));
  var sort = form.querySelector("[data-sort]");
  var status = form.querySelector("[data-matrix-status]");
  var empty = document.querySelector("[data-matrix-empty]");

  // Each value's rank in its column, in the order the filter lists them ("not stated" last).
  var rank = {};
  filters.forEach(function (select) {
    var order = {};
    Array.prototype.forEach.call(select.options, function (option, i) {
      order[option.value] = i;
    });
    rank[select.getAttribute("data-filter")] = order;
  });

  function value(row, id) {
    return row.cells[ids.indexOf(id) + 1].getAttribute("data-value");
  }

  function read() {
    var query = new URLSearchParams(location.search || location.hash.slice(1));
    filters.forEach(function (select) {
      var wanted = query.get(select.name) || "";
      select.value = wanted;
      if (select.value !== wanted) select.value = "";
    });
    var show = query.get("show");
    var shown = show === null ? null : show.split(",");
    boxes.forEach(function (box) {
      box.checked = shown === null || shown.indexOf(box.value) >= 0;
    });
    sort.value = query.get("sort") || "";
    if (sort.selectedIndex < 0) sort.value = "";
  }

  // Writes the choices into the address, keeping parameters that are not the matrix's
  // (the map's choice).
  function remember() {
    var query = new URLSearchParams(location.search);
    filters.forEach(function (select) {
      if (select.value) query.set(select.name, select.value);
      else query.delete(select.name);
    });
    var chosen = boxes.filter(function (box) {
      return box.checked;
    });
    if (chosen.length === boxes.length) query.delete("show");
    else
      query.set(
        "show",
        chosen
          .map(function (box) {
            return box.value;
          })
          .join(",")
      );
    if (sort.value) query.set("sort", sort.value);
    else query.delete("sort");
    var text = query.toString().replace(/%2C/g, ",");
    try {
      history.replaceState(null, "", text ? "?" + text : location.pathname);
    } catch (e) {
      location.hash = text;
    }
  }

  function apply() {
    var wanted = filters.filter(function (select) {
      return select.value;
    });
    var count = 0;
    rows.forEach(function (row) {
      var keep = wanted.every(function (select) {
        return value(row, select.name) === select.value;
      });
      row.hidden = !keep;
      if (keep) count += 1;
    });
    var shown = boxes.map(function (box) {
      return box.checked;
    });
    Array.prototype.forEach.call(table.rows, function (row) {
      for (var i = 1; i < row.cells.length; i++) row.cells[i].hidden = !shown[i - 1];
    });
    var ordered = rows.slice();
    if (sort.value) {
      var order = rank[sort.value];
      ordered.sort(function (a, b) {
        return order[value(a, sort.value)] - order[value(b, sort.value)] || rows.indexOf(a) - rows.indexOf(b);
      });
    }
    ordered.forEach(function (row) {
      body.appendChild(row);
    });
    empty.hidden = count > 0;
    var columns = shown.filter(Boolean).length;
    status.textContent =
      "Showing " +
      count +
      " of " +
      rows.length +
      " states and " +
      columns +
      " of " +
      boxes.length +
      " questions" +
      (sort.value ? ", sorted by " + sort.options[sort.selectedIndex].text : "") +
      ". The address of this page keeps these choices.";
  }

  form.addEventListener("change", function () {
    apply();
    remember();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.querySelector("[data-matrix-reset]").addEventListener("click", function () {
    filters.forEach(function (select) {
      select.value = "";
    });
    boxes.forEach(function (box) {
      box.checked = true;
    });
    sort.value = "";
    apply();
    remember();
  });
  window.addEventListener("popstate", function () {
    read();
    apply();
  });
  read();
  apply();
  // A linked view opens with its choices in sight.
  var chosen = filters.some(function (select) {
    return select.value;
  });
  if (chosen || sort.value || boxes.some(function (box) {
    return !box.checked;
  })) {
    form.querySelector("[data-matrix-choices]").open = true;
  }
  form.hidden = false;
})();
