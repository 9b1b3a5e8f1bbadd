/* Built by coproduction_course/static/src/build.mjs from src/debate/: edit those files, then run `npm run build:widgets`. */

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

// common/text.js
function fill(template, values) {
  let out = String(template);
  for (const [key, value] of Object.entries(values || {})) out = out.split("{" + key + "}").join(String(value));
  return out;
}
function sentence(text) {
  const trimmed = String(text).trim();
  if (!trimmed) return trimmed;
  return /[.!?:)]$/.test(trimmed) ? trimmed : trimmed + ".";
}
function charCount(text) {
  const pairs = String(text).match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
  return String(text).length - (pairs ? pairs.length : 0);
}
function wordCount(text) {
  const words = String(text).trim().match(/\S+/g);
  return words ? words.length : 0;
}
function wholeIn(text, min, max) {
  const value = String(text).trim();
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

// debate/random.js
var MAX_SEED = 4294967295;
var MIN_STUDENTS = 2;
var MAX_STUDENTS = 200;
var SIDES = ["for", "against"];
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = a + 1831565813 | 0;
    let t = Math.imul(a ^ a >>> 15, 1 | a);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function shuffle(items, rng) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    const keep = out[i];
    out[i] = out[j];
    out[j] = keep;
  }
  return out;
}
function shuffleOrder(ids, seed) {
  return shuffle(ids, mulberry32(seed));
}
function assignGroups(nStudents, nGroups, seed) {
  const students = Array.from({ length: nStudents }, (_, i) => i + 1);
  const order = shuffle(students, mulberry32(seed));
  const members = Array.from({ length: nGroups }, () => []);
  order.forEach((student, k) => members[k % nGroups].push(student));
  return members.map((list, g) => ({ group: g + 1, side: SIDES[g % 2], students: list.sort((x, y) => x - y) }));
}
function groupLine(group, ui, names) {
  const side = group.side === "for" ? ui.side_for : ui.side_against;
  let members;
  if (names && names.length) members = group.students.map((s) => names[s - 1]).join(", ");
  else members = fill(group.students.length === 1 ? ui.members_one : ui.members_many, { list: group.students.join(", ") });
  return fill(ui.group_line, { group: group.group, side, members });
}

// debate/saved.js
function cleanArgs(args, motionIds) {
  const out = {};
  if (!isRecord(args)) return out;
  for (const [id, arg] of Object.entries(args)) {
    if (motionIds.has(id) && isRecord(arg) && typeof arg.text === "string") {
      out[id] = { side: SIDES.includes(arg.side) ? arg.side : "", text: arg.text };
    }
  }
  return out;
}
function cleanSaved(saved, motionIds) {
  const out = { args: cleanArgs(saved.args, motionIds) };
  if (motionIds.has(saved.motion)) out.motion = saved.motion;
  if (Number.isInteger(saved.shufflePos)) out.shufflePos = saved.shufflePos;
  if (wholeIn(saved.seed, 0, MAX_SEED) !== null) out.seed = saved.seed;
  if (wholeIn(saved.students, MIN_STUDENTS, MAX_STUDENTS) !== null) out.students = saved.students;
  if (wholeIn(saved.groups, 2, MAX_STUDENTS) !== null) out.groups = saved.groups;
  if (wholeIn(saved.minutes, 1, 60) !== null) out.minutes = saved.minutes;
  out.names = typeof saved.names === "string" ? saved.names : "";
  out.student = typeof saved.student === "string" ? saved.student : "";
  out.namesInExport = saved.namesInExport === true;
  out.sound = saved.sound === true;
  return out;
}
var DEBATE_FORMAT = {
  version: 2,
  migrations: { 1: (v1) => Object.assign({}, v1, { names: "", student: "" }) },
  clean: cleanSaved
};
var store = createStore(DEBATE_FORMAT);

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

