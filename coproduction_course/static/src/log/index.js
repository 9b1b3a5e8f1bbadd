// index.js: the "Your work in this course" page (learning-log.md). Built by
// static/src/build.mjs into _ext/portable_static/course-learning-log.js.
//
// It reads every entry the course keeps in this browser, whatever widget wrote
// it, and shows it in words, grouped by chapter (describe.js), with the
// course's content from _static/course-log-content.js. Nothing is sent
// anywhere and no cookie is set.
import { h } from "../common/dom.js";
import { describeLog } from "./describe.js";
import { logMarkdown, siteAddress } from "./markdown.js";
import { clearControls, exportButtons, restoreControls } from "./actions.js";
import { importControls } from "./importer.js";
import { FORMAT, FORMAT_VERSION } from "./importing.js";
import { PREFIX } from "./keys.js";
import { createLogStorage } from "./storage.js";
import { renderLog } from "./view.js";
import { WORDS } from "./words.js";

function exportJSON(entries) {
  const sorted = {};
  for (const key of Object.keys(entries).sort()) sorted[key] = entries[key];
  return JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, entries: sorted }, null, 2) + "\n";
}

function storageWorks(area) {
  try {
    area.setItem(PREFIX + "log:probe", "1");
    area.removeItem(PREFIX + "log:probe");
    return true;
  } catch (err) {
    return false;
  }
}

function start(logEl, actionsEl) {
  const rootAttr = document.documentElement.getAttribute("data-content_root");
  const root = new URL(rootAttr === null ? "./" : rootAttr, location.href);
  const content = globalThis.COURSE_LOG_CONTENT || {};
  const storage = createLogStorage(localStorage, root.pathname);
  const status = h("p", { class: "course-log-status", role: "status", "aria-live": "polite" });
  const ctx = { storage, content, say: (text) => (status.textContent = text) };
  const restore = restoreControls(ctx);
  ctx.refresh = () => {
    renderLog(logEl, describeLog(storage.read(), content), root);
    restore.update();
  };
  ctx.json = () => exportJSON(storage.read());
  ctx.markdown = () => {
    const address = siteAddress(content, root.href);
    const date = new Date().toISOString().slice(0, 10);
    return logMarkdown(describeLog(storage.read(), content), { course: content.course || "", address, date });
  };
  actionsEl.append(exportButtons(ctx), ...importControls(ctx), ...clearControls(ctx), ...restore.nodes, status);
  if (!storageWorks(localStorage)) ctx.say(WORDS.noStorage);
  ctx.refresh();
}

const logEl = document.getElementById("course-learning-log");
const actionsEl = document.getElementById("course-log-actions");
if (logEl && actionsEl) start(logEl, actionsEl);
