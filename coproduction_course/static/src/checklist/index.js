// The view of coproduction_course.checklist.BarrierChecklist.
// Every piece of course content (groups, indicators, rating labels, feedback,
// seminar questions, positions, links, interface labels) comes from the
// synced `content` trait, loaded from data/barriers.yml or data/principles.yml.
import { h, uid, liveRegion } from "../common/dom.js";
import { download } from "../common/download.js";
import { landmarkName } from "../common/landmark.js";
import { fill, slug } from "../common/text.js";
import { siteRoot } from "../common/links.js";
import { isRating, scoreAll } from "./score.js";
import { asDict, bandLabel, countsText, positionOf, positionText, scoreText, toMarkdown } from "./export.js";
import { store } from "./saved.js";
import { buildHeader } from "./view-header.js";
import { buildGroup } from "./view-group.js";
import { buildProfile, drawChart } from "./view-profile.js";
import { buildActions } from "./view-actions.js";

// Restored once per model (several views of one model share it).
const restoreResult = new WeakMap();

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
    },
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
