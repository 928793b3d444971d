// The tile map by value (index and compare pages): a menu picks which indicator the squares
// show. Each covered square carries its state's value ids (data-values, in the menu's
// order) and each legend the words and mark of every value, so nothing is fetched and it
// works from file://. The choice lives in the address (?map=opt-out). Without JavaScript
// the map shows what the page was built with.
(function () {
  "use strict";

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
})();
