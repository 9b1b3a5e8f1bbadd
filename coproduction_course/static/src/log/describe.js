// describe.js: a student's saved work in words, pure (node --test runs it).
//
// describeLog(entries, content) turns the portable entries (keys.js) into
// {opened, chapters, setAside}: each chapter a heading and items, each item a
// title and rows {label, text, level}. The words come from the course's content
// (questions, indicators, rating labels, motions: _static/course-log-content.js,
// written at build time from the data files), so the log shows a question and
// the answer chosen, never storage keys or internal fields.
import { OPENED_KEY, isSafePagePath, isSetAside, splitSiteKey } from "./keys.js";
import { WORDS } from "./words.js";
import { describeEntry } from "./kinds.js";

function parse(raw) {
  try {
    return JSON.parse(raw);
  } catch (err) {
    return null;
  }
}

function pageInfo(content, opened, path) {
  const page = (content.pages || {})[path || "index.html"];
  const title = (page && page.title) || (opened[path] && opened[path].title) || path;
  return {
    title: String(title),
    chapter: page ? page.chapter : WORDS.otherPages,
    order: page ? page.order : 1e6,
  };
}

export function openedPages(entries, content) {
  const opened = parse(entries[OPENED_KEY] || "{}") || {};
  return Object.keys(opened)
    .filter(isSafePagePath)
    .sort()
    .map((path) => ({ path, title: pageInfo(content, opened, path).title }));
}

export function describeLog(entries, content) {
  const opened = parse(entries[OPENED_KEY] || "{}") || {};
  const chapters = new Map();
  let setAside = 0;
  for (const key of Object.keys(entries).sort()) {
    const site = splitSiteKey(key);
    if (!site) continue;
    if (isSetAside(site.name)) {
      setAside += 1;
      continue;
    }
    const page = pageInfo(content, opened, site.path);
    const item = describeEntry(site.name, parse(entries[key]), content, page.title);
    if (!item) continue;
    if (!chapters.has(page.chapter)) chapters.set(page.chapter, { heading: page.chapter, order: page.order, items: [] });
    const chapter = chapters.get(page.chapter);
    chapter.order = Math.min(chapter.order, page.order);
    chapter.items.push(item);
  }
  const sorted = [...chapters.values()].sort((a, b) => a.order - b.order || a.heading.localeCompare(b.heading));
  return { opened: openedPages(entries, content), chapters: sorted, setAside };
}

// "Page title: what it is" for one entry (the import's list of changes).
export function entryLabel(key, raw, content) {
  const site = splitSiteKey(key);
  if (!site) return WORDS.openedLabel;
  const page = pageInfo(content, {}, site.path);
  const item = describeEntry(site.name, parse(raw), content, page.title);
  return `${page.title}: ${item ? item.title : WORDS.otherWork}`;
}
