/* Tổng hợp bảng kiểm: reads many units' exported checklists (JSON files the reader chooses or
   drops), checks each, and counts them per requirement and per unit; downloads the counts as
   CSV and as an Excel workbook made here (tong-hop-xlsx.js). Nothing is sent anywhere: the files
   are read by FileReader and kept in this page's memory only. Nothing a file holds is put into
   the page as markup (textContent only). The page's rows (requirements, in the resolution's
   order, with the unit types whose checklist has each) come from the generator. */
(function () {
  "use strict";

  var tools = document.querySelector("[data-th-tools]");
  var doc = document.querySelector("[data-th-doc]");
  if (!tools || !doc) return;

  var RESULTS = ["done", "todo", "na"];
  var KEYS = ["done", "todo", "na", "blank"];
  var LABELS = { done: "Đã thực hiện", todo: "Chưa thực hiện", na: "Không áp dụng", blank: "Chưa đánh giá" };
  var MAX = Number(tools.getAttribute("data-th-max")) || 1000000;
  var ME = {
    number: tools.getAttribute("data-th-number"),
    date: tools.getAttribute("data-th-date"),
    issuer: tools.getAttribute("data-th-issuer"),
    version: tools.getAttribute("data-th-version")
  };
  var status = tools.querySelector("[data-th-status]");
  var list = tools.querySelector("[data-th-files]");
  var typeFilter = tools.querySelector('[data-th-filter="type"]');
  var periodFilter = tools.querySelector('[data-th-filter="period"]');
  var reqBody = doc.querySelector("[data-th-requirements] tbody");
  var unitBody = doc.querySelector("[data-th-unit-rows]");

  // The resolution's requirements, from the page: id, old ids, unit types, wording, căn cứ.
  var reqRows = Array.prototype.slice.call(reqBody.querySelectorAll("tr[data-th-id]"));
  var reqs = reqRows.map(function (tr, i) {
    return {
      id: tr.getAttribute("data-th-id"),
      aliases: words(tr.getAttribute("data-th-aliases")),
      units: words(tr.getAttribute("data-th-units")),
      wording: tr.querySelector(".th-w").textContent,
      basis: tr.getAttribute("data-th-basis"),
      order: i,
      tr: tr
    };
  });
  var unitNames = {};
  Array.prototype.forEach.call(typeFilter.options, function (o) { if (o.value) unitNames[o.value] = o.textContent; });
  // unit type -> {requirement id or old id -> requirement}
  var byType = {};
  Object.keys(unitNames).forEach(function (t) { byType[t] = {}; });
  reqs.forEach(function (r) {
    r.units.forEach(function (t) {
      if (!byType[t]) return;
      r.aliases.forEach(function (a) { if (!byType[t][a]) byType[t][a] = r; });
      byType[t][r.id] = r;
    });
  });

  var files = [];   // every file read: {name, verdict, note, unit?} in the order chosen
  var units = {};   // key of unit and period -> the unit counted (the later file wins)
  var expected = []; // {name, type}
  var behind = false;

  function words(s) { return (s || "").split(" ").filter(Boolean); }
  function norm(s) { return String(s).normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi"); }
  function say(text) { status.textContent = text; }

  // -- one file -------------------------------------------------------------------------------

  function check(name, text) {
    // -> {verdict, note, unit} ; unit is what is counted when the file is read.
    var data;
    try { data = JSON.parse(text); } catch (e) { data = null; }
    if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== "bang-kiem" ||
        typeof data.rows !== "object" || !data.rows || Array.isArray(data.rows)) {
      return { verdict: "bad", note: "Không phải tệp bảng kiểm đã xuất (không đọc được hoặc thiếu các trường của bảng kiểm)." };
    }
    var old = !data.resolution, type, number, notes = [];
    var key = typeof data.key === "string" ? data.key.split(":") : [];
    if (old) {
      // Exported before the export named its resolution: "bang-kiem:<number>:<unit type>".
      if (key.length < 3 || key[0] !== "bang-kiem") return { verdict: "bad", note: "Không phải tệp bảng kiểm đã xuất (thiếu khóa bảng kiểm)." };
      number = key.slice(1, -1).join(":");
      type = key[key.length - 1];
      if (number !== ME.number) return { verdict: "foreign", note: "Của nghị quyết khác (số " + number + ")." };
      notes.push("Tệp theo định dạng cũ: chỉ đối chiếu được theo số nghị quyết " + number + ".");
    } else {
      var res = data.resolution || {};
      if (res.number !== ME.number || res.date !== ME.date || norm(res.issuer || "") !== norm(ME.issuer)) {
        return { verdict: "foreign", note: "Của nghị quyết khác (" + [res.number, res.date, res.issuer].filter(function (x) { return typeof x === "string"; }).join(", ") + ")." };
      }
      type = data.unit_type;
      if (typeof data.data_version === "string" && data.data_version !== ME.version) {
        notes.push("Xuất từ phiên bản dữ liệu " + data.data_version + " (trang này: " + ME.version + ").");
      }
    }
    if (typeof type !== "string" || !byType[type]) {
      return { verdict: "bad", note: "Loại đơn vị “" + String(type) + "” không có trong dữ liệu của trang này." };
    }
    var unit = typeof data.unit === "string" ? data.unit.trim() : "";
    var period = typeof data.period === "string" ? data.period.trim() : "";
    if (!unit) return { verdict: "bad", note: "Tệp chưa ghi tên cơ quan, đơn vị: không tổng hợp được." };
    var results = {}, unknown = [];
    Object.keys(data.rows).forEach(function (id) {
      var r = byType[type][id];
      var row = data.rows[id];
      if (!r) { unknown.push(id); return; }
      if (!row || typeof row !== "object" || RESULTS.indexOf(row.result) < 0) return;
      // The current id wins over an old one written in the same file.
      if (id === r.id || !results[r.id]) results[r.id] = row.result;
    });
    if (unknown.length) notes.push("Có " + unknown.length + " nội dung không có trong dữ liệu này, không được tính: " + unknown.join(", ") + ".");
    return {
      verdict: "read",
      note: notes.join(" "),
      unit: { name: unit, period: period, type: type, results: results, file: name, key: norm(unit) + "\u0000" + norm(period) }
    };
  }

  function add(name, size, text) {
    var f = { name: name };
    if (size > MAX) {
      f.verdict = "big";
      f.note = "Tệp quá lớn (" + Math.round(size / 1000) + " kB; tối đa " + Math.round(MAX / 1000) + " kB): không đọc.";
    } else {
      var c = check(name, text);
      f.verdict = c.verdict;
      f.note = c.note;
      if (c.unit) {
        var before = units[c.unit.key];
        if (before) {
          before.entry.verdict = "replaced";
          before.entry.note = "Cùng đơn vị và kỳ với tệp " + name + " chọn sau: tệp sau được tính.";
          f.note = (f.note ? f.note + " " : "") + "Thay cho tệp " + before.file + " (cùng đơn vị và kỳ).";
        }
        c.unit.entry = f;
        units[c.unit.key] = c.unit;
        f.unit = c.unit;
      }
    }
    files.push(f);
  }

  var VERDICT = {
    read: "Đã đọc",
    bad: "Không phải tệp bảng kiểm",
    foreign: "Nghị quyết khác",
    replaced: "Trùng đơn vị đã nạp",
    big: "Quá lớn"
  };

  function readAll(list) {
    var chosen = Array.prototype.slice.call(list).filter(function (f) { return f && typeof f.name === "string"; });
    if (!chosen.length) return;
    say("Đang đọc " + chosen.length + " tệp…");
    var start = performance.now();
    var texts = new Array(chosen.length);
    var left = chosen.length;
    chosen.forEach(function (file, i) {
      if (file.size > MAX) { texts[i] = ""; if (--left === 0) done(); return; }
      var reader = new FileReader();
      reader.onload = function () { texts[i] = String(reader.result); if (--left === 0) done(); };
      reader.onerror = function () { texts[i] = ""; if (--left === 0) done(); };
      reader.readAsText(file);
    });
    function done() {
      // In the order chosen, so that "the later file counts" is the reader's order.
      chosen.forEach(function (file, i) { add(file.name, file.size, texts[i]); });
      refresh();
      // The time from the files chosen to the picture drawn (make bench reads it).
      tools.setAttribute("data-th-ms", String(Math.round(performance.now() - start)));
      var n = files.filter(function (f) { return f.verdict === "read"; }).length;
      say("Đã đọc " + chosen.length + " tệp; đang tổng hợp " + n + " đơn vị.");
    }
  }

  // -- counts ---------------------------------------------------------------------------------

  function shown() {
    var t = typeFilter.value, p = periodFilter.value;
    return Object.keys(units).map(function (k) { return units[k]; }).filter(function (u) {
      return (!t || u.type === t) && (!p || norm(u.period) === p);
    }).sort(function (a, b) { return a.name.localeCompare(b.name, "vi") || a.period.localeCompare(b.period, "vi"); });
  }

  function share(c) {
    var base = c.done + c.todo + c.blank;
    return base ? Math.round((c.done * 1000) / base) / 10 : null;
  }

  function counts(list) {
    // -> {requirements: [{req, c}], units: [{unit, c, left}]}
    var byReq = {};
    reqs.forEach(function (r) { byReq[r.id] = { done: 0, todo: 0, na: 0, blank: 0 }; });
    var out = list.map(function (u) {
      var c = { done: 0, todo: 0, na: 0, blank: 0 }, left = [];
      reqs.forEach(function (r) {
        if (r.units.indexOf(u.type) < 0) return;
        var k = u.results[r.id] || "blank";
        c[k]++;
        byReq[r.id][k]++;
        if (k === "todo" || k === "blank") left.push(r);
      });
      return { unit: u, c: c, left: left };
    });
    return { requirements: reqs.map(function (r) { return { req: r, c: byReq[r.id] }; }), units: out };
  }

  function pct(x) { return x === null ? "" : String(x); }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  var last;
  function refresh() {
    periods();
    var list = shown();
    var all = counts(list);
    last = all;
    // by requirement: counts, bars, share; behind first on demand
    var rows = all.requirements.slice();
    if (behind) {
      rows.sort(function (a, b) {
        var x = share(a.c), y = share(b.c);
        x = x === null ? 101 : x; y = y === null ? 101 : y;
        return x - y || a.req.order - b.req.order;
      });
    }
    rows.forEach(function (row) {
      var tr = row.req.tr, total = KEYS.reduce(function (s, k) { return s + row.c[k]; }, 0);
      KEYS.forEach(function (k) {
        tr.querySelector('[data-th-count="' + k + '"]').textContent = String(row.c[k]);
        tr.querySelector(".th-seg.th-" + k).style.width = total ? (100 * row.c[k] / total) + "%" : "0";
      });
      tr.querySelector(".th-pct").textContent = share(row.c) === null ? "–" : pct(share(row.c)) + "%";
      tr.title = total ? KEYS.map(function (k) { return LABELS[k] + ": " + row.c[k]; }).join("; ") : "";
      reqBody.appendChild(tr);
    });
    // by unit
    unitBody.textContent = "";
    all.units.forEach(function (row, i) {
      var tr = el("tr");
      tr.setAttribute("data-th-unit", row.unit.key);
      tr.appendChild(el("td", String(i + 1), "bk-stt"));
      tr.appendChild(el("td", row.unit.name, "th-name"));
      tr.appendChild(el("td", unitNames[row.unit.type]));
      tr.appendChild(el("td", row.unit.period));
      KEYS.forEach(function (k) {
        var td = el("td", String(row.c[k]), "th-n");
        td.setAttribute("data-th-count", k);
        tr.appendChild(td);
      });
      var s = share(row.c);
      var td = el("td", s === null ? "–" : pct(s) + "%", "th-n th-share");
      td.setAttribute("data-th-count", "share");
      var bar = el("span", undefined, "th-bar");
      bar.setAttribute("aria-hidden", "true");
      var seg = el("span", undefined, "th-seg th-done");
      seg.style.width = (s || 0) + "%";
      bar.appendChild(seg);
      td.appendChild(bar);
      tr.appendChild(td);
      var cell = el("td", undefined, "th-left");
      if (row.left.length) {
        var det = el("details"), sum = el("summary", row.left.length + " nội dung");
        det.appendChild(sum);
        var ul = el("ul");
        row.left.forEach(function (r) { ul.appendChild(el("li", r.wording + " (" + r.basis + ")")); });
        det.appendChild(ul);
        cell.appendChild(det);
      } else cell.textContent = "Không còn";
      tr.appendChild(cell);
      unitBody.appendChild(tr);
    });
    // files
    list = tools.querySelector("[data-th-files]");
    list.textContent = "";
    files.forEach(function (f) {
      var li = el("li");
      li.setAttribute("data-th-verdict", f.verdict);
      li.appendChild(el("span", f.name, "th-file"));
      li.appendChild(document.createTextNode(": "));
      li.appendChild(el("strong", VERDICT[f.verdict]));
      if (f.unit && f.verdict === "read") li.appendChild(document.createTextNode(" – " + f.unit.name + (f.unit.period ? ", " + f.unit.period : "")));
      if (f.note) li.appendChild(el("span", " " + f.note, "th-note"));
      list.appendChild(li);
    });
    missing();
    var summary = doc.querySelector("[data-th-summary]");
    summary.textContent = "Số đơn vị đã báo cáo: " + all.units.length + "." +
      (expected.length ? " Số đơn vị phải báo cáo: " + expected.length + "; chưa báo cáo: " + notReported().length + "." : "");
    doc.querySelector('[data-th-show="period"]').textContent = periodFilter.value ? periodFilter.options[periodFilter.selectedIndex].textContent : "tất cả các kỳ";
    doc.querySelector('[data-th-show="type"]').textContent = typeFilter.value ? unitNames[typeFilter.value] : "tất cả";
    tools.setAttribute("data-th-files-read", String(files.length));
  }

  function periods() {
    var seen = {}, keep = periodFilter.value;
    Object.keys(units).forEach(function (k) {
      var p = units[k].period;
      if (!(norm(p) in seen)) seen[norm(p)] = p || "(không ghi kỳ)";
    });
    while (periodFilter.options.length > 1) periodFilter.remove(1);
    Object.keys(seen).sort().forEach(function (k) {
      var o = el("option", seen[k]);
      o.value = k;
      periodFilter.appendChild(o);
    });
    periodFilter.value = keep in seen ? keep : "";
  }

  // -- who has not reported ------------------------------------------------------------------

  function parseExpected(text) {
    var typeOf = {};
    Object.keys(unitNames).forEach(function (t) { typeOf[norm(unitNames[t])] = t; typeOf[norm(t)] = t; });
    return String(text).replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).map(function (line) {
      var parts = line.split(/[\t;]|,(?=[^,]*$)/);
      var name = parts[0].replace(/^"|"$/g, "").trim();
      var type = parts.length > 1 ? parts[parts.length - 1].replace(/^"|"$/g, "").trim() : "";
      return { name: name, type: typeOf[norm(type)] || "", typeText: type };
    }).filter(function (u) { return u.name; });
  }

  function notReported() {
    var have = {};
    shown().forEach(function (u) { have[norm(u.name)] = true; });
    var t = typeFilter.value;
    return expected.filter(function (u) { return !have[norm(u.name)] && (!t || !u.type || u.type === t); });
  }

  function missing() {
    var box = doc.querySelector("[data-th-missing]");
    var ol = doc.querySelector("[data-th-missing-list]");
    ol.textContent = "";
    box.hidden = !expected.length;
    notReported().forEach(function (u) {
      ol.appendChild(el("li", u.name + (u.type ? " (" + unitNames[u.type] + ")" : u.typeText ? " (" + u.typeText + ")" : "")));
    });
    if (expected.length && !ol.children.length) ol.appendChild(el("li", "Tất cả các đơn vị trong danh sách đã báo cáo."));
  }

  // -- downloads -----------------------------------------------------------------------------

  function tables() {
    var all = last || counts(shown());
    var a = [["Mã", "Căn cứ", "Nội dung"].concat(KEYS.map(function (k) { return LABELS[k]; }))];
    all.requirements.forEach(function (row) {
      a.push([row.req.id, row.req.basis, row.req.wording].concat(KEYS.map(function (k) { return row.c[k]; })));
    });
    var b = [["Đơn vị", "Loại đơn vị", "Kỳ đánh giá"].concat(KEYS.map(function (k) { return LABELS[k]; }), ["Tỷ lệ đã thực hiện"])];
    all.units.forEach(function (row) {
      var s = share(row.c);
      b.push([row.unit.name, unitNames[row.unit.type], row.unit.period].concat(KEYS.map(function (k) { return row.c[k]; }), [s === null ? "" : s]));
    });
    return { requirements: a, units: b };
  }

  function safe(text) {
    // A cell that a spreadsheet would run as a formula stays text: a leading apostrophe.
    return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
  }

  function csv(rows) {
    return "\uFEFF" + rows.map(function (row) {
      return row.map(function (cell) {
        if (typeof cell === "number") return String(cell);
        var s = safe(String(cell));
        return /[",\r\n]/.test(s) || s !== String(cell) ? '"' + s.replace(/"/g, '""') + '"' : s;
      }).join(",");
    }).join("\r\n") + "\r\n";
  }

  function save(name, blob) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    say("Đã tạo tệp " + name + ".");
  }

  window.nqTongHop = { tables: tables, csv: csv, safe: safe };

  // -- events --------------------------------------------------------------------------------

  tools.addEventListener("change", function (event) {
    var t = event.target;
    if (t.hasAttribute("data-th-input") && t.files.length) { readAll(t.files); t.value = ""; }
    else if (t.hasAttribute("data-th-expected-file") && t.files[0]) {
      var reader = new FileReader();
      reader.onload = function () {
        tools.querySelector("[data-th-expected]").value = String(reader.result).replace(/^\uFEFF/, "");
        expected = parseExpected(reader.result);
        refresh();
      };
      reader.readAsText(t.files[0]);
      t.value = "";
    } else if (t.hasAttribute("data-th-filter")) refresh();
  });
  tools.addEventListener("input", function (event) {
    var t = event.target;
    if (t.hasAttribute("data-th-expected")) { expected = parseExpected(t.value); refresh(); }
    else if (t.hasAttribute("data-th-reporter")) {
      var fill = doc.querySelector('[data-th-show="reporter"]');
      fill.textContent = t.value.trim() || "……………………";
    }
  });
  tools.addEventListener("click", function (event) {
    var b = event.target.closest && event.target.closest("[data-th-action]");
    if (!b) return;
    var action = b.getAttribute("data-th-action");
    if (action === "print") window.print();
    else if (action === "behind") {
      behind = !behind;
      b.setAttribute("aria-pressed", String(behind));
      refresh();
    } else if (action === "csv-requirements") save("tong-hop-theo-noi-dung.csv", new Blob([csv(tables().requirements)], { type: "text/csv;charset=utf-8" }));
    else if (action === "csv-units") save("tong-hop-theo-don-vi.csv", new Blob([csv(tables().units)], { type: "text/csv;charset=utf-8" }));
    else if (action === "xlsx" && window.nqXlsx) {
      var t = tables();
      save("tong-hop.xlsx", window.nqXlsx([["Theo nội dung", t.requirements], ["Theo đơn vị", t.units]]));
    } else if (action === "clear") {
      files = []; units = {};
      refresh();
      say("Đã bỏ các tệp đã chọn.");
    }
  });
  var drop = tools.querySelector("[data-th-drop]");
  drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("is-over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("is-over"); });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    drop.classList.remove("is-over");
    var items = event.dataTransfer.items, entries = [];
    for (var i = 0; items && i < items.length; i++) {
      var entry = items[i].webkitGetAsEntry && items[i].webkitGetAsEntry();
      if (entry) entries.push(entry);
    }
    if (!entries.length) { readAll(event.dataTransfer.files); return; }
    // A dropped folder: its files (and its folders' files), read as they are found.
    var found = [], pending = 0;
    function walk(entry) {
      pending++;
      if (entry.isFile) entry.file(function (f) { found.push(f); finish(); }, finish);
      else if (entry.isDirectory) {
        var reader = entry.createReader();
        (function more() {
          reader.readEntries(function (batch) {
            if (!batch.length) { finish(); return; }
            batch.forEach(walk);
            more();
          }, finish);
        })();
      } else finish();
    }
    function finish() { if (--pending === 0) readAll(found.sort(function (a, b) { return a.name.localeCompare(b.name); })); }
    entries.forEach(walk);
  });
  refresh();
  say("Chưa có tệp nào.");
  tools.setAttribute("data-th-ready", "");
})();
