// The article page: hovering a marked piece of text lights its record in the list, and the reverse.
"use strict";
(() => {
  const text = document.getElementById("article-text");
  function light(ref, on) {
    if (!ref) return;
    document.getElementById(ref)?.classList.toggle("lit", on);
    text.querySelectorAll(`[data-ref="${CSS.escape(ref)}"]`).forEach(n => n.classList.toggle("lit", on));
  }
  text.addEventListener("mouseover", e => light(e.target.dataset?.ref, true));
  text.addEventListener("mouseout", e => light(e.target.dataset?.ref, false));
  document.querySelectorAll("aside.records li[id]").forEach(li => {
    li.addEventListener("mouseenter", () => light(li.id, true));
    li.addEventListener("mouseleave", () => light(li.id, false));
  });
})();
