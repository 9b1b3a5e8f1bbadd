// score.js: the checklist's scoring, pure (no page needed; node --test runs it).
// The same rules as coproduction_course/checklist.py; tests/golden/checklist.json
// holds cases both must reproduce.
// - each indicator is rated 0 (not seen), 1 (partly) or 2 (clearly); an
//   unanswered indicator is absent from `ratings` and ignored (not counted as 0);
// - per group: rated = answered indicators, score = sum, max = 2 * rated,
//   percent = floor(100 * score / max), or null when nothing is rated;
// - band: "none" when nothing is rated, else the first band in content.bands
//   (low, some, high) whose up_to >= percent;
// - overall: the same over every answered indicator; the position is
//   content.overall.by_band[band], only once every group has a rated indicator.

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

function groupScore(content, group, ratings) {
  const values = group.indicators.map((i) => ratings[i.id]).filter(isRating);
  const rated = values.length;
  const points = values.reduce((a, b) => a + b, 0);
  const max = 2 * rated;
  const percent = max ? Math.floor((100 * points) / max) : null;
  return {
    id: group.id,
    rated,
    total: group.indicators.length,
    score: points,
    max,
    percent,
    band: bandFor(content, rated, percent),
  };
}

export function scoreAll(content, ratings) {
  const groups = content.groups.map((group) => groupScore(content, group, ratings));
  const sum = (key) => groups.reduce((total, g) => total + g[key], 0);
  const rated = sum("rated");
  const score = sum("score");
  const max = 2 * rated;
  const percent = max ? Math.floor((100 * score) / max) : null;
  const band = bandFor(content, rated, percent);
  const everyGroupRated = groups.every((g) => g.rated > 0);
  const position = everyGroupRated && band !== "none" ? content.overall.by_band[band] : null;
  return { groups, overall: { rated, total: sum("total"), score, max, percent, band, position } };
}
