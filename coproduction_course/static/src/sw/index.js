// index.js: the course's service worker (built by static/src/build.mjs into
// _ext/portable_static/course-sw.js; _ext/course_portable.py copies it to the
// site root with the build's version and writes the list of files).
//
// Every same-site GET goes to the network first; a copy of what arrives is
// kept, so pages a reader has visited open with the network off. "Make the
// whole course available offline" asks it to fetch every file in
// offline-files.json. It caches nothing from other hosts and sends nothing but
// ordinary page requests. A release keeps what a student saved: copies are
// replaced page by page as pages are opened online, or all at once when the
// button is pressed again. No worker deletes a cache that is not its own.
import { candidates, cacheName, isLegacy, stale } from "./rules.js";
import { notSaved } from "./words.js";

const VERSION = "__COURSE_BUILD_VERSION__";
const scope = self.registration.scope;
const CACHE = cacheName(scope);

// An earlier release kept a cache per build: adopt this site's copies from it,
// and delete it only when nothing in it belonged to another site.
async function adoptLegacy(name) {
  const old = await caches.open(name);
  const cache = await caches.open(CACHE);
  const requests = await old.keys();
  const ours = requests.filter((r) => r.url.startsWith(scope));
  for (const r of ours) {
    if (!(await cache.match(r))) await cache.put(r, await old.match(r));
  }
  if (ours.length === requests.length) await caches.delete(name);
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  for (const url of candidates(request.url)) {
    const hit = await cache.match(url === request.url ? request : url, { ignoreSearch: true });
    if (hit) return hit;
  }
  return undefined;
}

async function networkFirst(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  } catch (err) {
    // Offline: the stored copy, ignoring the ?v= cache-busting queries Sphinx adds.
    const hit = await fromCache(request);
    if (hit) return hit;
    return request.mode === "navigate" ? notSaved() : Response.error();
  }
}

// Every listed file, four at a time; an entry is replaced only when its new copy
// has arrived, so a failure half way keeps the older copies.
async function saveAll(files, port) {
  const cache = await caches.open(CACHE);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < files.length) {
      await cache.add(new URL(files[next++], scope).href);
      done += 1;
      if (done % 20 === 0) port.postMessage({ type: "progress", done, total: files.length });
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()]);
  const front = await cache.match(new URL("index.html", scope).href);
  if (front) await cache.put(scope, front); // the bare site address opens the front page
  const cached = (await cache.keys()).map((r) => r.url);
  await Promise.all(stale(cached, files, scope).map((url) => cache.delete(url, { ignoreSearch: false })));
  port.postMessage({ type: "done", total: files.length, version: VERSION });
}

async function cacheAll(port) {
  try {
    const response = await fetch(new URL("offline-files.json", scope).href, { cache: "no-store" });
    if (!response.ok) throw new Error("the list of files is missing (" + response.status + ")");
    const list = await response.json();
    await saveAll(list.files || [], port);
  } catch (err) {
    port.postMessage({ type: "error", message: String((err && err.message) || err) });
  }
}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  const adopt = caches.keys().then((names) => Promise.all(names.filter(isLegacy).map(adoptLegacy)));
  event.waitUntil(adopt.catch(() => null).then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET" || !event.request.url.startsWith(scope)) return;
  event.respondWith(networkFirst(event));
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports && event.ports[0];
  if (data.type === "cache-all" && port) event.waitUntil(cacheAll(port));
});