// debate/view-motion.js
function motionCard(ui, motion) {
  const prompts = SIDES.map(
    (side) => h(
      "div",
      { class: `cw-prompts cw-prompts-${side}` },
      h("h4", { text: side === "for" ? ui.prompts_for : ui.prompts_against }),
      h("ul", {}, motion[side].map((prompt) => h("li", { text: prompt })))
    )
  );
  const sources = motion.sources.map(
    (source) => h("li", {}, source.citation, " ", h("span", { class: "cw-source-key", text: `[${source.key}]` }))
  );
  return [
    h("h3", { class: "cw-motion-title", text: motion.title }),
    h("p", { class: "cw-background", text: motion.background }),
    h("div", { class: "cw-sides" }, prompts),
    h("h4", { text: ui.read_more }),
    h("ul", { class: "cw-links" }, motion.chapters.map((link) => h("li", {}, bookLink(link)))),
    h("h4", { text: ui.sources }),
    h("ul", { class: "cw-sources" }, sources)
  ];
}
function buildMotion(ctx, onChoose) {
  const { ui, motions, state } = ctx;
  const selectId = uid("cw-motion");
  const select = h(
    "select",
    { id: selectId, class: "cw-motion-select" },
    motions.map((m, i) => h("option", { value: m.id, text: `${i + 1}. ${m.title}` }))
  );
  const shuffleBtn = h("button", { type: "button", class: "cw-shuffle", text: ui.shuffle });
  const card = h("div", { class: "cw-motion" });
  const order = () => shuffleOrder(motions.map((m) => m.id), state.seed);
  function draw() {
    const motion = ctx.byId.get(state.motion);
    select.value = motion.id;
    shuffleBtn.setAttribute("data-shuffle-order", order().join(" "));
    card.setAttribute("data-motion-id", motion.id);
    card.replaceChildren(...motionCard(ui, motion));
  }
  select.addEventListener("change", () => onChoose(select.value, ui.motion_chosen));
  shuffleBtn.addEventListener("click", () => {
    const ids = order();
    let pos = (state.shufflePos + 1) % ids.length;
    if (ids[pos] === state.motion && ids.length > 1) pos = (pos + 1) % ids.length;
    state.shufflePos = pos;
    onChoose(ids[pos], ui.shuffled_to);
  });
  const chooser = h("div", { class: "cw-field" }, h("label", { for: selectId, text: ui.motion_label }), select);
  return { chooser, shuffleBtn, card, draw };
}

