// The view of coproduction_course.selfcheck.SelfCheck. One fieldset per
// question, holding a native radio group (arrow keys move between options,
// Tab between questions) and a "Check my answer" button. Choosing an option
// only selects it (arrowing through the options answers nothing); the button
// confirms it and shows feedback, saying why; a polite live region announces
// it. Selections and answers stay in this browser.
import { h, uid, liveRegion } from "../common/dom.js";
import { bookLink } from "../common/links.js";
import { landmarkName } from "../common/landmark.js";
import { fill } from "../common/text.js";
import { correctIndex, tally } from "./quiz.js";
import { store } from "./saved.js";

function showFeedback(ui, box, q, qIndex, optIndex) {
  box.replaceChildren();
  if (optIndex === undefined || optIndex === null || !q.options[optIndex]) {
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
    h("span", { class: "sc-more" }, ` ${ui.read_more} `, bookLink(q.link)),
  );
  return fill(ui.announce, { n: qIndex + 1, verdict, feedback: q.options[optIndex].feedback });
}

function questionBlock(view, q, qIndex) {
  const { ui, questions, choices, selected } = view;
  const name = uid("sc-q");
  const fieldset = h("fieldset", { class: "sc-question", "data-question": q.id });
  const number = fill(ui.question_number, { n: qIndex + 1, total: questions.length });
  fieldset.append(h("legend", { class: "sc-prompt" }, h("span", { class: "sc-num", text: number + " " }), q.prompt));
  const list = h("div", { class: "sc-options" });
  const box = h("p", { class: "sc-feedback", hidden: true });
  const shown = q.id in selected ? selected[q.id] : choices[q.id];
  const inputs = q.options.map((opt, optIndex) => {
    const id = uid("sc-opt");
    const input = h("input", { type: "radio", name, id, value: String(optIndex) });
    input.checked = shown === optIndex;
    input.addEventListener("change", () => input.checked && view.select(q, qIndex, optIndex));
    list.append(h("div", { class: "sc-option" }, input, h("label", { for: id, text: opt.text })));
    return input;
  });
  const check = h("button", { type: "button", class: "cw-secondary sc-check", text: ui.check });
  check.addEventListener("click", () => view.confirm(q, qIndex, inputs.findIndex((input) => input.checked)));
  fieldset.append(list, h("div", { class: "sc-actions" }, check), box);
  if (shown === choices[q.id]) showFeedback(ui, box, q, qIndex, choices[q.id]);
  return { fieldset, box, inputs };
}

function render({ model, el }) {
  const ui = model.get("ui");
  const questions = model.get("questions") || [];
  const loaded = store.load(model, questions);
  const saved = loaded.value || {};
  const view = { ui, questions, choices: Object.assign({}, model.get("choices") || {}, saved.choices || {}), selected: Object.assign({}, saved.selected || {}) };
  const status = liveRegion();
  status.classList.add("sc-status");
  const tallyLine = h("p", { class: "sc-tally" });
  const notice = h("p", { class: "cw-notice", hidden: loaded.status !== "corrupt", text: ui.corrupt_saved });
  const updateTally = () => (tallyLine.textContent = fill(ui.tally, tally(questions, view.choices)));
  const persist = () => {
    notice.hidden = store.save(model, { choices: view.choices, selected: view.selected }) ? notice.hidden : false;
    model.set("choices", Object.assign({}, view.choices));
    model.save_changes();
  };
  const blocks = {};
  // Selecting keeps the choice (nothing typed is lost) but answers nothing; the
  // feedback shown belongs to the checked answer, so it hides while they differ.
  view.select = (q, qIndex, optIndex) => {
    if (optIndex === view.choices[q.id]) delete view.selected[q.id];
    else view.selected[q.id] = optIndex;
    showFeedback(ui, blocks[q.id].box, q, qIndex, q.id in view.selected ? undefined : view.choices[q.id]);
    persist();
  };
  view.confirm = (q, qIndex, optIndex) => {
    if (optIndex < 0) {
      status.textContent = fill(ui.choose_first, { n: qIndex + 1 });
      return;
    }
    view.choices[q.id] = optIndex;
    delete view.selected[q.id];
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
    view.selected = {};
    store.forget(model);
    model.set("choices", {});
    model.save_changes();
    questions.forEach((q, qIndex) => {
      blocks[q.id].inputs.forEach((input) => (input.checked = false));
      showFeedback(ui, blocks[q.id].box, q, qIndex, undefined);
    });
    updateTally();
    status.textContent = ui.cleared;
  });
  updateTally();
  root.append(h("div", { class: "sc-footer" }, tallyLine, clear), status);
  el.replaceChildren(root);
  root.setAttribute("aria-label", landmarkName(root, fill(ui.label, { chapter: model.get("chapter") })));
}

export default { render };
