// The view of coproduction_course.debate.DebatePrompts. Motions come from the
// model (trait `motions_data`, from data/motions.yml) and every word of the
// interface from the `ui` trait (data/ui.yml); none is written here.
import { h, liveRegion } from "../common/dom.js";
import { landmarkName } from "../common/landmark.js";
import { store } from "./saved.js";
import { buildMotion } from "./view-motion.js";
import { buildProjector } from "./projector.js";
import { buildGroups } from "./view-groups.js";
import { buildTimer } from "./view-timer.js";
import { buildArgument } from "./view-argument.js";
import { buildPositions } from "./view-positions.js";

function initialState(model, motions, saved) {
  const state = { motion: model.get("motion_id"), shufflePos: -1, seed: model.get("seed") >>> 0, students: 24, groups: 4, minutes: 3 };
  Object.assign(state, { args: {}, positions: {}, names: "", student: "", namesInExport: false, sound: false, groupLines: [] }, saved || {});
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

// Send what the student chose and wrote to Python when a kernel runs: a side
// at once, typing after a pause (a long text on every keystroke would flood
// the connection), the text again on leaving the box.
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
    parts.positions.draw();
    parts.groups.draw();
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
    if (!arg.text && !arg.side && !arg.stay) delete state.args[state.motion];
    else state.args[state.motion] = arg;
    ctx.persist();
    parts.kernel.sync(Boolean(now));
  };
  parts.clear = () => {
    store.forget(model);
    Object.assign(state, { args: {}, positions: {}, shufflePos: -1, names: "", student: "", namesInExport: false });
    parts.groups.names.box.value = "";
    parts.groups.names.include.checked = false;
    parts.argument.student.value = "";
    parts.groups.draw();
    parts.argument.draw();
    parts.positions.draw();
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
  parts.positions = buildPositions(ctx, { update: () => ctx.persist() });
  parts.kernel = kernelSync(ctx, parts.argument.current);
  root.append(
    parts.motion.chooser,
    h("div", { class: "cw-row" }, parts.motion.shuffleBtn, ...parts.projector.buttons),
    parts.motion.card,
    parts.groups.fieldset,
    parts.timer.fieldset,
    parts.positions.fieldset,
    parts.argument.fieldset,
    ctx.storageNote,
    ctx.status,
  );
  return parts;
}

// Tell Python (when a kernel runs) what the page restored, so its answers match.
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
    return undefined;
  }
  const ctx = createContext(model);
  const { ui, state } = ctx;
  const root = h("section", { class: "cw-widget cw-debate" });
  const parts = build(ctx, root);
  el.append(root);
  root.setAttribute("aria-label", landmarkName(root, ui.label));
  parts.motion.draw();
  parts.argument.draw();
  parts.positions.draw();
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

export default { render };
