// debate.js: the debate prompts view (joined after common.js by view_module).
//
// Motions come from the model (trait `motions_data`, loaded from data/motions.yml);
// nothing about the course's content is written here. Randomness is seeded by the
// `seed` trait and uses the same algorithms as coproduction_course/debate.py (keep
// the two in step; the browser tests check they agree):
//   mulberry32(seed)      the generator, 32-bit arithmetic, floats in [0, 1)
//   shuffle(items, rng)   Fisher-Yates from the last item: j = floor(rng() * (i + 1))
//   shuffleOrder          shuffle of the motion ids with a fresh mulberry32(seed)
//   assignGroups(n, g)    shuffle of 1..n with a fresh mulberry32(seed); k-th student
//                         joins group (k mod g) + 1; groups listed in ascending order;
//                         odd-numbered groups "for", even-numbered "against".

const MAX_SEED = 4294967295;
const MIN_STUDENTS = 2;
const MAX_STUDENTS = 200;
const SIDES = ["for", "against"];

function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, rng) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    const keep = out[i];
    out[i] = out[j];
    out[j] = keep;
  }
  return out;
}

function assignGroups(nStudents, nGroups, seed) {
  const students = [];
  for (let s = 1; s <= nStudents; s += 1) students.push(s);
  const order = shuffle(students, mulberry32(seed));
  const members = Array.from({ length: nGroups }, () => []);
  order.forEach((student, k) => members[k % nGroups].push(student));
  return members.map((list, g) => ({
    group: g + 1,
    side: SIDES[g % 2],
    students: list.sort((x, y) => x - y),
  }));
}

function groupLine(group) {
  const noun = group.students.length === 1 ? "student" : "students";
  return `Group ${group.group} (${group.side}): ${noun} ${group.students.join(", ")}`;
}

