// view-positions.js: where the student and the room stand on the motion
// before and after the debate, side by side. The student ticks their own
// position; a tutor types the room's count (for, against, undecided).
import { h, uid } from "../common/dom.js";
import { fill, wholeIn } from "../common/text.js";
import { numberField, showError } from "./view-groups.js";
import { MAX_COUNT, MOMENTS, POSITIONS, emptyPosition, isEmptyRecord, positionLines } from "./positions.js";

function ownRadios(ui, moment, onOwn) {
  const name = uid(`cw-own-${moment}`);
  const inputs = {};
  const options = POSITIONS.map((pos) => {
    const id = uid("cw-own-opt");
    inputs[pos] = h("input", { type: "radio", id, name, value: pos, class: `cw-own-${pos}` });
    inputs[pos].addEventListener("change", () => inputs[pos].checked && onOwn(pos));
    return h("span", {}, inputs[pos], " ", h("label", { for: id, text: ui[`position_${pos}`] }));
  });
  const fieldset = h("fieldset", { class: "cw-own-position" }, h("legend", { text: ui.own_position_label }), h("div", { class: "cw-row" }, options));
  return { fieldset, inputs };
}

function momentBlock(ctx, moment, onChange) {
  const { ui } = ctx;
  const own = ownRadios(ui, moment, (pos) => onChange(moment, { own: pos }, true));
  const counts = {};
  for (const pos of POSITIONS) {
    counts[pos] = numberField(ui[`count_${pos}`], "", [0, MAX_COUNT], fill(ui.count_hint, { max: MAX_COUNT }), `cw-count-${pos}`);
    counts[pos].input.addEventListener("input", () => {
      const raw = counts[pos].input.value.trim();
      const n = raw === "" ? null : wholeIn(raw, 0, MAX_COUNT);
      showError(counts[pos], raw !== "" && n === null ? fill(ui.error_count, { max: MAX_COUNT }) : "");
      if (raw === "" || n !== null) onChange(moment, { [pos]: n }, false);
    });
  }
  const room = h("fieldset", { class: "cw-room-count" }, h("legend", { text: ui.room_label }), h("div", { class: "cw-row" }, POSITIONS.map((pos) => counts[pos].field)));
  const fieldset = h("fieldset", { class: `cw-moment cw-moment-${moment}`, "data-moment": moment }, h("legend", { text: ui[`moment_${moment}`] }), own.fieldset, room);
  function draw(p) {
    for (const pos of POSITIONS) {
      own.inputs[pos].checked = p.own === pos;
      counts[pos].input.value = p[pos] === null ? "" : String(p[pos]);
      showError(counts[pos], "");
    }
  }
  return { fieldset, draw };
}

export function buildPositions(ctx, hooks) {
  const { ui, state } = ctx;
  const record = () => state.positions[state.motion] || { before: emptyPosition(), after: emptyPosition() };
  const summary = h("ul", { class: "cw-positions-summary" });
  const drawSummary = () => summary.replaceChildren(...positionLines(ui, record()).map((line) => h("li", { text: line })));
  const onChange = (moment, change, now) => {
    const next = { before: { ...record().before }, after: { ...record().after } };
    Object.assign(next[moment], change);
    if (isEmptyRecord(next)) delete state.positions[state.motion];
    else state.positions[state.motion] = next;
    drawSummary();
    hooks.update(now);
  };
  const blocks = Object.fromEntries(MOMENTS.map((m) => [m, momentBlock(ctx, m, onChange)]));
  const fieldset = h(
    "fieldset",
    { class: "cw-positions" },
    h("legend", { text: ui.positions_legend }),
    h("p", { class: "cw-hint", text: ui.positions_hint }),
    h("div", { class: "cw-row cw-before-after" }, blocks.before.fieldset, blocks.after.fieldset),
    h("h4", { text: ui.positions_summary_heading }),
    summary,
  );
  function draw() {
    const r = record();
    for (const m of MOMENTS) blocks[m].draw(r[m]);
    drawSummary();
  }
  return { fieldset, draw };
}
