// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function codePoints(text) {
    var count = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) { i++; }
      }
      count++;
    }
    return count;
  }

  function counter(area) {
    var max = parseInt(area.getAttribute("data-max"), 10);
    var out = document.getElementById(area.getAttribute("data-counter"));
    if (!out || !max) { return; }
    function update() {
      // the server trims and normalises line breaks the same way before counting
      var n = codePoints(area.value.replace(/\r\n?/g, "\n").trim());
      out.textContent = n.toLocaleString("en") + " / " + max.toLocaleString("en");
      out.classList.toggle("over", n > max);
    }
    area.addEventListener("input", update);
    update();
  }

  function confirmations() {
    document.addEventListener("click", function (event) {
      var target = event.target.closest ? event.target.closest("[data-confirm]") : null;
      if (target && !window.confirm(target.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var areas = document.querySelectorAll("textarea[data-max]");
    for (var i = 0; i < areas.length; i++) { counter(areas[i]); }
    confirmations();
  });
})();
