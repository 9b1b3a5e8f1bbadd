// course-sw.js: the course's service worker (copied to the site root by
// _ext/course_portable.py, which writes the build's VERSION and file list).
//
// Every same-site GET goes to the network first; a copy of what arrives is kept
// in this browser, so pages a reader has visited still open with the network
// off. The "make available offline" button asks it to fetch and keep every file
// listed in offline-files.json. It never sends anything but ordinary page
// requests, and it caches nothing from other hosts.
//
// What a student saved survives a release: the cache is named after the site's
// address (its scope), not after the build, so a new build neither empties it
// nor starts a blank one. Its copies are replaced page by page, as pages are
// opened online or when "make available offline" is pressed again; until then
// the older copy still opens offline. Another site on the same origin (the
// tutor edition beside the student one, another course) has its own scope and
// so its own cache: no worker ever deletes a cache that is not its own.
"use strict";
var VERSION = "__COURSE_BUILD_VERSION__";
var scope = self.registration.scope;
var CACHE = "coproduction-course@" + scope;
// Caches of earlier releases were named "coproduction-course-<build hash>".
var LEGACY = /^coproduction-course-[0-9a-f]{16}$/;

self.addEventListener("install", function () {
  self.skipWaiting();
});

// An earlier release kept copies in a cache per build: move the ones that belong
// to this site into this site's cache, and drop the old cache only when nothing
// in it belonged to another site.
function adoptLegacy(name) {
  return caches.open(name).then(function (old) {
    return old.keys().then(function (requests) {
      var ours = requests.filter(function (r) { return r.url.indexOf(scope) === 0; });
      return caches.open(CACHE).then(function (cache) {
        return Promise.all(ours.map(function (r) {
          return cache.match(r).then(function (have) {
            if (have) return null;
            return old.match(r).then(function (response) { return response && cache.put(r, response); });
          });
        }));
      }).then(function () {
        if (ours.length === requests.length) return caches.delete(name);
        return null;
      });
    });
  });
}

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return LEGACY.test(n); }).map(adoptLegacy));
    }).catch(function () {
      /* an old cache that cannot be read is left alone */
    }).then(function () {
      return self.clients.claim();
    })
  );
});

// The site's address ends in "/"; the file saved for it is index.html.
function candidates(request) {
  var url = new URL(request.url);
  var list = [request];
  if (url.pathname.charAt(url.pathname.length - 1) === "/") {
    list.push(new URL("index.html", url).href);
  }
  return list;
}

function fromCache(request) {
  var list = candidates(request);
  return caches.open(CACHE).then(function (cache) {
    function next(i) {
      if (i >= list.length) return Promise.resolve(undefined);
      return cache.match(list[i], { ignoreSearch: true }).then(function (hit) {
        return hit || next(i + 1);
      });
    }
    return next(0);
  });
}

function notSaved() {
  return new Response(
    "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Offline</title>" +
      "<p>This page is not saved in this browser yet, and there is no connection. " +
      "Use “Make the whole course available offline” on the “Your work” page next time you are online.</p>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } }
  );
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(scope) !== 0) return;
  event.respondWith(
    fetch(request)
      .then(function (response) {
        if (response.ok && response.type === "basic") {
          var copy = response.clone();
          event.waitUntil(caches.open(CACHE).then(function (cache) {
            return cache.put(request, copy);
          }));
        }
        return response;
      })
      .catch(function () {
        // Offline: the stored copy, ignoring the ?v= cache-busting queries Sphinx adds.
        return fromCache(request).then(function (hit) {
          if (hit) return hit;
          return request.mode === "navigate" ? notSaved() : Response.error();
        });
      })
  );
});

// Fetch every listed file into the cache, a few at a time; an entry is replaced
// only once its new copy has arrived, so a failure half way keeps the old copies.
function saveAll(files, port) {
  var total = files.length;
  var done = 0;
  var next = 0;
  return caches.open(CACHE).then(function (cache) {
    function worker() {
      if (next >= total) return Promise.resolve();
      var url = new URL(files[next++], scope).href;
      return cache.add(url).then(function () {
        done += 1;
        if (done % 20 === 0) port.postMessage({ type: "progress", done: done, total: total });
        return worker();
      });
    }
    return Promise.all([worker(), worker(), worker(), worker()]).then(function () {
      // The bare site address opens the front page.
      return cache.match(new URL("index.html", scope).href).then(function (front) {
        return front ? cache.put(scope, front) : null;
      });
    }).then(function () {
      port.postMessage({ type: "done", total: total, version: VERSION });
    });
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (data.type !== "cache-all" || !port) return;
  event.waitUntil(
    fetch(new URL("offline-files.json", scope).href, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("the list of files is missing (" + response.status + ")");
        return response.json();
      })
      .then(function (list) {
        return saveAll(list.files || [], port);
      })
      .catch(function (err) {
        port.postMessage({ type: "error", message: String((err && err.message) || err) });
      })
  );
});
