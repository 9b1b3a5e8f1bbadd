// keys.js: the learning log's storage keys, pure (node --test runs it).
//
// Widgets keep a student's work under PREFIX + page path + ":" + storage key
// (common/store.js). In an export a page's path is kept relative to the site
// root ("site:chapters/x.html:key"), so a file made on one address imports on
// another. Only same-site relative page paths are accepted: an imported file
// can never turn a key into a javascript:, data: or other-site link.
import { STORAGE_PREFIX, SET_ASIDE } from "../common/store.js";

export const PREFIX = STORAGE_PREFIX;
export const OPENED = "log:opened"; // written by course-offline.js on every page
export const OPENED_KEY = "raw:" + OPENED;
// The copy taken before an import, outside the course's prefix so that exports
// and the widgets never see it; "Clear all" removes it too.
export const BACKUP_KEY = "coproduction-course:log-backup:v1";

// "chapters/01-x.html", "index.html", "" (the site's front page), "exercises/".
const PAGE_PATH = /^(?:[A-Za-z0-9_-]+\/)*(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*\.html)?$/;
const NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.:-]{0,120}$/;

export function isSafePagePath(path) {
  return typeof path === "string" && path.length <= 300 && PAGE_PATH.test(path);
}

// "site:PATH:NAME" -> {path, name}, or null when either part is unsafe.
export function splitSiteKey(portable) {
  if (typeof portable !== "string" || !portable.startsWith("site:")) return null;
  const rest = portable.slice(5);
  const at = rest.search(/(?:\.html|\/|^):/);
  if (at < 0) return null;
  const cut = rest.indexOf(":", at);
  const path = rest.slice(0, cut);
  const name = rest.slice(cut + 1);
  return isSafePagePath(path) && NAME.test(name) ? { path, name } : null;
}

export function isValidKey(portable) {
  return portable === OPENED_KEY || splitSiteKey(portable) !== null;
}

// Storage key -> portable key, or null for what exports leave out.
export function portableKey(key, rootPath) {
  if (!key.startsWith(PREFIX)) return null;
  const rest = key.slice(PREFIX.length);
  if (rest === OPENED) return OPENED_KEY;
  if (!rest.startsWith(rootPath)) return null;
  const portable = "site:" + rest.slice(rootPath.length);
  return splitSiteKey(portable) ? portable : null;
}

export function storageKey(portable, rootPath) {
  if (portable === OPENED_KEY) return PREFIX + OPENED;
  return splitSiteKey(portable) ? PREFIX + rootPath + portable.slice(5) : null;
}

// An entry store.js set aside because this version of the course could not read it.
export function isSetAside(name) {
  return new RegExp(SET_ASIDE + "(-\\d+)?$").test(name);
}
