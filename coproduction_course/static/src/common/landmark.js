// landmark.js: a name for a widget's landmark that is unique on the page.
// Several copies of one widget on a page (a checklist per case study) would
// otherwise be landmarks with the same name (axe: landmark-unique). The name
// adds the heading of the page section the widget sits in, and a number when
// that is not enough.
const named = new Map(); // document -> Set of names given

function sectionHeading(el) {
  let node = el.parentElement;
  while (node) {
    if (node.tagName === "SECTION" && !node.closest(".cw-widget")) {
      const heading = node.querySelector(":scope > h1, :scope > h2, :scope > h3, :scope > h4");
      if (heading) return heading.textContent.replace(/[#¶]\s*$/, "").trim();
    }
    node = node.parentElement;
  }
  return "";
}

export function landmarkName(el, title) {
  const doc = el.ownerDocument;
  if (!named.has(doc)) named.set(doc, new Set());
  const taken = named.get(doc);
  const context = sectionHeading(el);
  let name = context && context !== title ? `${title}: ${context}` : title;
  for (let n = 2; taken.has(name); n += 1) name = `${title} (${n})`;
  taken.add(name);
  return name;
}
