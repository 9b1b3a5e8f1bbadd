/* Built by coproduction_course/static/src/build.mjs from src/selfcheck/: edit those files, then run `npm run build:widgets`. */

// common/dom.js
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === void 0 || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === void 0 || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}
var idCounter = 0;
function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}-${idCounter}`;
}
function liveRegion() {
  return h("p", { class: "cw-status", role: "status", "aria-live": "polite" });
}

// common/links.js
function siteRoot(doc = globalThis.document) {
  if (!doc || !doc.documentElement) return null;
  const root = doc.documentElement.dataset.content_root;
  if (root === void 0) return null;
  const canonical = doc.querySelector('link[rel="canonical"]');
  const here = canonical && canonical.href || globalThis.location && globalThis.location.href;
  try {
    return new URL(root || "./", here).href;
  } catch (err) {
    return null;
  }
}
function absoluteHref(href, root) {
  if (!root) return null;
  try {
    return new URL(href, root).href;
  } catch (err) {
    return null;
  }
}
function bookLink(link) {
  const url = absoluteHref(link.href, siteRoot());
  return url ? h("a", { href: url, text: link.label }) : h("span", { text: link.label });
}

// common/landmark.js
var named = /* @__PURE__ */ new Map();
function sectionHeading(el) {
  let node = el.parentElement;
  while (node) {
    if (node.tagName === "SECTION" && !node.closest(".cw-widget")) {
      const heading = node.querySelector(":scope > h1, :scope > h2, :scope > h3, :scope > h4");
      if (heading) return heading.textContent.replace(/[#¶]\s*$/, "").trim();
    }
    node = node.parentElement;
  }
  return "";
}
function landmarkName(el, title) {
  const doc = el.ownerDocument;
  if (!named.has(doc)) named.set(doc, /* @__PURE__ */ new Set());
  const taken = named.get(doc);
  const context = sectionHeading(el);
  let name = context && context !== title ? `${title}: ${context}` : title;
  for (let n = 2; taken.has(name); n += 1) name = `${title} (${n})`;
  taken.add(name);
  return name;
}

// common/text.js
function fill(template, values) {
  let out = String(template);
  for (const [key, value] of Object.entries(values || {})) out = out.split("{" + key + "}").join(String(value));
  return out;
}

// selfcheck/quiz.js
function correctIndex(question) {
  return question.options.findIndex((o) => o.correct === true);
}
function tally(questions, choices) {
  const correct = questions.filter((q) => choices[q.id] === correctIndex(q)).length;
  const answered = questions.filter((q) => choices[q.id] !== void 0).length;
  return { correct, answered, total: questions.length };
}

// common/store.js
var STORAGE_PREFIX = "coproduction-course:v1:";
function storageKey(model, location = globalThis.location) {
  const page = location && location.pathname || "";
  return STORAGE_PREFIX + page + ":" + (model.get("storage_key") || "widget");
}
function upgrade(format, saved, context) {
  if (!saved || typeof saved !== "object" || Array.isArray(saved)) return null;
  let value = saved;
  let version = Number.isInteger(value.version) ? value.version : 0;
  while (version < format.version) {
    const step = (format.migrations || {})[version];
    if (!step) return null;
    value = step(value);
    if (!value || typeof value !== "object") return null;
    version += 1;
    value = Object.assign({}, value, { version });
  }
  if (version !== format.version) return null;
  const clean = format.clean(value, context);
  return clean ? Object.assign({ version }, clean) : null;
}
function storage() {
  try {
    return globalThis.localStorage || null;
  } catch (err) {
    return null;
  }
}
function createStore(format) {
  return {
    load(model, context) {
      const area = storage();
      let raw = null;
      try {
        raw = area ? area.getItem(storageKey(model)) : null;
      } catch (err) {
        raw = null;
      }
      if (raw === null) return { status: "none", value: null };
      let parsed = null;
      try {
        parsed = JSON.parse(raw);
      } catch (err) {
        return { status: "corrupt", value: null };
      }
      const value = upgrade(format, parsed, context);
      return value ? { status: "restored", value } : { status: "corrupt", value: null };
    },
    save(model, value) {
      try {
        storage().setItem(storageKey(model), JSON.stringify(Object.assign({}, value, { version: format.version })));
        return true;
      } catch (err) {
        return false;
      }
    },
    forget(model) {
      try {
        storage().removeItem(storageKey(model));
      } catch (err) {
      }
    }
  };
}
function isRecord(value) {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

// selfcheck/saved.js
function cleanSaved(saved, questions) {
  if (!isRecord(saved.choices)) return null;
  const choices = {};
  for (const q of questions) {
    const value = saved.choices[q.id];
    if (Number.isInteger(value) && value >= 0 && value < q.options.length) choices[q.id] = value;
  }
  return { choices };
}
var SELFCHECK_FORMAT = { version: 1, migrations: { 0: (v0) => ({ choices: v0.choices }) }, clean: cleanSaved };
var store = createStore(SELFCHECK_FORMAT);

// selfcheck/index.js
function showFeedback(ui, box, q, qIndex, optIndex) {
  box.replaceChildren();
  if (optIndex === void 0 || optIndex === null || !q.options[optIndex]) {
    box.hidden = true;
    return "";
  }
  const right = optIndex === correctIndex(q);
  const verdict = right ? ui.right : ui.wrong;
  box.hidden = false;
  box.className = "sc-feedback " + (right ? "sc-right" : "sc-wrong");
  box.append(
    h("span", { class: "sc-icon", "aria-hidden": "true", text: right ? "✓ " : "✗ " }),
    h("strong", { class: "sc-verdict", text: verdict }),
    " ",
    h("span", { class: "sc-why", text: q.options[optIndex].feedback }),
    h("span", { class: "sc-more" }, ` ${ui.read_more} `, bookLink(q.link))
  );
  return fill(ui.announce, { n: qIndex + 1, verdict, feedback: q.options[optIndex].feedback });
}
function questionBlock(view, q, qIndex) {
  const { ui, questions, choices } = view;
  const name = uid("sc-q");
  const fieldset = h("fieldset", { class: "sc-question", "data-question": q.id });
  const number = fill(ui.question_number, { n: qIndex + 1, total: questions.length });
  fieldset.append(h("legend", { class: "sc-prompt" }, h("span", { class: "sc-num", text: number + " " }), q.prompt));
  const list = h("div", { class: "sc-options" });
  const box = h("p", { class: "sc-feedback", hidden: true });
  const inputs = q.options.map((opt, optIndex) => {
    const id = uid("sc-opt");
    const input = h("input", { type: "radio", name, id, value: String(optIndex) });
    input.checked = choices[q.id] === optIndex;
    input.addEventListener("change", () => input.checked && view.choose(q, qIndex, optIndex));
    list.append(h("div", { class: "sc-option" }, input, h("label", { for: id, text: opt.text })));
    return input;
  });
  fieldset.append(list, box);
  showFeedback(ui, box, q, qIndex, choices[q.id]);
  return { fieldset, box, inputs };
}
function render({ model, el }) {
  const ui = model.get("ui");
  const questions = model.get("questions") || [];
  const loaded = store.load(model, questions);
  const view = { ui, questions, choices: Object.assign({}, model.get("choices") || {}, loaded.value ? loaded.value.choices : {}) };
  const status = liveRegion();
  status.classList.add("sc-status");
  const tallyLine = h("p", { class: "sc-tally" });
  const notice = h("p", { class: "cw-notice", hidden: loaded.status !== "corrupt", text: ui.corrupt_saved });
  const updateTally = () => tallyLine.textContent = fill(ui.tally, tally(questions, view.choices));
  const persist = () => {
    notice.hidden = store.save(model, { choices: view.choices }) ? notice.hidden : false;
    model.set("choices", Object.assign({}, view.choices));
    model.save_changes();
  };
  const blocks = {};
  view.choose = (q, qIndex, optIndex) => {
    view.choices[q.id] = optIndex;
    status.textContent = showFeedback(ui, blocks[q.id].box, q, qIndex, optIndex);
    updateTally();
    persist();
  };
  const intro = h("p", { class: "sc-intro" }, h("strong", { text: fill(ui.heading, { title: model.get("title") }) }), " ", fill(ui.intro, { count: questions.length }));
  const root = h("section", { class: "cw-widget sc" }, intro, notice);
  questions.forEach((q, qIndex) => {
    blocks[q.id] = questionBlock(view, q, qIndex);
    root.append(blocks[q.id].fieldset);
  });
  const clear = h("button", { type: "button", class: "cw-secondary sc-reset", text: ui.clear });
  clear.addEventListener("click", () => {
    view.choices = {};
    store.forget(model);
    model.set("choices", {});
    model.save_changes();
    questions.forEach((q, qIndex) => {
      blocks[q.id].inputs.forEach((input) => input.checked = false);
      showFeedback(ui, blocks[q.id].box, q, qIndex, void 0);
    });
    updateTally();
    status.textContent = ui.cleared;
  });
  updateTally();
  root.append(h("div", { class: "sc-footer" }, tallyLine, clear), status);
  el.replaceChildren(root);
  root.setAttribute("aria-label", landmarkName(root, fill(ui.label, { chapter: model.get("chapter") })));
}
var index_default = { render };
export {
  index_default as default
};