// A whole number within [min, max], or null.
function wholeIn(text, min, max) {
  const value = String(text).trim();
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function mmss(totalSeconds) {
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

// Characters as a reader counts them: an emoji is one, not two UTF-16 units.
function charCount(text) {
  const pairs = String(text).match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
  return text.length - (pairs ? pairs.length : 0);
}

function wordCount(text) {
  const words = String(text).trim().match(/\S+/g);
  return words ? words.length : 0;
}

function render({ model, el }) {
  const motions = model.get("motions_data") || [];
  const byId = new Map(motions.map((m) => [m.id, m]));
  if (!motions.length) {
    el.append(h("p", { class: "widget-host-error", role: "alert", text: "No debate motions were found." }));
    return;
  }

  // ----- saved state ---------------------------------------------------------
  const saved = loadSaved(model);
  const state = {
    motion: model.get("motion_id"),
    shufflePos: -1,
    seed: model.get("seed") >>> 0,
    students: 24,
    groups: 4,
    minutes: 3,
    args: {},
  };
  let savedProblem = false;
  if (saved && typeof saved === "object" && saved.version === 1) {
    if (byId.has(saved.motion)) state.motion = saved.motion;
    if (Number.isInteger(saved.shufflePos)) state.shufflePos = saved.shufflePos;
    if (wholeIn(saved.seed, 0, MAX_SEED) !== null) state.seed = saved.seed;
    if (wholeIn(saved.students, MIN_STUDENTS, MAX_STUDENTS) !== null) state.students = saved.students;
    if (wholeIn(saved.groups, 2, MAX_STUDENTS) !== null) state.groups = saved.groups;
    if (wholeIn(saved.minutes, 1, 60) !== null) state.minutes = saved.minutes;
    if (saved.args && typeof saved.args === "object") {
      for (const [id, arg] of Object.entries(saved.args)) {
        if (byId.has(id) && arg && typeof arg.text === "string") {
          state.args[id] = { side: SIDES.includes(arg.side) ? arg.side : "", text: arg.text };
        }
      }
    }
  } else if (saved !== null) {
    savedProblem = true;
  }
  if (!byId.has(state.motion)) state.motion = motions[0].id;

  const storageNote = h("p", { class: "cw-hint cw-save-note" });
  function persist() {
    const ok = save(model, {
      version: 1,
      motion: state.motion,
      shufflePos: state.shufflePos,
      seed: state.seed,
      students: state.students,
      groups: state.groups,
      minutes: state.minutes,
      args: state.args,
    });
    storageNote.textContent = ok
      ? "Saved in this browser only. Export to keep a copy."
      : "This browser is not saving your work (storage is blocked or full). Export it to keep a copy.";
    return ok;
  }

  const root = h("section", { class: "cw-debate", "aria-label": "Debate prompts" });
  const status = liveRegion();

  // ----- motion choice -------------------------------------------------------
  const selectId = uid("cw-motion");
  const select = h(
    "select",
    { id: selectId, class: "cw-motion-select" },
    motions.map((m, i) => h("option", { value: m.id, text: `${i + 1}. ${m.title}` })),
  );
  const shuffleBtn = h("button", {
    type: "button",
    class: "cw-shuffle",
    text: "Shuffle: another motion",
    "data-shuffle-order": "",
  });
  const projectorBtn = h("button", {
    type: "button",
    class: "cw-secondary cw-projector",
    "aria-pressed": "false",
    text: "Projector view",
  });
  const fullscreenSupported = !!(root.requestFullscreen && document.fullscreenEnabled);
  const fullscreenBtn = fullscreenSupported
    ? h("button", { type: "button", class: "cw-secondary cw-fullscreen", text: "Full screen" })
    : null;

  const motionBox = h("div", { class: "cw-motion", tabindex: "-1" });

  function shuffleOrder() {
    return shuffle(motions.map((m) => m.id), mulberry32(state.seed));
  }

  function drawMotion() {
    const motion = byId.get(state.motion);
    select.value = motion.id;
    shuffleBtn.setAttribute("data-shuffle-order", shuffleOrder().join(" "));
    const titleId = uid("cw-motion-title");
    motionBox.setAttribute("aria-labelledby", titleId);
    motionBox.setAttribute("data-motion-id", motion.id);
    motionBox.replaceChildren(
      h("h3", { id: titleId, class: "cw-motion-title", text: motion.title }),
      h("p", { class: "cw-background", text: motion.background }),
      h(
        "div",
        { class: "cw-sides" },
        SIDES.map((side) =>
          h(
            "div",
            { class: `cw-prompts cw-prompts-${side}` },
            h("h4", { text: side === "for" ? "Prompts for the motion" : "Prompts against the motion" }),
            h("ul", {}, motion[side].map((prompt) => h("li", { text: prompt }))),
          ),
        ),
      ),
      h("h4", { text: "Read more in the course" }),
      h(
        "ul",
        { class: "cw-links" },
        motion.chapters.map((link) => h("li", {}, bookLink(link))),
      ),
      h("h4", { text: "Sources" }),
      h(
        "ul",
        { class: "cw-sources" },
        motion.sources.map((source) =>
          h("li", {}, source.citation, " ", h("span", { class: "cw-source-key", text: `[${source.key}]` })),
        ),
      ),
    );
  }

  function chooseMotion(id, how) {
    if (!byId.has(id)) return;
    state.motion = id;
    drawMotion();
    drawArgument();
    persist();
    if (model.get("motion_id") !== id) {
      model.set("motion_id", id);
      model.save_changes();
    }
    syncArgument(true);
    if (how) status.textContent = `${how}: ${byId.get(id).title}.`;
  }

  select.addEventListener("change", () => chooseMotion(select.value, "Motion chosen"));
  shuffleBtn.addEventListener("click", () => {
    const order = shuffleOrder();
    let pos = (state.shufflePos + 1) % order.length;
    if (order[pos] === state.motion && order.length > 1) pos = (pos + 1) % order.length;
    state.shufflePos = pos;
    chooseMotion(order[pos], "Shuffled to");
  });

  function setProjector(on) {
    root.classList.toggle("is-projector", on);
    projectorBtn.setAttribute("aria-pressed", on ? "true" : "false");
  }
  projectorBtn.addEventListener("click", () => {
    const on = !root.classList.contains("is-projector");
    setProjector(on);
    status.textContent = on ? "Projector view on: large text." : "Projector view off.";
  });
  if (fullscreenBtn) {
    fullscreenBtn.addEventListener("click", async () => {
      try {
        if (document.fullscreenElement === root) {
          await document.exitFullscreen();
        } else {
          setProjector(true);
          await root.requestFullscreen();
        }
      } catch (err) {
        status.textContent = "Full screen is not available here; the projector view is on instead.";
      }
    });
    document.addEventListener("fullscreenchange", () => {
      const on = document.fullscreenElement === root;
      fullscreenBtn.textContent = on ? "Leave full screen" : "Full screen";
    });
  }

  // ----- groups ----------------------------------------------------------------
  function numberField(label, value, min, max, hint, cls) {
    const id = uid("cw-num");
    const hintId = `${id}-hint`;
    const errId = `${id}-err`;
    const input = h("input", {
      id,
      class: cls,
      type: "number",
      inputmode: "numeric",
      min: String(min),
      max: String(max),
      step: "1",
      value: String(value),
      "aria-describedby": `${hintId} ${errId}`,
    });
    const error = h("p", { id: errId, class: "cw-error" });
    const field = h(
      "div",
      { class: "cw-field" },
      h("label", { for: id, text: label }),
      input,
      h("span", { id: hintId, class: "cw-hint", text: hint }),
      error,
    );
    return { field, input, error };
  }

  const studentsF = numberField("Number of students", state.students, MIN_STUDENTS, MAX_STUDENTS, "2 to 200", "cw-students");
  const groupsF = numberField("Number of groups", state.groups, 2, MAX_STUDENTS, "2 or more", "cw-groups-n");
  const seedF = numberField("Draw number", state.seed, 0, MAX_SEED, "any whole number", "cw-seed");
  const groupsList = h("ol", { class: "cw-groups", "aria-label": "Groups and sides" });
  const groupsNote = h("p", { class: "cw-hint cw-groups-note" });
  const groupsOut = h("output", { class: "cw-groups-out", for: `${studentsF.input.id} ${groupsF.input.id} ${seedF.input.id}` }, groupsList, groupsNote);

  function showError(f, message) {
    f.error.textContent = message || "";
    if (message) f.input.setAttribute("aria-invalid", "true");
    else f.input.removeAttribute("aria-invalid");
  }

  function drawGroups() {
    const n = wholeIn(studentsF.input.value, MIN_STUDENTS, MAX_STUDENTS);
    const seed = wholeIn(seedF.input.value, 0, MAX_SEED);
    showError(studentsF, n === null ? `Enter a whole number of students from ${MIN_STUDENTS} to ${MAX_STUDENTS}.` : "");
    showError(seedF, seed === null ? `Enter a whole number from 0 to ${MAX_SEED}.` : "");
    const maxGroups = n === null ? MAX_STUDENTS : n;
    const g = wholeIn(groupsF.input.value, 2, maxGroups);
    showError(
      groupsF,
      g === null ? `Enter a whole number of groups from 2 to ${maxGroups}: each group needs at least one student.` : "",
    );
    if (n === null || g === null || seed === null) {
      groupsList.replaceChildren();
      groupsNote.textContent = "Fix the number above to see the groups.";
      return false;
    }
    const seedChanged = seed !== state.seed;
    state.students = n;
    state.groups = g;
    state.seed = seed;
    groupsList.replaceChildren(...assignGroups(n, g, seed).map((group) => h("li", { text: groupLine(group) })));
    groupsNote.textContent =
      g % 2 === 1
        ? "With an odd number of groups, the side for the motion has one group more."
        : "Groups alternate: odd numbers argue for the motion, even numbers against.";
    if (seedChanged) {
      shuffleBtn.setAttribute("data-shuffle-order", shuffleOrder().join(" "));
      state.shufflePos = -1;
      if (model.get("seed") !== seed) {
        model.set("seed", seed);
        model.save_changes();
      }
    }
    return true;
  }
  for (const f of [studentsF, groupsF, seedF]) {
    f.input.addEventListener("input", () => {
      if (drawGroups()) persist();
    });
  }

  // ----- timer -----------------------------------------------------------------
  const minutesF = numberField("Speech length in minutes", state.minutes, 1, 60, "1 to 60", "cw-minutes");
  const clock = h("p", { class: "cw-clock", role: "timer", text: mmss(state.minutes * 60) });
  const doneFlag = h("p", { class: "cw-done-flag", hidden: true, text: "\u23F0 Time is up" });
  const startBtn = h("button", { type: "button", class: "cw-start", text: "Start" });
  const resetBtn = h("button", { type: "button", class: "cw-secondary cw-reset-timer", text: "Reset" });
  const timer = { running: false, endAt: 0, leftMs: state.minutes * 60000, handle: null, done: false };

  function showClock() {
    clock.textContent = mmss(Math.ceil(timer.leftMs / 1000));
  }
  function stopTicking() {
    if (timer.handle !== null) clearInterval(timer.handle);
    timer.handle = null;
  }
  function tick() {
    timer.leftMs = Math.max(0, timer.endAt - Date.now());
    showClock();
    if (timer.leftMs === 0) {
      stopTicking();
      timer.running = false;
      timer.done = true;
      clock.classList.add("is-done");
      doneFlag.hidden = false;
      startBtn.textContent = "Start again";
      status.textContent = "Time is up.";
    }
  }
  function resetTimer(announce) {
    stopTicking();
    timer.running = false;
    timer.done = false;
    timer.leftMs = state.minutes * 60000;
    clock.classList.remove("is-done");
    doneFlag.hidden = true;
    startBtn.textContent = "Start";
    showClock();
    if (announce) status.textContent = `Timer reset to ${mmss(state.minutes * 60)}.`;
  }
  startBtn.addEventListener("click", () => {
    if (timer.running) {
      timer.leftMs = Math.max(0, timer.endAt - Date.now());
      stopTicking();
      timer.running = false;
      startBtn.textContent = "Resume";
      showClock();
      status.textContent = `Timer paused at ${clock.textContent}.`;
      return;
    }
    if (timer.done) resetTimer(false);
    timer.running = true;
    timer.endAt = Date.now() + timer.leftMs;
    timer.handle = setInterval(tick, 250);
    startBtn.textContent = "Pause";
    status.textContent = `Timer started: ${clock.textContent} left.`;
  });
  resetBtn.addEventListener("click", () => resetTimer(true));
  minutesF.input.addEventListener("input", () => {
    const m = wholeIn(minutesF.input.value, 1, 60);
    showError(minutesF, m === null ? "Enter a whole number of minutes from 1 to 60." : "");
    if (m === null) return;
    state.minutes = m;
    persist();
    if (!timer.running) resetTimer(false);
  });

  // ----- the student's own argument -------------------------------------------
  const sideName = uid("cw-side");
  const sideInputs = {};
  const sideSet = h(
    "fieldset",
    { class: "cw-side" },
    h("legend", { text: "Your side" }),
    h(
      "div",
      { class: "cw-row" },
      SIDES.map((side) => {
        const id = uid("cw-side-opt");
        sideInputs[side] = h("input", { type: "radio", id, name: sideName, value: side });
        return h("span", {}, sideInputs[side], " ", h("label", { for: id, text: side === "for" ? "For the motion" : "Against the motion" }));
      }),
    ),
  );
  const argId = uid("cw-arg");
  const argHint = h("span", {
    id: `${argId}-hint`,
    class: "cw-hint cw-block",
    text: "Use the prompts as a start; write in your own words. Saved in this browser as you type, one argument per motion.",
  });
  const textarea = h("textarea", { id: argId, class: "cw-argument", rows: "8", dir: "auto", "aria-describedby": `${argId}-hint ${argId}-count` });
  const counter = h("span", { id: `${argId}-count`, class: "cw-hint cw-count" });
  const mdBtn = h("button", { type: "button", class: "cw-secondary cw-export-md", text: "Export as Markdown" });
  const jsonBtn = h("button", { type: "button", class: "cw-secondary cw-export-json", text: "Export as JSON" });
  const clearBtn = h("button", { type: "button", class: "cw-secondary cw-clear", text: "Clear my work\u2026" });
  const yesBtn = h("button", { type: "button", class: "cw-danger cw-clear-yes", text: "Yes, clear it" });
  const noBtn = h("button", { type: "button", class: "cw-secondary cw-clear-no", text: "Keep my work" });
  const confirmBox = h(
    "div",
    { class: "cw-confirm", role: "group", "aria-label": "Confirm clearing", hidden: true },
    h("p", { text: "Clear every argument and side you chose on this page, and forget the settings saved in this browser? This cannot be undone." }),
    h("div", { class: "cw-row" }, yesBtn, noBtn),
  );

  function currentArg() {
    return state.args[state.motion] || { side: "", text: "" };
  }
  function drawArgument() {
    const arg = currentArg();
    textarea.value = arg.text;
    for (const side of SIDES) sideInputs[side].checked = arg.side === side;
    drawCount();
  }
  function drawCount() {
    const text = textarea.value;
    counter.textContent = `${wordCount(text)} words, ${charCount(text)} characters.`;
  }

  let syncHandle = null;
  function syncArgument(now) {
    // Send what the student wrote to Python when a kernel is running (summary()).
    const send = () => {
      syncHandle = null;
      const arg = currentArg();
      model.set("side", arg.side);
      model.set("argument", arg.text);
      model.save_changes();
    };
    if (syncHandle !== null) clearTimeout(syncHandle);
    if (now) send();
    else syncHandle = setTimeout(send, 400);
  }
  // Typing is sent to a kernel after a pause (a long text on every keystroke would
  // flood the connection); a side choice, and the text on leaving the box, go at once.
  function updateArg(change, now) {
    const arg = Object.assign({}, currentArg(), change);
    if (!arg.text && !arg.side) delete state.args[state.motion];
    else state.args[state.motion] = arg;
    persist();
    syncArgument(Boolean(now));
  }
  textarea.addEventListener("input", () => {
    drawCount();
    updateArg({ text: textarea.value });
  });
  textarea.addEventListener("change", () => syncArgument(true));
  for (const side of SIDES) {
    sideInputs[side].addEventListener("change", () => {
      if (sideInputs[side].checked) {
        updateArg({ side }, true);
        status.textContent = `Your side: ${side} the motion.`;
      }
    });
  }

  function written() {
    return motions.filter((m) => state.args[m.id]).map((m) => ({ motion: m, arg: state.args[m.id] }));
  }
  function exportMarkdown() {
    const items = written();
    if (!items.length) {
      status.textContent = "Nothing to export yet: choose a side or write an argument first.";
      return;
    }
    const parts = ["# My debate arguments", "", `Exported on ${new Date().toISOString().slice(0, 10)}.`, ""];
    for (const { motion, arg } of items) {
      parts.push(`## ${motion.title}`, "", `Side: ${arg.side ? `${arg.side} the motion` : "not chosen"}`, "", arg.text, "");
    }
    download("debate-arguments.md", parts.join("\n"), "text/markdown;charset=utf-8");
    status.textContent = "Markdown file downloaded.";
  }
  function exportJson() {
    const items = written();
    if (!items.length) {
      status.textContent = "Nothing to export yet: choose a side or write an argument first.";
      return;
    }
    const data = {
      exported: new Date().toISOString(),
      arguments: items.map(({ motion, arg }) => ({ motion_id: motion.id, motion: motion.title, side: arg.side, text: arg.text })),
    };
    download("debate-arguments.json", JSON.stringify(data, null, 2), "application/json");
    status.textContent = "JSON file downloaded.";
  }
  mdBtn.addEventListener("click", exportMarkdown);
  jsonBtn.addEventListener("click", exportJson);
  clearBtn.addEventListener("click", () => {
    confirmBox.hidden = false;
    clearBtn.setAttribute("aria-expanded", "true");
    noBtn.focus();
  });
  noBtn.addEventListener("click", () => {
    confirmBox.hidden = true;
    clearBtn.setAttribute("aria-expanded", "false");
    clearBtn.focus();
    status.textContent = "Nothing was cleared.";
  });
  yesBtn.addEventListener("click", () => {
    forget(model);
    state.args = {};
    state.shufflePos = -1;
    drawArgument();
    syncArgument(true);
    confirmBox.hidden = true;
    clearBtn.setAttribute("aria-expanded", "false");
    storageNote.textContent = "Cleared. Nothing from this page is stored in this browser now.";
    clearBtn.focus();
    status.textContent = "Your arguments were cleared.";
  });
  clearBtn.setAttribute("aria-expanded", "false");

  // ----- changes from Python (a running kernel) ---------------------------------
  const onMotion = () => {
    const id = model.get("motion_id");
    if (id !== state.motion && byId.has(id)) chooseMotion(id, "");
  };
  const onSeed = () => {
    const seed = model.get("seed") >>> 0;
    if (seed !== state.seed) {
      seedF.input.value = String(seed);
      if (drawGroups()) persist();
    }
  };
  model.on("change:motion_id", onMotion);
  model.on("change:seed", onSeed);

  // ----- assemble --------------------------------------------------------------
  root.append(
    h("div", { class: "cw-field" }, h("label", { for: selectId, text: "Motion" }), select),
    h("div", { class: "cw-row" }, shuffleBtn, projectorBtn, fullscreenBtn),
    motionBox,
    h(
      "fieldset",
      { class: "cw-seminar" },
      h("legend", { text: "Split the class into groups" }),
      h("div", { class: "cw-row" }, studentsF.field, groupsF.field, seedF.field),
      h("p", { class: "cw-hint", text: "The same draw number always gives the same groups and shuffle order." }),
      groupsOut,
    ),
    h(
      "fieldset",
      { class: "cw-timer" },
      h("legend", { text: "Speech timer" }),
      h("div", { class: "cw-row" }, minutesF.field),
      clock,
      doneFlag,
      h("div", { class: "cw-row" }, startBtn, resetBtn),
    ),
    h(
      "fieldset",
      { class: "cw-own" },
      h("legend", { text: "Your own argument on this motion" }),
      sideSet,
      h("label", { for: argId, class: "cw-block", text: "Your argument" }),
      argHint,
      textarea,
      counter,
      h("div", { class: "cw-row" }, mdBtn, jsonBtn, clearBtn),
      confirmBox,
      storageNote,
    ),
    status,
  );
  el.append(root);

  drawMotion();
  drawArgument();
  drawGroups();
  if (savedProblem) storageNote.textContent = "Saved work in this browser could not be read and was set aside.";
  else if (saved) storageNote.textContent = "Your saved work was restored from this browser.";
  else storageNote.textContent = "Nothing saved yet. What you write is kept in this browser only.";
  // Tell Python (when a kernel runs) what the page restored, so its answers match.
  let restored = false;
  if (model.get("motion_id") !== state.motion) {
    model.set("motion_id", state.motion);
    restored = true;
  }
  if (model.get("seed") !== state.seed) {
    model.set("seed", state.seed);
    restored = true;
  }
  if (restored) model.save_changes();
  if (state.args[state.motion]) syncArgument(true);

  return () => {
    stopTicking();
    if (syncHandle !== null) clearTimeout(syncHandle);
    model.off("change:motion_id", onMotion);
    model.off("change:seed", onSeed);
  };
}

export default { render };