// debate/projector.js
var PAGE_CLASS = "cw-projector-page";
function buildProjector(ctx, root) {
  const { ui, status } = ctx;
  const button = h("button", { type: "button", class: "cw-secondary cw-projector", "aria-pressed": "false", text: ui.projector });
  const canFullscreen = Boolean(root.requestFullscreen && document.fullscreenEnabled);
  const fullscreenBtn = canFullscreen ? h("button", { type: "button", class: "cw-secondary cw-fullscreen", text: ui.fullscreen }) : null;
  const isOn = () => root.classList.contains("is-projector");
  function set(on, announce) {
    root.classList.toggle("is-projector", on);
    document.documentElement.classList.toggle(PAGE_CLASS, on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
    if (announce) status.textContent = on ? ui.projector_on : ui.projector_off;
  }
  button.addEventListener("click", () => set(!isOn(), true));
  const onKey = (event) => {
    if (event.key === "Escape" && isOn() && !event.defaultPrevented && document.fullscreenElement !== root) {
      set(false, true);
      button.focus();
    }
  };
  const onFullscreen = () => {
    if (fullscreenBtn) fullscreenBtn.textContent = document.fullscreenElement === root ? ui.fullscreen_leave : ui.fullscreen;
  };
  document.addEventListener("keydown", onKey);
  document.addEventListener("fullscreenchange", onFullscreen);
  if (fullscreenBtn) {
    fullscreenBtn.addEventListener("click", async () => {
      try {
        if (document.fullscreenElement === root) await document.exitFullscreen();
        else {
          set(true, false);
          await root.requestFullscreen();
        }
      } catch (err) {
        status.textContent = ui.fullscreen_failed;
      }
    });
  }
  function dispose() {
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("fullscreenchange", onFullscreen);
    if (isOn()) set(false, false);
  }
  return { buttons: [button, fullscreenBtn], dispose };
}

// debate/names.js
function parseClassList(text) {
  return String(text || "").split(/[\n\r\t,;]+/).map((name) => name.replace(/\s+/g, " ").trim().slice(0, 80)).filter((name) => name.length > 0).slice(0, MAX_STUDENTS);
}

// debate/view-groups.js
function numberField(label, value, limits, hint, cls) {
  const id = uid("cw-num");
  const input = h("input", {
    id,
    class: cls,
    type: "number",
    inputmode: "numeric",
    min: String(limits[0]),
    max: String(limits[1]),
    step: "1",
    value: String(value),
    "aria-describedby": `${id}-hint ${id}-err`
  });
  const error = h("p", { id: `${id}-err`, class: "cw-error" });
  const field = h("div", { class: "cw-field" }, h("label", { for: id, text: label }), input, h("span", { id: `${id}-hint`, class: "cw-hint", text: hint }), error);
  return { field, input, error };
}
function showError(f, message) {
  f.error.textContent = message || "";
  if (message) f.input.setAttribute("aria-invalid", "true");
  else f.input.removeAttribute("aria-invalid");
}
function namesField(ctx) {
  const { ui, state } = ctx;
  const id = uid("cw-names");
  const box = h("textarea", { id, class: "cw-names", rows: 4, dir: "auto", autocomplete: "off", spellcheck: "false", "aria-describedby": `${id}-hint ${id}-count` });
  box.value = state.names;
  const count = h("p", { id: `${id}-count`, class: "cw-hint cw-names-count" });
  const clear = h("button", { type: "button", class: "cw-secondary cw-names-clear", text: ui.names_clear });
  const include = h("input", { type: "checkbox", id: `${id}-export`, class: "cw-names-export" });
  include.checked = state.namesInExport;
  const field = h(
    "div",
    { class: "cw-names-field" },
    h("label", { for: id, class: "cw-block", text: ui.names_label }),
    h("p", { id: `${id}-hint`, class: "cw-hint", text: ui.names_hint }),
    box,
    count,
    h("div", { class: "cw-row" }, clear),
    h("p", {}, include, " ", h("label", { for: `${id}-export`, text: ui.names_in_export }))
  );
  return { field, box, count, clear, include };
}
function readNumbers(ctx, fields, names) {
  const { ui } = ctx;
  const n = names.length >= MIN_STUDENTS ? names.length : wholeIn(fields.students.input.value, MIN_STUDENTS, MAX_STUDENTS);
  const seed = wholeIn(fields.seed.input.value, 0, MAX_SEED);
  showError(fields.students, n === null ? fill(ui.error_students, { min: MIN_STUDENTS, max: MAX_STUDENTS }) : "");
  showError(fields.seed, seed === null ? fill(ui.error_seed, { max: MAX_SEED }) : "");
  const maxGroups = n === null ? MAX_STUDENTS : n;
  const g = wholeIn(fields.groups.input.value, 2, maxGroups);
  showError(fields.groups, g === null ? fill(ui.error_groups, { max: maxGroups }) : "");
  return { n, g, seed };
}
function buildGroups(ctx, onSeed) {
  const { ui, state } = ctx;
  const fields = {
    students: numberField(ui.students_label, state.students, [MIN_STUDENTS, MAX_STUDENTS], ui.students_hint, "cw-students"),
    groups: numberField(ui.groups_label, state.groups, [2, MAX_STUDENTS], ui.groups_hint, "cw-groups-n"),
    seed: numberField(ui.seed_label, state.seed, [0, MAX_SEED], ui.seed_hint, "cw-seed")
  };
  const names = namesField(ctx);
  const list = h("ol", { class: "cw-groups", "aria-label": ui.groups_list_label });
  const note = h("p", { class: "cw-hint cw-groups-note" });
  const out = h("output", { class: "cw-groups-out", for: Object.values(fields).map((f) => f.input.id).join(" ") }, list, note);
  function draw() {
    state.names = names.box.value;
    const people = parseClassList(names.box.value);
    names.count.textContent = people.length ? fill(ui.names_count, { count: people.length }) : "";
    fields.students.input.disabled = people.length >= MIN_STUDENTS;
    if (people.length >= MIN_STUDENTS) fields.students.input.value = String(people.length);
    const { n, g, seed } = readNumbers(ctx, fields, people);
    if (n === null || g === null || seed === null) {
      list.replaceChildren();
      note.textContent = ui.fix_numbers;
      state.groupLines = [];
      return false;
    }
    const seedChanged = seed !== state.seed;
    Object.assign(state, { students: n, groups: g, seed });
    state.groupLines = assignGroups(n, g, seed).map((group) => groupLine(group, ui, people.length >= MIN_STUDENTS ? people : null));
    list.replaceChildren(...state.groupLines.map((line) => h("li", { text: line })));
    note.textContent = g % 2 === 1 ? ui.odd_groups : ui.even_groups;
    if (seedChanged) onSeed(seed);
    return true;
  }
  for (const input of [...Object.values(fields).map((f) => f.input), names.box]) {
    input.addEventListener("input", () => draw() && ctx.persist());
  }
  names.include.addEventListener("change", () => {
    state.namesInExport = names.include.checked;
    ctx.persist();
  });
  names.clear.addEventListener("click", () => {
    names.box.value = "";
    state.names = "";
    draw();
    ctx.persist();
    ctx.status.textContent = ui.names_cleared;
    names.box.focus();
  });
  const fieldset = h(
    "fieldset",
    { class: "cw-seminar" },
    h("legend", { text: ui.groups_legend }),
    h("div", { class: "cw-row" }, fields.students.field, fields.groups.field, fields.seed.field),
    names.field,
    h("p", { class: "cw-hint", text: ui.seed_note }),
    out
  );
  return { fieldset, fields, names, draw };
}

// debate/timer.js
function createTimer(durationMs) {
  return { durationMs, leftMs: durationMs, endAt: 0, running: false, done: false };
}
function start(timer, now) {
  const base = timer.done ? createTimer(timer.durationMs) : timer;
  return Object.assign({}, base, { running: true, endAt: now + base.leftMs });
}
function pause(timer, now) {
  if (!timer.running) return timer;
  return Object.assign({}, timer, { running: false, leftMs: Math.max(0, timer.endAt - now) });
}
function tick(timer, now) {
  if (!timer.running) return timer;
  const leftMs = Math.max(0, timer.endAt - now);
  return leftMs === 0 ? Object.assign({}, timer, { leftMs, running: false, done: true }) : Object.assign({}, timer, { leftMs });
}
function reset(timer, durationMs = timer.durationMs) {
  return createTimer(durationMs);
}
function mmss(totalSeconds) {
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}
function display(timer) {
  return mmss(Math.ceil(timer.leftMs / 1e3));
}

// debate/view-timer.js
function beep() {
  try {
    const Context = globalThis.AudioContext || globalThis.webkitAudioContext;
    const audio = new Context();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.6);
  } catch (err) {
  }
}
function buildTimer(ctx) {
  const { ui, state, status } = ctx;
  const minutes = numberField(ui.minutes_label, state.minutes, [1, 60], ui.minutes_hint, "cw-minutes");
  const clock = h("p", { class: "cw-clock", role: "timer" });
  const doneFlag = h("p", { class: "cw-done-flag", hidden: true, text: ui.times_up });
  const startBtn = h("button", { type: "button", class: "cw-start", text: ui.start });
  const resetBtn = h("button", { type: "button", class: "cw-secondary cw-reset-timer", text: ui.reset_timer });
  const soundId = uid("cw-sound");
  const sound = h("input", { type: "checkbox", id: soundId, class: "cw-sound" });
  sound.checked = state.sound;
  let timer = createTimer(state.minutes * 6e4);
  let handle = null;
  const stopTicking = () => {
    if (handle !== null) clearInterval(handle);
    handle = null;
  };
  function show() {
    clock.textContent = display(timer);
    clock.classList.toggle("is-done", timer.done);
    doneFlag.hidden = !timer.done;
  }
  function onTick() {
    timer = tick(timer, Date.now());
    show();
    if (!timer.done) return;
    stopTicking();
    startBtn.textContent = ui.start_again;
    status.textContent = ui.times_up + ".";
    if (state.sound) beep();
  }
  function resetTo(announce) {
    stopTicking();
    timer = reset(timer, state.minutes * 6e4);
    startBtn.textContent = ui.start;
    show();
    if (announce) status.textContent = fill(ui.timer_reset, { left: display(timer) });
  }
  startBtn.addEventListener("click", () => {
    if (timer.running) {
      stopTicking();
      timer = pause(timer, Date.now());
      startBtn.textContent = ui.resume;
      show();
      status.textContent = fill(ui.timer_paused, { left: display(timer) });
      return;
    }
    timer = start(timer, Date.now());
    show();
    handle = setInterval(onTick, 250);
    startBtn.textContent = ui.pause;
    status.textContent = fill(ui.timer_started, { left: display(timer) });
  });
  resetBtn.addEventListener("click", () => resetTo(true));
  sound.addEventListener("change", () => {
    state.sound = sound.checked;
    ctx.persist();
  });
  minutes.input.addEventListener("input", () => {
    const m = wholeIn(minutes.input.value, 1, 60);
    showError(minutes, m === null ? ui.error_minutes : "");
    if (m === null) return;
    state.minutes = m;
    ctx.persist();
    if (!timer.running) resetTo(false);
  });
  show();
  const fieldset = h(
    "fieldset",
    { class: "cw-timer" },
    h("legend", { text: ui.timer_legend }),
    h("div", { class: "cw-row" }, minutes.field),
    clock,
    doneFlag,
    h("div", { class: "cw-row" }, startBtn, resetBtn),
    h("p", {}, sound, " ", h("label", { for: soundId, text: ui.sound_label }))
  );
  return { fieldset, dispose: stopTicking };
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

// debate/export.js
function sideText(ui, side) {
  return side ? fill(ui.export_side_chosen, { side: side === "for" ? ui.side_for : ui.side_against }) : ui.export_side_none;
}
function linkLine(link, root) {
  const url = absoluteHref(link.href, root);
  return url ? `[${link.label}](${url})` : link.label;
}
function argumentsMarkdown(doc) {
  const { ui } = doc;
  const out = [`# ${ui.export_heading}`, "", fill(ui.export_course, { course: doc.course })];
  if (doc.student.trim()) out.push("", sentence(fill(ui.export_student, { name: doc.student.trim() })));
  out.push("", fill(ui.export_date, { date: doc.date }), "");
  for (const { motion, arg } of doc.items) {
    out.push(`## ${sentence(motion.title)}`, "", fill(ui.export_side, { side: sideText(ui, arg.side) }), "");
    if (arg.text.trim()) out.push(arg.text, "");
    out.push(`${ui.export_read_more}:`, "", ...motion.chapters.map((link) => `- ${linkLine(link, doc.root)}`), "");
  }
  if (doc.groups) out.push(`## ${ui.export_groups}`, "", ...doc.groups.map((line) => `- ${sentence(line)}`), "");
  return out.join("\n");
}
function argumentsJson(doc) {
  const data = {
    course: doc.course,
    student: doc.student.trim(),
    exported: doc.date,
    arguments: doc.items.map(({ motion, arg }) => ({
      motion_id: motion.id,
      motion: motion.title,
      side: arg.side,
      text: arg.text,
      links: motion.chapters.map((link) => ({ label: link.label, href: absoluteHref(link.href, doc.root) || link.href }))
    }))
  };
  if (doc.groups) data.groups = doc.groups;
  return data;
}

// debate/view-argument.js
function sideFieldset(ui, onSide) {
  const name = uid("cw-side");
  const inputs = {};
  const options = SIDES.map((side) => {
    const id = uid("cw-side-opt");
    inputs[side] = h("input", { type: "radio", id, name, value: side });
    inputs[side].addEventListener("change", () => inputs[side].checked && onSide(side));
    return h("span", {}, inputs[side], " ", h("label", { for: id, text: side === "for" ? ui.side_for_label : ui.side_against_label }));
  });
  const fieldset = h("fieldset", { class: "cw-side" }, h("legend", { text: ui.side_legend }), h("div", { class: "cw-row" }, options));
  return { fieldset, inputs };
}
function exportDoc(ctx, student) {
  const { ui, motions, state } = ctx;
  return {
    ui,
    course: ctx.course,
    student: student.value,
    date: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10),
    root: siteRoot(),
    items: motions.filter((m) => state.args[m.id]).map((m) => ({ motion: m, arg: state.args[m.id] })),
    groups: state.namesInExport && state.groupLines.length ? state.groupLines : null
  };
}
function exportButtons(ctx, student) {
  const { ui, status } = ctx;
  const md = h("button", { type: "button", class: "cw-secondary cw-export-md", text: ui.export_markdown });
  const json = h("button", { type: "button", class: "cw-secondary cw-export-json", text: ui.export_json });
  const run = (kind) => {
    const doc = exportDoc(ctx, student);
    if (!doc.items.length) {
      status.textContent = ui.nothing_to_export;
      return;
    }
    if (kind === "md") download("debate-arguments.md", argumentsMarkdown(doc), "text/markdown;charset=utf-8");
    else download("debate-arguments.json", JSON.stringify(argumentsJson(doc), null, 2), "application/json");
    status.textContent = kind === "md" ? ui.downloaded_markdown : ui.downloaded_json;
  };
  md.addEventListener("click", () => run("md"));
  json.addEventListener("click", () => run("json"));
  return [md, json];
}
function buildArgument(ctx, hooks) {
  const { ui, state, status } = ctx;
  const argId = uid("cw-arg");
  const textarea = h("textarea", { id: argId, class: "cw-argument", rows: "8", dir: "auto", "aria-describedby": `${argId}-hint ${argId}-count` });
  const counter = h("span", { id: `${argId}-count`, class: "cw-hint cw-count" });
  const studentId = uid("cw-student");
  const student = h("input", { type: "text", id: studentId, class: "cw-student", dir: "auto", autocomplete: "off", maxlength: 200 });
  student.value = state.student;
  student.addEventListener("input", () => {
    state.student = student.value;
    ctx.persist();
  });
  const current = () => state.args[state.motion] || { side: "", text: "" };
  const sides = sideFieldset(ui, (side) => {
    hooks.update({ side }, true);
    status.textContent = fill(ui.side_announce, { side: side === "for" ? ui.side_for : ui.side_against });
  });
  const drawCount = () => counter.textContent = fill(ui.count_template, { words: wordCount(textarea.value), chars: charCount(textarea.value) });
  function draw() {
    const arg = current();
    textarea.value = arg.text;
    for (const side of SIDES) sides.inputs[side].checked = arg.side === side;
    drawCount();
  }
  textarea.addEventListener("input", () => {
    drawCount();
    hooks.update({ text: textarea.value }, false);
  });
  textarea.addEventListener("change", () => hooks.sync(true));
  const clearBtn = h("button", { type: "button", class: "cw-secondary cw-clear", text: ui.clear });
  const confirm = inlineConfirm({
    trigger: clearBtn,
    question: ui.clear_confirm,
    yesLabel: ui.clear_yes,
    noLabel: ui.clear_no,
    onYes: hooks.clear,
    onNo: () => status.textContent = ui.cleared_nothing,
    classes: { yes: "cw-danger cw-clear-yes", no: "cw-secondary cw-clear-no" }
  });
  const fieldset = h(
    "fieldset",
    { class: "cw-own" },
    h("legend", { text: ui.own_legend }),
    sides.fieldset,
    h("label", { for: argId, class: "cw-block", text: ui.argument_label }),
    h("span", { id: `${argId}-hint`, class: "cw-hint cw-block", text: ui.argument_hint }),
    textarea,
    counter,
    h("label", { for: studentId, class: "cw-block", text: ui.student_label }),
    student,
    h("div", { class: "cw-row" }, ...exportButtons(ctx, student), clearBtn),
    confirm.box
  );
  return { fieldset, draw, current, student };
}

