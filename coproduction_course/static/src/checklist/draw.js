// draw.js: bringing the checklist's view in step with the model: feedback,
// profile, scale, chart and the controls (after a change from the page or
// from Python).
import { fill } from "../common/text.js";
import { isRating, scoreAll } from "./score.js";
import { bandLabel, countsText, positionOf, positionText, scoreText } from "./export.js";
import { drawChart } from "./view-profile.js";

function groupAnnouncements(view, s, before) {
  const { content, ui, shared, groups } = view;
  const changed = [];
  content.groups.forEach((group, index) => {
    const gs = s.groups[index];
    const { box, scoreLine, feedbackLine } = groups[index].feedback;
    scoreLine.textContent = scoreText(content, shared, gs);
    feedbackLine.textContent = " " + group.feedback[gs.band];
    Object.assign(box.dataset, { band: gs.band, score: gs.score, max: gs.max, rated: gs.rated });
    box.dataset.percent = gs.percent === null ? "" : gs.percent;
    const old = before.groups[index];
    if (old.band !== gs.band || old.seen !== gs.seen || old.rated !== gs.rated) {
      const scoreValue = gs.rated ? countsText(shared, gs) : ui.not_rated;
      changed.push(fill(ui.announce_template, { group: group.title, band: bandLabel(content, gs.band), score: scoreValue }));
    }
  });
  return changed;
}

function drawProfile(view, s, before) {
  const { content, profile, ui, shared } = view;
  const o = s.overall;
  profile.overallLine.textContent = `${shared.overall_label}: ${scoreText(content, shared, o, false)}`;
  const data = profile.element.dataset;
  Object.assign(data, { position: o.position === null ? "" : o.position, band: o.band, score: o.score, max: o.max, rated: o.rated });
  data.percent = o.percent === null ? "" : o.percent;
  for (const [placeId, { item, marker }] of Object.entries(profile.scaleItems)) {
    const here = placeId === o.position;
    if (here) item.setAttribute("aria-current", "true");
    else item.removeAttribute("aria-current");
    marker.hidden = !here;
  }
  profile.positionText.textContent = o.position === null ? positionText(content, shared, o) : positionOf(content, o.position).text;
  view.chartWidth = drawChart(content, shared, s, profile.chartHolder);
  return o.position !== before.overall.position ? [`${ui.position_heading}: ${positionText(content, shared, o)}`] : [];
}

export function syncInputs(view) {
  const { model, groups, header, profile, ui } = view;
  const ratings = model.get("ratings") || {};
  const notes = model.get("notes") || {};
  for (const group of groups) {
    for (const [indicatorId, radios] of Object.entries(group.inputs)) {
      const value = isRating(ratings[indicatorId]) ? String(ratings[indicatorId]) : "";
      if (!radios[value].checked) radios[value].checked = true;
    }
    const text = notes[group.noteBox.dataset.note] || "";
    if (group.noteBox.value !== text) group.noteBox.value = text;
  }
  const initiative = model.get("initiative") || "";
  if (header.initiativeInput.value !== initiative) header.initiativeInput.value = initiative;
  profile.initiativeShown.textContent = initiative.trim() || ui.no_initiative;
}

export function draw(view) {
  const s = scoreAll(view.content, view.model.get("ratings") || {}, view.model.get("notes") || {});
  const before = view.lastScores || s;
  const changed = [...groupAnnouncements(view, s, before), ...drawProfile(view, s, before)];
  if (view.disclosure) view.disclosure.update(s.overall);
  view.lastScores = s;
  return changed;
}

