// Reveals the Print buttons (hidden without JavaScript, where they could not work) and
// wires them to the browser's print dialog. No inline handlers, so a strict CSP is fine.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
