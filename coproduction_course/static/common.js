// common.js: helpers shared by every course widget view (joined in front of
// each view's own module by coproduction_course.base.view_module).

// Build an element; text is always set as text, never parsed as HTML, so
// anything a student types stays inert.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

let idCounter = 0;
function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}-${idCounter}`;
}

// Browser storage per page and widget. Storage can be full, blocked or absent
// (private mode, file:// pages); then we say so rather than lose work silently.
const STORAGE_PREFIX = "coproduction-course:v1:";
function storageKey(model) {
  const page = (globalThis.location && location.pathname) || "";
  return STORAGE_PREFIX + page + ":" + (model.get("storage_key") || "widget");
}
function loadSaved(model) {
  try {
    const raw = localStorage.getItem(storageKey(model));
    return raw ? JSON.parse(raw) : null;
  } catch (err) {
    return null;
  }
}
function save(model, value) {
  try {
    localStorage.setItem(storageKey(model), JSON.stringify(value));
    return true;
  } catch (err) {
    return false;
  }
}
function forget(model) {
  try {
    localStorage.removeItem(storageKey(model));
  } catch (err) {
    /* nothing stored */
  }
}

// Offer text as a file download (Markdown or JSON export).
function download(filename, text, type) {
  const blob = new Blob([text], { type: type || "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function slug(text) {
  return String(text || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "answers";
}

// A polite live region: screen readers announce feedback without moving focus.
function liveRegion() {
  return h("p", { class: "cw-status", role: "status", "aria-live": "polite" });
}

// A link to a book page, from a path relative to the site root such as
// "chapters/05-critiques.html#barrier-resistance". On the built site Sphinx puts
// the way to the root in <html data-content_root>, so the same data works from
// chapters/ and exercises/ pages. In a running notebook there is no site: the
// label is shown as plain text instead of a broken link.
function bookLink(link) {
  const root = document.documentElement.dataset.content_root;
  let url = null;
  if (root !== undefined) {
    try {
      url = new URL(root + link.href, location.href).href;
    } catch (err) {
      url = null;
    }
  }
  return url ? h("a", { href: url, text: link.label }) : h("span", { text: link.label });
}
