// The two-state comparison (compare/states/index.html?a=IA&b=AL): loads each chosen
// state's data script (compare/states/data/<slug>.js) with a <script> element, which
// works from file:// where fetch does not, and fills both columns of every topic.
// Without JavaScript the page shows its fallback links instead.
(function () {
  "use strict";
  var form = document.querySelector("[data-pair-chooser]");
  if (!form) return;
  var root = form.getAttribute("data-root") || "";
  var select = { a: document.getElementById("pair-a"), b: document.getElementById("pair-b") };
  var status = document.querySelector("[data-pair-status]");
  var pair = document.querySelector("[data-pair]");
  var fallback = document.querySelector("[data-pair-fallback]");

  function params() {
    var query = new URLSearchParams(location.search);
    var hash = new URLSearchParams(location.hash.slice(1));
    return {
      a: (query.get("a") || hash.get("a") || "").toUpperCase(),
      b: (query.get("b") || hash.get("b") || "").toUpperCase(),
    };
  }

  function choose(sel, code, avoid) {
    var i;
    for (i = 0; i < sel.options.length; i++) {
      if (sel.options[i].value === code) {
        sel.selectedIndex = i;
        return;
      }
    }
    // No (valid) choice: the first state that is not the other side's.
    for (i = 0; i < sel.options.length; i++) {
      if (sel.options[i].value !== avoid) {
        sel.selectedIndex = i;
        return;
      }
    }
  }

  function load(sel) {
    var option = sel.options[sel.selectedIndex];
    var code = option.value;
    var table = (window.statesideStates = window.statesideStates || {});
    if (table[code]) return Promise.resolve(table[code]);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = root + "compare/states/data/" + option.getAttribute("data-slug") + ".js";
      script.onload = function () {
        if (table[code]) resolve(table[code]);
        else reject(new Error(option.textContent));
      };
      script.onerror = function () {
        reject(new Error(option.textContent));
      };
      document.head.appendChild(script);
    });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function fillSide(box, state, topic) {
    box.textContent = "";
    box.appendChild(element("h3", "pair-state", state.name));
    var answer = state.answers[topic];
    if (!answer) {
      box.appendChild(element("p", "gap", "Not covered: " + state.name + " does not answer this question."));
      return;
    }
    box.appendChild(element("p", "pair-question", answer.question));
    var body = element("div", "answer");
    // The build's own rendering of the answer, the same HTML the state page carries.
    body.innerHTML = answer.html;
    box.appendChild(body);
    var more = element("p", "qa-links");
    var link = element("a", "", "Question " + answer.number + " on its own page");
    link.href = root + "states/" + state.slug + "/" + answer.slug + ".html";
    more.appendChild(link);
    box.appendChild(more);
  }

  // Each state's data carries its coded indicator values; without any (a series with no
  // indicators.toml) this block stays hidden.
  function fillIndicators(a, b) {
    var block = document.querySelector("[data-pair-indicators]");
    var body = document.querySelector("[data-pair-indicators-body]");
    if (!block || !body) return;
    var ids = [];
    var byId = { a: {}, b: {} };
    [["a", a], ["b", b]].forEach(function (side) {
      (side[1].indicators || []).forEach(function (ind) {
        if (ids.indexOf(ind.id) < 0) ids.push(ind.id);
        byId[side[0]][ind.id] = ind;
      });
    });
    block.hidden = ids.length === 0;
    body.textContent = "";
    if (!ids.length) return;
    var table = element("table", "pair-indicator-table");
    var head = table.createTHead().insertRow();
    ["Indicator", a.name, b.name].forEach(function (text) {
      var th = element("th", "", text);
      th.scope = "col";
      head.appendChild(th);
    });
    var tbody = table.createTBody();
    ids.forEach(function (id) {
      var row = tbody.insertRow();
      var label = (byId.a[id] || byId.b[id]).label || id;
      var th = element("th", "", label);
      th.scope = "row";
      row.appendChild(th);
      ["a", "b"].forEach(function (side) {
        var ind = byId[side][id];
        row.appendChild(element("td", "", ind && ind.value ? ind.value : "Not stated"));
      });
    });
    body.appendChild(table);
  }

  function remember() {
    var query = "?a=" + encodeURIComponent(select.a.value) + "&b=" + encodeURIComponent(select.b.value);
    try {
      history.replaceState(null, "", query);
    } catch (e) {
      location.hash = query.slice(1);
    }
  }

  function show() {
    status.textContent = "Loading…";
    Promise.all([load(select.a), load(select.b)]).then(
      function (states) {
        var a = states[0];
        var b = states[1];
        document.querySelectorAll("[data-topic]").forEach(function (section) {
          var topic = section.getAttribute("data-topic");
          fillSide(section.querySelector('[data-side="a"]'), a, topic);
          fillSide(section.querySelector('[data-side="b"]'), b, topic);
        });
        fillIndicators(a, b);
        pair.hidden = false;
        status.textContent = a.name + " and " + b.name + ", side by side.";
        document.title = a.name + " and " + b.name + " compared · " + document.title.replace(/^.* compared · /, "");
      },
      function (err) {
        pair.hidden = true;
        status.textContent = "Could not load the answers of " + err.message + ". Rebuild the site, or use the topic matrix.";
      }
    );
  }

  var start = params();
  choose(select.a, start.a, "");
  choose(select.b, start.b, select.a.value);
  if (fallback) fallback.hidden = true;
  form.hidden = false;
  form.querySelector("[data-pair-go]").addEventListener("click", function () {
    remember();
    show();
  });
  [select.a, select.b].forEach(function (sel) {
    sel.addEventListener("change", function () {
      remember();
      show();
    });
  });
  show();
})();
