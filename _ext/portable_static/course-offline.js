// course-offline.js: on every page of the site (added by _ext/course_portable.py).
//
// 1. Registers the course's service worker (course-sw.js at the site root) when
//    the page is served over http(s), so pages a reader has visited keep working
//    with the network off. Opened from disk (file://) nothing is registered.
// 2. Notes, in this browser only, that this page was opened (for the learning
//    log): one localStorage entry under the course's prefix, never sent anywhere.
// 3. Wires the "Make the whole course available offline" button where a page
//    has one (the learning-log page).
(function () {
  "use strict";
  var PREFIX = "coproduction-course:v1:"; // the widgets' prefix (coproduction_course/static/common.js)
  var OPENED_KEY = PREFIX + "log:opened";
  var rootAttr = document.documentElement.getAttribute("data-content_root");
  var root = new URL(rootAttr === null ? "./" : rootAttr, location.href);

  // --- pages opened -----------------------------------------------------------------
  function sitePath() {
    var here = location.pathname;
    var base = root.pathname;
    return here.indexOf(base) === 0 ? here.slice(base.length) : here;
  }
  try {
    var opened = JSON.parse(localStorage.getItem(OPENED_KEY) || "{}");
    if (!opened || typeof opened !== "object" || Array.isArray(opened)) opened = {};
    var path = sitePath() || "index.html";
    if (!opened[path]) {
      var heading = document.querySelector("main h1, article h1, h1");
      opened[path] = { title: heading ? heading.textContent.replace(/[#¶]\s*$/, "").trim() : document.title };
      localStorage.setItem(OPENED_KEY, JSON.stringify(opened));
    }
  } catch (err) {
    /* storage blocked or full: the log simply misses this page */
  }

  // --- service worker ---------------------------------------------------------------------
  // Not inside a frame: a learning platform shows the course's pages in one, and
  // its packages leave the worker out (scripts/lms.py), so no worker scoped to
  // the platform's address is ever registered by the course.
  function framed() {
    try {
      return window.top !== window.self;
    } catch (err) {
      return true;
    }
  }
  var canWork = "serviceWorker" in navigator && /^https?:$/.test(location.protocol) && !framed();
  var registration = canWork
    ? navigator.serviceWorker.register(new URL("course-sw.js", root).href, { scope: root.href }).catch(function () {
        return null; // no worker at this address (a learning-platform package, or blocked)
      })
    : Promise.resolve(null);

  // --- "make available offline" -------------------------------------------------------
  function wireButton() {
    var button = document.getElementById("course-offline-button");
    var status = document.getElementById("course-offline-status");
    if (!button || !status) return;
    if (!canWork) {
      button.disabled = true;
      status.textContent =
        "This copy is opened from your disk (or your browser has no service workers), so it already works offline or cannot be cached.";
      return;
    }
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = "Saving every page of the course in this browser…";
      registration
        .then(function (reg) {
          if (!reg) throw new Error("this copy of the course has no offline helper");
          return navigator.serviceWorker.ready;
        })
        .then(function (ready) {
          return new Promise(function (resolve, reject) {
            var channel = new MessageChannel();
            channel.port1.onmessage = function (event) {
              var data = event.data || {};
              if (data.type === "progress") {
                status.textContent = "Saved " + data.done + " of " + data.total + " files…";
              } else if (data.type === "done") {
                resolve(data);
              } else if (data.type === "error") {
                reject(new Error(data.message));
              }
            };
            ready.active.postMessage({ type: "cache-all" }, [channel.port2]);
          });
        })
        .then(function (result) {
          status.textContent =
            "Done: all " + result.total + " files of the course are saved in this browser. It now works without a connection.";
          button.disabled = false;
        })
        .catch(function (err) {
          status.textContent = "Could not save the course for offline use: " + err.message + ". Try again when you are online.";
          button.disabled = false;
        });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wireButton);
  else wireButton();
})();
