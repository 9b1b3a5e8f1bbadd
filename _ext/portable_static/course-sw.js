// course-sw.js: the course's service worker (copied to the site root by
// _ext/course_portable.py, which writes the build's VERSION and file list).
//
// Every same-site GET goes to the network first; a copy of what arrives is kept
// in this browser, so pages a reader has visited still open with the network
// off. The "make available offline" button asks it to fetch and keep every file
// listed in offline-files.json. It never sends anything but ordinary page
// requests, and it caches nothing from other hosts.
"use strict";
var VERSION = "__COURSE_BUILD_VERSION__";
var CACHE = "coproduction-course-" + VERSION;
var scope = self.registration.scope;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  // Old builds' copies go; this build's stay.
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(
        names
          .filter(function (name) {
            return name.indexOf("coproduction-course-") === 0 && name !== CACHE;
          })
          .map(function (name) {
            return caches.delete(name);
          })
      );
    }).then(function () {
      return self.clients.claim();
    })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(scope) !== 0) return;
  event.respondWith(
    fetch(request)
      .then(function (response) {
        if (response.ok && response.type === "basic") {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) {
            cache.put(request, copy);
          });
        }
        return response;
      })
      .catch(function () {
        // Offline: the stored copy, ignoring the ?v= cache-busting queries Sphinx adds.
        return caches.match(request, { ignoreSearch: true }).then(function (hit) {
          if (hit) return hit;
          if (request.mode === "navigate") {
            return new Response(
              "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Offline</title>" +
                "<p>This page is not saved in this browser yet, and there is no connection. " +
                "Use “Make the whole course available offline” on the “Your work” page next time you are online.</p>",
              { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } }
            );
          }
          return Response.error();
        });
      })
  );
});

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
        var files = list.files || [];
        var total = files.length;
        var done = 0;
        return caches.open(CACHE).then(function (cache) {
          // A few files at a time: steady progress and no flood of requests.
          var next = 0;
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
            port.postMessage({ type: "done", total: total });
          });
        });
      })
      .catch(function (err) {
        port.postMessage({ type: "error", message: String((err && err.message) || err) });
      })
  );
});
