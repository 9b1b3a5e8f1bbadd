// index.js: on every page of the site (added by _ext/course_portable.py; built
// by static/src/build.mjs into _ext/portable_static/course-offline.js).
//
// 1. Notes, in this browser only, that this page was opened (for the learning log).
// 2. Registers the course's service worker (course-sw.js at the site root) when
//    the page is served over http(s) and not inside a frame (a learning
//    platform shows pages in one, and its packages leave the worker out:
//    course_tools/lms.py), so pages a reader has visited keep working offline.
// 3. Wires the "Make the whole course available offline" button where a page
//    has one (the learning-log page).
import { PREFIX, OPENED } from "../log/keys.js";
import { headingText, sitePath, withPage } from "./opened.js";
import { WORDS } from "./words.js";

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));

function noteThisPage(root) {
  try {
    const path = sitePath(location.pathname, root.pathname);
    const next = withPage(localStorage.getItem(PREFIX + OPENED), path, headingText(document));
    if (next) localStorage.setItem(PREFIX + OPENED, next);
  } catch (err) {
    /* storage blocked or full: the log simply misses this page */
  }
}

function framed() {
  try {
    return window.top !== window.self;
  } catch (err) {
    return true;
  }
}

function saveAll(registration, say) {
  return registration
    .then((reg) => {
      if (!reg) throw new Error(WORDS.noHelper);
      return navigator.serviceWorker.ready;
    })
    .then((ready) => new Promise((resolve, reject) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => {
        const data = event.data || {};
        if (data.type === "progress") say(fill(WORDS.progress, data));
        else if (data.type === "done") resolve(data);
        else if (data.type === "error") reject(new Error(data.message));
      };
      ready.active.postMessage({ type: "cache-all" }, [channel.port2]);
    }));
}

function wireButton(canWork, registration) {
  const button = document.getElementById("course-offline-button");
  const status = document.getElementById("course-offline-status");
  if (!button || !status) return;
  const say = (text) => (status.textContent = text);
  if (!canWork) {
    button.disabled = true;
    say(WORDS.fromDisk);
    return;
  }
  button.addEventListener("click", () => {
    button.disabled = true;
    say(WORDS.saving);
    saveAll(registration, say)
      .then((result) => say(fill(WORDS.done, result)))
      .catch((err) => say(fill(WORDS.failed, { message: err.message })))
      .finally(() => (button.disabled = false));
  });
}

function start() {
  const rootAttr = document.documentElement.getAttribute("data-content_root");
  const root = new URL(rootAttr === null ? "./" : rootAttr, location.href);
  noteThisPage(root);
  const canWork = "serviceWorker" in navigator && /^https?:$/.test(location.protocol) && !framed();
  const registration = canWork
    ? navigator.serviceWorker.register(new URL("course-sw.js", root).href, { scope: root.href }).catch(() => null)
    : Promise.resolve(null);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => wireButton(canWork, registration));
  else wireButton(canWork, registration);
}

start();
