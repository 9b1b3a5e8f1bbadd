// course-review.js: the "Review this page" form at the end of every page (issue 20).
//
// Kept in this browser only, per page, under
//   "coproduction-course:v1:" + location.pathname + ":page-review"
// as {"version": 1, "kind": "page-review", "page_title", "answers": {"wrong",
// "missing_voice", "felt", "paid_review": "yes"|"no"|"maybe"|""}, "saved"}
// (the format the learning log reads and exports). It is saved on every change,
// so nothing typed is lost. Nothing is sent: no request, no cookie. The reader
// downloads the review as a text file or prints it, and sends it themselves.
(function () {
  "use strict";
  var box = document.getElementById("course-review");
  if (!box) return;
  var form = box.querySelector("form");
  var status = box.querySelector(".course-review-status");
  var KEY = "coproduction-course:v1:" + location.pathname + ":page-review";
  var TEXT_KEYS = ["wrong", "missing_voice", "felt"];
  var PAID = ["yes", "no", "maybe"];

  function pageTitle() {
    var h1 = document.querySelector("article h1, main h1, h1");
    var text = h1 ? h1.textContent : document.title;
    return text.replace(/[#¶]\s*$/, "").replace(/\s+/g, " ").trim();
  }
  function say(message) { status.textContent = message; }
  function field(name) { return form.elements.namedItem(name); }
  function paidValue() {
    var checked = form.querySelector('input[name="paid_review"]:checked');
    return checked ? checked.value : "";
  }
  function answers() {
    var out = {};
    TEXT_KEYS.forEach(function (key) { out[key] = field(key).value; });
    out.paid_review = paidValue();
    return out;
  }
  function isEmpty(a) {
    return !TEXT_KEYS.some(function (key) { return a[key].trim(); }) && !a.paid_review;
  }

  function read() {
    var raw;
    try { raw = localStorage.getItem(KEY); } catch (e) { return null; }
    if (!raw) return null;
    try {
      var saved = JSON.parse(raw);
      if (!saved || saved.version !== 1 || saved.kind !== "page-review" || typeof saved.answers !== "object") return null;
      return saved;
    } catch (e) { return null; }
  }
  function save() {
    var a = answers();
    try {
      if (isEmpty(a)) { localStorage.removeItem(KEY); return; }
      localStorage.setItem(KEY, JSON.stringify({
        version: 1, kind: "page-review", page_title: pageTitle(), answers: a, saved: new Date().toISOString()
      }));
    } catch (e) {
      say("This browser would not keep your review (storage is full or switched off). Download it before you leave the page.");
    }
  }
  function restore() {
    var saved = read();
    if (!saved) return;
    TEXT_KEYS.forEach(function (key) {
      if (typeof saved.answers[key] === "string") field(key).value = saved.answers[key];
    });
    if (PAID.indexOf(saved.answers.paid_review) >= 0) {
      form.querySelector('input[name="paid_review"][value="' + saved.answers.paid_review + '"]').checked = true;
    }
    say("Your review of this page, kept in this browser, is back.");
  }

  function asText() {
    var a = answers();
    var labels = {};
    box.querySelectorAll("label[for]").forEach(function (label) {
      labels[label.getAttribute("for").replace("course-review-", "")] = label.textContent;
    });
    var paidLegend = box.querySelector("legend").textContent;
    var lines = ["# Review of: " + pageTitle(), "", "Page: " + location.href.split("#")[0],
      "Written: " + new Date().toISOString().slice(0, 10), ""];
    TEXT_KEYS.forEach(function (key) {
      lines.push("## " + labels[key], "", a[key].trim() || "(no answer)", "");
    });
    lines.push("## " + paidLegend, "", a.paid_review || "(no answer)", "");
    return lines.join("\n");
  }
  function download() {
    var name = "review-" + (location.pathname.split("/").pop() || "index").replace(/\.html$/, "") + ".md";
    var url = URL.createObjectURL(new Blob([asText()], { type: "text/markdown;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say("Downloaded as " + name + ".");
  }
  function print() {
    box.open = true;
    document.body.classList.add("course-review-printing");
    window.addEventListener("afterprint", function done() {
      document.body.classList.remove("course-review-printing");
      window.removeEventListener("afterprint", done);
    });
    window.print();
  }
  function clear() {
    form.reset();
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
    say("Cleared. Nothing of this review is kept in this browser now.");
  }

  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", function (event) { event.preventDefault(); save(); });
  box.querySelector('[data-review-action="download"]').addEventListener("click", download);
  box.querySelector('[data-review-action="print"]').addEventListener("click", print);
  box.querySelector('[data-review-action="clear"]').addEventListener("click", clear);
  restore();
})();
