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

export function scoreText(content, s, withBand = true) {
  const rated = fill(content.ui.rated_template, { rated: s.rated, total: s.total });
  if (s.percent === null) return `${content.ui.not_rated} (${rated})`;
  const text = `${s.score}/${s.max} (${s.percent}%), ${rated}.`;
  return withBand ? `${text} ${bandLabel(content, s.band)}` : text;
}

export function ratingLabel(content, value) {
  return isRating(value) ? content.rating_labels[RATING_KEYS[value]] : content.rating_labels.unanswered;
}

function groupMarkdown(content, group, gs, ratings, notes) {
  const ui = content.ui;
  const out = [`## ${group.title}`, ""];
  for (const indicator of group.indicators) {
    out.push(`- ${indicator.text} **${ratingLabel(content, ratings[indicator.id])}**`);
  }
  out.push("", scoreText(content, gs), "");
  out.push(`${ui.feedback_heading}: ${group.feedback[gs.band]}`, "");
  out.push(`${ui.question_heading}: ${group.question}`, "");
  out.push(`${ui.read_more}: ${group.link.label} (${group.link.href})`, "");
  const note = notes[group.id] || "";
  if (note) {
    out.push(`${ui.notes_label}:`, "");
    for (const line of note.split("\n")) out.push(line ? "> " + line : ">");
    out.push("");
  }
  return out;
}

// The Markdown export: the same text, line for line, as checklist.to_markdown().
export function toMarkdown(content, initiative, ratings, notes) {
  const c = content;
  const s = scoreAll(c, ratings);
  const ui = c.ui;
  const out = [`# ${c.title}`, "", `**${ui.initiative_label}** ${initiative.trim() || ui.no_initiative}`, ""];
  c.groups.forEach((group, index) => out.push(...groupMarkdown(c, group, s.groups[index], ratings, notes)));
  const o = s.overall;
  out.push(`## ${ui.profile_heading}`, "", `Overall: ${scoreText(c, o, false)}`, "");
  out.push(`${ui.position_heading}: ${positionLabel(c, o.position)}`);
  if (o.position !== null) out.push("", positionOf(c, o.position).text);
  out.push("", `${ui.read_more}: ${c.overall.link.label} (${c.overall.link.href})`, "");
  return out.join("\n");
}

// The JSON export: the same shape as checklist.as_dict().
export function asDict(content, mode, initiative, ratings, notes) {
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
