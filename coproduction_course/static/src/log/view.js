// view.js: the learning log drawn on the page from describeLog()'s model.
// Every text is set as text (common/dom.js), so nothing imported runs or links
// anywhere but to this site's own pages.
import { h } from "../common/dom.js";
import { WORDS } from "./words.js";

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));

function openedList(opened, root) {
  if (!opened.length) return h("p", { text: WORDS.noneOpened });
  return h(
    "ul",
    { class: "course-log-opened" },
    opened.map((page) => h("li", {}, h("a", { href: new URL(page.path, root).href, text: page.title }))),
  );
}

// Rows with text are term and description; a row without text (a question, a
// checklist group) heads the rows below it.
function rows(list) {
  const out = [];
  let dl = null;
  for (const r of list) {
    if (!r.text) {
      out.push(h("p", { class: "course-log-subhead" }, h("strong", { text: r.label })));
      dl = null;
      continue;
    }
    if (!r.label) {
      out.push(h("p", { text: r.text }));
      dl = null;
      continue;
    }
    if (!dl) out.push((dl = h("dl", { class: "course-log-fields" })));
    dl.append(h("dt", { text: r.label }), h("dd", { text: r.text }));
  }
  return out;
}

function chapterSection(chapter) {
  const section = h("section", { class: "course-log-page" }, h("h4", { text: chapter.heading }));
  for (const item of chapter.items) {
    section.append(h("h5", { class: "course-log-widget", text: item.title }), ...rows(item.rows));
  }
  return section;
}

export function renderLog(el, log, root) {
  el.textContent = "";
  el.append(h("h3", { text: fill(WORDS.openedHeading, { count: log.opened.length }) }), openedList(log.opened, root));
  el.append(h("h3", { text: WORDS.workHeading }));
  if (log.setAside) el.append(h("p", { class: "course-log-set-aside", text: fill(WORDS.setAside, { count: log.setAside }) }));
  if (!log.chapters.length) el.append(h("p", { text: WORDS.nothingSaved }));
  for (const chapter of log.chapters) el.append(chapterSection(chapter));
}
