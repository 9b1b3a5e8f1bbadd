// opened.js: the record of pages opened, for the learning log; pure.
// One localStorage entry (keys.js OPENED) maps each page's path from the site
// root to {title}. Nothing is sent anywhere.
import { isSafePagePath } from "../log/keys.js";

// The page's path from the site root ("chapters/a.html"); the front page at the
// bare address is "index.html".
export function sitePath(pathname, rootPath) {
  const rest = pathname.startsWith(rootPath) ? pathname.slice(rootPath.length) : pathname;
  return rest === "" || rest.endsWith("/") ? rest + "index.html" : rest;
}

// The record with this page added (null when nothing changes).
export function withPage(raw, path, title) {
  let opened;
  try {
    opened = JSON.parse(raw || "{}");
  } catch (err) {
    opened = {};
  }
  if (!opened || typeof opened !== "object" || Array.isArray(opened)) opened = {};
  if (opened[path] || !isSafePagePath(path)) return null;
  opened[path] = { title };
  return JSON.stringify(opened);
}

export function headingText(doc) {
  const heading = doc.querySelector("main h1, article h1, h1");
  return heading ? heading.textContent.replace(/[#¶]\s*$/, "").trim() : doc.title;
}
