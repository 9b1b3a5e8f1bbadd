// view-motion.js: choosing a motion (list, shuffle) and the motion card.
import { h, uid } from "../common/dom.js";
import { bookLink } from "../common/links.js";
import { SIDES, shuffleOrder } from "./random.js";

function motionCard(ui, motion) {
  const prompts = SIDES.map((side) =>
    h(
      "div",
      { class: `cw-prompts cw-prompts-${side}` },
      h("h4", { text: side === "for" ? ui.prompts_for : ui.prompts_against }),
      h("ul", {}, motion[side].map((prompt) => h("li", { text: prompt }))),
    ),
  );
  const sources = motion.sources.map((source) =>
    h("li", {}, source.citation, " ", h("span", { class: "cw-source-key", text: `[${source.key}]` })),
  );
  const choice = motion.side_by_choice ? [h("p", { class: "cw-choice-note", text: ui.choice_note })] : [];
  return [
    h("h3", { class: "cw-motion-title", text: motion.title }),
    ...choice,
    h("p", { class: "cw-background", text: motion.background }),
    h("div", { class: "cw-sides" }, prompts),
    h("h4", { text: ui.read_more }),
    h("ul", { class: "cw-links" }, motion.chapters.map((link) => h("li", {}, bookLink(link)))),
    h("h4", { text: ui.sources }),
    h("ul", { class: "cw-sources" }, sources),
  ];
}

// `ctx` holds the view's shared state (see index.js); onChoose(id, announce).
export function buildMotion(ctx, onChoose) {
  const { ui, motions, state } = ctx;
  const selectId = uid("cw-motion");
  const select = h(
    "select",
    { id: selectId, class: "cw-motion-select" },
    motions.map((m, i) => h("option", { value: m.id, text: `${i + 1}. ${m.title}` })),
  );
  const shuffleBtn = h("button", { type: "button", class: "cw-shuffle", text: ui.shuffle });
  // A plain container: the heading inside names it; no aria-labelledby
  // without a role (axe: aria-prohibited-attr).
  const card = h("div", { class: "cw-motion" });
  const order = () => shuffleOrder(motions.map((m) => m.id), state.seed);
  function draw() {
    const motion = ctx.byId.get(state.motion);
    select.value = motion.id;
    shuffleBtn.setAttribute("data-shuffle-order", order().join(" "));
    card.setAttribute("data-motion-id", motion.id);
    card.replaceChildren(...motionCard(ui, motion));
  }
  select.addEventListener("change", () => onChoose(select.value, ui.motion_chosen));
  shuffleBtn.addEventListener("click", () => {
    const ids = order();
    let pos = (state.shufflePos + 1) % ids.length;
    if (ids[pos] === state.motion && ids.length > 1) pos = (pos + 1) % ids.length;
    state.shufflePos = pos;
    onChoose(ids[pos], ui.shuffled_to);
  });
  const chooser = h("div", { class: "cw-field" }, h("label", { for: selectId, text: ui.motion_label }), select);
  return { chooser, shuffleBtn, card, draw };
}
