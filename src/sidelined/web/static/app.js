// sidelined pages: chart tooltips and article fact highlighting. No framework, no network.
(function () {
  "use strict";

  function setupChartTips() {
    document.querySelectorAll(".chart-wrap").forEach(function (wrap) {
      var tip = wrap.querySelector(".tip");
      if (!tip) return;
      function show(target, event) {
        tip.textContent = target.getAttribute("data-tip");
        tip.hidden = false;
        var box = wrap.getBoundingClientRect();
        var x = event.clientX - box.left + wrap.scrollLeft + 12;
        var y = event.clientY - box.top + 12;
        tip.style.left = Math.min(x, wrap.scrollWidth - 330) + "px";
        tip.style.top = y + "px";
      }
      wrap.addEventListener("mousemove", function (event) {
        var target = event.target.closest("[data-tip]");
        if (target) show(target, event); else tip.hidden = true;
      });
      wrap.addEventListener("mouseleave", function () { tip.hidden = true; });
      // Keyboard users tab through the report points: show the same tip beside the focused one.
      wrap.addEventListener("focusin", function (event) {
        var target = event.target.querySelector ? event.target.querySelector("[data-tip]") : null;
        if (!target) return;
        var box = target.getBoundingClientRect();
        show(target, { clientX: box.right, clientY: box.bottom });
      });
      wrap.addEventListener("focusout", function () { tip.hidden = true; });
    });
  }

  function setupFactLinks() {
    var marks = document.querySelectorAll("mark.fact[data-records]");
    function toggle(anchor, on) {
      document.querySelectorAll('mark.fact[data-records~="' + anchor + '"]').forEach(function (m) {
        m.classList.toggle("active", on);
      });
      var record = document.getElementById(anchor);
      if (record) record.classList.toggle("active", on);
    }
    marks.forEach(function (mark) {
      var anchors = mark.getAttribute("data-records").split(" ");
      mark.addEventListener("mouseenter", function () { anchors.forEach(function (a) { toggle(a, true); }); });
      mark.addEventListener("mouseleave", function () { anchors.forEach(function (a) { toggle(a, false); }); });
    });
    document.querySelectorAll(".record[id]").forEach(function (record) {
      record.addEventListener("mouseenter", function () { toggle(record.id, true); });
      record.addEventListener("mouseleave", function () { toggle(record.id, false); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupChartTips();
    setupFactLinks();
  });
})();
