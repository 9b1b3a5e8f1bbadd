// view-group.js: one group (barrier or principle): its indicators as radio
// groups, the student's notes, and the feedback box.
import { h } from "../common/dom.js";
import { RATING_KEYS, RATING_VALUES } from "./score.js";
import { bookLink } from "../common/links.js";

function ratingOptions(content) {
  return [
    ["", content.rating_labels.unanswered],
    ...RATING_VALUES.map((v) => [String(v), content.rating_labels[RATING_KEYS[v]]]),
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
    h("p", {}, `${ui.read_more}: `, bookLink(group.link)),
  );
  return { box, scoreLine, feedbackLine };
}

// Returns the group's element and the controls the view keeps in step.
export function buildGroup(content, group, prefix, handlers) {
  const ui = content.ui;
  const headingId = `${prefix}-h`;
  // A plain div, not a <section>: one landmark per checklist is enough, and
  // repeated checklists would otherwise repeat landmark names.
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
    feedback.box,
  );
  return { element: part, inputs, noteBox: textarea, feedback };
}
