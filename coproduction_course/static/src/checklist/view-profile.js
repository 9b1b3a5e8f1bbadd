// view-profile.js: the overall profile: a bar chart per group and the place
// on the doing-to / doing-for / doing-with scale.
import { h, svg } from "../common/dom.js";
import { bookLink } from "../common/links.js";
import { bandLabel } from "./export.js";
import { fill } from "../common/text.js";

export function buildProfile(content, shared, prefix) {
  const ui = content.ui;
  const chartHolder = h("div", { "data-role": "chart" });
  const scale = h("ol", { class: "cwc-scale", "data-role": "scale" });
  const scaleItems = {};
  for (const place of content.overall.positions) {
    const marker = h("span", { class: "cwc-marker", hidden: true, text: ui.position_marker });
    const item = h("li", { "data-position": place.id }, h("span", { text: place.label }), marker);
    scaleItems[place.id] = { item, marker };
    scale.append(item);
  }
  const positionText = h("p", { "data-role": "position-text" });
  const overallLine = h("p", { "data-role": "overall" });
  const initiativeShown = h("span", { dir: "auto", "data-role": "initiative-shown" });
  const element = h(
    "div",
    { class: "cwc-group", "data-role": "profile" },
    h("h4", { id: `${prefix}-profile`, text: ui.profile_heading }),
    h("p", {}, h("strong", { text: ui.initiative_label }), " ", initiativeShown),
    overallLine,
    chartHolder,
    h("h4", { text: ui.position_heading }),
    scale,
    positionText,
    content.mode === "barriers" ? h("p", { class: "cwc-caveat", "data-role": "caveat", text: shared.no_barriers_caveat }) : null,
    h("p", {}, `${ui.read_more}: `, bookLink(content.overall.link)),
  );
  return { element, chartHolder, scaleItems, positionText, overallLine, initiativeShown };
}

// The chart is drawn at the width it is shown at (one SVG unit = one CSS
// pixel), so its text stays the page's size on a phone and on a projector.
// Colours come from the theme's custom properties, so dark mode applies.
export function drawChart(content, shared, s, holder) {
  const ui = content.ui;
  const width = Math.max(240, Math.min(800, Math.round(holder.clientWidth || 320)));
  // On a narrow chart (a 320 px phone) the value goes on its own line, under the
  // group's name, so the two never overlap.
  const narrow = width < 440;
  const row = narrow ? 70 : 50;
  const bar = narrow ? 44 : 24;
  const track = width - 2;
  const parts = [];
  const described = [];
  content.groups.forEach((group, index) => {
    const gs = s.groups[index];
    const y = index * row;
    const value = gs.rated ? fill(shared.chart_value, gs) : ui.not_rated;
    described.push(`${group.short}: ${value}${gs.rated ? ", " + bandLabel(content, gs.band) : ""}`);
    parts.push(
      svg("text", { x: 1, y: y + 17, "font-size": 15, text: group.short }),
      narrow
        ? svg("text", { x: 1, y: y + 37, "font-size": 15, "font-weight": "bold", text: value })
        : svg("text", { x: width - 1, y: y + 17, "font-size": 15, "text-anchor": "end", "font-weight": "bold", text: value }),
      svg("rect", { class: "cwc-track", x: 1, y: y + bar, width: track, height: 18, rx: 3 }),
    );
    if (gs.seen) {
      const barWidth = Math.max(2, (track * gs.seen) / gs.total);
      parts.push(svg("rect", { class: "cwc-bar", x: 1, y: y + bar, width: barWidth, height: 18, rx: 3, "data-seen": gs.seen }));
    }
  });
  const label = `${ui.chart_label} ${described.join("; ")}.`;
  const height = row * content.groups.length + 4;
  const chart = svg(
    "svg",
    { class: "cwc-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label, focusable: "false" },
    svg("title", { text: label }),
    ...parts,
  );
  holder.replaceChildren(chart);
  return width;
}
