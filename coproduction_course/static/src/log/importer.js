// importer.js: "Import from JSON". The file is checked (importing.js), then the
// changes are shown and the student chooses: import (merge, newer kept),
// replace everything with the file, or cancel (Escape cancels too). A backup
// of this browser's work is kept before anything is written.
import { h } from "../common/dom.js";
import { applyImport, button, fill, planImport, planList } from "./actions.js";
import { checkImport } from "./importing.js";
import { entryLabel } from "./describe.js";
import { WORDS } from "./words.js";

function planBox(ctx, input) {
  const text = h("p", { id: "course-log-plan-text" });
  const list = h("div");
  const yes = button("import-confirm", WORDS.planYes, "btn btn-primary");
  const replace = button("import-replace", WORDS.planReplace);
  const no = button("import-cancel", WORDS.cancel);
  const box = h(
    "div",
    { class: "course-log-confirm course-log-plan", role: "group", "aria-labelledby": "course-log-plan-text", hidden: true },
    text, list, h("p", { text: WORDS.planBackup }), h("p", {}, yes, " ", replace, " ", no),
  );
  let pending = null;
  function close(message) {
    box.hidden = true;
    pending = null;
    input.focus();
    if (message) ctx.say(message);
  }
  function open(file, entries) {
    const changes = planImport(ctx.storage.read(), entries);
    pending = { changes, entries };
    text.textContent = fill(WORDS.planHeading, { file });
    list.replaceChildren(planList(changes, (c) => entryLabel(c.key, c.value, ctx.content)));
    box.hidden = false;
    yes.focus();
  }
  yes.addEventListener("click", () => {
    const p = pending;
    close();
    if (p) applyImport(ctx, p.changes, false, p.entries);
  });
  replace.addEventListener("click", () => {
    const p = pending;
    close();
    if (p) applyImport(ctx, p.changes, true, p.entries);
  });
  no.addEventListener("click", () => close(WORDS.importCancelled));
  box.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    close(WORDS.importCancelled);
  });
  return { box, open };
}

export function importControls(ctx) {
  const input = h("input", { type: "file", id: "course-log-import", accept: "application/json,.json", "data-action": "import" });
  const label = h("label", { for: "course-log-import", text: WORDS.importLabel });
  const plan = planBox(ctx, input);
  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      const checked = file.size > 5 * 1024 * 1024 ? checkImport("", file.size) : checkImport(await file.text(), file.size);
      if (checked.error) ctx.say(checked.error);
      else plan.open(file.name, checked.entries);
    } finally {
      input.value = "";
    }
  });
  return [h("p", {}, label, input), plan.box];
}
