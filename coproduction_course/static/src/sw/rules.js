// rules.js: the service worker's naming and lookup rules, pure (node --test).
//
// One cache per site address (the worker's scope), never per build: a release
// neither empties what a student saved nor starts a blank copy, and a second
// site on the same origin (the tutor edition beside the student one, another
// course) has its own scope, so its own cache.
export const CACHE_PREFIX = "coproduction-course@";
// Caches of earlier releases were named "coproduction-course-<build hash>".
export const LEGACY = /^coproduction-course-[0-9a-f]{16}$/;

export function cacheName(scope) {
  return CACHE_PREFIX + scope;
}

export function isLegacy(name) {
  return LEGACY.test(name);
}

// What to look up for a request: the site's bare address is its front page.
export function candidates(url) {
  const list = [url];
  const parsed = new URL(url);
  if (parsed.pathname.endsWith("/")) list.push(new URL("index.html", parsed).href);
  return list;
}

// Cached addresses a new list of files no longer names (removed pages), to drop.
export function stale(cachedUrls, files, scope) {
  const keep = new Set(files.map((f) => new URL(f, scope).href));
  keep.add(scope);
  return cachedUrls.filter((url) => url.startsWith(scope) && !keep.has(url.split("?")[0]));
}
