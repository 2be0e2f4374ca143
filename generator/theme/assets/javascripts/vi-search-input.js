/* Material triggers search only on keyup/focus. Also search on input (paste
   from context menu, drag&drop, autofill, IME commit), paste and compositionend. */
(function () {
  var el = document.querySelector(".md-search__input")
  if (!el) return
  function kick() { el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true })) }
  el.addEventListener("input", function (ev) { if (!ev.isComposing) kick() })
  el.addEventListener("compositionend", kick)
  el.addEventListener("paste", function () { setTimeout(kick, 0) })
})()
