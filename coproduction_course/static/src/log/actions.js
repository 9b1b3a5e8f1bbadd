// actions.js: the buttons under the log: download, import (asks first, with the
// changes listed, after keeping a backup), restore the backup, clear all.
import { h } from "../common/dom.js";
import { inlineConfirm } from "../common/confirm.js";
import { download } from "../common/download.js";
import { checkImport, countPlan, planImport } from "./importing.js";
import { WORDS } from "./words.js";

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
const CLASSES = { yes: "btn btn-danger", no: "btn btn-secondary" };
const button = (action, text, cls) => h("button", { type: "button", class: cls || "btn btn-secondary", "data-action": action, text });

function exportButtons(ctx) {
  const md = button("export-markdown", WORDS.exportMarkdown);
  const js = button("export-json", WORDS.exportJSON);
  md.addEventListener("click", () => {
    download("co-production-learning-log.md", ctx.markdown(), "text/markdown;charset=utf-8");
    ctx.say(WORDS.markdownDone);
  });
  js.addEventListener("click", () => {
    download("co-production-learning-log.json", ctx.json(), "application/json");
    ctx.say(WORDS.jsonDone);
  });
  return h("p", {}, md, " ", js);
}

function clearControls(ctx) {
  const clear = button("clear", WORDS.clear);
  const confirm = inlineConfirm({
    trigger: clear, question: WORDS.clearQuestion, yesLabel: WORDS.clearYes, noLabel: WORDS.cancel, classes: CLASSES,
    onYes: () => {
      ctx.storage.clearAll();
      ctx.refresh();
      ctx.say(WORDS.cleared);
    },
    onNo: () => ctx.say(WORDS.notCleared),
  });
  confirm.yes.dataset.action = "clear-yes";
  confirm.no.dataset.action = "clear-cancel";
  confirm.box.classList.add("course-log-confirm");
  return [h("p", {}, clear), confirm.box];
}

function restoreControls(ctx) {
  const label = h("span", { class: "course-log-backup-label" });
  const restore = button("restore-backup", WORDS.restore);
  const wrap = h("p", { class: "course-log-backup", hidden: true }, label, " ", restore);
  const confirm = inlineConfirm({
    trigger: restore, question: WORDS.restoreQuestion, yesLabel: WORDS.restoreYes, noLabel: WORDS.cancel, classes: CLASSES,
    onYes: () => {
      const copy = ctx.storage.backup();
      if (!copy) return;
      ctx.storage.keepBackup(new Date().toISOString());
      ctx.storage.replaceAll(copy.entries);
      ctx.refresh();
      ctx.say(WORDS.restored);
    },
  });
  confirm.yes.dataset.action = "restore-yes";
  function update() {
    const copy = ctx.storage.backup();
    wrap.hidden = !copy;
    if (copy) label.textContent = fill(WORDS.backupLabel, { date: String(copy.saved).slice(0, 16).replace("T", " ") });
  }
  return { nodes: [wrap, confirm.box], update };
}

// The changes, counted, with the items added or replaced named.
function planList(changes, label) {
  const counts = countPlan(changes);
  const names = { add: WORDS.planAdd, update: WORDS.planUpdate, keep: WORDS.planKeep, same: WORDS.planSame };
  const items = (action) => {
    const named = changes.filter((c) => c.action === action).map((c) => label(c));
    if (action === "same" || action === "keep" || !named.length) return null;
    const shown = named.slice(0, 12).map((text) => h("li", { text }));
    if (named.length > 12) shown.push(h("li", { text: fill(WORDS.planMore, { count: named.length - 12 }) }));
    return h("ul", {}, shown);
  };
  const lines = ["add", "update", "keep", "same"].filter((k) => counts[k]);
  return h("ul", {}, lines.map((k) => h("li", {}, fill(names[k], { count: counts[k] }), items(k))));
}

function applyImport(ctx, changes, replace, incoming) {
  try {
    ctx.storage.keepBackup(new Date().toISOString());
    if (replace) ctx.storage.replaceAll(incoming);
    else ctx.storage.write(Object.fromEntries(changes.filter((c) => c.action === "add" || c.action === "update").map((c) => [c.key, c.value])));
  } catch (err) {
    ctx.say(WORDS.importFull);
    return;
  }
  ctx.refresh();
  const counts = countPlan(changes);
  ctx.say(fill(WORDS.imported, replace ? { add: Object.keys(incoming).length, update: 0, keep: 0 } : counts));
}

export { applyImport, button, clearControls, exportButtons, planList, restoreControls, checkImport, planImport, countPlan, fill };
