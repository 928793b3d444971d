// Site search. Shows the search box (hidden without JavaScript), loads the index written by
// `stateside build` on first use (script files under search/, so it works from file:// too,
// where fetch of local files is refused), ranks answers with BM25 (question text weighted
// above the topic, the topic above the answer text) and lists them as links.
// No request is made until the box is focused. No inline handlers, so a strict CSP is fine.
(function () {
  "use strict";

  var box = document.querySelector("[data-search]");
  var script = document.currentScript;
  if (!box || !script) return;
  // The prefix that leads from this page to the site root, as the page's own links use it:
  // "../../" on a state page, "/repo/" on the 404 page.
  var root = (script.getAttribute("src") || "").replace(/search\.js([?#].*)?$/, "");

  var input = box.querySelector("input[type=search]");
  var panel = box.querySelector("[data-search-panel]");
  var list = box.querySelector("[data-search-results]");
  var status = box.querySelector("[data-search-status]");
  var count = box.querySelector("[data-search-count]");
  var more = box.querySelector("[data-search-more]");
  var stateFilter = box.querySelector("[data-search-state]");
  var topicFilter = box.querySelector("[data-search-topic]");
  if (!input || !panel || !list || !status || !count || !more || !stateFilter || !topicFilter) return;

  var PAGE = 10; // results shown at a time
  var MAX_WORDS = 8; // words of a query that count
  var MAX_EXPANSIONS = 30; // stems an unfinished last word may stand for
  var K1 = 1.2;
  var B = 0.75;
  var WEIGHT_TITLE = 3;
  var WEIGHT_TOPIC = 2;
  var WEIGHT_TEXT = 1;
  var WORD = /[\p{L}\p{N}]+/gu;

  var data = window.statesideSearch || (window.statesideSearch = {});
  var loads = {}; // file -> Promise of its data
  var meta = null; // the loaded search/index.js, with derived tables
  var metaLoad = null;
  var ranked = []; // document ids of the current results, best first
  var shown = 0;
  var active = -1; // index of the highlighted result
  var lastRun = 0;
  var announce = 0;
  var current = null; // the query the shown results belong to

  box.hidden = false;

  function load(file) {
    if (!loads[file]) {
      var key = file.replace(/[-.].*$/, "");
      loads[file] = new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        el.src = root + "search/" + file;
        el.async = true;
        el.onload = function () {
          if (data[key] === undefined) reject(new Error(file + " set no data"));
          else resolve(data[key]);
        };
        el.onerror = function () {
          delete loads[file];
          reject(new Error("cannot load " + el.src));
        };
        document.head.appendChild(el);
      });
    }
    return loads[file];
  }

  function loadMeta() {
    if (!metaLoad) {
      metaLoad = load("index.js").then(function (m) {
        prepare(m);
        meta = m;
        return m;
      });
      metaLoad.catch(function () {
        metaLoad = null;
        setStatus("The search index could not be loaded. Reload the page to try again.", true);
      });
    }
    return metaLoad;
  }

  // Tables computed once from the index: averages, stop words, each topic's answers.
  function prepare(m) {
    var n = m.kinds.length;
    var sumTitle = 0;
    var sumText = 0;
    m.topicDocs = m.topics.map(function () { return []; });
    for (var d = 0; d < n; d++) {
      sumTitle += m.title_words[d];
      sumText += m.text_words[d];
      if (m.kinds[d] === "a" && m.doc_topic[d] >= 0) m.topicDocs[m.doc_topic[d]].push(d);
    }
    m.avgTitle = Math.max(1, sumTitle / Math.max(1, n));
    m.avgText = Math.max(1, sumText / Math.max(1, n));
    m.stop = new Set(m.stop_words);
    fillSelect(stateFilter, m.states.map(function (s) { return s[0]; }));
    fillSelect(topicFilter, m.topics);
  }

  function fillSelect(select, names) {
    names.forEach(function (name, i) {
      var option = document.createElement("option");
      option.value = String(i);
      option.textContent = name;
      select.appendChild(option);
    });
  }

  // The query's words as the index has them: lowercase runs of letters and digits of two
  // characters or more, stop words left out. The last one is unfinished (matched as a
  // prefix too) unless the query ends in a space.
  function queryWords(query) {
    var words = [];
    var seen = new Set();
    var all = query.toLowerCase().match(WORD) || [];
    var open = /[\p{L}\p{N}]$/u.test(query);
    all.forEach(function (w, i) {
      var prefix = open && i === all.length - 1;
      if (Array.from(w).length < 2 || seen.has(w)) return;
      if (meta.stop.has(w) && !prefix) return;
      seen.add(w);
      words.push({ text: w, prefix: prefix, stop: meta.stop.has(w) });
    });
    return words.slice(0, MAX_WORDS);
  }

  // The shard that holds `key`: the last whose first key is not after it.
  function shardOf(key) {
    var starts = meta.term_starts;
    var lo = 0;
    var hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function loadShard(i) {
    return load(meta.term_files[i]);
  }

  // What one query word stands for: stem -> { forms, postings, exact }.
  function lookup(word) {
    var first = shardOf(word.text);
    var last = word.prefix ? shardOf(word.text + "\uffff") : first;
    if (last - first > 3) last = first + 3; // a very short prefix: its first shards only
    var shards = [];
    for (var i = first; i <= last; i++) shards.push(loadShard(i));
    return Promise.all(shards).then(function (loaded) {
      var stems = new Map(); // stem -> exact
      loaded.forEach(function (shard) {
        var add = function (key, stem) {
          var exact = key === word.text;
          if (exact || (word.prefix && key.lastIndexOf(word.text, 0) === 0)) {
            stems.set(stem, stems.get(stem) || exact);
          }
        };
        Object.keys(shard.forms).forEach(function (form) { add(form, shard.forms[form]); });
        Object.keys(shard.stems).forEach(function (stem) { add(stem, stem); });
      });
      var names = Array.from(stems.keys());
      return Promise.all(names.map(function (stem) { return loadShard(shardOf(stem)); }))
        .then(function (holders) {
          var found = [];
          names.forEach(function (stem, i) {
            var entry = holders[i].stems[stem];
            if (entry) found.push({ stem: stem, forms: entry[0], postings: entry[1], exact: stems.get(stem) });
          });
          found.sort(function (a, b) {
            return (b.exact - a.exact) || (b.postings.length - a.postings.length);
          });
          return found.slice(0, MAX_EXPANSIONS);
        });
    });
  }

  // BM25 over three fields. Documents matching more of the query's words come first; among
  // those, the higher score. Answers on a topic whose title or label has the word count it
  // in their topic field, so "opt out" ranks the opt-out answers first.
  function rank(words, found) {
    var n = meta.kinds.length;
    var score = new Float64Array(n);
    var hits = new Uint8Array(n);
    var best = new Float64Array(n);
    var mark = new Uint32Array(n);
    var stamp = 0;
    words.forEach(function (word, wi) {
      best.fill(0);
      found[wi].forEach(function (term) {
        var p = term.postings;
        var df = p.length / 2;
        var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        var factor = term.exact ? 1 : 0.7;
        var apply = function (d, tf) {
          var s = factor * idf * tf / (K1 + tf);
          if (s > best[d]) best[d] = s;
        };
        // The topics whose page has the word: their answers have it in their topic field.
        var topics = new Set();
        var doc = 0;
        var i;
        for (i = 0; i < p.length; i += 2) {
          doc += p[i];
          if (meta.kinds[doc] === "t") topics.add(meta.doc_topic[doc]);
        }
        stamp += 1;
        doc = 0;
        for (i = 0; i < p.length; i += 2) {
          doc += p[i];
          var tf = WEIGHT_TITLE * (p[i + 1] & 3) / (1 - B + B * meta.title_words[doc] / meta.avgTitle)
            + WEIGHT_TEXT * (p[i + 1] >> 2) / (1 - B + B * meta.text_words[doc] / meta.avgText);
          if (meta.kinds[doc] === "a" && topics.has(meta.doc_topic[doc])) tf += WEIGHT_TOPIC;
          mark[doc] = stamp;
          apply(doc, tf);
        }
        topics.forEach(function (t) {
          meta.topicDocs[t].forEach(function (d) {
            if (mark[d] !== stamp) apply(d, WEIGHT_TOPIC);
          });
        });
      });
      for (var d = 0; d < n; d++) {
        if (best[d] > 0) {
          score[d] += best[d];
          // A stop word typed as the start of a longer word ranks but does not count.
          if (!word.stop) hits[d] += 1;
        }
      }
    });
    var state = stateFilter.value === "" ? -1 : Number(stateFilter.value);
    var topic = topicFilter.value === "" ? -1 : Number(topicFilter.value);
    var ids = [];
    for (var d = 0; d < n; d++) {
      if (score[d] <= 0) continue;
      if (state >= 0 && meta.doc_state[d] !== state) continue;
      if (topic >= 0 && meta.doc_topic[d] !== topic) continue;
      ids.push(d);
    }
    ids.sort(function (a, b) { return (hits[b] - hits[a]) || (score[b] - score[a]) || (a - b); });
    return ids;
  }

  // The shard of `starts`/`files` that holds document `d`, and the document's entry in it.
  function docEntry(starts, files, d) {
    var lo = 0;
    var hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= d) lo = mid;
      else hi = mid - 1;
    }
    return load(files[lo]).then(function (docs) { return docs[d - starts[lo]]; });
  }

  // [title, url] of a document.
  function docTitle(d) {
    return docEntry(meta.title_starts, meta.title_files, d);
  }

  // The text of a document, for its snippet.
  function docText(d) {
    return docEntry(meta.text_starts, meta.text_files, d);
  }

  // Whether a word of a title or answer is one the query found.
  function matcher(words, found) {
    var forms = new Set();
    var prefixes = [];
    found.forEach(function (terms) {
      terms.forEach(function (t) { t.forms.forEach(function (f) { forms.add(f); }); });
    });
    words.forEach(function (w) {
      forms.add(w.text);
      if (w.prefix) prefixes.push(w.text);
    });
    return function (token) {
      var low = token.toLowerCase();
      if (forms.has(low)) return true;
      for (var i = 0; i < prefixes.length; i++) if (low.lastIndexOf(prefixes[i], 0) === 0) return true;
      return false;
    };
  }

  // Appends `text` to `el`, the matched words in <mark>; built from text nodes, never HTML.
  function marked(el, text, isMatch) {
    var at = 0;
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (!isMatch(m[0])) continue;
      if (m.index > at) el.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      el.appendChild(mark);
      at = m.index + m[0].length;
    }
    if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
  }

  // About 200 characters of the text around its first matched word.
  function snippet(text, isMatch) {
    var flat = text.replace(/\s+/g, " ").trim();
    var m;
    var first = -1;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(flat)) !== null) {
      if (isMatch(m[0])) { first = m.index; break; }
    }
    if (flat.length <= 200) return flat;
    var start = first < 60 ? 0 : flat.lastIndexOf(" ", first - 50) + 1;
    var end = Math.min(flat.length, start + 200);
    if (end < flat.length) end = Math.max(flat.lastIndexOf(" ", end), start + 100);
    return (start > 0 ? "\u2026" : "") + flat.slice(start, end) + (end < flat.length ? "\u2026" : "");
  }

  function describe(d) {
    var kind = meta.kinds[d];
    var state = meta.doc_state[d] >= 0 ? meta.states[meta.doc_state[d]][0] : "";
    var topic = meta.doc_topic[d] >= 0 ? meta.topics[meta.doc_topic[d]] : "";
    if (kind === "a") return topic ? state + " \u00b7 " + topic : state;
    if (kind === "s") return state + " \u00b7 state page";
    if (kind === "t") return topic + " \u00b7 every state";
    return "Page";
  }

  function option(d, doc, isMatch, i) {
    var a = document.createElement("a");
    a.href = root + doc[1];
    a.id = "search-result-" + i;
    a.className = "search-result";
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.tabIndex = -1;
    var title = document.createElement("span");
    title.className = "search-result-title";
    marked(title, doc[0], isMatch);
    var where = document.createElement("span");
    where.className = "search-result-where";
    where.textContent = describe(d);
    a.appendChild(title);
    a.appendChild(where);
    return a;
  }

  // Adds its snippet to a result once the document's text is there.
  function addSnippet(a, text, isMatch) {
    var shortened = snippet(text, isMatch);
    if (!shortened) return;
    var snip = document.createElement("span");
    snip.className = "search-result-snippet";
    marked(snip, shortened, isMatch);
    a.appendChild(snip);
  }

  function setStatus(text, now) {
    count.textContent = text;
    clearTimeout(announce);
    // The live region is updated when typing pauses, so a screen reader is not interrupted
    // at every keystroke; the count beside the results is always current.
    if (now) status.textContent = text;
    else announce = setTimeout(function () { status.textContent = text; }, 400);
  }

  function summary(q) {
    var filters = [];
    if (stateFilter.value !== "") filters.push(stateFilter.options[stateFilter.selectedIndex].text);
    if (topicFilter.value !== "") filters.push(topicFilter.options[topicFilter.selectedIndex].text);
    var scope = filters.length ? " in " + filters.join(", ") : "";
    var quoted = "\u201c" + q + "\u201d";
    if (ranked.length === 0) {
      return "No results for " + quoted + scope + ". Check the spelling, try fewer or other words"
        + (filters.length ? ", or set the filters back to all states and topics." : ".");
    }
    var found = ranked.length === 1 ? "1 result" : ranked.length + " results";
    return found + " for " + quoted + scope + (shown < ranked.length ? ", showing " + shown : "") + ".";
  }

  // Shows the next page of results as soon as their titles are loaded; their snippets
  // follow when the text shards arrive.
  function showMore(run, words, found, started) {
    var ids = ranked.slice(shown, shown + PAGE);
    var isMatch = matcher(words, found);
    var query = current;
    return Promise.all(ids.map(docTitle)).then(function (docs) {
      if (run !== lastRun) return null;
      var frag = document.createDocumentFragment();
      var added = docs.map(function (doc, i) {
        var a = option(ids[i], doc, isMatch, shown + i);
        frag.appendChild(a);
        return a;
      });
      list.appendChild(frag);
      shown += ids.length;
      more.hidden = shown >= ranked.length;
      list.hidden = shown === 0;
      setStatus(summary(query), false);
      box.setAttribute("data-search-done", query);
      box.dispatchEvent(new CustomEvent("stateside-search", {
        detail: { query: query, results: ranked.length, ms: performance.now() - started },
      }));
      return Promise.all(ids.map(docText)).then(function (texts) {
        if (run !== lastRun) return;
        texts.forEach(function (text, i) { addSnippet(added[i], text, isMatch); });
        box.setAttribute("data-search-snippets", query);
      });
    });
  }

  function clearResults() {
    // The "done" marks describe the results on show: a new run for the same words (the
    // box fires again, or a shard arrived) must not inherit them before its own are there.
    box.removeAttribute("data-search-done");
    box.removeAttribute("data-search-snippets");
    ranked = [];
    shown = 0;
    setActive(-1);
    list.textContent = "";
    list.hidden = true;
    more.hidden = true;
  }

  function search() {
    var started = performance.now();
    var run = ++lastRun;
    var q = input.value.trim();
    open(q !== "");
    if (!q) {
      clearResults();
      current = null;
      setStatus("", true);
      return Promise.resolve();
    }
    if (!meta) count.textContent = "Loading the search index\u2026";
    return loadMeta().then(function () {
      if (run !== lastRun) return null;
      var words = queryWords(q);
      return Promise.all(words.map(lookup)).then(function (found) {
        if (run !== lastRun) return null;
        clearResults();
        current = q;
        ranked = words.length ? rank(words, found) : [];
        return showMore(run, words, found, started).then(function () {
          if (run === lastRun) more.onclick = function () { showMore(lastRun, words, found, performance.now()); };
        });
      });
    }).catch(function (err) {
      if (run !== lastRun) return;
      setStatus("Search failed: " + err.message, true);
    });
  }

  function options() {
    return list.querySelectorAll("[role=option]");
  }

  function setActive(i) {
    var all = options();
    if (active >= 0 && all[active]) all[active].setAttribute("aria-selected", "false");
    active = i;
    if (i >= 0 && all[i]) {
      all[i].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", all[i].id);
      all[i].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function open(yes) {
    panel.hidden = !yes;
  }

  input.addEventListener("focus", function () {
    loadMeta();
    if (input.value.trim()) open(true);
  });
  input.addEventListener("input", search);
  stateFilter.addEventListener("change", search);
  topicFilter.addEventListener("change", search);
  input.addEventListener("keydown", function (e) {
    var total = options().length;
    if (e.key === "ArrowDown" && total) {
      e.preventDefault();
      open(true);
      setActive(active + 1 < total ? active + 1 : 0);
    } else if (e.key === "ArrowUp" && total) {
      e.preventDefault();
      setActive(active > 0 ? active - 1 : total - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      var target = options()[active >= 0 ? active : 0];
      if (target && !panel.hidden) window.location.href = target.href;
    } else if (e.key === "Escape") {
      if (!panel.hidden) {
        e.preventDefault();
        open(false);
        setActive(-1);
      } else if (input.value) {
        e.preventDefault();
        input.value = "";
        search();
      }
    }
  });
  list.addEventListener("mousemove", function (e) {
    var target = e.target.closest ? e.target.closest("[role=option]") : null;
    if (!target) return;
    var i = Array.prototype.indexOf.call(options(), target);
    if (i !== active) setActive(i);
  });
  // Close the results when the reader moves on: a click outside, or Tab out of the box.
  document.addEventListener("pointerdown", function (e) {
    if (!box.contains(e.target)) open(false);
  });
  box.addEventListener("focusout", function (e) {
    if (e.relatedTarget && !box.contains(e.relatedTarget)) open(false);
  });
  // "/" focuses the box from anywhere except a field being typed in.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
})();
