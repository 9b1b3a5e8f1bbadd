// checklist.js: the view of coproduction_course.checklist.BarrierChecklist.
// Joined after common.js (h, uid, storageKey, loadSaved, save, forget, download,
// slug, liveRegion) by coproduction_course.base.view_module.
//
// Every piece of course content (groups, indicators, rating labels, feedback,
// seminar questions, positions, links, interface labels) comes from the synced
// `content` trait, loaded from data/barriers.yml or data/principles.yml.
//
// Scoring (identical to checklist.py; the browser test checks they agree):
// - each indicator is rated 0 (not seen), 1 (partly) or 2 (clearly); an
//   unanswered indicator is absent from `ratings` and ignored (not counted as 0);
// - per group: rated = answered indicators, score = sum, max = 2 * rated,
//   percent = floor(100 * score / max), or null when nothing is rated;
// - band: "none" when nothing is rated, else the first band in content.bands
//   (low, some, high) whose up_to >= percent;
// - overall: the same over every answered indicator; the position is
//   content.overall.by_band[band], only once every group has a rated indicator.

const RATING_VALUES = [0, 1, 2];
const RATING_KEYS = ["not_seen", "partly", "clearly"];
const SVG_NS = "http://www.w3.org/2000/svg";

function isRating(value) {
  return RATING_VALUES.includes(value);
}

function bandFor(content, rated, percent) {
  if (rated === 0 || percent === null) return "none";
  for (const band of content.bands) {
    if (percent <= band.up_to) return band.id;
  }
  return content.bands[content.bands.length - 1].id;
}

function scoreAll(content, ratings) {
  const groups = [];
  let totalScore = 0;
  let totalRated = 0;
  let totalIndicators = 0;
  let everyGroupRated = true;
  for (const group of content.groups) {
    const values = group.indicators.map((i) => ratings[i.id]).filter(isRating);
    const rated = values.length;
    const points = values.reduce((a, b) => a + b, 0);
    const max = 2 * rated;
    const percent = max ? Math.floor((100 * points) / max) : null;
    groups.push({
      id: group.id,
      rated,
      total: group.indicators.length,
      score: points,
      max,
      percent,
      band: bandFor(content, rated, percent),
    });
    totalScore += points;
    totalRated += rated;
    totalIndicators += group.indicators.length;
    everyGroupRated = everyGroupRated && rated > 0;
  }
  const max = 2 * totalRated;
  const percent = max ? Math.floor((100 * totalScore) / max) : null;
  const band = bandFor(content, totalRated, percent);
  const position = everyGroupRated && band !== "none" ? content.overall.by_band[band] : null;
  return {
    groups,
    overall: { rated: totalRated, total: totalIndicators, score: totalScore, max, percent, band, position },
  };
}

function fill(template, values) {
  let out = template;
  for (const [key, value] of Object.entries(values)) out = out.split("{" + key + "}").join(String(value));
  return out;
}

function bandLabel(content, band) {
  if (band === "none") return content.ui.not_rated;
  return content.bands.find((b) => b.id === band).label;
}

function positionOf(content, position) {
  return content.overall.positions.find((p) => p.id === position);
}

function positionLabel(content, position) {
  return position === null ? content.overall.not_enough : positionOf(content, position).label;
}

function scoreText(content, s, withBand = true) {
  const rated = fill(content.ui.rated_template, { rated: s.rated, total: s.total });
  if (s.percent === null) return `${content.ui.not_rated} (${rated})`;
  const text = `${s.score}/${s.max} (${s.percent}%), ${rated}.`;
  return withBand ? `${text} ${bandLabel(content, s.band)}` : text;
}

function ratingLabel(content, value) {
  return isRating(value) ? content.rating_labels[RATING_KEYS[value]] : content.rating_labels.unanswered;
}

