// The view of coproduction_course.checklist.BarrierChecklist.
// Every piece of course content (groups, indicators, rating labels, feedback,
// seminar questions, positions, links, interface labels) comes from the
// synced `content` trait, loaded from data/barriers.yml or data/principles.yml.
import { h, uid, liveRegion } from "../common/dom.js";
import { download } from "../common/download.js";
import { landmarkName } from "../common/landmark.js";
import { slug } from "../common/text.js";
import { exportRoot } from "../common/links.js";
import { asDict, toMarkdown } from "./export.js";
import { store } from "./saved.js";
import { buildHeader } from "./view-header.js";
import { buildGroup } from "./view-group.js";
import { buildProfile, drawChart } from "./view-profile.js";
import { buildActions } from "./view-actions.js";
import { buildDisclosure } from "./disclosure.js";
import { draw, syncInputs } from "./draw.js";

// Restored once per model (several views of one model share it).
const restoreResult = new WeakMap();
// The name or candidate number: kept in this browser with the answers, never sent to Python.
const studentOf = new WeakMap();

function restore(model) {
  const content = model.get("content");
  if (!content || !content.groups) return "none";
  const { status, value } = store.load(model, content);
  if (status === "restored") {
    studentOf.set(model, value.student);
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
    notes: Object.assign({}, model.get("notes") || {}),
  };
}

// Model changes made by the controls.
function editors(model) {
  const change = (name, edit) => {
    const value = Object.assign({}, model.get(name) || {});
    edit(value);
    model.set(name, value);
    model.save_changes();
  };
  return {
    onRate: (id, value) => change("ratings", (r) => (value === null ? delete r[id] : (r[id] = value))),
    onNote: (id, text) => change("notes", (n) => (text ? (n[id] = text) : delete n[id])),
  };
}

function buildActionsFor(view) {
  const { model, content, ui, status, header } = view;
  const who = () => ({ course: model.get("course_title"), student: studentOf.get(model) || "" });
  const baseName = () => `${slug(content.title)}-${slug(model.get("initiative") || "")}`;
  return buildActions(content, view.shared, {
    onStudent: (text) => {
      studentOf.set(model, text);
      persist(view);
    },
    onMarkdown: () => {
      const s = current(model);
      download(`${baseName()}.md`, toMarkdown(content, view.shared, s.initiative, s.ratings, s.notes, exportRoot(), who()), "text/markdown;charset=utf-8");
    },
    onJson: () => {
      const s = current(model);
      const data = asDict(content, model.get("mode"), s.initiative, s.ratings, s.notes, who());
      download(`${baseName()}.json`, JSON.stringify(data, null, 2), "application/json;charset=utf-8");
    },
    onReset: () => {
      model.set("ratings", {});
      model.set("notes", {});
      model.set("initiative", "");
      model.save_changes();
      studentOf.set(model, "");
      view.actions.student.value = "";
      store.forget(model);
      header.notice.hidden = true;
      status.textContent = ui.reset_done;
    },
  });
}

function persist(view) {
  const ok = store.save(view.model, Object.assign(current(view.model), { student: studentOf.get(view.model) || "" }));
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
  view.actions = buildActionsFor(view);
  view.actions.student.value = studentOf.get(model) || "";
  const body = [...view.groups.map((g) => g.element), view.profile.element, ...view.actions.nodes, view.storageNote];
  if (model.get("collapsed")) {
    view.disclosure = buildDisclosure(view.shared, body);
    root.append(view.disclosure.details, view.status);
  } else {
    root.append(...body, view.status);
  }
  el.append(root);
  root.setAttribute("aria-label", landmarkName(root, content.title));
  return view;
}

function render({ model, el }) {
  const content = model.get("content");
  if (!content || !Array.isArray(content.groups)) {
    el.append(h("p", { class: "cw-notice", role: "alert", text: "The checklist's content is missing." }));
    return undefined;
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
  // A note can complete the evidence needed to place the initiative.
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
    if (view.disclosure) view.disclosure.dispose();
    model.off("change:ratings", onRatings);
    model.off("change:notes", onRatings);
    model.off("change:initiative", onText);
  };
}

export default {
  initialize({ model }) {
    ensureRestored(model);
  },
  render,
};
