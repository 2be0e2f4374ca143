/* Bảng kiểm: keeps what an official fills in (results, evidence, notes, unit name, period) in
   this browser's localStorage, one key per checklist; nothing is sent anywhere. Progressive:
   without this script the page is a complete blank form that prints as such. */
(function () {
  "use strict";

  var doc = document.querySelector(".bk-doc[data-bk-key]");
  var tools = document.querySelector("[data-bk-tools]");
  if (!doc || !tools) return;
  var key = doc.getAttribute("data-bk-key");
  var storage;
  // NOTE: the tools, boxes and fields are in the page and shown from the first paint (class bk-js,
  // set in its head: no layout shift); where nothing can be kept, they are hidden again, and the
  // page stays a blank form to print.
  try {
    storage = window.localStorage;
    storage.getItem(key);
  } catch (e) {
    document.documentElement.classList.remove("bk-js");
    return;
  }

  var FIELDS = ["evidence", "note"];
  var RESULTS = ["done", "todo", "na"];
  var status = tools.querySelector("[data-bk-status]");
  var counter = tools.querySelector("[data-bk-count]");
  var rows = Array.prototype.slice.call(doc.querySelectorAll("tr[data-bk-id]"));
  var state = read();

  function empty() { return { unit: "", period: "", rows: {} }; }

  function clean(data) {
    // Accept only what this form has: a stored or imported file cannot inject anything else.
    var out = empty();
    if (!data || typeof data !== "object") return out;
    out.unit = typeof data.unit === "string" ? data.unit : "";
    out.period = typeof data.period === "string" ? data.period : "";
    rows.forEach(function (tr) {
      var id = tr.getAttribute("data-bk-id");
      var row = data.rows && data.rows[id];
      // A renamed row also takes what was kept or exported under one of its old ids (its
      // requirement's aliases); saved again, it is kept under the new id.
      var old = (tr.getAttribute("data-bk-aliases") || "").split(" ");
      for (var i = 0; !row && data.rows && i < old.length; i++) {
        if (old[i] && Object.prototype.hasOwnProperty.call(data.rows, old[i])) row = data.rows[old[i]];
      }
      if (!row || typeof row !== "object") return;
      var entry = {};
      if (RESULTS.indexOf(row.result) >= 0) entry.result = row.result;
      FIELDS.forEach(function (f) { if (typeof row[f] === "string" && row[f]) entry[f] = row[f]; });
      if (Object.keys(entry).length) out.rows[id] = entry;
    });
    return out;
  }

  function read() {
    try { return clean(JSON.parse(storage.getItem(key) || "null")); } catch (e) { return empty(); }
  }

  function save() {
    try {
      storage.setItem(key, JSON.stringify(state));
    } catch (e) {
      say("Không lưu được trên thiết bị này (bộ nhớ trình duyệt bị chặn hoặc đã đầy).");
    }
    count();
  }

  function say(text) { if (status) status.textContent = text; }

  function count() {
    var n = rows.filter(function (tr) {
      var r = state.rows[tr.getAttribute("data-bk-id")];
      return r && r.result;
    }).length;
    if (counter) counter.textContent = String(n);
  }

  function row(id) {
    if (!state.rows[id]) state.rows[id] = {};
    return state.rows[id];
  }

  function show(holder, text) {
    // The printed value beside the fill line (header) or in the cell (table).
    var val = holder.querySelector(".bk-val");
    if (!val && !text) return;
    if (!val) {
      val = document.createElement("span");
      val.className = "bk-val";
      holder.appendChild(val);
    }
    val.textContent = text;
    holder.classList.toggle("has-value", !!text);
  }

  function paint() {
    ["unit", "period"].forEach(function (name) {
      tools.querySelector('input[name="' + name + '"]').value = state[name];
      doc.querySelectorAll('[data-bk-show="' + name + '"]').forEach(function (fill) {
        show(fill.parentNode, state[name]);
      });
    });
    rows.forEach(function (tr) {
      var r = state.rows[tr.getAttribute("data-bk-id")] || {};
      tr.querySelectorAll("td[data-bk-result]").forEach(function (td) {
        var on = r.result === td.getAttribute("data-bk-result");
        td.querySelector("input").checked = on;
        td.classList.toggle("is-checked", on);
      });
      FIELDS.forEach(function (field) {
        var td = tr.querySelector('td[data-bk-field="' + field + '"]');
        td.querySelector("textarea").value = r[field] || "";
        show(td, r[field] || "");
      });
    });
    count();
  }

  function ascii(text) {
    // "UBND xã An Tường" -> "ubnd-xa-an-tuong": a file name any system keeps.
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function exportFile() {
    // The export's contract (/bang-kiem/schema.json): `format` and `key` as before (older pages
    // check them on import), and what an aggregator needs to know whose file it holds.
    var attr = function (name) { return tools.getAttribute("data-bk-" + name) || ""; };
    var data = {
      format: "bang-kiem",
      version: 2,
      key: key,
      resolution: { number: attr("number"), date: attr("date"), issuer: attr("issuer") },
      data_version: attr("version"),
      unit_type: attr("unit-type"),
      unit: state.unit,
      period: state.period,
      exported: new Date().toISOString(),
      rows: state.rows
    };
    var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = ["bang-kiem", attr("unit-type") || key.split(":").pop(), ascii(state.unit), ascii(state.period)]
      .filter(Boolean).join("-") + ".json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    say("Đã xuất tệp " + a.download + ".");
  }

  function importFile(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(reader.result); } catch (e) { data = null; }
      if (!data || data.format !== "bang-kiem") {
        say("Tệp này không phải tệp bảng kiểm đã xuất từ trang này.");
        return;
      }
      if (data.key !== key) {
        say("Tệp này là của một bảng kiểm khác; hãy mở đúng bảng kiểm rồi nhập lại.");
        return;
      }
      state = clean(data);
      save();
      paint();
      say("Đã nhập dữ liệu từ tệp " + file.name + ".");
    };
    reader.readAsText(file);
  }

  function print(blank) {
    document.documentElement.classList.toggle("bk-print-blank", blank);
    window.print();
  }

  paint();

  doc.addEventListener("click", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type="radio"]')) return;
    var id = input.name.slice(3);
    var r = row(id);
    // A second tap on the ticked box clears it: radios alone cannot be unticked.
    r.result = r.result === input.value ? undefined : input.value;
    if (!r.result) { delete r.result; input.checked = false; }
    save();
    paint();
  });
  doc.addEventListener("input", function (event) {
    var field = event.target.getAttribute && event.target.getAttribute("data-bk-input");
    if (!field) return;
    var tr = event.target.closest("tr[data-bk-id]");
    var r = row(tr.getAttribute("data-bk-id"));
    if (event.target.value) r[field] = event.target.value; else delete r[field];
    show(event.target.parentNode, event.target.value);
    save();
  });
  tools.addEventListener("input", function (event) {
    var name = event.target.name;
    if (name !== "unit" && name !== "period") return;
    state[name] = event.target.value;
    doc.querySelectorAll('[data-bk-show="' + name + '"]').forEach(function (fill) {
      show(fill.parentNode, state[name]);
    });
    save();
  });
  tools.addEventListener("click", function (event) {
    var action = event.target.getAttribute && event.target.getAttribute("data-bk-action");
    if (action === "print") print(false);
    else if (action === "print-blank") print(true);
    else if (action === "export") exportFile();
    else if (action === "reset") {
      if (!window.confirm("Xóa toàn bộ dữ liệu đã điền của bảng kiểm này trên thiết bị này? Không thể hoàn tác.")) return;
      storage.removeItem(key);
      state = empty();
      paint();
      say("Đã xóa dữ liệu đã điền.");
    }
  });
  tools.addEventListener("change", function (event) {
    if (event.target.getAttribute("data-bk-action") === "import" && event.target.files[0]) {
      importFile(event.target.files[0]);
      event.target.value = "";
    }
  });
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("bk-print-blank");
  });
  tools.setAttribute("data-bk-ready", "");  // filled in, listening: what tests wait for
})();
