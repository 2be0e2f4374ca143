/* Copy link / copy citation. Each <div class="nq-copy" data-nq-url data-nq-cite> gets two buttons
   and a polite live region that confirms the copy. Without JavaScript the box stays empty (and
   hidden); the URL and citation are printed on the page anyway.
   NOTE: kept instead of Material's clipboard (clipboard.js on [data-clipboard-text], whose only
   buttons are the code blocks' with content.code.copy), which lacks what users need here: its
   "Đã sao chép" shows in a dialog that screen readers are not told of (ours: a live region
   saying which of the two was copied), a failed copy says nothing (ours: shows the text to copy
   by hand), and its buttons would be in the page, dead, without JavaScript. */
(function () {
  "use strict";

  function fallbackCopy(text) {
    // NOTE: navigator.clipboard needs a secure context (https or localhost); a page opened from
    // a file or plain http falls back to the old selection-based copy.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function button(label, aria, text, status, done) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-label", aria);
    b.addEventListener("click", function () {
      copy(text).then(function () {
        status.textContent = done;
      }, function () {
        status.textContent = "Không sao chép được; hãy chọn và sao chép thủ công: " + text;
      });
    });
    return b;
  }

  function setUp(box) {
    var url = box.getAttribute("data-nq-url");
    var cite = box.getAttribute("data-nq-cite");
    if (!url || !cite || box.querySelector("button")) { return; }
    var status = document.createElement("span");
    status.className = "nq-copy__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    box.appendChild(button("Sao chép liên kết", "Sao chép liên kết: " + url, url, status,
                           "Đã sao chép liên kết"));
    box.appendChild(button("Sao chép trích dẫn", "Sao chép trích dẫn: " + cite, cite, status,
                           "Đã sao chép trích dẫn"));
    box.appendChild(status);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".nq-copy"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
