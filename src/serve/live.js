// stateside serve: reloads this page when the site is rebuilt, and shows the build's
// problems over the page while the last build failed. Served only by `stateside serve`.
(function () {
  "use strict";
  var script = document.currentScript;
  var build = script && script.getAttribute("data-build");
  var overlay = null;

  function showProblems(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "stateside-error-overlay";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1.5rem;" +
        "background:rgba(20,20,24,0.94);color:#f4f4f5;font:14px/1.5 ui-monospace,monospace;";
      var title = document.createElement("h2");
      title.style.cssText = "all:initial;display:block;margin:0 0 0.5rem;font:bold 18px/1.3 system-ui,sans-serif;color:#fca5a5;";
      title.textContent = "stateside: the site could not be rebuilt";
      var note = document.createElement("p");
      note.style.cssText = "all:initial;display:block;margin:0 0 1rem;color:#f4f4f5;font:14px/1.4 system-ui,sans-serif;";
      note.textContent =
        "The page behind this shows the last good build. Fix the problem and save: this page reloads.";
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Hide";
      close.style.cssText = "position:absolute;top:1rem;right:1rem;font:inherit;padding:0.25rem 0.75rem;";
      close.addEventListener("click", function () {
        overlay.style.display = "none";
      });
      var details = document.createElement("pre");
      details.className = "stateside-problems";
      // The site's own styles for pre and h2 must not reach the overlay.
      details.style.cssText =
        "all:initial;display:block;margin:0;white-space:pre-wrap;word-break:break-word;" +
        "color:#f4f4f5;font:13px/1.5 ui-monospace,monospace;";
      overlay.appendChild(close);
      overlay.appendChild(title);
      overlay.appendChild(note);
      overlay.appendChild(details);
      document.body.appendChild(overlay);
    }
    overlay.querySelector(".stateside-problems").textContent = text;
    overlay.style.display = "block";
  }

  function hideProblems() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  var events = new EventSource("/__stateside/events");
  events.addEventListener("state", function (message) {
    var state = JSON.parse(message.data);
    if (state.error) {
      showProblems(state.error);
    } else if (state.build !== build) {
      events.close();
      window.dispatchEvent(new CustomEvent("stateside:reload"));
      location.reload();
    } else {
      hideProblems();
    }
  });
})();
