// view-argument.js: the student's side and argument for the current motion,
// the optional name or candidate number, the exports and "clear my work".
import { h, uid } from "../common/dom.js";
import { inlineConfirm } from "../common/confirm.js";
import { download } from "../common/download.js";
import { exportRoot } from "../common/links.js";
import { charCount, fill, wordCount } from "../common/text.js";
import { SIDES } from "./random.js";
import { argumentsJson, argumentsMarkdown } from "./export.js";

function sideFieldset(ui, onSide, onStay) {
  const name = uid("cw-side");
  const inputs = {};
  const options = SIDES.map((side) => {
    const id = uid("cw-side-opt");
    inputs[side] = h("input", { type: "radio", id, name, value: side });
    inputs[side].addEventListener("change", () => inputs[side].checked && onSide(side));
    return h("span", {}, inputs[side], " ", h("label", { for: id, text: side === "for" ? ui.side_for_label : ui.side_against_label }));
  });
  // Only on motions where people choose their side: decline the swap, stay in.
  const stayId = uid("cw-stay");
  const stay = h("input", { type: "checkbox", id: stayId, class: "cw-stay" });
  stay.addEventListener("change", () => onStay(stay.checked));
  const stayRow = h("p", { class: "cw-stay-row", hidden: true }, stay, " ", h("label", { for: stayId, text: ui.stay_label }));
  const legend = h("legend", { text: ui.side_legend });
  const fieldset = h("fieldset", { class: "cw-side" }, legend, h("div", { class: "cw-row" }, options), stayRow);
  return { fieldset, inputs, stay, stayRow, legend };
}

function exportDoc(ctx, student) {
  const { ui, motions, state } = ctx;
  return {
    ui,
    course: ctx.course,
    student: student.value,
    date: new Date().toISOString().slice(0, 10),
    root: exportRoot(),
    items: motions
      .filter((m) => state.args[m.id] || state.positions[m.id])
      .map((m) => ({ motion: m, arg: state.args[m.id], positions: state.positions[m.id] })),
    groups: state.namesInExport && state.groupLines.length ? state.groupLines : null,
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

export function buildArgument(ctx, hooks) {
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
  const current = () => state.args[state.motion] || { side: "", text: "", stay: false };
  const onSide = (side) => {
    hooks.update({ side }, true);
    status.textContent = fill(ui.side_announce, { side: side === "for" ? ui.side_for : ui.side_against });
  };
  const onStay = (stay) => {
    hooks.update({ stay }, true);
    status.textContent = stay ? ui.stay_on : ui.stay_off;
  };
  const sides = sideFieldset(ui, onSide, onStay);
  const drawCount = () => (counter.textContent = fill(ui.count_template, { words: wordCount(textarea.value), chars: charCount(textarea.value) }));
  function draw() {
    const arg = current();
    const byChoice = ctx.byId.get(state.motion).side_by_choice === true;
    textarea.value = arg.text;
    for (const side of SIDES) sides.inputs[side].checked = arg.side === side;
    sides.stayRow.hidden = !byChoice;
    sides.stay.checked = byChoice && arg.stay === true;
    sides.legend.textContent = byChoice ? ui.side_legend_choice : ui.side_legend;
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
    onNo: () => (status.textContent = ui.cleared_nothing),
    classes: { yes: "cw-danger cw-clear-yes", no: "cw-secondary cw-clear-no" },
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
    confirm.box,
  );
  return { fieldset, draw, current, student };
}
