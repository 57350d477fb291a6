// marsad web UI: highlight an event's, quote's or fact's evidence in the article text on hover, focus or click.
// Self-hosted, no dependencies. List items carry data-target="ev-3"; text runs carry data-ev="ev-3 q-1 ...".
(function () {
  "use strict";
  function runs(key) {
    return document.querySelectorAll('.text .ev[data-ev~="' + key.replace(/[^\w-]/g, "") + '"]');
  }
  function mark(key, cls, on) {
    runs(key).forEach(function (el) { el.classList.toggle(cls, on); });
  }
  var pinned = null;
  function pin(item) {
    var key = item.getAttribute("data-target");
    if (pinned) {
      mark(pinned.getAttribute("data-target"), "on", false);
      pinned.classList.remove("on");
    }
    if (pinned === item) { pinned = null; return; }
    pinned = item;
    item.classList.add("on");
    mark(key, "on", true);
    var first = runs(key)[0];
    if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-target]").forEach(function (item) {
      var key = item.getAttribute("data-target");
      item.addEventListener("mouseenter", function () { mark(key, "hl", true); });
      item.addEventListener("mouseleave", function () { mark(key, "hl", false); });
      item.addEventListener("focus", function () { mark(key, "hl", true); });
      item.addEventListener("blur", function () { mark(key, "hl", false); });
      item.addEventListener("click", function (e) {
        if (e.target.closest("a")) { return; }
        pin(item);
      });
      item.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pin(item); }
      });
    });
    var hash = window.location.hash.slice(1);
    var target = hash && document.getElementById(hash);
    if (target && target.hasAttribute("data-target")) { pin(target); }
  });
})();
