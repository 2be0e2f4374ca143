/* The collection page (/tap-hop/?muc=bien-phap-3,muc-tieu-1): shows only the named items, in the
   order given. Old ids (aliases) are listed in each item's data-nq-ids, so old links still work.
   Without JavaScript, or without ?muc=, the page lists every item with instructions. */
(function () {
  "use strict";

  /* Without ?muc=: a checkbox on each item; the link to the items ticked, in the order they
     were ticked, is shown at the top, ready to copy or send. */
  function builder(set, items) {
    var chosen = [];
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = (canonical ? canonical.href : window.location.href).split(/[?#]/)[0];
    var box = document.createElement("p");
    box.className = "nq-set-builder";
    var link = document.createElement("a");
    var status = document.querySelector(".nq-set-status");
    box.appendChild(link);
    set.parentNode.insertBefore(box, set);

    function update() {
      var url = base + "?muc=" + chosen.join(",");
      box.hidden = !chosen.length;
      link.href = url;
      link.textContent = url;
      if (status) {
        status.textContent = chosen.length ? "Đã chọn " + chosen.length + " mục. Liên kết tập hợp:" : "";
      }
    }

    items.forEach(function (item) {
      var id = item.getAttribute("data-nq-ids").split(" ")[0];
      var label = document.createElement("label");
      label.className = "nq-set-pick";
      var input = document.createElement("input");
      input.type = "checkbox";
      input.value = id;
      input.addEventListener("change", function () {
        chosen = chosen.filter(function (c) { return c !== id; });
        if (input.checked) { chosen.push(id); }
        update();
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" Chọn mục này cho tập hợp"));
      item.insertBefore(label, item.firstChild);
    });
    update();
  }

  function init() {
    var set = document.querySelector(".nq-set");
    if (!set) { return; }
    var items = Array.prototype.slice.call(set.querySelectorAll(".nq-set__item"));
    var wanted = (new URLSearchParams(window.location.search).get("muc") || "")
      .split(",").map(function (s) { return s.trim().toLowerCase(); }).filter(Boolean);
    if (!wanted.length) { builder(set, items); return; }
    var byId = {};
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
