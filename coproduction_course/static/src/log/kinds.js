// kinds.js: one describer per kind of saved work (self-check, checklist,
// debate, page review), and a plain fallback for anything else. Each returns
// {title, rows: [{label, text, level}]} or null when there is nothing to show.
import { WORDS } from "./words.js";

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
const isRecord = (v) => Boolean(v) && typeof v === "object" && !Array.isArray(v);
const text = (v) => (typeof v === "string" ? v.trim() : "");

function selfcheck(value, content) {
  const rows = [];
  for (const [id, choice] of Object.entries(value.choices)) {
    const q = (content.selfcheck || {})[id];
    if (!q) {
      rows.push({ label: WORDS.unknownQuestion, text: "", level: 0 });
      continue;
    }
    const chosen = q.options[choice];
    if (chosen === undefined) continue;
    const verdict = choice === q.correct ? WORDS.right : fill(WORDS.notRight, { answer: q.options[q.correct] });
    rows.push({ label: q.prompt, text: "", level: 0 });
    rows.push({ label: WORDS.yourAnswer, text: `${chosen} (${verdict})`, level: 1 });
  }
  return rows.length ? { title: WORDS.selfcheckTitle, rows } : null;
}

// The checklist (barriers or principles) whose indicators or groups the entry names.
function whichChecklist(value, content) {
  const lists = Object.values(content.checklists || {});
  const named = new Set([...Object.keys(value.ratings), ...Object.keys(isRecord(value.notes) ? value.notes : {})]);
  const match = lists.find((l) => l.groups.some((g) => named.has(g.id) || g.indicators.some((i) => named.has(i.id))));
  return match || { title: WORDS.checklistTitle, groups: [], ratings: {} };
}

function checklist(value, content) {
  const list = whichChecklist(value, content);
  const rows = [];
  if (text(value.initiative)) rows.push({ label: WORDS.initiative, text: text(value.initiative), level: 0 });
  if (text(value.student)) rows.push({ label: WORDS.student, text: text(value.student), level: 0 });
  for (const group of list.groups) {
    const rated = group.indicators.filter((i) => value.ratings[i.id] !== undefined && value.ratings[i.id] !== null);
    const note = isRecord(value.notes) ? text(value.notes[group.id]) : "";
    if (!rated.length && !note) continue;
    rows.push({ label: group.title, text: "", level: 0 });
    for (const i of rated) rows.push({ label: i.text, text: list.ratings[String(value.ratings[i.id])] || String(value.ratings[i.id]), level: 1 });
    if (note) rows.push({ label: WORDS.yourNotes, text: note, level: 1 });
  }
  return rows.length ? { title: list.title || WORDS.checklistTitle, rows } : null;
}

function debate(value, content) {
  const rows = [];
  if (text(value.student)) rows.push({ label: WORDS.student, text: text(value.student), level: 0 });
  for (const [id, arg] of Object.entries(value.args)) {
    if (!isRecord(arg)) continue;
    const words = text(arg.text);
    const side = (content.sides || {})[arg.side] || WORDS.sides[arg.side] || text(arg.side);
    if (!words && !side) continue;
    rows.push({ label: WORDS.motion, text: (content.motions || {})[id] || id, level: 0 });
    if (side) rows.push({ label: WORDS.side, text: side, level: 1 });
    if (words) rows.push({ label: WORDS.argument, text: words, level: 1 });
  }
  return rows.length ? { title: WORDS.debateTitle, rows } : null;
}

function review(value, pageTitle) {
  const answers = isRecord(value.answers) ? value.answers : {};
  const rows = [];
  for (const [key, label] of Object.entries(WORDS.reviewQuestions)) {
    const answer = text(answers[key]);
    if (answer) rows.push({ label, text: WORDS.reviewAnswers[answer] || answer, level: 0 });
  }
  if (text(value.saved)) rows.push({ label: fill(WORDS.savedOn, { date: text(value.saved).slice(0, 10) }), text: "", level: 0 });
  const title = fill(WORDS.reviewTitle, { page: text(value.page_title) || pageTitle });
  return rows.length ? { title, rows } : null;
}

// Anything else: its text fields, never ids, numbers or flags the widgets keep for themselves.
function fallback(value) {
  const rows = [];
  const walk = (v, level) => {
    if (typeof v === "string" && v.trim()) rows.push({ label: "", text: v.trim(), level });
    else if (Array.isArray(v)) v.forEach((x) => walk(x, level));
    else if (isRecord(v)) Object.entries(v).forEach(([k, x]) => (k === "saved" || k === "version" ? null : walk(x, level)));
  };
  walk(value, 0);
  return rows.length ? { title: WORDS.otherWork, rows } : null;
}

export function describeEntry(name, value, content, pageTitle) {
  if (!isRecord(value)) return null;
  if (name === "page-review" || value.kind === "page-review") return review(value, pageTitle);
  if (isRecord(value.choices)) return selfcheck(value, content);
  if (isRecord(value.ratings)) return checklist(value, content);
  if (isRecord(value.args)) return debate(value, content);
  return fallback(value);
}
