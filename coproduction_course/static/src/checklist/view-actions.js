// view-actions.js: the export buttons and the reset (asked first).
import { h } from "../common/dom.js";
import { inlineConfirm } from "../common/confirm.js";

export function buildActions(content, handlers) {
  const ui = content.ui;
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
  return { nodes: [row, confirm.box] };
}