// The Markdown export: the same text, line for line, as checklist.to_markdown().
function toMarkdown(content, initiative, ratings, notes) {
  const c = content;
  const s = scoreAll(c, ratings);
  const ui = c.ui;
  const out = [`# ${c.title}`, "", `**${ui.initiative_label}** ${initiative.trim() || ui.no_initiative}`, ""];
  c.groups.forEach((group, index) => {
    const gs = s.groups[index];
    out.push(`## ${group.title}`, "");
    for (const indicator of group.indicators) {
      out.push(`- ${indicator.text} **${ratingLabel(c, ratings[indicator.id])}**`);
    }
    out.push("", scoreText(c, gs), "");
    out.push(`${ui.feedback_heading}: ${group.feedback[gs.band]}`, "");
    out.push(`${ui.question_heading}: ${group.question}`, "");
    out.push(`${ui.read_more}: ${group.link.label} (${group.link.href})`, "");
    const note = notes[group.id] || "";
    if (note) {
      out.push(`${ui.notes_label}:`, "");
      for (const line of note.split("\n")) out.push(line ? "> " + line : ">");
      out.push("");
    }
  });
  const o = s.overall;
  out.push(`## ${ui.profile_heading}`, "", `Overall: ${scoreText(c, o, false)}`, "");
  out.push(`${ui.position_heading}: ${positionLabel(c, o.position)}`);
  if (o.position !== null) out.push("", positionOf(c, o.position).text);
  out.push("", `${ui.read_more}: ${c.overall.link.label} (${c.overall.link.href})`, "");
  return out.join("\n");
}

// The JSON export: the same shape as checklist.as_dict().
function asDict(content, mode, initiative, ratings, notes) {
  const cleanRatings = {};
  const cleanNotes = {};
  for (const group of content.groups) {
    for (const indicator of group.indicators) {
      if (isRating(ratings[indicator.id])) cleanRatings[indicator.id] = ratings[indicator.id];
    }
    if (notes[group.id]) cleanNotes[group.id] = notes[group.id];
  }
  return { mode, initiative, ratings: cleanRatings, notes: cleanNotes, scores: scoreAll(content, ratings) };
}

// Saved answers: {version: 1, initiative, ratings, notes}. Anything else is
// "corrupt": ignored, with a visible message. Unknown ids are dropped quietly
// (the content may have changed since the answers were saved).
function cleanSaved(content, saved) {
  if (!saved || typeof saved !== "object" || Array.isArray(saved) || saved.version !== 1) return null;
  const { initiative, ratings, notes } = saved;
  if (typeof initiative !== "string") return null;
  if (!ratings || typeof ratings !== "object" || Array.isArray(ratings)) return null;
  if (!notes || typeof notes !== "object" || Array.isArray(notes)) return null;
  const clean = { initiative, ratings: {}, notes: {} };
  for (const group of content.groups) {
    for (const indicator of group.indicators) {
      const value = ratings[indicator.id];
      if (value === undefined || value === null) continue;
      if (!isRating(value)) return null;
      clean.ratings[indicator.id] = value;
    }
    const note = notes[group.id];
    if (note === undefined || note === null || note === "") continue;
    if (typeof note !== "string") return null;
    clean.notes[group.id] = note;
  }
  return clean;
}

const restoreResult = new WeakMap();

function restore(model) {
  const content = model.get("content");
  if (!content || !content.groups) return "none";
  let raw = null;
  try {
    raw = localStorage.getItem(storageKey(model));
  } catch (err) {
    return "none";
  }
  if (raw === null) return "none";
  const clean = cleanSaved(content, loadSaved(model));
  if (!clean) return "corrupt";
  model.set("initiative", clean.initiative);
  model.set("ratings", clean.ratings);
  model.set("notes", clean.notes);
  model.save_changes();
  return "restored";
}

