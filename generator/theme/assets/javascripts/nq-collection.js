/* The collection page (/tap-hop/?muc=bien-phap-3,muc-tieu-1): shows only the named items, in the
   order given. Old ids (aliases) are listed in each item's data-nq-ids, so old links still work.
   Without JavaScript, or without ?muc=, the page lists every item with instructions. */
(function () {
  "use strict";

  function init() {
    var set = document.querySelector(".nq-set");
    if (!set) { return; }
    var wanted = (new URLSearchParams(window.location.search).get("muc") || "")
      .split(",").map(function (s) { return s.trim().toLowerCase(); }).filter(Boolean);
    if (!wanted.length) { return; }
    var byId = {};
    var items = Array.prototype.slice.call(set.querySelectorAll(".nq-set__item"));
    items.forEach(function (item) {
      item.getAttribute("data-nq-ids").split(" ").forEach(function (id) { byId[id] = item; });
    });
    var shown = [];
    var missing = [];
    wanted.forEach(function (id) {
      var item = byId[id];
      if (!item) { missing.push(id); return; }
      if (shown.indexOf(item) === -1) { shown.push(item); }
    });
    items.forEach(function (item) { item.hidden = shown.indexOf(item) === -1; });
    shown.forEach(function (item) { set.appendChild(item); });  // NOTE: moves it: the given order
    var help = document.querySelector(".nq-set-help");
    if (help && shown.length) { help.hidden = true; }
    var status = document.querySelector(".nq-set-status");
    if (status) {
      var text = "Tập hợp " + shown.length + " mục.";
      if (missing.length) { text += " Không tìm thấy mục: " + missing.join(", ") + "."; }
      status.textContent = text;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
