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

  // A form with data-confirm (the list's one delete form, submitted by the button of each post)
  // asks before it is sent.
  function confirmations() {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      var question = form.getAttribute ? form.getAttribute("data-confirm") : null;
      if (question && !window.confirm(question)) {
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
