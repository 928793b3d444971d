// Progressive enhancements of the comparison pages; without JavaScript every page shows
// everything. The choices live in the address (?topics=…&states=…), so a view can be
// linked, from file:// as well as from a server.
//   [data-matrix-chooser]  the topic matrix: which topic columns (and states) to show
//   [data-jump]            topic pages: a "your state" menu over the in-page links
//   [data-print-chooser]   the print page: which states to print
//   [data-matrix-controls] the indicator matrix (compare/): filter states by a value, sort
//                          by state or value, choose the columns (?opt-out=yes&sort=…&show=…)
//   [data-value-map]       the tile maps (index, compare/): which indicator the squares show
//                          (?map=opt-out)
(function () {
  "use strict";

  function param(name) {
    var value =
      new URLSearchParams(location.search).get(name) ||
      new URLSearchParams(location.hash.slice(1)).get(name);
    if (value === null) return null;
    return value.split(",").filter(Boolean);
  }

  // Replaces the address's query with `values` (names -> list or null for "all").
  function remember(values) {
    var query = new URLSearchParams(location.search);
    Object.keys(values).forEach(function (name) {
      if (values[name] === null) query.delete(name);
      else query.set(name, values[name].join(","));
    });
    var text = query.toString().replace(/%2C/g, ",");
    try {
      history.replaceState(null, "", text ? "?" + text : location.pathname);
    } catch (e) {
      location.hash = text;
    }
  }

  // A chooser's checkboxes and its "all" / "none" buttons re-apply the choice and keep it
  // in the address; the form shows only once the script can act on it.
  function showChooser(form, boxes, apply) {
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        apply(true);
      });
    });
    form.querySelectorAll("[data-choose]").forEach(function (button) {
      button.addEventListener("click", function () {
        var all = button.getAttribute("data-choose") === "all";
        boxes.forEach(function (box) {
          box.checked = all;
        });
        apply(true);
      });
    });
    form.hidden = false;
    apply(false);
  }

  function matrixChooser(form) {
    var table = document.querySelector("[data-matrix]");
    if (!table) return;
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="topics"]'));
    var status = form.querySelector("[data-chooser-status]");
    var wanted = param("topics");
    var states = param("states");
    if (wanted) {
      boxes.forEach(function (box) {
        box.checked = wanted.indexOf(box.value) >= 0;
      });
    }
    if (states) {
      states = states.map(function (s) {
        return s.toUpperCase();
      });
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = states.indexOf(row.getAttribute("data-state")) < 0;
      });
    }

    function apply(save) {
      var shown = boxes.map(function (box) {
        return box.checked;
      });
      Array.prototype.forEach.call(table.rows, function (row) {
        for (var i = 1; i < row.cells.length; i++) row.cells[i].hidden = !shown[i - 1];
      });
      var count = shown.filter(Boolean).length;
      status.textContent =
        count === boxes.length
          ? "Showing every topic."
          : "Showing " + count + " of " + boxes.length + " topics.";
      if (save) {
        var chosen = boxes.filter(function (b) {
          return b.checked;
        });
        remember({
          topics:
            chosen.length === boxes.length
              ? null
              : chosen.map(function (b) {
                  return b.value;
                }),
        });
      }
    }

    showChooser(form, boxes, apply);
    printGroups(table);
  }

  // Printed, 28 columns on one sheet would be a few letters wide each: while printing,
  // the shown columns are split into tables of a few topics each (every state in each).
  // Without JavaScript the one table prints as it is.
  var PRINT_GROUP = 6;
  function printGroups(table) {
    var holder = null;
    function build() {
      if (holder) return;
      var head = table.tHead.rows[0].cells;
      var columns = [];
      for (var i = 1; i < head.length; i++) if (!head[i].hidden) columns.push(i);
      if (columns.length <= PRINT_GROUP + 1) return;
      var rows = Array.prototype.filter.call(table.tBodies[0].rows, function (row) {
        return !row.hidden;
      });
      holder = document.createElement("div");
      holder.className = "print-groups";
      for (var g = 0; g < columns.length; g += PRINT_GROUP) {
        var group = columns.slice(g, g + PRINT_GROUP);
        var part = document.createElement("table");
        part.className = "topic-matrix print-group";
        var caption = part.createCaption();
        caption.textContent =
          "Topics " + (g + 1) + "–" + (g + group.length) + " of " + columns.length;
        var thead = part.createTHead();
        var tbody = part.createTBody();
        [[table.tHead.rows[0], thead]].concat(rows.map(function (r) {
          return [r, tbody];
        })).forEach(function (pair) {
          var row = pair[1].insertRow();
          row.appendChild(pair[0].cells[0].cloneNode(true));
          group.forEach(function (c) {
            row.appendChild(pair[0].cells[c].cloneNode(true));
          });
        });
        holder.appendChild(part);
      }
      table.parentNode.parentNode.insertBefore(holder, table.parentNode.nextSibling);
      document.body.classList.add("printing-groups");
    }
    function clear() {
      if (!holder) return;
      holder.remove();
      holder = null;
      document.body.classList.remove("printing-groups");
    }
    var print = window.matchMedia("print");
    print.addEventListener("change", function (event) {
      if (event.matches) build();
      else clear();
    });
    window.addEventListener("beforeprint", build);
    window.addEventListener("afterprint", clear);
  }

  function jumpMenu(nav) {
    var entries = [];
    nav.querySelectorAll('a[href^="#"]').forEach(function (a) {
      entries.push({ name: a.textContent, target: a.getAttribute("href").slice(1) });
    });
    document.querySelectorAll("[data-jump-missing] a").forEach(function (a) {
      entries.push({ name: a.textContent + " (not covered)", target: "missing-heading" });
    });
    if (entries.length < 2) return;
    entries.sort(function (x, y) {
      return x.name.localeCompare(y.name);
    });
    var p = document.createElement("p");
    p.className = "jump-menu";
    var label = document.createElement("label");
    label.htmlFor = "jump-select";
    label.textContent = "Your state";
    var select = document.createElement("select");
    select.id = "jump-select";
    var none = document.createElement("option");
    none.value = "";
    none.textContent = "Choose a state…";
    select.appendChild(none);
    entries.forEach(function (entry) {
      var option = document.createElement("option");
      option.value = entry.target;
      option.textContent = entry.name;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      if (!select.value) return;
      var target = document.getElementById(select.value);
      if (!target) return;
      location.hash = select.value;
      target.setAttribute("tabindex", "-1");
      target.focus();
    });
    p.appendChild(label);
    p.appendChild(document.createTextNode(" "));
    p.appendChild(select);
    var heading = nav.querySelector("h2");
    nav.insertBefore(p, heading ? heading.nextSibling : nav.firstChild);
  }

  function printChooser(form) {
    var sections = document.querySelectorAll("[data-print-state]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="states"]'));
    var wanted = param("states");
    if (wanted) {
      wanted = wanted.map(function (s) {
        return s.toUpperCase();
      });
      boxes.forEach(function (box) {
        box.checked = wanted.indexOf(box.value) >= 0;
      });
    }
    var status = form.querySelector("[data-chooser-status]");

    function apply(save) {
      var chosen = boxes
        .filter(function (b) {
          return b.checked;
        })
        .map(function (b) {
          return b.value;
        });
      sections.forEach(function (section) {
        section.hidden = chosen.indexOf(section.getAttribute("data-print-state")) < 0;
      });
      document.querySelectorAll("[data-toc-state]").forEach(function (li) {
        li.hidden = chosen.indexOf(li.getAttribute("data-toc-state")) < 0;
      });
      status.textContent =
        chosen.length === boxes.length
          ? "Every state will print."
          : chosen.length + " of " + boxes.length + " states will print.";
      if (save) remember({ states: chosen.length === boxes.length ? null : chosen });
    }

    showChooser(form, boxes, apply);
  }

  // The states × indicators matrix. The data is the table itself: each cell's
  // data-value. Without JavaScript the whole table shows and the controls stay hidden.
  function valueMatrix() {

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
  }

  // The tile map by value. Each covered square carries its state's value ids
  // (data-values, in the menu's order) and each legend the words and mark of every value,
  // so nothing is fetched. Without JavaScript the map shows what the page was built with.
  function valueMaps() {

    Array.prototype.forEach.call(document.querySelectorAll("[data-value-map]"), function (map) {
      var select = map.querySelector("[data-map-choice]");
      if (!select) return;
      var ids = Array.prototype.filter
        .call(select.options, function (option) {
          return option.value;
        })
        .map(function (option) {
          return option.value;
        });
      var legends = Array.prototype.slice.call(map.querySelectorAll("[data-legend]"));
      var tiles = Array.prototype.slice.call(map.querySelectorAll(".tile[data-values]"));

      function show(id) {
        var k = ids.indexOf(id);
        var legend = null;
        legends.forEach(function (box) {
          var mine = box.getAttribute("data-legend") === id;
          box.hidden = !mine;
          if (mine) legend = box;
        });
        var words = {};
        if (legend) {
          Array.prototype.forEach.call(legend.querySelectorAll("[data-value]"), function (item) {
            words[item.getAttribute("data-value")] = {
              label: item.getAttribute("data-label"),
              marker: item.getAttribute("data-marker"),
            };
          });
        }
        tiles.forEach(function (tile) {
          tile.className = tile.className.replace(/\s*\bv-[\w-]+/g, "");
          var name = tile.querySelector("[data-tile-name]");
          var mark = tile.querySelector(".tile-mark");
          var link = tile.querySelector("a");
          var state = name.getAttribute("data-tile-name");
          var value = k < 0 ? null : tile.getAttribute("data-values").split(" ")[k];
          var shown = value && words[value];
          if (shown) {
            tile.className += " v-" + value;
            mark.textContent = shown.marker;
            name.textContent = state + ": " + shown.label;
            link.title = state + ": " + shown.label;
          } else {
            mark.textContent = "";
            name.textContent = state;
            link.title = state;
          }
        });
      }

      select.addEventListener("change", function () {
        show(select.value);
        var query = new URLSearchParams(location.search);
        if (select.value && select.value !== select.getAttribute("data-default")) query.set("map", select.value);
        else query.delete("map");
        var text = query.toString().replace(/%2C/g, ",");
        try {
          history.replaceState(null, "", (text ? "?" + text : location.pathname) + location.hash);
        } catch (e) {
          // A browser that refuses to rewrite a file:// address keeps the view, not the link.
        }
      });
      select.setAttribute("data-default", select.value);
      var wanted = new URLSearchParams(location.search).get("map");
      if (wanted !== null && ids.indexOf(wanted) >= 0) select.value = wanted;
      show(select.value);
      map.querySelector("[data-map-choice-holder]").hidden = false;
    });
  }

  var chooser = document.querySelector("[data-matrix-chooser]");
  if (chooser) matrixChooser(chooser);
  var jump = document.querySelector("[data-jump]");
  if (jump) jumpMenu(jump);
  var print = document.querySelector("[data-print-chooser]");
  if (print) printChooser(print);
  valueMatrix();
  valueMaps();
})();