// debate/index.js
function initialState(model, motions, saved) {
  const state = { motion: model.get("motion_id"), shufflePos: -1, seed: model.get("seed") >>> 0, students: 24, groups: 4, minutes: 3 };
  Object.assign(state, { args: {}, names: "", student: "", namesInExport: false, sound: false, groupLines: [] }, saved || {});
  if (!motions.some((m) => m.id === state.motion)) state.motion = motions[0].id;
  return state;
}
function createContext(model) {
  const motions = model.get("motions_data") || [];
  const ui = model.get("ui");
  const byId = new Map(motions.map((m) => [m.id, m]));
  const loaded = store.load(model, new Set(byId.keys()));
  const ctx = { model, ui, motions, byId, course: model.get("course_title"), status: liveRegion(), loaded };
  ctx.state = initialState(model, motions, loaded.value);
  ctx.storageNote = h("p", { class: "cw-hint cw-save-note" });
  ctx.persist = () => {
    const { groupLines, ...kept } = ctx.state;
    const ok = store.save(model, kept);
    ctx.storageNote.textContent = ok ? ui.saved_note : ui.storage_failed;
    return ok;
  };
  return ctx;
}
function kernelSync(ctx, current) {
  let handle = null;
  const send = () => {
    handle = null;
    const arg = current();
    ctx.model.set("side", arg.side);
    ctx.model.set("argument", arg.text);
    ctx.model.save_changes();
  };
  const sync = (now) => {
    if (handle !== null) clearTimeout(handle);
    if (now) send();
    else handle = setTimeout(send, 400);
  };
  return { sync, dispose: () => handle !== null && clearTimeout(handle) };
}
function wire(ctx, parts) {
  const { model, state, ui } = ctx;
  parts.choose = (id, announce) => {
    if (!ctx.byId.has(id)) return;
    state.motion = id;
    parts.motion.draw();
    parts.argument.draw();
    ctx.persist();
    if (model.get("motion_id") !== id) {
      model.set("motion_id", id);
      model.save_changes();
    }
    parts.kernel.sync(true);
    if (announce) ctx.status.textContent = announce.split("{title}").join(ctx.byId.get(id).title);
  };
  parts.update = (change, now) => {
    const arg = Object.assign({}, parts.argument.current(), change);
    if (!arg.text && !arg.side) delete state.args[state.motion];
    else state.args[state.motion] = arg;
    ctx.persist();
    parts.kernel.sync(Boolean(now));
  };
  parts.clear = () => {
    store.forget(model);
    Object.assign(state, { args: {}, shufflePos: -1, names: "", student: "", namesInExport: false });
    parts.groups.names.box.value = "";
    parts.groups.names.include.checked = false;
    parts.argument.student.value = "";
    parts.groups.draw();
    parts.argument.draw();
    parts.kernel.sync(true);
    ctx.storageNote.textContent = ui.cleared_note;
    ctx.status.textContent = ui.cleared;
  };
  parts.onSeed = (seed) => {
    state.shufflePos = -1;
    parts.motion.draw();
    if (model.get("seed") !== seed) {
      model.set("seed", seed);
      model.save_changes();
    }
  };
}
function build(ctx, root) {
  const parts = {};
  wire(ctx, parts);
  parts.motion = buildMotion(ctx, (id, announce) => parts.choose(id, announce));
  parts.projector = buildProjector(ctx, root);
  parts.groups = buildGroups(ctx, (seed) => parts.onSeed(seed));
  parts.timer = buildTimer(ctx);
  parts.argument = buildArgument(ctx, { update: (c, now) => parts.update(c, now), sync: (now) => parts.kernel.sync(now), clear: () => parts.clear() });
  parts.kernel = kernelSync(ctx, parts.argument.current);
  root.append(
    parts.motion.chooser,
    h("div", { class: "cw-row" }, parts.motion.shuffleBtn, ...parts.projector.buttons),
    parts.motion.card,
    parts.groups.fieldset,
    parts.timer.fieldset,
    parts.argument.fieldset,
    ctx.storageNote,
    ctx.status
  );
  return parts;
}
function reportRestored(ctx, parts) {
  const { model, state } = ctx;
  let changed = false;
  if (model.get("motion_id") !== state.motion) {
    model.set("motion_id", state.motion);
    changed = true;
  }
  if (model.get("seed") !== state.seed) {
    model.set("seed", state.seed);
    changed = true;
  }
  if (changed) model.save_changes();
  if (state.args[state.motion]) parts.kernel.sync(true);
}
function render({ model, el }) {
  if (!(model.get("motions_data") || []).length || !model.get("ui")) {
    el.append(h("p", { class: "widget-host-error", role: "alert", text: "No debate motions were found." }));
    return void 0;
  }
  const ctx = createContext(model);
  const { ui, state } = ctx;
  const root = h("section", { class: "cw-widget cw-debate" });
  const parts = build(ctx, root);
  el.append(root);
  root.setAttribute("aria-label", landmarkName(root, ui.label));
  parts.motion.draw();
  parts.argument.draw();
  parts.groups.draw();
  const notes = { corrupt: ui.corrupt_saved, restored: ui.restored, none: ui.nothing_saved };
  ctx.storageNote.textContent = notes[ctx.loaded.status];
  const onMotion = () => {
    const id = model.get("motion_id");
    if (id !== state.motion && ctx.byId.has(id)) parts.choose(id, "");
  };
  const onSeed = () => {
    const seed = model.get("seed") >>> 0;
    if (seed === state.seed) return;
    parts.groups.fields.seed.input.value = String(seed);
    if (parts.groups.draw()) ctx.persist();
  };
  model.on("change:motion_id", onMotion);
  model.on("change:seed", onSeed);
  reportRestored(ctx, parts);
  return () => {
    parts.timer.dispose();
    parts.kernel.dispose();
    parts.projector.dispose();
    model.off("change:motion_id", onMotion);
    model.off("change:seed", onSeed);
  };
}
var index_default = { render };
export {
  index_default as default
};
