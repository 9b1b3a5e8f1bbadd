// positions.js: where people stand on a motion before and after the debate,
// pure. Per motion: {before: Position, after: Position}, where a Position is
// {own: "" | "for" | "against" | "undecided", for, against, undecided}: the
// student's own position and the room's count as the tutor entered it (each
// count a whole number from 0 to MAX_COUNT, or null when not entered).
import { isRecord } from "../common/store.js";
import { fill } from "../common/text.js";

export const POSITIONS = ["for", "against", "undecided"];
export const MOMENTS = ["before", "after"];
export const MAX_COUNT = 999;

export function emptyPosition() {
  return { own: "", for: null, against: null, undecided: null };
}

function cleanCount(value) {
  return Number.isInteger(value) && value >= 0 && value <= MAX_COUNT ? value : null;
}

export function cleanPosition(value) {
  const out = emptyPosition();
  if (!isRecord(value)) return out;
  if (POSITIONS.includes(value.own)) out.own = value.own;
  for (const key of POSITIONS) out[key] = cleanCount(value[key]);
  return out;
}

export function isEmptyPosition(p) {
  return !p.own && POSITIONS.every((key) => p[key] === null);
}

export function isEmptyRecord(record) {
  return !record || MOMENTS.every((m) => isEmptyPosition(record[m] || emptyPosition()));
}

export function cleanPositions(value, motionIds) {
  const out = {};
  if (!isRecord(value)) return out;
  for (const [id, record] of Object.entries(value)) {
    if (!motionIds.has(id) || !isRecord(record)) continue;
    const clean = { before: cleanPosition(record.before), after: cleanPosition(record.after) };
    if (!isEmptyRecord(clean)) out[id] = clean;
  }
  return out;
}

export function hasRoomCount(p) {
  return POSITIONS.some((key) => p[key] !== null);
}

// "12 for, 8 against, 4 undecided" (a count left blank reads as "–").
export function roomText(ui, p) {
  if (!hasRoomCount(p)) return ui.not_recorded;
  const show = (n) => (n === null ? "–" : String(n));
  return fill(ui.room_counts, { for: show(p.for), against: show(p.against), undecided: show(p.undecided) });
}

export function ownText(ui, p) {
  return p.own ? ui[`position_${p.own}`].toLowerCase() : ui.not_recorded;
}

// The two lines shown under the form and written into the Markdown export.
export function positionLines(ui, record) {
  const r = record || { before: emptyPosition(), after: emptyPosition() };
  return [
    fill(ui.own_before_after, { before: ownText(ui, r.before), after: ownText(ui, r.after) }),
    fill(ui.room_before_after, { before: roomText(ui, r.before), after: roomText(ui, r.after) }),
  ];
}
