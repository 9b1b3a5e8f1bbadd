// text.js: small pure text helpers shared by the views and the exports.

// Fill "{name}" placeholders in interface text from data/ui.yml.
export function fill(template, values) {
  let out = String(template);
  for (const [key, value] of Object.entries(values || {})) out = out.split("{" + key + "}").join(String(value));
  return out;
}

// A sentence ends with a full stop (or the ! ? or : it already has).
export function sentence(text) {
  const trimmed = String(text).trim();
  if (!trimmed) return trimmed;
  return /[.!?:)]$/.test(trimmed) ? trimmed : trimmed + ".";
}

// A file-name part: lower case letters, digits and hyphens.
export function slug(text) {
  return (
    String(text || "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "answers"
  );
}

// Characters as a reader counts them: an emoji is one, not two UTF-16 units.
export function charCount(text) {
  const pairs = String(text).match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
  return String(text).length - (pairs ? pairs.length : 0);
}

export function wordCount(text) {
  const words = String(text).trim().match(/\S+/g);
  return words ? words.length : 0;
}

// A whole number within [min, max], or null.
export function wholeIn(text, min, max) {
  const value = String(text).trim();
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}
