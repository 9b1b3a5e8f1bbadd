// export.js: the student's arguments as Markdown and JSON, pure. Both carry
// the course title, the optional name or candidate number, absolute links to
// the course pages (built from the site's root), and the groups with names
// only when the student chose to include them.
import { fill, sentence } from "../common/text.js";
import { absoluteHref } from "../common/links.js";

function sideText(ui, side) {
  return side ? fill(ui.export_side_chosen, { side: side === "for" ? ui.side_for : ui.side_against }) : ui.export_side_none;
}

function linkLine(link, root) {
  const url = absoluteHref(link.href, root);
  return url ? `[${link.label}](${url})` : link.label;
}

// `doc` = {ui, course, student, date, root, items: [{motion, arg}], groups: [lines] | null}
export function argumentsMarkdown(doc) {
  const { ui } = doc;
  const out = [`# ${ui.export_heading}`, "", fill(ui.export_course, { course: doc.course })];
  if (doc.student.trim()) out.push("", sentence(fill(ui.export_student, { name: doc.student.trim() })));
  out.push("", fill(ui.export_date, { date: doc.date }), "");
  for (const { motion, arg } of doc.items) {
    out.push(`## ${sentence(motion.title)}`, "", fill(ui.export_side, { side: sideText(ui, arg.side) }), "");
    if (arg.text.trim()) out.push(arg.text, "");
    out.push(`${ui.export_read_more}:`, "", ...motion.chapters.map((link) => `- ${linkLine(link, doc.root)}`), "");
  }
  if (doc.groups) out.push(`## ${ui.export_groups}`, "", ...doc.groups.map((line) => `- ${sentence(line)}`), "");
  return out.join("\n");
}

export function argumentsJson(doc) {
  const data = {
    course: doc.course,
    student: doc.student.trim(),
    exported: doc.date,
    arguments: doc.items.map(({ motion, arg }) => ({
      motion_id: motion.id,
      motion: motion.title,
      side: arg.side,
      text: arg.text,
      links: motion.chapters.map((link) => ({ label: link.label, href: absoluteHref(link.href, doc.root) || link.href })),
    })),
  };
  if (doc.groups) data.groups = doc.groups;
  return data;
}
