/* Glossary terms: every <abbr title> on a page (generator/mkdocs/glossary_marks.py marks each term
   of the glossary once in each block of text) shows its explanation in a tooltip, on hover or on a tap. One
   tooltip element and a few listeners on the document serve every term of the page, so the page
   costs the same to start however many terms it has (Material's own tooltips, content.tooltips,
   set each one up as the page loads: up to 0.2 s of a slow phone's main thread on the full
   text). Without this script the browser's own title tooltip remains. */
(function () {
  "use strict";

  var GAP = 8; // px between the term and its tooltip, and between the tooltip and the window's edges
  var WIDTH = 320; // px, the widest a tooltip gets
  var tip = null; // the tooltip element, made when first needed
  var host = null; // the <abbr> whose explanation is shown
  var timer = 0;

  function termAt(node) {
    return node && node.closest ? node.closest("abbr[title], abbr[data-nq-title]") : null;
  }

  function inside(node, el) {
    return !!(node && el && el.contains(node));
  }

  function show(el) {
    clearTimeout(timer);
    if (el === host) return;
    hide();
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "nq-tip";
      tip.className = "nq-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    host = el;
    // NOTE: the title moves aside while its tooltip is shown, or the browser would show it too.
    el.setAttribute("data-nq-title", el.getAttribute("title"));
    el.removeAttribute("title");
    el.setAttribute("aria-describedby", tip.id);
    tip.textContent = el.getAttribute("data-nq-title");
    tip.hidden = false;
    place();
  }

  function hide() {
    clearTimeout(timer);
    if (!host) return;
    host.setAttribute("title", host.getAttribute("data-nq-title"));
    host.removeAttribute("data-nq-title");
    host.removeAttribute("aria-describedby");
    host = null;
    tip.hidden = true;
  }

  function hideSoon() {
    // NOTE: a moment's grace lets the pointer cross from the term to its tooltip (to select or
    // read a long explanation) without losing it.
    clearTimeout(timer);
    timer = setTimeout(hide, 300);
  }

  function place() {
    // Under the term, centred on it and kept inside the window; above it if there is no room
    // under it in the window but there is above.
    var term = host.getBoundingClientRect();
    var room = document.documentElement.clientWidth;
    tip.style.maxWidth = Math.min(WIDTH, room - 2 * GAP) + "px";
    tip.style.left = "0px";
    tip.style.top = "0px";
    var size = tip.getBoundingClientRect();
    var left = Math.max(GAP, Math.min(term.left + term.width / 2 - size.width / 2, room - GAP - size.width));
    var top = term.bottom + GAP;
    if (top + size.height > window.innerHeight && term.top - GAP - size.height >= 0) {
      top = term.top - GAP - size.height;
    }
    tip.style.left = Math.round(left + window.scrollX) + "px";
    tip.style.top = Math.round(top + window.scrollY) + "px";
  }

  document.addEventListener("mouseover", function (ev) {
    if (inside(ev.target, host) || inside(ev.target, tip)) {
      clearTimeout(timer);
      return;
    }
    var el = termAt(ev.target);
    if (el) show(el);
    else if (host) hideSoon();
  });
  document.addEventListener("mouseout", function (ev) {
    if (host && !ev.relatedTarget) hideSoon(); // the pointer left the window
  });
  // A tap on a phone: the term shows its explanation, a tap anywhere else hides it.
  document.addEventListener("click", function (ev) {
    var el = termAt(ev.target);
    if (el) show(el);
    else if (host && !inside(ev.target, tip)) hide();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && host) hide();
  });
  window.addEventListener("resize", function () {
    if (host) place();
  });
})();
