// score.js: the checklist's scoring, pure (no page needed; node --test runs it).
// The same rules as coproduction_course/checklist.py; tests/golden/checklist.json
// holds cases both must reproduce.
// - each indicator is rated 0 (not seen), 1 (partly) or 2 (clearly); an
//   unanswered indicator is absent from `ratings` and ignored (not counted as 0);
// - per group: rated = answered indicators, score = sum, max = 2 * rated,
//   percent = floor(100 * score / max), or null when nothing is rated;
// - band: "none" when nothing is rated, else the first band in content.bands
//   (low, some, high) whose up_to >= percent;
// - a student sees counts (seen clearly / partly, not seen, not answered),
//   not percentages; the band chooses the feedback text and the scale place;
// - overall: the same over every answered indicator; the position is
//   content.overall.by_band[band], only once every group has a rated
//   indicator and an evidence note (evidence_missing lists the others).

export const RATING_VALUES = [0, 1, 2];
export const RATING_KEYS = ["not_seen", "partly", "clearly"];

export function isRating(value) {
  return RATING_VALUES.includes(value);
}

export function bandFor(content, rated, percent) {
  if (rated === 0 || percent === null) return "none";
  for (const band of content.bands) {
    if (percent <= band.up_to) return band.id;
  }
  return content.bands[content.bands.length - 1].id;
}

function counts(values, total) {
  const clearly = values.filter((v) => v === 2).length;
  const partly = values.filter((v) => v === 1).length;
  const notSeen = values.filter((v) => v === 0).length;
  return { seen: clearly + partly, clearly, partly, not_seen: notSeen, unanswered: total - values.length };
}

function banded(content, values, total) {
  const max = 2 * values.length;
  const score = values.reduce((a, b) => a + b, 0);
  const percent = max ? Math.floor((100 * score) / max) : null;
  return { rated: values.length, total, score, max, percent, band: bandFor(content, values.length, percent), ...counts(values, total) };
}

// notes: group id -> evidence note. The position needs a rating and a note in every group.
export function scoreAll(content, ratings, notes = {}) {
  const all = [];
  const missing = [];
  const groups = content.groups.map((group) => {
    const values = group.indicators.map((i) => ratings[i.id]).filter(isRating);
    all.push(...values);
    if (!values.length || !String(notes[group.id] || "").trim()) missing.push(group.id);
    return { id: group.id, ...banded(content, values, group.indicators.length) };
  });
  const overall = banded(content, all, groups.reduce((t, g) => t + g.total, 0));
  const position = !missing.length && overall.band !== "none" ? content.overall.by_band[overall.band] : null;
  const { seen, clearly, partly, not_seen: notSeen, unanswered, ...rest } = overall;
  return {
    groups,
    overall: { ...rest, position, evidence_missing: missing, seen, clearly, partly, not_seen: notSeen, unanswered },
  };
}
