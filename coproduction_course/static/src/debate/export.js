// export.js: the student's arguments as Markdown and JSON, pure. Both carry
// the course title, the optional name or candidate number, absolute links to
// the course pages (built from the site's root), the positions before and
// after the debate, and the groups with names only when the student chose to
// include them.
import { fill, sentence } from "../common/text.js";
import { absoluteHref } from "../common/links.js";
import { MOMENTS, POSITIONS, emptyPosition, isEmptyRecord, positionLines } from "./positions.js";

const NO_ARG = { side: "", text: "", stay: false };

function sideText(ui, side) {
  return side ? fill(ui.export_side_chosen, { side: side === "for" ? ui.side_for : ui.side_against }) : ui.export_side_none;
}

function linkLine(link, root) {
  const url = absoluteHref(link.href, root);
  return url ? `[${link.label}](${url})` : link.label;
}

function itemMarkdown(ui, item, root) {
  const arg = item.arg || NO_ARG;
  const { motion } = item;
  const out = [`## ${sentence(motion.title)}`, ""];
  if (motion.side_by_choice) out.push(sentence(ui.export_by_choice), "");
  out.push(fill(ui.export_side, { side: sideText(ui, arg.side) }), "");
  if (motion.side_by_choice && arg.stay) out.push(sentence(ui.export_stay), "");
  if (arg.text.trim()) out.push(arg.text, "");
  if (!isEmptyRecord(item.positions)) {
    out.push(`### ${ui.positions_legend}`, "", ...positionLines(ui, item.positions).map((line) => `- ${sentence(line)}`), "");
  }
  out.push(`${ui.export_read_more}:`, "", ...motion.chapters.map((link) => `- ${linkLine(link, root)}`), "");
  return out;
}

// `doc` = {ui, course, student, date, root, items: [{motion, arg, positions}], groups: [lines] | null}
export function argumentsMarkdown(doc) {
  const { ui } = doc;
  const out = [`# ${ui.export_heading}`, "", fill(ui.export_course, { course: doc.course })];
  if (doc.student.trim()) out.push("", sentence(fill(ui.export_student, { name: doc.student.trim() })));
  out.push("", fill(ui.export_date, { date: doc.date }), "");
  for (const item of doc.items) out.push(...itemMarkdown(ui, item, doc.root));
  if (doc.groups) out.push(`## ${ui.export_groups}`, "", ...doc.groups.map((line) => `- ${sentence(line)}`), "");
  return out.join("\n");
}

function positionsJson(record) {
  const out = {};
  for (const moment of MOMENTS) {
    const p = (record && record[moment]) || emptyPosition();
    out[moment] = { own: p.own, room: Object.fromEntries(POSITIONS.map((key) => [key, p[key]])) };
  }
  return out;
}

export function argumentsJson(doc) {
  const data = {
    course: doc.course,
    student: doc.student.trim(),
    exported: doc.date,
    arguments: doc.items.map(({ motion, arg = NO_ARG, positions }) => ({
      motion_id: motion.id,
      motion: motion.title,
      side_by_choice: motion.side_by_choice === true,
      side: arg.side,
      stayed_on_side: motion.side_by_choice === true && arg.stay === true,
      text: arg.text,
      positions: positionsJson(positions),
      links: motion.chapters.map((link) => ({ label: link.label, href: absoluteHref(link.href, doc.root) || link.href })),
    })),
  };
  if (doc.groups) data.groups = doc.groups;
  return data;
}
