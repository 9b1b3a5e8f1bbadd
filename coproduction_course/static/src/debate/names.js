// names.js: a pasted class list, pure. One name per line (a comma or tab
// separated paste works too); blank lines and spaces around names are dropped;
// at most MAX_STUDENTS names are kept, each cut to 80 characters (code points:
// never half of an emoji or of another character beyond the Basic Multilingual Plane).
// Only the page reads class lists; tests/golden/debate.json holds its cases.
import { MAX_STUDENTS } from "./random.js";

export function parseClassList(text) {
  return String(text || "")
    .split(/[\n\r\t,;]+/)
    .map((name) => Array.from(name.replace(/\s+/g, " ").trim()).slice(0, 80).join(""))
    .filter((name) => name.length > 0)
    .slice(0, MAX_STUDENTS);
}
