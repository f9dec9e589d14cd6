// Shared helpers of the explorer's pages. Every string from the store goes in as text
// (textContent or a text node), never as HTML; links are checked to be http(s) or the app's own.
"use strict";
const comity = (() => {
  const QUAD = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
  const QUAD_COLOUR = {1: "#7fbf7b", 2: "#1b7837", 3: "#f4a582", 4: "#b2182b"};
  const QUAD_KEY = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"};

  function safeHref(url) {
    if (typeof url !== "string") return null;
    if (url.startsWith("/") && !url.startsWith("//")) return url;
    return /^https?:\/\//i.test(url) ? url : null;
  }

  // el("a", {href: "/x", class: "c"}, "text", child…): attributes set one by one, children as text.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "href") {
        const href = safeHref(value);
        if (href) node.setAttribute("href", href);
      } else if (name.startsWith("on")) {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail ? JSON.stringify(body.detail) : response.statusText);
    return body;
  }

  function failed(root, error) {
    root.replaceChildren(el("p", {class: "failed"}, "Could not load: " + error.message));
  }

  function path(...parts) {
    return "/" + parts.map(encodeURIComponent).join("/");
  }

  function fmt(value, digits = 2) {
    return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
  }

  return {QUAD, QUAD_COLOUR, QUAD_KEY, safeHref, el, getJSON, failed, path, fmt};
})();
