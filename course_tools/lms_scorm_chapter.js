// chapter.js: the launch page of one chapter in the course's SCORM 1.2 package
// (built by course_tools/lms.py). It shows the chapter's pages in a frame and tells
// the learning platform, through the SCORM 1.2 run-time API, that the chapter
// was started and, once the reader reaches the end of its last page, completed.
// Nothing a student types in the course is sent: only the lesson status.
(function () {
  "use strict";
  var body = document.body;
  var frame = document.getElementById("course-page");
  var status = document.getElementById("course-status");
  var lastPage = new URL(body.getAttribute("data-last-page"), location.href).href;

  // SCORM 1.2 run-time (section 3.3.6.1 of the RTE book): the LMS puts an object
  // named API in a parent window or in the opener's window chain.
  function findAPI(win) {
    for (var hops = 0; win && hops < 10; hops += 1) {
      try {
        if (win.API) return win.API;
      } catch (err) {
        return null; // another origin: stop looking up this chain
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findAPI(window.parent !== window ? window.parent : null) || (window.opener && findAPI(window.opener));
  var started = false;
  var completed = false;

  function say(text) {
    status.textContent = text;
  }

  if (api && String(api.LMSInitialize("")) === "true") {
    started = true;
    var current = String(api.LMSGetValue("cmi.core.lesson_status") || "");
    if (current === "completed" || current === "passed") {
      completed = true;
      say("Chapter completed. Your platform has recorded it.");
    } else {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
      say("Read to the end of the chapter's last page to complete it.");
    }
  } else {
    say("No learning platform found: reading only, nothing is recorded.");
  }

  function complete() {
    if (completed || !started) return;
    completed = true;
    api.LMSSetValue("cmi.core.lesson_status", "completed");
    api.LMSCommit("");
    say("Chapter completed. Your platform has recorded it.");
  }

  // On the last page, completion comes when its end is on screen (short pages
  // count at once). Pages of other chapters or sites are left alone.
  frame.addEventListener("load", function () {
    var win;
    try {
      win = frame.contentWindow;
      if (win.location.href.split("#")[0] !== lastPage) return;
    } catch (err) {
      return;
    }
    var doc = win.document;
    function check() {
      var bottom = win.scrollY + win.innerHeight;
      if (bottom >= doc.documentElement.scrollHeight - 48) complete();
    }
    win.addEventListener("scroll", check, { passive: true });
    win.addEventListener("resize", check);
    check();
  });

  var finished = false;
  function finish() {
    if (!started || finished) return;
    finished = true;
    api.LMSCommit("");
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