function ensureRestored(model) {
  if (!restoreResult.has(model)) restoreResult.set(model, restore(model));
  return restoreResult.get(model);
}

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null) continue;
    if (key === "text") el.textContent = value;
    else el.setAttribute(key, String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

function render({ model, el }) {
  const content = model.get("content");
  if (!content || !Array.isArray(content.groups)) {
    el.append(h("p", { class: "cwc-notice", role: "alert", text: "The checklist's content is missing." }));
    return;
  }
  const restored = ensureRestored(model);
  const ui = content.ui;
  const mode = model.get("mode");
  const id = uid("cwc");
  const inputs = {}; // indicator id -> {"": radio, 0: radio, ...}
  const noteBoxes = {}; // group id -> textarea
  const feedbackBoxes = {}; // group id -> elements
  let lastScores = scoreAll(content, model.get("ratings") || {});

  const status = liveRegion();
  const notice = h("p", { class: "cwc-notice", hidden: restored !== "corrupt" }, restored === "corrupt" ? ui.corrupt_saved : "");
  const storageNote = h("p", { class: "cwc-hint" }, ui.saved_note);

  function current() {
    return {
      initiative: model.get("initiative") || "",
      ratings: Object.assign({}, model.get("ratings") || {}),
      notes: Object.assign({}, model.get("notes") || {}),
    };
  }

  function persist() {
    const state = current();
    const ok = save(model, { version: 1, initiative: state.initiative, ratings: state.ratings, notes: state.notes });
    storageNote.textContent = ok ? ui.saved_note : ui.storage_failed;
    storageNote.classList.toggle("cwc-notice", !ok);
  }

  // --- header and initiative ------------------------------------------------
  const titleId = `${id}-title`;
  const root = h("section", { class: "cwc", "aria-labelledby": titleId, "data-mode": mode });
  const initiativeId = `${id}-initiative`;
  const initiativeInput = h("input", {
    type: "text",
    id: initiativeId,
    dir: "auto",
    autocomplete: "off",
    maxlength: 1000,
    "data-role": "initiative",
  });
  initiativeInput.value = model.get("initiative") || "";
  initiativeInput.addEventListener("input", () => {
    model.set("initiative", initiativeInput.value);
    model.save_changes();
  });
  root.append(
    h("h3", { id: titleId, text: content.title }),
    h("p", { class: "cwc-intro", text: content.intro }),
    h("p", { class: "cwc-source", text: content.source }),
    notice,
    h("label", { class: "cwc-block", for: initiativeId, text: ui.initiative_label }),
    initiativeInput,
  );

  // --- groups -----------------------------------------------------------------
  const options = [
    ["", content.rating_labels.unanswered],
    ...RATING_VALUES.map((v) => [String(v), content.rating_labels[RATING_KEYS[v]]]),
  ];
  content.groups.forEach((group, gIndex) => {
    const headingId = `${id}-g${gIndex}`;
    const section = h("section", { class: "cwc-group", "aria-labelledby": headingId, "data-group": group.id });
    section.append(h("h4", { id: headingId, text: group.title }), h("p", { text: group.description }));
    group.indicators.forEach((indicator, iIndex) => {
      const name = `${id}-g${gIndex}-i${iIndex}`;
      const row = h("div", { class: "cwc-options" });
      inputs[indicator.id] = {};
      for (const [value, label] of options) {
        const radio = h("input", { type: "radio", name, value, "data-value": value });
        radio.addEventListener("change", () => {
          if (!radio.checked) return;
          const ratings = Object.assign({}, model.get("ratings") || {});
          if (value === "") delete ratings[indicator.id];
          else ratings[indicator.id] = Number(value);
          model.set("ratings", ratings);
          model.save_changes();
        });
        inputs[indicator.id][value] = radio;
        row.append(h("label", {}, radio, h("span", { text: label })));
      }
      section.append(h("fieldset", { "data-indicator": indicator.id }, h("legend", { text: indicator.text }), row));
    });

    const noteId = `${id}-n${gIndex}`;
    const hintId = `${noteId}-hint`;
    const textarea = h("textarea", { id: noteId, rows: 4, dir: "auto", "aria-describedby": hintId, "data-note": group.id });
    textarea.value = (model.get("notes") || {})[group.id] || "";
    textarea.addEventListener("input", () => {
      const notes = Object.assign({}, model.get("notes") || {});
      if (textarea.value) notes[group.id] = textarea.value;
      else delete notes[group.id];
      model.set("notes", notes);
      model.save_changes();
    });
    noteBoxes[group.id] = textarea;
    section.append(
      h("label", { class: "cwc-block", for: noteId, text: ui.notes_label }),
      h("p", { class: "cwc-hint", id: hintId, text: ui.notes_hint }),
      textarea,
    );

    const scoreLine = h("strong", { "data-role": "score" });
    const feedbackLine = h("span", { "data-role": "feedback" });
    const box = h(
      "div",
      { class: "cwc-feedback", "data-feedback": group.id },
      h("p", {}, scoreLine),
      h("p", {}, h("strong", { text: ui.feedback_heading }), feedbackLine),
      h("p", {}, h("strong", { text: ui.question_heading }), h("span", { text: group.question })),
      h("p", {}, `${ui.read_more}: `, bookLink(group.link)),
    );
    feedbackBoxes[group.id] = { box, scoreLine, feedbackLine };
    section.append(box);
    root.append(section);
  });

  // --- overall profile ----------------------------------------------------------
  const chartHolder = h("div", { "data-role": "chart" });
  const scale = h("ol", { class: "cwc-scale", "data-role": "scale" });
  const scaleItems = {};
  for (const place of content.overall.positions) {
    const marker = h("span", { class: "cwc-marker", hidden: true, text: ui.position_marker });
    const item = h("li", { "data-position": place.id }, h("span", { text: place.label }), marker);
    scaleItems[place.id] = { item, marker };
    scale.append(item);
  }
  const positionText = h("p", { "data-role": "position-text" });
  const overallLine = h("p", { "data-role": "overall" });
  const initiativeShown = h("span", { dir: "auto", "data-role": "initiative-shown" });
  const profile = h(
    "section",
    { class: "cwc-group", "aria-labelledby": `${id}-profile`, "data-role": "profile" },
    h("h4", { id: `${id}-profile`, text: ui.profile_heading }),
    h("p", {}, h("strong", { text: ui.initiative_label }), " ", initiativeShown),
    overallLine,
    chartHolder,
    h("h4", { text: ui.position_heading }),
    scale,
    positionText,
    h("p", {}, `${ui.read_more}: `, bookLink(content.overall.link)),
  );
  root.append(profile);

  // --- actions ------------------------------------------------------------------------
  const baseName = () => `${slug(content.title)}-${slug(model.get("initiative") || "")}`;
  const mdButton = h("button", { type: "button", class: "cwc-secondary", "data-action": "markdown", text: ui.download_markdown });
  mdButton.addEventListener("click", () => {
    const s = current();
    download(`${baseName()}.md`, toMarkdown(content, s.initiative, s.ratings, s.notes), "text/markdown;charset=utf-8");
  });
  const jsonButton = h("button", { type: "button", class: "cwc-secondary", "data-action": "json", text: ui.download_json });
  jsonButton.addEventListener("click", () => {
    const s = current();
    const data = asDict(content, mode, s.initiative, s.ratings, s.notes);
    download(`${baseName()}.json`, JSON.stringify(data, null, 2), "application/json;charset=utf-8");
  });
  const confirmId = `${id}-confirm`;
  const resetButton = h("button", {
    type: "button",
    class: "cwc-danger",
    "data-action": "reset",
    "aria-expanded": "false",
    "aria-controls": confirmId,
    text: ui.reset,
  });
  const yesButton = h("button", { type: "button", class: "cwc-danger", "data-action": "reset-yes", text: ui.reset_yes });
  const cancelButton = h("button", { type: "button", class: "cwc-secondary", "data-action": "reset-cancel", text: ui.reset_cancel });
  const confirmBox = h(
    "div",
    { class: "cwc-confirm", id: confirmId, role: "group", "aria-labelledby": `${confirmId}-text`, hidden: true },
    h("p", { id: `${confirmId}-text`, text: ui.reset_confirm }),
    h("div", { class: "cwc-actions" }, yesButton, cancelButton),
  );
  function closeConfirm() {
    confirmBox.hidden = true;
    resetButton.setAttribute("aria-expanded", "false");
    resetButton.focus();
  }
  resetButton.addEventListener("click", () => {
    confirmBox.hidden = false;
    resetButton.setAttribute("aria-expanded", "true");
    cancelButton.focus();
  });
  cancelButton.addEventListener("click", closeConfirm);
  yesButton.addEventListener("click", () => {
    model.set("ratings", {});
    model.set("notes", {});
    model.set("initiative", "");
    model.save_changes();
    forget(model);
    notice.hidden = true;
    closeConfirm();
    status.textContent = ui.reset_done;
  });
  root.append(h("div", { class: "cwc-actions" }, mdButton, jsonButton, resetButton), confirmBox, storageNote, status);
  el.append(root);

  // --- drawing the results ------------------------------------------------------------
  // The chart is drawn at the width it is shown at (one SVG unit = one CSS
  // pixel), so its text stays the page's size on a phone and on a projector.
  let chartWidth = 0;
  function drawChart(s) {
    const width = Math.max(240, Math.min(800, Math.round(chartHolder.clientWidth || 320)));
    chartWidth = width;
    const row = 50;
    const track = width - 2;
    const height = row * content.groups.length + 4;
    const parts = [];
    const described = [];
    content.groups.forEach((group, index) => {
      const gs = s.groups[index];
      const y = index * row;
      const value = gs.percent === null ? ui.not_rated : `${gs.percent}%`;
      described.push(`${group.short}: ${value}${gs.percent === null ? "" : ", " + bandLabel(content, gs.band)}`);
      parts.push(
        svg("text", { x: 1, y: y + 17, "font-size": 15, text: group.short }),
        svg("text", { x: width - 1, y: y + 17, "font-size": 15, "text-anchor": "end", "font-weight": "bold", text: value }),
        svg("rect", { x: 1, y: y + 24, width: track, height: 18, rx: 3, fill: "#ffffff", stroke: "#6b6b6b", "stroke-width": 1 }),
      );
      if (gs.percent) {
        parts.push(
          svg("rect", {
            x: 1,
            y: y + 24,
            width: Math.max(2, (track * gs.percent) / 100),
            height: 18,
            rx: 3,
            fill: "#0b4f8a",
            "data-percent": gs.percent,
          }),
        );
      }
    });
    const label = `${ui.chart_label} ${described.join("; ")}.`;
    const chart = svg(
      "svg",
      { class: "cwc-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label, focusable: "false" },
      svg("title", { text: label }),
      ...parts,
    );
    chartHolder.replaceChildren(chart);
  }

  function draw() {
    const ratings = model.get("ratings") || {};
    const s = scoreAll(content, ratings);
    const changed = [];
    content.groups.forEach((group, index) => {
      const gs = s.groups[index];
      const { box, scoreLine, feedbackLine } = feedbackBoxes[group.id];
      scoreLine.textContent = scoreText(content, gs);
      feedbackLine.textContent = " " + group.feedback[gs.band];
      box.dataset.band = gs.band;
      box.dataset.score = gs.score;
      box.dataset.max = gs.max;
      box.dataset.rated = gs.rated;
      box.dataset.percent = gs.percent === null ? "" : gs.percent;
      const before = lastScores.groups[index];
      if (before.band !== gs.band || before.percent !== gs.percent) {
        const scoreValue = gs.percent === null ? ui.not_rated : `${gs.score}/${gs.max}, ${gs.percent}%`;
        changed.push(fill(ui.announce_template, { group: group.title, band: bandLabel(content, gs.band), score: scoreValue }));
      }
    });
    const o = s.overall;
    overallLine.textContent = `Overall: ${scoreText(content, o, false)}`;
    profile.dataset.position = o.position === null ? "" : o.position;
    profile.dataset.band = o.band;
    profile.dataset.percent = o.percent === null ? "" : o.percent;
    profile.dataset.score = o.score;
    profile.dataset.max = o.max;
    profile.dataset.rated = o.rated;
    for (const [placeId, { item, marker }] of Object.entries(scaleItems)) {
      const here = placeId === o.position;
      if (here) item.setAttribute("aria-current", "true");
      else item.removeAttribute("aria-current");
      marker.hidden = !here;
    }
    positionText.textContent = o.position === null ? content.overall.not_enough : positionOf(content, o.position).text;
    if (o.position !== lastScores.overall.position) {
      changed.push(`${ui.position_heading}: ${positionLabel(content, o.position)}.`);
    }
    drawChart(s);
    lastScores = s;
    return changed;
  }

  function syncInputs() {
    const ratings = model.get("ratings") || {};
    for (const [indicatorId, radios] of Object.entries(inputs)) {
      const value = isRating(ratings[indicatorId]) ? String(ratings[indicatorId]) : "";
      if (!radios[value].checked) radios[value].checked = true;
    }
    const notes = model.get("notes") || {};
    for (const [groupId, box] of Object.entries(noteBoxes)) {
      const text = notes[groupId] || "";
      if (box.value !== text) box.value = text;
    }
    const initiative = model.get("initiative") || "";
    if (initiativeInput.value !== initiative) initiativeInput.value = initiative;
    initiativeShown.textContent = initiative.trim() || ui.no_initiative;
  }

  const onRatings = () => {
    syncInputs();
    const changed = draw();
    if (changed.length) status.textContent = changed.join(" ");
    persist();
  };
  const onText = () => {
    syncInputs();
    persist();
  };
  model.on("change:ratings", onRatings);
  model.on("change:notes", onText);
  model.on("change:initiative", onText);

  syncInputs();
  draw();
  let resizer = null;
  if (typeof ResizeObserver !== "undefined") {
    resizer = new ResizeObserver(() => {
      const width = Math.round(chartHolder.clientWidth);
      if (width && Math.abs(width - chartWidth) > 4) drawChart(lastScores);
    });
    resizer.observe(chartHolder);
  }
  return () => {
    if (resizer) resizer.disconnect();
    model.off("change:ratings", onRatings);
    model.off("change:notes", onText);
    model.off("change:initiative", onText);
  };
}

export default {
  initialize({ model }) {
    ensureRestored(model);
  },
  render,
};
