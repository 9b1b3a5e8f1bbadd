// course-learning-log.js: the "Your work in this course" page (learning-log.md).
//
// It reads every localStorage entry under the course's prefix, whatever widget
// wrote it (keys are PREFIX + page path + ":" + storage key, as in
// coproduction_course/static/common.js), so it keeps working when widgets change
// what they store. Export: Markdown to read or hand in, JSON to move devices.
// Import restores exactly what was exported. Nothing is sent anywhere and no
// cookie is set: everything happens in this page.
(function () {
  "use strict";
  var PREFIX = "coproduction-course:v1:";
  var OPENED = "log:opened"; // written by course-offline.js on every page
  var FORMAT = "coproduction-course-learning-log";
  var MAX_IMPORT_BYTES = 5 * 1024 * 1024;
  var logEl = document.getElementById("course-learning-log");
  var actionsEl = document.getElementById("course-log-actions");
  if (!logEl || !actionsEl) return;
  var rootAttr = document.documentElement.getAttribute("data-content_root");
  var root = new URL(rootAttr === null ? "./" : rootAttr, location.href);

  function h(tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") el.textContent = attrs[key];
      else if (key === "class") el.className = attrs[key];
      else el.setAttribute(key, attrs[key]);
    });
    for (var i = 2; i < arguments.length; i += 1) if (arguments[i]) el.append(arguments[i]);
    return el;
  }

  // Keys in the export do not depend on where the site is served: a page's
  // path is kept relative to the site root ("site:chapters/x.html:key").
  function portableKey(key) {
    var rest = key.slice(PREFIX.length);
    if (rest.charAt(0) === "/" && rest.indexOf(root.pathname) === 0) return "site:" + rest.slice(root.pathname.length);
    return "raw:" + rest;
  }
  function storageKey(portable) {
    if (portable.indexOf("site:") === 0) return PREFIX + root.pathname + portable.slice(5);
    if (portable.indexOf("raw:") === 0) return PREFIX + portable.slice(4);
    return null;
  }

  function courseKeys() {
    var keys = [];
    for (var i = 0; i < localStorage.length; i += 1) {
      var key = localStorage.key(i);
      if (key && key.indexOf(PREFIX) === 0) keys.push(key);
    }
    return keys.sort();
  }
  function readAll() {
    var entries = {};
    courseKeys().forEach(function (key) {
      entries[portableKey(key)] = localStorage.getItem(key);
    });
    return entries;
  }

  function exportJSON(entries) {
    var sorted = {};
    Object.keys(entries)
      .sort()
      .forEach(function (k) {
        sorted[k] = entries[k];
      });
    return JSON.stringify({ format: FORMAT, version: 1, entries: sorted }, null, 2) + "\n";
  }

  function parse(raw) {
    try {
      return JSON.parse(raw);
    } catch (err) {
      return raw;
    }
  }
  function humanise(name) {
    var text = String(name).replace(/[_-]+/g, " ").trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  // Bookkeeping fields the widgets store for themselves, not the student's work.
  function isBookkeeping(key) {
    return key === "version" || key.charAt(0) === "_";
  }
  function isEmpty(value) {
    return value === null || value === undefined || value === "" ||
      (typeof value === "object" && Object.keys(value).length === 0);
  }

  // Group widget entries by page; the pages-opened record names the pages.
  function model(entries) {
    var opened = parse(entries["raw:" + OPENED] || "{}");
    if (!opened || typeof opened !== "object") opened = {};
    var pages = {};
    Object.keys(entries).forEach(function (key) {
      if (key === "raw:" + OPENED) return;
      var page = "Other";
      var name = key;
      if (key.indexOf("site:") === 0) {
        var rest = key.slice(5);
        var cut = rest.indexOf(":");
        page = cut >= 0 ? rest.slice(0, cut) : rest;
        name = cut >= 0 ? rest.slice(cut + 1) : "";
      }
      (pages[page] = pages[page] || []).push({ name: name, value: parse(entries[key]) });
    });
    return { opened: opened, pages: pages };
  }
  function pageTitle(opened, path) {
    return (opened[path] && opened[path].title) || path;
  }

  function describe(value) {
    if (Array.isArray(value)) {
      var list = h("ul");
      value.forEach(function (item) {
        if (!isEmpty(item)) list.append(h("li", {}, describe(item)));
      });
      return list;
    }
    if (value && typeof value === "object") {
      var dl = h("dl", { class: "course-log-fields" });
      Object.keys(value).forEach(function (key) {
        if (isEmpty(value[key]) || isBookkeeping(key)) return;
        dl.append(h("dt", { text: humanise(key) }), h("dd", {}, describe(value[key])));
      });
      return dl;
    }
    return document.createTextNode(String(value));
  }

  function render() {
    var data = model(readAll());
    logEl.textContent = "";
    var paths = Object.keys(data.opened).sort();
    logEl.append(h("h3", { text: "Pages you have opened (" + paths.length + ")" }));
    if (paths.length) {
      var list = h("ul", { class: "course-log-opened" });
      paths.forEach(function (path) {
        list.append(h("li", {}, h("a", { href: new URL(path, root).href, text: pageTitle(data.opened, path) })));
      });
      logEl.append(list);
    } else {
      logEl.append(h("p", { text: "None yet in this browser." }));
    }
    var pages = Object.keys(data.pages).sort();
    logEl.append(h("h3", { text: "Your answers, ratings, notes and arguments" }));
    if (!pages.length) logEl.append(h("p", { text: "Nothing saved yet in this browser." }));
    pages.forEach(function (page) {
      var section = h("section", { class: "course-log-page" });
      section.append(h("h4", { text: pageTitle(data.opened, page) }));
      data.pages[page].forEach(function (entry) {
        section.append(h("p", { class: "course-log-widget", text: humanise(entry.name || "saved work") }));
        section.append(describe(entry.value));
      });
      logEl.append(section);
    });
  }

  function markdownValue(value, indent) {
    var pad = new Array(indent + 1).join("  ");
    if (Array.isArray(value)) {
      return value.filter(function (v) { return !isEmpty(v); }).map(function (v) {
        return pad + "- " + markdownValue(v, indent + 1).trim();
      }).join("\n");
    }
    if (value && typeof value === "object") {
      return Object.keys(value).filter(function (k) { return !isEmpty(value[k]) && !isBookkeeping(k); }).map(function (k) {
        var inner = value[k];
        if (inner && typeof inner === "object") return pad + "- **" + humanise(k) + "**:\n" + markdownValue(inner, indent + 1);
        return pad + "- **" + humanise(k) + "**: " + String(inner).replace(/\n/g, "\n" + pad + "  ");
      }).join("\n");
    }
    return pad + String(value).replace(/\n/g, "\n" + pad);
  }
  function exportMarkdown(entries) {
    var data = model(entries);
    var out = ["# My work in Co-production in Mental Health", ""];
    out.push("## Pages opened", "");
    Object.keys(data.opened).sort().forEach(function (path) {
      out.push("- " + pageTitle(data.opened, path) + " (`" + path + "`)");
    });
    Object.keys(data.pages).sort().forEach(function (page) {
      out.push("", "## " + pageTitle(data.opened, page));
      data.pages[page].forEach(function (entry) {
        out.push("", "### " + humanise(entry.name || "saved work"), "", markdownValue(entry.value, 0));
      });
    });
    return out.join("\n") + "\n";
  }

  function download(filename, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = h("a", { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // --- actions ---------------------------------------------------------------------------
  var status = h("p", { class: "course-log-status", role: "status", "aria-live": "polite" });
  var md = h("button", { type: "button", class: "btn btn-secondary", "data-action": "export-markdown", text: "Download as Markdown" });
  var js = h("button", { type: "button", class: "btn btn-secondary", "data-action": "export-json", text: "Download as JSON" });
  var fileInput = h("input", { type: "file", id: "course-log-import", accept: "application/json,.json", "data-action": "import" });
  var importLabel = h("label", { for: "course-log-import", text: "Import from JSON: " });
  var clear = h("button", { type: "button", class: "btn btn-secondary", "data-action": "clear", text: "Clear all" });
  var confirmBox = h("div", { class: "course-log-confirm", role: "group", "aria-label": "Confirm clearing", hidden: "hidden" });
  var confirmText = h("p", { text: "Remove every answer, rating, note, argument and page record this course has stored in this browser? This cannot be undone: download a JSON copy first if you may want it back." });
  var yes = h("button", { type: "button", class: "btn btn-danger", "data-action": "clear-yes", text: "Yes, clear everything" });
  var no = h("button", { type: "button", class: "btn btn-secondary", "data-action": "clear-cancel", text: "Cancel" });
  confirmBox.append(confirmText, yes, " ", no);
  actionsEl.append(h("p", {}, md, " ", js), h("p", {}, importLabel, fileInput), h("p", {}, clear), confirmBox, status);

  function storageWorks() {
    try {
      localStorage.setItem(PREFIX + "log:probe", "1");
      localStorage.removeItem(PREFIX + "log:probe");
      return true;
    } catch (err) {
      return false;
    }
  }
  if (!storageWorks()) {
    status.textContent = "This browser does not let the course keep anything (private mode or blocked storage), so there is no log to show.";
  }

  md.addEventListener("click", function () {
    download("co-production-learning-log.md", exportMarkdown(readAll()), "text/markdown;charset=utf-8");
    status.textContent = "Markdown file downloaded.";
  });
  js.addEventListener("click", function () {
    download("co-production-learning-log.json", exportJSON(readAll()), "application/json");
    status.textContent = "JSON file downloaded. Import it on this page in another browser to move your work.";
  });
  clear.addEventListener("click", function () {
    confirmBox.hidden = false;
    no.focus();
  });
  no.addEventListener("click", function () {
    confirmBox.hidden = true;
    status.textContent = "Nothing was cleared.";
    clear.focus();
  });
  yes.addEventListener("click", function () {
    courseKeys().forEach(function (key) { localStorage.removeItem(key); });
    confirmBox.hidden = true;
    render();
    status.textContent = "Everything this course stored in this browser has been cleared.";
    clear.focus();
  });

  function validate(data) {
    if (!data || typeof data !== "object" || data.format !== FORMAT || typeof data.entries !== "object" || !data.entries) {
      return "This is not a learning log exported from this course.";
    }
    var keys = Object.keys(data.entries);
    for (var i = 0; i < keys.length; i += 1) {
      if (typeof data.entries[keys[i]] !== "string" || storageKey(keys[i]) === null) {
        return "The file is damaged: entry " + (i + 1) + " is not in the expected form.";
      }
    }
    return null;
  }
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      status.textContent = "That file is too large to be a learning log (over 5 MB). Nothing was changed.";
      fileInput.value = "";
      return;
    }
    file.text().then(function (text) {
      var data;
      try {
        data = JSON.parse(text);
      } catch (err) {
        status.textContent = "That file is not valid JSON. Nothing was changed.";
        return;
      }
      var problem = validate(data);
      if (problem) {
        status.textContent = problem + " Nothing was changed.";
        return;
      }
      var before = {};
      courseKeys().forEach(function (key) { before[key] = localStorage.getItem(key); });
      try {
        Object.keys(before).forEach(function (key) { localStorage.removeItem(key); });
        Object.keys(data.entries).forEach(function (key) { localStorage.setItem(storageKey(key), data.entries[key]); });
      } catch (err) {
        // Storage full: put back what was there, so nothing is lost.
        courseKeys().forEach(function (key) { localStorage.removeItem(key); });
        Object.keys(before).forEach(function (key) { localStorage.setItem(key, before[key]); });
        status.textContent = "This browser's storage is full, so the log could not be imported. Nothing was changed.";
        return;
      }
      render();
      status.textContent = "Imported " + Object.keys(data.entries).length + " saved items. Your work is restored.";
    }).finally(function () {
      fileInput.value = "";
    });
  });

  render();
})();
