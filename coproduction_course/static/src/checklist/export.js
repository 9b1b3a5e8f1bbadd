// export.js: the checklist's texts and exports, pure. The Markdown and JSON
// exports are the same as checklist.py's to_markdown() and as_dict(); the
// golden cases in tests/golden/checklist.json hold both sides to that.
import { RATING_KEYS, isRating, scoreAll } from "./score.js";
import { fill } from "../common/text.js";

export function bandLabel(content, band) {
  if (band === "none") return content.ui.not_rated;
  return content.bands.find((b) => b.id === band).label;
}

export function positionOf(content, position) {
  return content.overall.positions.find((p) => p.id === position);
}

export function positionLabel(content, position) {
  return position === null ? content.overall.not_enough : positionOf(content, position).label;
}

export function countsText(shared, s) {
  return fill(shared.counts_template, s);
}

export function scoreText(content, shared, s, withBand = true) {
  if (!s.rated) return `${content.ui.not_rated} (${fill(content.ui.rated_template, { rated: 0, total: s.total })})`;
  const text = countsText(shared, s);
  return withBand && s.rated ? `${text} ${bandLabel(content, s.band)}` : text;
}

export function positionText(content, shared, o) {
  if (o.position !== null) return positionLabel(content, o.position);
  if (o.rated === 0) return content.overall.not_enough;
  const shorts = Object.fromEntries(content.groups.map((g) => [g.id, g.short]));
  return fill(shared.needs_evidence, { missing: o.evidence_missing.map((id) => shorts[id]).join(", ") });
}

function href(link, root) {
  return root ? root.replace(/\/+$/, "") + "/" + link.href : link.href;
}

export function ratingLabel(content, value) {
  return isRating(value) ? content.rating_labels[RATING_KEYS[value]] : content.rating_labels.unanswered;
}

function groupMarkdown(content, shared, group, gs, answers, root) {
  const ui = content.ui;
  const out = [`## ${group.title}`, ""];
  for (const indicator of group.indicators) {
    out.push(`- ${indicator.text} **${ratingLabel(content, answers.ratings[indicator.id])}**`);
  }
  out.push("", scoreText(content, shared, gs), "");
  out.push(`${ui.feedback_heading}: ${group.feedback[gs.band]}`, "");
  out.push(`${ui.question_heading}: ${group.question}`, "");
  out.push(`${ui.read_more}: [${group.link.label}](${href(group.link, root)})`, "");
  const note = answers.notes[group.id] || "";
  if (note) {
    out.push(`${ui.notes_label}:`, "");
    for (const line of note.split("\n")) out.push(line ? "> " + line : ">");
    out.push("");
  }
  return out;
}

// The Markdown export: the same text, line for line, as checklist.to_markdown().
// shared: the checklist block of data/ui.yml; root: the site's address (links absolute).
// `who` = {course, student}: the course title and the optional name or candidate number.
export function toMarkdown(content, shared, initiative, ratings, notes, root = null, who = {}) {
  const c = content;
  const ui = c.ui;
  const s = scoreAll(c, ratings, notes);
  const answers = { ratings, notes };
  const student = (who.student || "").trim();
  const out = [`# ${c.title}`, "", fill(shared.export_course, { course: who.course }), ""];
  if (student) out.push(fill(shared.export_student, { name: student }), "");
  out.push(`**${ui.initiative_label}** ${initiative.trim() || ui.no_initiative}`, "");
  c.groups.forEach((group, index) => out.push(...groupMarkdown(c, shared, group, s.groups[index], answers, root)));
  const o = s.overall;
  out.push(`## ${ui.profile_heading}`, "", `${shared.overall_label}: ${scoreText(c, shared, o, false)}`, "");
  out.push(`${ui.position_heading}: ${positionText(c, shared, o)}`);
  if (o.position !== null) out.push("", positionOf(c, o.position).text);
  if (c.mode === "barriers") out.push("", shared.no_barriers_caveat);
  out.push("", `${ui.read_more}: [${c.overall.link.label}](${href(c.overall.link, root)})`, "");
  return out.join("\n");
}

// The JSON export: the same shape as checklist.as_dict().
export function asDict(content, mode, initiative, ratings, notes, who = {}) {
  const cleanRatings = {};
  const cleanNotes = {};
  for (const group of content.groups) {
    for (const indicator of group.indicators) {
      if (isRating(ratings[indicator.id])) cleanRatings[indicator.id] = ratings[indicator.id];
    }
    if (notes[group.id]) cleanNotes[group.id] = notes[group.id];
  }
  const scores = scoreAll(content, ratings, notes);
  return { course: who.course, student: (who.student || "").trim(), mode, initiative, ratings: cleanRatings, notes: cleanNotes, scores };
}
