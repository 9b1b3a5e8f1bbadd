/* Built by coproduction_course/static/src/build.mjs from src/checklist/: edit those files, then run `npm run build:widgets`. */

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
var SVG_NS = "http://www.w3.org/2000/svg";
function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === void 0 || value === null) continue;
    if (key === "text") el.textContent = value;
    else el.setAttribute(key, String(value));
  }
  for (const child of children) if (child) el.append(child);
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

// common/download.js
function download(filename, text, type) {
  const blob = new Blob([text], { type: type || "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1e3);
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
function slug(text) {
  return String(text || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "answers";
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
function absoluteHref(href2, root) {
  if (!root) return null;
  try {
    return new URL(href2, root).href;
  } catch (err) {
    return null;
  }
}
function bookLink(link) {
  const url = absoluteHref(link.href, siteRoot());
  return url ? h("a", { href: url, text: link.label }) : h("span", { text: link.label });
}

// checklist/score.js
var RATING_VALUES = [0, 1, 2];
var RATING_KEYS = ["not_seen", "partly", "clearly"];
function isRating(value) {
  return RATING_VALUES.includes(value);
}
function bandFor(content, rated, percent) {
  if (rated === 0 || percent === null) return "none";
  for (const band of content.bands) {
    if (percent <= band.up_to) return band.id;
  }
  return content.bands[content.bands.length - 1].id;
}
function counts(values, total) {
  const clearly = values.filter((v) => v === 2).length;
  const partly = values.filter((v) => v === 1).length;
  const notSeen = values.filter((v) => v === 0).length;
  return { seen: clearly + partly, clearly, partly, not_seen: notSeen, unanswered: total - values.length };
}
function banded(content, values, total) {
  const max = 2 * values.length;
  const score = values.reduce((a, b) => a + b, 0);
  const percent = max ? Math.floor(100 * score / max) : null;
  return { rated: values.length, total, score, max, percent, band: bandFor(content, values.length, percent), ...counts(values, total) };
}
function scoreAll(content, ratings, notes = {}) {
  const all = [];
  const missing = [];
  const groups = content.groups.map((group) => {
    const values = group.indicators.map((i) => ratings[i.id]).filter(isRating);
    all.push(...values);
    if (!values.length || !String(notes[group.id] || "").trim()) missing.push(group.id);
    return { id: group.id, ...banded(content, values, group.indicators.length) };
  });
  const overall = banded(content, all, groups.reduce((t, g) => t + g.total, 0));
  const position = !missing.length && overall.band !== "none" ? content.overall.by_band[overall.band] : null;
  const { seen, clearly, partly, not_seen: notSeen, unanswered, ...rest } = overall;
  return {
    groups,
    overall: { ...rest, position, evidence_missing: missing, seen, clearly, partly, not_seen: notSeen, unanswered }
  };
}

// checklist/export.js
function bandLabel(content, band) {
  if (band === "none") return content.ui.not_rated;
  return content.bands.find((b) => b.id === band).label;
}
function positionOf(content, position) {
  return content.overall.positions.find((p) => p.id === position);
}
function positionLabel(content, position) {
  return position === null ? content.overall.not_enough : positionOf(content, position).label;
}
function countsText(shared, s) {
  return fill(shared.counts_template, s);
}
function scoreText(content, shared, s, withBand = true) {
  if (!s.rated) return `${content.ui.not_rated} (${fill(content.ui.rated_template, { rated: 0, total: s.total })})`;
  const text = countsText(shared, s);
  return withBand && s.rated ? `${text} ${bandLabel(content, s.band)}` : text;
}
function positionText(content, shared, o) {
  if (o.position !== null) return positionLabel(content, o.position);
  if (o.rated === 0) return content.overall.not_enough;
  const shorts = Object.fromEntries(content.groups.map((g) => [g.id, g.short]));
  return fill(shared.needs_evidence, { missing: o.evidence_missing.map((id) => shorts[id]).join(", ") });
}
function href(link, root) {
  return root ? root.replace(/\/+$/, "") + "/" + link.href : link.href;
}
function ratingLabel(content, value) {
  return isRating(value) ? content.rating_labels[RATING_KEYS[value]] : content.rating_labels.unanswered;
}
function groupMarkdown(content, shared, group, gs, answers, root) {
  const ui = content.ui;
  const out = [`## ${group.title}`, ""];
  for (const indicator of group.indicators) {
    out.push(`- ${indicator.text} **${ratingLabel(content, answers.ratings[indicator.id])}**`);
  }
  out.push("", scoreText(content, shared, gs), "");
  out.push(`${ui.feedback_heading}: ${group.feedback[gs.band]}`, "");
  out.push(`${ui.question_heading}: ${group.question}`, "");
  out.push(`${ui.read_more}: [${group.link.label}](${href(group.link, root)})`, "");
  const note = answers.notes[group.id] || "";
  if (note) {
    out.push(`${ui.notes_label}:`, "");
    for (const line of note.split("\n")) out.push(line ? "> " + line : ">");
    out.push("");
  }
  return out;
}
function toMarkdown(content, shared, initiative, ratings, notes, root = null) {
  const c = content;
  const ui = c.ui;
  const s = scoreAll(c, ratings, notes);
  const answers = { ratings, notes };
  const out = [`# ${c.title}`, "", `**${ui.initiative_label}** ${initiative.trim() || ui.no_initiative}`, ""];
  c.groups.forEach((group, index) => out.push(...groupMarkdown(c, shared, group, s.groups[index], answers, root)));
  const o = s.overall;
  out.push(`## ${ui.profile_heading}`, "", `${shared.overall_label}: ${scoreText(c, shared, o, false)}`, "");
  out.push(`${ui.position_heading}: ${positionText(c, shared, o)}`);
  if (o.position !== null) out.push("", positionOf(c, o.position).text);
  if (c.mode === "barriers") out.push("", shared.no_barriers_caveat);
  out.push("", `${ui.read_more}: [${c.overall.link.label}](${href(c.overall.link, root)})`, "");
  return out.join("\n");
}
function asDict(content, mode, initiative, ratings, notes) {
  const cleanRatings = {};
  const cleanNotes = {};
  for (const group of content.groups) {
    for (const indicator of group.indicators) {
      if (isRating(ratings[indicator.id])) cleanRatings[indicator.id] = ratings[indicator.id];
    }
    if (notes[group.id]) cleanNotes[group.id] = notes[group.id];
  }
  return { mode, initiative, ratings: cleanRatings, notes: cleanNotes, scores: scoreAll(content, ratings, notes) };
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

// checklist/saved.js
function cleanSaved(saved, content) {
  const { initiative, ratings, notes } = saved;
  if (typeof initiative !== "string" || !isRecord(ratings) || !isRecord(notes)) return null;
  const clean = { initiative, ratings: {}, notes: {} };
  for (const group of content.groups) {
    for (const indicator of group.indicators) {
      const value = ratings[indicator.id];
      if (value === void 0 || value === null) continue;
      if (!isRating(value)) return null;
      clean.ratings[indicator.id] = value;
    }
    const note = notes[group.id];
    if (note === void 0 || note === null || note === "") continue;
    if (typeof note !== "string") return null;
    clean.notes[group.id] = note;
  }
  return clean;
}
var CHECKLIST_FORMAT = { version: 1, migrations: {}, clean: cleanSaved };
var store = createStore(CHECKLIST_FORMAT);

// checklist/view-header.js
function buildHeader(content, ids, restoredStatus) {
  const ui = content.ui;
  const notice = h(
    "p",
    { class: "cw-notice", hidden: restoredStatus !== "corrupt" },
    restoredStatus === "corrupt" ? ui.corrupt_saved : ""
  );
  const initiativeInput = h("input", {
    type: "text",
    id: ids.initiative,
    dir: "auto",
    autocomplete: "off",
    maxlength: 1e3,
    "data-role": "initiative"
  });
  const nodes = [
    h("h3", { id: ids.title, text: content.title }),
    h("p", { class: "cwc-intro", text: content.intro }),
    h("p", { class: "cwc-source", text: content.source }),
    notice,
    h("label", { class: "cw-block cwc-label", for: ids.initiative, text: ui.initiative_label }),
    initiativeInput
  ];
  return { nodes, notice, initiativeInput };
}

// checklist/view-group.js
function ratingOptions(content) {
  return [
    ["", content.rating_labels.unanswered],
    ...RATING_VALUES.map((v) => [String(v), content.rating_labels[RATING_KEYS[v]]])
  ];
}
function indicatorRow(indicator, name, options, onRate) {
  const radios = {};
  const row = h("div", { class: "cwc-options" });
  for (const [value, label] of options) {
    const radio = h("input", { type: "radio", name, value, "data-value": value });
    radio.addEventListener("change", () => {
      if (radio.checked) onRate(indicator.id, value === "" ? null : Number(value));
    });
    radios[value] = radio;
    row.append(h("label", {}, radio, h("span", { text: label })));
  }
  const fieldset = h("fieldset", { "data-indicator": indicator.id }, h("legend", { text: indicator.text }), row);
  return { fieldset, radios };
}
function feedbackBox(content, group) {
  const ui = content.ui;
  const scoreLine = h("strong", { "data-role": "score" });
  const feedbackLine = h("span", { "data-role": "feedback" });
  const box = h(
    "div",
    { class: "cwc-feedback", "data-feedback": group.id },
    h("p", {}, scoreLine),
    h("p", {}, h("strong", { text: ui.feedback_heading }), feedbackLine),
    h("p", {}, h("strong", { text: ui.question_heading }), h("span", { text: group.question })),
    h("p", {}, `${ui.read_more}: `, bookLink(group.link))
  );
  return { box, scoreLine, feedbackLine };
}
function buildGroup(content, group, prefix, handlers) {
  const ui = content.ui;
  const headingId = `${prefix}-h`;
  const part = h("div", { class: "cwc-group", "data-group": group.id });
  part.append(h("h4", { id: headingId, text: group.title }), h("p", { text: group.description }));
  const options = ratingOptions(content);
  const inputs = {};
  group.indicators.forEach((indicator, index) => {
    const { fieldset, radios } = indicatorRow(indicator, `${prefix}-i${index}`, options, handlers.onRate);
    inputs[indicator.id] = radios;
    part.append(fieldset);
  });
  const noteId = `${prefix}-n`;
  const textarea = h("textarea", { id: noteId, rows: 4, dir: "auto", "aria-describedby": `${noteId}-hint`, "data-note": group.id });
  textarea.addEventListener("input", () => handlers.onNote(group.id, textarea.value));
  const feedback = feedbackBox(content, group);
  part.append(
    h("label", { class: "cw-block cwc-label", for: noteId, text: ui.notes_label }),
    h("p", { class: "cw-hint", id: `${noteId}-hint`, text: ui.notes_hint }),
    textarea,
    feedback.box
  );
  return { element: part, inputs, noteBox: textarea, feedback };
}

// checklist/view-profile.js
function buildProfile(content, shared, prefix) {
  const ui = content.ui;
  const chartHolder = h("div", { "data-role": "chart" });
  const scale = h("ol", { class: "cwc-scale", "data-role": "scale" });
  const scaleItems = {};
  for (const place of content.overall.positions) {
    const marker = h("span", { class: "cwc-marker", hidden: true, text: ui.position_marker });
    const item = h("li", { "data-position": place.id }, h("span", { text: place.label }), marker);
    scaleItems[place.id] = { item, marker };
    scale.append(item);
  }
  const positionText2 = h("p", { "data-role": "position-text" });
  const overallLine = h("p", { "data-role": "overall" });
  const initiativeShown = h("span", { dir: "auto", "data-role": "initiative-shown" });
  const element = h(
    "div",
    { class: "cwc-group", "data-role": "profile" },
    h("h4", { id: `${prefix}-profile`, text: ui.profile_heading }),
    h("p", {}, h("strong", { text: ui.initiative_label }), " ", initiativeShown),
    overallLine,
    chartHolder,
    h("h4", { text: ui.position_heading }),
    scale,
    positionText2,
    content.mode === "barriers" ? h("p", { class: "cwc-caveat", "data-role": "caveat", text: shared.no_barriers_caveat }) : null,
    h("p", {}, `${ui.read_more}: `, bookLink(content.overall.link))
  );
  return { element, chartHolder, scaleItems, positionText: positionText2, overallLine, initiativeShown };
}
function drawChart(content, shared, s, holder) {
  const ui = content.ui;
  const width = Math.max(240, Math.min(800, Math.round(holder.clientWidth || 320)));
  const row = 50;
  const track = width - 2;
  const parts = [];
  const described = [];
  content.groups.forEach((group, index) => {
    const gs = s.groups[index];
    const y = index * row;
    const value = gs.rated ? fill(shared.chart_value, gs) : ui.not_rated;
    described.push(`${group.short}: ${value}${gs.rated ? ", " + bandLabel(content, gs.band) : ""}`);
    parts.push(
      svg("text", { x: 1, y: y + 17, "font-size": 15, text: group.short }),
      svg("text", { x: width - 1, y: y + 17, "font-size": 15, "text-anchor": "end", "font-weight": "bold", text: value }),
      svg("rect", { class: "cwc-track", x: 1, y: y + 24, width: track, height: 18, rx: 3 })
    );
    if (gs.seen) {
      const barWidth = Math.max(2, track * gs.seen / gs.total);
      parts.push(svg("rect", { class: "cwc-bar", x: 1, y: y + 24, width: barWidth, height: 18, rx: 3, "data-seen": gs.seen }));
    }
  });
  const label = `${ui.chart_label} ${described.join("; ")}.`;
  const height = row * content.groups.length + 4;
  const chart = svg(
    "svg",
    { class: "cwc-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label, focusable: "false" },
    svg("title", { text: label }),
    ...parts
  );
  holder.replaceChildren(chart);
  return width;
}

// common/confirm.js
function inlineConfirm({ trigger, question, yesLabel, noLabel, onYes, onNo, classes }) {
  const id = uid("cw-confirm");
  const yes = h("button", { type: "button", class: classes.yes, text: yesLabel });
  const no = h("button", { type: "button", class: classes.no, text: noLabel });
  const box = h(
    "div",
    { class: "cw-confirm", id, role: "group", "aria-labelledby": `${id}-text`, hidden: true },
    h("p", { id: `${id}-text`, text: question }),
    h("div", { class: "cw-row" }, yes, no)
  );
  trigger.setAttribute("aria-expanded", "false");
  trigger.setAttribute("aria-controls", id);
  function close() {
    box.hidden = true;
    trigger.setAttribute("aria-expanded", "false");
    trigger.focus();
  }
  trigger.addEventListener("click", () => {
    box.hidden = false;
    trigger.setAttribute("aria-expanded", "true");
    no.focus();
  });
  no.addEventListener("click", () => {
    close();
    if (onNo) onNo();
  });
  yes.addEventListener("click", () => {
    onYes();
    close();
  });
  box.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    close();
    if (onNo) onNo();
  });
  return { box, yes, no, close };
}

// checklist/view-actions.js
function buildActions(content, handlers) {
  const ui = content.ui;
  const mdButton = h("button", { type: "button", class: "cw-secondary", "data-action": "markdown", text: ui.download_markdown });
  const jsonButton = h("button", { type: "button", class: "cw-secondary", "data-action": "json", text: ui.download_json });
  const resetButton = h("button", { type: "button", class: "cw-danger", "data-action": "reset", text: ui.reset });
  mdButton.addEventListener("click", handlers.onMarkdown);
  jsonButton.addEventListener("click", handlers.onJson);
  const confirm = inlineConfirm({
    trigger: resetButton,
    question: ui.reset_confirm,
    yesLabel: ui.reset_yes,
    noLabel: ui.reset_cancel,
    onYes: handlers.onReset,
    classes: { yes: "cw-danger", no: "cw-secondary" }
  });
  confirm.yes.setAttribute("data-action", "reset-yes");
  confirm.no.setAttribute("data-action", "reset-cancel");
  confirm.box.classList.add("cwc-confirm");
  const row = h("div", { class: "cw-row cwc-actions" }, mdButton, jsonButton, resetButton);
  return { nodes: [row, confirm.box] };
}

// checklist/index.js
var restoreResult = /* @__PURE__ */ new WeakMap();
function restore(model) {
  const content = model.get("content");
  if (!content || !content.groups) return "none";
  const { status, value } = store.load(model, content);
  if (status === "restored") {
    model.set("initiative", value.initiative);
    model.set("ratings", value.ratings);
    model.set("notes", value.notes);
    model.save_changes();
  }
  return status;
}
function ensureRestored(model) {
  if (!restoreResult.has(model)) restoreResult.set(model, restore(model));
  return restoreResult.get(model);
}
function current(model) {
  return {
    initiative: model.get("initiative") || "",
    ratings: Object.assign({}, model.get("ratings") || {}),
    notes: Object.assign({}, model.get("notes") || {})
  };
}
function editors(model) {
  const change = (name, edit) => {
    const value = Object.assign({}, model.get(name) || {});
    edit(value);
    model.set(name, value);
    model.save_changes();
  };
  return {
    onRate: (id, value) => change("ratings", (r) => value === null ? delete r[id] : r[id] = value),
    onNote: (id, text) => change("notes", (n) => text ? n[id] = text : delete n[id])
  };
}
function buildActionsFor(view) {
  const { model, content, ui, status, header } = view;
  const baseName = () => `${slug(content.title)}-${slug(model.get("initiative") || "")}`;
  return buildActions(content, {
    onMarkdown: () => {
      const s = current(model);
      download(`${baseName()}.md`, toMarkdown(content, view.shared, s.initiative, s.ratings, s.notes, siteRoot()), "text/markdown;charset=utf-8");
    },
    onJson: () => {
      const s = current(model);
      const data = asDict(content, model.get("mode"), s.initiative, s.ratings, s.notes);
      download(`${baseName()}.json`, JSON.stringify(data, null, 2), "application/json;charset=utf-8");
    },
    onReset: () => {
      model.set("ratings", {});
      model.set("notes", {});
      model.set("initiative", "");
      model.save_changes();
      store.forget(model);
      header.notice.hidden = true;
      status.textContent = ui.reset_done;
    }
  });
}
function groupAnnouncements(view, s, before) {
  const { content, ui, shared, groups } = view;
  const changed = [];
  content.groups.forEach((group, index) => {
    const gs = s.groups[index];
    const { box, scoreLine, feedbackLine } = groups[index].feedback;
    scoreLine.textContent = scoreText(content, shared, gs);
    feedbackLine.textContent = " " + group.feedback[gs.band];
    Object.assign(box.dataset, { band: gs.band, score: gs.score, max: gs.max, rated: gs.rated });
    box.dataset.percent = gs.percent === null ? "" : gs.percent;
    const old = before.groups[index];
    if (old.band !== gs.band || old.seen !== gs.seen || old.rated !== gs.rated) {
      const scoreValue = gs.rated ? countsText(shared, gs) : ui.not_rated;
      changed.push(fill(ui.announce_template, { group: group.title, band: bandLabel(content, gs.band), score: scoreValue }));
    }
  });
  return changed;
}
function drawProfile(view, s, before) {
  const { content, profile, ui, shared } = view;
  const o = s.overall;
  profile.overallLine.textContent = `${shared.overall_label}: ${scoreText(content, shared, o, false)}`;
  const data = profile.element.dataset;
  Object.assign(data, { position: o.position === null ? "" : o.position, band: o.band, score: o.score, max: o.max, rated: o.rated });
  data.percent = o.percent === null ? "" : o.percent;
  for (const [placeId, { item, marker }] of Object.entries(profile.scaleItems)) {
    const here = placeId === o.position;
    if (here) item.setAttribute("aria-current", "true");
    else item.removeAttribute("aria-current");
    marker.hidden = !here;
  }
  profile.positionText.textContent = o.position === null ? positionText(content, shared, o) : positionOf(content, o.position).text;
  view.chartWidth = drawChart(content, shared, s, profile.chartHolder);
  return o.position !== before.overall.position ? [`${ui.position_heading}: ${positionText(content, shared, o)}`] : [];
}
function syncInputs(view) {
  const { model, groups, header, profile, ui } = view;
  const ratings = model.get("ratings") || {};
  const notes = model.get("notes") || {};
  for (const group of groups) {
    for (const [indicatorId, radios] of Object.entries(group.inputs)) {
      const value = isRating(ratings[indicatorId]) ? String(ratings[indicatorId]) : "";
      if (!radios[value].checked) radios[value].checked = true;
    }
    const text = notes[group.noteBox.dataset.note] || "";
    if (group.noteBox.value !== text) group.noteBox.value = text;
  }
  const initiative = model.get("initiative") || "";
  if (header.initiativeInput.value !== initiative) header.initiativeInput.value = initiative;
  profile.initiativeShown.textContent = initiative.trim() || ui.no_initiative;
}
function draw(view) {
  const s = scoreAll(view.content, view.model.get("ratings") || {}, view.model.get("notes") || {});
  const before = view.lastScores || s;
  const changed = [...groupAnnouncements(view, s, before), ...drawProfile(view, s, before)];
  view.lastScores = s;
  return changed;
}
function persist(view) {
  const ok = store.save(view.model, current(view.model));
  view.storageNote.textContent = ok ? view.ui.saved_note : view.ui.storage_failed;
  view.storageNote.classList.toggle("cw-notice", !ok);
}
function assemble(model, el) {
  const content = model.get("content");
  const ui = content.ui;
  const id = uid("cwc");
  const ids = { title: `${id}-title`, initiative: `${id}-initiative` };
  const view = { model, content, ui, shared: model.get("ui"), status: liveRegion(), storageNote: h("p", { class: "cw-hint", text: ui.saved_note }) };
  view.header = buildHeader(content, ids, ensureRestored(model));
  const root = h("section", { class: "cw-widget cwc", "data-mode": model.get("mode") }, ...view.header.nodes);
  view.header.initiativeInput.addEventListener("input", () => {
    model.set("initiative", view.header.initiativeInput.value);
    model.save_changes();
  });
  const handlers = editors(model);
  view.groups = content.groups.map((group, index) => buildGroup(content, group, `${id}-g${index}`, handlers));
  view.profile = buildProfile(content, view.shared, id);
  root.append(...view.groups.map((g) => g.element), view.profile.element);
  root.append(...buildActionsFor(view).nodes, view.storageNote, view.status);
  el.append(root);
  root.setAttribute("aria-label", landmarkName(root, content.title));
  return view;
}
function render({ model, el }) {
  const content = model.get("content");
  if (!content || !Array.isArray(content.groups)) {
    el.append(h("p", { class: "cw-notice", role: "alert", text: "The checklist's content is missing." }));
    return void 0;
  }
  const view = assemble(model, el);
  const onRatings = () => {
    syncInputs(view);
    const changed = draw(view);
    if (changed.length) view.status.textContent = changed.join(" ");
    persist(view);
  };
  const onText = () => {
    syncInputs(view);
    persist(view);
  };
  model.on("change:ratings", onRatings);
  model.on("change:notes", onRatings);
  model.on("change:initiative", onText);
  syncInputs(view);
  draw(view);
  const resizer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => {
    const width = Math.round(view.profile.chartHolder.clientWidth);
    if (width && Math.abs(width - view.chartWidth) > 4) view.chartWidth = drawChart(content, view.shared, view.lastScores, view.profile.chartHolder);
  });
  if (resizer) resizer.observe(view.profile.chartHolder);
  return () => {
    if (resizer) resizer.disconnect();
    model.off("change:ratings", onRatings);
    model.off("change:notes", onRatings);
    model.off("change:initiative", onText);
  };
}
var index_default = {
  initialize({ model }) {
    ensureRestored(model);
  },
  render
};
export {
  index_default as default
};
