// view-groups.js: splitting the class into groups with sides, by number or,
// with a pasted class list, by name.
import { h, uid } from "../common/dom.js";
import { fill, wholeIn } from "../common/text.js";
import { MAX_SEED, MAX_STUDENTS, MIN_STUDENTS, assignGroups, groupLine } from "./random.js";
import { parseClassList } from "./names.js";

export function numberField(label, value, limits, hint, cls) {
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
    "aria-describedby": `${id}-hint ${id}-err`,
  });
  const error = h("p", { id: `${id}-err`, class: "cw-error" });
  const field = h("div", { class: "cw-field" }, h("label", { for: id, text: label }), input, h("span", { id: `${id}-hint`, class: "cw-hint", text: hint }), error);
  return { field, input, error };
}

export function showError(f, message) {
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
    h("p", {}, include, " ", h("label", { for: `${id}-export`, text: ui.names_in_export })),
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

export function buildGroups(ctx, onSeed) {
  const { ui, state } = ctx;
  const fields = {
    students: numberField(ui.students_label, state.students, [MIN_STUDENTS, MAX_STUDENTS], ui.students_hint, "cw-students"),
    groups: numberField(ui.groups_label, state.groups, [2, MAX_STUDENTS], ui.groups_hint, "cw-groups-n"),
    seed: numberField(ui.seed_label, state.seed, [0, MAX_SEED], ui.seed_hint, "cw-seed"),
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
    const byChoice = ctx.byId.get(state.motion).side_by_choice === true;
    Object.assign(state, { students: n, groups: g, seed });
    state.groupLines = assignGroups(n, g, seed).map((group) => groupLine(group, ui, people.length >= MIN_STUDENTS ? people : null, byChoice));
    list.replaceChildren(...state.groupLines.map((line) => h("li", { text: line })));
    list.setAttribute("data-by-choice", byChoice ? "true" : "false");
    if (byChoice) note.textContent = ui.choice_groups_note;
    else note.textContent = g % 2 === 1 ? ui.odd_groups : ui.even_groups;
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
    out,
  );
  return { fieldset, fields, names, draw };
}
