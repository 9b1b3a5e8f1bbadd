// view-actions.js: the export buttons and the reset (asked first).
import { h, uid } from "../common/dom.js";
import { inlineConfirm } from "../common/confirm.js";

export function buildActions(content, shared, handlers) {
  const ui = content.ui;
  const studentId = uid("cwc-student");
  const student = h("input", { type: "text", id: studentId, class: "cwc-student", dir: "auto", autocomplete: "off", maxlength: 200, "data-role": "student" });
  student.addEventListener("input", () => handlers.onStudent(student.value));
  const mdButton = h("button", { type: "button", class: "cw-secondary", "data-action": "markdown", text: ui.download_markdown });
  const jsonButton = h("button", { type: "button", class: "cw-secondary", "data-action": "json", text: ui.download_json });
  const resetButton = h("button", { type: "button", class: "cw-danger", "data-action": "reset", text: ui.reset });
  mdButton.addEventListener("click", handlers.onMarkdown);
  jsonButton.addEventListener("click", handlers.onJson);
  const confirm = inlineConfirm({
    trigger: resetButton,
    question: ui.reset_confirm,
    yesLabel: ui.reset_yes,
    noLabel: ui.reset_cancel,
    onYes: handlers.onReset,
    classes: { yes: "cw-danger", no: "cw-secondary" },
  });
  confirm.yes.setAttribute("data-action", "reset-yes");
  confirm.no.setAttribute("data-action", "reset-cancel");
  confirm.box.classList.add("cwc-confirm");
  const row = h("div", { class: "cw-row cwc-actions" }, mdButton, jsonButton, resetButton);
  const label = h("label", { class: "cw-block cwc-label", for: studentId, text: shared.student_label });
  return { nodes: [label, student, row, confirm.box], student };
}
