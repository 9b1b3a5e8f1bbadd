// selfcheck.js: the view of coproduction_course.selfcheck.SelfCheck.
// Joined after common.js (h, uid, loadSaved, save, forget, liveRegion).
//
// One fieldset per question, holding a native radio group (arrow keys move
// between options, Tab moves between questions). Choosing an option shows
// feedback straight away, saying why; a polite live region announces it.
// Choices are kept in this browser only (localStorage), never sent anywhere.

function render({ model, el }) {
  const questions = model.get("questions") || [];
  const saved = loadSaved(model);
  let choices = Object.assign({}, model.get("choices") || {}, (saved && saved.choices) || {});

  const correctIndex = (q) => q.options.findIndex((o) => o.correct === true);
  const score = () => questions.filter((q) => choices[q.id] === correctIndex(q)).length;
  const answered = () => questions.filter((q) => choices[q.id] !== undefined).length;

  const root = h("section", { class: "sc", "aria-label": `Self-check for chapter ${model.get("chapter")}` });
  root.append(
    h("p", { class: "sc-intro" },
      h("strong", { text: `Self-check: ${model.get("title")}` }),
      ` — ${questions.length} questions. Choose an answer to see feedback straight away. Nothing is marked or sent anywhere; your choices stay in this browser.`),
  );
  const status = liveRegion();
  status.classList.add("sc-status");
  const tally = h("p", { class: "sc-tally" });

  function updateTally() {
    tally.textContent = `${score()} of ${questions.length} correct so far (${answered()} answered).`;
  }

  function persist() {
    save(model, { choices });
    model.set("choices", Object.assign({}, choices));
    model.save_changes();
  }

  const feedbackFor = {};
  const inputsFor = {};

  function showFeedback(q, qIndex, optIndex) {
    const box = feedbackFor[q.id];
    box.replaceChildren();
    if (optIndex === undefined || optIndex === null || !q.options[optIndex]) {
      box.hidden = true;
      return "";
    }
    const right = optIndex === correctIndex(q);
    box.hidden = false;
    box.className = "sc-feedback " + (right ? "sc-right" : "sc-wrong");
    const verdict = right ? "Correct." : "Not the best answer.";
    box.append(h("span", { class: "sc-icon", "aria-hidden": "true", text: right ? "✓ " : "✗ " }));
    box.append(h("strong", { class: "sc-verdict", text: verdict }), " ");
    box.append(h("span", { class: "sc-why", text: q.options[optIndex].feedback }));
    const more = h("span", { class: "sc-more" }, " Read more: ");
    more.append(bookLink(q.link));
    box.append(more);
    return `Question ${qIndex + 1}: ${verdict} ${q.options[optIndex].feedback}`;
  }

  questions.forEach((q, qIndex) => {
    const name = uid("sc-q");
    const fieldset = h("fieldset", { class: "sc-question", "data-question": q.id });
    fieldset.append(h("legend", { class: "sc-prompt" }, h("span", { class: "sc-num", text: `Question ${qIndex + 1} of ${questions.length}. ` }), q.prompt));
    const list = h("div", { class: "sc-options" });
    inputsFor[q.id] = [];
    q.options.forEach((opt, optIndex) => {
      const id = uid("sc-opt");
      const input = h("input", { type: "radio", name, id, value: String(optIndex) });
      if (choices[q.id] === optIndex) input.checked = true;
      input.addEventListener("change", () => {
        if (!input.checked) return;
        choices[q.id] = optIndex;
        status.textContent = showFeedback(q, qIndex, optIndex);
        updateTally();
        persist();
      });
      inputsFor[q.id].push(input);
      list.append(h("div", { class: "sc-option" }, input, h("label", { for: id, text: opt.text })));
    });
    fieldset.append(list);
    const box = h("p", { class: "sc-feedback", hidden: true });
    feedbackFor[q.id] = box;
    fieldset.append(box);
    root.append(fieldset);
    showFeedback(q, qIndex, choices[q.id]);
  });

  const reset = h("button", {
    type: "button",
    class: "sc-reset",
    text: "Clear my answers",
    onclick: () => {
      choices = {};
      forget(model);
      model.set("choices", {});
      model.save_changes();
      questions.forEach((q, qIndex) => {
        inputsFor[q.id].forEach((input) => (input.checked = false));
        showFeedback(q, qIndex, undefined);
      });
      updateTally();
      status.textContent = "Answers cleared.";
    },
  });
  updateTally();
  root.append(h("div", { class: "sc-footer" }, tally, reset), status);
  el.replaceChildren(root);
}

export default { render };
