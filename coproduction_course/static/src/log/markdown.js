// markdown.js: the learning log as a Markdown document a student can keep or
// hand in, pure. Links go to the published site when its address is known
// (content.published, from html.baseurl), else to the address the page was
// opened at when that is a web address, and nowhere from a copy on disk.
import { WORDS } from "./words.js";

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
// What a student typed is kept as they typed it.
const escape = (s) => String(s);

export function siteAddress(content, here) {
  if (content.published) return content.published.endsWith("/") ? content.published : content.published + "/";
  return /^https?:\/\//.test(here || "") ? here : "";
}

function row(r) {
  const pad = "  ".repeat(r.level);
  const body = escape(r.text).replace(/\n/g, "\n" + pad + "  ");
  if (!r.label) return `${pad}- ${body}`;
  return r.text ? `${pad}- **${escape(r.label)}**: ${body}` : `${pad}- **${escape(r.label)}**`;
}

export function logMarkdown(log, { course, address, date }) {
  const out = [fill(WORDS.markdownTitle, { course }), ""];
  if (address) out.push(fill(WORDS.markdownFrom, { address: `<${address}>`, date }), "");
  out.push(WORDS.markdownOpened, "");
  for (const page of log.opened) {
    out.push(address ? `- [${escape(page.title)}](${address}${page.path})` : `- ${escape(page.title)}`);
  }
  for (const chapter of log.chapters) {
    out.push("", `## ${escape(chapter.heading)}`);
    for (const item of chapter.items) {
      out.push("", `### ${escape(item.title)}`, "");
      for (const r of item.rows) out.push(row(r));
    }
  }
  if (log.setAside) out.push("", WORDS.markdownSetAside, "", fill(WORDS.setAside, { count: log.setAside }));
  return out.join("\n") + "\n";
}
