// view-header.js: the checklist's title, introduction and initiative field.
import { h } from "../common/dom.js";

export function buildHeader(content, ids, restoredStatus) {
  const ui = content.ui;
  const notice = h(
    "p",
    { class: "cw-notice", hidden: restoredStatus !== "corrupt" },
    restoredStatus === "corrupt" ? ui.corrupt_saved : "",
  );
  const initiativeInput = h("input", {
    type: "text",
    id: ids.initiative,
    dir: "auto",
    autocomplete: "off",
    maxlength: 1000,
    "data-role": "initiative",
  });
  const nodes = [
    h("h3", { id: ids.title, text: content.title }),
    h("p", { class: "cwc-intro", text: content.intro }),
    h("p", { class: "cwc-source", text: content.source }),
    notice,
    h("label", { class: "cw-block cwc-label", for: ids.initiative, text: ui.initiative_label }),
    initiativeInput,
  ];
  return { nodes, notice, initiativeInput };
}
